//! CSV as spreadsheets write and read it: comma or semicolon, with or without a UTF-8
//! byte-order mark, headers in English or Dutch; and cells that a spreadsheet would run
//! as a formula, neutralised on the way out and restored on the way in.
//!
//! A cell is a formula to a spreadsheet when it starts with `=`, `+`, `-` or `@` (or a
//! tab or carriage return, which some programs skip before looking). Such a cell is
//! written with a `'` in front, which spreadsheets show as text. So that an export
//! re-imports to the same data, a cell that already starts with `'`s followed by one
//! of those characters gets one more `'`; import takes exactly one off again.

use super::Refusal;
use super::org::OrgKind;
use std::borrow::Cow;

/// Characters that make a spreadsheet evaluate a cell (including the full-width forms
/// some spreadsheets accept too).
const TRIGGERS: &[char] = &[
    '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// The UTF-8 byte-order mark that Excel writes in front of "CSV UTF-8" files.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// Whether a cell, after any leading `'`s, starts with a formula character.
fn guarded(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(TRIGGERS)
}

/// The cell as it is safe to write: `'` in front of anything a spreadsheet would run.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if guarded(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before [`neutralise`]: one `'` taken off a guarded cell.
pub fn restore(cell: &str) -> Cow<'_, str> {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded(rest) => Cow::Borrowed(rest),
        _ => Cow::Borrowed(cell),
    }
}

/// Whether a cell as written would make a spreadsheet evaluate it.
pub fn is_dangerous(cell: &str) -> bool {
    cell.starts_with(TRIGGERS)
}

/// The input without a leading byte-order mark, and whether there was one.
pub fn strip_bom(data: &[u8]) -> (&[u8], bool) {
    match data.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (data, false),
    }
}

/// The separator of a file, judged from its first line: `;` (what Dutch spreadsheets
/// write), a tab, or `,`; quoted text does not count.
pub fn sniff_delimiter(data: &[u8]) -> u8 {
    let (mut commas, mut semis, mut tabs) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for &b in data {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            b'\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if semis > commas && semis >= tabs {
        b';'
    } else if tabs > commas && tabs > semis {
        b'\t'
    } else {
        b','
    }
}

/// A header reduced to compare: lower case, accents off, only letters and digits
/// ("E-mail" → "email", "Thema's" → "themas", "Korte naam" → "kortenaam").
pub fn header_key(h: &str) -> String {
    super::minutes::fold(h.trim())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The columns of an organisations file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrgField {
    Name,
    ShortName,
    Kind,
    District,
    Neighbourhoods,
    Email,
    Cadence,
    Notes,
}

impl OrgField {
    pub const ALL: [OrgField; 8] = [
        OrgField::Name,
        OrgField::ShortName,
        OrgField::Kind,
        OrgField::District,
        OrgField::Neighbourhoods,
        OrgField::Email,
        OrgField::Cadence,
        OrgField::Notes,
    ];

    /// The header an export writes.
    pub fn header(self) -> &'static str {
        match self {
            OrgField::Name => "name",
            OrgField::ShortName => "short_name",
            OrgField::Kind => "kind",
            OrgField::District => "district",
            OrgField::Neighbourhoods => "neighbourhoods",
            OrgField::Email => "email",
            OrgField::Cadence => "cadence_per_year",
            OrgField::Notes => "notes",
        }
    }

    /// The field a header names, in English or Dutch.
    pub fn from_header(h: &str) -> Option<OrgField> {
        Some(match header_key(h).as_str() {
            "name" | "naam" | "organisation" | "organization" | "organisatie"
            | "organisatienaam" => OrgField::Name,
            "shortname" | "short" | "kortenaam" | "afkorting" | "abbreviation" => {
                OrgField::ShortName
            }
            "kind" | "type" | "soort" | "categorie" | "category" => OrgField::Kind,
            "district" | "stadsdeel" => OrgField::District,
            "neighbourhoods" | "neighborhoods" | "neighbourhood" | "neighborhood" | "wijken"
            | "wijk" | "buurten" => OrgField::Neighbourhoods,
            "email" | "emailadres" | "emailaddress" | "mail" => OrgField::Email,
            "cadenceperyear" | "cadence" | "cadans" | "frequentie" | "contactfrequentie"
            | "overleggenperjaar" | "meetingsperyear" => OrgField::Cadence,
            "notes" | "note" | "notities" | "notitie" | "opmerkingen" | "opmerking"
            | "toelichting" => OrgField::Notes,
            _ => return None,
        })
    }
}

/// The columns of a people file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonField {
    Name,
    Organisation,
    Role,
    Email,
    Phone,
    Username,
    Districts,
    Themes,
    Notes,
}

impl PersonField {
    pub const ALL: [PersonField; 9] = [
        PersonField::Name,
        PersonField::Organisation,
        PersonField::Role,
        PersonField::Email,
        PersonField::Phone,
        PersonField::Username,
        PersonField::Districts,
        PersonField::Themes,
        PersonField::Notes,
    ];

    pub fn header(self) -> &'static str {
        match self {
            PersonField::Name => "name",
            PersonField::Organisation => "organisation",
            PersonField::Role => "role",
            PersonField::Email => "email",
            PersonField::Phone => "phone",
            PersonField::Username => "username",
            PersonField::Districts => "districts",
            PersonField::Themes => "themes",
            PersonField::Notes => "notes",
        }
    }

    pub fn from_header(h: &str) -> Option<PersonField> {
        Some(match header_key(h).as_str() {
            "name" | "naam" | "volledigenaam" | "fullname" => PersonField::Name,
            "organisation" | "organization" | "org" | "organisatie" => PersonField::Organisation,
            "role" | "rol" | "functie" | "function" => PersonField::Role,
            "email" | "emailadres" | "emailaddress" | "mail" => PersonField::Email,
            "phone" | "telephone" | "phonenumber" | "telefoon" | "telefoonnummer" | "tel"
            | "mobiel" | "mobile" => PersonField::Phone,
            "username" | "gebruikersnaam" | "login" | "user" => PersonField::Username,
            "districts" | "district" | "stadsdelen" | "stadsdeel" => PersonField::Districts,
            "themes" | "theme" | "themas" | "thema" => PersonField::Themes,
            "notes" | "note" | "notities" | "notitie" | "opmerkingen" | "opmerking"
            | "toelichting" => PersonField::Notes,
            _ => return None,
        })
    }
}

/// A list cell ("Duinoord, Zeeheldenkwartier") as items.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Write rows as CSV with every cell neutralised; `bom` puts the byte-order mark in
/// front (for Excel).
/// The line on which a quoted cell opens that the file never closes, if any. The
/// CSV reader would take everything after it as one cell and say nothing.
pub fn unterminated_quote(data: &[u8], delimiter: u8) -> Option<u64> {
    let mut line = 1u64;
    let mut opened_on = 0u64;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if in_quotes {
            if b == b'"' {
                if data.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            } else if b == b'\n' {
                line += 1;
            }
        } else if b == b'"' && at_field_start {
            in_quotes = true;
            opened_on = line;
            at_field_start = false;
        } else if b == delimiter || b == b'\n' || b == b'\r' {
            if b == b'\n' {
                line += 1;
            }
            at_field_start = true;
        } else {
            at_field_start = false;
        }
        i += 1;
    }
    in_quotes.then_some(opened_on)
}

pub fn write_csv(
    headers: &[&str],
    rows: &[Vec<String>],
    delimiter: u8,
    bom: bool,
) -> Result<Vec<u8>, String> {
    write_csv_lines(headers, rows, delimiter, bom, false)
}

/// As [`write_csv`], with CRLF line ends when `crlf` (the Excel flavour).
pub fn write_csv_lines(
    headers: &[&str],
    rows: &[Vec<String>],
    delimiter: u8,
    bom: bool,
    crlf: bool,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(BOM);
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(if crlf {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .flexible(true)
            .from_writer(&mut out);
        if !headers.is_empty() {
            w.write_record(headers.iter().map(|h| neutralise(h).into_owned()))
                .map_err(|e| e.to_string())?;
        }
        for row in rows {
            w.write_record(
                row.iter()
                    .map(|c| neutralise(&crate::domain::text::visible_text(c)).into_owned()),
            )
            .map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// An organisation kind as people write it in a spreadsheet: the codes, and the Dutch
/// words for residents' organisations and services. An empty cell is none.
pub fn org_kind(cell: &str) -> Result<Option<OrgKind>, Refusal> {
    let key = header_key(cell);
    if key.is_empty() {
        return Ok(None);
    }
    if let Some(k) = OrgKind::from_code(cell) {
        return Ok(Some(k));
    }
    let residents = [
        "bewoner",
        "wijkberaad",
        "wijkvereniging",
        "wijkplatform",
        "wijkraad",
    ];
    if residents.iter().any(|r| key.starts_with(r)) {
        return Ok(Some(OrgKind::Residents));
    }
    if key.starts_with("dienst") || key.starts_with("gemeente") {
        return Ok(Some(OrgKind::Service));
    }
    Err(Refusal::new(super::Problem::CsvUnknownKind {
        value: cell.trim().to_string(),
    }))
}

/// A cadence cell: meetings a year, 0 to 52; an empty cell is none.
pub fn cadence(cell: Option<&str>) -> Result<Option<i64>, Refusal> {
    match cell.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(c) => c
            .parse::<i64>()
            .ok()
            .filter(|n| (0..=52).contains(n))
            .map(Some)
            .ok_or_else(|| {
                Refusal::new(super::Problem::CsvCadence {
                    value: c.to_string(),
                })
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_is_found_on_its_line() {
        assert_eq!(unterminated_quote(b"name\n\"a\"\"b\"\nc\n", b','), None);
        assert_eq!(unterminated_quote(b"name,x\na,\"b\nc\nd\n", b','), Some(2));
        assert_eq!(unterminated_quote(b"name\nab\"c\n", b','), None);
    }
    use proptest::prelude::*;

    #[test]
    fn formulas_are_neutralised() {
        for (cell, out) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+31 70 123", "'+31 70 123"),
            ("-5", "'-5"),
            ("@user", "'@user"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''+x", "'''+x"),
            ("＝1+1", "'＝1+1"),
        ] {
            assert_eq!(neutralise(cell), out, "{cell:?}");
            assert_eq!(restore(out), cell, "{out:?}");
        }
        for safe in ["", "Duinoord", "'quoted", "''", "a=b", " =x", "3-4"] {
            assert_eq!(neutralise(safe), safe);
            assert_eq!(restore(safe), safe);
        }
    }

    #[test]
    fn a_hand_typed_guard_is_taken_off() {
        assert_eq!(restore("'=A1"), "=A1");
        assert_eq!(restore("'-"), "-");
        assert_eq!(restore("'text"), "'text");
    }

    proptest! {
        #[test]
        fn neutralise_round_trips(s in any::<String>()) {
            let n = neutralise(&s);
            prop_assert!(!is_dangerous(&n), "{n:?}");
            let back = restore(&n).into_owned();
            prop_assert_eq!(back, s);
        }

        #[test]
        fn hostile_starts_round_trip(s in "['=+\\-@\\t\\r]{0,4}[a-z=+]{0,4}") {
            let n = neutralise(&s);
            prop_assert!(!is_dangerous(&n));
            let back = restore(&n).into_owned();
            prop_assert_eq!(back, s);
        }
    }

    #[test]
    fn delimiters_are_sniffed_from_the_first_line() {
        assert_eq!(sniff_delimiter(b"naam;stadsdeel;wijken\nA;B;C,D"), b';');
        assert_eq!(sniff_delimiter(b"name,district\nA;B;C;D,E"), b',');
        assert_eq!(sniff_delimiter(b"\"naam, officieel\";stadsdeel\n"), b';');
        assert_eq!(sniff_delimiter(b"name\tdistrict\n"), b'\t');
        assert_eq!(sniff_delimiter(b"name\n"), b',');
        assert_eq!(sniff_delimiter(b""), b',');
    }

    #[test]
    fn bom_is_stripped() {
        assert_eq!(strip_bom(b"\xef\xbb\xbfnaam"), (&b"naam"[..], true));
        assert_eq!(strip_bom(b"naam"), (&b"naam"[..], false));
    }

    #[test]
    fn headers_in_english_and_dutch() {
        assert_eq!(OrgField::from_header("Naam"), Some(OrgField::Name));
        assert_eq!(
            OrgField::from_header(" Korte naam "),
            Some(OrgField::ShortName)
        );
        assert_eq!(OrgField::from_header("Soort"), Some(OrgField::Kind));
        assert_eq!(OrgField::from_header("STADSDEEL"), Some(OrgField::District));
        assert_eq!(
            OrgField::from_header("Wijken"),
            Some(OrgField::Neighbourhoods)
        );
        assert_eq!(OrgField::from_header("E-mail"), Some(OrgField::Email));
        assert_eq!(OrgField::from_header("e-mailadres"), Some(OrgField::Email));
        assert_eq!(
            OrgField::from_header("cadence_per_year"),
            Some(OrgField::Cadence)
        );
        assert_eq!(OrgField::from_header("Notities"), Some(OrgField::Notes));
        assert_eq!(OrgField::from_header("kleur"), None);
        for f in OrgField::ALL {
            assert_eq!(OrgField::from_header(f.header()), Some(f));
        }
        assert_eq!(
            PersonField::from_header("Thema's"),
            Some(PersonField::Themes)
        );
        assert_eq!(
            PersonField::from_header("Telefoonnummer"),
            Some(PersonField::Phone)
        );
        assert_eq!(
            PersonField::from_header("Organisatie"),
            Some(PersonField::Organisation)
        );
        assert_eq!(PersonField::from_header("Functie"), Some(PersonField::Role));
        assert_eq!(
            PersonField::from_header("Gebruikersnaam"),
            Some(PersonField::Username)
        );
        for f in PersonField::ALL {
            assert_eq!(PersonField::from_header(f.header()), Some(f));
        }
    }

    #[test]
    fn written_csv_is_neutralised() {
        let rows = vec![vec![
            "=1+1".to_string(),
            "ok".to_string(),
            "a;b".to_string(),
        ]];
        let out = write_csv(&["x", "y", "z"], &rows, b';', true).expect("csv");
        assert!(out.starts_with(BOM));
        let text = String::from_utf8(out[3..].to_vec()).expect("utf-8");
        assert_eq!(text, "x;y;z\n'=1+1;ok;\"a;b\"\n");
    }

    #[test]
    fn kind_and_cadence_cells_read_as_people_write_them() {
        use crate::domain::org::OrgKind;
        assert_eq!(org_kind(" "), Ok(None));
        assert_eq!(org_kind("Wijkvereniging"), Ok(Some(OrgKind::Residents)));
        assert_eq!(org_kind("gemeente"), Ok(Some(OrgKind::Service)));
        assert_eq!(org_kind("partner"), Ok(Some(OrgKind::Partner)));
        assert!(org_kind("club").is_err());
        assert_eq!(cadence(None), Ok(None));
        assert_eq!(cadence(Some(" 4 ")), Ok(Some(4)));
        assert!(cadence(Some("53")).is_err());
        assert!(cadence(Some("vier")).is_err());
    }
}
