//! The ledger's rules on the command line: a moved promise is still a missed promise,
//! a later date needs a reason, a merge across organisations keeps the obligation, and
//! a broken commitment answers two questions.

mod support;

use support::cli::{Env, seeded};

fn records(env: &Env, key: &str) -> Vec<String> {
    let v = env.json(&["report", "records", key, "--json"]);
    v.as_array()
        .expect("a list")
        .iter()
        .map(|r| r.as_str().expect("a record").to_string())
        .collect()
}

fn on_time(env: &Env) -> (u64, u64, u64) {
    let v = env.json(&["report", "loop", "--format", "json"]);
    let o = &v["figures"]["feedback_on_time"];
    (
        o["on_time"].as_u64().expect("on_time"),
        o["late"].as_u64().expect("late"),
        o["overdue"].as_u64().expect("overdue"),
    )
}

#[test]
fn triage_keeps_the_date_and_a_later_date_needs_a_reason() {
    let env = seeded();
    // Received 26 days ago: promised 12 days ago, nothing said yet.
    env.add_signal(&["--received", "2025-12-20"]);
    assert_eq!(on_time(&env), (0, 0, 1));
    assert_eq!(records(&env, "loop.past_due_date"), ["S-1"]);

    // Triage without a date keeps the one in force: still overdue.
    let out = env.ok(&["signal", "triage", "S-1", "--owner", "P-1"]);
    assert!(out.contains("feedback due 2026-01-03"), "{out}");
    assert_eq!(records(&env, "loop.past_due_date"), ["S-1"]);

    // A later date without a reason is refused and changes nothing.
    let e = env.refused(&["signal", "triage", "S-1", "--due", "+2w"], 1);
    assert!(e.contains("needs a reason"), "{e}");
    let e = env.refused(&["signal", "move", "S-1", "--due", "+3w"], 1);
    assert!(e.contains("needs a reason"), "{e}");

    // With a reason it moves: the inbox follows, the promise stays missed.
    env.ok(&[
        "signal",
        "triage",
        "S-1",
        "--due",
        "2026-01-29",
        "--reason",
        "Wacht op advies van de dienst",
    ]);
    assert!(records(&env, "loop.past_due_date").is_empty());
    assert_eq!(
        records(&env, "loop.overdue"),
        ["S-1"],
        "no feedback by the promise"
    );
    assert_eq!(on_time(&env), (0, 0, 1));
    assert_eq!(records(&env, "loop.moved"), ["S-1"]);
    let show = env.ok(&["signal", "show", "S-1"]);
    assert!(
        show.contains("promised       2026-01-03 (moved 1×, 26 days in all)"),
        "{show}"
    );
    assert!(
        show.contains(
            "feedback due 2026-01-03 → 2026-01-29 (promised 2026-01-03): Wacht op advies van de dienst"
        ),
        "{show}"
    );
    let list = env.ok(&["signal", "list", "--overdue"]);
    assert!(!list.contains("S-1"), "{list}");

    // An earlier date needs no reason and is not counted as a move.
    env.ok(&["signal", "move", "S-1", "--due", "2026-01-20"]);
    let v = env.json(&["signal", "show", "S-1", "--json"]);
    assert_eq!(v["signal"]["due_moves"], 1);
    assert_eq!(v["signal"]["feedback_due"], "2026-01-20");
    assert_eq!(v["signal"]["first_due"], "2026-01-03");

    // Feedback now, well before the moved date, is still late against the promise.
    env.ok(&[
        "feedback",
        "add",
        "S-1",
        "--channel",
        "email",
        "--text",
        "We hebben de aannemer gevraagd",
    ]);
    assert_eq!(on_time(&env), (0, 1, 0));
    assert_eq!(records(&env, "loop.late"), ["S-1"]);
}

#[test]
fn a_commitment_kept_after_a_move_is_kept_late() {
    let env = seeded();
    env.ok_on(
        "2026-01-02",
        &[
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "Bankjes terugplaatsen",
            "--due",
            "2026-01-10",
        ],
    );
    env.refused(&["commitment", "move", "C-1", "--due", "+2w"], 2);
    env.ok(&[
        "commitment",
        "move",
        "C-1",
        "--due",
        "2026-01-30",
        "--reason",
        "Leverancier te laat",
    ]);
    env.ok(&["commitment", "keep", "C-1"]);
    let v = env.json(&["commitment", "show", "C-1", "--json"]);
    assert_eq!(v["commitment"]["outcome"], "kept_late");
    assert_eq!(v["commitment"]["first_due"], "2026-01-10");
    assert_eq!(v["commitment"]["moves"], 1);
    assert_eq!(records(&env, "commitments.kept_late"), ["C-1"]);
    assert_eq!(records(&env, "commitments.moved"), ["C-1"]);
    let r = env.ok(&["report", "commitments"]);
    assert!(r.contains("1×, 20 days in all"), "{r}");
}

#[test]
fn merging_across_organisations_asks_and_keeps_the_obligation() {
    let env = seeded();
    env.ok(&["signal", "add", "--org", "Zeeheld", "--title", "Geen licht"]);
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Duinoord",
        "--title",
        "Lantaarn kapot",
    ]);
    env.ok(&["signal", "triage", "S-2", "--owner", "P-1"]);

    let e = env.refused(&["signal", "merge", "S-1", "--into", "S-2"], 1);
    assert!(e.contains("--yes"), "{e}");
    assert!(e.contains("Wijkberaad Zeeheld"), "{e}");
    env.ok(&["signal", "merge", "S-1", "--into", "S-2", "--yes"]);

    // Both timelines say who is owed what; the merged signal still counts as open.
    let s1 = env.ok(&["signal", "show", "S-1"]);
    assert!(
        s1.contains("Wijkberaad Zeeheld is owed the final feedback"),
        "{s1}"
    );
    let s2 = env.ok(&["signal", "show", "S-2"]);
    assert!(
        s2.contains("Wijkberaad Zeeheld gets the final feedback too"),
        "{s2}"
    );
    assert_eq!(records(&env, "loop.open"), ["S-1", "S-2"]);

    // The final feedback on the survivor answers both organisations.
    env.ok(&["signal", "start", "S-2"]);
    env.ok(&[
        "feedback",
        "add",
        "S-2",
        "--channel",
        "email",
        "--text",
        "De lantaarn is gerepareerd",
        "--final",
    ]);
    let v = env.json(&["signal", "show", "S-1", "--json"]);
    let fb = v["feedback"].as_array().expect("feedback");
    assert_eq!(fb.len(), 1, "{v}");
    assert_eq!(fb[0]["is_final"], true);
    assert_eq!(fb[0]["text"], "De lantaarn is gerepareerd");
    assert!(records(&env, "loop.open").is_empty());
    assert_eq!(records(&env, "loop.on_time"), ["S-1", "S-2"]);

    // Within one organisation no confirmation is asked.
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Duinoord",
        "--title",
        "Nog een lantaarn",
    ]);
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Duinoord",
        "--title",
        "Lantaarn (dubbel)",
    ]);
    env.ok(&["signal", "merge", "S-4", "--into", "S-3"]);
}
