//! `merge`: brings in a unit's ledger file kept on another machine. Idempotent (records
//! already present are skipped), and a file may only hold its own unit's records.

use std::path::{Path, PathBuf};

use super::write::{locked_append, validate};
use super::{LedgerError, Update, file};
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

/// Merges the unit file at `incoming` into the ledger directory `dir`.
pub fn merge(plan: &Plan, dir: &Path, incoming: &Path) -> Result<Merged, LedgerError> {
    let src =
        std::fs::read_to_string(incoming).map_err(|source| LedgerError::Io { path: incoming.to_path_buf(), source })?;
    let updates = file::parse(&src, incoming, None)?;
    let unit = file_unit(plan, incoming, &updates)?;
    let mut unit_name = String::new();
    for u in &updates {
        unit_name = validate(plan, u)?;
    }
    if unit_name.is_empty() {
        unit_name = plan.units.iter().find(|u| u.id == unit).map(|u| u.name.clone()).unwrap_or_default();
    }
    let header = file::header(&unit_name, &plan.meta.id);
    let mut added = 0;
    let path = locked_append(dir, &unit, &header, |existing| {
        let mut new: Vec<Update> = Vec::new();
        for u in &updates {
            if !existing.contains(u) && !new.contains(u) {
                new.push(u.clone());
            }
        }
        added = new.len();
        Ok(new)
    })?;
    Ok(Merged { unit, unit_name, path, added, already: updates.len() - added })
}

/// The unit a file belongs to: the one unit its records name (or its file name when it holds
/// none). A file whose name is another unit's id, or that mixes units, is refused.
fn file_unit(plan: &Plan, path: &Path, updates: &[Update]) -> Result<String, LedgerError> {
    let mut units: Vec<String> = updates.iter().map(|u| u.unit.clone()).collect();
    units.sort();
    units.dedup();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let stem_unit = plan.units.iter().find(|u| u.id == stem).map(|u| u.id.clone());
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
    if !plan.units.iter().any(|u| u.id == unit) {
        return Err(LedgerError::UnknownUnit { unit });
    }
    Ok(unit)
}
