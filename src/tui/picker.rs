//! The unit picker shown when no `--unit` was given: a searchable list of the plan's reporting
//! units, each with where it stands this period (how many of its assignments are still owed,
//! as the report model counts them), or that its records are not in yet. Its entries are an
//! enum so that the coordinating office's lead view can join later.

use taizhang::Plan;
use taizhang::ledger::Ledger;
use taizhang::plan::names::normalize;
use taizhang::report::{self, Kind, Options, chase};

/// One choice in the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// A reporting unit (index into `plan.units`).
    Unit(usize),
}

#[derive(Debug, Default)]
pub struct Picker {
    pub query: String,
    pub matches: Vec<Choice>,
    pub selected: usize,
    /// How many assignments each unit has, counted once when the picker opens.
    pub counts: Vec<usize>,
    /// Each unit's assignments still owed this period; `None` until its records are in.
    pub owed: Vec<Option<usize>>,
}

impl Picker {
    pub fn new(plan: &Plan) -> Picker {
        let mut counts = vec![0; plan.units.len()];
        for a in plan.tasks.iter().flat_map(|t| &t.assignees) {
            counts[a.unit] += 1;
        }
        let owed = vec![None; plan.units.len()];
        let mut p = Picker { counts, owed, ..Picker::default() };
        p.refresh(plan);
        p
    }

    /// Units with at least one assignment whose name, alias or id contains the query.
    pub fn refresh(&mut self, plan: &Plan) {
        let q = normalize(&self.query).to_lowercase();
        self.matches = (0..plan.units.len())
            .filter(|&u| self.counts.get(u).is_some_and(|n| *n > 0))
            .filter(|&u| {
                let unit = &plan.units[u];
                q.is_empty()
                    || std::iter::once(&unit.name)
                        .chain(&unit.aliases)
                        .chain(std::iter::once(&unit.id))
                        .any(|n| normalize(n).to_lowercase().contains(&q))
            })
            .map(Choice::Unit)
            .collect();
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
    }

    /// Counts each unit's assignments still owed in the period of `opts` (a summary as of its
    /// moment), for the units `known` says the ledger has the records of.
    pub fn tally(&mut self, plan: &Plan, ledger: &Ledger, opts: &Options, known: &dyn Fn(usize) -> bool) {
        let mut owed = vec![0usize; plan.units.len()];
        let mut count = |r: &report::RowRef| {
            if chase::owes(r.reported, r.bucket)
                && let Some(u) = plan.unit_index(r.unit)
            {
                owed[u] += 1;
            }
            false
        };
        report::build_kept(plan, ledger, &Options { kind: Kind::Summary, unit: None, ..*opts }, &mut count);
        self.owed = owed.into_iter().enumerate().map(|(u, n)| known(u).then_some(n)).collect();
    }

    pub fn chosen(&self) -> Option<Choice> {
        self.matches.get(self.selected).copied()
    }
}
