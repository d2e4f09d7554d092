//! Screens and boxes drawn over the rest: the unit picker, the discard prompt, the conflict box
//! and the prompt offering a draft back.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use taizhang::ledger::Update;
use taizhang::text::{pad, sanitize, truncate, width};

use crate::tui::app::{App, Others};
use crate::tui::picker::Choice;
use crate::tui::text::{T, colon, t};

/// A box of `w` × `h` cells centred in `area` (clamped to it).
pub(super) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = area.layout(&Layout::vertical([Constraint::Length(h.min(area.height))]).flex(Flex::Center));
    let [cell] = row.layout(&Layout::horizontal([Constraint::Length(w.min(area.width))]).flex(Flex::Center));
    cell
}

/// Clears `rect` for a box drawn over the screen. A wide character just left of the box, whose
/// second cell the box covers, is blanked: left there, the terminal would be sent the character
/// and not the box's border after it (ratatui skips the cell a wide character covers), and the
/// border would stay missing until that cell changes again.
pub(super) fn clear(frame: &mut Frame, rect: Rect) {
    frame.render_widget(Clear, rect);
    let Some(x) = rect.x.checked_sub(1) else { return };
    let buf = frame.buffer_mut();
    for y in rect.top()..rect.bottom() {
        if let Some(cell) = buf.cell_mut(Position { x, y })
            && width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

pub fn picker(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let block = Block::default().borders(Borders::ALL).title(format!(" {} ", t(lang, T::PickUnit)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [query, list] = inner.layout(&Layout::vertical([Constraint::Length(1), Constraint::Min(1)]));
    let prompt = format!("> {}", sanitize(&app.picker.query));
    frame.render_widget(Paragraph::new(prompt.clone()), query);
    let x = query.x + u16::try_from(width(&prompt)).unwrap_or(0);
    frame.set_cursor_position(Position { x: x.min(query.right().saturating_sub(1)), y: query.y });
    if app.picker.matches.is_empty() {
        frame.render_widget(Paragraph::new(t(lang, T::NoMatch)), list);
        return;
    }
    let height = usize::from(list.height);
    let first = app.picker.selected.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = app.picker.matches[first..(first + height).min(app.picker.matches.len())]
        .iter()
        .enumerate()
        .map(|(k, Choice::Unit(u))| {
            let unit = &app.plan.units[*u];
            let n = app.picker.counts.get(*u).copied().unwrap_or(0);
            let state = match app.picker.owed.get(*u).copied().flatten() {
                Some(owed) => crate::tui::text::standing::owed_count(lang, owed),
                None if app.others == Others::Reading => t(lang, T::Reading).to_string(),
                None => t(lang, T::Unreadable).to_string(),
            };
            let count = pad(&crate::tui::text::count(lang, n), 9);
            let id = pad(&format!("({})", sanitize(&unit.id)), 12);
            let text = format!("{}  {id} {count} {state}", pad(&sanitize(&unit.name), 24));
            let style = if first + k == app.picker.selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            Line::from(Span::styled(truncate(&text, usize::from(list.width)), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

pub fn discard(frame: &mut Frame, app: &App, area: Rect) {
    let w = area.width.min(60);
    let lines = super::wrapped::all([Line::from(t(app.lang, T::Discard))], usize::from(w.saturating_sub(2)));
    let rect = centered(area, w, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    clear(frame, rect);
    frame.render_widget(Paragraph::new(lines).block(Block::default().borders(Borders::ALL)), rect);
}

fn describe(u: &Update, lang: taizhang::Lang) -> Vec<Line<'static>> {
    let pct = u.percent.map(|p| format!(" {p}%")).unwrap_or_default();
    let by = u.by.as_deref().map(|b| format!(" · {}", sanitize(b))).unwrap_or_default();
    let mut out = vec![Line::from(format!("{} {}{pct}{by}", u.at.format("%Y-%m-%d %H:%M"), u.status.label(lang)))];
    out.extend(says(u, lang));
    out
}

/// What an update says, a line each: "进展情况：…", "存在问题：…", "下步计划：…".
pub(super) fn says(u: &Update, lang: taizhang::Lang) -> Vec<Line<'static>> {
    let fields = [(T::Note, &u.note), (T::Problems, &u.problems), (T::Next, &u.next)];
    let said = fields.into_iter().filter_map(|(label, v)| Some((label, v.as_deref()?)));
    said.map(|(label, v)| Line::from(format!("{}{}{}", t(lang, label), colon(lang), sanitize(v)))).collect()
}

pub fn conflict(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let (Some(theirs), Some(form)) = (app.conflict.as_deref(), app.form.as_ref()) else { return };
    let mut lines = vec![Line::from(Span::styled(t(lang, T::Theirs), Style::default().add_modifier(Modifier::BOLD)))];
    lines.extend(describe(theirs, lang));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(t(lang, T::Mine), Style::default().add_modifier(Modifier::BOLD))));
    if let Ok(mine) = form.update(app.now, app.by.clone(), app.plan.meta.offset) {
        lines.extend(describe(&mine, lang));
    }
    let w = area.width.saturating_sub(4).min(90);
    let inner_w = usize::from(w.saturating_sub(2));
    let mut lines = super::wrapped::all(lines, inner_w);
    // The choices stay in view: the two texts give way (cut, ending in "…").
    let hint = super::wrapped::all(
        [Line::from(Span::styled(t(lang, T::ConflictHint), Style::default().fg(Color::Yellow)))],
        inner_w,
    );
    let room = usize::from(area.height.saturating_sub(2)).saturating_sub(hint.len() + 1).max(1);
    if lines.len() > room {
        lines.truncate(room);
        lines[room - 1] = Line::from("…");
    }
    lines.push(Line::from(""));
    lines.extend(hint);
    let rect = centered(area, w, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", t(lang, T::Conflict)))
        .border_style(Style::default().fg(Color::Red));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// "You left a draft": when it was saved, its values one line each, and the choices.
pub fn restore(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let Some(d) = app.offer.as_ref() else { return };
    let rect_w = area.width.saturating_sub(4).min(90);
    let inner_w = usize::from(rect_w.saturating_sub(2));
    let pct = if d.percent.is_empty() { String::new() } else { format!(" {}%", d.percent) };
    let mut lines = vec![
        Line::from(Span::styled(
            crate::tui::text::draft_saved_at(lang, d),
            Style::default().add_modifier(Modifier::BOLD),
        )),
        Line::from(format!(
            "{}{}{}{pct}",
            t(lang, T::Status),
            colon(lang),
            d.status.map_or(t(lang, T::NoStatusYet), |s| s.label(lang))
        )),
    ];
    for (label, v) in [(T::Note, &d.note), (T::Problems, &d.problems), (T::Next, &d.next), (T::Evidence, &d.evidence)] {
        if !v.trim().is_empty() {
            lines.push(Line::from(truncate(&format!("{}{}{}", t(lang, label), colon(lang), sanitize(v)), inner_w)));
        }
    }
    lines.push(Line::from(""));
    if app.unanswered {
        let red = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
        lines.push(Line::from(Span::styled(truncate(t(lang, T::DraftFirst), inner_w), red)));
    }
    let keys = Style::default().fg(Color::Yellow).add_modifier(Modifier::BOLD);
    lines.push(Line::from(Span::styled(truncate(t(lang, T::DraftHint), inner_w), keys)));
    let rect = centered(area, rect_w, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", t(lang, T::DraftFound)))
        .border_style(Style::default().fg(Color::Yellow));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
