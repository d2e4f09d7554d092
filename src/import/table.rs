//! Task tables from CSV, TSV and pasted text: reading the file into a [`Grid`] (`read`), finding
//! the header row among titles and text (`header`), and reading the rows below it into items
//! (`rows`), past repeated headers, page furniture and section headings (`lines`).

pub mod cell;
pub mod header;
pub mod lines;
pub mod read;
pub mod rows;

use header::Header;
use lines::Line;

use super::{Grid, Recognised};

/// What the table recogniser found in a grid.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub recognised: Recognised,
    /// The table's title: the last one-cell line above the header (not "附件…"), if any.
    pub title: Option<String>,
    /// Lines below the header that were neither tasks, headings nor page furniture (text after
    /// the table, such as "抄送：…"), by 1-based row.
    pub skipped: Vec<usize>,
}

/// Finds the task table in a grid: the first row that reads as a header, and the rows below.
/// None when no row reads as a header.
pub fn recognise(grid: &Grid) -> Option<Found> {
    let (at, header) = grid.rows.iter().enumerate().find_map(|(i, r)| header::recognise(r).map(|h| (i, h)))?;
    let title = title_above(&grid.rows[..at]);
    let mut walk = rows::Rows::default();
    let mut skipped = Vec::new();
    for (i, row) in grid.rows.iter().enumerate().skip(at + 1) {
        let line = i + 1;
        if row.iter().all(|c| c.trim().is_empty()) || is_header_again(&header, row) {
            continue;
        }
        match lines::single(row).map(|t| lines::classify(t, title.as_deref())) {
            Some(Line::Section(s)) => walk.section(s),
            Some(Line::Subsection(s)) => walk.subsection(s),
            Some(Line::Furniture) => {}
            Some(Line::Other(_)) if !only_in(row, header.content()) => skipped.push(line),
            _ => {
                if !walk.row(&header, row, line) {
                    skipped.push(line);
                }
            }
        }
    }
    let recognised = Recognised { items: walk.items, scopes: Vec::new() };
    Some(Found { recognised, title, skipped })
}

/// True when the row's one filled cell is in column `at` (a task's text whose other cells are
/// merged, or a continued row); a lone cell anywhere else is text outside the table.
fn only_in(row: &[String], at: Option<usize>) -> bool {
    at.and_then(|i| row.get(i)).is_some_and(|c| !c.trim().is_empty())
}

fn is_header_again(header: &Header, row: &[String]) -> bool {
    header::recognise(row).is_some_and(|h| h.columns == header.columns)
}

fn title_above(rows: &[Vec<String>]) -> Option<String> {
    rows.iter().rev().filter_map(|r| lines::single(r)).find(|t| !t.starts_with("附件")).map(cell::join)
}
