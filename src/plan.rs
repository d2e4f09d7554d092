//! The plan: metadata, units with aliases, groups, and tasks in the document's own words.
//! Loaded from `plans/<id>.toml` and validated into this resolved model.

mod build;
mod clause;
pub mod deadline;
pub mod diag;
mod meta;
pub mod names;
mod plain;
mod raw;
pub mod responsible;
mod unit;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use build::valid_unit_id;
pub use clause::{Clause, Scope, Terms};
pub use deadline::{Cycle, Deadline};
pub use diag::{Diagnostic, Inferred, Position, Problem, Severity};
pub use meta::{Meta, MetaInferred, Notice};
use names::NameIndex;
pub use names::Target;
pub use unit::{Group, GroupKind, Role, Unit};

use crate::Lang;

type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use crate::cache::{Cache, Stamp};

/// Failure to load a plan.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// The file has errors (and perhaps warnings); each diagnostic has its line and column.
    #[error("{}: {} error(s)", path.display(), diagnostics.iter().filter(|d| d.is_error()).count())]
    Invalid { path: PathBuf, diagnostics: Vec<Diagnostic> },
    /// The file is not a regular file, too large, or not UTF-8.
    #[error(transparent)]
    Refused(#[from] crate::fsread::Refusal),
}

impl PlanError {
    /// The full report, one diagnostic per paragraph, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            PlanError::Io { path, source } => crate::tr!(
                lang,
                "错误: 无法读取计划文件 {}：{source}\n  提示: 检查路径是否正确，例如 plans/zhongwei-2022.toml",
                "error: cannot read plan file {}: {source}\n  hint: check the path, e.g. plans/zhongwei-2022.toml",
                path.display()
            ),
            PlanError::Invalid { path, diagnostics } => {
                let file = path.display().to_string();
                let lines: Vec<String> = diagnostics.iter().map(|d| d.render(&file, lang)).collect();
                lines.join("\n")
            }
            PlanError::Refused(r) => r.render(lang),
        }
    }
}

/// One unit's share of a task, after group expansion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Assignee {
    pub unit: usize,
    pub role: Role,
    /// The deadline clause that binds this unit (an index into `Task::clauses`); `None`: the
    /// task's own deadline.
    pub clause: Option<u16>,
    /// True when the document does not state this assignment (see [`Plan::inferred`]).
    pub inferred: bool,
    /// True when every name that brings the unit onto the task is a group whose every member
    /// must do it ([`GroupKind::Every`]): its 不适用 counts as not done.
    pub required: bool,
}

/// One row of the task-division table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Task {
    pub id: String,
    pub number: Option<String>,
    pub section: Option<String>,
    pub subsection: Option<String>,
    pub topic: Option<String>,
    pub content: String,
    pub requirement: Option<String>,
    pub indicator: Option<String>,
    /// What the document's body says of the task where its table row abbreviates it: the
    /// paragraph(s), verbatim.
    pub body: Option<String>,
    pub responsible: Option<String>,
    /// Lead units and groups as the document names them.
    pub lead: Vec<Target>,
    /// Other responsible units and groups as the document names them.
    pub units: Vec<Target>,
    /// Assisting (配合 / 协助) units and groups as the document names them.
    #[serde(default)]
    pub assist: Vec<Target>,
    pub others: Option<String>,
    /// The deadline phrase, verbatim.
    pub deadline_text: Option<String>,
    #[serde(with = "deadline::Stored")]
    pub deadline: Deadline,
    /// An explicit `due` from the file, overriding the phrase.
    pub due_override: Option<NaiveDate>,
    pub remark: Option<String>,
    /// Why the task's units are set when the document names none.
    pub inferred: Option<String>,
    /// Deadlines that bind only some units; the others take `deadline`.
    pub clauses: Vec<Clause>,
    /// Units given by scope rules (`Plan::scopes`, by index) that the task does not name itself.
    pub scoped: Vec<(Target, usize)>,
    /// Every reporting unit on the task, each once: leads, then responsible, then assisting
    /// units; a unit named under two roles keeps the stronger.
    pub assignees: Vec<Assignee>,
    /// Line of the `[[task]]` in the plan file.
    pub line: usize,
}

/// A loaded, validated plan. Serializable for the per-user cache only (the path and the id
/// indexes are set again when it is read back: see [`Plan::restored`]).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    #[serde(skip)]
    pub path: PathBuf,
    pub meta: Meta,
    pub units: Vec<Unit>,
    pub groups: Vec<Group>,
    pub tasks: Vec<Task>,
    /// Rules that give many tasks the same units (`[[scope]]`).
    pub scopes: Vec<Scope>,
    index: NameIndex,
    /// Task id → index into `tasks`, and unit id → index into `units`: looked up per record.
    #[serde(skip)]
    task_ids: HashMap<String, usize>,
    #[serde(skip)]
    unit_ids: HashMap<String, usize>,
}

/// A plan and the warnings found while loading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub plan: Plan,
    pub warnings: Vec<Diagnostic>,
}

/// Why a unit name given on the command line did not resolve.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UnitLookupError {
    #[error("unknown unit {name}")]
    Unknown { name: String, suggestions: Vec<String> },
    #[error("{name} is a group")]
    Group { name: String, members: Vec<String> },
}

impl Plan {
    /// The directory of the plan's file ("." for a plan named without one): where relative
    /// evidence paths and the git repository of `sync` are found.
    pub fn dir(&self) -> &Path {
        self.path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
    }

    /// Reads and validates a plan file.
    pub fn load(path: &Path) -> Result<Loaded, PlanError> {
        let src = crate::fsread::text(path, crate::fsread::PLAN_LIMIT)?
            .map_err(|source| PlanError::Io { path: path.to_path_buf(), source })?;
        Plan::parse(&src, path)
    }

    /// Reads a plan through the per-user cache: the cached plan if it is valid for the file as
    /// it is now, else the file (then cached, unless it changed within the racy window of
    /// `wall`). Warnings are dropped: `taizhang check` shows them.
    pub fn open(path: &Path, cache: Option<&Cache>, wall: DateTime<FixedOffset>) -> Result<Plan, PlanError> {
        let Some((cache, stamp)) = cache.zip(Stamp::of(path)) else {
            return Plan::load(path).map(|l| l.plan);
        };
        if let Some(plan) = cache.plan(path, &stamp) {
            return Ok(plan);
        }
        // Stamped before reading: a change while reading makes a stamp no later read matches.
        let plan = Plan::load(path)?.plan;
        cache.put_plan(path, &stamp, &plan, wall);
        Ok(plan)
    }

    /// Validates plan text; `path` is used in messages and kept in the plan.
    pub fn parse(src: &str, path: &Path) -> Result<Loaded, PlanError> {
        build::build(src, path)
    }

    /// The due date of a task's own deadline (not its clauses'): the explicit `due`, else the
    /// parsed phrase's date. An assignment's is [`Plan::due_of`].
    pub fn due(&self, task: &Task) -> Option<NaiveDate> {
        task.due_override.or_else(|| task.deadline.due(self.meta.issued))
    }

    /// Display name of a unit or group reference.
    pub fn target_name(&self, t: Target) -> &str {
        match t {
            Target::Unit(i) => &self.units[i].name,
            Target::Group(i) => &self.groups[i].name,
        }
    }

    /// Looks a unit or group up by id, name or alias.
    pub fn lookup(&self, name: &str) -> Option<Target> {
        self.index.get(name)
    }

    /// Resolves a name, alias or id to a reporting unit. A name written without its level
    /// word resolves too when that is unambiguous ("财政局" finds 市财政局).
    pub fn find_unit(&self, name: &str) -> Result<usize, UnitLookupError> {
        let name = name.trim();
        let mut found = self.index.get(name);
        if found.is_none() {
            let hits: Vec<Target> =
                ["市", "县", "区"].iter().filter_map(|p| self.index.get(&format!("{p}{name}"))).collect();
            found = (hits.len() == 1).then(|| hits[0]);
        }
        match found {
            Some(Target::Unit(i)) => Ok(i),
            Some(Target::Group(g)) if !self.groups[g].listed => Ok(self.groups[g].members[0]),
            Some(Target::Group(g)) => Err(UnitLookupError::Group {
                name: self.groups[g].name.clone(),
                members: self.groups[g].members.iter().map(|&u| self.units[u].name.clone()).collect(),
            }),
            None => Err(UnitLookupError::Unknown {
                name: name.to_string(),
                suggestions: self.index.suggest(name, 5, |t| matches!(t, Target::Unit(_))),
            }),
        }
    }

    /// The tasks a unit is assigned to, with its role, in plan order.
    pub fn assignments_of(&self, unit: usize) -> Vec<(&Task, Role)> {
        self.tasks.iter().filter_map(|t| t.assignees.iter().find(|a| a.unit == unit).map(|a| (t, a.role))).collect()
    }

    /// The task with this id.
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.task_ids.get(id).map(|&i| &self.tasks[i])
    }

    /// The index of the unit with id `id` in `units`.
    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.unit_ids.get(id).copied()
    }

    /// Builds the id indexes (after `tasks` and `units` are final). On duplicate ids (an error
    /// `check` reports) the first wins, as a scan would.
    /// A plan read back from the cache, as loaded from `path`.
    pub(crate) fn restored(mut self, path: &Path) -> Plan {
        self.path = path.to_path_buf();
        self.index_ids();
        self
    }

    pub(crate) fn index_ids(&mut self) {
        self.task_ids.clear();
        for (i, t) in self.tasks.iter().enumerate() {
            self.task_ids.entry(t.id.clone()).or_insert(i);
        }
        self.unit_ids.clear();
        for (i, u) in self.units.iter().enumerate() {
            self.unit_ids.entry(u.id.clone()).or_insert(i);
        }
    }
}

#[cfg(test)]
#[path = "plan/tests.rs"]
mod tests;
