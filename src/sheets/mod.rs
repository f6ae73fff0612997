//! Spreadsheets and records, as the command line and the screens both write them:
//! every list as CSV in the same fields as its JSON ([`json`]), and the bound on a file
//! that an import reads.
//!
//! Every file is one rectangular table: a header row and rows of exactly its width.
//! Headings are the JSON field names, in Dutch in the Dutch flavour (from the catalogue).
//! The Excel flavour is what Excel in a Dutch locale opens as it is: semicolons, a UTF-8
//! byte-order mark, CRLF line ends, dates as 15-01-2026 and decimals with a comma.
//! Every cell is neutralised: nothing can start a formula.

pub mod json;

use crate::domain::csv_rules::{BOM, neutralise};
use crate::domain::text::visible_text;
use crate::domain::{RecordKind, RecordRef};
use crate::words::{Lang as UiLang, T};
use serde_json::Value;
use std::io::Result;

/// The largest file an import reads: far above any real list of organisations or
/// people, and a bound on memory for `/dev/zero` or a wrong file.
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// The columns of `signal list --csv`.
pub const SIGNAL_FIELDS: &[&str] = &[
    "ref",
    "id",
    "state",
    "received_on",
    "feedback_due",
    "overdue",
    "org",
    "district",
    "theme",
    "owner",
    "title",
];

/// The columns of `commitment list --csv`.
pub const COMMITMENT_FIELDS: &[&str] = &[
    "ref",
    "id",
    "state",
    "outcome",
    "due",
    "first_due",
    "moves",
    "days_moved",
    "resolved_on",
    "org",
    "owner",
    "text",
    "reason",
    "signal",
    "meeting",
];

/// The columns of `action list --csv`.
pub const ACTION_FIELDS: &[&str] = &[
    "ref",
    "id",
    "state",
    "due",
    "overdue",
    "resolved_on",
    "owner",
    "text",
    "reason",
    "signal",
    "meeting",
];

/// The columns of `meeting list --csv`.
pub const MEETING_FIELDS: &[&str] = &[
    "ref",
    "id",
    "status",
    "starts_at",
    "ends_at",
    "kind",
    "title",
    "location",
    "district",
];

/// `signal` and `meeting` beside `signal_id` and `meeting_id`: the linked record as
/// S-42 / M-5, as a spreadsheet shows it.
pub fn link(mut v: Value) -> Value {
    if let Value::Object(m) = &mut v {
        for (field, kind) in [
            ("signal", RecordKind::Signal),
            ("meeting", RecordKind::Meeting),
        ] {
            if let Some(id) = m.get(&format!("{field}_id")).and_then(Value::as_i64) {
                m.insert(field.into(), RecordRef::new(kind, id).to_string().into());
            }
        }
    }
    v
}

/// [`link`] for every record.
pub fn with_links(rows: Vec<Value>) -> Vec<Value> {
    rows.into_iter().map(link).collect()
}

/// One record's cells, in the order of `fields`.
pub fn row_of(v: &Value, fields: &[&str], f: Flavour) -> Vec<String> {
    fields
        .iter()
        .map(|c| cell_of(v.get(*c).unwrap_or(&Value::Null), c, f))
        .collect()
}

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flavour {
    pub excel: bool,
    pub dutch: bool,
    /// `--ascii` or TERM=dumb: marks such as × and – as x and -.
    pub ascii: bool,
}

impl Flavour {
    pub fn with_ascii(mut self, ascii: bool) -> Flavour {
        self.ascii = ascii;
        self
    }

    fn ui(self) -> UiLang {
        if self.dutch { UiLang::Nl } else { UiLang::En }
    }

    /// A column heading: the field name, or its Dutch name.
    pub fn heading(self, field: &str) -> String {
        match column_key(field) {
            Some(key) => self.ui().t(key).to_string(),
            None => field.to_string(),
        }
    }

    /// The headings of an organisations or people export: in Dutch, names that
    /// `org import` and `person import` read back as the same fields.
    pub fn export_headings(self, headers: &[&'static str]) -> Vec<&'static str> {
        headers
            .iter()
            .map(|h| column_key(h).map_or(*h, |k| self.ui().t(k)))
            .collect()
    }

    /// A cell as a spreadsheet reads it in this flavour.
    pub fn cell(self, text: &str) -> String {
        let text = if self.ascii {
            crate::domain::glyphs::ascii_text(text)
        } else {
            text.into()
        };
        if !self.excel {
            return text.into_owned();
        }
        excel_cell(&text).unwrap_or_else(|| text.into_owned())
    }

    /// The whole file.
    pub fn write(self, headers: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.write_to(&mut out, headers, rows.iter().cloned())?;
        Ok(out)
    }

    /// The file into `out`, row by row; the number of rows written.
    pub fn write_to<W, R>(self, mut out: W, headers: &[String], rows: R) -> Result<usize>
    where
        W: std::io::Write,
        R: IntoIterator<Item = Vec<String>>,
    {
        let mut sink = self.sink(&mut out, headers)?;
        for row in rows {
            sink.row(row)?;
        }
        sink.finish()
    }

    /// A writer of this flavour that has written the headers and takes rows one by one.
    pub fn sink<W: std::io::Write>(self, mut out: W, headers: &[String]) -> Result<CsvSink<W>> {
        if self.excel {
            out.write_all(BOM)?;
        }
        let w = csv::WriterBuilder::new()
            .delimiter(if self.excel { b';' } else { b',' })
            .terminator(if self.excel {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .flexible(false)
            .from_writer(out);
        let mut sink = CsvSink {
            w,
            flavour: self,
            n: 0,
        };
        sink.w
            .write_record(headers.iter().map(|h| clean(h)))
            .map_err(csv_error)?;
        Ok(sink)
    }
}

fn clean(c: &str) -> String {
    neutralise(&visible_text(c)).into_owned()
}

/// CSV rows written as they come (see [`Flavour::sink`]).
pub struct CsvSink<W: std::io::Write> {
    w: csv::Writer<W>,
    flavour: Flavour,
    n: usize,
}

impl<W: std::io::Write> CsvSink<W> {
    pub fn row(&mut self, row: Vec<String>) -> Result<()> {
        let f = self.flavour;
        self.w
            .write_record(row.iter().map(|c| clean(&f.cell(c))))
            .map_err(csv_error)?;
        self.n += 1;
        Ok(())
    }

    /// Flush; the number of rows written.
    pub fn finish(mut self) -> Result<usize> {
        self.w.flush()?;
        Ok(self.n)
    }
}

fn csv_error(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        // The reader went away (`| head`): not an error.
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("cannot write CSV: {other:?}")),
    }
}

fn column_key(field: &str) -> Option<T> {
    Some(match field {
        "ref" => T::CsvRef,
        "id" => T::CsvId,
        "state" => T::CsvState,
        "status" => T::CsvStatus,
        "received_on" => T::CsvReceivedOn,
        "feedback_due" => T::CsvFeedbackDue,
        "overdue" => T::CsvOverdue,
        "org" => T::CsvOrg,
        "district" => T::CsvDistrict,
        "theme" => T::CsvTheme,
        "owner" => T::CsvOwner,
        "title" => T::CsvTitle,
        "outcome" => T::CsvOutcome,
        "due" => T::CsvDue,
        "first_due" => T::CsvFirstDue,
        "moves" => T::CsvMoves,
        "days_moved" => T::CsvDaysMoved,
        "resolved_on" => T::CsvResolvedOn,
        "text" => T::CsvText,
        "reason" => T::CsvReason,
        "signal" => T::CsvSignal,
        "meeting" => T::CsvMeeting,
        "starts_at" => T::CsvStartsAt,
        "ends_at" => T::CsvEndsAt,
        "kind" => T::CsvKind,
        "location" => T::CsvLocation,
        "report" => T::CsvReport,
        "table" => T::CsvTable,
        "row" => T::CsvRow,
        "label" => T::CsvLabel,
        "measure" => T::CsvMeasure,
        "value" => T::CsvValue,
        "figure" => T::CsvFigure,
        "name" => T::CsvName,
        "short_name" => T::CsvShortName,
        "neighbourhoods" => T::CsvNeighbourhoods,
        "email" => T::CsvEmail,
        "cadence_per_year" => T::CsvCadence,
        "notes" => T::CsvNotes,
        "organisation" => T::CsvOrganisation,
        "role" => T::CsvRole,
        "phone" => T::CsvPhone,
        "username" => T::CsvUsername,
        "districts" => T::CsvDistricts,
        "themes" => T::CsvThemes,
        _ => return None,
    })
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// ISO dates as 15-01-2026, `2026-01-15 19:30` as 15-01-2026 19:30, decimals with a
/// comma (3.5 → 3,5; 72.5% → 72,5%): what Excel in a Dutch locale reads as a date or a
/// number. `None` for any other text, which stays as it is.
fn excel_cell(s: &str) -> Option<String> {
    let dmy = |d: &str| format!("{}-{}-{}", &d[8..10], &d[5..7], &d[..4]);
    if is_date(s) {
        return Some(dmy(s));
    }
    if s.len() == 16 && is_date(&s[..10]) && s.as_bytes()[10] == b' ' {
        return Some(format!("{} {}", dmy(&s[..10]), &s[11..]));
    }
    let num = s.strip_suffix('%').unwrap_or(s);
    let digits = num.strip_prefix('-').unwrap_or(num);
    let mut parts = digits.split('.');
    if let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next())
        && !a.is_empty()
        && !b.is_empty()
        && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    {
        return Some(s.replacen('.', ",", 1));
    }
    None
}

/// A JSON field as a cell: text as it is, numbers, yes/no for a flag, a moment as its
/// local day and time (`2026-01-15 19:30`), a list joined with "; ", nothing for null.
pub fn cell_of(v: &Value, field: &str, f: Flavour) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => f.ui().t(if *b { T::CsvYes } else { T::CsvNo }).to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if field == "at" || field.ends_with("_at") => {
            // RFC 3339 in local time: the offset is Amsterdam's, so the wall clock is enough.
            if s.len() >= 16 && s.as_bytes()[10] == b'T' {
                format!("{} {}", &s[..10], &s[11..16])
            } else {
                s.clone()
            }
        }
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| cell_of(i, field, f))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(_) => v.to_string(),
    }
}

/// Records (as their JSON) as a CSV table of `fields`. A field may name its source as
/// `column=json_field` (`signal=signal_id` shows the signal as S-42).
pub fn records(f: Flavour, fields: &[&str], rows: &[Value]) -> Result<Vec<u8>> {
    let headers: Vec<String> = fields.iter().map(|c| f.heading(c)).collect();
    let mut out = Vec::new();
    f.write_to(
        &mut out,
        &headers,
        rows.iter().map(|r| row_of(r, fields, f)),
    )?;
    Ok(out)
}

/// Reports as one long table: a row per figure, saying which report, table and row it
/// is (with the record's ref where the row is one organisation or service), which
/// column (`measure`), its value and its key for `report records`.
pub fn report_long(
    f: Flavour,
    report: &str,
    tables: &[crate::domain::report::Table],
) -> Result<Vec<u8>> {
    reports_long(f, &[(report, tables.to_vec())])
}

/// Several reports in one long table (`report all`), the `report` column saying which.
pub fn reports_long(
    f: Flavour,
    reports: &[(&str, Vec<crate::domain::report::Table>)],
) -> Result<Vec<u8>> {
    let fields = [
        "report", "table", "row", "ref", "label", "measure", "value", "figure",
    ];
    let headers: Vec<String> = fields.iter().map(|c| f.heading(c)).collect();
    let mut rows = Vec::new();
    for (report, t) in reports
        .iter()
        .flat_map(|(r, tables)| tables.iter().map(move |t| (*r, t)))
    {
        // A row is named by its ID and text columns (O-7, Wijkberaad …) or its first one.
        let with_id = t.columns.first() == Some(&"ID");
        let first_value = if with_id { 2 } else { 1 };
        for (n, row) in t.rows.iter().enumerate() {
            let text = |i: usize| row.get(i).map(|c| c.text.clone()).unwrap_or_default();
            let (reference, label) = if with_id {
                (text(0), text(1))
            } else {
                (String::new(), text(0))
            };
            for (i, c) in row.iter().enumerate().skip(first_value) {
                rows.push(vec![
                    report.to_string(),
                    t.title.clone(),
                    (n + 1).to_string(),
                    reference.clone(),
                    label.clone(),
                    t.columns.get(i).copied().unwrap_or("").to_string(),
                    c.text.clone(),
                    c.key.clone().unwrap_or_default(),
                ]);
            }
        }
    }
    f.write(&headers, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_reads_dutch_dates_and_decimals() {
        assert_eq!(excel_cell("2026-01-15").as_deref(), Some("15-01-2026"));
        assert_eq!(
            excel_cell("2026-01-15 19:30").as_deref(),
            Some("15-01-2026 19:30")
        );
        assert_eq!(excel_cell("3.5").as_deref(), Some("3,5"));
        assert_eq!(excel_cell("72.5%").as_deref(), Some("72,5%"));
        assert_eq!(excel_cell("12"), None);
        assert_eq!(excel_cell("S-42"), None);
        assert_eq!(excel_cell("v1.2.3"), None);
    }

    #[test]
    fn excel_file_has_bom_semicolons_crlf_and_is_rectangular() {
        let f = Flavour {
            excel: true,
            dutch: true,
            ascii: false,
        };
        let data = f
            .write(
                &[f.heading("ref"), f.heading("title")],
                &[vec!["S-1".into(), "één; twee".into()]],
            )
            .unwrap();
        let text = String::from_utf8(data).unwrap();
        assert_eq!(text, "\u{feff}nummer;titel\r\nS-1;\"één; twee\"\r\n");
    }

    #[test]
    fn cells_from_json() {
        let f = Flavour {
            excel: false,
            dutch: false,
            ascii: false,
        };
        assert_eq!(cell_of(&Value::Null, "x", f), "");
        assert_eq!(cell_of(&Value::Bool(true), "overdue", f), "yes");
        assert_eq!(
            cell_of(&Value::from("2026-01-15T19:30:00+01:00"), "starts_at", f),
            "2026-01-15 19:30"
        );
        assert_eq!(cell_of(&serde_json::json!(["a", "b"]), "x", f), "a; b");
    }
}
