//! The help overlay and the status bar at their smallest: every binding and mouse action is
//! listed whole (a long description goes on under itself, never cut without "…"), every filter
//! state is named, and the status bar fits 80 columns in every state, in Chinese and English.

use taizhang::Lang;
use taizhang::text::width;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::tests::app_with;
use crate::tui::keymap::{self, Ctx};
use crate::tui::list::Filter;
use crate::tui::view_tests::{render, screen};

fn plain(l: &ratatui::text::Line) -> String {
    l.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The operator's list, the form, and the lead view.
fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let list = app_with(vec![], "2022-06-01T09:00:00+08:00", lang);
    let mut form = app_with(vec![], "2022-06-01T09:00:00+08:00", lang);
    form.update(Action::Open);
    let plan = crate::tui::app::tests::plan();
    let now = crate::tui::app::tests::now("2022-06-01T09:00:00+08:00");
    let lead = App::new(plan, taizhang::ledger::Ledger::default(), vec![], None, now, lang);
    vec![("list", list), ("form", form), ("lead", lead)]
}

#[test]
fn help_lists_every_binding_whole_or_says_what_it_left_out() {
    for lang in [Lang::Zh, Lang::En] {
        for (name, mut a) in screens(lang) {
            a.update(Action::ToggleHelp);
            for (w, h) in [(80, 24), (120, 40), (160, 48)] {
                let area = ratatui::layout::Rect::new(0, 0, w, h);
                let (rect, columns) = super::view::help_layout(&a, area);
                let col_w = if columns.len() == 1 { usize::from(rect.width) - 2 } else { (usize::from(w) - 3) / 2 };
                let mut text = String::new();
                for line in columns.iter().flatten() {
                    let s = plain(line);
                    assert!(width(&s) <= col_w, "{name} {w}x{h}: {s:?} is wider than {col_w}");
                    // Compared without spaces: a description goes on under itself.
                    text.push_str(&s.replace(' ', ""));
                }
                let said_left_out = ["（确认框", "(prompts", "（其他界面", "(otherscreens", "…"];
                let cut = said_left_out.iter().any(|m| text.contains(m));
                let in_use = a.screen_contexts();
                let lead_only = [Ctx::Lead, Ctx::Export, Ctx::Matrix, Ctx::Task];
                let other_screens: Vec<Ctx> = Ctx::ALL.into_iter().filter(|c| !in_use.contains(c)).collect();
                for (ctx, keys, what) in keymap::help(lang, &in_use, if a.lead.is_some() { &[] } else { &lead_only }) {
                    let whole = text.contains(&what.replace(' ', ""));
                    let this_screen = keymap::help(lang, &in_use, &other_screens).iter().any(|l| l.0 == ctx);
                    assert!(whole || cut && !this_screen, "{name} {w}x{h}: {keys} {what} missing:\n{text}");
                }
                if !cut {
                    for f in Filter::ALL {
                        let state = crate::tui::text::filter(lang, f);
                        assert!(text.contains(&state.replace(' ', "")), "{name} {w}x{h}: filter {state} not listed");
                    }
                }
                let s = screen(&render(&a, w, h));
                if (name, w, lang) == ("list", 80, Lang::Zh) {
                    insta::assert_snapshot!("help_list_zh_80x24", s);
                }
            }
        }
    }
}

/// The status bar never runs past 80 columns, whatever it holds: the unit, today and what is
/// owed give way before the message, and a message too long is shortened with "…".
#[test]
fn the_status_bar_fits_80_columns_in_every_state() {
    use taizhang::ledger::Status;
    for lang in [Lang::Zh, Lang::En] {
        let saved =
            crate::tui::app::tests::upd("2", "sczj", "2022-06-01T09:00:00+08:00", Status::InProgress, Some(40), "x");
        let mut states: Vec<(String, App)> = Vec::new();
        for (name, a) in screens(lang) {
            states.push((name.to_string(), a));
        }
        let typed = || {
            let mut a = app_with(vec![], "2022-06-01T09:00:00+08:00", lang);
            a.update(Action::Open);
            a.update(Action::Paste("已发布".into()));
            a.update(Action::StatusNext);
            a
        };
        states.push(("unsaved".into(), typed()));
        let mut saving = typed();
        saving.update(Action::Save);
        assert!(saving.saving);
        states.push(("saving".into(), saving));
        let mut after = app_with(vec![], "2022-06-01T09:00:00+08:00", lang);
        after.message = Some(crate::tui::text::saved_note(lang, &saved));
        states.push(("saved".into(), after));
        let mut long = app_with(vec![], "2022-06-01T09:00:00+08:00", lang);
        long.message = Some("台账文件 /home/user/plans/zhongwei-2022.progress/sczj.toml 第 12 行有误：".repeat(3));
        states.push(("long message".into(), long));
        let mut picker = app_with(vec![], "2022-06-01T09:00:00+08:00", lang);
        picker.update(Action::PickUnit);
        states.push(("picker".into(), picker));
        for (name, a) in &states {
            for w in [60, 80] {
                let line = super::view::status_line(a, w);
                let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                assert!(width(&text) <= usize::from(w), "{lang:?} {name} at {w}: {text:?} is {} wide", width(&text));
                if w == 80 && name != "long message" {
                    let own = text.replace(crate::tui::text::t(lang, crate::tui::text::T::Saving), "");
                    assert!(!own.contains('…'), "{lang:?} {name}: nothing cut at 80: {text:?}");
                }
            }
        }
    }
}

/// English mode: no Chinese punctuation in the interface's own words, "1 day" not "1 days".
#[test]
fn english_has_no_chinese_punctuation_and_no_1_days() {
    const CJK: &[char] = &['，', '。', '：', '；', '（', '）', '“', '”', '、', '？', '！', '《', '》'];
    let mut words: Vec<String> =
        keymap::help(Lang::En, &[], &[]).into_iter().map(|(c, k, w)| format!("{c} {k} {w}")).collect();
    words.extend([1, 2].map(|n| crate::tui::text::next_due(Lang::En, 6, 10, n)));
    words.extend([(1, 0), (0, 1), (3, 2)].map(|(a, b)| crate::tui::text::hidden_lines(Lang::En, a, b)));
    words.push(crate::tui::text::evidence_bad(Lang::En, 2, "x", 1));
    for field in [crate::tui::form::Field::Status, crate::tui::form::Field::Note, crate::tui::form::Field::Percent] {
        words.push(crate::tui::text::form_keys(Lang::En, field).to_string());
    }
    for w in &words {
        assert!(!w.contains(CJK), "{w}");
        assert!(!w.contains(" 1 days") && !w.starts_with("1 days") && !w.contains("1 more lines"), "{w}");
    }
    // The form's own words in English, drawn.
    let mut a = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::En);
    a.update(Action::Open);
    let s = screen(&render(&a, 120, 40));
    for label in ["Status: ", "Percent: ", "Time: ", "Evidence (one URL or path per line)", "Deadline: "] {
        assert!(s.contains(label), "{label} missing:\n{s}");
    }
}

/// Every status, and 逾期完成, fits the list's status column in English (11 cells: `widths` in
/// view/list.rs).
#[test]
fn english_statuses_fit_their_column() {
    use taizhang::ledger::Status;
    let labels = Status::ALL
        .iter()
        .map(|s| s.label(Lang::En))
        .chain([taizhang::report::labels::status(None, Lang::En), crate::tui::text::standing::done_late(Lang::En)]);
    for l in labels {
        assert!(width(l) <= 11, "{l} is wider than the column");
    }
}
