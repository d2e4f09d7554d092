//! The task list: section headings and one line per assignment. Only the lines that fit on
//! screen are built each frame, however many assignments the unit has.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use taizhang::Lang;
use taizhang::report::{Light, Row, labels};
use taizhang::text::{pad, pad_left, sanitize, truncate};

use crate::tui::app::{App, Others};
use crate::tui::list;
use crate::tui::text::{T, t};

/// Widths of the fixed columns, in cells.
const LIGHT: usize = 2;
const ID: usize = 5;
const DEADLINE: usize = 12;
const DAYS: usize = 10;
const STATUS: usize = 8;
const PERCENT: usize = 4;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let mut title = format!(
        " {} ({}) · {}: {} · {}: {} ",
        t(lang, T::Tasks),
        app.list.order.len(),
        t(lang, T::Filter),
        crate::tui::text::filter(lang, app.list.filter),
        t(lang, T::Sort),
        crate::tui::text::sort(lang, app.list.sort)
    );
    if app.list.searching || !app.list.query.is_empty() {
        title.push_str(&format!(
            "· {}: {}{} ",
            t(lang, T::Search),
            sanitize(&app.list.query),
            if app.list.searching { "▏" } else { "" }
        ));
    }
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.list.area.set(inner);
    if app.list.lines.is_empty() {
        let waiting = app.unit.is_some_and(|u| !app.has_records_of(u));
        let why = match (waiting, app.others) {
            (true, Others::Failed) => T::Unreadable,
            (true, _) => T::Reading,
            (false, _) => T::NoRows,
        };
        frame.render_widget(Paragraph::new(t(lang, why)), inner);
        return;
    }
    let height = usize::from(inner.height);
    let first = app.list.scroll_for(height);
    let selected = app.list.selected_line();
    let rows = app.rows();
    let lines: Vec<Line> = app.list.lines[first..(first + height).min(app.list.lines.len())]
        .iter()
        .enumerate()
        .map(|(k, l)| match l {
            list::Line::Section(s) => section(s, usize::from(inner.width), lang),
            list::Line::Row(i) => row(&rows[*i], usize::from(inner.width), first + k == selected, lang),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn section(s: &str, w: usize, lang: Lang) -> Line<'static> {
    let name = if s.is_empty() { labels::section("", lang) } else { sanitize(s) };
    Line::from(Span::styled(truncate(&name, w), Style::default().add_modifier(Modifier::BOLD).fg(Color::Cyan)))
}

/// The light as a coloured symbol, readable without colour too.
pub fn light_span(l: Light) -> Span<'static> {
    let (color, symbol) = match l {
        Light::Red => (Color::Red, "✗"),
        Light::Yellow => (Color::Yellow, "!"),
        Light::Green => (Color::Green, "✓"),
    };
    Span::styled(pad(symbol, LIGHT), Style::default().fg(color).add_modifier(Modifier::BOLD))
}

fn row(r: &Row, w: usize, selected: bool, lang: Lang) -> Line<'static> {
    let content_w = w.saturating_sub(LIGHT + ID + DEADLINE + DAYS + STATUS + PERCENT + 6).max(6);
    let text = match &r.topic {
        Some(topic) => format!("{}：{}", topic, r.content),
        None => r.content.clone(),
    };
    // The unit's role before the task when it leads or assists: "（配合）…" / "(assist) …".
    let text = format!("{}{text}", labels::role_prefix(r.role, lang));
    let deadline = r.deadline.clone().unwrap_or_default();
    let days = days(r, lang);
    let status = labels::status(r.status, lang);
    let percent = r.percent.map(|p| format!("{p}%")).unwrap_or_default();
    let base = if selected { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default() };
    let cell = |s: &str, n: usize| pad(&truncate(&sanitize(s), n), n);
    let spans = vec![
        light_span(r.light),
        Span::styled(format!("{} ", cell(&r.task, ID)), base),
        Span::styled(format!("{} ", cell(&text, content_w)), base),
        Span::styled(format!("{} ", cell(&deadline, DEADLINE)), base),
        Span::styled(format!("{} ", cell(&days, DAYS)), if r.overdue { base.fg(Color::Red) } else { base }),
        Span::styled(format!("{} ", cell(status, STATUS)), base),
        Span::styled(pad_left(&percent, PERCENT), base),
    ];
    Line::from(spans)
}

/// Days to a dated deadline; nothing for done or n/a assignments.
fn days(r: &Row, lang: Lang) -> String {
    match r.days_left {
        Some(n) if !r.status.is_some_and(taizhang::ledger::Status::is_closed) => crate::tui::text::days_short(lang, n),
        _ => String::new(),
    }
}
