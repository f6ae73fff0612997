//! Spreadsheets from the real screens in a real terminal (tmux): F7 exports every list
//! as CSV files and the status line says where; F8 asks for a file of organisations,
//! imports it and says what it did; `wijkdesk org show` then finds the new one. Waits
//! for screen text with a timeout, never a fixed sleep. Needs tmux (CI installs it).

mod support;

use support::e2e::*;

#[test]
fn export_and_import_from_the_screens() {
    let tmux = Tmux::new("sheets");
    let home = std::env::temp_dir().join(format!("wijkdesk-sheets-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();
    let db = home.join("sheets.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    let exports = home.join("exports");
    let file = home.join("nieuw.csv");
    std::fs::write(
        &file,
        "naam;soort;cadans\r\nWijkraad Tmuxkwartier;bewoners;6\r\n",
    )
    .unwrap();

    let command = format!(
        "env LANG=C LC_ALL= WIJKDESK_USER=demo WIJKDESK_CONFIG={} \
         WIJKDESK_DRAFTS={} WIJKDESK_EXPORT_DIR={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&exports),
        quote(&bin()),
        quote(&db)
    );
    tmux.start(120, 36, &command);
    tmux.wait_for("Inbox", 20);

    tmux.keys(&["F7"]);
    tmux.wait_for("6 CSV files written to", 10);
    for name in [
        "organisations",
        "people",
        "signals",
        "commitments",
        "actions",
        "meetings",
    ] {
        // wijkdesk-signals-DAY.csv, the day being today.
        let path = std::fs::read_dir(&exports)
            .expect("the export folder")
            .map(|e| e.expect("entry").path())
            .find(|p| {
                p.file_name().is_some_and(|n| {
                    n.to_string_lossy()
                        .starts_with(&format!("wijkdesk-{name}-"))
                })
            })
            .unwrap_or_else(|| panic!("no {name} file in {exports:?}"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        assert!(text.starts_with('\u{feff}'), "{name}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{name}");
        }
    }

    tmux.keys(&["F8"]);
    tmux.wait_for("Import organisations from a CSV file", 10);
    tmux.text(&file.to_string_lossy());
    tmux.keys(&["Enter"]);
    tmux.wait_for("1 created, 0 updated, 0 unchanged", 10);

    let shown = wijkdesk_ok(
        &db,
        &home,
        &["org", "show", "Wijkraad Tmuxkwartier", "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&shown).expect("json");
    assert_eq!(v["organisation"]["cadence_per_year"], 6);
    tmux.keys(&["q"]);
    let _ = std::fs::remove_dir_all(&home);
}
