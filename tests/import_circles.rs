//! Imports run one way. These pin the circles that were broken: a file below must not
//! name the file above it again (comments are not read: a doc link is no import).

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of `path` without its comments.
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` (a folder or one file) whose code names one of `names`.
fn naming(dir: &str, names: &[&str]) -> Vec<String> {
    let dir = root().join(dir);
    let mut files = Vec::new();
    if dir.is_dir() {
        sources(&dir, &mut files);
    } else {
        files.push(dir.clone());
    }
    assert!(!files.is_empty(), "no source files under {}", dir.display());
    let mut found = Vec::new();
    for f in files {
        let code = code(&f);
        for name in names {
            if code.contains(name) {
                found.push(format!("{} names {name}", f.display()));
            }
        }
    }
    found
}

#[test]
fn nothing_below_the_command_line_imports_it() {
    let mut found = Vec::new();
    for dir in [
        "src/tui",
        "src/sheets",
        "src/store",
        "src/domain",
        "src/mail.rs",
        "src/meeting_mail.rs",
    ] {
        found.extend(naming(dir, &["crate::cli"]));
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn mail_does_not_import_meeting_mail() {
    let found = naming("src/mail.rs", &["meeting_mail::"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn shared_leaves_import_none_of_their_users() {
    let mut found = naming(
        "src/drafts.rs",
        &["restore::", "feedback::", "triage::", "quick_add::"],
    );
    found.extend(naming(
        "src/tui/screens/minutes_parts.rs",
        &[
            "minutes_editor",
            "minutes_view",
            "minutes_syntax",
            "meeting_mail",
        ],
    ));
    found.extend(naming("src/sheets", &["popups", "screens"]));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn popups_write_drafts_without_restore_and_the_stack_of_screens_runs_down() {
    let mut found = Vec::new();
    for popup in ["feedback.rs", "quick_add.rs", "triage"] {
        found.extend(naming(&format!("src/tui/popups/{popup}"), &["restore::"]));
    }
    // The drawing imports the state it draws; the state calls it as its own methods.
    found.extend(naming("src/tui/screens/minutes_editor", &["minutes_view"]));
    found.extend(naming("src/tui/screens/reports.rs", &["reports_draw"]));
    for f in ["meeting_mail", "minutes_syntax"] {
        found.extend(naming(
            &format!("src/tui/screens/{f}.rs"),
            &["minutes_editor", "minutes_view"],
        ));
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn only_the_command_line_starts_the_screens_and_nothing_else_reaches_into_them() {
    // The config file, the draft files and the store's test database are shared: the
    // layers below the screens never name them.
    let mut found = Vec::new();
    for dir in [
        "src/config.rs",
        "src/drafts.rs",
        "src/files.rs",
        "src/account.rs",
        "src/mail.rs",
        "src/meeting_mail.rs",
        "src/demo",
        "src/domain",
        "src/sheets",
        "src/store",
        "src/words",
    ] {
        found.extend(naming(dir, &["crate::tui", "super::tui"]));
    }
    // The command line starts the screens (run, Options, snapshot) and takes nothing
    // else from them.
    let mut cli = Vec::new();
    sources(&root().join("src/cli"), &mut cli);
    for f in cli {
        let code = code(&f);
        let mut rest = code.as_str();
        while let Some(at) = rest.find("crate::tui::") {
            rest = &rest[at + "crate::tui::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !["run", "Options", "snapshot"].contains(&name.as_str()) {
                found.push(format!("{} names crate::tui::{name}", f.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
