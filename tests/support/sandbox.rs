//! A temporary directory with a copy of a plan, and runs of the program in it (started through
//! `env.rs`): the ledger goes beside the copy, never beside the checkout's `plans/`. Every run is
//! killed by its pid if it has not ended within 20 s, so a program that hangs (on a FIFO, say)
//! fails its test instead of hanging the suite.
//!
//! Included with `#[path = "support/sandbox.rs"] mod sandbox;` after `mod env;`.

#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::env;

/// How long one run may take.
const LIMIT: Duration = Duration::from_secs(20);

pub struct Sandbox {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

/// Exit code, stdout and stderr of a run, as a tuple.
pub type Out = (i32, String, String);

/// Exit code and output of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Sandbox {
    /// A directory holding `plan` (relative to the repository root) as `plan.toml`.
    pub fn new(plan: &str) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        env::copy_plan(plan, &root, "plan.toml");
        Sandbox { _dir: dir, root }
    }

    /// A directory holding `plan` (relative to the repository root) as `name`.
    pub fn with(plan: &str, name: &str) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        env::copy_plan(plan, &root, name);
        Sandbox { _dir: dir, root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// A file's text ("" if it cannot be read).
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_default()
    }

    /// Writes a file (and its directory) under the sandbox.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Runs `taizhang ARGS` in the sandbox on 2022-09-01 10:00 +08:00, 100 columns wide.
    pub fn run(&self, args: &[&str]) -> Run {
        self.exec(Some("2022-09-01T10:00:00+08:00"), "100", args)
    }

    /// Runs `taizhang ARGS` on `today` (`TAIZHANG_TODAY`; empty: the real clock), 120 columns.
    pub fn run_at(&self, today: &str, args: &[&str]) -> Out {
        let r = self.exec(Some(today).filter(|t| !t.is_empty()), "120", args);
        (r.code, r.stdout, r.stderr)
    }

    fn exec(&self, today: Option<&str>, columns: &str, args: &[&str]) -> Run {
        let mut c = env::taizhang();
        if let Some(t) = today {
            c.env("TAIZHANG_TODAY", t);
        }
        let mut child = c
            .current_dir(&self.root)
            .env("COLUMNS", columns)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let drain = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut v = Vec::new();
                let _ = r.read_to_end(&mut v);
                String::from_utf8_lossy(&v).into_owned()
            })
        };
        let out = drain(Box::new(child.stdout.take().unwrap()));
        let err = drain(Box::new(child.stderr.take().unwrap()));
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if start.elapsed() > LIMIT {
                let _ = child.kill();
                let _ = child.wait();
                panic!("`taizhang {}` did not end within {LIMIT:?}", args.join(" "));
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        Run { code: status.code().unwrap_or(-1), stdout: out.join().unwrap(), stderr: err.join().unwrap() }
    }

    /// "$ taizhang ARGS", the exit code, stdout and stderr, for a snapshot (control characters
    /// in the arguments shown as `\u{..}`).
    pub fn transcript(&self, args: &[&str]) -> String {
        self.transcript_at("2022-09-01T10:00:00+08:00", args)
    }

    /// [`Sandbox::transcript`] of a run on `today`, 100 columns wide.
    pub fn transcript_at(&self, today: &str, args: &[&str]) -> String {
        let r = self.exec(Some(today), "100", args);
        let shown: String = args.join(" ").chars().map(visible).collect();
        format!("$ taizhang {shown}\nexit: {}\n--- stdout\n{}--- stderr\n{}", r.code, r.stdout, r.stderr)
    }
}

/// A control character as `\u{1b}`, anything else as itself.
fn visible(c: char) -> String {
    if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() }
}

/// A finished command's exit code, stdout and stderr.
pub fn text(out: Output) -> Out {
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), s(&out.stdout), s(&out.stderr))
}
