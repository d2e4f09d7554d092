//! Reading a Word or WPS document (.docx) into its tables and the lines of text outside them:
//! the zip opened and its parts read with caps on their size (`part`), the main part walked
//! (`body`), automatic numbering rendered as the reader sees it (`numbering`, `numfmt`,
//! `styles`). Missing numbering or styles parts are fine; a file that is not a DOCX, or is
//! damaged, gives [`ImportError::Unreadable`] with a short reason.

pub mod body;
pub mod numbering;
pub mod numfmt;
pub mod part;
pub mod styles;
pub mod xml;

use std::path::Path;

use crate::import::{Grid, ImportError};

/// What a document holds, in its order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The tables: each row's cells; a cell spanning n columns is followed by n-1 empty cells,
    /// a cell merged with the one above is empty; a cell's paragraphs joined with '\n'.
    pub tables: Vec<Grid>,
    /// The paragraphs outside tables, one line each, numbered as Word shows them ("1.…").
    pub paragraphs: Vec<String>,
}

/// The main part is capped at this many bytes uncompressed (a zip bomb is refused).
pub const MAX_DOCUMENT: u64 = 64 << 20;

/// Numbering and styles parts are capped lower: real ones are a few hundred kilobytes.
pub const MAX_SIDE_PART: u64 = 16 << 20;

/// Reads a .docx file.
pub fn read(path: &Path) -> Result<Document, ImportError> {
    let file = std::fs::File::open(path).map_err(|source| ImportError::Io { path: path.to_path_buf(), source })?;
    let unreadable = |reason: String| ImportError::Unreadable { path: path.to_path_buf(), reason };
    let mut zip = part::open(file).map_err(unreadable)?;
    let main = part::main_name(&mut zip);
    let document = part::text(&mut zip, &main, MAX_DOCUMENT)
        .map_err(unreadable)?
        .ok_or_else(|| unreadable(format!("不是有效的 DOCX 文件（缺少正文部分 {main}）")))?;
    let folder = main.rsplit_once('/').map_or("", |(dir, _)| dir);
    let side = |zip: &mut part::Zip, name: &str| {
        let name = if folder.is_empty() { name.to_string() } else { format!("{folder}/{name}") };
        part::text(zip, &name, MAX_SIDE_PART).ok().flatten()
    };
    let numbering = side(&mut zip, "numbering.xml").map(|x| numbering::Definitions::parse(&x)).unwrap_or_default();
    let styles = side(&mut zip, "styles.xml").map(|x| styles::Styles::parse(&x)).unwrap_or_default();
    body::walk(&document, numbering, &styles).map_err(|e| unreadable(format!("DOCX 文件已损坏（正文 {main}：{e}）")))
}

#[cfg(test)]
mod tests;
