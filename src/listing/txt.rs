//! Plain-text rendering of a listing for the terminal: columns aligned by cell width, long
//! text cut with "…" to fit the given width; control characters never pass.

use super::{Listing, Row, days_label, deadline_label, due_label, progress_label, units_label};
use crate::text::{pad, sanitize, truncate, width};
use crate::{Lang, tr};

/// One column: header and a cell extractor.
struct Col<'a> {
    head: &'a str,
    cell: Box<dyn Fn(&Row) -> String + 'a>,
    /// Fixed width, or `None` for the column that takes the remaining space.
    max: Option<usize>,
}

/// Renders `list` for a terminal `cols` cells wide.
pub fn render(list: &Listing, cols: usize, lang: Lang) -> String {
    let columns = columns(list, lang);
    let widths = widths(list, &columns, cols);
    let mut out = heading(list, lang);
    let head: Vec<String> = columns.iter().map(|c| c.head.to_string()).collect();
    out.push_str(&line(&head, &widths));
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    out.push_str(&line(&rule, &widths));
    for r in &list.tasks {
        let cells: Vec<String> = columns.iter().map(|c| sanitize(&(c.cell)(r))).collect();
        out.push_str(&line(&cells, &widths));
    }
    out.push_str(&footnotes(list, lang));
    out
}

/// The mark after the id of a row whose units the document does not state.
const MARK: &str = "※";

/// "※ 推定（原文未写明）：" and each reason, with the tasks it applies to.
fn footnotes(list: &Listing, lang: Lang) -> String {
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for r in &list.tasks {
        let Some(why) = r.inferred.as_deref() else { continue };
        match reasons.iter_mut().find(|(w, _)| *w == why) {
            Some((_, ids)) => ids.push(&r.id),
            None => reasons.push((why, vec![&r.id])),
        }
    }
    let mut out = String::new();
    for (why, ids) in reasons {
        let ids = ids.join(lang.list_sep());
        let note = tr!(
            lang,
            "{MARK} 任务 {ids} 为推定（原文未写明）：{why}",
            "{MARK} tasks {ids} are inferred (not stated by the document): {why}"
        );
        out.push_str(&sanitize(&note));
        out.push('\n');
    }
    out
}

fn heading(list: &Listing, lang: Lang) -> String {
    let title = sanitize(&list.title);
    let n = list.tasks.len();
    match &list.unit {
        Some(u) => tr!(
            lang,
            "{title}\n{} 的分工：{n} 项（截至 {}）\n",
            "{title}\n{}: {n} assignments (as of {})\n",
            sanitize(u),
            list.today
        ),
        None => tr!(lang, "{title}\n共 {n} 项任务（截至 {}）\n", "{title}\n{n} tasks (as of {})\n", list.today),
    }
}

fn columns<'a>(list: &Listing, lang: Lang) -> Vec<Col<'a>> {
    let id = |r: &Row| if r.inferred.is_some() { format!("{}{MARK}", r.id) } else { r.id.clone() };
    let mut cols = vec![Col { head: lang.pick("编号", "id"), cell: Box::new(id), max: Some(8) }];
    if list.unit.is_some() {
        cols.push(Col {
            head: lang.pick("角色", "role"),
            cell: Box::new(move |r: &Row| r.role.map(|x| x.label(lang)).unwrap_or_default().to_string()),
            max: Some(11),
        });
    }
    cols.push(Col { head: lang.pick("任务内容", "task"), cell: Box::new(|r: &Row| content(r)), max: None });
    if list.unit.is_none() {
        cols.push(Col {
            head: lang.pick("责任单位", "units"),
            cell: Box::new(move |r: &Row| units_label(r, lang)),
            max: Some(30),
        });
    }
    cols.push(Col {
        head: lang.pick("时限", "deadline"),
        cell: Box::new(move |r: &Row| deadline_label(r, lang)),
        // Clauses add their phrases and units ("持续推进；年底前（县直各单位）").
        max: Some(if list.tasks.iter().any(|r| !r.clauses.is_empty()) { 32 } else { 16 }),
    });
    cols.push(Col {
        head: lang.pick("截止", "due"), cell: Box::new(move |r: &Row| due_label(r, lang)), max: Some(16)
    });
    cols.push(Col {
        head: lang.pick("剩余", "left"),
        cell: Box::new(move |r: &Row| days_label(r, lang)),
        max: Some(14),
    });
    if list.has_ledger {
        let head = match list.unit {
            Some(_) => lang.pick("状态", "status"),
            None => lang.pick("完成单位", "units done"),
        };
        cols.push(Col { head, cell: Box::new(move |r: &Row| progress_label(r, lang)), max: Some(16) });
    }
    cols
}

/// "topic：content", or the content alone.
fn content(r: &Row) -> String {
    match &r.topic {
        Some(t) => format!("{t}：{}", r.content),
        None => r.content.clone(),
    }
}

/// Fixed columns take what their widest cell needs (up to their cap); the flexible one takes
/// the rest of the line, but never less than 16 cells.
fn widths(list: &Listing, cols: &[Col], total: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = cols
        .iter()
        .map(|c| {
            let widest = list.tasks.iter().map(|r| width(&sanitize(&(c.cell)(r)))).max().unwrap_or(0);
            let need = widest.max(width(c.head));
            c.max.map_or(0, |m| need.min(m))
        })
        .collect();
    let used: usize = widths.iter().sum::<usize>() + 2 * cols.len().saturating_sub(1);
    if let Some(flex) = cols.iter().position(|c| c.max.is_none()) {
        widths[flex] = total.saturating_sub(used).max(16);
    }
    widths
}

fn line(cells: &[String], widths: &[usize]) -> String {
    let last = cells.len().saturating_sub(1);
    let mut out = String::new();
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        let cut = truncate(cell, *w);
        if i == last {
            out.push_str(cut.trim_end());
        } else {
            out.push_str(&pad(&cut, *w));
            out.push_str("  ");
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
