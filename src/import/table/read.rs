//! Reading a CSV, TSV or pasted-text file into a [`Grid`]: the bytes decoded (UTF-8 with or
//! without BOM; GBK / GB18030 when the bytes are not UTF-8), then cut into cells by the `csv`
//! crate — a comma for `.csv`, a tab for everything else (`.tsv`, `.txt`, a table pasted from
//! Word or a spreadsheet). Quoted cells may hold line breaks; rows may have any number of cells.

use std::path::Path;

use crate::import::{Grid, ImportError};

/// The text of a file, decoded, and what encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// "UTF-8" or "GBK".
    pub encoding: &'static str,
}

/// Decodes a file's bytes: UTF-8 (a BOM is dropped), else GBK (GB18030, which holds GBK),
/// else an error naming the first byte that is neither.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Decoded, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_string(), encoding: "UTF-8" });
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        let at = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
        let reason = format!("既不是 UTF-8 也不是 GBK 编码（第 {} 个字节起无法识别）", at + 1);
        return Err(ImportError::Unreadable { path: path.to_path_buf(), reason });
    }
    Ok(Decoded { text: text.into_owned(), encoding: "GBK" })
}

/// The cell separator for a file: a comma for `.csv` (unless its first lines hold tabs and no
/// commas: a TSV saved under the wrong name), a tab otherwise.
pub fn delimiter(path: &Path, text: &str) -> u8 {
    let csv = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let head: String = text.lines().take(20).collect();
    let tabs_only = head.contains('\t') && !head.contains(',');
    if csv && !tabs_only { b',' } else { b'\t' }
}

/// Cuts text into rows of cells. Cells keep their line breaks ("\r\n" becomes "\n"); a row keeps
/// as many cells as the file gives it (a row shorter than the header is read in `rows`).
pub fn grid(text: &str, delimiter: u8, path: &Path) -> Result<Grid, ImportError> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Unreadable { path: path.to_path_buf(), reason: e.to_string() })?;
        rows.push(record.iter().map(|c| c.replace("\r\n", "\n").replace('\r', "\n")).collect());
    }
    Ok(Grid { rows })
}

/// Reads a CSV / TSV / text file into one grid, with its decoded text (the text recogniser reads
/// the same text as lines when no table is found).
pub fn read(path: &Path) -> Result<(Grid, Decoded), ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io { path: path.to_path_buf(), source })?;
    let decoded = decode(&bytes, path)?;
    let grid = grid(&decoded.text, delimiter(path, &decoded.text), path)?;
    Ok((grid, decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str) -> &Path {
        Path::new(name)
    }

    #[test]
    fn utf8_with_bom_and_gbk_decode_alike() {
        let text = "序号,具体措施\n1,公开\n";
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom, p("a.csv")).unwrap(), Decoded { text: text.into(), encoding: "UTF-8" });
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert!(std::str::from_utf8(&gbk).is_err());
        assert_eq!(decode(&gbk, p("a.csv")).unwrap(), Decoded { text: text.into(), encoding: "GBK" });
    }

    #[test]
    fn bytes_of_no_encoding_are_refused() {
        let err = decode(b"\xFF\xFF\xFF", p("a.csv")).unwrap_err();
        assert!(matches!(err, ImportError::Unreadable { .. }), "{err:?}");
    }

    #[test]
    fn separator_follows_the_name_and_the_text() {
        assert_eq!(delimiter(p("a.csv"), "序号,内容"), b',');
        assert_eq!(delimiter(p("a.csv"), "序号\t内容"), b'\t');
        assert_eq!(delimiter(p("a.tsv"), "序号,内容"), b'\t');
        assert_eq!(delimiter(p("a.txt"), "序号\t内容"), b'\t');
    }

    #[test]
    fn quoted_cells_keep_line_breaks() {
        let g = grid("1,\"市财政局\r\n市商务局\",\n2\n", b',', p("a.csv")).unwrap();
        assert_eq!(g.rows, vec![vec!["1".to_string(), "市财政局\n市商务局".into(), String::new()], vec!["2".into()]]);
    }
}
