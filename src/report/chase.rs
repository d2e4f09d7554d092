//! The chase list (催办清单): from a summary report, the units that have not reported on time
//! in its period and the assignments each still owes (not reported on time, not finished),
//! written as text ready to paste into a notice, or as CSV.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::Datelike;

use super::{Bucket, Options, Report, Reported, Row, RowRef, labels};
use crate::Lang;
use crate::csvout::Csv;
use crate::ledger::Ledger;
use crate::plan::Plan;
use crate::text::sanitize;

/// A unit that has not reported on time, and what it still owes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owed {
    /// Index into the summary's ranked units.
    pub line: usize,
    /// Positions in the report's rows: its lead and responsible assignments not reported on
    /// time in the period and neither done nor not applicable.
    pub rows: Vec<usize>,
}

/// Whether an assignment that reported so in the period and stands in this bucket is still
/// owed for the period.
pub fn owes(reported: Reported, bucket: Bucket) -> bool {
    !reported.on_time() && !matches!(bucket, Bucket::Done | Bucket::NotApplicable)
}

/// The summary `opts` asks for, keeping only the rows still owed (not a province's 50,000), and
/// its chase list: what `report --kind chase` and the lead view's `w` write.
pub fn build(plan: &Plan, ledger: &Ledger, opts: &Options) -> (Report, Vec<Owed>) {
    let keep = &mut |r: &RowRef| owes(r.reported, r.bucket);
    let (report, _) = super::build_kept(plan, ledger, opts, keep);
    let owed = owed(&report);
    (report, owed)
}

/// The units of `report` (a summary with its rows, or with at least every owed row) that did
/// not report on time, in ranking order, each with the lead and responsible rows it still owes
/// (配合 rows are not chased: see `Summary::assist`).
pub fn owed(report: &Report) -> Vec<Owed> {
    let units = &report.summary.units;
    let line_of: HashMap<&str, usize> = units.iter().enumerate().map(|(i, u)| (u.unit.as_str(), i)).collect();
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for (n, r) in report.rows.iter().enumerate() {
        if let Some(&line) = line_of.get(r.unit.as_str())
            && r.role.counted()
            && owes(r.reported, r.bucket)
        {
            rows[line].push(n);
        }
    }
    let late = units.iter().enumerate().filter(|(_, u)| u.not_reported());
    late.map(|(line, _)| Owed { line, rows: std::mem::take(&mut rows[line]) }).collect()
}

/// "《…》第3期（9月10日报送）未按时报送单位" — the list's heading.
pub fn heading(report: &Report, lang: Lang) -> String {
    let (p, due) = (&report.head.period, report.head.period.due);
    crate::tr!(
        lang,
        "《{}》第{}期（{}月{}日报送）未按时报送单位催办清单",
        "{}: units that have not reported for period {} (due {}-{})",
        sanitize(&report.head.plan.title),
        p.number,
        due.month(),
        due.day()
    )
}

/// The list as text: the heading, then one numbered paragraph per unit naming the tasks it
/// owes ("1. 市财政局（2项）：任务3 政府网站集约化；任务7 …").
pub fn write_txt(report: &Report, owed: &[Owed], lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{}", heading(report, lang))?;
    writeln!(w, "{}", labels::subtitle(&report.head, lang))?;
    writeln!(w)?;
    if owed.is_empty() {
        writeln!(w, "{}", lang.pick("所有单位均已按时报送。", "Every unit has reported on time."))?;
    }
    for (i, o) in owed.iter().enumerate() {
        let Some(unit) = report.summary.units.get(o.line) else { continue };
        let tasks: Vec<String> =
            o.rows.iter().filter_map(|&n| report.rows.get(n)).map(|r| task_label(r, lang)).collect();
        let sep = lang.pick("；", "; ");
        let line = crate::tr!(
            lang,
            "{}. {}（{}项）：{}",
            "{}. {} ({} assignments): {}",
            i + 1,
            sanitize(&unit.name),
            o.rows.len(),
            tasks.join(sep)
        );
        writeln!(w, "{line}")?;
    }
    Ok(())
}

/// "任务3 政府网站集约化（2022年9月底前）".
fn task_label(r: &Row, lang: Lang) -> String {
    let name = sanitize(r.topic.as_deref().unwrap_or(&r.content));
    match &r.deadline {
        Some(d) => crate::tr!(lang, "任务{} {name}（{}）", "task {} {name} ({})", r.task, sanitize(d)),
        None => crate::tr!(lang, "任务{} {name}", "task {} {name}", r.task),
    }
}

/// The list as CSV (with the BOM): one row per owed assignment.
pub fn write_csv(report: &Report, owed: &[Owed], lang: Lang, out: &mut dyn Write) -> Result<(), csv::Error> {
    let mut w = Csv::to(out)?;
    w.row([heading(report, lang)])?;
    let head = ["单位", "任务", "重点任务", "具体内容", "完成时限", "状态", "最近更新"];
    let head_en = ["unit", "task", "topic", "content", "deadline", "status", "last update"];
    w.row(if lang == Lang::Zh { head } else { head_en })?;
    for o in owed {
        let Some(unit) = report.summary.units.get(o.line) else { continue };
        for r in o.rows.iter().filter_map(|&n| report.rows.get(n)) {
            w.row([
                unit.name.as_str(),
                r.task.as_str(),
                r.topic.as_deref().unwrap_or_default(),
                r.content.as_str(),
                r.deadline.as_deref().unwrap_or_default(),
                labels::status(r.status, lang),
                &labels::when(r.updated_at, lang),
            ])?;
        }
    }
    w.into_inner()?.flush()?;
    Ok(())
}

#[cfg(test)]
#[path = "chase_tests.rs"]
mod tests;
