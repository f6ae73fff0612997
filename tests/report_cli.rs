//! `wijkdesk search`, `report` and `digest` from the shell.

mod support;

use support::cli::*;

/// The seeded database plus a signal owned by P-1 (tester), overdue, and a commitment.
fn with_work() -> Env {
    let env = seeded();
    assert_eq!(
        env.id(&[
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "Losse stoeptegels bij de school",
            "--theme",
            "verkeer",
            "--received",
            "2025-12-01",
        ]),
        "S-1"
    );
    env.ok(&["signal", "triage", "S-1", "--owner", "P-1"]);
    assert_eq!(
        env.id(&[
            "commitment",
            "add",
            "--org",
            "Duinoord",
            "--text",
            "Één overzicht van contactpersonen",
            "--due",
            "+3d",
            "--owner",
            "P-1",
        ]),
        "C-1"
    );
    env
}

#[test]
fn search_prints_hits_grouped_by_kind() {
    let env = with_work();
    let out = env.ok(&["search", "stoeptegel"]);
    assert!(out.starts_with("Signals (1)"), "{out}");
    assert!(
        out.contains("S-1") && out.contains("Losse stoeptegels bij de school"),
        "{out}"
    );
    let out = env.ok(&["search", "een", "overzicht"]);
    assert!(
        out.contains("Commitments (1)") && out.contains("C-1"),
        "{out}"
    );
    let out = env.ok(&["search", "duinoord"]);
    let orgs = out.find("Organisations").expect("organisations");
    let people = out.find("People").expect("people");
    assert!(orgs < people, "{out}");
    let v = env.json(&["search", "S-1", "--json"]);
    assert_eq!(v[0]["ref"], "S-1");
    assert_eq!(v[0]["id"], 1);
    assert_eq!(v[0]["kind"], "signal");
    let out = env.ok(&["search", "nergens"]);
    assert!(out.contains("nothing found"), "{out}");
    for hostile in ["\"", "*", "(", "NEAR", "OR", "col:", "^"] {
        let out = env.cmd().args(["search", hostile]).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("database error") && !stderr.contains("fts5"),
            "{hostile}: {stderr}"
        );
    }
    let err = env.fails(&["search", "()"], 1);
    assert!(err.contains("type a word"), "{err}");
}

#[test]
fn reports_in_every_format() {
    let env = with_work();
    for report in ["loop", "commitments", "cadence", "load"] {
        let table = env.ok(&["report", report]);
        assert!(
            table.starts_with(&format!("Report {report} on 2026-01-15")),
            "{table}"
        );
        let json = env.json(&["report", report, "--format", "json"]);
        assert_eq!(json["report"], report);
        assert!(
            json["tables"].as_array().is_some_and(|t| !t.is_empty()),
            "{json}"
        );
        let csv = env.ok(&["report", report, "--format", "csv"]);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.as_bytes());
        assert!(reader.records().all(|r| r.is_ok()), "{csv}");
        let md = env.ok(&["report", report, "--format", "md"]);
        assert!(md.starts_with("### "), "{md}");
    }
    // S-1 came in 2025-12-01, due 14 days later, no feedback: past due.
    let json = env.json(&["report", "loop", "--format", "json"]);
    assert_eq!(json["figures"]["feedback_on_time"]["overdue"], 1);
    assert_eq!(json["figures"]["open"], 1);
    let late = env.ok(&["report", "records", "loop.overdue"]);
    assert_eq!(late.trim(), "S-1");
    // Filters: the service, an organisation, a district, a theme and a period.
    let none = env.json(&["report", "loop", "--format", "json", "--org", "Duinoord"]);
    assert_eq!(none["figures"]["open"], 0);
    let dso = env.json(&[
        "report",
        "loop",
        "--format",
        "json",
        "--service",
        "DSO",
        "--theme",
        "#verkeer",
    ]);
    assert_eq!(dso["figures"]["open"], 1);
    let district = env.json(&[
        "report",
        "loop",
        "--format",
        "json",
        "--district",
        "segbroek",
    ]);
    assert_eq!(district["figures"]["open"], 0);
    let before = env.json(&["report", "loop", "--format", "json", "--to", "2025-11-30"]);
    assert_eq!(before["figures"]["open"], 0);
    let commitments = env.json(&[
        "report",
        "commitments",
        "--format",
        "json",
        "--from",
        "2026-01-01",
    ]);
    assert_eq!(commitments["figures"]["totals"]["open"], 1);
    // Cadence: Zeeheld had no contact yet.
    let cadence = env.ok(&["report", "records", "cadence.overdue"]);
    assert!(
        cadence.contains("O-1") && cadence.contains("O-2") && !cadence.contains("O-3"),
        "{cadence}"
    );

    let err = env.fails(
        &[
            "report",
            "loop",
            "--from",
            "2026-02-01",
            "--to",
            "2026-01-01",
        ],
        1,
    );
    assert!(err.contains("backwards"), "{err}");
    let err = env.fails(&["report", "records", "loop.everything"], 1);
    assert!(err.contains("not a report figure"), "{err}");
    env.fails(&["report", "loop", "--format", "xls"], 2);
}

#[test]
fn report_csv_never_starts_a_formula() {
    let env = seeded();
    env.ok(&[
        "org",
        "add",
        "--name",
        "=HYPERLINK(\"http://x\")",
        "--add-new",
        "--district",
        "+Centrum",
    ]);
    for report in ["loop", "commitments", "cadence", "load"] {
        let csv = env.ok(&["report", report, "--format", "csv"]);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.as_bytes());
        for record in reader.records() {
            for cell in record.expect("csv").iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{report}: {cell:?}"
                );
            }
        }
        if report == "cadence" {
            assert!(csv.contains("'=HYPERLINK"), "{csv}");
        }
    }
}

#[test]
fn digest_lists_what_is_due_for_a_person() {
    let env = with_work();
    // The current user (tester) is P-1.
    let out = env.ok(&["digest"]);
    assert!(
        out.starts_with("wijkdesk digest for Bas Jansen (P-1)"),
        "{out}"
    );
    let overdue = out.find("Overdue (1)").expect("overdue section");
    let soon = out
        .find("Due in the next 7 days (1)")
        .expect("due soon section");
    assert!(overdue < soon, "{out}");
    assert!(
        out.contains("S-1") && out.contains("feedback owed to Wijkberaad Zeeheld"),
        "{out}"
    );
    assert!(out.contains("C-1") && out.contains("in 3 days"), "{out}");
    let same = env.ok(&["digest", "--user", "Bas"]);
    assert_eq!(same, out);
    let quiet = env.ok(&["digest", "--user", "P-2"]);
    assert!(
        quiet.contains("Nothing overdue or due in the next 7 days."),
        "{quiet}"
    );
    let v = env.json(&["digest", "--json", "--days", "1"]);
    assert_eq!(v["overdue"][0]["ref"], "S-1");
    assert_eq!(v["due_soon"].as_array().map(Vec::len), Some(0));
    let err = env.fails(&["digest", "--user", "niemand"], 1);
    assert!(err.contains("niemand"), "{err}");
    let nobody = env
        .cmd()
        .env("WIJKDESK_USER", "nobody")
        .arg("digest")
        .output()
        .expect("run");
    assert_eq!(nobody.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("--user"));
}

/// Figures of more records than the first page (200) or the first two (then 1,000):
/// every one is listed once, in order, as the store lists the figure whole, in text and
/// in JSON.
#[test]
fn records_over_several_pages_are_listed_whole_and_once() {
    let env = Env::new();
    env.ok(&["demo", "--scale", "3000"]);
    let store =
        wijkdesk::store::Store::open(&env.db, wijkdesk::store::testing::fixed_ctx()).expect("open");
    let filter = wijkdesk::domain::report::ReportFilter::default();
    // Past the second page, and past the first.
    for (figure, over) in [("loop.first_feedback", 1200), ("commitments.all", 200)] {
        let whole = store.report_records(figure, &filter).expect("records");
        let text = env.ok(&["report", "records", figure]);
        let listed: Vec<&str> = text.lines().collect();
        assert!(listed.len() > over, "{figure}: {}", listed.len());
        assert_eq!(listed, whole, "{figure}");
        let json = env.json(&["report", "records", figure, "--json"]);
        let ids: Vec<&str> = json
            .as_array()
            .expect("an array")
            .iter()
            .map(|v| v.as_str().expect("an id"))
            .collect();
        assert_eq!(ids, whole, "{figure} as JSON");
    }
}
