//! Validation of `[[task]]` rows: ids, text, unit references (explicit, or read from the
//! responsible cell), deadlines, and the expansion of groups into assignees.

use std::collections::HashMap;

use super::Cx;
use super::clauses::TaskCx;
use crate::plan::deadline::Deadline;
use crate::plan::diag::{Inferred, Problem};
use crate::plan::names::{NameIndex, Target};
use crate::plan::raw::{Names, RawTask, S};
use crate::plan::responsible::parse_responsible;
use crate::plan::{Assignee, Group, GroupKind, Meta, Role, Scope, Task};

impl Cx<'_> {
    pub(super) fn tasks(
        &mut self,
        raw: &[S<RawTask>],
        index: &NameIndex,
        groups: &[Group],
        meta: &Option<Meta>,
        (scopes, covering): (&[Scope], &[Vec<usize>]),
    ) -> Vec<Task> {
        if raw.is_empty() {
            self.diags.push(crate::plan::diag::Diagnostic::warning(None, Problem::NoTasks));
        }
        let mut seen: HashMap<String, usize, foldhash::fast::RandomState> =
            HashMap::with_capacity_and_hasher(raw.len(), Default::default());
        let mut tasks = Vec::new();
        for (i, r) in raw.iter().enumerate() {
            let at = r.span().start;
            let by_rules = covering.get(i).map_or(&[][..], Vec::as_slice);
            let rules: Vec<(Target, usize, Role)> =
                by_rules.iter().flat_map(|&k| scopes[k].units.iter().map(move |&t| (t, k, scopes[k].role))).collect();
            let Some(task) = self.task(r.get_ref(), at, index, groups, meta, rules) else {
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
        rules: Vec<(Target, usize, Role)>,
    ) -> Option<Task> {
        let id = self.required(&t.id, "task", "id", at);
        if let Some(v) = t.id.as_ref().filter(|v| !valid_task_id(v.get_ref())) {
            self.err(v.span().start, Problem::BadId { what: "task", value: v.get_ref().clone() });
            return None;
        }
        let content = self.required(&t.content, "task", "content", at);
        let label = id.clone().unwrap_or_default();
        let Parties { lead, units, assist, others: derived_others, unclear } = self.parties(t, &label, index);
        // Units a scope rule gives that the task does not name itself.
        let mut scoped: Vec<(Target, usize)> = Vec::new();
        let mut roles: Vec<Role> = Vec::new();
        for (target, k, role) in rules {
            let named = lead.contains(&target) || units.contains(&target) || assist.contains(&target);
            if !named && !scoped.iter().any(|(t, _)| *t == target) {
                scoped.push((target, k));
                roles.push(role);
            }
        }
        let with = |role: Role| scoped.iter().zip(&roles).filter(move |(_, r)| **r == role).map(|((t, _), _)| *t);
        let lead_all: Vec<Target> = lead.iter().copied().chain(with(Role::Lead)).collect();
        let units_all: Vec<Target> = units.iter().copied().chain(with(Role::Responsible)).collect();
        let assist_all: Vec<Target> = assist.iter().copied().chain(with(Role::Assist)).collect();
        let none = lead_all.is_empty() && units_all.is_empty();
        if none && t.lead.is_none() && t.units.is_none() && !unclear {
            self.err(at, Problem::NoUnits { task: label.clone() });
        }
        self.two_roles(&[&lead, &units, &assist], &label, at, index);
        let year = meta.as_ref().map_or(2000, |m| m.year);
        let deadline_text = super::opt(&t.deadline);
        let deadline = deadline_text.as_deref().map_or(Deadline::Unspecified, |p| Deadline::parse(p, year));
        let due_override = t.due.as_ref().and_then(|d| self.date(d, "due"));
        let deadline_at = t.deadline.as_ref().map_or(at, |v| v.span().start);
        if due_override.is_none() {
            self.deadline_warnings(&deadline, deadline_text.as_deref(), &label, deadline_at, meta);
        }
        let inferred = super::opt(&t.inferred);
        if let Some(v) = &t.inferred {
            self.note(
                v.span().start,
                Problem::Inferred { what: Inferred::Task(label.clone()), reason: v.get_ref().clone() },
            );
        }
        let lists = [(&lead_all, Role::Lead), (&units_all, Role::Responsible), (&assist_all, Role::Assist)];
        let mut assignees = expand(&lists, groups, inferred.is_some(), &mut self.slots);
        let tcx = TaskCx { task: &label, index, groups, meta };
        let clauses = self.clauses(t.clause.as_deref(), &tcx, &mut assignees);
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
            assist,
            others: super::opt(&t.others).or(derived_others),
            deadline_text,
            deadline,
            due_override,
            remark: super::opt(&t.remark),
            inferred,
            clauses,
            scoped,
            assignees,
            line: self.pos(at).map_or(0, |p| p.line),
        })
    }

    pub(super) fn deadline_warnings(
        &mut self,
        d: &Deadline,
        text: Option<&str>,
        task: &str,
        at: usize,
        meta: &Option<Meta>,
    ) {
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

    /// Lead, responsible and assisting units: the explicit lists, or else those read from the
    /// responsible cell; a piece of the cell that names no unit is an error at the cell, never
    /// a unit.
    fn parties(&mut self, t: &RawTask, task: &str, index: &NameIndex) -> Parties {
        if t.lead.is_some() || t.units.is_some() || t.assist.is_some() {
            let lead = self.resolve_all(&t.lead, task, index);
            let units = self.resolve_all(&t.units, task, index);
            let assist = self.resolve_all(&t.assist, task, index);
            return Parties { lead, units, assist, others: None, unclear: false };
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
        let (lead, units, assist) = (resolve(&parsed.lead), resolve(&parsed.units), resolve(&parsed.assist));
        Parties { lead, units, assist, others: parsed.others, unclear: !parsed.unclear.is_empty() }
    }

    /// Warns about a unit or group a task names itself under two roles (a group reaching a
    /// unit named elsewhere is the usual "其他部门配合", and not warned about).
    fn two_roles(&mut self, lists: &[&Vec<Target>; 3], task: &str, at: usize, index: &NameIndex) {
        let roles = [Role::Lead, Role::Responsible, Role::Assist];
        for (i, weaker) in lists.iter().enumerate().skip(1) {
            for target in weaker.iter() {
                if let Some(k) = (0..i).find(|&k| lists[k].contains(target)) {
                    let name = index.name_of(*target).to_string();
                    let (kept, also) = (roles[k], roles[i]);
                    self.warn(at, Problem::TwoRoles { task: task.to_string(), name, kept, also });
                }
            }
        }
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

    pub(super) fn resolve(&mut self, name: &str, at: usize, task: &str, index: &NameIndex) -> Option<Target> {
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
    assist: Vec<Target>,
    others: Option<String>,
    /// True when part of the cell named no unit (already reported).
    unclear: bool,
}

/// Task ids come from the document's 序号; they must be usable on a command line.
fn valid_task_id(id: &str) -> bool {
    !id.is_empty() && id.chars().count() <= 40 && !id.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Every reporting unit of a task, role by role from the strongest (lead, responsible,
/// assist); a unit reached twice keeps its first, so stronger, role. An assignment is inferred
/// when the task's units are (`inferred`), or when every name that brings the unit in is a group
/// whose members are inferred; required (its 不适用 counts as not done) when every such name is a
/// group whose every member must do it.
fn expand(lists: &[(&Vec<Target>, Role)], groups: &[Group], inferred: bool, slots: &mut Vec<usize>) -> Vec<Assignee> {
    let mut out: Vec<Assignee> = Vec::new();
    let roles = lists.iter().flat_map(|(targets, role)| targets.iter().map(move |t| (t, *role)));
    for (target, role) in roles {
        let (members, via_inferred, required): (&[usize], bool, bool) = match target {
            Target::Unit(u) => (std::slice::from_ref(u), false, false),
            Target::Group(g) => {
                let g = &groups[*g];
                (&g.members, g.inferred.is_some(), g.kind == GroupKind::Every)
            }
        };
        for &unit in members {
            if slots.len() <= unit {
                slots.resize(unit + 1, usize::MAX);
            }
            match slots[unit] {
                usize::MAX => {
                    slots[unit] = out.len();
                    let inferred = inferred || via_inferred;
                    out.push(Assignee { unit, role, clause: None, inferred, required });
                }
                i => {
                    out[i].inferred &= inferred || via_inferred;
                    out[i].required &= required;
                }
            }
        }
    }
    for a in &out {
        slots[a.unit] = usize::MAX;
    }
    out
}
