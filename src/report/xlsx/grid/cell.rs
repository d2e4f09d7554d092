//! The values a sheet's cells take: text cut to what a cell holds, numbers, rates, and dates
//! as Excel's serial numbers.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

/// Most text a cell holds, in UTF-16 code units (what Excel and rust_xlsxwriter count).
const MAX_CELL: usize = 32_767;

/// `s` cut to fit one cell, ending with `marker` when anything was cut, so that one very long
/// note does not stop the whole report.
pub(crate) fn fit_cell<'s>(s: &'s str, marker: &str) -> Cow<'s, str> {
    // UTF-8 never takes fewer bytes than UTF-16 takes code units.
    if s.len() <= MAX_CELL || s.encode_utf16().count() <= MAX_CELL {
        return Cow::Borrowed(s);
    }
    let room = MAX_CELL.saturating_sub(marker.encode_utf16().count());
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}{marker}", &s[..end]))
}

/// A value to write, which picks its own format.
pub(in crate::report::xlsx) enum Cell<'a> {
    Text(Cow<'a, str>),
    Int(i64),
    /// Days left: negative (overdue) shows red.
    Days(i64),
    /// A 0–1 rate shown as "42.9%".
    Rate(f64),
    Date(NaiveDate),
    Time(DateTime<FixedOffset>),
    /// A traffic light's word; a table's light column colours it (see [`Grid::columns`]).
    Light(&'static str),
    Blank,
}

impl<'a> Cell<'a> {
    pub(in crate::report::xlsx) fn text(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }

    pub(in crate::report::xlsx) fn owned(s: String) -> Cell<'a> {
        Cell::Text(Cow::Owned(s))
    }

    pub(in crate::report::xlsx) fn int(n: usize) -> Cell<'a> {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Excel's serial day number of a date (the 1900 date system), for dates Excel can show.
pub(in crate::report::xlsx) fn serial(d: NaiveDate) -> Option<f64> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let first = NaiveDate::from_ymd_opt(1900, 3, 1)?;
    (d >= first && d.year() <= 9999).then(|| (d - epoch).num_days() as f64)
}

/// Excel's serial date-time of an instant, in its own offset (Excel has no time zones).
pub(in crate::report::xlsx) fn serial_time(t: DateTime<FixedOffset>) -> Option<f64> {
    let local = t.naive_local();
    let day = serial(local.date())?;
    Some(day + f64::from(local.time().num_seconds_from_midnight()) / 86_400.0)
}
