//! An assignment's records as the operator sees them — one line each, with what kind of record
//! it is, whether it was corrected or withdrawn since, and its id — in the detail pane and in
//! the records popup (correct or withdraw one, the selected one's text under the list), and the
//! no-change and withdraw prompts; their text is broken by `super::wrapped`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use taizhang::Lang;
use taizhang::ledger::{Ledger, RecordKind, Update};
use taizhang::text::{sanitize, truncate};

use crate::tui::app::{App, Mode};
use crate::tui::text::{self, T, t};

/// "2022-06-01 09:30 推进中 40%（已更正） · 王五 · 3f9a1c07", then " · 来自 第2期台账.xlsx" for a record
/// merged from a filled 台账 sheet.
pub fn line(ledger: &Ledger, u: &Update, lang: Lang) -> String {
    let pct = u.percent.map(|p| format!(" {p}%")).unwrap_or_default();
    let what = match &u.kind {
        RecordKind::Progress => format!("{}{pct}{}", u.status.label(lang), fate(ledger, &u.id, lang)),
        RecordKind::NoChange => t(lang, T::KindNoChange).to_string(),
        RecordKind::Correction { of } => {
            format!("{} {} → {}{pct}", t(lang, T::KindCorrection), text::short(of), u.status.label(lang))
        }
        RecordKind::Withdrawal { of } => format!("{} {}", t(lang, T::KindWithdrawal), text::short(of)),
    };
    let by = u.by.as_deref().map(|b| format!(" · {}", sanitize(b))).unwrap_or_default();
    let from = u.source.as_deref().map(|f| format!(" · {}{}", lang.pick("来自 ", "from "), truncate(&sanitize(f), 30)));
    format!("{} {what}{by} · {}{}", u.at.format("%Y-%m-%d %H:%M"), text::short(&u.id), from.unwrap_or_default())
}

/// "（已更正）" / "（已撤回）" for a progress record superseded since.
fn fate(ledger: &Ledger, id: &str, lang: Lang) -> &'static str {
    match ledger.corrections_of(id).last().map(|c| &c.kind) {
        Some(RecordKind::Withdrawal { .. }) => lang.pick("（已撤回）", " (withdrawn)"),
        Some(_) => t(lang, T::Superseded),
        None => "",
    }
}

/// A box of `w` × `h` cells centred in `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = area.layout(&Layout::vertical([Constraint::Length(h.min(area.height))]).flex(Flex::Center));
    let [cell] = row.layout(&Layout::horizontal([Constraint::Length(w.min(area.width))]).flex(Flex::Center));
    cell
}

/// The records popup: newest first, the selected one highlighted, and under them what the
/// selected record says (wrapped, at most [`TEXT_LINES`] lines); only the visible records are built.
pub fn popup(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let Some(view) = app.records.as_ref() else { return };
    let records = app.shown_records();
    let w = area.width.saturating_sub(4).min(100);
    let inner_w = usize::from(w.saturating_sub(2));
    let said = records.get(view.selected).map(|u| says(u, lang, inner_w)).unwrap_or_default();
    let extra = if said.is_empty() { 0 } else { said.len() + 1 };
    let h = u16::try_from(records.len().max(1) + 4 + extra).unwrap_or(u16::MAX).min(area.height);
    let rect = centered(area, w, h);
    let rows = usize::from(h.saturating_sub(4)).saturating_sub(extra).max(1);
    let first = view.selected.saturating_sub(rows - 1);
    let mut lines: Vec<Line> = records
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, u)| {
            let style =
                if i == view.selected { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default() };
            Line::from(Span::styled(truncate(&line(&app.ledger, u, lang), inner_w), style))
        })
        .collect();
    if records.is_empty() {
        lines.push(Line::from(t(lang, T::NoHistory)));
    }
    if !said.is_empty() {
        lines.push(Line::from(""));
        lines.extend(said);
    }
    lines.push(Line::from(""));
    let hint = if app.readonly { crate::tui::text::lead::records_keys(lang) } else { t(lang, T::RecordsHint) };
    lines.push(Line::from(Span::styled(truncate(hint, inner_w), Style::default().fg(Color::Yellow))));
    super::popup::clear(frame, rect);
    let title = format!(" {} · {} {} ", t(lang, T::Records), view.task, sanitize(&unit_name(app, &view.unit)));
    let block = Block::default().borders(Borders::ALL).title(title);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// The most lines of a record's text the records popup shows.
const TEXT_LINES: usize = 6;

/// What record `u` says (进展情况, 存在问题, 下步计划), broken into lines of `max` cells, at
/// most [`TEXT_LINES`], the last ending in "…" when there is more.
fn says(u: &Update, lang: Lang, max: usize) -> Vec<Line<'static>> {
    let mut out = super::wrapped::all(super::popup::says(u, lang), max);
    if out.len() > TEXT_LINES {
        out.truncate(TEXT_LINES);
        if let Some(last) = out.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::from(truncate(&format!("{text}…"), max));
        }
    }
    out.into_iter().map(|l| l.style(Style::default().fg(Color::DarkGray))).collect()
}

fn unit_name(app: &App, id: &str) -> String {
    app.plan.unit_index(id).map(|i| app.plan.units[i].name.clone()).unwrap_or_default()
}

/// The no-change or the withdraw prompt.
pub fn prompt(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let text = match app.mode {
        Mode::NoChange => {
            let row = app.list.selected_row().and_then(|i| app.rows().get(i));
            let state = row.map(|r| taizhang::report::labels::progress(&r.view(), lang)).unwrap_or_default();
            text::no_change_ask(lang, row.map_or("", |r| r.task.as_str()), &state)
        }
        Mode::Withdraw => {
            let selected = app.records.as_ref().and_then(|v| app.shown_records().get(v.selected).map(|u| u.id.clone()));
            text::withdraw_ask(lang, text::short(&selected.unwrap_or_default()))
        }
        _ => return,
    };
    let w = area.width.saturating_sub(4).min(64);
    let lines = super::wrapped::all([Line::from(text)], usize::from(w.saturating_sub(2)));
    let rect = centered(area, w, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    super::popup::clear(frame, rect);
    let block = Block::default().borders(Borders::ALL).border_style(Style::default().fg(Color::Yellow));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_from_a_sheet_says_which() {
        let at = chrono::DateTime::parse_from_rfc3339("2022-09-05T12:00:00+08:00").unwrap();
        let u = Update {
            id: "3067d5e6ab8d".into(),
            by: Some("王五".into()),
            percent: Some(50),
            source: Some("市财政局-第2期台账.xlsx".into()),
            ..Update::new("2", "sczj", at, taizhang::ledger::Status::InProgress)
        };
        let ledger = Ledger::from_updates("d".into(), vec![u.clone()]);
        assert_eq!(
            line(&ledger, &u, Lang::Zh),
            "2022-09-05 12:00 推进中 50% · 王五 · 3067d5e6 · 来自 市财政局-第2期台账.xlsx"
        );
        assert!(line(&ledger, &u, Lang::En).ends_with(" · from 市财政局-第2期台账.xlsx"));
    }
}
