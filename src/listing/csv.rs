//! CSV rendering of a listing: UTF-8 with a BOM so that Excel and WPS read the Chinese text,
//! cells neutralised as `crate::csvout` says.

use super::{Listing, days_label, deadline_label, due_label, progress_label};
use crate::Lang;
use crate::csvout::Csv;

/// The listing as CSV text, headers in `lang`.
pub fn render(list: &Listing, lang: Lang) -> Result<String, csv::Error> {
    let mut w = Csv::new();
    let head = [
        lang.pick("编号", "id"),
        lang.pick("重点任务", "topic"),
        lang.pick("具体内容", "content"),
        lang.pick("牵头单位", "lead"),
        lang.pick("责任单位", "units"),
        lang.pick("本单位角色", "role"),
        lang.pick("时限（原文）", "deadline"),
        lang.pick("截止日期", "due"),
        lang.pick("剩余", "days left"),
        lang.pick("进展", "progress"),
        // Added after the others, so that columns read by position stay where they were.
        lang.pick("配合单位", "assist"),
        lang.pick("推定依据（原文未写明）", "inferred (not in the document)"),
    ];
    w.row(head)?;
    let sep = lang.list_sep();
    for r in &list.tasks {
        let mut units = r.units.join(sep);
        units.push_str(r.others.as_deref().unwrap_or_default());
        w.row([
            r.id.as_str(),
            r.topic.as_deref().unwrap_or_default(),
            r.content.as_str(),
            &r.lead.join(sep),
            &units,
            r.role.map(|x| x.label(lang)).unwrap_or_default(),
            &if r.clauses.is_empty() { r.deadline.clone().unwrap_or_default() } else { deadline_label(r, lang) },
            &due_label(r, lang),
            &days_label(r, lang),
            &if list.has_ledger { progress_label(r, lang) } else { String::new() },
            &r.assist.join(sep),
            r.inferred.as_deref().unwrap_or_default(),
        ])?;
    }
    w.finish()
}
