//! Golden files in tests/golden: a document compared with the file kept in the
//! repository, and `UPDATE_GOLDEN=1` to write it after a change that is meant.

use std::path::PathBuf;

/// The lines that differ, numbered, as `-expected` / `+actual`.
pub fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = Vec::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            out.push(format!("line {}:", i + 1));
            if let Some(x) = x {
                out.push(format!("  -{x}"));
            }
            if let Some(y) = y {
                out.push(format!("  +{y}"));
            }
        }
        if out.len() > 60 {
            out.push("  …".into());
            break;
        }
    }
    if out.is_empty() && expected != actual {
        out.push("the files differ in line endings or a final newline".into());
    }
    out.join("\n")
}

/// `actual` equals tests/golden/`name`; `test` names the test file for the message.
pub fn check(name: &str, actual: &str, test: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from {} (-golden +now):\n{}\n\nIf the change is intended, run \
         UPDATE_GOLDEN=1 cargo test --test {test} and review the diff.",
        path.display(),
        diff(&expected, actual)
    );
}
