//! How integration tests start the program: a cleared environment (the user's shell can change
//! no result) and, for commands on the checkout's seed plans, a private ledger directory, so no
//! test reads or writes `plans/<id>.progress/`.
//!
//! Included with `#[path = "support/env.rs"] mod env;` by each test file that runs the binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A home directory of this test process's own, kept until it exits.
fn home() -> &'static Path {
    static HOME: OnceLock<tempfile::TempDir> = OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("a temp dir for HOME")).path()
}

/// Every variable the program (or a crate it uses) reads, set to fixed values; everything else
/// cleared. `TAIZHANG_TODAY`, `TAIZHANG_DATA`, `NO_COLOR`, `COLUMNS`, `LC_*` and
/// `XDG_*` are absent unless a test sets them.
pub fn clean(c: &mut Command) -> &mut Command {
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()))
        .env("HOME", home())
        .env("LANG", "C.UTF-8")
        .env("USER", "tester")
        .env("LOGNAME", "tester")
        .env("TZ", "UTC")
}

/// The taizhang binary with a clean environment.
pub fn taizhang() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_taizhang"));
    clean(&mut c);
    c
}

/// A fresh, empty ledger directory, removed when dropped.
pub fn private_ledger() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir for the ledger")
}

/// Copies `plan` (relative to the repository root) into `dir` as `name`; returns its path.
pub fn copy_plan(plan: &str, dir: &Path, name: &str) -> PathBuf {
    let dst = dir.join(name);
    std::fs::copy(root().join(plan), &dst).expect("the plan copies");
    dst
}
