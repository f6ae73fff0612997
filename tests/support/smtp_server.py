#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd).

Prints "PORT <n>" once it listens, then serves until killed. Every message it accepts
is written, exactly as received, to OUT/msg-<n>.eml, with its envelope beside it in
OUT/env-<n>.json.

Modes: plain; starttls (requires STARTTLS, --cert/--key); tls (TLS from the first
byte, --cert/--key); auth (requires AUTH with
--user/--password); refuse (answers 550 to every recipient).
"""
import argparse
import json
import os
import socket
import ssl
import sys
import time

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult
except ImportError:
    print("aiosmtpd is not installed: pip install aiosmtpd", file=sys.stderr)
    sys.exit(3)


class Handler:
    def __init__(self, out, refuse):
        self.out = out
        self.refuse = refuse
        self.n = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.7.1 Relaying denied for <%s>" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        base = os.path.join(self.out, "msg-%d" % self.n)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(os.path.join(self.out, "env-%d.json" % self.n), "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       # STARTTLS sets session.ssl; TLS from the first byte shows on
                       # the transport.
                       "tls": session.ssl is not None
                       or server.transport.get_extra_info("ssl_object") is not None,
                       "auth": session.authenticated}, f)
        return "250 Message accepted for delivery"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="plain", choices=["plain", "starttls", "tls", "auth", "refuse"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--user", default="wijk")
    ap.add_argument("--password", default="geheim")
    a = ap.parse_args()

    kwargs = {}
    if a.mode == "starttls":
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.cert, a.key)
        kwargs.update(tls_context=ctx, require_starttls=True)
    server_ssl = None
    if a.mode == "tls":
        server_ssl = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_ssl.load_cert_chain(a.cert, a.key)
        kwargs.update(server_hostname="127.0.0.1")
    if a.mode == "auth":
        def check(server, session, envelope, mechanism, auth_data):
            ok = (auth_data.login.decode() == a.user
                  and auth_data.password.decode() == a.password)
            return AuthResult(success=ok, handled=False)
        kwargs.update(authenticator=check, auth_required=True, auth_require_tls=False)

    port = free_port()
    c = Controller(Handler(a.out, a.mode == "refuse"), hostname="127.0.0.1", port=port,
                   ready_timeout=5.0, ssl_context=server_ssl, **kwargs)
    c.start()
    print("PORT %d" % port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        c.stop()


if __name__ == "__main__":
    main()
