//! Reading a plan's ledger directory: every unit's file, one unit's, or — for the office's
//! whole-plan views — every file that can be read, with the units whose file cannot be read
//! named rather than stopping everything. Files are read through the per-user cache when one is
//! given, and those it does not hold are parsed in parallel.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::source::Source;
use super::state::{Built, FileLedger};
use super::{Ledger, LedgerError, LedgerWarning, LoadedLedger, Unreadable, store};
use crate::cache::Cache;
use crate::plan::Plan;

/// How to load a ledger.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions<'a> {
    /// The real time: records dated after it are warned about; fresh files are not cached.
    pub wall: DateTime<FixedOffset>,
    /// The per-user cache, if any.
    pub cache: Option<&'a Cache>,
    /// One unit's file only (index into `plan.units`), or every unit's.
    pub only: Option<usize>,
    /// Every unit's file but this one's (the TUI reads the operator's own first).
    pub skip: Option<usize>,
    /// Go on past a unit's file that cannot be read (see [`Ledger::load_tolerant`]).
    pub tolerant: bool,
    /// Keep only each assignment's state as of this moment (see [`Ledger::states_as_of`]),
    /// file by file as each is read, so the whole ledger is never held at once.
    pub states_at: Option<DateTime<FixedOffset>>,
}

impl<'a> LoadOptions<'a> {
    /// Every unit, no cache, stopping at the first file that cannot be read.
    pub fn new(wall: DateTime<FixedOffset>) -> LoadOptions<'a> {
        LoadOptions { wall, cache: None, only: None, skip: None, tolerant: false, states_at: None }
    }
}

impl Ledger {
    /// Reads every unit file of `dir` (a missing directory is an empty ledger). A file that
    /// does not parse, or belongs to another plan, is an error naming it. `wall` is the real
    /// time: records dated after it are warned about.
    pub fn load(plan: &Plan, dir: &Path, wall: DateTime<FixedOffset>) -> Result<LoadedLedger, LedgerError> {
        Ledger::open(plan, dir, &LoadOptions::new(wall))
    }

    /// Reads one unit's file only (index into `plan.units`): an operator needs no other
    /// unit's file, and on a shared server may not be allowed to read them.
    pub fn load_unit(
        plan: &Plan,
        dir: &Path,
        unit: usize,
        wall: DateTime<FixedOffset>,
    ) -> Result<LoadedLedger, LedgerError> {
        Ledger::open(plan, dir, &LoadOptions { only: Some(unit), ..LoadOptions::new(wall) })
    }

    /// Reads every unit file that can be read. A unit whose file cannot be read or parsed is
    /// listed in [`Ledger::unreadable`] and its error in [`LoadedLedger::errors`]; only a file
    /// of another plan (the wrong directory altogether) stops the load.
    pub fn load_tolerant(plan: &Plan, dir: &Path, wall: DateTime<FixedOffset>) -> Result<LoadedLedger, LedgerError> {
        Ledger::open(plan, dir, &LoadOptions { tolerant: true, ..LoadOptions::new(wall) })
    }

    /// Loads as `opts` says.
    pub fn open(plan: &Plan, dir: &Path, opts: &LoadOptions) -> Result<LoadedLedger, LedgerError> {
        let chosen: Vec<&str> = match opts.only {
            Some(u) => plan.units.get(u).map(|x| x.id.as_str()).into_iter().collect(),
            None => plan
                .units
                .iter()
                .enumerate()
                .filter(|(i, _)| opts.skip != Some(*i))
                .map(|(_, x)| x.id.as_str())
                .collect(),
        };
        let mut built = Vec::new();
        let mut errors = Vec::new();
        let mut unplanned = Vec::new();
        for (unit, result) in chosen.iter().zip(read_all(plan, dir, &chosen, opts)) {
            match result {
                Ok(Some((file, odd))) => {
                    built.push(file);
                    unplanned.extend(odd);
                }
                Ok(None) => {}
                Err(e @ LedgerError::OtherPlan { .. }) => return Err(e),
                Err(e) if opts.tolerant => errors.push((unit.to_string(), e)),
                Err(e) => return Err(e),
            }
        }
        let mut warnings = if opts.only.is_none() { stray_files(plan, dir) } else { Vec::new() };
        let (mut ledger, odd) = Ledger::assemble(dir.to_path_buf(), built);
        warnings.extend(odd);
        unplanned.sort_by_cached_key(|w| format!("{w:?}"));
        warnings.extend(unplanned);
        ledger.unreadable =
            errors.iter().map(|(unit, e)| Unreadable { unit: unit.clone(), place: e.place() }).collect();
        Ok(LoadedLedger { ledger, warnings, errors: errors.into_iter().map(|(_, e)| e).collect() })
    }
}

/// A file read and built, and its assignments the plan does not have (warnings: a task gone
/// from the plan, or a unit no longer on it).
type Read = Result<Option<(Built, Vec<LedgerWarning>)>, LedgerError>;

/// Each unit's file read and built, in the order of `units`, by as many threads as there are
/// cores.
fn read_all(plan: &Plan, dir: &Path, units: &[&str], opts: &LoadOptions) -> Vec<Read> {
    let one = |u: &str| {
        let (source, path) = match store::read_unit(plan, dir, u, opts.cache, opts.wall)? {
            None => return Ok(None),
            Some(store::UnitFile::Parsed(f)) => Source::parsed(f),
            Some(store::UnitFile::Cached(c, path)) => (Source::cached(c), path),
        };
        let built = FileLedger::build(source, path, Some(opts.wall));
        let built = match opts.states_at {
            Some(at) => built.states_as_of(dir, at),
            None => built,
        };
        let unplanned = built.file.unplanned(plan);
        let odd = unplanned.map(|(task, unit)| LedgerWarning::Unassigned { task: task.into(), unit: unit.into() });
        let odd = odd.collect();
        Ok(Some((built, odd)))
    };
    crate::parallel::map(units.len(), &|i| one(units[i]))
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
            plan.unit_index(&stem).is_none()
        })
        .map(|path| LedgerWarning::StrayFile { path })
        .collect();
    out.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    out
}
