//! Ledger files across git history: every change a range of commits made to them (each commit
//! against each of its parents), checked to be appends only; and the records that one tree has
//! and another has not, by unit file.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::git::{Blobs, Git};
use super::kept::Held;
use super::{Breach, SyncError, Violation};

/// Which paths are ledger files: those directly in one directory, or (on a server that knows
/// no plan) those directly in any `*.progress/` directory, or both; named `<unit id>.toml`.
#[derive(Debug, Clone)]
pub enum Ledgers {
    /// The ledger directory, relative to the work tree, `/`-separated ("" for the top).
    Dir(String),
    /// Any `<name>.progress/` directory.
    AnyProgress,
    /// Both: what a check of history covers.
    DirAndProgress(String),
}

impl Ledgers {
    /// The unit id of a ledger file's path, or `None` when the path is not a ledger file.
    pub fn unit_of<'a>(&self, path: &'a str) -> Option<&'a str> {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        let progress = || dir.rsplit('/').next().is_some_and(|last| last.ends_with(".progress"));
        let ok = match self {
            Ledgers::Dir(d) => dir == d,
            Ledgers::AnyProgress => progress(),
            Ledgers::DirAndProgress(d) => dir == d || progress(),
        };
        let unit = name.strip_suffix(".toml")?;
        (ok && crate::plan::valid_unit_id(unit)).then_some(unit)
    }

    /// The pathspec that limits git's output to (at least) these files.
    fn pathspec(&self) -> Vec<String> {
        match self {
            Ledgers::Dir(d) if d.is_empty() => vec![":(glob)*.toml".into()],
            Ledgers::Dir(d) => vec![format!(":(literal){d}")],
            Ledgers::AnyProgress => vec![":(glob)**/*.progress/*.toml".into()],
            Ledgers::DirAndProgress(d) => {
                let mut spec = Ledgers::Dir(d.clone()).pathspec();
                spec.extend(Ledgers::AnyProgress.pathspec());
                spec
            }
        }
    }
}

/// One change to a ledger file: the blob before (none: the file was added) and after (none: it
/// was deleted), in `commit` against one of its parents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub commit: String,
    pub path: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What a walk over history found.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Commits walked.
    pub commits: usize,
    /// Changes to ledger files checked.
    pub changes: usize,
    pub violations: Vec<Violation>,
}

/// Parses `git diff-tree -z --raw` output (with or without the commit lines `--stdin` adds).
fn parse_raw(out: &[u8], ledgers: &Ledgers, commit: &str) -> Vec<Change> {
    let text = String::from_utf8_lossy(out);
    let mut tokens = text.split('\0').filter(|t| !t.is_empty());
    let mut changes = Vec::new();
    let mut current = commit.to_string();
    while let Some(t) = tokens.next() {
        let Some(meta) = t.strip_prefix(':') else {
            current = t.trim().to_string();
            continue;
        };
        let Some(path) = tokens.next() else { break };
        let fields: Vec<&str> = meta.split(' ').collect();
        let blob = |i: usize| fields.get(i).filter(|b| !b.bytes().all(|c| c == b'0')).map(|b| b.to_string());
        if ledgers.unit_of(path).is_some() {
            changes.push(Change { commit: current.clone(), path: path.to_string(), old: blob(2), new: blob(3) });
        }
    }
    changes
}

/// Every change the commits of `revs` (as `git rev-list` takes them) made to ledger files,
/// each commit against each of its parents, and the number of commits.
pub fn changes(git: &Git, revs: &[&str], ledgers: &Ledgers) -> Result<(Vec<Change>, usize), SyncError> {
    let mut args = vec!["rev-list"];
    args.extend(revs);
    let list = git.ok(&args)?;
    let commits = list.lines().count();
    if commits == 0 {
        return Ok((Vec::new(), 0));
    }
    let spec = ledgers.pathspec();
    let mut args = vec!["diff-tree", "--stdin", "-m", "-r", "-z", "--no-renames", "--no-abbrev", "--"];
    args.extend(spec.iter().map(String::as_str));
    let out = git.run_with(&args, Some(format!("{list}\n").as_bytes()))?;
    if !out.ok {
        return Err(super::git::failed(&args, &out));
    }
    Ok((parse_raw(&out.stdout, ledgers, ""), commits))
}

/// Checks that no commit of `revs` lost or changed a record of a ledger file.
pub fn verify(git: &Git, revs: &[&str], ledgers: &Ledgers) -> Result<Checked, SyncError> {
    let (changes, commits) = changes(git, revs, ledgers)?;
    let mut reader = Reader::new(git)?;
    let mut violations = Vec::new();
    for c in &changes {
        if let Some(what) = reader.breach(c)? {
            violations.push(Violation { commit: c.commit.clone(), path: c.path.clone(), what });
        }
    }
    Ok(Checked { commits, changes: changes.len(), violations })
}

/// For each ledger file that differs between the trees `from` (none: nothing) and `to`, the
/// records `to` has that `from` has not: `(path, count)`, files with none left out.
pub fn added(git: &Git, from: Option<&str>, to: &str, ledgers: &Ledgers) -> Result<Vec<(String, usize)>, SyncError> {
    let spec = ledgers.pathspec();
    let mut args = match from {
        Some(f) => vec!["diff-tree", "-r", "-z", "--no-renames", "--no-abbrev", f, to, "--"],
        None => vec!["diff-tree", "-r", "-z", "--no-renames", "--no-abbrev", "--root", to, "--"],
    };
    args.extend(spec.iter().map(String::as_str));
    let out = git.bytes(&args)?;
    let mut reader = Reader::new(git)?;
    let mut counts = Vec::new();
    for c in parse_raw(&out, ledgers, to) {
        let (old, new) = (reader.held(c.old.as_deref(), &c.path)?, reader.held(c.new.as_deref(), &c.path)?);
        let n = match (old.as_ref(), new.as_ref()) {
            (Ok(o), Ok(n)) => o.added_in(n),
            (_, Ok(n)) => n.len(),
            (_, Err(_)) => 0,
        };
        if n > 0 {
            counts.push((c.path, n));
        }
    }
    Ok(counts)
}

/// Reads and parses blobs, keeping the last few (a file's version is often the next change's
/// older one).
struct Reader {
    blobs: Blobs,
    seen: HashMap<String, Arc<Result<Held, String>>>,
}

/// How many parsed versions are kept.
const KEEP: usize = 256;

impl Reader {
    fn new(git: &Git) -> Result<Reader, SyncError> {
        Ok(Reader { blobs: git.blobs()?, seen: HashMap::new() })
    }

    /// What a blob holds (none: an empty file), or why it does not parse.
    fn held(&mut self, blob: Option<&str>, path: &str) -> Result<Arc<Result<Held, String>>, SyncError> {
        let Some(blob) = blob else { return Ok(Arc::new(Ok(Held::default()))) };
        if let Some(h) = self.seen.get(blob) {
            return Ok(h.clone());
        }
        let bytes = self.blobs.read(blob)?.unwrap_or_default();
        let parsed = match String::from_utf8(bytes) {
            Ok(text) => Held::parse(&text, Path::new(path), Some(unit_of_path(path))).map_err(|e| e.to_string()),
            Err(_) => Err("not UTF-8".to_string()),
        };
        if self.seen.len() >= KEEP {
            self.seen.clear();
        }
        let parsed = Arc::new(parsed);
        self.seen.insert(blob.to_string(), parsed.clone());
        Ok(parsed)
    }

    /// What is wrong with one change, if anything.
    fn breach(&mut self, c: &Change) -> Result<Option<Breach>, SyncError> {
        let new = self.held(c.new.as_deref(), &c.path)?;
        let new = match new.as_ref() {
            Ok(n) => n,
            Err(message) => return Ok(Some(Breach::Unreadable { message: message.clone() })),
        };
        // An older version that did not parse has nothing to compare with (the change that
        // broke it was reported).
        let old = self.held(c.old.as_deref(), &c.path)?;
        Ok(old.as_ref().as_ref().ok().and_then(|o| o.lost_in(new)).map(Breach::Lost))
    }
}

/// The unit file's unit id, for reports.
pub fn unit_of_path(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// Checks the whole history (of HEAD, the branches and what was fetched from remotes) of the
/// ledger directory `ledger_dir` of the plan in
/// `plan_dir`: no commit may have rewritten or deleted a record. Nothing committed: nothing to
/// check.
pub fn check_all(plan_dir: &Path, ledger_dir: &Path) -> Result<Checked, SyncError> {
    let repo = super::repo::Repo::open(plan_dir, ledger_dir)?;
    match repo.commit("HEAD")? {
        Some(_) => verify(&repo.git, &["HEAD", "--branches", "--remotes"], &repo.checked()),
        None => Ok(Checked::default()),
    }
}
