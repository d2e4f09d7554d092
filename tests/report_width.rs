//! Text reports fit the width they are laid out for (`COLUMNS` when not a terminal, else 100)
//! and follow the Chinese line-breaking rules: the Zhongwei plan with its demo ledger, every
//! kind, at 80 and 160 columns.

#[path = "support/env.rs"]
mod env;

use taizhang::text::{closing, width};

const ARGS: [&str; 6] =
    ["--today", "2022-09-01", "report", "plans/zhongwei-2022.toml", "--data", "examples/zhongwei-2022.progress"];

fn report(columns: Option<&str>, extra: &[&str]) -> String {
    let mut c = env::taizhang();
    c.current_dir(env::root()).args(ARGS).args(["--period", "2"]).args(extra);
    if let Some(cols) = columns {
        c.env("COLUMNS", cols);
    }
    let out = c.output().expect("runs");
    assert!(out.status.success(), "{extra:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Every line no wider than `max`, none starting with closing punctuation (after the spaces
/// that put a cell in its column).
fn check(text: &str, max: usize, what: &str) {
    assert!(text.lines().count() > 20, "{what}: {text}");
    for (n, line) in text.lines().enumerate() {
        assert!(!line.contains('\u{1b}'), "{what}: no colour when not a terminal");
        assert!(width(line) <= max, "{what}, line {}: {} cells > {max}\n{line}", n + 1, width(line));
        let start = line.trim_start_matches(' ');
        assert!(!start.starts_with(closing), "{what}, line {}: starts with closing punctuation\n{line}", n + 1);
    }
}

#[test]
fn text_reports_fit_80_and_160_columns() {
    for cols in [80, 160] {
        let c = cols.to_string();
        for (what, extra) in
            [("summary", &[][..]), ("unit", &["--unit", "市财政局"][..]), ("ledger", &["--kind", "ledger"][..])]
        {
            let text = report(Some(&c), extra);
            check(&text, cols, &format!("{what} at {cols}"));
            // The width is used: some line of the summary comes close to it.
            if what == "summary" {
                let widest = text.lines().map(width).max().unwrap_or(0);
                assert!(widest + 10 >= cols, "{what} at {cols}: widest line {widest}");
            }
        }
    }
}

#[test]
fn paragraphs_break_by_the_rules() {
    // At 120 columns the bucket rule once put "，否则为欠进度" at the start of a line.
    for cols in [60, 80, 100, 120, 140] {
        let text = report(Some(&cols.to_string()), &[]);
        check(&text, cols, &format!("summary at {cols}"));
        let joined: String = text.lines().collect();
        assert!(joined.contains("否则为欠进度"), "the rule is all there at {cols}");
    }
}

#[test]
fn without_columns_the_width_is_100() {
    let text = report(None, &[]);
    check(&text, 100, "summary, no COLUMNS");
    assert!(text.lines().any(|l| width(l) > 90), "the 100 columns are used");
    let zero = report(Some("0"), &[]);
    assert_eq!(zero, text, "COLUMNS=0 counts as not given");
}
