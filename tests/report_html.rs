//! `wijkdesk report all --format html` opened in headless Chromium, as management would
//! open it: every chart is there with its marks, the figures are those of
//! `report all --format json`, and the page asks the network for nothing.
//! Chromium is required (`.ci/run` installs Debian's `chromium`): without it the tests
//! fail, never skip.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::cli::*;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHARTS: [&str; 7] = [
    "on-time",
    "weekly",
    "outcomes",
    "services",
    "districts",
    "cadence",
    "load",
];

fn demo() -> Env {
    let env = Env::new();
    env.ok(&["demo"]);
    env
}

/// Headless Chromium on a file, offline (every host name fails to resolve), with its
/// network log; `what` is `--dump-dom` or `--screenshot=…`. Returns stdout.
fn chromium(dir: &Path, page: &Path, what: &[&str], netlog: &Path) -> String {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)"
    );
    let profile = dir.join(format!(
        "profile-{}",
        netlog.file_stem().unwrap().to_string_lossy()
    ));
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg("--net-log-capture-mode=Everything")
        .args(what)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The http(s) URLs the page asked for: every request in the network log that a
/// document started. The browser's own calls home (its clock, accounts and updates at
/// Google, made whatever the page, more of them in each new version) start from no
/// document: their initiator is "not an origin".
fn page_requests(netlog: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(netlog).expect("read the network log");
    // Chromium may stop before closing the events array.
    let log: serde_json::Value = serde_json::from_str(&text)
        .or_else(|_| serde_json::from_str(&format!("{}]}}", text.trim_end().trim_end_matches(','))))
        .expect("network log is JSON");
    let start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_i64()
        .expect("URL_REQUEST_START_JOB is among the network log's event types");
    let mut urls: Vec<String> = log["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| {
            e["type"].as_i64() == Some(start)
                && e["params"]["initiator"].as_str() != Some("not an origin")
        })
        .filter_map(|e| e["params"]["url"].as_str())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string)
        .collect();
    urls.sort();
    urls.dedup();
    urls
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// `data-key="K">text<` in a page: the figure each table cell with records shows.
fn keyed_cells(dom: &str) -> BTreeMap<String, String> {
    let mut cells = BTreeMap::new();
    let mut rest = dom;
    while let Some(at) = rest.find("<td") {
        rest = &rest[at + 3..];
        let Some(end_tag) = rest.find('>') else { break };
        let attrs = &rest[..end_tag];
        let Some(k) = attrs.find("data-key=\"") else {
            continue;
        };
        let key = &attrs[k + 10..];
        let key = &key[..key.find('"').expect("closing quote")];
        let text = &rest[end_tag + 1..];
        let text = &text[..text.find('<').expect("closing tag")];
        cells.insert(unescape(key), unescape(text));
    }
    cells
}

/// The same from `report all --format json`: every cell with a key, in every table.
fn json_cells(json: &serde_json::Value) -> BTreeMap<String, String> {
    let mut cells = BTreeMap::new();
    for (_, report) in json["reports"].as_object().expect("reports") {
        for table in report["tables"].as_array().expect("tables") {
            for row in table["rows"].as_array().expect("rows") {
                for cell in row.as_array().expect("cells") {
                    if let Some(key) = cell["key"].as_str() {
                        cells.insert(
                            key.to_string(),
                            cell["text"].as_str().expect("text").to_string(),
                        );
                    }
                }
            }
        }
    }
    cells
}

/// The part of the page from `<figure … id="chart-NAME"` to its `</figure>`.
fn figure<'a>(dom: &'a str, name: &str) -> &'a str {
    let id = format!("id=\"chart-{name}\"");
    let start = dom
        .find(&id)
        .unwrap_or_else(|| panic!("no chart {name} in the page"));
    let end = dom[start..].find("</figure>").expect("figure closed") + start;
    &dom[start..end]
}

/// Filled shapes in an SVG other than the white background: the data marks.
fn marks(svg: &str) -> usize {
    svg.match_indices("<rect")
        .filter(|(i, _)| {
            let tag = &svg[*i..*i + svg[*i..].find('>').unwrap_or(0)];
            let fill = tag
                .split("fill=\"")
                .nth(1)
                .and_then(|f| f.split('"').next())
                .unwrap_or("");
            !fill.is_empty() && !fill.eq_ignore_ascii_case("#FFFFFF") && fill != "none"
        })
        .count()
}

fn figure_value(dom: &str, key: &str) -> String {
    let at = dom
        .find(&format!("data-key=\"{key}\""))
        .unwrap_or_else(|| panic!("no key figure {key}"));
    let v = &dom[at..];
    let v = &v[v.find("class=\"value\">").expect("value") + 14..];
    unescape(&v[..v.find('<').expect("end of value")])
}

fn write_page(env: &Env, name: &str, args: &[&str]) -> PathBuf {
    let path = env.dir().join(name);
    let mut all = args.to_vec();
    let p = path.to_str().expect("utf-8 path").to_string();
    all.extend(["-o", &p]);
    env.ok(&all);
    path
}

#[test]
fn the_page_in_chromium_has_every_chart_and_the_json_figures_and_needs_no_network() {
    let env = demo();
    let page = write_page(
        &env,
        "rapport.html",
        &["--lang", "en", "report", "all", "--format", "html"],
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&page).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the report holds names: owner only");
    }
    let source = std::fs::read_to_string(&page).unwrap();
    for banned in [
        "<script", "src=", "href=", "url(", "@import", "<link", "<img",
    ] {
        assert!(!source.contains(banned), "the page has {banned}");
    }

    let netlog = env.dir().join("net.json");
    let dom = chromium(env.dir(), &page, &["--dump-dom"], &netlog);
    assert!(
        dom.contains("<h1>Is the loop closed?"),
        "{}",
        &dom[..dom.len().min(2000)]
    );
    for name in CHARTS {
        let fig = figure(&dom, name);
        assert_eq!(fig.matches("<svg").count(), 1, "chart {name}: one SVG");
        assert!(marks(fig) > 0, "chart {name} has no data marks:\n{fig}");
        assert!(fig.contains("<text"), "chart {name} has no text");
    }

    // Every table cell with a figure key shows what --format json says, and none is missing.
    let json = env.json(&["report", "all", "--format", "json"]);
    let want = json_cells(&json);
    let got = keyed_cells(&dom);
    assert!(want.len() > 20, "the demo has figures: {want:?}");
    assert_eq!(
        got, want,
        "the page's figures differ from report all --format json"
    );

    // The key figures, from the JSON's numbers.
    let lp = &json["reports"]["loop"]["figures"];
    let on_time = &lp["feedback_on_time"];
    let percent = |v: &serde_json::Value| match v.as_f64() {
        None => "—".to_string(),
        Some(p) if p.fract() == 0.0 => format!("{p:.0}%"),
        Some(p) => format!("{p:.1}%"),
    };
    assert_eq!(
        figure_value(&dom, "loop.on_time"),
        percent(&on_time["percent"])
    );
    assert!(dom.contains(&format!(
        "({} of {})",
        on_time["on_time"], on_time["counted"]
    )));
    assert_eq!(figure_value(&dom, "loop.open"), lp["open"].to_string());
    assert_eq!(
        figure_value(&dom, "loop.past_due"),
        lp["past_due_date"].to_string()
    );
    let c = &json["reports"]["commitments"]["figures"]["totals"];
    assert_eq!(
        figure_value(&dom, "commitments.kept_on_time_percent"),
        percent(&c["kept_on_time_percent"])
    );
    let cadence = &json["reports"]["cadence"]["figures"];
    assert_eq!(
        figure_value(&dom, "cadence.overdue"),
        cadence["overdue"].as_array().unwrap().len().to_string()
    );
    assert_eq!(
        figure_value(&dom, "load.over"),
        json["reports"]["load"]["figures"]["over"].to_string()
    );

    // The weekly chart has a bar for every week with signals received.
    let weeks = lp["weeks"].as_array().unwrap();
    let bars = weeks
        .iter()
        .filter(|w| w["received"].as_u64() > Some(0))
        .count()
        + weeks
            .iter()
            .filter(|w| w["answered"].as_u64() > Some(0))
            .count();
    // Two legend swatches (filled and outlined) beside the bars.
    assert_eq!(marks(figure(&dom, "weekly")), bars + 2);

    let asked = page_requests(&netlog);
    assert!(asked.is_empty(), "the page asked the network for {asked:?}");
}

/// The network check sees a page that does load something: the test above can fail.
#[test]
fn a_page_that_loads_an_image_is_caught_by_the_network_check() {
    let env = Env::new();
    let page = env.dir().join("leaky.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><body><img src=\"http://wijkdesk-test.invalid/logo.png\"></body></html>",
    )
    .unwrap();
    let netlog = env.dir().join("leaky.json");
    chromium(env.dir(), &page, &["--dump-dom"], &netlog);
    let asked = page_requests(&netlog);
    assert_eq!(
        asked,
        vec!["http://wijkdesk-test.invalid/logo.png".to_string()]
    );
}

#[test]
fn the_page_in_dutch_and_a_screenshot() {
    let env = demo();
    let page = write_page(
        &env,
        "rapport-nl.html",
        &["--lang", "nl", "report", "all", "--format", "html"],
    );
    let shot = env.dir().join("rapport.png");
    let netlog = env.dir().join("nl.json");
    chromium(
        env.dir(),
        &page,
        &[
            "--window-size=900,1400",
            &format!("--screenshot={}", shot.display()),
        ],
        &netlog,
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        png.len() > 20_000,
        "a page with charts, not a blank one: {} bytes",
        png.len()
    );
    let source = std::fs::read_to_string(&page).unwrap();
    assert!(source.contains("<html lang=\"nl\">"));
    assert!(source.contains("Is de cirkel rond?"));
    assert!(source.contains("Toezeggingen naar uitkomst"));
    assert!(!source.contains("Is the loop closed?"));
}

#[test]
fn one_chart_as_svg_and_the_wrong_chart_refused() {
    let env = demo();
    let svg = env.ok(&["report", "loop", "--format", "svg", "--chart", "weekly"]);
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(marks(&svg) > 2);
    // The report's first chart by default.
    let first = env.ok(&["report", "commitments", "--format", "svg"]);
    assert!(first.contains("Commitments by outcome"), "{first}");
    let err = env.fails(
        &["report", "cadence", "--format", "svg", "--chart", "weekly"],
        1,
    );
    assert!(err.contains("report cadence has no chart weekly"), "{err}");
    let err = env.fails(&["report", "all", "--format", "svg"], 1);
    assert!(err.contains("--chart"), "{err}");
    let svg = env.ok(&["report", "all", "--format", "svg", "--chart", "load"]);
    assert!(svg.contains("threshold"), "{svg}");
}

#[test]
fn one_report_as_a_page_has_its_own_charts_and_tables_only() {
    let env = demo();
    let page = env.ok(&["--lang", "en", "report", "commitments", "--format", "html"]);
    for chart in ["outcomes", "services"] {
        assert!(page.contains(&format!("id=\"chart-{chart}\"")), "{chart}");
    }
    for chart in ["on-time", "weekly", "districts", "cadence", "load"] {
        assert!(!page.contains(&format!("id=\"chart-{chart}\"")), "{chart}");
    }
    assert!(page.contains("data-key=\"commitments.kept_on_time_percent\""));
    assert!(!page.contains("data-key=\"loop.on_time\""));
    assert!(!page.contains("data-key=\"loop."), "no loop table cells");
}

#[test]
fn output_file_is_refused_for_formats_it_does_not_write() {
    let env = demo();
    let file = env.dir().join("x.csv");
    let err = env.fails(
        &[
            "report",
            "loop",
            "--format",
            "csv",
            "-o",
            file.to_str().unwrap(),
        ],
        1,
    );
    assert!(err.contains("writes --format html or svg"), "{err}");
    assert!(!file.exists());
    let svg = env.dir().join("weekly.svg");
    env.ok(&[
        "report",
        "loop",
        "--format",
        "svg",
        "--chart",
        "weekly",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

/// Printed by Chromium, the page comes out on A4 (the print style sheet's `@page`).
#[test]
fn the_page_prints_on_a4() {
    let env = demo();
    let page = write_page(
        &env,
        "rapport.html",
        &["--lang", "nl", "report", "all", "--format", "html"],
    );
    let pdf = env.dir().join("rapport.pdf");
    chromium(
        env.dir(),
        &page,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
        &env.dir().join("pdf.json"),
    );
    let bytes = std::fs::read(&pdf).expect("a PDF");
    let text = String::from_utf8_lossy(&bytes);
    let boxes: Vec<&str> = text
        .match_indices("/MediaBox [")
        .map(|(i, _)| {
            let rest = &text[i + 11..];
            &rest[..rest.find(']').unwrap()]
        })
        .collect();
    assert!(boxes.len() >= 2, "more than one page: {boxes:?}");
    for b in boxes {
        let v: Vec<f64> = b.split_whitespace().map(|x| x.parse().unwrap()).collect();
        // A4 is 595 × 842 points.
        assert!(
            (v[2] - 595.0).abs() < 1.0 && (v[3] - 842.0).abs() < 1.0,
            "{b}"
        );
    }
}
