//! Writing a report in a chosen format, to a stream or a new file: what `taizhang report` and
//! the lead view's export keys share, so both print the same bytes for the same report.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use taizhang::Lang;
use taizhang::report::{self, Kind, Live, Rows};

use super::Fail;

/// A report's output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Md,
    Csv,
    Html,
    Xlsx,
    Json,
    Docx,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: [Format; 7] =
        [Format::Txt, Format::Md, Format::Csv, Format::Html, Format::Xlsx, Format::Docx, Format::Json];

    /// The format of a report written to `output` (or to stdout when `None`): `-f` (`asked`),
    /// else the file's extension, else txt. Without `-f`, a file whose extension names no format
    /// (`.pdf`, none) is refused rather than written as text; with it, an extension naming
    /// another format, or a document that the file would be taken for (`.pdf`, `.doc`), is.
    pub fn for_output(asked: Option<Format>, output: Option<&Path>) -> Result<Format, Fail> {
        let Some(path) = output else { return Ok(asked.unwrap_or(Format::Txt)) };
        let refuse = || Err(Fail::OutputExtension { path: path.to_path_buf(), asked: asked.map(Format::ext) });
        match (Format::from_extension(path), asked) {
            (Some(ext), Some(asked)) if ext != asked => refuse(),
            (Some(ext), _) => Ok(ext),
            (None, Some(asked)) if !looks_like_a_document(path) => Ok(asked),
            (None, _) => refuse(),
        }
    }

    /// The file extension (and the name shown for the format).
    pub fn ext(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::Docx => "docx",
        }
    }

    /// The format a file name's extension asks for.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        Some(match ext.as_str() {
            "txt" => Format::Txt,
            "md" | "markdown" => Format::Md,
            "csv" => Format::Csv,
            "html" | "htm" => Format::Html,
            "xlsx" => Format::Xlsx,
            "json" => Format::Json,
            "docx" => Format::Docx,
            _ => return None,
        })
    }

    /// Refuses a report of `rows` rows that this format cannot hold (an XLSX sheet's row limit),
    /// decided from the plan alone, before any ledger is read.
    pub fn holds(self, kind: Kind, rows: usize) -> Result<(), Fail> {
        let max = match (self, kind) {
            (Format::Xlsx, _) => report::xlsx::MAX_ROWS,
            // The 通报 lists only the overdue rows, not every row.
            (Format::Docx, Kind::Unit | Kind::Ledger) => report::docx::MAX_ROWS,
            _ => return Ok(()),
        };
        if rows > max { Err(Fail::TooManyRows { rows, format: self, max }) } else { Ok(()) }
    }

    /// A binary format, never written to a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Docx)
    }

    /// Which rows a summary in this format prints: text formats list only the overdue and
    /// completed rows; JSON and XLSX carry every row.
    pub fn summary_rows(self) -> Rows {
        if matches!(self, Format::Json | Format::Xlsx) { Rows::Every } else { Rows::Listed }
    }
}

/// How a report is written.
pub struct Writer {
    pub format: Format,
    pub lang: Lang,
    /// ANSI colours (text on a terminal).
    pub color: bool,
    /// Indented JSON.
    pub pretty: bool,
    /// The width text reports are laid out for, in terminal cells.
    pub width: usize,
}

impl Writer {
    /// Writes a text format (everything but XLSX); CSV is the kind's default table.
    pub fn text(&self, model: &Live, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        match self.format {
            Format::Txt => report::txt::write(model, lang, self.width, self.color, w),
            Format::Md => report::md::write(model, lang, w),
            Format::Csv => report::csv::write(model, lang, w).map_err(io::Error::from),
            Format::Html => report::html::write(model, lang, w),
            Format::Json => report::json::write(model, self.pretty, w),
            Format::Xlsx | Format::Docx => Err(other("not a text format")),
        }
    }

    /// Writes one table of a CSV report (`report -f csv --table`).
    pub fn csv(&self, model: &Live, table: report::csv::Table, w: &mut dyn Write) -> io::Result<()> {
        report::csv::write_table(model, self.lang, table, w).map_err(io::Error::from)
    }

    /// Writes one table of a CSV report to the new file.
    pub fn csv_to_file(&self, model: &Live, table: report::csv::Table, f: &mut std::fs::File) -> io::Result<()> {
        let mut w = BufWriter::with_capacity(1 << 16, f);
        self.csv(model, table, &mut w)?;
        w.flush()
    }

    /// Writes each table to `<name>.csv` in `dir` (made if missing; each file atomically): the
    /// names written.
    pub fn csv_dir(&self, model: &Live, dir: &Path, tables: &[report::csv::Table]) -> Result<Vec<String>, Fail> {
        if !dir.is_dir() {
            std::fs::create_dir(dir).map_err(|e| Fail::WriteFile { path: dir.to_path_buf(), source: e })?;
        }
        let mut names = Vec::with_capacity(tables.len());
        for t in tables {
            let name = format!("{}.csv", t.name());
            super::output::file_with(&dir.join(&name), |f| self.csv_to_file(model, *t, f))?;
            names.push(name);
        }
        Ok(names)
    }

    /// Writes any format to the new file.
    pub fn to_file(&self, model: &Live, f: &mut std::fs::File) -> io::Result<()> {
        match self.format {
            Format::Xlsx => report::xlsx::workbook(model, self.lang).map_err(other)?.save_to_writer(f).map_err(other),
            Format::Docx => report::docx::write(model, self.lang, f),
            _ => {
                let mut w = BufWriter::with_capacity(1 << 16, f);
                self.text(model, &mut w)?;
                w.flush()
            }
        }
    }

    /// A binary format's bytes, for stdout.
    pub fn bytes(&self, model: &Live) -> io::Result<Vec<u8>> {
        match self.format {
            Format::Xlsx => report::xlsx::render(model, self.lang).map_err(other),
            Format::Docx => {
                let mut out = io::Cursor::new(Vec::new());
                report::docx::write(model, self.lang, &mut out)?;
                Ok(out.into_inner())
            }
            _ => Err(other("not a binary format")),
        }
    }
}

/// A name that says office document, which no text format should be written under.
fn looks_like_a_document(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    ["pdf", "doc", "docx", "xls", "et", "wps", "odt", "ods", "rtf", "ofd"].contains(&ext.as_str())
}

pub fn other(e: impl ToString) -> io::Error {
    io::Error::other(e.to_string())
}
