//! `taizhang report` end to end: a ledger recorded through `mark`, then every kind and format.
//! Snapshots of the fixture's txt, md, csv and html; the Zhongwei plan over all three periods.

#[path = "support/env.rs"]
mod env;

use std::path::PathBuf;
use std::process::Command;

struct Sandbox {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

fn bin() -> Command {
    let mut c = env::taizhang();
    c.env("COLUMNS", "120");
    c
}

impl Sandbox {
    fn with(plan: &str) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        env::copy_plan(plan, &root, "plan.toml");
        Sandbox { _dir: dir, root }
    }

    fn run(&self, today: &str, args: &[&str]) -> (i32, Vec<u8>, String) {
        let out = bin().current_dir(&self.root).env("TAIZHANG_TODAY", today).args(args).output().unwrap();
        (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
    }

    /// Records one update; one that says nothing else gets a note (a first report needs text).
    fn mark(&self, at: &str, unit: &str, task: &str, status: &str, extra: &[&str]) {
        let mut args = vec!["mark", "plan.toml", "-u", unit, "-t", task, "-s", status];
        args.extend_from_slice(extra);
        let note = format!("{status}（{at}）");
        if !extra.iter().any(|a| ["--note", "--evidence", "--problems", "--next"].contains(a)) {
            args.extend(["--note", note.as_str()]);
        }
        let (code, _, err) = self.run(at, &args);
        assert_eq!(code, 0, "{err}");
    }

    fn text(&self, today: &str, args: &[&str]) -> String {
        let (code, out, err) = self.run(today, args);
        assert_eq!(code, 0, "{args:?}: {err}");
        String::from_utf8(out).unwrap()
    }
}

/// The fixture of tests/report_model.rs, recorded through `mark`.
fn fixture() -> Sandbox {
    let s = Sandbox::with("tests/fixtures/report/plan.toml");
    s.mark(
        "2022-06-10T23:59:59+08:00",
        "甲局",
        "1",
        "推进中",
        &["-p", "50", "--note", "已起草公开目录", "--problems", "栏目改版未完成", "--next", "6月底前上线"],
    );
    s.mark(
        "2022-06-11T00:00:00+08:00",
        "甲局",
        "1",
        "已完成",
        &["--evidence", "https://www.example.gov.cn/zwgk/1.html"],
    );
    s.mark("2022-05-20T10:00:00+08:00", "甲局", "2", "done", &[]);
    s.mark("2022-03-01T10:00:00+08:00", "乙局", "1", "in_progress", &["-p", "20"]);
    s.mark("2022-06-01T10:00:00+08:00", "乙局", "3", "持续推进", &["--note", "每周发布信息 2 条"]);
    s.mark("2022-05-15T10:00:00+08:00", "丙局", "4", "ongoing", &[]);
    s.mark("2022-07-01T10:00:00+08:00", "丙局", "3", "不适用", &[]);
    s
}

const TODAY: &str = "2022-09-01";

#[test]
fn fixture_summary_txt_md_csv_html() {
    let s = fixture();
    for period in ["1", "2"] {
        for format in ["txt", "md", "html"] {
            let out = s.text(TODAY, &["report", "plan.toml", "--period", period, "--format", format]);
            insta::assert_snapshot!(format!("summary_p{period}_{format}"), out);
        }
        // CSV: each table as `--table` writes it, one after another under its name.
        let mut csv = String::new();
        for table in ["totals", "buckets", "units", "sections", "overdue", "not-reported", "completed"] {
            let out = s.text(TODAY, &["report", "plan.toml", "--period", period, "-f", "csv", "--table", table]);
            csv.push_str(&format!("== {table} ==\n{out}"));
        }
        insta::assert_snapshot!(format!("summary_p{period}_csv"), csv);
    }
}

#[test]
fn fixture_unit_and_ledger_reports() {
    let s = fixture();
    insta::assert_snapshot!(
        "unit_txt",
        s.text(TODAY, &["report", "plan.toml", "--kind", "unit", "--unit", "甲局", "--period", "1"])
    );
    insta::assert_snapshot!(
        "unit_md",
        s.text(TODAY, &["report", "plan.toml", "--unit", "甲局", "--period", "2", "-f", "md"])
    );
    insta::assert_snapshot!(
        "ledger_csv",
        s.text(TODAY, &["report", "plan.toml", "--kind", "ledger", "--period", "2", "-f", "csv"])
    );
    insta::assert_snapshot!(
        "unit_html",
        s.text(TODAY, &["--lang", "en", "report", "plan.toml", "--unit", "丙局", "--period", "2", "-f", "html"])
    );
}

#[test]
fn json_field_names_are_fixed() {
    let s = fixture();
    let out = s.text(TODAY, &["report", "plan.toml", "--period", "2", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in [
        "plan",
        "as_of",
        "period",
        "totals",
        "units",
        "tasks",
        "buckets",
        "sections",
        "overdue",
        "not_reported",
        "completed",
        "rows",
    ] {
        assert!(v.get(key).is_some(), "top-level {key}");
    }
    for key in ["assignments", "done", "in_progress", "not_started", "overdue", "completion_rate"] {
        assert!(v["totals"].get(key).is_some(), "totals.{key}");
    }
    for key in ["unit", "assignments", "done", "overdue", "reported", "last_update"] {
        assert!(v["units"][0].get(key).is_some(), "units[].{key}");
    }
    for key in ["id", "status", "overdue", "units"] {
        assert!(v["tasks"][0].get(key).is_some(), "tasks[].{key}");
    }
    assert_eq!(v["totals"]["assignments"], 6);
    assert_eq!(v["totals"]["done"], 2);
    assert_eq!(v["totals"]["completion_rate"], 0.4);
    assert_eq!(v["period"]["number"], 2);
    assert_eq!(v["as_of"], "2022-09-10T23:59:59.999999999+08:00");
    assert_eq!(v["not_reported"], serde_json::json!(["乙局"]));
    assert_eq!(v["units"][0]["unit"], "a");
    assert_eq!(v["units"][2]["reported"], false);
}

#[test]
fn default_period_follows_today_and_as_of() {
    let s = fixture();
    let json = |today: &str, extra: &[&str]| {
        let mut args = vec!["report", "plan.toml", "-f", "json"];
        args.extend_from_slice(extra);
        let v: serde_json::Value = serde_json::from_str(&s.text(today, &args)).unwrap();
        (v["period"]["number"].as_u64().unwrap(), v["as_of"].as_str().unwrap().to_string())
    };
    assert_eq!(json("2022-06-10", &[]).0, 1, "the due day is still the current period");
    assert_eq!(json("2022-06-11", &[]).0, 2);
    let (n, at) = json("2023-01-05", &[]);
    assert_eq!(
        (n, at.as_str()),
        (3, "2023-01-05T23:59:59.999999999+08:00"),
        "after the last date: the last period, as of today"
    );
    assert_eq!(
        json("2023-01-05", &["-p", "3"]).1,
        "2022-12-10T23:59:59.999999999+08:00",
        "an asked-for period ends on its date"
    );
    let (n, at) = json("2022-06-01", &["--as-of", "2022-07-15"]);
    assert_eq!((n, at.as_str()), (2, "2022-07-15T23:59:59.999999999+08:00"));
}

#[test]
fn refusals() {
    let s = fixture();
    let (code, _, err) = s.run(TODAY, &["report", "plan.toml", "--kind", "unit"]);
    assert_eq!(code, 1);
    assert!(err.contains("甲局") && err.contains("丙局"), "{err}");
    let (code, _, err) = s.run(TODAY, &["report", "plan.toml", "--period", "4"]);
    assert_eq!(code, 1);
    assert!(err.contains("3"), "{err}");
    let (code, _, _) = s.run(TODAY, &["report", "plan.toml", "--kind", "summary", "--unit", "甲局"]);
    assert_eq!(code, 1);
    let (code, _, _) = s.run(TODAY, &["report", "plan.toml", "--period", "1", "--as-of", "2022-06-01"]);
    assert_eq!(code, 2, "--period and --as-of together is a usage error");
}

#[test]
fn output_file_is_written_whole_and_format_follows_the_extension() {
    let s = fixture();
    let (code, out, err) = s.run(TODAY, &["report", "plan.toml", "-o", "out/../summary.html"]);
    assert_eq!(code, 1, "a missing directory is refused: {err}");
    assert!(out.is_empty());
    let (code, _, err) = s.run(TODAY, &["report", "plan.toml", "-o", "summary.html"]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(s.root.join("summary.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let leftovers: Vec<_> = std::fs::read_dir(&s.root)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let (code, _, _) = s.run(TODAY, &["report", "plan.toml", "-o", "summary.xlsx"]);
    assert_eq!(code, 0);
    assert_eq!(&std::fs::read(s.root.join("summary.xlsx")).unwrap()[..2], b"PK");
}

#[test]
fn no_colour_unless_a_terminal() {
    let s = fixture();
    let out = s.text(TODAY, &["report", "plan.toml", "--period", "2"]);
    assert!(!out.contains('\u{1b}'));
}

/// Marks for the Zhongwei plan across 2022: (time, unit, task, status, percent).
const ZW_MARKS: [(&str, &str, &str, &str, &str); 16] = [
    ("2022-05-30T09:00:00+08:00", "市财政局", "1", "in_progress", "30"),
    ("2022-06-08T16:30:00+08:00", "市财政局", "5", "ongoing", ""),
    ("2022-06-10T23:59:59+08:00", "市发展改革委", "1", "in_progress", "20"),
    ("2022-06-11T00:00:00+08:00", "沙坡头区", "31", "done", ""),
    ("2022-07-20T10:00:00+08:00", "市财政局", "1", "done", ""),
    ("2022-07-21T10:00:00+08:00", "中宁县", "31", "done", ""),
    ("2022-08-02T10:00:00+08:00", "海原县", "31", "blocked", "40"),
    ("2022-08-15T10:00:00+08:00", "市审批服务管理局", "22", "in_progress", "60"),
    ("2022-09-09T10:00:00+08:00", "市政府办公室", "15", "done", ""),
    ("2022-09-10T18:00:00+08:00", "市财政局", "29", "in_progress", "70"),
    ("2022-09-12T10:00:00+08:00", "市财政局", "29", "done", ""),
    ("2022-10-10T10:00:00+08:00", "市统计局", "1", "na", ""),
    ("2022-10-31T17:00:00+08:00", "市发展改革委", "1", "done", ""),
    ("2022-11-05T10:00:00+08:00", "沙坡头区", "26", "ongoing", ""),
    ("2022-12-10T12:00:00+08:00", "市财政局", "26", "ongoing", ""),
    ("2022-12-11T09:00:00+08:00", "中宁县", "26", "ongoing", ""),
];

#[test]
fn zhongwei_three_periods_in_every_format() {
    let s = Sandbox::with("plans/zhongwei-2022.toml");
    for (at, unit, task, status, pct) in ZW_MARKS {
        let extra: Vec<&str> = if pct.is_empty() { vec![] } else { vec!["-p", pct] };
        s.mark(at, unit, task, status, &extra);
    }
    let cutoffs = ["2022-06-10T23:59:59+08:00", "2022-09-10T23:59:59+08:00", "2022-12-10T23:59:59+08:00"];
    for (n, cutoff) in cutoffs.iter().enumerate() {
        let period = (n + 1).to_string();
        let json = s.text("2023-01-10", &["report", "plan.toml", "-p", &period, "-f", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        // Worked out independently: the latest mark at or before the cut-off of each assignment.
        let mut latest: std::collections::BTreeMap<(&str, &str), &str> = Default::default();
        for (at, unit, task, status, _) in ZW_MARKS {
            if at <= *cutoff {
                latest.insert((unit, task), status);
            }
        }
        let done = latest.values().filter(|s| **s == "done").count();
        let na = latest.values().filter(|s| **s == "na").count();
        let assignments = v["totals"]["assignments"].as_u64().unwrap() as usize;
        // 715 assignments, of which 46 are 配合 (23 city departments on tasks 2 and 17), apart.
        assert_eq!(assignments, 669, "every lead and responsible assignment of the plan");
        assert_eq!(v["assist"]["assignments"], 46);
        assert_eq!(v["totals"]["done"].as_u64().unwrap() as usize, done, "period {period}");
        let rate = done as f64 / (assignments - na) as f64;
        assert!((v["totals"]["completion_rate"].as_f64().unwrap() - rate).abs() < 1e-12);
        let reported: std::collections::BTreeSet<&str> = ZW_MARKS
            .iter()
            .filter(|(at, ..)| *at <= *cutoff && (n == 0 || *at > cutoffs[n - 1]))
            .map(|(_, unit, ..)| *unit)
            .collect();
        let units = v["units"].as_array().unwrap();
        for u in units {
            let name = u["name"].as_str().unwrap();
            assert_eq!(u["reported"].as_bool().unwrap(), reported.contains(name), "period {period}: {name}");
        }
        let rate_text = format!("{:.1}%", rate * 100.0);
        for format in ["txt", "md", "html"] {
            let out = s.text("2023-01-10", &["report", "plan.toml", "-p", &period, "-f", format]);
            assert!(out.contains(&rate_text), "period {period} {format} shows {rate_text}");
            assert!(out.contains("中卫市 2022 年政务公开工作要点"), "{format}");
        }
        // A CSV is one table, without a title: the totals are one of them.
        let totals = s.text("2023-01-10", &["report", "plan.toml", "-p", &period, "-f", "csv", "--table", "totals"]);
        // The rate is the 12th column; the 配合 figures follow it.
        let row: Vec<&str> = totals.lines().nth(1).unwrap_or_default().split(',').collect();
        assert_eq!(row.get(11), Some(&rate_text.as_str()), "{totals}");
        let file = format!("p{period}.xlsx");
        let (code, _, err) = s.run("2023-01-10", &["report", "plan.toml", "-p", &period, "-o", &file]);
        assert_eq!(code, 0, "{err}");
        use calamine::Reader;
        let mut wb = calamine::open_workbook_auto(s.root.join(&file)).unwrap();
        let names = wb.sheet_names().to_vec();
        assert_eq!(names, ["总体情况", "单位排名", "分领域", "逾期事项", "未报送单位", "本期完成", "台账明细"]);
        let rows = wb.worksheet_range("台账明细").unwrap();
        let header = rows.rows().position(|r| r.iter().any(|c| *c == "编号")).unwrap();
        assert_eq!(rows.rows().skip(header + 1).filter(|r| !r[0].to_string().is_empty()).count(), 715);
        let summary = wb.worksheet_range("单位排名").unwrap();
        let text: String = summary.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect::<Vec<_>>().join("|");
        assert!(text.contains(units[0]["name"].as_str().unwrap()));
    }
    // Unit reports for 市财政局 in every period and format.
    for period in ["1", "2", "3"] {
        for format in ["txt", "md", "csv", "html", "json"] {
            let out = s.text("2023-01-10", &["report", "plan.toml", "-u", "市财政局", "-p", period, "-f", format]);
            assert!(out.contains("市财政局"), "{period} {format}");
        }
    }
}

/// The visible text of an HTML document: no style sheet, no tags.
fn visible(html: &str) -> String {
    let end = html.find("</style>").map_or(0, |i| i + "</style>".len());
    let mut out = String::new();
    let mut in_tag = false;
    for c in html[end..].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Any `dddd-dd-dd` in `s`.
fn has_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9))
        .any(|i| (0..10).all(|k| if k == 4 || k == 7 { b[i + k] == b'-' } else { b[i + k].is_ascii_digit() }))
}

#[test]
fn zhongwei_demo_prints_as_office_documents() {
    let s = Sandbox::with("plans/zhongwei-2022.toml");
    let data = s.root.join("zhongwei-2022.progress");
    std::fs::create_dir_all(&data).unwrap();
    for f in std::fs::read_dir(env::root().join("examples/zhongwei-2022.progress")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, data.join(f.file_name().unwrap())).unwrap();
    }
    let html = |args: &[&str]| s.text(TODAY, &[&["report", "plan.toml", "-f", "html"], args].concat());
    for args in [&[][..], &["-u", "市财政局"], &["-k", "ledger"]] {
        let doc = html(args);
        assert!(doc.contains("@bottom-center") && doc.contains("counter(page)"), "{args:?}");
        assert!(!doc.contains("<footer") && !doc.contains("taizhang"), "{args:?}");
        let text = visible(&doc);
        assert!(text.contains("2022年9月10日"), "{args:?}");
        assert!(!has_iso_date(&text), "{args:?}");
    }
    let summary = visible(&html(&[]));
    assert!(summary.contains("关于中卫市 2022 年政务公开工作要点第2期落实情况的通报"));
    let close: Vec<&str> = summary.lines().map(str::trim).filter(|l| !l.is_empty()).rev().take(2).collect();
    assert_eq!(close, ["2022年9月10日", "中卫市人民政府办公室"], "the office and date end it");
    let unit = html(&["-u", "市财政局"]);
    assert!(unit.contains("<th>填报人</th><td>王玉兰</td>"));
    for blank in ["联系电话", "审核人", "单位（盖章）"] {
        assert!(unit.contains(&format!("{blank}：<span class=\"blank\"></span>")), "{blank}");
    }
    for format in ["txt", "md"] {
        let out = s.text(TODAY, &["report", "plan.toml", "-u", "市财政局", "-f", format]);
        assert!(out.contains("填报人：王玉兰\n"), "{format}");
        assert!(out.trim_end().ends_with("单位（盖章）：＿＿＿＿＿＿"), "{format}");
    }
}
