//! The CSV variant both ways: a template written as CSV, filled in and saved the way Excel on a
//! Chinese Windows saves a CSV (GBK, no BOM, dates as 2022/9/5), merges to exactly its changes;
//! problems are named by cell (C3, as a spreadsheet shows the file).

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;
#[path = "support/sheets.rs"]
mod sheets;

use sandbox::Sandbox;

const PLAN: &str = "zhongwei-2022.toml";
const LATER: &str = "2022-09-06T10:00:00+08:00";

/// A CSV's rows, as read.
fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect()
}

/// Rows as CSV text.
fn text(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The row of task `task`.
fn row(rows: &mut [Vec<String>], task: &str) -> usize {
    rows.iter().position(|r| r[0] == task).unwrap()
}

fn setup() -> (Sandbox, Vec<Vec<String>>) {
    let s = sheets::zhongwei_with_demo();
    let r = s.run(&["template", PLAN, "--unit", "市财政局", "-f", "csv", "-o", "t.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = rows(&std::fs::read(s.path("t.csv")).unwrap());
    (s, rows)
}

#[test]
fn a_csv_saved_by_excel_merges_to_exactly_its_changes() {
    let (s, mut rows) = setup();
    let one = row(&mut rows, "1");
    rows[one][9] = "-".into(); // 存在问题: a dash, which the guard would have quoted
    let nine = row(&mut rows, "9");
    rows[nine][6] = "完成".into();
    rows[nine][7] = "100".into();
    rows[nine][12] = "王玉兰".into();
    rows[nine][13] = "2022/9/5".into();
    let filled = text(&rows);
    let (gbk, _, _) = encoding_rs::GBK.encode(&filled);
    s.write("filled.csv", gbk.as_ref());
    let (code, stdout, stderr) = s.run_at(LATER, &["merge", PLAN, "filled.csv"]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    assert!(stdout.contains("新增 2 条，已有 0 条，未改动 24 行"), "{stdout}");
    let want = [
        ("1", "done", Some(100), "", "2022-09-06T10:00:00+08:00"),
        ("9", "done", Some(100), "王玉兰", "2022-09-05T12:00:00+08:00"),
    ];
    let want: Vec<_> = want.map(|w| (w.0.into(), w.1.into(), w.2, w.3.into(), w.4.into())).to_vec();
    assert_eq!(sheets::merged_brief(&s, "sczj"), want);
    let file = std::fs::read_to_string(s.path("zhongwei-2022.progress/sczj.toml")).unwrap();
    assert!(file.contains("problems = \"-\""), "the dash came in as typed");
    let (_, again, _) = s.run_at(LATER, &["merge", PLAN, "filled.csv"]);
    assert!(again.contains("新增 0 条，已有 2 条"), "{again}");
}

#[test]
fn csv_problems_are_named_by_cell() {
    let (s, mut rows) = setup();
    let two = row(&mut rows, "2");
    rows[two][6] = "大体完成".into();
    rows[two][2] = "别的内容".into();
    let five = row(&mut rows, "5");
    rows[five][14] = "5@sswj".into();
    s.write("bad.csv", text(&rows));
    let (code, _, err) = s.run_at(LATER, &["merge", PLAN, "bad.csv"]);
    assert_eq!(code, 1);
    for want in [
        "错误: bad.csv A4：这一行是市商务局的分工，不属于本表",
        "错误: bad.csv C3：“具体内容”是计划原文，已被改动",
        "错误: bad.csv G3：状态“大体完成”无法识别",
    ] {
        assert!(err.contains(want), "want {want}\ngot {err}");
    }
    assert!(sheets::merged_records(&s.path("zhongwei-2022.progress/sczj.toml")).is_empty());
}
