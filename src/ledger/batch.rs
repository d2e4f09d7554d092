//! Many records of one unit at once — the changed rows of a filled 台账 spreadsheet: every
//! record is checked against the plan, the clock and the unit's records first, then all are
//! written in one atomic replace of the unit's file, or none is. A record the file already
//! holds (the assignment's latest state says the same, or the very record came in before) is
//! left out, so bringing in the same sheet twice adds nothing. A dry run makes the same checks
//! on the file as it stands and writes nothing.

use std::path::PathBuf;

use super::write::{WriteOptions, locked_append, prepare, unused_id};
use super::{Ledger, LedgerError, Update, check};
use crate::plan::Plan;

/// What became of each record of a batch, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// Written (or, in a dry run, to be written): the record as it is in the file.
    Added(Box<Update>),
    /// Already in the file: nothing written.
    Already,
}

/// A batch that went in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appended {
    /// The unit's ledger file.
    pub path: PathBuf,
    pub fates: Vec<Fate>,
}

/// A refused batch: nothing of it was written. `index` is the record at fault, if one is.
#[derive(Debug)]
pub struct BatchError {
    pub index: Option<usize>,
    pub error: LedgerError,
}

impl From<LedgerError> for BatchError {
    fn from(error: LedgerError) -> BatchError {
        BatchError { index: None, error }
    }
}

/// Appends `updates`, all of unit `unit` (an id), to the ledger in `dir`; with `dry_run`, only
/// says what it would do. Each record is checked as `append` checks one (the plan, its date,
/// something new to say); `who` is left in the lock file for others who wait.
pub fn append_batch(
    plan: &Plan,
    dir: &std::path::Path,
    unit: &str,
    updates: Vec<Update>,
    opts: &WriteOptions,
    dry_run: bool,
) -> Result<Appended, BatchError> {
    let at = |index: usize| move |error| BatchError { index: Some(index), error };
    let unit_name = plan
        .unit_index(unit)
        .map(|i| plan.units[i].name.clone())
        .ok_or_else(|| LedgerError::UnknownUnit { unit: unit.to_string() })?;
    let mut ready = Vec::with_capacity(updates.len());
    for (i, u) in updates.into_iter().enumerate() {
        if u.unit != unit {
            return Err(at(i)(LedgerError::UnknownUnit { unit: u.unit }));
        }
        let (_, u) = prepare(plan, u, &opts.clock).map_err(at(i))?;
        ready.push(u);
    }
    let who = format!("pid {} · merge", std::process::id());
    let mut fates = Vec::new();
    let mut failed = None;
    let path = locked_append(plan, dir, unit, &unit_name, &who, opts, dry_run, |existing| {
        let mut new: Vec<Update> = Vec::new();
        for (i, u) in ready.into_iter().enumerate() {
            if already(existing, &u) {
                fates.push(Fate::Already);
                continue;
            }
            let mut u = check::content(existing, u).inspect_err(|_| failed = Some(i))?;
            u.id = unused_id(existing, &u, opts.clock.simulated, |id| new.iter().any(|n| n.id == id));
            fates.push(Fate::Added(Box::new(u.clone())));
            new.push(u);
        }
        Ok(new)
    })
    .map_err(|error| BatchError { index: failed, error })?;
    Ok(Appended { path, fates })
}

/// True when the unit's file already holds what `u` says: the assignment's latest state says
/// the same, or a record from the same source, at the same time and by the same operator,
/// said it (it came in before, and something newer has been recorded since).
fn already(existing: &Ledger, u: &Update) -> bool {
    if existing.latest(&u.task, &u.unit).is_some_and(|l| l.same_content(u)) {
        return true;
    }
    u.source.is_some()
        && existing
            .trail_iter(&u.task, &u.unit)
            .any(|r| r.source == u.source && r.at == u.at && r.by == u.by && r.same_content(u))
}
