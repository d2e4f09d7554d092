//! What the plan sets that its document does not state (assignments, the units a deadline
//! clause binds, `[plan]` fields), gathered for a report's footnotes and said in words.

use serde::Serialize;

use crate::plan::Plan;
use crate::{Lang, tr};

/// One thing the plan infers, as a report footnotes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footnote {
    /// The `[plan]` field it concerns (`issuer`, `report_dates`, …); `None` for tasks.
    pub field: Option<&'static str>,
    /// The tasks whose assignments in the report (the unit's, for a unit report) it concerns,
    /// in plan order.
    pub tasks: Vec<String>,
    /// Why the plan sets it, as the plan says.
    pub reason: String,
}

/// The mark on a row whose assignment (or deadline binding) the document does not state.
pub const MARK: &str = "※";

/// What a report of `unit` (every unit when `None`) rests on that the document does not state:
/// the `[plan]` fields first, then one footnote per reason with the tasks it concerns.
pub fn gather(plan: &Plan, unit: Option<usize>) -> Vec<Footnote> {
    let mut out: Vec<Footnote> = plan
        .meta
        .inferred
        .fields()
        .map(|(key, why)| Footnote { field: Some(key), tasks: Vec::new(), reason: why.to_string() })
        .collect();
    let first_task = out.len();
    for task in &plan.tasks {
        let in_scope = task.assignees.iter().filter(|a| unit.is_none_or(|u| a.unit == u));
        for a in in_scope {
            let clause = a.clause.and_then(|c| task.clauses.get(usize::from(c)));
            let whys = [plan.inferred(task, a), clause.and_then(|c| c.inferred.as_deref())];
            for why in whys.into_iter().flatten() {
                match out[first_task..].iter_mut().find(|f| f.reason == why) {
                    Some(f) if f.tasks.last() != Some(&task.id) => f.tasks.push(task.id.clone()),
                    Some(_) => {}
                    None => out.push(Footnote { field: None, tasks: vec![task.id.clone()], reason: why.to_string() }),
                }
            }
        }
    }
    out
}

/// The heading of the footnotes.
pub fn heading(lang: Lang) -> &'static str {
    lang.pick("推定说明（原文未写明）", "Inferred (not stated by the document)")
}

/// Each footnote as a line: "※ 任务 1、2、3：原文未写明责任单位……", "※ 发文机关：……".
pub fn lines(notes: &[Footnote], lang: Lang) -> Vec<String> {
    notes.iter().map(|f| tr!(lang, "{MARK} {}：{}", "{MARK} {}: {}", what(f, lang), f.reason)).collect()
}

/// What a footnote concerns: "任务 1、2、3", "发文机关".
pub fn what(f: &Footnote, lang: Lang) -> String {
    match f.field {
        Some(key) => field(key, lang).to_string(),
        None => tr!(lang, "任务 {}", "task {}", f.tasks.join(lang.list_sep())),
    }
}

/// A `[plan]` field's name in words.
fn field(key: &str, lang: Lang) -> &'static str {
    match key {
        "title" => lang.pick("计划标题", "the title"),
        "issuer" => lang.pick("发文机关", "the issuer"),
        "doc_no" => lang.pick("文号", "the document number"),
        "issued" => lang.pick("印发日期", "the issue date"),
        "year" => lang.pick("年度", "the year"),
        "report_dates" => lang.pick("报送日期", "the report dates"),
        _ => lang.pick("计划信息", "plan metadata"),
    }
}
