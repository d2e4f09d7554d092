//! Where one of the operator's assignments stands, in the operator's terms: whether it is still
//! owed this period (本期待报), why its light is yellow or red, and whether it was finished
//! after its deadline (逾期完成). Everything is read off the report model's row (its bucket,
//! light and reporting in the period); nothing is judged again here.

use chrono::{DateTime, FixedOffset};
use taizhang::ledger::{Ledger, Status};
use taizhang::report::chase;
use taizhang::report::judge::DUE_SOON_DAYS;
use taizhang::report::{Bucket, Light, Row};

/// How an assignment stands in the current period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InPeriod {
    /// Reported on time this period (an update or a no-change confirmation): ✓.
    Reported,
    /// Still owed this period (待报): neither reported on time nor done or n/a.
    Owed,
    /// Neither: done or n/a before the period, nothing owed.
    Closed,
}

/// The row's standing in the period the report was made for (the current one), as the chase
/// list counts it ([`chase::owes`]).
pub fn in_period(r: &Row) -> InPeriod {
    if r.reported.on_time() {
        InPeriod::Reported
    } else if chase::owes(r.reported, r.bucket) {
        InPeriod::Owed
    } else {
        InPeriod::Closed
    }
}

/// Whether the row is still owed this period (本期待报).
pub fn owed(r: &Row) -> bool {
    in_period(r) == InPeriod::Owed
}

/// One reason a light is yellow or red.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// 逾期 N 天.
    Overdue(i64),
    /// 序时进度 60% vs 完成 30%.
    Schedule {
        expected: u8,
        actual: u8,
    },
    /// In progress with no percent and not updated this period: nothing to weigh.
    NoPercent,
    Blocked,
    /// Due within [`DUE_SOON_DAYS`]: this many days left (0 = today).
    DueSoon(i64),
    /// 本期未更新.
    NotUpdated,
    /// A recurring duty not updated within its cycle.
    Stale,
}

/// Why the row's light is what it is: empty for a green light.
pub fn why(r: &Row) -> Vec<Why> {
    if r.light == Light::Green {
        return Vec::new();
    }
    let mut out = Vec::new();
    match r.bucket {
        Bucket::Overdue => out.push(Why::Overdue(r.days_left.map_or(0, |d| -d))),
        Bucket::Behind if r.status == Some(Status::Blocked) => out.push(Why::Blocked),
        Bucket::Behind if r.due.is_some() => out.push(match (r.expected, actual(r)) {
            (Some(expected), Some(actual)) => Why::Schedule { expected, actual },
            _ => Why::NoPercent,
        }),
        Bucket::Behind if r.updated_in_period => out.push(Why::Stale),
        _ => {}
    }
    if let Some(d) = r.days_left.filter(|d| (0..=DUE_SOON_DAYS).contains(d)) {
        out.push(Why::DueSoon(d));
    }
    if owed(r) {
        out.push(Why::NotUpdated);
    }
    out
}

/// Progress as the schedule weighs it: the percent, or what the status implies (done 100, not
/// started, nothing recorded or a counted n/a 0); `None` in progress without a percent.
fn actual(r: &Row) -> Option<u8> {
    match (r.status, r.percent) {
        (Some(Status::Done), _) => Some(100),
        (_, Some(p)) => Some(p),
        (None | Some(Status::NotStarted | Status::Na), None) => Some(0),
        _ => None,
    }
}

/// Days past its due date that a done assignment was finished: the first of its latest run of
/// 已完成 states as of `now` (its local date), when after the due date.
pub fn done_late(ledger: &Ledger, r: &Row, now: DateTime<FixedOffset>, offset: FixedOffset) -> Option<i64> {
    let due = r.due.filter(|_| r.status == Some(Status::Done))?;
    let states = ledger.history_iter(&r.task, &r.unit).filter(|u| u.at <= now);
    let mut first_done = None;
    for u in states.rev() {
        if u.status != Status::Done {
            break;
        }
        first_done = Some(u.at);
    }
    let days = (taizhang::clock::local_date(first_done?, offset) - due).num_days();
    (days > 0).then_some(days)
}

#[cfg(test)]
mod tests;
