//! The progress ledger: one append-only TOML file of `[[update]]` records per unit, the
//! queries reports need (latest state, state as of a moment, history), and safe appends.

mod assignment;
mod batch;
mod check;
pub mod draft;
mod error;
pub mod evidence;
mod file;
mod grow;
pub mod id;
mod load;
mod lock;
mod merge;
mod source;
mod state;
mod status;
mod store;
mod view;
mod warning;
mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

pub use assignment::{Assignment, Entry, Fact, Mark, UnitEntries, order};
pub use batch::{Appended, BatchError, Fate, append_batch};
pub use check::{BACKDATE_LIMIT, dated};
pub use error::LedgerError;
pub use file::{ParsedFile, append_records, header, parse as parse_file, parse_located, record};
pub use load::LoadOptions;
pub use lock::DEFAULT_TIMEOUT;
pub use lock::{LockHolder, Locks, Wait, lock_units};
pub use merge::{Merged, merge, union_new};
pub use status::Status;
pub(crate) use store::check_plan;
pub use view::{Evidence, StateView};
pub use warning::LedgerWarning;
pub use write::{Expect, Saved, WriteOptions, append, unit_file, validate};

use crate::plan::Plan;

/// One record of one (task, unit) assignment: a progress update, a "nothing new this period"
/// confirmation, or a correction or withdrawal of an earlier record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Update {
    /// The record's id ([`id`]); `append` gives a new record one.
    pub id: String,
    /// Task id.
    pub task: String,
    /// Unit id.
    pub unit: String,
    /// The moment the progress is reported for (RFC 3339 with offset); usually when it was
    /// written, earlier with `mark --at`.
    pub at: DateTime<FixedOffset>,
    /// The wall-clock time the record was written; absent under a simulated clock (`--today`)
    /// and in records written before it was kept.
    pub recorded_at: Option<DateTime<FixedOffset>>,
    /// The operator, if known.
    pub by: Option<String>,
    pub status: Status,
    /// 0–100.
    pub percent: Option<u8>,
    /// 进展情况
    pub note: Option<String>,
    /// 存在问题
    pub problems: Option<String>,
    /// 下步计划
    pub next: Option<String>,
    /// 佐证: URLs or paths.
    pub evidence: Vec<String>,
    pub kind: RecordKind,
    /// The file the record came in by, when it was merged from a filled 台账 spreadsheet
    /// (`merge` of a `template`): its name, without directories. Not part of what a record says
    /// (see [`Update::same_content`]).
    pub source: Option<String>,
}

/// What a record is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum RecordKind {
    /// An ordinary progress update.
    #[default]
    Progress,
    /// 本期无新进展: the unit confirms nothing changed; its state stays the latest update's.
    NoChange,
    /// Supersedes record `of` (its content replaces that record's, at that record's time).
    Correction { of: String },
    /// Withdraws record `of`: the state is as if it had never been recorded.
    Withdrawal { of: String },
}

impl Update {
    /// A progress update with nothing but a status (and no id yet).
    pub fn new(task: &str, unit: &str, at: DateTime<FixedOffset>, status: Status) -> Update {
        Update {
            id: String::new(),
            task: task.to_string(),
            unit: unit.to_string(),
            at,
            recorded_at: None,
            by: None,
            status,
            percent: None,
            note: None,
            problems: None,
            next: None,
            evidence: Vec::new(),
            kind: RecordKind::Progress,
            source: None,
        }
    }

    /// True when the two say the same: status, percent, texts and evidence.
    pub fn same_content(&self, other: &Update) -> bool {
        (self.status, self.percent, &self.note, &self.problems, &self.next, &self.evidence)
            == (other.status, other.percent, &other.note, &other.problems, &other.next, &other.evidence)
    }

    /// The record it corrects or withdraws.
    pub fn target(&self) -> Option<&str> {
        match &self.kind {
            RecordKind::Correction { of } | RecordKind::Withdrawal { of } => Some(of),
            _ => None,
        }
    }
}

/// All records of a plan's ledger directory and the state they add up to. Each file read is
/// indexed on its own (a unit's records are all in its own file), so files load in parallel.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub dir: PathBuf,
    /// The files read, each with its records, states and index.
    files: Vec<state::FileLedger>,
    /// Unit id → the files holding its records (one, but for records gathered by hand).
    by_unit: Map<String, Vec<u32>>,
    /// Root record id → its corrections and withdrawals (file, record), in order.
    corrected: Map<String, Vec<(u32, u32)>>,
    /// Units whose file could not be read (by [`Ledger::load_tolerant`]).
    unreadable: Vec<Unreadable>,
}

type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A unit whose ledger file could not be read or parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Unit id.
    pub unit: String,
    /// `path:line:col` (or the path) of the problem.
    pub place: String,
}

/// A ledger, what was odd about it, and (from a tolerant load) the files it could not read.
#[derive(Debug)]
pub struct LoadedLedger {
    pub ledger: Ledger,
    pub warnings: Vec<LedgerWarning>,
    pub errors: Vec<LedgerError>,
}

/// The default ledger directory: `<plan dir>/<plan id>.progress/`.
pub fn default_dir(plan: &Plan) -> PathBuf {
    let parent = plan.path.parent().unwrap_or(Path::new("."));
    parent.join(format!("{}.progress", plan.meta.id))
}

impl Ledger {
    /// Builds a ledger from records in file order (no positions, no checks against a clock).
    pub fn from_updates(dir: PathBuf, updates: Vec<Update>) -> Ledger {
        Ledger::from_files(dir, vec![ParsedFile::unnamed(updates)], None).0
    }

    /// Builds a ledger from parsed files; with `wall`, warns about records dated after it.
    pub(crate) fn from_files(
        dir: PathBuf,
        files: Vec<ParsedFile>,
        wall: Option<DateTime<FixedOffset>>,
    ) -> (Ledger, Vec<LedgerWarning>) {
        let built = files
            .into_iter()
            .map(|f| {
                let (source, path) = source::Source::parsed(f);
                state::FileLedger::build(source, path, wall)
            })
            .collect();
        Ledger::assemble(dir, built)
    }

    /// A ledger of one file's records.
    fn from_source(dir: PathBuf, source: source::Source, path: std::sync::Arc<Path>) -> Ledger {
        Ledger::assemble(dir, vec![state::FileLedger::build(source, path, None)]).0
    }

    /// Puts files built on their own together.
    fn assemble(dir: PathBuf, built: Vec<state::Built>) -> (Ledger, Vec<LedgerWarning>) {
        let mut ledger = Ledger { dir, ..Ledger::default() };
        let mut warnings = Vec::new();
        for (n, b) in built.into_iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            for unit in b.file.units() {
                ledger.by_unit.entry(unit.to_string()).or_default().push(n);
            }
            for (root, record) in b.corrections {
                ledger.corrected.entry(root).or_default().push((n, record));
            }
            warnings.extend(b.warnings);
            ledger.files.push(b.file);
        }
        (ledger, warnings)
    }

    /// Units whose file could not be read.
    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    /// Every record, in file order (each copied out of the cache, once, if it came from there).
    pub fn records(&self) -> impl Iterator<Item = &Update> {
        self.files.iter().flat_map(|f| (0..f.source.len()).map(|i| f.source.update(i)))
    }

    /// True when some record has this id (nothing copied out of the cache to find out).
    pub fn holds_id(&self, id: &str) -> bool {
        self.files.iter().any(|f| (0..f.source.len()).any(|i| f.source.id(i) == id))
    }

    /// The time of `unit`'s latest progress update or no-change confirmation at or before
    /// `cutoff` (when it last reported), read without copying records out.
    pub fn last_report(&self, unit: &str, cutoff: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        let files = self.by_unit.get(unit).map_or(&[][..], Vec::as_slice);
        let cutoff = order(cutoff);
        let latest = files.iter().filter_map(|&n| {
            let f = &self.files[n as usize];
            f.last_report(unit, cutoff).map(|(at, i)| (at, std::cmp::Reverse(n), f.source.at(i)))
        });
        // The latest; among equal times, the first file's.
        latest.max_by_key(|&(at, n, _)| (at, n)).map(|(_, _, t)| t)
    }

    /// The number of records.
    pub fn len(&self) -> usize {
        self.files.iter().map(|f| f.source.len()).sum()
    }

    /// True when there are no records.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The progress history of one assignment, corrections applied, oldest first.
    pub fn history(&self, task: &str, unit: &str) -> Vec<&Update> {
        self.history_iter(task, unit).collect()
    }

    /// [`Ledger::history`] without collecting it.
    pub fn history_iter(&self, task: &str, unit: &str) -> impl DoubleEndedIterator<Item = &Update> {
        let found = self.slots(task, unit);
        let list = found.map_or(&[][..], |(_, s)| s.states);
        list.iter().filter_map(move |&s| found.map(|(f, _)| f.state(s)))
    }

    /// Every record of one assignment as written (updates, confirmations, corrections,
    /// withdrawals), ordered by `at`, then file order.
    pub fn trail(&self, task: &str, unit: &str) -> Vec<&Update> {
        self.trail_iter(task, unit).collect()
    }

    /// [`Ledger::trail`] without collecting it.
    pub fn trail_iter(&self, task: &str, unit: &str) -> impl DoubleEndedIterator<Item = &Update> {
        let found = self.slots(task, unit);
        let list = found.map_or(&[][..], |(_, s)| s.records);
        list.iter().filter_map(move |&i| found.map(|(f, _)| f.source.update(i as usize)))
    }

    /// The corrections and withdrawals of the record with id `root`, in order.
    pub fn corrections_of(&self, root: &str) -> Vec<&Update> {
        let list = self.corrected.get(root).map_or(&[][..], Vec::as_slice);
        list.iter().map(|&(f, r)| self.files[f as usize].source.update(r as usize)).collect()
    }

    /// True when the record with id `root` was corrected or withdrawn.
    pub fn is_corrected(&self, root: &str) -> bool {
        self.corrected.contains_key(root)
    }

    /// The current state of an assignment: its latest update, as corrected.
    pub fn latest(&self, task: &str, unit: &str) -> Option<&Update> {
        let (f, s) = self.slots(task, unit)?;
        s.states.last().map(|&st| f.state(st))
    }

    /// The state as of a moment: the latest update (as corrected) at or before `at`.
    pub fn as_of(&self, task: &str, unit: &str, at: DateTime<FixedOffset>) -> Option<&Update> {
        let (f, s) = self.slots(task, unit)?;
        let n = s.states.partition_point(|&st| f.state_at(st) <= at);
        n.checked_sub(1).map(|k| f.state(s.states[k]))
    }

    /// Finds a record of `unit` by id or unique id prefix (at least [`id::MIN_PREFIX`] long).
    pub fn find(&self, unit: &str, id: &str) -> Result<&Update, LedgerError> {
        let files = self.by_unit.get(unit).map_or(&[][..], Vec::as_slice);
        let file = |&f: &u32| {
            let source = &self.files[f as usize].source;
            (0..source.len()).map(move |i| source.update(i))
        };
        state::find(files.iter().flat_map(file), unit, id)
    }

    /// Every (task, unit) that has records.
    fn keys(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().flat_map(|f| f.keys())
    }

    fn slots(&self, task: &str, unit: &str) -> Option<(&state::FileLedger, state::Slots<'_>)> {
        self.files_of(unit).find_map(|f| f.slots(task, unit).map(|s| (f, s)))
    }

    /// The files holding `unit`'s records.
    fn files_of(&self, unit: &str) -> impl Iterator<Item = &state::FileLedger> {
        let files = self.by_unit.get(unit).map_or(&[][..], Vec::as_slice);
        files.iter().map(|&n| &self.files[n as usize])
    }
}

#[cfg(test)]
#[path = "ledger/tests.rs"]
pub(crate) mod tests;

#[cfg(test)]
#[path = "ledger/trust_tests.rs"]
mod trust_tests;

#[cfg(test)]
#[path = "ledger/batch_tests.rs"]
mod batch_tests;
