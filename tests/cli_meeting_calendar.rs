//! `wijkdesk meeting cancel|invite` and `wijkdesk minutes send` on the command line:
//! the refusals (a time Europe/Amsterdam skips or repeats, minutes before they are
//! final, a second cancellation) are one clear line and change nothing.

mod support;

use support::cli::Env;

fn with_meeting() -> Env {
    let env = Env::init();
    env.ok(&[
        "org",
        "add",
        "--name",
        "Bewonersoverleg Duinoord",
        "--email",
        "bo-duinoord@example.org",
    ]);
    env.id(&[
        "meeting",
        "add",
        "--title",
        "Overleg Duinoord",
        "--start",
        "2026-02-12T19:30",
        "--end",
        "21:30",
        "--location",
        "Buurthuis",
        "--org",
        "Duinoord",
    ]);
    env
}

/// No `[mail]` settings: a config file that does not exist.
fn no_config(env: &Env, args: &[&str]) -> std::process::Output {
    env.cmd()
        .env("WIJKDESK_CONFIG", env.dir().join("none.toml"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_start_in_the_spring_gap_or_the_autumn_overlap_is_refused() {
    let env = with_meeting();
    let err = env.refused(
        &[
            "meeting",
            "add",
            "--title",
            "Nachtschouw",
            "--start",
            "2027-03-28T02:30",
        ],
        1,
    );
    assert!(
        err.contains("2027-03-28 02:30 does not exist in Europe/Amsterdam")
            && err.contains("before 02:00 or from 03:00"),
        "{err}"
    );
    let err = env.refused(
        &[
            "meeting",
            "add",
            "--title",
            "Nachtschouw",
            "--start",
            "2027-10-31T02:30",
        ],
        1,
    );
    assert!(
        err.contains("2027-10-31 02:30 happens twice in Europe/Amsterdam")
            && err.contains("ambiguous"),
        "{err}"
    );
    // Moving a meeting into the gap is refused the same way.
    let err = env.refused(
        &[
            "meeting",
            "edit",
            "M-1",
            "--start",
            "2027-03-28T02:15",
            "--no-end",
        ],
        1,
    );
    assert!(err.contains("does not exist"), "{err}");
    // The hour next to it is fine.
    env.ok(&[
        "meeting",
        "add",
        "--title",
        "Nachtschouw",
        "--start",
        "2027-03-28T03:00",
    ]);
}

#[test]
fn minutes_are_sent_only_once_final() {
    let env = with_meeting();
    let err = env.refused(&["minutes", "send", "M-1"], 1);
    assert!(
        err.contains("M-1 is planned: only final minutes are sent"),
        "{err}"
    );
    env.cmd()
        .env("WIJKDESK_NOW", "2026-02-12 22:00")
        .args(["meeting", "hold", "M-1"])
        .assert()
        .success();
    let err = env.refused(&["minutes", "send", "M-1"], 1);
    assert!(
        err.contains("M-1 is held") && err.contains("wijkdesk meeting finalise M-1"),
        "{err}"
    );
    env.ok(&["minutes", "add", "M-1", "D: De schouw gaat door"]);
    env.ok(&["meeting", "finalise", "M-1"]);
    let out = no_config(&env, &["minutes", "send", "M-1"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("draft for bo-duinoord@example.org written to")
            && stdout.contains("drafts"),
        "{stdout}"
    );
    let history = env.ok(&["history", "M-1"]);
    assert!(
        history.contains("minutes to bo-duinoord@example.org"),
        "{history}"
    );
}

#[test]
fn cancelling_twice_is_refused_and_a_cancelled_meeting_stays_as_it_was() {
    let env = with_meeting();
    let out = no_config(&env, &["meeting", "invite", "M-1"]);
    assert!(out.status.success());
    let out = env.ok(&["meeting", "cancel", "M-1", "--reason", "De zaal is dicht"]);
    assert!(out.contains("M-1 is now cancelled"), "{out}");
    assert!(out.contains("wijkdesk meeting invite M-1"), "{out}");
    let err = env.refused(&["meeting", "cancel", "M-1"], 1);
    assert_eq!(err.trim(), "error: M-1: the meeting is cancelled already");
    let err = env.refused(&["meeting", "edit", "M-1", "--location", "Elders"], 1);
    assert!(err.contains("can no longer be changed"), "{err}");
    let err = env.refused(&["meeting", "hold", "M-1"], 1);
    assert!(err.contains("cancelled"), "{err}");
    let show = env.ok(&["meeting", "show", "M-1"]);
    assert!(
        show.contains("cancelled") && show.contains("De zaal is dicht"),
        "{show}"
    );
    let list = env.ok(&["meeting", "list"]);
    assert!(list.contains("cancelled"), "{list}");
    // The cancellation goes out as METHOD:CANCEL with a higher SEQUENCE.
    let out = no_config(&env, &["meeting", "invite", "M-1"]);
    assert!(out.status.success());
    let ics = env.ok(&["meeting", "export", "--format", "ics"]);
    assert!(ics.contains("\r\nSTATUS:CANCELLED\r\n"), "{ics}");
    assert!(ics.contains("\r\nSEQUENCE:1\r\n"), "{ics}");
    let show = env.json(&["meeting", "show", "M-1", "--json"]);
    assert_eq!(show["calendar"]["sequence"], 1);
    assert_eq!(show["calendar"]["invited_sequence"], 1);
    // A meeting that took place is not cancelled.
    env.id(&[
        "meeting",
        "add",
        "--title",
        "Schouw",
        "--start",
        "2026-01-10T10:00",
    ]);
    env.ok(&["meeting", "hold", "M-2"]);
    let err = env.refused(&["meeting", "cancel", "M-2"], 1);
    assert!(err.contains("it took place"), "{err}");
}

#[test]
fn invite_without_an_address_says_what_to_add() {
    let env = Env::init();
    env.ok(&["org", "add", "--name", "Huurdersvereniging Stil"]);
    env.id(&[
        "meeting",
        "add",
        "--title",
        "Overleg",
        "--start",
        "2026-02-12T19:30",
        "--org",
        "Stil",
    ]);
    let before = env.dump();
    let out = no_config(&env, &["meeting", "invite", "M-1"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("no invited organisation has an e-mail address")
            && err.contains("O-1 Huurdersvereniging Stil"),
        "{err}"
    );
    assert_eq!(before, env.dump(), "nothing kept");
}

#[test]
fn the_export_names_the_organizer_from_the_mail_settings_and_the_attendees() {
    let env = with_meeting();
    env.ok(&[
        "person",
        "add",
        "--name",
        "Anouk de Vries",
        "--role",
        "wijkregisseur",
    ]);
    env.ok(&["meeting", "edit", "M-1", "--chair", "Anouk"]);
    let conf = env.dir().join("config.toml");
    std::fs::write(
        &conf,
        "[mail]\nfrom = \"Gemeente Den Haag <wijkzaken@denhaag.example>\"\nurl = \"file\"\n",
    )
    .unwrap();
    let out = env
        .cmd()
        .env("WIJKDESK_CONFIG", &conf)
        .args(["meeting", "export"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let ics = String::from_utf8_lossy(&out.stdout).replace("\r\n ", "");
    assert!(
        ics.contains("\r\nORGANIZER;CN=\"Anouk de Vries\":mailto:wijkzaken@denhaag.example\r\n"),
        "{ics}"
    );
    assert!(
        ics.contains("ATTENDEE;CN=\"Bewonersoverleg Duinoord\";")
            && ics.contains(":mailto:bo-duinoord@example.org\r\n"),
        "{ics}"
    );
    // Without settings there is no mailbox to name.
    let ics = no_config(&env, &["meeting", "export"]);
    assert!(!String::from_utf8_lossy(&ics.stdout).contains("ORGANIZER"));
}
