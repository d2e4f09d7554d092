//! The detail pane: the selected task's full text, every unit on it with its status, and this
//! unit's history for the task.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use taizhang::report::labels;
use taizhang::text::sanitize;

use crate::tui::app::{App, Others};
use crate::tui::text::{T, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let block = Block::default().borders(Borders::ALL).title(format!(" {} ", t(app.lang, T::Detail)));
    let lines =
        app.list.selected_row().and_then(|i| app.rows().get(i)).map(|r| lines(app, &r.task)).unwrap_or_default();
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), area);
}

fn bold(s: String) -> Span<'static> {
    Span::styled(s, Style::default().add_modifier(Modifier::BOLD))
}

/// Multi-line text from a file, each line cleaned of control characters.
fn text(s: &str) -> Vec<Line<'static>> {
    s.split('\n').map(|l| Line::from(sanitize(l))).collect()
}

fn lines(app: &App, task_id: &str) -> Vec<Line<'static>> {
    let lang = app.lang;
    let Some(task) = app.plan.task(task_id) else { return Vec::new() };
    let mut out = Vec::new();
    let head = match &task.topic {
        Some(topic) => format!("{}  {}", task.id, topic),
        None => task.id.clone(),
    };
    out.push(Line::from(bold(sanitize(&head))));
    let mut field = |key: T, value: Option<&String>| {
        if let Some(v) = value {
            out.push(Line::from(bold(format!("{}：", t(lang, key)))));
            out.extend(text(v));
        }
    };
    field(T::Content, Some(&task.content));
    field(T::Requirement, task.requirement.as_ref());
    field(T::Indicator, task.indicator.as_ref());
    field(T::Deadline, task.deadline_text.as_ref());
    out.push(Line::from(bold(format!("{}：", t(lang, T::Units)))));
    for a in &task.assignees {
        let unit = &app.plan.units[a.unit];
        let state = if app.unreadable.iter().any(|(u, _)| *u == a.unit) || !app.has_records_of(a.unit) {
            let why = if app.others == Others::Reading { T::Reading } else { T::Unreadable };
            t(lang, why).to_string()
        } else {
            let latest = app.ledger.as_of(&task.id, &unit.id, app.now);
            let pct = latest.and_then(|u| u.percent).map(|p| format!(" {p}%")).unwrap_or_default();
            format!("{}{pct}", labels::status(latest.map(|u| u.status), lang))
        };
        let role = match a.role {
            taizhang::plan::Role::Lead => format!("（{}）", t(lang, T::Lead)),
            taizhang::plan::Role::Responsible => String::new(),
        };
        out.push(Line::from(format!("  {}{role}：{state}", sanitize(&unit.name))));
    }
    out.push(Line::from(bold(format!("{}：", t(lang, T::History)))));
    let unit_id = app.unit.map(|u| app.plan.units[u].id.as_str()).unwrap_or_default();
    // Every record as of now, newest first: updates, confirmations, corrections, withdrawals.
    let trail: Vec<_> = app.ledger.trail(&task.id, unit_id).into_iter().filter(|u| u.at <= app.now).collect();
    if trail.is_empty() {
        out.push(Line::from(format!("  {}", t(lang, T::NoHistory))));
    }
    for u in trail.iter().rev() {
        out.push(Line::from(format!("  {}", super::records::line(&app.ledger, u, lang))));
        for (label, v) in [(T::Note, &u.note), (T::Problems, &u.problems), (T::Next, &u.next)] {
            if let Some(v) = v {
                out.push(Line::from(format!("    {}：{}", t(lang, label), sanitize(v))));
            }
        }
        for e in &u.evidence {
            out.push(Line::from(format!("    {}：{}", t(lang, T::Evidence), sanitize(e))));
        }
    }
    out
}
