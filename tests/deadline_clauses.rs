//! Deadlines that bind only some of a task's units (`[[task.clause]]`) and what a plan infers
//! (`inferred`): the seeds on 2023-01-05, and a county fixture written the way offices write
//! their 任务分工 (tests/fixtures/plans/deadline-clauses.toml).

#[path = "support/env.rs"]
mod env;

use serde_json::Value;
use taizhang::plan::{Plan, Problem, Severity};

const FIXTURE: &str = "tests/fixtures/plans/deadline-clauses.toml";

/// `taizhang --today TODAY ARGS` with an empty ledger; (exit code, stdout, stderr).
fn run(today: &str, args: &[&str]) -> (i32, String, String) {
    let data = env::private_ledger();
    let out = env::taizhang()
        .current_dir(env::root())
        .env("COLUMNS", "160")
        .args(["--today", today, "--data"])
        .arg(data.path())
        .args(args)
        .output()
        .expect("taizhang runs");
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), s(&out.stdout), s(&out.stderr))
}

fn json(today: &str, args: &[&str]) -> Value {
    let (code, out, err) = run(today, args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("json")
}

/// (task, unit) of every overdue row of the summary as of `today`.
fn overdue(plan: &str, today: &str) -> Vec<(String, String)> {
    let v = json(today, &["report", plan, "-f", "json"]);
    let rows = v["rows"].as_array().expect("rows");
    let s = |r: &Value, k: &str| r[k].as_str().unwrap_or_default().to_string();
    rows.iter().filter(|r| r["overdue"] == Value::Bool(true)).map(|r| (s(r, "task"), s(r, "unit"))).collect()
}

#[test]
fn on_2023_01_05_no_unit_is_overdue_for_a_clause_that_does_not_bind_it() {
    let ningxiang = overdue("plans/ningxiang-2022.toml", "2023-01-05");
    // 街道办事处 and 各乡镇人民政府 are on tasks 9 and 13, whose only dates bind the city's units.
    assert!(!ningxiang.iter().any(|(_, u)| u == "jdbsc" || u == "gxzrmzf"), "{ningxiang:?}");
    // The city's units are bound, and with nothing recorded they are overdue.
    for task in ["9", "13"] {
        assert!(ningxiang.contains(&(task.into(), "sfj".into())), "{task}: {ningxiang:?}");
    }
    let nanjing = overdue("plans/nanjing-2022.toml", "2023-01-05");
    // Task 7's 2022年底前 binds the city's departments only; task 12's 年底前 binds the districts.
    assert!(!nanjing.contains(&("7".into(), "xwq".into())), "{nanjing:?}");
    assert!(nanjing.contains(&("7".into(), "sgybm".into())), "{nanjing:?}");
    assert!(nanjing.contains(&("12".into(), "xwq".into())), "{nanjing:?}");
    assert!(!nanjing.contains(&("12".into(), "sgybm".into())), "{nanjing:?}");
}

#[test]
fn every_nanjing_assignment_the_document_does_not_state_is_marked_inferred() {
    let v = json("2022-09-01", &["report", "plans/nanjing-2022.toml", "-f", "json"]);
    let rows = v["rows"].as_array().expect("rows");
    // The document names units only in 6, 7, 12 and 15; 11 and 14 say 各级各部门, expanded.
    let stated = ["6", "7", "12", "15"];
    for r in rows {
        let task = r["task"].as_str().unwrap_or_default();
        let inferred = r["inferred"].as_str();
        match (stated.contains(&task), task) {
            (true, "7") if r["unit"] == "sgybm" => assert!(inferred.is_some(), "7's clause binding is inferred"),
            (true, _) => assert_eq!(inferred, None, "{task} {}", r["unit"]),
            (false, _) => assert!(inferred.is_some_and(|w| w.contains("原文")), "{task} {}", r["unit"]),
        }
    }
    // 玄武区政府 now sees 11 and 14 (各级各部门), marked inferred.
    let xw: Vec<&str> = rows.iter().filter(|r| r["unit"] == "xwq").filter_map(|r| r["task"].as_str()).collect();
    assert!(xw.contains(&"11") && xw.contains(&"14"), "{xw:?}");
}

#[test]
fn the_fixture_loads_with_its_inferences_as_notes() {
    let loaded = Plan::load(&env::root().join(FIXTURE)).expect("loads");
    let notes: Vec<String> = loaded
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Note)
        .map(|d| d.render(FIXTURE, taizhang::Lang::Zh))
        .collect();
    assert_eq!(notes.len(), 4, "{notes:#?}");
    assert!(notes[0].contains("[plan] 中的 `report_dates`"), "{}", notes[0]);
    assert!(notes.iter().any(|n| n.contains("单位组 “各乡镇” 的成员为推定")), "{notes:#?}");
    assert!(notes.iter().any(|n| n.contains(":67:") && n.contains("任务 3 的责任单位为推定")), "{notes:#?}");
    let plan = loaded.plan;
    let t2 = plan.task("2").expect("task 2");
    let due = |unit: &str| {
        let u = plan.unit_index(unit).expect("unit");
        let a = t2.assignees.iter().find(|a| a.unit == u).expect("on task 2");
        (plan.due_of(t2, a), t2.terms(a).phrase.map(str::to_string))
    };
    let dated = chrono::NaiveDate::from_ymd_opt(2024, 12, 31);
    assert_eq!(due("xczj"), (dated, Some("年底前".into())), "县财政局 is bound by the clause");
    assert_eq!(due("hxz"), (None, Some("持续推进".into())), "河西镇 takes the task's own deadline");
    // Task 4: the towns are bound by an inferred clause, the office is not; the towns come in
    // through a group whose members are inferred.
    let t4 = plan.task("4").expect("task 4");
    let hx = t4.assignees.iter().find(|a| plan.units[a.unit].id == "hxz").expect("河西镇");
    assert!(plan.inferred(t4, hx).is_some_and(|w| w.contains("成员按本县辖区补列")));
    let office = t4.assignees.iter().find(|a| plan.units[a.unit].id == "xzfb").expect("县政府办");
    assert_eq!((plan.inferred(t4, office), office.clause), (None, None));
}

#[test]
fn tasks_list_each_clause_and_a_units_own_deadline() {
    let v = json("2024-10-08", &["tasks", FIXTURE, "--format", "json"]);
    let t2 = &v["tasks"][1];
    assert_eq!(t2["deadline"], "持续推进");
    assert_eq!(t2["clauses"][0]["deadline"], "年底前");
    assert_eq!(t2["clauses"][0]["due"], "2024-12-31");
    assert_eq!(t2["clauses"][0]["units"], serde_json::json!(["县直各单位"]));
    let t3 = &v["tasks"][2];
    assert!(t3["inferred"].as_str().is_some_and(|w| w.contains("通知抬头")));
    // One town's list: task 4's clause is its deadline, 9月底前 (overdue by 8 days), marked.
    let town = json("2024-10-08", &["tasks", FIXTURE, "--unit", "河西镇", "--format", "json"]);
    let t4 = town["tasks"].as_array().expect("tasks").iter().find(|t| t["id"] == "4").expect("task 4").clone();
    assert_eq!(
        (t4["deadline"].as_str(), t4["due"].as_str(), t4["days_left"].as_i64()),
        (Some("9月底前"), Some("2024-09-30"), Some(-8))
    );
    assert_eq!(t4["deadline_for"], "9月底前完成便民服务中心公开专区改造");
    // As text: the clause shown with its units, inferred rows marked and footnoted.
    let (code, out, _) = run("2024-10-08", &["tasks", FIXTURE]);
    assert_eq!(code, 0);
    assert!(out.contains("持续推进；年底前（县直各单位）"), "{out}");
    assert!(out.contains("3※"), "{out}");
    assert!(out.contains("※ 任务 3 为推定（原文未写明）：原文未写明责任单位"), "{out}");
}

#[test]
fn clause_mistakes_are_errors_at_the_name() {
    let bad = |body: &str| {
        let src = std::fs::read_to_string(env::root().join(FIXTURE)).expect("fixture") + body;
        match Plan::parse(&src, std::path::Path::new("bad.toml")) {
            Err(taizhang::plan::PlanError::Invalid { diagnostics, .. }) => diagnostics,
            other => panic!("expected errors, got {other:?}"),
        }
    };
    let not_on_task = bad(
        "\n[[task]]\nid = \"5\"\ncontent = \"x\"\nunits = [\"县财政局\"]\n\n[[task.clause]]\ndeadline = \"年底前\"\nunits = [\"城关镇\"]\n",
    );
    assert!(
        matches!(&not_on_task[0].problem, Problem::ClauseUnitNotOnTask { task, name } if task == "5" && name == "城关镇")
    );
    assert_eq!(not_on_task[0].pos.map(|p| p.line), Some(87));
    let overlap = bad(
        "\n[[task]]\nid = \"5\"\ncontent = \"x\"\nunits = [\"县直各单位\"]\n\n[[task.clause]]\ndeadline = \"年底前\"\nunits = [\"县直各单位\"]\n\n[[task.clause]]\ndeadline = \"6月底前\"\nunits = [\"县财政局\"]\n",
    );
    assert!(matches!(&overlap[0].problem, Problem::ClauseOverlap { name, .. } if name == "县财政局"));
    let missing =
        bad("\n[[task]]\nid = \"5\"\ncontent = \"x\"\nunits = [\"县财政局\"]\n\n[[task.clause]]\ntext = \"x\"\n");
    let fields: Vec<_> = missing.iter().map(|d| d.problem.clone()).collect();
    assert!(fields.contains(&Problem::Missing { table: "task.clause", field: "deadline" }), "{fields:?}");
    assert!(fields.contains(&Problem::Missing { table: "task.clause", field: "units" }), "{fields:?}");
}

#[test]
fn reports_mark_inferred_rows_and_footnote_why() {
    let unit = ["--kind", "unit", "--unit", "河西镇"];
    let report = |format: &str| {
        let mut args = vec!["report", FIXTURE, "-f", format];
        args.extend(unit);
        let (code, out, err) = run("2024-10-08", &args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let txt = report("txt");
    assert!(txt.contains("4※"), "{txt}");
    assert!(txt.contains("推定说明（原文未写明）"), "{txt}");
    assert!(txt.contains("※ 报送日期：通知只写“每季度报送一次”"), "{txt}");
    assert!(txt.contains("※ 任务 2、4：原文只写“各乡镇”，成员按本县辖区补列"), "{txt}");
    assert!(txt.contains("※ 任务 4：原文未写明由谁改造"), "{txt}");
    // 县直各单位's task 3 is not 河西镇's: its reason is not footnoted here.
    assert!(!txt.contains("通知抬头"), "{txt}");
    let md = report("md");
    assert!(md.contains("## 推定说明（原文未写明）") && md.contains("- ※ 任务 4：原文未写明由谁改造"), "{md}");
    let html = report("html");
    assert!(html.contains("4※") && html.contains("推定说明（原文未写明）"), "{html}");
    let v: Value = serde_json::from_str(&report("json")).expect("json");
    assert_eq!(v["inferred"][0]["field"], "report_dates");
    assert_eq!(v["inferred"][1]["tasks"], serde_json::json!(["2", "4"]));
    let t4 = v["rows"].as_array().expect("rows").iter().find(|r| r["task"] == "4").expect("task 4").clone();
    assert_eq!(t4["deadline"], "9月底前");
    assert_eq!(t4["deadline_for"], "9月底前完成便民服务中心公开专区改造");
    assert!(t4["inferred"].as_str().is_some_and(|w| w.contains("成员按本县辖区补列")));
    let csv = report("csv");
    let mut rd = csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let heads: Vec<String> = rd.headers().expect("header").iter().map(str::to_string).collect();
    // The two columns are added at the end, before any added since (文件正文).
    let at = heads.iter().position(|h| h == "时限所指事项").expect("时限所指事项");
    assert_eq!(heads[at..at + 2], ["时限所指事项".to_string(), "推定依据（原文未写明）".to_string()]);
    assert!(heads[..at].iter().any(|h| h == "记录编号"), "{heads:?}");
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("row")).collect();
    let row4 = rows.iter().find(|r| &r[0] == "4").expect("task 4 keeps its plain id in CSV");
    assert_eq!(&row4[at], "9月底前完成便民服务中心公开专区改造");
}
