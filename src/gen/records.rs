//! One unit's ledger file: its assignments' records at times spread over the plan year (most
//! written in the weeks before each report date, on working days; some backdated, a few
//! written after the report date as 补报), in the order `mark` would have appended them, with
//! ids, as the text `mark` writes.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Weekday};

use super::GenError;
use super::notes;
use super::plan::Made;
use super::rng::Rng;
use super::story::{self, Draft, Facts};
use crate::ledger::{self, RecordKind, id};
use crate::plan::{Plan, Role};

/// What every unit's records are made from.
pub struct Context<'a> {
    plan: &'a Plan,
    seed: u64,
    site: String,
    /// Each unit's assignments: (task index, role).
    pub by_unit: Vec<Vec<(usize, Role)>>,
    objects: HashMap<&'static str, &'static str>,
    start: NaiveDate,
    /// Report dates, then the last day of the year.
    ends: Vec<NaiveDate>,
}

impl<'a> Context<'a> {
    pub fn new(plan: &'a Plan, made: &Made, seed: u64) -> Context<'a> {
        let mut by_unit = vec![Vec::new(); plan.units.len()];
        for (t, task) in plan.tasks.iter().enumerate() {
            for a in &task.assignees {
                by_unit[a.unit].push((t, a.role));
            }
        }
        let objects = super::topics::all().into_iter().map(|(_, _, t)| (t.title, t.object)).collect();
        let start = plan.meta.issued.unwrap_or_default();
        let mut ends = plan.meta.report_dates.clone();
        ends.extend(NaiveDate::from_ymd_opt(plan.meta.year, 12, 31));
        Context { plan, seed, site: made.home.pinyin.clone(), by_unit, objects, start, ends }
    }

    /// The id of unit `unit` (its file's name).
    pub fn unit_id(&self, unit: usize) -> &str {
        &self.plan.units[unit].id
    }

    /// The text of unit `unit`'s file and how many records it holds.
    pub fn unit_text(&self, unit: usize) -> Result<(String, usize), GenError> {
        let mut rng = Rng::new(self.seed, 1 + unit as u64);
        let operators: Vec<String> = (0..1 + rng.below(2)).map(|_| notes::person(&mut rng)).collect();
        let assignments = &self.by_unit[unit];
        let counts = counts(assignments.len(), &mut rng);
        // Now and then a unit misses a report date and reports that period late (补报).
        let late: [bool; 3] = std::array::from_fn(|_| rng.chance(6));
        let mut all: Vec<(usize, usize, Draft)> = Vec::new();
        for (a, (&(t, role), &n)) in assignments.iter().zip(&counts).enumerate() {
            let drafts = self.assignment(unit, (t, role, n), &operators, late, &mut rng);
            all.extend(drafts.into_iter().enumerate().map(|(k, d)| (a, k, d)));
        }
        // The order `mark` appends them in: by when they were written.
        all.sort_by_key(|(a, k, d)| (d.update.recorded_at, d.update.at, *a, *k));
        let ids = assign_ids(&all);
        let u = &self.plan.units[unit];
        let mut text = ledger::header(&u.name, &u.id, &self.plan.meta.id);
        for (a, k, d) in &all {
            let mut update = d.update.clone();
            update.id = id_of(&ids, *a, *k)?;
            if let Some(t) = d.target {
                let of = id_of(&ids, *a, t)?;
                update.kind = if d.withdraw { RecordKind::Withdrawal { of } } else { RecordKind::Correction { of } };
            }
            text.push('\n');
            text.push_str(&ledger::record(&update).map_err(|e| GenError::Encode { message: e.to_string() })?);
        }
        Ok((text, all.len()))
    }

    fn assignment(
        &self,
        unit: usize,
        (t, role, n): (usize, Role, usize),
        ops: &[String],
        late: [bool; 3],
        rng: &mut Rng,
    ) -> Vec<Draft> {
        let task = &self.plan.tasks[t];
        let object = task.topic.as_deref().and_then(|title| self.objects.get(title)).copied().unwrap_or("相关信息");
        let facts = Facts {
            task: &task.id,
            unit: &self.plan.units[unit].id,
            start: self.start,
            due: self.plan.due(task),
            // Some say 不适用 even where a group binds every member (reports then count it as
            // not started), as operators do.
            may_not_apply: role != Role::Lead && task.assignees.len() > 8,
            object,
            operators: ops,
            site: &self.site,
        };
        let times = self.times(n, late, rng);
        story::records(&facts, &times, rng)
    }

    /// `n` moments (`at`, `recorded_at`), both increasing.
    fn times(&self, n: usize, late: [bool; 3], rng: &mut Rng) -> Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        let mut periods: Vec<usize> = if n >= 3 {
            (0..n).map(|k| if k < 3 { k } else { rng.below(4) }).collect()
        } else {
            let mut p = vec![0, 1, 2];
            rng.shuffle(&mut p);
            p.truncate(n);
            p
        };
        periods.sort_unstable();
        let mut at: Vec<DateTime<FixedOffset>> = periods.iter().map(|&p| self.moment(p, rng)).collect();
        at.sort();
        for k in 1..at.len() {
            if at[k] < at[k - 1] + Duration::hours(1) {
                at[k] = at[k - 1] + Duration::minutes(rng.between(60, 26 * 60));
            }
        }
        let mut out: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> = Vec::with_capacity(at.len());
        for &a in &at {
            let before = out.last().map(|&(_, r)| r);
            out.push((a, self.recorded(a, before, late, rng)));
        }
        out
    }

    /// A working-day moment in period `p` (the last weeks before its report date), or in the
    /// weeks after the last report date for `p` = 3.
    fn moment(&self, p: usize, rng: &mut Rng) -> DateTime<FixedOffset> {
        let (lo, hi) = match p {
            0..=2 => (self.ends[p] - Duration::days(25), self.ends[p]),
            _ => (self.ends[2] + Duration::days(1), self.ends[3] - Duration::days(1)),
        };
        let lo = lo.max(self.start + Duration::days(5));
        let mut day = lo + Duration::days(rng.between(0, (hi - lo).num_days().max(0)));
        day = match day.weekday() {
            Weekday::Sat if day - Duration::days(1) >= lo => day - Duration::days(1),
            Weekday::Sun if day - Duration::days(2) >= lo => day - Duration::days(2),
            _ => day,
        };
        let seconds = rng.between(8 * 3600 + 30 * 60, 18 * 3600);
        self.local(day, seconds)
    }

    fn local(&self, day: NaiveDate, seconds: i64) -> DateTime<FixedOffset> {
        let naive = day.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::seconds(seconds);
        self.plan.meta.offset.from_local_datetime(&naive).single().unwrap_or_else(|| naive.and_utc().fixed_offset())
    }

    /// When a record dated `at` was written: mostly at once; some backdated by a few days within
    /// the period; a few after the period's report date (补报), and all of a period that the
    /// unit reported `late`. Never more than `mark --at` allows, and after `before` (so that an
    /// assignment's records are written in the order of their dates).
    fn recorded(
        &self,
        at: DateTime<FixedOffset>,
        before: Option<DateTime<FixedOffset>>,
        late: [bool; 3],
        rng: &mut Rng,
    ) -> DateTime<FixedOffset> {
        let period = self.ends[..3].iter().position(|&r| at.date_naive() <= r);
        let report = period.map(|p| self.ends[p]);
        let roll = if period.is_some_and(|p| late[p]) { 0 } else { rng.below(100) };
        let candidate = match report {
            Some(r) if roll < 3 => self.local(r + Duration::days(rng.between(1, 4)), rng.between(9 * 3600, 17 * 3600)),
            Some(r) if roll < 13 => (at + Duration::minutes(rng.between(120, 3 * 24 * 60))).min(self.local(r, 86_399)),
            None if roll < 10 => at + Duration::minutes(rng.between(120, 3 * 24 * 60)),
            _ => at,
        };
        let lo = before.map_or(at, |b| (b + Duration::minutes(rng.between(1, 30))).max(at));
        candidate.clamp(lo, (at + Duration::days(30)).max(lo))
    }
}

/// Records per assignment: four on average, two to six, in pairs that stray in opposite
/// directions so that a unit with `n` assignments has exactly `4 n` records.
fn counts(n: usize, rng: &mut Rng) -> Vec<usize> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let d = rng.below(3);
        out.push(4 + d);
        out.push(4 - d);
    }
    out.truncate(n);
    if n % 2 == 1 {
        out[n - 1] = 4;
    }
    out
}

fn id_of(ids: &HashMap<(usize, usize), String>, a: usize, k: usize) -> Result<String, GenError> {
    ids.get(&(a, k))
        .cloned()
        .ok_or_else(|| GenError::Encode { message: format!("no id for record {k} of assignment {a}") })
}

/// Ids as `mark` gives them under a simulated clock (reproducible: the record and the number
/// of records before it), made unique within the unit.
fn assign_ids(all: &[(usize, usize, Draft)]) -> HashMap<(usize, usize), String> {
    let mut used = HashSet::new();
    let mut out = HashMap::with_capacity(all.len());
    for (i, (a, k, d)) in all.iter().enumerate() {
        let mut salt = 0u64;
        let id = loop {
            let candidate = id::seeded(&d.update, i as u64 + (salt << 32));
            if used.insert(candidate.clone()) {
                break candidate;
            }
            salt += 1;
        };
        out.insert((*a, *k), id);
    }
    out
}
