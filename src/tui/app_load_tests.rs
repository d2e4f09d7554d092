//! The ledger read in two steps: the operator's own unit before the first frame, every other
//! unit in the background. Nothing shows as unreported because it has not arrived yet.

use std::sync::Arc;

use taizhang::Lang;
use taizhang::ledger::{Ledger, Status};

use super::tests::{app_with, now, plan, upd};
use super::*;
use crate::tui::action::Delivery;
use crate::tui::view_tests::{render, screen};

const AT: &str = "2022-06-20T09:00:00+08:00";

fn others() -> Ledger {
    // Task 1 is also 沙坡头区's (shaptq).
    Ledger::from_updates("x".into(), vec![upd("1", "shaptq", AT, Status::Done, None, "沙坡头区已完成")])
}

fn delivery(result: Result<(Ledger, Vec<(usize, String)>), String>) -> Action {
    Action::LedgerLoaded(Delivery(Arc::new(result)))
}

#[test]
fn other_units_show_as_being_read_until_they_arrive() {
    let mine = vec![upd("1", "sczj", AT, Status::InProgress, Some(30), "正在推进")];
    let mut a = app_with(mine, AT, Lang::Zh);
    a.others = Others::Reading;
    assert_eq!(a.rows().len(), 26, "the own unit's rows are there at once");
    let before = screen(&render(&a, 160, 48));
    assert!(before.contains("沙坡头区：正在读取台账…"), "{before}");
    assert!(!before.contains("沙坡头区：未填报"));
    a.update(delivery(Ok((others(), vec![]))));
    assert_eq!(a.others, Others::Ready);
    let after = screen(&render(&a, 160, 48));
    assert!(after.contains("沙坡头区：已完成"), "{after}");
    assert!(after.contains("中宁县：未填报"), "{after}");
}

#[test]
fn a_unit_chosen_before_its_records_arrive_has_no_rows_yet() {
    let p = plan();
    let mut a = App::new(p, Ledger::default(), vec![], None, now(AT), Lang::Zh);
    a.update(Action::PickUnit);
    a.others = Others::Reading;
    for c in "财政".chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::Open);
    assert_eq!(a.mode, Mode::List);
    assert!(a.rows().is_empty(), "not 26 rows that look unreported");
    assert!(screen(&render(&a, 80, 24)).contains("正在读取台账…"));
    let theirs = Ledger::from_updates("x".into(), vec![upd("1", "sczj", AT, Status::Done, None, "已完成")]);
    a.update(delivery(Ok((theirs, vec![]))));
    assert_eq!(a.rows().len(), 26);
    assert_eq!(a.rows().iter().find(|r| r.task == "1").and_then(|r| r.status), Some(Status::Done));
}

#[test]
fn a_chosen_unit_whose_file_cannot_be_read_goes_back_to_the_picker() {
    let p = plan();
    let sczj = p.find_unit("市财政局").unwrap();
    let mut a = App::new(p, Ledger::default(), vec![], None, now(AT), Lang::Zh);
    a.update(Action::PickUnit);
    a.others = Others::Reading;
    for c in "财政".chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::Open);
    a.update(delivery(Ok((Ledger::default(), vec![(sczj, "无法读取 sczj.toml".into())]))));
    assert_eq!((a.mode, a.unit), (Mode::Picker, None));
    assert_eq!(a.message.as_deref(), Some("无法读取 sczj.toml"));
}

#[test]
fn a_failed_read_is_said_and_other_units_are_not_shown_as_unreported() {
    let mut a = app_with(vec![], AT, Lang::Zh);
    a.others = Others::Reading;
    a.update(delivery(Err("错误: 台账目录里有另一个计划的文件".into())));
    assert_eq!(a.others, Others::Failed);
    assert_eq!(a.rows().len(), 26, "the own unit is unaffected");
    let s = screen(&render(&a, 160, 48));
    assert!(s.contains("沙坡头区：无权查看"), "{s}");
    assert!(s.contains("另一个计划"), "{s}");
}
