//! The network half of a sync and the merge: fetching the remote's branches, merging its branch
//! through taizhang's driver (a refused merge is undone, leaving the branch as it was), and
//! pushing, telling a remote that moved from one that refused or could not be reached.

use chrono::NaiveDate;

use super::SyncError;
use super::driver;
use super::repo::Repo;
use crate::{Lang, tr};

/// How a push went, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pushed {
    Done,
    /// The remote has commits this clone has not: fetch and merge again.
    Behind,
}

/// Fetches every branch of `remote` into `refs/remotes/<remote>/`.
pub fn fetch(repo: &Repo, remote: &str) -> Result<(), SyncError> {
    let refspec = format!("+refs/heads/*:refs/remotes/{remote}/*");
    let out = repo.git.run(&["fetch", "--quiet", "--no-tags", remote, &refspec])?;
    match out.ok {
        true => Ok(()),
        false => Err(SyncError::Fetch { remote: remote.to_string(), said: last_words(&out.stderr) }),
    }
}

/// The merge commit's message.
pub fn merge_message(remote: &str, branch: &str, today: NaiveDate, lang: Lang) -> String {
    let day = today.format("%Y-%m-%d");
    tr!(lang, "合并 {remote}/{branch} 的台账（{day}）", "merge ledgers from {remote}/{branch} ({day})")
}

/// Merges `theirs` into the branch with the merge driver `driver`. A merge git cannot finish is
/// aborted: the branch and the working tree are left as they were.
pub fn merge(repo: &Repo, theirs: &str, driver: &str, message: &str) -> Result<(), SyncError> {
    let git = repo.with_driver(driver);
    let out = git.run(&["merge", "--no-edit", "--quiet", "-m", message, theirs])?;
    if out.ok {
        return Ok(());
    }
    let conflicted = repo.git.bytes(&["diff", "--name-only", "--diff-filter=U", "-z"]).unwrap_or_default();
    let conflicted: Vec<String> =
        String::from_utf8_lossy(&conflicted).split('\0').filter(|p| !p.is_empty()).map(str::to_string).collect();
    let clash = conflicted.iter().find(|p| repo.checked().unit_of(p).is_some()).and_then(|p| clash(repo, p));
    if !conflicted.is_empty() {
        let _ = repo.git.run(&["merge", "--abort"]);
    }
    Err(match clash {
        Some((path, clash)) => SyncError::Conflict { path, clash: Box::new(clash) },
        None if conflicted.is_empty() => SyncError::MergeRefused { said: last_words(&out.stderr) },
        None => SyncError::OtherConflict { paths: conflicted },
    })
}

/// Why the driver refused a conflicted ledger file, from the three versions git staged.
fn clash(repo: &Repo, path: &str) -> Option<(String, driver::Clash)> {
    let stage = |n: u8| -> String {
        let out = repo.git.run(&["show", &format!(":{n}:{path}")]).ok().filter(|o| o.ok);
        out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
    };
    let merged = driver::union(std::path::Path::new(path), &stage(1), &stage(2), &stage(3));
    merged.err().map(|c| (path.to_string(), c))
}

/// Pushes the branch `local` to `branch` of `remote`; sets it to track that when it tracks
/// nothing.
pub fn push(repo: &Repo, remote: &str, local: &str, branch: &str) -> Result<Pushed, SyncError> {
    let target = format!("HEAD:refs/heads/{branch}");
    let tracks = repo.config(&format!("branch.{local}.remote"))?.is_some();
    let out = repo.git.run(&["push", "--porcelain", remote, &target])?;
    if out.ok {
        if !tracks {
            // The branch now tracks the remote's, for `git pull` and `git status`.
            let _ = repo.git.run(&["config", &format!("branch.{local}.remote"), remote]);
            let _ = repo.git.run(&["config", &format!("branch.{local}.merge"), &format!("refs/heads/{branch}")]);
        }
        return Ok(Pushed::Done);
    }
    let report = String::from_utf8_lossy(&out.stdout);
    let refused = report.lines().find(|l| l.starts_with('!'));
    match refused {
        Some(l) if l.contains("[rejected]") => Ok(Pushed::Behind),
        Some(l) if l.contains("[remote rejected]") => {
            let said = out.stderr.lines().filter_map(|l| l.strip_prefix("remote:")).map(str::trim);
            let mut said: Vec<String> = said.filter(|l| !l.is_empty()).map(str::to_string).collect();
            if said.is_empty() {
                said.push(l.trim_start_matches('!').trim().to_string());
            }
            Err(SyncError::PushRefused { remote: remote.to_string(), said })
        }
        _ => Err(SyncError::Push { remote: remote.to_string(), said: last_words(&out.stderr) }),
    }
}

/// The last few lines git said (its error is at the end).
fn last_words(stderr: &str) -> String {
    let said: Vec<&str> = stderr.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    said[said.len().saturating_sub(3)..].join(" ")
}
