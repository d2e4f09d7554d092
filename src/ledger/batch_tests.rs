//! Batches of one unit's records: all or nothing, nothing twice, dry runs that write nothing.

use super::tests::{load, setup, t, upd, wall};
use super::*;
use crate::clock::Clock;

fn sheet(u: Update) -> Update {
    Update { source: Some("市财政局-第2期台账.xlsx".into()), ..u }
}

fn batch() -> Vec<Update> {
    vec![
        sheet(upd("1", "fgw", "2022-09-08T12:00:00+08:00", Status::InProgress, "已发布")),
        sheet(Update { percent: Some(100), ..upd("2", "fgw", "2022-09-08T12:00:00+08:00", Status::Done, "已完成") }),
    ]
}

fn opts() -> WriteOptions<'static> {
    WriteOptions::new(Clock::simulated(t("2022-09-09T10:00:00+08:00"), wall()))
}

fn added(a: &Appended) -> usize {
    a.fates.iter().filter(|f| matches!(f, Fate::Added(_))).count()
}

#[test]
fn a_batch_goes_in_whole_once() {
    let (_tmp, p, dir) = setup();
    let dry = append_batch(&p, &dir, "fgw", batch(), &opts(), true).unwrap();
    assert_eq!(added(&dry), 2);
    assert!(!dir.exists(), "a dry run creates nothing");
    let done = append_batch(&p, &dir, "fgw", batch(), &opts(), false).unwrap();
    assert_eq!(added(&done), 2);
    let ids: Vec<&str> =
        done.fates.iter().filter_map(|f| if let Fate::Added(u) = f { Some(u.id.as_str()) } else { None }).collect();
    assert_ne!(ids[0], ids[1]);
    let text = std::fs::read_to_string(&done.path).unwrap();
    assert_eq!(text.matches("source = \"市财政局-第2期台账.xlsx\"").count(), 2);
    let again = append_batch(&p, &dir, "fgw", batch(), &opts(), false).unwrap();
    assert_eq!(again.fates, vec![Fate::Already, Fate::Already]);
    assert_eq!(std::fs::read_to_string(&done.path).unwrap(), text, "nothing written the second time");
}

#[test]
fn a_record_that_came_in_before_stays_out_after_newer_ones() {
    let (_tmp, p, dir) = setup();
    append_batch(&p, &dir, "fgw", batch(), &opts(), false).unwrap();
    let newer = upd("1", "fgw", "2022-09-09T09:00:00+08:00", Status::Blocked, "受阻");
    append(&p, &dir, newer, Expect::Any, &opts()).unwrap();
    let again = append_batch(&p, &dir, "fgw", batch(), &opts(), false).unwrap();
    assert_eq!(again.fates, vec![Fate::Already, Fate::Already]);
    assert_eq!(load(&p, &dir).unwrap().ledger.len(), 3);
}

#[test]
fn one_bad_record_refuses_the_whole_batch() {
    let (_tmp, p, dir) = setup();
    let mut bad = batch();
    bad[1].percent = Some(90);
    let e = append_batch(&p, &dir, "fgw", bad, &opts(), false).unwrap_err();
    assert!(matches!((e.index, &e.error), (Some(1), LedgerError::DoneNotFull { percent: 90 })), "{e:?}");
    let mut silent = batch();
    silent[1].note = None;
    let e = append_batch(&p, &dir, "fgw", silent, &opts(), false).unwrap_err();
    assert!(matches!((e.index, &e.error), (Some(1), LedgerError::EmptyFirst { .. })), "{e:?}");
    let mut early = batch();
    early[0].at = t("2022-07-01T12:00:00+08:00");
    let e = append_batch(&p, &dir, "fgw", early, &opts(), false).unwrap_err();
    assert!(matches!((e.index, &e.error), (Some(0), LedgerError::TooEarly { .. })), "{e:?}");
    assert_eq!(load(&p, &dir).unwrap().ledger.len(), 0, "nothing of a refused batch is written");
}
