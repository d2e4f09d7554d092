//! Where one file's records come from: parsed from its TOML just now, or the per-user cache's
//! validated archive of it. The index and the states read only what they need (task, unit, id,
//! time, kind); a record is copied out whole only when a query hands it out, once.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, FixedOffset};

use super::{ParsedFile, RecordKind, Status, Update};
use crate::cache::{CachedFile, Rec, Text};
use crate::plan::Position;

/// A moment as nanoseconds since the epoch, what orders records in time; moments beyond the
/// years 1677–2262 saturate (so they still sort before or after every other).
pub fn order_of(t: DateTime<FixedOffset>) -> i64 {
    t.timestamp_nanos_opt().unwrap_or(if t.timestamp() < 0 { i64::MIN } else { i64::MAX })
}

/// One file's records.
#[derive(Debug)]
pub(super) enum Source {
    Parsed {
        records: Vec<Update>,
        positions: Vec<Position>,
        /// The file's `plan = …` and `unit = …`, if it has them.
        header: Box<(Option<String>, Option<String>)>,
    },
    /// `full` holds the records copied out so far: boxed, so that the slots of records never
    /// asked for cost a pointer each, not a whole record.
    Cached { file: CachedFile, full: Vec<OnceLock<Box<Update>>> },
}

/// A record's kind without its target copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind<'a> {
    Progress,
    NoChange,
    Correction(&'a str),
    Withdrawal(&'a str),
}

impl<'a> Kind<'a> {
    /// The record a correction or withdrawal refers to.
    pub fn target(self) -> Option<&'a str> {
        match self {
            Kind::Correction(t) | Kind::Withdrawal(t) => Some(t),
            Kind::Progress | Kind::NoChange => None,
        }
    }
}

impl Default for Source {
    fn default() -> Source {
        Source::Parsed { records: Vec::new(), positions: Vec::new(), header: Box::default() }
    }
}

impl Clone for Source {
    /// A copy holds the records themselves (a cached file is copied out).
    fn clone(&self) -> Source {
        let records = (0..self.len()).map(|i| self.update(i).clone()).collect();
        let positions = (0..self.len()).map(|i| self.pos(i)).collect();
        Source::Parsed { records, positions, header: Box::new(self.header()) }
    }
}

impl Source {
    /// Records parsed from a file, and the file's path.
    pub fn parsed(file: ParsedFile) -> (Source, Arc<Path>) {
        let header = Box::new((file.plan, file.unit));
        (Source::Parsed { records: file.records, positions: file.positions, header }, file.path)
    }

    /// The file's `plan = …` and `unit = …`.
    pub fn header(&self) -> (Option<String>, Option<String>) {
        match self {
            Source::Parsed { header, .. } => (**header).clone(),
            Source::Cached { file, .. } => {
                let e = file.entry();
                (e.plan.as_ref().map(|p| p.as_str().to_string()), e.unit.as_ref().map(|u| u.as_str().to_string()))
            }
        }
    }

    /// A validated cache entry.
    pub fn cached(file: CachedFile) -> Source {
        let full = (0..file.entry().records.len()).map(|_| OnceLock::new()).collect();
        Source::Cached { file, full }
    }

    pub fn len(&self) -> usize {
        match self {
            Source::Parsed { records, .. } => records.len(),
            Source::Cached { full, .. } => full.len(),
        }
    }

    fn archived(&self, i: usize) -> Option<Rec<'_>> {
        match self {
            Source::Parsed { .. } => None,
            Source::Cached { file, .. } => file.record(i),
        }
    }

    /// Record `i`, copied out of the cache the first time it is asked for.
    pub fn update(&self, i: usize) -> &Update {
        match self {
            Source::Parsed { records, .. } => &records[i],
            Source::Cached { file, full } => full[i].get_or_init(|| {
                // A validated entry always copies out; a placeholder stands in for the impossible.
                Box::new(file.record(i).map_or_else(placeholder, Rec::update))
            }),
        }
    }

    /// Reads record `i` ahead of its use ([`Rec::touch`]).
    pub fn touch(&self, i: usize) -> u8 {
        self.archived(i).map_or(0, Rec::touch)
    }

    pub fn id(&self, i: usize) -> &str {
        match self.archived(i) {
            Some(r) => r.id(),
            None => &self.update(i).id,
        }
    }

    pub fn task(&self, i: usize) -> &str {
        match self.archived(i) {
            Some(r) => r.task(),
            None => &self.update(i).task,
        }
    }

    pub fn unit(&self, i: usize) -> &str {
        match self.archived(i) {
            Some(r) => r.unit(),
            None => &self.update(i).unit,
        }
    }

    pub fn at(&self, i: usize) -> DateTime<FixedOffset> {
        match self.archived(i) {
            Some(r) => r.at(),
            None => self.update(i).at,
        }
    }

    /// What orders record `i` in time: nanoseconds since the epoch (see [`order_of`]).
    pub fn order(&self, i: usize) -> i64 {
        match self.archived(i) {
            Some(r) => r.order(),
            None => order_of(self.update(i).at),
        }
    }

    /// When record `i` was written (`recorded_at`), as [`order_of`] counts time.
    pub fn written(&self, i: usize) -> Option<i64> {
        match self.archived(i) {
            Some(r) => r.written(),
            None => self.update(i).recorded_at.map(order_of),
        }
    }

    pub fn status(&self, i: usize) -> Status {
        match self.archived(i) {
            Some(r) => r.status(),
            None => self.update(i).status,
        }
    }

    pub fn percent(&self, i: usize) -> Option<u8> {
        match self.archived(i) {
            Some(r) => r.percent(),
            None => self.update(i).percent,
        }
    }

    /// A free-text field of record `i`, read in place when it is valid UTF-8 (as every entry
    /// taizhang writes is), else as copied out.
    pub fn text(&self, i: usize, which: Text) -> Option<&str> {
        if let Some(r) = self.archived(i) {
            return r.text(which);
        }
        which.of(self.update(i))
    }

    pub fn evidence_len(&self, i: usize) -> usize {
        match self.archived(i) {
            Some(r) => r.evidence_len(),
            None => self.update(i).evidence.len(),
        }
    }

    /// Evidence item `k` of record `i`, read as [`Source::text`] reads.
    pub fn evidence(&self, i: usize, k: usize) -> Option<&str> {
        if let Some(r) = self.archived(i) {
            return r.evidence(k);
        }
        self.update(i).evidence.get(k).map(String::as_str)
    }

    /// True when record `i` is dated after `t` (a cached record compared without converting
    /// its time: cached times are all within the nanosecond range).
    pub fn later_than(&self, i: usize, t: DateTime<FixedOffset>) -> bool {
        match (self.archived(i), t.timestamp_nanos_opt()) {
            (Some(r), Some(ns)) => r.order() > ns,
            _ => self.at(i) > t,
        }
    }

    pub fn kind(&self, i: usize) -> Kind<'_> {
        match self.archived(i) {
            Some(r) => match (r.kind_code(), r.target()) {
                (2, Some(t)) => Kind::Correction(t),
                (3, Some(t)) => Kind::Withdrawal(t),
                (1, _) => Kind::NoChange,
                _ => Kind::Progress,
            },
            None => match &self.update(i).kind {
                RecordKind::Progress => Kind::Progress,
                RecordKind::NoChange => Kind::NoChange,
                RecordKind::Correction { of } => Kind::Correction(of),
                RecordKind::Withdrawal { of } => Kind::Withdrawal(of),
            },
        }
    }

    pub fn pos(&self, i: usize) -> Position {
        match (self, self.archived(i)) {
            (_, Some(r)) => r.pos(),
            (Source::Parsed { positions, .. }, None) => {
                positions.get(i).copied().unwrap_or(Position { line: 0, col: 0 })
            }
            _ => Position { line: 0, col: 0 },
        }
    }
}

/// Stands in for a record a validated entry could not copy out (never written by taizhang).
fn placeholder() -> Update {
    Update::new("", "", DateTime::default(), super::Status::NotStarted)
}
