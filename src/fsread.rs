//! Reading plan and ledger files that may be hostile: only regular files, at most a size limit,
//! valid UTF-8 or an error with line:col. A FIFO cannot block the open, and a link to a device
//! such as /dev/zero is refused before a byte is read.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::plan::Position;
use crate::plan::diag::LineIndex;
use crate::text::sanitize;
use crate::{Lang, tr};

/// Largest ledger (unit) file read, in bytes: 16 MiB. A province-wide unit with 5,000 records
/// holds about 2 MB, so this is eight times that (about 56,000 records of a typical size). A file
/// at the limit parses in about 0.5 s and 250 MB on the 2-core test machine; at 64 MiB it took
/// 1.8 s and 1 GB, too much to allow per file when an office reads hundreds of them.
pub const LEDGER_LIMIT: u64 = 16 << 20;

/// Largest plan file read, in bytes: 16 MiB. The largest seed plan is 37 KB; a synthetic plan of
/// 30,000 tasks and 300 units, far beyond any real one, is 9.4 MB and checks in 0.7 s and 310 MB.
pub const PLAN_LIMIT: u64 = 16 << 20;

/// What a file is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl FileKind {
    fn of(t: std::fs::FileType) -> FileKind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return FileKind::Fifo;
            }
            if t.is_char_device() {
                return FileKind::CharDevice;
            }
            if t.is_block_device() {
                return FileKind::BlockDevice;
            }
            if t.is_socket() {
                return FileKind::Socket;
            }
        }
        if t.is_dir() { FileKind::Directory } else { FileKind::Other }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Directory => lang.pick("目录", "a directory"),
            FileKind::Fifo => lang.pick("命名管道（FIFO）", "a named pipe (FIFO)"),
            FileKind::CharDevice => lang.pick("字符设备", "a character device"),
            FileKind::BlockDevice => lang.pick("块设备", "a block device"),
            FileKind::Socket => lang.pick("套接字", "a socket"),
            FileKind::Other => lang.pick("特殊文件", "a special file"),
        }
    }
}

/// A file that exists but is not taken: nothing of it was used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{}: not a regular file ({kind:?})", path.display())]
    NotRegular { path: PathBuf, kind: FileKind },
    #[error("{}: larger than {limit} bytes", path.display())]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{}:{pos}: not UTF-8 (byte 0x{byte:02X})", path.display())]
    NotUtf8 { path: PathBuf, pos: Position, byte: u8 },
}

impl Refusal {
    /// What happened and what to do, in `lang`.
    pub fn parts(&self, lang: Lang) -> (String, String) {
        match self {
            Refusal::NotRegular { path, kind } => (
                tr!(
                    lang,
                    "{} 不是普通文件，而是{}，已拒绝读取",
                    "{} is not a regular file but {}; it was not read",
                    path.display(),
                    kind.label(lang)
                ),
                tr!(
                    lang,
                    "计划和台账只能是普通文件；请把它换成正常的文件（如从备份恢复）后重试",
                    "plans and ledgers must be regular files; replace it with a proper file (e.g. from a backup) and try again"
                ),
            ),
            Refusal::TooLarge { path, limit } => (
                tr!(
                    lang,
                    "{} 超过 {} MiB 的上限，已拒绝读取",
                    "{} is larger than the {} MiB limit; it was not read",
                    path.display(),
                    limit >> 20
                ),
                tr!(
                    lang,
                    "正常的计划和台账文件远小于此（一个单位 5,000 条记录约 2 MB，见 docs/ledger-format.md）；检查它是否被误写或换成了别的文件",
                    "real plans and ledgers are far smaller (5,000 records of a unit are about 2 MB; see docs/ledger-format.md); check whether it was overwritten or replaced"
                ),
            ),
            Refusal::NotUtf8 { path, pos, byte } => (
                tr!(
                    lang,
                    "{}:{pos}：文件不是 UTF-8 编码（此处字节 0x{byte:02X} 无法识别）",
                    "{}:{pos}: the file is not UTF-8 (byte 0x{byte:02X} here)",
                    path.display()
                ),
                tr!(
                    lang,
                    "用编辑器把文件另存为 UTF-8 编码（不是 GBK/GB2312），或修正该处的文字；文件未被改动",
                    "save the file as UTF-8 (not GBK/GB2312) in an editor, or fix the text at that place; the file was not changed"
                ),
            ),
        }
    }

    /// "错误: …\n  提示: …" in `lang`, one line each.
    pub fn render(&self, lang: Lang) -> String {
        let (msg, hint) = self.parts(lang);
        format!("{}: {}\n  {}: {hint}", lang.pick("错误", "error"), sanitize(&msg), lang.pick("提示", "hint"))
    }
}

/// Reads the text of a ledger file; see [`text`].
pub fn ledger(path: &Path) -> Result<io::Result<String>, Refusal> {
    text(path, LEDGER_LIMIT)
}

/// Reads a whole text file of at most `limit` bytes. The outer error refuses a file that is not
/// a regular file, is too large or is not UTF-8; the inner result is what the system said
/// (a missing file, no permission), for callers that treat those their own way.
pub fn text(path: &Path, limit: u64) -> Result<io::Result<String>, Refusal> {
    let bytes = match bytes(path, limit)? {
        Ok(b) => b,
        Err(e) => return Ok(Err(e)),
    };
    // simdutf8 checks a province's 1.2 MB plan several times faster than the standard library.
    if let Err(e) = simdutf8::compat::from_utf8(&bytes) {
        return Err(not_utf8(path, &bytes, e.valid_up_to()));
    }
    // SAFETY: `bytes` was just checked to be valid UTF-8.
    Ok(Ok(unsafe { String::from_utf8_unchecked(bytes) }))
}

fn not_utf8(path: &Path, bytes: &[u8], valid: usize) -> Refusal {
    let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    let pos = LineIndex::new(prefix).pos(valid);
    Refusal::NotUtf8 { path: path.to_path_buf(), pos, byte: bytes.get(valid).copied().unwrap_or(0) }
}

/// Opens without blocking, checks the opened file (not the path, which could change meanwhile)
/// and reads at most `limit + 1` bytes. The outer error refuses what is not a regular file or is
/// too large; the inner result is what the system said.
pub fn bytes(path: &Path, limit: u64) -> Result<io::Result<Vec<u8>>, Refusal> {
    let file = match open(path) {
        Ok(f) => f,
        Err(e) => return refused_open(path, e),
    };
    let meta = match file.metadata() {
        Ok(m) => m,
        Err(e) => return Ok(Err(e)),
    };
    if !meta.is_file() {
        return Err(Refusal::NotRegular { path: path.to_path_buf(), kind: FileKind::of(meta.file_type()) });
    }
    let too_large = || Refusal::TooLarge { path: path.to_path_buf(), limit };
    if meta.len() > limit {
        return Err(too_large());
    }
    let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    if let Err(e) = file.take(limit + 1).read_to_end(&mut buf) {
        return Ok(Err(e));
    }
    if buf.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(Ok(buf))
}

/// Opens for reading. On Unix with `O_NONBLOCK`, so that a FIFO with no writer cannot hang the
/// open, and `O_NOCTTY`, so that a terminal device cannot become the controlling terminal.
#[cfg(unix)]
pub(crate) fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)
}

#[cfg(not(unix))]
pub(crate) fn open(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// A failed open: a socket cannot be opened at all (ENXIO), which is a refusal like any other
/// special file; every other failure is the system's answer.
#[cfg_attr(not(unix), allow(unused_variables))]
fn refused_open<T>(path: &Path, e: io::Error) -> Result<io::Result<T>, Refusal> {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ENXIO)
        && let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(Refusal::NotRegular { path: path.to_path_buf(), kind: FileKind::of(meta.file_type()) });
    }
    Ok(Err(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path, limit: u64) -> Result<io::Result<String>, Refusal> {
        text(path, limit)
    }

    #[test]
    fn reads_a_regular_file_and_leaves_a_missing_one_to_the_caller() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "甲 = 1\n").unwrap();
        assert_eq!(read(&path, 100).unwrap().unwrap(), "甲 = 1\n");
        let missing = read(&dir.path().join("b.toml"), 100).unwrap().unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn refuses_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path(), 100).unwrap_err();
        assert_eq!(err, Refusal::NotRegular { path: dir.path().to_path_buf(), kind: FileKind::Directory });
    }

    #[test]
    fn limit_is_inclusive() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "x".repeat(10)).unwrap();
        assert!(read(&path, 10).unwrap().is_ok());
        assert_eq!(read(&path, 9).unwrap_err(), Refusal::TooLarge { path: path.clone(), limit: 9 });
    }

    #[test]
    fn invalid_utf8_names_line_and_column_in_characters() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, b"a = 1\nnote = \"\xE4\xB8\xAD\xD6\xD0\"\n").unwrap();
        let err = read(&path, 100).unwrap_err();
        assert_eq!(err, Refusal::NotUtf8 { path, pos: Position { line: 2, col: 10 }, byte: 0xD6 });
        assert!(err.render(Lang::Zh).contains(":2:10：文件不是 UTF-8 编码"), "{}", err.render(Lang::Zh));
        assert!(err.render(Lang::En).contains("GBK"));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        assert!(std::process::Command::new("mkfifo").arg(&path).status().unwrap().success());
        let (tx, rx) = std::sync::mpsc::channel();
        let p = path.clone();
        std::thread::spawn(move || tx.send(read(&p, 100)));
        let got = rx.recv_timeout(std::time::Duration::from_secs(5)).expect("reading a FIFO must not block");
        assert_eq!(got.unwrap_err(), Refusal::NotRegular { path, kind: FileKind::Fifo });
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_link_to_a_device_and_a_socket() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert_eq!(read(&link, 100).unwrap_err(), Refusal::NotRegular { path: link, kind: FileKind::CharDevice });
        let sock = dir.path().join("s.toml");
        let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        assert_eq!(read(&sock, 100).unwrap_err(), Refusal::NotRegular { path: sock, kind: FileKind::Socket });
    }
}
