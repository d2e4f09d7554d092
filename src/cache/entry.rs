//! One cache entry on disk: a header (magic tag, checksum, and for an entry made within the
//! racy window the size and checksum of the file's bytes), then an rkyv archive of the file's
//! key, stamp and parsed records. An entry is validated once when read and then used in place:
//! a record's text is only copied out when a report or a view asks for it.

use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeZone};
use rkyv::rancor::Error;
use rkyv::util::AlignedVec;
use rkyv::{Archive, Serialize};

use super::Stamp;
use crate::ledger::{ParsedFile, RecordKind, Status, Update};
use crate::plan::Position;

/// Names the format; a new layout gets a new tag, so old entries are misses.
const MAGIC: &[u8; 8] = b"TZCACHE6";
/// Magic (8), the checksum of all that follows (4), a flag (4), the file's length (8) and checksum (4),
/// and padding, so that the archive after it stays 16-byte aligned.
pub(super) const HEADER: usize = 32;

/// The bytes a file had when its entry was made, for an entry made too soon after the file
/// changed for its stamp alone to be trusted: it is used only while the file's bytes still
/// match, until it is confirmed (the flag cleared) once the racy window has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Content {
    pub len: u64,
    pub crc: u32,
}

impl Content {
    pub fn of(bytes: &[u8]) -> Content {
        Content { len: bytes.len() as u64, crc: crc32fast::hash(bytes) }
    }
}

#[derive(Archive, Serialize)]
pub struct Entry {
    key: String,
    build: u64,
    stamp: StampRec,
    pub plan: Option<String>,
    pub unit: Option<String>,
    pub records: Vec<Record>,
}

#[derive(Archive, Serialize, PartialEq)]
struct StampRec {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
    dev: u64,
}

impl From<&Stamp> for StampRec {
    fn from(s: &Stamp) -> StampRec {
        let split = |ns: i128| ((ns / 1_000_000_000) as i64, (ns % 1_000_000_000) as i64);
        StampRec { len: s.len, mtime: split(s.mtime_ns), ctime: split(s.ctime_ns), ino: s.ino, dev: s.dev }
    }
}

/// A moment as nanoseconds since the epoch (UTC; what orders records) and its offset in
/// seconds (what it is shown in).
type Moment = (i64, i32);

#[derive(Archive, Serialize)]
pub struct Record {
    pub id: String,
    pub task: String,
    pub unit: String,
    pub at: Moment,
    pub recorded_at: Option<Moment>,
    /// Free text is kept as bytes: checking it is UTF-8 on every load would cost more than
    /// everything else the check does; the checksum already guards it, and it is decoded (as
    /// written, since taizhang only ever writes UTF-8) when a record is copied out.
    by: Option<Vec<u8>>,
    /// Index into `Status::ALL`.
    pub status: u8,
    percent: Option<u8>,
    note: Option<Vec<u8>>,
    problems: Option<Vec<u8>>,
    next: Option<Vec<u8>>,
    evidence: Vec<Vec<u8>>,
    /// 0 progress, 1 no change, 2 correction, 3 withdrawal.
    pub kind: u8,
    pub target: Option<String>,
    pub line: u32,
    pub col: u32,
}

/// Nanoseconds since the epoch of the moments taizhang stores (years 1678–2261); others are
/// not cached.
fn moment(t: DateTime<FixedOffset>) -> Option<Moment> {
    Some((t.timestamp_nanos_opt()?, t.offset().local_minus_utc()))
}

/// An archived moment as chrono's (`None` only for a value no writer makes).
pub fn time(m: &ArchivedMoment) -> Option<DateTime<FixedOffset>> {
    let ns = m.0.to_native();
    FixedOffset::east_opt(m.1.to_native())?
        .timestamp_opt(ns.div_euclid(1_000_000_000), ns.rem_euclid(1_000_000_000) as u32)
        .single()
}

/// True when an archived moment converts ([`time`] fails only for an offset out of range:
/// any nanosecond count is a date chrono holds).
fn zone(m: &ArchivedMoment) -> bool {
    FixedOffset::east_opt(m.1.to_native()).is_some()
}

/// An archived moment's order (nanoseconds since the epoch).
pub fn order(m: &ArchivedMoment) -> i64 {
    m.0.to_native()
}

type ArchivedMoment = <Moment as Archive>::Archived;

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn record(u: &Update, pos: &Position) -> Option<Record> {
    let (kind, target) = match &u.kind {
        RecordKind::Progress => (0, None),
        RecordKind::NoChange => (1, None),
        RecordKind::Correction { of } => (2, Some(of.clone())),
        RecordKind::Withdrawal { of } => (3, Some(of.clone())),
    };
    Some(Record {
        id: u.id.clone(),
        task: u.task.clone(),
        unit: u.unit.clone(),
        at: moment(u.at)?,
        recorded_at: match u.recorded_at {
            Some(t) => Some(moment(t)?),
            None => None,
        },
        by: bytes(&u.by),
        status: Status::ALL.iter().position(|s| *s == u.status).and_then(|i| u8::try_from(i).ok())?,
        percent: u.percent,
        note: bytes(&u.note),
        problems: bytes(&u.problems),
        next: bytes(&u.next),
        evidence: u.evidence.iter().map(|e| e.as_bytes().to_vec()).collect(),
        kind,
        target,
        line: small(pos.line),
        col: small(pos.col),
    })
}

fn bytes(text: &Option<String>) -> Option<Vec<u8>> {
    text.as_ref().map(|t| t.as_bytes().to_vec())
}

/// A free-text field of an archived record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    By,
    Note,
    Problems,
    Next,
}

impl ArchivedRecord {
    /// The bytes of a free-text field, as written (UTF-8 unless the entry was tampered with).
    pub fn text(&self, which: Text) -> Option<&[u8]> {
        let field = match which {
            Text::By => &self.by,
            Text::Note => &self.note,
            Text::Problems => &self.problems,
            Text::Next => &self.next,
        };
        field.as_ref().map(|b| b.as_slice())
    }

    pub fn percent(&self) -> Option<u8> {
        self.percent.as_ref().copied()
    }

    /// The bytes of each evidence item.
    pub fn evidence(&self) -> impl Iterator<Item = &[u8]> {
        self.evidence.iter().map(|b| b.as_slice())
    }

    pub fn evidence_len(&self) -> usize {
        self.evidence.len()
    }
}

/// The kind of an archived record (`None` for a value no writer makes).
pub fn kind(r: &ArchivedRecord) -> Option<RecordKind> {
    let target = r.target.as_ref().map(|t| t.as_str().to_string());
    Some(match (r.kind, target) {
        (0, None) => RecordKind::Progress,
        (1, None) => RecordKind::NoChange,
        (2, Some(of)) => RecordKind::Correction { of },
        (3, Some(of)) => RecordKind::Withdrawal { of },
        _ => return None,
    })
}

/// An archived record copied out as an update.
pub fn update(r: &ArchivedRecord) -> Option<Update> {
    let decode = |b: &rkyv::vec::ArchivedVec<u8>| String::from_utf8_lossy(b.as_slice()).into_owned();
    let text = |t: &rkyv::option::ArchivedOption<rkyv::vec::ArchivedVec<u8>>| t.as_ref().map(decode);
    Some(Update {
        id: r.id.as_str().to_string(),
        task: r.task.as_str().to_string(),
        unit: r.unit.as_str().to_string(),
        at: time(&r.at)?,
        recorded_at: match r.recorded_at.as_ref() {
            Some(m) => Some(time(m)?),
            None => None,
        },
        by: text(&r.by),
        status: *Status::ALL.get(usize::from(r.status))?,
        percent: r.percent.as_ref().copied(),
        note: text(&r.note),
        problems: text(&r.problems),
        next: text(&r.next),
        evidence: r.evidence.iter().map(decode).collect(),
        kind: kind(r)?,
    })
}

/// The bytes of an entry for `parsed`, made from the file `key` as `stamp` describes it.
pub(super) fn encode(
    key: &str,
    build: u64,
    stamp: &Stamp,
    parsed: &ParsedFile,
    content: Option<Content>,
) -> Option<AlignedVec> {
    let entry = Entry {
        key: key.to_string(),
        build,
        stamp: stamp.into(),
        plan: parsed.plan.clone(),
        unit: parsed.unit.clone(),
        records: parsed.records.iter().zip(&parsed.positions).map(|(u, p)| record(u, p)).collect::<Option<_>>()?,
    };
    let payload = rkyv::to_bytes::<Error>(&entry).ok()?;
    let mut out = AlignedVec::with_capacity(payload.len() + HEADER);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&header_content(content));
    out.extend_from_slice(&payload);
    seal(&mut out);
    Some(out)
}

/// Writes the checksum of everything after it (the rest of the header and the archive).
fn seal(bytes: &mut [u8]) {
    let sum = crc32fast::hash(&bytes[12..]);
    bytes[8..12].copy_from_slice(&sum.to_le_bytes());
}

/// The header's last 20 bytes: flag, length, checksum, padding.
fn header_content(content: Option<Content>) -> [u8; HEADER - 12] {
    let mut out = [0; HEADER - 12];
    if let Some(c) = content {
        out[0] = 1;
        out[4..12].copy_from_slice(&c.len.to_le_bytes());
        out[12..16].copy_from_slice(&c.crc.to_le_bytes());
    }
    out
}

/// An entry's bytes with its content check cleared (confirmed).
pub(super) fn confirmed(file: &CachedFile) -> Vec<u8> {
    let mut bytes = file.borrow_owner().to_vec();
    bytes[12..HEADER].copy_from_slice(&header_content(None));
    seal(&mut bytes);
    bytes
}

/// The content check an entry's header carries, if any.
pub(super) fn content(file: &CachedFile) -> Option<Content> {
    let head = file.borrow_owner().get(12..HEADER)?;
    (head[0] == 1).then(|| Content {
        len: u64::from_le_bytes(head[4..12].try_into().unwrap_or_default()),
        crc: u32::from_le_bytes(head[12..16].try_into().unwrap_or_default()),
    })
}

self_cell::self_cell!(
    /// A validated entry, held with its bytes.
    pub struct CachedFile {
        owner: AlignedVec,
        #[covariant]
        dependent: EntryRef,
    }
);

type EntryRef<'a> = &'a ArchivedEntry;

impl std::fmt::Debug for CachedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CachedFile({} records)", self.entry().records.len())
    }
}

impl CachedFile {
    pub fn entry(&self) -> &ArchivedEntry {
        self.borrow_dependent()
    }
}

/// The entry in `bytes` (header included), if they are whole, uncorrupted, made by `build`, and for `key` made
/// from the file exactly as `stamp` describes it.
pub(super) fn decode(bytes: AlignedVec, key: &str, build: u64, stamp: &Stamp) -> Option<CachedFile> {
    let head = bytes.get(..HEADER)?;
    if &head[..8] != MAGIC {
        return None;
    }
    let sum = u32::from_le_bytes(head[8..12].try_into().ok()?);
    if crc32fast::hash(&bytes[12..]) != sum {
        return None;
    }
    let file = CachedFile::try_new(bytes, |b| rkyv::access::<ArchivedEntry, Error>(&b[HEADER..])).ok()?;
    let e = file.entry();
    let wanted = StampRec::from(stamp);
    let same = e.key.as_str() == key
        && e.build.to_native() == build
        && e.stamp.len.to_native() == wanted.len
        && (e.stamp.mtime.0.to_native(), e.stamp.mtime.1.to_native()) == wanted.mtime
        && (e.stamp.ctime.0.to_native(), e.stamp.ctime.1.to_native()) == wanted.ctime
        && e.stamp.ino.to_native() == wanted.ino
        && e.stamp.dev.to_native() == wanted.dev;
    // Every record must copy out (taizhang never writes one that does not), so that a copy
    // asked for later cannot fail.
    let sound = e.records.iter().all(|r| {
        usize::from(r.status) < Status::ALL.len()
            && matches!((r.kind, r.target.is_some()), (0 | 1, false) | (2 | 3, true))
            && zone(&r.at)
            && r.recorded_at.as_ref().is_none_or(zone)
    });
    (same && sound).then_some(file)
}

/// Copies a whole entry out as a parsed file named `shown` (for tests and checks).
pub fn to_parsed(file: &CachedFile, shown: &Path) -> Option<ParsedFile> {
    let e = file.entry();
    let records = e.records.iter().map(update).collect::<Option<Vec<_>>>()?;
    let positions = e
        .records
        .iter()
        .map(|r| Position { line: r.line.to_native() as usize, col: r.col.to_native() as usize })
        .collect();
    Some(ParsedFile {
        path: std::sync::Arc::from(shown),
        plan: e.plan.as_ref().map(|p| p.as_str().to_string()),
        unit: e.unit.as_ref().map(|u| u.as_str().to_string()),
        records,
        positions,
    })
}
