//! The 公文 look of a DOCX report (GB/T 9704-2012): A4 page, margins, the 28 × 22 grid, fonts
//! and sizes by 号, and builders for the kinds of paragraph a 通报 has.

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    PageOrientationType, Paragraph, Run, RunFonts, SpecialIndentType, Tab, TabValueType,
};

/// A4's sides in twips (1/1440 inch), as Word writes them.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;

/// Twips per millimetre.
const TWIPS_PER_MM: f64 = 56.692;

/// 小标宋 for the title, 仿宋 for the body, 黑体 and 楷体 for the first and second heading levels,
/// 宋体 for page numbers. Word and WPS have them on an office's machines; elsewhere the reader
/// substitutes its own Song/Fangsong-like face.
pub const TITLE_FONT: &str = "方正小标宋简体";
pub const BODY_FONT: &str = "仿宋_GB2312";
pub const H1_FONT: &str = "黑体";
pub const H2_FONT: &str = "楷体_GB2312";
pub const NUMBER_FONT: &str = "宋体";

/// Sizes in half-points: 2号 (22 pt), 3号 (16 pt), 4号 (14 pt), 小四 (12 pt), 五号 (10.5 pt).
pub const SIZE_2: usize = 44;
pub const SIZE_3: usize = 32;
pub const SIZE_4: usize = 28;
pub const SIZE_SMALL_4: usize = 24;
pub const SIZE_5: usize = 21;

/// How much narrower than 16 pt each 3号 character of the body is set, in twentieths of a
/// point: 28 characters of 15.75 pt fill the 156 mm (442 pt) line.
const SQUEEZE: i32 = -5;

/// One 3号 character as set, in twips: the indent of a paragraph's first line is two of them.
const CHAR: i32 = 320 + SQUEEZE;

/// The page a report is laid out on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// A4 portrait, the 公文 版心 of 156 × 225 mm: 28 characters × 22 lines of 3号.
    Notice,
    /// A4 landscape for wide tables (unit reports, the ledger), margins of 20 mm.
    Wide,
}

fn mm(v: f64) -> i32 {
    (v * TWIPS_PER_MM).round() as i32
}

impl Page {
    /// The width of the type area (版心), in twips: what a table may span.
    pub fn text_width(self) -> usize {
        match self {
            Page::Notice => mm(156.0) as usize,
            Page::Wide => mm(297.0 - 40.0) as usize,
        }
    }

    /// Sets the page size, orientation, margins and grid, and the page-number footers.
    pub fn apply(self, doc: Docx) -> Docx {
        let doc = match self {
            Page::Notice => doc.page_size(A4_SHORT, A4_LONG).page_margin(margins(37.0, 26.0, 35.0, 28.0)),
            Page::Wide => doc
                .page_size(A4_LONG, A4_SHORT)
                .page_orient(PageOrientationType::Landscape)
                .page_margin(margins(20.0, 20.0, 20.0, 20.0)),
        };
        // The grid's character pitch is the default size's plus `char_space`: the default is 3号.
        let mut doc = doc
            .default_size(SIZE_3)
            .default_fonts(fonts(BODY_FONT))
            .footer(page_number(AlignmentType::Right))
            .even_footer(page_number(AlignmentType::Left));
        if self == Page::Notice {
            doc.document = doc.document.doc_grid(notice_grid());
        }
        doc
    }
}

fn margins(top: f64, right: f64, bottom: f64, left: f64) -> PageMargin {
    PageMargin::new().top(mm(top)).right(mm(right)).bottom(mm(bottom)).left(mm(left)).header(mm(15.0)).footer(mm(20.0))
}

/// 22 lines of 3号 in the 225 mm 版心. The 28 characters a line holds come from narrowing each
/// 3号 character by [`SQUEEZE`], not from a character grid: LibreOffice and WPS give a glyph
/// wider than a grid cell two cells, which would leave 14 characters a line.
fn notice_grid() -> DocGrid {
    let line_pitch = (f64::from(mm(225.0)) / 22.0).floor() as usize;
    DocGrid::new().grid_type(DocGridType::Lines).line_pitch(line_pitch)
}

/// "— 1 —" in 4号 宋体, one character in from the outer edge (odd pages right, even left).
fn page_number(align: AlignmentType) -> Footer {
    let run = |t: &str| Run::new().add_text(t).fonts(fonts(NUMBER_FONT)).size(SIZE_4);
    let p = Paragraph::new().align(align).add_run(run("— ")).add_page_num(PageNum::new()).add_run(run(" —"));
    let p = match align {
        AlignmentType::Right => p.indent(None, None, Some(CHAR), None),
        _ => p.indent(Some(CHAR), None, None, None),
    };
    Footer::new().add_paragraph(p)
}

/// One face for Chinese and Latin text alike, as 公文 templates set it.
pub fn fonts(face: &str) -> RunFonts {
    RunFonts::new().east_asia(face).ascii(face).hi_ansi(face).cs(face)
}

/// A run of text in a face and size; line breaks in the text become breaks in the run. The body
/// face is the document's default, so runs in it do not name it again (a province's tables
/// have tens of thousands of runs).
pub fn run(text: &str, face: &str, size: usize) -> Run {
    let mut r = Run::new().size(size);
    if face != BODY_FONT {
        r = r.fonts(fonts(face));
    }
    if size == SIZE_3 {
        r = r.character_spacing(SQUEEZE);
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        r = r.add_text(crate::text::sanitize(line));
    }
    r
}

/// The title: 2号 小标宋, centred, with a blank line after.
pub fn title(text: &str) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(run(text, TITLE_FONT, SIZE_2)).line_spacing(after_lines(1))
}

/// A centred line of 3号 仿宋 (the 通报's number, a subtitle).
pub fn centred(text: &str) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(run(text, BODY_FONT, SIZE_3))
}

/// The number line of a signed document: the number one character in from the left, then at a
/// right tab one character in from the right, "签发人：" in 仿宋 and the name in 楷体.
pub fn number_and_signer(number: &str, label: &str, name: &str) -> Paragraph {
    let right = Page::Notice.text_width() - CHAR as usize;
    Paragraph::new()
        .indent(Some(CHAR), None, None, None)
        .add_tab(Tab::new().val(TabValueType::Right).pos(right))
        .add_run(run(number, BODY_FONT, SIZE_3).add_tab())
        .add_run(run(label, BODY_FONT, SIZE_3))
        .add_run(run(name, H2_FONT, SIZE_3))
}

/// A first-level heading (一、): 3号 黑体, indented two characters.
pub fn h1(text: &str) -> Paragraph {
    indented(text, H1_FONT).keep_next(true)
}

/// A second-level heading (（一）): 3号 楷体, indented two characters.
pub fn h2(text: &str) -> Paragraph {
    indented(text, H2_FONT).keep_next(true)
}

/// A body paragraph: 3号 仿宋, justified, the first line indented two characters.
pub fn body(text: &str) -> Paragraph {
    indented(text, BODY_FONT)
}

fn indented(text: &str, face: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(2 * CHAR)), None, None)
        .add_run(run(text, face, SIZE_3))
}

/// The closing lines (发文机关, 成文日期): right-aligned, `right` characters in from the edge.
pub fn closing(text: &str, right: i32) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Right)
        .indent(None, None, Some(right * CHAR), None)
        .add_run(run(text, BODY_FONT, SIZE_3))
}

/// An empty 3号 line.
pub fn blank() -> Paragraph {
    Paragraph::new().add_run(run("", BODY_FONT, SIZE_3))
}

fn after_lines(n: u32) -> LineSpacing {
    LineSpacing::new().after_lines(n * 100).line_rule(LineSpacingType::Auto)
}
