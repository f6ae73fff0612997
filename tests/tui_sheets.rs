//! Spreadsheets from the screens: the `:` palette exports every list as owner-only CSV
//! files and says where; it imports organisations from a typed path and says what it
//! did, or imports nothing and says why.
//! (Its own test binary: it sets `WIJKDESK_EXPORT_DIR` for the process.)

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

#[test]
fn palette_exports_and_imports_csv() {
    let db = TempDb::new("tui-sheets");
    let dir = db.dir.join("spreadsheets");
    // SAFETY: the only test in this binary; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("WIJKDESK_EXPORT_DIR", &dir) };
    let mut store = db.demo();
    let today = store.today();
    let orgs_before = store.export_orgs().unwrap().rows.len();
    let good = db.dir.join("nieuw.csv");
    std::fs::write(
        &good,
        "\u{feff}Naam;Soort;Cadans\r\nWijkraad Testkwartier;bewoners;4\r\n",
    )
    .unwrap();
    let bad = db.dir.join("fout.csv");
    std::fs::write(&bad, "naam,soort\nWijkraad Fout,kasteel\n").unwrap();
    {
        let mut app = App::new(
            &mut store,
            Settings::new(Lang::Nl, true, false),
            Size {
                width: 100,
                height: 30,
            },
        );

        // Export: six files, owner-only, Excel's flavour with Dutch headings.
        type_text(&mut app, ":export_csv");
        press(&mut app, KeyCode::Enter);
        let status = app.status().unwrap_or_default().to_string();
        assert!(
            status.contains(&format!(
                "6 CSV-bestanden geschreven naar {}",
                dir.display()
            )),
            "{status}"
        );
        for name in [
            "organisations",
            "people",
            "signals",
            "commitments",
            "actions",
            "meetings",
        ] {
            let path = dir.join(format!("wijkdesk-{name}-{today}.csv"));
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            assert!(bytes.starts_with(b"\xef\xbb\xbf"), "{name}: no BOM");
            assert!(bytes.windows(2).any(|w| w == b"\r\n"), "{name}: no CRLF");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{name}");
            }
        }
        let signals =
            std::fs::read_to_string(dir.join(format!("wijkdesk-signals-{today}.csv"))).unwrap();
        assert!(
            signals.starts_with("\u{feff}nummer;id;status;"),
            "{signals}"
        );

        // A file with a line that cannot be taken: nothing imported, the prompt stays.
        type_text(&mut app, ":import_orgs");
        press(&mut app, KeyCode::Enter);
        assert!(
            screen(&app, 100, 30).contains("Organisaties importeren"),
            "{}",
            screen(&app, 100, 30)
        );
        type_text(&mut app, &bad.to_string_lossy());
        press(&mut app, KeyCode::Enter);
        let status = app.status().unwrap_or_default().to_string();
        assert!(status.contains("Niets geïmporteerd"), "{status}");
        assert!(status.contains("regel 2"), "{status}");

        // The right file: imported, and the status says what happened. (The typed path
        // is not thrown away unasked.)
        press(&mut app, KeyCode::Esc);
        assert!(screen(&app, 100, 30).contains("Wat je getypt hebt weggooien?"));
        type_text(&mut app, "y");
        type_text(&mut app, ":import_orgs");
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, &good.to_string_lossy());
        press(&mut app, KeyCode::Enter);
        let status = app.status().unwrap_or_default().to_string();
        assert!(
            status.contains(&format!(
                "1 nieuw, 0 bijgewerkt, 0 ongewijzigd uit {}",
                good.display()
            )),
            "{status}"
        );
    }
    assert_eq!(store.export_orgs().unwrap().rows.len(), orgs_before + 1);
    let id = store.resolve_org("Wijkraad Testkwartier").unwrap();
    assert_eq!(store.org(id).unwrap().cadence_per_year, 4);
}
