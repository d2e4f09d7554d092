//! Computing rows: the assignments a report covers in plan order, and each one's state as of
//! the cut-off, borrowed from the plan and the ledger. Rows are computed when asked for (in
//! order, or the n-th one), never all kept; what a row's computation found in the ledger may
//! be kept (at most 40 bytes a row) so that writing the rows again costs no ledger lookups.

use chrono::NaiveDate;

use super::judge::{self, Facts};

use super::window::{Finding, Found, Window};
use super::{Bucket, RowRef};
use crate::ledger::{Assignment, Ledger};
use crate::plan::Plan;

/// Rows found per piece of work handed to a thread.
const CHUNK: usize = 1024;

/// A computed row and what the summary needs besides it.
pub(super) struct Computed<'a> {
    pub row: RowRef<'a>,
    /// Index of the task in `plan.tasks`.
    pub task: usize,
    /// Index of the unit in `plan.units`.
    pub unit: usize,
    /// The state was already done before the period started.
    pub done_before: bool,
    /// The assignment's entries (none when computed from kept findings).
    pub entries: Assignment<'a>,
    pub found: Found<'a>,
}

/// Which rows a report will write after its summary is made, and so which rows' findings to
/// keep from the first pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// Only the summary's overdue and completed rows (a summary as txt, md, csv or html).
    Listed,
    /// Every row (JSON, XLSX, unit reports and ledgers).
    Every,
}

/// Findings kept from the first pass.
pub(super) enum Kept<'a> {
    /// One per row, in order.
    Every(Vec<Found<'a>>),
    /// Some rows', by position, in order.
    Some(Vec<(usize, Found<'a>)>),
}

/// Which assignments a report covers, in plan order.
enum Order {
    /// Every assignment; for each task, how many rows come before its first.
    All(Vec<usize>),
    /// One unit's assignments, as (task, assignee) positions.
    Unit(Vec<(usize, usize)>),
}

/// A task's dates as of the window, the same for each of its rows.
#[derive(Debug, Clone, Copy)]
struct Dates {
    due: Option<NaiveDate>,
    /// Days from the as-of date to the due date.
    days_left: Option<i64>,
    /// 序时进度.
    expected: Option<u8>,
}

/// The assignments of a report and how to compute each one's row.
pub(super) struct Source<'a> {
    pub plan: &'a Plan,
    pub ledger: &'a Ledger,
    pub window: Window,
    order: Order,
    /// Per task of the plan.
    /// Per task: its own deadline's dates, then each clause's.
    dates: Vec<Box<[Dates]>>,
    /// Per unit of the plan: its ledger file could not be read.
    broken: Vec<bool>,
    kept: Kept<'a>,
}

impl<'a> Source<'a> {
    /// The assignments of `plan` (only `unit`'s when given) as of `window`.
    pub fn new(plan: &'a Plan, ledger: &'a Ledger, window: Window, unit: Option<usize>) -> Source<'a> {
        let order = match unit {
            Some(u) => Order::Unit(slots_of(plan, u)),
            None => Order::All(
                plan.tasks
                    .iter()
                    .scan(0, |n, t| {
                        let start = *n;
                        *n += t.assignees.len();
                        Some(start)
                    })
                    .collect(),
            ),
        };
        let mut broken = vec![false; plan.units.len()];
        for x in ledger.unreadable() {
            if let Some(i) = plan.unit_index(&x.unit) {
                broken[i] = true;
            }
        }
        let dated = |due: Option<NaiveDate>| Dates {
            due,
            days_left: due.map(|d| (d - window.as_of).num_days()),
            expected: due.map(|d| judge::expected(window.start, d, window.as_of)),
        };
        let dates = plan
            .tasks
            .iter()
            .map(|t| {
                let clauses = t.clauses.iter().map(|c| c.due_override.or_else(|| c.deadline.due(plan.meta.issued)));
                std::iter::once(plan.due(t)).chain(clauses).map(dated).collect()
            })
            .collect();
        Source { plan, ledger, window, order, dates, broken, kept: Kept::Some(Vec::new()) }
    }

    /// Keeps findings of the first pass for rows to be written again.
    pub fn keep(&mut self, kept: Kept<'a>) {
        self.kept = kept;
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        match &self.order {
            Order::All(_) => count(self.plan, None),
            Order::Unit(slots) => slots.len(),
        }
    }

    /// Every row, in order.
    pub fn rows(&self) -> impl Iterator<Item = Computed<'a>> + '_ {
        let slots: Box<dyn Iterator<Item = (usize, usize)> + '_> = match &self.order {
            Order::All(_) => Box::new(
                self.plan.tasks.iter().enumerate().flat_map(|(t, x)| (0..x.assignees.len()).map(move |a| (t, a))),
            ),
            Order::Unit(slots) => Box::new(slots.iter().copied()),
        };
        slots.enumerate().map(|(n, (t, a))| self.compute(n, t, a))
    }

    /// The row at position `n` (0-based, in order).
    pub fn row(&self, n: usize) -> Option<RowRef<'a>> {
        let (t, a) = self.slot(n)?;
        Some(self.compute(n, t, a).row)
    }

    /// Row `n`'s task and assignee positions.
    fn slot(&self, n: usize) -> Option<(usize, usize)> {
        let (t, a) = match &self.order {
            Order::All(starts) => {
                let t = starts.partition_point(|&s| s <= n).checked_sub(1)?;
                (t, n - starts[t])
            }
            Order::Unit(slots) => *slots.get(n)?,
        };
        self.plan.tasks.get(t)?.assignees.get(a)?;
        Some((t, a))
    }

    /// What the ledger says about rows `range`, in order, found on as many threads as there
    /// are cores (the rows' ledger look-ups are most of a report's work). The rows are taken
    /// unit by unit, so that one unit's look-ups, all in its own file, come together.
    pub fn find(&self, range: std::ops::Range<usize>) -> Vec<Finding<'a>> {
        let (start, len) = (range.start, range.len());
        let rows = self.by_unit(range.filter_map(|n| self.slot(n).map(|(t, a)| (n, t, a))).collect());
        let chunk = |c: usize| -> Vec<(usize, Finding<'a>)> {
            let mut unit = None;
            let mut entries = crate::ledger::UnitEntries::default();
            let mine = rows.get(c * CHUNK..((c + 1) * CHUNK).min(rows.len())).unwrap_or_default();
            mine.iter()
                .map(|&(n, t, a)| {
                    let task = &self.plan.tasks[t];
                    let u = task.assignees[a].unit;
                    if unit != Some(u) {
                        (unit, entries) = (Some(u), self.ledger.unit_entries(&self.plan.units[u].id));
                    }
                    (n, self.window.find(self.ledger, entries.assignment(&task.id)))
                })
                .collect()
        };
        let mut found = vec![Finding::default(); len];
        for part in crate::parallel::map(rows.len().div_ceil(CHUNK), &chunk) {
            for (n, f) in part {
                found[n - start] = f;
            }
        }
        found
    }

    /// Rows `(n, task, assignee)` grouped by unit, in the order they come within each unit: a
    /// counting sort, since a block of 16,384 rows has at most a few thousand units.
    fn by_unit(&self, rows: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
        let unit = |&(_, t, a): &(usize, usize, usize)| self.plan.tasks[t].assignees[a].unit;
        let mut next = vec![0usize; self.plan.units.len() + 1];
        for r in &rows {
            next[unit(r) + 1] += 1;
        }
        for u in 1..next.len() {
            next[u] += next[u - 1];
        }
        let mut out = vec![(0, 0, 0); rows.len()];
        for r in rows {
            let place = &mut next[unit(&r)];
            out[*place] = r;
            *place += 1;
        }
        out
    }

    /// What the ledger says about row `n` (nothing for a row out of range).
    fn finding(&self, n: usize) -> Finding<'a> {
        let Some((t, a)) = self.slot(n) else { return Finding::default() };
        let task = &self.plan.tasks[t];
        let unit = &self.plan.units[task.assignees[a].unit];
        self.window.find(self.ledger, self.ledger.assignment(&task.id, &unit.id))
    }

    /// Reads row `n`'s state ahead of its use ([`crate::ledger::StateView::touch`]).
    pub fn touch(&self, n: usize) -> u8 {
        self.kept(n).and_then(|f| f.latest).map_or(0, |s| s.touch())
    }

    /// What was kept of row `n`.
    fn kept(&self, n: usize) -> Option<Found<'a>> {
        match &self.kept {
            Kept::Every(all) => all.get(n).copied(),
            Kept::Some(some) => some.binary_search_by_key(&n, |(k, _)| *k).ok().map(|i| some[i].1),
        }
    }

    /// Row `n` (in range) with what was found of it; with `texts` false, the row leaves out
    /// what only the state's record says (its free text, time, id and whether it was a 补报),
    /// which a summary's counting does not read.
    pub fn computed(&self, n: usize, finding: Finding<'a>, texts: bool) -> Option<Computed<'a>> {
        let (t, a) = self.slot(n)?;
        Some(self.compute_with(t, a, finding, texts))
    }

    /// Row `n`: assignee `a` of task `t` (both in range).
    fn compute(&self, n: usize, t: usize, a: usize) -> Computed<'a> {
        let finding = match self.kept(n) {
            Some(found) => Finding { found, ..Finding::default() },
            None => self.finding(n),
        };
        self.compute_with(t, a, finding, true)
    }

    /// Assignee `a` of task `t` (both in range), with what was found of it.
    fn compute_with(&self, t: usize, a: usize, finding: Finding<'a>, texts: bool) -> Computed<'a> {
        let (plan, w) = (self.plan, &self.window);
        let task = &plan.tasks[t];
        let assignee = task.assignees[a];
        let unit = &plan.units[assignee.unit];
        let found = finding.found;
        // The state's record is read only for what a row shows beyond its status.
        let shown = found.latest.filter(|_| texts);
        let terms = task.terms(&assignee);
        let slot = assignee.clause.map_or(0, |c| usize::from(c) + 1);
        let Dates { due, days_left, expected } = self.dates[t][slot];
        let facts = Facts {
            deadline: terms.deadline,
            due,
            latest: found.fact,
            updated_in_period: found.updated_in_period,
            start: w.start,
            as_of: w.as_of,
            cutoff: w.cutoff,
            na_exempts: !assignee.required,
        };
        let bucket = judge::bucket(&facts);
        let row = RowRef {
            task: &task.id,
            section: task.section.as_deref(),
            topic: task.topic.as_deref(),
            content: &task.content,
            body: task.body.as_deref(),
            unit: &unit.id,
            unit_name: &unit.name,
            role: assignee.role,
            deadline: terms.phrase,
            deadline_for: terms.clause.and_then(|c| c.text.as_deref()),
            inferred: plan.inferred(task, &assignee).or_else(|| terms.clause.and_then(|c| c.inferred.as_deref())),
            due,
            days_left,
            status: found.fact.map(|x| x.status),
            percent: found.fact.and_then(|x| x.percent),
            expected,
            note: shown.and_then(|x| x.note()),
            problems: shown.and_then(|x| x.problems()),
            next: shown.and_then(|x| x.next()),
            evidence: shown.map(|x| x.evidence()).unwrap_or_default(),
            by: shown.and_then(|x| x.by()),
            updated_at: shown.map(|x| x.at()),
            record: shown.map(|x| x.id()),
            corrected: found.corrected,
            late: shown.is_some_and(|x| w.late(x)),
            updated_in_period: found.updated_in_period,
            reported: found.reported,
            ledger_error: self.broken[assignee.unit],
            overdue: bucket == Bucket::Overdue,
            bucket,
            light: judge::light(bucket, days_left),
        };
        Computed {
            row,
            task: t,
            unit: assignee.unit,
            done_before: finding.done_before,
            entries: finding.entries,
            found,
        }
    }
}

/// Unit `u`'s assignments in plan order, as (task, assignee) positions.
fn slots_of(plan: &Plan, u: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (t, task) in plan.tasks.iter().enumerate() {
        out.extend(task.assignees.iter().enumerate().filter(|(_, x)| x.unit == u).map(|(a, _)| (t, a)));
    }
    out
}

/// How many rows a report of `plan` has: every assignment, or `unit`'s.
pub(super) fn count(plan: &Plan, unit: Option<usize>) -> usize {
    plan.tasks.iter().map(|t| t.assignees.iter().filter(|x| unit.is_none_or(|u| x.unit == u)).count()).sum()
}
