//! One row as JSON, written by hand for speed (a province's report has 50,000 of them, and more
//! as the overdue and completed lists repeat them): the same bytes serde_json writes for
//! [`RowRef`]'s derived `Serialize` (`tests` check it), field for field in its order.

use std::io;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use serde::Serialize;
use serde_json::ser::Formatter;

use crate::jsonout::{self, Layout};
use crate::ledger::Evidence;
use crate::report::RowRef;

/// Appends `r` as a JSON object laid out by `layout` (at the depth where the row starts).
pub(super) fn write(buf: &mut Vec<u8>, r: &RowRef, layout: Layout) -> io::Result<()> {
    let mut o = Object { buf, layout, first: true };
    o.layout.begin_object(o.buf)?;
    o.str("task", Some(r.task))?;
    o.str("section", r.section)?;
    o.str("topic", r.topic)?;
    o.str("content", Some(r.content))?;
    o.str("body", r.body)?;
    o.str("unit", Some(r.unit))?;
    o.str("unit_name", Some(r.unit_name))?;
    o.serde("role", &r.role)?;
    o.str("deadline", r.deadline)?;
    o.str("deadline_for", r.deadline_for)?;
    o.str("inferred", r.inferred)?;
    o.date("due", r.due)?;
    o.int("days_left", r.days_left)?;
    o.serde("status", &r.status)?;
    o.int("percent", r.percent.map(i64::from))?;
    o.int("expected", r.expected.map(i64::from))?;
    o.str("note", r.note)?;
    o.str("problems", r.problems)?;
    o.str("next", r.next)?;
    o.list("evidence", r.evidence)?;
    o.str("by", r.by)?;
    o.time("updated_at", r.updated_at)?;
    o.str("record", r.record)?;
    o.bool("corrected", r.corrected)?;
    o.bool("late", r.late)?;
    o.bool("updated_in_period", r.updated_in_period)?;
    o.serde("reported", &r.reported)?;
    o.bool("ledger_error", r.ledger_error)?;
    o.bool("overdue", r.overdue)?;
    o.serde("bucket", &r.bucket)?;
    o.serde("light", &r.light)?;
    o.layout.end_object(o.buf)
}

/// An object being written.
struct Object<'b> {
    buf: &'b mut Vec<u8>,
    layout: Layout,
    first: bool,
}

impl Object<'_> {
    /// Writes `"key": ` (or `"key":`), then the value `value` appends.
    fn field(
        &mut self,
        key: &'static str,
        value: impl FnOnce(&mut Vec<u8>, Layout) -> io::Result<()>,
    ) -> io::Result<()> {
        self.layout.begin_object_key(self.buf, self.first)?;
        self.first = false;
        jsonout::name(self.buf, key);
        self.layout.begin_object_value(self.buf)?;
        value(self.buf, self.layout)?;
        self.layout.end_object_value(self.buf)
    }

    fn str(&mut self, key: &'static str, s: Option<&str>) -> io::Result<()> {
        self.field(key, |buf, _| {
            match s {
                Some(s) => jsonout::str(buf, s),
                None => buf.extend_from_slice(b"null"),
            }
            Ok(())
        })
    }

    fn int(&mut self, key: &'static str, n: Option<i64>) -> io::Result<()> {
        self.field(key, |buf, _| {
            match n {
                Some(n) => int(buf, n),
                None => buf.extend_from_slice(b"null"),
            }
            Ok(())
        })
    }

    fn bool(&mut self, key: &'static str, b: bool) -> io::Result<()> {
        self.field(key, |buf, _| {
            buf.extend_from_slice(if b { b"true" } else { b"false" });
            Ok(())
        })
    }

    /// A value serde writes (the enums: their names come from their own `Serialize`).
    fn serde<T: Serialize>(&mut self, key: &'static str, value: &T) -> io::Result<()> {
        self.field(key, |buf, layout| jsonout::value_at(buf, value, layout))
    }

    fn list(&mut self, key: &'static str, items: Evidence) -> io::Result<()> {
        self.field(key, |buf, layout| {
            let mut a = layout;
            a.begin_array(buf)?;
            for (i, s) in items.iter().enumerate() {
                a.begin_array_value(buf, i == 0)?;
                jsonout::str(buf, s);
                a.end_array_value(buf)?;
            }
            a.end_array(buf)
        })
    }

    fn date(&mut self, key: &'static str, d: Option<NaiveDate>) -> io::Result<()> {
        self.field(key, |buf, layout| match d {
            Some(d) if (0..=9999).contains(&d.year()) => {
                buf.push(b'"');
                ymd(buf, d);
                buf.push(b'"');
                Ok(())
            }
            other => jsonout::value_at(buf, &other, layout),
        })
    }

    /// RFC 3339 as chrono writes it: whole seconds and a whole-minute offset ("Z" for UTC)
    /// written here, anything else by chrono.
    fn time(&mut self, key: &'static str, t: Option<DateTime<FixedOffset>>) -> io::Result<()> {
        self.field(key, |buf, layout| match t {
            Some(t) if plain(&t) => {
                let local = t.naive_local();
                buf.push(b'"');
                ymd(buf, local.date());
                buf.push(b'T');
                two(buf, local.hour());
                buf.push(b':');
                two(buf, local.minute());
                buf.push(b':');
                two(buf, local.second());
                offset(buf, t.offset().local_minus_utc());
                buf.push(b'"');
                Ok(())
            }
            other => jsonout::value_at(buf, &other, layout),
        })
    }
}

/// A time this module writes itself: a four-digit year, no fraction or leap second, and an
/// offset of whole minutes.
fn plain(t: &DateTime<FixedOffset>) -> bool {
    let local = t.naive_local();
    (0..=9999).contains(&local.year()) && local.nanosecond() == 0 && t.offset().local_minus_utc() % 60 == 0
}

/// "YYYY-MM-DD" (a year of 0–9999).
fn ymd(buf: &mut Vec<u8>, d: NaiveDate) {
    let y = u32::try_from(d.year()).unwrap_or_default();
    two(buf, y / 100);
    two(buf, y % 100);
    buf.push(b'-');
    two(buf, d.month());
    buf.push(b'-');
    two(buf, d.day());
}

/// "+08:00", "-03:30", or "Z" for UTC.
fn offset(buf: &mut Vec<u8>, seconds: i32) {
    if seconds == 0 {
        buf.push(b'Z');
        return;
    }
    buf.push(if seconds < 0 { b'-' } else { b'+' });
    let minutes = seconds.unsigned_abs() / 60;
    two(buf, minutes / 60);
    buf.push(b':');
    two(buf, minutes % 60);
}

/// Two digits (0–99).
fn two(buf: &mut Vec<u8>, n: u32) {
    buf.push(b'0' + (n / 10 % 10) as u8);
    buf.push(b'0' + (n % 10) as u8);
}

/// An integer in decimal.
fn int(buf: &mut Vec<u8>, n: i64) {
    if n < 0 {
        buf.push(b'-');
    }
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        k -= 1;
        digits[k] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[k..]);
}

#[cfg(test)]
#[path = "row_tests.rs"]
mod tests;
