//! CSV reports: UTF-8 with a BOM (Excel and WPS read the Chinese correctly). Unit and ledger
//! reports are one table; the summary is its parts one after another, each under a title row.

use super::cells::{self, Grid};
use super::labels::{self, col};
use super::{Kind, Report, Row, Summary};
use crate::Lang;

type W = csv::Writer<Vec<u8>>;

/// Renders a report as CSV text (with the BOM).
pub fn render(r: &Report, lang: Lang) -> Result<String, csv::Error> {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    w.write_record([labels::title(r, lang)])?;
    w.write_record([labels::subtitle(r, lang)])?;
    match r.kind {
        Kind::Summary => summary(&mut w, r, &r.summary, lang)?,
        Kind::Unit | Kind::Ledger => rows(&mut w, r.rows.iter(), lang)?,
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes)))
}

const ROW_COLS: [&str; 20] = [
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
];

fn rows<'a>(w: &mut W, rows: impl Iterator<Item = &'a Row>, lang: Lang) -> Result<(), csv::Error> {
    w.write_record(ROW_COLS.map(|k| col(k, lang)))?;
    let num = |n: Option<u8>| n.map(|v| v.to_string()).unwrap_or_default();
    for x in rows {
        w.write_record([
            x.task.clone(),
            x.section.clone().unwrap_or_default(),
            x.topic.clone().unwrap_or_default(),
            x.content.clone(),
            x.unit_name.clone(),
            x.role.label(lang).to_string(),
            x.deadline.clone().unwrap_or_default(),
            x.due.map(|d| d.to_string()).unwrap_or_default(),
            x.days_left.map(|d| d.to_string()).unwrap_or_default(),
            labels::status(x.status, lang).to_string(),
            num(x.percent),
            num(x.expected),
            labels::bucket(x.bucket, lang).to_string(),
            labels::light(x.light, lang).to_string(),
            x.note.clone().unwrap_or_default(),
            x.problems.clone().unwrap_or_default(),
            x.next.clone().unwrap_or_default(),
            x.evidence.join("\n"),
            labels::when(x.updated_at),
            labels::yes(x.updated_in_period, lang).to_string(),
        ])?;
    }
    Ok(())
}

fn grid(w: &mut W, g: &Grid) -> Result<(), csv::Error> {
    w.write_record(&g.heads)?;
    for row in &g.rows {
        w.write_record(row)?;
    }
    Ok(())
}

fn summary(w: &mut W, r: &Report, s: &Summary, lang: Lang) -> Result<(), csv::Error> {
    let title = |w: &mut W, key: &str| {
        w.write_record([""])?;
        w.write_record([labels::part(key, lang)])
    };
    title(w, "totals")?;
    w.write_record([labels::overall(r, lang)])?;
    title(w, "buckets")?;
    grid(w, &cells::buckets(s, lang))?;
    title(w, "units")?;
    grid(w, &cells::units(s, lang))?;
    title(w, "sections")?;
    grid(w, &cells::sections(s, lang))?;
    title(w, "overdue")?;
    rows(w, s.overdue.iter().filter_map(|&i| r.rows.get(i)), lang)?;
    title(w, "not_reported")?;
    for name in &s.not_reported {
        w.write_record([name])?;
    }
    title(w, "completed")?;
    rows(w, s.completed.iter().filter_map(|&i| r.rows.get(i)), lang)
}
