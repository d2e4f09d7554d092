//! Deadline clauses (a deadline that binds only some of a task's units, `[[task.clause]]`), the
//! terms that bind one assignment, and why an assignment the document does not state was made.

use chrono::NaiveDate;

use super::{Assignee, Deadline, Plan, Target, Task};

/// A deadline that binds only some of a task's units: "2022年底前" for 市直各单位's part of a
/// task whose other units have no date, say.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Clause {
    /// The deadline phrase, verbatim.
    pub deadline_text: Option<String>,
    #[serde(with = "super::deadline::Stored")]
    pub deadline: Deadline,
    /// An explicit `due`, overriding the phrase.
    pub due_override: Option<NaiveDate>,
    /// The units and groups it binds, as the file names them.
    pub units: Vec<Target>,
    /// The part of the task's text the deadline belongs to, verbatim.
    pub text: Option<String>,
    /// Why it binds these units, when the document does not say.
    pub inferred: Option<String>,
}

/// A rule that gives many tasks the same units, as the document writes it once
/// ("以下各项均由各县（市、区）落实，不再逐一列出").
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Scope {
    /// The document's words, verbatim.
    pub text: String,
    pub units: Vec<Target>,
    /// The role it gives them.
    pub role: super::Role,
    /// The ids of the tasks it covers, in plan order.
    pub tasks: Vec<String>,
}

/// The deadline that binds one assignment: its clause's, else the task's own.
#[derive(Debug, Clone, Copy)]
pub struct Terms<'a> {
    /// The phrase, verbatim.
    pub phrase: Option<&'a str>,
    pub deadline: &'a Deadline,
    pub due_override: Option<NaiveDate>,
    /// The clause, when one binds the assignment.
    pub clause: Option<&'a Clause>,
}

impl Task {
    /// The deadline that binds assignee `a` of this task.
    pub fn terms(&self, a: &Assignee) -> Terms<'_> {
        match a.clause.and_then(|i| self.clauses.get(usize::from(i))) {
            Some(c) => Terms {
                phrase: c.deadline_text.as_deref(),
                deadline: &c.deadline,
                due_override: c.due_override,
                clause: Some(c),
            },
            None => Terms {
                phrase: self.deadline_text.as_deref(),
                deadline: &self.deadline,
                due_override: self.due_override,
                clause: None,
            },
        }
    }
}

impl Plan {
    /// The due date that binds assignee `a` of `task`: its clause's or the task's, the explicit
    /// `due` first.
    pub fn due_of(&self, task: &Task, a: &Assignee) -> Option<NaiveDate> {
        let t = task.terms(a);
        t.due_override.or_else(|| t.deadline.due(self.meta.issued))
    }

    /// Why assignee `a` of `task` is on the task when the document does not say so: the
    /// task's reason, else that of the group it came through. `None` for a stated assignment.
    pub fn inferred<'p>(&'p self, task: &'p Task, a: &Assignee) -> Option<&'p str> {
        if !a.inferred {
            return None;
        }
        let via_group = task.lead.iter().chain(&task.units).find_map(|t| match *t {
            Target::Group(g) if self.groups[g].members.contains(&a.unit) => self.groups[g].inferred.as_deref(),
            _ => None,
        });
        task.inferred.as_deref().or(via_group)
    }
}
