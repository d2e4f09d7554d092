//! The `[[task]]` and `[[scope]]` tables: ids from the 序号 (a repeated number gets "-2", a
//! missing one the item's position), the document's words verbatim, the units read from the
//! responsibility text, and a comment for every guess, unreadable piece and unparsed deadline.

use std::collections::BTreeSet;

use super::{Registry, UNDECIDED, emit};
use crate::import::{Item, Recognised};
use crate::plan::Deadline;

/// The tasks' text, and which tasks need a look.
pub struct Body {
    pub text: String,
    pub unparsed: Vec<String>,
    pub review: Vec<String>,
}

/// Why a deadline found in a task's text binds all its units.
const INFERRED_CLAUSE: &str = "原文未单列完成时限，取自任务正文";

pub fn tasks(found: &Recognised, reg: &mut Registry, year: i32) -> Body {
    let ids = ids(&found.items);
    let covered: BTreeSet<usize> = found.scopes.iter().flat_map(|s| s.items.clone()).collect();
    let mut body = Body { text: String::new(), unparsed: Vec::new(), review: Vec::new() };
    body.text.push_str("# ---------------------------------------------------------------- 任务\n");
    for (k, item) in found.items.iter().enumerate() {
        task(&mut body, item, &ids[k], reg, year, covered.contains(&k));
    }
    for s in &found.scopes {
        let (Some(from), Some(to)) = (ids.get(s.items.start), s.items.end.checked_sub(1).and_then(|e| ids.get(e)))
        else {
            continue;
        };
        let r = reg.read(&s.units);
        let units: Vec<String> = r.lead.into_iter().chain(r.units).chain(r.assist).collect();
        body.text.push_str("[[scope]]\n");
        emit::field(&mut body.text, "text", &s.text);
        emit::list(&mut body.text, "units", &units);
        emit::field(&mut body.text, "from", from);
        emit::field(&mut body.text, "to", to);
        body.text.push('\n');
    }
    body
}

/// Task ids: the printed number when it is usable and not taken; when a document restarts its
/// numbering in each section (1, 2 under 一、, then 1, 2, 3 under 二、), "2.1" — the section's
/// ordinal, then the number; "33-2" for a second 33 still left; the position (1-based) for an
/// item without a number. The printed number is kept in the task's `number`.
fn ids(items: &[Item]) -> Vec<String> {
    let printed: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            item.number
                .as_deref()
                .map(|n| n.split_whitespace().collect::<String>())
                .filter(|n| !n.is_empty() && n.chars().count() <= 30)
                .unwrap_or_else(|| (k + 1).to_string())
        })
        .collect();
    let restarts = printed.iter().collect::<BTreeSet<_>>().len() < printed.len();
    let mut sections: Vec<Option<&str>> = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    items
        .iter()
        .zip(&printed)
        .map(|(item, base)| {
            let section = item.section.as_deref();
            if !sections.contains(&section) {
                sections.push(section);
            }
            let base = match restarts && item.section.is_some() {
                true => format!("{}.{base}", sections.len()),
                false => base.clone(),
            };
            let mut id = base.clone();
            let mut n = 1;
            while !used.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            id
        })
        .collect()
}

fn task(body: &mut Body, item: &Item, id: &str, reg: &mut Registry, year: i32, scoped: bool) {
    let mut guesses = item.guesses.clone();
    let r = item.responsible.as_deref().map(|t| reg.read(t)).unwrap_or_default();
    for piece in &r.unclear {
        guesses.push(format!("责任单位栏中“{piece}”读不出单位，未列入"));
    }
    let mut units = r.units.clone();
    let undecided = r.lead.is_empty() && units.is_empty() && !scoped;
    if undecided {
        reg.add_group(UNDECIDED);
        units.push(UNDECIDED.to_string());
        guesses.push(format!("原文没有写牵头或责任单位，暂记为“{UNDECIDED}”"));
    }
    let named: Vec<String> = r.lead.iter().chain(&units).chain(&r.assist).cloned().collect();
    let clause = item.deadline.as_deref().zip(item.deadline_source.as_deref()).filter(|_| !named.is_empty());
    if let Some((d, sentence)) = item.deadline.as_deref().zip(item.deadline_source.as_deref()) {
        guesses.push(format!("原文未单列完成时限，“{d}”取自任务正文：“{sentence}”"));
    }
    let out = &mut body.text;
    for g in &guesses {
        emit::comment(out, &format!("导入时推测：{g}"));
    }
    if !guesses.is_empty() {
        body.review.push(id.to_string());
    }
    let unparsed = item.deadline.as_deref().filter(|d| Deadline::parse(d, year) == Deadline::Unrecognised);
    if let Some(d) = unparsed {
        emit::comment(out, &format!("完成时限“{d}”无法自动识别：请按原文用 due = {year}-MM-DD 写明截止日期"));
        body.unparsed.push(id.to_string());
    }
    out.push_str("[[task]]\n");
    emit::field(out, "id", id);
    if item.number.as_deref().is_some_and(|n| n != id) {
        emit::opt(out, "number", item.number.as_deref());
    }
    emit::opt(out, "section", item.section.as_deref());
    emit::opt(out, "subsection", item.subsection.as_deref());
    emit::opt(out, "topic", item.topic.as_deref());
    emit::field(out, "content", &item.content);
    emit::opt(out, "requirement", item.requirement.as_deref());
    emit::opt(out, "indicator", item.indicator.as_deref());
    emit::opt(out, "responsible", item.responsible.as_deref());
    emit::list(out, "lead", &r.lead);
    emit::list(out, "units", &units);
    emit::list(out, "assist", &r.assist);
    emit::opt(out, "others", r.others.as_deref());
    if clause.is_none() {
        emit::opt(out, "deadline", item.deadline.as_deref());
    }
    if undecided {
        emit::field(out, "inferred", "原文未写责任单位，导入时暂记为“待确定单位”，请改为实际单位");
    }
    if let Some((d, sentence)) = clause {
        out.push_str("\n[[task.clause]]\n");
        emit::field(out, "deadline", d);
        emit::field(out, "text", sentence);
        emit::list(out, "units", &named);
        emit::field(out, "inferred", INFERRED_CLAUSE);
    }
    out.push('\n');
}
