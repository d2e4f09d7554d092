//! The orders `s` cycles through. 原文顺序 keeps the plan's sections as group rows; every
//! other order runs across the whole list, the section becoming a column.

use std::cmp::Ordering;

use taizhang::ledger::Status;
use taizhang::report::{Light, Row};

/// The list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The plan's order, grouped by section.
    #[default]
    Plan,
    /// Most urgent first: red (most overdue first), yellow, green; done and n/a last.
    Urgency,
    /// By due date, undated last.
    Due,
    /// By status: nothing recorded, not started, blocked, in progress, ongoing, done, n/a.
    Status,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Plan => Sort::Urgency,
            Sort::Urgency => Sort::Due,
            Sort::Due => Sort::Status,
            Sort::Status => Sort::Plan,
        }
    }

    /// Whether the plan's sections show as group rows (else as a column).
    pub fn grouped(self) -> bool {
        self == Sort::Plan
    }

    /// Rows `a` and `b` (positions in `rows`, plan order) in this order; ties keep plan order.
    pub fn compare(self, rows: &[Row], a: usize, b: usize) -> Ordering {
        let (ra, rb) = (&rows[a], &rows[b]);
        let by = match self {
            Sort::Plan => Ordering::Equal,
            Sort::Urgency => urgency(ra).cmp(&urgency(rb)).then_with(|| due(ra).cmp(&due(rb))),
            Sort::Due => due(ra).cmp(&due(rb)),
            Sort::Status => status_rank(ra).cmp(&status_rank(rb)),
        };
        by.then(a.cmp(&b))
    }
}

/// Dated before undated, earlier before later (so the most overdue comes first).
fn due(r: &Row) -> (bool, Option<chrono::NaiveDate>) {
    (r.due.is_none(), r.due)
}

fn status_rank(r: &Row) -> u8 {
    match r.status {
        None => 0,
        Some(Status::NotStarted) => 1,
        Some(Status::Blocked) => 2,
        Some(Status::InProgress) => 3,
        Some(Status::Ongoing) => 4,
        Some(Status::Done) => 5,
        Some(Status::Na) => 6,
    }
}

fn urgency(r: &Row) -> u8 {
    let closed = r.status.is_some_and(Status::is_closed);
    match (r.light, closed) {
        (_, true) => 3,
        (Light::Red, _) => 0,
        (Light::Yellow, _) => 1,
        (Light::Green, _) => 2,
    }
}
