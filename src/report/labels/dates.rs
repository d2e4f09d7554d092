//! How dates are written: in words for people ("2022年9月10日"), ISO for machines.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::Lang;

/// How dates are written: in words for people (2022年9月10日), ISO for machines (CSV, JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dates {
    Written,
    Iso,
}

impl Dates {
    /// "2022年9月10日" / "10 Sep 2022", or "2022-09-10".
    pub fn day(self, d: NaiveDate, lang: Lang) -> String {
        match self {
            Dates::Written => date(d, lang),
            Dates::Iso => d.to_string(),
        }
    }

    /// "2022年6月1日 09:30" / "2022-06-01 09:30" in the update's own offset; empty for none.
    pub fn time(self, at: Option<DateTime<FixedOffset>>, lang: Lang) -> String {
        at.map(|t| format!("{} {}", self.day(t.date_naive(), lang), t.format("%H:%M"))).unwrap_or_default()
    }
}

/// A date as people write it: "2022年9月10日", "10 Sep 2022".
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%-d %b %Y").to_string(),
    }
}

/// "2022年6月1日 09:30" in the update's own offset; empty for none.
pub fn when(at: Option<DateTime<FixedOffset>>, lang: Lang) -> String {
    Dates::Written.time(at, lang)
}
