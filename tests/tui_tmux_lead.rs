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
    // The frame is written in pieces: wait for its last list before reading the whole of it.
    t.wait_for("本期未报送·催办（26）");
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

/// The demo ledger (`examples/`, made by `scripts/demo-ledger.sh`) on 2022-09-01: at 80×24 the
/// first screen says who has not reported for 9月10日 and what is overdue.
#[test]
fn on_the_demo_ledger_one_screen_answers_who_has_not_reported_and_what_is_overdue() {
    let (_dir, root) = sandbox();
    let demo = env::root().join("examples/zhongwei-2022.progress");
    let ledger = root.join("zhongwei-2022.progress");
    std::fs::create_dir(&ledger).unwrap();
    for f in std::fs::read_dir(&demo).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, ledger.join(f.file_name().unwrap())).unwrap();
    }
    let t = Tmux::new("lead-demo");
    tmux::start_on(&t, &root, None, (80, 24), "2022-09-01T10:00:00+08:00");
    t.wait_for("本期未报送·催办（12）");
    let screen = t.screen();
    for what in ["第2/3期（9月10日报送）· 还有9天", "本期未报送 12/27", "逾期任务（3）", "市商务局", "逾期102天"]
    {
        assert!(screen.contains(what), "{what} missing:\n{screen}");
    }
    t.keys(&["q"]);
    t.wait_for("TZ_DONE=0");
}
