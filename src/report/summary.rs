//! The summary for leads: totals, buckets, the per-unit ranking, sections, tasks, the overdue
//! list, who did not report, and what was completed in the period.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, FixedOffset};

use super::{Bucket, Buckets, Row, SectionLine, Summary, TaskLine, TaskUnit, Totals, UnitLine};
use crate::ledger::{Ledger, Status};
use crate::plan::Plan;

pub(super) fn summarize(
    plan: &Plan,
    ledger: &Ledger,
    rows: &[Row],
    since: Option<DateTime<FixedOffset>>,
    cutoff: DateTime<FixedOffset>,
) -> Summary {
    let tasks = tasks(rows);
    let mut totals = totals(rows);
    totals.tasks = tasks.len();
    totals.tasks_done = tasks.iter().filter(|t| t.status == "done").count();
    totals.tasks_overdue = tasks.iter().filter(|t| t.overdue).count();
    let units = units(plan, ledger, rows, since, cutoff);
    let not_reported = units.iter().filter(|u| !u.reported).map(|u| u.name.clone()).collect();
    let before = since.map(|s| s - Duration::nanoseconds(1));
    let completed = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == Some(Status::Done))
        .filter(|(_, r)| {
            let earlier = before.and_then(|b| ledger.as_of(&r.task, &r.unit, b));
            earlier.is_none_or(|u| u.status != Status::Done)
        })
        .map(|(i, _)| i)
        .collect();
    Summary {
        totals,
        buckets: buckets(rows),
        units,
        sections: sections(rows),
        tasks,
        overdue: rows.iter().enumerate().filter(|(_, r)| r.overdue).map(|(i, _)| i).collect(),
        not_reported,
        completed,
    }
}

/// done / (assignments − na).
fn rate(done: usize, assignments: usize, na: usize) -> f64 {
    let counted = assignments.saturating_sub(na);
    if counted == 0 { 0.0 } else { done as f64 / counted as f64 }
}

fn totals(rows: &[Row]) -> Totals {
    let mut t = Totals { assignments: rows.len(), ..Totals::default() };
    for r in rows {
        match r.status {
            Some(Status::Done) => t.done += 1,
            Some(Status::InProgress) => t.in_progress += 1,
            Some(Status::NotStarted) | None => t.not_started += 1,
            Some(Status::Ongoing) => t.ongoing += 1,
            Some(Status::Blocked) => t.blocked += 1,
            Some(Status::Na) => t.na += 1,
        }
        t.overdue += usize::from(r.overdue);
    }
    t.completion_rate = rate(t.done, t.assignments, t.na);
    t
}

fn buckets(rows: &[Row]) -> Buckets {
    let mut b = Buckets::default();
    for r in rows {
        match r.bucket {
            Bucket::Done => b.done += 1,
            Bucket::Ahead => b.ahead += 1,
            Bucket::OnTrack => b.on_track += 1,
            Bucket::Behind => b.behind += 1,
            Bucket::Overdue => b.overdue += 1,
            Bucket::NotApplicable => {}
        }
    }
    b
}

/// Every unit with assignments, ranked by completion rate, then fewer overdue, then name.
fn units(
    plan: &Plan,
    ledger: &Ledger,
    rows: &[Row],
    since: Option<DateTime<FixedOffset>>,
    cutoff: DateTime<FixedOffset>,
) -> Vec<UnitLine> {
    let mut order: Vec<&str> = Vec::new();
    let mut by_unit: HashMap<&str, Vec<&Row>> = HashMap::new();
    for r in rows {
        by_unit.entry(&r.unit).or_insert_with(|| {
            order.push(&r.unit);
            Vec::new()
        });
        by_unit.entry(&r.unit).or_default().push(r);
    }
    let mut last: HashMap<&str, DateTime<FixedOffset>> = HashMap::new();
    let mut reported: HashMap<&str, bool> = HashMap::new();
    for u in ledger.updates().iter().filter(|u| u.at <= cutoff) {
        let Some(key) = order.iter().find(|k| **k == u.unit) else {
            continue;
        };
        let slot = last.entry(key).or_insert(u.at);
        *slot = (*slot).max(u.at);
        if since.is_none_or(|s| u.at >= s) {
            reported.insert(key, true);
        }
    }
    let mut lines: Vec<UnitLine> = order
        .iter()
        .map(|&unit| {
            let rs = &by_unit[unit];
            let done = rs.iter().filter(|r| r.status == Some(Status::Done)).count();
            let na = rs.iter().filter(|r| r.status == Some(Status::Na)).count();
            UnitLine {
                rank: 0,
                unit: unit.to_string(),
                name: plan.units.iter().find(|u| u.id == unit).map(|u| u.name.clone()).unwrap_or_default(),
                assignments: rs.len(),
                done,
                na,
                overdue: rs.iter().filter(|r| r.overdue).count(),
                completion_rate: rate(done, rs.len(), na),
                reported: reported.contains_key(unit),
                last_update: last.get(unit).copied(),
            }
        })
        .collect();
    // Ties keep the plan's order of units (a stable sort), which follows the document.
    let plan_order = |id: &str| plan.units.iter().position(|u| u.id == id).unwrap_or(usize::MAX);
    lines.sort_by(|a, b| {
        b.completion_rate
            .total_cmp(&a.completion_rate)
            .then(a.overdue.cmp(&b.overdue))
            .then_with(|| plan_order(&a.unit).cmp(&plan_order(&b.unit)))
    });
    for (i, l) in lines.iter_mut().enumerate() {
        l.rank = i + 1;
    }
    lines
}

fn sections(rows: &[Row]) -> Vec<SectionLine> {
    let mut lines: Vec<SectionLine> = Vec::new();
    let mut na: Vec<usize> = Vec::new();
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    for r in rows {
        let name = r.section.as_deref().unwrap_or_default();
        let i = lines.iter().position(|l| l.section == name).unwrap_or_else(|| {
            lines.push(SectionLine {
                section: name.to_string(),
                tasks: 0,
                assignments: 0,
                done: 0,
                overdue: 0,
                completion_rate: 0.0,
            });
            na.push(0);
            lines.len() - 1
        });
        let l = &mut lines[i];
        l.tasks += usize::from(seen.insert((name, &r.task)));
        l.assignments += 1;
        l.done += usize::from(r.status == Some(Status::Done));
        l.overdue += usize::from(r.overdue);
        na[i] += usize::from(r.status == Some(Status::Na));
    }
    for (l, na) in lines.iter_mut().zip(na) {
        l.completion_rate = rate(l.done, l.assignments, na);
    }
    lines
}

fn tasks(rows: &[Row]) -> Vec<TaskLine> {
    let mut out: Vec<TaskLine> = Vec::new();
    for r in rows {
        if out.last().is_none_or(|t| t.id != r.task) {
            out.push(TaskLine {
                id: r.task.clone(),
                section: r.section.clone(),
                status: "not_started",
                overdue: false,
                units: Vec::new(),
            });
        }
        if let Some(t) = out.last_mut() {
            t.overdue |= r.overdue;
            t.units.push(TaskUnit {
                unit: r.unit.clone(),
                name: r.unit_name.clone(),
                status: r.status,
                overdue: r.overdue,
            });
        }
    }
    for t in &mut out {
        let closed = t.units.iter().all(|u| u.status.is_some_and(Status::is_closed));
        let any = t.units.iter().any(|u| u.status.is_some_and(|s| s != Status::NotStarted));
        t.status = if closed {
            "done"
        } else if any {
            "in_progress"
        } else {
            "not_started"
        };
    }
    out
}
