//! Tables in a DOCX report: the report's text tables (`cells::Grid`) as Word tables whose
//! columns share the type area by weight, with a shaded header row and rows that never split
//! across pages.

use docx_rs::{
    AlignmentType, HeightRule, Paragraph, Shading, ShdType, Table, TableCell, TableLayoutType, TableRow, VAlignType,
    WidthType,
};

use super::style::{BODY_FONT, H1_FONT, Page, run};
use crate::report::cells::Grid;

/// A header row's height, "at least 1 twip": a mark no other row has, which the document's XML
/// then says as `tblHeader` (a header row repeated on every page; docx-rs has no word for it).
const HEADER_HEIGHT: f32 = 1.0;
pub const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// A column: its heading, its share of the width, and whether its cells are centred.
pub struct Col<'a> {
    pub head: &'a str,
    pub weight: usize,
    pub centre: bool,
}

/// How wide a column of the report's tables is, relative to the others, and whether centred.
pub fn shape(key: &str) -> (usize, bool) {
    match key {
        "task" | "rank" => (3, true),
        "content" | "note" | "problems" | "next" => (14, false),
        "topic" | "section" => (10, false),
        "unit" => (10, false),
        "deadline" => (8, false),
        "evidence" => (8, false),
        "record" | "corrects" => (6, true),
        "updated" | "last_update" => (10, true),
        "due" => (7, true),
        "status" | "days" => (6, true),
        "by" | "in_period" | "reported" | "bucket" => (5, true),
        "light" => (3, true),
        _ => (4, true),
    }
}

/// A table over the page's type area: `cols` as the header row, then `rows` (text cells).
pub fn table(cols: &[Col], rows: impl Iterator<Item = Vec<String>>, page: Page, size: usize) -> Table {
    let total: usize = cols.iter().map(|c| c.weight).sum::<usize>().max(1);
    let widths: Vec<usize> = cols.iter().map(|c| page.text_width() * c.weight / total).collect();
    let head = TableRow::new(
        cols.iter()
            .zip(&widths)
            .map(|(c, &w)| {
                cell(c.head, w, true, size, H1_FONT)
                    .shading(Shading::new().shd_type(ShdType::Clear).fill("E7E6E6").color("auto"))
            })
            .collect(),
    )
    .cant_split()
    .row_height(HEADER_HEIGHT)
    .height_rule(HeightRule::AtLeast);
    let mut out = vec![head];
    out.extend(rows.map(|r| {
        let cells =
            cols.iter().zip(&widths).enumerate().map(|(i, (c, &w))| {
                cell(r.get(i).map(String::as_str).unwrap_or_default(), w, c.centre, size, BODY_FONT)
            });
        TableRow::new(cells.collect()).cant_split()
    }));
    Table::new(out)
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(docx_rs::TableAlignmentType::Center)
}

/// A table made from one of the report's text tables.
pub fn grid(g: &Grid, page: Page, size: usize) -> Table {
    let cols: Vec<Col> = g
        .keys
        .iter()
        .zip(&g.heads)
        .map(|(k, h)| {
            let (weight, centre) = shape(k);
            Col { head: h, weight, centre }
        })
        .collect();
    let rows = g.lines().map(|l| l.cells.iter().map(|c| c.to_string()).collect());
    table(&cols, rows, page, size)
}

fn cell(text: &str, width: usize, centre: bool, size: usize, face: &str) -> TableCell {
    let align = if centre { AlignmentType::Center } else { AlignmentType::Left };
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(Paragraph::new().align(align).snap_to_grid(false).add_run(run(text, face, size)))
}
