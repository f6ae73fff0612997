//! `wijkdesk org import|export` and `person import|export-all` from the shell.

mod support;

use support::cli::*;

fn write(env: &Env, name: &str, data: &[u8]) -> String {
    let path = env.dir().join(name);
    std::fs::write(&path, data).expect("write file");
    path.to_string_lossy().into_owned()
}

#[test]
fn preview_then_import_then_export_again() {
    let env = Env::init();
    let file = write(
        &env,
        "orgs.csv",
        "\u{feff}Naam;Stadsdeel;Wijken;Soort;Cadans\r\n\
         Wijkberaad Zeeheld;Centrum;\"Zeeheldenkwartier\";bewoners;2\r\n\
         Dienst Stedelijke Ontwikkeling;;;dienst;0\r\n"
            .as_bytes(),
    );
    let before = env.dump();
    let preview = env.ok(&["org", "import", &file]);
    assert!(
        preview
            .contains("2 rows of organisations, separated by semicolons, with a byte-order mark"),
        "{preview}"
    );
    assert!(
        preview.contains("Naam → name") && preview.contains("Stadsdeel → district"),
        "{preview}"
    );
    assert!(preview.contains("2 to create"), "{preview}");
    assert!(preview.contains("Run again with --yes"), "{preview}");
    assert_eq!(env.dump(), before, "a preview stores nothing");

    let done = env.ok(&["org", "import", &file, "--yes"]);
    assert!(
        done.contains("2 created") && done.contains("Imported."),
        "{done}"
    );
    let export = env.ok(&["org", "export"]);
    assert!(
        export.starts_with(
            "name,short_name,kind,district,neighbourhoods,email,cadence_per_year,notes\n"
        ),
        "{export}"
    );
    assert!(
        export.contains("Wijkberaad Zeeheld,,residents,Centrum,Zeeheldenkwartier,,2,"),
        "{export}"
    );

    // The export into a second database, and out again: the same bytes.
    let copy = Env::init();
    let again = write(&copy, "export.csv", export.as_bytes());
    copy.ok(&["org", "import", &again, "--yes"]);
    assert_eq!(copy.ok(&["org", "export"]), export);

    // Excel form to a file, owner-only.
    let out = env.dir().join("excel.csv");
    let msg = env.ok(&["org", "export", "--excel", "-o", &out.to_string_lossy()]);
    assert!(msg.contains("2 records written"), "{msg}");
    let bytes = std::fs::read(&out).expect("read export");
    assert!(
        bytes.starts_with(b"\xef\xbb\xbfname;short_name;"),
        "{bytes:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777,
            0o600
        );
    }
    let json = env.json(&["org", "export", "--format", "json"]);
    // Export and `org list --json` agree: `ref` and a numeric `id`, numbers as numbers.
    assert_eq!(json[0]["ref"], "O-2");
    assert_eq!(json[0]["id"], 2);
    let list = env.json(&["org", "list", "--json"]);
    let listed = list
        .as_array()
        .and_then(|a| a.iter().find(|o| o["ref"] == "O-2"))
        .expect("O-2 listed");
    for field in [
        "ref",
        "id",
        "name",
        "cadence_per_year",
        "neighbourhoods",
        "district",
    ] {
        assert_eq!(json[0][field], listed[field], "{field}");
    }
    assert_eq!(
        json[1]["neighbourhoods"],
        serde_json::json!(["Zeeheldenkwartier"])
    );
}

#[test]
fn bad_rows_import_nothing_and_exit_1() {
    let env = seeded();
    let file = write(
        &env,
        "people.csv",
        b"naam,organisatie,e-mail,telefoon\n\
          Kees Pronk,Duinoord,kees@example.org,\n\
          Piet,Nergens,,\n\
          Jan,Bewonersorganisatie Duinoord,jan at example,\n\
          Els,DSO,,bel me\n",
    );
    let out = env
        .cmd()
        .args(["person", "import", &file, "--yes"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("line 3: no organisation named \"Nergens\""),
        "{stdout}"
    );
    assert!(stdout.contains("line 4: not an email address"), "{stdout}");
    assert!(stdout.contains("line 5: not a phone number"), "{stdout}");
    assert!(stdout.contains("Nothing was imported"), "{stdout}");
    assert_eq!(
        stderr.trim(),
        "error: nothing was imported: 3 lines cannot be taken (line 3, 4, 5)"
    );
    let before = env.dump();
    env.refused(&["person", "import", &file, "--yes"], 1);
    assert_eq!(env.dump(), before);
    let missing = env.fails(&["org", "import", "/nonexistent/orgs.csv"], 1);
    assert!(missing.contains("cannot read"), "{missing}");
}

#[test]
fn people_round_trip_and_neutralised_cells() {
    let env = seeded();
    env.ok(&[
        "person",
        "edit",
        "P-2",
        "--phone",
        "+31 70 123 4567",
        "--role",
        "=voorzitter",
    ]);
    let export = env.ok(&["person", "export-all"]);
    assert!(
        export.contains("'+31 70 123 4567") && export.contains("'=voorzitter"),
        "{export}"
    );
    for line in export.lines() {
        for cell in line.split(',') {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "{cell:?} in {line}"
            );
        }
    }
    let orgs = env.ok(&["org", "export"]);
    let copy = Env::init();
    copy.ok(&[
        "org",
        "import",
        &write(&copy, "o.csv", orgs.as_bytes()),
        "--yes",
    ]);
    copy.ok(&[
        "person",
        "import",
        &write(&copy, "p.csv", export.as_bytes()),
        "--yes",
    ]);
    assert_eq!(copy.ok(&["person", "export-all"]), export);
    let anna = copy.json(&["person", "show", "Anna", "--json"]);
    assert_eq!(anna["person"]["phone"], "+31 70 123 4567");
    assert_eq!(anna["person"]["role"], "=voorzitter");
}
