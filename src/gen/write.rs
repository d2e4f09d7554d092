//! Putting a generated workload on disk: refuse to overwrite unless forced, build the ledger in a
//! temporary directory beside its final place (units on all cores), then move it and the plan
//! into place, so a failed run leaves nothing half-written under the final names.

use std::fs;
use std::path::{Path, PathBuf};

use super::GenError;
use super::records::Context;

/// Mode of the files and directory written, as `taizhang mark` makes them (docs/ledger-format.md).
const FILE_MODE: u32 = 0o660;
const DIR_MODE: u32 = 0o770;

/// Refuses an existing plan file, or a ledger directory with anything in it.
pub fn refuse_existing(plan: &Path, ledger: &Path) -> Result<(), GenError> {
    if fs::symlink_metadata(plan).is_ok() {
        return Err(GenError::PlanExists { path: plan.to_path_buf() });
    }
    match fs::read_dir(ledger).map(|mut entries| entries.next().is_none()) {
        Ok(true) => Ok(()),
        Ok(false) => Err(GenError::LedgerExists { path: ledger.to_path_buf() }),
        Err(_) if fs::symlink_metadata(ledger).is_ok() => Err(GenError::LedgerExists { path: ledger.to_path_buf() }),
        Err(_) => Ok(()),
    }
}

/// Writes every unit's file and the plan; returns the number of records written.
pub fn all(out: &Path, plan: &Path, ledger: &Path, text: &str, ctx: &Context, force: bool) -> Result<usize, GenError> {
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| GenError::Io { path: p, source }
    };
    if out.exists() && !out.is_dir() {
        return Err(GenError::NotADirectory { path: out.to_path_buf() });
    }
    fs::create_dir_all(out).map_err(io(out))?;
    let name = ledger.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = out.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = ledger_into(&tmp, ctx).and_then(|records| {
        replace_dir(&tmp, ledger, force)?;
        replace_file(plan, text)?;
        Ok(records)
    });
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

/// Every unit's file in `dir`, written by as many threads as there are cores.
fn ledger_into(dir: &Path, ctx: &Context) -> Result<usize, GenError> {
    fs::create_dir(dir).map_err(|source| GenError::Io { path: dir.to_path_buf(), source })?;
    set_mode(dir, DIR_MODE)?;
    let written = crate::parallel::map(ctx.by_unit.len(), &|u| unit_file(dir, ctx, u));
    written.into_iter().sum()
}

fn unit_file(dir: &Path, ctx: &Context, unit: usize) -> Result<usize, GenError> {
    let (text, records) = ctx.unit_text(unit)?;
    let path = dir.join(format!("{}.toml", ctx.unit_id(unit)));
    fs::write(&path, text).map_err(|source| GenError::Io { path: path.clone(), source })?;
    set_mode(&path, FILE_MODE)?;
    Ok(records)
}

/// Moves the new ledger directory to `ledger`, removing an old one first when forced (without
/// force only an empty one can be there).
fn replace_dir(new: &Path, ledger: &Path, force: bool) -> Result<(), GenError> {
    let io = |source| GenError::Io { path: ledger.to_path_buf(), source };
    match fs::symlink_metadata(ledger) {
        Ok(m) if m.is_dir() && force => fs::remove_dir_all(ledger).map_err(io)?,
        Ok(m) if m.is_dir() => fs::remove_dir(ledger).map_err(io)?,
        Ok(_) if force => fs::remove_file(ledger).map_err(io)?,
        Ok(_) => return Err(GenError::LedgerExists { path: ledger.to_path_buf() }),
        Err(_) => {}
    }
    fs::rename(new, ledger).map_err(io)
}

/// Writes `text` to `path` through a temporary file beside it.
fn replace_file(path: &Path, text: &str) -> Result<(), GenError> {
    let tmp: PathBuf = path.with_extension(format!("toml.{}.tmp", std::process::id()));
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| GenError::Io { path: p, source }
    };
    fs::write(&tmp, text).map_err(io(&tmp))?;
    fs::rename(&tmp, path).map_err(io(path)).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

fn set_mode(path: &Path, mode: u32) -> Result<(), GenError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
            .map_err(|source| GenError::Io { path: path.to_path_buf(), source })
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}
