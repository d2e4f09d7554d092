//! Hardened reads (issue 9, item 8): a plan, unit or merged file that is not a regular file, is
//! too large or is not UTF-8 is refused with a message naming it — never a hang, never memory
//! exhausted — and a `--data` directory that does not exist is an error for reading commands.
//! Every run here is killed after 20 s (tests/support/sandbox.rs), so a regression fails.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;

use sandbox::Sandbox;
use taizhang::fsread::{LEDGER_LIMIT, PLAN_LIMIT};

const FIXTURE: &str = "tests/fixtures/report/plan.toml";

fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Exit 1 — or 3 for a whole-plan report or listing, which still runs and names the unit whose
/// file was refused — the file named, and the words saying what it is.
fn assert_refused(s: &Sandbox, args: &[&str], file: &str, words: &str) {
    let r = s.run(args);
    let whole_plan =
        args.contains(&"--data") && (args.contains(&"report") || args.contains(&"tasks")) && !args.contains(&"--unit");
    assert_eq!(r.code, if whole_plan { 3 } else { 1 }, "{args:?}: {}", r.stderr);
    assert!(r.stderr.contains(file) && r.stderr.contains(words), "{args:?}: {}", r.stderr);
    assert!(r.stderr.contains("提示") || r.stderr.contains("hint"), "{args:?} gives a hint: {}", r.stderr);
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_hanging() {
    let s = Sandbox::new(FIXTURE);
    std::fs::create_dir_all(s.path("fifo")).unwrap();
    mkfifo(&s.path("fifo/a.toml"));
    assert_refused(&s, &["--data", "fifo", "report", "plan.toml"], "fifo/a.toml", "不是普通文件，而是命名管道（FIFO）");
    assert_refused(&s, &["--data", "fifo", "tasks", "plan.toml", "--unit", "甲局"], "fifo/a.toml", "命名管道");
    assert_refused(
        &s,
        &["--data", "fifo", "mark", "plan.toml", "-u", "甲局", "-t", "1", "-s", "done", "--note", "完成"],
        "a.toml",
        "命名管道",
    );
    std::fs::create_dir_all(s.path("zero")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", s.path("zero/a.toml")).unwrap();
    assert_refused(&s, &["--data", "zero", "tasks", "plan.toml"], "zero/a.toml", "字符设备");
    std::fs::create_dir_all(s.path("dir/a.toml")).unwrap();
    assert_refused(
        &s,
        &["--lang", "en", "--data", "dir", "report", "plan.toml"],
        "dir/a.toml",
        "not a regular file but a directory",
    );
    mkfifo(&s.path("in.toml"));
    std::fs::create_dir_all(s.path("merged")).unwrap();
    assert_refused(&s, &["--data", "merged", "merge", "plan.toml", "in.toml"], "in.toml", "命名管道");
    mkfifo(&s.path("fifo-plan.toml"));
    assert_refused(&s, &["check", "fifo-plan.toml"], "fifo-plan.toml", "命名管道");
    std::os::unix::fs::symlink("/dev/zero", s.path("zero-plan.toml")).unwrap();
    assert_refused(&s, &["tasks", "zero-plan.toml"], "zero-plan.toml", "字符设备");
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    let s = Sandbox::new(FIXTURE);
    std::fs::create_dir_all(s.path("big")).unwrap();
    // Sparse: one byte over the limit, of nothing, cheap to make.
    let big = std::fs::File::create(s.path("big/a.toml")).unwrap();
    big.set_len(LEDGER_LIMIT + 1).unwrap();
    let mib = format!("超过 {} MiB 的上限", LEDGER_LIMIT >> 20);
    assert_refused(&s, &["--data", "big", "report", "plan.toml"], "big/a.toml", &mib);
    std::fs::File::create(s.path("big.toml")).unwrap().set_len(PLAN_LIMIT.max(LEDGER_LIMIT) + 1).unwrap();
    std::fs::create_dir_all(s.path("merged")).unwrap();
    assert_refused(&s, &["--data", "merged", "merge", "plan.toml", "big.toml"], "big.toml", "MiB 的上限");
    assert_refused(&s, &["check", "big.toml"], "big.toml", "MiB 的上限");
    // At the limit is still read (and here refused only as a ledger file that does not parse).
    let at = std::fs::File::create(s.path("big/a.toml")).unwrap();
    at.set_len(LEDGER_LIMIT).unwrap();
    assert_refused(&s, &["--data", "big", "report", "plan.toml"], "big/a.toml", "台账文件无法解析");
}

#[test]
fn invalid_utf8_points_at_the_line_and_column() {
    let s = Sandbox::new(FIXTURE);
    // "中文" in GBK, as a unit's operator on an old Windows editor might save it.
    let gbk = b"[[update]]\ntask = \"1\"\nunit = \"a\"\nat = 2022-06-01T09:30:00+08:00\nstatus = \"done\"\nnote = \"\xd6\xd0\xce\xc4\"\n";
    s.write("gbk/a.toml", gbk);
    s.write("in/a.toml", gbk);
    let mut plan = std::fs::read(s.path("plan.toml")).unwrap();
    plan.extend_from_slice(b"\n# \xb1\xb8\xd7\xa2\n");
    s.write("gbk-plan.toml", plan);
    std::fs::create_dir_all(s.path("merged")).unwrap();
    let runs: &[&[&str]] = &[
        &["--data", "gbk", "tasks", "plan.toml", "--unit", "甲局"],
        &["--data", "gbk", "mark", "plan.toml", "-u", "甲局", "-t", "1", "-s", "done", "--note", "完成"],
        &["--data", "merged", "merge", "plan.toml", "in/a.toml"],
        &["check", "gbk-plan.toml"],
        &["--lang", "en", "check", "gbk-plan.toml"],
    ];
    let mut all = String::new();
    for args in runs {
        let t = s.transcript(args);
        assert!(t.contains("exit: 1"), "{t}");
        assert!(!t.contains("写权限") && !t.contains("writable"), "a false hint: {t}");
        all.push_str(&t);
        all.push('\n');
    }
    assert_eq!(std::fs::read(s.path("gbk/a.toml")).unwrap(), gbk, "the file is untouched");
    insta::assert_snapshot!(all);
}

#[test]
fn a_missing_data_directory_is_an_error_for_reading() {
    let s = Sandbox::new(FIXTURE);
    let runs: &[&[&str]] = &[
        &["--data", "no-such-dir", "tasks", "plan.toml"],
        &["--data", "no-such-dir", "report", "plan.toml", "--unit", "甲局"],
        &["--data", "no-such-dir", "tui", "plan.toml", "--unit", "甲局"],
        &["--lang", "en", "--data", "plan.toml", "tasks", "plan.toml"],
    ];
    let mut all = String::new();
    for args in runs {
        let t = s.transcript(args);
        assert!(t.contains("exit: 1"), "{t}");
        all.push_str(&t);
        all.push('\n');
    }
    insta::assert_snapshot!(all);
    // The same through the environment variable.
    let r =
        env::taizhang().current_dir(&s.root).env("TAIZHANG_DATA", "no-such-dir").args(["tasks", "plan.toml"]).output();
    let r = r.unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("台账目录 no-such-dir 不存在"));
    // No ledger yet beside the plan is simply no records; writing creates the directory.
    assert_eq!(s.run(&["tasks", "plan.toml", "--unit", "甲局"]).code, 0);
    let r =
        s.run(&["--data", "no-such-dir", "mark", "plan.toml", "-u", "甲局", "-t", "1", "-s", "done", "--note", "完成"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s.run(&["--data", "no-such-dir", "tasks", "plan.toml", "--unit", "甲局"]).code, 0);
}
