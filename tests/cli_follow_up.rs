//! `wijkdesk meeting finalise` with lines that still have problems, and `wijkdesk
//! meeting follow-up`: the next meeting of the same circle with the open matters on
//! its agenda.

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
        "--org",
        "Duinoord",
        "--chair",
        "Anna",
        "--minute-taker",
        "P-1",
        "--location",
        "Buurthuis De Kade",
        "--district",
        "Centrum",
        "--kind",
        "wijkoverleg",
    ])
}

#[test]
fn finalise_names_the_problem_lines_and_needs_force() {
    let env = seeded();
    meeting(&env);
    env.ok(&["minutes", "add", "M-1", "D: De schouw gaat door"]);
    env.ok(&["minutes", "add", "M-1", "A: Bankjes regelen @zzniemand"]);
    env.ok(&["minutes", "add", "M-1", "T: Lampen org:Zeeheld due:31-02"]);
    env.ok_on("2026-02-12", &["meeting", "hold", "M-1"]);
    let e = env.refused(&["meeting", "finalise", "M-1"], 1);
    assert!(e.contains("2 lines still have problems"), "{e}");
    assert!(e.contains("line 2: @zzniemand"), "{e}");
    assert!(e.contains("line 3: not a date"), "{e}");
    assert!(e.contains("--force"), "{e}");
    assert!(!e.contains("line 1"), "{e}");
    // In Dutch, the lines' own problems too.
    let nl = env.refused(&["--lang", "nl", "meeting", "finalise", "M-1"], 1);
    assert!(
        nl.starts_with("fout: M-1 is niet definitief gemaakt: 2 regels hebben nog problemen"),
        "{nl}"
    );
    assert!(nl.contains("regel 3: geen datum"), "{nl}");
    assert!(!nl.contains("not a date"), "{nl}");
    env.ok(&["minutes", "edit", "M-1/2", "A: Bankjes regelen @P-1"]);
    let e = env.refused(&["meeting", "finalise", "M-1"], 1);
    assert!(e.contains("1 line still has problems (line 3:"), "{e}");
    assert_eq!(
        env.ok(&["meeting", "finalise", "M-1", "--force"]).trim(),
        "M-1 is now final"
    );
}

#[test]
fn follow_up_copies_the_circle_and_carries_the_open_matters() {
    let env = seeded();
    meeting(&env);
    env.ok(&[
        "minutes",
        "add",
        "M-1",
        "T: Lampen vervangen org:Zeeheld due:+3w",
    ]);
    env.ok(&[
        "minutes",
        "add",
        "M-1",
        "A: Verslag rondsturen @P-1 due:+2w",
    ]);
    env.ok(&["minutes", "add", "M-1", "Q: Wanneer komt de nieuwe bank?"]);
    let v = env.json(&[
        "meeting",
        "follow-up",
        "M-1",
        "--start",
        "2026-03-12 19:30",
        "--end",
        "21:30",
        "--json",
    ]);
    let m = &v["meeting"];
    assert_eq!(m["ref"], "M-2");
    assert_eq!(v["follows"], "M-1");
    assert_eq!(m["title"], "Overleg Zeeheld");
    assert_eq!(m["kind"], "wijkoverleg");
    assert_eq!(m["location"], "Buurthuis De Kade");
    assert_eq!(m["starts_at"], "2026-03-12T19:30:00+01:00");
    assert_eq!(m["ends_at"], "2026-03-12T21:30:00+01:00");
    let first = env.json(&["meeting", "show", "M-1", "--json"]);
    for f in ["chair_id", "minute_taker_id", "district"] {
        assert_eq!(m[f], first["meeting"][f], "{f}");
    }
    let orgs = |v: &serde_json::Value| -> Vec<i64> {
        v["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["org_id"].as_i64().unwrap())
            .collect()
    };
    let second = env.json(&["meeting", "show", "M-2", "--json"]);
    assert_eq!(orgs(&second), orgs(&first));
    let titles: Vec<String> = v["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    assert!(
        titles[0].starts_with("Opening en verslag vorige vergadering (M-1"),
        "{titles:?}"
    );
    assert!(titles[1].starts_with("Wat nog openstaat"), "{titles:?}");
    assert!(
        titles.iter().any(|t| t.starts_with("C-1 Lampen vervangen")),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("A-1 Verslag rondsturen")),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("M-1/3 Wanneer komt de nieuwe bank?")),
        "{titles:?}"
    );
    assert_eq!(titles.last().unwrap(), "Rondvraag");
    assert_eq!(v["carried"], 3);
    // History: the new meeting's creation and agenda, and a note on the one it follows.
    let h = env.ok(&["history", "M-2"]);
    assert!(h.contains("follow-up of"), "{h}");
    let h = env.ok(&["history", "M-1"]);
    assert!(h.contains("M-2"), "{h}");
    // In English on request; the text output lists the agenda.
    let out = env.ok(&[
        "meeting",
        "follow-up",
        "M-1",
        "--start",
        "2026-04-09 19:30",
        "--lang",
        "en",
    ]);
    assert!(
        out.starts_with("M-3 Overleg Zeeheld (2026-04-09 19:30"),
        "{out}"
    );
    assert!(
        out.contains("Opening and minutes of the previous meeting (M-1"),
        "{out}"
    );
    assert!(out.contains("Any other business"), "{out}");
}

#[test]
fn follow_up_refuses_bad_times_and_changes_nothing() {
    let env = seeded();
    meeting(&env);
    let e = env.refused(
        &["meeting", "follow-up", "M-1", "--start", "2027-03-28T02:30"],
        1,
    );
    assert!(e.contains("does not exist in Europe/Amsterdam"), "{e}");
    let e = env.refused(
        &["meeting", "follow-up", "M-1", "--start", "2027-10-31T02:30"],
        1,
    );
    assert!(e.contains("happens twice"), "{e}");
    let e = env.refused(
        &["meeting", "follow-up", "M-1", "--start", "2026-01-20 19:30"],
        1,
    );
    assert!(e.contains("starts after M-1"), "{e}");
    let e = env.refused(
        &["meeting", "follow-up", "M-1", "--start", "31 feb 19:30"],
        1,
    );
    assert!(e.contains("31 feb"), "{e}");
    env.refused(
        &["meeting", "follow-up", "M-9", "--start", "2026-03-12 19:30"],
        1,
    );
    env.refused(
        &[
            "meeting",
            "follow-up",
            "M-1",
            "--start",
            "2026-03-12 19:30",
            "--end",
            "18:00",
        ],
        1,
    );
}
