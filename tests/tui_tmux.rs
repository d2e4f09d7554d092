//! The real binary in a real terminal (tmux): select a task, open the form, type Chinese with
//! `send-keys -l`, save with Ctrl-S, quit; then check the ledger file and that the terminal was
//! given back (no alternate screen, no mouse capture). Also: the text report's colours.
//! Ending by signal or by the terminal going away: `tui_tmux_exit.rs`; fast input and drafts:
//! `tui_tmux_input.rs`.

#[path = "support/env.rs"]
mod env;
#[path = "support/tmux.rs"]
mod tmux;

use std::time::Duration;

use tmux::{Tmux, assert_restored, ledger_file, sandbox, start};

#[test]
fn mark_a_task_in_chinese_through_the_real_terminal() {
    let (_dir, root) = sandbox();
    let t = Tmux::new("save");
    start(&t, &root, Some("市财政局"), (100, 30));
    t.keys(&["Down"]);
    t.keys(&["Enter"]);
    t.wait_for("填报进展");
    t.type_text("已在门户网站发布办事指南，共3项");
    t.wait_for("共3项");
    t.save_choosing_status("已保存：任务 2");
    t.keys(&["q"]);
    t.wait_for("TZ_DONE=0");
    assert_restored(&t);
    let ledger = std::fs::read_to_string(ledger_file(&root)).unwrap();
    assert!(ledger.contains("task = \"2\""), "{ledger}");
    assert!(ledger.contains("note = \"已在门户网站发布办事指南，共3项\""), "{ledger}");
    assert!(ledger.contains("by = \"王五\""), "{ledger}");
    assert!(ledger.contains("at = 2022-06-01T09:30:00+08:00"), "{ledger}");
    assert!(ledger.contains("status = \"not_started\""), "the status the operator chose: {ledger}");
}

/// The text report colours its lights on a terminal, and not when NO_COLOR is set.
#[test]
fn report_colour_on_a_terminal_only_without_no_color() {
    let (_dir, root) = sandbox();
    let t = Tmux::new("colour");
    t.cmd(&["new-session", "-d", "-s", "s", "-x", "160", "-y", "50", "sh"]);
    let bin = env!("CARGO_BIN_EXE_taizhang");
    // The shell prints END_42_<tag> only once the report is done; the typed command line shows
    // `$((40+2))`, so waiting for the printed marker cannot return early.
    let run = |env: &str, tag: &str| {
        let command = format!(
            "cd '{}' && {env} TAIZHANG_TODAY=2022-12-01 '{bin}' report zhongwei-2022.toml --kind ledger -u 市财政局 | head -8; echo END_$((40+2))_{tag}",
            root.display()
        );
        t.cmd(&["send-keys", "-t", "s", "-l", &command]);
        t.cmd(&["send-keys", "-t", "s", "Enter"]);
        t.wait_for(&format!("END_42_{tag}"));
    };
    // Piped through head: not a terminal, so no colour either way.
    run("", "PIPE");
    assert!(!t.cmd(&["capture-pane", "-p", "-e", "-t", "s"]).contains("\u{1b}[31m"));
    t.cmd(&["send-keys", "-t", "s", "clear", "Enter"]);
    let direct = |env: &str, tag: &str| {
        let command = format!(
            "cd '{}' && {env} TAIZHANG_TODAY=2022-12-01 '{bin}' report zhongwei-2022.toml --kind ledger -u 市财政局 -p 3; echo END_$((40+2))_{tag}",
            root.display()
        );
        t.cmd(&["send-keys", "-t", "s", "-l", &command]);
        t.cmd(&["send-keys", "-t", "s", "Enter"]);
        t.wait_for(&format!("END_42_{tag}"));
        let screen = t.cmd(&["capture-pane", "-p", "-e", "-S", "-200", "-t", "s"]);
        t.cmd(&["send-keys", "-t", "s", "clear", "Enter"]);
        std::thread::sleep(Duration::from_millis(200));
        screen
    };
    let coloured = direct("", "TTY");
    assert!(coloured.contains("\u{1b}[31m") || coloured.contains("\u{1b}[33m"), "lights are coloured on a terminal");
    let plain = direct("NO_COLOR=1", "NO_COLOR");
    assert!(
        !plain.contains("\u{1b}[31m") && !plain.contains("\u{1b}[33m") && !plain.contains("\u{1b}[32m"),
        "NO_COLOR: {plain}"
    );
}
