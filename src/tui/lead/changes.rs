//! "Changes this period" for the lead view (`c`): against the previous period's report date,
//! the units that have reported on time now but had not then (新报送), the assignments overdue
//! now that were not then (新增逾期), and those completed within the period (新增完成).

use std::collections::HashSet;

use taizhang::ledger::Ledger;
use taizhang::report::{self, Options, Report};
use taizhang::{Plan, ledger::Status};

/// What changed since the previous period.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// The previous period's number.
    pub since: usize,
    /// Units (ranking lines) on time this period that were not in the previous one.
    pub reported: Vec<usize>,
    /// Overdue now and not at the previous report date: indices into the kept rows.
    pub overdue: Vec<usize>,
    /// Completed within the period: indices into the kept rows.
    pub completed: Vec<usize>,
}

/// Whether a row may be one the changes list as completed (the summary says which are).
pub fn maybe_completed(status: Option<Status>, updated_in_period: bool) -> bool {
    status == Some(Status::Done) && updated_in_period
}

/// The changes from `previous` (the previous period's options) to `now`, whose kept rows sit at
/// `positions` among all rows and whose overdue rows are `overdue` (indices into the kept rows).
pub fn work_out(
    plan: &Plan,
    ledger: &Ledger,
    previous: &Options,
    now: &Report,
    positions: &[usize],
    overdue: &[usize],
) -> Changes {
    let mut was_overdue: HashSet<(String, String)> = HashSet::new();
    let mut note = |r: &report::RowRef| {
        if r.overdue {
            was_overdue.insert((r.task.to_string(), r.unit.to_string()));
        }
        false
    };
    let (before, _) = report::build_kept(plan, ledger, previous, &mut note);
    let was_reported: HashSet<&str> =
        before.summary.units.iter().filter(|u| u.reported).map(|u| u.unit.as_str()).collect();
    let units = now.summary.units.iter().enumerate();
    let newly = |u: &report::UnitLine| u.reported && !u.only_assists() && !was_reported.contains(u.unit.as_str());
    let reported = units.filter(|(_, u)| newly(u)).map(|(i, _)| i);
    let new_overdue = overdue
        .iter()
        .copied()
        .filter(|&n| now.rows.get(n).is_some_and(|r| !was_overdue.contains(&(r.task.clone(), r.unit.clone()))));
    let completed = now.summary.completed.iter().filter_map(|p| positions.binary_search(p).ok());
    Changes {
        since: previous.period.number,
        reported: reported.collect(),
        overdue: new_overdue.collect(),
        completed: completed.collect(),
    }
}
