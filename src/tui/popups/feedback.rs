//! Record feedback on a signal (or interim feedback on every marked one): interim or
//! final, the channel, a template from the config's `[templates]` with its
//! placeholders filled, the text in a multi-line editor (Ctrl-O: in `$EDITOR`), the
//! next due date for interim feedback, and "email it" when the organisation has an
//! address (sent with the config's `[mail]` settings on a worker thread, recorded
//! only when it was sent; otherwise kept in the outbox).

use super::Popup;
use super::triage::check;
use super::triage::finish;
use crate::domain::dates::parse_date;
use crate::domain::mail::{TemplateFields, fill_template};
use crate::domain::signal::SignalEvent;
use crate::mail::sender_name;
use crate::store::{Channel, NewFeedback, StoreError};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::keymap::arrow_down;
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::tui::worker::MailJob;
use crate::words::T;
use chrono::Duration;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The word for a feedback channel.
pub fn channel_label(c: Channel) -> T {
    match c {
        Channel::Email => T::ChannelEmail,
        Channel::Phone => T::ChannelPhone,
        Channel::Meeting => T::ChannelMeeting,
        Channel::Letter => T::ChannelLetter,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Kind,
    Channel,
    Template,
    Text,
    Next,
    Email,
}

const TEXT_ROWS: u16 = 6;

pub struct FeedbackPopup {
    targets: Vec<(i64, i64)>,
    title: String,
    fields: Vec<Field>,
    focus: usize,
    is_final: bool,
    channel: usize,
    /// (name, filled text); index 0 is "none".
    templates: Vec<(String, String)>,
    template: usize,
    text: TextInput,
    next: TextInput,
    email_to: Option<String>,
    email: bool,
    error: Option<(Field, String)>,
    message: Option<String>,
    /// The due date offered when the popup opened (a draft is kept of changes only).
    next_initial: String,
}

impl FeedbackPopup {
    pub fn new(cx: &mut Cx, ids: Vec<i64>) -> Result<FeedbackPopup, String> {
        let first = *ids
            .first()
            .ok_or_else(|| cx.t(T::NothingSelected).to_string())?;
        let mut targets = Vec::new();
        let mut refused = Vec::new();
        for id in &ids {
            match check(cx, *id, SignalEvent::InterimFeedback) {
                Ok(s) => targets.push((s.id, s.version)),
                Err(why) => refused.push(why),
            }
        }
        if targets.is_empty() {
            return Err(refused.join("; "));
        }
        let lang = cx.settings.lang;
        let sig = cx
            .store
            .signal(first)
            .map_err(|e| cx.settings.lang.store_error(&e))?;
        let org = sig.org_id.and_then(|o| cx.store.org(o).ok());
        let single = ids.len() == 1;
        let title = if single {
            lang.f(
                T::FeedbackTitle,
                &[("id", &sig.reference()), ("title", &sig.title)],
            )
        } else {
            lang.f(T::FeedbackManyTitle, &[("n", &targets.len())])
        };
        let today = cx.store.today();
        let next_due = today + Duration::days(cx.settings.loop_cfg.feedback_days);
        let fields_of = TemplateFields {
            org: org.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
            signal_id: sig.reference().to_string(),
            title: sig.title.clone(),
            owner: cx.store.owner_label(sig.owner()).unwrap_or_default(),
            due: next_due.to_string(),
            user: cx.store.user().to_string(),
        };
        let mut raw: Vec<(String, String)> = cx.settings.loop_cfg.templates.clone();
        if raw.is_empty() {
            raw = vec![
                (
                    lang.t(T::TplInterimName).into(),
                    lang.t(T::TplInterim).into(),
                ),
                (lang.t(T::TplFinalName).into(), lang.t(T::TplFinal).into()),
            ];
        }
        let mut templates = vec![(lang.t(T::TemplateNone).to_string(), String::new())];
        templates.extend(
            raw.into_iter()
                .map(|(n, body)| (n, wrap(&fill_template(&body, &fields_of), 56))),
        );
        let email_to = crate::mail::recipient(cx.store, &sig)
            .ok()
            .filter(|_| single);
        let mut fields = Vec::new();
        if single {
            fields.push(Field::Kind);
        }
        fields.extend([Field::Channel, Field::Template, Field::Text, Field::Next]);
        if email_to.is_some() {
            fields.push(Field::Email);
        }
        let mut p = FeedbackPopup {
            targets,
            title,
            fields,
            focus: 0,
            is_final: false,
            channel: 0,
            templates,
            template: 0,
            text: TextInput::new("", true),
            next: TextInput::single(&next_due.to_string()),
            email_to,
            email: false,
            error: None,
            message: (!refused.is_empty()).then(|| refused.join("; ")),
            next_initial: next_due.to_string(),
        };
        p.restyle(cx.settings);
        Ok(p)
    }

    fn field(&self) -> Field {
        self.fields[self.focus]
    }

    /// The typed text (for tests).
    pub fn text(&self) -> String {
        self.text.value()
    }

    fn restyle(&mut self, s: &Settings) {
        let f = self.field();
        for (which, input) in [(Field::Text, &mut self.text), (Field::Next, &mut self.next)] {
            let on = f == which;
            let style = if on {
                s.theme.input_focus
            } else {
                s.theme.input
            };
            input.set_focus(on, style, s.theme.cursor);
        }
    }

    fn cycle(&mut self, forward: bool) {
        let step = |i: usize, n: usize| {
            if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }
        };
        match self.field() {
            Field::Kind => self.is_final = !self.is_final,
            Field::Channel => self.channel = step(self.channel, Channel::ALL.len()),
            Field::Email => self.email = !self.email,
            Field::Template => {
                let before = self.templates[self.template].1.clone();
                self.template = step(self.template, self.templates.len());
                // A template replaces the text only when nothing of one's own was typed.
                let now = self.text.value();
                if now.trim().is_empty() || now == before {
                    self.text
                        .set_value(&self.templates[self.template].1.clone());
                }
            }
            _ => {}
        }
    }

    fn submit(&mut self, cx: &mut Cx) -> Outcome {
        let lang = cx.settings.lang;
        self.error = None;
        let text = self.text.value();
        if text.trim().is_empty() {
            return self.fail(Field::Text, lang.t(T::ErrRequired).into());
        }
        let today = cx.store.today();
        let next_due = if self.is_final || self.next.value().trim().is_empty() {
            None
        } else {
            match parse_date(&self.next.value(), today) {
                Ok(d) if d < today => {
                    return self.fail(Field::Next, lang.f(T::ErrDueInPast, &[("date", &d)]));
                }
                Ok(d) => Some(d),
                Err(e) => return self.fail(Field::Next, lang.date(&e)),
            }
        };
        let fb = NewFeedback {
            channel: Channel::ALL[self.channel],
            text,
            is_final: self.is_final,
            next_due,
        };
        let event = if self.is_final {
            SignalEvent::FinalFeedback
        } else {
            SignalEvent::InterimFeedback
        };
        if self.email && self.email_to.is_some() {
            return self.send(cx, fb, event);
        }
        let (mut done, mut refused, mut conflict) = (Vec::new(), Vec::new(), false);
        for (id, version) in self.targets.clone() {
            if let Err(why) = check(cx, id, event) {
                refused.push(why);
                continue;
            }
            match cx.store.add_feedback(id, fb.clone(), Some(version)) {
                Ok(s) => done.push(s.reference()),
                // One signal changed by someone else meanwhile: the text stays, saved
                // against the new version on the next Ctrl-S.
                Err(StoreError::Conflict(_)) if self.targets.len() == 1 => {
                    if let Ok(s) = cx.store.signal(id) {
                        self.targets[0].1 = s.version;
                        self.message = Some(
                            cx.settings
                                .keymap
                                .fill(&lang.f(T::ConflictKept, &[("id", &s.reference())]), true),
                        );
                    }
                    return Outcome::Handled;
                }
                Err(StoreError::Conflict(m)) => {
                    conflict = true;
                    refused.push(format!("S-{id}: {}", lang.problem(&m)));
                }
                Err(e) => refused.push(format!("S-{id}: {}", lang.store_error(&e))),
            }
        }
        if done.is_empty() && refused.len() == 1 && !conflict {
            // One signal refused: say why here and keep what was typed.
            self.message = refused.pop();
            return Outcome::Handled;
        }
        let one = if self.is_final {
            T::FinalRecorded
        } else {
            T::InterimRecorded
        };
        finish(lang, done, refused, conflict, one, T::FeedbackMany)
    }

    fn send(&mut self, cx: &mut Cx, fb: NewFeedback, event: SignalEvent) -> Outcome {
        let lang = cx.settings.lang;
        let (id, _) = self.targets[0];
        if let Err(why) = check(cx, id, event) {
            self.message = Some(why);
            return Outcome::Handled;
        }
        // The message is kept in the outbox before it goes out, so closing the form
        // loses nothing; the answer comes back on the status line.
        let job = MailJob {
            signal_id: id,
            feedback: fb,
            sender_name: sender_name(cx.store),
            cfg: cx.settings.loop_cfg.mail.clone(),
        };
        let to = self.email_to.clone().unwrap_or_default();
        Outcome::Effects(vec![
            Effect::Close,
            Effect::Status(lang.f(
                T::FeedbackSending,
                &[("id", &format!("S-{id}")), ("to", &to)],
            )),
            Effect::Mail(Box::new(job)),
        ])
    }

    fn fail(&mut self, field: Field, msg: String) -> Outcome {
        if let Some(i) = self.fields.iter().position(|f| *f == field) {
            self.focus = i;
        }
        self.error = Some((field, msg));
        Outcome::Handled
    }

    fn value_line(&self, f: Field, s: &Settings) -> Line<'static> {
        let t = |k| s.lang.t(k);
        let (l, r) = if s.ascii {
            ("< ", " >")
        } else {
            ("‹ ", " ›")
        };
        let choice = |v: &str| {
            Line::from(vec![
                Span::raw(l),
                Span::styled(v.to_string(), s.theme.input),
                Span::raw(r),
            ])
        };
        match f {
            Field::Kind => choice(t(if self.is_final {
                T::FeedbackFinal
            } else {
                T::FeedbackInterim
            })),
            Field::Channel => choice(t(channel_label(Channel::ALL[self.channel]))),
            Field::Template => choice(&self.templates[self.template].0),
            Field::Email => {
                let to = self.email_to.clone().unwrap_or_default();
                let v = if self.email {
                    s.lang.f(T::EmailYes, &[("to", &to)])
                } else {
                    t(T::EmailNo).to_string()
                };
                choice(&v)
            }
            _ => Line::raw(""),
        }
    }
}

impl FeedbackPopup {
    /// The popup again on the signals of a kept draft, with what was typed.
    pub fn restore(cx: &mut Cx, draft: &super::form::FormDraft) -> Option<FeedbackPopup> {
        let mut p = FeedbackPopup::new(cx, crate::drafts::ids(draft)).ok()?;
        p.restore_values(&draft.values);
        p.message = Some(cx.t(T::DraftWaiting).to_string());
        p.restyle(cx.settings);
        Some(p)
    }
}

impl FeedbackPopup {
    /// Something of one's own typed: a text that is not just the chosen template, or
    /// another date for the next feedback.
    fn typed(&self) -> bool {
        let text = self.text.value();
        let template = self.templates.get(self.template).map(|t| t.1.as_str());
        (!text.trim().is_empty() && Some(text.as_str()) != template)
            || self.next.value() != self.next_initial
    }
}

impl Popup for FeedbackPopup {
    fn draft(&self) -> Option<super::form::FormDraft> {
        let text = self.text.value();
        let next = self.next.value();
        if text.trim().is_empty() && next == self.next_initial && !self.is_final {
            return None;
        }
        let mut values = std::collections::BTreeMap::new();
        values.insert("text".to_string(), text);
        values.insert("next".to_string(), next);
        values.insert("final".to_string(), self.is_final.to_string());
        values.insert(
            "channel".to_string(),
            Channel::ALL[self.channel].code().to_string(),
        );
        Some(crate::drafts::draft_of("feedback", &self.targets, values))
    }

    fn restore_values(&mut self, values: &std::collections::BTreeMap<String, String>) {
        if let Some(t) = values.get("text") {
            self.text.set_value(t);
        }
        if let Some(n) = values.get("next") {
            self.next.set_value(n);
        }
        self.is_final = values.get("final").is_some_and(|f| f == "true");
        if let Some(c) = values.get("channel") {
            self.channel = Channel::ALL
                .iter()
                .position(|x| x.code() == c)
                .unwrap_or(self.channel);
        }
    }

    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let n = self.fields.len();
        let text_field = matches!(self.field(), Field::Text | Field::Next);
        let out = match cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::Form, Scope::List], true)
        {
            // Ctrl-O by default, not Ctrl-E: Ctrl-E is End in every text field.
            Some(Action::ExternalEditor) => {
                return Outcome::one(Effect::ExternalEdit(self.text.value()));
            }
            // Up and Down move within the multi-line text.
            Some(Action::NextField)
                if !(self.field() == Field::Text && arrow_down(&key).is_some()) =>
            {
                self.focus = (self.focus + 1) % n;
                Outcome::Handled
            }
            Some(Action::PrevField)
                if !(self.field() == Field::Text && arrow_down(&key).is_some()) =>
            {
                self.focus = (self.focus + n - 1) % n;
                Outcome::Handled
            }
            Some(Action::Save) => self.submit(cx),
            Some(Action::Back) => super::confirm::discard_or_ask(self.typed(), cx),
            Some(Action::Open) if self.field() != Field::Text => {
                if self.focus + 1 == n {
                    self.submit(cx)
                } else {
                    self.focus += 1;
                    Outcome::Handled
                }
            }
            _ if text_field => {
                let input = if self.field() == Field::Text {
                    &mut self.text
                } else {
                    &mut self.next
                };
                input.handle_key(key);
                Outcome::Handled
            }
            _ => match cx
                .settings
                .keymap
                .lookup_event(&key, &[Scope::Choice], false)
            {
                Some(Action::ChoicePrev) => {
                    self.cycle(false);
                    Outcome::Handled
                }
                Some(Action::ChoiceNext) => {
                    self.cycle(true);
                    Outcome::Handled
                }
                _ => Outcome::Ignored,
            },
        };
        self.restyle(cx.settings);
        out
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        match self.field() {
            Field::Next => self.next.paste(text),
            _ => self.text.paste(text),
        };
        Outcome::Handled
    }

    fn edited(&mut self, result: Result<String, String>, _cx: &mut Cx) -> Outcome {
        match result {
            Ok(text) => {
                self.text.set_value(text.trim_end_matches('\n'));
                Outcome::Handled
            }
            Err(why) => {
                self.message = Some(why);
                Outcome::Handled
            }
        }
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let label = |f: Field| match f {
            Field::Kind => T::FieldKindFeedback,
            Field::Channel => T::FieldChannel,
            Field::Template => T::FieldTemplate,
            Field::Text => T::FieldText,
            Field::Next => T::FieldNextDue,
            Field::Email => T::FieldEmailIt,
        };
        let label_w = self
            .fields
            .iter()
            .map(|f| t(label(*f)).chars().count())
            .max()
            .unwrap_or(8) as u16
            + 2;
        let msg_h = u16::from(self.message.is_some()) * 2;
        let want =
            self.fields.len() as u16 + TEXT_ROWS - 1 + u16::from(self.error.is_some()) + msg_h + 4;
        let width = 78.min(area.width.saturating_sub(2)).max(30);
        let rect = widgets::centered(area, width, want);
        let inner = widgets::popup_frame(frame, rect, s, &self.title);
        let bottom = inner.y + inner.height;
        let mut y = inner.y;
        if let Some(m) = &self.message {
            let r = Rect {
                height: 2.min(inner.height),
                ..inner
            };
            frame.render_widget(
                Paragraph::new(Span::styled(m.clone(), s.theme.error))
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                r,
            );
            y += r.height;
        }
        let fx = inner.x + label_w + 1;
        let fw = inner.width.saturating_sub(label_w + 1);
        for (i, f) in self.fields.iter().enumerate() {
            if y + 1 >= bottom {
                break;
            }
            let focused = i == self.focus;
            let style = if focused {
                s.theme.label_focus
            } else {
                s.theme.label
            };
            let mark = if focused { ">" } else { " " };
            frame.render_widget(
                Paragraph::new(Span::styled(format!("{mark}{}", t(label(*f))), style)),
                Rect {
                    x: inner.x,
                    y,
                    width: label_w.min(inner.width),
                    height: 1,
                },
            );
            let h = if *f == Field::Text { TEXT_ROWS } else { 1 }.min(bottom - 1 - y);
            let r = Rect {
                x: fx,
                y,
                width: fw,
                height: h,
            };
            match f {
                Field::Text => frame.render_widget(self.text.widget(), r),
                Field::Next if self.is_final => frame.render_widget(
                    Paragraph::new(Span::styled(t(T::NextDueFinal), s.theme.muted)),
                    r,
                ),
                Field::Next => frame.render_widget(self.next.widget(), r),
                other => frame.render_widget(Paragraph::new(self.value_line(*other, s)), r),
            }
            y += h;
            if let Some((ef, e)) = &self.error
                && ef == f
                && y + 1 < bottom
            {
                let arrow = if s.ascii { "^ " } else { "↑ " };
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("{arrow}{e}"), s.theme.error)),
                    Rect {
                        x: fx,
                        y,
                        width: fw,
                        height: 1,
                    },
                );
                y += 1;
            }
        }
        let mut spans = widgets::form_keys(s);
        let key = |a| s.keymap.first(a).unwrap_or_default();
        spans.extend(widgets::hint(
            s,
            key(Action::ExternalEditor),
            t(T::HintEditor),
        ));
        spans.extend(widgets::hint(s, key(Action::ChoiceNext), t(T::HintChoose)));
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect {
                x: inner.x,
                y: bottom.saturating_sub(1),
                width: inner.width,
                height: 1,
            },
        );
    }
}

/// Word-wrap a template's text so that it reads in the text box as it will be sent.
fn wrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty()
                && crate::domain::text::cell_width(&line)
                    + 1
                    + crate::domain::text::cell_width(word)
                    > width
            {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use crate::domain::text::cell_width;

    #[test]
    fn templates_wrap_by_the_cells_a_line_takes() {
        let text = "日本語の 町内会 から 👨‍👩‍👧‍👦 の お知らせ です";
        let wrapped = wrap(text, 10);
        assert!(wrapped.lines().all(|l| cell_width(l) <= 10), "{wrapped}");
        assert_eq!(wrapped.replace('\n', " "), text);
    }
}
