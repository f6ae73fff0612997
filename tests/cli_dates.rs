//! The one date grammar from the shell: minutes lines as people write them, and the
//! date options of the commands. Today is Thursday 15 January 2026 (`WIJKDESK_TODAY`).

mod support;

use support::cli::*;

fn meeting(env: &Env, orgs: &[&str]) -> String {
    let mut args = vec![
        "meeting",
        "add",
        "--title",
        "Overleg",
        "--start",
        "12-2-2026 19.30 uur",
    ];
    for o in orgs {
        args.extend(["--org", o]);
    }
    env.id(&args)
}

#[test]
fn an_action_said_in_words_gets_its_owner_and_its_due_date() {
    let env = seeded();
    env.ok(&[
        "person",
        "add",
        "--name",
        "Ingrid Bakker",
        "--org",
        "DSO",
        "--role",
        "regisseur",
    ]);
    let m = meeting(&env, &["Zeeheld"]);
    let out = env.ok(&[
        "minutes",
        "add",
        &m,
        "Actie: Ingrid regelt de bankjes, voor 1 juli",
    ]);
    assert!(out.contains("created A-1"), "{out}");
    let action = env.json(&["action", "show", "A-1", "--json"]);
    assert_eq!(action["due"], "2026-07-01", "{action}");
    assert_eq!(action["owner_person_id"], 3, "{action}");
    // The phrase stays part of the text.
    assert_eq!(action["text"], "Ingrid regelt de bankjes, voor 1 juli");

    // A first word that is no one's name gives no owner and no problem.
    let out = env.ok(&["minutes", "add", &m, "Action: Bel the contractor by friday"]);
    assert!(out.contains("created A-2"), "{out}");
    let action = env.json(&["action", "show", "A-2", "--json"]);
    assert_eq!(action["due"], "2026-01-16", "{action}");
    assert_eq!(
        action["owner_person_id"],
        serde_json::Value::Null,
        "{action}"
    );
}

#[test]
fn a_commitment_to_two_organisations_is_two_commitments() {
    let env = seeded();
    let m = meeting(&env, &["Zeeheld", "Duinoord"]);
    let out = env.ok(&[
        "minutes",
        "add",
        &m,
        "Toezegging org:Zeeheld org:Duinoord: nieuwe bankjes binnen twee weken",
    ]);
    assert!(out.contains("created C-1, C-2"), "{out}");
    for (c, org) in [("C-1", 1), ("C-2", 2)] {
        let json = env.json(&["commitment", "show", c, "--json"])["commitment"].clone();
        assert_eq!(json["org_id"], org, "{json}");
        assert_eq!(json["due"], "2026-01-29", "{json}");
        assert_eq!(json["text"], "nieuwe bankjes binnen twee weken", "{json}");
    }
}

#[test]
fn due_tokens_take_every_form_of_the_grammar() {
    let env = seeded();
    let m = meeting(&env, &["Zeeheld"]);
    let out = env.ok(&["minutes", "add", &m, "A: @P-1 bellen due:15-12"]);
    assert!(out.contains("created A-1"), "{out}");
    let action = env.json(&["action", "show", "A-1", "--json"]);
    assert_eq!(action["due"], "2026-12-15", "{action}");
    let out = env.ok(&["minutes", "add", &m, "A: @P-1 mailen due:\"eind maart\""]);
    assert!(out.contains("created A-2"), "{out}");
    let action = env.json(&["action", "show", "A-2", "--json"]);
    assert_eq!(action["due"], "2026-03-31", "{action}");
    assert_eq!(action["text"], "mailen", "{action}");
    // An impossible due: is kept as text and reported; nothing is created.
    let out = env.ok(&["minutes", "add", &m, "A: @P-1 bellen due:31-02-2026"]);
    assert!(out.contains("problem: not a date"), "{out}");
    assert!(!out.contains("created"), "{out}");
}

#[test]
fn triage_due_takes_day_and_month_names() {
    let env = seeded();
    env.id(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Losse tegels",
    ]);
    // The intake set feedback due on 29 January: an earlier date needs no reason.
    let out = env.ok(&[
        "signal", "triage", "S-1", "--owner", "P-1", "--due", "20 jan",
    ]);
    assert!(out.contains("feedback due 2026-01-20"), "{out}");
    env.id(&["signal", "add", "--org", "Zeeheld", "--title", "Lamp kapot"]);
    let out = env.ok(&[
        "signal",
        "triage",
        "S-2",
        "--owner",
        "P-1",
        "--due",
        "volgende week",
    ]);
    assert!(out.contains("feedback due 2026-01-22"), "{out}");
}

#[test]
fn impossible_and_absurd_dates_are_refused_with_what_was_read() {
    let env = seeded();
    env.id(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Losse tegels",
    ]);
    let err = env.fails(
        &[
            "signal", "triage", "S-1", "--owner", "P-1", "--due", "31 feb",
        ],
        1,
    );
    assert!(err.contains("read as day 31 of month 2"), "{err}");
    assert!(err.contains("e.g."), "{err}");
    let err = env.fails(
        &[
            "signal", "triage", "S-1", "--owner", "P-1", "--due", "+99999w",
        ],
        1,
    );
    assert!(err.contains("out of range"), "{err}");
    // Nothing was written.
    let json = env.json(&["signal", "show", "S-1", "--json"]);
    assert_eq!(json["signal"]["state"], "new", "{json}");
}
