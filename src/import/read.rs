//! Which reader a file goes to, by its extension (.xlsx / .xlsm / .xls / .ods: spreadsheets;
//! .docx: Word/WPS documents; anything else: CSV, TSV or pasted text), and finding the task
//! table in what it read: the first grid whose header is recognised, else the document's text.

use std::path::Path;

use super::docx::{self, Document};
use super::table::{self, Found};
use super::{ImportError, text, xlsx};

/// Reads a file: its tables and its lines of text, and the format's name for the summary
/// ("XLSX", "DOCX", or the text encoding "UTF-8" / "GBK").
pub fn read(path: &Path) -> Result<(Document, &'static str), ImportError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" => Ok((Document { tables: xlsx::read(path)?, paragraphs: Vec::new() }, "XLSX")),
        "xls" => Ok((Document { tables: xlsx::read(path)?, paragraphs: Vec::new() }, "XLS")),
        "ods" => Ok((Document { tables: xlsx::read(path)?, paragraphs: Vec::new() }, "ODS")),
        "docx" => Ok((docx::read(path)?, "DOCX")),
        _ => {
            let (grid, decoded) = table::read::read(path)?;
            let paragraphs = decoded.text.lines().map(str::to_string).collect();
            Ok((Document { tables: vec![grid], paragraphs }, decoded.encoding))
        }
    }
}

/// The task table: the first table whose header is recognised and that holds items (its title,
/// when none sits above it in the table, is the document's title line); else the document's
/// numbered text.
pub fn recognise(doc: &Document, path: &Path) -> Result<Found, ImportError> {
    let table = doc.tables.iter().filter_map(table::recognise).find(|f| !f.recognised.items.is_empty());
    if let Some(mut found) = table {
        if found.title.is_none() {
            found.title = text::title(&doc.paragraphs);
        }
        return Ok(found);
    }
    text::recognise(&doc.paragraphs).ok_or_else(|| ImportError::NothingFound { path: path.to_path_buf() })
}
