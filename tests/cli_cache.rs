//! The per-user ledger cache changes nothing but speed: a hit gives the same report as a parse,
//! and a hand edit in the same second, a truncated or corrupt entry, a cache that cannot be
//! written and a deleted cache all give what the TOML files say. (That an entry made within
//! the racy window holds only while the file's bytes match is tested in `src/cache/tests.rs`:
//! no command can keep a file's change time.)

#[path = "support/env.rs"]
mod env;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const PLAN: &str = "zhongwei-2022.toml";

struct Sandbox {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        env::copy_plan("plans/zhongwei-2022.toml", &root, PLAN);
        Sandbox { _dir: dir, root }
    }

    /// Runs with the cache in `cache` (none at all when `None`); exit code and output.
    fn run(&self, cache: Option<&Path>, args: &[&str]) -> (i32, String, String) {
        let mut c = env::taizhang();
        c.current_dir(&self.root).env("TAIZHANG_TODAY", "2022-06-20T09:30:00+08:00").args(args);
        match cache {
            Some(dir) => c.env("XDG_CACHE_HOME", dir),
            None => c.env_remove("HOME"),
        };
        let out = c.output().unwrap();
        let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code().unwrap_or(-1), s(&out.stdout), s(&out.stderr))
    }

    fn ledger_csv(&self, cache: Option<&Path>) -> String {
        let (code, stdout, stderr) = self.run(cache, &["report", PLAN, "--kind", "ledger", "-f", "csv"]);
        assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
        stdout
    }

    fn mark(&self, task: &str, note: &str) {
        let args = ["mark", PLAN, "--unit", "市财政局", "--task", task, "--status", "推进中", "--note", note];
        let (code, _, stderr) = self.run(None, &args);
        assert_eq!(code, 0, "{stderr}");
    }

    fn unit_file(&self) -> PathBuf {
        self.root.join("zhongwei-2022.progress/sczj.toml")
    }
}

/// The cache's entries and when each was last written.
fn entries(cache: &Path) -> Vec<(PathBuf, SystemTime)> {
    let dir = cache.join("taizhang/ledger-v1");
    let mut all: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| (e.path(), e.metadata().unwrap().modified().unwrap())).collect())
        .unwrap_or_default();
    all.sort();
    all
}

/// Past the window in which a file's time stamps may not yet tell a later edit apart.
fn outlast_racy_window() {
    std::thread::sleep(Duration::from_millis(2_200));
}

#[test]
fn the_cache_is_never_trusted_over_the_files() {
    let s = Sandbox::new();
    let caches = tempfile::tempdir().unwrap();
    let cache = caches.path().join("warm");
    s.mark("1", "资金已拨付第一批");
    s.mark("2", "正在核对清单");
    let truth = s.ledger_csv(None);
    assert!(truth.contains("资金已拨付第一批"), "{truth}");

    // A file changed within the racy window is cached with its bytes' checksum, and the entry
    // is checked against the file's bytes until the window has passed; then it is confirmed
    // (written once more) and a hit reads it and writes nothing.
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
    assert_eq!(entries(&cache).len(), 1, "one entry per unit file: {:?}", entries(&cache));
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
    outlast_racy_window();
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
    let written = entries(&cache);
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
    assert_eq!(entries(&cache), written, "a confirmed hit rewrites nothing");

    // A hand edit of the same size, with the old modification time put back: the change time
    // still tells, and the edit shows.
    let file = s.unit_file();
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replace("资金已拨付第一批", "资金已拨付第二批");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&file, &edited).unwrap();
    std::fs::File::options().write(true).open(&file).unwrap().set_modified(mtime).unwrap();
    let truth = s.ledger_csv(None);
    assert!(truth.contains("资金已拨付第二批"));
    assert_eq!(s.ledger_csv(Some(&cache)), truth, "a same-size edit in the same second is a miss");

    // A truncated entry, then a corrupt one, then none at all: each is a miss.
    outlast_racy_window();
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
    let (entry, _) = entries(&cache).pop().unwrap();
    let bytes = std::fs::read(&entry).unwrap();
    std::fs::write(&entry, &bytes[..bytes.len() / 3]).unwrap();
    assert_eq!(s.ledger_csv(Some(&cache)), truth, "truncated");
    let mut flipped = std::fs::read(&entry).unwrap();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    std::fs::write(&entry, &flipped).unwrap();
    assert_eq!(s.ledger_csv(Some(&cache)), truth, "corrupt");
    std::fs::remove_dir_all(&cache).unwrap();
    assert_eq!(s.ledger_csv(Some(&cache)), truth, "deleted");

    // A record appended after the entry was made shows at once (the size changed).
    s.mark("5", "新增一条");
    let truth = s.ledger_csv(None);
    assert!(truth.contains("新增一条"));
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
}

#[test]
fn a_cache_that_cannot_be_written_is_only_slower() {
    let s = Sandbox::new();
    s.mark("1", "资金已拨付");
    outlast_racy_window();
    let truth = s.ledger_csv(None);
    let caches = tempfile::tempdir().unwrap();
    // The cache directory is a file: nothing is cached, nothing is said, the report is right.
    let blocked = caches.path().join("blocked");
    std::fs::write(&blocked, "not a directory").unwrap();
    assert_eq!(s.ledger_csv(Some(&blocked)), truth);
    // An entry that is a directory, and entries of garbage: misses.
    let cache = caches.path().join("c");
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
    for (entry, _) in entries(&cache) {
        std::fs::write(&entry, b"TZCACHE3 garbage \x00\x01\x02").unwrap();
    }
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
    for (entry, _) in entries(&cache) {
        std::fs::remove_file(&entry).unwrap();
        std::fs::create_dir(&entry).unwrap();
    }
    assert_eq!(s.ledger_csv(Some(&cache)), truth);
}

#[test]
fn mark_through_a_warm_cache_keeps_every_check() {
    let s = Sandbox::new();
    let caches = tempfile::tempdir().unwrap();
    let cache = caches.path().join("c");
    s.mark("1", "第一次");
    outlast_racy_window();
    assert!(s.ledger_csv(Some(&cache)).contains("第一次"));
    assert_eq!(entries(&cache).len(), 1);
    // The same note again is refused as nothing new, from the cached records.
    let args = ["mark", PLAN, "--unit", "市财政局", "--task", "1", "--status", "推进中", "--note", "第一次"];
    let (code, _, stderr) = s.run(Some(&cache), &args);
    assert_ne!(code, 0, "a repeat is refused: {stderr}");
    let args = ["mark", PLAN, "--unit", "市财政局", "--task", "1", "--status", "推进中", "--note", "第二次"];
    let (code, _, stderr) = s.run(Some(&cache), &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(s.ledger_csv(Some(&cache)).contains("第二次"));
    let file = std::fs::read_to_string(s.unit_file()).unwrap();
    assert!(file.contains("第一次") && file.contains("第二次"), "{file}");
}

#[test]
fn no_cache_reads_and_writes_none() {
    let s = Sandbox::new();
    s.mark("1", "资金已拨付");
    let caches = tempfile::tempdir().unwrap();
    let cache = caches.path().join("c");
    let truth = s.ledger_csv(None);
    let (code, out, err) = s.run(Some(&cache), &["--no-cache", "report", PLAN, "--kind", "ledger", "-f", "csv"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, truth.as_str(), ""));
    let mut c = env::taizhang();
    c.current_dir(&s.root).env("TAIZHANG_TODAY", "2022-06-20T09:30:00+08:00").env("XDG_CACHE_HOME", &cache);
    let out = c.env("TAIZHANG_NO_CACHE", "1").args(["report", PLAN, "--kind", "ledger", "-f", "csv"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), truth);
    assert!(!cache.exists(), "nothing written to the cache");
}
