//! Reading `--today` values. The library never reads the system clock: callers pass the
//! moment in, so every command and test is reproducible.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

/// The offset of the plans we start from (China Standard Time), checked at compile time.
pub const CHINA: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(o) => o,
    None => panic!("+08:00 is a valid offset"),
};

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
}
