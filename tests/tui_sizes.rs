//! Every screen and the main popups at 80×24, 100×30 and 120×40, in English and
//! Dutch, on the demo database with a fixed day (2026-01-15) and user (demo). Besides
//! the snapshots, each screen checks that at 80×24 no record ID (S-/C-/A-/M-/O-/P-)
//! and no date is cut: every one that shows is whole and is one the 120×40 frame of
//! the same state shows too.

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use std::collections::BTreeSet;
use wijkdesk::domain::{RecordKind, RecordRef};
use wijkdesk::tui::testing::{TempDb, ctrl, press, screen, type_text};
use wijkdesk::tui::worker::MailDone;
use wijkdesk::tui::{App, Lang, Settings};

const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (120, 40)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Nl, "nl")];

/// Render `setup` for every size and language, snapshot each frame, and check the
/// narrowest against the widest.
fn snap(name: &str, demo: bool, setup: impl Fn(&mut App)) {
    for (lang, code) in LANGS {
        let mut frames = Vec::new();
        for (w, h) in SIZES {
            let db = TempDb::new(name);
            let mut store = if demo { db.demo() } else { db.open() };
            let mut app = App::new(
                &mut store,
                Settings::new(lang, true, false),
                Size {
                    width: w,
                    height: h,
                },
            );
            setup(&mut app);
            let text = mask(&screen(&app, w, h), &db);
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), text);
            frames.push(text);
        }
        let (narrow, wide) = (&frames[0], &frames[SIZES.len() - 1]);
        no_cuts(&format!("{name} {code}"), narrow, wide);
    }
}

/// The frame without what differs from run to run: the database's path and file
/// name, and the clock times of changes made while the test ran.
fn mask(frame: &str, db: &TempDb) -> String {
    let path = db.path.display().to_string();
    let file = db.path.file_name().unwrap().to_string_lossy().to_string();
    let dir = db.dir.display().to_string();
    // The temporary path's length differs per run, and so does the padding after it.
    let text: String = frame
        .lines()
        .map(|l| match l.contains(&path) {
            true => format!(
                "{} |\n",
                l.replace(&path, "[DB]").trim_end_matches('│').trim_end()
            ),
            false => format!("{l}\n"),
        })
        .collect();
    let text = text.replace(&dir, "[DIR]").replace(&file, "[DB]");
    mask_times(&text)
}

/// `2026-01-15 10:42` → `2026-01-15 hh:mm` where the day is today's (fixed) and the
/// clock is when the test ran.
fn mask_times(s: &str) -> String {
    let today = "2026-01-15 ";
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(today) {
        let (head, tail) = rest.split_at(i + today.len());
        out.push_str(head);
        let b = tail.as_bytes();
        if b.len() >= 5
            && b[0].is_ascii_digit()
            && b[1].is_ascii_digit()
            && b[2] == b':'
            && b[3].is_ascii_digit()
            && b[4].is_ascii_digit()
        {
            out.push_str("hh:mm");
            rest = &tail[5..];
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// Record IDs and dates in a frame, as (text, cut): cut when the token runs into an
/// ellipsis or is shorter than its kind (a date that is not yyyy-mm-dd, an ID with no
/// number).
fn tokens(frame: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for line in frame.lines() {
        let c: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < c.len() {
            let starts_word = i == 0 || !c[i - 1].is_alphanumeric();
            // An ID: one of the record letters, a hyphen, digits.
            if starts_word
                && "SCAMOP".contains(c[i])
                && c.get(i + 1) == Some(&'-')
                && c.get(i + 2).is_none_or(|d| d.is_ascii_digit() || *d == '…')
            {
                let mut j = i + 2;
                while j < c.len() && c[j].is_ascii_digit() {
                    j += 1;
                }
                let tok: String = c[i..j].iter().collect();
                let cut = j == i + 2 || c.get(j) == Some(&'…');
                out.push((tok, cut));
                i = j;
                continue;
            }
            // A date: four digits and a hyphen, then as much as shows.
            if starts_word
                && i + 5 <= c.len()
                && c[i..i + 4].iter().all(char::is_ascii_digit)
                && c[i + 4] == '-'
            {
                let mut j = i + 5;
                while j < c.len() && (c[j].is_ascii_digit() || c[j] == '-') && j < i + 10 {
                    j += 1;
                }
                let tok: String = c[i..j].iter().collect();
                let whole = tok.len() == 10
                    && tok.as_bytes()[7] == b'-'
                    && c.get(j).is_none_or(|n| !n.is_ascii_digit() && *n != '…');
                out.push((tok, !whole));
                i = j;
                continue;
            }
            i += 1;
        }
    }
    out
}

fn no_cuts(view: &str, narrow: &str, wide: &str) {
    let seen: BTreeSet<String> = tokens(wide).into_iter().map(|(t, _)| t).collect();
    for (tok, cut) in tokens(narrow) {
        assert!(
            !cut && seen.contains(&tok),
            "{view}: {tok:?} is cut at 80x24 (at 120x40: {seen:?})\n{narrow}"
        );
    }
}

fn filter(app: &mut App, text: &str) {
    type_text(app, "/");
    type_text(app, text);
    press(app, KeyCode::Enter);
}

#[test]
fn welcome() {
    snap("welcome", false, |_| {});
}

#[test]
fn inbox() {
    snap("inbox", true, |app| press(app, KeyCode::Down));
}

#[test]
fn signal_detail() {
    snap("signal_detail", true, |app| {
        filter(app, "Overlast van jongeren");
        press(app, KeyCode::Enter);
    });
}

#[test]
fn tracker() {
    snap("tracker", true, |app| {
        assert!(app.select_screen("tracker"));
        press(app, KeyCode::Down);
    });
}

#[test]
fn meetings() {
    snap("meetings", true, |app| {
        assert!(app.select_screen("meetings"));
        press(app, KeyCode::Down);
    });
}

#[test]
fn minutes_editor() {
    snap("minutes_editor", true, |app| {
        assert!(app.select_screen("meetings"));
        filter(app, "Bezuidenhout");
        press(app, KeyCode::Enter);
        for line in [
            "Opening door de voorzitter",
            "A: Verslag rondsturen naar alle leden @demo due:2026-02-01",
            "T: Terugkoppeling over de oversteek due:2026-02-15",
        ] {
            type_text(app, line);
            press(app, KeyCode::Enter);
        }
    });
}

#[test]
fn minutes_view() {
    snap("minutes_view", true, |app| {
        assert!(app.select_screen("meetings"));
        filter(app, "april 2024");
        press(app, KeyCode::Enter);
    });
}

#[test]
fn organisations() {
    snap("organisations", true, |app| {
        assert!(app.select_screen("organisations"));
        press(app, KeyCode::Down);
        press(app, KeyCode::Down);
    });
}

#[test]
fn people() {
    snap("people", true, |app| {
        assert!(app.select_screen("people"));
        press(app, KeyCode::Down);
    });
}

#[test]
fn reports() {
    snap("reports", true, |app| {
        assert!(app.select_screen("reports"));
    });
}

#[test]
fn triage_popup() {
    snap("triage", true, |app| {
        filter(app, "Parkeerdruk");
        type_text(app, "t");
        type_text(app, "ing");
    });
}

#[test]
fn feedback_popup() {
    snap("feedback", true, |app| {
        filter(app, "Overlast van jongeren");
        type_text(app, "f");
        press(app, KeyCode::Tab);
        press(app, KeyCode::Tab);
        press(app, KeyCode::Right);
    });
}

#[test]
fn who_does_what_popup() {
    snap("who", true, |app| {
        type_text(app, "w");
        type_text(app, "segb");
        press(app, KeyCode::Enter);
        type_text(app, "groen");
    });
}

#[test]
fn help_popup() {
    snap("help", true, |app| type_text(app, "?"));
}

#[test]
fn palette_popup() {
    snap("palette", true, |app| type_text(app, ":who"));
}

#[test]
fn jump_popup() {
    snap("jump", true, |app| {
        app.on_key(ctrl('p'));
        type_text(app, "duin");
    });
}

/// A long Dutch refusal at 80 columns wraps onto the lines it needs: every word of
/// it shows.
#[test]
fn a_long_message_is_never_cut() {
    let db = TempDb::new("long-message");
    let mut store = db.demo();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::Nl, true, false),
        Size {
            width: 80,
            height: 24,
        },
    );
    // A send that failed, as the mail thread reports it: the shell's status line.
    let why = "de mailserver weigerde de verbinding (535 authenticatie mislukt); het bericht staat in de outbox van Bewonersorganisatie Zeeheldenkwartier, probeer het later opnieuw met wijkdesk mail retry 3";
    let failed = wijkdesk::domain::Problem::StatementNotSent {
        error: why.to_string(),
    };
    let long = format!("S-12: {}", Lang::Nl.problem(&failed));
    app.on_mail(MailDone {
        signal: RecordRef::new(RecordKind::Signal, 12),
        result: Err(failed),
    });
    let frame = screen(&app, 80, 24);
    let shown: String = frame
        .lines()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    for word in long.split(' ') {
        assert!(shown.contains(word), "{word:?} is not shown:\n{frame}");
    }
}

/// At a million signals IDs have seven digits: at 80 columns the ID column grows to
/// show them whole (at a fixed seven columns it cut them).
#[test]
fn a_seven_digit_id_is_whole_at_80_columns() {
    let db = TempDb::new("long-id");
    let mut store = db.demo();
    // A copy of S-1 under a seven-digit ID, as a large database has.
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    wijkdesk::store::keep_figures(&conn).unwrap();
    // The stored columns (not the generated ones), ID first.
    let cols: String = conn
        .query_row(
            "SELECT group_concat(name, ', ') FROM pragma_table_info('signal') WHERE name <> 'id'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        &format!("INSERT INTO signal (id, {cols}) SELECT 1234567, {cols} FROM signal WHERE id = 1"),
        [],
    )
    .unwrap();
    drop(conn);
    for (lang, _) in LANGS {
        let mut app = App::new(
            &mut store,
            Settings::new(lang, true, false),
            Size {
                width: 80,
                height: 24,
            },
        );
        filter(&mut app, "Losse stoeptegels");
        let frame = screen(&app, 80, 24);
        assert!(
            tokens(&frame).contains(&("S-1234567".to_string(), false)),
            "S-1234567 is not shown whole:\n{frame}"
        );
    }
}
