//! The cells, formats and grid of the XLSX renderer: values that pick their own format, the
//! workbook's styles, and a worksheet wrapper that fits column widths and row heights to
//! Chinese text (measured in terminal cells, a CJK character being 2). A sheet is filled twice
//! by the same code: a measuring pass finds each column's widest content, and the writing pass,
//! knowing the widths, sets each row's height as soon as the row is complete — what a
//! constant-memory worksheet needs, since it flushes a row to disk when the next one starts.
//! Text is always written as a string cell (never a formula), cut to what a cell holds.

mod cell;
mod heights;
mod styles;

use rust_xlsxwriter::{ConditionalFormatCell, ConditionalFormatCellRule, Format, Worksheet, XlsxError};

use super::{LINE_PT, MAX_ROW_PT, UNITS_PER_CELL, col_num};
use crate::report::{Light, labels};
use crate::{Lang, text};
pub(crate) use cell::fit_cell;
pub(super) use cell::{Cell, serial, serial_time};
use heights::Heights;
pub(super) use styles::{Holds, Styles};
pub(crate) use styles::{base as base_format, date_formats};

/// Column widths in Excel units from the widest content `measured` found (at least 4 cells, at
/// most `cap(column)`).
fn column_widths(measured: &Grid, cap: impl Fn(usize) -> usize) -> Vec<f64> {
    let width = |(c, w): (usize, &usize)| ((*w).clamp(4, cap(c).max(4)) as f64 * UNITS_PER_CELL).ceil() + 2.0;
    measured.widths.iter().enumerate().map(width).collect()
}

/// The row being written and how tall its wrapped text needs it.
struct Pending {
    row: u32,
    height: f64,
}

/// A worksheet being filled (or, with no worksheet, measured): the widest content of each
/// column, and in the writing pass the column widths and the row being written.
pub(super) struct Grid<'a> {
    ws: Option<&'a mut Worksheet>,
    pub(super) st: &'a Styles,
    /// Widest content per column, in terminal cells (a CJK character is 2).
    widths: Vec<usize>,
    /// Column widths in Excel units (the writing pass).
    cols: Vec<f64>,
    pending: Option<Pending>,
    /// How completed rows' heights are set (or counted).
    heights: Heights,
    /// Rows started so far (the last one's number plus one).
    rows: u32,
    /// Ends a text cut to fit a cell.
    cut: &'static str,
    /// Columns folded away (hidden in a collapsed outline group): their text does not make
    /// rows taller, as they neither show nor print.
    folded: Vec<u16>,
}

impl<'a> Grid<'a> {
    /// A grid that only measures.
    pub(super) fn measure(st: &'a Styles, lang: Lang) -> Grid<'a> {
        let cut = labels::cut(lang);
        Grid {
            ws: None,
            st,
            widths: Vec::new(),
            cols: Vec::new(),
            pending: None,
            heights: Heights::AboveOne,
            rows: 0,
            cut,
            folded: Vec::new(),
        }
    }

    /// A grid that only counts its rows' heights, with the widths `measured` found.
    pub(super) fn tally(measured: &Grid<'a>, cap: impl Fn(usize) -> usize) -> Grid<'a> {
        let heights = Heights::Tally(Default::default());
        Grid { cols: column_widths(measured, cap), heights, ..Grid::measure_like(measured) }
    }

    /// A grid that writes to `ws`, whose columns get the widths `measured` found (at least 4
    /// cells, at most `cap(column)`) and whose rows are `default` points tall unless set (one
    /// line when `None`).
    pub(super) fn write(
        ws: &'a mut Worksheet,
        measured: &Grid<'a>,
        cap: impl Fn(usize) -> usize,
        default: Option<f64>,
    ) -> Result<Grid<'a>, XlsxError> {
        let cols = column_widths(measured, cap);
        for (c, w) in cols.iter().enumerate() {
            ws.set_column_width(col_num(c), *w)?;
        }
        let heights = match default {
            Some(points) => {
                ws.set_default_row_height(points);
                Heights::Default(heights::pixels(points))
            }
            None => Heights::AboveOne,
        };
        Ok(Grid { ws: Some(ws), cols, heights, ..Grid::measure_like(measured) })
    }

    /// An empty grid with `measured`'s styles and language.
    fn measure_like(measured: &Grid<'a>) -> Grid<'a> {
        Grid {
            ws: None,
            widths: Vec::new(),
            cols: Vec::new(),
            pending: None,
            heights: Heights::AboveOne,
            rows: 0,
            folded: Vec::new(),
            ..*measured
        }
    }

    /// How many rows were started.
    pub(super) fn rows(&self) -> u32 {
        self.rows
    }

    /// Ends a counting grid: the commonest row height counted.
    pub(super) fn commonest_height(mut self) -> Result<Option<f64>, XlsxError> {
        self.end_row()?;
        Ok(self.heights.commonest())
    }

    /// The worksheet, in the writing pass.
    pub(super) fn sheet(&mut self) -> Option<&mut Worksheet> {
        self.ws.as_deref_mut()
    }

    /// Writes a bordered cell in the format its value calls for.
    pub(super) fn put(&mut self, row: u32, col: u16, cell: &Cell) -> Result<(), XlsxError> {
        self.put_in(row, col, cell, true)
    }

    /// Writes a cell of a table whose columns carry the formats (see [`Grid::columns`]), so
    /// the writer does not look a format up for every cell: on a city's summary that lookup (a
    /// hash of the whole format) was a quarter of the time.
    pub(super) fn put_plain(&mut self, row: u32, col: u16, cell: &Cell) -> Result<(), XlsxError> {
        self.put_in(row, col, cell, false)
    }

    /// Writes a cell, in its own format when `own`, else in its column's.
    fn put_in(&mut self, row: u32, col: u16, cell: &Cell, own: bool) -> Result<(), XlsxError> {
        self.start(row)?;
        let st = self.st;
        let f = |f: &'a Format| own.then_some(f);
        let width = match cell {
            Cell::Text(s) if !s.is_empty() => {
                let s = fit_cell(s, self.cut);
                self.string(row, col, &s, f(&st.text))?;
                self.wrap(col, col, &s, LINE_PT);
                0
            }
            Cell::Text(_) | Cell::Blank => {
                if let (Some(ws), true) = (self.ws.as_deref_mut(), own) {
                    ws.write_blank(row, col, &st.text)?;
                }
                0
            }
            Cell::Int(n) => self.number(row, col, *n as f64, f(&st.int), n.to_string().len())?,
            Cell::Days(n) => self.number(row, col, *n as f64, f(&st.days), n.to_string().len())?,
            Cell::Rate(x) => self.number(row, col, *x, f(&st.rate), 6)?,
            Cell::Date(d) => match serial(*d) {
                Some(n) => self.number(row, col, n, f(&st.date), st.date_cells)?,
                None => self.date_text(row, col, &d.to_string(), f(&st.text))?,
            },
            Cell::Time(t) => match serial_time(*t) {
                Some(n) => self.number(row, col, n, f(&st.time), st.time_cells)?,
                None => self.date_text(row, col, &labels::Dates::Iso.time(Some(*t), Lang::Zh), f(&st.text))?,
            },
            Cell::Light(s) => {
                self.string(row, col, s, f(&st.text))?;
                text::width(s)
            }
        };
        self.track(col, width);
        Ok(())
    }

    /// Gives a table's columns their formats, from what each holds, and a light column
    /// its colours over rows `rows` (the writing pass).
    pub(super) fn columns(&mut self, holds: &[Holds], rows: (u32, u32), lang: Lang) -> Result<(), XlsxError> {
        let st = self.st;
        let Some(ws) = self.ws.as_deref_mut() else { return Ok(()) };
        for (c, h) in holds.iter().enumerate() {
            let col = col_num(c);
            if let Some(f) = st.column(*h) {
                ws.set_column_format(col, f)?;
            }
            if *h == Holds::Light && rows.0 <= rows.1 {
                for (l, f) in [(Light::Red, &st.if_red), (Light::Yellow, &st.if_yellow), (Light::Green, &st.if_green)] {
                    let rule = ConditionalFormatCellRule::EqualTo(labels::light(l, lang));
                    let cf = ConditionalFormatCell::new().set_rule(rule).set_format(f);
                    ws.add_conditional_format(rows.0, col, rows.1, col, &cf)?;
                }
            }
        }
        Ok(())
    }

    fn string(&mut self, row: u32, col: u16, s: &str, f: Option<&Format>) -> Result<(), XlsxError> {
        match (self.ws.as_deref_mut(), f) {
            (Some(ws), Some(f)) => ws.write_string_with_format(row, col, s, f).map(|_| ()),
            (Some(ws), None) => ws.write_string(row, col, s).map(|_| ()),
            (None, _) => Ok(()),
        }
    }

    fn number(&mut self, row: u32, col: u16, n: f64, f: Option<&Format>, w: usize) -> Result<usize, XlsxError> {
        match (self.ws.as_deref_mut(), f) {
            (Some(ws), Some(f)) => ws.write_number_with_format(row, col, n, f).map(|_| ())?,
            (Some(ws), None) => ws.write_number(row, col, n).map(|_| ())?,
            (None, _) => {}
        }
        Ok(w)
    }

    /// A date Excel cannot hold, written as text.
    fn date_text(&mut self, row: u32, col: u16, s: &str, f: Option<&Format>) -> Result<usize, XlsxError> {
        self.string(row, col, s, f)?;
        Ok(text::width(s))
    }

    /// Writes header cells from column 0.
    pub(super) fn head(&mut self, row: u32, titles: &[&str]) -> Result<(), XlsxError> {
        self.start(row)?;
        let st = self.st;
        for (c, t) in titles.iter().enumerate() {
            let col = col_num(c);
            self.string(row, col, t, Some(&st.head))?;
            self.wrap(col, col, t, LINE_PT);
        }
        Ok(())
    }

    /// Writes text merged across columns 0..=last of a row; its width does not widen columns.
    pub(super) fn merge(&mut self, row: u32, last: u16, s: &str, f: &Format, line_pt: f64) -> Result<(), XlsxError> {
        self.start(row)?;
        let fitted = fit_cell(s, self.cut);
        let s = fitted.as_ref();
        match self.ws.as_deref_mut() {
            Some(ws) if last == 0 => ws.write_string_with_format(row, 0, s, f).map(|_| ())?,
            Some(ws) => ws.merge_range(row, 0, row, last, s, f).map(|_| ())?,
            None => {}
        }
        if self.pending.is_some() {
            self.wrap(0, last, s, line_pt);
        }
        Ok(())
    }

    /// Folds columns `first..=last` away in a collapsed outline group ("+" above them shows them).
    pub(super) fn fold(&mut self, first: u16, last: u16) -> Result<(), XlsxError> {
        self.folded.extend(first..=last);
        if let Some(ws) = self.ws.as_deref_mut() {
            ws.group_columns_collapsed(first, last)?;
        }
        Ok(())
    }

    /// Makes column `col` at least `cells` wide (the measuring pass).
    pub(super) fn at_least(&mut self, col: u16, cells: usize) {
        self.track(col, cells);
    }

    /// Writes a heading that may run over the empty cells to its right.
    pub(super) fn note(&mut self, row: u32, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.start(row)?;
        self.string(row, 0, s, Some(f))
    }

    /// Moves to `row`: the row before it is complete, and gets its height.
    fn start(&mut self, row: u32) -> Result<(), XlsxError> {
        self.rows = self.rows.max(row.saturating_add(1));
        if self.pending.as_ref().is_some_and(|p| p.row != row) {
            self.end_row()?;
        }
        let heights_wanted = self.ws.is_some() || matches!(self.heights, Heights::Tally(_));
        if heights_wanted && self.pending.is_none() {
            self.pending = Some(Pending { row, height: LINE_PT });
        }
        Ok(())
    }

    /// Sets the height of the row just completed where [`Heights`] says so (or counts it);
    /// the row whose height was set, if one was.
    fn end_row(&mut self) -> Result<Option<u32>, XlsxError> {
        let Some(p) = self.pending.take() else { return Ok(None) };
        let points = p.height.min(MAX_ROW_PT);
        if self.heights.wants(points)
            && let Some(ws) = self.ws.as_deref_mut()
        {
            ws.set_row_height(p.row, points)?;
            return Ok(Some(p.row));
        }
        Ok(None)
    }

    /// Ends the sheet: the last row gets its height. rust_xlsxwriter 0.102 writes the last row
    /// of a constant-memory sheet twice when it has a height of its own (the second time as an
    /// empty `<row>` with the same number, which Excel may take for a damaged file), so a blank
    /// cell below such a row keeps it from being the last.
    pub(super) fn finish(mut self) -> Result<(), XlsxError> {
        let st = self.st;
        if let (Some(row), Some(ws)) = (self.end_row()?, self.ws.as_deref_mut()) {
            ws.write_blank(row.saturating_add(1), 0, &st.col_text)?;
        }
        Ok(())
    }

    /// Takes in text spanning columns `first..=last`: in the writing pass, for the height of the
    /// row being written; in the measuring pass, for the widest line of column `first` (text
    /// over several columns does not widen them). A line no longer in bytes than what it is
    /// held against is not measured: no character is wider than its UTF-8 length.
    fn wrap(&mut self, first: u16, last: u16, s: &str, line_pt: f64) {
        if self.pending.is_some() {
            if first == last && self.folded.contains(&first) {
                return;
            }
            let span: f64 = (first..=last).map(|c| self.cols.get(usize::from(c)).copied().unwrap_or(10.0)).sum();
            let lines = super::lines_in(s, span).max(1.0);
            if let Some(p) = self.pending.as_mut() {
                p.height = p.height.max(lines * line_pt + if lines > 1.0 { 3.0 } else { 0.0 });
            }
        } else if first == last {
            let known = self.widths.get(usize::from(first)).copied().unwrap_or(0);
            let widest = s.lines().filter(|l| l.len() > known).map(text::width).max().unwrap_or(0);
            self.track(first, widest);
        }
    }

    fn track(&mut self, col: u16, width: usize) {
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(width);
    }
}
