//! Rendered screens (TestBackend + insta) of what the operator owes this period and why a light
//! is what it is: the 本期 column, the reason in the detail pane, the history by period scrolled
//! into view, at 80×24 and 120×40 in Chinese and English; and `s` putting the most overdue first.

use std::collections::VecDeque;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use taizhang::Lang;
use taizhang::ledger::Status;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::tests::{app_with, upd};
use crate::tui::view_tests::{render, screen};

/// 市财政局 on 2022-10-05 (period 3, from 9-11): task 1 reported in each period, task 2 done
/// in July, task 36 (due 9-30) done on 10-03.
fn app(lang: Lang) -> App {
    let updates = vec![
        upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::InProgress, Some(20), "已发布涉企政策清单"),
        upd("1", "sczj", "2022-07-15T16:30:00+08:00", Status::InProgress, Some(40), "公开统计数据 3 期"),
        upd("1", "sczj", "2022-09-20T10:00:00+08:00", Status::InProgress, Some(50), "反馈机制已起草"),
        upd("2", "sczj", "2022-07-01T09:00:00+08:00", Status::Done, None, "办事指南已在门户网站公开"),
        upd("36", "sczj", "2022-10-03T09:00:00+08:00", Status::Done, None, "开放日已举办"),
    ];
    app_with(updates, "2022-10-05T10:00:00+08:00", lang)
}

fn tag(lang: Lang) -> &'static str {
    if lang == Lang::Zh { "zh" } else { "en" }
}

/// The list with its 本期 column and the first task's light explained, then the detail pane
/// paged down to the history, grouped by period, newest first, with 填报人 and time.
#[test]
fn period_column_reason_and_history_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = app(lang);
            let top = screen(&render(&a, w, h));
            let (owed, reason, history) = match lang {
                Lang::Zh => ("本期还有 23 项待报", "序时进度 ", "第1期（5月24日—6月10日）"),
                Lang::En => ("23 due this period", "schedule ", "Period 1 (5-24 to 6-10)"),
            };
            assert!(top.contains(owed) && top.contains(reason), "{top}");
            insta::assert_snapshot!(format!("period_{}_{w}x{h}", tag(lang)), top);
            // Page down until the oldest period's heading shows (a few presses at most).
            let mut end = top.clone();
            for _ in 0..8 {
                if end.contains(history) {
                    break;
                }
                a.update(Action::DetailPageDown);
                end = screen(&render(&a, w, h));
            }
            assert!(end.contains(history), "the history is reachable: {end}");
            insta::assert_snapshot!(format!("history_{}_{w}x{h}", tag(lang)), end);
            if lang == Lang::En {
                // Our words (from "Period"/"This period"/the reason to the pane's border) have
                // no Chinese punctuation; the plan's own text may.
                let ours = |screen: &str, word: &str| -> Vec<String> {
                    let cut = |l: &str| l.split_once(word).map(|(_, r)| r.split('│').next().unwrap_or("").to_string());
                    screen.lines().filter_map(cut).collect()
                };
                let said = [ours(&end, "Period "), ours(&top, "This period"), ours(&top, "behind")].concat();
                assert!(said.len() >= 4, "{said:?}");
                assert!(said.iter().all(|l| !l.contains(['：', '（', '）', '；', '，'])), "{said:?}");
                assert!(!end.contains(" 1 days") && !top.contains(" 1 days"));
            }
        }
    }
}

/// 逾期完成 in the status column and why in the detail pane.
#[test]
fn done_after_the_deadline_shows_as_done_late() {
    let mut a = app(Lang::Zh);
    a.list.selected = a.list.order.iter().position(|&i| a.rows()[i].task == "36").unwrap();
    let s = screen(&render(&a, 120, 40));
    let row = s.lines().find(|l| l.contains(" 36 ")).unwrap();
    assert!(row.contains("逾期完成"), "{row}");
    assert!(s.contains("逾期完成（晚 3 天）"), "{s}");
}

/// `s` from the keyboard sorts by urgency across sections: the first row is the most overdue.
#[test]
fn s_puts_the_most_overdue_first() {
    // On 11-05 task 36 (9月底) is 36 days overdue, the 10月底 ones 5; task 2 is done.
    let updates = vec![upd("2", "sczj", "2022-07-01T09:00:00+08:00", Status::Done, None, "x")];
    let mut a = app_with(updates, "2022-11-05T10:00:00+08:00", Lang::Zh);
    let mut keys: VecDeque<Event> = [Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE))].into();
    let action = crate::tui::events::next(&a, &mut keys).unwrap();
    assert_eq!(action, Action::CycleSort);
    a.update(action);
    let first = &a.rows()[a.list.order[0]];
    let most = a.rows().iter().filter(|r| r.overdue).min_by_key(|r| r.days_left).unwrap();
    assert_eq!((first.task.as_str(), first.days_left), (most.task.as_str(), Some(-36)));
    let s = screen(&render(&a, 80, 24));
    let rows: Vec<&str> = s.lines().skip(3).take(2).collect();
    assert!(rows[0].contains("✗ 36") && rows[0].contains("逾期36天"), "{s}");
    assert!(s.contains("排序: 紧急程度"), "the title shows the sort: {s}");
    assert!(s.contains("逾期 36 天"), "the detail pane says why: {s}");
}

/// The mouse wheel over the detail pane scrolls it; over the list it moves the selection.
#[test]
fn the_wheel_scrolls_the_pane_under_it() {
    let mut a = app(Lang::Zh);
    render(&a, 80, 24);
    let pane = a.list.detail_area.get();
    a.update(Action::ScrollDown { column: pane.x + 2, row: pane.y + 1 });
    assert_eq!((a.list.detail_scroll(), a.list.selected), (3, 0));
    a.update(Action::ScrollDown { column: 5, row: 4 });
    assert_eq!(a.list.selected, 3);
    assert_eq!(a.list.detail_scroll(), 0, "another task's details start at the top");
}
