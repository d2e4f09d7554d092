//! Kinds of groups: "县直各单位" binds every member, whose 不适用 counts as not started;
//! "县直相关部门" only the members concerned, whose 不适用 takes the assignment out of the count;
//! a group the document names openly (`open = true`) draws a warning naming the members taken
//! from elsewhere in the document (tests/fixtures/plans/group-kinds.toml).

#[path = "support/env.rs"]
mod env;

use serde_json::Value;
use taizhang::plan::{GroupKind, Plan, Problem};

const FIXTURE: &str = "tests/fixtures/plans/group-kinds.toml";

/// `taizhang --today TODAY --data DATA ARGS`; (exit code, stdout, stderr).
fn run(data: &std::path::Path, today: &str, args: &[&str]) -> (i32, String, String) {
    let out = env::taizhang()
        .current_dir(env::root())
        .env("COLUMNS", "160")
        .args(["--today", today, "--data"])
        .arg(data)
        .args(args)
        .output()
        .expect("taizhang runs");
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), s(&out.stdout), s(&out.stderr))
}

#[test]
fn kinds_come_from_the_name_unless_written() {
    let plan = Plan::load(&env::root().join(FIXTURE)).expect("loads").plan;
    let kind = |name: &str| plan.groups.iter().find(|g| g.name == name).map(|g| g.kind);
    assert_eq!(kind("县直各单位"), Some(GroupKind::Every));
    assert_eq!(kind("县直相关部门"), Some(GroupKind::Concerned));
    assert_eq!(kind("有关单位"), Some(GroupKind::Every), "kind = \"every\" overrides the name");
    assert_eq!(GroupKind::of_name("市政府各有關部門"), GroupKind::Concerned, "traditional script too");
    let bad = std::fs::read_to_string(env::root().join(FIXTURE))
        .expect("fixture")
        .replace("kind = \"every\"", "kind = \"all\"");
    match Plan::parse(&bad, std::path::Path::new("bad.toml")) {
        Err(taizhang::plan::PlanError::Invalid { diagnostics, .. }) => {
            assert!(matches!(&diagnostics[0].problem, Problem::BadGroupKind { value, .. } if value == "all"));
            assert_eq!(diagnostics[0].pos.map(|p| p.line), Some(41));
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn an_open_group_is_a_warning_naming_the_members_taken_from_elsewhere() {
    let data = env::private_ledger();
    let (code, out, err) = run(data.path(), "2024-07-01", &["check", FIXTURE]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("警告 1 条"), "{out}");
    assert!(
        err.contains("group-kinds.toml:35:8: 单位组 “县直相关部门” 是原文的开放说法")
            && err.contains("现列 4 个成员，其中 1 个取自原文其他各处点名的单位（县交通运输局）"),
        "{err}"
    );
    assert!(err.contains("核对完毕后删去 open = true"), "{err}");
}

#[test]
fn not_applicable_exempts_only_members_a_group_concerns_only_if_concerned() {
    let data = env::private_ledger();
    for task in ["1", "2"] {
        let args =
            ["mark", FIXTURE, "--unit", "县教育局", "--task", task, "--status", "不适用", "--note", "本局不涉及"];
        let (code, _, err) = run(data.path(), "2024-05-20T10:00:00+08:00", &args);
        assert_eq!(code, 0, "{err}");
        // Only task 1's 不适用 (县直各单位: every member) is said to count as not started.
        assert_eq!(err.contains("“不适用”仍按未启动计入完成率"), task == "1", "{task}: {err}");
    }
    let (code, out, err) = run(data.path(), "2024-07-01", &["report", FIXTURE, "-f", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    let row = |task: &str| {
        v["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["task"] == task && r["unit"] == "jyj")
            .expect("row")
            .clone()
    };
    // 县直各单位: every member must do it; 不适用 counts as not started, and it is past 6月底.
    assert_eq!((row("1")["status"].as_str(), row("1")["bucket"].as_str()), (Some("na"), Some("overdue")));
    // 县直相关部门: only those concerned; 不适用 takes it out.
    assert_eq!(row("2")["bucket"], "not_applicable");
    // Totals: 10 assignments; the one exempt 不适用 is n/a, the other counts as not started.
    assert_eq!(v["totals"]["assignments"], 10);
    assert_eq!(v["totals"]["na"], 1);
    let unit = v["units"].as_array().expect("units").iter().find(|u| u["unit"] == "jyj").expect("jyj").clone();
    assert_eq!((unit["assignments"].as_u64(), unit["overdue"].as_u64()), (Some(2), Some(1)));
    // The text says why the 不适用 of task 1 still counts.
    let unit_md = ["report", FIXTURE, "--kind", "unit", "--unit", "县教育局", "-f", "md"];
    let (_, md, _) = run(data.path(), "2024-07-01", &unit_md);
    assert!(md.contains("| 1 |") && md.contains("| 不适用（须落实，按未启动计） |"), "{md}");
    assert_eq!(md.matches("不适用").count(), 2, "{md}");
}
