//! `wijkdesk meeting` and `wijkdesk minutes` from the shell.

mod support;

use support::cli::*;

fn meeting(env: &Env) -> String {
    env.id(&[
        "meeting",
        "add",
        "--title",
        "Overleg Zeeheld",
        "--start",
        "2026-02-12T19:30",
        "--end",
        "21:30",
        "--org",
        "Zeeheld",
        "--chair",
        "Anna",
        "--minute-taker",
        "P-1",
        "--location",
        "Buurthuis De Kade",
        "--district",
        "Centrum",
        "--agenda",
        "Opening",
        "--agenda",
        "Verkeer",
        "--agenda",
        "Rondvraag",
    ])
}

#[test]
fn meeting_add_list_show() {
    let env = seeded();
    assert_eq!(meeting(&env), "M-1");
    assert_eq!(
        env.id(&[
            "meeting",
            "add",
            "--title",
            "Stadsdeeloverleg",
            "--start",
            "vr 19:30",
            "--org",
            "O-1",
            "--org",
            "O-2",
            "--kind",
            "bijeenkomst"
        ]),
        "M-2"
    );

    let list = env.ok(&["meeting", "list"]);
    assert_eq!(
        ids(&list),
        ["M-2", "M-1"],
        "planned, soonest first:\n{list}"
    );
    assert!(
        list.contains("2026-01-16 19:30") && list.contains("bijeenkomst"),
        "{list}"
    );
    assert!(
        list.contains("Bewonersorganisatie Duinoord, Wijkberaad Zeeheld"),
        "{list}"
    );

    let show = env.ok(&["meeting", "show", "M-1"]);
    assert!(show.starts_with("M-1  Overleg Zeeheld\n"), "{show}");
    for want in [
        "status        planned",
        "when          2026-02-12 19:30–21:30",
        "location      Buurthuis De Kade",
        "chair         Anna de Vries (P-2)",
        "minute-taker  Bas Jansen (P-1)",
        "Organisations (1)",
        "O-1  Wijkberaad Zeeheld",
        "Agenda (3)",
        "  2. Verkeer",
        "Minutes (0)",
    ] {
        assert!(show.contains(want), "missing {want:?}:\n{show}");
    }
    let v = env.json(&["meeting", "show", "1", "--json"]);
    assert_eq!(v["meeting"]["ref"], "M-1");
    // A moment carries its offset (Europe/Amsterdam, winter time).
    assert_eq!(v["meeting"]["starts_at"], "2026-02-12T19:30:00+01:00");
    assert_eq!(v["agenda"].as_array().unwrap().len(), 3);
    assert_eq!(v["organisations"][0]["name"], "Wijkberaad Zeeheld");
}

#[test]
fn minutes_lines_create_records_and_report_problems() {
    let env = seeded();
    meeting(&env);
    let out = env.ok(&["minutes", "add", "M-1", "Welkom door de voorzitter"]);
    assert_eq!(out.trim(), "note: Welkom door de voorzitter");
    let out = env.ok(&[
        "minutes",
        "add",
        "M-1",
        "B: De schouw gaat door op 3 maart",
        "--item",
        "2",
    ]);
    assert_eq!(out.trim(), "decision: B: De schouw gaat door op 3 maart");
    let out = env.ok(&[
        "minutes",
        "add",
        "M-1",
        "A: Aannemer bellen @DSO due:+2w",
        "--item",
        "2",
    ]);
    assert_eq!(
        out,
        "action: A: Aannemer bellen @DSO due:+2w\ncreated A-1\n"
    );
    let out = env.ok(&[
        "minutes",
        "add",
        "M-1",
        "T: Verlichting hersteld due:2026-03-01 @Bas",
    ]);
    assert_eq!(
        out,
        "commitment: T: Verlichting hersteld due:2026-03-01 @Bas\ncreated C-1\n"
    );
    let out = env.ok(&[
        "minutes",
        "add",
        "M-1",
        "S: Hondenpoep in de speeltuin #groen",
    ]);
    assert_eq!(
        out,
        "signal: S: Hondenpoep in de speeltuin #groen\ncreated S-1\n"
    );
    // An unresolved token keeps the line and says why nothing was created.
    let out = env.ok(&["minutes", "add", "M-1", "A: Iets regelen @Niemand"]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("action: A: Iets regelen @Niemand"));
    let problem = lines.next().unwrap_or_default();
    assert!(problem.starts_with("problem: @Niemand"), "{out}");
    let out = env.ok(&["minutes", "add", "M-1", "T: Zonder datum"]);
    assert!(out.contains("problem:") && out.contains("due"), "{out}");

    // What was created exists, linked to the meeting.
    let a = env.json(&["action", "show", "A-1", "--json"]);
    assert_eq!(a["meeting_id"], 1);
    assert_eq!(a["due"], "2026-01-29");
    let c = env.json(&["commitment", "show", "C-1", "--json"]);
    assert_eq!(
        c["commitment"]["org_id"], 1,
        "the meeting's only organisation"
    );
    let s = env.json(&["signal", "show", "S-1", "--json"]);
    assert_eq!(s["signal"]["theme"], "groen");
    assert_eq!(s["signal"]["meeting_id"], 1);

    let show = env.ok(&["meeting", "show", "M-1"]);
    assert!(show.contains("Minutes (7)"), "{show}");
    assert!(show.contains("  [2. Verkeer]\n    decision    B: De schouw gaat door op 3 maart\n    action      A: Aannemer bellen @DSO due:+2w\n                created A-1\n"), "{show}");
    assert!(
        show.contains("created C-1")
            && show.contains("created S-1")
            && show.contains("problem: @Niemand"),
        "{show}"
    );

    let v = env.json(&[
        "minutes",
        "add",
        "M-1",
        "V: Wanneer komt de nieuwe bank?",
        "--json",
    ]);
    assert_eq!(v["minute"]["kind"], "question");
    assert_eq!(v["minute"]["created_by"], "tester");
}

#[test]
fn minutes_bad_inputs_change_nothing() {
    let env = seeded();
    meeting(&env);
    env.refused(&["minutes", "add", "M-1"], 2);
    let e = env.refused(&["minutes", "add", "M-1", "   "], 1);
    assert!(e.contains("empty"), "{e}");
    let e = env.refused(&["minutes", "add", "M-1", "Iets", "--item", "9"], 1);
    assert!(e.contains("agenda item 9"), "{e}");
    env.refused(&["minutes", "add", "M-7", "Iets"], 1);
    env.refused(&["minutes", "add", "S-1", "Iets"], 1);
}

#[test]
fn hold_finalise_and_amendments() {
    let env = seeded();
    meeting(&env);
    let e = env.refused(&["meeting", "finalise", "M-1"], 1);
    assert!(e.contains("held first"), "{e}");
    // Not before it starts (2026-02-12 19:30; the tests run on 2026-01-15) …
    let e = env.refused(&["meeting", "hold", "M-1"], 1);
    assert!(e.contains("starts on 2026-02-12 at 19:30"), "{e}");
    // … but on its evening.
    assert_eq!(
        env.ok_on("2026-02-12", &["meeting", "hold", "M-1"]).trim(),
        "M-1 is now held"
    );
    env.refused(&["meeting", "hold", "M-1"], 1);
    env.refused(&["meeting", "finalise", "M-1", "--expect-version", "1"], 1);
    assert_eq!(
        env.ok(&["meeting", "finalise", "M-1", "--expect-version", "2"])
            .trim(),
        "M-1 is now final"
    );
    let out = env.ok(&[
        "minutes",
        "add",
        "M-1",
        "Correctie: de schouw is op 4 maart",
    ]);
    assert!(out.contains("(amendment: the minutes were final)"), "{out}");
    assert!(env.ok(&["meeting", "show", "M-1"]).contains("(amendment)"));
}

#[test]
fn meeting_bad_inputs_change_nothing() {
    let env = seeded();
    env.refused(&["meeting", "add", "--start", "2026-02-12T19:30"], 2);
    env.refused(&["meeting", "add", "--title", "Overleg"], 2);
    env.refused(
        &[
            "meeting",
            "add",
            "--title",
            "",
            "--start",
            "2026-02-12T19:30",
        ],
        1,
    );
    let e = env.refused(
        &[
            "meeting",
            "add",
            "--title",
            "Overleg",
            "--start",
            "2026-02-12",
        ],
        1,
    );
    assert!(e.contains("time"), "{e}");
    env.refused(
        &[
            "meeting",
            "add",
            "--title",
            "Overleg",
            "--start",
            "morgenavond",
        ],
        1,
    );
    env.refused(
        &[
            "meeting",
            "add",
            "--title",
            "Overleg",
            "--start",
            "2026-02-12T19:30",
            "--end",
            "18:00",
        ],
        1,
    );
    env.refused(
        &[
            "meeting",
            "add",
            "--title",
            "Overleg",
            "--start",
            "2026-02-12T19:30",
            "--org",
            "Nergens",
        ],
        1,
    );
    env.refused(
        &[
            "meeting",
            "add",
            "--title",
            "Overleg",
            "--start",
            "2026-02-12T19:30",
            "--chair",
            "P-9",
        ],
        1,
    );
    env.refused(&["meeting", "show", "M-3"], 1);
    env.refused(&["meeting", "hold", "M-3"], 1);
    assert_eq!(env.ok(&["meeting", "list"]).trim(), "no meetings");
}
