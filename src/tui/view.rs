//! Drawing: everything on screen is computed from `&App`. The frame is split into a title line,
//! the main area (picker, list and detail, or the form) and a status bar with key hints.

mod detail;
mod form;
mod lead;
mod list;
mod matrix;
mod popup;
mod records;
mod wrapped;

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use taizhang::period::Standing;
use taizhang::text::sanitize;

use super::app::{App, Mode};
use super::text::{T, t};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let [top, main, status, keys] = frame.area().layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    frame.render_widget(title(app), top);
    match app.mode {
        // The format chooser for a unit's report, over its list.
        Mode::Export if app.unit.is_some() => browse(frame, app, main),
        Mode::Lead | Mode::Export => lead::draw(frame, app, main),
        Mode::Matrix | Mode::Task => matrix::draw(frame, app, main),
        Mode::Picker => popup::picker(frame, app, main),
        Mode::Records if app.unit.is_none() => matrix::draw(frame, app, main),
        Mode::List | Mode::NoChange | Mode::Records | Mode::Withdraw => browse(frame, app, main),
        Mode::Form | Mode::Discard | Mode::Conflict | Mode::Restore => form::draw(frame, app, main),
    }
    frame.render_widget(status_bar(app, status.width), status);
    frame.render_widget(key_hints(app), keys);
    match app.mode {
        Mode::Discard => popup::discard(frame, app, main),
        Mode::Conflict => popup::conflict(frame, app, main),
        Mode::Restore => popup::restore(frame, app, main),
        Mode::Records => records::popup(frame, app, main),
        Mode::Export => lead::export(frame, app.lang, app.unit.is_some(), main),
        Mode::Task => matrix::task(frame, app, main),
        Mode::NoChange => records::prompt(frame, app, main),
        Mode::Withdraw => {
            records::popup(frame, app, main);
            records::prompt(frame, app, main);
        }
        _ => {}
    }
    if app.help {
        popup::help(frame, app, frame.area());
    }
}

/// List and detail: side by side on wide terminals, stacked on narrow ones.
fn browse(frame: &mut Frame, app: &App, area: Rect) {
    if area.width >= 120 {
        let [l, d] = area.layout(&Layout::horizontal([Constraint::Percentage(64), Constraint::Percentage(36)]));
        list::draw(frame, app, l);
        detail::draw(frame, app, d);
    } else {
        let detail_height = (area.height / 2).clamp(5, 12);
        let [l, d] = area.layout(&Layout::vertical([Constraint::Min(4), Constraint::Length(detail_height)]));
        list::draw(frame, app, l);
        detail::draw(frame, app, d);
    }
}

fn title(app: &App) -> Paragraph<'static> {
    let unit = match (app.unit, app.mode) {
        (Some(u), _) => app.plan.units[u].name.clone(),
        (None, Mode::Lead | Mode::Export | Mode::Matrix | Mode::Task | Mode::Records) => {
            crate::tui::text::lead::title(app.lang).to_string()
        }
        (None, _) => t(app.lang, T::PickUnit).to_string(),
    };
    let text = format!(" {} · {}", sanitize(&app.plan.meta.title), sanitize(&unit));
    Paragraph::new(text).style(Style::default().add_modifier(Modifier::BOLD).bg(Color::Blue).fg(Color::White))
}

/// "距6月10日报送还有12天" for the period due next.
fn next_due(app: &App) -> String {
    let lang = app.lang;
    let Some(p) = app.period() else { return String::new() };
    match p.standing(app.today()) {
        Standing::Current { days_left } | Standing::Upcoming { days_left } => {
            crate::tui::text::next_due(lang, p.due.month(), p.due.day(), days_left)
        }
        Standing::Closed { .. } => t(lang, T::AllDone).to_string(),
    }
}

/// "本期还有 N 项待报" / "本期已全部填报" once the unit's rows are in (not in the lead view).
fn owed(app: &App) -> Option<String> {
    if matches!(app.mode, Mode::Lead | Mode::Matrix | Mode::Task | Mode::Picker) || app.unit.is_none() {
        return None;
    }
    let n = app.report.as_ref()?.rows.iter().filter(|r| super::standing::owed(r)).count();
    Some(crate::tui::text::standing::owed_count(app.lang, n))
}

fn status_bar(app: &App, width: u16) -> Paragraph<'static> {
    let lang = app.lang;
    let unit = app.unit.map(|u| sanitize(&app.plan.units[u].name)).unwrap_or_default();
    // The lead view records nothing (a unit opened from it is read-only): no save state.
    let state = match app.mode {
        Mode::Lead | Mode::Export | Mode::Matrix | Mode::Task => None,
        _ if app.readonly => Some(crate::tui::text::lead::viewing(lang)),
        _ => app.save_state(),
    };
    let mut parts: Vec<(String, Style)> = Vec::new();
    if let Some(state) = state {
        parts.push((state.to_string(), Style::default().add_modifier(Modifier::BOLD)));
    }
    // A message (what was just saved, or why not) comes first: on a narrow screen the rest is cut.
    if let Some(m) = &app.message {
        parts.push((sanitize(m), Style::default().fg(Color::Yellow)));
    }
    if let Some(owed) = owed(app) {
        parts.push((owed, Style::default()));
    }
    parts.push((format!("{} {} │ {}", t(lang, T::Today), app.today(), next_due(app)), Style::default()));
    // Last, as the title shows it too, and only when it fits whole.
    let used: usize = parts.iter().map(|(text, _)| taizhang::text::width(text) + 3).sum();
    if !unit.is_empty() && used + taizhang::text::width(&unit) + 2 <= usize::from(width) {
        parts.push((unit, Style::default()));
    }
    let spans: Vec<Span> = parts
        .into_iter()
        .enumerate()
        .map(|(i, (text, style))| Span::styled(format!("{}{text} ", if i == 0 { " " } else { "│ " }), style))
        .collect();
    Paragraph::new(Line::from(spans)).style(Style::default().add_modifier(Modifier::REVERSED))
}

fn key_hints(app: &App) -> Paragraph<'static> {
    let lang = app.lang;
    let text: std::borrow::Cow<str> = match app.mode {
        Mode::Lead => crate::tui::text::lead::keys(lang).into(),
        Mode::Export => crate::tui::text::lead::export_keys(lang, app.unit.is_some()).into(),
        Mode::Matrix => crate::tui::text::lead::matrix_keys(lang).into(),
        Mode::Task => crate::tui::text::lead::task_keys(lang).into(),
        Mode::Picker => t(lang, T::PickHint).into(),
        Mode::List if app.readonly => crate::tui::text::lead::read_only_keys(lang).into(),
        Mode::List => t(lang, T::ListKeys).into(),
        Mode::Form => t(lang, T::FormKeys).into(),
        Mode::Discard => t(lang, T::Discard).into(),
        Mode::Conflict => t(lang, T::ConflictHint).into(),
        Mode::Restore => t(lang, T::DraftHint).into(),
        Mode::Records if app.readonly => crate::tui::text::lead::records_keys(lang).into(),
        Mode::Records => t(lang, T::RecordsHint).into(),
        Mode::NoChange | Mode::Withdraw => t(lang, T::ConfirmKeys).into(),
    };
    Paragraph::new(format!(" {text}")).style(Style::default().fg(Color::DarkGray))
}
