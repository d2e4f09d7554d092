//! The lead view's matrix: tasks down, units (in ranking order, numbered) across, one glyph per
//! assignment, readable without colour. The task column and the units' header row stay put
//! while the rest scrolls to keep the cursor in view; only the visible cells are built. Above
//! it, what the cursor is on; below, the legend.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use taizhang::Plan;
use taizhang::ledger::Status;
use taizhang::report::{Report, TaskUnit, labels};
use taizhang::text::{pad, pad_left, sanitize, truncate};

use crate::tui::app::App;
use crate::tui::lead::Lead;
use crate::tui::text::lead as words;

/// Cells per unit column.
const COL: usize = 3;
/// Cells of the task column: the number and the start of its name.
const TASK: usize = 20;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(lead) = app.lead.as_ref() else { return };
    let Some(report) = &lead.report else {
        frame.render_widget(Paragraph::new(super::lead::waiting_text(app, lead)), area);
        return;
    };
    let lang = app.lang;
    let [about, grid, legend] =
        area.layout(&Layout::vertical([Constraint::Length(2), Constraint::Min(2), Constraint::Length(1)]));
    frame.render_widget(Paragraph::new(about_lines(app, lead, report)), about);
    frame.render_widget(Paragraph::new(grid_lines(&app.plan, lead, report, grid)), grid);
    frame.render_widget(
        Paragraph::new(format!(" {}", words::legend(lang))).style(Style::default().fg(Color::DarkGray)),
        legend,
    );
}

/// The period, and what the cursor is on: a unit, or a task and a unit with its state.
fn about_lines(app: &App, lead: &Lead, r: &Report) -> Vec<Line<'static>> {
    let lang = app.lang;
    let period = lead.period().map(|p| words::period_line(lang, &p, lead.periods.len(), app.today()));
    let head = format!(" {} · {}", period.unwrap_or_default(), words::as_of(lang, r.head.as_of_date));
    let unit = lead.cell.1.checked_sub(1).and_then(|j| r.summary.units.get(j).map(|u| (j, u)));
    let task = lead.cell.0.checked_sub(1).and_then(|i| r.summary.tasks.get(i).map(|t| (i, t)));
    let task_name = |id: &str| {
        app.plan.task(id).map(|task| sanitize(task.topic.as_deref().unwrap_or(&task.content))).unwrap_or_default()
    };
    let on = match (task, unit) {
        (None, Some((_, u))) => words::on_unit(lang, &sanitize(&u.name)),
        (Some((_, t)), None) => words::on_task(lang, &sanitize(&t.id), &task_name(&t.id)),
        (Some((i, t)), Some((j, u))) => {
            let s = state_of(r, i, j);
            let state = s.map_or(words::not_assigned(lang), |s| words::cell(lang, s));
            // The unit's role on the task when it leads or assists: "市财政局（配合）".
            let name = format!("{}{}", sanitize(&u.name), s.map_or("", |s| labels::role_mark(s.role, lang)));
            words::on_cell(lang, &sanitize(&t.id), &task_name(&t.id), &name, state)
        }
        (None, None) => String::new(),
    };
    vec![Line::styled(head, Style::default().add_modifier(Modifier::BOLD)), Line::raw(format!(" {on}"))]
}

/// Task `task`'s state for the unit in ranking line `line`, if it is one of its units.
fn state_of(r: &Report, task: usize, line: usize) -> Option<TaskUnit> {
    let t = r.summary.tasks.get(task)?;
    r.summary.states.get(t.units.clone())?.iter().find(|s| s.line as usize == line).copied()
}

/// The header row and the visible task rows, scrolled so the cursor shows.
fn grid_lines(plan: &Plan, lead: &Lead, r: &Report, area: Rect) -> Vec<Line<'static>> {
    let (w, h) = (usize::from(area.width), usize::from(area.height));
    let columns = (w.saturating_sub(TASK) / COL).max(1);
    let first_col = lead.cell.1.max(1).saturating_sub(columns);
    let units = first_col..(first_col + columns).min(r.summary.units.len());
    let rows = h.saturating_sub(1).max(1);
    let row = lead.cell.0.saturating_sub(1);
    let first_row = (row + 1).saturating_sub(rows);
    let cursor = Style::default().add_modifier(Modifier::REVERSED);
    let mut header = vec![Span::raw(pad(&format!(" {}", words::task_column()), TASK))];
    header.extend(units.clone().map(|j| {
        let rank = r.summary.units.get(j).map_or(0, |u| u.rank);
        let style = if lead.cell == (0, j + 1) { cursor } else { Style::default().add_modifier(Modifier::BOLD) };
        Span::styled(pad_left(&rank.to_string(), COL), style)
    }));
    let mut lines = vec![Line::from(header)];
    for i in first_row..(first_row + rows).min(r.summary.tasks.len()) {
        let t = &r.summary.tasks[i];
        let name = plan.task(&t.id).map(|task| task.topic.as_deref().unwrap_or(&task.content)).unwrap_or_default();
        let head = format!(" {} {}", pad(&sanitize(&t.id), 3), sanitize(name));
        let style = if lead.cell == (i + 1, 0) { cursor } else { Style::default() };
        let mut spans = vec![Span::styled(pad(&truncate(&head, TASK - 1), TASK - 1), style), Span::raw(" ")];
        let states = r.summary.states.get(t.units.clone()).unwrap_or_default();
        spans.extend(units.clone().map(|j| {
            let glyph = states.iter().find(|s| s.line as usize == j).map_or("·", |s| glyph(*s));
            let style = if lead.cell == (i + 1, j + 1) { cursor } else { colour(glyph) };
            Span::styled(pad_left(glyph, COL - 1) + " ", style)
        }));
        lines.push(Line::from(spans));
    }
    lines
}

/// The glyph of a unit's state on a task, distinct without colour.
pub fn glyph(s: TaskUnit) -> &'static str {
    match s.status {
        Some(Status::Done) => "✓",
        _ if s.overdue => "✗",
        Some(Status::Blocked) => "!",
        Some(Status::Na) => "–",
        Some(Status::InProgress | Status::Ongoing) => "◐",
        Some(Status::NotStarted) | None => "○",
    }
}

fn colour(glyph: &str) -> Style {
    match glyph {
        "✓" => Style::default().fg(Color::Green),
        "✗" => Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        "!" => Style::default().fg(Color::Yellow),
        "·" | "–" => Style::default().fg(Color::DarkGray),
        _ => Style::default(),
    }
}

/// Over the matrix (`t`): the task's text and every unit on it with its state as of the shown
/// report date, scrolled by ↑/↓; only the lines that fit are built.
pub fn task(frame: &mut Frame, app: &App, area: Rect) {
    let Some((lead, r)) = app.lead.as_ref().and_then(|l| Some((l, l.report.as_ref()?))) else { return };
    let Some(i) = lead.cell.0.checked_sub(1) else { return };
    let (Some(line), Some(task)) = (r.summary.tasks.get(i), r.summary.tasks.get(i).and_then(|t| app.plan.task(&t.id)))
    else {
        return;
    };
    let lang = app.lang;
    let rect = super::popup::centered(area, area.width.saturating_sub(4).min(100), area.height.saturating_sub(2));
    let inner_w = usize::from(rect.width.saturating_sub(2));
    let rows = usize::from(rect.height.saturating_sub(2));
    let states = r.summary.states.get(line.units.clone()).unwrap_or_default();
    let mut lines: Vec<Line> = Vec::new();
    let name = task.topic.as_deref().map(|t| format!("{t}：")).unwrap_or_default();
    for part in taizhang::text::wrap(&sanitize(&format!("{name}{}", task.content)), inner_w) {
        lines.push(Line::styled(part.to_string(), Style::default().add_modifier(Modifier::BOLD)));
    }
    let room = rows.saturating_sub(lines.len());
    let first = lead.task_scroll.min(states.len().saturating_sub(room));
    for s in states.iter().skip(first).take(room) {
        let Some(u) = r.summary.units.get(s.line as usize) else { continue };
        let role = labels::role_mark(s.role, lang);
        let text = format!(
            " {} {}{role}{}{}",
            glyph(*s),
            sanitize(&u.name),
            crate::tui::text::colon(lang),
            words::cell(lang, *s)
        );
        lines.push(Line::styled(truncate(&text, inner_w), colour(glyph(*s))));
    }
    super::popup::clear(frame, rect);
    let title = format!(" {} ", words::task_title(lang, &sanitize(&line.id), r.head.as_of_date));
    let block = ratatui::widgets::Block::default().borders(ratatui::widgets::Borders::ALL).title(title);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
