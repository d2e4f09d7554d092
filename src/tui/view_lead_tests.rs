//! Rendered screens (TestBackend + insta) of the lead view at 80×24 and 160×48 in Chinese and
//! English, and a check that every figure it shows equals the summary report's JSON for the
//! same period and cut-off.

use taizhang::Lang;
use taizhang::report::{self, Kind, Options, percent};

use crate::tui::action::Action;
use crate::tui::lead::tests::{go, lead_app};
use crate::tui::view_tests::{render, screen};

fn tag(lang: Lang) -> &'static str {
    if lang == Lang::Zh { "zh" } else { "en" }
}

#[test]
fn dashboard_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (160, 48)] {
            let a = lead_app(lang);
            insta::assert_snapshot!(format!("lead_{}_{w}x{h}", tag(lang)), screen(&render(&a, w, h)));
        }
    }
}

#[test]
fn read_only_unit_and_export_chooser_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = lead_app(lang);
        a.update(Action::AskExport);
        insta::assert_snapshot!(format!("lead_export_{}_80x24", tag(lang)), screen(&render(&a, 80, 24)));
        a.update(Action::Back);
        a.update(Action::Open);
        insta::assert_snapshot!(format!("lead_unit_{}_80x24", tag(lang)), screen(&render(&a, 80, 24)));
    }
}

/// The JSON `taizhang report --kind summary -f json` writes on the same day: the current
/// period as of its report date (the command's default, which the lead view follows).
fn summary_json(a: &crate::tui::app::App) -> serde_json::Value {
    let periods = taizhang::period::periods(&a.plan.meta);
    let period = taizhang::period::current(&periods, a.today()).unwrap();
    let opts = Options { kind: Kind::Summary, period, as_of: None, at: None, unit: None };
    let model = report::live(&a.plan, &a.ledger, &opts, report::Rows::Every);
    let mut out = Vec::new();
    report::json::write(&model, false, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn every_figure_on_the_dashboard_equals_the_summary_reports() {
    let a = lead_app(Lang::Zh);
    let json = summary_json(&a);
    let s = screen(&render(&a, 160, 48));
    let summary = &json;
    let n = |v: &serde_json::Value| v.as_u64().unwrap();
    let t = &summary["totals"];
    assert!(s.contains(&format!("{}/{}", n(&t["done"]), n(&t["assignments"]))), "{s}");
    assert!(s.contains(&percent(t["completion_rate"].as_f64().unwrap())));
    let b = &summary["buckets"];
    for (name, key) in
        [("已完成", "done"), ("超进度", "ahead"), ("达进度", "on_track"), ("欠进度", "behind"), ("逾期", "overdue")]
    {
        assert!(s.contains(&format!("{name} {} ·", n(&b[key]))), "{name}: {s}");
    }
    let units = summary["units"].as_array().unwrap();
    let late = units.iter().filter(|u| !u["reported"].as_bool().unwrap()).count();
    assert!(s.contains(&format!("{late}/{}", units.len())), "{s}");
    assert!(s.contains(&format!("单位完成率排名（{}）", units.len())));
    for u in units.iter().take(20) {
        let line = s.lines().find(|l| l.contains(&format!(" {} {}", u["rank"], u["name"].as_str().unwrap()))).unwrap();
        assert!(line.contains(&percent(u["completion_rate"].as_f64().unwrap())), "{line}");
        assert!(line.contains(&format!("逾期{}", u["overdue"])), "{line}");
    }
    let overdue = summary["overdue"].as_array().unwrap().len();
    assert!(s.contains(&format!("逾期任务（{overdue}）")), "{s}");
}

#[test]
fn matrix_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut a = lead_app(lang);
            a.update(Action::OpenMatrix);
            a.update(Action::Down);
            a.update(Action::Down);
            insta::assert_snapshot!(format!("matrix_{}_{w}x{h}", tag(lang)), screen(&render(&a, w, h)));
        }
    }
}

#[test]
fn changes_snapshot() {
    let mut a = lead_app(Lang::Zh);
    go(&mut a, Action::ToggleChanges);
    insta::assert_snapshot!("lead_changes_zh_80x24", screen(&render(&a, 80, 24)));
}

#[test]
fn task_popup_snapshot() {
    let mut a = lead_app(Lang::Zh);
    a.update(Action::OpenMatrix);
    a.update(Action::Down);
    a.update(Action::OpenTask);
    insta::assert_snapshot!("matrix_task_zh_80x24", screen(&render(&a, 80, 24)));
}

/// The help over the lead view lists the lead view's keys first (and fits at 80×24).
#[test]
fn help_over_the_lead_view_lists_its_keys() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = lead_app(Lang::Zh);
        a.update(Action::ToggleHelp);
        let s = screen(&render(&a, w, h));
        for what in ["牵头视图", "换列表：排名/逾期/催办", "任务×单位矩阵", "催办清单（文本+CSV）", "关闭说明"]
        {
            assert!(s.contains(what), "{what} missing at {w}x{h}:\n{s}");
        }
        assert!(s.contains("1–9"), "{s}");
        if (w, h) == (80, 24) {
            insta::assert_snapshot!("lead_help_zh_80x24", s);
        }
    }
}

#[test]
fn help_over_the_matrix_lists_its_keys_at_80x24() {
    let mut a = lead_app(Lang::En);
    a.update(Action::OpenMatrix);
    a.update(Action::ToggleHelp);
    let s = screen(&render(&a, 80, 24));
    for what in ["Matrix", "open records/task/unit", "all units on the task", "back to the overview", "1–9"] {
        assert!(s.contains(what), "{what} missing:\n{s}");
    }
}
