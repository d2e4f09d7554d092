//! Plan loading: group expansion, aliases, roles, defaults, and the diagnostics of bad files.

use std::path::Path;

use super::*;

const SMALL: &str = r#"
[plan]
id = "demo-2022"
title = "示例工作要点"
issuer = "示例市人民政府办公室"
issued = 2022-06-14
year = 2022

[[unit]]
id = "fgw"
name = "市发展改革委"
aliases = ["市发改委", "市发展和改革委员会"]

[[unit]]
id = "czj"
name = "市财政局"

[[unit]]
id = "xa"
name = "甲县"

[[unit]]
id = "xb"
name = "乙县"

[[group]]
id = "gx"
name = "各县（区）"
members = ["甲县", "xb"]

[[group]]
id = "xz"
name = "各乡镇"

[[task]]
id = "1"
content = "做好公开。"
responsible = "各县（区），市发展改革委牵头，财政局等部门配合"
deadline = "2022年10月底"

[[task]]
id = "2"
content = "持续公开。"
lead = ["市发改委"]
units = ["各县(区)", "市发展和改革委员会", "各乡镇"]
deadline = "全年持续推进"

[[task]]
id = "3"
content = "按时发布。"
units = ["czj"]
deadline = "下个月"
due = 2022-07-15
"#;

fn small() -> Loaded {
    Plan::parse(SMALL, Path::new("demo.toml")).unwrap()
}

fn names(plan: &Plan, t: &Task) -> Vec<(String, Role)> {
    t.assignees.iter().map(|a| (plan.units[a.unit].name.clone(), a.role)).collect()
}

#[test]
fn responsible_cell_is_read_with_roles_and_shared_prefix() {
    let loaded = small();
    let plan = &loaded.plan;
    let t = plan.task("1").unwrap();
    assert_eq!(
        names(plan, t),
        [
            ("市发展改革委".to_string(), Role::Lead),
            ("甲县".to_string(), Role::Responsible),
            ("乙县".to_string(), Role::Responsible),
            ("市财政局".to_string(), Role::Assist),
        ]
    );
    assert_eq!(t.others.as_deref(), Some("等部门"));
}

#[test]
fn aliases_and_groups_expand_once_with_lead_kept() {
    let loaded = small();
    let plan = &loaded.plan;
    let t = plan.task("2").unwrap();
    let got = names(plan, t);
    assert_eq!(got[0], ("市发展改革委".to_string(), Role::Lead));
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got.contains(&("各乡镇".to_string(), Role::Responsible)));
}

#[test]
fn memberless_group_reports_as_one_unit_and_warns() {
    let loaded = small();
    let u = loaded.plan.find_unit("各乡镇").unwrap();
    assert!(loaded.plan.units[u].is_group);
    assert_eq!(loaded.plan.units[u].id, "xz");
    assert!(loaded.warnings.iter().any(|w| matches!(&w.problem, Problem::EmptyGroup { group } if group == "各乡镇")));
}

#[test]
fn explicit_due_overrides_and_silences_the_phrase() {
    let loaded = small();
    let t = loaded.plan.task("3").unwrap();
    assert_eq!(loaded.plan.due(t), NaiveDate::from_ymd_opt(2022, 7, 15));
    assert!(!loaded.warnings.iter().any(|w| matches!(w.problem, Problem::UnparsedDeadline { .. })));
}

#[test]
fn default_report_dates_start_after_issue() {
    let loaded = small();
    let dates: Vec<String> = loaded.plan.meta.report_dates.iter().map(|d| d.to_string()).collect();
    assert_eq!(dates, ["2022-09-10", "2022-12-10"]);
    assert!(loaded.plan.meta.default_report_dates);
}

#[test]
fn unit_lookup_by_alias_id_short_name_and_group() {
    let loaded = small();
    let plan = &loaded.plan;
    let fgw = plan.find_unit("市发改委").unwrap();
    assert_eq!(plan.find_unit("fgw"), Ok(fgw));
    assert_eq!(plan.find_unit("发改委"), Ok(fgw));
    assert_eq!(plan.find_unit("财政局").map(|u| plan.units[u].name.as_str()), Ok("市财政局"));
    assert!(
        matches!(plan.find_unit("各县（区）"), Err(UnitLookupError::Group { members, .. }) if members == ["甲县", "乙县"])
    );
    match plan.find_unit("市财政厅") {
        Err(UnitLookupError::Unknown { suggestions, .. }) => assert_eq!(suggestions[0], "市财政局"),
        other => panic!("{other:?}"),
    }
    assert_eq!(plan.assignments_of(fgw).len(), 2);
}

/// SMALL with one more task.
fn with_task(task: &str) -> Result<Loaded, PlanError> {
    Plan::parse(&format!("{SMALL}\n[[task]]\n{task}"), Path::new("demo.toml"))
}

#[test]
fn a_unit_named_under_two_roles_keeps_the_stronger_and_is_warned_about() {
    let loaded =
        with_task("id = \"9\"\ncontent = \"公开。\"\nlead = [\"市财政局\"]\nassist = [\"czj\", \"各县（区）\"]")
            .unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
    let t = loaded.plan.task("9").unwrap();
    let roles: Vec<(&str, Role)> =
        t.assignees.iter().map(|a| (loaded.plan.units[a.unit].id.as_str(), a.role)).collect();
    assert_eq!(roles, [("czj", Role::Lead), ("xa", Role::Assist), ("xb", Role::Assist)]);
    // Task 2 of SMALL names 市发展改革委 as lead and, by another alias, as responsible.
    let warned: Vec<&Problem> =
        loaded.warnings.iter().map(|w| &w.problem).filter(|p| matches!(p, Problem::TwoRoles { .. })).collect();
    assert_eq!(
        warned,
        [
            &Problem::TwoRoles {
                task: "2".into(),
                name: "市发展改革委".into(),
                kept: Role::Lead,
                also: Role::Responsible
            },
            &Problem::TwoRoles { task: "9".into(), name: "市财政局".into(), kept: Role::Lead, also: Role::Assist }
        ]
    );
    let text = Diagnostic::warning(None, warned[1].clone()).render("demo.toml", Lang::Zh);
    assert!(text.contains("既列为牵头单位又列为配合单位，按牵头计"), "{text}");
}

#[test]
fn assisting_units_alone_are_not_enough() {
    let Err(PlanError::Invalid { diagnostics, .. }) =
        with_task("id = \"9\"\ncontent = \"公开。\"\nassist = [\"市财政局\"]")
    else {
        panic!("a task with only 配合 units must not load");
    };
    assert!(diagnostics.iter().any(|d| d.problem == Problem::NoUnits { task: "9".into() }), "{diagnostics:?}");
    let Err(PlanError::Invalid { diagnostics, .. }) =
        with_task("id = \"9\"\ncontent = \"公开。\"\nresponsible = \"市财政局配合\"")
    else {
        panic!("a cell naming only 配合 units must not load");
    };
    assert!(diagnostics.iter().any(|d| d.problem == Problem::NoUnits { task: "9".into() }), "{diagnostics:?}");
}
