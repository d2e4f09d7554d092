//! The plain layout of TOML that taizhang writes and the seed plans use — comments, `key =
//! value` lines, `[table]` and `[[array]]` headers, with basic, multi-line basic and literal
//! strings, decimal integers, booleans, date-times and arrays of these — read in one pass over
//! the bytes, without building a TOML document first. Each file format maps what it reads onto
//! its own raw structs (`ledger::file::lines`, `plan::plain`); on anything else (another
//! layout, an escape or number form not taken here, a repeated key) the reader gives `None` and
//! the file goes to toml, whose messages are the ones users see. Values keep toml's spans.

use std::str::FromStr;

use toml::Spanned;
use toml::value::{Date, Datetime, Offset, Time};

/// What the next line holds.
pub(crate) enum Step<'s> {
    /// The end of the text.
    End,
    /// A table header: `[name]`, or `[[name]]` when `array`; `span` is where it lies.
    Table { name: &'s str, array: bool, span: std::ops::Range<usize> },
    /// `key =`, the value next.
    Key(&'s str),
}

pub(crate) struct Parser<'s> {
    src: &'s str,
    b: &'s [u8],
    i: usize,
}

/// A character TOML does not allow in a string or comment as it stands: a control character
/// other than a tab.
const fn forbidden(c: u8) -> bool {
    (c < 0x20 && c != b'\t') || c == 0x7f
}

/// Which bytes end a run of plain text in a string: a table per kind of string, so that the
/// scan over a plan's 1.2 MB (mostly Chinese, three bytes a character) tests each byte once.
struct Stops([bool; 256]);

impl Stops {
    /// `quote` ends a run, as do a backslash (with `escapes`) and every byte TOML forbids in a
    /// string but a line break (with `multi_line`).
    const fn new(quote: u8, escapes: bool, multi_line: bool) -> Stops {
        let mut t = [false; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            t[c] = b == quote || (escapes && b == b'\\') || (forbidden(b) && !(multi_line && b == b'\n'));
            c += 1;
        }
        Stops(t)
    }
}

/// Runs of a basic string, of a multi-line basic string, and of a literal string.
static BASIC: Stops = Stops::new(b'"', true, false);
static MULTI_LINE: Stops = Stops::new(b'"', true, true);
static LITERAL: Stops = Stops::new(b'\'', false, false);

impl<'s> Parser<'s> {
    pub(crate) fn new(src: &'s str) -> Parser<'s> {
        Parser { src, b: src.as_bytes(), i: 0 }
    }

    /// Moves past blank and comment lines to the next header or key; `None` for a line in
    /// any other form.
    pub(crate) fn step(&mut self) -> Option<Step<'s>> {
        loop {
            self.skip_blank();
            let Some(c) = self.peek() else { return Some(Step::End) };
            match c {
                b'\n' | b'\r' | b'#' => self.comment_and_line_end()?,
                b'[' => {
                    let at = self.i;
                    let array = self.b[at..].starts_with(b"[[");
                    self.i += if array { 2 } else { 1 };
                    // A dotted header ("task.clause") is one name here.
                    let start = self.i;
                    self.key()?;
                    while self.peek() == Some(b'.') {
                        self.i += 1;
                        self.key()?;
                    }
                    let name = &self.src[start..self.i];
                    self.eat(b']')?;
                    if array {
                        self.eat(b']')?;
                    }
                    let span = at..self.i;
                    self.end_of_line()?;
                    return Some(Step::Table { name, array, span });
                }
                _ => {
                    let key = self.key()?;
                    self.skip_blank();
                    self.eat(b'=')?;
                    self.skip_blank();
                    return Some(Step::Key(key));
                }
            }
        }
    }

    /// Moves to the next byte `stops` holds, or to the end.
    fn skip_run(&mut self, stops: &Stops) {
        let rest = self.b.get(self.i..).unwrap_or_default();
        self.i += rest.iter().position(|&c| stops.0[usize::from(c)]).unwrap_or(rest.len());
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    fn skip_blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    /// After a value or a header: blanks, a comment after at least one blank, then the end of
    /// the line (or of the file).
    pub(crate) fn end_of_line(&mut self) -> Option<()> {
        let at = self.i;
        self.skip_blank();
        if self.peek() == Some(b'#') && self.i == at {
            return None;
        }
        self.comment_and_line_end()
    }

    /// A comment, if any, then the end of the line (or of the file).
    fn comment_and_line_end(&mut self) -> Option<()> {
        if self.peek() == Some(b'#') {
            while let Some(c) = self.peek().filter(|&c| c != b'\n' && c != b'\r') {
                if forbidden(c) {
                    return None;
                }
                self.i += 1;
            }
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => self.eat(b'\n'),
            Some(b'\r') => {
                self.i += 1;
                self.eat(b'\n')
            }
            Some(_) => None,
        }
    }

    /// A bare key.
    fn key(&mut self) -> Option<&'s str> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-') {
            self.i += 1;
        }
        (self.i > start).then(|| &self.src[start..self.i])
    }

    /// A basic (`"…"`), multi-line basic (`"""…"""`) or literal (`'…'`) string.
    pub(crate) fn string(&mut self) -> Option<Spanned<String>> {
        let start = self.i;
        let text = match self.peek()? {
            b'"' if self.b[start..].starts_with(b"\"\"\"") => self.multi_line()?,
            b'"' => self.basic()?,
            b'\'' => self.literal()?,
            _ => return None,
        };
        Some(Spanned::new(start..self.i, text))
    }

    fn basic(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            self.skip_run(&BASIC);
            out.push_str(&self.src[run..self.i]);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => out.push(self.escape()?),
                _ => return None,
            }
        }
    }

    /// A multi-line basic string: a line break right after the opening quotes is left out; a
    /// line-ending backslash, a carriage return or a quote next to the closing quotes is for
    /// toml to read.
    fn multi_line(&mut self) -> Option<String> {
        self.i += 3;
        if self.peek() == Some(b'\n') {
            self.i += 1;
        }
        let mut out = String::new();
        loop {
            let run = self.i;
            self.skip_run(&MULTI_LINE);
            out.push_str(&self.src[run..self.i]);
            match self.peek()? {
                b'"' if self.b[self.i..].starts_with(b"\"\"\"") => {
                    self.i += 3;
                    return (self.peek() != Some(b'"')).then_some(out);
                }
                b'"' => {
                    out.push('"');
                    self.i += 1;
                }
                b'\\' => out.push(self.escape()?),
                _ => return None,
            }
        }
    }

    fn literal(&mut self) -> Option<String> {
        if self.b[self.i..].starts_with(b"'''") {
            return None;
        }
        self.i += 1;
        let run = self.i;
        self.skip_run(&LITERAL);
        let text = self.src[run..self.i].to_string();
        self.eat(b'\'')?;
        Some(text)
    }

    /// The escape at a backslash: those of TOML 1.0 (`\xHH` and `\e` are left to toml).
    fn escape(&mut self) -> Option<char> {
        self.i += 1;
        let c = self.peek()?;
        self.i += 1;
        let hex = |p: &mut Parser, n: usize| {
            let digits = p.src.get(p.i..p.i + n)?;
            if !digits.bytes().all(|d| d.is_ascii_hexdigit()) {
                return None;
            }
            p.i += n;
            char::from_u32(u32::from_str_radix(digits, 16).ok()?)
        };
        match c {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'n' => Some('\n'),
            b't' => Some('\t'),
            b'r' => Some('\r'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'u' => hex(self, 4),
            b'U' => hex(self, 8),
            _ => None,
        }
    }

    pub(crate) fn boolean(&mut self) -> Option<Spanned<bool>> {
        let start = self.i;
        let value = if self.b[start..].starts_with(b"true") {
            true
        } else if self.b[start..].starts_with(b"false") {
            false
        } else {
            return None;
        };
        self.i += if value { 4 } else { 5 };
        self.at_value_end()?;
        Some(Spanned::new(start..self.i, value))
    }

    /// A decimal integer without sign, underscores or leading zeros.
    pub(crate) fn integer(&mut self) -> Option<Spanned<i64>> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        let digits = &self.src[start..self.i];
        if digits.is_empty() || digits.len() > 18 || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        self.at_value_end()?;
        Some(Spanned::new(start..self.i, digits.parse().ok()?))
    }

    /// A date-time written without blanks (`2022-06-01T09:00:00+08:00`), read by toml's own
    /// date-time parser.
    pub(crate) fn datetime(&mut self) -> Option<Spanned<Datetime>> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit() || matches!(c, b'-' | b':' | b'.' | b'+' | b'T' | b'Z')) {
            self.i += 1;
        }
        let text = &self.src[start..self.i];
        if !text.as_bytes().get(..5).is_some_and(|y| y[..4].iter().all(u8::is_ascii_digit) && y[4] == b'-') {
            return None;
        }
        self.at_value_end()?;
        let value = match plain_datetime(text) {
            Some(d) => d,
            None => Datetime::from_str(text).ok()?,
        };
        Some(Spanned::new(start..self.i, value))
    }

    /// An array of values `item` reads, on one line or several (with blanks, line breaks and
    /// comments between the values, and a comma after the last allowed).
    pub(crate) fn array<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.eat(b'[')?;
        let mut out = Vec::new();
        loop {
            self.skip_array_space()?;
            if self.eat(b']').is_some() {
                return Some(out);
            }
            out.push(item(self)?);
            self.skip_array_space()?;
            match self.peek()? {
                b',' => self.i += 1,
                b']' => {}
                _ => return None,
            }
        }
    }

    /// An array of strings, their spans left out.
    pub(crate) fn strings(&mut self) -> Option<Vec<String>> {
        self.array(|p| p.string().map(Spanned::into_inner))
    }

    /// Blanks, line breaks and comments inside an array.
    fn skip_array_space(&mut self) -> Option<()> {
        loop {
            self.skip_blank();
            match self.peek() {
                Some(b'#' | b'\n' | b'\r') => self.comment_and_line_end()?,
                _ => return Some(()),
            }
        }
    }

    /// A bare value ends at a blank, the end of the line, or (in an array) a comma or bracket;
    /// whatever follows is checked by the caller.
    fn at_value_end(&self) -> Option<()> {
        matches!(self.peek(), None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b']')).then_some(())
    }
}

/// The date-time taizhang writes (`2022-06-01T09:00:00+08:00`, or `Z` for UTC), read without
/// toml's general date-time parser, to the same value; anything else (fractions, other forms,
/// a leap second, a value out of range) is left to that parser.
pub(crate) fn plain_datetime(text: &str) -> Option<Datetime> {
    let b = text.as_bytes();
    let is = |i: usize, c: u8| b.get(i) == Some(&c);
    let shape = match b.len() {
        20 => is(19, b'Z'),
        25 => (is(19, b'+') || is(19, b'-')) && is(22, b':'),
        _ => false,
    };
    if !shape || ![(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')].iter().all(|&(i, c)| is(i, c)) {
        return None;
    }
    let num = |at: usize, len: usize| -> Option<u16> {
        let digits = b.get(at..at + len)?;
        digits.iter().try_fold(0u16, |n, d| d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0')))
    };
    let small = |at: usize| num(at, 2).and_then(|n| u8::try_from(n).ok());
    let (year, month, day) = (num(0, 4)?, small(5)?, small(8)?);
    let (hour, minute, second) = (small(11)?, small(14)?, small(17)?);
    let real_day = chrono::NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day)).is_some();
    if !real_day || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let offset = match b.get(19) {
        Some(b'Z') => Offset::Z,
        sign => {
            let (h, m) = (small(20)?, small(23)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i16::from(h) * 60 + i16::from(m);
            Offset::Custom { minutes: if sign == Some(&b'-') { -minutes } else { minutes } }
        }
    };
    Some(Datetime {
        date: Some(Date { year, month, day }),
        time: Some(Time { hour, minute, second: Some(second), nanosecond: None }),
        offset: Some(offset),
    })
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_stops_where_each_kind_of_string_needs_a_look() {
        for b in 0..=255u8 {
            let control = (b < 0x20 && b != b'\t') || b == 0x7f;
            assert_eq!(BASIC.0[usize::from(b)], b == b'"' || b == b'\\' || control, "basic {b:#x}");
            assert_eq!(
                MULTI_LINE.0[usize::from(b)],
                b == b'"' || b == b'\\' || (control && b != b'\n'),
                "multi {b:#x}"
            );
            assert_eq!(LITERAL.0[usize::from(b)], b == b'\'' || control, "literal {b:#x}");
        }
    }
}
