//! `App::update` and the screen for what a record means: one "as of" for the form and the
//! detail pane, 填报时间, 本期无新进展 as an explicit confirmation, and corrections and
//! withdrawals picked from the records popup.

use taizhang::Lang;
use taizhang::ledger::{Expect, RecordKind, Status};

use super::tests::{app_with, now, run, upd};
use super::*;
use crate::tui::action::Action;
use crate::tui::form::Field;
use crate::tui::view_tests::{render, screen};

/// 市财政局 on 2022-06-08: task 1 at 30% on 06-01, done on 07-20 (after "today").
fn with_history() -> App {
    let early = upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::InProgress, Some(30), "三成");
    let later = upd("1", "sczj", "2022-07-20T09:00:00+08:00", Status::Done, Some(100), "完成");
    app_with(vec![early, later], "2022-06-08T09:00:00+08:00", Lang::Zh)
}

#[test]
fn the_form_and_the_detail_show_the_state_as_of_now() {
    let mut a = with_history();
    let row = &a.rows()[a.list.selected_row().unwrap()];
    assert_eq!((row.status, row.percent), (Some(Status::InProgress), Some(30)));
    let shown = screen(&render(&a, 120, 40));
    assert!(shown.contains("市财政局：推进中 30%"), "every unit's status as of now:\n{shown}");
    assert!(!shown.contains("完成 ·"), "the 07-20 record is not shown on 06-08:\n{shown}");
    run(&mut a, [Action::Open]);
    let f = a.form.as_ref().unwrap();
    assert_eq!((f.status, f.percent.as_str()), (Some(Status::InProgress), "30"));
    assert_eq!(f.base.as_ref().map(|u| u.at), Some(now("2022-07-20T09:00:00+08:00")), "saves check the file's latest");
}

#[test]
fn the_time_field_dates_a_record_back_and_is_checked() {
    let mut a = app_with(vec![], "2022-06-08T09:00:00+08:00", Lang::Zh);
    run(&mut a, [Action::Open, Action::StatusNext, Action::Paste("补记".into()), Action::PrevField]);
    assert_eq!(a.form.as_ref().unwrap().focus, Field::At);
    run(&mut a, [Action::Paste("6月5日".into()), Action::Save]);
    let f = a.form.as_ref().unwrap();
    assert_eq!(f.focus, Field::At);
    assert!(f.error.as_deref().unwrap().contains("06-07 10:00"), "{:?}", f.error);
    let mut a = app_with(vec![], "2022-06-08T09:00:00+08:00", Lang::Zh);
    run(&mut a, [Action::Open, Action::StatusNext, Action::Paste("补记".into()), Action::PrevField]);
    let effects = run(&mut a, [Action::Paste("06-05 10:30".into()), Action::Save]);
    let [Effect::Save { update, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(update.at, now("2022-06-05T10:30:00+08:00"));
}

#[test]
fn nothing_new_this_period_is_confirmed_first() {
    let mut a = app_with(vec![], "2022-06-08T09:00:00+08:00", Lang::Zh);
    assert!(run(&mut a, [Action::AskNoChange]).is_empty());
    assert_eq!(a.mode, Mode::List, "never reported: nothing to confirm");
    assert!(a.message.as_deref().unwrap().contains("还没有填报过"));
    let mut a = with_history();
    run(&mut a, [Action::AskNoChange]);
    assert_eq!(a.mode, Mode::NoChange);
    assert!(screen(&render(&a, 80, 24)).contains("本期无新进展"));
    run(&mut a, [Action::Cancel]);
    assert_eq!(a.mode, Mode::List);
    let effects = run(&mut a, [Action::AskNoChange, Action::Confirm]);
    let [Effect::Save { update, expect, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!((update.kind.clone(), update.task.as_str(), update.at), (RecordKind::NoChange, "1", a.now));
    assert_eq!(**expect, Expect::Any);
    assert!(a.form.is_none());
    run(&mut a, [Action::Saved(Ok(update.clone()))]);
    assert_eq!(a.mode, Mode::List);
    assert!(a.message.as_deref().unwrap().contains("本期无新进展"));
}

#[test]
fn an_earlier_record_is_corrected_or_withdrawn_from_the_records_popup() {
    let mut a = with_history();
    let first = a.ledger.history("1", "sczj")[0].clone();
    run(&mut a, [Action::OpenRecords]);
    assert_eq!(a.mode, Mode::Records);
    assert_eq!(a.shown_records().len(), 1, "only what was recorded by now");
    let shown = screen(&render(&a, 80, 24));
    assert!(shown.contains(&first.id[..8]) && shown.contains("Enter 更正"), "{shown}");
    run(&mut a, [Action::CorrectRecord]);
    let f = a.form.as_ref().unwrap();
    assert_eq!((f.corrects.as_deref(), f.note.lines()), (Some(first.id.as_str()), &["三成".to_string()][..]));
    assert!(screen(&render(&a, 80, 24)).contains("更正记录"));
    let effects = run(&mut a, [Action::PercentDown, Action::Save]);
    let [Effect::Save { update, expect, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!((update.kind.clone(), update.percent), (RecordKind::Correction { of: first.id.clone() }, Some(20)));
    assert_eq!(**expect, Expect::Any);
    // Withdraw it instead.
    let mut a = with_history();
    run(&mut a, [Action::OpenRecords, Action::AskWithdraw]);
    assert_eq!(a.mode, Mode::Withdraw);
    assert!(screen(&render(&a, 80, 24)).contains("撤回记录"));
    let effects = run(&mut a, [Action::Confirm]);
    let [Effect::Save { update, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(update.kind, RecordKind::Withdrawal { of: first.id.clone() });
    assert_eq!(a.mode, Mode::List);
}

#[test]
fn a_save_that_waits_for_the_lock_says_so_in_the_status_bar() {
    let mut a = with_history();
    run(&mut a, [Action::Waiting("正在等待 .sczj.lock 的锁（pid 1 · 李四）".into())]);
    assert!(screen(&render(&a, 120, 40)).contains("正在等待 .sczj.lock 的锁（pid 1 · 李四）"));
}
