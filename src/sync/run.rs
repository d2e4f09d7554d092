//! `taizhang sync`: commit this machine's new records, fetch, verify what came, merge it through
//! the driver, verify what goes, push; again (a bounded number of times) when the remote moved
//! meanwhile. Unit files are locked while git changes them.

use super::commit::{commit_local, local_files, unit_name};
use super::history::{self, unit_of_path};
use super::pull::{self, Pushed};
use super::repo::Repo;
use super::{DRIVER, DRIVER_NAME, Options, SyncError, UnitCount, Whence};
use crate::ledger::{self, Wait};
use crate::plan::Plan;

/// How many times a push is tried when the remote keeps moving.
pub const MAX_ATTEMPTS: usize = 5;

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    /// This machine's new records, committed (one commit per unit).
    pub committed: Vec<UnitCount>,
    /// Records that came from the remote.
    pub came_in: Vec<UnitCount>,
    /// Records the push gave the remote.
    pub went_out: Vec<UnitCount>,
    /// The remote synced with; `None`: the repository has none (commits only).
    pub remote: Option<String>,
    /// The branch synced: the remote's (none: the local one).
    pub branch: String,
    /// Commits pushed.
    pub pushed: usize,
    /// Pushes tried again because the remote had moved.
    pub retries: usize,
    /// The merge driver was registered in this repository's configuration now.
    pub installed_driver: bool,
}

/// A sync that stopped: what it had done (records committed here stay committed), and why.
#[derive(Debug)]
pub struct Stopped {
    pub done: Synced,
    pub error: SyncError,
}

/// Syncs the ledgers of `plan` (see the module's description).
pub fn sync(plan: &Plan, opts: &Options) -> Result<Synced, Box<Stopped>> {
    let mut done = Synced::default();
    match run(plan, opts, &mut done) {
        Ok(()) => Ok(done),
        Err(error) => Err(Box::new(Stopped { done, error })),
    }
}

fn run(plan: &Plan, opts: &Options, done: &mut Synced) -> Result<(), SyncError> {
    let repo = Repo::open(plan.dir(), &opts.ledger_dir)?;
    if !repo.routed()? {
        return Err(SyncError::NotRouted { path: repo.path_of("*") });
    }
    done.installed_driver = install_driver(&repo, &opts.driver)?;
    repo.commit("HEAD")?.ok_or(SyncError::NothingCommitted)?;
    let local = repo.branch()?;
    let remote = repo.remote(opts.remote.as_deref(), &local)?;
    // The remote's branch: the one this branch tracks there, else one of the same name.
    let branch = match &remote {
        Some(r) => repo.upstream(&local, r)?.unwrap_or_else(|| local.clone()),
        None => local.clone(),
    };
    done.branch = branch.clone();
    {
        // Committed first: whatever happens on the network, the records are in the history.
        let _locks = lock(&repo, plan, None)?;
        done.committed = commit_local(&repo, plan, opts.today, opts.lang)?;
    }
    let Some(remote) = remote else { return Ok(()) };
    done.remote = Some(remote.clone());
    for attempt in 1..=MAX_ATTEMPTS {
        pull::fetch(&repo, &remote)?;
        let theirs = repo.commit(&format!("refs/remotes/{remote}/{branch}"))?;
        {
            let _locks = lock(&repo, plan, theirs.as_deref())?;
            let committed = commit_local(&repo, plan, opts.today, opts.lang)?;
            add(&mut done.committed, committed);
            if let Some(t) = &theirs {
                let came = take_in(&repo, plan, t, opts, &remote, &branch)?;
                add(&mut done.came_in, came);
            }
        }
        let outgoing: Vec<String> = match &theirs {
            Some(t) => vec!["HEAD".into(), format!("^{t}")],
            None => vec!["HEAD".into()],
        };
        let revs: Vec<&str> = outgoing.iter().map(String::as_str).collect();
        let checked = history::verify(&repo.git, &revs, &repo.checked())?;
        if checked.commits == 0 {
            return Ok(());
        }
        if !checked.violations.is_empty() {
            return Err(SyncError::Rewritten { whence: Whence::Outgoing, found: checked.violations });
        }
        match pull::push(&repo, &remote, &local, &branch)? {
            Pushed::Done => {
                done.pushed = checked.commits;
                done.went_out = counts(&repo, plan, theirs.as_deref(), "HEAD")?;
                return Ok(());
            }
            Pushed::Behind if attempt < MAX_ATTEMPTS => done.retries += 1,
            Pushed::Behind => {}
        }
    }
    Err(SyncError::Raced { remote, attempts: MAX_ATTEMPTS })
}

/// Verifies the remote's new commits and merges them; the records that came in.
fn take_in(
    repo: &Repo,
    plan: &Plan,
    theirs: &str,
    opts: &Options,
    remote: &str,
    branch: &str,
) -> Result<Vec<UnitCount>, SyncError> {
    let checked = history::verify(&repo.git, &[theirs, "^HEAD"], &repo.checked())?;
    if checked.commits == 0 {
        return Ok(Vec::new());
    }
    if !checked.violations.is_empty() {
        return Err(SyncError::Rewritten { whence: Whence::Incoming, found: checked.violations });
    }
    let before = repo.commit("HEAD")?;
    pull::merge(repo, theirs, &opts.driver, &pull::merge_message(remote, branch, opts.today, opts.lang))?;
    counts(repo, plan, before.as_deref(), "HEAD")
}

/// The records `to` has that `from` has not, by unit.
fn counts(repo: &Repo, plan: &Plan, from: Option<&str>, to: &str) -> Result<Vec<UnitCount>, SyncError> {
    let added = history::added(&repo.git, from, to, &repo.ledgers())?;
    Ok(added
        .into_iter()
        .map(|(path, records)| {
            let unit = unit_of_path(&path).to_string();
            UnitCount { name: unit_name(plan, &unit), unit, records }
        })
        .collect())
}

/// Adds counts to a list, unit by unit.
fn add(list: &mut Vec<UnitCount>, more: Vec<UnitCount>) {
    for c in more {
        match list.iter_mut().find(|l| l.unit == c.unit) {
            Some(l) => l.records += c.records,
            None => list.push(c),
        }
    }
}

/// Locks the units whose files are here or in `theirs`.
fn lock(repo: &Repo, plan: &Plan, theirs: Option<&str>) -> Result<ledger::Locks, SyncError> {
    let mut units: Vec<String> = local_files(plan, &repo.ledger_dir).into_iter().map(|(u, _)| u).collect();
    if let Some(t) = theirs {
        units.extend(repo.units_in(t)?);
    }
    let who = format!("pid {} · sync", std::process::id());
    Ok(ledger::lock_units(&repo.ledger_dir, &units, &who, &Wait::default())?)
}

/// Registers the merge driver in the repository's configuration if it is not; true if it was
/// registered now.
fn install_driver(repo: &Repo, driver: &str) -> Result<bool, SyncError> {
    let key = format!("merge.{DRIVER}.driver");
    if repo.config(&key)?.is_some() {
        return Ok(false);
    }
    repo.git.ok(&["config", &format!("merge.{DRIVER}.name"), DRIVER_NAME])?;
    repo.git.ok(&["config", &key, driver])?;
    Ok(true)
}
