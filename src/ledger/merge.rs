//! `merge`: brings in a unit's ledger file kept on another machine. Idempotent (records
//! already present are skipped), and a file may only hold its own unit's records of this plan.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::write::{WriteOptions, locked_append, validate};
use super::{LedgerError, Update, check, file, store};
use crate::plan::Plan;

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// Unit id and display name.
    pub unit: String,
    pub unit_name: String,
    /// The local ledger file.
    pub path: PathBuf,
    pub added: usize,
    pub already: usize,
}

/// Merges the unit file at `incoming` into the ledger directory `dir`; with `dry_run`, only
/// says what it would add (nothing is created or written).
pub fn merge(
    plan: &Plan,
    dir: &Path,
    incoming: &Path,
    opts: &WriteOptions,
    dry_run: bool,
) -> Result<Merged, LedgerError> {
    let src = store::read(incoming)?.ok_or_else(|| LedgerError::Io {
        path: incoming.to_path_buf(),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    })?;
    let parsed = file::parse_located(&src, incoming, None)?;
    store::check_plan(incoming, parsed.plan.as_deref(), plan)?;
    let unit = file_unit(plan, incoming, parsed.unit.as_deref(), &parsed.records)?;
    let unit_name = plan.unit_index(&unit).map(|i| plan.units[i].name.clone()).unwrap_or_default();
    for (u, pos) in parsed.records.iter().zip(&parsed.positions) {
        validate(plan, u)?;
        check::not_future(u, opts.clock.wall).map_err(|e| LedgerError::InFile {
            path: incoming.to_path_buf(),
            pos: *pos,
            error: Box::new(e),
        })?;
    }
    let updates: Vec<Update> = parsed.records;
    let who = format!("pid {} · merge", std::process::id());
    let mut added = 0;
    let path = locked_append(plan, dir, &unit, &unit_name, &who, opts, dry_run, |existing| {
        let new = union_new(existing.records(), &updates)?;
        added = new.len();
        Ok(new)
    })?;
    Ok(Merged { unit, unit_name, path, added, already: updates.len() - added })
}

/// The records of `incoming` that `local` lacks, in `incoming`'s order, each once: what a
/// merge appends (and the git merge driver too). A record with a local record's id but other
/// content is a [`LedgerError::Conflict`].
pub fn union_new<'a>(
    local: impl IntoIterator<Item = &'a Update>,
    incoming: &[Update],
) -> Result<Vec<Update>, LedgerError> {
    let mut seen: HashMap<&str, &Update> = HashMap::new();
    for r in local {
        seen.entry(&r.id).or_insert(r);
    }
    let mut new: Vec<&Update> = Vec::new();
    for u in incoming {
        match seen.get(u.id.as_str()) {
            Some(r) if *r == u => {}
            Some(r) => return Err(LedgerError::Conflict { id: u.id.clone(), ours: Box::new((*r).clone()) }),
            None => {
                seen.insert(&u.id, u);
                new.push(u);
            }
        }
    }
    Ok(new.into_iter().cloned().collect())
}

/// The unit a file belongs to: the unit its header and records name (or its file name when it
/// says nothing). A file named for another unit (by id, name or alias), or that mixes units,
/// is refused.
fn file_unit(plan: &Plan, path: &Path, header: Option<&str>, records: &[Update]) -> Result<String, LedgerError> {
    let mut units: Vec<String> = records.iter().map(|u| u.unit.clone()).collect();
    units.extend(header.map(str::to_string));
    units.sort();
    units.dedup();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    // A file may be named by the unit's id, name or alias ("sczj.toml", "市财政局.toml").
    let stem_unit = plan.find_unit(&stem).ok().map(|i| plan.units[i].id.clone());
    let unit = match (units.as_slice(), stem_unit) {
        ([], Some(s)) => s,
        ([], None) => return Err(LedgerError::UnknownUnit { unit: stem }),
        ([one], Some(s)) if *one != s => {
            return Err(LedgerError::WrongUnit {
                path: path.to_path_buf(),
                pos: None,
                found: one.clone(),
                expected: s,
            });
        }
        ([one], _) => one.clone(),
        _ => {
            return Err(LedgerError::MixedUnits { path: path.to_path_buf(), units });
        }
    };
    if plan.unit_index(&unit).is_none() {
        return Err(LedgerError::UnknownUnit { unit });
    }
    Ok(unit)
}
