//! The task list: a line of column headings, then section headings (in the plan's order) and
//! one line per assignment. Only the lines that fit on screen are built each frame, however
//! many assignments the unit has. Outside the plan's order the section is a column.

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
use crate::tui::standing::{self, InPeriod};
use crate::tui::text::{T, t};

/// Widths of the fixed columns, in cells.
const LIGHT: usize = 2;
const ID: usize = 5;
/// The section's number ("一"), outside the plan's order.
const SECTION: usize = 4;
const DEADLINE: usize = 12;
const DAYS: usize = 9;
const PERCENT: usize = 4;

/// The columns whose width depends on the language: 本期 and the status ("in progress").
fn widths(lang: Lang) -> (usize, usize) {
    match lang {
        Lang::Zh => (4, 8),
        Lang::En => (6, 11),
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let block = Block::default().borders(Borders::ALL).title(title(app));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, body] = inner.layout(&ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Min(0),
    ]));
    app.list.area.set(body);
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
    let w = usize::from(inner.width);
    let grouped = app.list.sort.grouped();
    frame.render_widget(Paragraph::new(header(w, grouped, lang)), head);
    let height = usize::from(body.height);
    let first = app.list.scroll_for(height);
    let selected = app.list.selected_line();
    let rows = app.rows();
    let lines: Vec<Line> = app.list.lines[first..(first + height).min(app.list.lines.len())]
        .iter()
        .enumerate()
        .map(|(k, l)| match l {
            list::Line::Section(s) => section(s, w, lang),
            list::Line::Row(i) => row(app, &rows[*i], w, first + k == selected, grouped),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// " 本单位任务 (26) · 筛选: 全部 · 排序: 原文顺序 ", and the search when there is one.
fn title(app: &App) -> String {
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
    title
}

/// The width left for the task's text.
fn content_width(w: usize, grouped: bool, lang: Lang) -> usize {
    let (period, status) = widths(lang);
    let section = if grouped { 0 } else { SECTION + 1 };
    w.saturating_sub(LIGHT + ID + section + DEADLINE + DAYS + period + status + PERCENT + 7).max(6)
}

/// The column headings, aligned with the rows.
fn header(w: usize, grouped: bool, lang: Lang) -> Line<'static> {
    let (period, status) = widths(lang);
    let cell = |s: &str, n: usize| format!("{} ", pad(&truncate(s, n), n));
    let mut text = " ".repeat(LIGHT);
    text.push_str(&cell(lang.pick("编号", "No."), ID));
    if !grouped {
        text.push_str(&cell(lang.pick("部分", "Part"), SECTION));
    }
    text.push_str(&cell(lang.pick("任务", "Task"), content_width(w, grouped, lang)));
    text.push_str(&cell(lang.pick("完成时限", "Deadline"), DEADLINE));
    text.push_str(&cell(lang.pick("剩余天数", "Days"), DAYS));
    text.push_str(&cell(lang.pick("本期", "Period"), period));
    text.push_str(&cell(lang.pick("状态", "Status"), status));
    text.push_str(&pad_left(lang.pick("进度", "%"), PERCENT));
    Line::from(Span::styled(truncate(&text, w), Style::default().fg(Color::DarkGray).add_modifier(Modifier::BOLD)))
}

fn section(s: &str, w: usize, lang: Lang) -> Line<'static> {
    let name = if s.is_empty() { labels::section("", lang) } else { sanitize(s) };
    Line::from(Span::styled(truncate(&name, w), Style::default().add_modifier(Modifier::BOLD).fg(Color::Cyan)))
}

/// A section's number for its column: "一" of "一、聚焦优化营商环境…", else its start.
fn section_mark(s: Option<&str>) -> String {
    let s = s.unwrap_or_default();
    sanitize(s.split_once('、').map_or(s, |(n, _)| n))
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

fn row(app: &App, r: &Row, w: usize, selected: bool, grouped: bool) -> Line<'static> {
    let lang = app.lang;
    let (period_w, status_w) = widths(lang);
    let text = match &r.topic {
        Some(topic) => format!("{}：{}", topic, r.content),
        None => r.content.clone(),
    };
    // The unit's role before the task when it leads or assists: "（配合）…" / "(assist) …".
    let text = format!("{}{text}", labels::role_prefix(r.role, lang));
    let deadline = r.deadline.clone().unwrap_or_default();
    let late = standing::done_late(&app.ledger, r, app.now, app.plan.meta.offset).is_some();
    let status = if late { crate::tui::text::standing::done_late(lang) } else { labels::status(r.status, lang) };
    let percent = r.percent.map(|p| format!("{p}%")).unwrap_or_default();
    let in_period = standing::in_period(r);
    let base = if selected { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default() };
    let cell = |s: &str, n: usize| pad(&truncate(&sanitize(s), n), n);
    let mut spans = vec![light_span(r.light), Span::styled(format!("{} ", cell(&r.task, ID)), base)];
    if !grouped {
        spans.push(Span::styled(format!("{} ", cell(&section_mark(r.section.as_deref()), SECTION)), base));
    }
    let owed = if in_period == InPeriod::Owed { base.fg(Color::Yellow) } else { base };
    spans.extend([
        Span::styled(format!("{} ", cell(&text, content_width(w, grouped, lang))), base),
        Span::styled(format!("{} ", cell(&deadline, DEADLINE)), base),
        Span::styled(format!("{} ", cell(&days(r, lang), DAYS)), if r.overdue { base.fg(Color::Red) } else { base }),
        Span::styled(format!("{} ", cell(crate::tui::text::standing::cell(lang, in_period), period_w)), owed),
        Span::styled(format!("{} ", cell(status, status_w)), if late { base.fg(Color::Red) } else { base }),
        Span::styled(pad_left(&percent, PERCENT), base),
    ]);
    Line::from(spans)
}

/// Days to a dated deadline; nothing for done or n/a assignments.
fn days(r: &Row, lang: Lang) -> String {
    match r.days_left {
        Some(n) if !r.status.is_some_and(taizhang::ledger::Status::is_closed) => crate::tui::text::days_short(lang, n),
        _ => String::new(),
    }
}
