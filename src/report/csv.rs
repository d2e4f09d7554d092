//! CSV reports: UTF-8 with a BOM (Excel and WPS read the Chinese correctly). Unit and ledger
//! reports are one table; the summary is its parts one after another, each under a title row.

use std::io::Write;

use super::cells;
use super::labels::{self, Dates, col};
use super::view::to_string;
use super::{Kind, RowRef, View};
use crate::Lang;
use crate::csvout::Csv;

/// Renders a report as CSV text (with the BOM; cells neutralised as `crate::csvout` says).
pub fn render(v: &dyn View, lang: Lang) -> Result<String, csv::Error> {
    to_string(|out| write(v, lang, out))
}

/// Writes a report as CSV (with the BOM; cells neutralised as `crate::csvout` says).
pub fn write(v: &dyn View, lang: Lang, out: &mut dyn Write) -> Result<(), csv::Error> {
    let mut w = Csv::to(out)?;
    let h = v.head();
    w.row([labels::title(h, lang)])?;
    w.row([labels::subtitle(h, lang)])?;
    if let Some(notice) = labels::broken(v.summary(), lang) {
        w.row([notice])?;
    }
    match h.kind {
        Kind::Summary => summary(&mut w, v, lang)?,
        Kind::Unit | Kind::Ledger => rows(&mut w, v.rows(), lang)?,
    }
    if h.kind != Kind::Summary && !v.trail().is_empty() {
        w.row([""])?;
        w.row([labels::trail_heading(lang)])?;
        grid(&mut w, &cells::trail(v.trail(), lang, Dates::Iso))?;
    }
    w.into_inner()?.flush()?;
    Ok(())
}

type W<'o> = Csv<&'o mut dyn Write>;

const ROW_COLS: [&str; 22] = [
    "task",
    "section",
    "topic",
    "content",
    "unit",
    "role",
    "deadline",
    "due",
    "days",
    "status",
    "percent",
    "expected",
    "bucket",
    "light",
    "note",
    "problems",
    "next",
    "evidence",
    "updated",
    "in_period",
    "by",
    "record",
];

fn rows<'a>(w: &mut W, rows: impl Iterator<Item = RowRef<'a>>, lang: Lang) -> Result<(), csv::Error> {
    w.row(ROW_COLS.map(|k| col(k, lang)))?;
    let num = |n: Option<u8>| n.map(|v| v.to_string()).unwrap_or_default();
    for x in rows {
        w.row([
            x.task,
            x.section.unwrap_or_default(),
            x.topic.unwrap_or_default(),
            x.content,
            x.unit_name,
            x.role.label(lang),
            x.deadline.unwrap_or_default(),
            x.due.map(|d| d.to_string()).unwrap_or_default().as_str(),
            x.days_left.map(|d| d.to_string()).unwrap_or_default().as_str(),
            labels::status_cell(&x, lang).as_str(),
            num(x.percent).as_str(),
            num(x.expected).as_str(),
            labels::bucket(x.bucket, lang),
            labels::light(x.light, lang),
            x.note.unwrap_or_default(),
            x.problems.unwrap_or_default(),
            x.next.unwrap_or_default(),
            x.evidence.join("\n").as_str(),
            labels::updated(&x, lang, Dates::Iso).as_str(),
            labels::in_period(&x, lang),
            x.by.unwrap_or_default(),
            x.record.unwrap_or_default(),
        ])?;
    }
    Ok(())
}

fn grid(w: &mut W, g: &cells::Grid) -> Result<(), csv::Error> {
    w.row(&g.heads)?;
    for line in g.lines() {
        w.row(&line.cells)?;
    }
    Ok(())
}

fn summary(w: &mut W, v: &dyn View, lang: Lang) -> Result<(), csv::Error> {
    let s = v.summary();
    let title = |w: &mut W, key: &str| {
        w.row([""])?;
        w.row([labels::part(key, lang)])
    };
    title(w, "totals")?;
    w.row([labels::overall(s, lang)])?;
    title(w, "buckets")?;
    grid(w, &cells::buckets(s, lang))?;
    title(w, "units")?;
    grid(w, &cells::units(s, lang, Dates::Iso))?;
    w.row([labels::ranking_rule(lang)])?;
    title(w, "sections")?;
    grid(w, &cells::sections(s, lang))?;
    title(w, "overdue")?;
    rows(w, v.picked(&s.overdue), lang)?;
    title(w, "not_reported")?;
    for name in &s.not_reported {
        w.row([name])?;
    }
    if let Some(late) = labels::late_units(s, lang) {
        w.row([late])?;
    }
    title(w, "completed")?;
    rows(w, v.picked(&s.completed), lang)
}
