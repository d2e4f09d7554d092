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

#[test]
fn a_deadline_from_the_text_is_an_inferred_clause() {
    let mut found = item("1", "做好年报。于9月30日前公布。", "市司法局牵头，市财政局配合", "9月30日前");
    found.deadline_source = Some("于9月30日前公布".into());
    let mut scoped = item("2", "做好公开。年底前完成。", "", "年底前");
    scoped.deadline_source = Some("年底前完成".into());
    let scopes =
        vec![Scope { text: "以上由各县（区）负责".into(), units: "各县（区）".into(), items: 1..2 }];
    let w = write(&Recognised { items: vec![found, scoped], scopes }, &meta());
    let loaded = load(&w.text);
    let t1 = loaded.plan.task("1").unwrap();
    assert_eq!((t1.deadline_text.as_deref(), t1.clauses.len()), (None, 1));
    assert!(
        w.text.contains(
            "[[task.clause]]\ndeadline = \"9月30日前\"\ntext = \"于9月30日前公布\"\nunits = [\"市司法局\", \"市财政局\"]\ninferred = \"原文未单列完成时限，取自任务正文\""
        ),
        "{}",
        w.text
    );
    assert!(
        w.text.contains("# 导入时推测：原文未单列完成时限，“9月30日前”取自任务正文：“于9月30日前公布”"),
        "{}",
        w.text
    );
    let t2 = loaded.plan.task("2").unwrap();
    assert_eq!(
        (t2.deadline_text.as_deref(), t2.clauses.len()),
        (Some("年底前"), 0),
        "no names of its own: the task's deadline"
    );
    assert_eq!(w.summary.review, ["1", "2"]);
}

#[test]
fn numbering_restarted_per_section_gives_section_dotted_ids() {
    let mut items =
        vec![item("1", "做一", "市财政局", ""), item("2", "做二", "市财政局", ""), item("1", "做三", "市财政局", "")];
    items[0].section = Some("一、甲".into());
    items[1].section = Some("一、甲".into());
    items[2].section = Some("二、乙".into());
    let w = write(&Recognised { items, scopes: Vec::new() }, &meta());
    let plan = load(&w.text).plan;
    let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2", "2.1"]);
    assert_eq!(plan.tasks[2].number.as_deref(), Some("1"), "the printed number is kept");
}
