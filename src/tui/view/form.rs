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
        if focused {
            frame.render_widget(area_text, inner);
            frame.set_cursor_position(cursor(area_text, inner));
        } else {
            frame.render_widget(super::wrapped::field(area_text, usize::from(inner.width)), inner);
        }
    }
    let cell = match form.focus {
        Field::Percent => Some(width(&format!("{}：{}", t(lang, T::Percent), form.percent))),
        Field::At => Some(
            width(&format!("{}：{}{}", t(lang, T::Percent), shown_percent(form), AT_GAP))
                + width(&format!("{}：{}", t(lang, T::At), form.at)),
        ),
        _ => None,
    };
    if let Some(cells) = cell {
        let x = percent.x + u16::try_from(cells).unwrap_or(u16::MAX);
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
    if form.status.is_none() {
        spans.push(Span::styled(format!("{} ", t(lang, T::ChooseStatus)), Style::default().fg(Color::Yellow)));
    }
    for s in Status::ALL {
        let chosen = Some(s) == form.status;
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

/// Between the percent and 填报时间 on their shared line.
const AT_GAP: &str = "    ";

fn shown_percent(form: &Form) -> String {
    if form.percent.is_empty() && form.focus != Field::Percent { "—".to_string() } else { form.percent.clone() }
}

/// 完成% and 填报时间 share a line (a correction keeps the corrected record's time: no 填报时间).
fn percent_line(form: &Form, lang: taizhang::Lang) -> Paragraph<'static> {
    let focused = form.focus == Field::Percent;
    let dim = Style::default().fg(Color::DarkGray);
    let mut spans = vec![
        Span::raw(format!("{}：", t(lang, T::Percent))),
        Span::styled(shown_percent(form), focus_style(focused)),
        Span::raw(AT_GAP),
    ];
    if form.corrects.is_none() {
        let at_focused = form.focus == Field::At;
        spans.push(Span::raw(format!("{}：", t(lang, T::At))));
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
