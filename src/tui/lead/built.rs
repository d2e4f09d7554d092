//! Working out the lead view's summary, apart from the view's state so that it can run on a
//! thread of its own: a province's summary takes longer than a keystroke may wait. [`Ask`] is
//! what the view wants (made on the loop's side), [`summarize`] does the work from the plan and
//! the ledger, and [`Built`] comes back to be taken in (`Lead::take`).

use std::collections::HashMap;

use taizhang::Plan;
use taizhang::ledger::Ledger;
use taizhang::period::Period;
use taizhang::report::chase::{self, Owed};
use taizhang::report::{self, Bucket, Options, Report, RowRef};

use super::changes::{self, Changes};

/// A summary the lead view asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ask {
    pub options: Options,
    /// The period to compare with, when the lists show the changes (`c`).
    pub previous: Option<Period>,
    /// Which ask this is: an answer to an older one is dropped.
    pub generation: u64,
}

/// A summary worked out, with what the lists need of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub generation: u64,
    /// The summary, with only the rows the lists show (overdue, still owed, or — with the
    /// changes — completed in the period).
    pub report: Report,
    /// The overdue rows, in the summary's order: indices into the kept rows.
    pub overdue: Vec<usize>,
    pub chase: Vec<Owed>,
    /// Behind-schedule assignments per ranked unit.
    pub behind: Vec<usize>,
    pub changes: Option<Changes>,
}

/// Works out the summary `ask` wants. Of a province's 50,000 rows only the few thousand the
/// lists show are kept; the behind-schedule rows of each unit (lead and responsible ones) are
/// counted as they pass.
pub fn summarize(plan: &Plan, ledger: &Ledger, ask: &Ask) -> Built {
    let opts = ask.options;
    let mut behind: HashMap<String, usize> = HashMap::new();
    let with_done = ask.previous.is_some();
    let mut keep = |r: &RowRef| {
        // 配合 rows are counted apart (`Summary::assist`): never behind, listed or chased.
        if !r.role.counted() {
            return false;
        }
        if r.bucket == Bucket::Behind {
            match behind.get_mut(r.unit) {
                Some(n) => *n += 1,
                None => drop(behind.insert(r.unit.to_string(), 1)),
            }
        }
        r.overdue
            || chase::owes(r.reported, r.bucket)
            || with_done && changes::maybe_completed(r.status, r.updated_in_period)
    };
    let (report, positions) = report::build_kept(plan, ledger, &opts, &mut keep);
    let s = &report.summary;
    let behind = s.units.iter().map(|u| behind.get(&u.unit).copied().unwrap_or(0)).collect();
    let overdue: Vec<usize> = s.overdue.iter().filter_map(|p| positions.binary_search(p).ok()).collect();
    let chase = chase::owed(&report);
    let changes = ask.previous.map(|period| {
        let before = Options { period, as_of: None, ..opts };
        changes::work_out(plan, ledger, &before, &report, &positions, &overdue)
    });
    Built { generation: ask.generation, report, overdue, chase, behind, changes }
}
