//! The edit form: status and percent on one line each, then the multi-line text fields. The
//! terminal cursor is put on the focused field's insertion point, cell-exact for wide
//! characters, so an input method's candidate window opens in the right place.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui_textarea::TextArea;
use taizhang::ledger::Status;
use taizhang::text::{sanitize, truncate, width};

use crate::tui::app::App;
use crate::tui::form::{Field, Form};
use crate::tui::text::{T, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(form) = app.form.as_ref() else { return };
    let lang = app.lang;
    let task = app.plan.task(&form.task);
    let heading = task.map(|t| t.topic.clone().unwrap_or_else(|| t.content.clone())).unwrap_or_default();
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {} · {} {} ",
        t(lang, T::Form),
        form.task,
        truncate(&sanitize(&heading), 40)
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let error_h = u16::from(form.error.is_some());
    let [summary, status, percent, error, texts] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(error_h),
        Constraint::Min(4),
    ]));
    let content = task.map(|t| sanitize(&t.content)).unwrap_or_default();
    frame.render_widget(
        Paragraph::new(truncate(&content, usize::from(summary.width))).style(Style::default().fg(Color::DarkGray)),
        summary,
    );
    frame.render_widget(status_line(form, lang), status);
    frame.render_widget(percent_line(form, lang), percent);
    if let Some(e) = &form.error {
        frame.render_widget(
            Paragraph::new(sanitize(e)).style(Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)),
            error,
        );
    }
    let [note, problems, next, evidence] = texts.layout(&Layout::vertical([
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(2),
    ]));
    let fields = [
        (Field::Note, T::Note, &form.note, note),
        (Field::Problems, T::Problems, &form.problems, problems),
        (Field::Next, T::Next, &form.next, next),
        (Field::Evidence, T::Evidence, &form.evidence, evidence),
    ];
    for (field, label, area_text, rect) in fields {
        let focused = form.focus == field;
        let hint = if field == Field::Evidence { format!("（{}）", t(lang, T::EvidenceHint)) } else { String::new() };
        let style =
            if focused { Style::default().fg(Color::Yellow).add_modifier(Modifier::BOLD) } else { Style::default() };
        let block =
            Block::default().borders(Borders::TOP).title(Span::styled(format!(" {}{hint} ", t(lang, label)), style));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        frame.render_widget(area_text, inner);
        if focused {
            frame.set_cursor_position(cursor(area_text, inner));
        }
    }
    if form.focus == Field::Percent {
        let label = width(&format!("{}：", t(lang, T::Percent)));
        let x = percent.x + u16::try_from(label + form.percent.len()).unwrap_or(0);
        frame.set_cursor_position(Position { x: x.min(percent.right().saturating_sub(1)), y: percent.y });
    }
}

/// Where the insertion point of `text` is on screen, once it was drawn in `area`.
pub fn cursor(text: &TextArea, area: Rect) -> Position {
    let c = text.screen_cursor();
    let (top, left) = text.scroll_offset();
    let col = u16::try_from(c.col).unwrap_or(u16::MAX).saturating_sub(left);
    let row = u16::try_from(c.row).unwrap_or(u16::MAX).saturating_sub(top);
    Position {
        x: (area.x + col).min(area.right().saturating_sub(1)),
        y: (area.y + row).min(area.bottom().saturating_sub(1)),
    }
}

fn focus_style(focused: bool) -> Style {
    if focused { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default() }
}

fn status_line(form: &Form, lang: taizhang::Lang) -> Paragraph<'static> {
    let focused = form.focus == Field::Status;
    let mut spans = vec![Span::raw(format!("{}：", t(lang, T::Status)))];
    for s in Status::ALL {
        let chosen = s == form.status;
        let style = match (chosen, focused) {
            (true, true) => Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (true, false) => Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            _ => Style::default().fg(Color::DarkGray),
        };
        let mark = if chosen { "●" } else { "○" };
        spans.push(Span::styled(format!("{mark}{}", s.label(lang)), style));
        spans.push(Span::raw(" "));
    }
    Paragraph::new(Line::from(spans))
}

fn percent_line(form: &Form, lang: taizhang::Lang) -> Paragraph<'static> {
    let focused = form.focus == Field::Percent;
    let value = if form.percent.is_empty() && !focused { "—".to_string() } else { form.percent.clone() };
    Paragraph::new(Line::from(vec![
        Span::raw(format!("{}：", t(lang, T::Percent))),
        Span::styled(value, focus_style(focused)),
        Span::styled(if focused { "  ↑↓ ±10" } else { "" }, Style::default().fg(Color::DarkGray)),
    ]))
}
