//! Where command output goes. Everything the program prints passes through here, and text is
//! made safe for a terminal on the way (`text::sanitize_lines`: line breaks kept, tabs as
//! spaces, other control and bidi characters replaced), so nothing read from a file — a unit name, a note, an
//! error message quoting one — can drive the terminal. Long output (reports) streams: it is
//! gathered into chunks and each made safe as it is passed on (`text::Sanitizer`, the same
//! rule). Files
//! given with `-o` are written atomically (temp file beside them, fsync, rename) so a reader
//! never sees half a report. The argument parser's own `--help` and `--version` text is the
//! only output that does not come through here.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use taizhang::text::{Sanitizer, sanitize_lines};

use super::Fail;

/// Prints text to stdout (a closed pipe is not an error).
pub fn print(text: &str) -> Result<(), Fail> {
    stdout(sanitize_lines(text, false).as_bytes())
}

/// Prints text and a line break.
pub fn line(text: &str) -> Result<(), Fail> {
    print(&format!("{text}\n"))
}

/// Prints the text `write` produces as it is produced, made safe a chunk at a time;
/// `colour` lets through only the colour sequences the program writes itself. A closed pipe
/// (`| head`) ends the output quietly.
pub fn print_with(colour: bool, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Fail> {
    let mut pipe = Pipe { out: long_stdout().map_err(Fail::Output)?, closed: false };
    let result = {
        let mut w = Sanitizer::new(&mut pipe, colour);
        write(&mut w).and_then(|()| w.finish()).map(drop)
    };
    let result = result.and_then(|()| pipe.flush());
    match result {
        Err(_) if pipe.closed => Ok(()),
        other => other.map_err(Fail::Output),
    }
}

/// Prints what `write` produces unchanged: only for output that escapes every unsafe character
/// itself (JSON, whose strings carry them as `\u` escapes such as `\u001b`), which a second scan would only slow.
pub fn print_escaped(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Fail> {
    let mut pipe = Pipe { out: long_stdout().map_err(Fail::Output)?, closed: false };
    match write(&mut pipe).and_then(|()| pipe.flush()) {
        Err(_) if pipe.closed => Ok(()),
        other => other.map_err(Fail::Output),
    }
}

/// Stdout for long output (reports, written a chunk at a time): on Unix its descriptor behind a
/// buffer of our own, since the standard library's line-buffered stdout looks for the last
/// line break of every chunk it is given (on the extreme summary's 75 MB of JSON, 6 ms of
/// CPU). Whatever was printed before is flushed first, so output keeps its order.
fn long_stdout() -> io::Result<Box<dyn Write>> {
    let mut out = std::io::stdout().lock();
    out.flush()?;
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        // A closed stdout (`>&-`) cannot be duplicated; the standard one takes it as before.
        if let Ok(fd) = out.as_fd().try_clone_to_owned() {
            return Ok(Box::new(io::BufWriter::with_capacity(1 << 16, File::from(fd))));
        }
    }
    drop(out);
    Ok(Box::new(std::io::stdout()))
}

/// Stdout, remembering whether the reader went away.
struct Pipe<W: Write> {
    out: W,
    closed: bool,
}

impl<W: Write> Write for Pipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf).inspect_err(|e| self.closed |= e.kind() == io::ErrorKind::BrokenPipe)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush().inspect_err(|e| self.closed |= e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Writes bytes that are not text (an XLSX workbook piped elsewhere) to stdout.
pub fn binary(bytes: &[u8]) -> Result<(), Fail> {
    stdout(bytes)
}

/// A line to stderr: warnings, notes and the final error. Failing to write it changes nothing.
pub fn note(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", sanitize_lines(text, false));
}

fn stdout(bytes: &[u8]) -> Result<(), Fail> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Fail::Output(e)),
        _ => Ok(()),
    }
}

/// Replaces `path` atomically with what `write` writes to a new file beside it (which is
/// fsynced, then renamed over `path`); on any error the temporary file is removed and `path`
/// is untouched.
pub fn file_with(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<(), Fail> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        write(&mut f)?;
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
