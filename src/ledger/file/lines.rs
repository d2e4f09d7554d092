//! The quickest way into a unit file: the plain layout taizhang writes — comments, `key =
//! value` lines and `[[update]]` headers, with basic, multi-line basic and literal strings,
//! decimal integers, booleans, date-times and one-line arrays of strings — read in one pass
//! over the bytes, without building a TOML document first. Anything else (another layout, an
//! escape or number form it does not take, a repeated key, a missing field) gives `None`, and
//! the file is read by toml (`fast`, then serde), whose messages are the ones users see; a file
//! read either way gives the same records, spans included.

use std::str::FromStr;

use toml::Spanned;
use toml::value::{Date, Datetime, Offset, Time};

use super::{RawFile, RawUpdate};

/// The raw file, when it is all in the plain layout.
pub(super) fn raw_file(src: &str) -> Option<RawFile> {
    let mut p = Parser { src, b: src.as_bytes(), i: 0 };
    let mut file = RawFile { plan: None, unit: None, update: Vec::new() };
    let mut current: Option<(usize, Fields)> = None;
    loop {
        p.skip_blank();
        let Some(&c) = p.b.get(p.i) else { break };
        match c {
            b'\n' | b'\r' | b'#' => p.comment_and_line_end()?,
            b'[' => {
                let start = p.i;
                if !p.b[start..].starts_with(b"[[update]]") {
                    return None;
                }
                p.i += "[[update]]".len();
                p.end_of_line()?;
                if let Some((at, fields)) = current.replace((start, Fields::default())) {
                    file.update.push(Spanned::new(at..at + 10, fields.finish()?));
                }
            }
            _ => {
                let key = p.key()?;
                p.skip_blank();
                p.eat(b'=')?;
                p.skip_blank();
                match current.as_mut() {
                    Some((_, fields)) => fields.set(key, &mut p)?,
                    None => top(&mut file, key, &mut p)?,
                }
                p.end_of_line()?;
            }
        }
    }
    if let Some((at, fields)) = current {
        file.update.push(Spanned::new(at..at + 10, fields.finish()?));
    }
    Some(file)
}

/// A top-level key: the file's plan and unit, each once.
fn top(file: &mut RawFile, key: &str, p: &mut Parser) -> Option<()> {
    match key {
        "plan" if file.plan.is_none() => file.plan = Some(p.string()?.into_inner()),
        "unit" if file.unit.is_none() => file.unit = Some(p.string()?),
        _ => return None,
    }
    Some(())
}

/// One record's fields as they are read.
#[derive(Default)]
struct Fields {
    id: Option<Spanned<String>>,
    corrects: Option<Spanned<String>>,
    withdrawn: Option<Spanned<bool>>,
    unchanged: Option<Spanned<bool>>,
    task: Option<Spanned<String>>,
    unit: Option<Spanned<String>>,
    at: Option<Spanned<Datetime>>,
    recorded_at: Option<Spanned<Datetime>>,
    by: Option<String>,
    status: Option<Spanned<String>>,
    percent: Option<Spanned<i64>>,
    note: Option<String>,
    problems: Option<String>,
    next: Option<String>,
    evidence: Option<Vec<String>>,
}

/// Sets a field that is not yet set.
fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value?);
    Some(())
}

impl Fields {
    fn set(&mut self, key: &str, p: &mut Parser) -> Option<()> {
        match key {
            "id" => once(&mut self.id, p.string()),
            "corrects" => once(&mut self.corrects, p.string()),
            "withdrawn" => once(&mut self.withdrawn, p.boolean()),
            "unchanged" => once(&mut self.unchanged, p.boolean()),
            "task" => once(&mut self.task, p.string()),
            "unit" => once(&mut self.unit, p.string()),
            "at" => once(&mut self.at, p.datetime()),
            "recorded_at" => once(&mut self.recorded_at, p.datetime()),
            "by" => once(&mut self.by, p.string().map(Spanned::into_inner)),
            "status" => once(&mut self.status, p.string()),
            "percent" => once(&mut self.percent, p.integer()),
            "note" => once(&mut self.note, p.string().map(Spanned::into_inner)),
            "problems" => once(&mut self.problems, p.string().map(Spanned::into_inner)),
            "next" => once(&mut self.next, p.string().map(Spanned::into_inner)),
            "evidence" => once(&mut self.evidence, p.strings()),
            _ => None,
        }
    }

    /// The record, when it has the fields every record has.
    fn finish(self) -> Option<RawUpdate> {
        Some(RawUpdate {
            id: self.id,
            corrects: self.corrects,
            withdrawn: self.withdrawn,
            unchanged: self.unchanged,
            task: self.task?,
            unit: self.unit?,
            at: self.at?,
            recorded_at: self.recorded_at,
            by: self.by,
            status: self.status?,
            percent: self.percent,
            note: self.note,
            problems: self.problems,
            next: self.next,
            evidence: self.evidence.unwrap_or_default(),
        })
    }
}

struct Parser<'s> {
    src: &'s str,
    b: &'s [u8],
    i: usize,
}

/// A character TOML does not allow in a string or comment as it stands: a control character
/// other than a tab.
fn forbidden(c: u8) -> bool {
    (c < 0x20 && c != b'\t') || c == 0x7f
}

impl<'s> Parser<'s> {
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
    fn end_of_line(&mut self) -> Option<()> {
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
    fn string(&mut self) -> Option<Spanned<String>> {
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
            while self.peek().is_some_and(|c| c != b'"' && c != b'\\' && !forbidden(c)) {
                self.i += 1;
            }
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
            while self.peek().is_some_and(|c| c != b'"' && c != b'\\' && (c == b'\n' || !forbidden(c))) {
                self.i += 1;
            }
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
        while self.peek().is_some_and(|c| c != b'\'' && !forbidden(c)) {
            self.i += 1;
        }
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

    fn boolean(&mut self) -> Option<Spanned<bool>> {
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
    fn integer(&mut self) -> Option<Spanned<i64>> {
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
    fn datetime(&mut self) -> Option<Spanned<Datetime>> {
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

    /// A one-line array of strings.
    fn strings(&mut self) -> Option<Vec<String>> {
        self.eat(b'[')?;
        let mut out = Vec::new();
        loop {
            self.skip_blank();
            if self.eat(b']').is_some() {
                return Some(out);
            }
            out.push(self.string()?.into_inner());
            self.skip_blank();
            match self.peek()? {
                b',' => self.i += 1,
                b']' => {}
                _ => return None,
            }
        }
    }

    /// A bare value ends at a blank or the end of the line.
    fn at_value_end(&self) -> Option<()> {
        matches!(self.peek(), None | Some(b' ' | b'\t' | b'\n' | b'\r')).then_some(())
    }
}

/// The date-time taizhang writes (`2022-06-01T09:00:00+08:00`, or `Z` for UTC), read without
/// toml's general date-time parser, to the same value; anything else (fractions, other forms,
/// a leap second, a value out of range) is left to that parser.
pub(super) fn plain_datetime(text: &str) -> Option<Datetime> {
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
#[path = "lines_tests.rs"]
mod tests;
