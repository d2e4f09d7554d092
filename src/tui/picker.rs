//! The unit picker shown when no `--unit` was given: a searchable list of the plan's reporting
//! units. Its entries are an enum so that the coordinating office's lead view can join later.

use taizhang::Plan;
use taizhang::plan::names::normalize;

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
}

impl Picker {
    pub fn new(plan: &Plan) -> Picker {
        let mut counts = vec![0; plan.units.len()];
        for a in plan.tasks.iter().flat_map(|t| &t.assignees) {
            counts[a.unit] += 1;
        }
        let mut p = Picker { counts, ..Picker::default() };
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

    pub fn chosen(&self) -> Option<Choice> {
        self.matches.get(self.selected).copied()
    }
}
