//! Validation of `[[task.clause]]`: deadlines that bind only some of a task's units. Each
//! clause's units must be on the task, and no unit may be bound by two clauses.

use super::Cx;
use crate::plan::deadline::Deadline;
use crate::plan::diag::{Inferred, Problem};
use crate::plan::names::{NameIndex, Target};
use crate::plan::raw::{RawClause, S};
use crate::plan::{Assignee, Clause, Group, Meta};

/// What a task's clauses are checked against.
pub(super) struct TaskCx<'a> {
    pub task: &'a str,
    pub index: &'a NameIndex,
    pub groups: &'a [Group],
    pub meta: &'a Option<Meta>,
}

impl Cx<'_> {
    /// The task's clauses, each assignee they bind marked with its clause.
    pub(super) fn clauses(
        &mut self,
        raw: Option<&[S<RawClause>]>,
        at: &TaskCx,
        assignees: &mut [Assignee],
    ) -> Vec<Clause> {
        let mut out = Vec::new();
        for (i, c) in raw.unwrap_or_default().iter().enumerate() {
            let Ok(n) = u16::try_from(i) else { break };
            if let Some(clause) = self.clause(c, n, at, assignees) {
                out.push(clause);
            }
        }
        out
    }

    fn clause(&mut self, raw: &S<RawClause>, n: u16, at: &TaskCx, assignees: &mut [Assignee]) -> Option<Clause> {
        let (c, start) = (raw.get_ref(), raw.span().start);
        let year = at.meta.as_ref().map_or(2000, |m| m.year);
        let deadline_text = super::opt(&c.deadline);
        let due_override = c.due.as_ref().and_then(|d| self.date(d, "due"));
        if deadline_text.is_none() && c.due.is_none() {
            self.err(start, Problem::Missing { table: "task.clause", field: "deadline" });
        }
        let deadline = deadline_text.as_deref().map_or(Deadline::Unspecified, |p| Deadline::parse(p, year));
        if due_override.is_none() {
            let phrase_at = c.deadline.as_ref().map_or(start, |v| v.span().start);
            self.deadline_warnings(&deadline, deadline_text.as_deref(), at.task, phrase_at, at.meta);
        }
        if c.units.as_ref().is_none_or(Vec::is_empty) {
            self.err(start, Problem::Missing { table: "task.clause", field: "units" });
        }
        let mut units = Vec::new();
        for name in c.units.iter().flatten() {
            let Some(target) = self.resolve(name.get_ref(), name.span().start, at.task, at.index) else { continue };
            self.bind(target, n, name, at, assignees);
            units.push(target);
        }
        let inferred = super::opt(&c.inferred);
        if let Some(v) = &c.inferred {
            let problem =
                Problem::Inferred { what: Inferred::Clause(at.task.to_string()), reason: v.get_ref().clone() };
            self.note(v.span().start, problem);
        }
        Some(Clause { deadline_text, deadline, due_override, units, text: super::opt(&c.text), inferred })
    }

    /// Marks every assignee `target` covers as bound by clause `n`.
    fn bind(&mut self, target: Target, n: u16, name: &S<String>, at: &TaskCx, assignees: &mut [Assignee]) {
        let members: &[usize] = match &target {
            Target::Unit(u) => std::slice::from_ref(u),
            Target::Group(g) => &at.groups[*g].members,
        };
        let task = at.task.to_string();
        let mut on_task = false;
        for &u in members {
            let Some(a) = assignees.iter_mut().find(|a| a.unit == u) else { continue };
            on_task = true;
            match a.clause {
                Some(other) if other != n => {
                    let problem = Problem::ClauseOverlap { task: task.clone(), name: name.get_ref().clone() };
                    self.err(name.span().start, problem);
                    return;
                }
                _ => a.clause = Some(n),
            }
        }
        if !on_task {
            let problem = Problem::ClauseUnitNotOnTask { task, name: name.get_ref().clone() };
            self.err(name.span().start, problem);
        }
    }
}
