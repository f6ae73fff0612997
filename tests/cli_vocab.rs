//! `wijkdesk district` and `wijkdesk theme`, and the refusal of names that are not on
//! their lists by every command that sets one.

mod support;

use support::cli::{Env, seeded};

#[test]
fn unknown_names_are_refused_with_one_line_and_change_nothing() {
    let env = seeded();
    let err = env.refused(
        &[
            "signal", "add", "--org", "Zeeheld", "--title", "Tegels", "--theme", "verkeerr",
        ],
        1,
    );
    assert_eq!(
        err.trim(),
        "error: 'verkeerr' is not a known theme (did you mean 'verkeer'?); nothing was changed. \
         Use a name from `wijkdesk theme list`, or repeat with --add-new to add 'verkeerr' to the list"
    );
    let err = env.refused(&["org", "edit", "O-1", "--district", "Segbroke"], 1);
    assert!(err.contains("did you mean 'Segbroek'?"), "{err}");
    env.refused(&["person", "edit", "P-1", "--district", "Nergens"], 1);
    env.refused(
        &[
            "org",
            "add",
            "--name",
            "Nieuw",
            "--neighbourhood",
            "Nergenswijk",
        ],
        1,
    );
    // Case and accents do not matter; the list's spelling is stored.
    env.ok(&["org", "edit", "O-1", "--district", "SEGBRÖEK"]);
    let v = env.json(&["org", "show", "O-1", "--json"]);
    assert_eq!(v["organisation"]["district"], "Segbroek");
}

#[test]
fn add_new_puts_a_name_on_the_list() {
    let env = seeded();
    let id = env.id(&[
        "signal",
        "add",
        "--org",
        "Zeeheld",
        "--title",
        "Tegels",
        "--theme",
        "Fietsen",
        "--add-new",
    ]);
    assert_eq!(id, "S-1");
    let v = env.json(&["theme", "list", "--json"]);
    let fietsen: Vec<&serde_json::Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["name"] == "fietsen")
        .collect();
    assert_eq!(fietsen.len(), 1, "{v}");
    assert_eq!(fietsen[0]["uses"], 1);
}

#[test]
fn list_add_rename_merge_and_check() {
    let env = seeded();
    let out = env.ok(&["district", "list"]);
    assert!(out.starts_with("DISTRICT"), "{out}");
    assert!(out.contains("Segbroek"), "{out}");
    assert_eq!(
        env.ok(&["district", "add", "Segbroke"]),
        "added district Segbroke\nnote: Segbroke looks like Segbroek; if they are one district, \
         merge them: wijkdesk district merge Segbroke Segbroek\n"
    );
    env.ok(&[
        "org",
        "add",
        "--name",
        "Bewonersgroep Valkenbos",
        "--district",
        "Segbroke",
    ]);
    let out = env.ok(&["district", "check"]);
    assert_eq!(
        out.trim(),
        "district Segbroek (1 record) ~ Segbroke (1 record): wijkdesk district merge Segbroke Segbroek"
    );
    let out = env.ok(&["check"]);
    assert!(
        out.contains("near-duplicate district Segbroek (1 record) ~ Segbroke (1 record)"),
        "{out}"
    );
    // An existing name cannot be added twice.
    env.refused(&["district", "add", "segbroek"], 1);
    let out = env.ok(&["district", "merge", "Segbroke", "Segbroek"]);
    assert_eq!(
        out.trim(),
        "merged district Segbroke into Segbroek; 1 record changed"
    );
    let v = env.json(&["org", "show", "Valkenbos", "--json"]);
    assert_eq!(v["organisation"]["district"], "Segbroek");
    let hist = env.ok(&["history", "O-4"]);
    assert!(hist.contains("district merged"), "{hist}");
    assert_eq!(
        env.ok(&["district", "check"]).trim(),
        "no near-duplicate district or neighbourhood names"
    );
    let err = env.refused(&["district", "merge", "Segbroke", "Segbroek"], 1);
    assert!(err.contains("see `wijkdesk district list`"), "{err}");

    let out = env.ok(&["theme", "rename", "verkeer", "verkeersveiligheid"]);
    assert_eq!(
        out.trim(),
        "renamed theme verkeer to verkeersveiligheid; 1 record changed"
    );
    let v = env.json(&["person", "show", "P-1", "--json"]);
    assert_eq!(
        v["person"]["themes"],
        serde_json::json!(["verkeersveiligheid"]),
        "{v}"
    );
    env.refused(&["theme", "rename", "groen", "afval"], 1);
}

#[test]
fn neighbourhoods_live_under_districts() {
    let env = Env::init();
    env.ok(&[
        "district",
        "add-neighbourhood",
        "Valkenboskwartier",
        "--district",
        "segbroek",
    ]);
    let v = env.json(&["district", "neighbourhoods", "Segbroek", "--json"]);
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Duinoord", "Valkenboskwartier"]);
    env.refused(
        &[
            "district",
            "add-neighbourhood",
            "Bomenbuurt",
            "--district",
            "Nergens",
        ],
        1,
    );
}

#[test]
fn import_a_csv_list_all_or_nothing() {
    let env = Env::new();
    env.ok(&["init"]);
    let file = env.dir().join("themas.csv");
    std::fs::write(&file, "\u{feff}thema\nGroen\nverkeer\ngroen\n\nAfval\n").unwrap();
    let out = env.ok(&["theme", "import", file.to_str().unwrap()]);
    assert_eq!(
        out,
        "added theme groen\nadded theme verkeer\nadded theme afval\n3 added, 1 on the list already\n"
    );
    let places = env.dir().join("stadsdelen.csv");
    std::fs::write(
        &places,
        "stadsdeel;wijk\nSegbroek;Duinoord\nSegbroek;Valkenboskwartier\n",
    )
    .unwrap();
    env.ok(&["district", "import", places.to_str().unwrap()]);
    let v = env.json(&["district", "neighbourhoods", "--json"]);
    assert_eq!(v[0]["district"], "Segbroek", "{v}");

    // A file that is not text, or holds nothing, is refused and changes nothing.
    let bad = env.dir().join("bad.csv");
    std::fs::write(&bad, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let err = env.refused(&["theme", "import", bad.to_str().unwrap()], 1);
    assert!(err.contains("is not UTF-8"), "{err}");
    let empty = env.dir().join("empty.csv");
    std::fs::write(&empty, "theme\n").unwrap();
    env.refused(&["theme", "import", empty.to_str().unwrap()], 1);
    env.refused(&["theme", "import", "/nonexistent/themas.csv"], 1);
}

#[test]
fn a_theme_in_minutes_must_be_on_the_list() {
    let env = seeded();
    env.ok(&[
        "meeting",
        "add",
        "--title",
        "Wijkoverleg",
        "--start",
        "2026-01-15T19:30",
        "--org",
        "Zeeheld",
    ]);
    let out = env.ok(&["minutes", "add", "M-1", "S: Losse tegels #verkeerr"]);
    assert!(out.contains("'verkeerr' is not a known theme"), "{out}");
    let v = env.json(&["signal", "show", "S-1", "--json"]);
    assert_eq!(v["signal"]["theme"], serde_json::Value::Null, "{v}");
}

#[test]
fn a_csv_import_with_an_unknown_district_imports_nothing_until_add_new() {
    let env = seeded();
    let file = env.dir().join("orgs.csv");
    std::fs::write(&file, "naam,stadsdeel\nBewonersgroep Valkenbos,Segbroke\n").unwrap();
    let path = file.to_str().unwrap();
    let before = env.dump();
    let out = env
        .cmd()
        .args(["org", "import", path, "--yes"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("line 2: 'Segbroke' is not a known district (did you mean 'Segbroek'?)"),
        "{stdout}"
    );
    assert!(stdout.contains("--add-new adds the new ones"), "{stdout}");
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    assert_eq!(env.dump(), before, "nothing imported, no list entry added");
    env.ok(&["org", "import", path, "--yes", "--add-new"]);
    let v = env.json(&["org", "show", "Valkenbos", "--json"]);
    assert_eq!(v["organisation"]["district"], "Segbroke");
}

#[test]
fn who_does_what_takes_a_name_from_the_list_and_refuses_a_typo() {
    let env = seeded();
    // A prefix or another case finds the list's name; P-1 covers Centrum and verkeer.
    let v = env.json(&[
        "person",
        "who",
        "--district",
        "centr",
        "--theme",
        "VERK",
        "--json",
    ]);
    assert_eq!(v[0]["ref"], "P-1", "{v}");
    let err = env.refused(&["person", "who", "--district", "Centurm"], 1);
    assert_eq!(
        err.trim(),
        "error: 'Centurm' is not a known district (did you mean 'Centrum'?); see `wijkdesk district list`"
    );
}
