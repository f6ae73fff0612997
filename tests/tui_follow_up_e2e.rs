//! Finalising and following up a meeting with the real binary in tmux: a line whose
//! owner does not resolve makes finalising list it and ask, "n" goes back to that
//! line; N on the Meetings screen plans the follow-up, which the command line then
//! shows with the same organisations and the standard agenda. Waits for screen text
//! with a timeout, never a fixed sleep.

mod support;

use support::e2e::*;

#[test]
fn finalise_asks_about_a_problem_line_and_n_plans_the_follow_up() {
    let tmux = Tmux::new("follow-up");
    let home = fresh_home("follow-up");
    let db = home.join("follow-up.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    let command = screens_command(&home, &db);
    tmux.start(120, 40, &command);
    // Scheveningen was held, its minutes are not final yet.
    open_minutes(&tmux, "Scheveningen");
    tmux.text("A: Bankjes regelen @zzniemand");
    tmux.wait_for("draft saved", 10);
    tmux.keys(&["Enter"]);
    tmux.wait_for("as typed; fix it later", 10);
    tmux.keys(&["Up"]);
    tmux.text("F");
    let screen = tmux.wait_for("Lines that still have problems", 10);
    assert!(screen.contains("@zzniemand: no person"), "{screen}");
    assert!(screen.contains("finalise anyway?"), "{screen}");
    tmux.text("n");
    let screen = tmux.wait_for("Editing line", 10);
    assert!(
        screen.contains("~ A: Bankjes regelen @zzniemand"),
        "{screen}"
    );
    // Not finalised: the minutes still take plain lines.
    let show = wijkdesk_ok(&db, &home, &["meeting", "show", "M-3"]);
    assert!(
        show.contains("status         held") || show.contains("held"),
        "{show}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("Enter store", 10);
    tmux.keys(&["Escape"]);
    tmux.wait_for("Meetings (1)", 10);

    // N: the follow-up, four weeks later proposed; Ctrl-S plans it.
    tmux.text("N");
    tmux.wait_for("Follow-up of M-", 10);
    tmux.keys(&["C-s"]);
    let screen = tmux.wait_for("follow-up of M-", 10);
    let new = screen
        .split(" planned: follow-up of")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .unwrap_or_default()
        .to_string();
    assert!(new.starts_with("M-"), "{screen}");
    tmux.text("q");
    let show = wijkdesk_ok(&db, &home, &["meeting", "show", &new]);
    assert!(show.contains("Stadsdeeloverleg Scheveningen"), "{show}");
    assert!(
        show.contains("Opening and minutes of the previous meeting"),
        "{show}"
    );
    assert!(show.contains("Any other business"), "{show}");
    let orgs = |id: &str| -> String {
        let s = wijkdesk_ok(&db, &home, &["meeting", "show", id, "--json"]);
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let mut ids: Vec<i64> = v["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["org_id"].as_i64().unwrap())
            .collect();
        ids.sort_unstable();
        format!("{ids:?}")
    };
    assert_eq!(orgs(&new), orgs("M-3"));
    let _ = std::fs::remove_dir_all(&home);
}
