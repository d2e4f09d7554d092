//! The form driven as an operator drives it, through terminal events where the mouse is
//! concerned: clicks select a field or a status, the wheel and Alt-↑/↓ scroll the task's text,
//! a long prefilled note costs no more per frame than what shows, the evidence check's
//! prompt-free flow, the draft prompt taking no typed text, and Esc in the picker.

use std::collections::VecDeque;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;
use taizhang::Lang;
use taizhang::ledger::{Ledger, Status};

use super::tests::{app_with, now, plan, run, upd};
use super::*;
use crate::tui::action::SaveError;
use crate::tui::form::Field;
use crate::tui::view_tests::{render, screen};

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
}

/// Feeds terminal events through the loop's translation into `update`.
fn feed(a: &mut App, events: impl IntoIterator<Item = Event>) {
    let mut queue: VecDeque<Event> = events.into_iter().collect();
    while let Some(action) = crate::tui::events::next(a, &mut queue) {
        a.update(action);
    }
}

/// The screen cell where `text` starts on the screen drawn at `w`×`h`.
fn find(a: &App, w: u16, h: u16, text: &str) -> Position {
    let term = render(a, w, h);
    let buf = term.backend().buffer();
    for y in 0..h {
        let (mut line, mut cols, mut x) = (String::new(), Vec::new(), 0);
        while x < w {
            let sym = buf[Position { x, y }].symbol();
            cols.extend(std::iter::repeat_n(x, sym.len()));
            line.push_str(sym);
            x += u16::try_from(taizhang::text::width(sym).max(1)).unwrap_or(1);
        }
        if let Some(i) = line.find(text) {
            return Position { x: cols[i], y };
        }
    }
    panic!("{text} not on screen:\n{}", screen(&term));
}

#[test]
fn clicks_choose_a_status_and_select_fields() {
    let mut a = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
    a.update(Action::Open);
    let click = |p: Position| mouse(MouseEventKind::Down(MouseButton::Left), p.x, p.y);
    let done = find(&a, 80, 24, "○已完成");
    feed(&mut a, [click(Position { x: done.x + 2, y: done.y })]);
    let f = a.form.as_ref().unwrap();
    assert_eq!((f.focus, f.status, f.percent.as_str()), (Field::Status, Some(Status::Done), "100"));
    let blocked = find(&a, 80, 24, "○受阻");
    feed(&mut a, [click(blocked)]);
    assert_eq!(a.form.as_ref().unwrap().status, Some(Status::Blocked));
    let next = find(&a, 80, 24, "下步计划");
    feed(&mut a, [click(Position { x: next.x, y: next.y + 1 })]);
    assert_eq!(a.form.as_ref().unwrap().focus, Field::Next);
    let at = find(&a, 80, 24, "填报时间");
    feed(&mut a, [click(at)]);
    assert_eq!(a.form.as_ref().unwrap().focus, Field::At);
    let percent = find(&a, 80, 24, "完成%");
    feed(&mut a, [click(percent)]);
    assert_eq!(a.form.as_ref().unwrap().focus, Field::Percent);
    // In a text field the cursor goes where the click was.
    let note = find(&a, 80, 24, "进展情况");
    feed(&mut a, [click(note)]);
    feed(&mut a, chars("第一行\n第二行"));
    render(&a, 80, 24);
    feed(&mut a, [click(Position { x: 1 + 2, y: note.y + 1 })]);
    let f = a.form.as_ref().unwrap();
    assert_eq!((f.focus, f.note.cursor() == (0, 1)), (Field::Note, true), "after 第, on the first line");
    // A click over a prompt does nothing to the form under it.
    a.update(Action::Back);
    assert_eq!(a.mode, Mode::Discard);
    feed(&mut a, [click(done)]);
    assert_eq!(a.form.as_ref().unwrap().status, Some(Status::Blocked));
}

fn chars(s: &str) -> Vec<Event> {
    s.chars()
        .map(|c| {
            let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
            Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
        })
        .collect()
}

#[test]
fn the_tasks_text_scrolls_with_alt_arrows_and_the_wheel() {
    let mut a = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
    // The unit's longest task text is longer than the block at 80×24.
    let longest = (0..a.list.order.len()).max_by_key(|&i| a.rows()[a.list.order[i]].content.len()).unwrap();
    a.list.selected = longest;
    a.update(Action::Open);
    let first = screen(&render(&a, 80, 24));
    assert!(first.contains("↓ 下方还有"), "{first}");
    let alt_down = Event::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::ALT));
    feed(&mut a, [alt_down]);
    let f = a.form.as_ref().unwrap();
    assert!(f.task_scroll > 0, "Alt-↓ scrolls");
    assert_eq!(f.focus, Field::Note, "and leaves the focus where it was");
    let scrolled = screen(&render(&a, 80, 24));
    assert!(scrolled.contains("↑ 上方还有"), "{scrolled}");
    let task = a.form.as_ref().unwrap().drawn.task.get();
    feed(&mut a, [mouse(MouseEventKind::ScrollUp, task.x + 3, task.y)]);
    assert_eq!(a.form.as_ref().unwrap().task_scroll, 0, "the wheel over it scrolls back");
}

/// 20,000 characters of prefilled note: the form opens, draws and takes keys with no work per
/// frame beyond what shows — the text area builds only its visible lines, and the marks count
/// the hidden ones with a few look-ups in its map of lines (checked here against the count
/// worked out by hand) — so each frame holds the note's end and says how much is above.
#[test]
fn a_long_prefilled_note_opens_at_its_end_and_stays_cheap() {
    let note = "已发布涉企政策清单，正在核对落实情况。".repeat(1100);
    assert!(note.chars().count() > 20_000);
    let mut a = app_with(
        vec![upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::InProgress, Some(40), &note)],
        "2022-06-02T09:00:00+08:00",
        Lang::Zh,
    );
    a.update(Action::Open);
    for typed in 1..=50 {
        a.update(Action::Paste("再".into()));
        let term = render(&a, 80, 24);
        let f = a.form.as_ref().unwrap();
        let rect = f.drawn.texts[0].get();
        // Only the visible lines are laid out: the field's rows hold text, the frame is whole.
        let (top, _) = f.note.scroll_offset();
        let rows = crate::tui::form::screen_rows(&f.note);
        assert!(usize::from(top) + usize::from(rect.height) > rows, "the end shows");
        // Wide characters only, 39 to a line of 78 cells.
        assert_eq!(rows, (note.chars().count() + typed).div_ceil(39));
        assert_eq!(usize::from(top), rows - usize::from(rect.height - 1), "only the last lines are drawn");
        let s = screen(&term);
        assert!(s.contains("↑ 上方还有"), "{s}");
    }
    assert!(a.form.as_ref().unwrap().note.lines()[0].ends_with(&"再".repeat(50)));
}

#[test]
fn evidence_that_is_not_an_address_or_a_file_is_named_then_saved_if_kept() {
    let mut a = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
    run(&mut a, [Action::Open, Action::StatusNext]);
    a.form.as_mut().unwrap().focus_on(Field::Evidence);
    a.update(Action::Paste("https://www.nxzw.gov.cn/a.html\n\n会议纪要\nzhongwei-2022.toml".into()));
    let effects = run(&mut a, [Action::Save]);
    let [Effect::Save { check_evidence: true, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    // What the loop's check answers: item 1 (line 3 of the field) is neither.
    run(&mut a, [Action::Saved(Err(SaveError::Evidence(vec![(1, "会议纪要".into())])))]);
    let f = a.form.as_ref().unwrap();
    assert_eq!(a.mode, Mode::Form);
    assert!(!a.saving);
    let error = f.error.as_deref().unwrap();
    assert!(error.contains("第 3 行“会议纪要”") && error.contains("再按 Ctrl-S"), "{error}");
    assert_eq!((f.focus, f.evidence.cursor() == (2, 0)), (Field::Evidence, true), "the cursor on that line");
    let shown = screen(&render(&a, 80, 24));
    insta::assert_snapshot!("form_evidence_zh_80x24", shown);
    // Saved again unchanged: saved as it is, without another check.
    let effects = run(&mut a, [Action::Save]);
    let [Effect::Save { check_evidence: false, update, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(update.evidence.len(), 3);
    // Changed, it is checked again.
    run(&mut a, [Action::Saved(Err(SaveError::Refused("x".into())))]);
    a.update(Action::Paste("x".into()));
    let effects = run(&mut a, [Action::Save]);
    assert!(matches!(effects.as_slice(), [Effect::Save { check_evidence: true, .. }]));
}

/// Typing into the draft prompt goes nowhere and the prompt says so; only Enter, Delete and
/// Esc answer it.
#[test]
fn the_draft_prompt_takes_no_typed_text() {
    use taizhang::ledger::draft::Draft;
    let mut a = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
    let draft = Draft {
        task: "1".into(),
        unit: "sczj".into(),
        saved_at: now("2022-05-31T17:00:00+08:00"),
        base_at: None,
        status: Some(Status::Blocked),
        corrects: None,
        at: String::new(),
        percent: String::new(),
        note: "草稿".into(),
        problems: String::new(),
        next: String::new(),
        evidence: String::new(),
    };
    run(&mut a, [Action::DraftsLoaded { drafts: vec![draft], note: None }, Action::Open]);
    assert_eq!(a.mode, Mode::Restore);
    feed(&mut a, chars("draft"));
    assert_eq!((a.mode, a.drafts.len(), a.offer.is_some()), (Mode::Restore, 0, true), "neither restored nor dropped");
    assert!(screen(&render(&a, 80, 24)).contains("刚才按的键没有输入表单"));
    feed(&mut a, [Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))]);
    assert_eq!(a.mode, Mode::Form);
    assert_eq!(a.form.as_ref().unwrap().note.lines(), ["草稿"]);
}

#[test]
fn esc_in_the_picker_clears_its_filter_first() {
    let mut a = App::new(plan(), Ledger::default(), vec![], None, now("2022-06-01T09:00:00+08:00"), Lang::Zh);
    run(&mut a, [Action::PickUnit, Action::Type('财'), Action::Type('政')]);
    assert_eq!(a.picker.matches.len(), 1);
    run(&mut a, [Action::Back]);
    assert_eq!((a.mode, a.picker.query.as_str(), a.quit), (Mode::Picker, "", false));
    assert!(a.picker.matches.len() > 1, "every unit again");
    run(&mut a, [Action::Back]);
    assert_eq!(a.mode, Mode::Lead, "with no filter, Esc goes back as before");
}

/// The picker says where each unit stands this period, from the same count as its own list.
#[test]
fn the_picker_shows_each_units_standing_this_period() {
    let mine = upd("1", "sczj", "2022-06-01T09:00:00+08:00", Status::InProgress, Some(40), "已开展");
    let ledger = Ledger::from_updates("x".into(), vec![mine]);
    let mut a = App::new(plan(), ledger, vec![], None, now("2022-06-02T09:00:00+08:00"), Lang::Zh);
    run(&mut a, [Action::PickUnit]);
    let s = screen(&render(&a, 120, 40));
    assert!(s.contains("本期还有 25 项待报"), "市财政局 reported one of 26:\n{s}");
    assert!(!s.contains("已保存"), "{s}");
    insta::assert_snapshot!("picker_zh_120x40", s);
}

/// The form on the unit's longest task with a long note and an evidence line refused: the
/// task's text with its scroll line, the note's mark of lines above, and the evidence error, at
/// 80×24 and 120×40 in Chinese and English.
#[test]
fn form_snapshots_with_task_text_marks_and_evidence_error() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let note = "本周又发布政策解读2篇，网址见佐证。\n".repeat(12);
            let mut a = app_with(vec![], "2022-06-01T09:00:00+08:00", lang);
            let longest = (0..a.list.order.len()).max_by_key(|&i| a.rows()[a.list.order[i]].content.len()).unwrap();
            a.list.selected = longest;
            run(&mut a, [Action::Open, Action::Paste(note.trim_end().into()), Action::NextField]);
            run(&mut a, [Action::NextField, Action::NextField, Action::Paste("会议纪要".into()), Action::Save]);
            run(&mut a, [Action::Saved(Err(SaveError::Evidence(vec![(0, "会议纪要".into())])))]);
            let s = screen(&render(&a, w, h));
            assert!(s.contains(lang.pick("↑ 上方还有", "more lines above")), "{s}");
            let name = format!("form_marks_{}_{w}x{h}", if lang == Lang::Zh { "zh" } else { "en" });
            insta::assert_snapshot!(name, s);
        }
    }
}
