//! The edit form: the task's text (scrollable), status and percent on one line each, then the
//! multi-line text fields, each with a mark in its title when its text goes on above or below
//! what shows. The terminal cursor is put on the focused field's insertion point, cell-exact
//! for wide characters, so an input method's candidate window opens in the right place. Where
//! each part is drawn is kept for the mouse.

mod task;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::TextArea;
use taizhang::text::{sanitize, truncate, width, wrap};

use crate::tui::app::App;
use crate::tui::form::{AT_GAP, Field, Form, TEXTS, screen_rows};
use crate::tui::text::{T, colon, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(form) = app.form.as_ref() else { return };
    let lang = app.lang;
    let task = app.plan.task(&form.task);
    let heading = task.map(|t| t.topic.clone().unwrap_or_else(|| t.content.clone())).unwrap_or_default();
    let what = match &form.corrects {
        Some(id) => format!("{} {}", t(lang, T::Correcting), crate::tui::text::short(id)),
        None => t(lang, T::Form).to_string(),
    };
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {what} · {} {} ",
        form.task,
        truncate(&sanitize(&heading), 40)
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let task_lines = task::lines(app, form, usize::from(inner.width));
    // Why the last save failed, over as many as three lines.
    let error_text = form.error.as_deref().map(sanitize).unwrap_or_default();
    let error_lines: Vec<&str> =
        if error_text.is_empty() { Vec::new() } else { wrap(&error_text, usize::from(inner.width)) };
    let error_h = u16::try_from(error_lines.len().min(3)).unwrap_or(3);
    let [summary, status, percent, error, texts] = inner.layout(&Layout::vertical([
        Constraint::Length(task::height(task_lines.len(), inner.height)),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(error_h),
        Constraint::Min(4),
    ]));
    task::draw(frame, app, form, task_lines, summary);
    form.drawn.status.set(status);
    form.drawn.percent.set(percent);
    frame.render_widget(status_line(form, lang), status);
    frame.render_widget(percent_line(form, lang), percent);
    let red = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
    let error_lines: Vec<Line> = error_lines.into_iter().map(|l| Line::from(l.trim_end().to_string())).collect();
    frame.render_widget(Paragraph::new(error_lines).style(red), error);
    let rects: [Rect; 4] = texts.layout(&Layout::vertical([
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(2),
    ]));
    for (k, (field, rect)) in TEXTS.into_iter().zip(rects).enumerate() {
        form.drawn.texts[k].set(rect);
        text_field(frame, form, field, rect, lang);
    }
    let cell = match form.focus {
        Field::Percent => Some(width(&format!("{}{}{}", t(lang, T::Percent), colon(lang), form.percent))),
        Field::At => Some(form.at_column(lang) + width(&format!("{}{}{}", t(lang, T::At), colon(lang), form.at))),
        _ => None,
    };
    if let Some(cells) = cell {
        let x = percent.x + u16::try_from(cells).unwrap_or(u16::MAX);
        frame.set_cursor_position(Position { x: x.min(percent.right().saturating_sub(1)), y: percent.y });
    }
}

/// One text field: its title (with the evidence's hint), its text, and on the right of the
/// title how many of its lines are out of view above and below.
fn text_field(frame: &mut Frame, form: &Form, field: Field, rect: Rect, lang: taizhang::Lang) {
    let Some(text) = form.text(field) else { return };
    let label = match field {
        Field::Note => T::Note,
        Field::Problems => T::Problems,
        Field::Next => T::Next,
        _ => T::Evidence,
    };
    let focused = form.focus == field;
    let hint = if field == Field::Evidence {
        format!("{}{}{}", lang.pick("（", " ("), t(lang, T::EvidenceHint), lang.pick("）", ")"))
    } else {
        String::new()
    };
    let style =
        if focused { Style::default().fg(Color::Yellow).add_modifier(Modifier::BOLD) } else { Style::default() };
    let inner = Block::default().borders(Borders::TOP).inner(rect);
    // Without focus the field is laid out by the shared line breaker (the Chinese rules).
    let (top, below) = if focused {
        frame.render_widget(text, inner);
        let top = usize::from(text.scroll_offset().0);
        (top, screen_rows(text).saturating_sub(top + usize::from(inner.height)))
    } else {
        // Drawn first all the same, so that the text area's scroll and map of screen lines (which
        // clicks and the wheel go by) follow this field as they would if it showed.
        frame.render_widget(text, inner);
        frame.render_widget(Clear, inner);
        let (lines, above, below) = super::wrapped::field(text, inner);
        frame.render_widget(lines, inner);
        (above, below)
    };
    let marks = crate::tui::text::hidden_lines(lang, top, below);
    let mut block =
        Block::default().borders(Borders::TOP).title(Span::styled(format!(" {}{hint} ", t(lang, label)), style));
    if !marks.is_empty() {
        let mark = Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        block = block.title(Line::from(Span::styled(format!(" {marks} "), mark)).right_aligned());
    }
    frame.render_widget(block, rect);
    if focused {
        frame.set_cursor_position(cursor(text, inner));
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
    let spans: Vec<Span> = form
        .status_parts(lang)
        .into_iter()
        .enumerate()
        .map(|(n, (choice, text))| {
            let style = match choice {
                Some(s) if Some(s) == form.status && focused => {
                    Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
                }
                Some(s) if Some(s) == form.status => {
                    Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                }
                Some(_) => Style::default().fg(Color::DarkGray),
                None if n == 1 && form.status.is_none() => Style::default().fg(Color::Yellow),
                None => Style::default(),
            };
            Span::styled(text, style)
        })
        .collect();
    Paragraph::new(Line::from(spans))
}

/// 完成% and 填报时间 share a line (a correction keeps the corrected record's time: no 填报时间).
fn percent_line(form: &Form, lang: taizhang::Lang) -> Paragraph<'static> {
    let focused = form.focus == Field::Percent;
    let dim = Style::default().fg(Color::DarkGray);
    let mut spans = vec![
        Span::raw(format!("{}{}", t(lang, T::Percent), colon(lang))),
        Span::styled(form.shown_percent(), focus_style(focused)),
        Span::raw(AT_GAP),
    ];
    if form.corrects.is_none() {
        let at_focused = form.focus == Field::At;
        spans.push(Span::raw(format!("{}{}", t(lang, T::At), colon(lang))));
        if form.at.is_empty() && !at_focused {
            spans.push(Span::styled(t(lang, T::AtNow), dim));
        } else {
            spans.push(Span::styled(form.at.clone(), focus_style(at_focused)));
        }
        if at_focused {
            spans.push(Span::styled(format!("  {}", t(lang, T::AtHint)), dim));
        }
    }
    if focused {
        spans.push(Span::styled("  ↑↓ ±10", dim));
    }
    Paragraph::new(Line::from(spans))
}
