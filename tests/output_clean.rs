//! Text that reached the database by another route (a restore, another tool, an older
//! version) carries control and bidi characters; no output may pass them on raw.

mod support;

use support::cli::Env;

/// A window title, a bell, a screen clear, a C1 CSI, a right-to-left override, an
/// isolate, a lone carriage return and a backspace.
const PLANTED: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}evil\u{2066}\r\u{8}x";

/// Plants the bytes straight into the database, past every check on the way in.
fn plant(env: &Env) {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    wijkdesk::store::keep_figures(&conn).unwrap();
    let p = PLANTED;
    for sql in [
        format!(
            "UPDATE organisation SET name = name || '{p}', notes = notes || '{p}', district = district || '{p}'"
        ),
        format!(
            "UPDATE person SET name = name || '{p}', role = role || '{p}', notes = notes || '{p}'"
        ),
        format!("UPDATE signal SET title = title || '{p}', body = body || '{p}'"),
        format!("UPDATE feedback SET text = text || '{p}'"),
        format!("UPDATE commitment SET text = text || '{p}'"),
        format!("UPDATE action SET text = text || '{p}'"),
        format!("UPDATE meeting SET title = title || '{p}', location = location || '{p}'"),
        format!("UPDATE agenda_item SET title = title || '{p}'"),
        format!("UPDATE minute SET text = text || '{p}'"),
    ] {
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}

/// The first forbidden character in `out`, with its offset: ESC and the other C0
/// controls (but `\n`, `\t` and the `\r` of `\r\n`), DEL, C1 controls, bidi overrides
/// and isolates.
fn forbidden(out: &str) -> Option<(usize, char)> {
    let b = out.as_bytes();
    out.char_indices().find(|&(i, c)| match c {
        '\n' | '\t' => false,
        '\r' => b.get(i + 1) != Some(&b'\n'),
        '\0'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    })
}

fn assert_clean(what: &str, out: &str) {
    if let Some((i, c)) = forbidden(out) {
        let from = out[..i]
            .char_indices()
            .rev()
            .nth(40)
            .map(|(j, _)| j)
            .unwrap_or(0);
        panic!("{what}: {c:?} at byte {i}, after {:?}", &out[from..i]);
    }
}

#[test]
fn every_output_makes_planted_bytes_harmless() {
    let env = Env::new();
    env.ok(&["demo"]);
    plant(&env);
    // The planted text must really be there, or the scan proves nothing.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let planted: i64 = conn
        .query_row(
            "SELECT count(*) FROM signal WHERE instr(title, char(27) || '[2J') > 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(planted > 0, "the bytes were not planted");
    drop(conn);
    let commands: Vec<Vec<&str>> = vec![
        vec!["org", "list"],
        vec!["org", "list", "--json"],
        vec!["org", "show", "O-1"],
        vec!["org", "show", "O-1", "--json"],
        vec!["org", "export"],
        vec!["org", "export", "--excel"],
        vec!["org", "export", "--format", "json"],
        vec!["person", "list"],
        vec!["person", "list", "--json"],
        vec!["person", "show", "P-1"],
        vec!["person", "show", "P-1", "--json"],
        vec!["person", "export-all"],
        vec!["person", "export-all", "--format", "json"],
        vec!["signal", "list"],
        vec!["signal", "list", "--json"],
        vec!["signal", "show", "S-1"],
        vec!["signal", "show", "S-1", "--json"],
        vec!["commitment", "list"],
        vec!["commitment", "list", "--json"],
        vec!["commitment", "show", "C-1"],
        vec!["action", "list"],
        vec!["action", "list", "--json"],
        vec!["action", "show", "A-1"],
        vec!["meeting", "list"],
        vec!["meeting", "list", "--json"],
        vec!["meeting", "show", "M-1"],
        vec!["meeting", "show", "M-1", "--json"],
        vec!["meeting", "agenda", "M-1"],
        vec!["meeting", "export", "--from", "2020-01-01"],
        vec!["minutes", "list", "M-1"],
        vec!["minutes", "export", "M-1"],
        vec!["minutes", "export", "M-2"],
        vec!["search", "evil"],
        vec!["search", "evil", "--json"],
        vec!["history", "S-1"],
        vec!["history", "O-1", "--json"],
        vec!["digest", "--user", "P-1"],
    ];
    let mut commands = commands;
    let reports = ["loop", "commitments", "cadence", "load"];
    for r in reports {
        for f in ["table", "csv", "md", "json"] {
            commands.push(vec!["report", r, "--format", f]);
        }
    }
    for args in &commands {
        let out = env.ok(args);
        assert!(!out.trim().is_empty(), "{args:?} printed nothing");
        assert_clean(&format!("{args:?}"), &out);
    }
    // The same exports written to files.
    for (i, args) in [
        vec!["org", "export"],
        vec!["person", "export-all"],
        vec!["minutes", "export", "M-1"],
        vec!["meeting", "export", "--from", "2020-01-01"],
    ]
    .iter()
    .enumerate()
    {
        let file = env.dir().join(format!("out-{i}"));
        let mut with_o = args.clone();
        with_o.extend(["-o", file.to_str().unwrap()]);
        env.ok(&with_o);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.trim().is_empty(), "{args:?} -o wrote nothing");
        assert_clean(&format!("{args:?} -o"), &text);
    }
}
