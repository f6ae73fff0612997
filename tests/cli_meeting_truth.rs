//! Meetings read true, from the shell: not held before they start, the municipality's
//! staff on the attendance list and in the minutes, stale agenda and attendance edits
//! refused with `--expect-version`, and a history that names people and organisations.

mod support;

use support::cli::*;

/// M-1 "Overleg Zeeheld" on 2026-02-12 19:30 with O-1, agenda Opening, Verkeer, Rondvraag.
fn meeting(env: &Env) {
    assert_eq!(
        env.id(&[
            "meeting",
            "add",
            "--title",
            "Overleg Zeeheld",
            "--start",
            "2026-02-12T19:30",
            "--org",
            "Zeeheld",
            "--agenda",
            "Opening",
            "--agenda",
            "Verkeer",
            "--agenda",
            "Rondvraag",
        ]),
        "M-1"
    );
}

#[test]
fn holding_before_the_start_is_refused_with_when_it_starts() {
    let env = seeded();
    meeting(&env);
    let e = env.refused(&["meeting", "hold", "M-1"], 1);
    assert_eq!(
        e.trim(),
        "error: M-1: cannot mark a meeting held before it starts: it starts on 2026-02-12 at 19:30"
    );
    // An exact local time: a minute early is refused, the start itself is fine.
    let early = env
        .cmd()
        .env("WIJKDESK_NOW", "2026-02-12 19:29")
        .args(["meeting", "hold", "M-1"])
        .output()
        .unwrap();
    assert_eq!(early.status.code(), Some(1));
    let on_time = env
        .cmd()
        .env("WIJKDESK_NOW", "2026-02-12 19:30")
        .args(["meeting", "hold", "M-1"])
        .output()
        .unwrap();
    assert!(
        on_time.status.success(),
        "{}",
        String::from_utf8_lossy(&on_time.stderr)
    );
}

#[test]
fn staff_attend_and_the_minutes_list_them() {
    let env = seeded();
    meeting(&env);
    // P-1 Bas Jansen works for DSO, the municipality's service; by username.
    let out = env.ok(&["meeting", "attend", "M-1", "--person", "tester"]);
    assert_eq!(out.trim(), "Bas Jansen: present");
    let show = env.ok(&["meeting", "show", "M-1"]);
    let row = show
        .lines()
        .find(|l| l.contains("Bas Jansen"))
        .unwrap_or("");
    assert!(row.contains("P-1") && row.contains("yes"), "{show}");
    let json = env.json(&["meeting", "show", "M-1", "--json"]);
    assert_eq!(json["people"][0]["person_id"], 1);
    assert_eq!(json["people"][0]["version"], 1);
    let md = env.ok(&["minutes", "export", "M-1"]);
    assert!(
        md.contains("Bas Jansen (Dienst Stedelijke Ontwikkeling)"),
        "{md}"
    );
}

#[test]
fn stale_agenda_and_attendance_edits_are_refused() {
    let env = seeded();
    meeting(&env);
    let json = env.json(&["meeting", "show", "M-1", "--json"]);
    assert_eq!(json["agenda"][1]["version"], 1);
    env.ok(&[
        "meeting",
        "agenda",
        "M-1",
        "rename",
        "2",
        "Verkeer en parkeren",
        "--expect-version",
        "1",
    ]);
    // Someone read version 1 before that rename.
    let e = env.refused(
        &[
            "meeting",
            "agenda",
            "M-1",
            "rename",
            "2",
            "Verkeer Valkenboskade",
            "--expect-version",
            "1",
        ],
        1,
    );
    assert!(
        e.contains("agenda item 2 \"Verkeer en parkeren\" of M-1 was changed by someone else"),
        "{e}"
    );
    let e = env.refused(
        &[
            "meeting",
            "agenda",
            "M-1",
            "move",
            "2",
            "up",
            "--expect-version",
            "1",
        ],
        1,
    );
    assert!(e.contains("agenda item 2"), "{e}");
    env.refused(
        &[
            "meeting",
            "agenda",
            "M-1",
            "delete",
            "3",
            "--expect-version",
            "4",
        ],
        1,
    );

    env.ok(&[
        "meeting",
        "attend",
        "M-1",
        "--person",
        "P-2",
        "--expect-version",
        "0",
    ]);
    let e = env.refused(
        &[
            "meeting",
            "attend",
            "M-1",
            "--person",
            "P-2",
            "--absent",
            "--expect-version",
            "0",
        ],
        1,
    );
    assert!(
        e.contains("the attendance of Anna de Vries (P-2) at M-1"),
        "{e}"
    );
    let e = env.refused(
        &[
            "meeting",
            "attend",
            "M-1",
            "--org",
            "O-1",
            "--absent",
            "--expect-version",
            "3",
        ],
        1,
    );
    assert!(e.contains("O-1 Wijkberaad Zeeheld"), "{e}");
    // One version for two marks makes no sense.
    let e = env.refused(
        &[
            "meeting",
            "attend",
            "M-1",
            "--person",
            "P-1",
            "--person",
            "P-2",
            "--expect-version",
            "1",
        ],
        1,
    );
    assert!(e.contains("one --org or one --person"), "{e}");
    env.ok(&[
        "meeting",
        "attend",
        "M-1",
        "--person",
        "P-2",
        "--absent",
        "--expect-version",
        "1",
    ]);
}

#[test]
fn the_history_names_people_and_organisations() {
    let env = seeded();
    meeting(&env);
    env.ok(&["meeting", "attend", "M-1", "--person", "P-2"]);
    env.ok(&["meeting", "attend", "M-1", "--person", "P-2", "--absent"]);
    env.ok(&["meeting", "attend", "M-1", "--org", "O-1", "--unknown"]);
    env.ok(&["meeting", "edit", "M-1", "--add-org", "Duinoord"]);
    let out = env.ok(&["history", "M-1"]);
    let has = |line: &str| out.lines().any(|l| l.trim() == line);
    assert!(has("O-1 Wijkberaad Zeeheld invited"), "{out}");
    assert!(has("Anna de Vries (P-2) attended"), "{out}");
    assert!(has("Anna de Vries (P-2) attended → absent"), "{out}");
    assert!(
        has("O-1 Wijkberaad Zeeheld not marked → not marked"),
        "{out}"
    );
    assert!(has("O-2 Bewonersorganisatie Duinoord invited"), "{out}");
    assert!(!out.contains("P-2:") && !out.contains("- → -"), "{out}");
    assert!(!out.contains("organisations"), "{out}");
}
