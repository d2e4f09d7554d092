//! Hand-worked cases for the schedule, buckets and lights.

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::ledger::{Fact, Update};
use crate::plan::Cycle;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, m, day).unwrap()
}

fn upd(status: Status, percent: Option<u8>, at: &str) -> Update {
    Update { percent, ..Update::new("1", "a", DateTime::parse_from_rfc3339(at).unwrap(), status) }
}

const CUTOFF: &str = "2022-06-10T23:59:59+08:00";

fn facts<'a>(deadline: &'a Deadline, latest: Option<&'a Update>, updated: bool) -> Facts<'a> {
    Facts {
        deadline,
        due: deadline.due(None),
        latest: latest.map(Fact::from),
        updated_in_period: updated,
        start: d(5, 24),
        as_of: d(6, 10),
        cutoff: DateTime::parse_from_rfc3339(CUTOFF).unwrap(),
        na_exempts: true,
    }
}

#[test]
fn expected_progress_is_elapsed_share_of_time() {
    // 5-24 → 10-31 is 160 days; by 6-10, 17 days have passed: 17*100/160 = 10.
    assert_eq!(expected(d(5, 24), d(10, 31), d(6, 10)), 10);
    assert_eq!(expected(d(5, 24), d(10, 31), d(5, 24)), 0);
    assert_eq!(expected(d(5, 24), d(10, 31), d(10, 31)), 100);
    assert_eq!(expected(d(5, 24), d(10, 31), d(12, 1)), 100);
    assert_eq!(expected(d(5, 24), d(5, 1), d(5, 2)), 100, "due before the start");
    assert_eq!(expected(d(6, 1), d(6, 1), d(5, 30)), 0);
}

#[test]
fn dated_buckets_follow_the_schedule() {
    let oct = Deadline::Dated { due: d(10, 31) };
    let at = "2022-06-09T10:00:00+08:00";
    let cases = [
        (Some(upd(Status::InProgress, Some(16), at)), Bucket::Ahead),
        (Some(upd(Status::InProgress, Some(15), at)), Bucket::OnTrack),
        (Some(upd(Status::InProgress, Some(5), at)), Bucket::OnTrack),
        (Some(upd(Status::InProgress, Some(4), at)), Bucket::Behind),
        (Some(upd(Status::NotStarted, None, at)), Bucket::Behind),
        (None, Bucket::Behind),
        (Some(upd(Status::Blocked, Some(90), at)), Bucket::Behind),
        (Some(upd(Status::Done, None, at)), Bucket::Done),
        (Some(upd(Status::Na, None, at)), Bucket::NotApplicable),
    ];
    for (latest, want) in cases {
        assert_eq!(bucket(&facts(&oct, latest.as_ref(), true)), want, "{latest:?}");
    }
    let in_progress = upd(Status::InProgress, None, at);
    assert_eq!(bucket(&facts(&oct, Some(&in_progress), true)), Bucket::OnTrack);
    assert_eq!(bucket(&facts(&oct, Some(&in_progress), false)), Bucket::Behind);
}

#[test]
fn overdue_is_after_the_due_day_only() {
    let may = Deadline::Dated { due: d(5, 31) };
    let june10 = Deadline::Dated { due: d(6, 10) };
    let u = upd(Status::InProgress, Some(99), "2022-06-01T10:00:00+08:00");
    assert_eq!(bucket(&facts(&may, Some(&u), true)), Bucket::Overdue);
    assert_eq!(bucket(&facts(&june10, Some(&u), true)), Bucket::OnTrack, "due today is not overdue");
    let done = upd(Status::Done, None, "2022-06-01T10:00:00+08:00");
    assert_eq!(bucket(&facts(&may, Some(&done), true)), Bucket::Done);
}

#[test]
fn undated_duties_are_judged_by_reporting() {
    let u = upd(Status::Ongoing, None, "2022-06-01T10:00:00+08:00");
    for dl in [Deadline::Continuous, Deadline::EventDriven, Deadline::Unspecified] {
        assert_eq!(bucket(&facts(&dl, Some(&u), true)), Bucket::OnTrack);
        assert_eq!(bucket(&facts(&dl, Some(&u), false)), Bucket::Behind);
        assert_eq!(bucket(&facts(&dl, None, false)), Bucket::Behind);
    }
    let monthly = Deadline::Recurring { cycle: Cycle::Monthly };
    let fresh = upd(Status::Ongoing, None, "2022-05-15T10:00:00+08:00");
    let stale = upd(Status::Ongoing, None, "2022-05-09T10:00:00+08:00");
    assert_eq!(bucket(&facts(&monthly, Some(&fresh), false)), Bucket::OnTrack);
    assert_eq!(bucket(&facts(&monthly, Some(&stale), false)), Bucket::Behind);
}

#[test]
fn lights() {
    assert_eq!(light(Bucket::Overdue, Some(-3)), Light::Red);
    assert_eq!(light(Bucket::Behind, None), Light::Yellow);
    assert_eq!(light(Bucket::OnTrack, Some(14)), Light::Yellow);
    assert_eq!(light(Bucket::Ahead, Some(0)), Light::Yellow);
    assert_eq!(light(Bucket::OnTrack, Some(15)), Light::Green);
    assert_eq!(light(Bucket::Done, Some(1)), Light::Green);
    assert_eq!(light(Bucket::OnTrack, None), Light::Green);
}
