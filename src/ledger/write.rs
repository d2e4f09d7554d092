//! Safe appends to a unit file: lock a stable per-unit lock file, re-read and check the file,
//! write old text + new records to a temp file, fsync, rename over, fsync the directory.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{LedgerError, Status, Update, file};
use crate::plan::Plan;

/// What the writer believes the assignment's latest update is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Save regardless of what others wrote (the command line, or "apply anyway").
    Any,
    /// Save only if the latest update is still this one (`None`: there was none).
    Latest(Option<Update>),
}

/// A confirmed save: the update is on disk (file and directory fsynced).
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub path: PathBuf,
    pub update: Update,
}

/// The ledger file of a unit. Only validated ids make file names, so no name can lead out of
/// the directory.
pub fn unit_file(dir: &Path, unit_id: &str) -> Result<PathBuf, LedgerError> {
    if !crate::plan::valid_unit_id(unit_id) {
        return Err(LedgerError::BadUnitId { id: unit_id.to_string() });
    }
    Ok(dir.join(format!("{unit_id}.toml")))
}

/// Appends one update after checking it against the plan and, with [`Expect::Latest`],
/// against what others have saved since it was read.
pub fn append(plan: &Plan, dir: &Path, update: Update, expect: Expect) -> Result<Saved, LedgerError> {
    let unit_name = validate(plan, &update)?;
    let header = file::header(&unit_name, &plan.meta.id);
    let path = locked_append(dir, &update.unit, &header, |existing| {
        if let Expect::Latest(seen) = &expect {
            let ledger = super::Ledger::from_updates(PathBuf::new(), existing.to_vec());
            let current = ledger.latest(&update.task, &update.unit);
            if current != seen.as_ref()
                && let Some(c) = current
            {
                return Err(LedgerError::Stale { current: Box::new(c.clone()) });
            }
        }
        Ok(vec![update.clone()])
    })?;
    Ok(Saved { path, update })
}

/// Checks an update against the plan; returns the unit's display name.
pub(super) fn validate(plan: &Plan, u: &Update) -> Result<String, LedgerError> {
    let unit = plan
        .units
        .iter()
        .position(|x| x.id == u.unit)
        .ok_or_else(|| LedgerError::UnknownUnit { unit: u.unit.clone() })?;
    let Some(task) = plan.task(&u.task) else {
        return Err(LedgerError::UnknownTask { task: u.task.clone(), suggestions: similar_tasks(plan, &u.task) });
    };
    if !task.assignees.iter().any(|a| a.unit == unit) {
        let assigned = task.assignees.iter().map(|a| plan.units[a.unit].name.clone()).collect();
        return Err(LedgerError::NotAssigned { task: u.task.clone(), unit: plan.units[unit].name.clone(), assigned });
    }
    match u.percent {
        Some(p) if p > 100 => {
            return Err(LedgerError::BadPercent { percent: u32::from(p) });
        }
        Some(p) if u.status == Status::Done && p != 100 => {
            return Err(LedgerError::DoneNotFull { percent: p });
        }
        _ => {}
    }
    Ok(plan.units[unit].name.clone())
}

fn similar_tasks(plan: &Plan, id: &str) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = plan
        .tasks
        .iter()
        .map(|t| (strsim::normalized_levenshtein(id, &t.id), t.id.as_str()))
        .filter(|(s, _)| *s >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(5).map(|(_, s)| s.to_string()).collect()
}

/// Under the unit's lock: re-reads the file (refusing one that does not parse), lets `decide`
/// choose the records to add, and writes them atomically. Returns the file's path.
pub(super) fn locked_append(
    dir: &Path,
    unit_id: &str,
    header: &str,
    decide: impl FnOnce(&[Update]) -> Result<Vec<Update>, LedgerError>,
) -> Result<PathBuf, LedgerError> {
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| LedgerError::Io { path: p, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let path = real_path(&unit_file(dir, unit_id)?);
    // Lock, temp file and rename all happen beside the real file (see `real_path`).
    let dir = path.parent().unwrap_or(dir);
    let lock_path = dir.join(format!(".{unit_id}.lock"));
    let lock = OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).map_err(io(&lock_path))?;
    lock.lock().map_err(io(&lock_path))?;
    remove_stale_temps(dir, unit_id);
    let old = match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(LedgerError::Io { path, source }),
    };
    let existing = match &old {
        Some(src) => file::parse(src, &path, Some(unit_id))?,
        None => Vec::new(),
    };
    let new = decide(&existing)?;
    if !new.is_empty() {
        let mut text = old.unwrap_or_else(|| header.to_string());
        for u in &new {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.push('\n');
            text.push_str(&file::record(u)?);
        }
        replace(dir, &path, unit_id, &text)?;
    }
    drop(lock);
    Ok(path)
}

/// Where a unit file really is: `<id>.toml` itself, or the target of a symlink of that name.
/// On a shared server each unit's file can live in a directory only that unit's group may
/// write, linked from the ledger directory (docs/ledger-format.md).
fn real_path(path: &Path) -> PathBuf {
    match std::fs::read_link(path) {
        Ok(target) if target.is_absolute() => target,
        Ok(target) => path.parent().unwrap_or(Path::new(".")).join(target),
        Err(_) => path.to_path_buf(),
    }
}

static SEQ: AtomicU64 = AtomicU64::new(0);

fn temp_prefix(unit_id: &str) -> String {
    format!(".{unit_id}.toml.")
}

/// Temp files left by a writer that died; safe to remove because we hold the lock.
fn remove_stale_temps(dir: &Path, unit_id: &str) {
    let prefix = temp_prefix(unit_id);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes `text` to a temp file beside `path` (same mode and group as the old file), fsyncs
/// it, renames it over `path` and fsyncs the directory.
fn replace(dir: &Path, path: &Path, unit_id: &str, text: &str) -> Result<(), LedgerError> {
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!("{}{}.{seq}.tmp", temp_prefix(unit_id), std::process::id()));
    let result = write_temp(path, &tmp, text).and_then(|()| {
        std::fs::rename(&tmp, path).map_err(|source| LedgerError::Io { path: path.to_path_buf(), source })?;
        File::open(dir).and_then(|d| d.sync_all()).map_err(|source| LedgerError::Io { path: dir.to_path_buf(), source })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn write_temp(path: &Path, tmp: &Path, text: &str) -> Result<(), LedgerError> {
    let io = |source| LedgerError::Io { path: tmp.to_path_buf(), source };
    let mut f = OpenOptions::new().write(true).create_new(true).open(tmp).map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)?;
    keep_mode_and_group(path, tmp, &f)?;
    f.sync_all().map_err(io)
}

#[cfg(unix)]
fn keep_mode_and_group(path: &Path, tmp: &Path, f: &File) -> Result<(), LedgerError> {
    use std::os::unix::fs::MetadataExt;
    let Ok(old) = std::fs::metadata(path) else {
        return Ok(());
    };
    let io = |source| LedgerError::Io { path: tmp.to_path_buf(), source };
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
