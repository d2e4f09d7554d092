//! The unit's own report from its list: `p` asks for the HTML of the current period, `e` for a
//! format chosen in the chooser (Esc back to the list); what the status bar says once it is
//! written; and "本期已全部填报" once every assignment was updated this period.

use taizhang::ledger::Status;
use taizhang::report::Kind;

use super::tests::{app_with, upd};
use super::*;
use crate::front::render::Format;
use crate::tui::action::{Job, Written};
use crate::tui::keymap::{self, Ctx};

fn job(effect: Option<Effect>) -> Job {
    match effect {
        Some(Effect::Export(job)) => *job,
        other => panic!("{other:?}"),
    }
}

#[test]
fn p_writes_the_units_report_for_the_current_period() {
    let mut a = app_with(vec![], "2022-08-01T09:00:00+08:00", Lang::Zh);
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('p'));
    let action = keymap::lookup(&a.contexts(), &key).unwrap();
    let job = job(a.update(action));
    assert_eq!(job.what, Written::Unit(Format::Html));
    let o = &job.options;
    assert_eq!((o.kind, o.unit, o.period.number, o.as_of, o.at), (Kind::Unit, a.unit, 2, None, None));
    assert_eq!(a.mode, Mode::List);
    assert_eq!(a.message.as_deref(), Some("正在写出…"));
}

#[test]
fn e_offers_the_formats_and_esc_goes_back_to_the_list() {
    let mut a = app_with(vec![], "2022-08-01T09:00:00+08:00", Lang::Zh);
    a.update(Action::AskExport);
    assert_eq!((a.mode, a.contexts()), (Mode::Export, vec![Ctx::Export]));
    a.update(Action::Back);
    assert_eq!(a.mode, Mode::List);
    a.update(Action::AskExport);
    let job = job(a.update(Action::Export(Format::Docx)));
    assert_eq!((job.what, a.mode), (Written::Unit(Format::Docx), Mode::List));
}

#[test]
fn after_the_last_report_date_the_report_is_as_of_today_as_the_report_command_makes_it() {
    let mut a = app_with(vec![], "2022-12-20T09:00:00+08:00", Lang::Zh);
    let job = job(a.update(Action::Export(Format::Html)));
    assert_eq!(job.options.period.number, 3);
    assert_eq!(job.options.as_of, chrono::NaiveDate::from_ymd_opt(2022, 12, 20));
}

#[test]
fn the_status_bar_gives_the_path_and_when_the_report_is_due() {
    let mut a = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
    a.update(Action::Exported(Ok(vec!["/home/w/zhongwei-2022-市财政局-第1期.html".into()])));
    assert_eq!(
        a.message.as_deref(),
        Some("已写入 /home/w/zhongwei-2022-市财政局-第1期.html；本期报送日 6月10日，还有 9 天")
    );
    a.update(Action::Exported(Err("写不进去".into())));
    assert_eq!(a.message.as_deref(), Some("写不进去"));
    let mut a = app_with(vec![], "2022-06-10T09:00:00+08:00", Lang::En);
    a.update(Action::Exported(Ok(vec!["/x.html".into()])));
    assert_eq!(a.message.as_deref(), Some("wrote /x.html; this period's report is due today (6-10)"));
}

#[test]
fn a_unit_that_updated_every_assignment_this_period_is_told_so() {
    let a = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
    let updates = a
        .rows()
        .iter()
        .map(|r| upd(&r.task, "sczj", "2022-05-30T10:00:00+08:00", Status::InProgress, Some(10), "已启动"))
        .collect();
    let a = app_with(updates, "2022-06-01T09:00:00+08:00", Lang::Zh);
    let text = crate::tui::view_tests::screen(&crate::tui::view_tests::render(&a, 100, 30));
    assert!(text.contains("本期已全部填报"), "{text}");
}

#[test]
fn the_help_lists_the_units_report() {
    let lines = keymap::help(Lang::Zh, &[Ctx::List], &[]);
    assert!(lines.iter().any(|(ctx, keys, what)| *ctx == "任务列表" && keys == "p / e" && what.contains("报送")));
}
