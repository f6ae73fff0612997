//! Spreadsheets from the shell, on the demo data: every CSV output is one rectangular
//! table (each row as wide as its header), `--excel` is semicolons, a byte-order mark
//! and CRLF with Dutch dates, `--lang nl` gives Dutch headings, and organisations and
//! people survive export → import → export in the Excel flavour.

mod support;

use support::cli::*;

const BOM: &str = "\u{feff}";

/// Every CSV a command can print, with the number of rows the demo must give.
fn csv_commands() -> Vec<Vec<&'static str>> {
    let mut v = vec![
        vec!["signal", "list", "--all"],
        vec!["commitment", "list", "--all"],
        vec!["action", "list", "--all"],
        vec!["meeting", "list"],
        vec!["org", "export"],
        vec!["person", "export-all"],
    ];
    for r in ["loop", "commitments", "cadence", "load", "all"] {
        v.push(vec!["report", r]);
    }
    v
}

/// The flag that asks a command for CSV (`--csv` on a list, `--format csv` on a report).
fn csv_flag(args: &[&str], excel: bool) -> Vec<&'static str> {
    match (args[0], args[1], excel) {
        (_, _, true) => vec!["--excel"],
        ("report", _, false) => vec!["--format", "csv"],
        ("org" | "person", _, false) => vec![],
        _ => vec!["--csv"],
    }
}

/// The header and the rows, each checked to be as wide as the header.
fn read(what: &str, text: &str, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(body.as_bytes());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.expect("csv row").iter().map(str::to_string).collect())
        .collect();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(
            row.len(),
            header.len(),
            "{what}: row {} has {} cells, the header {}:\n{text}",
            i + 1,
            row.len(),
            header.len()
        );
    }
    (header, rows)
}

#[test]
fn every_csv_is_one_rectangular_table() {
    let env = Env::new();
    env.ok(&["demo"]);
    for args in csv_commands() {
        let mut full = args.clone();
        full.extend(csv_flag(&args, false));
        let text = env.ok(&full);
        assert!(!text.starts_with(BOM), "{full:?}: a BOM without --excel");
        assert!(!text.contains('\r'), "{full:?}: CR without --excel");
        let (header, rows) = read(&format!("{full:?}"), &text, b',');
        assert!(!rows.is_empty(), "{full:?}: no rows");
        assert!(header.iter().all(|h| !h.is_empty()), "{full:?}: {header:?}");
    }
}

#[test]
fn excel_flavour_has_bom_semicolons_crlf_and_dutch_dates() {
    let env = Env::new();
    env.ok(&["demo"]);
    let iso = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}").unwrap();
    for args in csv_commands() {
        let mut full = args.clone();
        full.extend(csv_flag(&args, true));
        let text = env.ok(&full);
        assert!(text.starts_with(BOM), "{full:?}: no byte-order mark");
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        assert!(
            lines.iter().all(|l| l.ends_with("\r\n")),
            "{full:?}: a line without CRLF"
        );
        let (header, rows) = read(&format!("{full:?}"), &text, b';');
        assert!(
            header.len() > 1,
            "{full:?}: not split by semicolons: {header:?}"
        );
        assert!(!rows.is_empty(), "{full:?}: no rows");
        // No ISO date is left for Excel to misread; dates read as 15-01-2026.
        for row in &rows {
            assert!(
                row.iter().all(|c| !iso.is_match(c)),
                "{full:?}: an ISO date in {row:?}"
            );
        }
    }
    let signals = env.ok(&["signal", "list", "--all", "--excel"]);
    let (header, rows) = read("signals", &signals, b';');
    let received = header.iter().position(|h| h == "received_on").unwrap();
    let dmy = regex::Regex::new(r"^\d{2}-\d{2}-\d{4}$").unwrap();
    assert!(rows.iter().all(|r| dmy.is_match(&r[received])), "{signals}");
}

#[test]
fn dutch_headings_under_lang_nl() {
    let env = Env::new();
    env.ok(&["demo"]);
    let signals = env.ok(&["--lang", "nl", "signal", "list", "--all", "--csv"]);
    let (header, _) = read("signals", &signals, b',');
    assert_eq!(
        header[..4],
        ["nummer", "id", "status", "ontvangen_op"].map(String::from)
    );
    let meetings = env.ok(&["--lang", "nl", "meeting", "list", "--excel"]);
    let (header, _) = read("meetings", &meetings, b';');
    assert!(header.contains(&"begint_om".to_string()), "{header:?}");
    let orgs = env.ok(&["--lang", "nl", "org", "export"]);
    assert!(
        orgs.starts_with("naam,afkorting,soort,stadsdeel,wijken,e-mail,cadans,notities\n"),
        "{orgs}"
    );
    let report = env.ok(&["--lang", "nl", "report", "commitments", "--excel"]);
    let (header, rows) = read("report", &report, b';');
    assert_eq!(header[..2], ["rapport", "tabel"].map(String::from));
    // The tables' own titles and labels are Dutch as well.
    assert!(
        rows.iter().any(|r| r[1] == "Toezeggingen naar uitkomst"),
        "{report}"
    );
    // English without --lang.
    let report = env.ok(&["report", "commitments", "--format", "csv"]);
    let (header, _) = read("report", &report, b',');
    assert_eq!(header[..2], ["report", "table"].map(String::from));
}

#[test]
fn report_all_is_one_long_table_of_the_four() {
    let env = Env::new();
    env.ok(&["demo"]);
    let text = env.ok(&["report", "all", "--format", "csv"]);
    let (header, rows) = read("all", &text, b',');
    let report = header.iter().position(|h| h == "report").unwrap();
    let named: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[report].as_str()).collect();
    assert_eq!(
        named,
        ["cadence", "commitments", "load", "loop"]
            .into_iter()
            .collect()
    );
    // Exactly the rows of the four reports one by one, under one header.
    let mut each = 0;
    for r in ["loop", "commitments", "cadence", "load"] {
        each += read(r, &env.ok(&["report", r, "--format", "csv"]), b',')
            .1
            .len();
    }
    assert_eq!(rows.len(), each);
}

#[test]
fn a_report_row_names_its_figure() {
    let env = Env::new();
    env.ok(&["demo"]);
    let text = env.ok(&["report", "loop", "--format", "csv"]);
    let (header, rows) = read("loop", &text, b',');
    let figure = header.iter().position(|h| h == "figure").unwrap();
    let value = header.iter().position(|h| h == "value").unwrap();
    let late = rows
        .iter()
        .find(|r| r[figure] == "loop.late")
        .expect("a row for loop.late");
    let json = env.json(&["report", "loop", "--json"]);
    assert_eq!(
        late[value],
        json["figures"]["feedback_on_time"]["late"].to_string()
    );
}

#[test]
fn orgs_and_people_round_trip_through_excel() {
    let env = Env::new();
    env.ok(&["demo"]);
    for (export, import) in [
        (vec!["org", "export", "--excel"], vec!["org", "import"]),
        (
            vec!["person", "export-all", "--excel"],
            vec!["person", "import"],
        ),
        // Dutch headings come back as the same fields.
        (
            vec!["--lang", "nl", "org", "export", "--excel"],
            vec!["org", "import"],
        ),
        (
            vec!["--lang", "nl", "person", "export-all"],
            vec!["person", "import"],
        ),
    ] {
        let first = env.ok(&export);
        let file = env.dir().join("round.csv");
        std::fs::write(&file, &first).expect("write");
        let copy = Env::init();
        let mut imp = import.clone();
        imp.extend([file.to_str().unwrap(), "--yes", "--add-new"]);
        if import[0] == "person" {
            // People name their organisation: bring the organisations first.
            let orgs = env.dir().join("orgs.csv");
            std::fs::write(&orgs, env.ok(&["org", "export"])).expect("write");
            copy.ok(&[
                "org",
                "import",
                orgs.to_str().unwrap(),
                "--yes",
                "--add-new",
            ]);
        }
        copy.ok(&imp);
        assert_eq!(copy.ok(&export), first, "{export:?} changed on the way");
    }
}

#[test]
fn a_list_written_to_a_file_is_owner_only_and_says_how_many() {
    let env = Env::new();
    env.ok(&["demo"]);
    let path = env.dir().join("signalen.csv");
    let msg = env.ok(&[
        "signal",
        "list",
        "--all",
        "--excel",
        "-o",
        path.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&path).expect("written");
    let (_, rows) = read("file", &text, b';');
    assert!(
        msg.contains(&format!("{} records written to", rows.len())),
        "{msg}"
    );
    assert_eq!(text, env.ok(&["signal", "list", "--all", "--excel"]));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
