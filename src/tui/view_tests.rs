//! Rendered screens (TestBackend + insta) of the list with its detail pane, the form and the
//! draft prompt, at 80×24 and 120×40, in Chinese and English, plus what snapshots cannot show: where the cursor
//! is and what colour the lights are.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Position;
use ratatui::style::Color;
use taizhang::Lang;
use taizhang::ledger::Status;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::tests::{app_with, upd};

/// A ledger with a done, an in-progress and an overdue assignment by 2022-10-05.
fn app(lang: Lang) -> App {
    let updates = vec![
        upd(
            "1",
            "sczj",
            "2022-06-01T09:00:00+08:00",
            Status::InProgress,
            Some(40),
            "已发布涉企政策清单，正在核对落实情况",
        ),
        upd("2", "sczj", "2022-07-01T09:00:00+08:00", Status::Done, None, "办事指南已在门户网站公开"),
        upd("36", "sczj", "2022-08-01T09:00:00+08:00", Status::InProgress, Some(50), "开放日方案已拟定"),
    ];
    app_with(updates, "2022-10-05T10:00:00+08:00", lang)
}

pub fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| super::view::draw(f, app)).unwrap();
    term
}

/// The screen as text, one line per row, wide characters once (their second cell skipped).
pub fn screen(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[Position { x, y }].symbol();
            out.push_str(sym);
            x += u16::try_from(taizhang::text::width(sym).max(1)).unwrap_or(1);
        }
        out.push('\n');
    }
    out
}

#[test]
fn list_and_detail_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let a = app(lang);
            let name = format!("list_{}_{w}x{h}", if lang == Lang::Zh { "zh" } else { "en" });
            insta::assert_snapshot!(name, screen(&render(&a, w, h)));
        }
    }
}

/// `]` scrolls the detail pane down to the units (the pane is ten lines at 80×24), as far as
/// the document's body at its end and no further; `[` back; another task starts at the top.
#[test]
fn the_detail_pane_scrolls_to_the_body() {
    let mut a = app(Lang::Zh);
    render(&a, 80, 24);
    for _ in 0..2 {
        a.update(Action::DetailDown);
    }
    let scrolled = screen(&render(&a, 80, 24));
    assert!(scrolled.contains("责任单位："), "{scrolled}");
    insta::assert_snapshot!("detail_scrolled_zh_80x24", scrolled);
    for _ in 0..50 {
        a.update(Action::DetailDown);
    }
    let end = screen(&render(&a, 80, 24));
    assert!(end.contains("情况的信息发布。") && !end.contains("向下翻看"), "{end}");
    a.update(Action::DetailUp);
    assert!(screen(&render(&a, 80, 24)).contains("向下翻看"));
    a.update(Action::Down);
    let next = screen(&render(&a, 80, 24));
    assert!(next.contains("具体内容：") && next.contains("向下翻看"), "{next}");
}

#[test]
fn form_snapshots_with_wide_text() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = app(lang);
            a.update(Action::Open);
            a.update(Action::Paste("\n本周又发布政策解读2篇，网址见佐证。".into()));
            let name = format!("form_{}_{w}x{h}", if lang == Lang::Zh { "zh" } else { "en" });
            insta::assert_snapshot!(name, screen(&render(&a, w, h)));
        }
    }
}

/// The prompt offering a draft back: when it was saved and its values, over the form.
#[test]
fn restore_prompt_snapshots() {
    use taizhang::ledger::draft::Draft;
    let draft = Draft {
        task: "1".into(),
        unit: "sczj".into(),
        saved_at: crate::tui::app::tests::now("2022-10-04T17:42:00+08:00"),
        base_at: None,
        status: Some(Status::InProgress),
        corrects: None,
        at: String::new(),
        percent: "60".into(),
        note: "已发布涉企政策清单，正在核对落实情况；".repeat(4),
        problems: "部门数据\n尚未汇总".into(),
        next: String::new(),
        evidence: "https://www.nxzw.gov.cn/zwgk/a.html".into(),
    };
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = app(lang);
            a.update(Action::DraftsLoaded { drafts: vec![draft.clone()], note: None });
            a.update(Action::Open);
            let name = format!("restore_{}_{w}x{h}", if lang == Lang::Zh { "zh" } else { "en" });
            insta::assert_snapshot!(name, screen(&render(&a, w, h)));
        }
    }
}

#[test]
fn help_overlay_comes_from_the_keymap() {
    let mut a = app(Lang::Zh);
    a.update(Action::ToggleHelp);
    let s = screen(&render(&a, 120, 40));
    use crate::tui::keymap::Ctx;
    for (_, keys, what) in
        crate::tui::keymap::help(Lang::Zh, &[Ctx::List], &[Ctx::Lead, Ctx::Export, Ctx::Matrix, Ctx::Task])
            .iter()
            .take(12)
    {
        assert!(s.contains(what), "{what} missing");
        assert!(s.contains(keys.as_str()), "{keys} missing");
    }
}

/// On 80×24 the help still fits: nothing is cut at the bottom of either column; the prompts'
/// keys, which the prompts show themselves, give way first, then other screens' keys.
#[test]
fn help_fits_on_80x24() {
    let mut a = app(Lang::Zh);
    a.update(Action::ToggleHelp);
    let s = screen(&render(&a, 80, 24));
    for what in ["上一项", "本期待报/受阻", "鼠标点击", "关闭说明", "其他界面的按键在该界面按 ? 查看"]
    {
        assert!(s.contains(what), "{what} missing:\n{s}");
    }
    let s = screen(&render(&a, 120, 40));
    assert!(s.contains("恢复草稿") && !s.contains("确认框的按键"), "room for every binding:\n{s}");
}

/// The terminal cursor sits right after the last character typed, counting wide characters as
/// two cells.
#[test]
fn cursor_sits_on_the_right_cell_after_chinese_input() {
    let mut a = app(Lang::Zh);
    a.update(Action::Down);
    a.update(Action::Open); // task 2: the note is "办事指南已在门户网站公开" (12 wide characters)
    let mut term = render(&a, 80, 24);
    let before = term.get_cursor_position().unwrap();
    a.update(Action::Paste("再加3条".into()));
    term.draw(|f| super::view::draw(f, &a)).unwrap();
    let after = term.get_cursor_position().unwrap();
    assert_eq!(after.y, before.y);
    assert_eq!(after.x - before.x, 2 + 2 + 1 + 2, "再 加 3 条 = 2+2+1+2 cells");
    // The cell just before the cursor holds the last character typed.
    let buf = term.backend().buffer().clone();
    assert_eq!(buf[Position { x: after.x - 2, y: after.y }].symbol(), "条");
    // 12 wide characters, then 7 cells, from the text area's first column (1, inside the border).
    assert_eq!(after.x, 1 + 24 + 7);
}

/// Lights keep their colour and their symbol.
#[test]
fn light_colours() {
    let a = app(Lang::Zh);
    let term = render(&a, 120, 40);
    let buf = term.backend().buffer().clone();
    let find = |id: &str| {
        (0..buf.area.height).find(|&y| {
            let line: String = (0..buf.area.width).map(|x| buf[Position { x, y }].symbol().to_string()).collect();
            line.contains(&format!(" {id} "))
        })
    };
    let colour_of = |y: u16| {
        let cell = &buf[Position { x: 1, y }];
        (cell.symbol().to_string(), cell.fg)
    };
    assert_eq!(colour_of(find("36").unwrap()), ("✗".to_string(), Color::Red), "due 9-30, not done: overdue");
    assert_eq!(colour_of(find("2").unwrap()), ("✓".to_string(), Color::Green), "done");
    assert_eq!(colour_of(find("1").unwrap()).1, Color::Yellow, "40% on Oct 5 against a 10-31 deadline is behind");
}

/// 河西镇 in the clause fixture on 2024-10-08, on task 4: the detail pane shows the clause that
/// binds the towns with its part of the text, the inferred marks and why.
#[test]
fn detail_shows_deadline_clauses_and_what_is_inferred() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/deadline-clauses.toml");
    let plan = taizhang::Plan::load(&path).unwrap().plan;
    let unit = plan.find_unit("河西镇").unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2024-10-08T10:00:00+08:00").unwrap();
    let mut a = App::new(plan, taizhang::ledger::Ledger::default(), vec![], Some(unit), now, Lang::Zh);
    a.update(Action::Down);
    let text = screen(&render(&a, 120, 40));
    insta::assert_snapshot!("detail_clauses_120x40", text);
    assert!(text.contains("9月底前（各乡镇※）：9月底前完成便民服务"), "{text}");
    assert!(text.contains("✗ 4") && text.contains("逾期8天"), "the clause makes the row overdue: {text}");
    assert!(text.contains("河西镇※"), "{text}");
    assert!(text.contains("※ 推定（原文未写明）："), "{text}");
    assert!(text.contains("原文未写明由谁改造"), "{text}");
}

/// 东街街道 in the scope-rule fixture: task 2 names no unit; the pane says which rule puts the
/// street office on it, in the document's words.
#[test]
fn detail_shows_the_scope_rule_that_gives_a_task_its_units() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/scope-rules.toml");
    let plan = taizhang::Plan::load(&path).unwrap().plan;
    let unit = plan.find_unit("东街街道").unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2024-05-06T10:00:00+08:00").unwrap();
    let a = App::new(plan, taizhang::ledger::Ledger::default(), vec![], Some(unit), now, Lang::Zh);
    let text = screen(&render(&a, 160, 48));
    assert!(text.contains("范围规定：本部分各项均由各街道办事处负责落实，下文不再逐"), "{text}");
    assert!(text.contains("一列出（各街道办事处）"), "{text}");
    assert!(text.contains("东街街道：未填报") && text.contains("西街街道：未填报"), "{text}");
}
