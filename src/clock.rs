//! Reading `--today` values. The library never reads the system clock: callers pass the
//! moment in, so every command and test is reproducible.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// The offset of the plans we start from (China Standard Time), checked at compile time.
pub const CHINA: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(o) => o,
    None => panic!("+08:00 is a valid offset"),
};

/// The moment a command runs, and whether it is the real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// "Now" for the command: `--today` when given, else the real time.
    pub now: DateTime<FixedOffset>,
    /// The real time, read once at the edge (`main`, the TUI loop).
    pub wall: DateTime<FixedOffset>,
    /// True under `--today`: records then carry no `recorded_at`.
    pub simulated: bool,
}

impl Clock {
    /// The real clock.
    pub fn real(wall: DateTime<FixedOffset>) -> Clock {
        Clock { now: wall, wall, simulated: false }
    }

    /// A simulated "now" (`--today`), with the real time beside it.
    pub fn simulated(now: DateTime<FixedOffset>, wall: DateTime<FixedOffset>) -> Clock {
        Clock { now, wall, simulated: true }
    }

    /// The same clock moved on to a new real time (the TUI's ticks); a simulated "now" stays.
    pub fn tick(self, wall: DateTime<FixedOffset>) -> Clock {
        if self.simulated { Clock { wall, ..self } } else { Clock::real(wall) }
    }
}

/// Parses `2022-06-01` (noon of that day, +08:00) or an RFC 3339 time
/// (`2022-06-01T09:30:00+08:00`).
pub fn parse_now(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let noon = NaiveTime::from_hms_opt(12, 0, 0)?;
    CHINA.from_local_datetime(&date.and_time(noon)).single()
}

/// A moment as an operator types it, in the plan's zone `offset`: RFC 3339, `2022-06-07 10:00`,
/// `2022-06-07` (noon), `06-07 10:00` or `06-07` (in the year of `now`).
pub fn parse_at(s: &str, now: DateTime<FixedOffset>, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    let year = local_date(now, offset).year();
    let noon = NaiveTime::from_hms_opt(12, 0, 0)?;
    let full = |f: &str| NaiveDateTime::parse_from_str(s, f).ok();
    let day = |f: &str| NaiveDate::parse_from_str(s, f).ok().map(|d| d.and_time(noon));
    let local = full("%Y-%m-%d %H:%M")
        .or_else(|| full("%Y-%m-%dT%H:%M"))
        .or_else(|| day("%Y-%m-%d"))
        .or_else(|| NaiveDateTime::parse_from_str(&format!("{year}-{s}"), "%Y-%m-%d %H:%M").ok())
        .or_else(|| NaiveDate::parse_from_str(&format!("{year}-{s}"), "%Y-%m-%d").ok().map(|d| d.and_time(noon)))?;
    offset.from_local_datetime(&local).single()
}

/// The calendar day of `now` in the zone `offset`.
pub fn local_date(now: DateTime<FixedOffset>, offset: FixedOffset) -> NaiveDate {
    now.with_timezone(&offset).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        let t = parse_now("2022-06-01").unwrap();
        assert_eq!(t.to_rfc3339(), "2022-06-01T12:00:00+08:00");
        let t = parse_now("2022-06-01T23:30:00+00:00").unwrap();
        assert_eq!(local_date(t, CHINA).to_string(), "2022-06-02");
        assert!(parse_now("2022-13-01").is_none());
        assert!(parse_now("明天").is_none());
    }

    #[test]
    fn moments_as_operators_type_them() {
        let now = parse_now("2022-06-10T15:00:00+08:00").unwrap();
        let at = |s: &str| parse_at(s, now, CHINA).map(|t| t.to_rfc3339());
        assert_eq!(at("2022-06-07 10:00").as_deref(), Some("2022-06-07T10:00:00+08:00"));
        assert_eq!(at(" 06-07 10:05 ").as_deref(), Some("2022-06-07T10:05:00+08:00"));
        assert_eq!(at("06-07").as_deref(), Some("2022-06-07T12:00:00+08:00"));
        assert_eq!(at("2022-06-07").as_deref(), Some("2022-06-07T12:00:00+08:00"));
        assert_eq!(at("2022-06-07T09:00:00+00:00").as_deref(), Some("2022-06-07T09:00:00+00:00"));
        for bad in ["", "昨天", "13-40", "2022-06-07 25:00", "6/7"] {
            assert_eq!(at(bad), None, "{bad}");
        }
    }
}
