//! The quickest way into a unit file: its plain layout (`crate::plain`: comments, `key = value`
//! lines and `[[update]]` headers) read in one pass into the raw records serde would make.
//! Anything else (another layout or table, an unknown or repeated key, a missing field) gives
//! `None`, and the file is read by toml through serde, whose messages are the ones users
//! see; a file read either way gives the same records, spans included.

use std::ops::Range;

use toml::Spanned;
use toml::value::Datetime;

use super::{RawFile, RawUpdate};
use crate::plain::{Parser, Step};

/// The raw file, when it is all in the plain layout.
pub(super) fn raw_file(src: &str) -> Option<RawFile> {
    let mut p = Parser::new(src);
    let mut file = RawFile { plan: None, unit: None, update: Vec::new() };
    let mut current: Option<(Range<usize>, Fields)> = None;
    loop {
        match p.step()? {
            Step::End => break,
            Step::Table { name: "update", array: true, span } => {
                if let Some((at, fields)) = current.replace((span, Fields::default())) {
                    file.update.push(Spanned::new(at, fields.finish()?));
                }
            }
            Step::Table { .. } => return None,
            Step::Key(key) => {
                match current.as_mut() {
                    Some((_, fields)) => fields.set(key, &mut p)?,
                    None => top(&mut file, key, &mut p)?,
                }
                p.end_of_line()?;
            }
        }
    }
    if let Some((at, fields)) = current {
        file.update.push(Spanned::new(at, fields.finish()?));
    }
    Some(file)
}

/// A top-level key: the file's plan and unit, each once.
fn top(file: &mut RawFile, key: &str, p: &mut Parser) -> Option<()> {
    match key {
        "plan" if file.plan.is_none() => file.plan = Some(p.string()?.into_inner()),
        "unit" if file.unit.is_none() => file.unit = Some(p.string()?),
        _ => return None,
    }
    Some(())
}

/// One record's fields as they are read.
#[derive(Default)]
struct Fields {
    id: Option<Spanned<String>>,
    corrects: Option<Spanned<String>>,
    withdrawn: Option<Spanned<bool>>,
    unchanged: Option<Spanned<bool>>,
    task: Option<Spanned<String>>,
    unit: Option<Spanned<String>>,
    at: Option<Spanned<Datetime>>,
    recorded_at: Option<Spanned<Datetime>>,
    by: Option<String>,
    status: Option<Spanned<String>>,
    percent: Option<Spanned<i64>>,
    note: Option<String>,
    problems: Option<String>,
    next: Option<String>,
    evidence: Option<Vec<String>>,
    source: Option<String>,
}

/// Sets a field that is not yet set.
fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value?);
    Some(())
}

impl Fields {
    fn set(&mut self, key: &str, p: &mut Parser) -> Option<()> {
        match key {
            "id" => once(&mut self.id, p.string()),
            "corrects" => once(&mut self.corrects, p.string()),
            "withdrawn" => once(&mut self.withdrawn, p.boolean()),
            "unchanged" => once(&mut self.unchanged, p.boolean()),
            "task" => once(&mut self.task, p.string()),
            "unit" => once(&mut self.unit, p.string()),
            "at" => once(&mut self.at, p.datetime()),
            "recorded_at" => once(&mut self.recorded_at, p.datetime()),
            "by" => once(&mut self.by, p.string().map(Spanned::into_inner)),
            "status" => once(&mut self.status, p.string()),
            "percent" => once(&mut self.percent, p.integer()),
            "note" => once(&mut self.note, p.string().map(Spanned::into_inner)),
            "problems" => once(&mut self.problems, p.string().map(Spanned::into_inner)),
            "next" => once(&mut self.next, p.string().map(Spanned::into_inner)),
            "evidence" => once(&mut self.evidence, p.strings()),
            "source" => once(&mut self.source, p.string().map(Spanned::into_inner)),
            _ => None,
        }
    }

    /// The record, when it has the fields every record has.
    fn finish(self) -> Option<RawUpdate> {
        Some(RawUpdate {
            id: self.id,
            corrects: self.corrects,
            withdrawn: self.withdrawn,
            unchanged: self.unchanged,
            task: self.task?,
            unit: self.unit?,
            at: self.at?,
            recorded_at: self.recorded_at,
            by: self.by,
            status: self.status?,
            percent: self.percent,
            note: self.note,
            problems: self.problems,
            next: self.next,
            evidence: self.evidence.unwrap_or_default(),
            source: self.source,
        })
    }
}

#[cfg(test)]
#[path = "lines_tests.rs"]
mod tests;
