//! The Reports screen's tables as a document of lines, built when the reports are
//! computed (never while drawing): each figure (a number with records behind it) knows
//! its line and columns, so the cursor can move between figures and Enter can list
//! the records behind the one selected.

use crate::domain::report::Table;
use ratatui::text::Span;

/// What a stretch of a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Header,
    Text,
    /// The figure with this index in [`Doc::figures`].
    Figure(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The figure's key, for `Store::report_records`.
    pub key: String,
    /// What it counts, for the records popup's title: "Late", "Centrum / Open".
    pub label: String,
    /// The number shown: how many records lie behind it (the popup lists them a page
    /// at a time).
    pub count: Option<usize>,
    pub line: usize,
    /// Its column on the line (for moving up and down).
    pub x: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub lines: Vec<Vec<Seg>>,
    pub figures: Vec<Figure>,
}

fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// `s` cut to at most `w` columns, with an ellipsis when cut; never inside a grapheme
/// cluster.
pub fn fit(s: &str, w: usize) -> String {
    crate::domain::text::fit_cells(s, w, "…")
}

/// A number-like cell is right-aligned.
fn numeric(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | '—' | '-'))
}

/// The rows of one table the screen lays out. At a million signals "due dates moved
/// per organisation" has a row for each of 18,800 organisations: laid out whole, the
/// screen held 35 MiB more. Past this many, one line says how many more there are and
/// how to see them (a filter, or the command line, which prints them all).
pub const MAX_ROWS_SHOWN: usize = 500;

impl Doc {
    /// Lay the tables out for `max` columns: every column as wide as its widest cell,
    /// the widest text column shrunk first when the table does not fit. A table of more
    /// than [`MAX_ROWS_SHOWN`] rows shows that many and then `more(n)` for the rest
    /// (those laid out and not shown, and those only counted: [`Table::more`]).
    pub fn build(tables: &[Table], max: usize, more: impl Fn(usize) -> String) -> Doc {
        let mut doc = Doc::default();
        for (ti, t) in tables.iter().enumerate() {
            if ti > 0 {
                doc.lines.push(Vec::new());
            }
            doc.lines.push(vec![Seg {
                text: t.title.clone(),
                part: Part::Title,
            }]);
            let n = t.columns.len();
            let mut widths: Vec<usize> = t.columns.iter().map(|c| width(c)).collect();
            let shown = &t.rows[..t.rows.len().min(MAX_ROWS_SHOWN)];
            for row in shown {
                for (i, c) in row.iter().enumerate().take(n) {
                    widths[i] = widths[i].max(width(&c.text));
                }
            }
            // Shrink the widest column without figures until the table fits.
            let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len();
            while total(&widths) > max {
                let has_figures = |i: usize| {
                    shown
                        .iter()
                        .any(|r| r.get(i).is_some_and(|c| c.key.is_some()))
                };
                let Some((i, &w)) = widths
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !has_figures(*i))
                    .max_by_key(|(_, w)| **w)
                else {
                    break;
                };
                if w <= 6 {
                    break;
                }
                widths[i] = w - 1;
            }
            let cell = |text: &str, i: usize| -> String {
                let w = widths[i];
                let t = fit(text, w);
                let pad = w.saturating_sub(width(&t));
                if numeric(text) && i > 0 {
                    format!("{}{t}", " ".repeat(pad))
                } else {
                    format!("{t}{}", " ".repeat(pad))
                }
            };
            let mut header = vec![Seg {
                text: "  ".into(),
                part: Part::Text,
            }];
            for (i, c) in t.columns.iter().enumerate() {
                let text = if i + 1 < n {
                    format!("{}  ", cell(c, i))
                } else {
                    cell(c, i)
                };
                header.push(Seg {
                    text,
                    part: Part::Header,
                });
            }
            doc.lines.push(header);
            for row in shown {
                let line = doc.lines.len();
                let mut segs = vec![Seg {
                    text: "  ".into(),
                    part: Part::Text,
                }];
                let mut x = 2;
                for (i, c) in row.iter().enumerate().take(n) {
                    let text = cell(&c.text, i);
                    let part = match &c.key {
                        Some(k) => {
                            let label = format!(
                                "{} / {}",
                                row.first().map(|c| c.text.as_str()).unwrap_or(""),
                                t.columns[i]
                            );
                            let label = if i == 1 && n == 2 {
                                row[0].text.clone()
                            } else if row.len() > 2 && i > 1 {
                                // "O-3 Name / Late": the ID and the name.
                                format!("{} {} / {}", row[0].text, row[1].text, t.columns[i])
                            } else {
                                label
                            };
                            doc.figures.push(Figure {
                                key: k.clone(),
                                label,
                                count: c.text.trim().parse().ok(),
                                line,
                                x,
                            });
                            Part::Figure(doc.figures.len() - 1)
                        }
                        None => Part::Text,
                    };
                    x += width(&text) + 2;
                    segs.push(Seg { text, part });
                    if i + 1 < n {
                        segs.push(Seg {
                            text: "  ".into(),
                            part: Part::Text,
                        });
                    }
                }
                doc.lines.push(segs);
            }
            let left_out = t.rows.len() + t.more - shown.len();
            if left_out > 0 {
                doc.lines.push(vec![Seg {
                    text: format!("  {}", more(left_out)),
                    part: Part::Text,
                }]);
            }
        }
        doc
    }

    /// The figure above or below `from` (`down`), nearest in column; `None` at the edge.
    pub fn vertical(&self, from: usize, down: bool) -> Option<usize> {
        let f = self.figures.get(from)?;
        let next_line = if down {
            self.figures
                .iter()
                .map(|g| g.line)
                .filter(|&l| l > f.line)
                .min()?
        } else {
            self.figures
                .iter()
                .map(|g| g.line)
                .filter(|&l| l < f.line)
                .max()?
        };
        self.figures
            .iter()
            .enumerate()
            .filter(|(_, g)| g.line == next_line)
            .min_by_key(|(_, g)| g.x.abs_diff(f.x))
            .map(|(i, _)| i)
    }

    /// The figure beside `from` on its line (`right`), if any.
    pub fn horizontal(&self, from: usize, right: bool) -> Option<usize> {
        let f = self.figures.get(from)?;
        let j = if right {
            from.checked_add(1)?
        } else {
            from.checked_sub(1)?
        };
        self.figures.get(j).filter(|g| g.line == f.line).map(|_| j)
    }

    /// The figure with this key, if any (to keep the selection over a recompute).
    pub fn find(&self, key: &str) -> Option<usize> {
        self.figures.iter().position(|f| f.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::Cell;

    fn table() -> Table {
        Table {
            title: "T".into(),
            columns: vec!["Name", "A", "B"],
            rows: vec![
                vec![
                    Cell {
                        text: "a very long organisation name".into(),
                        key: None,
                    },
                    Cell {
                        text: "1".into(),
                        key: Some("k.a:1".into()),
                    },
                    Cell {
                        text: "2".into(),
                        key: Some("k.b:1".into()),
                    },
                ],
                vec![
                    Cell {
                        text: "b".into(),
                        key: None,
                    },
                    Cell {
                        text: "3".into(),
                        key: Some("k.a:2".into()),
                    },
                    Cell {
                        text: "4".into(),
                        key: Some("k.b:2".into()),
                    },
                ],
            ],
            more: 0,
        }
    }

    #[test]
    fn figures_move_by_row_and_column_and_text_is_cut_to_fit() {
        let doc = Doc::build(&[table()], 24, |n| format!("{n} more"));
        assert_eq!(doc.figures.len(), 4);
        assert_eq!(doc.horizontal(0, true), Some(1));
        assert_eq!(doc.horizontal(1, true), None);
        assert_eq!(doc.vertical(1, true), Some(3));
        assert_eq!(doc.vertical(3, true), None);
        assert_eq!(doc.vertical(2, false), Some(0));
        for line in &doc.lines {
            let w: usize = line.iter().map(|s| width(&s.text)).sum();
            assert!(w <= 24, "{line:?}");
        }
        assert_eq!(fit("abcdef", 4), "abc…");
    }

    #[test]
    fn a_long_table_shows_its_first_rows_and_says_how_many_more() {
        let mut t = table();
        let row = t.rows[1].clone();
        t.rows = vec![row; MAX_ROWS_SHOWN + 7];
        let doc = Doc::build(&[t], 40, |n| format!("{n} more"));
        // Title, header, the rows shown, the line that says what is left out.
        assert_eq!(doc.lines.len(), 2 + MAX_ROWS_SHOWN + 1);
        let last: String = doc.lines[doc.lines.len() - 1]
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(last.trim(), "7 more");
        assert_eq!(doc.figures.len(), 2 * MAX_ROWS_SHOWN);
    }

    #[test]
    fn rows_only_counted_are_said_as_more() {
        let mut t = table();
        t.more = 40;
        let doc = Doc::build(&[t], 40, |n| format!("{n} more"));
        assert_eq!(doc.lines.len(), 2 + 2 + 1);
        let last: String = doc.lines[4].iter().map(|s| s.text.as_str()).collect();
        assert_eq!(last.trim(), "40 more");
        assert_eq!(doc.figures.len(), 4);
    }
}
