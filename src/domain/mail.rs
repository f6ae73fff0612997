//! Feedback by email: composing the message (pure) and feedback templates with
//! placeholders. Sending lives in `crate::mailer`, which alone runs a command.

use chrono::{DateTime, Utc};

/// A plain-text email ready to hand to `sendmail -t` or to save as an `.eml` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub from: String,
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Email {
    /// RFC 5322 text with CRLF line endings; non-ASCII headers as RFC 2047 words,
    /// the body as UTF-8 quoted-printable so every line stays short and 7-bit.
    pub fn render(&self, date: DateTime<Utc>, message_id: &str) -> String {
        let mut out = String::new();
        let header = |out: &mut String, name: &str, value: &str| {
            out.push_str(name);
            out.push_str(": ");
            out.push_str(&header_value(value));
            out.push_str("\r\n");
        };
        header(&mut out, "From", &self.from);
        header(&mut out, "To", &self.to);
        header(&mut out, "Subject", &self.subject);
        out.push_str(&format!(
            "Date: {}\r\n",
            date.format("%a, %d %b %Y %H:%M:%S +0000")
        ));
        out.push_str(&format!("Message-ID: <{}>\r\n", strip_controls(message_id)));
        out.push_str("MIME-Version: 1.0\r\n");
        out.push_str("Content-Type: text/plain; charset=utf-8\r\n");
        out.push_str("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        out.push_str(&quoted_printable(&self.body));
        out
    }
}

/// Header text may not carry a line break (header injection): controls go.
fn strip_controls(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

fn header_value(value: &str) -> String {
    let v = strip_controls(value);
    if v.is_ascii() {
        return v;
    }
    // Encode word by word so addresses like "Name <a@b>" keep their ASCII part.
    v.split(' ')
        .map(|w| {
            if w.is_ascii() {
                w.to_string()
            } else {
                format!("=?utf-8?B?{}?=", base64(w.as_bytes()))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Quoted-printable (RFC 2045) with soft breaks before 76 characters.
fn quoted_printable(body: &str) -> String {
    let mut out = String::new();
    for line in body.replace("\r\n", "\n").split('\n') {
        let mut len = 0;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let last = i + 1 == bytes.len();
            let enc = match b {
                b'=' => "=3D".to_string(),
                b' ' | b'\t' if last => format!("={b:02X}"),
                33..=126 | b' ' | b'\t' => (b as char).to_string(),
                _ => format!("={b:02X}"),
            };
            if len + enc.len() > 75 {
                out.push_str("=\r\n");
                len = 0;
            }
            len += enc.len();
            out.push_str(&enc);
        }
        out.push_str("\r\n");
    }
    out
}

/// What a template can say about the signal it answers.
#[derive(Debug, Clone, Default)]
pub struct TemplateFields {
    pub org: String,
    pub signal_id: String,
    pub title: String,
    pub owner: String,
    pub due: String,
    pub user: String,
}

/// Fill `{org}`, `{id}`, `{title}`, `{owner}`, `{due}` and `{user}` (Dutch aliases
/// `{organisatie}`, `{titel}`, `{behandelaar}`, `{datum}`, `{gebruiker}`). Unknown
/// placeholders are left as typed, so nothing the user wrote disappears.
pub fn fill_template(template: &str, f: &TemplateFields) -> String {
    let pairs: [(&[&str], &str); 6] = [
        (&["org", "organisatie"], &f.org),
        (&["id"], &f.signal_id),
        (&["title", "titel"], &f.title),
        (&["owner", "behandelaar"], &f.owner),
        (&["due", "datum"], &f.due),
        (&["user", "gebruiker"], &f.user),
    ];
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let key = after[..end].trim().to_lowercase();
                match pairs
                    .iter()
                    .find(|(names, _)| names.contains(&key.as_str()))
                {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + end + 2]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn email() -> Email {
        Email {
            from: "Gemeente <wijk@example.nl>".into(),
            to: "bo@example.org".into(),
            subject: "Terugkoppeling S-4: één stoeptegel".into(),
            body: "Beste bewoners,\n\nWij hebben de tegel = gerepareerd. ".repeat(3),
        }
    }

    #[test]
    fn renders_headers_and_a_7bit_body() {
        let date = DateTime::parse_from_rfc3339("2026-01-15T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let msg = email().render(date, "s4.1@wijkdesk");
        assert!(msg.starts_with("From: Gemeente <wijk@example.nl>\r\nTo: bo@example.org\r\n"));
        assert!(msg.contains("Subject: Terugkoppeling S-4: =?utf-8?B?w6nDqW4=?= stoeptegel\r\n"));
        assert!(msg.contains("Date: Thu, 15 Jan 2026 10:00:00 +0000\r\n"));
        assert!(msg.contains("=3D"));
        assert!(msg.is_ascii());
        assert!(msg.split("\r\n").all(|l| l.len() <= 76), "{msg}");
    }

    #[test]
    fn header_injection_is_impossible() {
        let mut e = email();
        e.subject = "Hallo\r\nBcc: evil@example.com".into();
        let date = Utc::now();
        let msg = e.render(date, "x");
        assert!(!msg.contains("\r\nBcc:"));
    }

    #[test]
    fn templates_fill_known_placeholders_and_keep_the_rest() {
        let f = TemplateFields {
            org: "Duinoord".into(),
            signal_id: "S-4".into(),
            due: "2026-02-01".into(),
            ..Default::default()
        };
        assert_eq!(
            fill_template(
                "Beste {org}, over {id} hoort u voor {datum} meer. {onbekend} {",
                &f
            ),
            "Beste Duinoord, over S-4 hoort u voor 2026-02-01 meer. {onbekend} {"
        );
    }

    proptest! {
        #[test]
        fn templates_never_panic_and_keep_plain_text(s in "\\PC*") {
            let out = fill_template(&s, &TemplateFields::default());
            if !s.contains('{') {
                prop_assert_eq!(out, s);
            }
        }

        #[test]
        fn quoted_printable_lines_stay_short(s in "\\PC{0,400}") {
            let qp = quoted_printable(&s);
            prop_assert!(qp.is_ascii());
            prop_assert!(qp.split("\r\n").all(|l| l.len() <= 76));
        }
    }
}
