//! What was typed into a filled template's cells: a status word (the usual synonyms too), a
//! whole percent, a date typed as a date or as text (2022-09-08, 2022/9/8, 2022年9月8日, 9月8日),
//! with the full-width digits and signs Chinese input methods type.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::What;
use crate::clock;
use crate::ledger::Status;

/// The cell's status; `None` when it is empty.
pub fn status(cell: &str) -> Result<Option<Status>, What> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Status::parse(&half_width(t)).map(Some).ok_or_else(|| What::UnknownStatus { given: t.to_string() })
}

/// The cell's percent (0–100, whole); `None` when it is empty. "60", "60%", "60.0" and "６０"
/// are 60.
pub fn percent(cell: &str) -> Result<Option<u8>, What> {
    let t = half_width(cell.trim());
    if t.is_empty() {
        return Ok(None);
    }
    let number = t.strip_suffix('%').unwrap_or(&t).trim();
    let plain = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
    let value: f64 = match number.parse() {
        Ok(v) if plain => v,
        _ => return Err(What::BadPercent { given: cell.trim().to_string() }),
    };
    if value.fract() != 0.0 {
        return Err(What::BadPercent { given: cell.trim().to_string() });
    }
    if !(0.0..=100.0).contains(&value) {
        return Err(What::PercentRange { given: cell.trim().to_string() });
    }
    Ok(Some(value as u8))
}

/// The moment a filled row reports for, from its 填报日期 in the plan's zone `offset`: the time
/// given, else noon of the day, but never before the template was `made` (what the row says
/// came after it) nor after `now`. `None` for an empty cell. A day after today, or before the
/// template was made, is refused here; the ledger bounds the rest.
pub fn date(
    cell: &str,
    now: DateTime<FixedOffset>,
    offset: FixedOffset,
    made: Option<DateTime<FixedOffset>>,
) -> Result<Option<DateTime<FixedOffset>>, What> {
    let t = half_width(cell.trim());
    if t.is_empty() {
        return Ok(None);
    }
    let given = || cell.trim().to_string();
    let bad = || What::BadDate { given: given() };
    let today = clock::local_date(now, offset);
    let (day, time) = day_and_time(&t, today.year()).ok_or_else(bad)?;
    if day > today {
        return Err(What::FutureDate { given: given() });
    }
    let noon = NaiveTime::from_hms_opt(12, 0, 0).ok_or_else(bad)?;
    let local = offset.from_local_datetime(&day.and_time(time.unwrap_or(noon))).single().ok_or_else(bad)?;
    let before = |m: DateTime<FixedOffset>| match time {
        Some(_) => local < m,
        None => day < clock::local_date(m, offset),
    };
    if let Some(m) = made.filter(|m| before(*m)) {
        return Err(What::BeforeMade { given: given(), made: clock::local_date(m, offset) });
    }
    let at = match (time, made) {
        (None, Some(m)) => local.max(m).min(now),
        (None, None) => local.min(now),
        (Some(_), _) => local,
    };
    Ok(Some(at))
}

/// A day (and perhaps a time) as people type them; a day without a year is in `year`.
fn day_and_time(t: &str, year: i32) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let (day, time) = match t.split_once([' ', 'T']) {
        Some((d, rest)) => (d, Some(rest.trim())),
        None => (t, None),
    };
    let time = match time.filter(|s| !s.is_empty()) {
        Some(s) => {
            Some(NaiveTime::parse_from_str(s, "%H:%M").or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S")).ok()?)
        }
        None => None,
    };
    if !day.chars().all(|c| c.is_ascii_digit() || "-/.年月日".contains(c)) {
        return None;
    }
    let numbers: Vec<&str> = day.split(['-', '/', '.', '年', '月', '日']).filter(|s| !s.is_empty()).collect();
    let n = |s: &str| s.parse::<u32>().ok();
    let date = match numbers.as_slice() {
        [y, m, d] if y.len() == 4 => NaiveDate::from_ymd_opt(i32::try_from(n(y)?).ok()?, n(m)?, n(d)?),
        [m, d] if m.len() <= 2 => NaiveDate::from_ymd_opt(year, n(m)?, n(d)?),
        [ymd] if ymd.len() == 8 => NaiveDate::parse_from_str(ymd, "%Y%m%d").ok(),
        _ => None,
    }?;
    Some((date, time))
}

/// Full-width digits, signs and the ideographic space as their ASCII forms.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | '％' | '．' | '－' | '＋' | '／' | '：' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2022-09-09T10:00:00+08:00").unwrap()
    }

    fn at(s: &str) -> Result<Option<String>, What> {
        date(s, now(), clock::CHINA, None).map(|t| t.map(|t| t.to_rfc3339()))
    }

    #[test]
    fn never_before_the_template_was_made() {
        let made = DateTime::parse_from_rfc3339("2022-09-05T15:00:00+08:00").unwrap();
        let later = DateTime::parse_from_rfc3339("2022-09-09T10:00:00+08:00").unwrap();
        let at = |s: &str| date(s, later, clock::CHINA, Some(made)).map(|t| t.map(|t| t.to_rfc3339()));
        assert_eq!(at("2022-09-05"), Ok(Some("2022-09-05T15:00:00+08:00".into())), "same day: not before it");
        assert_eq!(at("9月6日"), Ok(Some("2022-09-06T12:00:00+08:00".into())));
        let day = NaiveDate::from_ymd_opt(2022, 9, 5).unwrap();
        assert_eq!(at("2022-09-04"), Err(What::BeforeMade { given: "2022-09-04".into(), made: day }));
        assert_eq!(at("2022-09-05 09:00"), Err(What::BeforeMade { given: "2022-09-05 09:00".into(), made: day }));
    }

    #[test]
    fn statuses_and_their_synonyms() {
        assert_eq!(status("已完成"), Ok(Some(Status::Done)));
        assert_eq!(status(" 完成 "), Ok(Some(Status::Done)));
        assert_eq!(status("进行中"), Ok(Some(Status::InProgress)));
        assert_eq!(status("in progress"), Ok(Some(Status::InProgress)));
        assert_eq!(status("\u{3000}"), Ok(None));
        assert_eq!(status("差不多了"), Err(What::UnknownStatus { given: "差不多了".into() }));
    }

    #[test]
    fn percents_are_whole_and_within_range() {
        for (typed, want) in [("60", 60), ("60%", 60), ("60.0", 60), ("６０％", 60), ("0", 0), ("100", 100)] {
            assert_eq!(percent(typed), Ok(Some(want)), "{typed}");
        }
        assert_eq!(percent(""), Ok(None));
        for typed in ["60.5", "六十", "1e2", "%", "0x3c"] {
            assert!(matches!(percent(typed), Err(What::BadPercent { .. })), "{typed}");
        }
        for typed in ["101", "-5", "150%"] {
            assert!(matches!(percent(typed), Err(What::PercentRange { .. })), "{typed}");
        }
    }

    #[test]
    fn dates_as_typed_and_as_cells_read() {
        for typed in [
            "2022-09-08",
            "2022/9/8",
            "2022.9.8",
            "2022年9月8日",
            "9月8日",
            "09-08",
            "20220908",
            "２０２２－０９－０８",
        ] {
            assert_eq!(at(typed), Ok(Some("2022-09-08T12:00:00+08:00".into())), "{typed}");
        }
        assert_eq!(at("2022-09-08 09:30"), Ok(Some("2022-09-08T09:30:00+08:00".into())));
        // Today before noon: now.
        assert_eq!(at("2022-09-09"), Ok(Some("2022-09-09T10:00:00+08:00".into())));
        assert_eq!(at(""), Ok(None));
        assert!(matches!(at("2022-09-10"), Err(What::FutureDate { .. })));
        for typed in ["明天", "2022-13-01", "9:30", "2022-09-08 25:00", "22-9-8", "2022-09-08x"] {
            assert!(matches!(at(typed), Err(What::BadDate { .. })), "{typed}");
        }
    }
}
