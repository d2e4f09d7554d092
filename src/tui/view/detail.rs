//! The detail pane: why the selected assignment's light is what it is and whether it is owed
//! this period, the task's full text, 量化指标, the deadline with the days left, every unit on
//! it with its status, and this unit's history by period. Lines are broken at the pane's inner
//! width by `super::wrapped` (the Chinese rules the text reports follow, continuation lines
//! indented like the first). It scrolls with ]/[, J/K, PgUp/PgDn and the mouse wheel.

mod history;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use taizhang::Lang;
use taizhang::plan::Task;
use taizhang::report::{Light, Row, labels};
use taizhang::text::sanitize;

use crate::tui::app::{App, Others};
use crate::tui::standing;
use crate::tui::text::{T, colon, t};

/// The pane, scrolled as far as the keys or the wheel took it (the title says when there is
/// more below).
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lines = app.list.selected_row().and_then(|i| app.rows().get(i)).map(|r| lines(app, r)).unwrap_or_default();
    let inner = Block::default().borders(Borders::ALL).inner(area);
    app.list.detail_area.set(inner);
    let lines = super::wrapped::all(lines, usize::from(inner.width));
    let room = lines.len().saturating_sub(usize::from(inner.height));
    app.list.detail_room.set(room);
    let scroll = app.list.detail_scroll();
    let mut title = format!(" {} ", t(app.lang, T::Detail));
    if scroll < room {
        title.push_str(&format!("· {} ", t(app.lang, T::MoreBelow)));
    }
    let block = Block::default().borders(Borders::ALL).title(title);
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

fn bold(s: String) -> Span<'static> {
    Span::styled(s, Style::default().add_modifier(Modifier::BOLD))
}

/// Multi-line text from a file, each line cleaned of control characters.
fn text(s: &str) -> Vec<Line<'static>> {
    s.split('\n').map(|l| Line::from(sanitize(l))).collect()
}

/// "（x）", " (x)" in English.
fn paren(lang: Lang, x: &str) -> String {
    match lang {
        Lang::Zh => format!("（{x}）"),
        Lang::En => format!(" ({x})"),
    }
}

/// A labelled field of the task's text, if it has one.
fn field(out: &mut Vec<Line<'static>>, lang: Lang, key: T, value: Option<&String>) {
    if let Some(v) = value {
        out.push(Line::from(bold(format!("{}{}", t(lang, key), colon(lang)))));
        out.extend(text(v));
    }
}

fn lines(app: &App, row: &Row) -> Vec<Line<'static>> {
    let lang = app.lang;
    let Some(task) = app.plan.task(&row.task) else { return Vec::new() };
    let mut out = Vec::new();
    let head = match &task.topic {
        Some(topic) => format!("{}  {}", task.id, topic),
        None => task.id.clone(),
    };
    out.push(Line::from(bold(sanitize(&head))));
    standing_lines(app, row, &mut out);
    if !app.list.sort.grouped()
        && let Some(section) = &row.section
    {
        out.push(Line::from(sanitize(section)));
    }
    field(&mut out, lang, T::Content, Some(&task.content));
    field(&mut out, lang, T::Requirement, task.requirement.as_ref());
    field(&mut out, lang, T::Indicator, task.indicator.as_ref());
    deadline(app, task, row, &mut out);
    out.push(Line::from(bold(format!("{}{}", t(lang, T::Units), colon(lang)))));
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
        let role = labels::role_mark(a.role, lang);
        let mark = if a.inferred { MARK } else { "" };
        out.push(Line::from(format!("  {}{mark}{role}{}{state}", sanitize(&unit.name), colon(lang))));
    }
    scope_rules(app, task, &mut out);
    inferred(app, task, &mut out);
    history::lines(app, &task.id, &mut out);
    // The document's own paragraph last: the longest and the least often needed.
    field(&mut out, lang, T::Body, task.body.as_ref());
    out
}

/// The light with its bucket and why ("! 欠进度：序时进度 10% vs 完成 0%；本期未更新"), a
/// task finished late, and where the assignment stands this period.
fn standing_lines(app: &App, row: &Row, out: &mut Vec<Line<'static>>) {
    use crate::tui::text::standing as words;
    let lang = app.lang;
    let why = standing::why(row);
    // "逾期 5 天" says the bucket itself.
    let mut said = match why.first() {
        Some(standing::Why::Overdue(_)) => words::reasons(lang, &why),
        Some(_) => format!("{}{}{}", labels::bucket(row.bucket, lang), colon(lang), words::reasons(lang, &why)),
        None => labels::bucket(row.bucket, lang).to_string(),
    };
    if let Some(n) = standing::done_late(&app.ledger, row, app.now, app.plan.meta.offset) {
        said = format!("{said}{}{}", lang.pick("，", ", "), words::done_late_by(lang, n));
    }
    let light = super::list::light_span(row.light);
    let style = if row.light == Light::Green { Style::default() } else { light.style };
    out.push(Line::from(vec![light, Span::styled(said, style)]));
    if let Some(p) = app.period() {
        out.push(Line::from(words::line(lang, &p, standing::in_period(row))));
    }
}

/// The mark on what the plan infers (the reasons follow the units).
const MARK: &str = "※";

/// 完成时限: the task's own phrase, then each clause's with the units it binds and the part of
/// the text it belongs to ("年底前（县直各单位）：年底前完成目录更新"); ※ on a binding the
/// document does not state.
fn deadline(app: &App, task: &Task, row: &Row, out: &mut Vec<Line<'static>>) {
    if task.deadline_text.is_none() && task.clauses.is_empty() {
        return;
    }
    out.push(Line::from(bold(format!("{}{}", t(app.lang, T::Deadline), colon(app.lang)))));
    if let Some(phrase) = &task.deadline_text {
        out.extend(text(phrase));
    }
    if let Some(due) = row.due {
        let closed = row.status.is_some_and(taizhang::ledger::Status::is_closed);
        let line = crate::tui::text::standing::due(app.lang, due, row.days_left, closed);
        out.push(Line::from(Span::styled(line, Style::default().add_modifier(Modifier::ITALIC))));
    }
    for c in &task.clauses {
        let units: Vec<&str> = c.units.iter().map(|&u| app.plan.target_name(u)).collect();
        let phrase = c.deadline_text.clone().or_else(|| c.due_override.map(|d| d.to_string())).unwrap_or_default();
        let mark = if c.inferred.is_some() { MARK } else { "" };
        let part = c.text.as_deref().map(|p| format!("{}{p}", colon(app.lang))).unwrap_or_default();
        let units = format!("{}{mark}", units.join(app.lang.list_sep()));
        let line = format!("  {phrase}{}{part}", paren(app.lang, &units));
        out.push(Line::from(sanitize(&line)));
    }
}

/// The rules that give the task units it does not name itself, with their words and units.
fn scope_rules(app: &App, task: &Task, out: &mut Vec<Line<'static>>) {
    let mut rules: Vec<usize> = task.scoped.iter().map(|&(_, k)| k).collect();
    rules.dedup();
    for k in rules {
        let units: Vec<&str> =
            task.scoped.iter().filter(|&&(_, r)| r == k).map(|&(t, _)| app.plan.target_name(t)).collect();
        let rule = &app.plan.scopes[k];
        let role = match rule.role {
            taizhang::plan::Role::Responsible => String::new(),
            other => format!("{}{}", app.lang.pick("，", ", "), other.label(app.lang)),
        };
        let units = format!("{}{role}", units.join(app.lang.list_sep()));
        let line = format!("{}{}{}{}", t(app.lang, T::ScopeRule), colon(app.lang), rule.text, paren(app.lang, &units));
        out.push(Line::from(sanitize(&line)));
    }
}

/// Why the plan sets what the document does not state: each reason once.
fn inferred(app: &App, task: &Task, out: &mut Vec<Line<'static>>) {
    let mut reasons: Vec<&str> = Vec::new();
    let of_units = task.assignees.iter().filter_map(|a| app.plan.inferred(task, a));
    for why in of_units.chain(task.clauses.iter().filter_map(|c| c.inferred.as_deref())) {
        if !reasons.contains(&why) {
            reasons.push(why);
        }
    }
    if reasons.is_empty() {
        return;
    }
    out.push(Line::from(bold(format!("{}{}", t(app.lang, T::Inferred), colon(app.lang)))));
    out.extend(reasons.into_iter().map(|why| Line::from(format!("  {}", sanitize(why)))));
}
