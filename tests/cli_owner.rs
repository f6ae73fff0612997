//! Owners are staff, on the command line: a person of a service or partner, or a
//! service. A resident, a residents' organisation, a partner as such, a name that fits
//! several and a name that fits nobody are refused in triage, commitment and action
//! add (one line on stderr, exit 1, the database unchanged); a minutes line keeps the
//! `@owner` as a problem and creates nothing. Existing data with such an owner stays
//! readable.

mod support;

use support::cli::{Env, seeded};

/// The seeded database plus a partner with one person, a second DSO colleague whose
/// name shares a prefix with Bas, and one new signal (S-1) of Zeeheld.
fn world() -> Env {
    let env = seeded();
    env.ok(&[
        "org",
        "add",
        "--name",
        "Politie Haaglanden",
        "--short",
        "POL",
        "--kind",
        "partner",
    ]);
    env.ok(&[
        "person",
        "add",
        "--name",
        "Karin Smit",
        "--org",
        "Politie",
        "--role",
        "wijkagent",
    ]);
    env.ok(&[
        "person",
        "add",
        "--name",
        "Bastiaan Kok",
        "--org",
        "DSO",
        "--role",
        "wijkmanager",
    ]);
    assert_eq!(
        env.id(&[
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "Losse tegels"
        ]),
        "S-1"
    );
    env
}

#[test]
fn triage_refuses_a_resident_with_the_reason() {
    let env = world();
    for who in ["P-2", "Anna", "Anna de Vries", "@anna"] {
        let e = env.refused(&["signal", "triage", "S-1", "--owner", who], 1);
        assert!(
            e.contains("Anna de Vries (P-2)")
                && e.contains("Bewonersorganisatie Duinoord")
                && e.contains("residents' organisation"),
            "{who}: {e}"
        );
    }
    for who in ["Zeeheld", "O-1"] {
        let e = env.refused(&["signal", "triage", "S-1", "--owner", who], 1);
        assert!(
            e.contains("Wijkberaad Zeeheld (O-1) is a residents' organisation"),
            "{who}: {e}"
        );
    }
    for who in ["O-4", "POL", "Politie"] {
        let e = env.refused(&["signal", "triage", "S-1", "--owner", who], 1);
        assert!(
            e.contains("Politie Haaglanden (O-4) is a partner"),
            "{who}: {e}"
        );
    }
}

#[test]
fn an_ambiguous_or_unknown_owner_is_refused_with_the_candidates() {
    let env = world();
    let e = env.refused(&["signal", "triage", "S-1", "--owner", "Bas"], 1);
    assert!(
        e.contains("matches more than one owner")
            && e.contains("Bas Jansen (P-1)")
            && e.contains("Bastiaan Kok (P-4)"),
        "{e}"
    );
    let e = env.refused(&["signal", "triage", "S-1", "--owner", "Niemand"], 1);
    assert!(
        e.contains("no person or service matches \"Niemand\""),
        "{e}"
    );
    env.refused(&["signal", "triage", "S-1", "--owner", "P-99"], 1);
}

#[test]
fn staff_services_and_partner_staff_may_own() {
    let env = world();
    env.ok(&["signal", "triage", "S-1", "--owner", "Bas Jansen"]);
    let s = env.json(&["signal", "show", "S-1", "--json"]);
    assert_eq!(s["signal"]["owner_person_id"], 1);
    assert_eq!(s["signal"]["owner_org_id"], 3, "Bas works for DSO");
    for who in [
        "DSO",
        "O-3",
        "tester",
        "Karin",
        "Bastiaan",
        "Dienst Stedelijke",
    ] {
        env.ok(&[
            "action",
            "add",
            "--text",
            "Tegels leggen",
            "--owner",
            who,
            "--due",
            "+7d",
        ]);
    }
    let v = env.json(&["action", "list", "--json"]);
    assert_eq!(v.as_array().map(Vec::len), Some(6), "{v}");
}

#[test]
fn commitments_and_actions_refuse_a_resident_owner() {
    let env = world();
    for args in [
        vec![
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "Brief sturen",
            "--due",
            "+14d",
            "--owner",
            "Anna",
        ],
        vec![
            "action", "add", "--text", "Bellen", "--due", "+7d", "--owner", "P-2",
        ],
        vec![
            "commitment",
            "add",
            "--org",
            "Zeeheld",
            "--text",
            "Brief sturen",
            "--due",
            "+14d",
            "--owner",
            "Bas",
        ],
        vec!["action", "add", "--text", "Bellen", "--owner", "Politie"],
    ] {
        let e = env.refused(&args, 1);
        assert!(
            e.contains("residents' organisation")
                || e.contains("more than one owner")
                || e.contains("is a partner"),
            "{args:?}: {e}"
        );
    }
}

#[test]
fn a_minutes_line_keeps_a_resident_owner_as_a_problem() {
    let env = world();
    env.ok(&[
        "meeting",
        "add",
        "--title",
        "Overleg Zeeheld",
        "--start",
        "2026-02-12T19:30",
        "--org",
        "Zeeheld",
    ]);
    let out = env.ok(&["minutes", "add", "M-1", "A: Buren bellen @Anna due:+7d"]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("action: A: Buren bellen @Anna due:+7d"));
    let problem = lines.next().unwrap_or_default();
    assert!(
        problem.starts_with("problem: @Anna") && problem.contains("residents' organisation"),
        "{out}"
    );
    let v = env.json(&["action", "list", "--all", "--json"]);
    assert_eq!(v.as_array().map(Vec::len), Some(0), "no action made: {v}");
    let out = env.ok(&["minutes", "add", "M-1", "A: Buren bellen @tester due:+7d"]);
    assert!(out.contains("created A-1"), "{out}");
}

#[test]
fn existing_data_with_a_resident_owner_stays_readable() {
    let env = world();
    env.ok(&["signal", "triage", "S-1", "--owner", "P-1"]);
    // Written before the rule: straight into the file.
    let conn = rusqlite::Connection::open(&env.db).expect("open");
    wijkdesk::store::keep_figures(&conn).unwrap();
    conn.execute(
        "UPDATE signal SET owner_person_id = 2, owner_org_id = NULL WHERE id = 1",
        [],
    )
    .expect("old owner");
    drop(conn);
    let show = env.ok(&["signal", "show", "S-1"]);
    assert!(show.contains("Anna de Vries"), "{show}");
    let list = env.ok(&["signal", "list"]);
    assert!(list.contains("Anna de Vries"), "{list}");
    let v = env.json(&["signal", "show", "S-1", "--json"]);
    assert_eq!(v["signal"]["owner_person_id"], 2);
    // And findable by that owner, though nobody can be given it any more.
    for who in ["P-2", "Anna"] {
        let found = env.ok(&["signal", "list", "--owner", who]);
        assert!(found.contains("S-1"), "{who}: {found}");
    }
    let none = env.ok(&["signal", "list", "--owner", "Bas Jansen"]);
    assert!(!none.contains("S-1"), "{none}");
    env.refused(&["signal", "triage", "S-1", "--owner", "Anna"], 1);
}
