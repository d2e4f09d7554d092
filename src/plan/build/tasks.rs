//! Validation of `[[task]]` rows: ids, text, unit references (explicit, or read from the
//! responsible cell), deadlines, and the expansion of groups into assignees.

use std::collections::{HashMap, HashSet};

use super::Cx;
use crate::plan::deadline::Deadline;
use crate::plan::diag::Problem;
use crate::plan::names::{NameIndex, Target};
use crate::plan::raw::{Names, RawTask, S};
use crate::plan::responsible::parse_responsible;
use crate::plan::{Assignee, Group, Meta, Role, Task};

impl Cx<'_> {
    pub(super) fn tasks(
        &mut self,
        raw: &[S<RawTask>],
        index: &NameIndex,
        groups: &[Group],
        meta: &Option<Meta>,
    ) -> Vec<Task> {
        if raw.is_empty() {
            self.diags.push(crate::plan::diag::Diagnostic::warning(None, Problem::NoTasks));
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut tasks = Vec::new();
        for r in raw {
            let at = r.span().start;
            let Some(task) = self.task(r.get_ref(), at, index, groups, meta) else {
                continue;
            };
            if let Some(&first) = seen.get(&task.id) {
                let first = self.pos(first);
                let id_at = r.get_ref().id.as_ref().map_or(at, |v| v.span().start);
                self.err(id_at, Problem::DuplicateId { what: "task", id: task.id.clone(), first });
                continue;
            }
            seen.insert(task.id.clone(), at);
            tasks.push(task);
        }
        tasks
    }

    fn task(
        &mut self,
        t: &RawTask,
        at: usize,
        index: &NameIndex,
        groups: &[Group],
        meta: &Option<Meta>,
    ) -> Option<Task> {
        let id = self.required(&t.id, "task", "id", at);
        if let Some(v) = t.id.as_ref().filter(|v| !valid_task_id(v.get_ref())) {
            self.err(v.span().start, Problem::BadId { what: "task", value: v.get_ref().clone() });
            return None;
        }
        let content = self.required(&t.content, "task", "content", at);
        let label = id.clone().unwrap_or_default();
        let Parties { lead, units, others: derived_others, unclear } = self.parties(t, &label, index);
        if lead.is_empty() && units.is_empty() && t.lead.is_none() && t.units.is_none() && !unclear {
            self.err(at, Problem::NoUnits { task: label.clone() });
        }
        let year = meta.as_ref().map_or(2000, |m| m.year);
        let deadline_text = super::opt(&t.deadline);
        let deadline = deadline_text.as_deref().map_or(Deadline::Unspecified, |p| Deadline::parse(p, year));
        let due_override = t.due.as_ref().and_then(|d| self.date(d, "due"));
        let deadline_at = t.deadline.as_ref().map_or(at, |v| v.span().start);
        if due_override.is_none() {
            self.deadline_warnings(&deadline, deadline_text.as_deref(), &label, deadline_at, meta);
        }
        let assignees = expand(&lead, &units, groups);
        Some(Task {
            id: id?,
            number: super::opt(&t.number),
            section: super::opt(&t.section),
            subsection: super::opt(&t.subsection),
            topic: super::opt(&t.topic),
            content: content?,
            requirement: super::opt(&t.requirement),
            indicator: super::opt(&t.indicator),
            body: super::opt(&t.body),
            responsible: super::opt(&t.responsible),
            lead,
            units,
            others: super::opt(&t.others).or(derived_others),
            deadline_text,
            deadline,
            due_override,
            remark: super::opt(&t.remark),
            assignees,
            line: self.pos(at).map_or(0, |p| p.line),
        })
    }

    fn deadline_warnings(&mut self, d: &Deadline, text: Option<&str>, task: &str, at: usize, meta: &Option<Meta>) {
        match d {
            Deadline::Unrecognised => {
                let phrase = text.unwrap_or_default().to_string();
                // Without a readable [plan] there is no plan year to suggest a date in.
                let due = meta.as_ref().and_then(|m| Deadline::suggested_due(&phrase, m.year));
                self.warn(at, Problem::UnparsedDeadline { task: task.to_string(), phrase, due });
            }
            Deadline::AfterIssue { .. } if meta.as_ref().is_some_and(|m| m.issued.is_none()) => {
                self.warn(at, Problem::AfterIssueUndated { task: task.to_string() });
            }
            _ => {}
        }
    }

    /// Lead and other units: the explicit lists, or else those read from the responsible cell;
    /// a piece of the cell that names no unit is an error at the cell, never a unit.
    fn parties(&mut self, t: &RawTask, task: &str, index: &NameIndex) -> Parties {
        if t.lead.is_some() || t.units.is_some() {
            let lead = self.resolve_all(&t.lead, task, index);
            let units = self.resolve_all(&t.units, task, index);
            return Parties { lead, units, others: None, unclear: false };
        }
        let Some(cell) = t.responsible.as_ref() else {
            return Parties::default();
        };
        let known = |n: &str| index.get(n).is_some();
        let parsed = parse_responsible(cell.get_ref(), &known);
        let at = cell.span().start;
        for piece in &parsed.unclear {
            self.err(at, Problem::UnclearResponsible { task: task.to_string(), piece: piece.clone() });
        }
        let mut resolve = |names: &[String]| -> Vec<Target> {
            names.iter().filter_map(|n| self.resolve(n, at, task, index)).collect()
        };
        let (lead, units) = (resolve(&parsed.lead), resolve(&parsed.units));
        Parties { lead, units, others: parsed.others, unclear: !parsed.unclear.is_empty() }
    }

    fn resolve_all(&mut self, names: &Names, task: &str, index: &NameIndex) -> Vec<Target> {
        let mut out: Vec<Target> = Vec::new();
        for n in names.iter().flatten() {
            if let Some(t) = self.resolve(n.get_ref(), n.span().start, task, index)
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        out
    }

    fn resolve(&mut self, name: &str, at: usize, task: &str, index: &NameIndex) -> Option<Target> {
        let found = index.get(name);
        if found.is_none() {
            let suggestions = index.suggest(name, 3, |_| true);
            let problem = Problem::UnknownUnit { task: task.to_string(), name: name.to_string(), suggestions };
            self.err(at, problem);
        }
        found
    }
}

/// A task's units as the file gives them or as read from its responsible cell.
#[derive(Default)]
struct Parties {
    lead: Vec<Target>,
    units: Vec<Target>,
    others: Option<String>,
    /// True when part of the cell named no unit (already reported).
    unclear: bool,
}

/// Task ids come from the document's 序号; they must be usable on a command line.
fn valid_task_id(id: &str) -> bool {
    !id.is_empty() && id.chars().count() <= 40 && !id.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Every reporting unit of a task, leads first; a unit named twice keeps its first role.
fn expand(lead: &[Target], units: &[Target], groups: &[Group]) -> Vec<Assignee> {
    let mut out: Vec<Assignee> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    let roles = lead.iter().map(|t| (t, Role::Lead)).chain(units.iter().map(|t| (t, Role::Responsible)));
    for (target, role) in roles {
        let members: &[usize] = match target {
            Target::Unit(u) => std::slice::from_ref(u),
            Target::Group(g) => &groups[*g].members,
        };
        for &unit in members {
            if seen.insert(unit) {
                out.push(Assignee { unit, role });
            }
        }
    }
    out
}
