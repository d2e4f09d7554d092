//! The cells, formats and grid of the XLSX renderer: values that pick their own format, the
//! workbook's styles, and a worksheet wrapper that fits column widths and row heights to
//! Chinese text (measured in terminal cells, a CJK character being 2). A sheet is filled twice
//! by the same code: a measuring pass finds each column's widest content, and the writing pass,
//! knowing the widths, sets each row's height as soon as the row is complete — what a
//! constant-memory worksheet needs, since it flushes a row to disk when the next one starts.
//! Text is always written as a string cell (never a formula), cut to what a cell holds.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

use super::{LINE_PT, MAX_ROW_PT, UNITS_PER_CELL, col_num};
use crate::report::{Light, labels};
use crate::{Lang, text};

/// Most text a cell holds, in UTF-16 code units (what Excel and rust_xlsxwriter count).
const MAX_CELL: usize = 32_767;

/// `s` cut to fit one cell, ending with `marker` when anything was cut, so that one very long
/// note does not stop the whole report.
pub(super) fn fit_cell<'s>(s: &'s str, marker: &str) -> Cow<'s, str> {
    // UTF-8 never takes fewer bytes than UTF-16 takes code units.
    if s.len() <= MAX_CELL || s.encode_utf16().count() <= MAX_CELL {
        return Cow::Borrowed(s);
    }
    let room = MAX_CELL.saturating_sub(marker.encode_utf16().count());
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}{marker}", &s[..end]))
}

/// A value to write, which picks its own format.
pub(super) enum Cell<'a> {
    Text(Cow<'a, str>),
    Int(i64),
    /// Days left: negative (overdue) shows red.
    Days(i64),
    /// A 0–1 rate shown as "42.9%".
    Rate(f64),
    Date(NaiveDate),
    Time(DateTime<FixedOffset>),
    /// A traffic light's word; a table's light column colours it (see [`Grid::columns`]).
    Light(&'static str),
    Blank,
}

impl<'a> Cell<'a> {
    pub(super) fn text(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }

    pub(super) fn owned(s: String) -> Cell<'a> {
        Cell::Text(Cow::Owned(s))
    }

    pub(super) fn int(n: usize) -> Cell<'a> {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Excel's serial day number of a date (the 1900 date system), for dates Excel can show.
pub(super) fn serial(d: NaiveDate) -> Option<f64> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let first = NaiveDate::from_ymd_opt(1900, 3, 1)?;
    (d >= first && d.year() <= 9999).then(|| (d - epoch).num_days() as f64)
}

/// Excel's serial date-time of an instant, in its own offset (Excel has no time zones).
pub(super) fn serial_time(t: DateTime<FixedOffset>) -> Option<f64> {
    let local = t.naive_local();
    let day = serial(local.date())?;
    Some(day + f64::from(local.time().num_seconds_from_midnight()) / 86_400.0)
}

/// Every format the workbook uses.
pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) subtitle: Format,
    /// Headings of the summary's parts.
    pub(super) part: Format,
    /// A wrapped paragraph in a merged row.
    pub(super) para: Format,
    pub(super) head: Format,
    pub(super) text: Format,
    pub(super) int: Format,
    pub(super) days: Format,
    pub(super) rate: Format,
    pub(super) date: Format,
    pub(super) time: Format,
    /// Formats of a table's columns, one per [`Holds`] but the light (see [`Grid::columns`]).
    col_text: Format,
    col_int: Format,
    col_days: Format,
    col_date: Format,
    col_time: Format,
    col_light: Format,
    /// The colours a light's column gives each light (by conditional formats on its words).
    if_red: Format,
    if_yellow: Format,
    if_green: Format,
}

/// What a table column holds, which decides its column format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holds {
    Text,
    Int,
    Days,
    Date,
    Time,
    /// A traffic light, coloured by its word.
    Light,
}

impl Styles {
    pub(super) fn new() -> Styles {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        let top_left = Format::new().set_align(FormatAlign::Left).set_align(FormatAlign::Top);
        let top = Format::new().set_align(FormatAlign::Top);
        Styles {
            title: top_left.clone().set_bold().set_font_size(14).set_text_wrap(),
            subtitle: top_left.clone().set_text_wrap(),
            part: Format::new().set_bold().set_font_size(12),
            para: top_left.set_text_wrap(),
            head: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0xD9D9D9))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            int: cell.clone().set_num_format("0"),
            days: cell.clone().set_num_format("0;[Red]-0;0"),
            rate: cell.clone().set_num_format("0.0%"),
            date: cell.clone().set_num_format("yyyy-mm-dd"),
            time: cell.clone().set_num_format("yyyy-mm-dd hh:mm"),
            col_text: top.clone().set_text_wrap(),
            col_int: top.clone().set_num_format("0"),
            col_days: top.clone().set_num_format("0;[Red]-0;0"),
            col_date: top.clone().set_num_format("yyyy-mm-dd"),
            col_time: top.set_num_format("yyyy-mm-dd hh:mm"),
            col_light: Format::new().set_align(FormatAlign::Top).set_align(FormatAlign::Center),
            if_red: Format::new().set_font_color(Color::RGB(0x9C0006)).set_background_color(Color::RGB(0xFFC7CE)),
            if_yellow: Format::new().set_font_color(Color::RGB(0x9C5700)).set_background_color(Color::RGB(0xFFEB9C)),
            if_green: Format::new().set_font_color(Color::RGB(0x006100)).set_background_color(Color::RGB(0xC6EFCE)),
        }
    }

    /// The format of a table column holding `h`.
    fn column(&self, h: Holds) -> Option<&Format> {
        match h {
            Holds::Text => Some(&self.col_text),
            Holds::Int => Some(&self.col_int),
            Holds::Days => Some(&self.col_days),
            Holds::Date => Some(&self.col_date),
            Holds::Time => Some(&self.col_time),
            Holds::Light => Some(&self.col_light),
        }
    }
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
    /// Ends a text cut to fit a cell.
    cut: &'static str,
}

impl<'a> Grid<'a> {
    /// A grid that only measures.
    pub(super) fn measure(st: &'a Styles, lang: Lang) -> Grid<'a> {
        Grid { ws: None, st, widths: Vec::new(), cols: Vec::new(), pending: None, cut: labels::cut(lang) }
    }

    /// A grid that writes to `ws`, whose columns get the widths `measured` found (at least 4
    /// cells, at most `cap(column)`).
    pub(super) fn write(
        ws: &'a mut Worksheet,
        measured: &Grid<'a>,
        cap: impl Fn(usize) -> usize,
    ) -> Result<Grid<'a>, XlsxError> {
        let cols: Vec<f64> = measured
            .widths
            .iter()
            .enumerate()
            .map(|(c, w)| ((*w).clamp(4, cap(c).max(4)) as f64 * UNITS_PER_CELL).ceil() + 2.0)
            .collect();
        for (c, w) in cols.iter().enumerate() {
            ws.set_column_width(col_num(c), *w)?;
        }
        let (st, cut) = (measured.st, measured.cut);
        Ok(Grid { ws: Some(ws), st, widths: Vec::new(), cols, pending: None, cut })
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
                Some(n) => self.number(row, col, n, f(&st.date), 10)?,
                None => self.date_text(row, col, &d.to_string(), f(&st.text))?,
            },
            Cell::Time(t) => match serial_time(*t) {
                Some(n) => self.number(row, col, n, f(&st.time), 16)?,
                None => self.date_text(row, col, &labels::when(Some(*t)), f(&st.text))?,
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

    /// Writes a heading that may run over the empty cells to its right.
    pub(super) fn note(&mut self, row: u32, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.start(row)?;
        self.string(row, 0, s, Some(f))
    }

    /// Moves to `row`: the row before it is complete, and gets its height.
    fn start(&mut self, row: u32) -> Result<(), XlsxError> {
        if self.pending.as_ref().is_some_and(|p| p.row != row) {
            self.end_row()?;
        }
        if self.ws.is_some() && self.pending.is_none() {
            self.pending = Some(Pending { row, height: LINE_PT });
        }
        Ok(())
    }

    /// Sets the height of the row being written, if its text needs more than one line.
    fn end_row(&mut self) -> Result<(), XlsxError> {
        if let (Some(p), Some(ws)) = (self.pending.take(), self.ws.as_deref_mut())
            && p.height > LINE_PT
        {
            ws.set_row_height(p.row, p.height.min(MAX_ROW_PT))?;
        }
        Ok(())
    }

    /// Ends the sheet: the last row gets its height.
    pub(super) fn finish(mut self) -> Result<(), XlsxError> {
        self.end_row()
    }

    /// Takes in text spanning columns `first..=last`: in the writing pass, for the height of the
    /// row being written; in the measuring pass, for the widest line of column `first` (text
    /// over several columns does not widen them). A line no longer in bytes than what it is
    /// held against is not measured: no character is wider than its UTF-8 length.
    fn wrap(&mut self, first: u16, last: u16, s: &str, line_pt: f64) {
        if self.pending.is_some() {
            let span: f64 = (first..=last).map(|c| self.cols.get(usize::from(c)).copied().unwrap_or(10.0)).sum();
            let room = ((span - 2.0) / UNITS_PER_CELL).max(1.0);
            let count =
                |l: &str| if l.len() as f64 <= room { 1.0 } else { (text::width(l) as f64 / room).ceil().max(1.0) };
            let lines = s.lines().map(count).sum::<f64>().max(1.0);
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
