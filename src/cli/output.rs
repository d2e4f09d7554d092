//! Where command output goes: stdout (a closed pipe is not an error), or a file written
//! atomically (temp file beside it, fsync, rename) so a reader never sees half a report.

use std::io::Write;
use std::path::Path;

use super::Fail;

/// Writes to stdout.
pub fn stdout(bytes: &[u8]) -> Result<(), Fail> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Fail::Output(e)),
        _ => Ok(()),
    }
}

/// Replaces `path` with `bytes` atomically.
pub fn file(path: &Path, bytes: &[u8]) -> Result<(), Fail> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        std::fs::File::open(dir)?.sync_all()
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Fail::WriteFile { path: path.to_path_buf(), source: e });
    }
    Ok(())
}
