//! `wijkdesk org` and `wijkdesk person` from the shell.

mod support;

use support::cli::*;

#[test]
fn org_add_prints_the_id_alone_then_list_and_show() {
    let env = seeded();
    let list = env.ok(&["org", "list"]);
    assert!(list.starts_with("ID"), "{list}");
    assert_eq!(
        ids(&list),
        ["O-2", "O-3", "O-1"],
        "ordered by name:\n{list}"
    );
    assert!(
        list.contains("Wijkberaad Zeeheld")
            && list.contains("residents")
            && list.contains("Centrum")
    );

    let filtered = env.ok(&["org", "list", "--filter", "segbroek"]);
    assert_eq!(ids(&filtered), ["O-2"]);

    let show = env.ok(&["org", "show", "Zee"]);
    assert!(show.starts_with("O-1  Wijkberaad Zeeheld\n"), "{show}");
    for want in [
        "district",
        "Centrum",
        "Zeeheldenkwartier",
        "cadence",
        "last contact",
        "never",
        "load",
        "People (0)",
        "Open signals (0)",
        "Open commitments (0)",
    ] {
        assert!(show.contains(want), "missing {want}:\n{show}");
    }

    // A signal and a person show up on the organisation.
    env.ok(&[
        "signal",
        "add",
        "--org",
        "O-1",
        "--title",
        "Losse stoeptegels",
    ]);
    env.ok(&[
        "person",
        "add",
        "--name",
        "Cor Bakker",
        "--org",
        "1",
        "--role",
        "secretaris",
    ]);
    let show = env.ok(&["org", "show", "O-1"]);
    assert!(
        show.contains("People (1)") && show.contains("Cor Bakker") && show.contains("secretaris"),
        "{show}"
    );
    assert!(
        show.contains("Open signals (1)") && show.contains("Losse stoeptegels"),
        "{show}"
    );

    let json = env.json(&["org", "show", "DSO", "--json"]);
    assert_eq!(json["organisation"]["ref"], "O-3");
    assert_eq!(json["organisation"]["kind"], "service");
    assert_eq!(json["people"][0]["name"], "Bas Jansen");
}

#[test]
fn org_add_json_prints_the_record() {
    let env = Env::init();
    let v = env.json(&[
        "org",
        "add",
        "--name",
        "Wijkvereniging Rivierenbuurt",
        "--add-new",
        "--email",
        "info@example.org",
        "--neighbourhood",
        "Rivierenbuurt",
        "--neighbourhood",
        "Spoorwijk",
        "--json",
    ]);
    assert_eq!(v["ref"], "O-1");
    assert_eq!(v["name"], "Wijkvereniging Rivierenbuurt");
    assert_eq!(
        v["neighbourhoods"],
        serde_json::json!(["Rivierenbuurt", "Spoorwijk"])
    );
    assert_eq!(v["cadence_per_year"], 2);
    let list = env.json(&["org", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["ref"], "O-1");
}

#[test]
fn org_edit_and_a_stale_edit_is_refused() {
    let env = seeded();
    let out = env.ok(&[
        "org",
        "edit",
        "Zeeheld",
        "--district",
        "Escamp",
        "--cadence",
        "4",
    ]);
    assert_eq!(out.trim(), "O-1 updated (version 2)");
    let v = env.json(&["org", "show", "O-1", "--json"]);
    assert_eq!(v["organisation"]["district"], "Escamp");
    assert_eq!(v["organisation"]["cadence_per_year"], 4);
    assert_eq!(v["organisation"]["version"], 2);

    // Someone read version 1 and edits now: refused, nothing changes.
    let err = env.refused(
        &[
            "org",
            "edit",
            "O-1",
            "--district",
            "Loosduinen",
            "--expect-version",
            "1",
        ],
        1,
    );
    assert!(err.contains("changed by someone else"), "{err}");
    // With the current version it goes through.
    env.ok(&[
        "org",
        "edit",
        "O-1",
        "--district",
        "Loosduinen",
        "--expect-version",
        "2",
    ]);
    // Clearing a field with an empty value.
    env.ok(&["org", "edit", "O-1", "--district", ""]);
    let v = env.json(&["org", "show", "O-1", "--json"]);
    assert!(v["organisation"]["district"].is_null(), "{v}");
}

#[test]
fn org_bad_inputs_change_nothing() {
    let env = seeded();
    let e = env.refused(&["org", "add", "--name", "   "], 1);
    assert!(e.contains("name"), "{e}");
    let e = env.refused(&["org", "add", "--name", "Wijkberaad Zeeheld"], 1);
    assert!(e.contains("exists already"), "{e}");
    env.refused(&["org", "add"], 2);
    env.refused(&["org", "add", "--name", "X", "--kind", "club"], 2);
    let e = env.refused(&["org", "add", "--name", "X", "--email", "geen-adres"], 1);
    assert!(e.contains("email"), "{e}");
    env.refused(&["org", "add", "--name", "X", "--cadence", "99"], 1);
    let e = env.refused(&["org", "show", "O-99"], 1);
    assert!(e.contains("O-99 does not exist"), "{e}");
    let e = env.refused(&["org", "show", "Nergens"], 1);
    assert!(e.contains("no organisation matches"), "{e}");
    let e = env.refused(&["org", "edit", "O-1"], 1);
    assert!(e.contains("nothing to change"), "{e}");
    let e = env.refused(
        &[
            "org",
            "edit",
            "O-1",
            "--name",
            "Bewonersorganisatie Duinoord",
        ],
        1,
    );
    assert!(e.contains("exists already"), "{e}");
    env.refused(&["org", "edit", "S-1", "--district", "X"], 1);
}

#[test]
fn an_ambiguous_prefix_is_refused_with_the_candidates() {
    let env = Env::init();
    env.ok(&["org", "add", "--name", "Wijkberaad Zeeheld"]);
    env.ok(&["org", "add", "--name", "Wijkberaad Duinoord"]);
    let e = env.refused(&["org", "show", "Wijkberaad"], 1);
    assert!(
        e.contains("more than one") && e.contains("Zeeheld") && e.contains("Duinoord"),
        "{e}"
    );
    // A longer prefix is unique.
    env.ok(&["org", "show", "Wijkberaad Z"]);
}

#[test]
fn person_add_list_show_edit() {
    let env = seeded();
    let list = env.ok(&["person", "list"]);
    assert_eq!(ids(&list), ["P-2", "P-1"], "{list}");
    let list = env.ok(&["person", "list", "--org", "DSO"]);
    assert_eq!(ids(&list), ["P-1"], "{list}");
    let list = env.ok(&["person", "list", "--filter", "voorzitter"]);
    assert_eq!(ids(&list), ["P-2"], "{list}");
    let json = env.json(&["person", "list", "--json"]);
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0]["ref"], "P-2");

    let show = env.ok(&["person", "show", "Anna"]);
    assert!(show.starts_with("P-2  Anna de Vries\n"), "{show}");
    assert!(
        show.contains("Bewonersorganisatie Duinoord (O-2)") && show.contains("anna@example.org"),
        "{show}"
    );
    // By username too.
    let show = env.ok(&["person", "show", "tester"]);
    assert!(show.starts_with("P-1  Bas Jansen"), "{show}");

    let out = env.ok(&[
        "person",
        "edit",
        "P-2",
        "--role",
        "secretaris",
        "--phone",
        "070 123 45 67",
    ]);
    assert_eq!(out.trim(), "P-2 updated (version 2)");
    let v = env.json(&["person", "show", "P-2", "--json"]);
    assert_eq!(v["person"]["role"], "secretaris");
    assert_eq!(v["person"]["phone"], "070 123 45 67");

    let e = env.refused(
        &[
            "person",
            "edit",
            "P-2",
            "--role",
            "penningmeester",
            "--expect-version",
            "1",
        ],
        1,
    );
    assert!(e.contains("changed by someone else"), "{e}");

    env.ok(&["person", "edit", "P-2", "--no-org"]);
    let v = env.json(&["person", "show", "P-2", "--json"]);
    assert!(v["person"]["org_id"].is_null());
    env.refused(&["person", "edit", "P-2", "--org", "DSO", "--no-org"], 2);

    let v = env.json(&[
        "person",
        "add",
        "--name",
        "Fatima El Amrani",
        "--org",
        "Zeeheld",
        "--json",
    ]);
    assert_eq!(v["ref"], "P-3");
    assert_eq!(v["org"], "Wijkberaad Zeeheld");
    assert!(
        v.get("org_name").is_none(),
        "one name for the organisation: {v}"
    );
}

#[test]
fn person_shows_what_they_own() {
    let env = seeded();
    env.add_signal(&[]);
    env.ok(&["signal", "triage", "S-1", "--owner", "P-1"]);
    env.ok(&[
        "commitment",
        "add",
        "--org",
        "Zeeheld",
        "--text",
        "Tegels vervangen",
        "--due",
        "+2w",
        "--owner",
        "Bas",
    ]);
    env.ok(&[
        "action",
        "add",
        "--text",
        "Aannemer bellen",
        "--owner",
        "tester",
    ]);
    let show = env.ok(&["person", "show", "P-1"]);
    assert!(
        show.contains("Open signals (1)") && show.contains("Losse stoeptegels"),
        "{show}"
    );
    assert!(
        show.contains("Open commitments (1)") && show.contains("Tegels vervangen"),
        "{show}"
    );
    assert!(
        show.contains("Open actions (1)") && show.contains("Aannemer bellen"),
        "{show}"
    );
}

#[test]
fn who_does_what() {
    let env = seeded();
    env.ok(&[
        "person",
        "add",
        "--name",
        "Carla Smit",
        "--org",
        "DSO",
        "--role",
        "wijkmanager",
        "--district",
        "Segbroek",
        "--theme",
        "groen",
    ]);
    let out = env.ok(&[
        "person",
        "who",
        "--district",
        "Centrum",
        "--theme",
        "verkeer",
    ]);
    assert_eq!(ids(&out), ["P-1"], "{out}");
    let out = env.ok(&["person", "who", "--theme", "groen"]);
    assert_eq!(ids(&out), ["P-3"], "{out}");
    let out = env.ok(&[
        "person",
        "who",
        "--district",
        "Escamp",
        "--theme",
        "verkeer",
    ]);
    assert_eq!(out.trim(), "nobody covers that district and theme");
    let v = env.json(&["person", "who", "--district", "Segbroek", "--json"]);
    assert_eq!(v[0]["ref"], "P-3");
}

#[test]
fn person_bad_inputs_change_nothing() {
    let env = seeded();
    env.refused(&["person", "add", "--name", ""], 1);
    env.refused(&["person", "add", "--role", "voorzitter"], 2);
    let e = env.refused(&["person", "add", "--name", "Piet", "--org", "O-42"], 1);
    assert!(e.contains("O-42 does not exist"), "{e}");
    let e = env.refused(
        &["person", "add", "--name", "Piet", "--phone", "bel maar"],
        1,
    );
    assert!(e.contains("phone"), "{e}");
    let e = env.refused(
        &["person", "add", "--name", "Piet", "--username", "tester"],
        1,
    );
    assert!(e.contains("tester"), "{e}");
    let e = env.refused(&["person", "show", "P-42"], 1);
    assert!(e.contains("P-42 does not exist"), "{e}");
    env.refused(&["person", "edit", "P-1"], 1);
    env.refused(&["person", "edit", "P-1", "--email", "no-at-sign"], 1);
}

/// "Om de tafel" means a meeting: feedback is contact, and only a held meeting the
/// organisation attended (or was invited to, attendance not taken) meets its cadence.
#[test]
fn feedback_is_contact_but_only_a_meeting_meets_the_cadence() {
    let env = seeded();
    env.ok(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Losse tegels",
    ]);
    env.ok(&["signal", "triage", "S-1", "--owner", "P-1"]);
    env.ok(&[
        "feedback",
        "add",
        "S-1",
        "--channel",
        "email",
        "--text",
        "We komen kijken",
    ]);
    let row = |env: &support::cli::Env| {
        let list = env.ok(&["org", "list"]);
        list.lines()
            .find(|l| l.starts_with("O-1 "))
            .unwrap_or_else(|| panic!("{list}"))
            .to_string()
    };
    let header = env.ok(&["org", "list"]);
    let header = header.lines().next().unwrap_or_default();
    assert!(
        header.find("Last meeting") < header.find("Last contact")
            && header.contains("Last meeting"),
        "{header}"
    );
    let r = row(&env);
    assert!(
        r.contains("2026-01-15") && r.contains("cadence"),
        "one e-mail is no meeting: {r}"
    );
    let show = env.ok(&["org", "show", "Zee"]);
    for want in [
        "last meeting    never",
        "last contact    2026-01-15",
        "OVERDUE",
    ] {
        assert!(show.contains(want), "missing {want:?}:\n{show}");
    }
    let v = env.json(&["org", "list", "--json"]);
    let zee = v
        .as_array()
        .and_then(|a| a.iter().find(|o| o["ref"] == "O-1"))
        .expect("O-1")
        .clone();
    assert_eq!(
        (
            &zee["last_meeting"],
            &zee["last_contact"],
            &zee["cadence_overdue"]
        ),
        (
            &serde_json::Value::Null,
            &serde_json::json!("2026-01-15"),
            &serde_json::json!(true)
        )
    );
    let overdue = env.ok(&["report", "records", "cadence.overdue"]);
    assert!(
        overdue.contains("O-1") && overdue.contains("O-2"),
        "{overdue}"
    );

    // A meeting held with Zeeheld, attendance not taken: met.
    env.ok(&[
        "meeting",
        "add",
        "--title",
        "Wijkoverleg",
        "--start",
        "2026-01-10T19:30",
        "--org",
        "Zeeheld",
    ]);
    env.ok(&["meeting", "hold", "M-1"]);
    let show = env.json(&["org", "show", "O-1", "--json"]);
    assert_eq!(show["organisation"]["last_meeting"], "2026-01-10");
    assert_eq!(show["organisation"]["last_contact"], "2026-01-15");
    assert_eq!(show["organisation"]["cadence_overdue"], false);
    let r = row(&env);
    assert!(r.contains("2026-01-10") && !r.contains("cadence"), "{r}");
    let report = env.json(&["report", "cadence", "--format", "json"]);
    let listed: Vec<&str> = report["figures"]["overdue"]
        .as_array()
        .expect("overdue")
        .iter()
        .filter_map(|o| o["org"].as_str())
        .collect();
    assert_eq!(listed, ["O-2"], "{report}");
    let table = env.ok(&["report", "cadence"]);
    assert!(
        table.contains("Last meeting") && table.contains("Last contact"),
        "{table}"
    );
}
