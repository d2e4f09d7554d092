//! The lead view in a real terminal (tmux): it answers who has not reported and what is overdue
//! on one screen at 80×24, switches period, prints the summary as HTML into the working
//! directory, and shows a record written by another process without a restart.

#[path = "support/env.rs"]
mod env;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::time::Duration;

use tmux::{Tmux, assert_restored, sandbox, start};

/// Records progress with `taizhang mark` in another process, as another operator would.
fn mark(root: &Path, unit: &str, task: &str, at: &str) {
    let out = env::taizhang()
        .current_dir(root)
        .env("TAIZHANG_TODAY", at)
        .args(["mark", "zhongwei-2022.toml", "--unit", unit, "--task", task, "--status", "in_progress"])
        .args(["--percent", "30", "--note", "已制定工作方案", "--by", "李四"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_lead_view_switches_period_prints_and_quits() {
    let (_dir, root) = sandbox();
    mark(&root, "市财政局", "1", "2022-05-30T10:00:00+08:00");
    let t = Tmux::new("lead");
    start(&t, &root, None, (80, 24));
    // One screen at 80×24: the period, who has not reported, what is overdue.
    t.wait_for("第1/3期（6月10日报送）· 还有9天");
    let screen = t.screen();
    assert!(screen.contains("本期未报送 26/27"), "{screen}");
    assert!(screen.contains("本期未报送·催办（26）"), "{screen}");
    assert!(screen.contains("逾期任务"), "{screen}");
    assert!(screen.contains("1 市财政局"), "ranked first: {screen}");
    t.keys(&["Right"]);
    t.wait_for("第2/3期（9月10日报送）");
    t.keys(&["p"]);
    t.wait_for("已写入");
    let html = root.join("zhongwei-2022-汇总-第2期.html");
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("<html") && text.contains("第2期"), "{}", &text[..text.len().min(400)]);
    t.keys(&["1"]);
    t.wait_for("第1/3期");
    t.keys(&["q"]);
    t.wait_for("TZ_DONE=0");
    assert_restored(&t);
}

#[test]
fn a_record_written_by_another_process_appears_without_a_restart() {
    let (_dir, root) = sandbox();
    mark(&root, "市财政局", "1", "2022-05-30T10:00:00+08:00");
    let t = Tmux::new("lead-live");
    start(&t, &root, None, (160, 48));
    t.wait_for("本期未报送 26/27");
    mark(&root, "市发展改革委", "1", "2022-05-31T10:00:00+08:00");
    let seen = t.shows_within("本期未报送 25/27", Duration::from_secs(5));
    assert!(seen.is_some(), "the change shows within 2 s or so:\n{}", t.screen());
    t.keys(&["q"]);
    t.wait_for("TZ_DONE=0");
}
