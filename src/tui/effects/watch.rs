//! Watching the ledger directory for the lead view: once a second, the names, sizes and
//! modification times of the unit files in it (`<id>.toml`; not locks, drafts or files being
//! written, which start with a dot) are compared with the last look, and any change is
//! sent to the loop as `LedgerChanged` (which reads the ledger again, mostly from the cache).
//! Polling, not inotify: it works the same on network file systems and costs one directory
//! listing a second.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, SystemTime};

use crate::tui::action::Action;
use crate::tui::input::Incoming;

/// How often the directory is looked at.
pub const EVERY: Duration = Duration::from_secs(1);

/// What a look at the directory saw: each file's name, size and modification time, sorted.
pub type Seen = Vec<(std::ffi::OsString, u64, Option<SystemTime>)>;

/// Looks at `dir` every [`EVERY`] until the loop has gone.
pub fn spawn(dir: PathBuf, tx: Sender<Incoming>) {
    std::thread::spawn(move || {
        let mut last = look(&dir);
        loop {
            std::thread::sleep(EVERY);
            let now = look(&dir);
            if now != last {
                last = now;
                if tx.send(Incoming::Done(Action::LedgerChanged)).is_err() {
                    return;
                }
            }
        }
    });
}

/// The files in `dir` (none when it cannot be read, which a later look may change).
pub fn look(dir: &Path) -> Seen {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut seen: Seen = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name.ends_with(".toml")
        })
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            meta.is_file().then(|| (e.file_name(), meta.len(), meta.modified().ok()))
        })
        .collect();
    seen.sort();
    seen
}
