//! The detail pane: the selected task's full text, every unit on it with its status, and this
//! unit's history for the task. Lines are broken by `taizhang::text::wrap` (the Chinese rules
//! the text reports follow) at the pane's inner width, continuation lines indented like the first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use taizhang::Lang;
use taizhang::plan::Task;
use taizhang::report::labels;
use taizhang::text::{sanitize, width, wrap};

use crate::tui::app::{App, Others};
use crate::tui::text::{T, t};

/// The pane, scrolled as far as `]` and `[` took it (the title says when there is more below).
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lines =
        app.list.selected_row().and_then(|i| app.rows().get(i)).map(|r| lines(app, &r.task)).unwrap_or_default();
    let inner = Block::default().borders(Borders::ALL).inner(area);
    let lines: Vec<Line> = lines.into_iter().flat_map(|l| wrapped(l, usize::from(inner.width))).collect();
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

/// `line` broken into lines of at most `max` cells, each piece keeping its spans' styles; a
/// line that starts with spaces has its continuation lines indented as far.
fn wrapped(line: Line<'static>, max: usize) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if width(&text) <= max {
        return vec![line];
    }
    let indent = text.len() - text.trim_start_matches(' ').len();
    let indent = if indent * 2 < max { indent } else { 0 };
    // Each span's byte range in `text`.
    let mut ranges = Vec::with_capacity(line.spans.len());
    let mut end = 0;
    for s in &line.spans {
        ranges.push((end, end + s.content.len(), s.style));
        end += s.content.len();
    }
    let mut at = indent;
    let mut out = Vec::new();
    for piece in wrap(&text[indent..], max - indent) {
        // Spaces ending a piece hang past the width: not drawn.
        let (from, to) = (at, at + piece.trim_end_matches(' ').len());
        at += piece.len();
        let mut spans = vec![Span::raw(" ".repeat(indent))];
        for &(a, b, style) in &ranges {
            let (a, b) = (a.max(from), b.min(to));
            if a < b {
                spans.push(Span::styled(text[a..b].to_string(), style));
            }
        }
        out.push(Line::from(spans));
    }
    out
}

fn bold(s: String) -> Span<'static> {
    Span::styled(s, Style::default().add_modifier(Modifier::BOLD))
}

/// Multi-line text from a file, each line cleaned of control characters.
fn text(s: &str) -> Vec<Line<'static>> {
    s.split('\n').map(|l| Line::from(sanitize(l))).collect()
}

/// A labelled field of the task's text, if it has one.
fn field(out: &mut Vec<Line<'static>>, lang: Lang, key: T, value: Option<&String>) {
    if let Some(v) = value {
        out.push(Line::from(bold(format!("{}：", t(lang, key)))));
        out.extend(text(v));
    }
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
    field(&mut out, lang, T::Content, Some(&task.content));
    field(&mut out, lang, T::Requirement, task.requirement.as_ref());
    field(&mut out, lang, T::Indicator, task.indicator.as_ref());
    deadline(app, task, &mut out);
    field(&mut out, lang, T::Body, task.body.as_ref());
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
        let role = labels::role_mark(a.role, lang);
        let mark = if a.inferred { MARK } else { "" };
        out.push(Line::from(format!("  {}{mark}{role}：{state}", sanitize(&unit.name))));
    }
    scope_rules(app, task, &mut out);
    inferred(app, task, &mut out);
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

/// The mark on what the plan infers (the reasons follow the units).
const MARK: &str = "※";

/// 完成时限: the task's own phrase, then each clause's with the units it binds and the part of
/// the text it belongs to ("年底前（县直各单位）：年底前完成目录更新"); ※ on a binding the
/// document does not state.
fn deadline(app: &App, task: &Task, out: &mut Vec<Line<'static>>) {
    if task.deadline_text.is_none() && task.clauses.is_empty() {
        return;
    }
    out.push(Line::from(bold(format!("{}：", t(app.lang, T::Deadline)))));
    if let Some(phrase) = &task.deadline_text {
        out.extend(text(phrase));
    }
    for c in &task.clauses {
        let units: Vec<&str> = c.units.iter().map(|&u| app.plan.target_name(u)).collect();
        let phrase = c.deadline_text.clone().or_else(|| c.due_override.map(|d| d.to_string())).unwrap_or_default();
        let mark = if c.inferred.is_some() { MARK } else { "" };
        let part = c.text.as_deref().map(|p| format!("：{p}")).unwrap_or_default();
        let line = format!("  {phrase}（{}{mark}）{part}", units.join(app.lang.list_sep()));
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
            other => format!("，{}", other.label(app.lang)),
        };
        let line = format!("{}：{}（{}{role}）", t(app.lang, T::ScopeRule), rule.text, units.join(app.lang.list_sep()));
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
    out.push(Line::from(bold(format!("{}：", t(app.lang, T::Inferred)))));
    out.extend(reasons.into_iter().map(|why| Line::from(format!("  {}", sanitize(why)))));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(l: &Line) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn long_lines_are_broken_by_the_chinese_rules_and_keep_their_styles() {
        let note = "已在门户网站公开甲类信息，完成率 42.9%，下一步继续推进（每月更新）。";
        let line = Line::from(vec![Span::raw("    进展情况："), bold(note.to_string())]);
        let out = wrapped(line, 20);
        assert!(out.len() > 2, "{out:?}");
        let mut back = String::new();
        for (n, l) in out.iter().enumerate() {
            let text = plain(l);
            assert!(width(&text) <= 20, "{text:?}");
            assert!(text.starts_with("    "), "continuation lines are indented: {text:?}");
            let body = text.trim_start_matches(' ');
            assert!(n == 0 || !body.starts_with(taizhang::text::closing), "{text:?}");
            back.push_str(if n == 0 { &text } else { body });
        }
        let no_spaces = |s: &str| s.replace(' ', "");
        assert_eq!(no_spaces(&back), no_spaces(&format!("进展情况：{note}")), "nothing lost but hanging spaces");
        let bold_text: String = out
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.style.add_modifier.contains(Modifier::BOLD))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(no_spaces(&bold_text), no_spaces(note));
        let short = Line::from("短");
        assert_eq!(wrapped(short.clone(), 20), vec![short]);
    }
}
