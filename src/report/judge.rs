//! How an assignment stands as of a date: its expected progress (序时进度), its bucket
//! (已完成 / 超进度 / 达进度 / 欠进度 / 逾期) and its light (红黄绿灯). Pure functions.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::ledger::{self, Fact, Status};
use crate::plan::Deadline;

/// Where an assignment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// 已完成
    Done,
    /// 超进度: more than 5 points ahead of the time-elapsed schedule.
    Ahead,
    /// 达进度: within 5 points of the schedule (or, for undated duties, updated in the period).
    OnTrack,
    /// 欠进度: behind the schedule, blocked, or an undated duty not updated in the period.
    Behind,
    /// 逾期: a dated deadline has passed and it is not done.
    Overdue,
    /// 不适用: outside the buckets and the completion rate.
    NotApplicable,
}

/// 红黄绿灯.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    Red,
    Yellow,
    Green,
}

/// Days before a dated deadline when a not-done assignment turns yellow.
pub const DUE_SOON_DAYS: i64 = 14;
/// Percentage points around the schedule that still count as on track.
pub const BAND: i64 = 5;

/// What the judgement needs to know about one assignment.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub deadline: &'a Deadline,
    pub due: Option<NaiveDate>,
    /// The latest update at or before the cut-off.
    pub latest: Option<Fact>,
    /// True when the unit updated this assignment within the period.
    pub updated_in_period: bool,
    /// The schedule's start: the plan's issue date (1 January when it has none).
    pub start: NaiveDate,
    pub as_of: NaiveDate,
    pub cutoff: DateTime<FixedOffset>,
    /// Whether a 不适用 takes the assignment out of the count: false for a member of a group
    /// every member of which must do the task, whose 不适用 is judged as not started.
    pub na_exempts: bool,
}

/// Progress actually reported: the percent, or what the status implies (done = 100, not
/// started or nothing recorded = 0); `None` when in progress without a percent.
pub fn actual(latest: Option<Fact>) -> Option<u8> {
    let Some(u) = latest else { return Some(0) };
    match (u.status, u.percent) {
        (Status::Done, _) => Some(100),
        (_, Some(p)) => Some(p),
        (Status::NotStarted, None) => Some(0),
        _ => None,
    }
}

/// 序时进度: the share of the time from `start` to `due` that has elapsed by `as_of`, in
/// whole percent (rounded down), 0–100.
pub fn expected(start: NaiveDate, due: NaiveDate, as_of: NaiveDate) -> u8 {
    let total = (due - start).num_days();
    let elapsed = (as_of - start).num_days();
    if total <= 0 || elapsed >= total {
        return if as_of >= due { 100 } else { 0 };
    }
    let pct = (elapsed.max(0) * 100) / total;
    u8::try_from(pct.clamp(0, 100)).unwrap_or(100)
}

/// The bucket of one assignment.
pub fn bucket(f: &Facts) -> Bucket {
    let status = f.latest.map(|u| u.status);
    match status {
        Some(Status::Done) => return Bucket::Done,
        Some(Status::Na) if f.na_exempts => return Bucket::NotApplicable,
        Some(Status::Na) => {
            let latest = f.latest.map(|u| Fact { status: Status::NotStarted, ..u });
            return bucket(&Facts { latest, na_exempts: true, ..*f });
        }
        _ => {}
    }
    if let Some(due) = f.due {
        if due < f.as_of {
            return Bucket::Overdue;
        }
        if status == Some(Status::Blocked) {
            return Bucket::Behind;
        }
        return match actual(f.latest) {
            Some(a) => schedule(i64::from(a), i64::from(expected(f.start, due, f.as_of))),
            None if f.updated_in_period => Bucket::OnTrack,
            None => Bucket::Behind,
        };
    }
    if status == Some(Status::Blocked) {
        return Bucket::Behind;
    }
    if let Deadline::Recurring { cycle } = f.deadline {
        let fresh = f.latest.is_some_and(|u| whole_days(u.at, f.cutoff) <= cycle.max_gap_days());
        return if fresh { Bucket::OnTrack } else { Bucket::Behind };
    }
    if f.updated_in_period { Bucket::OnTrack } else { Bucket::Behind }
}

/// Whole days from `from` (as the ledger counts time, [`ledger::order`]) to `to`, as chrono
/// counts them (rounded towards zero).
fn whole_days(from: i64, to: DateTime<FixedOffset>) -> i64 {
    let ns = i128::from(ledger::order(to)) - i128::from(from);
    i64::try_from(ns / 86_400_000_000_000).unwrap_or(i64::MAX)
}

fn schedule(actual: i64, expected: i64) -> Bucket {
    if actual > expected + BAND {
        Bucket::Ahead
    } else if actual >= expected - BAND {
        Bucket::OnTrack
    } else {
        Bucket::Behind
    }
}

/// The light: red when overdue; yellow when behind, or dated, not done and due within
/// [`DUE_SOON_DAYS`]; green otherwise.
pub fn light(bucket: Bucket, days_left: Option<i64>) -> Light {
    match bucket {
        Bucket::Overdue => Light::Red,
        Bucket::Behind => Light::Yellow,
        Bucket::Ahead | Bucket::OnTrack if days_left.is_some_and(|d| (0..=DUE_SOON_DAYS).contains(&d)) => Light::Yellow,
        _ => Light::Green,
    }
}

#[cfg(test)]
#[path = "judge_tests.rs"]
mod tests;
