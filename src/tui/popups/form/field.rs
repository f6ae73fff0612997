//! A form's fields: what kind of value each holds, its spec, and the field as the form
//! holds it (typed text, a choice or a pick list, its message and date echo, and how
//! many rows it takes).

use crate::tui::input::TextInput;
use crate::words::T;

/// What kind of value a field holds.
#[derive(Debug, Clone)]
pub enum FieldKind {
    Text,
    /// Several lines; Enter starts a new line here.
    Multiline(u16),
    /// One of a fixed list: (stored code, shown label). Left/Right/Space change it.
    Choice(Vec<(&'static str, T)>),
    /// One of a long list (organisations, a kept vocabulary): type to narrow it, Up/Down
    /// to move in the list shown under the focused field, Enter to take one. The value
    /// is the chosen item's value, or what was typed when nothing matches (the
    /// handler refuses it beside the field).
    Pick(Vec<crate::tui::popups::picker::Choice>, u16),
}

#[derive(Debug, Clone)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: T,
    pub kind: FieldKind,
    pub value: String,
}

impl FieldSpec {
    pub fn text(key: &'static str, label: T, value: impl Into<String>) -> FieldSpec {
        FieldSpec {
            key,
            label,
            kind: FieldKind::Text,
            value: value.into(),
        }
    }
}

/// A date field that shows, while it has the focus, the date it understood.
#[derive(Debug, Clone, Copy)]
pub enum Echo {
    /// A date, read relative to this day.
    Date(chrono::NaiveDate),
    /// A date and time, read relative to this day.
    DateTime(chrono::NaiveDate),
}

/// A field as the form holds it: its spec, what is typed or chosen, and what it says.
pub(super) struct Field {
    pub(super) spec: FieldSpec,
    pub(super) input: TextInput,
    pub(super) choice: usize,
    pub(super) initial: String,
    pub(super) error: Option<String>,
    pub(super) echo: Option<Echo>,
    pub(super) picker: Option<crate::tui::popups::picker::Picker>,
    /// A pick field just reached with Tab: the first letter typed replaces the value
    /// shown, so that the whole list is there to narrow.
    pub(super) fresh: bool,
}

impl Field {
    pub(super) fn value(&self) -> String {
        match &self.spec.kind {
            FieldKind::Choice(options) => options
                .get(self.choice)
                .map(|o| o.0.to_string())
                .unwrap_or_default(),
            FieldKind::Pick(..) => self.picker.as_ref().map(pick_value).unwrap_or_default(),
            _ => self.input.value(),
        }
    }

    /// Put a value in the field, whatever its kind.
    pub(super) fn set(&mut self, v: &str) {
        match &self.spec.kind {
            FieldKind::Choice(options) => {
                self.choice = options.iter().position(|o| o.0 == v).unwrap_or(self.choice);
            }
            FieldKind::Pick(..) => {
                if let Some(p) = &mut self.picker {
                    p.set_query(v);
                    p.select_value(v);
                }
            }
            _ => self.input.set_value(v),
        }
    }

    /// Rows of the list under a focused pick field.
    pub(super) fn list_height(&self, focused: bool) -> u16 {
        match self.spec.kind {
            FieldKind::Pick(_, rows) if focused => rows.max(1),
            _ => 0,
        }
    }

    pub(super) fn input_height(&self) -> u16 {
        match self.spec.kind {
            FieldKind::Multiline(rows) => rows.max(1),
            _ => 1,
        }
    }

    /// Rows for the message under the field: wrapped, at most three.
    pub(super) fn error_height(&self, width: u16) -> u16 {
        let w = usize::from(width.max(10)) - 2;
        self.error
            .as_ref()
            .map(|e| crate::domain::text::cell_width(e).div_ceil(w).clamp(1, 3) as u16)
            .unwrap_or(0)
    }

    /// The echo line under a focused date field: `→ vr 4 dec 2026` or the refusal.
    /// None while there is nothing typed, or an error is shown.
    pub(super) fn echo_text(&self, focused: bool, lang: crate::words::Lang) -> Option<String> {
        let echo = self.echo.filter(|_| focused && self.error.is_none())?;
        let typed = self.input.value();
        let text = match echo {
            Echo::Date(today) => crate::words::dates::echo(&typed, today, lang),
            Echo::DateTime(today) => crate::words::dates::echo_datetime(&typed, today, lang),
        };
        (!text.is_empty()).then_some(text)
    }

    /// Rows for the echo: one for a date, up to two for a refusal.
    pub(super) fn echo_height(&self, width: u16, focused: bool) -> u16 {
        let w = usize::from(width.max(10)) - 2;
        self.echo_text(focused, crate::words::Lang::En)
            .map(|e| crate::domain::text::cell_width(&e).div_ceil(w).clamp(1, 2) as u16)
            .unwrap_or(0)
    }

    pub(super) fn height(&self, width: u16, focused: bool) -> u16 {
        self.input_height()
            + self.list_height(focused)
            + self.error_height(width)
            + self.echo_height(width, focused)
    }
}

/// A pick field's value: the highlighted item, what was typed when nothing matches,
/// nothing when nothing was typed.
fn pick_value(p: &crate::tui::popups::picker::Picker) -> String {
    let q = p.query();
    if q.trim().is_empty() {
        return String::new();
    }
    p.selected().map(|c| c.value.clone()).unwrap_or(q)
}
