//! Drafts: a form's unsaved values, kept per operator in a small file beside the unit's ledger
//! file so that a crash, a closed terminal or a lost connection loses nothing typed. A draft is
//! never a ledger record: its file is `.<unit id>@<operator>.draft`, which no loader reads as a
//! unit file and the stray-file check (`*.toml`) does not see.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::Status;
use crate::{Lang, tr};

/// The largest draft file read or written (a form's text is far smaller).
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// The first lines of every draft file.
const HEADER: &str = "# taizhang 草稿：表单中尚未保存的内容，不是台账记录；保存或放弃后自动删除。\n\
# taizhang drafts: unsaved form values, not ledger records; removed once saved or discarded.\n\n";

/// One form's unsaved values, as typed (texts are the fields' lines joined with `\n`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub task: String,
    pub unit: String,
    /// When the draft was written.
    pub saved_at: DateTime<FixedOffset>,
    /// The `at` of the assignment's latest record when the form opened (none: there was none),
    /// so that a save after restoring still notices someone else's update since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_at: Option<DateTime<FixedOffset>>,
    /// None: not chosen yet (an assignment never reported starts with no status).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The record this form corrects (a correction's draft), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<String>,
    /// The 填报时间 field as typed (empty: the time of saving).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    /// The percent field as typed (digits, possibly empty).
    #[serde(default)]
    pub percent: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub problems: String,
    #[serde(default)]
    pub next: String,
    /// One URL or path per line.
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct DraftFile {
    #[serde(default, rename = "draft")]
    drafts: Vec<Draft>,
}

/// Why a draft could not be written or removed (the form keeps its values either way).
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: draft too large ({bytes} bytes)", path.display())]
    TooLarge { path: PathBuf, bytes: usize },
    #[error("cannot encode draft: {message}")]
    Encode { message: String },
    #[error("unit id {id:?} cannot name a file")]
    BadUnitId { id: String },
}

/// Drafts read from an operator's file; a file that could not be used is ignored with a note.
#[derive(Debug, Default)]
pub struct Loaded {
    pub drafts: Vec<Draft>,
    pub note: Option<DraftNote>,
}

/// Why a draft file was ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftNote {
    pub path: PathBuf,
    pub why: String,
}

impl DraftNote {
    pub fn render(&self, lang: Lang) -> String {
        tr!(lang, "草稿文件 {} 无法使用，已忽略：{}", "draft file {} ignored: {}", self.path.display(), self.why)
    }
}

impl DraftError {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            DraftError::Io { path, source } => {
                tr!(lang, "无法写入草稿 {}：{source}", "cannot write the draft {}: {source}", path.display())
            }
            DraftError::TooLarge { bytes, .. } => tr!(
                lang,
                "草稿过大（{bytes} 字节），未写入；表单中的内容仍在，请尽快保存",
                "draft too large ({bytes} bytes), not written; the form still holds it: save soon"
            ),
            DraftError::Encode { message } => {
                tr!(lang, "无法写出草稿：{message}", "cannot encode the draft: {message}")
            }
            DraftError::BadUnitId { id } => {
                tr!(lang, "单位编号 {id:?} 不能用作文件名", "unit id {id:?} cannot name a file")
            }
        }
    }
}

/// The operator's name made safe for a file name: ASCII letters, digits, `-` and `_` stay,
/// every other byte becomes `%XX` (so different names never share a file); a very long name
/// is cut and keeps a hash of the whole. An empty name is `_`.
pub fn safe_name(operator: &str) -> String {
    let mut out = String::new();
    for b in operator.trim().bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() {
        return "_".to_string();
    }
    if out.len() > 96 {
        // `out` is ASCII, so any cut is a char boundary; the hash keeps long names apart.
        return format!("{}~{:016x}", &out[..64], fnv1a(operator.trim().as_bytes()));
    }
    out
}

/// FNV-1a: a fixed hash, the same on every machine and Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// The operator's draft file for a unit: beside the unit's real ledger file (which on a shared
/// server may be a link into the unit's own directory, see docs/ledger-format.md).
pub fn path(dir: &Path, unit_id: &str, operator: &str) -> Result<PathBuf, DraftError> {
    let unit_file = super::unit_file(dir, unit_id).map_err(|_| DraftError::BadUnitId { id: unit_id.to_string() })?;
    let real = super::store::link_target(&unit_file);
    let parent = real.parent().unwrap_or(dir);
    Ok(parent.join(format!(".{unit_id}@{}.draft", safe_name(operator))))
}

/// The operator's drafts for a unit. A missing file is no drafts; a file that is not a regular
/// file, is too large or does not parse is ignored with a note (it is kept on disk).
pub fn load(dir: &Path, unit_id: &str, operator: &str) -> Loaded {
    let Ok(path) = path(dir, unit_id, operator) else { return Loaded::default() };
    match read(&path) {
        Ok(None) => Loaded::default(),
        Ok(Some(file)) => {
            let drafts = file.drafts.into_iter().filter(|d| d.unit == unit_id).map(clean).collect();
            Loaded { drafts, note: None }
        }
        Err(why) => Loaded { drafts: Vec::new(), note: Some(DraftNote { path, why }) },
    }
}

/// Keeps the percent field to what the form accepts (up to three digits).
fn clean(mut d: Draft) -> Draft {
    d.percent = d.percent.chars().filter(char::is_ascii_digit).take(3).collect();
    d
}

/// Reads and parses a draft file: `None` when there is none, `Err(why)` when it cannot be used.
fn read(path: &Path) -> Result<Option<DraftFile>, String> {
    let file = match open_no_follow(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("larger than {MAX_BYTES} bytes"));
    }
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    toml::from_str(&text).map(Some).map_err(|e| e.message().to_string())
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    // Non-blocking, so that a FIFO planted under the draft's name cannot hang the open.
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    Ok(File::from(rustix::fs::open(path, flags, Mode::empty())?))
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other("a link, not a file"));
    }
    File::open(path)
}

/// Writes `draft` into the operator's file, replacing that assignment's earlier draft and
/// keeping the others. A file that could not be read is first moved aside to `….draft.bad`.
pub fn save(dir: &Path, draft: &Draft, operator: &str) -> Result<PathBuf, DraftError> {
    let path = path(dir, &draft.unit, operator)?;
    let mut file = existing(&path);
    file.drafts.retain(|d| d.task != draft.task);
    file.drafts.push(draft.clone());
    write(&path, &file)?;
    Ok(path)
}

/// Removes the operator's draft of (task, unit); the file goes when it holds no draft.
pub fn remove(dir: &Path, unit_id: &str, task: &str, operator: &str) -> Result<(), DraftError> {
    let path = path(dir, unit_id, operator)?;
    let mut file = match read(&path) {
        Ok(Some(f)) => f,
        Ok(None) | Err(_) => return Ok(()),
    };
    let before = file.drafts.len();
    file.drafts.retain(|d| !(d.task == task && d.unit == unit_id));
    if file.drafts.len() == before {
        Ok(())
    } else if file.drafts.is_empty() {
        std::fs::remove_file(&path).map_err(|source| DraftError::Io { path, source })
    } else {
        write(&path, &file)
    }
}

/// The drafts already in the file; an unusable file is moved aside so that a new draft can be
/// written without destroying it.
fn existing(path: &Path) -> DraftFile {
    match read(path) {
        Ok(f) => f.unwrap_or_default(),
        Err(_) => {
            let mut aside = path.as_os_str().to_owned();
            aside.push(".bad");
            let _ = std::fs::rename(path, aside);
            DraftFile::default()
        }
    }
}

static SEQ: AtomicU64 = AtomicU64::new(0);

/// Writes the file atomically: a new temp file (mode 0600, never through a link) beside it,
/// fsync, rename over, fsync the directory.
fn write(path: &Path, file: &DraftFile) -> Result<(), DraftError> {
    let body = toml::to_string(file).map_err(|e| DraftError::Encode { message: e.to_string() })?;
    let text = format!("{HEADER}{body}");
    if text.len() as u64 > MAX_BYTES {
        return Err(DraftError::TooLarge { path: path.to_path_buf(), bytes: text.len() });
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| DraftError::Io { path: p, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    remove_stale_temps(path);
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.{seq}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let result = write_new(&tmp, text.as_bytes()).map_err(io(&tmp)).and_then(|()| {
        std::fs::rename(&tmp, path).map_err(io(path))?;
        File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Temp files of this draft left by a writer killed mid-write (older than a minute, so never
/// one another process of the same operator is writing now).
fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return };
    let prefix = format!("{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        let old = e.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
        if file.starts_with(&prefix) && file.ends_with(".tmp") && old.is_some_and(|d| d.as_secs() > 60) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn write_new(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    // create_new: fails on any existing name, a link included, so nothing is written through one.
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
