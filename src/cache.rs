//! A per-user derived cache of parsed ledger files, so that a warm load of a province's 200,000
//! records costs tens of milliseconds instead of parsing 50 MB of TOML. The TOML files stay the
//! only truth: an entry is used only when the file's size, modification and change times (to
//! the nanosecond), inode and device are exactly those it was made from, and its checksum holds;
//! a file changed within the last [`RACY`] is never cached (its time stamps may not yet tell a
//! later edit apart, as git's racy-index rule has it). Anything else — a missing, stale, torn or
//! foreign entry — is a miss, and the file is parsed again. Deleting the cache changes nothing
//! but speed. The cache lives in the user's own cache directory, never beside the ledger, so no
//! unit can plant an entry that another user's view would trust.

mod bytes;
mod entry;
mod plan;
mod record;

use entry::Content;
pub use entry::{CachedFile, to_parsed};
pub use record::{Rec, Text};

use std::fs::File;
use std::io::Write;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::ledger::{ParsedFile, Update};
use crate::plan::Position;

/// How recently a file may have changed and still be cached.
pub const RACY: Duration = Duration::from_secs(2);

/// Entries larger than this are not read (a cache entry is a few times smaller than its file).
const MAX_ENTRY: u64 = 64 * 1024 * 1024;

/// The cache: a directory of entries, one per ledger file and one per plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
    plans: PathBuf,
    /// Which program made an entry: another build may read files differently, so its entries
    /// are misses.
    build: u64,
}

/// What identifies a file's contents without reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub mtime_ns: i128,
    pub ctime_ns: i128,
    pub ino: u64,
    pub dev: u64,
}

impl Stamp {
    /// The stamp of a regular file (links followed); none for anything else.
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        if !m.is_file() {
            return None;
        }
        Some(stamp(&m))
    }
}

#[cfg(unix)]
fn stamp(m: &std::fs::Metadata) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
    Stamp {
        len: m.len(),
        mtime_ns: ns(m.mtime(), m.mtime_nsec()),
        ctime_ns: ns(m.ctime(), m.ctime_nsec()),
        ino: m.ino(),
        dev: m.dev(),
    }
}

#[cfg(not(unix))]
fn stamp(m: &std::fs::Metadata) -> Stamp {
    let mtime = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    Stamp { len: m.len(), mtime_ns: mtime.map_or(0, |d| d.as_nanos() as i128), ctime_ns: 0, ino: 0, dev: 0 }
}

impl Cache {
    /// A cache in `dir` (e.g. `$XDG_CACHE_HOME/taizhang`), created when first written.
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir: dir.join("ledger-v1"), plans: dir.join("plan-v1"), build: build_id() }
    }

    /// The entry of `file`, if it is valid for the file as `stamp` describes it now.
    /// `wall` is the real time; `text` the file's bytes, when the caller has read them.
    ///
    /// An entry made within the racy window of its file's last change is used only while the
    /// file's bytes (`text`, or read here) are still those it was made from; once the window
    /// has passed, such an entry is confirmed and from then on its stamp is enough.
    pub fn get(
        &self,
        file: &Path,
        stamp: &Stamp,
        wall: DateTime<FixedOffset>,
        text: Option<&[u8]>,
    ) -> Option<CachedFile> {
        let key = key(file)?;
        let path = self.entry_path(&key);
        let hit = entry::decode(read_entry(&path)?, &key, self.build, stamp)?;
        if let Some(made_from) = entry::content(&hit) {
            let same = match text {
                Some(t) => Content::of(t) == made_from,
                None => read_text(file).is_some_and(|t| Content::of(t.as_bytes()) == made_from),
            };
            if !same {
                return None;
            }
            if !racy(stamp, wall) {
                let _ = write_entry(&path, &entry::confirmed(&hit));
            }
        }
        Some(hit)
    }

    /// Keeps `parsed`, parsed from `text`, as the entry of `file` as `stamp` describes it (taken
    /// before `text` was read). If the file changed within [`RACY`] of `wall`, the entry
    /// carries the checksum of `text` and is checked against the file until confirmed. Best
    /// effort: a cache that cannot be written is only slower.
    ///
    /// Returns the entry made (whether or not it could be written), so that a caller may hold
    /// the file's records in that compact form instead of as parsed.
    pub fn put(
        &self,
        file: &Path,
        stamp: &Stamp,
        parsed: &ParsedFile,
        wall: DateTime<FixedOffset>,
        text: &[u8],
    ) -> Option<CachedFile> {
        let header = (parsed.plan.as_deref(), parsed.unit.as_deref());
        let records = parsed.records.iter().zip(parsed.positions.iter().copied());
        let (key, bytes) = self.write(file, stamp, header, records, wall, text)?;
        entry::decode(bytes::Bytes::Heap(bytes), &key, self.build, stamp)
    }

    /// Keeps as the entry of `file` (as `stamp` describes it; taken before `text` was read) the
    /// records `records` of a file whose header names `plan` and `unit`: [`Cache::put`] for a
    /// caller that holds the records in other forms than one parsed file (a save: those read
    /// before it and those it added), and does not want the entry back.
    pub fn keep<'u>(
        &self,
        (file, stamp): (&Path, &Stamp),
        header: (Option<&str>, Option<&str>),
        records: impl Iterator<Item = (&'u Update, Position)>,
        wall: DateTime<FixedOffset>,
        text: &[u8],
    ) {
        let _ = self.write(file, stamp, header, records, wall, text);
    }

    /// Encodes and writes an entry (see [`Cache::put`]); its key and bytes, whether or not the
    /// file could be written.
    fn write<'u>(
        &self,
        file: &Path,
        stamp: &Stamp,
        header: (Option<&str>, Option<&str>),
        records: impl Iterator<Item = (&'u Update, Position)>,
        wall: DateTime<FixedOffset>,
        text: &[u8],
    ) -> Option<(String, rkyv::util::AlignedVec)> {
        let key = key(file)?;
        let content = racy(stamp, wall).then(|| Content::of(text));
        let bytes = entry::encode(&key, (self.build, stamp, content), header, records)?;
        let _ = write_entry(&self.entry_path(&key), &bytes);
        Some((key, bytes))
    }

    fn entry_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{:016x}.bin", fnv(key.as_bytes())))
    }
}

/// Whether a file as `stamp` describes it changed too recently, as of `wall`, to be cached.
fn racy(stamp: &Stamp, wall: DateTime<FixedOffset>) -> bool {
    let now_ns = i128::from(wall.timestamp()) * 1_000_000_000 + i128::from(wall.timestamp_subsec_nanos());
    now_ns - stamp.mtime_ns.max(stamp.ctime_ns) < RACY.as_nanos() as i128
}

/// This program's build: its version and its executable's size and modification time, so a
/// rebuilt or upgraded program never trusts what another one cached.
fn build_id() -> u64 {
    let exe = std::env::current_exe().ok().and_then(|p| Stamp::of(&p));
    let mut text = env!("CARGO_PKG_VERSION").to_string();
    if let Some(s) = exe {
        text.push_str(&format!(" {} {}", s.len, s.mtime_ns));
    }
    fnv(text.as_bytes())
}

/// Writes an entry through a temp file and a rename (no fsync: a torn entry fails its checksum
/// and is a miss). The directory is the user's alone.
fn write_entry(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let tmp = path.with_extension(format!("{}.{}.tmp", std::process::id(), SEQ.fetch_add(1, Ordering::Relaxed)));
    let result = File::create_new(&tmp).and_then(|mut f| f.write_all(bytes)).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// What an entry is for: the file's canonical path (links resolved), checked again on read so
/// that two paths hashing alike never share an entry.
fn key(file: &Path) -> Option<String> {
    Some(std::fs::canonicalize(file).ok()?.to_string_lossy().into_owned())
}

/// An entry's bytes, if it is a regular file of a sane size (opened so that nothing planted in
/// its place can hang the read).
/// A ledger file's text, read as a load reads it.
fn read_text(file: &Path) -> Option<String> {
    crate::fsread::ledger(file).ok()?.ok()
}

fn read_entry(path: &Path) -> Option<bytes::Bytes> {
    let f = crate::fsread::open(path).ok()?;
    let meta = f.metadata().ok()?;
    let len = meta.len();
    if !meta.is_file() || len > MAX_ENTRY {
        return None;
    }
    bytes::Bytes::of_file(&f, usize::try_from(len).ok()?)
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// 64-bit FNV-1a: a fixed hash for entry file names.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
#[path = "cache/tests.rs"]
mod tests;
