//! The lead view driven by action sequences, with no terminal: the period shown and switched,
//! lists and cursors, opening a unit read-only and coming back, the picker, asking for files,
//! and a ledger that changed on disk.

use std::sync::Arc;

use chrono::NaiveDate;
use taizhang::Lang;
use taizhang::ledger::{Ledger, Status, Update};

use super::Pane;
use crate::front::render::Format;
use crate::tui::action::{Action, Delivery, Effect, Summarized, Written};
use crate::tui::app::tests::{now, plan, upd};
use crate::tui::app::{App, Mode};

pub const AT: &str = "2022-09-01T10:00:00+08:00";

/// 市财政局 reported in both periods (on 08-05 task 2, where it assists (配合), and task 9 done);
/// 沙坡头区 only in the first.
pub fn updates() -> Vec<Update> {
    vec![
        upd("1", "sczj", "2022-06-05T10:00:00+08:00", Status::InProgress, Some(40), "已发布清单"),
        upd("2", "sczj", "2022-08-05T10:00:00+08:00", Status::Done, None, "已公开"),
        upd("9", "sczj", "2022-08-05T11:00:00+08:00", Status::Done, None, "已公开"),
        upd("1", "shaptq", "2022-06-08T10:00:00+08:00", Status::InProgress, Some(20), "正在推进"),
    ]
}

/// The lead view on 2022-09-01 with [`updates`].
pub fn lead_app(lang: Lang) -> App {
    let mut a = App::new(plan(), Ledger::from_updates("x".into(), updates()), vec![], None, now(AT), lang);
    a.summarize_now();
    a
}

/// Applies `action` as the loop would, working out a summary it asks for here and now; returns
/// any other effect.
pub fn go(a: &mut App, action: Action) -> Option<Effect> {
    match a.update(action) {
        Some(Effect::Summarize(job)) => {
            let built = super::summarize(&a.plan, &job.ledger, &job.ask);
            a.update(Action::Summarized(Summarized(Arc::new(built))))
        }
        other => other,
    }
}

fn chased(a: &App) -> Vec<String> {
    let lead = a.lead.as_ref().unwrap();
    let r = lead.report.as_ref().unwrap();
    lead.chase.iter().map(|o| r.summary.units[o.line].name.clone()).collect()
}

fn shown_period(a: &App) -> usize {
    a.lead.as_ref().unwrap().report.as_ref().unwrap().head.period.number
}

#[test]
fn opens_on_the_current_period_as_of_its_report_date() {
    let a = lead_app(Lang::Zh);
    assert_eq!(a.mode, Mode::Lead);
    let r = a.lead.as_ref().unwrap().report.as_ref().unwrap();
    assert_eq!((r.head.period.number, r.head.as_of_date), (2, NaiveDate::from_ymd_opt(2022, 9, 10).unwrap()));
    assert_eq!(r.summary.units[0].name, "市财政局", "ranked first");
    let chase = chased(&a);
    assert!(chase.contains(&"沙坡头区".to_string()), "reported only in period 1: {chase:?}");
    assert!(!chase.contains(&"市财政局".to_string()));
    assert_eq!(chase.len(), r.summary.not_reported.len());
}

#[test]
fn periods_switch_with_the_arrows_and_the_digits() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::NextPeriod);
    assert_eq!(shown_period(&a), 3);
    go(&mut a, Action::NextPeriod);
    assert_eq!(shown_period(&a), 3, "no period after the last");
    go(&mut a, Action::ShowPeriod(1));
    assert_eq!(shown_period(&a), 1);
    // In period 1 沙坡头区 reported, so it is not chased.
    assert!(!chased(&a).contains(&"沙坡头区".to_string()));
    go(&mut a, Action::PrevPeriod);
    go(&mut a, Action::ShowPeriod(9));
    assert_eq!(shown_period(&a), 1);
    go(&mut a, Action::ShowPeriod(2));
    assert_eq!(shown_period(&a), 2);
}

#[test]
fn tab_moves_between_the_lists_and_keys_move_within_one() {
    let mut a = lead_app(Lang::Zh);
    let lead = |a: &App| (a.lead.as_ref().unwrap().focus, a.lead.as_ref().unwrap().cursor(Pane::Units));
    go(&mut a, Action::Down);
    go(&mut a, Action::Down);
    assert_eq!(lead(&a), (Pane::Units, 2));
    go(&mut a, Action::NextPane);
    go(&mut a, Action::End);
    let l = a.lead.as_ref().unwrap();
    assert_eq!(l.focus, Pane::Overdue);
    assert_eq!(l.cursor(Pane::Overdue), l.len(Pane::Overdue) - 1);
    assert_eq!(l.cursor(Pane::Units), 2, "each list keeps its own cursor");
    go(&mut a, Action::NextPane);
    go(&mut a, Action::NextPane);
    assert_eq!(lead(&a).0, Pane::Units);
}

#[test]
fn enter_opens_a_unit_read_only_and_esc_comes_back() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::Open);
    assert_eq!((a.mode, a.readonly), (Mode::List, true));
    assert_eq!(a.unit_name(), "市财政局");
    assert_eq!(a.rows().len(), 26);
    // Nothing can be recorded: no form, no no-change, no corrections.
    for action in [Action::Open, Action::AskNoChange] {
        assert_eq!(go(&mut a, action), None);
        assert_eq!(a.mode, Mode::List);
    }
    assert!(a.form.is_none());
    assert!(a.message.as_deref().unwrap().contains("只读"));
    go(&mut a, Action::Back);
    assert_eq!((a.mode, a.readonly, a.unit), (Mode::Lead, false, None));
}

#[test]
fn the_picker_is_one_key_away_and_a_unit_chosen_there_can_record() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::PickUnit);
    assert_eq!(a.mode, Mode::Picker);
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Lead, "Esc in the picker goes back, it does not quit");
    assert!(!a.quit);
    go(&mut a, Action::PickUnit);
    for c in "财政".chars() {
        go(&mut a, Action::Type(c));
    }
    go(&mut a, Action::Open);
    assert_eq!((a.mode, a.readonly), (Mode::List, false));
    go(&mut a, Action::Open);
    assert_eq!(a.mode, Mode::Form);
    // From a unit's list, u goes to the picker to switch unit.
    go(&mut a, Action::Back);
    go(&mut a, Action::PickUnit);
    assert_eq!(a.mode, Mode::Picker);
}

#[test]
fn export_asks_for_a_format_and_the_loop_writes_the_shown_period() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::ShowPeriod(1));
    go(&mut a, Action::AskExport);
    assert_eq!(a.mode, Mode::Export);
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Lead);
    go(&mut a, Action::AskExport);
    let Some(Effect::Export(job)) = go(&mut a, Action::Export(Format::Xlsx)) else { panic!("an export") };
    assert_eq!((job.what, job.options.period.number, job.options.as_of), (Written::Summary(Format::Xlsx), 1, None));
    assert_eq!(a.mode, Mode::Lead);
    let Some(Effect::Export(job)) = go(&mut a, Action::WriteChase) else { panic!("the chase list") };
    assert_eq!(job.what, Written::Chase);
    go(&mut a, Action::Exported(Ok(vec!["/tmp/a.txt".into(), "/tmp/a.csv".into()])));
    assert_eq!(a.message.as_deref(), Some("已写入 /tmp/a.txt（及 .csv）"));
    go(&mut a, Action::Exported(Ok(vec!["/tmp/a.txt".into(), "/tmp/b.csv".into()])));
    assert_eq!(a.message.as_deref(), Some("已写入 /tmp/a.txt、/tmp/b.csv"));
    go(&mut a, Action::Exported(Err("无法写入 /x".into())));
    assert_eq!(a.message.as_deref(), Some("无法写入 /x"));
}

#[test]
fn a_changed_ledger_is_read_again_and_the_cursors_stay() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::Down);
    go(&mut a, Action::NextPane);
    go(&mut a, Action::NextPane);
    go(&mut a, Action::Down);
    assert_eq!(go(&mut a, Action::LedgerChanged), Some(Effect::LoadLedger { skip: None, now: now(AT), full: true }));
    let mut newer = updates();
    newer.push(upd("1", "shaptq", "2022-08-30T10:00:00+08:00", Status::InProgress, Some(60), "已完成大部分"));
    let ledger = Ledger::from_updates("x".into(), newer);
    go(&mut a, Action::LedgerLoaded(Delivery(Arc::new(Ok((ledger, vec![]))))));
    assert!(!chased(&a).contains(&"沙坡头区".to_string()), "it has reported now");
    let l = a.lead.as_ref().unwrap();
    assert_eq!((l.focus, l.cursor(Pane::Units), l.cursor(Pane::Chase)), (Pane::Chase, 1, 1));
}

#[test]
fn after_the_last_report_date_the_last_period_shows_today_as_the_report_command_does() {
    let at = now("2023-01-05T10:00:00+08:00");
    let mut a = App::new(plan(), Ledger::from_updates("x".into(), updates()), vec![], None, at, Lang::Zh);
    a.summarize_now();
    let r = a.lead.as_ref().unwrap().report.as_ref().unwrap();
    assert_eq!((r.head.period.number, r.head.as_of_date), (3, NaiveDate::from_ymd_opt(2023, 1, 5).unwrap()));
}

#[test]
fn the_matrix_moves_over_tasks_and_units_and_opens_records_read_only() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::OpenMatrix);
    assert_eq!(a.mode, Mode::Matrix);
    go(&mut a, Action::Down);
    let lead = a.lead.as_ref().unwrap();
    assert_eq!(lead.cell_ids(), (Some("1"), Some("sczj")));
    // Enter on a cell: its records, read-only; Esc back to the matrix.
    go(&mut a, Action::Open);
    assert_eq!((a.mode, a.readonly), (Mode::Records, true));
    assert_eq!(a.shown_records().len(), 1);
    assert_eq!(go(&mut a, Action::CorrectRecord), None);
    assert_eq!(a.mode, Mode::Records, "nothing is corrected from the lead view");
    go(&mut a, Action::Back);
    assert_eq!((a.mode, a.readonly), (Mode::Matrix, false));
    // Columns stop at the last unit; rows at the last task; row 0 is the units' header.
    for _ in 0..100 {
        go(&mut a, Action::Right);
    }
    let units = a.lead.as_ref().unwrap().report.as_ref().unwrap().summary.units.len();
    assert_eq!(a.lead.as_ref().unwrap().cell.1, units, "column 0 is the tasks'");
    go(&mut a, Action::Up);
    go(&mut a, Action::Up);
    assert_eq!(a.lead.as_ref().unwrap().cell.0, 0);
    // Enter on the header row: that unit's assignments, read-only.
    go(&mut a, Action::Open);
    assert_eq!((a.mode, a.readonly), (Mode::List, true));
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Lead);
    go(&mut a, Action::OpenMatrix);
    go(&mut a, Action::ShowPeriod(1));
    assert_eq!(shown_period(&a), 1, "digits switch period in the matrix too");
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Lead);
}

#[test]
fn only_the_rows_the_lists_show_are_kept_and_they_are_the_full_reports() {
    let a = lead_app(Lang::Zh);
    let lead = a.lead.as_ref().unwrap();
    let kept = lead.report.as_ref().unwrap();
    let opts = lead.options(a.today()).unwrap();
    let full = taizhang::report::build(&a.plan, &a.ledger, &opts);
    assert!(kept.rows.len() < full.rows.len());
    assert_eq!(kept.summary, full.summary);
    let ids =
        |rows: Vec<&taizhang::report::Row>| rows.iter().map(|r| (r.task.clone(), r.unit.clone())).collect::<Vec<_>>();
    let overdue_kept = ids(lead.overdue.iter().map(|&n| &kept.rows[n]).collect());
    let overdue_full = ids(full.summary.overdue.iter().map(|&n| &full.rows[n]).collect());
    assert_eq!(overdue_kept, overdue_full);
    let owed = |r: &taizhang::report::Report, o: &[taizhang::report::chase::Owed]| {
        o.iter().map(|o| ids(o.rows.iter().map(|&n| &r.rows[n]).collect())).collect::<Vec<_>>()
    };
    assert_eq!(owed(kept, &lead.chase), owed(&full, &taizhang::report::chase::owed(&full)));
    let behind: Vec<usize> = full
        .summary
        .units
        .iter()
        .map(|u| {
            let behind = |r: &&taizhang::report::Row| r.bucket == taizhang::report::Bucket::Behind;
            // 配合 rows are counted apart, never as behind.
            full.rows.iter().filter(|r| r.unit == u.unit && r.role.counted()).filter(behind).count()
        })
        .collect();
    assert_eq!(lead.behind, behind);
}

#[test]
fn c_shows_what_changed_since_the_previous_period() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::ToggleChanges);
    let c = a.lead.as_ref().unwrap().changes.clone().expect("period 2 has a period before it");
    let r = a.lead.as_ref().unwrap().report.as_ref().unwrap();
    assert_eq!(c.since, 1);
    // 市财政局 reported in both periods: not newly reported. Task 9 was done on 08-05 (and task
    // 2 too, where it assists: 配合 completions are not listed).
    let newly: Vec<&str> = c.reported.iter().map(|&l| r.summary.units[l].name.as_str()).collect();
    assert!(!newly.contains(&"市财政局"), "{newly:?}");
    let done: Vec<(&str, &str)> =
        c.completed.iter().map(|&n| (r.rows[n].task.as_str(), r.rows[n].unit.as_str())).collect();
    assert_eq!(done, [("9", "sczj")]);
    // Every newly overdue row is overdue now; none was overdue at 6月10日.
    let before = a.lead.as_ref().unwrap().periods[0];
    let opts = taizhang::report::Options { period: before, ..a.lead.as_ref().unwrap().options(a.today()).unwrap() };
    let then = taizhang::report::build(&a.plan, &a.ledger, &opts);
    let was: Vec<(String, String)> =
        then.summary.overdue.iter().map(|&n| (then.rows[n].task.clone(), then.rows[n].unit.clone())).collect();
    for &n in &c.overdue {
        assert!(r.rows[n].overdue && !was.contains(&(r.rows[n].task.clone(), r.rows[n].unit.clone())));
    }
    assert_eq!(a.lead.as_ref().unwrap().len(Pane::Chase), 1, "the third list shows the completions");
    go(&mut a, Action::ToggleChanges);
    assert!(a.lead.as_ref().unwrap().changes.is_none());
    // In the first period there is nothing to compare with, and it says so.
    go(&mut a, Action::ShowPeriod(1));
    go(&mut a, Action::ToggleChanges);
    assert!(a.lead.as_ref().unwrap().changes.is_none());
    assert_eq!(a.message.as_deref(), Some("第1期之前没有可对比的期次"));
}

#[test]
fn t_in_the_matrix_lists_every_unit_on_the_task() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::OpenMatrix);
    go(&mut a, Action::OpenTask);
    assert_eq!(a.mode, Mode::Matrix, "not on the units' header row");
    go(&mut a, Action::Down);
    go(&mut a, Action::OpenTask);
    assert_eq!(a.mode, Mode::Task);
    for _ in 0..100 {
        go(&mut a, Action::Down);
    }
    let units = a.plan.task("1").unwrap().assignees.len();
    assert_eq!(a.lead.as_ref().unwrap().task_scroll, units - 1);
    let s = crate::tui::view_tests::screen(&crate::tui::view_tests::render(&a, 80, 24));
    assert!(s.contains("任务1 · 各单位状态（截至 2022-09-10）"), "{s}");
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Matrix);
    // Enter on the task's name (the first column) shows the same.
    go(&mut a, Action::Left);
    assert_eq!(a.lead.as_ref().unwrap().cell_ids(), (Some("1"), None));
    go(&mut a, Action::Open);
    assert_eq!(a.mode, Mode::Task);
}

#[test]
fn a_period_switch_waits_for_its_summary_and_an_older_answer_is_dropped() {
    let mut a = lead_app(Lang::Zh);
    let Some(Effect::Summarize(first)) = a.update(Action::NextPeriod) else { panic!("worked out elsewhere") };
    assert!(a.lead.as_ref().unwrap().waiting());
    let s = crate::tui::view_tests::screen(&crate::tui::view_tests::render(&a, 80, 24));
    assert!(
        s.contains("正在汇总第3期…") && s.contains("第3/3期"),
        "not period 2's figures under period 3's name:\n{s}"
    );
    let Some(Effect::Summarize(second)) = a.update(Action::ShowPeriod(1)) else { panic!("asked again") };
    let old = super::summarize(&a.plan, &first.ledger, &first.ask);
    a.update(Action::Summarized(Summarized(Arc::new(old))));
    assert!(a.lead.as_ref().unwrap().waiting(), "the answer to the first ask is dropped");
    let new = super::summarize(&a.plan, &second.ledger, &second.ask);
    a.update(Action::Summarized(Summarized(Arc::new(new))));
    assert!(!a.lead.as_ref().unwrap().waiting());
    assert_eq!(shown_period(&a), 1);
}

#[test]
fn changes_seen_during_a_read_are_read_once_it_is_in() {
    let mut a = lead_app(Lang::Zh);
    let read = Effect::LoadLedger { skip: None, now: now(AT), full: true };
    assert_eq!(go(&mut a, Action::LedgerChanged), Some(read.clone()));
    assert_eq!(go(&mut a, Action::LedgerChanged), None, "one read at a time");
    assert_eq!(go(&mut a, Action::LedgerChanged), None);
    let delivered =
        || Action::LedgerLoaded(Delivery(Arc::new(Ok((Ledger::from_updates("x".into(), updates()), vec![])))));
    // The read in: files changed meanwhile, so once more (not a summary of what is out of date).
    assert_eq!(a.update(delivered()), Some(read));
    assert!(matches!(a.update(delivered()), Some(Effect::Summarize(_))));
}

#[test]
fn a_unit_whose_ledger_file_cannot_be_read_is_said_to_be_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sczj.toml"), "garbage = [\u{1b}[31m\n").unwrap();
    let plan = plan();
    let opts = taizhang::ledger::LoadOptions { tolerant: true, ..taizhang::ledger::LoadOptions::new(now(AT)) };
    let ledger = Ledger::open(&plan, dir.path(), &opts).unwrap().ledger;
    let mut a = App::new(plan, ledger, vec![], None, now(AT), Lang::Zh);
    a.summarize_now();
    go(&mut a, Action::NextPane);
    go(&mut a, Action::NextPane);
    let s = crate::tui::view_tests::screen(&crate::tui::view_tests::render(&a, 160, 48));
    assert!(s.contains("1 个单位台账文件有误"), "{s}");
    assert!(s.contains("市财政局             （台账文件有误）"), "{s}");
    assert!(s.lines().any(|l| l.contains("市财政局") && l.contains("有误 —")), "{s}");
    assert!(!s.contains('\u{1b}'));
}

#[test]
fn print_export_and_the_matrix_work_while_a_summary_is_being_worked_out() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::Down);
    assert!(matches!(a.update(Action::NextPeriod), Some(Effect::Summarize(_))));
    assert!(a.lead.as_ref().unwrap().waiting());
    a.update(Action::Up);
    assert_eq!(a.lead.as_ref().unwrap().cursor(Pane::Units), 1, "keys while waiting leave the cursor be");
    let Some(Effect::Export(job)) = a.update(Action::Export(Format::Html)) else { panic!("p is not lost") };
    assert_eq!(job.options.period.number, 3);
    a.update(Action::AskExport);
    assert_eq!(a.mode, Mode::Export);
    a.update(Action::Back);
    a.update(Action::OpenMatrix);
    assert_eq!(a.mode, Mode::Matrix);
    // Before every unit is read, nothing is written.
    let mut reading = lead_app(Lang::Zh);
    reading.others = crate::tui::app::Others::Reading;
    assert_eq!(reading.update(Action::Export(Format::Html)), None);
}

#[test]
fn a_ledger_that_cannot_be_read_is_said_so_not_shown_as_being_worked_out() {
    let mut a = App::new(plan(), Ledger::default(), vec![], None, now(AT), Lang::Zh);
    a.others = crate::tui::app::Others::Reading;
    a.lead.as_mut().unwrap().reading = true;
    assert!(
        crate::tui::view_tests::screen(&crate::tui::view_tests::render(&a, 80, 24)).contains("正在读取各单位台账…")
    );
    go(&mut a, Action::LedgerLoaded(Delivery(Arc::new(Err("错误: 无法读取台账目录".into())))));
    let s = crate::tui::view_tests::screen(&crate::tui::view_tests::render(&a, 80, 24));
    assert!(s.contains("台账读取失败，见状态栏") && s.contains("无法读取台账目录"), "{s}");
}
