//! Long text in every pane stays inside its borders: the detail pane, the form's text fields
//! (focused and not), the records popup and its prompts, the conflict box, at many widths; no
//! line of the detail pane starts with closing punctuation. Snapshots at 80×24 show a long note
//! wrapped in the detail pane and in the records popup.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use taizhang::Lang;
use taizhang::ledger::Status;
use taizhang::text::closing;

use super::view_tests::screen;
use crate::tui::action::{Action, SaveError};
use crate::tui::app::App;
use crate::tui::app::tests::{app_with, upd};

/// A note long enough to wrap several times, with numbers, a URL, and punctuation of both kinds
/// where a naive break would leave it at the start or the end of a line.
const NOTE: &str = "截至2022年6月1日，已在门户网站公开甲类信息12条（含政策解读3篇），完成率42.9%；\
“放管服”改革办事指南已发布，网址 https://www.nxzw.gov.cn/zwgk/a.html 。下一步继续推进标准化、\
规范化建设，每月更新一次目录《政务公开目录》，年底前全部完成。";

/// 市财政局 with a long note on task 1 (in progress) and a short one on task 2.
fn app(lang: Lang) -> App {
    let updates = vec![
        upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::InProgress, Some(40), NOTE),
        upd("2", "sczj", "2022-06-02T09:00:00+08:00", Status::Done, None, "办事指南已在门户网站公开"),
    ];
    app_with(updates, "2022-06-05T10:00:00+08:00", lang)
}

/// The cell at (x, y).
fn cell(term: &Terminal<TestBackend>, x: u16, y: u16) -> String {
    term.backend().buffer()[Position { x, y }].symbol().to_string()
}

/// The screen drawn: the terminal (its backend holds what was sent) and the frame as drawn.
fn draw(app: &App, w: u16, h: u16) -> (Terminal<TestBackend>, Buffer) {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = term.draw(|f| crate::tui::view::draw(f, app)).unwrap().buffer.clone();
    (term, frame)
}

/// Every row of the main area (between the title line and the status bar) begins and ends in
/// a border, and no wide character in the frame is followed by anything but the blank second
/// cell it covers: ratatui never sends the terminal what follows a wide character, so a box
/// drawn over its second cell would go without its border there.
fn borders_intact((term, frame): &(Terminal<TestBackend>, Buffer), what: &str) {
    let area = frame.area;
    for y in 1..area.height - 2 {
        let (left, right) = (cell(term, 0, y), cell(term, area.width - 1, y));
        assert!("│┌└├".contains(&left) && "│┐┘┤".contains(&right), "{what}: row {y}:\n{}", screen(term));
    }
    for y in 0..area.height {
        for x in 0..area.width - 1 {
            let at = |x| frame[Position { x, y }].symbol().to_string();
            if taizhang::text::width(&at(x)) > 1 {
                assert!(at(x + 1).trim().is_empty(), "{what}: {:?} over ({x}, {y}):\n{}", at(x + 1), screen(term));
            }
        }
    }
}

/// The detail pane's lines, read from the buffer inside its borders.
fn detail_lines(a: &App, term: &Terminal<TestBackend>) -> Vec<String> {
    let area = a.list.detail_area.get();
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = area.left();
            while x < area.right() {
                let sym = cell(term, x, y);
                x += u16::try_from(taizhang::text::width(&sym).max(1)).unwrap_or(1);
                line.push_str(&sym);
            }
            line
        })
        .collect()
}

#[test]
fn the_detail_pane_keeps_its_borders_and_the_chinese_rules_at_every_width() {
    for w in (60..=160).step_by(7) {
        let mut a = app(Lang::Zh);
        for _ in 0..40 {
            let drawn = draw(&a, w, 24);
            borders_intact(&drawn, &format!("detail at {w}"));
            for line in detail_lines(&a, &drawn.0) {
                assert!(!line.trim_start().starts_with(closing), "{w}: {line:?}");
            }
            a.update(Action::DetailDown);
        }
    }
}

#[test]
fn a_long_note_wraps_inside_the_detail_pane_at_80x24() {
    let mut a = app(Lang::Zh);
    // Down to this unit's history.
    while !screen(&draw(&a, 80, 24).0).contains("进展情况：") {
        a.update(Action::DetailDown);
    }
    a.update(Action::DetailDown);
    // The address is kept whole.
    let text = at_80x24(&a, "https://www.nxzw.gov.cn/zwgk/a.html");
    insta::assert_snapshot!("wrap_detail_note_zh_80x24", text);
}

/// The screen at 80×24, its borders intact, showing `expected`.
fn at_80x24(a: &App, expected: &str) -> String {
    let drawn = draw(a, 80, 24);
    borders_intact(&drawn, expected);
    let text = screen(&drawn.0);
    assert!(text.contains(expected), "{expected} missing:\n{text}");
    text
}

#[test]
fn form_fields_keep_their_borders_focused_or_not() {
    for w in [40, 61, 79, 80, 81, 99, 120, 133] {
        let mut a = app(Lang::Zh);
        a.update(Action::Open);
        a.update(Action::Paste(format!("\n{NOTE}")));
        borders_intact(&draw(&a, w, 30), &format!("form, note focused, {w}"));
        // The note no longer has focus: shown by the shared line breaker.
        a.update(Action::NextField);
        let drawn = draw(&a, w, 30);
        borders_intact(&drawn, &format!("form, note unfocused, {w}"));
        let text = screen(&drawn.0);
        let rows: Vec<&str> = text.lines().collect();
        let start = rows.iter().position(|r| r.contains("进展情况")).unwrap();
        for row in &rows[start + 1..start + 4] {
            assert!(!row.trim_matches('│').starts_with(closing), "{w}:\n{text}");
        }
    }
}

#[test]
fn the_conflict_box_and_the_prompts_wrap_inside_their_borders() {
    for w in [50, 80, 120] {
        let mut a = app(Lang::Zh);
        a.update(Action::OpenRecords);
        a.update(Action::AskWithdraw);
        borders_intact(&draw(&a, w, 24), &format!("withdraw prompt {w}"));
        let mut a = app(Lang::Zh);
        a.update(Action::AskNoChange);
        borders_intact(&draw(&a, w, 24), &format!("no-change prompt {w}"));
        // Someone saved a long note meanwhile: both texts wrapped, the choices in view.
        let mut a = app(Lang::Zh);
        a.update(Action::Open);
        a.update(Action::Paste(NOTE.repeat(2)));
        let theirs = upd("1", "sczj", "2022-06-05T09:00:00+08:00", Status::InProgress, Some(60), &NOTE.repeat(3));
        a.update(Action::Saved(Err(SaveError::Stale(Box::new(theirs)))));
        let drawn = draw(&a, w, 24);
        borders_intact(&drawn, &format!("conflict {w}"));
        let text = screen(&drawn.0);
        assert!(text.contains("a 仍然保存我的修改"), "{text}");
    }
}

/// The records popup shows what the selected record says, wrapped inside its box.
#[test]
fn the_records_popup_wraps_the_selected_record() {
    let mut a = app(Lang::Zh);
    a.update(Action::OpenRecords);
    let text = at_80x24(&a, "进展情况：截至2022年6月1日");
    insta::assert_snapshot!("wrap_records_zh_80x24", text);
}
