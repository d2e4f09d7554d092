//! Word's automatic numbering (`word/numbering.xml`): the list definitions (`w:abstractNum`
//! levels with their start, number format and text such as "%1." or "（%1）"; `w:num` instances
//! pointing at them, with start overrides), and the counters a document walk advances, so that
//! each numbered paragraph gets the label a reader sees ("1.", "一、", "（二）", "2.3").
//!
//! Counting follows Word: instances of one definition share its counters (a list continues
//! across them) unless an instance overrides a level's start, which restarts the list when that
//! instance is first used; a level's counter restarts whenever a higher level advances.

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;

use super::{numfmt, xml};

/// Word has nine list levels (ilvl 0–8).
pub const LEVELS: usize = 9;

/// One level of a list definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub start: u32,
    /// `w:numFmt`: "decimal", "chineseCounting", "bullet" …
    pub format: String,
    /// `w:lvlText`: "%1.", "%1、", "（%1）", "%1.%2".
    pub text: String,
    /// What follows the number: a tab or a space (written as one space), or nothing.
    pub space_after: bool,
    /// `w:isLgl`: every level's number in decimal ("1.1" under "一、").
    pub legal: bool,
    /// `w:pStyle`: the paragraph style this level belongs to (heading numbering).
    pub style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level { start: 1, format: "decimal".into(), text: String::new(), space_after: true, legal: false, style: None }
    }
}

/// A `w:num`: which definition, and its per-level overrides.
#[derive(Debug, Clone, Default, PartialEq)]
struct Instance {
    abstract_id: String,
    starts: [Option<u32>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

/// The definitions of a document's lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Definitions {
    abstracts: HashMap<String, [Option<Level>; LEVELS]>,
    instances: HashMap<String, Instance>,
}

/// Where the parser is inside numbering.xml.
#[derive(Debug, Default)]
struct Parse {
    defs: Definitions,
    abstract_id: Option<String>,
    num_id: Option<String>,
    override_level: Option<usize>,
    level: Option<(usize, Level)>,
}

impl Definitions {
    /// Reads numbering.xml; what cannot be read is left out (a damaged part numbers nothing).
    pub fn parse(text: &str) -> Definitions {
        let mut r = xml::reader(text);
        let mut p = Parse::default();
        loop {
            match r.read_event() {
                Ok(Event::Start(e)) => p.start(xml::local(&e), &e),
                Ok(Event::End(e)) => p.end(xml::end_local(&e)),
                Ok(Event::Eof) | Err(_) => return p.defs,
                _ => {}
            }
        }
    }

    /// The level of instance `num_id` tied to paragraph style `style`, if any.
    pub fn level_for_style(&self, num_id: &str, style: &str) -> Option<u8> {
        let inst = self.instances.get(num_id)?;
        let levels = self.abstracts.get(&inst.abstract_id)?;
        let at = levels.iter().position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))?;
        u8::try_from(at).ok()
    }
}

impl Parse {
    fn start(&mut self, name: &str, e: &quick_xml::events::BytesStart<'_>) {
        let val = || xml::attr(e, "val");
        let level = |e| xml::number(e, "ilvl").map(|l| l as usize).filter(|&l| l < LEVELS);
        match name {
            "abstractNum" => self.abstract_id = xml::attr(e, "abstractNumId"),
            "num" => {
                self.num_id = xml::attr(e, "numId");
                if let Some(id) = &self.num_id {
                    self.defs.instances.insert(id.clone(), Instance::default());
                }
            }
            "abstractNumId" => {
                if let (Some(id), Some(v)) = (&self.num_id, val()) {
                    self.defs.instances.entry(id.clone()).or_default().abstract_id = v;
                }
            }
            "lvlOverride" => self.override_level = level(e),
            "startOverride" => {
                if let (Some(id), Some(l), Some(v)) = (&self.num_id, self.override_level, xml::number(e, "val"))
                    && let Some(slot) = self.defs.instances.get_mut(id).and_then(|i| i.starts.get_mut(l))
                {
                    *slot = Some(v);
                }
            }
            "lvl" => self.level = level(e).map(|l| (l, Level::default())),
            _ => self.level_part(name, e),
        }
    }

    fn level_part(&mut self, name: &str, e: &quick_xml::events::BytesStart<'_>) {
        let Some((_, level)) = &mut self.level else { return };
        let val = xml::attr(e, "val");
        match (name, val) {
            ("start", Some(v)) => level.start = v.trim().parse().unwrap_or(1),
            ("numFmt", Some(v)) if v != "custom" => level.format = v,
            ("lvlText", Some(v)) => level.text = v,
            ("suff", Some(v)) => level.space_after = v != "nothing",
            ("isLgl", v) => level.legal = v.is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off")),
            ("pStyle", Some(v)) => level.style = Some(v),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "abstractNum" => self.abstract_id = None,
            "num" => self.num_id = None,
            "lvlOverride" => self.override_level = None,
            "lvl" => self.end_level(),
            _ => {}
        }
    }

    fn end_level(&mut self) {
        let Some((at, level)) = self.level.take() else { return };
        let slot = match (&self.num_id, &self.abstract_id) {
            (Some(id), _) => self.defs.instances.get_mut(id).and_then(|i| i.levels.get_mut(at)),
            (None, Some(id)) => self.defs.abstracts.entry(id.clone()).or_default().get_mut(at),
            _ => None,
        };
        if let Some(slot) = slot {
            *slot = Some(level);
        }
    }
}

/// The counters of a document walk.
#[derive(Debug, Default)]
pub struct Numbering {
    defs: Definitions,
    counts: HashMap<String, [Option<u32>; LEVELS]>,
    started: HashSet<String>,
}

impl Numbering {
    pub fn new(defs: Definitions) -> Numbering {
        Numbering { defs, ..Numbering::default() }
    }

    pub fn definitions(&self) -> &Definitions {
        &self.defs
    }

    /// Advances list `num_id` at level `ilvl` and gives the paragraph's label with what follows
    /// it ("1. ", "一、 "); None when the list or level is not defined ("0" means no list).
    pub fn next(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let at = usize::from(ilvl).min(LEVELS - 1);
        let inst = self.defs.instances.get(num_id)?;
        let abs = self.defs.abstracts.get(&inst.abstract_id);
        let level_of = |l: usize| inst.levels.get(l).cloned().flatten().or_else(|| abs?.get(l).cloned().flatten());
        let level = level_of(at)?;
        let start_of =
            |l: usize| inst.starts.get(l).copied().flatten().or_else(|| level_of(l).map(|v| v.start)).unwrap_or(1);
        let counts = self.counts.entry(inst.abstract_id.clone()).or_default();
        if self.started.insert(num_id.to_string()) && inst.starts.iter().any(Option::is_some) {
            *counts = [None; LEVELS];
        }
        let now = counts.get(at).copied().flatten().map_or_else(|| start_of(at), |n| n.saturating_add(1));
        for (l, c) in counts.iter_mut().enumerate() {
            if l == at {
                *c = Some(now);
            } else if l > at {
                *c = None;
            }
        }
        let snapshot = *counts;
        let number = |l: usize| {
            let n = snapshot.get(l).copied().flatten().unwrap_or_else(|| start_of(l));
            let fmt = level_of(l).map(|v| v.format).unwrap_or_else(|| "decimal".into());
            let fmt = if level.legal && l < at { "decimal".to_string() } else { fmt };
            numfmt::format(n, &fmt)
        };
        Some(label(&level, number))
    }
}

/// The level's text with "%1" … "%9" replaced by the levels' numbers; a bullet's own character
/// (a private-use symbol-font one as "•"); then one space unless the level says nothing follows.
fn label(level: &Level, number: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    if level.format == "bullet" {
        let private = |c: char| ('\u{E000}'..='\u{F8FF}').contains(&c);
        out = level.text.chars().map(|c| if private(c) { '•' } else { c }).collect();
    } else {
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    out += &number(d as usize - 1);
                }
                _ => out.push(c),
            }
        }
    }
    if !out.is_empty() && level.space_after {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests;
