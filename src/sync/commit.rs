//! Committing this machine's new records: one commit per unit file that changed, made from the
//! exact bytes read and counted (git's plumbing, through an index of its own), so that nothing
//! else the user has staged or changed is committed, and the working tree is not touched.

use std::path::Path;

use chrono::NaiveDate;

use super::kept::Held;
use super::repo::Repo;
use super::{SyncError, UnitCount, Violation, Whence};
use crate::ledger::{self, LedgerError};
use crate::plan::Plan;
use crate::{Lang, tr};

/// A file to commit: its path in the work tree and the bytes to record.
pub struct Put {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Commits `files` on top of HEAD (the first commit when there is none) with `message`. The
/// working tree is not touched; the index entries of these files become what was committed
/// (their stat data stale until [`refresh_index`], once after a run of commits).
pub fn commit_files(repo: &Repo, files: &[Put], message: &str) -> Result<String, SyncError> {
    let git = &repo.git;
    let head = repo.commit("HEAD")?;
    let index =
        repo.top.join(git.ok(&["rev-parse", "--git-path", &format!("taizhang-{}.index", std::process::id())])?);
    let own = git.clone().with_env("GIT_INDEX_FILE", &index);
    let result = (|| {
        match &head {
            Some(h) => own.ok(&["read-tree", h])?,
            None => own.ok(&["read-tree", "--empty"])?,
        };
        let mut entries = Vec::new();
        for f in files {
            let blob = git.ok_with(&["hash-object", "-w", "--stdin"], Some(&f.bytes))?;
            entries.push(format!("100644,{blob},{}", f.path));
        }
        let mut args = vec!["update-index", "--add"];
        for e in &entries {
            args.extend(["--cacheinfo", e.as_str()]);
        }
        own.ok(&args)?;
        let tree = own.ok(&["write-tree"])?;
        let mut args = vec!["commit-tree", tree.as_str(), "-F", "-"];
        if let Some(h) = &head {
            args.extend(["-p", h.as_str()]);
        }
        let out = git.run_with(&args, Some(message.as_bytes()))?;
        if !out.ok {
            return Err(identity_or(&args, &out));
        }
        let commit = out.text();
        match &head {
            Some(h) => git.ok(&["update-ref", "-m", "taizhang sync", "HEAD", &commit, h])?,
            None => git.ok(&["update-ref", "-m", "taizhang sync", "HEAD", &commit])?,
        };
        // The real index: these files as committed (others as they were).
        let mut args = vec!["update-index", "--add"];
        for e in &entries {
            args.extend(["--cacheinfo", e.as_str()]);
        }
        git.ok(&args)?;
        Ok(commit)
    })();
    let _ = std::fs::remove_file(&index);
    result
}

/// A failed `commit-tree`: git not knowing who commits has its own message.
fn identity_or(args: &[&str], out: &super::git::Out) -> SyncError {
    let said = out.stderr.to_lowercase();
    if said.contains("identity") || said.contains("tell me who you are") || said.contains("email") {
        let last = out.stderr.lines().rfind(|l| !l.trim().is_empty()).unwrap_or_default();
        return SyncError::NoIdentity { said: last.trim().to_string() };
    }
    super::git::failed(args, out)
}

/// The unit's name in the plan, or its id.
pub fn unit_name(plan: &Plan, unit: &str) -> String {
    plan.unit_index(unit).map_or_else(|| unit.to_string(), |i| plan.units[i].name.clone())
}

/// The plan's unit files in the ledger directory: (unit id, path), by unit id.
pub fn local_files(plan: &Plan, dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<(String, std::path::PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let unit = name.strip_suffix(".toml")?;
            (plan.unit_index(unit).is_some() && e.path().is_file()).then(|| (unit.to_string(), e.path()))
        })
        .collect();
    files.sort();
    files
}

/// Commits each unit file that differs from HEAD's (one commit per unit, its message counting
/// the records added), after checking that it only added records. HEAD must exist.
pub fn commit_local(repo: &Repo, plan: &Plan, today: NaiveDate, lang: Lang) -> Result<Vec<UnitCount>, SyncError> {
    let local = local_files(plan, &repo.ledger_dir);
    for unit in repo.units_in("HEAD")? {
        if !local.iter().any(|(u, _)| *u == unit) {
            return Err(SyncError::Deleted { path: repo.path_of(&unit) });
        }
    }
    let mut blobs = repo.git.blobs()?;
    let mut committed = Vec::new();
    for (unit, path) in local {
        let text = match crate::fsread::ledger(&path).map_err(LedgerError::from)? {
            Ok(t) => t,
            Err(source) => return Err(LedgerError::Io { path, source }.into()),
        };
        let rel = repo.path_of(&unit);
        let before = blobs.read(&format!("HEAD:{rel}"))?;
        if before.as_deref() == Some(text.as_bytes()) {
            continue;
        }
        let parsed = ledger::parse_located(&text, &path, Some(&unit))?;
        ledger::check_plan(&path, parsed.plan.as_deref(), plan)?;
        let new = Held::of(&parsed.records);
        let old =
            before.map(|b| Held::parse(&String::from_utf8_lossy(&b), Path::new(&rel), Some(&unit)).unwrap_or_default());
        let old = old.unwrap_or_default();
        if let Some(lost) = old.lost_in(&new) {
            let found = vec![Violation { commit: String::new(), path: rel, what: super::Breach::Lost(lost) }];
            return Err(SyncError::Rewritten { whence: Whence::Local, found });
        }
        let name = unit_name(plan, &unit);
        let records = old.added_in(&new);
        commit_files(repo, &[Put { path: rel, bytes: text.into_bytes() }], &message(&name, records, today, lang))?;
        committed.push(UnitCount { unit, name, records });
    }
    if !committed.is_empty() {
        refresh_index(repo);
    }
    Ok(committed)
}

/// Brings the index's stat data up to date with the files just committed from their bytes, so
/// that `git status` does not show them changed (best effort: only the user's view depends on it).
pub fn refresh_index(repo: &Repo) {
    let _ = repo.git.run(&["update-index", "-q", "--refresh"]);
}

/// "市财政局：3 条进展（2022-09-09）".
fn message(name: &str, records: usize, today: NaiveDate, lang: Lang) -> String {
    let day = today.format("%Y-%m-%d");
    match records {
        0 => tr!(
            lang,
            "{name}：台账文件有改动，无新记录（{day}）",
            "{name}: ledger file changed, no new records ({day})"
        ),
        n => tr!(lang, "{name}：{n} 条进展（{day}）", "{name}: {n} record(s) ({day})"),
    }
}
