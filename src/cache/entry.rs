//! One cache entry on disk: a header (magic tag, checksum, and for an entry made within the
//! racy window the size and checksum of the file's bytes), then an rkyv archive of the file's
//! key, stamp and parsed records (`record`). An entry is validated once when read and then used
//! in place: a record is only copied out when a report or a view asks for it whole.

use std::path::Path;

use rkyv::rancor::Error;
use rkyv::util::AlignedVec;
use rkyv::{Archive, Serialize};

use super::Stamp;
use super::bytes::Bytes;
use super::record::{self, Rec, Record};
use crate::ledger::{ParsedFile, Update};
use crate::plan::Position;

/// Names the format; a new layout gets a new tag, so old entries are misses.
const MAGIC: &[u8; 8] = b"TZCACHE7";
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
    /// Every record's texts, one after another (a record holds where each of its own lies):
    /// checked to be UTF-8 once, as a whole, when the entry is read.
    texts: Vec<u8>,
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

/// The bytes of an entry, made from the file `key` as `stamp` describes it, for a file whose
/// header names `plan` and `unit` and whose records, with where each starts, are `records`.
pub(super) fn encode<'u>(
    key: &str,
    (build, stamp, content): (u64, &Stamp, Option<Content>),
    (plan, unit): (Option<&str>, Option<&str>),
    records: impl Iterator<Item = (&'u Update, Position)>,
) -> Option<AlignedVec> {
    let mut texts = Vec::new();
    let records = records.map(|(u, p)| record::record(u, &p, &mut texts)).collect::<Option<_>>()?;
    let entry = Entry {
        key: key.to_string(),
        build,
        stamp: stamp.into(),
        plan: plan.map(str::to_string),
        unit: unit.map(str::to_string),
        records,
        texts,
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
pub(super) fn seal(bytes: &mut [u8]) {
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
        owner: Bytes,
        #[covariant]
        dependent: EntryRef,
    }
);

/// A validated entry and its texts as one string.
struct EntryRef<'a> {
    entry: &'a ArchivedEntry,
    texts: &'a str,
}

impl std::fmt::Debug for CachedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CachedFile({} records)", self.entry().records.len())
    }
}

impl CachedFile {
    pub fn entry(&self) -> &ArchivedEntry {
        self.borrow_dependent().entry
    }

    /// How many records the entry holds.
    pub fn len(&self) -> usize {
        self.entry().records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Record `i`, read in place.
    pub fn record(&self, i: usize) -> Option<Rec<'_>> {
        let d = self.borrow_dependent();
        Some(Rec { r: d.entry.records.get(i)?, texts: d.texts })
    }
}

/// The entry in `bytes` (header included), if they are whole, uncorrupted, made by `build`, and for `key` made
/// from the file exactly as `stamp` describes it.
pub(super) fn decode(bytes: Bytes, key: &str, build: u64, stamp: &Stamp) -> Option<CachedFile> {
    let head = bytes.get(..HEADER)?;
    if &head[..8] != MAGIC {
        return None;
    }
    let sum = u32::from_le_bytes(head[8..12].try_into().ok()?);
    if crc32fast::hash(&bytes[12..]) != sum {
        return None;
    }
    let file = CachedFile::try_new(bytes, |b| {
        let entry = rkyv::access::<ArchivedEntry, Error>(&b[HEADER..]).map_err(|_| ())?;
        let texts = simdutf8::basic::from_utf8(entry.texts.as_slice()).map_err(|_| ())?;
        Ok::<_, ()>(EntryRef { entry, texts })
    })
    .ok()?;
    let e = file.entry();
    let wanted = StampRec::from(stamp);
    let same = e.key.as_str() == key
        && e.build.to_native() == build
        && e.stamp.len.to_native() == wanted.len
        && (e.stamp.mtime.0.to_native(), e.stamp.mtime.1.to_native()) == wanted.mtime
        && (e.stamp.ctime.0.to_native(), e.stamp.ctime.1.to_native()) == wanted.ctime
        && e.stamp.ino.to_native() == wanted.ino
        && e.stamp.dev.to_native() == wanted.dev;
    // Every record must read without fail (taizhang never writes one that does not), so that
    // a record read later cannot fail.
    let sound = (0..file.len()).all(|i| file.record(i).is_some_and(Rec::sound));
    (same && sound).then_some(file)
}

/// Copies a whole entry out as a parsed file named `shown` (for tests and checks).
pub fn to_parsed(file: &CachedFile, shown: &Path) -> Option<ParsedFile> {
    let e = file.entry();
    let all = || (0..file.len()).filter_map(|i| file.record(i));
    let (records, positions) = (all().map(Rec::update).collect(), all().map(Rec::pos).collect());
    Some(ParsedFile {
        path: std::sync::Arc::from(shown),
        plan: e.plan.as_ref().map(|p| p.as_str().to_string()),
        unit: e.unit.as_ref().map(|u| u.as_str().to_string()),
        records,
        positions,
    })
}
