//! The five seed plans: each loads without errors, holds every task of its document in the
//! document's words — every text field, heading and deadline phrase character for character,
//! after the one normalisation `support/verbatim.rs` states, with the spaces it drops listed in
//! `support/residue.rs` — and its unit lists agree with the responsible cells as printed.

use std::collections::BTreeSet;
use std::path::PathBuf;

use taizhang::Plan;
use taizhang::plan::Target;
use taizhang::plan::responsible::parse_responsible;

#[path = "support/residue.rs"]
mod residue;
#[path = "support/verbatim.rs"]
mod verbatim;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(id: &str) -> Plan {
    let path = root().join("plans").join(format!("{id}.toml"));
    match Plan::load(&path) {
        Ok(l) => l.plan,
        Err(e) => panic!("{}", e.render(taizhang::Lang::En)),
    }
}

/// The seed document's extracted text, as it is.
fn raw(id: &str) -> String {
    let path = root().join("tests/seeds").join(format!("{id}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed document after the one normalisation of `verbatim.rs`, with the plan's listed
/// residue spaces removed.
fn source(id: &str) -> String {
    let places: Vec<_> = residue::PLACES.iter().copied().filter(|p| p.0 == id).collect();
    verbatim::apply(&verbatim::normalise(&raw(id)), &places).unwrap_or_else(|e| panic!("{id}: {e}"))
}

const PLANS: [(&str, usize); 5] = [
    ("ningxiang-2022", 17),
    ("xianning-2022", 47),
    ("zhongfang-2022", 14),
    ("nanjing-2022", 15),
    ("zhongwei-2022", 44),
];

#[test]
fn task_counts_match_the_documents() {
    for (id, count) in PLANS {
        let plan = load(id);
        assert_eq!(plan.tasks.len(), count, "{id}");
        assert_eq!(plan.meta.id, id);
    }
}

/// Every text of a task that is taken from the document, by field name.
fn texts(t: &taizhang::plan::Task) -> Vec<(&'static str, &str)> {
    let fields = [
        ("number", t.number.as_deref()),
        ("section", t.section.as_deref()),
        ("subsection", t.subsection.as_deref()),
        ("topic", t.topic.as_deref()),
        ("content", Some(t.content.as_str())),
        ("requirement", t.requirement.as_deref()),
        ("indicator", t.indicator.as_deref()),
        ("responsible", t.responsible.as_deref()),
        ("others", t.others.as_deref()),
        ("deadline", t.deadline_text.as_deref()),
    ];
    let mut texts: Vec<_> = fields.into_iter().filter_map(|(k, v)| Some((k, v?))).collect();
    // The body's paragraphs, one a line, each the document's.
    texts.extend(t.body.iter().flat_map(|b| b.split('\n')).map(|p| ("body", p)));
    // Deadline clauses: the phrase and the part of the task it binds.
    for c in &t.clauses {
        texts.extend(c.deadline_text.as_deref().map(|p| ("clause deadline", p)));
        texts.extend(c.text.as_deref().map(|p| ("clause text", p)));
    }
    texts
}

#[test]
fn every_text_is_the_documents_own_words_character_for_character() {
    let mut wrong = Vec::new();
    for (id, _) in PLANS {
        let plan = load(id);
        let src = source(id);
        for t in &plan.tasks {
            for (field, text) in texts(t) {
                if let Some(why) = verbatim::mismatch(&src, text) {
                    wrong.push(format!("{id} task {} {field}: {why}", t.id));
                }
            }
        }
        for s in &plan.scopes {
            if let Some(why) = verbatim::mismatch(&src, &s.text) {
                wrong.push(format!("{id} scope rule: {why}"));
            }
        }
        for (field, text) in [("title", Some(plan.meta.title.as_str())), ("doc_no", plan.meta.doc_no.as_deref())] {
            if let Some(why) = text.and_then(|text| verbatim::mismatch(&src, text)) {
                wrong.push(format!("{id} {field}: {why}"));
            }
        }
    }
    assert!(wrong.is_empty(), "not the document's text:\n{}", wrong.join("\n"));
}

#[test]
fn headings_stand_at_the_start_of_a_line_as_in_the_document() {
    for (id, _) in PLANS {
        let (plan, raw) = (load(id), raw(id));
        for t in &plan.tasks {
            for heading in [&t.section, &t.subsection].into_iter().flatten() {
                assert!(verbatim::begins_a_line(&raw, heading), "{id} task {}: no line begins {heading}", t.id);
            }
        }
    }
}

#[test]
fn every_listed_residue_space_is_in_its_tasks_text() {
    for &(id, task, _, plan_text) in residue::PLACES {
        assert!(PLANS.iter().any(|(p, _)| *p == id), "{id}: not a seed plan");
        let plan = load(id);
        let t = plan.task(task).unwrap_or_else(|| panic!("{id}: no task {task}"));
        assert!(texts(t).iter().any(|(_, text)| text.contains(plan_text)), "{id} task {task}: no “{plan_text}”");
    }
}

#[test]
fn verbatim_strings() {
    let zw = load("zhongwei-2022");
    assert_eq!(zw.meta.doc_no.as_deref(), Some("卫政办发〔2022〕49号"));
    let t1 = zw.task("1").unwrap();
    assert_eq!(t1.responsible.as_deref(), Some("各县（区），市发展改革委、财政局、商务局、统计局等相关部门"));
    assert_eq!(t1.deadline_text.as_deref(), Some("2022年10月底"));
    assert_eq!(t1.indicator.as_deref(), Some("查看网站发布信息"));
    assert_eq!(zw.task("5").unwrap().deadline_text.as_deref(), Some("根据政策时限及时推进"));
    let a = zw.task("33").unwrap();
    let b = zw.task("33-2").unwrap();
    assert!(a.content.starts_with("持续进行政府网站升级改造"));
    assert!(b.content.starts_with("严格落实《全区政务新媒体管理细则（试行）》"));
    assert_eq!(b.number.as_deref(), Some("33"));
    let dates: Vec<String> = zw.meta.report_dates.iter().map(|d| d.to_string()).collect();
    assert_eq!(dates, ["2022-06-10", "2022-09-10", "2022-12-10"]);

    // What the table abbreviates, the body keeps.
    for (task, words) in
        [("26", "坚持24小时读网"), ("35", "严格落实“AB岗”制度"), ("36", "自治区将每年9月份确定为全区政府开放月")]
    {
        let body = zw.task(task).and_then(|t| t.body.as_deref()).unwrap_or_default();
        assert!(body.contains(words), "task {task}: {body}");
        assert!(!zw.task(task).unwrap().content.contains(words));
    }

    let xn = load("xianning-2022");
    assert_eq!(xn.task("31").unwrap().deadline_text.as_deref(), Some("2022年9 月"));
    assert!(xn.task("47").unwrap().content.contains("不低于4%的指标要求"));

    let nx = load("ningxiang-2022");
    assert_eq!(nx.meta.doc_no.as_deref(), Some("宁政务办发〔2022〕1号"));
    assert!(nx.task("2").unwrap().content.contains("持续推进反垄断和反不正当竞争执法信息公开"));

    let zf = load("zhongfang-2022");
    assert_eq!(zf.task("6").unwrap().deadline_text.as_deref(), Some("每月更新"));
    let dates: Vec<String> = zf.meta.report_dates.iter().map(|d| d.to_string()).collect();
    assert_eq!(dates, ["2022-06-30", "2022-09-30", "2022-12-31"]);

    let nj = load("nanjing-2022");
    assert!(nj.task("15").unwrap().content.contains("本工作要点印发30日内"));
}

/// Each Zhongwei task's body is the whole paragraph its subsection heading begins, after the
/// heading: the table's row abbreviates it.
#[test]
fn zhongwei_bodies_are_their_headings_paragraphs() {
    let (plan, src) = (load("zhongwei-2022"), source("zhongwei-2022"));
    for t in &plan.tasks {
        let (Some(heading), Some(body)) = (&t.subsection, &t.body) else {
            panic!("task {}: no subsection or body", t.id)
        };
        assert!(src.contains(&format!("{heading}。{body}")), "task {}: not the paragraph of {heading}", t.id);
        let tail: String = body.chars().rev().take(10).collect::<Vec<_>>().into_iter().rev().collect();
        assert!(raw("zhongwei-2022").contains(&format!("{tail}\n")), "task {}: the paragraph goes on after it", t.id);
    }
}

/// The units a task lists, as a set of reporting units after group expansion.
fn assigned(plan: &Plan, targets: &[Target]) -> BTreeSet<String> {
    targets
        .iter()
        .flat_map(|&t| match t {
            Target::Unit(u) => vec![u],
            Target::Group(g) => plan.groups[g].members.clone(),
        })
        .map(|u| plan.units[u].id.clone())
        .collect()
}

#[test]
fn unit_lists_agree_with_the_printed_cells() {
    for (id, _) in PLANS {
        let plan = load(id);
        for t in plan.tasks.iter() {
            let Some(cell) = &t.responsible else { continue };
            let known = |n: &str| plan.lookup(n).is_some();
            let parsed = parse_responsible(cell, &known);
            let resolve = |names: &[String]| -> Vec<Target> {
                names
                    .iter()
                    .map(|n| plan.lookup(n).unwrap_or_else(|| panic!("{id} task {}: {n} unknown", t.id)))
                    .collect()
            };
            let (lead, units) = (resolve(&parsed.lead), resolve(&parsed.units));
            assert_eq!(assigned(&plan, &lead), assigned(&plan, &t.lead), "{id} task {} lead: {cell}", t.id);
            let all_parsed: BTreeSet<_> = assigned(&plan, &lead).union(&assigned(&plan, &units)).cloned().collect();
            let all_listed: BTreeSet<_> = assigned(&plan, &t.lead).union(&assigned(&plan, &t.units)).cloned().collect();
            assert_eq!(all_parsed, all_listed, "{id} task {} units: {cell}", t.id);
            let assist = resolve(&parsed.assist);
            assert_eq!(assigned(&plan, &assist), assigned(&plan, &t.assist), "{id} task {} assist: {cell}", t.id);
            assert_eq!(parsed.others, t.others, "{id} task {} others", t.id);
        }
    }
}
