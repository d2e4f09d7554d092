//! The cells of each CSV table. Rows go through a [`Sheet`], which holds every row to its
//! header's length, so no table can come out ragged.

use std::io::Write;

use super::Table;
use crate::Lang;
use crate::csvout::Csv;
use crate::report::cells::{self, Grid};
use crate::report::labels::{self, Dates, col};
use crate::report::{RowRef, Summary, View, percent};

/// Writes `table` of the report to `w`.
pub fn write(w: &mut Csv<&mut dyn Write>, v: &dyn View, lang: Lang, table: Table) -> Result<(), csv::Error> {
    let s = v.summary();
    match table {
        Table::Rows => rows(w, v.rows(), lang),
        Table::Overdue => rows(w, v.picked(&s.overdue), lang),
        Table::Completed => rows(w, v.picked(&s.completed), lang),
        Table::Trail => grid(w, &cells::trail(v.trail(), lang, Dates::Iso)),
        Table::Totals => totals(w, s, lang),
        Table::Buckets => grid(w, &cells::buckets(s, lang)),
        Table::Units => grid(w, &cells::units(s, lang, Dates::Iso)),
        Table::Sections => grid(w, &cells::sections(s, lang)),
        Table::NotReported => not_reported(w, s, lang),
    }
}

/// A table being written: its rows are cut or padded to the header's length.
struct Sheet<'w, 'o> {
    w: &'w mut Csv<&'o mut dyn Write>,
    cols: usize,
}

impl<'w, 'o> Sheet<'w, 'o> {
    /// Writes the header row.
    fn new<I, T>(w: &'w mut Csv<&'o mut dyn Write>, heads: I) -> Result<Sheet<'w, 'o>, csv::Error>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let heads: Vec<T> = heads.into_iter().collect();
        w.row(&heads)?;
        Ok(Sheet { w, cols: heads.len() })
    }

    fn row<I, T>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let cells: Vec<T> = cells.into_iter().take(self.cols).collect();
        let pad = self.cols - cells.len();
        self.w.row(cells.iter().map(AsRef::as_ref).chain(std::iter::repeat_n("", pad)))
    }
}

/// The fields of an assignment row, by `labels::col` key (columns are only ever added, at the
/// end, so that a sheet reading them by position goes on working).
const ROW_COLS: [&str; 25] = [
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
    "deadline_for",
    "inferred",
    "body",
];

fn rows<'a>(w: &mut Csv<&mut dyn Write>, rows: impl Iterator<Item = RowRef<'a>>, lang: Lang) -> Result<(), csv::Error> {
    let mut sheet = Sheet::new(w, ROW_COLS.map(|k| col(k, lang)))?;
    let num = |n: Option<u8>| n.map(|v| v.to_string()).unwrap_or_default();
    for x in rows {
        sheet.row([
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
            x.deadline_for.unwrap_or_default(),
            x.inferred.unwrap_or_default(),
            x.body.unwrap_or_default(),
        ])?;
    }
    Ok(())
}

fn grid(w: &mut Csv<&mut dyn Write>, g: &Grid) -> Result<(), csv::Error> {
    let mut sheet = Sheet::new(w, &g.heads)?;
    for line in g.lines() {
        sheet.row(&line.cells)?;
    }
    Ok(())
}

/// The totals as one row.
fn totals(w: &mut Csv<&mut dyn Write>, s: &Summary, lang: Lang) -> Result<(), csv::Error> {
    let t = &s.totals;
    let mut fields = vec![
        ("tasks", t.tasks.to_string()),
        ("tasks_done", t.tasks_done.to_string()),
        ("tasks_overdue", t.tasks_overdue.to_string()),
        ("assignments", t.assignments.to_string()),
        ("done", t.done.to_string()),
        ("in_progress", t.in_progress.to_string()),
        ("ongoing", t.ongoing.to_string()),
        ("blocked", t.blocked.to_string()),
        ("not_started", t.not_started.to_string()),
        ("na", t.na.to_string()),
        ("overdue", t.overdue.to_string()),
        ("rate", percent(t.completion_rate)),
    ];
    if labels::has_assist(s) {
        let a = &s.assist;
        fields.extend([
            ("assist", a.assignments.to_string()),
            ("assist_done", a.done.to_string()),
            ("assist_overdue", a.overdue.to_string()),
            ("assist_rate", percent(a.completion_rate)),
        ]);
    }
    let mut sheet = Sheet::new(w, fields.iter().map(|(k, _)| labels::total(k, lang)))?;
    sheet.row(fields.iter().map(|(_, v)| v))
}

/// The units that did not report on time: how they stand (未报送, 补报, 台账文件有误) and
/// when they last wrote.
fn not_reported(w: &mut Csv<&mut dyn Write>, s: &Summary, lang: Lang) -> Result<(), csv::Error> {
    let mut sheet = Sheet::new(w, ["unit", "reported", "last_update"].map(|k| col(k, lang)))?;
    for u in s.units.iter().filter(|u| u.not_reported()) {
        sheet.row([u.name.as_str(), labels::unit_report(u, lang), &Dates::Iso.time(u.last_update, lang)])?;
    }
    Ok(())
}
