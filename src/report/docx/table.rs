//! Tables in a DOCX report: the report's text tables (`cells::Grid`) as Word tables whose
//! columns share the type area by weight, with a shaded header row and rows that never split
//! across pages.

use docx_rs::{
    AlignmentType, HeightRule, Paragraph, Shading, ShdType, Table, TableCell, TableLayoutType, TableRow, VAlignType,
    WidthType,
};

use super::style::{BODY_FONT, H1_FONT, Page, run};
use crate::report::cells::Grid;
use crate::text::width;

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

/// Columns of long text: they share what the others leave, by how much they hold.
fn is_long(key: &str) -> bool {
    matches!(key, "content" | "body" | "topic" | "section" | "note" | "problems" | "next" | "evidence")
}

/// Centred columns: short values (numbers, dates, states).
fn is_centred(key: &str) -> bool {
    !is_long(key) && !matches!(key, "unit" | "deadline")
}

/// A cell's left and right margins together, in twips (Word's default 0.19 cm each side).
const PAD: usize = 216;
/// The widest a short column is made, and the least a long one gets, in terminal cells.
const SHORT_CAP: usize = 14;
const LONG_MIN: usize = 10;
/// How much of a long column's text counts towards its share.
const LONG_CAP: usize = 80;

/// Column widths in twips filling `text_width`: short columns as wide as their widest cell
/// (capped), long ones sharing the rest by their widest cell; all narrowed alike when the short
/// ones alone are too wide. `widest` is in terminal cells; a cell is half a character of `size`.
fn widths(keys: &[&str], widest: &[usize], text_width: usize, size: usize) -> Vec<usize> {
    let cell = size * 5; // half of `size` half-points, in twips
    let fit = |w: usize| w.max(2) * cell + PAD;
    let short: usize = keys.iter().zip(widest).filter(|(k, _)| !is_long(k)).map(|(_, &w)| fit(w.min(SHORT_CAP))).sum();
    let long: Vec<usize> =
        keys.iter().zip(widest).filter(|(k, _)| is_long(k)).map(|(_, &w)| w.clamp(LONG_MIN, LONG_CAP)).collect();
    // Each long column gets its least width, then a share of the rest by what it holds.
    let least = fit(LONG_MIN);
    let extra = text_width.saturating_sub(short + long.len() * least);
    let long_total: usize = long.iter().sum::<usize>().max(1);
    let mut out: Vec<usize> = keys
        .iter()
        .zip(widest)
        .map(|(k, &w)| match is_long(k) {
            true => least + extra * w.clamp(LONG_MIN, LONG_CAP) / long_total,
            false => fit(w.min(SHORT_CAP)),
        })
        .collect();
    let sum: usize = out.iter().sum::<usize>().max(1);
    if sum != text_width {
        out.iter_mut().for_each(|w| *w = *w * text_width / sum);
    }
    out
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

/// A table made from one of the report's text tables, its columns sized to what they hold
/// (the rows are read twice: once to measure, once to write).
pub fn grid(g: &Grid, page: Page, size: usize) -> Table {
    let mut widest: Vec<usize> = g.heads.iter().map(|h| width(h).div_ceil(2)).collect();
    for line in g.lines() {
        for (w, c) in widest.iter_mut().zip(&line.cells) {
            *w = (*w).max(c.lines().map(width).max().unwrap_or(0));
        }
    }
    let twips = widths(&g.keys, &widest, page.text_width(), size);
    let cols: Vec<Col> = g
        .keys
        .iter()
        .zip(&g.heads)
        .zip(twips)
        .map(|((k, h), weight)| Col { head: h, weight, centre: is_centred(k) })
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
