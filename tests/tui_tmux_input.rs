//! Typed text is taken in promptly and completely: over 6,000 characters of Chinese and ASCII
//! sent as fast keystrokes (`send-keys -l`, as a paste without bracketed paste, an input method
//! or a slow link catching up would send them) all reach the form within a few seconds, and
//! Ctrl-S saves them whole.

#[path = "support/env.rs"]
mod env;
#[path = "support/tmux.rs"]
mod tmux;

use std::time::Duration;

use tmux::{Tmux, ledger_file, sandbox, start};

/// Mixed Chinese and ASCII words, about `n` characters, ending in a marker.
fn text(n: usize) -> String {
    let words = ["政务公开", "工作要点", "台账", "abc", "进展情况", "2022年", "门户网站", "发布办事指南", "x-y_z"];
    let mut out = String::new();
    for i in 0.. {
        if out.chars().count() >= n {
            break;
        }
        out.push_str(words[i % words.len()]);
        out.push_str(&format!("{i}，"));
    }
    out.push_str("全文完");
    out
}

#[test]
fn six_thousand_fast_characters_are_all_taken_in_and_saved_whole() {
    let (_dir, root) = sandbox();
    let text = text(6_000);
    assert!(text.chars().count() >= 6_000);
    let t = Tmux::new("burst");
    start(&t, &root, Some("市财政局"), (100, 30));
    t.keys(&["Enter"]);
    t.wait_for("填报进展");
    t.type_text(&text);
    let took = t.shows_within("全文完", Duration::from_secs(5));
    assert!(took.is_some(), "not all taken in after 5 s; screen:\n{}", t.screen());
    eprintln!("{} characters taken in within {took:?}", text.chars().count());
    t.save_choosing_status("已保存：任务 1");
    t.keys(&["q"]);
    t.wait_for("TZ_DONE=0");
    let ledger = std::fs::read_to_string(ledger_file(&root)).unwrap();
    let saved: toml::Table = toml::from_str(&ledger).unwrap();
    let note = saved["update"].as_array().unwrap()[0]["note"].as_str().unwrap();
    assert_eq!(note.chars().count(), text.chars().count());
    assert!(note == text, "the saved note differs from what was typed");
}
