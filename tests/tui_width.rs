//! Width and letters on the screens: titles with emoji families (ZWJ), flags,
//! variation selectors, CJK and stacked combining marks, planted in the database, never
//! shift a column nor push the border, and moving over them leaves nothing behind
//! (the frame after a change equals a fresh frame of the same state).

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;
use wijkdesk::store::{NewOrg, NewSignal};
use wijkdesk::tui::testing::{TempDb, press, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const TITLES: &[&str] = &[
    "👨‍👩‍👧‍👦 speeltuin voor het hele gezin in de wijk",
    "🇳🇱🇺🇦🇵🇸 vlaggen aan de gevel van het buurthuis",
    "❤\u{fe0f} buurtfeest ❤\u{fe0f} met ☕\u{fe0f} en 🧑🏽‍🦱",
    "日本語のタイトルはとても長いです長いです長いです",
    "Z\u{301}\u{302}\u{303}\u{304}\u{305}algo: gestapelde accenten op één letter",
    "Gewone titel zonder bijzondere tekens, lang genoeg om af te kappen",
];

/// (Compared by what shows: the symbols.) A terminal as ratatui assumes one: drawing a wide cluster covers the cells after
/// it too, whatever they held. TestBackend alone keeps their old symbols, which no
/// terminal shows; with this, "the frame after a change equals a fresh frame" is what
/// the user sees.
struct Term(TestBackend);

impl Backend for Term {
    type Error = core::convert::Infallible;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let blank = Cell::default();
        let mut cells: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, c) in content {
            cells.push((x, y, c.clone()));
            for k in 1..c.symbol().width() as u16 {
                cells.push((x + k, y, blank.clone()));
            }
        }
        self.0.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(p)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }
    fn clear_region(&mut self, t: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(t)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

/// The row's cells as (x, symbol), skipping the blank continuation cells of wide ones.
fn row(buf: &Buffer, y: u16) -> Vec<(u16, String)> {
    (0..buf.area.width)
        .map(|x| (x, buf[(x, y)].symbol().to_string()))
        .collect()
}

/// Where `needle` starts on row `y` (matching cell by cell), if it is there.
fn find(buf: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let cells = row(buf, y);
    let want: Vec<String> = needle.chars().map(|c| c.to_string()).collect();
    (0..cells.len().saturating_sub(want.len())).find_map(|i| {
        want.iter()
            .enumerate()
            .all(|(k, w)| cells[i + k].1 == *w)
            .then_some(cells[i].0)
    })
}

fn setup(db: &TempDb) -> wijkdesk::store::Store {
    let mut store = db.open();
    let org = store
        .add_org(NewOrg {
            name: "町内会 🏘\u{fe0f} Zeeheldenkwartier".into(),
            ..Default::default()
        })
        .unwrap();
    for t in TITLES {
        store
            .add_signal(NewSignal {
                title: (*t).into(),
                org_id: Some(org.id),
                ..Default::default()
            })
            .unwrap();
    }
    store
}

fn check_columns(buf: &Buffer, w: u16, view: &str) {
    // Every signal is due on the same day: its column starts at one x on every row.
    let due = "2026-01-29";
    let rows: Vec<u16> = (0..buf.area.height)
        .filter(|&y| find(buf, y, due).is_some())
        .collect();
    assert_eq!(rows.len(), TITLES.len(), "{view}: {}", text(buf));
    let at: Vec<u16> = rows.iter().map(|&y| find(buf, y, due).unwrap()).collect();
    assert!(
        at.iter().all(|&x| x == at[0]),
        "{view}: due column at {at:?}\n{}",
        text(buf)
    );
    // The right border stands in the last column of every row of the list.
    for &y in &rows {
        let last = buf[(w - 1, y)].symbol();
        assert!(
            last == "│" || last == "|",
            "{view}: row {y} ends in {last:?}\n{}",
            text(buf)
        );
    }
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row(buf, y).into_iter().map(|(_, s)| s).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn fresh(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t.backend().buffer().clone()
}

#[test]
fn hostile_titles_keep_every_column_in_place_and_leave_nothing_behind() {
    for (w, h) in [(100u16, 24u16), (80, 24), (132, 30)] {
        let db = TempDb::new("width");
        let mut store = setup(&db);
        let mut app = App::new(
            &mut store,
            Settings::new(Lang::En, true, false),
            Size {
                width: w,
                height: h,
            },
        );
        // One terminal kept across frames, as a real one is: only the differences are
        // written, so a wide character that is not cleared would stay behind.
        let mut term = Terminal::new(Term(TestBackend::new(w, h))).unwrap();
        term.draw(|f| app.draw(f)).unwrap();
        check_columns(term.backend().0.buffer(), w, &format!("inbox {w}x{h}"));
        for step in 0..TITLES.len() + 2 {
            press(&mut app, KeyCode::Down);
            term.draw(|f| app.draw(f)).unwrap();
            let kept = term.backend().0.buffer().clone();
            let new = fresh(&app, w, h);
            assert!(
                text(&kept) == text(&new),
                "{w}x{h} after {step} moves, the kept frame differs from a fresh one:\n{}\n---\n{}",
                text(&kept),
                text(&new)
            );
            check_columns(&kept, w, &format!("inbox {w}x{h} step {step}"));
        }
        // The filter narrows to a CJK title and back.
        type_text(&mut app, "/");
        type_text(&mut app, "tit");
        term.draw(|f| app.draw(f)).unwrap();
        press(&mut app, KeyCode::Esc);
        term.draw(|f| app.draw(f)).unwrap();
        let (kept, new) = (term.backend().0.buffer().clone(), fresh(&app, w, h));
        assert!(
            text(&kept) == text(&new),
            "{w}x{h} after the filter:\n{}\n---\n{}",
            text(&kept),
            text(&new)
        );
        // The Organisations screen with the wide name.
        type_text(&mut app, "4");
        term.draw(|f| app.draw(f)).unwrap();
        let buf = term.backend().0.buffer().clone();
        assert!(
            text(&buf) == text(&fresh(&app, w, h)),
            "{w}x{h} organisations"
        );
        let y = (0..h)
            .find(|&y| find(&buf, y, "Zeeheld").is_some() || find(&buf, y, "町").is_some())
            .unwrap_or_else(|| panic!("the organisation is listed:\n{}", text(&buf)));
        let last = buf[(w - 1, y)].symbol();
        assert!(
            last == "│" || last == "|",
            "{w}x{h}: {last:?}\n{}",
            text(&buf)
        );
    }
}
