//! The progress ledger: one append-only TOML file of `[[update]]` records per unit, the
//! queries reports need (latest state, state as of a moment, history), and safe appends.

mod error;
mod file;
mod merge;
mod status;
mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

pub use error::{LedgerError, LedgerWarning};
pub use file::{parse as parse_file, record};
pub use merge::{Merged, merge};
pub use status::Status;
pub use write::{Expect, Saved, append, unit_file};

use crate::plan::Plan;

/// One progress update of one (task, unit) assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// Task id.
    pub task: String,
    /// Unit id.
    pub unit: String,
    /// When it was recorded (RFC 3339 with offset).
    pub at: DateTime<FixedOffset>,
    /// The operator, if given.
    pub by: Option<String>,
    pub status: Status,
    /// 0–100.
    pub percent: Option<u8>,
    /// 进展情况
    pub note: Option<String>,
    /// 存在问题
    pub problems: Option<String>,
    /// 下步计划
    pub next: Option<String>,
    /// 佐证: URLs or paths.
    pub evidence: Vec<String>,
}

/// All updates of a plan's ledger directory.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub dir: PathBuf,
    updates: Vec<Update>,
    /// (task, unit) → indices into `updates`, oldest first (by `at`, then file order).
    by_assignment: HashMap<(String, String), Vec<usize>>,
}

/// A ledger and what was odd about it.
#[derive(Debug, Clone)]
pub struct LoadedLedger {
    pub ledger: Ledger,
    pub warnings: Vec<LedgerWarning>,
}

/// The default ledger directory: `<plan dir>/<plan id>.progress/`.
pub fn default_dir(plan: &Plan) -> PathBuf {
    let parent = plan.path.parent().unwrap_or(Path::new("."));
    parent.join(format!("{}.progress", plan.meta.id))
}

impl Ledger {
    /// Reads every unit file of `dir` (a missing directory is an empty ledger). A file that
    /// does not parse is an error naming its line and column.
    pub fn load(plan: &Plan, dir: &Path) -> Result<LoadedLedger, LedgerError> {
        Ledger::load_units(plan, dir, None)
    }

    /// Reads one unit's file only (index into `plan.units`): an operator needs no other
    /// unit's file, and on a shared server may not be allowed to read them.
    pub fn load_unit(plan: &Plan, dir: &Path, unit: usize) -> Result<LoadedLedger, LedgerError> {
        Ledger::load_units(plan, dir, Some(unit))
    }

    fn load_units(plan: &Plan, dir: &Path, only: Option<usize>) -> Result<LoadedLedger, LedgerError> {
        let mut warnings = Vec::new();
        let mut updates = Vec::new();
        let chosen = plan.units.iter().enumerate().filter(|(i, _)| only.is_none_or(|o| o == *i));
        for (_, unit) in chosen {
            let path = unit_file(dir, &unit.id)?;
            match std::fs::read_to_string(&path) {
                Ok(src) => updates.extend(file::parse(&src, &path, Some(&unit.id))?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(LedgerError::Io { path, source }),
            }
        }
        if only.is_none() {
            warnings.extend(stray_files(plan, dir));
        }
        let ledger = Ledger::from_updates(dir.to_path_buf(), updates);
        warnings.extend(ledger.unplanned(plan));
        Ok(LoadedLedger { ledger, warnings })
    }

    /// Builds a ledger from updates in file order.
    pub fn from_updates(dir: PathBuf, updates: Vec<Update>) -> Ledger {
        let mut by_assignment: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, u) in updates.iter().enumerate() {
            by_assignment.entry((u.task.clone(), u.unit.clone())).or_default().push(i);
        }
        for list in by_assignment.values_mut() {
            list.sort_by_key(|&i| (updates[i].at, i));
        }
        Ledger { dir, updates, by_assignment }
    }

    /// Every update, in file order.
    pub fn updates(&self) -> &[Update] {
        &self.updates
    }

    /// The history of one assignment, oldest first.
    pub fn history(&self, task: &str, unit: &str) -> Vec<&Update> {
        self.indices(task, unit).iter().map(|&i| &self.updates[i]).collect()
    }

    /// The current state of an assignment: its latest update.
    pub fn latest(&self, task: &str, unit: &str) -> Option<&Update> {
        self.indices(task, unit).last().map(|&i| &self.updates[i])
    }

    /// The state as of a moment: the latest update at or before `at`.
    pub fn as_of(&self, task: &str, unit: &str, at: DateTime<FixedOffset>) -> Option<&Update> {
        let list = self.indices(task, unit);
        let n = list.partition_point(|&i| self.updates[i].at <= at);
        n.checked_sub(1).map(|k| &self.updates[list[k]])
    }

    fn indices(&self, task: &str, unit: &str) -> &[usize] {
        self.by_assignment.get(&(task.to_string(), unit.to_string())).map_or(&[], Vec::as_slice)
    }

    /// Updates whose task is gone from the plan, or whose unit is no longer on it.
    fn unplanned(&self, plan: &Plan) -> Vec<LedgerWarning> {
        let mut out = Vec::new();
        for (task, unit) in self.by_assignment.keys() {
            let assigned = plan.task(task).is_some_and(|t| t.assignees.iter().any(|a| plan.units[a.unit].id == *unit));
            if !assigned {
                out.push(LedgerWarning::Unassigned { task: task.clone(), unit: unit.clone() });
            }
        }
        out.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        out
    }
}

/// `*.toml` files in the directory that belong to no unit of the plan.
fn stray_files(plan: &Plan, dir: &Path) -> Vec<LedgerWarning> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<LedgerWarning> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| {
            let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            !plan.units.iter().any(|u| u.id == stem)
        })
        .map(|path| LedgerWarning::StrayFile { path })
        .collect();
    out.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    out
}

#[cfg(test)]
#[path = "ledger/tests.rs"]
mod tests;
