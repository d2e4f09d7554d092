//! One ledger record in a cache entry, laid out to be small and read in place: its times as
//! numbers, and every text it has — ids included — as a range of the entry's one string of
//! texts, so that reading an entry checks UTF-8 once, and a record costs 88 bytes besides its
//! words.

use std::ops::Range;

use chrono::{DateTime, FixedOffset, TimeZone};
use rkyv::{Archive, Serialize};

use crate::ledger::{RecordKind, Status, Update};
use crate::plan::Position;

/// The texts a record holds, in the order they lie: each starts where the one before ends.
const ID: usize = 0;
const TASK: usize = 1;
const UNIT: usize = 2;
const TARGET: usize = 3;
const BY: usize = 4;
const NOTE: usize = 5;
const PROBLEMS: usize = 6;
const NEXT: usize = 7;
const SOURCE: usize = 8;
const TEXTS: usize = 9;

/// `written_offset` of a record with no `recorded_at`.
const NO_TIME: i32 = i32::MIN;
/// `percent` of a record with none.
const NO_PERCENT: u8 = u8::MAX;

#[derive(Archive, Serialize)]
pub struct Record {
    /// `at`, as nanoseconds since the epoch (UTC; what orders records), and `recorded_at`
    /// likewise (`written_offset` is [`NO_TIME`] without one).
    at: i64,
    written: i64,
    /// The offsets of `at` (what it is shown in) and `recorded_at`, in seconds.
    at_offset: i32,
    written_offset: i32,
    /// Where the record's texts begin in the entry's texts, and where each of id, task, unit,
    /// target, by, note, problems, next and source ends (an absent one is empty), then where
    /// each evidence item ends.
    start: u32,
    ends: [u32; TEXTS],
    evidence: Vec<u32>,
    line: u32,
    col: u32,
    /// Bit k: text k (target and after) is present.
    present: u16,
    /// Index into `Status::ALL`.
    status: u8,
    /// 0–100, or [`NO_PERCENT`].
    percent: u8,
    /// 0 progress, 1 no change, 2 correction, 3 withdrawal.
    kind: u8,
}

/// A free-text field of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    By,
    Note,
    Problems,
    Next,
    Source,
}

impl Text {
    /// This text of a record held whole.
    pub fn of(self, u: &Update) -> Option<&str> {
        match self {
            Text::By => u.by.as_deref(),
            Text::Note => u.note.as_deref(),
            Text::Problems => u.problems.as_deref(),
            Text::Next => u.next.as_deref(),
            Text::Source => u.source.as_deref(),
        }
    }

    fn index(self) -> usize {
        match self {
            Text::By => BY,
            Text::Note => NOTE,
            Text::Problems => PROBLEMS,
            Text::Next => NEXT,
            Text::Source => SOURCE,
        }
    }
}

/// Appends `text` to `texts`; where it then ends (`None` past 4 GiB, which no entry reaches:
/// a ledger file is at most 16 MiB).
fn put(texts: &mut Vec<u8>, text: &str) -> Option<u32> {
    texts.extend_from_slice(text.as_bytes());
    u32::try_from(texts.len()).ok()
}

/// `u` (found at `pos`) as a record, its texts appended to `texts`; `None` for a time beyond
/// the years 1678–2261, which is then not cached.
pub(super) fn record(u: &Update, pos: &Position, texts: &mut Vec<u8>) -> Option<Record> {
    let (kind, target) = match &u.kind {
        RecordKind::Progress => (0, None),
        RecordKind::NoChange => (1, None),
        RecordKind::Correction { of } => (2, Some(of)),
        RecordKind::Withdrawal { of } => (3, Some(of)),
    };
    let start = u32::try_from(texts.len()).ok()?;
    let optional = [target, u.by.as_ref(), u.note.as_ref(), u.problems.as_ref(), u.next.as_ref(), u.source.as_ref()];
    let mut ends = [0; TEXTS];
    let mut present = 0;
    for (k, text) in [Some(&u.id), Some(&u.task), Some(&u.unit)].into_iter().chain(optional).enumerate() {
        present |= u16::from(text.is_some() && k >= TARGET) << k;
        ends[k] = put(texts, text.map_or("", String::as_str))?;
    }
    let (written, written_offset) = match u.recorded_at {
        Some(t) => moment(t)?,
        None => (0, NO_TIME),
    };
    let (at, at_offset) = moment(u.at)?;
    Some(Record {
        at,
        at_offset,
        written,
        written_offset,
        start,
        ends,
        evidence: u.evidence.iter().map(|e| put(texts, e)).collect::<Option<_>>()?,
        present,
        status: Status::ALL.iter().position(|s| *s == u.status).and_then(|i| u8::try_from(i).ok())?,
        percent: u.percent.unwrap_or(NO_PERCENT),
        kind,
        line: u32::try_from(pos.line).unwrap_or(u32::MAX),
        col: u32::try_from(pos.col).unwrap_or(u32::MAX),
    })
}

/// A moment as nanoseconds since the epoch and its offset in seconds.
fn moment(t: DateTime<FixedOffset>) -> Option<(i64, i32)> {
    Some((t.timestamp_nanos_opt()?, t.offset().local_minus_utc()))
}

/// The moment `ns` nanoseconds after the epoch, in the offset of `secs` seconds.
fn time(ns: i64, secs: i32) -> Option<DateTime<FixedOffset>> {
    FixedOffset::east_opt(secs)?
        .timestamp_opt(ns.div_euclid(1_000_000_000), ns.rem_euclid(1_000_000_000) as u32)
        .single()
}

/// A record read in place: the archived record and its entry's texts (checked to be UTF-8).
#[derive(Clone, Copy)]
pub struct Rec<'a> {
    pub(super) r: &'a ArchivedRecord,
    pub(super) texts: &'a str,
}

impl<'a> Rec<'a> {
    /// True when the record reads without fail: its texts lie in order within the entry's,
    /// each on character boundaries; its status, kind, percent and offsets are ones taizhang
    /// writes. An entry with a record that is not is not used.
    pub(super) fn sound(self) -> bool {
        let r = self.r;
        let mut at = r.start.to_native();
        let ends = r.ends.iter().chain(r.evidence.iter()).map(|e| e.to_native());
        let texts_in_order = ends.enumerate().all(|(k, end)| {
            let absent_is_empty = !(TARGET..TEXTS).contains(&k) || r.present.to_native() & (1 << k) != 0 || end == at;
            let fine = at <= end && self.texts.is_char_boundary(end as usize) && absent_is_empty;
            at = end;
            fine
        });
        texts_in_order
            && self.texts.is_char_boundary(r.start.to_native() as usize)
            && usize::from(r.status) < Status::ALL.len()
            && matches!((r.kind, self.has(TARGET)), (0 | 1, false) | (2 | 3, true))
            && (r.percent <= 100 || r.percent == NO_PERCENT)
            && FixedOffset::east_opt(r.at_offset.to_native()).is_some()
            && (r.written_offset == NO_TIME || FixedOffset::east_opt(r.written_offset.to_native()).is_some())
    }

    /// Reads the record and the first byte of its texts, so that both are in the processor's
    /// cache when they are read in earnest a little later (the value means nothing).
    pub fn touch(self) -> u8 {
        let texts = self.texts.as_bytes();
        let end = self.r.ends[NEXT].to_native() as usize;
        let at = |i: usize| texts.get(i).copied().unwrap_or(0);
        self.r.status ^ at(self.r.start.to_native() as usize) ^ at(end.saturating_sub(1))
    }

    fn has(self, k: usize) -> bool {
        self.r.present.to_native() & (1 << k) != 0
    }

    /// The byte range of text `k` (see [`Record::ends`]; evidence item j is text `TEXTS + j`).
    fn range(self, k: usize) -> Range<usize> {
        let r = self.r;
        let end_of = |k: usize| match k.checked_sub(TEXTS) {
            None => r.ends.get(k).map_or(0, |e| e.to_native()),
            Some(j) => r.evidence.get(j).map_or(0, |e| e.to_native()),
        };
        let start = if k == 0 { r.start.to_native() } else { end_of(k - 1) };
        start as usize..end_of(k) as usize
    }

    /// Text `k` (empty for a record that is not sound, which is never read).
    fn str(self, k: usize) -> &'a str {
        self.texts.get(self.range(k)).unwrap_or_default()
    }

    fn optional(self, k: usize) -> Option<&'a str> {
        self.has(k).then(|| self.str(k))
    }

    pub fn id(self) -> &'a str {
        self.str(ID)
    }

    pub fn task(self) -> &'a str {
        self.str(TASK)
    }

    pub fn unit(self) -> &'a str {
        self.str(UNIT)
    }

    /// The record a correction or withdrawal refers to.
    pub fn target(self) -> Option<&'a str> {
        self.optional(TARGET)
    }

    pub fn text(self, which: Text) -> Option<&'a str> {
        self.optional(which.index())
    }

    pub fn evidence_len(self) -> usize {
        self.r.evidence.len()
    }

    pub fn evidence(self, k: usize) -> Option<&'a str> {
        (k < self.evidence_len()).then(|| self.str(TEXTS + k))
    }

    /// 0 progress, 1 no change, 2 correction, 3 withdrawal.
    pub fn kind_code(self) -> u8 {
        self.r.kind
    }

    pub fn at(self) -> DateTime<FixedOffset> {
        time(self.r.at.to_native(), self.r.at_offset.to_native()).unwrap_or_default()
    }

    /// The time of `at` as nanoseconds since the epoch.
    pub fn order(self) -> i64 {
        self.r.at.to_native()
    }

    /// The time of `recorded_at` as nanoseconds since the epoch.
    pub fn written(self) -> Option<i64> {
        (self.r.written_offset != NO_TIME).then(|| self.r.written.to_native())
    }

    pub fn status(self) -> Status {
        Status::ALL.get(usize::from(self.r.status)).copied().unwrap_or(Status::NotStarted)
    }

    pub fn percent(self) -> Option<u8> {
        (self.r.percent != NO_PERCENT).then_some(self.r.percent)
    }

    pub fn pos(self) -> Position {
        Position { line: self.r.line.to_native() as usize, col: self.r.col.to_native() as usize }
    }

    /// The record copied out.
    pub fn update(self) -> Update {
        let owned = |s: Option<&str>| s.map(str::to_string);
        let kind = match (self.r.kind, self.target()) {
            (2, Some(of)) => RecordKind::Correction { of: of.to_string() },
            (3, Some(of)) => RecordKind::Withdrawal { of: of.to_string() },
            (1, _) => RecordKind::NoChange,
            _ => RecordKind::Progress,
        };
        Update {
            id: self.id().to_string(),
            task: self.task().to_string(),
            unit: self.unit().to_string(),
            at: self.at(),
            recorded_at: self.written().and_then(|ns| time(ns, self.r.written_offset.to_native())),
            by: owned(self.text(Text::By)),
            status: self.status(),
            percent: self.percent(),
            note: owned(self.text(Text::Note)),
            problems: owned(self.text(Text::Problems)),
            next: owned(self.text(Text::Next)),
            evidence: (0..self.evidence_len()).filter_map(|k| self.evidence(k)).map(str::to_string).collect(),
            kind,
            source: owned(self.text(Text::Source)),
        }
    }
}

// What the module's header promises (an archived record, besides its words).
const _: () = assert!(std::mem::size_of::<ArchivedRecord>() == 88);
