//! Ledger updates for tests that build a report from a ledger in memory.
//!
//! Included with `#[path = "support/updates.rs"] mod updates;`.

use chrono::DateTime;
use taizhang::ledger::{Status, Update};

/// An update of `task` by `unit` at `at` (RFC 3339), with a note naming it and its derived id.
pub fn update(task: &str, unit: &str, at: &str, status: Status, percent: Option<u8>) -> Update {
    let mut u = Update {
        percent,
        note: Some(format!("{task}-{unit}-{at}")),
        ..Update::new(task, unit, DateTime::parse_from_rfc3339(at).expect("an RFC 3339 time"), status)
    };
    u.id = taizhang::ledger::id::derived(&u);
    u
}
