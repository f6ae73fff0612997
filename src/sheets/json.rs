//! The one JSON shape of every command (docs/cli.md, "JSON", and docs/schema/).
//!
//! Every `--json` goes through here, so the same thing has the same name and type
//! everywhere:
//! - a record carries `ref` ("S-42") and its numeric `id` (42);
//! - dates are ISO 8601 days (`2026-01-15`);
//! - moments (`at` and every field ending in `_at`) are RFC 3339 in Europe/Amsterdam
//!   local time with its offset (`2026-01-15T19:30:00+01:00`), whether the database
//!   keeps them in UTC (changes) or as the wall clock (meeting times);
//! - counts and numbers are JSON numbers;
//! - an organisation's name is `org` (with `org_id`) on every record.

use crate::domain::moment;
use serde::Serialize;
use serde_json::Value;

/// A value as JSON in the one shape.
pub fn value<T: Serialize + ?Sized>(v: &T) -> Value {
    let mut v = serde_json::to_value(v).unwrap_or(Value::Null);
    normalise(&mut v);
    v
}

/// A record's JSON with its user-facing reference (`"ref": "S-42"`) beside its `id`.
pub fn record<T: Serialize + ?Sized>(reference: impl std::fmt::Display, v: &T) -> Value {
    let mut v = value(v);
    if let Value::Object(map) = &mut v {
        let r = reference.to_string();
        if !map.contains_key("id")
            && let Ok(parsed) = crate::domain::RecordRef::parse(&r, None)
        {
            map.insert("id".into(), Value::from(parsed.id));
        }
        map.insert("ref".into(), Value::String(r));
    }
    v
}

/// Is this field a moment? `at`, `starts_at`, `created_at`, …
fn is_moment_field(key: &str) -> bool {
    key == "at" || key.ends_with("_at")
}

/// Moments to RFC 3339 with offset, everywhere in the value; an item that names its
/// record as `record` ("S-42") and has no `id` of its own (a search hit, a digest line)
/// gets `ref` and `id` like every record.
pub fn normalise(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if !map.contains_key("id")
                && let Some(Value::String(r)) = map.get("record")
                && let Ok(parsed) = crate::domain::RecordRef::parse(r, None)
                && parsed.to_string() == *r
            {
                let r = r.clone();
                map.remove("record");
                map.insert("ref".into(), Value::String(r));
                map.insert("id".into(), Value::from(parsed.id));
            }
            // A person's organisation is `org`, as on signals and commitments.
            if !map.contains_key("org")
                && let Some(name) = map.remove("org_name")
            {
                map.insert("org".into(), name);
            }
            for (k, field) in map.iter_mut() {
                if is_moment_field(k) {
                    // A moment, or a change of one in `history` ([before, after]).
                    match field {
                        Value::String(s) => to_moment(s),
                        Value::Array(items) => items.iter_mut().for_each(|i| {
                            if let Value::String(s) = i {
                                to_moment(s);
                            }
                        }),
                        _ => {}
                    }
                    continue;
                }
                normalise(field);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalise),
        _ => {}
    }
}

fn to_moment(s: &mut String) {
    if let Some(m) = moment::stored_to_rfc3339(s) {
        *s = m;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn moments_get_their_offset_and_dates_stay_days() {
        let mut v = json!({
            "starts_at": "2026-02-12T19:30:00",
            "ends_at": null,
            "received_on": "2026-02-12",
            "history": [{"at": "2026-07-01T08:00:00Z", "note": "2026-07-01T08:00:00Z"}],
        });
        normalise(&mut v);
        assert_eq!(v["starts_at"], "2026-02-12T19:30:00+01:00");
        assert_eq!(v["ends_at"], Value::Null);
        assert_eq!(v["received_on"], "2026-02-12");
        assert_eq!(v["history"][0]["at"], "2026-07-01T10:00:00+02:00");
        // Only moment fields change: text that looks like one stays as written.
        assert_eq!(v["history"][0]["note"], "2026-07-01T08:00:00Z");
        let mut change = json!({"changes": {"starts_at": ["2026-02-12T19:30", null]}});
        normalise(&mut change);
        assert_eq!(
            change["changes"]["starts_at"],
            json!(["2026-02-12T19:30:00+01:00", null])
        );
    }

    #[test]
    fn a_hit_naming_its_record_gets_ref_and_id() {
        let mut v = json!([{"record": "S-1", "kind": "signal"}, {"id": 3, "record": "O-7"}]);
        normalise(&mut v);
        assert_eq!(v[0]["ref"], "S-1");
        assert_eq!(v[0]["id"], 1);
        assert!(v[0].get("record").is_none());
        // An audit entry has its own id: `record` there is the record it changed.
        assert_eq!(v[1]["record"], "O-7");
    }

    #[test]
    fn a_record_has_ref_and_numeric_id() {
        let v = record("S-42", &json!({"title": "x"}));
        assert_eq!(v["ref"], "S-42");
        assert_eq!(v["id"], 42);
        let kept = record("S-42", &json!({"id": 42}));
        assert_eq!(kept["id"], 42);
    }
}
