//! `wijkdesk signal edit` from the shell: only the fields given change, the history
//! and timeline say what changed from what, a stale --expect-version and every bad
//! input are refused with one line and change nothing, and --json has the shape of
//! every other signal command.

mod support;

use serde_json::Value;
use support::cli::*;

fn with_a_full_signal() -> Env {
    let env = seeded();
    env.add_signal(&[
        "--theme",
        "verkeer",
        "--body",
        "Bij de school liggen tegels los.",
    ]);
    env
}

#[test]
fn edit_changes_only_the_fields_given() {
    let env = with_a_full_signal();
    let out = env.ok(&[
        "signal",
        "edit",
        "S-1",
        "--title",
        "Losse stoeptegels bij de Duinschool",
        "--org",
        "Duinoord",
        "--district",
        "segbroek",
        "--neighbourhood",
        "Duinoord",
    ]);
    assert_eq!(
        out.trim(),
        "S-1 edited: title, organisation, district, neighbourhood (version 2)"
    );
    let v = env.json(&["signal", "show", "S-1", "--json"]);
    let s = &v["signal"];
    assert_eq!(s["title"], "Losse stoeptegels bij de Duinschool");
    assert_eq!(v["organisation"], "Bewonersorganisatie Duinoord");
    assert_eq!(s["district"], "Segbroek");
    assert_eq!(s["neighbourhood"], "Duinoord");
    assert_eq!(s["theme"], "verkeer", "not named, not changed");
    assert_eq!(s["body"], "Bij de school liggen tegels los.");
    assert_eq!(s["state"], "new");
    assert_eq!(s["version"], 2);
    let timeline = v["timeline"].as_array().expect("timeline");
    let last = timeline.last().expect("an entry");
    assert_eq!(last["event"], "edited");
    let detail = last["detail"].as_str().expect("detail");
    assert!(
        detail.starts_with("title, organisation, district, neighbourhood: title \"Losse stoeptegels\" → \"Losse stoeptegels bij de Duinschool\""),
        "{detail}"
    );
    assert!(
        detail.contains("organisation \"Wijkberaad Zeeheld\" → \"Bewonersorganisatie Duinoord\""),
        "{detail}"
    );
    assert!(
        detail.contains("district \"Centrum\" → \"Segbroek\""),
        "{detail}"
    );

    // The history has the diff, field by field.
    let h = env.json(&["history", "S-1", "--json"]);
    let rows = h.as_array().expect("history rows");
    let edit = rows
        .iter()
        .find(|r| r["action"] == "edit")
        .expect("an edit row");
    assert_eq!(
        edit["changes"]["district"],
        serde_json::json!(["Centrum", "Segbroek"])
    );
    assert!(edit["changes"].get("theme").is_none(), "{edit}");

    // The list and search find it under its new title and organisation.
    let list = env.ok(&["signal", "list", "--org", "Duinoord"]);
    assert!(
        list.contains("Losse stoeptegels bij de Duinschool"),
        "{list}"
    );
    let list = env.ok(&["signal", "list", "--org", "Zeeheld"]);
    assert_eq!(list.trim(), "no signals");
    let hits = env.ok(&["search", "Duinschool"]);
    assert!(hits.contains("S-1"), "{hits}");
}

#[test]
fn text_from_standard_input_and_json_output() {
    let env = with_a_full_signal();
    let out = env
        .cmd()
        .args([
            "signal", "edit", "S-1", "--text", "-", "--theme", "", "--json",
        ])
        .write_stdin("Eerste regel.\nTweede regel: gemeld op 12 januari.\n")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["ref"], "S-1");
    assert_eq!(v["id"], 1);
    assert_eq!(v["version"], 2);
    assert!(
        v["body"]
            .as_str()
            .expect("body")
            .starts_with("Eerste regel.\nTweede regel"),
        "{v}"
    );
    assert!(v["theme"].is_null(), "a blank theme clears it: {v}");
}

#[test]
fn a_stale_version_and_bad_inputs_are_refused_and_change_nothing() {
    let env = with_a_full_signal();
    env.ok(&[
        "signal",
        "edit",
        "S-1",
        "--title",
        "Tegels los",
        "--expect-version",
        "1",
    ]);
    let e = env.refused(
        &[
            "signal",
            "edit",
            "S-1",
            "--title",
            "Mijn titel",
            "--expect-version",
            "1",
        ],
        1,
    );
    assert!(e.contains("changed by someone else"), "{e}");
    assert!(e.contains("version 1, it is now 2"), "{e}");

    let e = env.refused(&["signal", "edit", "S-1"], 1);
    assert!(e.contains("nothing to change"), "{e}");
    assert!(e.contains("--title"), "{e}");
    let e = env.refused(&["signal", "edit", "S-1", "--title", "Tegels los"], 1);
    assert!(e.contains("nothing to change"), "{e}");
    let e = env.refused(&["signal", "edit", "S-1", "--title", "  "], 1);
    assert!(e.contains("title"), "{e}");
    let e = env.refused(&["signal", "edit", "S-1", "--district", "Segbroke"], 1);
    assert!(e.contains("Segbroke"), "{e}");
    assert!(e.contains("Segbroek"), "the near name is offered: {e}");
    let e = env.refused(&["signal", "edit", "S-1", "--theme", "onbekend-thema"], 1);
    assert!(e.contains("onbekend-thema"), "{e}");
    let e = env.refused(&["signal", "edit", "S-1", "--org", "Bestaat Niet"], 1);
    assert!(e.contains("Bestaat Niet"), "{e}");
    let e = env.refused(&["signal", "edit", "S-9", "--title", "x"], 1);
    assert!(e.contains("S-9 does not exist"), "{e}");
    env.refused(
        &[
            "signal",
            "edit",
            "S-1",
            "--expect-version",
            "x",
            "--title",
            "y",
        ],
        2,
    );
}
