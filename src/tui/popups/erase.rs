//! Erasing a person (AVG right to erasure) from the People screen: the question names
//! the person, says it cannot be undone, suggests exporting first, and only goes
//! ahead when the person's ID (or "erase" / "wissen") is typed.

use super::Popup;
use crate::domain::RecordRef;
use crate::store::Person;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub struct Erase {
    id: i64,
    record: RecordRef,
    name: String,
    input: TextInput,
    wrong: bool,
}

impl Erase {
    pub fn new(p: &Person, s: &Settings) -> Erase {
        let mut input = TextInput::single("");
        input.focus(true, &s.theme);
        Erase {
            id: p.id,
            record: p.reference(),
            name: p.name.clone(),
            input,
            wrong: false,
        }
    }

    /// The typed confirmation: the ID, or the word in either language.
    fn confirmed(&self) -> bool {
        let typed = self.input.value().trim().to_lowercase();
        typed == self.record.to_string().to_lowercase() || typed == "erase" || typed == "wissen"
    }

    fn erase(&mut self, cx: &mut Cx) -> Outcome {
        if !self.confirmed() {
            self.wrong = true;
            return Outcome::Handled;
        }
        match cx.store.erase_person(self.id) {
            Ok(mut erasure) => {
                let lang = cx.settings.lang;
                let drafts = crate::drafts::scrub(&erasure.mentions);
                if let Ok(n) = drafts {
                    erasure.add("drafts", n);
                }
                let kinds = erasure
                    .counts
                    .iter()
                    .map(|(k, n)| format!("{n} {}", lang.t(kind_word(k))))
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut message = lang.f(
                    T::ErasedDone,
                    &[
                        ("id", &self.record),
                        ("n", &erasure.total()),
                        ("kinds", &kinds),
                    ],
                );
                if let Err(e) = drafts {
                    message.push(' ');
                    message.push_str(&lang.f(T::ErasedDraftsFailed, &[("err", &e)]));
                }
                if let Some(e) = &erasure.rebuild_failed {
                    message.push(' ');
                    message.push_str(&lang.f(T::ErasedRebuildFailed, &[("err", e)]));
                } else if !erasure.wal_cleared {
                    message.push(' ');
                    message.push_str(lang.t(T::ErasedWalBusy));
                }
                Outcome::Effects(vec![
                    Effect::Close,
                    Effect::Saved {
                        record: self.record,
                        message,
                    },
                ])
            }
            Err(e) => Outcome::Effects(vec![
                Effect::Close,
                Effect::Error(cx.settings.lang.store_error(&e)),
            ]),
        }
    }
}

impl Popup for Erase {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        match cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::Erase, Scope::List], true)
        {
            Some(Action::Back) => {
                super::confirm::discard_or_ask(!self.input.value().trim().is_empty(), cx)
            }
            Some(Action::EraseConfirm) => self.erase(cx),
            _ => {
                if self.input.handle_key(key) {
                    self.wrong = false;
                }
                Outcome::Handled
            }
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        self.input.paste(text);
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let l = s.lang;
        let width = 70.min(area.width.saturating_sub(4)).max(24);
        let rect = widgets::centered(area, width, 13);
        let title = l.f(T::EraseTitle, &[("id", &self.record)]);
        let inner = widgets::popup_frame(frame, rect, s, &title);
        let [text, input, msg] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(inner);
        let key = s
            .keymap
            .first(Action::ExportPerson)
            .unwrap_or_else(|| "X".into());
        let lines = vec![
            Line::styled(
                l.f(
                    T::EraseWarning,
                    &[("name", &vis(&self.name)), ("id", &self.record)],
                ),
                s.theme.error,
            ),
            Line::raw(l.f(T::EraseExportFirst, &[("key", &key)])),
            Line::raw(widgets::keys_hint_f(
                s,
                T::EraseType,
                &[("id", &self.record)],
                true,
            )),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text);
        let [mark, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(input);
        frame.render_widget(Paragraph::new(Span::styled("> ", s.theme.key)), mark);
        frame.render_widget(self.input.widget(), field);
        if self.wrong {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    l.f(T::EraseWrong, &[("id", &self.record)]),
                    s.theme.error,
                ))
                .wrap(Wrap { trim: true }),
                msg,
            );
        }
    }
}

/// The words for a kind of place an erasure changed (see `Erasure::counts`).
fn kind_word(kind: &str) -> T {
    match kind {
        "person" => T::KindPersonRecords,
        "organisation" => T::KindOrganisations,
        "meeting" => T::KindMeetings,
        "agenda_item" => T::KindAgendaItems,
        "signal" => T::KindSignals,
        "signal_event" => T::KindTimeline,
        "signal_due_move" => T::KindSignalDueMoves,
        "feedback" => T::KindFeedback,
        "commitment" => T::KindCommitments,
        "commitment_move" => T::KindCommitmentMoves,
        "action" => T::KindActions,
        "minute" => T::KindMinutes,
        "minute_draft" => T::KindMinuteDrafts,
        "outbox" => T::KindOutbox,
        "term" => T::KindTerms,
        "search" => T::KindSearch,
        "drafts" => T::KindDrafts,
        // The audit trail, and any table added later, count as history.
        _ => T::KindHistory,
    }
}
