//! Git repositories for the sync tests, all on this machine: a bare repository standing for the
//! office's server and clones of it (the office's and the units'), each committing under its
//! own name. git and taizhang run with a cleared environment (`env.rs`), no system or user git
//! configuration and no network.
//!
//! Included with `#[path = "support/gitnet.rs"] mod gitnet;` after `mod env;`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::env;

/// The plan every clone holds, as the office commits it.
pub const PLAN: &str = "zhongwei-2022.toml";

/// True when git can be run; otherwise says the test is skipped.
pub fn has_git() -> bool {
    let ok = Command::new("git").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: git is not installed");
    }
    ok
}

/// A command with the cleared environment and no git configuration but the repository's own.
fn clean(program: &Path) -> Command {
    let mut c = Command::new(program);
    env::clean(&mut c).env("GIT_CONFIG_NOSYSTEM", "1").env("GIT_TERMINAL_PROMPT", "0");
    c
}

/// Exit code and output of one run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn of(out: std::process::Output) -> Run {
        let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        Run { code: out.status.code().unwrap_or(-1), stdout: s(&out.stdout), stderr: s(&out.stderr) }
    }

    /// "exit: N", stdout and stderr, with the program's path written `taizhang`.
    pub fn transcript(&self) -> String {
        let exe = env!("CARGO_BIN_EXE_taizhang");
        let text = format!("exit: {}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr);
        text.replace(exe, "taizhang")
    }
}

/// A server with the office's clone set up on 2022-06-01; `None` (the test skipped, saying so)
/// when git cannot be run.
pub fn start() -> Option<(Net, Clone)> {
    if !has_git() {
        return None;
    }
    let net = Net::new();
    let office = net.office("2022-06-01");
    Some((net, office))
}

/// The office's server: a bare repository in a temporary directory, and the clones beside it.
pub struct Net {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
    pub hub: PathBuf,
}

impl Net {
    /// An empty bare repository whose branch is `main`.
    pub fn new() -> Net {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let hub = root.join("hub.git");
        git_in(&root, &["init", "--quiet", "--bare", "hub.git"]);
        git_in(&hub, &["symbolic-ref", "HEAD", "refs/heads/main"]);
        Net { _dir: dir, root, hub }
    }

    /// The office's clone: the plan set up with `taizhang sync --init` on `today`, the server
    /// added as `origin` and the first sync done.
    pub fn office(&self, today: &str) -> Clone {
        let office = self
            .plain("office")
            .with_env("TAIZHANG_PUSHER", "办公室")
            .with_env("TAIZHANG", env!("CARGO_BIN_EXE_taizhang"));
        let init = office.tz(today, &["sync", PLAN, "--init"]);
        assert_eq!(init.code, 0, "{}", init.transcript());
        office.identity();
        office.git(&["remote", "add", "origin", self.hub.to_str().unwrap()]);
        let first = office.sync(today);
        assert_eq!(first.code, 0, "{}", first.transcript());
        office
    }

    /// A new clone of the server, committing as `user`.
    pub fn clone(&self, name: &str, user: &str) -> Clone {
        self.clone_as(name, user, &[])
    }

    /// A new clone of the server, committing as `user`, with environment variables for every run.
    pub fn clone_as(&self, name: &str, user: &str, env: &[(&str, &str)]) -> Clone {
        git_in(&self.root, &["clone", "--quiet", self.hub.to_str().unwrap(), name]);
        let mut c = Clone::at(self.root.join(name), user);
        for (k, v) in env {
            c = c.with_env(k, v);
        }
        c.identity();
        c
    }

    /// A directory beside the clones holding the plan, in no repository.
    pub fn plain(&self, name: &str) -> Clone {
        let c = Clone::at(self.root.join(name), "办公室");
        std::fs::create_dir(&c.root).unwrap();
        env::copy_plan(&format!("plans/{PLAN}"), &c.root, PLAN);
        c
    }

    /// Installs `scripts/pre-receive-taizhang` as the server's `pre-receive` hook, and
    /// `pushers` as its list of who may push which unit (none: no list).
    pub fn install_hook(&self, pushers: Option<&str>) {
        let hook = self.hub.join("hooks/pre-receive");
        std::fs::copy(env::root().join("scripts/pre-receive-taizhang"), &hook).unwrap();
        if let Some(list) = pushers {
            std::fs::write(self.hub.join("taizhang-pushers"), list).unwrap();
        }
    }

    /// Runs git in the server's repository.
    pub fn hub_git(&self, args: &[&str]) -> String {
        git_in(&self.hub, args)
    }
}

/// Runs git in `dir`; its output (the test fails if git does).
pub fn git_in(dir: &Path, args: &[&str]) -> String {
    let out = clean(Path::new("git")).current_dir(dir).args(args).output().unwrap();
    assert!(out.status.success(), "git {args:?} in {}: {}", dir.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// One clone: a work tree with the plan and its ledger directory.
pub struct Clone {
    pub root: PathBuf,
    pub user: String,
    /// Environment variables of every git and taizhang run here (the pusher's name, say).
    pub env: Vec<(String, String)>,
}

impl Clone {
    /// A clone (or a plain directory) at `root`, committing as `user`.
    pub fn at(root: PathBuf, user: &str) -> Clone {
        Clone { root, user: user.into(), env: Vec::new() }
    }

    /// The same, with an environment variable set for every run.
    pub fn with_env(mut self, key: &str, value: &str) -> Clone {
        self.env.push((key.into(), value.into()));
        self
    }

    fn identity(&self) {
        self.git(&["config", "user.name", &self.user]);
        self.git(&["config", "user.email", "taizhang@example.org"]);
    }

    /// Runs git here (the test fails if git does).
    pub fn git(&self, args: &[&str]) -> String {
        let run = self.try_git(args);
        assert_eq!(run.code, 0, "git {args:?} in {}: {}", self.root.display(), run.stderr);
        run.stdout
    }

    /// Runs git here, whatever comes of it.
    pub fn try_git(&self, args: &[&str]) -> Run {
        let mut c = clean(Path::new("git"));
        c.current_dir(&self.root).args(args).envs(self.env.iter().map(|(k, v)| (k, v)));
        Run::of(c.output().unwrap())
    }

    /// A taizhang command here with `--today` `today`.
    pub fn tz_command(&self, today: &str) -> Command {
        let mut c = clean(Path::new(env!("CARGO_BIN_EXE_taizhang")));
        c.current_dir(&self.root)
            .env("TAIZHANG_TODAY", today)
            .env("GIT_AUTHOR_NAME", &self.user)
            .env("GIT_AUTHOR_EMAIL", "taizhang@example.org")
            .env("GIT_COMMITTER_NAME", &self.user)
            .env("GIT_COMMITTER_EMAIL", "taizhang@example.org")
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        c
    }

    /// Runs taizhang here with `--today` `today`.
    pub fn tz(&self, today: &str, args: &[&str]) -> Run {
        Run::of(self.tz_command(today).args(args).output().unwrap())
    }

    /// `taizhang sync PLAN`.
    pub fn sync(&self, today: &str) -> Run {
        self.tz(today, &["sync", PLAN])
    }

    /// Records progress of `unit` on `task` (the test fails if it is refused).
    pub fn mark(&self, today: &str, unit: &str, task: &str, note: &str) {
        let run = self.tz(today, &["mark", PLAN, "--unit", unit, "--task", task, "--status", "推进中", "--note", note]);
        assert_eq!(run.code, 0, "{}", run.transcript());
    }

    /// Records progress and syncs (the test fails if either is refused).
    pub fn record(&self, today: &str, unit: &str, task: &str, note: &str) {
        self.mark(today, unit, task, note);
        let run = self.sync(today);
        assert_eq!(run.code, 0, "{}", run.transcript());
    }

    /// The ledger directory.
    pub fn ledger(&self) -> PathBuf {
        self.root.join("zhongwei-2022.progress")
    }

    /// A unit's ledger file, relative to the work tree.
    pub fn path_of(unit: &str) -> String {
        format!("zhongwei-2022.progress/{unit}.toml")
    }

    /// The text of a unit's ledger file.
    pub fn file(&self, unit: &str) -> String {
        std::fs::read_to_string(self.root.join(Clone::path_of(unit))).unwrap()
    }

    /// Every unit file of the ledger directory: name and bytes, by name.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(self.ledger())
            .unwrap()
            .flatten()
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .filter(|(n, _)| n.ends_with(".toml") && !n.starts_with('.'))
            .map(|(n, p)| (n, std::fs::read(p).unwrap()))
            .collect();
        files.sort();
        files
    }

    /// The commit HEAD names.
    pub fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }
}
