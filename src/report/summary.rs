//! The summary for leads, folded from the rows as they are computed: totals, buckets, the
//! per-unit ranking, sections, tasks, the positions of the overdue and completed rows, who did
//! not report, and the trail of corrections. Nothing of a row is kept but a few counts.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::compute::Computed;
use super::{
    Assist, BrokenUnit, Bucket, Buckets, Reported, SectionLine, Summary, TaskLine, TaskUnit, Totals, TrailLine,
    UnitLine,
};
use crate::ledger::{Entry, Ledger, RecordKind, Status};
use crate::plan::Plan;

/// One unit's counts so far: of its lead and responsible assignments, and apart, of its 配合
/// ones.
#[derive(Debug, Clone, Copy, Default)]
struct UnitCount {
    assignments: usize,
    done: usize,
    na: usize,
    overdue: usize,
    /// The best of its assignments' (配合 ones too: any report in the period is the unit's).
    report: Reported,
    ledger_error: bool,
    assist: usize,
    assist_done: usize,
}

/// The summary being folded.
pub(super) struct Tally<'a> {
    plan: &'a Plan,
    cutoff: DateTime<FixedOffset>,
    totals: Totals,
    buckets: Buckets,
    assist: Assist,
    /// Per unit of the plan (by index), once it has a row.
    units: Vec<Option<UnitCount>>,
    /// Sections in order of first appearance, with their n/a counts.
    sections: Vec<(SectionLine, usize)>,
    section_at: HashMap<&'a str, usize>,
    /// The task of the previous row and its section.
    current: Option<(usize, usize)>,
    tasks: Vec<TaskLine>,
    /// Each row's state; their `line`s hold plan unit indices until `finish` points them at
    /// the ranking.
    states: Vec<TaskUnit>,
    overdue: Vec<usize>,
    completed: Vec<usize>,
    trail: Vec<TrailLine>,
    /// Rows seen.
    rows: usize,
}

impl<'a> Tally<'a> {
    /// A tally of `rows` rows.
    pub fn new(plan: &'a Plan, cutoff: DateTime<FixedOffset>, rows: usize) -> Tally<'a> {
        Tally {
            plan,
            cutoff,
            totals: Totals::default(),
            buckets: Buckets::default(),
            assist: Assist::default(),
            units: vec![None; plan.units.len()],
            sections: Vec::new(),
            section_at: HashMap::new(),
            current: None,
            tasks: Vec::new(),
            states: Vec::with_capacity(rows),
            overdue: Vec::new(),
            completed: Vec::new(),
            trail: Vec::new(),
            rows: 0,
        }
    }

    /// Counts one row (rows come in plan order, a task's together); true when it is in the
    /// summary's list of overdue or completed rows. A 配合 row is counted apart.
    pub fn add(&mut self, c: &Computed<'a>) -> bool {
        let r = &c.row;
        let n = self.rows;
        self.rows += 1;
        let counted = r.role.counted();
        let section = self.task(c);
        let listed = if counted { self.count(c, n, section) } else { self.count_assist(c) };
        let line = u32::try_from(c.unit).unwrap_or(u32::MAX);
        self.states.push(TaskUnit { line, status: r.status, overdue: r.overdue, role: r.role });
        if let Some(t) = self.tasks.last_mut() {
            t.overdue |= r.overdue && counted;
            t.units.end = self.states.len();
        }
        self.corrections(c);
        listed
    }

    /// Counts a lead or responsible row (row `n`, in section `section`) in the totals, the
    /// buckets, its unit's line and its section; true when it is listed as overdue or completed.
    fn count(&mut self, c: &Computed<'a>, n: usize, section: usize) -> bool {
        let r = &c.row;
        // A 不适用 that does not exempt (a member of a group every member of which must do the
        // task) counts as not started.
        let na = r.bucket == Bucket::NotApplicable;
        count_status(&mut self.totals, if r.status == Some(Status::Na) && !na { None } else { r.status });
        self.totals.overdue += usize::from(r.overdue);
        count_bucket(&mut self.buckets, r.bucket);
        if r.overdue {
            self.overdue.push(n);
        }
        let completed = r.status == Some(Status::Done) && !c.done_before;
        if completed {
            self.completed.push(n);
        }
        let unit = self.units[c.unit].get_or_insert_default();
        unit.assignments += 1;
        unit.done += usize::from(r.status == Some(Status::Done));
        unit.na += usize::from(na);
        unit.overdue += usize::from(r.overdue);
        unit.report = unit.report.min(r.reported);
        unit.ledger_error |= r.ledger_error;
        let (line, na_count) = &mut self.sections[section];
        line.assignments += 1;
        line.done += usize::from(r.status == Some(Status::Done));
        line.overdue += usize::from(r.overdue);
        *na_count += usize::from(na);
        r.overdue || completed
    }

    /// Counts a 配合 row apart; it is never listed.
    fn count_assist(&mut self, c: &Computed<'a>) -> bool {
        let r = &c.row;
        let done = usize::from(r.status == Some(Status::Done));
        let a = &mut self.assist;
        a.assignments += 1;
        a.done += done;
        a.na += usize::from(r.bucket == Bucket::NotApplicable);
        a.overdue += usize::from(r.overdue);
        let unit = self.units[c.unit].get_or_insert_default();
        unit.assist += 1;
        unit.assist_done += done;
        unit.report = unit.report.min(r.reported);
        unit.ledger_error |= r.ledger_error;
        false
    }

    /// Starts a new task line (and counts it in its section) when the row's task is new;
    /// returns the section's index.
    fn task(&mut self, c: &Computed<'a>) -> usize {
        if let Some((_, section)) = self.current.filter(|(t, _)| *t == c.task) {
            return section;
        }
        let name: &'a str = c.row.section.unwrap_or_default();
        let next = self.sections.len();
        let section = *self.section_at.entry(name).or_insert(next);
        if section == next {
            let line = SectionLine {
                section: name.to_string(),
                tasks: 0,
                assignments: 0,
                done: 0,
                overdue: 0,
                completion_rate: 0.0,
            };
            self.sections.push((line, 0));
        }
        self.sections[section].0.tasks += 1;
        self.current = Some((c.task, section));
        self.tasks.push(TaskLine {
            id: c.row.task.to_string(),
            section: c.row.section.map(str::to_string),
            status: "not_started",
            overdue: false,
            units: self.states.len()..self.states.len(),
        });
        section
    }

    /// The corrections and withdrawals of the row's assignment made by the cut-off.
    fn corrections(&mut self, c: &Computed<'a>) {
        let cutoff = crate::ledger::order(self.cutoff);
        let entries = c.entries;
        let marks = entries.marks().enumerate();
        let wanted = marks.filter(|(_, m)| matches!(m.entry, Entry::Correction | Entry::Withdrawal));
        for u in wanted.filter(|(_, m)| m.at <= cutoff).filter_map(|(k, _)| entries.record(k)) {
            let (kind, of) = match &u.kind {
                RecordKind::Correction { of } => ("correction", of),
                RecordKind::Withdrawal { of } => ("withdrawal", of),
                _ => continue,
            };
            self.trail.push(TrailLine {
                record: u.id.clone(),
                kind,
                corrects: of.clone(),
                task: u.task.clone(),
                unit: u.unit.clone(),
                unit_name: c.row.unit_name.to_string(),
                at: u.at,
                by: u.by.clone(),
                status: u.status,
                percent: u.percent,
                note: u.note.clone(),
            });
        }
    }

    /// The summary, and the trail oldest first.
    pub fn finish(mut self, ledger: &Ledger) -> (Summary, Vec<TrailLine>) {
        let ranked = self.ranking(ledger);
        let mut line_of = vec![u32::MAX; self.plan.units.len()];
        for (k, (u, _)) in ranked.iter().enumerate() {
            line_of[*u] = u32::try_from(k).unwrap_or(u32::MAX);
        }
        let units: Vec<UnitLine> = ranked.into_iter().map(|(_, l)| l).collect();
        for u in &mut self.states {
            u.line = line_of.get(u.line as usize).copied().unwrap_or(u32::MAX);
        }
        for t in &mut self.tasks {
            t.status = task_status(self.states.get(t.units.clone()).unwrap_or_default());
        }
        let mut totals = self.totals;
        totals.assignments = self.rows - self.assist.assignments;
        totals.completion_rate = rate(totals.done, totals.assignments, totals.na);
        totals.tasks = self.tasks.len();
        totals.tasks_done = self.tasks.iter().filter(|t| t.status == "done").count();
        totals.tasks_overdue = self.tasks.iter().filter(|t| t.overdue).count();
        let not_reported = units.iter().filter(|u| u.not_reported()).map(|u| u.name.clone()).collect();
        let late = units.iter().filter(|u| u.not_reported() && u.report == Reported::Late);
        let late = late.map(|u| u.name.clone()).collect();
        let mut assist = self.assist;
        assist.completion_rate = rate(assist.done, assist.assignments, assist.na);
        let broken = ledger
            .unreadable()
            .iter()
            .map(|x| BrokenUnit {
                unit: x.unit.clone(),
                name: self.plan.unit_index(&x.unit).map(|i| self.plan.units[i].name.clone()).unwrap_or_default(),
                place: x.place.clone(),
            })
            .collect();
        let sections = self
            .sections
            .into_iter()
            .map(|(mut l, na)| {
                l.completion_rate = rate(l.done, l.assignments, na);
                l
            })
            .collect();
        let mut trail = self.trail;
        trail.sort_by_key(|l| l.at);
        let summary = Summary {
            totals,
            buckets: self.buckets,
            assist,
            units,
            sections,
            tasks: self.tasks,
            states: self.states,
            overdue: self.overdue,
            not_reported,
            late,
            broken,
            completed: self.completed,
        };
        (summary, trail)
    }

    /// Every unit with rows (its index in the plan and its line), ranked by completion rate,
    /// then reported on time in the period before not, then fewer overdue, then the plan's
    /// order of units (docs/report-json.md); units with only 配合 rows come last, in the
    /// plan's order.
    fn ranking(&self, ledger: &Ledger) -> Vec<(usize, UnitLine)> {
        let last = last_reports(self.plan, ledger, self.cutoff);
        let mut lines: Vec<(usize, UnitLine)> = self
            .units
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (i, c)))
            .map(|(i, c)| {
                let unit = &self.plan.units[i];
                let line = UnitLine {
                    rank: 0,
                    unit: unit.id.clone(),
                    name: unit.name.clone(),
                    assignments: c.assignments,
                    done: c.done,
                    na: c.na,
                    overdue: c.overdue,
                    completion_rate: rate(c.done, c.assignments, c.na),
                    reported: c.report.on_time(),
                    report: c.report,
                    ledger_error: c.ledger_error,
                    last_update: last[i],
                    assist: c.assist,
                    assist_done: c.assist_done,
                };
                (i, line)
            })
            .collect();
        lines.sort_by(|(i, a), (j, b)| {
            a.only_assists()
                .cmp(&b.only_assists())
                .then(b.completion_rate.total_cmp(&a.completion_rate))
                .then(b.reported.cmp(&a.reported))
                .then(a.overdue.cmp(&b.overdue))
                .then(i.cmp(j))
        });
        for (k, (_, l)) in lines.iter_mut().enumerate() {
            l.rank = k + 1;
        }
        lines
    }
}

/// Per unit of the plan: the time of its latest update or no-change confirmation by the cut-off.
fn last_reports(plan: &Plan, ledger: &Ledger, cutoff: DateTime<FixedOffset>) -> Vec<Option<DateTime<FixedOffset>>> {
    plan.units.iter().map(|u| ledger.last_report(&u.id, cutoff)).collect()
}

/// done / (assignments − na).
fn rate(done: usize, assignments: usize, na: usize) -> f64 {
    let counted = assignments.saturating_sub(na);
    if counted == 0 { 0.0 } else { done as f64 / counted as f64 }
}

fn count_status(t: &mut Totals, status: Option<Status>) {
    match status {
        Some(Status::Done) => t.done += 1,
        Some(Status::InProgress) => t.in_progress += 1,
        Some(Status::NotStarted) | None => t.not_started += 1,
        Some(Status::Ongoing) => t.ongoing += 1,
        Some(Status::Blocked) => t.blocked += 1,
        Some(Status::Na) => t.na += 1,
    }
}

fn count_bucket(b: &mut Buckets, bucket: Bucket) {
    match bucket {
        Bucket::Done => b.done += 1,
        Bucket::Ahead => b.ahead += 1,
        Bucket::OnTrack => b.on_track += 1,
        Bucket::Behind => b.behind += 1,
        Bucket::Overdue => b.overdue += 1,
        Bucket::NotApplicable => {}
    }
}

/// done (all done or n/a), in_progress (something recorded), or not_started, by the lead
/// and responsible units' states.
fn task_status(units: &[TaskUnit]) -> &'static str {
    let mut counted = units.iter().filter(|u| u.role.counted());
    if counted.clone().all(|u| u.status.is_some_and(Status::is_closed)) {
        "done"
    } else if counted.any(|u| u.status.is_some_and(|s| s != Status::NotStarted)) {
        "in_progress"
    } else {
        "not_started"
    }
}
