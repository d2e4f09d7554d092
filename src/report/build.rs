//! Making a report from a plan, its ledger and a cut-off: one pass over the rows that folds
//! them into the summary, keeping them ([`build`]) or not ([`live`]).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::compute::{Kept, Rows, Source};
use super::summary::Tally;
use super::window::Window;
use super::{Head, Kind, Live, PeriodInfo, PlanInfo, Report, RowRef, UnitInfo, compute};
use crate::ledger::Ledger;
use crate::period::{self, Period};
use crate::plan::Plan;

/// Rows found at a time (in parallel) before they are folded into the summary.
const BLOCK: usize = 16 * 1024;

/// What to report on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub kind: Kind,
    pub period: Period,
    /// The as-of date; the period's report date when `None`.
    pub as_of: Option<NaiveDate>,
    /// An exact cut-off moment (the TUI's "now"), instead of the end of the as-of date.
    pub at: Option<DateTime<FixedOffset>>,
    /// The unit (index into `plan.units`) of a unit report, or the one unit a ledger lists.
    pub unit: Option<usize>,
}

impl Options {
    /// The unit whose rows alone the report has: a unit report's, or a one-unit ledger's.
    fn only(&self) -> Option<usize> {
        if self.kind == Kind::Summary { None } else { self.unit }
    }
}

/// The first instant of `date` in the plan's zone.
fn start_of(date: NaiveDate, offset: FixedOffset) -> DateTime<FixedOffset> {
    let t = date.and_time(NaiveTime::MIN);
    offset.from_local_datetime(&t).single().unwrap_or_else(|| offset.from_utc_datetime(&t))
}

/// The last instant of `date` in the plan's zone (the cut-off is inclusive).
pub fn end_of(date: NaiveDate, offset: FixedOffset) -> DateTime<FixedOffset> {
    let next = date.succ_opt().unwrap_or(date);
    start_of(next, offset) - Duration::nanoseconds(1)
}

/// How many rows the report would have, known from the plan alone (before any ledger is read).
pub fn row_count(plan: &Plan, opts: &Options) -> usize {
    compute::count(plan, opts.only())
}

/// The report with every row built and owned.
pub fn build(plan: &Plan, ledger: &Ledger, opts: &Options) -> Report {
    build_kept(plan, ledger, opts, &mut |_| true).0
}

/// The report with only the rows `keep` says yes to built and owned (in order), and the
/// position of each among all the rows (what the summary's lists of positions refer to).
/// `keep` sees every row, so it can also count what it does not keep.
pub fn build_kept(
    plan: &Plan,
    ledger: &Ledger,
    opts: &Options,
    keep: &mut dyn FnMut(&RowRef) -> bool,
) -> (Report, Vec<usize>) {
    let (mut rows, mut positions, mut n) = (Vec::new(), Vec::new(), 0);
    let mut each = |r: &RowRef| {
        if keep(r) {
            rows.push(r.to_row());
            positions.push(n);
        }
        n += 1;
    };
    let live = prepare(plan, ledger, opts, Rows::Listed, Some(&mut each));
    let (head, summary, trail) = live.into_parts();
    (Report { head, rows, summary, trail }, positions)
}

/// The report with its summary made and its rows left to be computed as they are written:
/// `rows` says which will be, so that what the first pass found for them is kept.
pub fn live<'a>(plan: &'a Plan, ledger: &'a Ledger, opts: &Options, rows: Rows) -> Live<'a> {
    prepare(plan, ledger, opts, rows, None)
}

/// One pass over the rows, each shown whole to `each` (if any) and folded into the summary.
fn prepare<'a>(
    plan: &'a Plan,
    ledger: &'a Ledger,
    opts: &Options,
    rows: Rows,
    mut each: Option<&mut dyn FnMut(&RowRef)>,
) -> Live<'a> {
    let offset = plan.meta.offset;
    let as_of_date = match opts.at {
        Some(at) => crate::clock::local_date(at, offset),
        None => opts.as_of.unwrap_or(opts.period.due),
    };
    let cutoff = opts.at.unwrap_or_else(|| end_of(as_of_date, offset));
    // Period 1 takes in anything recorded before it, too.
    let since = (opts.period.number > 1).then(|| start_of(opts.period.start, offset));
    let period_ends: Vec<_> = period::periods(&plan.meta).iter().map(|p| end_of(p.due, offset)).collect();
    let window = Window::new(since, cutoff, as_of_date, schedule_start(plan), &period_ends);
    let mut source = Source::new(plan, ledger, window, opts.only());
    let total = source.len();
    let mut tally = Tally::new(plan, cutoff, total);
    let (mut every, mut listed) = (Vec::new(), Vec::new());
    // Found a block at a time (in parallel), folded in order: memory stays a few bytes a row.
    for start in (0..total).step_by(BLOCK) {
        let range = start..(start + BLOCK).min(total);
        for (n, finding) in range.clone().zip(source.find(range)) {
            let Some(computed) = source.computed(n, finding, each.is_some()) else { continue };
            if let Some(each) = each.as_mut() {
                each(&computed.row);
            }
            let in_a_list = tally.add(&computed);
            match rows {
                Rows::Every => every.push(computed.found),
                Rows::Listed if in_a_list => listed.push((n, computed.found)),
                Rows::Listed => {}
            }
        }
    }
    source.keep(if rows == Rows::Every { Kept::Every(every) } else { Kept::Some(listed) });
    let (summary, trail) = tally.finish(ledger);
    let unit = (opts.kind == Kind::Unit).then_some(opts.unit).flatten();
    let head = Head {
        kind: opts.kind,
        plan: PlanInfo {
            id: plan.meta.id.clone(),
            title: plan.meta.title.clone(),
            issuer: plan.meta.issuer.clone(),
            doc_no: plan.meta.doc_no.clone(),
        },
        as_of: cutoff,
        as_of_date,
        period: PeriodInfo { number: opts.period.number, start: opts.period.start, due: opts.period.due },
        unit: unit.map(|u| UnitInfo { id: plan.units[u].id.clone(), name: plan.units[u].name.clone() }),
        notice: plan.meta.notice.clone(),
        inferred: super::footnotes::gather(plan, unit.or(opts.unit)),
    };
    Live::new(source, head, summary, trail)
}

/// The schedule runs from the issue date (1 January of the plan year when there is none).
fn schedule_start(plan: &Plan) -> NaiveDate {
    plan.meta.issued.or_else(|| NaiveDate::from_ymd_opt(plan.meta.year, 1, 1)).unwrap_or_default()
}
