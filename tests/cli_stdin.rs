//! `-` for a text argument reads standard input: never a literal "-" stored.

mod support;

use support::cli::*;

/// Run with `input` on standard input; returns (exit code, stdout, stderr).
fn with_stdin(env: &Env, args: &[&str], input: &[u8]) -> (i32, String, String) {
    let out = env
        .cmd()
        .args(args)
        .write_stdin(input.to_vec())
        .output()
        .expect("run wijkdesk");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok_stdin(env: &Env, args: &[&str], input: &str) -> String {
    let (code, out, err) = with_stdin(env, args, input.as_bytes());
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

#[test]
fn signal_body_and_feedback_text_come_from_standard_input() {
    let env = seeded();
    let mail = "Beste gemeente,\n\nDe stoeptegels bij de school liggen los.\nGroet, één bewoner\n";
    let id = ok_stdin(
        &env,
        &[
            "signal",
            "add",
            "--org",
            "O-1",
            "--title",
            "Stoeptegels",
            "--body",
            "-",
        ],
        mail,
    );
    let id = id.lines().next().unwrap().trim().to_string();
    let s = env.json(&["signal", "show", &id, "--json"]);
    assert_eq!(s["signal"]["body"], mail.trim_end(), "{s}");

    env.ok(&["signal", "triage", &id, "--owner", "P-1"]);
    ok_stdin(
        &env,
        &["feedback", "add", &id, "--channel", "phone", "--text", "-"],
        "Gemeld bij DSO;\nwe bellen u volgende week.",
    );
    let s = env.json(&["signal", "show", &id, "--json"]);
    assert_eq!(
        s["feedback"][0]["text"],
        "Gemeld bij DSO;\nwe bellen u volgende week."
    );
    assert!(!env.dump().contains("|-|"), "a literal '-' was stored");
}

#[test]
fn notes_reasons_and_minutes_lines_take_standard_input() {
    let env = seeded();
    ok_stdin(
        &env,
        &["org", "edit", "O-1", "--notes", "-"],
        "Vergadert op de eerste dinsdag.",
    );
    let o = env.json(&["org", "show", "O-1", "--json"]);
    assert_eq!(
        o["organisation"]["notes"],
        "Vergadert op de eerste dinsdag."
    );

    let id = env.id(&["signal", "add", "--org", "O-1", "--title", "Bankje"]);
    ok_stdin(
        &env,
        &[
            "signal",
            "decline",
            &id,
            "--channel",
            "phone",
            "--explanation",
            "-",
        ],
        "Geen budget dit jaar.",
    );
    let s = env.json(&["signal", "show", &id, "--json"]);
    assert_eq!(s["signal"]["state"], "declined");
    assert_eq!(s["feedback"][0]["text"], "Geen budget dit jaar.");

    let m = env.id(&[
        "meeting",
        "add",
        "--title",
        "Wijkoverleg",
        "--start",
        "2026-01-10T19:30",
        "--org",
        "O-1",
    ]);
    ok_stdin(
        &env,
        &["minutes", "add", &m, "-"],
        "Opening door de voorzitter\n",
    );
    let lines = env.json(&["minutes", "list", &m, "--json"]);
    assert_eq!(lines[0]["text"], "Opening door de voorzitter");
}

#[test]
fn empty_large_or_binary_input_is_refused_and_nothing_changes() {
    let env = seeded();
    let args = [
        "signal", "add", "--org", "O-1", "--title", "Leeg", "--body", "-",
    ];
    for (input, says) in [
        (b"".to_vec(), "standard input is empty"),
        (b"  \n".to_vec(), "standard input is empty"),
        (vec![b'a'; 1024 * 1024 + 1], "larger than"),
        (b"abc\xff".to_vec(), "not UTF-8"),
    ] {
        let before = env.dump();
        let (code, _, err) = with_stdin(&env, &args, &input);
        assert_eq!(code, 1, "{err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.starts_with("error: --body: "), "{err}");
        assert!(err.contains(says), "{says}: {err}");
        assert_eq!(env.dump(), before, "{says}: the database changed");
    }
}

#[test]
fn standard_input_gives_one_text() {
    let env = seeded();
    let id = env.id(&["signal", "add", "--org", "O-1", "--title", "Twee keer"]);
    let (code, _, err) = with_stdin(
        &env,
        &[
            "signal",
            "triage",
            &id,
            "--expectation",
            "-",
            "--reason",
            "-",
        ],
        b"tekst",
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("only one text"), "{err}");
}
