//! The parts of a .docx zip: opening it (a file that is not a zip, or is an encrypted Office
//! file or an old .doc, is named as such), finding the main part through `_rels/.rels`, and
//! reading a part's text with a cap on its uncompressed size. Errors are short Chinese reasons.

use std::io::Read;

use super::xml;

/// The opened archive.
pub type Zip = zip::ZipArchive<std::fs::File>;

/// The first bytes of an OLE compound file: an old .doc, or an Office file with a password.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Where Word, WPS and LibreOffice put the main part.
const DEFAULT_MAIN: &str = "word/document.xml";

/// Opens the archive.
pub fn open(mut file: std::fs::File) -> Result<Zip, String> {
    let mut head = [0u8; 8];
    let got = file.read(&mut head).unwrap_or(0);
    if got == head.len() && head == OLE_MAGIC {
        return Err("文件设有打开密码，或是旧版 Word（.doc）格式；请在 Word 或 WPS 中取消密码、另存为 .docx 后再导入"
            .to_string());
    }
    zip::ZipArchive::new(file).map_err(|e| match e {
        zip::result::ZipError::Io(e) => format!("无法读取文件（{e}）"),
        _ => "不是有效的 DOCX 文件（不是 zip 压缩包；文件已损坏，或并非 Word/WPS 文档）".to_string(),
    })
}

/// The main part's name, from the package relationships; `word/document.xml` when they do not
/// say.
pub fn main_name(zip: &mut Zip) -> String {
    let rels = text(zip, "_rels/.rels", 1 << 20).ok().flatten().unwrap_or_default();
    xml::office_document_target(&rels)
        .map(|t| t.trim_start_matches('/').to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| DEFAULT_MAIN.to_string())
}

/// A part's text (UTF-8, a BOM dropped): None when the archive has no such part; an error when it
/// is larger than `cap` uncompressed, damaged, or not UTF-8.
pub fn text(zip: &mut Zip, name: &str, cap: u64) -> Result<Option<String>, String> {
    let Some(index) = find(zip, name) else { return Ok(None) };
    let entry = zip.by_index(index).map_err(|e| format!("{name} 无法读取（{e}）"))?;
    let mut bytes = Vec::new();
    entry.take(cap.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| format!("{name} 已损坏（{e}）"))?;
    if bytes.len() as u64 > cap {
        return Err(format!("{name} 解压后超过 {} MB，疑为恶意文件，未读取", cap >> 20));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map(Some).map_err(|_| format!("{name} 不是 UTF-8 编码"))
}

/// The entry named `name`, or else the one whose name matches it ignoring case.
fn find(zip: &Zip, name: &str) -> Option<usize> {
    zip.index_for_name(name).or_else(|| {
        zip.file_names()
            .filter_map(Result::ok)
            .find(|n| n.eq_ignore_ascii_case(name))
            .and_then(|n| zip.index_for_name(&n))
    })
}
