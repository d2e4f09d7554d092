//! A worksheet's cells as they are read (sparse, by position), then made into a [`Grid`]: merged
//! regions keep their text in the first cell only, rows and columns past the last cell with text
//! are cut. Cells far outside any real table (row ≥ 50 000 or column ≥ 64) are ignored, so a
//! hostile file cannot make the grid huge.

use std::collections::BTreeMap;

use calamine::Dimensions;

use crate::import::Grid;

/// Rows and columns beyond these are not read.
const MAX_ROWS: u32 = 50_000;
const MAX_COLS: u32 = 64;

/// Merged regions beyond this many are not looked at (a real sheet has a few hundred at most).
const MAX_MERGES: usize = 100_000;

/// A sheet's non-empty cells by (row, column), 0-based.
#[derive(Debug, Default)]
pub struct Sheet {
    cells: BTreeMap<(u32, u32), String>,
}

impl Sheet {
    /// Records a cell's text; empty text and far-away cells are dropped.
    pub fn put(&mut self, row: u32, col: u32, text: String) {
        if row < MAX_ROWS && col < MAX_COLS && !text.trim().is_empty() {
            self.cells.insert((row, col), text);
        }
    }

    /// Empties every cell of a merged region but its first (top-left), as the grid wants merged
    /// cells; some writers repeat the value in every cell of the region.
    pub fn blank_merged(&mut self, merges: &[Dimensions]) {
        for m in merges.iter().take(MAX_MERGES) {
            let (top, left) = m.start;
            let (bottom, right) = (m.end.0.min(MAX_ROWS), m.end.1.min(MAX_COLS));
            if bottom < top || right < left {
                continue;
            }
            let inside: Vec<(u32, u32)> = self
                .cells
                .range((top, left)..=(bottom, right))
                .map(|(&at, _)| at)
                .filter(|&(r, c)| c >= left && c <= right && (r, c) != (top, left))
                .collect();
            for at in inside {
                self.cells.remove(&at);
            }
        }
    }

    /// The grid: rows from the sheet's first row (so row numbers match the sheet's), columns from
    /// column A, each row with text as wide as the widest (an empty row has no cells); trailing
    /// empty rows and columns cut.
    pub fn into_grid(self) -> Grid {
        let Some(&(last_row, _)) = self.cells.keys().next_back() else { return Grid::default() };
        let width = self.cells.keys().map(|&(_, c)| c + 1).max().unwrap_or(0) as usize;
        let mut rows = vec![Vec::new(); last_row as usize + 1];
        for ((r, c), text) in self.cells {
            if let Some(row) = rows.get_mut(r as usize) {
                row.resize(width, String::new());
                if let Some(cell) = row.get_mut(c as usize) {
                    *cell = text;
                }
            }
        }
        Grid { rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(cells: &[(u32, u32, &str)]) -> Sheet {
        let mut s = Sheet::default();
        for &(r, c, t) in cells {
            s.put(r, c, t.to_string());
        }
        s
    }

    #[test]
    fn merged_regions_keep_their_first_cell() {
        let mut s = sheet(&[(0, 0, "标题"), (0, 1, "标题"), (1, 0, "任务"), (2, 0, "任务"), (2, 1, "内容")]);
        s.blank_merged(&[Dimensions::new((0, 0), (0, 2)), Dimensions::new((1, 0), (3, 0))]);
        let g = s.into_grid();
        assert_eq!(g.rows, vec![vec!["标题", ""], vec!["任务", ""], vec!["", "内容"]]);
    }

    #[test]
    fn trailing_blanks_are_cut_and_far_cells_ignored() {
        let s = sheet(&[(1, 1, "a"), (3, 0, "  "), (MAX_ROWS, 0, "far"), (0, MAX_COLS, "far")]);
        assert_eq!(s.into_grid().rows, vec![vec![], vec!["", "a"]]);
        assert_eq!(Sheet::default().into_grid(), Grid::default());
    }

    #[test]
    fn reversed_or_huge_merges_do_no_harm() {
        let mut s = sheet(&[(0, 0, "a"), (5, 5, "b")]);
        s.blank_merged(&[Dimensions::new((4, 4), (1, 1)), Dimensions::new((0, 0), (u32::MAX, u32::MAX))]);
        assert_eq!(s.into_grid().rows.len(), 1);
    }
}
