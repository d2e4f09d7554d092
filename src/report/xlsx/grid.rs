//! The cells, formats and grid of the XLSX renderer: values that pick their own format, the
//! workbook's styles, and a worksheet wrapper that fits column widths and row heights to
//! Chinese text (measured in terminal cells, a CJK character being 2).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::{LINE_PT, MAX_ROW_PT, UNITS_PER_CELL, col_num};
use crate::report::{Light, labels};
use crate::text;

/// A value to write, which picks its own format.
pub(super) enum Cell {
    Text(String),
    Int(i64),
    /// Days left: negative (overdue) shows red.
    Days(i64),
    /// A 0–1 rate shown as "42.9%".
    Rate(f64),
    Date(NaiveDate),
    Time(DateTime<FixedOffset>),
    Light(Light, &'static str),
    Blank,
}

impl Cell {
    pub(super) fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    pub(super) fn int(n: usize) -> Cell {
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
    pub(super) red: Format,
    pub(super) yellow: Format,
    pub(super) green: Format,
}

impl Styles {
    pub(super) fn new() -> Styles {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        let light = |font: u32, fill: u32| {
            cell.clone()
                .set_align(FormatAlign::Center)
                .set_font_color(Color::RGB(font))
                .set_background_color(Color::RGB(fill))
        };
        let top_left = Format::new().set_align(FormatAlign::Left).set_align(FormatAlign::Top);
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
            red: light(0x9C0006, 0xFFC7CE),
            yellow: light(0x9C5700, 0xFFEB9C),
            green: light(0x006100, 0xC6EFCE),
        }
    }

    pub(super) fn light(&self, l: Light) -> &Format {
        match l {
            Light::Red => &self.red,
            Light::Yellow => &self.yellow,
            Light::Green => &self.green,
        }
    }
}

/// Text whose row must be tall enough: the cells it spans and its lines' widths.
struct Wrapped {
    row: u32,
    first: u16,
    last: u16,
    lines: Vec<usize>,
    line_pt: f64,
}

/// A worksheet being filled, remembering the widest content of each column and the wrapped
/// text of each row so that `fit` can size columns and rows.
pub(super) struct Grid<'a> {
    pub(super) ws: &'a mut Worksheet,
    pub(super) st: &'a Styles,
    /// Widest content per column, in terminal cells (a CJK character is 2).
    widths: Vec<usize>,
    wrapped: Vec<Wrapped>,
}

impl<'a> Grid<'a> {
    pub(super) fn new(ws: &'a mut Worksheet, st: &'a Styles) -> Grid<'a> {
        Grid { ws, st, widths: Vec::new(), wrapped: Vec::new() }
    }

    /// Writes a bordered cell in the format its value calls for.
    pub(super) fn put(&mut self, row: u32, col: u16, cell: &Cell) -> Result<(), XlsxError> {
        let st = self.st;
        let width = match cell {
            Cell::Text(s) if !s.is_empty() => {
                self.ws.write_string_with_format(row, col, s, &st.text)?;
                self.wrap(row, col, col, s, LINE_PT)
            }
            Cell::Text(_) | Cell::Blank => {
                self.ws.write_blank(row, col, &st.text)?;
                0
            }
            Cell::Int(n) => self.number(row, col, *n as f64, &st.int, n.to_string().len())?,
            Cell::Days(n) => self.number(row, col, *n as f64, &st.days, n.to_string().len())?,
            Cell::Rate(x) => self.number(row, col, *x, &st.rate, 6)?,
            Cell::Date(d) => match serial(*d) {
                Some(n) => self.number(row, col, n, &st.date, 10)?,
                None => self.date_text(row, col, &d.to_string())?,
            },
            Cell::Time(t) => match serial_time(*t) {
                Some(n) => self.number(row, col, n, &st.time, 16)?,
                None => self.date_text(row, col, &labels::when(Some(*t)))?,
            },
            Cell::Light(l, s) => {
                self.ws.write_string_with_format(row, col, *s, st.light(*l))?;
                text::width(s)
            }
        };
        self.track(col, width);
        Ok(())
    }

    fn number(&mut self, row: u32, col: u16, n: f64, f: &Format, w: usize) -> Result<usize, XlsxError> {
        self.ws.write_number_with_format(row, col, n, f)?;
        Ok(w)
    }

    /// A date Excel cannot hold, written as text.
    fn date_text(&mut self, row: u32, col: u16, s: &str) -> Result<usize, XlsxError> {
        self.ws.write_string_with_format(row, col, s, &self.st.text)?;
        Ok(text::width(s))
    }

    /// Writes header cells from column 0.
    pub(super) fn head(&mut self, row: u32, titles: &[&str]) -> Result<(), XlsxError> {
        for (c, t) in titles.iter().enumerate() {
            let col = col_num(c);
            self.ws.write_string_with_format(row, col, *t, &self.st.head)?;
            let w = self.wrap(row, col, col, t, LINE_PT);
            self.track(col, w);
        }
        Ok(())
    }

    /// Writes text merged across columns 0..=last of a row; its width does not widen columns.
    pub(super) fn merge(&mut self, row: u32, last: u16, s: &str, f: &Format, line_pt: f64) -> Result<(), XlsxError> {
        if last == 0 {
            self.ws.write_string_with_format(row, 0, s, f)?;
        } else {
            self.ws.merge_range(row, 0, row, last, s, f)?;
        }
        self.wrap(row, 0, last, s, line_pt);
        Ok(())
    }

    /// Writes a heading that may run over the empty cells to its right.
    pub(super) fn note(&mut self, row: u32, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(row, 0, s, f)?;
        Ok(())
    }

    /// Remembers wrapped text for the row height; returns its widest line.
    fn wrap(&mut self, row: u32, first: u16, last: u16, s: &str, line_pt: f64) -> usize {
        let lines: Vec<usize> = s.lines().map(text::width).collect();
        let widest = lines.iter().copied().max().unwrap_or(0);
        self.wrapped.push(Wrapped { row, first, last, lines, line_pt });
        widest
    }

    fn track(&mut self, col: u16, width: usize) {
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(width);
    }

    /// Sets each column to its widest content (at least 4 cells, at most `cap(column)`) and
    /// each row tall enough for its wrapped text.
    pub(super) fn fit(&mut self, cap: impl Fn(usize) -> usize) -> Result<(), XlsxError> {
        let cols: Vec<f64> = self
            .widths
            .iter()
            .enumerate()
            .map(|(c, w)| ((*w).clamp(4, cap(c).max(4)) as f64 * UNITS_PER_CELL).ceil() + 2.0)
            .collect();
        for (c, w) in cols.iter().enumerate() {
            self.ws.set_column_width(col_num(c), *w)?;
        }
        let mut heights: BTreeMap<u32, f64> = BTreeMap::new();
        for w in &self.wrapped {
            let span: f64 = (w.first..=w.last).map(|c| cols.get(usize::from(c)).copied().unwrap_or(10.0)).sum();
            let room = ((span - 2.0) / UNITS_PER_CELL).max(1.0);
            let lines: f64 = w.lines.iter().map(|&n| (n as f64 / room).ceil().max(1.0)).sum::<f64>().max(1.0);
            let h = heights.entry(w.row).or_insert(LINE_PT);
            *h = h.max(lines * w.line_pt + if lines > 1.0 { 3.0 } else { 0.0 });
        }
        for (row, h) in heights {
            if h > LINE_PT {
                self.ws.set_row_height(row, h.min(MAX_ROW_PT))?;
            }
        }
        Ok(())
    }
}
