//! The report model on a small fixture, against numbers worked out by hand (see the comments),
//! including the cut-off exactly at the end of a report date.

#[path = "support/updates.rs"]
mod updates;

use std::path::Path;

use chrono::NaiveDate;
use taizhang::Plan;
use taizhang::ledger::{Ledger, Status};
use taizhang::period::periods;
use taizhang::report::{Bucket, Kind, Light, Options, Report, build};
use updates::update as u;

fn plan() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/plan.toml");
    Plan::load(&path).unwrap().plan
}

/// The fixture ledger. Two updates sit on either side of the first cut-off: 23:59:59 on
/// 6月10日 (period 1) and 00:00:00 on 6月11日 (period 2).
fn ledger() -> Ledger {
    let updates = vec![
        u("1", "a", "2022-06-10T23:59:59+08:00", Status::InProgress, Some(50)),
        u("1", "a", "2022-06-11T00:00:00+08:00", Status::Done, None),
        u("2", "a", "2022-05-20T10:00:00+08:00", Status::Done, None),
        u("1", "b", "2022-03-01T10:00:00+08:00", Status::InProgress, Some(20)),
        u("3", "b", "2022-06-01T10:00:00+08:00", Status::Ongoing, None),
        u("4", "c", "2022-05-15T10:00:00+08:00", Status::Ongoing, None),
        u("3", "c", "2022-07-01T10:00:00+08:00", Status::Na, None),
    ];
    Ledger::from_updates("unused".into(), updates)
}

fn report(period: usize, as_of: Option<NaiveDate>) -> Report {
    let p = plan();
    let per = periods(&p.meta)[period - 1];
    build(&p, &ledger(), &Options { kind: Kind::Summary, period: per, as_of, at: None, unit: None })
}

fn row<'a>(r: &'a Report, task: &str, unit: &str) -> &'a taizhang::report::Row {
    r.rows.iter().find(|x| x.task == task && x.unit == unit).unwrap()
}

#[test]
fn period_one_as_of_june_10() {
    let r = report(1, None);
    assert_eq!(r.head.as_of.to_rfc3339(), "2022-06-10T23:59:59.999999999+08:00");
    // Task 1, 甲局: 50% at 23:59:59 on the due date counts. Schedule: Jan 1 → Jun 30 is 180
    // days, 160 have passed by Jun 10: 160*100/180 = 88 (rounded down); 50 < 83: behind.
    let t1a = row(&r, "1", "a");
    assert_eq!((t1a.status, t1a.percent, t1a.expected), (Some(Status::InProgress), Some(50), Some(88)));
    assert_eq!((t1a.bucket, t1a.light, t1a.days_left), (Bucket::Behind, Light::Yellow, Some(20)));
    assert_eq!(row(&r, "1", "b").bucket, Bucket::Behind);
    assert_eq!(row(&r, "2", "a").bucket, Bucket::Done);
    // Continuous duty: 乙局 updated within the period, 丙局 never did.
    assert_eq!(row(&r, "3", "b").bucket, Bucket::OnTrack);
    let t3c = row(&r, "3", "c");
    assert_eq!((t3c.status, t3c.bucket), (None, Bucket::Behind));
    // Monthly duty updated May 15: 26 days before the cut-off, within 31.
    assert_eq!(row(&r, "4", "c").bucket, Bucket::OnTrack);

    let s = &r.summary;
    let t = &s.totals;
    assert_eq!(
        (t.assignments, t.done, t.in_progress, t.not_started, t.ongoing, t.blocked, t.na, t.overdue),
        (6, 1, 2, 1, 2, 0, 0, 0)
    );
    assert!((t.completion_rate - 1.0 / 6.0).abs() < 1e-12);
    assert_eq!((t.tasks, t.tasks_done, t.tasks_overdue), (4, 1, 0));
    let b = &s.buckets;
    assert_eq!((b.done, b.ahead, b.on_track, b.behind, b.overdue), (1, 0, 2, 3, 0));
    // 甲局 1/2; 乙局 and 丙局 0/2 with no overdue: plan order breaks the tie.
    let ranking: Vec<(&str, usize, bool)> = s.units.iter().map(|u| (u.name.as_str(), u.rank, u.reported)).collect();
    assert_eq!(ranking, [("甲局", 1, true), ("乙局", 2, true), ("丙局", 3, true)]);
    assert!(s.not_reported.is_empty());
    let completed: Vec<(&str, &str)> =
        s.completed.iter().map(|&i| (r.rows[i].task.as_str(), r.rows[i].unit.as_str())).collect();
    assert_eq!(completed, [("2", "a")]);
    assert_eq!(s.units[0].last_update.unwrap().to_rfc3339(), "2022-06-10T23:59:59+08:00");
}

#[test]
fn period_two_as_of_september_10() {
    let r = report(2, None);
    let t1a = row(&r, "1", "a");
    assert_eq!((t1a.status, t1a.bucket, t1a.updated_in_period), (Some(Status::Done), Bucket::Done, true));
    // 乙局's task 1 was due Jun 30: 72 days overdue on Sep 10.
    let t1b = row(&r, "1", "b");
    assert_eq!((t1b.bucket, t1b.light, t1b.days_left, t1b.overdue), (Bucket::Overdue, Light::Red, Some(-72), true));
    assert!(!row(&r, "2", "a").updated_in_period);
    assert_eq!(row(&r, "3", "b").bucket, Bucket::Behind, "not updated since Jun 11");
    assert_eq!(row(&r, "3", "c").bucket, Bucket::NotApplicable);
    assert_eq!(row(&r, "4", "c").bucket, Bucket::Behind, "118 days since the last monthly update");

    let s = &r.summary;
    let t = &s.totals;
    assert_eq!((t.done, t.in_progress, t.not_started, t.ongoing, t.na, t.overdue), (2, 1, 0, 2, 1, 1));
    assert!((t.completion_rate - 2.0 / 5.0).abs() < 1e-12, "n/a is left out of the rate");
    assert_eq!((t.tasks_done, t.tasks_overdue), (1, 1));
    let b = &s.buckets;
    assert_eq!((b.done, b.ahead, b.on_track, b.behind, b.overdue), (2, 0, 0, 2, 1));
    // 甲局 2/2; 丙局 0/1 (one n/a) with no overdue; 乙局 0/2 with one overdue.
    let ranking: Vec<(&str, bool)> = s.units.iter().map(|u| (u.name.as_str(), u.reported)).collect();
    assert_eq!(ranking, [("甲局", true), ("丙局", true), ("乙局", false)]);
    assert_eq!(s.units[0].completion_rate, 1.0);
    assert_eq!(s.not_reported, ["乙局"]);
    let completed: Vec<(&str, &str)> =
        s.completed.iter().map(|&i| (r.rows[i].task.as_str(), r.rows[i].unit.as_str())).collect();
    assert_eq!(completed, [("1", "a")], "task 2 was done before this period");
    let overdue: Vec<&str> = s.overdue.iter().map(|&i| r.rows[i].unit.as_str()).collect();
    assert_eq!(overdue, ["b"]);
    let sections: Vec<(&str, usize, usize, usize, usize)> =
        s.sections.iter().map(|l| (l.section.as_str(), l.tasks, l.assignments, l.done, l.overdue)).collect();
    assert_eq!(sections, [("一、甲领域", 2, 3, 2, 1), ("二、乙领域", 2, 3, 0, 0)]);
    assert_eq!(s.sections[1].completion_rate, 0.0);
    let task1 = &s.tasks[0];
    assert_eq!((task1.id.as_str(), task1.status, task1.overdue), ("1", "in_progress", true));
}

#[test]
fn as_of_inside_a_period_cuts_at_the_end_of_that_day() {
    let june11 = NaiveDate::from_ymd_opt(2022, 6, 11);
    let r = report(2, june11);
    assert_eq!(r.head.as_of.to_rfc3339(), "2022-06-11T23:59:59.999999999+08:00");
    assert_eq!(row(&r, "1", "a").status, Some(Status::Done));
    assert!(row(&r, "3", "c").status.is_none(), "the n/a of Jul 1 is after the cut-off");
    let s = &r.summary;
    assert_eq!(s.not_reported, ["乙局", "丙局"]);
}

#[test]
fn unit_report_lists_only_that_unit() {
    let p = plan();
    let per = periods(&p.meta)[0];
    let r = build(&p, &ledger(), &Options { kind: Kind::Unit, period: per, as_of: None, at: None, unit: Some(2) });
    let tasks: Vec<&str> = r.rows.iter().map(|x| x.task.as_str()).collect();
    assert_eq!(tasks, ["3", "4"]);
    assert_eq!(r.head.unit.as_ref().unwrap().name, "丙局");
}
