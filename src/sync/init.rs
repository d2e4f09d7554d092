//! `taizhang sync --init`: makes the plan's directory a repository if it is in none, routes the
//! ledger files to the merge driver (`.gitattributes` and the repository's configuration),
//! keeps lock, temporary and draft files out of git, and commits the plan and the ledgers.

use std::path::Path;

use super::commit::{Put, commit_files, commit_local, local_files, refresh_index};
use super::git::Git;
use super::repo::{Repo, attributes_line};
use super::{DRIVER, DRIVER_NAME, Options, SyncError, UnitCount};
use crate::plan::Plan;
use crate::{Lang, tr};

/// What `--init` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Initialised {
    /// The top of the work tree.
    pub top: std::path::PathBuf,
    /// The repository was created now (`git init`).
    pub created: bool,
    /// The `.gitattributes` line added now (none: it was there).
    pub attributes: Option<String>,
    /// The merge driver command registered.
    pub driver: String,
    /// Files put in the repository's first commit (or in the commit of the settings), by path.
    pub files: Vec<String>,
    /// Unit files committed afterwards, one commit each.
    pub committed: Vec<UnitCount>,
}

/// Lines of `.gitignore` that keep a ledger directory's lock, temporary and draft files out.
fn ignore_lines(ledger: &str) -> Vec<String> {
    let dir = if ledger.is_empty() { String::new() } else { format!("/{ledger}") };
    ["lock", "tmp", "draft"].iter().map(|x| format!("{dir}/.*.{x}")).collect()
}

/// Appends the `lines` missing from the text file `path`; true if any was.
fn add_lines(path: &Path, lines: &[String]) -> Result<bool, SyncError> {
    let io = |source| SyncError::Ledger(crate::ledger::LedgerError::Io { path: path.to_path_buf(), source });
    let old = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io(e)),
    };
    let missing: Vec<&String> = lines.iter().filter(|l| !old.lines().any(|o| o.trim() == l.as_str())).collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = old;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for l in missing {
        text.push_str(l);
        text.push('\n');
    }
    std::fs::write(path, text).map_err(io)?;
    Ok(true)
}

/// Sets up the plan's repository for `taizhang sync` (see the module's description).
pub fn init(plan: &Plan, opts: &Options) -> Result<Initialised, SyncError> {
    Git::version()?;
    let plan_dir = plan.dir();
    let inside = Git::at(plan_dir).run(&["rev-parse", "--show-toplevel"])?;
    let created = !inside.ok;
    if created {
        let git = Git::at(plan_dir);
        git.ok(&["init", "--quiet"])?;
        git.ok(&["symbolic-ref", "HEAD", "refs/heads/main"])?;
    }
    let repo = Repo::open(plan_dir, &opts.ledger_dir)?;
    let attributes = match repo.routed()? {
        true => None,
        false => {
            let line = attributes_line(&repo.ledger);
            add_lines(&repo.top.join(".gitattributes"), std::slice::from_ref(&line))?;
            Some(line)
        }
    };
    let ignored = add_lines(&repo.top.join(".gitignore"), &ignore_lines(&repo.ledger))?;
    repo.git.ok(&["config", &format!("merge.{DRIVER}.name"), DRIVER_NAME])?;
    repo.git.ok(&["config", &format!("merge.{DRIVER}.driver"), &opts.driver])?;
    let mut done =
        Initialised { top: repo.top.clone(), created, attributes, driver: opts.driver.clone(), ..Default::default() };
    let first = repo.commit("HEAD")?.is_none();
    let mut puts = settings(&repo, plan, done.attributes.is_some(), ignored)?;
    if first {
        for (unit, path) in local_files(plan, &opts.ledger_dir) {
            puts.push(put(repo.path_of(&unit), &path)?);
        }
    }
    if !puts.is_empty() {
        done.files = puts.iter().map(|p| p.path.clone()).collect();
        commit_files(&repo, &puts, &message(plan, first, opts))?;
    }
    if !first {
        done.committed = commit_local(&repo, plan, opts.today, opts.lang)?;
    }
    // Once after all the commits (`commit_local` refreshes after its own).
    if !puts.is_empty() && done.committed.is_empty() {
        refresh_index(&repo);
    }
    Ok(done)
}

/// The plan file (when git does not have it yet) and the settings files changed now.
fn settings(repo: &Repo, plan: &Plan, attributes: bool, ignored: bool) -> Result<Vec<Put>, SyncError> {
    let mut puts = Vec::new();
    let plan_abs = plan
        .path
        .canonicalize()
        .map_err(|source| crate::ledger::LedgerError::Io { path: plan.path.clone(), source })?;
    if let Ok(rel) = plan_abs.strip_prefix(&repo.top) {
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        let tracked = repo.git.run(&["cat-file", "-e", &format!("HEAD:{rel}")])?.ok;
        if !tracked {
            puts.push(put(rel, &plan_abs)?);
        }
    }
    for (changed, name) in [(attributes, ".gitattributes"), (ignored, ".gitignore")] {
        if changed {
            puts.push(put(name.to_string(), &repo.top.join(name))?);
        }
    }
    Ok(puts)
}

fn put(path: String, file: &Path) -> Result<Put, SyncError> {
    let bytes =
        std::fs::read(file).map_err(|source| crate::ledger::LedgerError::Io { path: file.to_path_buf(), source })?;
    Ok(Put { path, bytes })
}

fn message(plan: &Plan, first: bool, opts: &Options) -> String {
    let (title, day) = (&plan.meta.title, opts.today.format("%Y-%m-%d"));
    let lang: Lang = opts.lang;
    match first {
        true => tr!(lang, "建立台账仓库：{title}（{day}）", "ledger repository for {title} ({day})"),
        false => tr!(lang, "登记 taizhang 台账合并程序（{day}）", "route ledgers to the taizhang merge driver ({day})"),
    }
}
