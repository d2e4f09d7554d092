//! Making text safe for a terminal as it streams: finding the characters that
//! [`super::is_unsafe`] (32 bytes at a time, since almost all text has none) and replacing
//! them in chunks as they are written, with the same result as [`super::sanitize_lines`] on
//! the whole text however it is cut.

use std::io::{self, Write};

/// True for a byte that may start an unsafe character other than a line break: a C0 control,
/// DEL, or the first byte of a C1 control (0xC2), of U+061C (0xD8) or of a bidi control (0xE2).
/// False positives (0xC2 starting "¢", say) only cost a closer look.
fn suspect(b: u8) -> bool {
    ((b < 0x20) & (b != b'\n')) | (b == 0x7F) | (b == 0xC2) | (b == 0xD8) | (b == 0xE2)
}

/// How many bytes from the start are not `special`, looked at 32 at a time (a loop the
/// compiler turns into vector instructions, as long as `special` has no branches).
pub(crate) fn quiet_run(s: &[u8], special: impl Fn(u8) -> bool) -> usize {
    let mut i = 0;
    for chunk in s.chunks_exact(32) {
        let chunk: &[u8; 32] = chunk.try_into().unwrap_or(&[0; 32]);
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            break;
        }
        i += 32;
    }
    i + s[i..].iter().position(|&b| special(b)).unwrap_or(s.len() - i)
}

/// Length of the UTF-8 sequence that byte `b` starts (1 for ASCII and stray bytes).
fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// The first unsafe character of `s` other than a line break, with its byte position.
pub fn find_unsafe(s: &str) -> Option<(usize, char)> {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        i += quiet_run(&b[i..], suspect);
        let c = *b.get(i)?;
        if c < 0x80 {
            return Some((i, char::from(c)));
        }
        if let Some(ch) = s.get(i..).and_then(|t| t.chars().next()).filter(|ch| super::is_unsafe(*ch)) {
            return Some((i, ch));
        }
        i += 1;
    }
}

/// A writer that makes everything written through it safe for a terminal on the way to
/// `inner`, exactly as [`super::sanitize_lines`] would the whole text: line breaks kept (CR LF
/// becomes LF), a tab a space, every other unsafe character U+FFFD, and with `keep_colour` the
/// colour sequences the program writes itself. Writes are gathered into chunks of [`CHUNK`]
/// bytes and looked at a chunk at a time; the few bytes whose fate depends on what comes next
/// (a split character, a CR, a colour sequence) wait for it. Call [`Sanitizer::finish`] at the
/// end.
pub struct Sanitizer<W: Write> {
    inner: W,
    keep_colour: bool,
    /// Written but not yet passed on.
    buf: Vec<u8>,
}

/// How much is gathered before it is looked at and passed on.
pub const CHUNK: usize = 1 << 16;

impl<W: Write> Sanitizer<W> {
    pub fn new(inner: W, keep_colour: bool) -> Sanitizer<W> {
        Sanitizer { inner, keep_colour, buf: Vec::with_capacity(CHUNK) }
    }

    /// Writes out what is gathered, as the end of the text, and hands back the writer, flushed.
    pub fn finish(mut self) -> io::Result<W> {
        self.pass(true)?;
        self.inner.flush()?;
        Ok(self.inner)
    }

    /// Passes on the decided part of what is gathered (all of it at the end of the text),
    /// keeping the undecided rest.
    fn pass(&mut self, end: bool) -> io::Result<()> {
        let buf = std::mem::take(&mut self.buf);
        let result = self.process(&buf, end);
        let n = *result.as_ref().unwrap_or(&buf.len());
        self.buf = buf;
        self.buf.drain(..n);
        result.map(|_| ())
    }
    /// Writes out the decided part of `data` (all of it at the end of the text); returns how
    /// many bytes that was.
    fn process(&mut self, data: &[u8], end: bool) -> io::Result<usize> {
        let mut i = 0;
        let mut plain = 0;
        loop {
            i += quiet_run(&data[i..], suspect);
            let Some(&b) = data.get(i) else { break };
            let (len, replacement): (usize, &[u8]) = match b {
                b'\r' => match data.get(i + 1) {
                    None if !end => return self.settle(data, plain, i),
                    Some(b'\n') => (1, b""),
                    _ => (1, REPLACEMENT),
                },
                b'\t' => (1, b" "),
                0x1B if self.keep_colour => match sgr_len(&data[i..]) {
                    Sgr::Complete(n) => (n, &data[i..i + n]),
                    Sgr::Incomplete if !end => return self.settle(data, plain, i),
                    _ => (1, REPLACEMENT),
                },
                0x00..=0x7F => (1, REPLACEMENT),
                _ => {
                    // 0xC2, 0xD8, 0xE2: a multi-byte character to look at whole.
                    let n = utf8_len(b);
                    let Some(ch) = data.get(i..i + n).and_then(|c| std::str::from_utf8(c).ok()?.chars().next()) else {
                        if !end && data.len() < i + n {
                            return self.settle(data, plain, i);
                        }
                        i += 1;
                        continue;
                    };
                    if !super::is_unsafe(ch) {
                        i += n;
                        continue;
                    }
                    (n, REPLACEMENT)
                }
            };
            self.inner.write_all(&data[plain..i])?;
            self.inner.write_all(replacement)?;
            i += len;
            plain = i;
        }
        self.settle(data, plain, data.len())
    }

    /// Writes the plain bytes `data[plain..upto]`; `upto` bytes are decided.
    fn settle(&mut self, data: &[u8], plain: usize, upto: usize) -> io::Result<usize> {
        self.inner.write_all(&data[plain..upto])?;
        Ok(upto)
    }
}

impl<W: Write> Write for Sanitizer<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(buf);
        if self.buf.len() >= CHUNK {
            self.pass(false)?;
        }
        Ok(buf.len())
    }

    /// Passes on and flushes what is decided; undecided bytes wait for the rest of the text.
    fn flush(&mut self) -> io::Result<()> {
        self.pass(false)?;
        self.inner.flush()
    }
}

/// U+FFFD, the stand-in for an unsafe character.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// What an ESC starts.
enum Sgr {
    /// A colour sequence (ESC `[` digits and `;` then `m`) this many bytes long.
    Complete(usize),
    /// Could still become one: the text ends first.
    Incomplete,
    /// Not a colour sequence.
    No,
}

/// Whether `s` (starting with ESC) starts a colour sequence.
fn sgr_len(s: &[u8]) -> Sgr {
    match s.get(1) {
        None => return Sgr::Incomplete,
        Some(b'[') => {}
        Some(_) => return Sgr::No,
    }
    let n = s[2..].iter().take_while(|b| b.is_ascii_digit() || **b == b';').count();
    match s.get(2 + n) {
        None => Sgr::Incomplete,
        Some(b'm') => Sgr::Complete(2 + n + 1),
        Some(_) => Sgr::No,
    }
}

#[cfg(test)]
#[path = "safe_tests.rs"]
mod tests;
