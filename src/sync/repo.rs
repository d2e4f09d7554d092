//! The repository a plan lives in: its work tree, where the ledger directory is in it, the
//! branch and remote to sync, and whether ledger files go to taizhang's merge driver.

use std::path::{Path, PathBuf};

use super::git::Git;
use super::history::Ledgers;
use super::{DRIVER, DRIVER_NAME, SyncError};

/// A plan's repository.
#[derive(Debug, Clone)]
pub struct Repo {
    pub git: Git,
    /// The top of the work tree.
    pub top: PathBuf,
    /// The ledger directory relative to `top`, `/`-separated ("" for the top itself).
    pub ledger: String,
    /// The ledger directory as given.
    pub ledger_dir: PathBuf,
}

/// A path made absolute and free of `..` and links, as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
            resolved(parent).join(name)
        }
        _ => path.to_path_buf(),
    }
}

impl Repo {
    /// The repository holding `dir` (the plan's directory), with the ledger directory in it.
    pub fn open(dir: &Path, ledger_dir: &Path) -> Result<Repo, SyncError> {
        super::git::Git::version()?;
        let dir = resolved(dir);
        let out = Git::at(&dir).run(&["rev-parse", "--show-toplevel"])?;
        if !out.ok || out.text().is_empty() {
            return Err(SyncError::NotARepo { dir });
        }
        let top = resolved(Path::new(&out.text()));
        let abs = resolved(ledger_dir);
        let rel = abs
            .strip_prefix(&top)
            .map_err(|_| SyncError::LedgerOutside { dir: ledger_dir.to_path_buf(), top: top.clone() })?;
        let ledger = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        Ok(Repo { git: Git::at(&top), top, ledger, ledger_dir: ledger_dir.to_path_buf() })
    }

    /// Which paths are this plan's ledger files.
    pub fn ledgers(&self) -> Ledgers {
        Ledgers::Dir(self.ledger.clone())
    }

    /// Which paths a check of history covers: this plan's ledger files and those of any
    /// `*.progress/` directory.
    pub fn checked(&self) -> Ledgers {
        Ledgers::DirAndProgress(self.ledger.clone())
    }

    /// A unit's file, relative to the work tree.
    pub fn path_of(&self, unit: &str) -> String {
        if self.ledger.is_empty() { format!("{unit}.toml") } else { format!("{}/{unit}.toml", self.ledger) }
    }

    /// The commit `rev` names, if it exists.
    pub fn commit(&self, rev: &str) -> Result<Option<String>, SyncError> {
        let out = self.git.run(&["rev-parse", "-q", "--verify", &format!("{rev}^{{commit}}")])?;
        Ok(out.ok.then(|| out.text()).filter(|s| !s.is_empty()))
    }

    /// The branch checked out.
    pub fn branch(&self) -> Result<String, SyncError> {
        let out = self.git.run(&["symbolic-ref", "-q", "--short", "HEAD"])?;
        if out.ok && !out.text().is_empty() { Ok(out.text()) } else { Err(SyncError::Detached) }
    }

    /// The remote to sync with: `asked`, else the branch's upstream, else the only remote,
    /// else `origin`; `None` when the repository has no remote at all.
    pub fn remote(&self, asked: Option<&str>, branch: &str) -> Result<Option<String>, SyncError> {
        let known: Vec<String> = self.git.ok(&["remote"])?.lines().map(str::to_string).collect();
        if let Some(name) = asked {
            return match known.iter().any(|k| k == name) {
                true => Ok(Some(name.to_string())),
                false => Err(SyncError::NoSuchRemote { name: name.to_string(), known }),
            };
        }
        let upstream = self.config(&format!("branch.{branch}.remote"))?.filter(|r| known.contains(r));
        Ok(upstream.or_else(|| match known.as_slice() {
            [one] => Some(one.clone()),
            _ => known.iter().find(|k| *k == "origin").cloned(),
        }))
    }

    /// The branch of `remote` that `branch` tracks, if it tracks one there.
    pub fn upstream(&self, branch: &str, remote: &str) -> Result<Option<String>, SyncError> {
        if self.config(&format!("branch.{branch}.remote"))?.as_deref() != Some(remote) {
            return Ok(None);
        }
        let merge = self.config(&format!("branch.{branch}.merge"))?;
        Ok(merge.and_then(|m| m.strip_prefix("refs/heads/").map(str::to_string)))
    }

    /// A configuration value, if set.
    pub fn config(&self, key: &str) -> Result<Option<String>, SyncError> {
        let out = self.git.run(&["config", "--get", key])?;
        Ok(out.ok.then(|| out.text()))
    }

    /// True when a unit file here would go to taizhang's merge driver.
    pub fn routed(&self) -> Result<bool, SyncError> {
        let probe = self.path_of("x");
        let out = self.git.ok(&["check-attr", "merge", "--", &probe])?;
        Ok(out.trim_end().ends_with(&format!(": {DRIVER}")))
    }

    /// The units whose files `rev`'s tree holds in the ledger directory.
    pub fn units_in(&self, rev: &str) -> Result<Vec<String>, SyncError> {
        let ledgers = self.ledgers();
        let dir = format!("{}/", self.ledger);
        let mut args = vec!["ls-tree", "-z", "--name-only", rev];
        if !self.ledger.is_empty() {
            args.extend(["--", dir.as_str()]);
        }
        let out = self.git.bytes(&args)?;
        let names = String::from_utf8_lossy(&out);
        Ok(names.split('\0').filter_map(|p| ledgers.unit_of(p)).map(str::to_string).collect())
    }

    /// `git -c` settings that route ledger files to `driver` for one command.
    pub fn with_driver(&self, driver: &str) -> Git {
        self.git
            .clone()
            .with_config(&format!("merge.{DRIVER}.name"), DRIVER_NAME)
            .with_config(&format!("merge.{DRIVER}.driver"), driver)
    }
}

/// The merge driver's command line for git: `program` (quoted for the shell when it needs it)
/// and `merge-driver %O %A %B %P`.
pub fn driver_command(program: &str) -> String {
    let plain = program.bytes().all(|b| b.is_ascii_alphanumeric() || b"/._-+".contains(&b));
    let program = if plain { program.to_string() } else { format!("'{}'", program.replace('\'', r"'\''")) };
    format!("{program} merge-driver %O %A %B %P")
}

/// The `.gitattributes` line that routes the unit files of `ledger` (relative to the top) to the
/// driver.
pub fn attributes_line(ledger: &str) -> String {
    let glob = |s: &str| s.chars().any(|c| matches!(c, '*' | '?' | '[' | '\\'));
    let escaped: String =
        ledger.chars().flat_map(|c| if glob(&c.to_string()) { vec!['\\', c] } else { vec![c] }).collect();
    let pattern = if ledger.is_empty() { "/*.toml".to_string() } else { format!("/{escaped}/*.toml") };
    let pattern = if pattern.chars().any(|c| c.is_whitespace() || c == '"') {
        format!("\"{}\"", pattern.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        pattern
    };
    format!("{pattern} merge={DRIVER}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_with_spaces_is_quoted_for_the_shell() {
        assert_eq!(driver_command("taizhang"), "taizhang merge-driver %O %A %B %P");
        assert_eq!(driver_command("/opt/tz bin/taizhang"), "'/opt/tz bin/taizhang' merge-driver %O %A %B %P");
        assert_eq!(driver_command("/a'b"), r"'/a'\''b' merge-driver %O %A %B %P");
    }

    #[test]
    fn the_attributes_line_names_the_ledger_directory() {
        assert_eq!(
            attributes_line("plans/zhongwei-2022.progress"),
            "/plans/zhongwei-2022.progress/*.toml merge=taizhang"
        );
        assert_eq!(attributes_line(""), "/*.toml merge=taizhang");
        assert_eq!(attributes_line("台账 2022"), "\"/台账 2022/*.toml\" merge=taizhang");
    }
}
