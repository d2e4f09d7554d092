//! Filled 台账 templates back in: workbooks edited the way Excel and WPS leave them (rows moved,
//! a blank row added, a row deleted, cells typed as numbers and dates) merge to exactly the
//! records expected; twice adds nothing; a dry run writes nothing; a file with a problem is
//! refused whole.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;
#[path = "support/sheets.rs"]
mod sheets;

use chrono::NaiveDate;
use sandbox::Sandbox;
use sheets::{Book, V, merged_records, text};

const PLAN: &str = "zhongwei-2022.toml";
const SHEET: &str = "市财政局-第2期台账.xlsx";
/// When the sheets come back (the template is made on 2022-09-01 at 10:00).
const LATER: &str = "2022-09-06T10:00:00+08:00";

/// The Zhongwei plan with the demo ledger, and 市财政局's template for period 2 in `SHEET`.
fn setup() -> Sandbox {
    let s = sheets::zhongwei_with_demo();
    let r = s.run(&["template", PLAN, "--unit", "市财政局"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    s
}

fn ledger_text(s: &Sandbox) -> String {
    s.read("zhongwei-2022.progress/sczj.toml")
}

#[test]
fn edits_as_excel_and_wps_leave_them_merge_to_exactly_the_changes() {
    let s = setup();
    let mut b = Book::open(&s.path(SHEET));
    // Task 2 (never reported): a first report, its percent typed as a number, its date as a date.
    b.set("2", 'G', text("推进中"));
    b.set("2", 'H', V::Num(30.0));
    b.set("2", 'I', text("已配合编制办事指南"));
    b.set("2", 'M', text("王五"));
    b.set("2", 'N', V::Date(NaiveDate::from_ymd_opt(2022, 9, 2).unwrap()));
    // Task 9: the percent raised, the date typed as text the Chinese way.
    b.set("9", 'H', V::Num(95.0));
    b.set("9", 'N', text("2022年9月5日"));
    // Task 1: its percent and 序号 re-typed by hand, as numbers; nothing else changed.
    b.set("1", 'H', V::Num(100.0));
    b.set("1", 'A', V::Num(1.0));
    let moved = b.row_of("5");
    let rows = b.body();
    // Rows sorted differently, a blank row added, the row of task 7 deleted.
    let last = rows.len() - 1;
    rows.swap(moved, last);
    rows.insert(sheets::HEAD + 2, vec![V::Blank; 15]);
    let seven = rows.iter().position(|r| r.first() == Some(&text("7"))).unwrap();
    rows.remove(seven);
    b.save(&s.path("filled.xlsx"));

    let before = ledger_text(&s);
    let (code, dry, err) = s.run_at(LATER, &["merge", PLAN, "filled.xlsx", "--dry-run"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(ledger_text(&s), before, "a dry run writes nothing");
    let done = s.transcript_at(LATER, &["merge", PLAN, "filled.xlsx"]);
    insta::assert_snapshot!("dry_run", dry);
    insta::assert_snapshot!("merged", done);
    let got = merged_records(&s.path("zhongwei-2022.progress/sczj.toml"));
    let want = [
        ("2", "in_progress", Some(30), "已配合编制办事指南", "王五", "2022-09-02T12:00:00+08:00"),
        (
            "9",
            "in_progress",
            Some(95),
            "本期发布“六大产业”政策解读17篇，开展政策咨询3次。",
            "",
            "2022-09-05T12:00:00+08:00",
        ),
    ];
    let got: Vec<_> =
        got.iter().map(|g| (g.0.as_str(), g.1.as_str(), g.2, g.3.as_str(), g.4.as_str(), g.5.as_str())).collect();
    assert_eq!(got, want);
    let (_, again, _) = s.run_at(LATER, &["merge", PLAN, "filled.xlsx"]);
    assert!(again.contains("新增 0 条，已有 2 条"), "{again}");
    assert_eq!(merged_records(&s.path("zhongwei-2022.progress/sczj.toml")).len(), 2, "twice adds nothing");
}

#[test]
fn a_dry_run_on_a_new_ledger_creates_nothing() {
    let s = Sandbox::with("plans/zhongwei-2022.toml", PLAN);
    assert_eq!(s.run(&["template", PLAN, "--unit", "sczj", "-o", "t.xlsx"]).code, 0);
    let mut b = Book::open(&s.path("t.xlsx"));
    b.set("1", 'G', text("推进中"));
    b.set("1", 'I', text("已启动"));
    b.save(&s.path("t.xlsx"));
    let dry = s.run(&["merge", PLAN, "t.xlsx", "--dry-run"]);
    assert!(dry.stdout.contains("将新增 1 条") && dry.stdout.contains("未写入任何内容"), "{}", dry.stdout);
    assert!(!s.path("zhongwei-2022.progress").exists(), "no ledger directory was made");
}

/// Merges `b` saved as `bad.xlsx`: exit code and stderr.
fn refused(s: &Sandbox, b: &Book) -> (i32, String) {
    b.save(&s.path("bad.xlsx"));
    let before = ledger_text(s);
    let (code, _, err) = s.run_at(LATER, &["merge", PLAN, "bad.xlsx"]);
    assert_eq!(ledger_text(s), before, "nothing of a refused file is written");
    (code, err)
}

/// A change made to a book.
type Edit = Box<dyn Fn(&mut Book)>;

#[test]
fn every_refusal_names_its_cell() {
    let s = setup();
    let fresh = || Book::open(&s.path(SHEET));
    // (what to do to the book, the cell and the words the refusal must name)
    let dated = |day: &'static str| -> Edit {
        Box::new(move |b| {
            b.set("5", 'I', text("本期又推送3条"));
            b.set("5", 'N', text(day));
        })
    };
    // (what to do to the book, the cell and the words the refusal must name)
    let cases: Vec<(Edit, &str)> = vec![
        (Box::new(|b| b.set("5", 'G', text("差不多了"))), "表“台账”G6：状态“差不多了”无法识别"),
        (Box::new(|b| b.set("5", 'H', V::Num(150.0))), "表“台账”H6：完成% 150 不在 0–100 之间"),
        (Box::new(|b| b.set("5", 'H', text("六十"))), "表“台账”H6：完成%“六十”不是整数"),
        (Box::new(|b| b.set("9", 'G', text("已完成"))), "表“台账”H9：状态为“已完成”，但完成% 是 90"),
        (Box::new(|b| b.set("5", 'C', text("改过的任务"))), "表“台账”C6：“具体内容”是计划原文，已被改动"),
        (dated("下周一"), "表“台账”N6：填报日期“下周一”无法识别"),
        (dated("2022-09-07"), "表“台账”N6：填报日期 2022-09-07 晚于今天"),
        (dated("2022-08-31"), "表“台账”N6：填报日期 2022-08-31 早于本表生成的日期 2022年9月1日"),
        (Box::new(|b| b.set("2", 'I', text("已配合"))), "表“台账”G5：这一行有改动，但没有状态"),
        (Box::new(|b| b.set("2", 'G', text("推进中"))), "表“台账”I5：任务 2 第一次填报，没有任何文字"),
        (Box::new(|b| b.set("5", 'O', V::Blank)), "表“台账”A6：这一行不是模板中原有的行"),
        (Box::new(|b| b.set("5", 'O', text("5@sswj"))), "表“台账”A6：这一行是市商务局的分工，不属于本表"),
        (Box::new(|b| b.set("5", 'O', text("99@sczj"))), "表“台账”A6：分工编号 99@sczj 不是本表中的分工"),
        (
            Box::new(|b| {
                let copy = b.rows[b.row_of("5")].clone();
                b.rows.push(copy);
            }),
            "表“台账”A30：这一行与第 6 行是同一项分工",
        ),
    ];
    for (edit, want) in cases {
        let mut b = fresh();
        b.set("1", 'I', text("另一行的正常改动"));
        edit(&mut b);
        let (code, err) = refused(&s, &b);
        assert_eq!(code, 1, "{want}");
        assert!(err.contains(&format!("错误: bad.xlsx {want}")), "want {want}\ngot {err}");
        assert!(err.contains("其中任何记录都未合并"), "{err}");
    }
    // Merged long after it was filled: beyond the 31 days `mark --at` may go back.
    let mut b = fresh();
    dated("2022-09-05")(&mut b);
    b.save(&s.path("late.xlsx"));
    let (code, _, err) = s.run_at("2022-10-15T10:00:00+08:00", &["merge", PLAN, "late.xlsx"]);
    assert_eq!(code, 1);
    assert!(err.contains("表“台账”N6：填报日期 2022-09-05 早于 31 天之前"), "{err}");
}

#[test]
fn a_plan_changed_since_the_template_was_made() {
    let s = setup();
    let mut b = Book::open(&s.path(SHEET));
    b.set("5", 'I', text("本期又推送3条"));
    b.save(&s.path("filled.xlsx"));
    let plan = s.read(PLAN);
    s.write(PLAN, plan.replacen("id = \"5\"", "id = \"5x\"", 1));
    let (code, _, err) = s.run_at(LATER, &["merge", PLAN, "filled.xlsx"]);
    assert_eq!(code, 1);
    assert!(err.contains("错误: filled.xlsx 表“台账”A6：计划中已没有任务 5 的这项分工"), "{err}");
    s.write(PLAN, plan.replacen("id = \"sczj\"", "id = \"czj\"", 1));
    let (code, _, err) = s.run_at(LATER, &["merge", PLAN, "filled.xlsx"]);
    assert_eq!(code, 1);
    assert!(err.contains("错误: filled.xlsx 所属的单位 sczj 不在本计划中"), "{err}");
}

#[test]
fn refusals_in_full_in_both_languages() {
    let s = setup();
    let mut b = Book::open(&s.path(SHEET));
    b.set("5", 'G', text("完成了"));
    b.set("9", 'H', V::Num(101.0));
    b.save(&s.path("bad.xlsx"));
    insta::assert_snapshot!("refused_zh", s.transcript(&["merge", PLAN, "bad.xlsx"]));
    insta::assert_snapshot!("refused_en", s.transcript(&["--lang", "en", "merge", PLAN, "bad.xlsx"]));
}

#[test]
fn files_of_another_plan_or_none_at_all_are_refused() {
    let s = setup();
    let other = Sandbox::with("plans/xianning-2022.toml", "xianning-2022.toml");
    let r = other.run(&["template", "xianning-2022.toml", "--all", "-o", "out"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let name = std::fs::read_dir(other.path("out")).unwrap().flatten().next().unwrap().path();
    s.write("other.xlsx", std::fs::read(name).unwrap());
    let r = s.run(&["merge", PLAN, "other.xlsx"]);
    assert!(r.stderr.contains("other.xlsx 是计划 xianning-2022 的台账表格，不是本计划 zhongwei-2022"), "{}", r.stderr);
    s.write("notes.csv", "甲,乙\n1,2\n");
    let r = s.run(&["merge", PLAN, "notes.csv", SHEET]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("notes.csv 不是 taizhang 生成的台账表格"), "{}", r.stderr);
    assert!(r.stdout.contains("未改动 26 行"), "the good file still goes in: {}", r.stdout);
}
