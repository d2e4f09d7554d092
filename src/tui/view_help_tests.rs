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
