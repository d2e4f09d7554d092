//! What a renderer reads: a report's head, summary and trail, and its rows one at a time, from
//! a report that keeps its rows ([`Report`]) or computes them as they are written
//! ([`super::Live`]).

use super::{Head, Report, Row, RowRef, Summary, TrailLine};

/// What every report keeps whole: its head, summary and trail.
pub struct Parts<'r> {
    pub head: &'r Head,
    pub summary: &'r Summary,
    pub trail: &'r [TrailLine],
}

/// A report as the renderers see it (shared by the threads that write its rows).
pub trait View: Sync {
    fn parts(&self) -> Parts<'_>;
    /// How many rows there are.
    fn row_count(&self) -> usize;
    /// Every row, in order.
    fn rows(&self) -> Box<dyn Iterator<Item = RowRef<'_>> + '_>;
    /// The row at position `n` (0-based), as the summary's lists of positions refer to rows.
    fn row(&self, n: usize) -> Option<RowRef<'_>>;

    /// Reads what row `n` will be made from ahead of making it: a renderer that touches a
    /// chunk of rows first has their scattered ledger records read side by side, rather than
    /// one after another as each row is written (the value means nothing).
    fn touch(&self, _n: usize) -> u8 {
        0
    }

    fn head(&self) -> &Head {
        self.parts().head
    }

    fn summary(&self) -> &Summary {
        self.parts().summary
    }

    /// Corrections and withdrawals of the rows' assignments, oldest first.
    fn trail(&self) -> &[TrailLine] {
        self.parts().trail
    }

    /// The rows at positions `at` (the summary's overdue or completed ones), in that order.
    fn picked<'s>(&'s self, at: &'s [usize]) -> Box<dyn Iterator<Item = RowRef<'s>> + 's> {
        Box::new(at.iter().filter_map(move |&n| self.row(n)))
    }
}

/// Writes with `write` into a string (writing to memory cannot fail; what was written stays).
pub(super) fn to_string<E>(write: impl FnOnce(&mut Vec<u8>) -> Result<(), E>) -> Result<String, E> {
    let mut out = Vec::new();
    write(&mut out)?;
    Ok(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

impl View for Report {
    fn parts(&self) -> Parts<'_> {
        Parts { head: &self.head, summary: &self.summary, trail: &self.trail }
    }

    fn row_count(&self) -> usize {
        self.rows.len()
    }

    fn rows(&self) -> Box<dyn Iterator<Item = RowRef<'_>> + '_> {
        Box::new(self.rows.iter().map(Row::view))
    }

    fn row(&self, n: usize) -> Option<RowRef<'_>> {
        self.rows.get(n).map(Row::view)
    }
}
