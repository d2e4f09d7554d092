//! Loading a plan for a listing command: errors become a [`Fail`]; warnings are left to
//! `taizhang check`, so that listings stay quiet.

use std::path::Path;

use taizhang::ledger::{Ledger, LoadOptions};
use taizhang::{Lang, Plan};

use super::{Fail, Global, output};

/// Resolves a unit name, alias or id to a reporting unit of `plan`, which was read from `path`.
pub fn one_unit(plan: &Plan, path: &Path, name: &str) -> Result<usize, Fail> {
    plan.find_unit(name).map_err(|error| Fail::Unit { plan: path.display().to_string(), error })
}

/// An optional `--unit`, resolved.
pub fn unit(plan: &Plan, path: &Path, name: Option<&str>) -> Result<Option<usize>, Fail> {
    name.map(|n| one_unit(plan, path, n)).transpose()
}

/// The plan at `path`, through the per-user cache.
pub fn plan(path: &Path, g: &Global) -> Result<Plan, Fail> {
    Plan::open(path, g.cache().as_ref(), g.clock()?.wall).map_err(Fail::Plan)
}

/// The plan's ledger (all units, or just `unit`), if its directory exists; its warnings go to
/// stderr. A `--data` directory that does not exist is an error (see [`Global::data_to_read`]).
/// Reading every unit is tolerant: a unit whose file cannot be read is reported on stderr and
/// listed in `Ledger::unreadable` (see [`incomplete`]); one unit's own file must read.
pub fn ledger(plan: &Plan, g: &Global, unit: Option<usize>, lang: Lang) -> Result<Option<Ledger>, Fail> {
    g.data_to_read()?;
    let dir = g.ledger_dir(plan);
    let wall = g.clock()?.wall;
    if !dir.is_dir() {
        return Ok(None);
    }
    let cache = g.cache();
    let opts = LoadOptions { cache: cache.as_ref(), only: unit, tolerant: unit.is_none(), ..LoadOptions::new(wall) };
    super::heap::reading();
    let loaded = Ledger::open(plan, &dir, &opts);
    super::heap::read();
    let loaded = loaded.map_err(Fail::Ledger)?;
    for w in &loaded.warnings {
        output::note(&w.render(lang));
    }
    for e in &loaded.errors {
        output::note(&e.render(lang));
    }
    Ok(Some(loaded.ledger))
}

/// After the output is written: exit status 3 if some unit's file could not be read.
pub fn incomplete(ledger: Option<&Ledger>) -> Result<(), Fail> {
    match ledger.map_or(0, |l| l.unreadable().len()) {
        0 => Ok(()),
        units => Err(Fail::Incomplete { units }),
    }
}
