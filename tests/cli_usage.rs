//! Usage errors (issue 9, item 9): a command line clap refuses is explained in Chinese with a
//! hint, like every other error, and in English with `--lang en`; exit code 2. `--help` and
//! `--version` still work.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;

use sandbox::Sandbox;

const MISTAKES: &[&[&str]] = &[
    &["report", "plan.toml", "--as-of", "2022/09/10"],
    &["mark", "plan.toml", "-u", "甲局", "-t", "1", "-s", "推进中", "--percent", "60%"],
    &["report", "plan.toml", "--period", "abc"],
    &["report", "plan.toml", "--period", "2", "--as-of", "2022-09-10"],
    &["report", "plan.toml", "--kind", "总结"],
    &["report", "plan.toml", "-f", "xls"],
    &["tasks", "plan.toml", "--formt", "csv"],
    &["tasks", "plan.toml", "--unit"],
    &["tasks", "plan.toml", "--unit", "甲局", "--unit", "乙局"],
    &["tasks", "plan.toml", "other.toml"],
    &["mark", "plan.toml", "-u", "甲局"],
    &["check"],
    &["repot", "plan.toml"],
    // A file name whose extension names no format is refused, never written as text (issue 12).
    &["report", "plan.toml", "-o", "x.pdf"],
    &["report", "plan.toml", "-o", "out"],
    &["report", "plan.toml", "-f", "html", "-o", "x.xlsx"],
    &["report", "plan.toml", "-f", "txt", "-o", "x.pdf"],
];

fn transcripts(lang: &[&str]) -> String {
    let s = Sandbox::new("tests/fixtures/report/plan.toml");
    let mut all = String::new();
    for args in MISTAKES {
        let mut full = lang.to_vec();
        full.extend_from_slice(args);
        let r = s.run(&full);
        assert_eq!(r.code, 2, "{full:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{full:?}");
        let hint = if lang.is_empty() { "\n  提示: " } else { "\n  hint: " };
        assert!(r.stderr.contains(hint), "{full:?}: {}", r.stderr);
        assert!(!r.stderr.contains("For more information"), "{full:?} is clap's own message: {}", r.stderr);
        all.push_str(&s.transcript(&full));
        all.push('\n');
    }
    for refused in ["x.pdf", "out", "x.xlsx"] {
        assert!(!s.path(refused).exists(), "{refused} was written");
    }
    all
}

#[test]
fn usage_errors_in_chinese() {
    let all = transcripts(&[]);
    assert!(all.contains("错误: --as-of 的值 “2022/09/10” 无法识别\n  提示: 日期写成 年-月-日"), "{all}");
    assert!(
        all.contains(
            "错误: 不会写 .pdf 格式的文件\n  提示: 文件名以这些扩展名之一结尾：txt md csv html xlsx docx json"
        ),
        "{all}"
    );
    insta::assert_snapshot!(all);
}

#[test]
fn usage_errors_in_english() {
    insta::assert_snapshot!(transcripts(&["--lang", "en"]));
    let s = Sandbox::new("tests/fixtures/report/plan.toml");
    let r = s.run(&["report", "plan.toml", "--lang=en", "--as-of", "2022/09/10"]);
    assert_eq!((r.code, r.stderr.lines().next()), (2, Some("error: --as-of does not accept \"2022/09/10\"")));
}

#[test]
fn help_and_version_still_work() {
    let s = Sandbox::new("tests/fixtures/report/plan.toml");
    let help = s.run(&["report", "--help"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    assert!(help.stdout.contains("Usage: taizhang report"), "{}", help.stdout);
    let version = s.run(&["--version"]);
    assert_eq!((version.code, version.stdout.trim()), (0, concat!("taizhang ", env!("CARGO_PKG_VERSION"))));
}
