//! Every command that prints records as JSON, run on the demo data, against the JSON
//! Schema of each record kind in docs/schema/ (docs/cli.md, "JSON").
//!
//! The validator below covers the part of JSON Schema (2020-12) those files use:
//! `$ref` (to another file and/or a `#/…` pointer), `type`, `required`, `properties`,
//! `additionalProperties`, `items`, `enum`, `oneOf`, `pattern`, `minimum`, `minItems`,
//! `maxItems` and the `date` / `date-time` formats.

mod support;

use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use support::cli::*;

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/schema")
}

struct Schemas {
    files: HashMap<String, Value>,
}

impl Schemas {
    fn load() -> Schemas {
        let mut files = HashMap::new();
        for entry in std::fs::read_dir(schema_dir()).expect("docs/schema") {
            let path = entry.expect("entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("read schema");
            let v: Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
            files.insert(name, v);
        }
        Schemas { files }
    }

    fn file(&self, name: &str) -> &Value {
        self.files
            .get(name)
            .unwrap_or_else(|| panic!("no schema docs/schema/{name}"))
    }

    /// Problems of `v` against `schema` (in file `file`), each with its JSON path.
    fn check(&self, file: &str, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let (f, pointer) = match r.split_once('#') {
                Some(("", p)) => (file, p),
                Some((f, p)) => (f, p),
                None => (r, ""),
            };
            let target = self
                .file(f)
                .pointer(pointer)
                .unwrap_or_else(|| panic!("{file}: $ref {r} points nowhere"));
            self.check(f, target, v, at, out);
        }
        if let Some(t) = schema.get("type") {
            let types: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if !types.iter().any(|t| type_is(t, v)) {
                out.push(format!("{at}: {v} is not {types:?}"));
                return;
            }
        }
        if let Some(e) = schema.get("enum").and_then(Value::as_array)
            && !e.contains(v)
        {
            out.push(format!("{at}: {v} is not one of {e:?}"));
        }
        if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
            let fits = alts
                .iter()
                .filter(|s| {
                    let mut p = Vec::new();
                    self.check(file, s, v, at, &mut p);
                    p.is_empty()
                })
                .count();
            if fits != 1 {
                out.push(format!("{at}: {v} fits {fits} of the oneOf alternatives"));
            }
        }
        if let (Some(p), Some(s)) = (schema.get("pattern").and_then(Value::as_str), v.as_str())
            && !regex::Regex::new(p).expect("pattern").is_match(s)
        {
            out.push(format!("{at}: {s:?} does not match {p}"));
        }
        if let (Some(f), Some(s)) = (schema.get("format").and_then(Value::as_str), v.as_str()) {
            let ok = match f {
                "date" => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
                "date-time" => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
                _ => true,
            };
            if !ok {
                out.push(format!("{at}: {s:?} is not a {f}"));
            }
        }
        if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_i64), v.as_i64())
            && n < min
        {
            out.push(format!("{at}: {n} is below {min}"));
        }
        if let Value::Array(items) = v {
            if let Some(min) = schema.get("minItems").and_then(Value::as_u64)
                && (items.len() as u64) < min
            {
                out.push(format!("{at}: fewer than {min} items"));
            }
            if let Some(max) = schema.get("maxItems").and_then(Value::as_u64)
                && (items.len() as u64) > max
            {
                out.push(format!("{at}: more than {max} items"));
            }
            if let Some(item) = schema.get("items") {
                for (i, x) in items.iter().enumerate() {
                    self.check(file, item, x, &format!("{at}[{i}]"), out);
                }
            }
        }
        if let Value::Object(map) = v {
            for r in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !map.contains_key(r) {
                    out.push(format!("{at}: `{r}` is missing"));
                }
            }
            let props = schema.get("properties").and_then(Value::as_object);
            if let Some(props) = props {
                for (k, s) in props {
                    if let Some(x) = map.get(k) {
                        self.check(file, s, x, &format!("{at}.{k}"), out);
                    }
                }
            }
            if let Some(extra) = schema.get("additionalProperties").filter(|e| e.is_object()) {
                for (k, x) in map {
                    if !props.is_some_and(|p| p.contains_key(k)) {
                        self.check(file, extra, x, &format!("{at}.{k}"), out);
                    }
                }
            }
        }
    }

    fn problems(&self, file: &str, v: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(file, self.file(file), v, "$", &mut out);
        out
    }
}

fn type_is(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

#[test]
fn the_validator_catches_what_it_should() {
    let s = Schemas::load();
    let good = serde_json::json!({
        "ref": "M-4", "id": 4, "title": "Wijkoverleg", "status": "planned",
        "starts_at": "2026-12-09T19:30:00+01:00", "ends_at": null
    });
    assert_eq!(s.problems("meeting.json", &good), Vec::<String>::new());
    for (field, bad) in [
        ("starts_at", serde_json::json!("2026-12-09T19:30:00")),
        ("id", serde_json::json!("4")),
        ("ref", serde_json::json!("S-4")),
        ("status", serde_json::json!("gepland")),
        ("ends_at", serde_json::json!("2026-12-09")),
    ] {
        let mut v = good.clone();
        v[field] = bad;
        assert!(!s.problems("meeting.json", &v).is_empty(), "{field} passed");
    }
    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("ref");
    assert!(!s.problems("meeting.json", &v).is_empty());
    // additionalProperties: every report under `reports` needs its tables.
    let part = serde_json::json!({"figures": {}, "tables": []});
    let mut all = serde_json::json!({"report": "all", "reports": {
        "loop": part, "commitments": part, "cadence": part, "load": part}});
    assert_eq!(s.problems("report-all.json", &all), Vec::<String>::new());
    all["reports"]["load"] = serde_json::json!({"figures": {}});
    assert!(!s.problems("report-all.json", &all).is_empty());
}

/// Where in a command's output the records of a kind are: `""` the whole output,
/// `"[]"` each item of it, `"/signal"` a field, `"/feedback[]"` each item of a field.
struct Case {
    args: Vec<&'static str>,
    schema: &'static str,
    at: &'static str,
    /// The demo has none of these (an empty outbox): an empty list is fine.
    may_be_empty: bool,
}

fn case(args: &[&'static str], schema: &'static str, at: &'static str) -> Case {
    Case {
        args: args.to_vec(),
        schema,
        at,
        may_be_empty: false,
    }
}

fn select<'a>(v: &'a Value, at: &str) -> Vec<&'a Value> {
    let (pointer, each) = match at.strip_suffix("[]") {
        Some(p) => (p, true),
        None => (at, false),
    };
    let target = v
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in {v}"));
    if each {
        target
            .as_array()
            .unwrap_or_else(|| panic!("{pointer} is not a list"))
            .iter()
            .collect()
    } else {
        vec![target]
    }
}

#[test]
fn every_json_command_on_the_demo_fits_its_schema() {
    let env = Env::new();
    env.ok(&["demo"]);
    let s = Schemas::load();
    let mut cases = vec![
        case(&["org", "list", "--json"], "organisation.json", "[]"),
        case(
            &["org", "show", "O-1", "--json"],
            "organisation.json",
            "/organisation",
        ),
        case(
            &["org", "show", "O-1", "--json"],
            "person.json",
            "/people[]",
        ),
        case(
            &["org", "export", "--format", "json"],
            "organisation.json",
            "[]",
        ),
        case(&["person", "list", "--json"], "person.json", "[]"),
        case(
            &["person", "who", "--theme", "groen", "--json"],
            "person.json",
            "[]",
        ),
        case(
            &["person", "show", "P-4", "--json"],
            "person.json",
            "/person",
        ),
        case(
            &["person", "export-all", "--format", "json"],
            "person.json",
            "[]",
        ),
        case(&["signal", "list", "--all", "--json"], "signal.json", "[]"),
        case(
            &["signal", "show", "S-16", "--json"],
            "signal.json",
            "/signal",
        ),
        case(
            &["signal", "show", "S-16", "--json"],
            "feedback.json",
            "/feedback[]",
        ),
        case(
            &["signal", "show", "S-16", "--json"],
            "timeline-entry.json",
            "/timeline[]",
        ),
        case(
            &[
                "signal",
                "edit",
                "S-16",
                "--title",
                "Gecorrigeerde titel",
                "--json",
            ],
            "signal.json",
            "",
        ),
        case(
            &["commitment", "list", "--all", "--json"],
            "commitment.json",
            "[]",
        ),
        case(
            &["commitment", "show", "C-1", "--json"],
            "commitment.json",
            "/commitment",
        ),
        case(&["action", "list", "--all", "--json"], "action.json", "[]"),
        case(&["action", "show", "A-1", "--json"], "action.json", ""),
        case(&["meeting", "list", "--json"], "meeting.json", "[]"),
        case(
            &["meeting", "show", "M-1", "--json"],
            "meeting.json",
            "/meeting",
        ),
        case(
            &["meeting", "show", "M-1", "--json"],
            "agenda-item.json",
            "/agenda[]",
        ),
        case(
            &["meeting", "show", "M-1", "--json"],
            "minutes-line.json",
            "/minutes[]",
        ),
        case(
            &["meeting", "agenda", "M-1", "--json"],
            "agenda-item.json",
            "[]",
        ),
        case(
            &["minutes", "list", "M-1", "--json"],
            "minutes-line.json",
            "[]",
        ),
        case(
            &[
                "meeting",
                "follow-up",
                "M-3",
                "--start",
                "2030-01-10 19:30",
                "--json",
            ],
            "meeting.json",
            "/meeting",
        ),
        case(
            &[
                "meeting",
                "follow-up",
                "M-3",
                "--start",
                "2030-02-07 19:30",
                "--json",
            ],
            "agenda-item.json",
            "/agenda[]",
        ),
        case(&["search", "stoep", "--json"], "search-hit.json", "[]"),
        case(&["search", "S-1", "--json"], "search-hit.json", "[]"),
        case(&["history", "S-1", "--json"], "history-entry.json", "[]"),
        case(&["district", "list", "--json"], "term.json", "[]"),
        case(&["theme", "list", "--json"], "term.json", "[]"),
        case(
            &["digest", "--user", "P-4", "--days", "366", "--json"],
            "digest.json",
            "",
        ),
        case(&["check", "--json"], "check.json", ""),
        Case {
            may_be_empty: true,
            ..case(
                &["mail", "outbox", "--all", "--json"],
                "outbox-entry.json",
                "[]",
            )
        },
    ];
    for r in ["loop", "commitments", "cadence", "load"] {
        cases.push(case(&["report", r, "--json"], "report.json", ""));
        cases.push(case(&["report", r, "--format", "json"], "report.json", ""));
    }
    cases.push(case(&["report", "all", "--json"], "report-all.json", ""));
    cases.push(case(
        &["report", "all", "--format", "json"],
        "report-all.json",
        "",
    ));
    cases.push(case(
        &["report", "records", "loop.on_time", "--json"],
        "report-records.json",
        "",
    ));
    let mut failures = Vec::new();
    for c in &cases {
        let v = env.json(&c.args);
        let items = select(&v, c.at);
        if !c.may_be_empty && items.is_empty() {
            failures.push(format!("{:?} {}: nothing to check", c.args, c.at));
        }
        for item in items {
            for p in s.problems(c.schema, item) {
                failures.push(format!("{:?} {} ({}): {p}", c.args, c.at, c.schema));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn json_lines_give_the_same_records_one_per_line() {
    let env = Env::new();
    env.ok(&["demo"]);
    let s = Schemas::load();
    let array = env.json(&["signal", "list", "--all", "--json"]);
    let lines = env.ok(&["--json-lines", "signal", "list", "--all", "--json"]);
    let parsed: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON value per line"))
        .collect();
    assert_eq!(Value::Array(parsed.clone()), array);
    for v in &parsed {
        assert_eq!(s.problems("signal.json", v), Vec::<String>::new());
    }
}

#[test]
fn the_same_thing_has_the_same_name_and_type_everywhere() {
    let env = Env::new();
    env.ok(&["demo"]);
    // A search hit names its record as every list does.
    let hits = env.json(&["search", "S-1", "--json"]);
    assert_eq!(hits[0]["ref"], "S-1");
    assert_eq!(hits[0]["id"], 1);
    assert!(hits[0].get("record").is_none(), "{}", hits[0]);
    // The export and the list agree on an organisation.
    let list = env.json(&["org", "list", "--json"]);
    let export = env.json(&["org", "export", "--format", "json"]);
    let o = |v: &Value| {
        v.as_array()
            .and_then(|a| a.iter().find(|o| o["ref"] == "O-1"))
            .cloned()
            .expect("O-1")
    };
    for field in [
        "ref",
        "id",
        "name",
        "kind",
        "cadence_per_year",
        "neighbourhoods",
    ] {
        assert_eq!(o(&list)[field], o(&export)[field], "{field}");
    }
    // A meeting's time and a change's stamp are both written with their offset.
    let m = env.json(&["meeting", "show", "M-1", "--json"]);
    let starts = m["meeting"]["starts_at"].as_str().expect("starts_at");
    assert!(
        chrono::DateTime::parse_from_rfc3339(starts).is_ok(),
        "{starts}"
    );
    let h = env.json(&["history", "M-1", "--json"]);
    let at = h[0]["at"].as_str().expect("at");
    assert!(at.ends_with("+01:00") || at.ends_with("+02:00"), "{at}");
}
