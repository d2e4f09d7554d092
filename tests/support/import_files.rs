//! Fixture files for the import tests (tests/fixtures/import/): a fixture's bytes, a temp dir
//! holding a file, and running the binary in it. Include after `env` (`#[path] mod env;`).

use std::path::Path;

use super::env;

/// The fixture's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(env::root().join("tests/fixtures/import").join(name)).unwrap()
}

/// A temp dir holding `bytes` under `name`.
pub fn with_file(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

/// Runs taizhang in `dir`: exit code, stdout, stderr.
pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = env::taizhang().current_dir(dir).args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}
