//! The minutes editor driven by keys in-process, checked on the screen and in the
//! store: Enter stores a line at once, problems are shown and fixed later, Tab
//! completes tokens, unresolved tokens are highlighted as they are typed, the line
//! being typed is kept as a draft and comes back, finalised minutes take amendments.

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use support::screens::{H, W, app, meeting_id, shows};
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

/// The meetings screen, filtered to one meeting, its minutes editor open.
fn open_editor(app: &mut App, title: &str) {
    assert!(app.select_screen("meetings"));
    type_text(app, "/");
    type_text(app, title);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    shows(app, "Minutes of M-");
}

fn enter_line(app: &mut App, line: &str) {
    type_text(app, line);
    press(app, KeyCode::Enter);
}

#[test]
fn enter_stores_each_line_at_once_with_its_new_id() {
    let db = TempDb::new("minutes-enter");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    {
        let mut app = app(&mut store);
        open_editor(&mut app, "Bezuidenhout");
        enter_line(&mut app, "Opening door de voorzitter");
        enter_line(&mut app, "A: Verslag rondsturen @demo due:+14d");
        let s = shows(&app, "Stored line 2: created A-");
        assert!(s.contains("Verslag rondsturen @demo due:+14d  → A-"), "{s}");
        enter_line(&mut app, "T: Terugkoppeling over de oversteek due:+2w");
        shows(&app, "created C-");
        enter_line(&mut app, "S: Losse stoeptegels #verkeer");
        shows(&app, "created S-");
        enter_line(&mut app, "D: Voortaan elk kwartaal");
        enter_line(&mut app, "Q: Wanneer komt de verlichting?");
        assert_eq!(app.popup_count(), 1);
    }
    let lines = store.minutes(id).unwrap();
    assert_eq!(lines.len(), 6);
    let created: Vec<_> = lines.iter().filter_map(|m| m.created.clone()).collect();
    assert_eq!(created.len(), 3, "{created:?}");
    assert!(created[0].starts_with("A-") && created[1].starts_with("C-"));
    assert_eq!(store.minute_draft(id).unwrap(), None);
}

#[test]
fn a_line_with_problems_is_kept_shown_and_fixed_later() {
    let db = TempDb::new("minutes-problems");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    {
        let mut app = app(&mut store);
        open_editor(&mut app, "Bezuidenhout");
        enter_line(&mut app, "A: Bellen met de aannemer @zzonbekend due:+7d");
        let s = shows(&app, "as typed; fix it later");
        assert!(s.contains("! @zzonbekend:"), "{s}");
        // Up selects the line, e edits it, Enter saves: now it creates its action.
        press(&mut app, KeyCode::Up);
        type_text(&mut app, "e");
        shows(&app, "Editing line 1");
        for _ in 0.."@zzonbekend due:+7d".len() {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "@demo due:+7d");
        press(&mut app, KeyCode::Enter);
        shows(&app, "created A-");
    }
    let lines = store.minutes(id).unwrap();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].problems.is_empty(), "{:?}", lines[0].problems);
    assert!(lines[0].created.as_deref().unwrap_or("").starts_with("A-"));
    assert_eq!(lines[0].text, "A: Bellen met de aannemer @demo due:+7d");
}

#[test]
fn tab_completes_organisations_people_and_themes() {
    let db = TempDb::new("minutes-tab");
    let mut store = db.demo();
    let mut app = app(&mut store);
    open_editor(&mut app, "Bezuidenhout");
    type_text(&mut app, "T: Brief delen org:Wijkberaad-Bez");
    press(&mut app, KeyCode::Tab);
    shows(&app, "> T: Brief delen org:\"Wijkberaad Bezuidenhout\"");
    type_text(&mut app, "due:+7d #verk");
    press(&mut app, KeyCode::Tab);
    shows(&app, "#verkeer");
    // Several members of staff match (residents are never offered as owners): the
    // choices are shown and Tab goes through them.
    type_text(&mut app, " @m");
    press(&mut app, KeyCode::Tab);
    let first = shows(&app, "Tab: ");
    press(&mut app, KeyCode::Tab);
    let second = screen(&app, W, H);
    let input = |s: &str| {
        s.lines()
            .find(|l| l.contains("> T: Brief"))
            .unwrap_or_default()
            .to_string()
    };
    assert_ne!(input(&first), input(&second), "{second}");
    press(&mut app, KeyCode::Enter);
    shows(&app, "created C-");
}

/// The style of the first cell showing `needle` on the input line.
fn style_of(app: &App, needle: &str) -> ratatui::style::Style {
    let mut t = Terminal::new(TestBackend::new(W, H)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    let buf = t.backend().buffer().clone();
    for y in 0..H {
        let row: String = (0..W).map(|x| buf[(x, y)].symbol().to_string()).collect();
        if row.contains("> A: bel") {
            let at = row.find(needle).expect(needle);
            let x = row[..at].chars().count() as u16;
            return buf[(x, y)].style();
        }
    }
    panic!("no input line");
}

#[test]
fn unresolved_tokens_are_highlighted_as_you_type() {
    let db = TempDb::new("minutes-live");
    let mut store = db.demo();
    let mut app = app(&mut store);
    let mark = app.settings().theme.mark;
    open_editor(&mut app, "Bezuidenhout");
    type_text(&mut app, "A: bel @zzonbekend #verkeer due:ooit");
    let bad = style_of(&app, "@zzonbekend");
    assert!(bad.add_modifier.contains(mark.add_modifier), "{bad:?}");
    assert_ne!(style_of(&app, "#verkeer"), bad);
    assert_eq!(style_of(&app, "due:ooit"), bad);
    // Fixed as you type: the owner resolves now.
    for _ in 0.."@zzonbekend #verkeer due:ooit".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "@demo due:ooit");
    assert_ne!(style_of(&app, "@demo"), bad);
}

#[test]
fn a_due_date_said_in_words_is_highlighted_as_it_is_recognised() {
    let db = TempDb::new("minutes-said-due");
    let mut store = db.demo();
    // In colour: a recognised token has its own colour, which mono leaves out.
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, false, false),
        Size {
            width: W,
            height: H,
        },
    );
    open_editor(&mut app, "Bezuidenhout");
    type_text(&mut app, "A: bel de aannemer voor 1");
    let plain = style_of(&app, "voor");
    type_text(&mut app, " juli");
    let said = style_of(&app, "voor");
    assert_ne!(
        said, plain,
        "\"voor 1 juli\" is marked once it reads as a date"
    );
    assert_eq!(style_of(&app, "juli"), said);
    assert_eq!(style_of(&app, "aannemer"), plain);
}

#[test]
fn the_line_being_typed_is_kept_and_comes_back() {
    let db = TempDb::new("minutes-draft");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    {
        let mut app = app(&mut store);
        open_editor(&mut app, "Bezuidenhout");
        type_text(&mut app, "Q: Wie gaat er over de");
        shows(&app, "draft saved");
        assert_eq!(
            app.store().minute_draft(id).unwrap().as_deref(),
            Some("Q: Wie gaat er over de")
        );
        // Closing and opening again: the draft is back in the input.
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.popup_count(), 0);
        press(&mut app, KeyCode::Enter);
        shows(&app, "> Q: Wie gaat er over de");
    }
    // A new start (a killed process, a dropped connection): still there.
    let mut app = app(&mut store);
    open_editor(&mut app, "Bezuidenhout");
    shows(&app, "> Q: Wie gaat er over de");
    type_text(&mut app, " bomen?");
    press(&mut app, KeyCode::Enter);
    shows(&app, "Stored line 1.");
    assert_eq!(app.store().minute_draft(id).unwrap(), None);
}

#[test]
fn move_delete_answer_and_agenda_items() {
    let db = TempDb::new("minutes-move");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    let agenda = store.agenda(id).unwrap();
    assert!(agenda.len() >= 3);
    {
        let mut app = app(&mut store);
        open_editor(&mut app, "Bezuidenhout");
        enter_line(&mut app, "Q: Wanneer komt de verlichting?");
        enter_line(&mut app, "Een notitie die weg mag");
        // The next agenda item (Alt-Down), then move the question there.
        app.on_key(KeyEvent::new(KeyCode::Down, KeyModifiers::ALT));
        app.on_key(KeyEvent::new(KeyCode::Down, KeyModifiers::ALT));
        press(&mut app, KeyCode::Up);
        press(&mut app, KeyCode::Up);
        type_text(&mut app, "m");
        shows(&app, "Moved line 1.");
        type_text(&mut app, "v");
        shows(&app, "(answered)");
        // Delete the note (now above the moved question): a question first, then yes.
        press(&mut app, KeyCode::Up);
        type_text(&mut app, "d");
        shows(&app, "Delete line 2?");
        type_text(&mut app, "y");
        shows(&app, "Deleted line 2.");
    }
    let lines = store.minutes(id).unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].agenda_item_id, Some(agenda[2].id));
    assert!(lines[0].answered);
}

#[test]
fn hold_finalise_and_amend() {
    let db = TempDb::new("minutes-final");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    // The minutes are taken during the meeting: it has started.
    store.set_now(Some(store.meeting(id).unwrap().starts_at));
    {
        let mut app = app(&mut store);
        open_editor(&mut app, "Bezuidenhout");
        enter_line(&mut app, "D: Voortaan elk kwartaal");
        press(&mut app, KeyCode::Up);
        type_text(&mut app, "h");
        shows(&app, "is held now");
        type_text(&mut app, "F");
        shows(&app, "Finalise the minutes of M-");
        type_text(&mut app, "y");
        shows(&app, "is final now");
        shows(&app, "final: new lines are amendments");
        press(&mut app, KeyCode::Esc);
        enter_line(&mut app, "Aanvulling na afloop");
        shows(&app, "(amendment)");
    }
    let lines = store.minutes(id).unwrap();
    assert!(!lines[0].amendment && lines[1].amendment);
}

/// The empty editor says briefly how lines are written; F2 shows all of it, with
/// dates to come; any key closes it and typing goes on in the input.
#[test]
fn the_syntax_is_shown_when_empty_and_on_a_key() {
    let db = TempDb::new("minutes-syntax");
    let mut store = db.demo();
    let today = store.today();
    let mut app = app(&mut store);
    open_editor(&mut app, "Bezuidenhout");
    let s = shows(&app, "Start a line with Decision/Besluit: Action/Actie:");
    assert!(s.contains("Commitment/Toezegging:"), "{s}");
    shows(&app, "F2: all of it");
    press(&mut app, KeyCode::F(2));
    let s = shows(&app, "How to write minutes");
    for p in [
        "Besluit:  Decision:  B:  D:",
        "Toezegging:  Commitment:  T:  C:",
        "Vraag:  Question:  V:  Q:",
        "@ingrid",
        "org:Duinoord",
    ] {
        assert!(s.contains(p), "{p} missing:\n{s}");
    }
    // Every date shown is one to come.
    let shown: Vec<&str> = s.lines().filter(|l| l.contains("→ ")).collect();
    assert!(shown.len() >= 4, "{s}");
    for l in shown {
        let d = l.split("→ ").nth(1).unwrap().trim_end_matches(['│', ' ']);
        let date =
            wijkdesk::domain::dates::parse_date(d, today).unwrap_or_else(|e| panic!("{d}: {e}"));
        assert!(date > today, "{l}");
    }
    type_text(&mut app, "x");
    assert_eq!(app.popup_count(), 1, "any key closes the syntax");
    enter_line(&mut app, "Eerste regel");
    let s = screen(&app, W, H);
    assert!(
        !s.contains("Start a line with"),
        "the brief goes once a line is there:\n{s}"
    );
}

/// Finalising while lines have problems lists them with their numbers and asks; "no"
/// goes back to the first of them, ready to edit; fixed, the plain question comes.
#[test]
fn finalising_with_problem_lines_lists_them_and_asks() {
    let db = TempDb::new("minutes-final-problems");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    store.set_now(Some(store.meeting(id).unwrap().starts_at));
    {
        let mut app = app(&mut store);
        open_editor(&mut app, "Bezuidenhout");
        enter_line(&mut app, "D: Voortaan elk kwartaal");
        enter_line(&mut app, "A: Bankjes regelen @zzniemand");
        enter_line(&mut app, "T: Lampen vervangen org:Duinoord due:31-02");
        press(&mut app, KeyCode::Up);
        type_text(&mut app, "h");
        shows(&app, "is held now");
        type_text(&mut app, "F");
        let s = shows(&app, "Lines that still have problems");
        assert!(s.contains("line 2: @zzniemand"), "{s}");
        assert!(s.contains("line 3: not a date"), "{s}");
        assert!(s.contains("back to line 2"), "{s}");
        type_text(&mut app, "n");
        shows(&app, "Editing line 2");
        press(&mut app, KeyCode::End);
        for _ in 0..11 {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "@demo");
        press(&mut app, KeyCode::Enter);
        shows(&app, "line 2");
        // Line 3 still has its problem: asked again, yes finalises anyway.
        press(&mut app, KeyCode::Up);
        type_text(&mut app, "F");
        let s = shows(&app, "Lines that still have problems");
        assert!(!s.contains("line 2:"), "{s}");
        type_text(&mut app, "y");
        shows(&app, "is final now");
    }
    assert_eq!(
        store.meeting(id).unwrap().status,
        wijkdesk::domain::meeting::MeetingStatus::Final
    );
    assert!(store.minutes(id).unwrap()[1].problems.is_empty());
}

/// After editing an earlier line the input line is back with what was being typed,
/// the lines stand where they stood, and keys are text again (not commands).
#[test]
fn after_editing_an_earlier_line_focus_and_scroll_return() {
    let db = TempDb::new("minutes-edit-return");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    {
        let mut app = app(&mut store);
        open_editor(&mut app, "Bezuidenhout");
        for i in 1..=45 {
            enter_line(&mut app, &format!("Regel nummer {i}"));
        }
        type_text(&mut app, "Half getypt");
        let before = screen(&app, W, H);
        for _ in 0..3 {
            press(&mut app, KeyCode::Up);
        }
        type_text(&mut app, "e");
        shows(&app, "Editing line 43");
        type_text(&mut app, " bewerkt");
        press(&mut app, KeyCode::Enter);
        let after = shows(&app, "Half getypt");
        let rows = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
        let (b, a) = (rows(&before), rows(&after));
        assert_eq!(a.len(), b.len());
        // The lines pane: row for row the same, but for the line edited.
        for (i, (x, y)) in b.iter().zip(&a).enumerate().take(b.len() - 4).skip(2) {
            if x != y {
                assert!(
                    x.contains("Regel nummer 43") && y.contains("Regel nummer 43 bewerkt"),
                    "row {i} moved:\n{x}\n{y}"
                );
            }
        }
        // A key that is a command among the lines (d: delete) is text in the input.
        type_text(&mut app, "d");
        let s = shows(&app, "Half getyptd");
        assert!(!s.contains("Delete line"), "{s}");
    }
    let lines = store.minutes(id).unwrap();
    assert_eq!(lines[42].text, "Regel nummer 43 bewerkt");
    assert_eq!(lines.len(), 45);
}

/// A commitment line naming two organisations shows both commitments it made.
#[test]
fn a_line_to_two_organisations_shows_both_commitments() {
    let db = TempDb::new("minutes-two-orgs");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    {
        let mut app = app(&mut store);
        open_editor(&mut app, "Bezuidenhout");
        enter_line(
            &mut app,
            "Toezegging org:Duinoord org:Zorgvliet: nieuwe bankjes due:+14d",
        );
        shows(&app, "Stored line 1: created C-");
    }
    let line = &store.minutes(id).unwrap()[0];
    let made = line.made();
    assert_eq!(made.len(), 2, "{line:?}");
    let mut app = app(&mut store);
    open_editor(&mut app, "Bezuidenhout");
    shows(&app, &format!("→ {}, {}", made[0], made[1]));
}

/// N on a meeting plans its follow-up: four weeks later proposed, the same
/// organisations, and the standard items around the open matters on its agenda.
#[test]
fn the_follow_up_key_plans_the_next_meeting() {
    let db = TempDb::new("minutes-follow-up");
    let mut store = db.demo();
    let id = meeting_id(&store, "Scheveningen");
    let before = store.meetings(1000).unwrap().len();
    {
        let mut app = app(&mut store);
        assert!(app.select_screen("meetings"));
        type_text(&mut app, "/");
        type_text(&mut app, "Scheveningen");
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "N");
        shows(&app, "Follow-up of M-");
        app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        shows(&app, "follow-up of M-");
    }
    let all = store.meetings(1000).unwrap();
    assert_eq!(all.len(), before + 1);
    let prev = store.meeting(id).unwrap();
    let new = all.iter().max_by_key(|m| m.id).unwrap();
    assert_eq!(new.starts_at, prev.starts_at + chrono::Duration::weeks(4));
    assert_eq!(
        (new.chair_id, new.minute_taker_id),
        (prev.chair_id, prev.minute_taker_id)
    );
    assert_eq!((&new.kind, &new.location), (&prev.kind, &prev.location));
    let orgs = |m| -> Vec<i64> {
        store
            .meeting_orgs(m)
            .unwrap()
            .iter()
            .map(|o| o.org_id)
            .collect()
    };
    assert_eq!(orgs(new.id), orgs(id));
    let agenda = store.agenda(new.id).unwrap();
    assert!(
        agenda[0]
            .title
            .starts_with("Opening and minutes of the previous meeting")
    );
    assert_eq!(agenda.last().unwrap().title, "Any other business");
    assert!(
        agenda.iter().any(|a| a.title.starts_with("C-")),
        "{agenda:?}"
    );
}
