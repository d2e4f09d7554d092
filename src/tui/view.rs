//! Drawing: everything on screen is computed from `&App`. The frame is split into a title line,
//! the main area (picker, list and detail, or the form) and a status bar with key hints.

mod detail;
mod form;
mod help;
mod lead;
mod list;
mod matrix;
mod popup;
mod records;
mod wrapped;

#[cfg(test)]
pub use help::layout as help_layout;

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
        help::draw(frame, app, frame.area());
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
    Paragraph::new(status_line(app, width)).style(Style::default().add_modifier(Modifier::REVERSED))
}

/// One part of the status bar: its text and style, and how readily it gives way when the bar is
/// too narrow (higher first; 0 never, 1 is shortened instead).
struct Part(String, Style, u8);

/// The status bar's line, at most `width` cells: the save state, a message (what was just
/// saved, or why not), what is owed this period, today, the next report date and the unit;
/// on a narrow screen the unit goes first, then today, the report date and what is owed, and
/// last the message is shortened with "…".
pub(crate) fn status_line(app: &App, width: u16) -> Line<'static> {
    let lang = app.lang;
    let unit = app.unit.map(|u| sanitize(&app.plan.units[u].name)).unwrap_or_default();
    // The lead view records nothing (a unit opened from it is read-only): no save state.
    let state = match app.mode {
        Mode::Lead | Mode::Export | Mode::Matrix | Mode::Task => None,
        _ if app.readonly => Some(crate::tui::text::lead::viewing(lang)),
        _ => app.save_state(),
    };
    let mut parts: Vec<Part> = Vec::new();
    if let Some(state) = state {
        parts.push(Part(state.to_string(), Style::default().add_modifier(Modifier::BOLD), 0));
    }
    if let Some(m) = &app.message {
        parts.push(Part(sanitize(m), Style::default().fg(Color::Yellow), 1));
    }
    if let Some(owed) = owed(app) {
        parts.push(Part(owed, Style::default(), 2));
    }
    parts.push(Part(format!("{} {}", t(lang, T::Today), app.today()), Style::default(), 4));
    parts.push(Part(next_due(app), Style::default(), 3));
    // Last, as the title shows it too.
    if !unit.is_empty() {
        parts.push(Part(unit, Style::default(), 5));
    }
    let width = usize::from(width);
    // Each part is drawn as "│ text " (the first as " text ").
    let used = |parts: &[Part]| parts.iter().map(|p| taizhang::text::width(&p.0) + 3).sum::<usize>().saturating_sub(1);
    while used(&parts) > width {
        let Some(i) = (0..parts.len()).filter(|&i| parts[i].2 >= 2).max_by_key(|&i| parts[i].2) else { break };
        parts.remove(i);
    }
    let over = used(&parts).saturating_sub(width);
    if over > 0
        && let Some(p) = parts.iter_mut().find(|p| p.2 == 1)
    {
        let keep = taizhang::text::width(&p.0).saturating_sub(over).max(1);
        p.0 = taizhang::text::truncate(&p.0, keep);
    }
    let spans: Vec<Span> = parts
        .into_iter()
        .enumerate()
        .map(|(i, Part(text, style, _))| Span::styled(format!("{}{text} ", if i == 0 { " " } else { "│ " }), style))
        .collect();
    let line = Line::from(spans);
    if line.width() <= width {
        return line;
    }
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    Line::from(taizhang::text::truncate(&text, width))
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
        Mode::Form => {
            crate::tui::text::form_keys(lang, app.form.as_ref().map_or(crate::tui::form::Field::Note, |f| f.focus))
                .into()
        }
        Mode::Discard => t(lang, T::Discard).into(),
        Mode::Conflict => t(lang, T::ConflictHint).into(),
        Mode::Restore => t(lang, T::DraftHint).into(),
        Mode::Records if app.readonly => crate::tui::text::lead::records_keys(lang).into(),
        Mode::Records => t(lang, T::RecordsHint).into(),
        Mode::NoChange | Mode::Withdraw => t(lang, T::ConfirmKeys).into(),
    };
    Paragraph::new(format!(" {text}")).style(Style::default().fg(Color::DarkGray))
}
