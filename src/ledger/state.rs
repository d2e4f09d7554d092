//! From records to state: indexes one file's records by assignment and applies corrections and
//! withdrawals, so every query sees each progress update as last corrected. Built once per load,
//! file by file (so files build in parallel), reading only ids, times and kinds: a state is a
//! record (copied out of the cache only when asked for), or (rarely) a corrected copy of one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Duration, FixedOffset};

use super::source::{Kind, Source, order_of};
use super::{Entry, Fact, LedgerError, LedgerWarning, Mark, RecordKind, Status, Update, id};
use crate::plan::{Plan, Position};

/// A state: a record as written, or a corrected copy (index into `FileLedger::fixed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StateRef {
    Record(u32),
    Fixed(u32),
}

/// One assignment's entries, ordered by `at` (then file order): its states and its records.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slots<'a> {
    pub states: &'a [StateRef],
    pub records: &'a [u32],
    /// Per record: its time, when it was written and what it is.
    pub marks: &'a [Mark],
    /// Per state: its time and status.
    pub facts: &'a [Fact],
}

/// Where one assignment's entries lie in [`FileLedger`]'s flat lists.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    records: (u32, u32),
    states: (u32, u32),
}

/// One file's records, their states and their index by assignment (task and unit ids
/// interned, so that a look-up allocates nothing). Every assignment's records and states lie
/// side by side in two flat lists, so a file of any size costs a handful of allocations.
#[derive(Debug, Clone, Default)]
pub(super) struct FileLedger {
    pub source: Source,
    /// Corrected copies of progress updates (each keeps the id and time of the record it
    /// stands for); an uncorrected state is its record itself.
    pub fixed: Vec<Update>,
    tasks: HashMap<String, u32>,
    units: HashMap<String, u32>,
    /// (task, unit) to the assignment's place in `spans`.
    slots: HashMap<(u32, u32), u32>,
    spans: Vec<Span>,
    /// Beside `spans`: each assignment's (task, unit).
    keys: Vec<(u32, u32)>,
    records: Vec<u32>,
    states: Vec<StateRef>,
    /// Beside `records` and `states`: what a report judges an assignment by, kept side by side
    /// so that judging one reads no record.
    marks: Vec<Mark>,
    facts: Vec<Fact>,
    task_ids: Vec<String>,
    unit_ids: Vec<String>,
}

/// A file built on its own: what `Ledger::assemble` puts together.
pub(super) struct Built {
    pub file: FileLedger,
    pub warnings: Vec<LedgerWarning>,
    /// (root record id, index of the correction or withdrawal of it), in order.
    pub corrections: Vec<(String, u32)>,
}

type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// How far past the real clock a record may be dated before it is called future-dated (clocks
/// of different machines disagree a little).
pub const CLOCK_SKEW: Duration = Duration::minutes(5);

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn intern(map: &mut HashMap<String, u32>, names: &mut Vec<String>, s: &str) -> u32 {
    if let Some(&n) = map.get(s) {
        return n;
    }
    let n = idx(names.len());
    map.insert(s.to_string(), n);
    names.push(s.to_string());
    n
}

impl FileLedger {
    pub fn slots(&self, task: &str, unit: &str) -> Option<Slots<'_>> {
        self.slots_of(task, self.unit(unit)?)
    }

    /// The file's own number for `unit`, for [`FileLedger::slots_of`].
    pub fn unit(&self, unit: &str) -> Option<u32> {
        self.units.get(unit).copied()
    }

    /// The entries of (task, unit), the unit given by its number here.
    pub fn slots_of(&self, task: &str, unit: u32) -> Option<Slots<'_>> {
        let key = (*self.tasks.get(task)?, unit);
        self.span(*self.slots.get(&key)? as usize)
    }

    fn span(&self, n: usize) -> Option<Slots<'_>> {
        let span = self.spans.get(n)?;
        let range = |(a, b): (u32, u32)| a as usize..b as usize;
        let (records, states) = (range(span.records), range(span.states));
        Some(Slots {
            states: self.states.get(states.clone())?,
            records: self.records.get(records.clone())?,
            marks: self.marks.get(records)?,
            facts: self.facts.get(states)?,
        })
    }

    pub fn state(&self, s: StateRef) -> &Update {
        match s {
            StateRef::Record(i) => self.source.update(i as usize),
            StateRef::Fixed(i) => &self.fixed[i as usize],
        }
    }

    /// The time of a state, without copying its record out.
    pub fn state_at(&self, s: StateRef) -> DateTime<FixedOffset> {
        match s {
            StateRef::Record(i) => self.source.at(i as usize),
            StateRef::Fixed(i) => self.fixed[i as usize].at,
        }
    }

    /// The units with records in this file.
    pub fn units(&self) -> impl Iterator<Item = &str> {
        self.unit_ids.iter().map(String::as_str)
    }

    /// Every (task, unit) with records, in the order of their first records.
    pub fn keys(&self) -> impl Iterator<Item = (&str, &str)> {
        self.keys.iter().map(|&(t, u)| (self.task_ids[t as usize].as_str(), self.unit_ids[u as usize].as_str()))
    }

    /// Every (task, unit) with records here that `plan` does not assign: its task is not in the
    /// plan, or the unit is not among the task's assignees. Each id is looked up once.
    pub fn unplanned<'s>(&'s self, plan: &Plan) -> impl Iterator<Item = (&'s str, &'s str)> {
        let tasks: Vec<Option<&[crate::plan::Assignee]>> =
            self.task_ids.iter().map(|t| plan.task(t).map(|t| t.assignees.as_slice())).collect();
        let units: Vec<Option<usize>> = self.unit_ids.iter().map(|u| plan.unit_index(u)).collect();
        let assigned = move |&(t, u): &(u32, u32)| {
            let unit = units[u as usize];
            tasks[t as usize].is_some_and(|a| a.iter().any(|a| Some(a.unit) == unit))
        };
        let keys = self.keys.iter().filter(move |k| !assigned(k));
        keys.map(|&(t, u)| (self.task_ids[t as usize].as_str(), self.unit_ids[u as usize].as_str()))
    }

    /// When `unit` last reported here by `cutoff` (both as [`order_of`] counts time): the time
    /// and record of its latest progress update or no-change confirmation (the first in file
    /// order among equals).
    pub fn last_report(&self, unit: &str, cutoff: i64) -> Option<(i64, usize)> {
        let u = self.unit(unit)?;
        let mut latest: Option<(i64, std::cmp::Reverse<u32>)> = None;
        for (n, _) in self.keys.iter().enumerate().filter(|(_, k)| k.1 == u) {
            let (a, b) = self.spans[n].records;
            let (marks, records) = (&self.marks[a as usize..b as usize], &self.records[a as usize..b as usize]);
            for (m, &i) in marks.iter().zip(records) {
                if matches!(m.entry, Entry::Progress | Entry::NoChange) && m.at <= cutoff {
                    latest = latest.max(Some((m.at, std::cmp::Reverse(i))));
                }
            }
        }
        latest.map(|(at, i)| (at, i.0 as usize))
    }

    /// The place of (task, unit) in `spans`, made on first sight.
    fn slot(&mut self, task: &str, unit: &str) -> u32 {
        let t = intern(&mut self.tasks, &mut self.task_ids, task);
        let u = intern(&mut self.units, &mut self.unit_ids, unit);
        let next = idx(self.spans.len());
        let n = *self.slots.entry((t, u)).or_insert(next);
        if n == next {
            self.spans.push(Span::default());
            self.keys.push((t, u));
        }
        n
    }

    /// Groups record indices by assignment (a counting sort), each group in time order.
    fn group(&mut self, source: &Source) {
        let slot_of: Vec<u32> = (0..source.len()).map(|i| self.slot(source.task(i), source.unit(i))).collect();
        let mut next = vec![0u32; self.spans.len()];
        for &s in &slot_of {
            next[s as usize] += 1;
        }
        let mut start = 0;
        for (span, n) in self.spans.iter_mut().zip(next.iter_mut()) {
            span.records = (start, start + *n);
            (start, *n) = (start + *n, start);
        }
        self.records = vec![0; source.len()];
        for (i, &s) in slot_of.iter().enumerate() {
            let at = &mut next[s as usize];
            self.records[*at as usize] = idx(i);
            *at += 1;
        }
        for span in &self.spans {
            let (a, b) = span.records;
            self.records[a as usize..b as usize].sort_unstable_by_key(|&i| (source.order(i as usize), i));
        }
    }

    /// Fills `marks` and `facts` from the records and states.
    fn judged(&mut self, source: &Source) {
        self.marks = (self.records.iter())
            .map(|&i| {
                let i = i as usize;
                Mark { at: source.order(i), written: source.written(i), entry: Entry::of(source.kind(i)) }
            })
            .collect();
        self.facts = (self.states.iter())
            .map(|&s| match s {
                StateRef::Record(i) => {
                    let i = i as usize;
                    Fact { at: source.order(i), status: source.status(i), percent: source.percent(i) }
                }
                StateRef::Fixed(j) => self.fixed.get(j as usize).map_or(
                    Fact { at: i64::MIN, status: Status::NotStarted, percent: None },
                    |u| Fact { at: order_of(u.at), status: u.status, percent: u.percent },
                ),
            })
            .collect();
    }

    /// Indexes one file's records and works out their states; with `wall`, warns about records
    /// dated after it. A correction only ever concerns a record of its own assignment, in its
    /// own file; each assignment's records are taken in the order of `at`, then file order.
    pub fn build(source: Source, path: Arc<Path>, wall: Option<DateTime<FixedOffset>>) -> Built {
        let place = |i: usize| (path.to_path_buf(), source.pos(i));
        let (by_id, mut warnings) = scan(&source, wall, &place);
        let mut f = FileLedger::default();
        f.group(&source);
        let mut corrections = Vec::new();
        let mut orphans = Vec::new();
        // The state of each progress record, as the corrections so far leave it.
        let mut state: Vec<Option<StateRef>> = vec![None; source.len()];
        f.states.reserve(source.len());
        for span in &mut f.spans {
            let (a, b) = span.records;
            for &i in &f.records[a as usize..b as usize] {
                let i = i as usize;
                match source.kind(i) {
                    Kind::Progress => state[i] = Some(StateRef::Record(idx(i))),
                    Kind::NoChange => {}
                    Kind::Correction(_) | Kind::Withdrawal(_) => match root_of(&source, &by_id, i) {
                        Some(root) => {
                            state[root] = corrected_state(&mut f.fixed, source.update(root), source.update(i));
                            corrections.push((source.id(root).to_string(), idx(i)));
                        }
                        None => orphans.push(i),
                    },
                }
            }
            let first = idx(f.states.len());
            f.states.extend(f.records[a as usize..b as usize].iter().filter_map(|&i| state[i as usize]));
            span.states = (first, idx(f.states.len()));
        }
        // In file order, whatever order the assignments were worked out in.
        orphans.sort_unstable();
        corrections.sort_by_key(|&(_, i)| (source.order(i as usize), i));
        warnings.extend(orphans.into_iter().map(|i| {
            let (path, pos) = place(i);
            LedgerWarning::Orphan { path, pos, target: source.kind(i).target().unwrap_or_default().to_string() }
        }));
        drop(by_id);
        f.judged(&source);
        f.source = source;
        Built { file: f, warnings, corrections }
    }
}

/// What correction `c` makes of `root`'s state: a corrected copy, or nothing (withdrawn).
fn corrected_state(fixed: &mut Vec<Update>, root: &Update, c: &Update) -> Option<StateRef> {
    if matches!(c.kind, RecordKind::Withdrawal { .. }) {
        return None;
    }
    fixed.push(Update {
        id: root.id.clone(),
        at: root.at,
        recorded_at: root.recorded_at,
        kind: RecordKind::Progress,
        ..c.clone()
    });
    Some(StateRef::Fixed(idx(fixed.len() - 1)))
}

/// Record ids (the first of any duplicate wins) and the warnings about duplicates and
/// future-dated records.
fn scan<'a>(
    source: &'a Source,
    wall: Option<DateTime<FixedOffset>>,
    place: &dyn Fn(usize) -> (PathBuf, Position),
) -> (HashMap<&'a str, usize>, Vec<LedgerWarning>) {
    let mut warnings = Vec::new();
    let late = wall.map(|w| w + CLOCK_SKEW);
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(source.len(), Default::default());
    for i in 0..source.len() {
        let id = source.id(i);
        if by_id.contains_key(id) {
            let (path, pos) = place(i);
            warnings.push(LedgerWarning::DuplicateId { path, pos, id: id.to_string() });
        } else {
            by_id.insert(id, i);
        }
        if let Some(late) = late
            && source.later_than(i, late)
        {
            let (path, pos) = place(i);
            warnings.push(LedgerWarning::Future { path, pos, at: source.at(i) });
        }
    }
    (by_id, warnings)
}

/// The progress update a correction or withdrawal finally refers to (following corrections of
/// corrections), if it exists and is of the same assignment.
fn root_of(source: &Source, by_id: &HashMap<&str, usize>, from: usize) -> Option<usize> {
    let me = (source.task(from), source.unit(from));
    let mut at = from;
    for _ in 0..64 {
        let target = *by_id.get(source.kind(at).target()?)?;
        if (source.task(target), source.unit(target)) != me {
            return None;
        }
        match source.kind(target) {
            Kind::Progress => return Some(target),
            Kind::NoChange => return None,
            _ => at = target,
        }
    }
    None
}

/// A record of `unit` by id or unique prefix, among `records`.
pub(super) fn find<'a>(
    records: impl Iterator<Item = &'a Update> + Clone,
    unit: &str,
    wanted: &str,
) -> Result<&'a Update, LedgerError> {
    let wanted = wanted.trim();
    let not_found = || LedgerError::NoSuchRecord { id: wanted.to_string() };
    if !id::valid(wanted) {
        return Err(not_found());
    }
    let mine = || records.clone().filter(|u| u.unit == unit);
    if let Some(exact) = mine().find(|u| u.id == wanted) {
        return Ok(exact);
    }
    if wanted.len() < id::MIN_PREFIX {
        return Err(LedgerError::ShortRecordId { id: wanted.to_string() });
    }
    let hits: Vec<&Update> = mine().filter(|u| u.id.starts_with(wanted)).collect();
    match hits.as_slice() {
        [one] => Ok(one),
        [] => Err(not_found()),
        many => Err(LedgerError::AmbiguousRecord {
            id: wanted.to_string(),
            candidates: many.iter().map(|u| u.id.clone()).collect(),
        }),
    }
}
