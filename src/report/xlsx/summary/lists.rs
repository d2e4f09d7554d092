//! The summary's lists, each on its own sheet: overdue assignments with their tasks (逾期事项),
//! units that did not report (未报送单位), and what was completed this period (本期完成).

use std::borrow::Cow;

use rust_xlsxwriter::XlsxError;

use super::{Cell, Grid, SHORT_CAP, Sheet};
use crate::Lang;
use crate::report::{View, labels};

/// Task, topic, content, unit, deadline, due, days overdue, status, percent.
pub(in crate::report::xlsx) const OVERDUE_CAPS: [usize; 9] = [8, 24, 50, 24, 16, SHORT_CAP, 8, 12, 8];
/// Number, unit.
pub(in crate::report::xlsx) const NOT_REPORTED_CAPS: [usize; 2] = [8, 40];
/// Task, topic, content, unit, updated.
pub(in crate::report::xlsx) const COMPLETED_CAPS: [usize; 5] = [8, 24, 50, 24, SHORT_CAP];

/// 逾期事项: the overdue assignments, with the task they belong to.
pub(in crate::report::xlsx) fn overdue(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    let mut sh = Sheet::start(g, v, lang, "overdue", OVERDUE_CAPS.len())?;
    let mut titles = sh.cols(&["task", "topic", "content", "unit", "deadline", "due"]);
    titles.push(labels::overdue_days(lang));
    titles.extend(sh.cols(&["status", "percent"]));
    sh.table_head(&titles, true)?;
    for r in v.picked(&v.summary().overdue) {
        sh.line(&[
            Cell::Text(crate::report::cells::task_id(&r)),
            Cell::Text(Cow::Borrowed(r.topic.unwrap_or_default())),
            Cell::text(r.content),
            Cell::text(r.unit_name),
            Cell::Text(Cow::Borrowed(r.deadline.unwrap_or_default())),
            r.due.map_or(Cell::Blank, Cell::Date),
            r.days_left.map_or(Cell::Blank, |d| Cell::Int(-d)),
            Cell::text(labels::status(r.status, lang)),
            r.percent.map_or(Cell::Blank, |p| Cell::Int(p.into())),
        ])?;
    }
    if v.summary().overdue.is_empty() {
        sh.none()?;
    }
    Ok(())
}

/// 未报送单位: units that did not report on time, and which of them reported late.
pub(in crate::report::xlsx) fn not_reported(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    let s = v.summary();
    let mut sh = Sheet::start(g, v, lang, "not_reported", NOT_REPORTED_CAPS.len())?;
    sh.table_head(&sh.cols(&["no", "unit"]), false)?;
    for (i, name) in s.not_reported.iter().enumerate() {
        sh.line(&[Cell::int(i + 1), Cell::text(name)])?;
    }
    if s.not_reported.is_empty() {
        sh.none()?;
    }
    if let Some(late) = labels::late_units(s, lang) {
        sh.para(&late)?;
    }
    Ok(())
}

/// 本期完成: assignments completed this period, with their tasks.
pub(in crate::report::xlsx) fn completed(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    let mut sh = Sheet::start(g, v, lang, "completed", COMPLETED_CAPS.len())?;
    sh.table_head(&sh.cols(&["task", "topic", "content", "unit", "updated"]), true)?;
    for r in v.picked(&v.summary().completed) {
        sh.line(&[
            Cell::Text(crate::report::cells::task_id(&r)),
            Cell::Text(Cow::Borrowed(r.topic.unwrap_or_default())),
            Cell::text(r.content),
            Cell::text(r.unit_name),
            r.updated_at.map_or(Cell::Blank, Cell::Time),
        ])?;
    }
    if v.summary().completed.is_empty() {
        sh.none()?;
    }
    Ok(())
}
