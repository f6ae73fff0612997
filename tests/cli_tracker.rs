//! `wijkdesk commitment` and `wijkdesk action` from the shell.

mod support;

use support::cli::*;

#[test]
fn commitment_add_list_show_keep() {
    let env = seeded();
    env.add_signal(&[]);
    let id = env.id(&[
        "commitment",
        "add",
        "--org",
        "Zeeheld",
        "--text",
        "Tegels vervangen",
        "--due",
        "+2w",
        "--owner",
        "P-1",
        "--signal",
        "S-1",
    ]);
    assert_eq!(id, "C-1");
    env.ok(&[
        "commitment",
        "add",
        "--org",
        "Duinoord",
        "--text",
        "Schouw plannen",
        "--due",
        "2026-01-20",
        "--owner",
        "DSO",
    ]);

    let list = env.ok(&["commitment", "list"]);
    assert_eq!(ids(&list), ["C-2", "C-1"], "by due date:\n{list}");
    assert!(
        list.contains("Tegels vervangen")
            && list.contains("Bas Jansen (DSO)")
            && list.contains("2026-01-29"),
        "{list}"
    );
    assert_eq!(
        ids(&env.ok(&["commitment", "list", "--org", "Zeeheld"])),
        ["C-1"]
    );
    assert_eq!(
        ids(&env.ok(&["commitment", "list", "--owner", "Bas"])),
        ["C-1"]
    );
    assert_eq!(ids(&env.ok(&["commitment", "list", "--mine"])), ["C-1"]);
    assert_eq!(ids(&env.ok(&["commitment", "list", "--week"])), ["C-2"]);
    assert_eq!(
        ids(&env.ok(&["commitment", "list", "--signal", "S-1"])),
        ["C-1"]
    );

    let show = env.ok(&["commitment", "show", "C-1"]);
    assert!(show.starts_with("C-1  Tegels vervangen\n"), "{show}");
    for want in [
        "state            open",
        "Wijkberaad Zeeheld (O-1)",
        "due              2026-01-29",
        "signal           S-1",
        "Due date moves (0)",
    ] {
        assert!(show.contains(want), "missing {want:?}:\n{show}");
    }

    let out = env.ok(&["commitment", "keep", "C-1"]);
    assert_eq!(out.trim(), "C-1 is now kept on time");
    assert_eq!(ids(&env.ok(&["commitment", "list"])), ["C-2"]);
    assert_eq!(
        ids(&env.ok(&["commitment", "list", "--all"])),
        ["C-2", "C-1"]
    );
    // Keeping it again is refused.
    env.refused(&["commitment", "keep", "C-1"], 1);
    // The signal's timeline shows the commitment.
    let show = env.ok(&["signal", "show", "S-1"]);
    assert!(
        show.contains("Commitments (1)") && show.contains("C-1 made") && show.contains("C-1 kept"),
        "{show}"
    );

    let v = env.json(&["commitment", "list", "--all", "--json"]);
    assert_eq!(v[1]["ref"], "C-1");
    assert_eq!(v[1]["state"], "kept");
    assert_eq!(v[1]["outcome"], "kept_on_time");
}

#[test]
fn commitment_overdue_and_kept_late() {
    let env = seeded();
    env.ok_on(
        "2025-12-01",
        &[
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "Bankje terugplaatsen",
            "--due",
            "2025-12-20",
        ],
    );
    env.ok(&[
        "commitment",
        "add",
        "--org",
        "Zeeheld",
        "--text",
        "Nieuw",
        "--due",
        "+1w",
    ]);
    let list = env.ok(&["commitment", "list", "--overdue"]);
    assert_eq!(ids(&list), ["C-1"], "{list}");
    assert!(list.contains("open overdue"), "{list}");
    assert_eq!(
        env.ok(&["commitment", "keep", "C-1"]).trim(),
        "C-1 is now kept late"
    );
}

#[test]
fn commitment_move_keeps_its_history() {
    let env = seeded();
    env.ok(&[
        "commitment",
        "add",
        "--org",
        "Zeeheld",
        "--text",
        "Verlichting hersteld",
        "--due",
        "2026-02-01",
    ]);
    env.refused(&["commitment", "move", "C-1", "--due", "+3w"], 2);
    env.refused(
        &["commitment", "move", "C-1", "--due", "+3w", "--reason", " "],
        1,
    );
    env.refused(
        &[
            "commitment",
            "move",
            "C-1",
            "--due",
            "2026-01-01",
            "--reason",
            "Te laat",
        ],
        1,
    );
    env.refused(
        &[
            "commitment",
            "move",
            "C-1",
            "--due",
            "ooit",
            "--reason",
            "Onbekend",
        ],
        1,
    );
    let e = env.refused(
        &[
            "commitment",
            "move",
            "C-1",
            "--due",
            "2026-02-01",
            "--reason",
            "Zelfde",
        ],
        1,
    );
    assert!(e.contains("already"), "{e}");

    let out = env.ok(&[
        "commitment",
        "move",
        "C-1",
        "--due",
        "+3w",
        "--reason",
        "Levering vertraagd",
    ]);
    assert_eq!(out.trim(), "C-1 is now due 2026-02-05");
    env.ok(&[
        "commitment",
        "move",
        "C-1",
        "--due",
        "2026-02-19",
        "--reason",
        "Aannemer ziek",
    ]);
    let show = env.ok(&["commitment", "show", "C-1"]);
    for want in [
        "due              2026-02-19",
        "promised         2026-02-01",
        "moved            2×, 18 days in all",
        "Due date moves (2)",
        "Levering vertraagd",
        "Aannemer ziek",
        "2026-02-01  → 2026-02-05",
    ] {
        assert!(show.contains(want), "missing {want:?}:\n{show}");
    }
    let v = env.json(&["commitment", "show", "C-1", "--json"]);
    assert_eq!(v["moves"].as_array().unwrap().len(), 2);
    assert_eq!(v["moves"][1]["old_due"], "2026-02-05");
    assert_eq!(v["moves"][1]["new_due"], "2026-02-19");
    assert_eq!(v["moves"][1]["moved_by"], "tester");
}

#[test]
fn commitment_break_and_withdraw_need_their_text() {
    let env = seeded();
    env.ok(&[
        "commitment",
        "add",
        "--org",
        "Zeeheld",
        "--text",
        "Eerste",
        "--due",
        "+1w",
    ]);
    env.ok(&[
        "commitment",
        "add",
        "--org",
        "Zeeheld",
        "--text",
        "Tweede",
        "--due",
        "+1w",
    ]);
    env.refused(&["commitment", "break", "C-1"], 2);
    // Both answers are required: what went wrong, and how it is prevented next time.
    env.refused(
        &[
            "commitment",
            "break",
            "C-1",
            "--what-went-wrong",
            "Aannemer failliet",
        ],
        2,
    );
    let e = env.refused(
        &[
            "commitment",
            "break",
            "C-1",
            "--what-went-wrong",
            "",
            "--prevention",
            "Twee aannemers",
        ],
        1,
    );
    assert!(e.contains("what went wrong"), "{e}");
    let e = env.refused(
        &[
            "commitment",
            "break",
            "C-1",
            "--what-went-wrong",
            "Aannemer failliet",
            "--prevention",
            "  ",
        ],
        1,
    );
    assert!(e.contains("prevented next time"), "{e}");
    let out = env.ok(&[
        "commitment",
        "break",
        "C-1",
        "--what-went-wrong",
        "Aannemer failliet",
        "--prevention",
        "Voortaan twee aannemers",
    ]);
    assert_eq!(out.trim(), "C-1 is now broken");
    let show = env.ok(&["commitment", "show", "C-1"]);
    assert!(
        show.contains("what went wrong  Aannemer failliet"),
        "{show}"
    );
    assert!(
        show.contains("prevented by     Voortaan twee aannemers"),
        "{show}"
    );
    let v = env.json(&["commitment", "show", "C-1", "--json"]);
    assert_eq!(v["commitment"]["acknowledgement"], "Aannemer failliet");
    assert_eq!(v["commitment"]["prevention"], "Voortaan twee aannemers");

    env.refused(&["commitment", "withdraw", "C-2"], 2);
    env.refused(&["commitment", "withdraw", "C-2", "--reason", "   "], 1);
    assert_eq!(
        env.ok(&[
            "commitment",
            "withdraw",
            "C-2",
            "--reason",
            "Plan geschrapt"
        ])
        .trim(),
        "C-2 is now withdrawn"
    );
    env.refused(&["commitment", "keep", "C-2"], 1);
    env.refused(
        &[
            "commitment",
            "move",
            "C-2",
            "--due",
            "+4w",
            "--reason",
            "Toch",
        ],
        1,
    );
}

#[test]
fn commitment_bad_inputs_change_nothing() {
    let env = seeded();
    env.ok(&[
        "commitment",
        "add",
        "--org",
        "Zeeheld",
        "--text",
        "Iets",
        "--due",
        "+1w",
    ]);
    env.refused(
        &[
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "Zonder datum",
        ],
        2,
    );
    env.refused(
        &["commitment", "add", "--org", "Zeeheld", "--due", "+1w"],
        2,
    );
    env.refused(
        &[
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "",
            "--due",
            "+1w",
        ],
        1,
    );
    let e = env.refused(
        &[
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "x",
            "--due",
            "31-02-2026",
        ],
        1,
    );
    assert!(e.contains("not a date"), "{e}");
    env.refused(
        &[
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "x",
            "--due",
            "2025-12-31",
        ],
        1,
    );
    env.refused(
        &[
            "commitment",
            "add",
            "--org",
            "Nergens",
            "--text",
            "x",
            "--due",
            "+1w",
        ],
        1,
    );
    env.refused(
        &[
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "x",
            "--due",
            "+1w",
            "--signal",
            "S-5",
        ],
        1,
    );
    env.refused(
        &[
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "x",
            "--due",
            "+1w",
            "--owner",
            "Niemand",
        ],
        1,
    );
    env.refused(&["commitment", "show", "C-9"], 1);
    env.refused(&["commitment", "keep", "S-1"], 1);
    let e = env.refused(&["commitment", "keep", "C-1", "--expect-version", "3"], 1);
    assert!(e.contains("changed by someone else"), "{e}");
}

#[test]
fn actions_add_list_done_cancel() {
    let env = seeded();
    env.add_signal(&[]);
    assert_eq!(
        env.id(&[
            "action",
            "add",
            "--text",
            "Aannemer bellen",
            "--owner",
            "tester",
            "--due",
            "fri",
            "--signal",
            "S-1"
        ]),
        "A-1"
    );
    assert_eq!(
        env.id(&[
            "action",
            "add",
            "--text",
            "Schouw plannen",
            "--owner",
            "DSO",
            "--due",
            "+3w"
        ]),
        "A-2"
    );
    assert_eq!(
        env.id(&["action", "add", "--text", "Zonder eigenaar"]),
        "A-3"
    );

    let list = env.ok(&["action", "list"]);
    assert_eq!(ids(&list), ["A-1", "A-2", "A-3"], "{list}");
    // 2026-01-15 is a Thursday: fri is the 16th.
    assert!(
        list.contains("2026-01-16") && list.contains("S-1"),
        "{list}"
    );
    assert_eq!(ids(&env.ok(&["action", "list", "--mine"])), ["A-1"]);
    assert_eq!(
        ids(&env.ok(&["action", "list", "--owner", "DSO"])),
        ["A-1", "A-2"]
    );
    assert_eq!(ids(&env.ok(&["action", "list", "--week"])), ["A-1"]);
    assert_eq!(
        ids(&env.ok(&["action", "list", "--signal", "S-1"])),
        ["A-1"]
    );

    let show = env.ok(&["action", "show", "A-1"]);
    assert!(
        show.starts_with("A-1  Aannemer bellen\n") && show.contains("signal      S-1"),
        "{show}"
    );

    assert_eq!(env.ok(&["action", "done", "A-1"]).trim(), "A-1 is now done");
    env.refused(&["action", "done", "A-1"], 1);
    env.refused(&["action", "cancel", "A-1"], 1);
    assert_eq!(
        env.ok(&["action", "cancel", "A-2", "--reason", "Dubbel met A-1"])
            .trim(),
        "A-2 is now cancelled"
    );
    assert_eq!(ids(&env.ok(&["action", "list"])), ["A-3"]);
    let mut all = ids(&env.ok(&["action", "list", "--all"]));
    all.sort();
    assert_eq!(all, ["A-1", "A-2", "A-3"]);
    let v = env.json(&["action", "show", "A-2", "--json"]);
    assert_eq!(v["state"], "cancelled");
    assert_eq!(v["reason"], "Dubbel met A-1");
    // The signal's timeline shows its action.
    assert!(env.ok(&["signal", "show", "S-1"]).contains("A-1 done"));
}

#[test]
fn action_bad_inputs_change_nothing() {
    let env = seeded();
    env.ok(&["action", "add", "--text", "Iets"]);
    env.refused(&["action", "add"], 2);
    env.refused(&["action", "add", "--text", " "], 1);
    env.refused(&["action", "add", "--text", "x", "--due", "morgen?"], 1);
    env.refused(&["action", "add", "--text", "x", "--due", "2020-01-01"], 1);
    env.refused(&["action", "add", "--text", "x", "--signal", "S-3"], 1);
    env.refused(&["action", "add", "--text", "x", "--meeting", "M-3"], 1);
    env.refused(&["action", "done", "A-7"], 1);
    env.refused(&["action", "done", "A-1", "--expect-version", "2"], 1);
    env.refused(&["action", "list", "--mine", "--owner", "DSO"], 2);
}
