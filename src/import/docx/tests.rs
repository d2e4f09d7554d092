//! The DOCX reader on packages built here: a minimal document with numbering and styles, a part
//! under another name, and files that are not documents.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::*;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn package(dir: &Path, parts: &[(&str, &str)]) -> PathBuf {
    let path = dir.join("t.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    path
}

fn numbered(num: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn numbered_paragraphs_from_numbering_and_styles() {
    let dir = tempfile::tempdir().unwrap();
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:pStyle w:val="H1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="6"/></w:num></w:numbering>"#
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let heading = |t: &str| format!(r#"<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#);
    let body =
        [heading("总体要求"), numbered("1", "甲"), numbered("1", "乙"), heading("重点任务"), numbered("0", "无号")]
            .concat();
    let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let path = package(
        dir.path(),
        &[("word/document.xml", &document), ("word/numbering.xml", &numbering), ("word/styles.xml", &styles)],
    );
    let d = read(&path).unwrap();
    assert_eq!(d.paragraphs, vec!["一、总体要求", "1.甲", "2.乙", "二、重点任务", "无号"]);
}

#[test]
fn missing_numbering_and_another_main_part_name() {
    let dir = tempfile::tempdir().unwrap();
    let rels = r#"<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let document = format!("<w:document {W}><w:body>{}</w:body></w:document>", numbered("1", "甲"));
    let path = package(dir.path(), &[("_rels/.rels", rels), ("word/document2.xml", &document)]);
    assert_eq!(read(&path).unwrap().paragraphs, vec!["甲"]);
}

fn reason(err: ImportError) -> String {
    match err {
        ImportError::Unreadable { reason, .. } => reason,
        e => panic!("{e:?}"),
    }
}

#[test]
fn files_that_are_not_documents() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.docx");
    std::fs::write(&text, "一、总体要求\n").unwrap();
    assert!(reason(read(&text).unwrap_err()).contains("不是 zip"));
    let ole = dir.path().join("b.docx");
    std::fs::write(&ole, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    assert!(reason(read(&ole).unwrap_err()).contains("密码"));
    let empty = package(dir.path(), &[("other.xml", "<a/>")]);
    assert!(reason(read(&empty).unwrap_err()).contains("缺少正文部分 word/document.xml"));
    let broken = package(dir.path(), &[("word/document.xml", "<w:document><w:body><w:p></w:tbl>")]);
    assert!(reason(read(&broken).unwrap_err()).contains("已损坏"));
    assert!(matches!(read(&dir.path().join("none.docx")), Err(ImportError::Io { .. })));
}

#[test]
fn parts_over_the_cap_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = package(dir.path(), &[("word/document.xml", &" ".repeat(3 << 20))]);
    let mut zip = part::open(std::fs::File::open(&path).unwrap()).unwrap();
    let err = part::text(&mut zip, "word/document.xml", 2 << 20).unwrap_err();
    assert!(err.contains("超过 2 MB"), "{err}");
    assert!(part::text(&mut zip, "WORD/Document.xml", 4 << 20).unwrap().is_some(), "names match ignoring case");
}
