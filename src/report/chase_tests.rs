//! The chase list from a summary: who owes what, as text and as CSV.

use std::path::Path;

use chrono::DateTime;

use super::*;
use crate::ledger::{Ledger, Status, Update};
use crate::period;
use crate::plan::Plan;
use crate::report::{Kind, Options, build};

fn zhongwei() -> Plan {
    Plan::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/zhongwei-2022.toml")).unwrap().plan
}

fn upd(task: &str, unit: &str, at: &str, status: Status) -> Update {
    let mut u = Update {
        note: Some("进展".into()),
        ..Update::new(task, unit, DateTime::parse_from_rfc3339(at).unwrap(), status)
    };
    u.id = crate::ledger::id::derived(&u);
    u
}

/// Period 2 of Zhongwei as of its report date: 市财政局 reported on task 1 and finished task 2
/// in the period; 沙坡头区 reported only in period 1.
fn report() -> Report {
    let plan = zhongwei();
    let ledger = Ledger::from_updates(
        "x".into(),
        vec![
            upd("1", "sczj", "2022-07-05T10:00:00+08:00", Status::InProgress),
            upd("2", "sczj", "2022-08-05T10:00:00+08:00", Status::Done),
            upd("1", "shaptq", "2022-06-08T10:00:00+08:00", Status::InProgress),
        ],
    );
    let period = period::periods(&plan.meta)[1];
    build(&plan, &ledger, &Options { kind: Kind::Summary, period, as_of: None, at: None, unit: None })
}

#[test]
fn units_not_reported_on_time_owe_their_unfinished_assignments() {
    let r = report();
    let owed = owed(&r);
    let names: Vec<&str> = owed.iter().map(|o| r.summary.units[o.line].name.as_str()).collect();
    assert_eq!(names.len(), r.summary.not_reported.len());
    assert!(names.iter().all(|n| r.summary.not_reported.iter().any(|m| m == n)));
    assert!(!names.contains(&"市财政局"));
    let shaptq = owed.iter().find(|o| r.summary.units[o.line].name == "沙坡头区").unwrap();
    let rows: Vec<&Row> = shaptq.rows.iter().map(|&n| &r.rows[n]).collect();
    assert!(rows.iter().all(|row| row.unit == "shaptq" && owes(row.reported, row.bucket)));
    assert!(rows.iter().any(|row| row.task == "1"), "reported in period 1, not in period 2");
    let all = r.rows.iter().filter(|row| row.unit == "shaptq" && owes(row.reported, row.bucket)).count();
    assert_eq!(shaptq.rows.len(), all);
}

#[test]
fn the_text_names_each_unit_and_task_and_the_csv_has_a_row_per_task() {
    let r = report();
    let owed = owed(&r);
    let mut txt = Vec::new();
    write_txt(&r, &owed, Lang::Zh, &mut txt).unwrap();
    let txt = String::from_utf8(txt).unwrap();
    assert!(txt.starts_with("《中卫市 2022 年政务公开工作要点》第2期（9月10日报送）未按时报送单位催办清单\n"), "{txt}");
    let shaptq = txt.lines().find(|l| l.contains("沙坡头区")).unwrap();
    assert!(shaptq.contains("任务1 "), "{shaptq}");
    assert_eq!(txt.lines().filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit())).count(), owed.len());
    let mut csv = Vec::new();
    write_csv(&r, &owed, Lang::En, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let rows: usize = owed.iter().map(|o| o.rows.len()).sum();
    assert_eq!(csv.lines().count(), rows + 2, "heading, column names, one row per owed assignment");
    assert!(csv.lines().nth(1).unwrap().starts_with("unit,task,"));
}

#[test]
fn when_everyone_reported_the_text_says_so() {
    let mut r = report();
    r.summary.units.iter_mut().for_each(|u| u.reported = true);
    let mut txt = Vec::new();
    write_txt(&r, &owed(&r), Lang::Zh, &mut txt).unwrap();
    assert!(String::from_utf8(txt).unwrap().contains("所有单位均已按时报送。"));
}
