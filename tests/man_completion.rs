//! `wijkdesk man --dir`: a page per command, each naming only pages that exist, with
//! EXAMPLES, ENVIRONMENT and FILES; and bash completion of record IDs and names from
//! the database, run in bash itself.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use support::cli::*;

fn pages(env: &Env) -> std::path::PathBuf {
    let dir = env.dir().join("man1");
    let listed = env.ok(&["man", "--dir", dir.to_str().unwrap()]);
    assert!(listed.lines().count() > 50, "{listed}");
    dir
}

/// `wijkdesk-meeting-add(1)` and the like, as roff writes them (`\-` for a hyphen).
fn references(page: &str) -> BTreeSet<String> {
    let text = page.replace("\\-", "-");
    let mut out = BTreeSet::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("(1)") {
        let before = &rest[..at];
        let start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .map_or(0, |i| i + 1);
        let name = &before[start..];
        if !name.is_empty() {
            out.insert(name.to_string());
        }
        rest = &rest[at + 3..];
    }
    out
}

#[test]
fn every_page_names_only_pages_that_exist() {
    let env = Env::new();
    let dir = pages(&env);
    for must in [
        "wijkdesk.1",
        "wijkdesk-meeting-add.1",
        "wijkdesk-report-all.1",
        "wijkdesk-signal-triage.1",
    ] {
        assert!(dir.join(must).exists(), "{must} missing");
    }
    let mut names = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let page = std::fs::read_to_string(&path).unwrap();
        for r in references(&page) {
            names += 1;
            assert!(
                dir.join(format!("{r}.1")).exists(),
                "{} names {r}(1), which was not written",
                path.display()
            );
        }
        assert!(!page.contains("wijkdesk-help"), "{}", path.display());
        // Minimal roff: a title first, and sections every page has.
        assert!(
            page.starts_with(".ie") || page.starts_with(".TH"),
            "{}",
            path.display()
        );
        assert!(page.contains("\n.TH "), "{}", path.display());
        for section in ["NAME", "SYNOPSIS", "ENVIRONMENT", "FILES"] {
            assert!(
                page.contains(&format!(".SH {section}")),
                "{} has no {section}",
                path.display()
            );
        }
    }
    assert!(names > 100, "the pages name each other: {names}");
    // The page of a command with examples shows them; its SEE ALSO names its parent.
    let add = std::fs::read_to_string(dir.join("wijkdesk-meeting-add.1")).unwrap();
    assert!(
        add.contains(".SH EXAMPLES") && add.contains("Overleg Duinoord"),
        "{add}"
    );
    assert!(references(&add).contains("wijkdesk-meeting"), "{add}");
    // A single page to standard output, by the words of the command.
    let one = env.ok(&["man", "meeting", "add"]);
    assert_eq!(
        one,
        std::fs::read_to_string(dir.join("wijkdesk-meeting-add.1")).unwrap()
    );
    let err = env.fails(&["man", "meeting", "adx"], 1);
    assert!(err.contains("no command \"meeting adx\""), "{err}");
}

/// Every variable the code reads with `env::var("…")` is in ENVIRONMENT.
#[test]
fn environment_lists_every_variable_the_code_reads() {
    let env = Env::new();
    let page = env.ok(&["man"]);
    let section = page
        .split(".SH ENVIRONMENT")
        .nth(1)
        .and_then(|s| s.split(".SH FILES").next())
        .expect("an ENVIRONMENT section")
        .replace("\\-", "-");
    let mut read = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for part in text.split("env::var").skip(1) {
                    let part = part.trim_start_matches("_os");
                    if let Some(name) = part.strip_prefix("(\"").and_then(|s| s.split('"').next()) {
                        read.insert(name.to_string());
                    }
                }
                // clap's `env = "NAME"`, not `target_env = "gnu"` in a cfg.
                let parts: Vec<&str> = text.split("env = \"").collect();
                for (before, part) in parts.iter().zip(parts.iter().skip(1)) {
                    if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    read.insert(part.split('"').next().unwrap().to_string());
                }
            }
        }
    }
    assert!(
        read.contains("WIJKDESK_DB") && read.contains("TERM"),
        "{read:?}"
    );
    for name in read {
        assert!(
            section.contains(&name),
            "ENVIRONMENT does not mention {name}"
        );
    }
    for file in ["wijkdesk.db", "config.toml", "drafts", ".lock", "outbox"] {
        assert!(page.contains(file), "FILES does not mention {file}");
    }
}

/// `man -l` renders every top-level page without a warning.
#[test]
fn man_renders_the_pages() {
    let env = Env::new();
    let dir = pages(&env);
    let man = Command::new("man").arg("--version").output();
    assert!(
        man.is_ok_and(|o| o.status.success()),
        "man is needed to render the pages (Debian: man-db)"
    );
    let mut shown = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The main page and one level of commands, plus one deeper page.
        if name.matches('-').count() > 1 && name != "wijkdesk-meeting-add.1" {
            continue;
        }
        let out = Command::new("man")
            .args(["--warnings", "-l"])
            .arg(&path)
            .env("MANWIDTH", "80")
            .env_remove("MAN_KEEP_FORMATTING")
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("run man");
        let text = String::from_utf8_lossy(&out.stdout);
        let warnings = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {warnings}");
        assert!(warnings.trim().is_empty(), "{name}: {warnings}");
        assert!(
            text.contains("ENVIRONMENT") && text.contains("FILES"),
            "{name}"
        );
        shown += 1;
    }
    assert!(shown > 20, "{shown} pages rendered");
}

/// Completion in bash: the script `wijkdesk completions bash` prints, its function
/// called as bash calls it on Tab, against the demo database.
fn complete(env: &Env, line: &[&str]) -> Vec<String> {
    let bin = env!("CARGO_BIN_EXE_wijkdesk");
    let script = env.ok(&["completions", "bash"]);
    let script_path = env.dir().join("wijkdesk.bash");
    std::fs::write(&script_path, script).unwrap();
    let quote = |w: &str| format!("'{}'", w.replace('\'', "'\\''"));
    let mut words = vec![quote(bin), quote("--db"), quote(env.db.to_str().unwrap())];
    words.extend(line.iter().map(|w| quote(w)));
    let cword = words.len() - 1;
    let prev = if cword > 0 {
        words[cword - 1].clone()
    } else {
        String::new()
    };
    let program = format!(
        "source {script}\nCOMP_WORDS=({words})\nCOMP_CWORD={cword}\n\
         _wijkdesk_records {bin} {cur} {prev}\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script = quote(script_path.to_str().unwrap()),
        words = words.join(" "),
        bin = quote(bin),
        cur = words[cword],
    );
    let out = Command::new("bash")
        .arg("--norc")
        .arg("-c")
        .arg(program)
        .env("WIJKDESK_TODAY", TODAY)
        .env_remove("WIJKDESK_DB")
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_ids_and_names_from_the_database() {
    let env = Env::new();
    env.ok(&["demo"]);
    let ids = |kind: &str| -> Vec<String> {
        let v = env.json(&[kind, "list", "--json"]);
        let list = v.as_array().cloned().unwrap_or_else(|| {
            v.as_object()
                .and_then(|o| o.values().find_map(|x| x.as_array().cloned()))
                .unwrap_or_default()
        });
        list.iter()
            .filter_map(|r| r["ref"].as_str().or(r["id"].as_str()).map(str::to_string))
            .collect()
    };

    // Signal IDs after `signal show`, only those starting with what is typed.
    let got = complete(&env, &["signal", "show", "S-1"]);
    assert!(!got.is_empty());
    assert!(
        got.iter().all(|c| c == "S-1" || c.starts_with("S-1")),
        "{got:?}"
    );
    assert!(
        got.contains(&"S-1".to_string()) && got.contains(&"S-12".to_string()),
        "{got:?}"
    );
    let signals = ids("signal");
    for c in &got {
        assert!(
            signals.contains(c) || signals.is_empty(),
            "{c} is not a signal"
        );
    }
    // A meeting after `--meeting`, a commitment ID for `history`.
    let got = complete(&env, &["action", "add", "--meeting", ""]);
    assert!(
        !got.is_empty() && got.iter().all(|c| c.starts_with("M-")),
        "{got:?}"
    );
    let got = complete(&env, &["history", "c1"]);
    assert!(got.contains(&"C-1".to_string()), "{got:?}");

    // Organisation names after --org, escaped for the shell.
    let got = complete(&env, &["signal", "list", "--org", "Bewonersorganisatie B"]);
    assert!(
        got.contains(&"Bewonersorganisatie\\ Binckhorst".to_string()),
        "{got:?}"
    );
    assert!(
        got.iter().all(|c| c.starts_with("Bewonersorganisatie\\ B")),
        "{got:?}"
    );
    // The same typed with a backslash, as bash passes it after an escaped space.
    let again = complete(
        &env,
        &["signal", "list", "--org", "Bewonersorganisatie\\ B"],
    );
    assert_eq!(again, got);
    // People after --owner (people and services), by name.
    let got = complete(&env, &["signal", "triage", "S-1", "--owner", "Pete"]);
    assert_eq!(got, vec!["Peter\\ van\\ Dijk".to_string()]);
    let got = complete(&env, &["signal", "triage", "S-1", "--owner", "DS"]);
    assert!(
        got.contains(&"DSB".to_string()) || got.iter().any(|c| c.starts_with("DS")),
        "{got:?}"
    );

    // Commands and flags still come from clap's script.
    assert_eq!(complete(&env, &["sig"]), vec!["signal".to_string()]);
    let got = complete(&env, &["signal", "list", "--ov"]);
    assert_eq!(got, vec!["--overdue".to_string()]);
}
