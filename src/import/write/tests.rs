//! The plan writer's output loads as a plan, with the units the cells name.

use super::*;
use crate::import::{Item, Scope};

fn item(number: &str, content: &str, responsible: &str, deadline: &str) -> Item {
    Item {
        number: Some(number.into()),
        content: content.into(),
        responsible: (!responsible.is_empty()).then(|| responsible.into()),
        deadline: (!deadline.is_empty()).then(|| deadline.into()),
        ..Item::default()
    }
}

fn meta() -> Meta {
    Meta {
        id: "demo-2022".into(),
        title: "示例市2022年任务分工".into(),
        year: 2022,
        issuer: None,
        report_dates: Vec::new(),
        source: Some("demo.csv".into()),
    }
}

fn load(text: &str) -> crate::plan::Loaded {
    match crate::Plan::parse(text, std::path::Path::new("demo.toml")) {
        Ok(l) => l,
        Err(e) => panic!("{}\n{text}", e.render(crate::Lang::Zh)),
    }
}

#[test]
fn written_plan_loads_with_roles_groups_and_aliases() {
    let mut items = vec![
        item("1", "做一", "各县（区），市发展改革委、财政局等相关部门", "2022年10月底"),
        item("2", "做二", "市发改委牵头，其他部门配合", "6月中旬"),
        item("2", "做“三”\\", "", "全年持续推进"),
    ];
    items[1].guesses.push("完成时限栏为空".into());
    let found = Recognised { items, scopes: Vec::new() };
    let w = write(&found, &meta());
    let loaded = load(&w.text);
    assert_eq!(loaded.plan.tasks.len(), 3);
    assert_eq!(w.summary.unparsed_deadlines, ["2"]);
    assert_eq!(w.summary.review, ["2", "2-2"]);
    assert_eq!(w.summary.merges, [("市发改委".to_string(), "市发展改革委".to_string())]);
    assert!(w.text.contains("lead = [\"市发展改革委\"]"), "{}", w.text);
    assert!(w.text.contains("# 导入时推测：完成时限栏为空\n"), "{}", w.text);
    assert!(w.text.contains("id = \"2-2\"\nnumber = \"2\""), "{}", w.text);
    assert_eq!(write(&found, &meta()), w, "deterministic");
}

#[test]
fn scopes_become_scope_rules() {
    let items = vec![item("1", "做一", "", ""), item("2", "做二", "市财政局", "")];
    let scopes = vec![Scope {
        text: "以上各项由各县（区）负责".into(), units: "各县（区）".into(), items: 0..2
    }];
    let w = write(&Recognised { items, scopes }, &meta());
    load(&w.text);
    assert!(
        w.text.contains(
            "[[scope]]\ntext = \"以上各项由各县（区）负责\"\nunits = [\"各县（区）\"]\nfrom = \"1\"\nto = \"2\""
        ),
        "{}",
        w.text
    );
    assert!(!w.text.contains(UNDECIDED), "{}", w.text);
}
