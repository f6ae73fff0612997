//! Organisations and people to and from CSV: an export re-imports to the same data;
//! semicolons, byte-order marks and Dutch headers are read; a file with bad rows
//! imports nothing and names the lines; and no exported cell starts a formula.

mod support;

use chrono::NaiveDate;
use support::{TempDb, dump};
use wijkdesk::domain::csv_rules::{is_dangerous, restore};
use wijkdesk::domain::report::{Lang, ReportFilter, Rows, tables_to_csv};
use wijkdesk::store::{Ctx, NewOrg, NewPerson, ReportKind, RowAction, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).expect("date")
}

/// Fixtures and imports here name districts freely: they join the kept lists.
fn open(db: &TempDb) -> Store {
    let mut s = Store::open(&db.path, Ctx::new("anna", today())).expect("open");
    s.set_accept_new_terms(true);
    s
}

/// Every cell of a CSV text, with its line.
fn cells(data: &[u8]) -> Vec<String> {
    let (data, _) = wijkdesk::domain::csv_rules::strip_bom(data);
    let delimiter = wijkdesk::domain::csv_rules::sniff_delimiter(data);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(data);
    r.records()
        .flat_map(|rec| {
            rec.expect("valid CSV")
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn an_export_reimports_to_the_same_data() {
    let source = TempDb::new();
    let mut store = open(&source);
    wijkdesk::demo::load(&mut store, 0).expect("demo");
    let orgs = store
        .export_orgs()
        .expect("export orgs")
        .to_csv(b',', false)
        .expect("csv");
    let people = store
        .export_people()
        .expect("export people")
        .to_csv(b',', false)
        .expect("csv");
    assert!(orgs.len() > 1000 && people.len() > 1000);

    let target = TempDb::new();
    let mut fresh = open(&target);
    let r = fresh.import_orgs(&orgs, true).expect("import orgs");
    assert!(r.imported, "{:?}", r.problems);
    assert_eq!(
        r.count(RowAction::Create),
        store.export_orgs().expect("orgs").rows.len()
    );
    let r = fresh.import_people(&people, true).expect("import people");
    assert!(r.imported, "{:?}", r.problems);

    assert_eq!(
        String::from_utf8(
            fresh
                .export_orgs()
                .expect("orgs")
                .to_csv(b',', false)
                .expect("csv")
        )
        .expect("utf-8"),
        String::from_utf8(orgs.clone()).expect("utf-8")
    );
    assert_eq!(
        fresh
            .export_people()
            .expect("people")
            .to_csv(b',', false)
            .expect("csv"),
        people
    );
    // And again into the same database: every row is found and left alone.
    let r = fresh.import_orgs(&orgs, true).expect("again");
    assert_eq!(r.count(RowAction::Unchanged), r.rows);
    let r = fresh.import_people(&people, true).expect("again");
    assert_eq!(r.count(RowAction::Unchanged), r.rows);
    // The same through Excel's form: semicolons and a byte-order mark.
    let excel = store
        .export_orgs()
        .expect("orgs")
        .to_csv(b';', true)
        .expect("csv");
    let r = fresh.import_orgs(&excel, false).expect("preview");
    assert_eq!(
        (r.delimiter, r.bom, r.count(RowAction::Unchanged)),
        (';', true, r.rows)
    );
    // Imported records are found by search.
    assert!(
        !fresh
            .search("Zeeheldenkwartier", 5)
            .expect("search")
            .is_empty()
    );
}

#[test]
fn semicolons_a_bom_and_dutch_headers() {
    let db = TempDb::new();
    let mut store = open(&db);
    let file = "\u{feff}Naam;Korte naam;Soort;Stadsdeel;Wijken;E-mail;Cadans;Notities\r\n\
                Wijkberaad Duinoord;;bewonersorganisatie;Segbroek;\"Duinoord, Zeeheldenkwartier\";info@duinoord.example;4;\"Vergadert elke tweede dinsdag; \"\"altijd\"\" open\"\r\n\
                Dienst Stadsbeheer;DSB;dienst;;;;0;\r\n";
    let preview = store.import_orgs(file.as_bytes(), false).expect("preview");
    assert_eq!(
        (
            preview.delimiter,
            preview.bom,
            preview.rows,
            preview.imported
        ),
        (';', true, 2, false)
    );
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert_eq!(preview.count(RowAction::Create), 2);
    assert!(
        preview.plan.iter().all(|p| p.record.is_none()),
        "a preview creates nothing"
    );
    assert_eq!(preview.sample_fields[..3], ["name", "short_name", "kind"]);
    assert_eq!(preview.sample[0][0], "Wijkberaad Duinoord");
    assert!(
        store.org_summaries("", 10).expect("orgs").is_empty(),
        "a preview stores nothing"
    );

    let done = store.import_orgs(file.as_bytes(), true).expect("import");
    assert!(done.imported);
    assert_eq!(done.plan.iter().filter_map(|p| p.record.clone()).count(), 2);
    let id = store.resolve_org("Wijkberaad Duinoord").expect("found");
    let o = store.org(id).expect("org");
    assert_eq!(o.kind.code(), "residents");
    assert_eq!(o.district.as_deref(), Some("Segbroek"));
    assert_eq!(o.neighbourhoods, vec!["Duinoord", "Zeeheldenkwartier"]);
    assert_eq!(o.email.as_deref(), Some("info@duinoord.example"));
    assert_eq!(o.cadence_per_year, 4);
    assert_eq!(o.notes, "Vergadert elke tweede dinsdag; \"altijd\" open");
    let dsb = store
        .org(store.resolve_org("DSB").expect("DSB"))
        .expect("org");
    assert_eq!((dsb.kind.code(), dsb.cadence_per_year), ("service", 0));

    // People, comma-separated, Dutch headers, an unknown column ignored.
    let people = "naam,organisatie,functie,e-mail,telefoon,gebruikersnaam,stadsdelen,thema's,kleur\n\
                  Anna de Vries,Wijkberaad Duinoord,voorzitter,anna@example.org,+31 70 123 4567,,,,blauw\n\
                  Kees Pronk,DSB,gebiedsregisseur,,,kees,\"Segbroek, Centrum\",\"Groen, Verkeer\",\n";
    let r = store
        .import_people(people.as_bytes(), true)
        .expect("import people");
    assert!(r.imported, "{:?}", r.problems);
    assert_eq!(
        r.columns.last().map(|c| (c.header.as_str(), c.field)),
        Some(("kleur", None))
    );
    let kees = store
        .person(store.resolve_person("kees").expect("kees"))
        .expect("person");
    assert_eq!(kees.org_name.as_deref(), Some("Dienst Stadsbeheer"));
    assert_eq!(kees.districts, vec!["Segbroek", "Centrum"]);
    assert_eq!(kees.themes, vec!["groen", "verkeer"]);
    let anna = store
        .person(store.resolve_person("Anna").expect("anna"))
        .expect("person");
    assert_eq!(anna.phone.as_deref(), Some("+31 70 123 4567"));
    assert_eq!(anna.role, "voorzitter");
}

#[test]
fn a_file_with_bad_rows_imports_nothing_and_names_the_lines() {
    let db = TempDb::new();
    let mut store = open(&db);
    store
        .add_org(NewOrg {
            name: "Wijkberaad Noord".into(),
            district: Some("Centrum".into()),
            ..Default::default()
        })
        .expect("org");
    let before = dump(store.conn());
    let file = "name,district,email,cadence_per_year\n\
                Bewoners Zuid,Escamp,zuid@example.org,2\n\
                Buurt West,Centrum,not-an-address,2\n\
                Vereniging Oost,Escamp,oost@example.org,2,extra\n\
                Wijkraad Haven,Centrum,,veel\n\
                Bewoners Zuid,Escamp,,2\n\
                ,Centrum,,2\n\
                Wijkberaad Noord,Laak,,\n";
    let r = store.import_orgs(file.as_bytes(), true).expect("read");
    assert!(!r.imported);
    let lines: Vec<u64> = r.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6, 7], "{:#?}", r.problems);
    assert!(
        r.problems[0].message.contains("not an email address"),
        "{}",
        r.problems[0].message
    );
    assert!(
        r.problems[1].message.contains("5 cells"),
        "{}",
        r.problems[1].message
    );
    assert!(
        r.problems[2].message.contains("cadence"),
        "{}",
        r.problems[2].message
    );
    assert!(
        r.problems[3].message.contains("line 2"),
        "{}",
        r.problems[3].message
    );
    assert!(
        r.problems[4].message.contains("name"),
        "{}",
        r.problems[4].message
    );
    // The good rows are in the plan, but nothing was stored.
    assert_eq!(r.count(RowAction::Create), 1);
    assert_eq!(r.count(RowAction::Update), 1);
    assert_eq!(dump(store.conn()), before, "all or nothing");

    // People naming an organisation that does not exist.
    let r = store
        .import_people(
            b"name;organisation\nAnna;Wijkberaad Noord\nPiet;Nergens\n",
            true,
        )
        .expect("read");
    assert!(!r.imported);
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].line, 3);
    assert!(
        r.problems[0]
            .message
            .contains("no organisation named \"Nergens\""),
        "{}",
        r.problems[0].message
    );
    assert_eq!(dump(store.conn()), before);
}

#[test]
fn files_that_cannot_be_read_say_why() {
    let db = TempDb::new();
    let mut store = open(&db);
    let mut err = |data: &[u8]| {
        store
            .import_orgs(data, true)
            .expect_err("refused")
            .to_string()
    };
    assert!(err(b"").contains("empty"));
    assert!(err(b"district,email\nCentrum,x@y\n").contains("no name column"));
    assert!(err(b"naam,name\nA,B\n").contains("two columns"));
    let latin1 = b"naam\nCaf\xe9 de Buurt\n";
    let e = err(latin1);
    assert!(e.contains("line 2") && e.contains("UTF-8"), "{e}");
}

#[test]
fn matching_rows_update_only_their_columns() {
    let db = TempDb::new();
    let mut store = open(&db);
    let o = store
        .add_org(NewOrg {
            name: "Wijkberaad Noord".into(),
            district: Some("Centrum".into()),
            notes: Some("Oude notitie".into()),
            cadence_per_year: Some(2),
            ..Default::default()
        })
        .expect("org");
    let r = store
        .import_orgs(b"naam;stadsdeel\nwijkberaad noord;Laak\n", true)
        .expect("import");
    assert!(r.imported);
    assert_eq!(r.plan[0].action, RowAction::Update);
    assert_eq!(
        r.plan[0].record.as_deref(),
        Some(o.reference().to_string().as_str())
    );
    assert_eq!(r.plan[0].changed, vec!["name", "district"]);
    let after = store.org(o.id).expect("org");
    assert_eq!(after.name, "wijkberaad noord", "the file's spelling");
    assert_eq!(after.district.as_deref(), Some("Laak"));
    assert_eq!(
        after.notes, "Oude notitie",
        "a column the file does not have is left alone"
    );
    assert_eq!(after.version, o.version + 1);
    let history = store.history(o.reference()).expect("history");
    assert_eq!(history.last().map(|h| h.action.as_str()), Some("import"));
    assert!(
        !store.search("laak", 5).expect("search").is_empty(),
        "the index follows"
    );
}

#[test]
fn exports_never_start_a_formula() {
    let db = TempDb::new();
    let mut store = open(&db);
    let hostile = [
        "=HYPERLINK(\"http://evil\",\"klik\")",
        "+31 70 123",
        "-2+3",
        "@SUM(A1)",
        "'=already",
        "\tindented",
    ];
    let org = store
        .add_org(NewOrg {
            name: hostile[0].into(),
            short_name: Some(hostile[3].into()),
            district: Some(hostile[2].into()),
            neighbourhoods: vec![hostile[1].into()],
            notes: Some(format!("{}\nline two", hostile[5])),
            ..Default::default()
        })
        .expect("org");
    store
        .add_person(NewPerson {
            name: hostile[4].into(),
            org_id: Some(org.id),
            role: Some(hostile[2].into()),
            phone: Some(hostile[1].into()),
            username: Some(hostile[3].into()),
            districts: vec![hostile[0].into()],
            themes: vec!["-verkeer".into()],
            notes: Some(hostile[5].into()),
            ..Default::default()
        })
        .expect("person");

    let orgs = store.export_orgs().expect("orgs");
    let people = store.export_people().expect("people");
    for (table, what) in [(&orgs, "orgs"), (&people, "people")] {
        for (delimiter, bom) in [(b',', false), (b';', true)] {
            let data = table.to_csv(delimiter, bom).expect("csv");
            let all = cells(&data);
            assert!(all.iter().all(|c| !is_dangerous(c)), "{what}: {all:?}");
            // What was neutralised comes back as it was.
            let restored: Vec<String> = all.iter().map(|c| restore(c).into_owned()).collect();
            for row in &table.rows {
                for cell in row.iter().filter(|c| !c.is_empty()) {
                    assert!(restored.contains(cell), "{what}: {cell:?} in {restored:?}");
                }
            }
        }
    }
    // Round trip through a fresh database.
    let target = TempDb::new();
    let mut fresh = open(&target);
    assert!(
        fresh
            .import_orgs(&orgs.to_csv(b',', false).expect("csv"), true)
            .expect("orgs")
            .imported
    );
    assert!(
        fresh
            .import_people(&people.to_csv(b';', true).expect("csv"), true)
            .expect("people")
            .imported
    );
    assert_eq!(fresh.export_orgs().expect("orgs").rows, orgs.rows);
    assert_eq!(fresh.export_people().expect("people").rows, people.rows);
    assert_eq!(fresh.org(1).expect("org").name, hostile[0]);

    // Report CSV: the organisation's name shows in the cadence and load reports.
    for kind in ReportKind::ALL {
        let report = store
            .report(kind, &ReportFilter::default(), Lang::En)
            .expect("report");
        let data = tables_to_csv(&report.tables(Lang::En, Rows::All), b',').expect("csv");
        let all = cells(&data);
        assert!(all.iter().all(|c| !is_dangerous(c)), "{kind:?}: {all:?}");
        if matches!(kind, ReportKind::Cadence | ReportKind::Load) {
            assert!(
                all.iter().any(|c| restore(c) == hostile[0]),
                "{kind:?}: {all:?}"
            );
        }
    }
}

#[test]
fn json_export_lists_every_record() {
    let db = TempDb::new();
    let mut store = open(&db);
    store
        .add_org(NewOrg {
            name: "Wijkberaad Noord".into(),
            neighbourhoods: vec!["Noord".into(), "Oost".into()],
            ..Default::default()
        })
        .expect("org");
    let json = store
        .export_orgs()
        .expect("orgs")
        .to_json(&["neighbourhoods"]);
    // The same shape as `org list --json`: `ref` and a numeric `id`, numbers as numbers.
    assert_eq!(json[0]["ref"], "O-1");
    assert_eq!(json[0]["id"], 1);
    assert_eq!(json[0]["name"], "Wijkberaad Noord");
    assert_eq!(
        json[0]["neighbourhoods"],
        serde_json::json!(["Noord", "Oost"])
    );
    assert_eq!(json[0]["cadence_per_year"], 2);
}
