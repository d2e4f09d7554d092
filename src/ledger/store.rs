//! The ledger directory on disk: reading a unit's file (and checking it is this plan's),
//! creating directories durably, replacing a file atomically, file modes, and never creating
//! anything through a symbolic link.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, FixedOffset};

use super::{LedgerError, ParsedFile, file, unit_file};
use crate::cache::{Cache, CachedFile, Stamp};
use crate::plan::Plan;

/// Mode of unit files and lock files taizhang creates: the unit's group may write, others
/// nothing (docs/ledger-format.md, shared server), whatever the creator's umask.
pub const FILE_MODE: u32 = 0o660;
/// Mode of directories taizhang creates.
pub const DIR_MODE: u32 = 0o770;

/// Makes an open refuse to follow a symbolic link in the last path component.
pub fn no_follow(opts: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    let _ = opts;
}

/// Sets a file's permission bits (no-op off Unix).
pub fn set_mode(f: &File, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (f, mode);
        Ok(())
    }
}

/// One unit's file as read: parsed now, or the cache's entry for it.
pub(super) enum UnitFile {
    Parsed(ParsedFile),
    Cached(CachedFile, std::sync::Arc<Path>),
}

/// Reads and parses one unit's file — through `cache` when it holds a valid entry, keeping a
/// new one otherwise; `None` if it does not exist yet. A file that says it belongs to another
/// plan is refused.
pub(super) fn read_unit(
    plan: &Plan,
    dir: &Path,
    unit_id: &str,
    cache: Option<&Cache>,
    wall: DateTime<FixedOffset>,
) -> Result<Option<UnitFile>, LedgerError> {
    let path = unit_file(dir, unit_id)?;
    // The stamp is taken before reading: a change while reading makes the entry a miss later.
    let stamp = cache.and_then(|_| Stamp::of(&path));
    if let Some(hit) = cache.zip(stamp.as_ref()).and_then(|(c, s)| c.get(&path, s, wall, None)) {
        let e = hit.entry();
        // An entry holds what the file said; the same checks as a parse apply.
        if let Some(found) = e.unit.as_ref().filter(|u| u.as_str() != unit_id) {
            return Err(LedgerError::WrongUnit { path, pos: None, found: found.to_string(), expected: unit_id.into() });
        }
        check_plan(&path, e.plan.as_ref().map(|p| p.as_str()), plan)?;
        return Ok(Some(UnitFile::Cached(hit, std::sync::Arc::from(path.as_path()))));
    }
    let Some(src) = read(&path)? else { return Ok(None) };
    let parsed = file::parse_located(&src, &path, Some(unit_id))?;
    check_plan(&path, parsed.plan.as_deref(), plan)?;
    // Once cached, the records are held in the entry's compact form (the parse is let go).
    let entry = cache.zip(stamp.as_ref()).and_then(|(c, s)| c.put(&path, s, &parsed, wall, src.as_bytes()));
    Ok(Some(match entry {
        Some(e) => UnitFile::Cached(e, parsed.path),
        None => UnitFile::Parsed(parsed),
    }))
}

/// A file's text, or `None` when it does not exist.
pub(super) fn read(path: &Path) -> Result<Option<String>, LedgerError> {
    match crate::fsread::ledger(path)? {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(LedgerError::Io { path: path.to_path_buf(), source }),
    }
}

/// Refuses a file that names another plan.
pub(crate) fn check_plan(path: &Path, found: Option<&str>, plan: &Plan) -> Result<(), LedgerError> {
    match found {
        Some(found) if found != plan.meta.id => Err(LedgerError::OtherPlan {
            path: path.to_path_buf(),
            found: found.to_string(),
            expected: plan.meta.id.clone(),
        }),
        _ => Ok(()),
    }
}

/// Before a new unit file is created in `dir`: another unit file there that names a different
/// plan means the directory is another plan's (two plans must not share one ledger directory).
pub(super) fn check_dir_plan(dir: &Path, plan: &Plan) -> Result<(), LedgerError> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_none_or(|x| x != "toml") || !path.is_file() {
            continue;
        }
        let mut head = Vec::new();
        let _ = File::open(&path).and_then(|f| f.take(2048).read_to_end(&mut head));
        let head = String::from_utf8_lossy(&head);
        let declared = head
            .lines()
            .take_while(|l| !l.trim_start().starts_with('['))
            .find_map(|l| l.trim().strip_prefix("plan = \"")?.strip_suffix('"').map(str::to_string));
        check_plan(&path, declared.as_deref(), plan)?;
    }
    Ok(())
}

/// Where a unit file really is: `<id>.toml` itself, or the target of a symlink of that name
/// (docs/ledger-format.md, shared server). A link to nothing is refused: nothing is ever
/// created through a link.
pub(super) fn real_path(path: &Path) -> Result<PathBuf, LedgerError> {
    let target = link_target(path);
    if target == path {
        return Ok(target);
    }
    match std::fs::metadata(path) {
        Ok(_) => Ok(target),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(LedgerError::DanglingLink { link: path.to_path_buf(), target })
        }
        Err(source) => Err(LedgerError::Io { path: target, source }),
    }
}

/// The path a symlink points to (relative targets resolved against the link's directory), or
/// the path itself when it is not a link.
pub(super) fn link_target(path: &Path) -> PathBuf {
    match std::fs::read_link(path) {
        Ok(t) if t.is_absolute() => t,
        Ok(t) => path.parent().unwrap_or(Path::new(".")).join(t),
        Err(_) => path.to_path_buf(),
    }
}

/// Creates `dir` and any missing parents with [`DIR_MODE`], fsyncing each new directory's
/// parent so that the new entry survives a crash.
pub(super) fn create_dir(dir: &Path) -> Result<(), LedgerError> {
    if dir.is_dir() {
        return Ok(());
    }
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| LedgerError::Io { path: p, source }
    };
    let mut missing = Vec::new();
    let mut at = dir;
    while !at.as_os_str().is_empty() && !at.exists() {
        missing.push(at);
        at = at.parent().unwrap_or(Path::new(""));
    }
    for d in missing.into_iter().rev() {
        match std::fs::create_dir(d) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io(d)(e)),
        }
        File::open(d).and_then(|f| set_mode(&f, DIR_MODE)).map_err(io(d))?;
        sync_dir(parent_of(d)).map_err(io(parent_of(d)))?;
    }
    Ok(())
}

fn parent_of(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

static SEQ: AtomicU64 = AtomicU64::new(0);

fn temp_prefix(unit_id: &str) -> String {
    format!(".{unit_id}.toml.")
}

/// Temp files left by a writer that died; safe to remove because we hold the lock.
pub(super) fn remove_stale_temps(dir: &Path, unit_id: &str) {
    let prefix = temp_prefix(unit_id);
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes `text` to a temp file beside `path` (same mode and group as the old file, or
/// [`FILE_MODE`] for a new one), fsyncs it, renames it over `path` and fsyncs the directory.
pub(super) fn replace(dir: &Path, path: &Path, unit_id: &str, text: &str) -> Result<(), LedgerError> {
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!("{}{}.{seq}.tmp", temp_prefix(unit_id), std::process::id()));
    let result = write_temp(path, &tmp, text).and_then(|()| {
        std::fs::rename(&tmp, path).map_err(|source| LedgerError::Io { path: path.to_path_buf(), source })?;
        sync_dir(dir).map_err(|source| LedgerError::Io { path: dir.to_path_buf(), source })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn write_temp(path: &Path, tmp: &Path, text: &str) -> Result<(), LedgerError> {
    let io = |source| LedgerError::Io { path: tmp.to_path_buf(), source };
    // create_new: O_EXCL, which never follows a link planted under the temp name.
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    no_follow(&mut opts);
    let mut f = opts.open(tmp).map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)?;
    keep_mode_and_group(path, tmp, &f)?;
    f.sync_all().map_err(io)
}

#[cfg(unix)]
fn keep_mode_and_group(path: &Path, tmp: &Path, f: &File) -> Result<(), LedgerError> {
    use std::os::unix::fs::MetadataExt;
    let io = |source| LedgerError::Io { path: tmp.to_path_buf(), source };
    let Ok(old) = std::fs::metadata(path) else {
        return set_mode(f, FILE_MODE).map_err(io);
    };
    f.set_permissions(old.permissions()).map_err(io)?;
    let now = f.metadata().map_err(io)?;
    if now.gid() != old.gid() {
        std::os::unix::fs::fchown(f, None, Some(old.gid()))
            .map_err(|source| LedgerError::GroupLost { path: path.to_path_buf(), source })?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_mode_and_group(path: &Path, tmp: &Path, f: &File) -> Result<(), LedgerError> {
    if let Ok(old) = std::fs::metadata(path) {
        f.set_permissions(old.permissions()).map_err(|source| LedgerError::Io { path: tmp.to_path_buf(), source })?;
    }
    Ok(())
}
