//! The JSON the program writes: compact or indented, and safe for a terminal as it is written —
//! every control or bidi character inside a string (`text::is_unsafe`) becomes a `\u` escape
//! during serialisation, so the data is unchanged for any JSON reader and no second pass
//! over the text is needed. [`Layout`] is serde_json's compact or pretty layout that can start
//! at any depth, so that a document written partly by hand ([`str`], [`Layout`]'s methods) and
//! partly by serde comes out exactly as serde_json would write the whole.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::text::is_unsafe;
use crate::text::safe::quiet_run;

/// Writes `value` as JSON (indented when `pretty`) and a line break.
pub fn write<T: Serialize + ?Sized>(value: &T, pretty: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    value_at(&mut buf, value, Layout::new(pretty, 0))?;
    buf.push(b'\n');
    out.write_all(&buf)
}

/// `value` as JSON text (indented when `pretty`) ending with a line break.
pub fn to_string<T: Serialize + ?Sized>(value: &T, pretty: bool) -> io::Result<String> {
    let mut out = Vec::new();
    write(value, pretty, &mut out)?;
    Ok(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Writes `value` as serde_json would write it inside a document laid out by `layout` (its
/// depth where the value starts).
pub fn value_at<T: Serialize + ?Sized, W: Write>(w: W, value: &T, layout: Layout) -> io::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(w, layout)).map_err(io::Error::from)
}

/// Appends `s` as a JSON string: escaped as serde_json escapes (`"`, `\` and C0 controls), and
/// every other unsafe character as a `\u` escape (`\u202e`).
pub fn str(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    loop {
        i += quiet_run(&bytes[i..], special);
        let Some(&b) = bytes.get(i) else { break };
        let (escape, len): (Escape, usize) = match b {
            b'"' => (Escape::Short(b"\\\""), 1),
            b'\\' => (Escape::Short(b"\\\\"), 1),
            b'\n' => (Escape::Short(b"\\n"), 1),
            b'\r' => (Escape::Short(b"\\r"), 1),
            b'\t' => (Escape::Short(b"\\t"), 1),
            0x08 => (Escape::Short(b"\\b"), 1),
            0x0C => (Escape::Short(b"\\f"), 1),
            0x00..=0x1F | 0x7F => (Escape::Unicode(u32::from(b)), 1),
            _ => match s.get(i..).and_then(|t| t.chars().next()).filter(|c| is_unsafe(*c)) {
                Some(c) => (Escape::Unicode(u32::from(c)), c.len_utf8()),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        buf.extend_from_slice(&bytes[start..i]);
        match escape {
            Escape::Short(e) => buf.extend_from_slice(e),
            Escape::Unicode(c) => unicode_escape(buf, c),
        }
        i += len;
        start = i;
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

/// Appends one of the program's own field names (plain ASCII letters and `_`, nothing to
/// escape) as a JSON string.
pub fn name(buf: &mut Vec<u8>, name: &'static str) {
    debug_assert!(name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "{name}");
    buf.push(b'"');
    buf.extend_from_slice(name.as_bytes());
    buf.push(b'"');
}

enum Escape {
    Short(&'static [u8]),
    Unicode(u32),
}

/// A `\u` escape of four lowercase hex digits (`\u001b`), as serde_json writes it.
fn unicode_escape(buf: &mut Vec<u8>, c: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        buf.push(HEX[((c >> shift) & 0xF) as usize]);
    }
}

/// True for a byte that may need escaping: `"`, `\`, a C0 control, DEL, or the first byte of a
/// C1 control (0xC2), of U+061C (0xD8) or of a bidi control (0xE2).
fn special(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\') | (b == 0x7F) | (b == 0xC2) | (b == 0xD8) | (b == 0xE2)
}

/// serde_json's layout — compact, or pretty with two-space indents — starting at a depth, with
/// strings escaped as [`str`] does.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pretty: bool,
    depth: usize,
    has_value: bool,
}

impl Layout {
    /// The layout at `depth` (0: the top of the document).
    pub fn new(pretty: bool, depth: usize) -> Layout {
        Layout { pretty, depth, has_value: false }
    }

    fn newline(&self, w: &mut (impl Write + ?Sized), comma: bool) -> io::Result<()> {
        if comma {
            w.write_all(b",")?;
        }
        if self.pretty {
            w.write_all(b"\n")?;
            for _ in 0..self.depth {
                w.write_all(b"  ")?;
            }
        }
        Ok(())
    }

    fn close(&mut self, w: &mut (impl Write + ?Sized), bracket: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Layout {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = crate::text::find_unsafe(rest) {
            w.write_all(&rest.as_bytes()[..i])?;
            let mut e = Vec::with_capacity(6);
            unicode_escape(&mut e, u32::from(c));
            w.write_all(&e)?;
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.pretty { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
#[path = "jsonout_tests.rs"]
mod tests;
