//! `wijkdesk signal` and `wijkdesk feedback` from the shell: the whole lifecycle, the
//! filters, and the bad inputs that must change nothing.

mod support;

use serde_json::Value;
use support::cli::*;

fn state(env: &Env, id: &str) -> String {
    let v = env.json(&["signal", "show", id, "--json"]);
    v["signal"]["state"].as_str().unwrap().to_string()
}

/// The events of a signal's timeline, oldest first, from `signal show`.
fn timeline_events(show: &str) -> Vec<String> {
    let start = show.find("\nTimeline (").expect("a timeline section");
    show[start..]
        .lines()
        .skip(3) // blank, "Timeline (n)", header
        .map(|l| {
            // WIJKDESK_USER=tester: "tester (account root)" in the Who column.
            let l = match (l.find(" (account "), l.find(") ")) {
                (Some(a), Some(b)) if a < b => format!("{}{}", &l[..a], &l[b + 1..]),
                _ => l.to_string(),
            };
            l.split_whitespace().nth(3).unwrap_or_default().to_string()
        })
        .collect()
}

#[test]
fn the_full_lifecycle_and_its_timeline() {
    let env = seeded();
    let id = env.id(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Losse stoeptegels bij de school",
        "--theme",
        "verkeer",
    ]);
    assert_eq!(id, "S-1");
    assert_eq!(state(&env, "S-1"), "new");

    let out = env.ok(&[
        "signal",
        "triage",
        "S-1",
        "--owner",
        "P-1",
        "--expectation",
        "Herstel binnen zes weken",
        "--due",
        "+2w",
    ]);
    assert_eq!(
        out.trim(),
        "S-1 is now triaged: owner Bas Jansen (DSO), feedback due 2026-01-29"
    );

    let out = env.ok(&["signal", "start", "1"]);
    assert_eq!(out.trim(), "S-1 is now in_progress");

    let out = env.ok(&[
        "feedback",
        "add",
        "S-1",
        "--channel",
        "email",
        "--text",
        "Gemeld bij de aannemer",
        "--next",
        "2026-02-05",
    ]);
    assert_eq!(
        out.trim(),
        "S-1 is now in_progress: interim feedback recorded, next feedback due 2026-02-05"
    );

    let out = env.ok(&[
        "feedback",
        "add",
        "S-1",
        "--channel",
        "telefoon",
        "--text",
        "De tegels zijn vervangen",
        "--final",
    ]);
    assert_eq!(out.trim(), "S-1 is now answered: final feedback recorded");

    let out = env.ok(&["signal", "close", "S-1"]);
    assert_eq!(out.trim(), "S-1 is now closed");

    let show = env.ok(&["signal", "show", "S-1"]);
    assert!(
        show.starts_with("S-1  Losse stoeptegels bij de school\n"),
        "{show}"
    );
    for want in [
        "state          closed",
        "Wijkberaad Zeeheld (O-1)",
        "owner          Bas Jansen (DSO)",
        "received       2026-01-15",
        "Herstel binnen zes weken",
        "Feedback (2)",
        "2026-01-15  interim by email  tester, next news by 2026-02-05",
        "    Gemeld bij de aannemer",
        "2026-01-15  final by phone  tester",
        "    De tegels zijn vervangen",
        "Timeline (7)",
        "feedback due 2026-01-29 → 2026-02-05 (promised 2026-01-29): announced in interim feedback",
    ] {
        assert!(show.contains(want), "missing {want:?}:\n{show}");
    }
    assert_eq!(
        timeline_events(&show),
        [
            "received", "triaged", "started", "due-date", "feedback", "feedback", "closed"
        ],
        "{show}"
    );
    // Each timeline entry names who did it.
    let timeline = &show[show.find("\nTimeline (").unwrap()..];
    assert_eq!(
        timeline
            .lines()
            .filter(|l| l.contains(" tester (account "))
            .count(),
        7,
        "{timeline}"
    );
    let interim = timeline.find("interim feedback").unwrap();
    let final_ = timeline.find("final feedback").unwrap();
    assert!(interim < final_);

    let v = env.json(&["signal", "show", "S-1", "--json"]);
    assert_eq!(v["signal"]["ref"], "S-1");
    assert_eq!(v["owner"], "Bas Jansen (DSO)");
    assert_eq!(v["feedback"].as_array().unwrap().len(), 2);
    assert_eq!(v["timeline"].as_array().unwrap().len(), 7);
    assert_eq!(v["timeline"][0]["event"], "received");
    assert_eq!(v["timeline"][3]["event"], "due-date");
    assert_eq!(v["timeline"][6]["event"], "closed");
    assert_eq!(v["signal"]["first_due"], "2026-01-29");
    assert_eq!(v["signal"]["feedback_due"], "2026-02-05");
    assert_eq!(v["timeline"][1]["user"], "tester");

    // Reopen with a reason: back to triaged, feedback due again, on the timeline.
    let out = env.ok(&[
        "signal",
        "reopen",
        "S-1",
        "--reason",
        "De tegels liggen er weer los",
    ]);
    assert_eq!(out.trim(), "S-1 is now triaged; feedback due 2026-01-29");
    let show = env.ok(&["signal", "show", "S-1"]);
    assert_eq!(
        timeline_events(&show).last().map(String::as_str),
        Some("reopened")
    );
    assert!(show.contains("De tegels liggen er weer los"), "{show}");
}

#[test]
fn decline_needs_an_explanation_and_records_it_as_feedback() {
    let env = seeded();
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Duinoord",
        "--title",
        "Boom in achtertuin",
    ]);
    env.refused(&["signal", "decline", "S-1"], 2);
    let e = env.refused(&["signal", "decline", "S-1", "--explanation", "   "], 1);
    assert!(e.contains("explanation"), "{e}");

    let out = env.ok(&[
        "signal",
        "decline",
        "S-1",
        "--explanation",
        "Particulier terrein; de eigenaar is aangeschreven",
        "--channel",
        "letter",
    ]);
    assert!(out.starts_with("S-1 is now declined"), "{out}");
    let v = env.json(&["signal", "show", "S-1", "--json"]);
    assert_eq!(v["signal"]["state"], "declined");
    assert_eq!(v["feedback"][0]["is_final"], true);
    assert_eq!(v["feedback"][0]["channel"], "letter");
    assert_eq!(
        v["feedback"][0]["text"],
        "Particulier terrein; de eigenaar is aangeschreven"
    );

    // Declined signals can be reopened, with a reason only.
    env.refused(&["signal", "reopen", "S-1"], 2);
    env.refused(&["signal", "reopen", "S-1", "--reason", ""], 1);
    env.ok(&[
        "signal",
        "reopen",
        "S-1",
        "--reason",
        "De eigenaar reageert niet",
    ]);
    assert_eq!(state(&env, "S-1"), "triaged");
}

#[test]
fn merge_into_another_signal() {
    let env = seeded();
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Tegels school",
    ]);
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Losse stoeptegels bij de school",
    ]);
    let e = env.refused(&["signal", "merge", "S-1", "--into", "S-1"], 1);
    assert!(e.contains("itself"), "{e}");
    env.refused(&["signal", "merge", "S-1"], 2);
    env.refused(&["signal", "merge", "S-1", "--into", "S-9"], 1);

    let out = env.ok(&["signal", "merge", "S-1", "--into", "S-2"]);
    assert_eq!(out.trim(), "S-1 is now merged into S-2");
    let show = env.ok(&["signal", "show", "S-1"]);
    assert!(show.contains("merged into    S-2"), "{show}");
    let target = env.ok(&["signal", "show", "S-2"]);
    assert!(target.contains("S-1 merged into this signal"), "{target}");
    // A merged signal is no longer open, and nothing merges into it.
    assert_eq!(ids(&env.ok(&["signal", "list"])), ["S-2"]);
    env.ok(&["signal", "add", "--org", "Zeeheld", "--title", "Nog een"]);
    env.refused(&["signal", "merge", "S-3", "--into", "S-1"], 1);
}

#[test]
fn list_filters() {
    let env = seeded();
    // S-1: Zeeheld, received long ago: feedback overdue.
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Hondenpoep speeltuin",
        "--theme",
        "groen",
        "--received",
        "2025-12-01",
    ]);
    // S-2: Duinoord, triaged to Bas (tester).
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Duinoord",
        "--title",
        "Te hard rijden Valkenboskade",
        "--theme",
        "verkeer",
    ]);
    env.ok(&["signal", "triage", "S-2", "--owner", "Bas"]);
    // S-3: Zeeheld, owned by the service only.
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Kapotte lantaarnpaal",
        "--district",
        "Escamp",
    ]);
    env.ok(&["signal", "triage", "S-3", "--owner", "DSO"]);
    // S-4: declined.
    env.ok(&["signal", "add", "--org", "Duinoord", "--title", "Parkeren"]);
    env.ok(&[
        "signal",
        "decline",
        "S-4",
        "--explanation",
        "Geen gemeentelijke taak",
    ]);

    let list = env.ok(&["signal", "list"]);
    assert_eq!(
        ids(&list),
        ["S-1", "S-2", "S-3"],
        "overdue first, then by age, open only:\n{list}"
    );
    assert!(
        list.lines().nth(1).unwrap().contains("2025-12-15 !"),
        "{list}"
    );
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--all"])),
        ["S-1", "S-2", "S-3", "S-4"]
    );
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--state", "declined"])),
        ["S-4"]
    );
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--state", "new,triaged"])),
        ["S-1", "S-2", "S-3"]
    );
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--state", "new", "--state", "declined"])),
        ["S-1", "S-4"]
    );
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--org", "Duinoord", "--all"])),
        ["S-2", "S-4"]
    );
    assert_eq!(ids(&env.ok(&["signal", "list", "--owner", "P-1"])), ["S-2"]);
    // A service owns what its staff own too.
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--owner", "DSO"])),
        ["S-2", "S-3"]
    );
    assert_eq!(ids(&env.ok(&["signal", "list", "--mine"])), ["S-2"]);
    assert_eq!(ids(&env.ok(&["signal", "list", "--unassigned"])), ["S-1"]);
    assert_eq!(ids(&env.ok(&["signal", "list", "--overdue"])), ["S-1"]);
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--theme", "verkeer"])),
        ["S-2"]
    );
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--district", "escamp"])),
        ["S-3"]
    );
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--filter", "lantaarn"])),
        ["S-3"]
    );
    assert_eq!(
        ids(&env.ok(&["signal", "list", "--limit", "2"])),
        ["S-1", "S-2"]
    );
    assert_eq!(
        env.ok(&["signal", "list", "--filter", "nergens"]).trim(),
        "no signals"
    );

    let v: Value = env.json(&["signal", "list", "--all", "--json"]);
    let refs: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["S-1", "S-2", "S-3", "S-4"]);
    assert_eq!(v[0]["overdue"], true);
    assert_eq!(v[1]["owner"], "Bas Jansen (DSO)");

    env.refused(&["signal", "list", "--all", "--state", "new"], 2);
    env.refused(&["signal", "list", "--state", "lost"], 2);
    env.refused(&["signal", "list", "--mine", "--unassigned"], 2);
    env.refused(&["signal", "list", "--org", "Nergens"], 1);
}

#[test]
fn mine_without_a_matching_person_is_an_error() {
    let env = Env::init();
    let e = env.refused(&["signal", "list", "--mine"], 1);
    assert!(e.contains("username \"tester\""), "{e}");
}

#[test]
fn illegal_transitions_are_refused_and_change_nothing() {
    let env = seeded();
    env.add_signal(&[]);
    let e = env.refused(&["signal", "close", "S-1"], 1);
    assert!(e.contains("close"), "{e}");
    env.refused(&["signal", "start", "S-1"], 1);
    env.refused(&["signal", "reopen", "S-1", "--reason", "Waarom niet"], 1);
    let e = env.refused(
        &[
            "feedback",
            "add",
            "S-1",
            "--channel",
            "email",
            "--text",
            "Klaar",
            "--final",
        ],
        1,
    );
    assert!(!e.is_empty());
    // Triage without an owner: nobody is responsible.
    let e = env.refused(&["signal", "triage", "S-1"], 1);
    assert!(e.contains("owner"), "{e}");
    env.ok(&["signal", "triage", "S-1", "--owner", "DSO"]);
    // Closing needs final feedback.
    let e = env.refused(&["signal", "close", "S-1"], 1);
    assert!(e.contains("close"), "{e}");
}

#[test]
fn bad_inputs_change_nothing() {
    let env = seeded();
    env.add_signal(&[]);

    // Missing or empty required text.
    env.refused(&["signal", "add", "--org", "Zeeheld"], 2);
    env.refused(&["signal", "add", "--title", "Zonder organisatie"], 2);
    let e = env.refused(&["signal", "add", "--org", "Zeeheld", "--title", "  "], 1);
    assert!(e.contains("title"), "{e}");
    let e = env.refused(
        &["feedback", "add", "S-1", "--channel", "email", "--text", ""],
        1,
    );
    assert!(e.contains("feedback"), "{e}");
    env.refused(&["feedback", "add", "S-1", "--text", "Zonder kanaal"], 2);
    env.refused(
        &["feedback", "add", "S-1", "--channel", "duif", "--text", "x"],
        2,
    );
    env.refused(
        &[
            "feedback",
            "add",
            "S-1",
            "--channel",
            "email",
            "--text",
            "x",
            "--final",
            "--next",
            "+1w",
        ],
        2,
    );

    // Unknown and malformed IDs.
    let e = env.refused(&["signal", "show", "S-99"], 1);
    assert!(e.contains("S-99 does not exist"), "{e}");
    let e = env.refused(&["signal", "show", "C-1"], 1);
    assert!(e.contains("not a valid signal ID"), "{e}");
    env.refused(&["signal", "start", "abc"], 1);
    env.refused(&["signal", "triage", "S-99", "--owner", "DSO"], 1);
    let e = env.refused(&["signal", "triage", "S-1", "--owner", "Niemand"], 1);
    assert!(e.contains("Niemand"), "{e}");
    let e = env.refused(&["signal", "add", "--org", "O-9", "--title", "x"], 1);
    assert!(e.contains("O-9 does not exist"), "{e}");

    // Malformed and impossible dates.
    let e = env.refused(
        &[
            "signal",
            "triage",
            "S-1",
            "--owner",
            "DSO",
            "--due",
            "over een tijdje",
        ],
        1,
    );
    assert!(e.contains("not a date"), "{e}");
    env.refused(
        &[
            "signal",
            "triage",
            "S-1",
            "--owner",
            "DSO",
            "--due",
            "2026-02-30",
        ],
        1,
    );
    let e = env.refused(
        &[
            "signal",
            "triage",
            "S-1",
            "--owner",
            "DSO",
            "--due",
            "2026-01-01",
        ],
        1,
    );
    assert!(e.contains("in the past"), "{e}");
    let e = env.refused(
        &[
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "x",
            "--received",
            "+3d",
        ],
        1,
    );
    assert!(e.contains("in the future"), "{e}");
    env.refused(
        &[
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "x",
            "--received",
            "gisteren?",
        ],
        1,
    );

    // A stale version.
    let e = env.refused(
        &[
            "signal",
            "triage",
            "S-1",
            "--owner",
            "DSO",
            "--expect-version",
            "7",
        ],
        1,
    );
    assert!(e.contains("changed by someone else"), "{e}");
    env.ok(&[
        "signal",
        "triage",
        "S-1",
        "--owner",
        "DSO",
        "--expect-version",
        "1",
    ]);
    env.refused(&["signal", "start", "S-1", "--expect-version", "1"], 1);
    env.ok(&["signal", "start", "S-1", "--expect-version", "2"]);
}

#[test]
fn add_with_every_field_and_json() {
    let env = seeded();
    let v = env.json(&[
        "signal",
        "add",
        "--org",
        "O-2",
        "--title",
        "Zwerfafval",
        "--theme",
        "#Groen",
        "--body",
        "Regel een\nRegel twee",
        "--district",
        "Segbroek",
        "--neighbourhood",
        "Duinoord",
        "--received",
        "2026-01-10",
        "--json",
    ]);
    assert_eq!(v["ref"], "S-1");
    assert_eq!(v["theme"], "groen");
    assert_eq!(v["received_on"], "2026-01-10");
    assert_eq!(v["feedback_due"], "2026-01-24");
    assert_eq!(v["state"], "new");
    let show = env.ok(&["signal", "show", "S-1"]);
    assert!(show.contains("\n  Regel een\n  Regel twee\n"), "{show}");
    assert!(show.contains("neighbourhood  Duinoord"), "{show}");
}

#[test]
fn stored_text_cannot_reach_the_terminal_as_control_sequences() {
    let env = seeded();
    let title = "Tegels \u{1b}]0;pwned\u{7} \u{202e}loof\u{202c} \u{9b}31m";
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        title,
        "--body",
        "a\u{1b}[2Jb",
    ]);
    for args in [
        &["signal", "list"][..],
        &["signal", "show", "S-1"],
        &["history", "S-1"],
        &["org", "show", "O-1"],
    ] {
        let out = env.ok(args);
        assert!(
            !out.chars()
                .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{args:?} printed a control character: {out:?}"
        );
    }
    assert!(env.ok(&["signal", "show", "S-1"]).contains("⟨U+202E⟩"));
    let json = env.ok(&["signal", "show", "S-1", "--json"]);
    assert!(
        !json
            .chars()
            .any(|c| ('\u{202a}'..='\u{202e}').contains(&c) || c == '\u{1b}'),
        "{json:?}"
    );
    let v: Value = serde_json::from_str(&json).unwrap();
    assert!(
        v["signal"]["title"].as_str().unwrap().contains('\u{202e}'),
        "JSON keeps the text itself"
    );
}

#[test]
fn tables_fit_the_width() {
    let env = seeded();
    let long = "Een heel lange titel over losse stoeptegels bij de school aan de Zeeheldenkade die niet past";
    env.ok(&["signal", "add", "--org", "Zeeheld", "--title", long]);
    let out = env
        .cmd()
        .env("COLUMNS", "80")
        .args(["signal", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    assert!(text.contains('…'), "{text}");
    let out = env
        .cmd()
        .env("COLUMNS", "80")
        .args(["--ascii", "signal", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().all(|l| l.chars().count() <= 80)
            && text.contains("...")
            && !text.contains('…'),
        "{text}"
    );
    // Piped without COLUMNS: whole lines.
    assert!(env.ok(&["signal", "list"]).contains(long));
}
