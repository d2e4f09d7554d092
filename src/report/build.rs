//! Building the report model from a plan, its ledger and a cut-off date.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::judge::{self, Facts};
use super::{Kind, PeriodInfo, PlanInfo, Report, Row, UnitInfo, summary};
use crate::ledger::Ledger;
use crate::period::Period;
use crate::plan::{Plan, Task};

/// What to report on.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub kind: Kind,
    pub period: Period,
    /// The as-of date; the period's report date when `None`.
    pub as_of: Option<NaiveDate>,
    /// The unit of a unit report (index into `plan.units`).
    pub unit: Option<usize>,
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

/// Builds the report.
pub fn build(plan: &Plan, ledger: &Ledger, opts: &Options) -> Report {
    let offset = plan.meta.offset;
    let as_of_date = opts.as_of.unwrap_or(opts.period.due);
    let cutoff = end_of(as_of_date, offset);
    // Period 1 takes in anything recorded before it, too.
    let since = (opts.period.number > 1).then(|| start_of(opts.period.start, offset));
    let window = Window { since, cutoff, as_of: as_of_date, start: schedule_start(plan) };
    let only = if opts.kind == Kind::Unit { opts.unit } else { None };
    let rows: Vec<Row> = plan
        .tasks
        .iter()
        .flat_map(|t| t.assignees.iter().map(move |a| (t, a)))
        .filter(|(_, a)| only.is_none_or(|u| u == a.unit))
        .map(|(t, a)| row(plan, ledger, t, a.unit, a.role, &window))
        .collect();
    let summary = summary::summarize(plan, ledger, &rows, since, cutoff);
    Report {
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
        unit: only.map(|u| UnitInfo { id: plan.units[u].id.clone(), name: plan.units[u].name.clone() }),
        rows,
        summary,
    }
}

/// The time frame of a report.
pub(super) struct Window {
    /// Start of the period (`None` for the first: everything before counts).
    pub since: Option<DateTime<FixedOffset>>,
    pub cutoff: DateTime<FixedOffset>,
    pub as_of: NaiveDate,
    /// Start of the time-elapsed schedule.
    pub start: NaiveDate,
}

impl Window {
    pub fn contains(&self, at: DateTime<FixedOffset>) -> bool {
        at <= self.cutoff && self.since.is_none_or(|s| at >= s)
    }
}

/// The schedule runs from the issue date (1 January of the plan year when there is none).
fn schedule_start(plan: &Plan) -> NaiveDate {
    plan.meta.issued.or_else(|| NaiveDate::from_ymd_opt(plan.meta.year, 1, 1)).unwrap_or_default()
}

fn row(plan: &Plan, ledger: &Ledger, t: &Task, unit: usize, role: crate::plan::Role, w: &Window) -> Row {
    let u = &plan.units[unit];
    let latest = ledger.as_of(&t.id, &u.id, w.cutoff);
    let updated_in_period = ledger.history(&t.id, &u.id).iter().any(|x| w.contains(x.at));
    let due = plan.due(t);
    let facts = Facts {
        deadline: &t.deadline,
        due,
        latest,
        updated_in_period,
        start: w.start,
        as_of: w.as_of,
        cutoff: w.cutoff,
    };
    let bucket = judge::bucket(&facts);
    let days_left = due.map(|d| (d - w.as_of).num_days());
    Row {
        task: t.id.clone(),
        section: t.section.clone(),
        topic: t.topic.clone(),
        content: t.content.clone(),
        unit: u.id.clone(),
        unit_name: u.name.clone(),
        role,
        deadline: t.deadline_text.clone(),
        due,
        days_left,
        status: latest.map(|x| x.status),
        percent: latest.and_then(|x| x.percent),
        expected: due.map(|d| judge::expected(w.start, d, w.as_of)),
        note: latest.and_then(|x| x.note.clone()),
        problems: latest.and_then(|x| x.problems.clone()),
        next: latest.and_then(|x| x.next.clone()),
        evidence: latest.map(|x| x.evidence.clone()).unwrap_or_default(),
        by: latest.and_then(|x| x.by.clone()),
        updated_at: latest.map(|x| x.at),
        updated_in_period,
        overdue: bucket == super::Bucket::Overdue,
        bucket,
        light: judge::light(bucket, days_left),
    }
}
