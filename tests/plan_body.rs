//! A task's `body` — the document body's paragraph(s) that its table row abbreviates — from a
//! plan written for the purpose (tests/fixtures/plans/body-text.toml): it loads verbatim, and a
//! unit report in every format and `taizhang tasks --format json` carry it; a unit report lists
//! each paragraph once, with every task it belongs to.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;

use std::io::Read;

use sandbox::Sandbox;
use taizhang::Plan;

const PLAN: &str = "tests/fixtures/plans/body-text.toml";
const TODAY: &str = "2023-06-01T10:00:00+08:00";
/// Tasks 1 and 2 share it.
const POLICY: &str = "各部门出台涉企政策，要同步起草解读材料，做到应解尽解；解读材料与政策文件同步审签、同步发布，最迟不超过文件公布后3个工作日。县发改局每季度汇总一次全县涉企政策清单，在县政府门户网站“政策文件”栏目集中公开。";
/// Task 3's two paragraphs.
const CLEANUP: [&str; 2] = [
    "县司法局牵头开展行政规范性文件清理，6月底前公布现行有效文件目录，并标注有效期。",
    "清理中发现与上位法不一致的，由制定机关在9月底前修改或废止，结果一并向社会公开。",
];
const HEADING: &str = "文件正文中的相应段落";

fn report(s: &Sandbox, unit: &str, format: &str) -> String {
    let (code, out, err) = s.run_at(TODAY, &["report", "plan.toml", "--kind", "unit", "--unit", unit, "-f", format]);
    assert_eq!(code, 0, "{err}");
    out
}

/// A report written to a file (docx, xlsx), as bytes of the named member of its zip.
fn member(s: &Sandbox, unit: &str, format: &str, name: &str) -> String {
    let file = format!("out.{format}");
    let args = ["report", "plan.toml", "--kind", "unit", "--unit", unit, "-f", format, "-o", &file];
    let (code, _, err) = s.run_at(TODAY, &args);
    assert_eq!(code, 0, "{err}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(s.path(&file)).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut text).unwrap();
    text
}

#[test]
fn the_body_loads_verbatim_and_is_optional() {
    let plan = Plan::load(&env::root().join(PLAN)).unwrap_or_else(|e| panic!("{}", e.render(taizhang::Lang::En))).plan;
    let body = |id: &str| plan.task(id).and_then(|t| t.body.clone());
    assert_eq!(body("1").as_deref(), Some(POLICY));
    assert_eq!(body("2").as_deref(), Some(POLICY));
    assert_eq!(body("3"), Some(CLEANUP.join("\n")));
    assert_eq!(body("4"), None);
    let s = Sandbox::new(PLAN);
    let (code, _, err) = s.run_at(TODAY, &["check", "plan.toml"]);
    assert!(code == 0 && !err.contains("警告:"), "{err}");
}

#[test]
fn tasks_json_has_the_body() {
    let s = Sandbox::new(PLAN);
    let (code, out, err) = s.run_at(TODAY, &["tasks", "plan.toml", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let tasks = v["tasks"].as_array().unwrap();
    assert_eq!(tasks[0]["body"], POLICY);
    assert_eq!(tasks[2]["body"], CLEANUP.join("\n"));
    assert!(tasks[3]["body"].is_null());
    let (_, unit, _) = s.run_at(TODAY, &["tasks", "plan.toml", "--unit", "县司法局", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&unit).unwrap();
    assert_eq!(v["tasks"][0]["body"], CLEANUP.join("\n"));
}

#[test]
fn a_unit_report_lists_each_paragraph_once_with_its_tasks() {
    let s = Sandbox::new(PLAN);
    // Text wraps the paragraph: compared without the line breaks, the column's indent and the
    // heading's rule; the sign-off follows.
    let txt = report(&s, "县发改局", "txt");
    let flat: String = txt.split_once(HEADING).expect(HEADING).1.split_whitespace().collect();
    assert!(flat.replace('─', "").starts_with(&format!("编号文件正文1、2{POLICY}填报人")), "{txt}");
    assert_eq!(txt.matches(HEADING).count(), 1);

    let md = report(&s, "县发改局", "md");
    assert!(md.contains(&format!("## {HEADING}\n\n| 编号 | 文件正文 |\n|---|---|\n| 1、2 | {POLICY} |\n")), "{md}");
    assert_eq!(md.matches("各部门出台涉企政策").count(), 1);

    let html = report(&s, "县司法局", "html");
    assert!(html.contains(&format!("<h2>{HEADING}</h2>")), "{html}");
    assert!(html.contains(&format!("<td>{}</td>", CLEANUP.join("<br>"))), "{html}");

    let json: serde_json::Value = serde_json::from_str(&report(&s, "县发改局", "json")).unwrap();
    let rows = json["rows"].as_array().unwrap();
    assert!(rows.len() == 2 && rows.iter().all(|r| r["body"] == POLICY), "{rows:?}");

    let csv = report(&s, "县司法局", "csv");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert!(lines.next().unwrap().ends_with(",推定依据（原文未写明）,文件正文"), "the last column: {csv}");
    assert!(csv.contains(&format!(",\"{}\"", CLEANUP.join("\n"))), "{csv}");

    let docx = member(&s, "县发改局", "docx", "word/document.xml");
    assert!(docx.contains(HEADING) && docx.contains(POLICY) && docx.contains(">1、2<"), "{docx}");

    let file = "out.xlsx";
    let args = ["report", "plan.toml", "--kind", "unit", "--unit", "县发改局", "-o", file];
    let (code, _, err) = s.run_at(TODAY, &args);
    assert_eq!(code, 0, "{err}");
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(s.path(file)).unwrap();
    assert_eq!(wb.sheet_names()[1], HEADING);
    let cells: Vec<String> = wb.worksheet_range(HEADING).unwrap().cells().map(|(.., c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == POLICY) && cells.iter().any(|c| c == "1、2"), "{cells:?}");
}

#[test]
fn without_a_body_a_report_has_no_such_part() {
    let s = Sandbox::new("tests/fixtures/report/plan.toml");
    for format in ["txt", "md", "html"] {
        assert!(!report(&s, "甲局", format).contains(HEADING), "{format}");
    }
    let s = Sandbox::new(PLAN);
    let (code, summary, _) = s.run_at(TODAY, &["report", "plan.toml"]);
    assert!(code == 0 && !summary.contains(HEADING), "the summary has none: {summary}");
}
