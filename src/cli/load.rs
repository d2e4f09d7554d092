//! Loading a plan for a listing command: errors become a [`Fail`]; warnings are left to
//! `taizhang check`, so that listings stay quiet.

use std::path::Path;

use taizhang::ledger::Ledger;
use taizhang::{Lang, Plan};

use super::Fail;

/// Resolves a unit name, alias or id to a reporting unit of `plan`, which was read from `path`.
pub fn one_unit(plan: &Plan, path: &Path, name: &str) -> Result<usize, Fail> {
    plan.find_unit(name).map_err(|error| Fail::Unit { plan: path.display().to_string(), error })
}

/// An optional `--unit`, resolved.
pub fn unit(plan: &Plan, path: &Path, name: Option<&str>) -> Result<Option<usize>, Fail> {
    name.map(|n| one_unit(plan, path, n)).transpose()
}

pub fn plan(path: &Path) -> Result<Plan, Fail> {
    Plan::load(path).map(|l| l.plan).map_err(Fail::Plan)
}

/// The plan's ledger (all units, or just `unit`), if its directory exists; its warnings go to
/// stderr.
pub fn ledger(plan: &Plan, dir: &Path, unit: Option<usize>, lang: Lang) -> Result<Option<Ledger>, Fail> {
    if !dir.is_dir() {
        return Ok(None);
    }
    let loaded = match unit {
        Some(u) => Ledger::load_unit(plan, dir, u),
        None => Ledger::load(plan, dir),
    }
    .map_err(Fail::Ledger)?;
    for w in &loaded.warnings {
        eprintln!("{}", w.render(lang));
    }
    Ok(Some(loaded.ledger))
}
