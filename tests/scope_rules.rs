//! Scope rules (`[[scope]]`): a document that assigns units once for many items ("本部分各项均由
//! 各街道办事处负责落实，下文不再逐一列出") says so once in the plan, and each task it covers gets
//! the units, shown with the rule's words (tests/fixtures/plans/scope-rules.toml).

#[path = "support/env.rs"]
mod env;

use serde_json::Value;
use taizhang::plan::{Plan, Problem};

const FIXTURE: &str = "tests/fixtures/plans/scope-rules.toml";

fn plan() -> Plan {
    let loaded = Plan::load(&env::root().join(FIXTURE)).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.plan
}

/// The unit ids on task `id`, in order.
fn on(plan: &Plan, id: &str) -> Vec<String> {
    let t = plan.task(id).expect("task");
    t.assignees.iter().map(|a| plan.units[a.unit].id.clone()).collect()
}

#[test]
fn a_rule_gives_its_units_to_the_tasks_it_covers_and_no_others() {
    let p = plan();
    // Task 2 names no unit: the section's rule is all it has (no "no units" error).
    assert_eq!(on(&p, "2"), ["dj", "xj"]);
    assert_eq!(on(&p, "3"), ["qzfb", "dj", "xj"]);
    assert_eq!(on(&p, "1"), ["qczj"]);
    assert_eq!(on(&p, "4"), ["qzfb"]);
    assert_eq!(on(&p, "5"), ["qzfb", "qczj"]);
    assert_eq!(on(&p, "6"), ["qzfb", "qczj"]);
    // "以上两项区财政局配合": the rule gives 区财政局 the role 配合.
    let t5 = p.task("5").expect("task 5");
    assert_eq!(t5.assignees[1].role, taizhang::plan::Role::Assist);
    assert_eq!(p.task("2").expect("task 2").assignees[0].role, taizhang::plan::Role::Responsible);
    assert_eq!(p.scopes[0].tasks, ["2", "3"]);
    assert_eq!(p.scopes[1].tasks, ["5", "6"]);
}

#[test]
fn tasks_show_the_rules_units_with_their_words() {
    let data = env::private_ledger();
    let out = env::taizhang()
        .current_dir(env::root())
        .env("COLUMNS", "160")
        .args(["--today", "2024-05-06", "--data"])
        .arg(data.path())
        .args(["tasks", FIXTURE, "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let t3 = &v["tasks"][2];
    assert_eq!(t3["units"], serde_json::json!(["区政府办"]));
    assert_eq!(t3["scopes"][0]["text"], "本部分各项均由各街道办事处负责落实，下文不再逐一列出");
    assert_eq!(t3["scopes"][0]["units"], serde_json::json!(["各街道办事处"]));
    assert_eq!(t3["total_units"], 3);
    assert_eq!(v["tasks"][4]["scopes"][0]["role"], "assist");
    let text = env::taizhang()
        .current_dir(env::root())
        .env("COLUMNS", "160")
        .args(["--today", "2024-05-06", "--data"])
        .arg(data.path())
        .args(["tasks", FIXTURE])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("各街道办事处（范围规定）"), "{text}");
    assert!(text.contains("区政府办；区财政局（范围规定"), "{text}");
}

#[test]
fn a_wrong_rule_is_an_error_at_its_place() {
    let src = std::fs::read_to_string(env::root().join(FIXTURE)).expect("fixture");
    let errors = |from: &str, to: &str| match Plan::parse(&src.replacen(from, to, 1), std::path::Path::new("bad.toml"))
    {
        Err(taizhang::plan::PlanError::Invalid { diagnostics, .. }) => diagnostics,
        other => panic!("expected errors for {to:?}, got {other:?}"),
    };
    let d = errors("from = \"5\"", "from = \"50\"");
    assert!(matches!(&d[0].problem, Problem::ScopeUnknownTask { id } if id == "50"));
    assert_eq!(d[0].pos.map(|p| (p.line, p.col)), Some((39, 8)));
    let d = errors("section = \"二、夯实基层政务公开\"", "section = \"二、夯实基层\"");
    assert!(d.iter().any(|x| x.problem == Problem::ScopeCoversNothing), "{d:?}");
    let d = errors("section = \"二、夯实基层政务公开\"\n", "");
    assert!(d.iter().any(|x| x.problem == Problem::Missing { table: "scope", field: "section" }), "{d:?}");
    let d = errors("role = \"assist\"", "role = \"helper\"");
    assert!(matches!(&d[0].problem, Problem::BadRole { value } if value == "helper"));
    let d = errors("units = [\"各街道办事处\"]", "units = [\"各街道\"]");
    assert!(matches!(&d[0].problem, Problem::ScopeUnknownUnit { name, .. } if name == "各街道"));
}
