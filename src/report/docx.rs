//! DOCX reports with docx-rs: the summary as a 公文-style 通报 laid out per GB/T 9704-2012
//! (A4, 28 × 22 grid, 小标宋 title, 仿宋 body, 黑体 / 楷体 headings, "— 1 —" page numbers), and
//! unit reports and the ledger as tables on A4 landscape — ready to edit in Word or WPS.

mod style;
mod summary;
mod table;

use std::io::{self, Seek, Write};

use docx_rs::{Docx, XMLDocx};

use super::cells;
use super::labels::{self, Dates};
use super::{Kind, View, footnotes};
use crate::Lang;
use style::{Page, SIZE_5};

/// The most rows a DOCX report takes: a Word table of more is hundreds of pages that Word and
/// WPS open slowly, and docx-rs holds the whole document in memory.
pub const MAX_ROWS: usize = 20_000;

/// Writes a report as a DOCX document.
pub fn write<W: Write + Seek>(v: &dyn View, lang: Lang, out: W) -> io::Result<()> {
    finish(document(v, lang).build()).pack(out).map_err(io::Error::other)
}

/// The Normal style as docx-rs always writes it: without a size, so LibreOffice would take
/// 12 pt for it where Word takes the document's default.
const NORMAL_BARE: &str = r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr />"#;
const NORMAL_SIZED: &str = r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr><w:sz w:val="32" /><w:szCs w:val="32" /></w:rPr>"#;

/// What docx-rs cannot say, said in the XML it wrote: the Normal style's size (3号, as the
/// document's default), and header rows that repeat on every page (`tblHeader`,
/// written where `table` marked them with a row height no row has).
fn finish(mut x: XMLDocx) -> XMLDocx {
    x.styles = replaced(&x.styles, NORMAL_BARE, NORMAL_SIZED);
    x.document = replaced(&x.document, table::HEADER_MARK, "<w:tblHeader />");
    x
}

fn replaced(xml: &[u8], from: &str, to: &str) -> Vec<u8> {
    String::from_utf8_lossy(xml).replace(from, to).into_bytes()
}

/// The document of a report.
fn document(v: &dyn View, lang: Lang) -> Docx {
    let h = v.head();
    let doc = Docx::new();
    match h.kind {
        Kind::Summary => summary::write(Page::Notice.apply(doc), v, lang),
        Kind::Unit | Kind::Ledger => rows(Page::Wide.apply(doc), v, lang),
    }
}

/// What the plan infers, one paragraph per footnote.
fn inferred(doc: Docx, h: &super::Head, lang: Lang) -> Docx {
    footnotes::lines(&h.inferred, lang).iter().fold(doc, |doc, line| doc.add_paragraph(style::body(line)))
}

/// A unit report or the ledger: title, period, and the assignments as one table.
fn rows(doc: Docx, v: &dyn View, lang: Lang) -> Docx {
    let h = v.head();
    let mut doc = doc
        .add_paragraph(style::title(&labels::title(h, lang)))
        .add_paragraph(style::centred(&labels::subtitle(h, lang)));
    let names = (h.kind == Kind::Unit).then(|| labels::reporters(v, lang));
    if let Some(names) = &names {
        doc = doc.add_paragraph(style::centred(&labels::reporters_line(names, lang)));
    }
    if let Some(broken) = labels::broken(v.summary(), lang) {
        doc = doc.add_paragraph(style::body(&broken));
    }
    let grid = match h.kind {
        Kind::Unit => cells::unit_rows(v, lang, Dates::Written),
        _ => cells::ledger_rows(v, lang, Dates::Written),
    };
    doc = doc.add_table(table::grid(&grid, Page::Wide, SIZE_5));
    let bodies = if h.kind == Kind::Unit { Some(cells::bodies(v, lang)) } else { None };
    if let Some(bodies) = bodies.filter(|g| !g.is_empty()) {
        doc = doc.add_paragraph(style::h1(labels::body_heading(lang)));
        doc = doc.add_table(table::grid(&bodies, Page::Wide, SIZE_5));
    }
    if !v.trail().is_empty() {
        doc = doc.add_paragraph(style::h1(labels::trail_heading(lang)));
        doc = doc.add_table(table::grid(&cells::trail(v.trail(), lang, Dates::Written), Page::Wide, SIZE_5));
    }
    if !h.inferred.is_empty() {
        doc = doc.add_paragraph(style::h1(footnotes::heading(lang)));
        doc = inferred(doc, h, lang);
    }
    // A unit report ends with the blanks its office fills in by hand: phone, reviewer, seal.
    if let Some(names) = &names {
        doc = doc.add_paragraph(style::blank()).add_paragraph(style::body(&labels::signoff(names, lang)));
    }
    doc
}
