//! The round trip on the Zhongwei plan, as the office runs it for period 2: `template --all`
//! writes one sheet per unit (27); three units fill theirs in (a status, a note, a percent);
//! merging them yields exactly those records, which the period's summary and unit reports then
//! show — and the two of them that had not reported leave the list of units not reported.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;
#[path = "support/sheets.rs"]
mod sheets;

use sandbox::Sandbox;
use sheets::{Book, V, merged_records, text};

const PLAN: &str = "zhongwei-2022.toml";
/// When the sheets come back (they were sent on 2022-09-01).
const LATER: &str = "2022-09-06T16:00:00+08:00";

fn json(s: &Sandbox, args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = s.run_at(LATER, args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

/// The report's row of `task` for `unit`.
fn row<'a>(report: &'a serde_json::Value, task: &str, unit: &str) -> &'a serde_json::Value {
    let rows = report["rows"].as_array().unwrap();
    rows.iter().find(|r| r["task"] == task && r["unit"] == unit).unwrap()
}

fn not_reported(report: &serde_json::Value) -> Vec<String> {
    report["not_reported"].as_array().unwrap().iter().map(|u| u.as_str().unwrap().to_string()).collect()
}

#[test]
fn zhongwei_round_trip_for_period_two() {
    let s = sheets::zhongwei_with_demo();
    let r = s.run(&["template", PLAN, "--all", "-o", "第2期/"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let plan = taizhang::Plan::load(&s.path(PLAN)).unwrap().plan;
    let with_assignments = (0..plan.units.len()).filter(|&u| !plan.assignments_of(u).is_empty()).count();
    let files = std::fs::read_dir(s.path("第2期")).unwrap().count();
    assert_eq!((files, with_assignments, plan.units.len()), (27, 27, 27), "one sheet per unit of the plan");
    assert_eq!(r.stdout.lines().count(), 27, "{}", r.stdout);

    let before = json(&s, &["report", PLAN, "--period", "2", "-f", "json"]);
    let chased = not_reported(&before);
    assert!(chased.contains(&"市商务局".to_string()) && chased.contains(&"市统计局".to_string()), "{chased:?}");
    let (_, chase, _) = s.run_at(LATER, &["report", PLAN, "--kind", "chase", "--period", "2"]);
    assert!(chase.contains(". 市商务局（") && chase.contains(". 市统计局（"), "{chase}");

    // 市财政局 finishes task 9; 市商务局 rewrites its note on task 3; 市统计局 raises task 16 to 70%.
    let fill = |unit: &str, edit: &dyn Fn(&mut Book)| {
        let path = s.path(&format!("第2期/{unit}-第2期台账.xlsx"));
        let mut b = Book::open(&path);
        edit(&mut b);
        b.save(&s.path(&format!("{unit}.xlsx")));
    };
    fill("市财政局", &|b| {
        b.set("9", 'G', text("完成"));
        b.set("9", 'H', V::Num(100.0));
        b.set("9", 'M', text("王玉兰"));
        b.set("9", 'N', text("2022-09-05"));
    });
    fill("市商务局", &|b| {
        b.set("3", 'I', text("已汇总帮扶政策22项，全部在门户网站公开。"));
        b.set("3", 'M', text("李四"));
        b.set("3", 'N', text("2022/9/2"));
    });
    fill("市统计局", &|b| {
        b.set("16", 'H', text("70%"));
        b.set("16", 'N', text("2022年9月6日"));
    });
    let files = ["merge", PLAN, "市财政局.xlsx", "市商务局.xlsx", "市统计局.xlsx"];
    insta::assert_snapshot!(s.transcript_at(LATER, &files));
    for (file, unit, task) in
        [("市财政局.xlsx", "sczj", "9"), ("市商务局.xlsx", "sswj", "3"), ("市统计局.xlsx", "stjj", "16")]
    {
        let got = merged_records(&s.path(&format!("zhongwei-2022.progress/{unit}.toml")));
        assert_eq!(got.len(), 1, "{unit}: exactly the one change");
        assert_eq!((got[0].0.as_str(), got[0].6.as_str()), (task, file));
    }

    let after = json(&s, &["report", PLAN, "--period", "2", "-f", "json"]);
    let done = row(&after, "9", "sczj");
    assert_eq!((&done["status"], &done["percent"], &done["by"]), (&"done".into(), &100.into(), &"王玉兰".into()));
    assert_eq!(row(&after, "3", "sswj")["note"], "已汇总帮扶政策22项，全部在门户网站公开。");
    let raised = row(&after, "16", "stjj");
    assert_eq!((&raised["percent"], &raised["updated_in_period"]), (&70.into(), &true.into()));
    let left: Vec<String> = chased.iter().filter(|u| *u != "市商务局" && *u != "市统计局").cloned().collect();
    assert_eq!(not_reported(&after), left, "the two units that sent their sheets are no longer chased");
    let (_, chase, _) = s.run_at(LATER, &["report", PLAN, "--kind", "chase", "--period", "2", "-f", "csv"]);
    assert!(!chase.contains("市商务局") && !chase.contains("市统计局"), "{chase}");
    assert!(chase.contains(&format!("\n{},", left[0])), "{chase}");
    let (code, _, err) = s.run_at(LATER, &["report", PLAN, "--kind", "chase", "-f", "html"]);
    assert!(code == 2 && err.contains("催办清单只写成文本（txt）或 CSV"), "{err}");
    let unit = json(&s, &["report", PLAN, "--unit", "市统计局", "--period", "2", "-f", "json"]);
    assert_eq!(row(&unit, "16", "stjj")["percent"], 70);
}
