//! Blocks → items. The task level is decided per document: the deepest numbered level that has
//! an item ending with a responsibility bracket (Xianning: "1."; Ningxiang, which has no arabic
//! items: "（一）"). Shallower blocks are headings (section, subsection, topic), kept verbatim;
//! a shallower block with a bracket of its own and nothing numbered under it is a task too.
//! Deeper blocks belong to the item above them. Scope statements cover the items of their part.

use super::blocks::{Block, Event};
use super::clean;
use super::marker::Level;
use super::scope::{Reach, Statement};
use super::{bracket, due};
use crate::import::{Item, Scope};

/// The headings an item sits under.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Part {
    section: Option<String>,
    subsection: Option<String>,
    topic: Option<String>,
}

impl Part {
    /// True when `other` lies within this part.
    fn holds(&self, other: &Part) -> bool {
        let within = |a: &Option<String>, b: &Option<String>| a.is_none() || a == b;
        within(&self.section, &other.section)
            && within(&self.subsection, &other.subsection)
            && within(&self.topic, &other.topic)
    }
}

/// The items and scopes made, and the lines left out (heading continuations, text after items).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Built {
    pub items: Vec<Item>,
    pub scopes: Vec<Scope>,
    pub skipped: Vec<usize>,
}

fn block(e: &Event) -> Option<&Block> {
    match e {
        Event::Block(b) => Some(b),
        Event::Scope { .. } => None,
    }
}

/// The deepest level with a bracketed item; with no brackets but a scope statement, the
/// deepest level there is. None when neither.
pub fn task_level(events: &[Event]) -> Option<Level> {
    let complete = events.iter().filter_map(block).filter(|b| b.complete).map(|b| b.level).max();
    let scoped = events.iter().any(|e| matches!(e, Event::Scope { .. }));
    complete.or_else(|| if scoped { events.iter().filter_map(block).map(|b| b.level).max() } else { None })
}

/// A scope waiting for the items it covers: the statement (or an item's "下同"), where it
/// stands (items before it) and its part.
struct Pending {
    text: String,
    units: String,
    reach: Reach,
    at: usize,
    part: Part,
    /// "下同": stops at the next item naming its own units.
    own_stops: bool,
}

/// Builds the items at `level`.
pub fn build(events: Vec<Event>, level: Level) -> Built {
    let mut out = Built::default();
    let events = merge_deeper(events, level, &mut out.skipped);
    let mut part = Part::default();
    let mut numbers: Vec<(Level, String)> = Vec::new();
    let mut parts: Vec<Part> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    for (k, e) in events.iter().enumerate() {
        let b = match e {
            Event::Scope { statement: Statement { text, units, reach }, .. } => {
                let (text, units, reach) = (text.clone(), units.clone(), *reach);
                pending.push(Pending { text, units, reach, at: out.items.len(), part: part.clone(), own_stops: false });
                continue;
            }
            Event::Block(b) => b,
        };
        numbers.retain(|(l, _)| *l < b.level);
        let leaf = events.get(k + 1).and_then(block).is_none_or(|next| next.level <= b.level);
        if b.level != level && !(b.level < level && b.complete && leaf) {
            heading(b, &mut part);
            numbers.push((b.level, b.number.clone()));
            out.skipped.extend(b.more.iter().chain(&b.after));
            continue;
        }
        let (item, same_below) = item(b, &part, &numbers);
        out.skipped.extend(&b.after);
        if let (true, Some(units)) = (same_below, item.responsible.clone()) {
            let text = format!("{units}，下同");
            let at = out.items.len() + 1;
            pending.push(Pending { text, units, reach: Reach::Below, at, part: part.clone(), own_stops: true });
        }
        out.items.push(item);
        parts.push(part.clone());
    }
    out.scopes = pending.into_iter().filter_map(|p| cover(p, &out.items, &parts)).collect();
    out
}

/// Deeper blocks joined to the open item above them; any other is text outside the items.
fn merge_deeper(events: Vec<Event>, level: Level, skipped: &mut Vec<usize>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let deeper = match &e {
            Event::Block(b) if b.level > level => b.clone(),
            _ => {
                out.push(e);
                continue;
            }
        };
        match out.last_mut() {
            Some(Event::Block(open)) if open.level == level && !open.complete => {
                let marker = deeper.first.get(..deeper.marker_len).unwrap_or_default();
                clean::append(&mut open.text, &format!("{marker}{}", deeper.text));
                open.more.push(deeper.line);
                open.more.extend(deeper.more);
                open.complete = deeper.complete;
                open.after.extend(deeper.after);
            }
            _ => skipped.extend(std::iter::once(deeper.line).chain(deeper.more).chain(deeper.after)),
        }
    }
    out
}

/// Sets the part a heading opens.
fn heading(b: &Block, part: &mut Part) {
    let text = b.first.trim().to_string();
    match b.level {
        Level::Section => *part = Part { section: Some(text), ..Part::default() },
        Level::Subsection => {
            part.subsection = Some(text);
            part.topic = None;
        }
        _ => part.topic = Some(topic(b.first.get(b.marker_len..).unwrap_or_default())),
    }
}

/// A title as a topic: trimmed, without its closing punctuation.
fn topic(title: &str) -> String {
    title.trim().trim_end_matches(['。', '；', ';', '：', ':', '.']).trim().to_string()
}

/// The item a task block makes, and whether its bracket says "下同".
fn item(b: &Block, part: &Part, numbers: &[(Level, String)]) -> (Item, bool) {
    let mut guesses = Vec::new();
    let (body, fields) = match bracket::trailing(&b.text) {
        (body, Some(f)) => (body, Some(f)),
        (text, None) => match bracket::unclosed(text) {
            Some((at, f)) => {
                guesses.push("责任单位括号没有闭合，取到本项末尾".to_string());
                (text.get(..at).unwrap_or(text).trim_end(), Some(f))
            }
            None => (text, None),
        },
    };
    let fields = fields.unwrap_or_default();
    let title = title(b, body);
    let content = body.get(title.len()..).map(str::trim).filter(|c| !c.is_empty());
    let content = content.or(Some(body.trim()).filter(|c| !c.is_empty())).unwrap_or(b.first.trim()).to_string();
    let mut item = Item {
        number: Some(number(b, numbers)),
        section: part.section.clone(),
        subsection: part.subsection.clone(),
        topic: part.topic.clone(),
        line: b.line,
        ..Item::default()
    };
    if !title.is_empty() {
        let heading = format!("{}{}", b.first.get(..b.marker_len).unwrap_or_default(), title);
        match b.level {
            Level::Section => (item.section, item.subsection) = (Some(heading), None),
            Level::Subsection => item.subsection = Some(heading),
            _ => {}
        }
        item.topic = Some(topic(title));
    }
    if fields.bare {
        guesses.push("括号内没有“责任单位”等字样，按单位名单读取".to_string());
    }
    match (&fields.deadline, due::find(&content)) {
        (Some(_), _) => item.deadline = fields.deadline.clone(),
        (None, Some(found)) => (item.deadline, item.deadline_source) = (Some(found.phrase), Some(found.sentence)),
        (None, None) => guesses.push("原文没有写完成时限".to_string()),
    }
    item.content = content;
    item.responsible = fields.responsible;
    item.guesses = guesses;
    (item, fields.same_below)
}

/// The item's own title: its bold run ("**（一）加强公开。**正文"), or for an item numbered as a
/// heading ("（一）", "一、") a short first sentence with text after it; else "".
fn title<'a>(b: &Block, body: &'a str) -> &'a str {
    let bold = b.bold.as_deref().filter(|bold| b.first.starts_with(bold) && bold.len() < b.first.len());
    if let Some(len) = bold.and_then(|bold| bold.len().checked_sub(b.marker_len)).filter(|l| *l > 0) {
        return body.get(..len).unwrap_or_default();
    }
    if b.level > Level::Subsection {
        return "";
    }
    match body.find('。') {
        Some(at) if body[..at].chars().count() <= 40 && body[at..].chars().count() > 1 => &body[..at + '。'.len_utf8()],
        _ => "",
    }
}

/// The item's number: as printed for "1." and headings; "2.1" for "（1）" under "2.".
fn number(b: &Block, numbers: &[(Level, String)]) -> String {
    match (b.level, numbers.last()) {
        (Level::SubItem | Level::Point, Some((_, parent))) => format!("{parent}.{}", b.number),
        _ => b.number.clone(),
    }
}

/// The items a pending scope covers, as a scope; None when it covers none.
fn cover(p: Pending, items: &[Item], parts: &[Part]) -> Option<Scope> {
    let inside = |j: usize| parts.get(j).is_some_and(|q| p.part.holds(q));
    let range = match p.reach {
        Reach::Below => {
            let own = |j: usize| p.own_stops && items.get(j).is_some_and(|i| i.responsible.is_some());
            let end = (p.at..items.len()).find(|&j| !inside(j) || own(j)).unwrap_or(items.len());
            p.at..end
        }
        Reach::Above(n) => {
            let start = (0..p.at).rev().find(|&j| !inside(j)).map_or(0, |j| j + 1);
            let start = n.map_or(start, |n| start.max(p.at.saturating_sub(n)));
            start..p.at
        }
    };
    (!range.is_empty()).then_some(Scope { text: p.text, units: p.units, items: range })
}
