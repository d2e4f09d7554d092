//! XLSX rendering of reports with rust_xlsxwriter: the workbook and its sheets by report kind.
//! A summary has a sheet per part (`xlsx/summary.rs`) and its assignments; a unit report and
//! the ledger, the assignment table (`xlsx/table.rs`) and the corrections. Every sheet prints
//! on A4, one page wide, with its header row on every page (`xlsx/page.rs`).

mod grid;
pub(crate) mod page;
mod summary;
mod table;

use std::sync::Mutex;

use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use super::{Kind, View, labels};
use crate::{Lang, parallel};
use grid::{Cell, Grid, Holds, Styles};
pub(crate) use grid::{base_format, date_formats, fit_cell};

/// Row of an assignment table's header, under the title and the subtitle.
const HEAD_ROW: u32 = 2;
/// Points per line of 11-pt text.
pub(crate) const LINE_PT: f64 = 15.0;
/// Points per line of the title.
const TITLE_PT: f64 = 21.0;
/// Excel's tallest row, in points.
pub(crate) const MAX_ROW_PT: f64 = 409.0;
/// Cap on the width of short columns, in terminal cells.
const SHORT_CAP: usize = 24;
/// Excel width units per terminal cell: a CJK glyph is a little wider than two digits.
pub(crate) const UNITS_PER_CELL: f64 = 1.1;
/// The default row height and column width of every sheet, in pixels (15 points; 8.43 units).
const DEFAULT_ROW_PX: u32 = 20;
const DEFAULT_COL_PX: u32 = 64;

/// Rows beyond which a sheet's commonest row height becomes its default, so that rust_xlsxwriter
/// keeps fewer row heights in memory (a third pass over the rows; city-sized sheets skip it).
const TALL_SHEET: u32 = 10_000;

/// Reports of at most this many assignments keep their text in the workbook's shared string
/// table (each distinct text written once: a task's text repeats for each of its units);
/// larger ones write it into each cell, so that it is not all held in memory until saved.
const SHARED_ROWS: usize = 10_000;

/// The most assignments a workbook takes: a sheet holds at most 1,048,576 rows, title and
/// header rows included. Known from the plan before anything is built (`report::row_count`).
pub const MAX_ROWS: usize = 1_048_576 - 8;

/// Renders a report as an XLSX workbook, in memory.
pub fn render(v: &dyn View, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    workbook(v, lang)?.save_to_buffer()
}

/// The workbook of a report, ready to save. A summary gets a sheet per part and its
/// assignments on the last sheet; unit reports and the ledger get one assignment sheet (and the
/// corrections, if any). Every sheet is written row by row in constant-memory mode (rows go to
/// a temporary file as they are completed), after a first pass that measures the columns; the
/// sheets are filled at the same time, one per core, the assignments first.
pub fn workbook(v: &dyn View, lang: Lang) -> Result<Workbook, XlsxError> {
    workbook_with(v, lang, TALL_SHEET)
}

/// [`workbook`], with sheets of more than `tall` rows counting their row heights first.
fn workbook_with(v: &dyn View, lang: Lang, tall: u32) -> Result<Workbook, XlsxError> {
    let st = Styles::new(lang);
    let mut wb = Workbook::new();
    // Level 1: a city's summary saves in 3 ms less than at level 3, for a file a third larger
    // (320 KB against 240 KB); the extreme workload's, 8.6 MB at level 3.
    wb.set_zip_compression_level(1);
    // The font of empty cells and of the page header and footer.
    let base = grid::base_format();
    wb.set_default_format(&base, DEFAULT_ROW_PX, DEFAULT_COL_PX)?;
    // Indexed here, on one thread, before the sheets are filled on several (see `cell_formats`).
    for f in st.cell_formats() {
        wb.register_format(f);
    }
    let kind = v.head().kind;
    wb.set_properties(&DocProperties::new().set_title(labels::title(v.head(), lang)));
    let table_part = Part {
        name: labels::sheet(kind, lang),
        cap: Box::new(table::cap(kind)),
        fill: Box::new(|g| table::table(g, v, lang)),
    };
    let trail = super::cells::trail(v.trail(), lang, labels::Dates::Written);
    // A unit report's paragraphs from the document's body, if the plan gives any.
    let bodies = (kind == Kind::Unit).then(|| super::cells::bodies(v, lang)).filter(|g| !g.is_empty());
    let mut parts = Vec::new();
    let inferred = (!v.head().inferred.is_empty()).then(|| summary::inferred_part(v, lang));
    if kind == Kind::Summary {
        parts = summary::parts(v, lang);
        parts.extend(inferred);
        parts.push(Part { name: labels::rows_sheet(lang), ..table_part });
    } else {
        parts.push(table_part);
        if let Some(bodies) = &bodies {
            let heading = labels::body_heading(lang);
            let fill = Box::new(move |g: &mut Grid| table::text_sheet(g, v, lang, heading, bodies));
            parts.push(Part { name: heading, cap: Box::new(|c| if c == 0 { 16 } else { 80 }), fill });
        }
        if !v.trail().is_empty() {
            let heading = labels::trail_heading(lang);
            let fill = Box::new(|g: &mut Grid| table::text_sheet(g, v, lang, heading, &trail));
            parts.push(Part { name: heading, cap: Box::new(|_| 40), fill });
        }
        parts.extend(inferred);
    }
    let shared = v.row_count() <= SHARED_ROWS;
    let mut blank = Vec::with_capacity(parts.len());
    for _ in &parts {
        let mut ws =
            if shared { wb.new_worksheet_with_low_memory()? } else { wb.new_worksheet_with_constant_memory()? };
        ws.set_default_format(&base, DEFAULT_ROW_PX, DEFAULT_COL_PX)?;
        blank.push(Mutex::new(Some(ws)));
    }
    // The last sheet (a summary's assignments, by far its largest) is started first.
    let n = parts.len();
    let mut filled = parallel::map(n, &|i| {
        let i = n - 1 - i;
        let ws = blank[i].lock().map_err(|_| XlsxError::ParameterError("sheet".into()))?.take();
        let mut ws = ws.ok_or_else(|| XlsxError::ParameterError("sheet".into()))?;
        sheet(&mut ws, &st, lang, &parts[i], tall)?;
        Ok::<_, XlsxError>(ws)
    });
    filled.reverse();
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

/// The subtitle of a report's sheets, with the notice of ledgers that could not be read.
fn subtitle(v: &dyn View, lang: Lang) -> String {
    match labels::broken(v.summary(), lang) {
        Some(notice) => format!("{}\n{notice}", labels::subtitle(v.head(), lang)),
        None => labels::subtitle(v.head(), lang),
    }
}

/// Lines `s` wraps to in a column (or merged columns) `width` Excel units wide, each of its
/// lines at least one. A line no longer in bytes than the room is not measured: no character
/// is wider than its UTF-8 length.
pub(crate) fn lines_in(s: &str, width: f64) -> f64 {
    let room = ((width - 2.0) / UNITS_PER_CELL).max(1.0);
    let count =
        |l: &str| if l.len() as f64 <= room { 1.0 } else { (crate::text::width(l) as f64 / room).ceil().max(1.0) };
    s.lines().map(count).sum()
}

/// Column index as rust_xlsxwriter wants it (tables here are far narrower than Excel's limit).
pub(crate) fn col_num(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests;
