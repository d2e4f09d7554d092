//! The quick way into a plan file: its plain layout (`crate::plain`: comments, `key = value`
//! lines, the `[plan]` and `[plan.inferred]` tables and `[[unit]]`, `[[group]]`, `[[task]]` and
//! `[[task.clause]]` headers) read in one
//! pass into the raw plan serde would make. Anything else (another layout or table, an unknown
//! or repeated key, a value of another type) gives `None`, and the file is read by toml, whose
//! messages are the ones users see; a plan read either way is the same, spans included.

use std::ops::Range;

use toml::Spanned;

use super::raw::{Names, RawClause, RawGroup, RawMeta, RawMetaInferred, RawPlan, RawScope, RawTask, RawUnit, Text};
use crate::plain::{Parser, Step};

/// The table whose keys are being read.
enum Table {
    Top,
    Meta(Range<usize>, Box<RawMeta>),
    Unit(Range<usize>, RawUnit),
    Group(Range<usize>, RawGroup),
    Task(Range<usize>, Box<RawTask>),
    /// `[plan.inferred]`, after `[plan]`.
    MetaInferred(Range<usize>, RawMetaInferred),
    /// `[[task.clause]]`, after its `[[task]]`.
    Clause(Range<usize>, RawClause),
    Scope(Range<usize>, RawScope),
}

/// The raw plan, when it is all in the plain layout.
pub(super) fn raw_plan(src: &str) -> Option<RawPlan> {
    let mut p = Parser::new(src);
    let mut plan =
        RawPlan { plan: None, unit: Vec::new(), group: Vec::new(), task: Vec::new(), report: None, scope: Vec::new() };
    let mut table = Table::Top;
    let mut seen_meta = false;
    loop {
        match p.step()? {
            Step::End => break,
            Step::Table { name, array, span } => {
                let next = match (name, array) {
                    ("plan", false) if !seen_meta => {
                        seen_meta = true;
                        Table::Meta(span, Box::new(meta()))
                    }
                    ("unit", true) => Table::Unit(span, RawUnit { id: None, name: None, aliases: None }),
                    ("group", true) => Table::Group(
                        span,
                        RawGroup {
                            id: None,
                            name: None,
                            aliases: None,
                            members: None,
                            inferred: None,
                            kind: None,
                            open: None,
                        },
                    ),
                    ("task", true) => Table::Task(span, Box::new(task())),
                    ("plan.inferred", false) => Table::MetaInferred(span, meta_inferred()),
                    ("task.clause", true) => Table::Clause(span, clause()),
                    ("scope", true) => Table::Scope(
                        span,
                        RawScope { text: None, units: None, section: None, from: None, to: None, role: None },
                    ),
                    _ => return None,
                };
                close(&mut plan, std::mem::replace(&mut table, next))?;
            }
            Step::Key(key) => {
                set(&mut table, key, &mut p)?;
                p.end_of_line()?;
            }
        }
    }
    close(&mut plan, table)?;
    Some(plan)
}

fn meta() -> RawMeta {
    RawMeta {
        id: None,
        title: None,
        issuer: None,
        doc_no: None,
        issued: None,
        year: None,
        report_dates: None,
        timezone: None,
        source: None,
        inferred: None,
    }
}

fn task() -> RawTask {
    RawTask {
        id: None,
        number: None,
        section: None,
        subsection: None,
        topic: None,
        content: None,
        requirement: None,
        indicator: None,
        body: None,
        responsible: None,
        lead: None,
        units: None,
        assist: None,
        others: None,
        deadline: None,
        due: None,
        remark: None,
        inferred: None,
        clause: None,
    }
}

fn meta_inferred() -> RawMetaInferred {
    RawMetaInferred { title: None, issuer: None, doc_no: None, issued: None, year: None, report_dates: None }
}

fn clause() -> RawClause {
    RawClause { deadline: None, due: None, units: None, text: None, inferred: None }
}

/// Puts a table that has been read in its place in the plan; `None` for a sub-table whose
/// parent is not the table just read (or one given twice), left to toml.
fn close(plan: &mut RawPlan, table: Table) -> Option<()> {
    match table {
        Table::Top => {}
        Table::Meta(at, m) => plan.plan = Some(Spanned::new(at, *m)),
        Table::Unit(at, u) => plan.unit.push(Spanned::new(at, u)),
        Table::Group(at, g) => plan.group.push(Spanned::new(at, g)),
        Table::Task(at, t) => plan.task.push(Spanned::new(at, *t)),
        Table::MetaInferred(at, i) => once(&mut plan.plan.as_mut()?.get_mut().inferred, Some(Spanned::new(at, i)))?,
        Table::Clause(at, c) => {
            let task = plan.task.last_mut()?.get_mut();
            task.clause.get_or_insert_with(Vec::new).push(Spanned::new(at, c));
        }
        Table::Scope(at, r) => plan.scope.push(Spanned::new(at, r)),
    }
    Some(())
}

/// Sets a field that is not yet set.
fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value?);
    Some(())
}

fn text(slot: &mut Text, p: &mut Parser) -> Option<()> {
    once(slot, p.string())
}

fn names(slot: &mut Names, p: &mut Parser) -> Option<()> {
    once(slot, p.array(Parser::string))
}

/// Reads the value of `key` into the table it belongs to.
fn set(table: &mut Table, key: &str, p: &mut Parser) -> Option<()> {
    match table {
        Table::Top => None,
        Table::Meta(_, m) => match key {
            "id" => text(&mut m.id, p),
            "title" => text(&mut m.title, p),
            "issuer" => text(&mut m.issuer, p),
            "doc_no" => text(&mut m.doc_no, p),
            "issued" => once(&mut m.issued, p.datetime()),
            "year" => once(&mut m.year, p.integer()),
            "report_dates" => once(&mut m.report_dates, p.array(Parser::datetime)),
            "timezone" => text(&mut m.timezone, p),
            "source" => text(&mut m.source, p),
            _ => None,
        },
        Table::Unit(_, u) => match key {
            "id" => text(&mut u.id, p),
            "name" => text(&mut u.name, p),
            "aliases" => names(&mut u.aliases, p),
            _ => None,
        },
        Table::Group(_, g) => match key {
            "id" => text(&mut g.id, p),
            "name" => text(&mut g.name, p),
            "aliases" => names(&mut g.aliases, p),
            "members" => names(&mut g.members, p),
            "inferred" => text(&mut g.inferred, p),
            "kind" => text(&mut g.kind, p),
            "open" => once(&mut g.open, p.boolean()),
            _ => None,
        },
        Table::Task(_, t) => task_field(t, key, p),
        Table::MetaInferred(_, i) => match key {
            "title" => text(&mut i.title, p),
            "issuer" => text(&mut i.issuer, p),
            "doc_no" => text(&mut i.doc_no, p),
            "issued" => text(&mut i.issued, p),
            "year" => text(&mut i.year, p),
            "report_dates" => text(&mut i.report_dates, p),
            _ => None,
        },
        Table::Scope(_, r) => match key {
            "text" => text(&mut r.text, p),
            "units" => names(&mut r.units, p),
            "section" => text(&mut r.section, p),
            "from" => text(&mut r.from, p),
            "to" => text(&mut r.to, p),
            "role" => text(&mut r.role, p),
            _ => None,
        },
        Table::Clause(_, c) => match key {
            "deadline" => text(&mut c.deadline, p),
            "due" => once(&mut c.due, p.datetime()),
            "units" => names(&mut c.units, p),
            "text" => text(&mut c.text, p),
            "inferred" => text(&mut c.inferred, p),
            _ => None,
        },
    }
}

fn task_field(t: &mut RawTask, key: &str, p: &mut Parser) -> Option<()> {
    match key {
        "id" => text(&mut t.id, p),
        "number" => text(&mut t.number, p),
        "section" => text(&mut t.section, p),
        "subsection" => text(&mut t.subsection, p),
        "topic" => text(&mut t.topic, p),
        "content" => text(&mut t.content, p),
        "requirement" => text(&mut t.requirement, p),
        "indicator" => text(&mut t.indicator, p),
        "body" => text(&mut t.body, p),
        "responsible" => text(&mut t.responsible, p),
        "lead" => names(&mut t.lead, p),
        "units" => names(&mut t.units, p),
        "assist" => names(&mut t.assist, p),
        "others" => text(&mut t.others, p),
        "deadline" => text(&mut t.deadline, p),
        "due" => once(&mut t.due, p.datetime()),
        "remark" => text(&mut t.remark, p),
        "inferred" => text(&mut t.inferred, p),
        _ => None,
    }
}

#[cfg(test)]
#[path = "plain_tests.rs"]
mod tests;
