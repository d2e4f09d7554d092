//! Which assignments the list shows: the filter states `f` cycles through.

use taizhang::ledger::Status;
use taizhang::report::judge::DUE_SOON_DAYS;
use taizhang::report::{Bucket, Row};

use crate::tui::standing;

/// Which assignments show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    /// Not done and not n/a.
    Open,
    Overdue,
    /// Dated, not done, due within 14 days.
    DueSoon,
    /// Behind schedule or overdue.
    Behind,
    /// Nothing recorded yet, ever (未填报).
    NoUpdate,
    /// Still owed this period (本期待报): not reported since the period began, not done.
    ThisPeriod,
    Blocked,
}

impl Filter {
    /// Every filter, in the order `f` goes through them.
    pub const ALL: [Filter; 8] = [
        Filter::All,
        Filter::Open,
        Filter::Overdue,
        Filter::DueSoon,
        Filter::Behind,
        Filter::NoUpdate,
        Filter::ThisPeriod,
        Filter::Blocked,
    ];

    /// The filter after this one in [`Filter::ALL`] (the help lists them in that order).
    pub fn next(self) -> Filter {
        let at = Filter::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Filter::ALL[(at + 1) % Filter::ALL.len()]
    }

    pub fn keeps(self, r: &Row) -> bool {
        let closed = r.status.is_some_and(Status::is_closed);
        match self {
            Filter::All => true,
            Filter::Open => !closed,
            Filter::Overdue => r.overdue,
            Filter::DueSoon => !closed && r.days_left.is_some_and(|d| (0..=DUE_SOON_DAYS).contains(&d)),
            Filter::Behind => matches!(r.bucket, Bucket::Behind | Bucket::Overdue),
            Filter::NoUpdate => r.status.is_none(),
            Filter::ThisPeriod => standing::owed(r),
            Filter::Blocked => r.status == Some(Status::Blocked),
        }
    }
}
