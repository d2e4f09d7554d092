//! The task's text above the form's fields: 具体内容, 工作要求, 量化指标 and the deadline with
//! the days left, each label before its text, broken at the width by `view::wrapped`.
//! It takes up to a fifth of the form; when it is longer, a line under it says how much is
//! above and below and how to scroll it (Alt-↑/↓, the wheel).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use taizhang::plan::Task;
use taizhang::report::Row;
use taizhang::text::sanitize;

use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::text::{T, colon, t};

/// The task's lines, wrapped at `width`.
pub fn lines(app: &App, form: &Form, width: usize) -> Vec<Line<'static>> {
    let Some(task) = app.plan.task(&form.task) else { return Vec::new() };
    let row = app.rows().iter().find(|r| r.task == form.task && r.unit == form.unit);
    let mut out = Vec::new();
    labelled(&mut out, app, T::Content, Some(&task.content));
    labelled(&mut out, app, T::Requirement, task.requirement.as_ref());
    labelled(&mut out, app, T::Indicator, task.indicator.as_ref());
    deadline(&mut out, app, task, row);
    super::super::wrapped::all(out, width)
}

/// How many lines the block takes in a form `inner_height` tall, with its scroll line.
pub fn height(lines: usize, inner_height: u16) -> u16 {
    let most = usize::from((inner_height / 5).max(2));
    let shown = lines.min(most);
    u16::try_from(shown + usize::from(lines > shown)).unwrap_or(u16::MAX)
}

/// Draws `lines` in `area` from the form's scroll position, with the scroll line when they do
/// not all fit; keeps where it was drawn and how far it can scroll.
pub fn draw(frame: &mut Frame, app: &App, form: &Form, lines: Vec<Line<'static>>, area: Rect) {
    let fits = lines.len() <= usize::from(area.height);
    let block = if fits { Block::default() } else { Block::default().borders(Borders::BOTTOM) };
    let inner = block.inner(area);
    let room = lines.len().saturating_sub(usize::from(inner.height));
    form.drawn.task.set(area);
    form.drawn.task_room.set(room);
    let scroll = form.task_scroll.min(room);
    let below = room - scroll;
    let block = if fits {
        block
    } else {
        let dim = Style::default().fg(Color::DarkGray);
        let marks = crate::tui::text::hidden_lines(app.lang, scroll, below);
        block.border_style(dim).title_bottom(Span::styled(format!(" {marks} · {} ", t(app.lang, T::TaskMore)), dim))
    };
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(usize::from(inner.height)).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

fn bold(s: String) -> Span<'static> {
    Span::styled(s, Style::default().add_modifier(Modifier::BOLD))
}

/// "具体内容：…" with the rest of a multi-line text on lines of its own.
fn labelled(out: &mut Vec<Line<'static>>, app: &App, label: T, value: Option<&String>) {
    let Some(value) = value else { return };
    let mut parts = value.split('\n');
    let first = sanitize(parts.next().unwrap_or_default());
    out.push(Line::from(vec![bold(format!("{}{}", t(app.lang, label), colon(app.lang))), Span::raw(first)]));
    out.extend(parts.map(|p| Line::from(sanitize(p))));
}

/// "完成时限：2022年10月底前（截止 2022-10-31，还有 26 天）" and the clauses that bind other
/// units or parts, indented.
fn deadline(out: &mut Vec<Line<'static>>, app: &App, task: &Task, row: Option<&Row>) {
    let lang = app.lang;
    let phrase = task.deadline_text.as_deref().map(sanitize).unwrap_or_default();
    let due = row.and_then(|r| {
        let closed = r.status.is_some_and(taizhang::ledger::Status::is_closed);
        r.due.map(|d| crate::tui::text::standing::due(lang, d, r.days_left, closed))
    });
    if phrase.is_empty() && due.is_none() {
        return;
    }
    let mut spans = vec![bold(format!("{}{}", t(lang, T::Deadline), colon(lang))), Span::raw(phrase.clone())];
    if let Some(due) = due {
        let sep = if phrase.is_empty() { "" } else { "  " };
        spans.push(Span::styled(format!("{sep}{due}"), Style::default().add_modifier(Modifier::ITALIC)));
    }
    out.push(Line::from(spans));
    for c in &task.clauses {
        let units: Vec<&str> = c.units.iter().map(|&u| app.plan.target_name(u)).collect();
        let phrase = c.deadline_text.clone().or_else(|| c.due_override.map(|d| d.to_string())).unwrap_or_default();
        let line = format!("  {phrase}{}{}", colon(lang), units.join(lang.list_sep()));
        out.push(Line::from(sanitize(&line)));
    }
}
