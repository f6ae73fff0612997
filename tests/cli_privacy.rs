//! AVG from the shell: export a person, erase them (only with --yes), and list people
//! for a retention review.

mod support;

use support::cli::*;

#[test]
fn export_then_erase_a_person() {
    let env = seeded();
    env.ok(&[
        "person",
        "edit",
        "P-2",
        "--email",
        "anna.devries@example.org",
        "--phone",
        "06-0000 0042",
    ]);
    let v = env.json(&["person", "export", "P-2"]);
    assert_eq!(v["person"]["name"], "Anna de Vries");
    assert_eq!(v["person"]["email"], "anna.devries@example.org");
    assert!(
        v["audit"].as_array().unwrap().len() >= 2,
        "create and edit are in the export"
    );

    let err = env.refused(&["person", "erase", "P-2"], 1);
    assert!(err.contains("--yes") && err.contains("export"), "{err}");
    let err = env.refused(&["person", "erase", "Anna"], 1);
    assert!(err.contains("not a valid person ID"), "{err}");

    let out = env.ok(&["person", "erase", "P-2", "--yes"]);
    assert!(out.starts_with("P-2 erased"), "{out}");
    let shown = env.ok(&["person", "show", "P-2"]);
    assert!(
        !shown.contains("Anna") && !shown.contains("anna.devries"),
        "{shown}"
    );
    let history = env.ok(&["history", "P-2"]);
    assert!(history.contains("erase"), "{history}");
    let err = env.refused(&["person", "erase", "P-2", "--yes"], 1);
    assert!(err.contains("erased already"), "{err}");
}

#[test]
fn retention_review_lists_inactive_people() {
    let env = seeded();
    let far = env.ok(&["person", "list", "--inactive-since", "2199-12-31"]);
    assert!(
        far.contains("Anna de Vries") && far.contains("Bas Jansen"),
        "{far}"
    );
    let near = env.ok(&["person", "list", "--inactive-since", "2000-01-01"]);
    assert!(near.contains("nobody"), "{near}");
    env.refused(&["person", "list", "--inactive-since", "yesterday-ish"], 1);
}
