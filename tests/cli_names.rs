//! Unit names across scripts, as users type them: a plan written in traditional script found by
//! simplified names on the command line, and the reverse (tests/fixtures/plans/traditional-names.toml).

#[path = "support/env.rs"]
mod env;

use taizhang::plan::{Plan, Target, UnitLookupError};

const FIXTURE: &str = "tests/fixtures/plans/traditional-names.toml";

fn plan() -> Plan {
    let loaded = Plan::load(&env::root().join(FIXTURE)).expect("the fixture loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.plan
}

fn unit_name(plan: &Plan, name: &str) -> Option<String> {
    plan.find_unit(name).ok().map(|u| plan.units[u].name.clone())
}

/// `taizhang ARGS` in a fresh ledger directory; (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String, tempfile::TempDir) {
    let data = env::private_ledger();
    let out = env::taizhang()
        .current_dir(env::root())
        .env("COLUMNS", "120")
        .args(["--today", "2024-05-06T09:30:00+08:00", "--data"])
        .arg(data.path())
        .args(args)
        .output()
        .expect("taizhang runs");
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), s(&out.stdout), s(&out.stderr), data)
}

#[test]
fn simplified_names_find_traditional_units_and_the_reverse() {
    let p = plan();
    assert_eq!(unit_name(&p, "市行政审批服务局").as_deref(), Some("市行政審批服務局"));
    assert_eq!(unit_name(&p, "市發展和改革委員會").as_deref(), Some("市發展和改革委員會"));
    assert_eq!(unit_name(&p, "市发展和改革委员会").as_deref(), Some("市發展和改革委員會"));
    assert_eq!(unit_name(&p, "市发改委").as_deref(), Some("市發展和改革委員會"));
    // A unit declared in simplified script, looked up in traditional.
    assert_eq!(unit_name(&p, "市財政局").as_deref(), Some("市财政局"));
    // Hong Kong variant forms (衞) and the level word left out ("财政局") together.
    assert_eq!(unit_name(&p, "市卫生健康委员会").as_deref(), Some("市衞生健康委員會"));
    assert_eq!(unit_name(&p, "財政局").as_deref(), Some("市财政局"));
    // A group in the other script is still a group.
    assert!(matches!(p.find_unit("各区政府"), Err(UnitLookupError::Group { .. })));
    assert!(matches!(p.lookup("各区人民政府"), Some(Target::Group(_))));
}

#[test]
fn references_inside_the_plan_match_across_scripts() {
    let p = plan();
    let names = |task: &str| -> Vec<String> {
        let t = p.task(task).expect("the task exists");
        t.assignees.iter().map(|a| p.units[a.unit].name.clone()).collect()
    };
    // lead and units written in simplified resolve to the traditional units, group expanded.
    assert_eq!(names("1"), ["市行政審批服務局", "東區區政府", "西區區政府", "北區區政府"]);
    assert_eq!(names("2"), ["市發展和改革委員會", "市财政局"]);
    assert_eq!(names("3"), ["市衞生健康委員會", "東區區政府", "西區區政府", "北區區政府"]);
    // Group members named in simplified script resolve too.
    let g = &p.groups[0];
    assert_eq!(g.members.len(), 3);
}

#[test]
fn tasks_with_a_simplified_unit_name_show_the_traditional_unit() {
    let (code, stdout, stderr, _data) = run(&["tasks", FIXTURE, "--unit", "市行政审批服务局"]);
    assert_eq!(code, 0, "{stderr}");
    // Shown as the plan writes it, with its one task.
    assert!(stdout.contains("市行政審批服務局 的分工：1 项"), "{stdout}");
    assert!(!stdout.contains("市行政审批服务局"), "{stdout}");
    assert!(stdout.contains("深化行政審批信息公開"), "{stdout}");
}

#[test]
fn mark_with_a_traditional_name_records_for_a_simplified_unit() {
    let (code, stdout, stderr, data) =
        run(&["mark", FIXTURE, "-u", "市財政局", "-t", "2", "-s", "推进中", "--note", "已公開項目批准信息"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // The record is kept under the unit's id, whichever script named it.
    assert!(data.path().join("czj.toml").is_file(), "{stdout}{stderr}");
    let (code, stdout, stderr, _data) = run(&["tasks", FIXTURE, "--unit", "czj"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("市财政局 的分工：1 项"), "{stdout}");
}

#[test]
fn an_unrelated_name_is_still_unknown_with_suggestions() {
    let (code, stdout, stderr, _data) = run(&["tasks", FIXTURE, "--unit", "市行政服務中心"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("没有单位 “市行政服務中心”"), "{stderr}");
    assert!(stderr.contains("相近的单位有：市行政審批服務局"), "{stderr}");
}
