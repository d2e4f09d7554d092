//! The operator's terms read off report rows: 本期待报, why a light, 逾期完成.

use taizhang::ledger::{Ledger, Status};
use taizhang::report::{Bucket, Light, Reported, Row};

use super::*;
use crate::tui::app::tests::{app_with, now, upd};

/// Task `id`'s row for 市财政局 in the Zhongwei plan as of `at`, with `updates`.
fn row(updates: Vec<taizhang::ledger::Update>, at: &str, id: &str) -> Row {
    let a = app_with(updates, at, taizhang::Lang::Zh);
    a.rows().iter().find(|r| r.task == id).unwrap().clone()
}

#[test]
fn owed_this_period_means_not_reported_on_time_and_not_closed() {
    let r = row(vec![], "2022-06-08T10:00:00+08:00", "1");
    assert_eq!((in_period(&r), owed(&r)), (InPeriod::Owed, true));
    let mine = upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::InProgress, Some(20), "x");
    let r = row(vec![mine.clone()], "2022-06-08T10:00:00+08:00", "1");
    assert_eq!((in_period(&r), r.reported), (InPeriod::Reported, Reported::Updated));
    // The next period began on June 11: the June record no longer covers it.
    let r = row(vec![mine], "2022-06-20T10:00:00+08:00", "1");
    assert_eq!(in_period(&r), InPeriod::Owed);
    // Done before the period: nothing owed, nothing reported.
    let done = upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::Done, None, "x");
    let r = row(vec![done], "2022-06-20T10:00:00+08:00", "1");
    assert_eq!(in_period(&r), InPeriod::Closed);
}

#[test]
fn a_yellow_light_says_it_is_behind_the_schedule_and_not_updated() {
    let r = row(vec![], "2022-06-08T10:00:00+08:00", "1");
    assert_eq!((r.bucket, r.light), (Bucket::Behind, Light::Yellow));
    let expected = r.expected.unwrap();
    assert_eq!(why(&r), [Why::Schedule { expected, actual: 0 }, Why::NotUpdated]);
    // Undated (全年持续推进) and not updated this period: only that.
    let r = row(vec![], "2022-06-08T10:00:00+08:00", "26");
    assert_eq!(why(&r), [Why::NotUpdated]);
}

#[test]
fn due_soon_overdue_blocked_and_green() {
    // Task 36 is due at the end of September.
    let ahead = upd("36", "sczj", "2022-09-20T09:00:00+08:00", Status::InProgress, Some(99), "x");
    let r = row(vec![ahead], "2022-09-20T10:00:00+08:00", "36");
    assert_eq!(why(&r), [Why::DueSoon(10)]);
    let r = row(vec![], "2022-10-05T10:00:00+08:00", "36");
    assert_eq!((r.light, why(&r)), (Light::Red, vec![Why::Overdue(5), Why::NotUpdated]));
    let blocked = upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::Blocked, None, "x");
    assert_eq!(why(&row(vec![blocked], "2022-06-08T10:00:00+08:00", "1")), [Why::Blocked]);
    let on_track = upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::InProgress, Some(10), "x");
    let r = row(vec![on_track], "2022-06-08T10:00:00+08:00", "1");
    assert_eq!((r.light, why(&r)), (Light::Green, vec![]));
}

#[test]
fn done_after_the_deadline_is_done_late_and_counted_from_the_first_done() {
    let offset = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let at = now("2022-12-01T10:00:00+08:00");
    let late = vec![
        upd("36", "sczj", "2022-10-03T09:00:00+08:00", Status::Done, None, "x"),
        upd("36", "sczj", "2022-11-03T09:00:00+08:00", Status::Done, None, "again"),
    ];
    let r = row(late.clone(), "2022-12-01T10:00:00+08:00", "36");
    let ledger = Ledger::from_updates("x".into(), late);
    assert_eq!(done_late(&ledger, &r, at, offset), Some(3), "due 9-30, first done 10-03");
    let on_time = vec![upd("36", "sczj", "2022-09-29T09:00:00+08:00", Status::Done, None, "x")];
    let r = row(on_time.clone(), "2022-12-01T10:00:00+08:00", "36");
    assert_eq!(done_late(&Ledger::from_updates("x".into(), on_time), &r, at, offset), None);
}
