//! The per-unit lock: a stable lock file opened without following links, created with the
//! shared-server mode, held with `flock`; a writer that has to wait learns who holds it and
//! gives up after a bounded time.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::LedgerError;
use super::store::{FILE_MODE, no_follow, set_mode};

/// Who holds a lock, as its holder wrote it into the lock file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LockHolder {
    /// "pid 1234 · 王五 · since 2022-06-01T09:30:00+08:00", or empty if unknown.
    pub text: String,
}

impl LockHolder {
    /// "正在等待 … 的锁（pid 1234 · 王五 · …）…": what a writer that waits tells its user.
    pub fn waiting(&self, lock: &Path, lang: crate::Lang) -> String {
        let who = if self.text.is_empty() { String::new() } else { format!("（{}）", self.text) };
        crate::tr!(
            lang,
            "正在等待 {} 的锁{who}：同单位的另一人正在保存，最多等 {} 秒……",
            "waiting for the lock {}{who}: another operator of the unit is saving; giving up after {} s…",
            lock.display(),
            DEFAULT_TIMEOUT.as_secs()
        )
    }
}

/// How long to wait for a lock, and whom to tell.
#[derive(Clone, Copy)]
pub struct Wait<'a> {
    /// After this long, `notify` is called once with the holder.
    pub notify_after: Duration,
    /// After this long the save is refused ([`LedgerError::LockTimeout`]); nothing is written.
    pub give_up_after: Duration,
    pub notify: &'a (dyn Fn(&Path, &LockHolder) + Sync),
}

/// Waits 30 s at most, telling no one.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

impl Default for Wait<'_> {
    fn default() -> Self {
        Wait { notify_after: Duration::from_secs(1), give_up_after: DEFAULT_TIMEOUT, notify: &|_, _| {} }
    }
}

impl std::fmt::Debug for Wait<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wait")
            .field("notify_after", &self.notify_after)
            .field("give_up_after", &self.give_up_after)
            .finish()
    }
}

/// A held lock; released when dropped.
pub(super) struct Held {
    _file: File,
}

/// The locks of several units, held together (by `taizhang sync` while git changes their
/// files); released when dropped.
pub struct Locks {
    _held: Vec<Held>,
}

/// Locks each of `units` in `dir` in turn (in sorted order, so two holders of several never
/// wait on each other), waiting for each as `wait` says.
pub fn lock_units(dir: &Path, units: &[String], who: &str, wait: &Wait) -> Result<Locks, LedgerError> {
    let mut units: Vec<&String> = units.iter().collect();
    units.sort();
    units.dedup();
    let mut held = Vec::with_capacity(units.len());
    if !units.is_empty() {
        super::store::create_dir(dir)?;
    }
    for unit in units {
        if !crate::plan::valid_unit_id(unit) {
            return Err(LedgerError::BadUnitId { id: unit.clone() });
        }
        held.push(acquire(dir, unit, who, wait)?);
    }
    Ok(Locks { _held: held })
}

/// Locks `<dir>/.<unit>.lock`, waiting as `wait` says. `who` is written into the lock file so
/// that others waiting can be told.
pub(super) fn acquire(dir: &Path, unit_id: &str, who: &str, wait: &Wait) -> Result<Held, LedgerError> {
    let path = dir.join(format!(".{unit_id}.lock"));
    let mut file = open(&path)?;
    let start = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(source)) => return Err(LedgerError::Io { path, source }),
        }
        let waited = start.elapsed();
        if waited >= wait.give_up_after {
            return Err(LedgerError::LockTimeout { path: path.clone(), holder: holder(&path).text, waited });
        }
        if !told && waited >= wait.notify_after {
            (wait.notify)(&path, &holder(&path));
            told = true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // Who holds it: best effort, for those who wait (the lock is what matters).
    let _ = file.set_len(0).and_then(|()| file.write_all(who.as_bytes()));
    Ok(Held { _file: file })
}

/// Opens the lock file for writing, never through a symbolic link; a new one gets the
/// shared-server mode whatever the umask.
fn open(path: &Path) -> Result<File, LedgerError> {
    let io = |source| LedgerError::Io { path: path.to_path_buf(), source };
    let mut create = OpenOptions::new();
    create.write(true).create_new(true);
    no_follow(&mut create);
    match create.open(path) {
        Ok(f) => {
            set_mode(&f, FILE_MODE).map_err(io)?;
            Ok(f)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let mut existing = OpenOptions::new();
            existing.write(true);
            no_follow(&mut existing);
            existing.open(path).map_err(|e| refuse_link(path, e))
        }
        Err(e) => Err(io(e)),
    }
}

/// A lock file that is a symbolic link is refused by name (the open fails with ELOOP).
fn refuse_link(path: &Path, source: std::io::Error) -> LedgerError {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        LedgerError::LinkRefused { path: PathBuf::from(path) }
    } else {
        LedgerError::Io { path: path.to_path_buf(), source }
    }
}

/// What the holder wrote into the lock file (at most 200 bytes, cleaned for display).
fn holder(path: &Path) -> LockHolder {
    let mut opts = OpenOptions::new();
    opts.read(true);
    no_follow(&mut opts);
    let mut text = String::new();
    if let Ok(f) = opts.open(path) {
        let mut buf = Vec::new();
        let _ = f.take(200).read_to_end(&mut buf);
        text = crate::text::sanitize(String::from_utf8_lossy(&buf).trim());
    }
    LockHolder { text }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn a_waiter_is_told_who_holds_the_lock_and_gives_up() {
        let dir = tempfile::tempdir().unwrap();
        let held = acquire(dir.path(), "sczj", "pid 1 · 王五", &Wait::default()).unwrap();
        let told = Mutex::new(Vec::new());
        let notify = |_: &Path, h: &LockHolder| told.lock().unwrap().push(h.text.clone());
        let wait = Wait {
            notify_after: Duration::from_millis(50),
            give_up_after: Duration::from_millis(300),
            notify: &notify,
        };
        let start = Instant::now();
        let Err(LedgerError::LockTimeout { holder, .. }) = acquire(dir.path(), "sczj", "me", &wait) else {
            panic!("must time out while the lock is held");
        };
        assert!(start.elapsed() < Duration::from_secs(2));
        assert_eq!(holder, "pid 1 · 王五");
        assert_eq!(*told.lock().unwrap(), ["pid 1 · 王五"]);
        drop(held);
        assert!(acquire(dir.path(), "sczj", "me", &wait).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::os::unix::fs::symlink(&victim, dir.path().join(".sczj.lock")).unwrap();
        let err = acquire(dir.path(), "sczj", "me", &Wait::default()).err().unwrap();
        assert!(matches!(err, LedgerError::LinkRefused { .. }), "{err:?}");
        assert!(!victim.exists(), "nothing is created through the link");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_lock_file_is_group_writable_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let _held = acquire(dir.path(), "sczj", "me", &Wait::default()).unwrap();
        let mode = std::fs::metadata(dir.path().join(".sczj.lock")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, FILE_MODE);
    }
}
