//! XLSX rendering of reports with rust_xlsxwriter: the workbook, its sheets by report kind,
//! and the assignment table (columns, values, title rows, freeze panes, autofilter).

mod grid;
mod summary;

use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use super::{Kind, Report, Row, labels};
use crate::Lang;
use grid::{Cell, Grid, Styles};

/// Row of an assignment table's header, under the title and the subtitle.
const HEAD_ROW: u32 = 2;
/// Points per line of 11-pt text.
const LINE_PT: f64 = 15.0;
/// Points per line of the title.
const TITLE_PT: f64 = 21.0;
/// Excel's tallest row, in points.
const MAX_ROW_PT: f64 = 409.0;
/// Cap on the width of short columns, in terminal cells.
const SHORT_CAP: usize = 24;
/// Excel width units per terminal cell: a CJK glyph is a little wider than two digits.
const UNITS_PER_CELL: f64 = 1.1;

/// Renders a report as an XLSX workbook. A summary gets the summary sheet first and its
/// assignments on a second sheet; unit reports and the ledger get one assignment sheet.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_title(labels::title(report, lang)));
    let ws = wb.add_worksheet();
    ws.set_name(labels::sheet(report.kind, lang))?;
    if report.kind == Kind::Summary {
        summary::write(ws, &st, report, lang)?;
        let ws = wb.add_worksheet();
        ws.set_name(labels::rows_sheet(lang))?;
        table(ws, &st, report, lang)?;
    } else {
        table(ws, &st, report, lang)?;
    }
    wb.save_to_buffer()
}

/// Assignment table columns: the heading key (see `labels::col`) and the width cap in cells.
const COLS: [(&str, usize); 20] = [
    ("task", SHORT_CAP),
    ("section", SHORT_CAP),
    ("topic", 30),
    ("content", 50),
    ("unit", SHORT_CAP),
    ("role", SHORT_CAP),
    ("deadline", SHORT_CAP),
    ("due", SHORT_CAP),
    ("days", SHORT_CAP),
    ("status", SHORT_CAP),
    ("percent", SHORT_CAP),
    ("expected", SHORT_CAP),
    ("bucket", SHORT_CAP),
    ("light", SHORT_CAP),
    ("note", 50),
    ("problems", 50),
    ("next", 50),
    ("evidence", 40),
    ("updated", SHORT_CAP),
    ("in_period", SHORT_CAP),
];

/// The columns of a report's assignment table; a unit report leaves out unit and role.
fn columns(kind: Kind) -> Vec<(&'static str, usize)> {
    COLS.iter().filter(|(k, _)| kind != Kind::Unit || !matches!(*k, "unit" | "role")).copied().collect()
}

/// Writes the assignment table: title, subtitle, header, one row per assignment.
fn table(ws: &mut Worksheet, st: &Styles, report: &Report, lang: Lang) -> Result<(), XlsxError> {
    let cols = columns(report.kind);
    let last = col_num(cols.len().saturating_sub(1));
    let mut g = Grid::new(ws, st);
    g.merge(0, last, &labels::title(report, lang), &st.title, TITLE_PT)?;
    g.merge(1, last, &labels::subtitle(report, lang), &st.subtitle, LINE_PT)?;
    let heads: Vec<&str> = cols.iter().map(|(k, _)| labels::col(k, lang)).collect();
    g.head(HEAD_ROW, &heads)?;
    let mut end = HEAD_ROW;
    for r in &report.rows {
        end += 1;
        for (c, (key, _)) in cols.iter().enumerate() {
            g.put(end, col_num(c), &cell(key, r, lang))?;
        }
    }
    g.fit(|c| cols.get(c).map_or(SHORT_CAP, |(_, cap)| *cap))?;
    g.ws.autofilter(HEAD_ROW, 0, end, last)?;
    g.ws.set_freeze_panes(HEAD_ROW + 1, 1)?;
    g.ws.set_repeat_rows(HEAD_ROW, HEAD_ROW)?;
    g.ws.set_landscape().set_print_fit_to_pages(1, 0);
    Ok(())
}

/// One assignment's value in a column.
fn cell(key: &str, r: &Row, lang: Lang) -> Cell {
    let opt = |s: &Option<String>| Cell::Text(s.clone().unwrap_or_default());
    let pct = |p: Option<u8>| p.map_or(Cell::Blank, |p| Cell::Int(p.into()));
    match key {
        "task" => Cell::text(&r.task),
        "section" => Cell::Text(labels::section(r.section.as_deref().unwrap_or(""), lang)),
        "topic" => opt(&r.topic),
        "content" => Cell::text(&r.content),
        "unit" => Cell::text(&r.unit_name),
        "role" => Cell::text(r.role.label(lang)),
        "deadline" => opt(&r.deadline),
        "due" => r.due.map_or(Cell::Blank, Cell::Date),
        "days" => r.days_left.map_or(Cell::Blank, Cell::Days),
        "status" => Cell::text(labels::status(r.status, lang)),
        "percent" => pct(r.percent),
        "expected" => pct(r.expected),
        "bucket" => Cell::text(labels::bucket(r.bucket, lang)),
        "light" => Cell::Light(r.light, labels::light(r.light, lang)),
        "note" => opt(&r.note),
        "problems" => opt(&r.problems),
        "next" => opt(&r.next),
        "evidence" => Cell::Text(r.evidence.join("\n")),
        "updated" => r.updated_at.map_or(Cell::Blank, Cell::Time),
        "in_period" => Cell::text(labels::yes(r.updated_in_period, lang)),
        _ => Cell::Blank,
    }
}

/// Column index as rust_xlsxwriter wants it (tables here are far narrower than Excel's limit).
fn col_num(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests;
