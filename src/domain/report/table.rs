//! Tables: how any report is shown (terminal, CSV, Markdown, the Reports screen).

use super::Lang;
use serde::Serialize;

/// One cell, with the key of the figure it shows when there are records behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Cell {
    pub(super) fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            key: None,
        }
    }

    pub(super) fn figure(text: impl Into<String>, key: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            key: Some(key.into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub title: String,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// Rows of a long list not laid out ([`Rows::First`]), only counted.
    #[serde(skip)]
    pub more: usize,
}

/// How many rows of a long list (one per organisation, say) a report lays out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// Every row: the command line and exports.
    All,
    /// The first ones, for a screen that shows no more: at a million signals "due dates
    /// moved per organisation" has 18,800 rows, and laying them all out took the
    /// Reports screen 15 ms to show 500.
    First(usize),
}

impl Table {
    pub(super) fn new(title: &str, columns: &[&'static str]) -> Table {
        Table {
            title: title.to_string(),
            columns: columns.to_vec(),
            rows: Vec::new(),
            more: 0,
        }
    }

    /// A row per item, laid out by `row`, as many as `rows` allows; the rest counted.
    pub(super) fn push_rows<'a, T>(
        &mut self,
        items: &'a [T],
        rows: Rows,
        row: impl FnMut(&'a T) -> Vec<Cell>,
    ) {
        let n = match rows {
            Rows::All => items.len(),
            Rows::First(n) => n.min(items.len()),
        };
        self.rows.extend(items[..n].iter().map(row));
        self.more += items.len() - n;
    }
}

/// Tables as CSV: each table's title on a line of its own, its column headers, its
/// rows, and an empty line between tables. Every cell is neutralised (no formulas).
pub fn tables_to_csv(tables: &[Table], delimiter: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let mut rows: Vec<Vec<String>> = vec![
            vec![t.title.clone()],
            t.columns.iter().map(|c| c.to_string()).collect(),
        ];
        rows.extend(
            t.rows
                .iter()
                .map(|r| r.iter().map(|c| c.text.clone()).collect()),
        );
        out.extend(crate::domain::csv_rules::write_csv(
            &[],
            &rows,
            delimiter,
            false,
        )?);
    }
    Ok(out)
}

/// Tables as Markdown: a heading and a pipe table each.
pub fn tables_to_markdown(tables: &[Table]) -> String {
    fn cell(s: &str) -> String {
        crate::domain::text::visible_text(s)
            .replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r', '\t'], " ")
    }
    let mut out = String::new();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("### {}\n\n", cell(&t.title)));
        let header: Vec<String> = t.columns.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        out.push_str(&format!("|{}\n", " --- |".repeat(t.columns.len())));
        for row in &t.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(&c.text)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    out
}

pub(super) fn none_label(lang: Lang) -> &'static str {
    lang.pick("(none)", "(geen)")
}
