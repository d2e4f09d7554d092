//! Starting the interface, as `run` and the frame bench both do: the plan, the operator's unit,
//! that unit's own records (before the first frame), then the app with the other units' records
//! and the operator's drafts on their way in the background.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use chrono::{DateTime, FixedOffset};
use taizhang::Plan;
use taizhang::cache::Cache;
use taizhang::ledger::{Ledger, LoadOptions};

use super::action::Effect;
use super::app::{App, Others};
use super::effects::Effects;
use super::input::Incoming;
use crate::front::{Fail, Global, load};

/// What is read before the interface opens.
pub(super) struct Start {
    plan: Plan,
    unit: Option<usize>,
    dir: PathBuf,
    cache: Option<Cache>,
    ledger: Ledger,
}

impl Start {
    /// Reads the plan at `path` and, when `unit` is given, resolves it and reads its records.
    pub fn read(path: &Path, unit: Option<&str>, g: &Global) -> Result<Start, Fail> {
        let plan = load::plan(path, g)?;
        let unit = load::unit(&plan, path, unit)?;
        let dir = g.data_to_read().map(|()| g.ledger_dir(&plan))?;
        let cache = g.cache();
        let ledger = own_records(&plan, &dir, unit, g.clock()?.wall, cache.as_ref())?;
        Ok(Start { plan, unit, dir, cache, ledger })
    }

    /// The app as of `now` for the operator `by` (else the login name), with the other units'
    /// records and the unit's drafts asked for; the receiver brings them in.
    pub fn open(
        self,
        g: &Global,
        by: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> (App, Effects, mpsc::Receiver<Incoming>) {
        let Start { plan, unit, dir, cache, ledger } = self;
        let lang = g.lang();
        let mut app = App::new(plan, ledger, Vec::new(), unit, now, lang);
        app.others = Others::Reading;
        // Until every unit's records are in, the lead view says it is reading them.
        if let Some(lead) = app.lead.as_mut() {
            lead.reading = true;
        }
        app.by = Global::operator(by);
        let (tx, rx) = mpsc::channel();
        let operator = app.by.clone().unwrap_or_default();
        let simulated = g.today.is_some();
        let effects = Effects::new(app.plan.clone(), dir, lang, operator, tx, simulated, cache);
        effects.carry_out(&mut app, Effect::LoadLedger { skip: unit, now, full: unit.is_none() });
        if app.lead.is_some() {
            effects.carry_out(&mut app, Effect::Watch);
        }
        if let Some(u) = app.unit {
            let unit = app.plan.units[u].id.clone();
            effects.carry_out(&mut app, Effect::LoadDrafts { unit });
        }
        (app, effects, rx)
    }
}

/// The operator's own unit's records, read before the first frame (a file that cannot be read
/// is an error, as for `mark`); every other unit's are read in the background.
fn own_records(
    plan: &Plan,
    dir: &Path,
    unit: Option<usize>,
    wall: DateTime<FixedOffset>,
    cache: Option<&Cache>,
) -> Result<Ledger, Fail> {
    let Some(u) = unit.filter(|_| dir.is_dir()) else {
        return Ok(Ledger::from_updates(dir.to_path_buf(), Vec::new()));
    };
    let opts = LoadOptions { cache, only: Some(u), ..LoadOptions::new(wall) };
    Ledger::open(plan, dir, &opts).map(|l| l.ledger).map_err(Fail::Ledger)
}
