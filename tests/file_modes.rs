//! Every file wijkdesk writes is private from its first byte (0600, folders 0700),
//! whatever the umask, and a planted symbolic link is never followed.
//!
//! One test function: the umask belongs to the whole process, so nothing else may run
//! beside it in this binary.

#![cfg(unix)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use support::cli::Env;

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o777
}

fn assert_private(p: &Path, umask: u32) {
    let want = if p.is_dir() { 0o700 } else { 0o600 };
    assert_eq!(
        mode(p),
        want,
        "{} has mode {:o} under umask {umask:03o}",
        p.display(),
        mode(p)
    );
}

fn writers_under(umask: u32) {
    let env = Env::new();
    env.ok(&["demo"]);
    assert_private(&env.db, umask);
    let out = env.dir().join(format!("out-{umask:o}"));
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    let p = |name: &str| out.join(name);
    let s = |path: &Path| path.to_str().unwrap().to_string();

    // A database in folders that do not exist yet.
    let nested = out.join("new/sub/team.db");
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_wijkdesk"))
        .env("WIJKDESK_USER", "tester")
        .arg("--db")
        .arg(&nested)
        .arg("init")
        .assert()
        .success();
    assert_private(&nested, umask);
    assert_private(&out.join("new"), umask);
    assert_private(&out.join("new/sub"), umask);

    env.ok(&["backup", &s(&p("backup.db"))]);
    assert_private(&p("backup.db"), umask);

    // New files and files that were there, world-readable, before.
    for (name, args) in [
        ("orgs.csv", vec!["org", "export"]),
        ("people.csv", vec!["person", "export-all"]),
        (
            "people.json",
            vec!["person", "export-all", "--format", "json"],
        ),
        ("minutes.md", vec!["minutes", "export", "M-1"]),
        ("meetings.ics", vec!["meeting", "export"]),
    ] {
        for existed in [false, true] {
            let file = p(name);
            if existed {
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
            }
            let mut a = args.clone();
            let path = s(&file);
            a.extend(["-o", &path]);
            env.ok(&a);
            assert_private(&file, umask);
            assert!(
                std::fs::metadata(&file).unwrap().len() > 0,
                "{name} is empty"
            );
        }
    }

    // Drafts, the .eml of feedback by mail, the person export of the screens and the
    // editor's temporary file, written in this process under the same umask.
    let drafts = out.join("drafts/deeper");
    let draft = wijkdesk::drafts::save_in(
        &drafts,
        &wijkdesk::tui::popups::form::FormDraft {
            kind: "organisation".into(),
            db: "/x.db".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_private(&draft, umask);
    assert_private(&drafts, umask);
    assert_private(&out.join("drafts"), umask);
    // A drafts folder an older version left world-readable is narrowed.
    let wide = out.join("wide-drafts");
    std::fs::create_dir(&wide).unwrap();
    std::fs::set_permissions(&wide, std::fs::Permissions::from_mode(0o755)).unwrap();
    let draft = wijkdesk::drafts::save_in(&wide, &Default::default()).unwrap();
    assert_private(&wide, umask);
    assert_private(&draft, umask);

    let eml_dir = out.join("mail");
    let message = wijkdesk::mail::compose(
        None,
        &wijkdesk::mail::Outgoing {
            to: "b@example.org".into(),
            bcc: Vec::new(),
            subject: "Terugkoppeling".into(),
            body: "Hallo".into(),
            sender_name: None,
            message_id: "m1@wijkdesk".into(),
        },
    )
    .unwrap();
    match wijkdesk::mail::deliver(None, &message, &eml_dir).unwrap() {
        wijkdesk::mail::Delivery::Draft(path) => assert_private(&path, umask),
        other => panic!("expected an .eml draft, got {other:?}"),
    }
    assert_private(&eml_dir, umask);

    let store = wijkdesk::store::Store::open(&env.db, wijkdesk::store::Ctx::from_env()).unwrap();
    let avg_dir = out.join("avg");
    let export = wijkdesk::tui::screens::people::avg::write_export(
        &store,
        1,
        &avg_dir,
        wijkdesk::words::Lang::En,
    )
    .unwrap();
    assert_private(&export, umask);
    assert_private(&avg_dir, umask);
    // Again over a wide older file.
    std::fs::set_permissions(&export, std::fs::Permissions::from_mode(0o644)).unwrap();
    wijkdesk::tui::screens::people::avg::write_export(
        &store,
        1,
        &avg_dir,
        wijkdesk::words::Lang::En,
    )
    .unwrap();
    assert_private(&export, umask);

    // Minutes exported from the Meetings screen (`x`), into the current folder: private,
    // and never through a link planted at the next free name.
    let here = std::env::current_dir().unwrap();
    let screens = out.join("screens");
    std::fs::create_dir(&screens).unwrap();
    std::env::set_current_dir(&screens).unwrap();
    {
        let mut store =
            wijkdesk::store::Store::open(&env.db, wijkdesk::store::Ctx::from_env()).unwrap();
        let mut app = wijkdesk::tui::App::new(
            &mut store,
            wijkdesk::tui::Settings::new(wijkdesk::tui::Lang::En, true, false),
            ratatui::layout::Size {
                width: 120,
                height: 30,
            },
        );
        assert!(app.select_screen("meetings"));
        wijkdesk::tui::testing::type_text(&mut app, "x");
        let written: Vec<_> = std::fs::read_dir(&screens)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(written.len(), 1, "{:?} {:?}", written, app.status());
        assert_private(&written[0], umask);
        let first = written[0]
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let victim = out.join("screens-victim.txt");
        std::fs::write(&victim, "keep me").unwrap();
        let planted = screens.join(first.replace(".md", "-2.md"));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        wijkdesk::tui::testing::type_text(&mut app, "x");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        let third = screens.join(first.replace(".md", "-3.md"));
        assert_private(&third, umask);
    }
    std::env::set_current_dir(here).unwrap();

    let tmp = wijkdesk::files::private_temp_dir("wijkdesk-edit").unwrap();
    let text = tmp.join("text.txt");
    wijkdesk::files::write_new(&text, b"minutes").unwrap();
    assert_private(&tmp, umask);
    assert_private(&text, umask);
    std::fs::remove_dir_all(&tmp).unwrap();
}

fn links_are_not_followed() {
    let env = Env::new();
    env.ok(&["demo"]);
    let dir = env.dir();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    let s = |path: &Path| path.to_str().unwrap().to_string();

    // Exports replace the link itself.
    for (i, args) in [
        vec!["org", "export"],
        vec!["minutes", "export", "M-1"],
        vec!["meeting", "export"],
    ]
    .into_iter()
    .enumerate()
    {
        let link = dir.join(format!("link-{i}"));
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let mut a = args.clone();
        let path = s(&link);
        a.extend(["-o", &path]);
        env.ok(&a);
        assert!(
            !std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(mode(&link), 0o600);
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(mode(&victim), 0o644);

    // A backup never writes through a link, dangling or not.
    let dangling_target = dir.join("made-by-the-link.db");
    let dangling = dir.join("dangling.db");
    std::os::unix::fs::symlink(&dangling_target, &dangling).unwrap();
    env.fails(&["backup", &s(&dangling)], 1);
    assert!(!dangling_target.exists(), "the backup followed the link");
    let to_victim = dir.join("to-victim.db");
    std::os::unix::fs::symlink(&victim, &to_victim).unwrap();
    env.fails(&["backup", &s(&to_victim)], 1);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");

    // A new file in a planted link's place is refused.
    let planted = dir.join("planted");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    assert!(wijkdesk::files::write_new(&planted, b"x").is_err());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}

/// A backup that fails half-way (a full disk; here a file-size limit) leaves no file
/// behind, not even a hidden one, and the next backup to the same name works.
fn a_failed_backup_leaves_nothing() {
    let env = Env::new();
    env.ok(&["demo"]);
    let dir = env.dir().join("backups");
    std::fs::create_dir(&dir).unwrap();
    let target = dir.join("nightly.db");
    let out = std::process::Command::new("sh")
        .args([
            "-c",
            "ulimit -f 400; exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_wijkdesk"),
            "--db",
        ])
        .arg(&env.db)
        .arg("backup")
        .arg(&target)
        .env("WIJKDESK_USER", "tester")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: cannot write") && stderr.lines().count() == 1,
        "{stderr}"
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "a failed backup left {left:?}");
    env.ok(&["backup", target.to_str().unwrap()]);
    assert_private(&target, 0o022);
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn every_writer_makes_private_files_under_any_umask() {
    for umask in [0o022, 0o000] {
        // SAFETY: umask() only swaps the process's mask; this is the only test here.
        let old = unsafe { libc::umask(umask as libc::mode_t) };
        writers_under(umask);
        unsafe { libc::umask(old) };
    }
    links_are_not_followed();
    a_failed_backup_leaves_nothing();
}
