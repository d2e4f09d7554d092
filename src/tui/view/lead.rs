//! The lead's dashboard: the period line (always on screen), the overall gauge and counts, and
//! three lists — units ranked by completion, overdue assignments, units to chase — side by side
//! on wide terminals, stacked on narrow ones with the focused list tallest. Each list builds
//! only the lines that fit, however many units and tasks the plan has.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use taizhang::Lang;
use taizhang::report::{Report, labels, percent};
use taizhang::text::{pad, pad_left, sanitize, truncate, width};

use crate::tui::app::{App, Others};
use crate::tui::lead::{Lead, Pane};
use crate::tui::text::lead as words;

/// Width of a unit's completion bar, in cells.
const BAR: usize = 10;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(lead) = &app.lead else { return };
    let [head, lists] = area.layout(&Layout::vertical([Constraint::Length(3), Constraint::Min(3)]));
    frame.render_widget(Paragraph::new(head_lines(app, lead)), head);
    let Some(report) = &lead.report else {
        frame.render_widget(Paragraph::new(waiting_text(app, lead)), lists);
        return;
    };
    let panes = if lists.width >= 120 {
        let [left, right] = lists.layout(&Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]));
        let [over, chase] = right.layout(&Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]));
        [left, over, chase]
    } else {
        let heights = stacked(lists.height, lead.focus);
        lists.layout(&Layout::vertical(heights.map(Constraint::Length)))
    };
    for (pane, rect) in Pane::ALL.into_iter().zip(panes) {
        list(frame, app.lang, lead, report, pane, rect);
    }
}

/// What the lists say while there is no summary to show: the ledger could not be read (the
/// status bar says why), is being read, or the shown period's summary is being worked out.
pub fn waiting_text(app: &App, lead: &Lead) -> String {
    let lang = app.lang;
    if app.others == Others::Failed {
        format!(" {}", words::unread(lang))
    } else if lead.waiting() {
        format!(" {}", words::summarizing(lang, lead.shown + 1))
    } else {
        format!(" {}", words::reading(lang))
    }
}

/// Heights of the three stacked lists in `total` lines: the focused one gets what the others,
/// at a quarter each (at least 3 lines: a heading and two), leave.
fn stacked(total: u16, focus: Pane) -> [u16; 3] {
    let small = (total / 4).max(3);
    let big = total.saturating_sub(2 * small);
    Pane::ALL.map(|p| if p == focus { big } else { small })
}

/// The period, the gauge and the counts.
fn head_lines(app: &App, lead: &Lead) -> Vec<Line<'static>> {
    let lang = app.lang;
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut period = match lead.period() {
        Some(p) => words::period_line(lang, &p, lead.periods.len(), app.today()),
        None => String::new(),
    };
    let Some(r) = &lead.report else { return vec![Line::styled(format!(" {period}"), bold)] };
    period.push_str(&format!(" · {}", words::as_of(lang, r.head.as_of_date)));
    if let Some(c) = &lead.changes {
        period.push_str(&format!(" · {}", words::changes_on(lang, c.since)));
    }
    let t = &r.summary.totals;
    let mut gauge = format!(
        " {} {} {}  {}/{}",
        words::overall(lang),
        bar(t.completion_rate, 30),
        percent(t.completion_rate),
        t.done,
        t.assignments
    );
    let a = &r.summary.assist;
    if a.assignments > 0 {
        gauge.push_str(&format!("  {}", words::assist_count(lang, a.done, a.assignments)));
    }
    let b = &r.summary.buckets;
    let names = words::buckets(lang);
    let mut counts: Vec<Span> = [b.done, b.ahead, b.on_track, b.behind, b.overdue]
        .iter()
        .zip(names)
        .map(|(n, name)| Span::raw(format!(" {name} {n} ·")))
        .collect();
    let late = r.summary.not_reported.len();
    counts.push(Span::styled(format!(" {}", words::not_reported(lang)), bold));
    counts.push(Span::styled(format!(" {late}/{}", r.summary.counted_units()), bold.fg(Color::Red)));

    let mut first = vec![Span::styled(format!(" {period}"), bold)];
    if !r.summary.broken.is_empty() {
        let broken = words::broken_count(lang, r.summary.broken.len());
        first.push(Span::styled(format!(" · {broken}"), bold.fg(Color::Red)));
    }
    vec![Line::from(first), Line::raw(gauge), Line::from(counts)]
}

/// A completion bar `cells` wide: filled and empty blocks, readable without colour.
fn bar(rate: f64, cells: usize) -> String {
    let filled = ((rate.clamp(0.0, 1.0) * cells as f64).round() as usize).min(cells);
    format!("{}{}", "█".repeat(filled), "░".repeat(cells - filled))
}

/// One list: its heading (reversed when it has focus) and the lines that fit, the cursor's
/// line kept in view.
fn list(frame: &mut Frame, lang: Lang, lead: &Lead, report: &Report, pane: Pane, area: Rect) {
    let focused = lead.focus == pane;
    let heading = match &lead.changes {
        Some(c) => words::changed_pane(lang, pane, lead.len(pane), c.since),
        None => words::pane(lang, pane, lead.len(pane)),
    };
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {heading} "),
        if focused { Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD) } else { Style::default() },
    ));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let (height, w) = (usize::from(inner.height), usize::from(inner.width));
    let len = lead.len(pane);
    if len == 0 {
        let empty = if lead.changes.is_some() { words::no_change(lang, pane) } else { words::none(lang, pane) };
        frame.render_widget(Paragraph::new(format!(" {empty}")), inner);
        return;
    }
    let cursor = lead.cursor(pane);
    let first = (cursor + 1).saturating_sub(height);
    let lines: Vec<Line> = (first..(first + height).min(len))
        .map(|i| {
            let text = match (pane, &lead.changes) {
                (Pane::Units, None) => unit_line(lang, lead, report, i, w),
                (Pane::Overdue, None) => overdue_line(lang, report, lead.overdue.get(i), w),
                (Pane::Chase, None) => chase_line(lang, lead, report, i, w),
                (Pane::Units, Some(c)) => {
                    c.reported.get(i).map(|&l| unit_line(lang, lead, report, l, w)).unwrap_or_default()
                }
                (Pane::Overdue, Some(c)) => overdue_line(lang, report, c.overdue.get(i), w),
                (Pane::Chase, Some(c)) => done_line(lang, report, c.completed.get(i), w),
            };
            let style = if focused && i == cursor {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            Line::styled(pad(&truncate(&text, w), w), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "  1 市财政局      ████████░░  83.3% 已报 06-08 10:30 逾期1 欠进度2".
fn unit_line(lang: Lang, lead: &Lead, r: &Report, i: usize, w: usize) -> String {
    let Some(u) = r.summary.units.get(i) else { return String::new() };
    let late = r.summary.late.contains(&u.name);
    let fixed = 4 + BAR + 8 + 5 + 12 + 16;
    let name_w = w.saturating_sub(fixed).clamp(8, lead.name_width.max(8));
    let behind = lead.behind.get(i).copied().unwrap_or(0);
    let line = format!(
        "{} {} {} {} {} {} {}",
        pad_left(&u.rank.to_string(), 3),
        pad(&truncate(&sanitize(&u.name), name_w), name_w),
        bar(u.completion_rate, BAR),
        pad_left(&labels::unit_rate(u), 6),
        pad(if u.ledger_error { words::broken(lang) } else { words::reported(lang, u.reported, late) }, 4),
        pad(&words::last_update(u.last_update), 11),
        words::unit_counts(lang, u.overdue, behind)
    );
    // The unit's 配合 assignments when it has some and they fit (never cut to "配合…").
    let assist = (u.assist > 0).then(|| words::assist_count(lang, u.assist_done, u.assist));
    match assist {
        Some(a) if width(&line) + 1 + width(&a) <= w => format!("{line} {a}"),
        _ => line,
    }
}

/// "任务12  政府网站集约化…  市财政局  逾期30天".
fn overdue_line(lang: Lang, r: &Report, kept: Option<&usize>, w: usize) -> String {
    let Some(row) = kept.and_then(|&n| r.rows.get(n)) else { return String::new() };
    let days = words::days_overdue(lang, -row.days_left.unwrap_or(0).min(0));
    row_line(row, &days, w)
}

/// "任务12  政府网站集约化…  市财政局  完成于 08-05".
fn done_line(lang: Lang, r: &Report, kept: Option<&usize>, w: usize) -> String {
    let Some(row) = kept.and_then(|&n| r.rows.get(n)) else { return String::new() };
    row_line(row, &words::done_at(lang, row.updated_at), w)
}

/// A row of the overdue or completed list: task, name, unit, then `tail`.
fn row_line(row: &taizhang::report::Row, tail: &str, w: usize) -> String {
    let unit_w = 16.min(w / 4);
    let w = w.saturating_sub(1);
    let name_w = w.saturating_sub(6 + unit_w + width(tail) + 3).max(6);
    let name = sanitize(row.topic.as_deref().unwrap_or(&row.content));
    format!(
        " {} {} {} {tail}",
        pad(&sanitize(&row.task), 5),
        pad(&truncate(&name, name_w), name_w),
        pad(&truncate(&sanitize(&row.unit_name), unit_w), unit_w)
    )
}

/// "市财政局  欠报5项：3、7、12".
fn chase_line(lang: Lang, lead: &Lead, r: &Report, i: usize, w: usize) -> String {
    let Some(o) = lead.chase.get(i) else { return String::new() };
    let Some(u) = r.summary.units.get(o.line) else { return String::new() };
    let name_w = lead.name_width.min(w / 3);
    let tasks: Vec<String> = o.rows.iter().filter_map(|&n| r.rows.get(n)).map(|row| sanitize(&row.task)).collect();
    let owes = if u.ledger_error { format!("{} ", words::broken_file(lang)) } else { String::new() };
    format!(
        " {} {owes}{}{}",
        pad(&truncate(&sanitize(&u.name), name_w), name_w),
        words::owes(lang, o.rows.len()),
        tasks.join(lang.pick("、", ", "))
    )
}

/// Items separated by two spaces, packed into lines of at most `room` cells without splitting
/// one (an item wider than the line is wrapped by the Chinese rules).
fn packed(text: &str, room: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in text.split("  ") {
        match lines.last_mut() {
            Some(line) if width(line) + 2 + width(item) <= room => {
                line.push_str("  ");
                line.push_str(item);
            }
            _ => lines.extend(taizhang::text::wrap(item, room).into_iter().map(|l| l.trim().to_string())),
        }
    }
    lines
}

/// The format chooser, over the dashboard: its keys, never a key apart from what it does.
pub fn export(frame: &mut Frame, lang: Lang, unit: bool, area: Rect) {
    let text = words::export_keys(lang, unit);
    let room = usize::from(area.width.saturating_sub(4)).max(1);
    let lines: Vec<Line> = packed(&text, room).into_iter().map(Line::from).collect();
    let w = lines.iter().map(|l| l.width()).max().unwrap_or(0) + 4;
    let rect =
        super::popup::centered(area, u16::try_from(w).unwrap_or(u16::MAX), u16::try_from(lines.len() + 2).unwrap_or(3));
    super::popup::clear(frame, rect);
    frame.render_widget(Paragraph::new(lines).block(Block::default().borders(Borders::ALL)), rect);
}
