//! XLSX rendering of reports with rust_xlsxwriter: the workbook, its sheets by report kind,
//! and the assignment table (columns, values, title rows, freeze panes, autofilter).

mod grid;
mod summary;

use std::borrow::Cow;

use std::sync::Mutex;

use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use super::{Kind, RowRef, View, labels};
use crate::{Lang, parallel};
use grid::{Cell, Grid, Holds, Styles};

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

/// Rows beyond which a sheet's commonest row height becomes its default, so that rust_xlsxwriter
/// keeps fewer row heights in memory (a third pass over the rows; city-sized sheets skip it).
const TALL_SHEET: u32 = 10_000;

/// The most assignments a workbook takes: a sheet holds at most 1,048,576 rows, title and
/// header rows included. Known from the plan before anything is built (`report::row_count`).
pub const MAX_ROWS: usize = 1_048_576 - 8;

/// Renders a report as an XLSX workbook, in memory.
pub fn render(v: &dyn View, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    workbook(v, lang)?.save_to_buffer()
}

/// The workbook of a report, ready to save. A summary gets the summary sheet first and its
/// assignments on a second sheet; unit reports and the ledger get one assignment sheet. Every
/// sheet is written row by row in constant-memory mode (rows go to a temporary file as they
/// are completed), after a first pass that measures the columns; the sheets are filled at the
/// same time, one per core.
pub fn workbook(v: &dyn View, lang: Lang) -> Result<Workbook, XlsxError> {
    workbook_with(v, lang, TALL_SHEET)
}

/// [`workbook`], with sheets of more than `tall` rows counting their row heights first.
fn workbook_with(v: &dyn View, lang: Lang, tall: u32) -> Result<Workbook, XlsxError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    // Level 1: a city's summary saves in 3 ms less than at level 3, for a file a third larger
    // (320 KB against 240 KB); the extreme workload's, 8.6 MB at level 3.
    wb.set_zip_compression_level(1);
    let kind = v.head().kind;
    wb.set_properties(&DocProperties::new().set_title(labels::title(v.head(), lang)));
    let table_part =
        Part { name: labels::sheet(kind, lang), cap: Box::new(table_cap(kind)), fill: Box::new(|g| table(g, v, lang)) };
    let mut parts = Vec::new();
    if kind == Kind::Summary {
        let fill = Box::new(|g: &mut Grid| summary::write(g, v, lang));
        parts.push(Part { name: labels::sheet(kind, lang), cap: Box::new(summary::cap), fill });
        parts.push(Part { name: labels::rows_sheet(lang), ..table_part });
    } else {
        parts.push(table_part);
        if !v.trail().is_empty() {
            let fill = Box::new(|g: &mut Grid| trail(g, v, lang));
            parts.push(Part { name: labels::trail_heading(lang), cap: Box::new(|_| 40), fill });
        }
    }
    let blank = parts.iter().map(|_| wb.new_worksheet_with_constant_memory().map(|ws| Mutex::new(Some(ws))));
    let blank = blank.collect::<Result<Vec<_>, _>>()?;
    let filled = parallel::map(parts.len(), &|i| {
        let ws = blank[i].lock().map_err(|_| XlsxError::ParameterError("sheet".into()))?.take();
        let mut ws = ws.ok_or_else(|| XlsxError::ParameterError("sheet".into()))?;
        sheet(&mut ws, &st, lang, &parts[i], tall)?;
        Ok::<_, XlsxError>(ws)
    });
    for ws in filled {
        wb.push_worksheet(ws?);
    }
    Ok(wb)
}

/// What writes a sheet (run twice: to measure, then to write).
type Fill<'v> = dyn Fn(&mut Grid) -> Result<(), XlsxError> + Sync + 'v;

/// A sheet to fill: its name, the width cap of each column, and what writes it.
struct Part<'v> {
    name: &'static str,
    cap: Box<dyn Fn(usize) -> usize + Sync + 'v>,
    fill: Box<Fill<'v>>,
}

/// Fills a sheet: `fill` runs once to measure the columns (capped by `cap`), and again to write.
fn sheet(ws: &mut Worksheet, st: &Styles, lang: Lang, part: &Part, tall: u32) -> Result<(), XlsxError> {
    let mut measured = Grid::measure(st, lang);
    (part.fill)(&mut measured)?;
    ws.set_name(part.name)?;
    // A tall sheet counts its rows' heights first (see grid/heights.rs).
    let default = if measured.rows() > tall {
        let mut counted = Grid::tally(&measured, &part.cap);
        (part.fill)(&mut counted)?;
        counted.commonest_height()?
    } else {
        None
    };
    let mut g = Grid::write(ws, &measured, &part.cap, default)?;
    (part.fill)(&mut g)?;
    g.finish()
}

/// Assignment table columns: the heading key (see `labels::col`), the width cap in cells and
/// what the column holds (its format).
const COLS: [(&str, usize, Holds); 22] = [
    ("task", SHORT_CAP, Holds::Text),
    ("section", SHORT_CAP, Holds::Text),
    ("topic", 30, Holds::Text),
    ("content", 50, Holds::Text),
    ("unit", SHORT_CAP, Holds::Text),
    ("role", SHORT_CAP, Holds::Text),
    ("deadline", SHORT_CAP, Holds::Text),
    ("due", SHORT_CAP, Holds::Date),
    ("days", SHORT_CAP, Holds::Days),
    ("status", SHORT_CAP, Holds::Text),
    ("percent", SHORT_CAP, Holds::Int),
    ("expected", SHORT_CAP, Holds::Int),
    ("bucket", SHORT_CAP, Holds::Text),
    ("light", SHORT_CAP, Holds::Light),
    ("note", 50, Holds::Text),
    ("problems", 50, Holds::Text),
    ("next", 50, Holds::Text),
    ("evidence", 40, Holds::Text),
    ("updated", SHORT_CAP, Holds::Time),
    ("in_period", SHORT_CAP, Holds::Text),
    ("by", SHORT_CAP, Holds::Text),
    ("record", SHORT_CAP, Holds::Text),
];

/// The columns of a report's assignment table; a unit report leaves out unit and role.
fn columns(kind: Kind) -> Vec<(&'static str, usize, Holds)> {
    COLS.iter().filter(|(k, ..)| kind != Kind::Unit || !matches!(*k, "unit" | "role")).copied().collect()
}

/// Width caps of an assignment table's columns.
fn table_cap(kind: Kind) -> impl Fn(usize) -> usize {
    let cols = columns(kind);
    move |c| cols.get(c).map_or(SHORT_CAP, |(_, cap, _)| *cap)
}

/// Writes the assignment table: title, subtitle, header, one row per assignment. The rows'
/// cells take their columns' formats; with no borders of their own (a column's border would run
/// down the whole sheet), the sheet prints its gridlines.
fn table(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    let (h, kind) = (v.head(), v.head().kind);
    let cols = columns(kind);
    let last = col_num(cols.len().saturating_sub(1));
    let end = HEAD_ROW + u32::try_from(v.row_count()).unwrap_or(u32::MAX - HEAD_ROW);
    if let Some(ws) = g.sheet() {
        ws.autofilter(HEAD_ROW, 0, end, last)?;
        ws.set_freeze_panes(HEAD_ROW + 1, 1)?;
        ws.set_repeat_rows(HEAD_ROW, HEAD_ROW)?;
        ws.set_landscape().set_print_fit_to_pages(1, 0).set_print_gridlines(true);
    }
    let holds: Vec<Holds> = cols.iter().map(|(.., holds)| *holds).collect();
    g.columns(&holds, (HEAD_ROW + 1, end), lang)?;
    let st = g.st;
    g.merge(0, last, &labels::title(h, lang), &st.title, TITLE_PT)?;
    let subtitle = match labels::broken(v.summary(), lang) {
        Some(notice) => format!("{}\n{notice}", labels::subtitle(h, lang)),
        None => labels::subtitle(h, lang),
    };
    g.merge(1, last, &subtitle, &st.subtitle, LINE_PT)?;
    let heads: Vec<&str> = cols.iter().map(|(k, ..)| labels::col(k, lang)).collect();
    g.head(HEAD_ROW, &heads)?;
    for (row, r) in (HEAD_ROW + 1..).zip(v.rows()) {
        for (c, (key, ..)) in cols.iter().enumerate() {
            g.put_plain(row, col_num(c), &cell(key, &r, lang))?;
        }
    }
    Ok(())
}

/// One assignment's value in a column.
fn cell<'r>(key: &str, r: &RowRef<'r>, lang: Lang) -> Cell<'r> {
    let opt = |s: Option<&'r str>| Cell::Text(Cow::Borrowed(s.unwrap_or_default()));
    let pct = |p: Option<u8>| p.map_or(Cell::Blank, |p| Cell::Int(p.into()));
    match key {
        "task" => Cell::text(r.task),
        "section" => Cell::owned(labels::section(r.section.unwrap_or(""), lang)),
        "topic" => opt(r.topic),
        "content" => Cell::text(r.content),
        "unit" => Cell::text(r.unit_name),
        "role" => Cell::text(r.role.label(lang)),
        "deadline" => opt(r.deadline),
        "due" => r.due.map_or(Cell::Blank, Cell::Date),
        "days" => r.days_left.map_or(Cell::Blank, Cell::Days),
        "status" => Cell::owned(labels::status_cell(r, lang)),
        "percent" => pct(r.percent),
        "expected" => pct(r.expected),
        "bucket" => Cell::text(labels::bucket(r.bucket, lang)),
        "light" => Cell::Light(labels::light(r.light, lang)),
        "note" => opt(r.note),
        "problems" => opt(r.problems),
        "next" => opt(r.next),
        "evidence" => Cell::owned(r.evidence.join("\n")),
        "updated" => r.updated_at.map_or(Cell::Blank, Cell::Time),
        "in_period" => Cell::text(labels::in_period(r, lang)),
        "by" => opt(r.by),
        "record" => opt(r.record),
        _ => Cell::Blank,
    }
}

/// The corrections and withdrawals, on their own sheet.
fn trail(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    if let Some(ws) = g.sheet() {
        ws.set_freeze_panes(1, 0)?;
    }
    let grid = super::cells::trail(v.trail(), lang, super::labels::Dates::Written);
    g.head(0, &grid.heads)?;
    for (r, line) in (1..).zip(grid.lines()) {
        for (c, text) in line.cells.iter().enumerate() {
            g.put(r, col_num(c), &Cell::text(text))?;
        }
    }
    Ok(())
}

/// Column index as rust_xlsxwriter wants it (tables here are far narrower than Excel's limit).
fn col_num(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests;
