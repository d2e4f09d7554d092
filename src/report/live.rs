//! A report whose rows are computed from the plan and the ledger as they are written: only
//! its head, summary and trail are kept, so even two million assignments cost a few bytes each.

use super::compute::Source;
use super::view::Parts;
use super::{Head, RowRef, Summary, TrailLine, View};

/// A report borrowing its plan and ledger; its rows are computed when a renderer asks.
pub struct Live<'a> {
    source: Source<'a>,
    head: Head,
    summary: Summary,
    trail: Vec<TrailLine>,
}

impl<'a> Live<'a> {
    pub(super) fn new(source: Source<'a>, head: Head, summary: Summary, trail: Vec<TrailLine>) -> Live<'a> {
        Live { source, head, summary, trail }
    }

    /// The 通报 metadata given on the command line, over the plan's.
    pub fn notice_over(&mut self, given: &crate::plan::Notice) {
        self.head.notice = given.over(&self.head.notice);
    }

    pub(super) fn into_parts(self) -> (Head, Summary, Vec<TrailLine>) {
        (self.head, self.summary, self.trail)
    }
}

impl View for Live<'_> {
    fn parts(&self) -> Parts<'_> {
        Parts { head: &self.head, summary: &self.summary, trail: &self.trail }
    }

    fn row_count(&self) -> usize {
        self.source.len()
    }

    fn rows(&self) -> Box<dyn Iterator<Item = RowRef<'_>> + '_> {
        Box::new(self.source.rows().map(|c| c.row))
    }

    fn row(&self, n: usize) -> Option<RowRef<'_>> {
        self.source.row(n)
    }

    fn touch(&self, n: usize) -> u8 {
        self.source.touch(n)
    }
}
