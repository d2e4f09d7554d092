//! Loading a plan for a listing command: errors become a [`Fail`]; warnings are left to
//! `taizhang check`, so that listings stay quiet.

use std::path::Path;

use taizhang::ledger::Ledger;
use taizhang::{Lang, Plan};

use super::Fail;

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
