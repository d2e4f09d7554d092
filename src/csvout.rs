//! The CSV the program writes (reports and listings): UTF-8 with a BOM, so that Excel and WPS
//! read the Chinese, and no cell that a spreadsheet would run as a formula.
//!
//! The rule (OWASP, "CSV injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a single quote `'` in front, which spreadsheets show as text. A cell
//! that is a plain number — an optional sign, digits, an optional decimal part and an optional
//! `%`, such as a days-left of `-3` or a rate of `42.9%` — is left as it is: it cannot hold a
//! formula, and must stay a number for sorting and sums.

use std::borrow::Cow;
use std::io::Write;

/// A CSV document being written, into memory or straight to a writer.
pub struct Csv<W: Write = Vec<u8>> {
    w: csv::Writer<W>,
}

impl Default for Csv {
    fn default() -> Csv {
        Csv::new()
    }
}

impl Csv {
    /// An empty document in memory; rows may have different lengths.
    pub fn new() -> Csv {
        Csv { w: builder().from_writer(BOM.as_bytes().to_vec()) }
    }

    /// The document as text, starting with the BOM.
    pub fn finish(self) -> Result<String, csv::Error> {
        let bytes = self.into_inner()?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

impl<W: Write> Csv<W> {
    /// A document written to `out` as rows come, starting with the BOM.
    pub fn to(mut out: W) -> Result<Csv<W>, csv::Error> {
        out.write_all(BOM.as_bytes())?;
        Ok(Csv { w: builder().from_writer(out) })
    }

    /// Writes one row, each cell neutralised.
    pub fn row<I, T>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        for c in cells {
            self.w.write_field(neutralise(c.as_ref()).as_bytes())?;
        }
        self.w.write_record(None::<&[u8]>)
    }

    /// Flushes and hands back the writer.
    pub fn into_inner(self) -> Result<W, csv::Error> {
        self.w.into_inner().map_err(|e| e.into_error().into())
    }
}

/// The byte order mark that tells Excel and WPS the text is UTF-8.
const BOM: &str = "\u{FEFF}";

fn builder() -> csv::WriterBuilder {
    let mut b = csv::WriterBuilder::new();
    b.flexible(true);
    b
}

/// First characters a spreadsheet would take as the start of a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as it may go into a CSV file (see the module's rule).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_START.contains(&c) && !is_number(cell) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A cell read back from a CSV file as it was before [`neutralise`] put a `'` in front of it.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// `-3`, `+12`, `42.9%`, `100`: an optional sign, digits, an optional decimal part, an optional `%`.
fn is_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let s = s.strip_suffix('%').unwrap_or(s);
    let (whole, frac) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formula_guard_comes_off_as_it_went_on() {
        for cell in ["=1+1", "-已完成", "@x", "'引号", "-3", "普通"] {
            assert_eq!(restore(&neutralise(cell)), cell);
        }
        assert_eq!(restore("'=1+1"), "=1+1");
        assert_eq!(restore("'引号"), "'引号");
    }

    #[test]
    fn formulas_become_text() {
        for cell in ["=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"x\")", "-", "+"]
        {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
    }

    #[test]
    fn plain_numbers_and_ordinary_text_stay() {
        for cell in ["-3", "+12", "42.9%", "-0.5", "100", "", "市财政局", "已过 3 天", "2022-06-10", "a=b", " =1"]
        {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
        for cell in ["-3a", "-.5", "-3.", "--3", "-3%%", "-1e3"] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
    }

    #[test]
    fn rows_are_neutralised_and_start_with_a_bom() {
        let mut c = Csv::new();
        c.row(["=1+1", "-3", "甲"]).unwrap();
        c.row(["x"]).unwrap();
        assert_eq!(c.finish().unwrap(), "\u{FEFF}'=1+1,-3,甲\nx\n");
    }
}
