//! The detail pane's history: every record of this unit's assignment as of the shown time,
//! newest first, under a heading per report period (第2期（6月11日—9月10日）· 本期), each with
//! its time, what it says, 填报人 and id, then its texts.

use ratatui::text::Line;
use taizhang::Lang;
use taizhang::ledger::Update;
use taizhang::period;
use taizhang::text::sanitize;

use super::{bold, colon};
use crate::tui::app::App;
use crate::tui::text::standing::period_heading;
use crate::tui::text::{T, t};

/// The history of `task` for the chosen unit, appended to `out`.
pub fn lines(app: &App, task: &str, out: &mut Vec<Line<'static>>) {
    let lang = app.lang;
    out.push(Line::from(bold(format!("{}{}", t(lang, T::History), colon(lang)))));
    let unit_id = app.unit.map(|u| app.plan.units[u].id.as_str()).unwrap_or_default();
    let trail: Vec<&Update> = app.ledger.trail_iter(task, unit_id).filter(|u| u.at <= app.now).collect();
    if trail.is_empty() {
        out.push(Line::from(format!("  {}", t(lang, T::NoHistory))));
        return;
    }
    let periods = period::periods(&app.plan.meta);
    let current = app.period().map(|p| p.number);
    let mut shown: Option<Option<usize>> = None;
    for u in trail.into_iter().rev() {
        let p = period::current(&periods, taizhang::clock::local_date(u.at, app.plan.meta.offset));
        let p = p.as_ref();
        let number = p.map(|p| p.number);
        if shown != Some(number) {
            shown = Some(number);
            let heading = period_heading(lang, p, number.is_some() && number == current);
            out.push(Line::from(bold(format!(" {heading}"))));
        }
        record(app, u, lang, out);
    }
}

/// One record: its line, then its texts and evidence, indented.
fn record(app: &App, u: &Update, lang: Lang, out: &mut Vec<Line<'static>>) {
    out.push(Line::from(format!("  {}", super::super::records::line(&app.ledger, u, lang))));
    for (label, v) in [(T::Note, &u.note), (T::Problems, &u.problems), (T::Next, &u.next)] {
        if let Some(v) = v {
            out.push(Line::from(format!("    {}{}{}", t(lang, label), colon(lang), sanitize(v))));
        }
    }
    for e in &u.evidence {
        out.push(Line::from(format!("    {}{}{}", t(lang, T::Evidence), colon(lang), sanitize(e))));
    }
}
