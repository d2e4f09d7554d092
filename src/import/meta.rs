//! The plan's metadata when importing: the year in a title ("2022年", "2022 年"), a plan id
//! from the file's name (or, when that is not ASCII, "plan-<year>-" and a short hash of the
//! title), and `--report-dates` read as month-day pairs of the plan year.

use chrono::NaiveDate;

use super::ImportError;

/// The first "20xx年" (spaces allowed before 年) in the title.
pub fn year_in(title: &str) -> Option<i32> {
    let chars: Vec<char> = title.chars().collect();
    (0..chars.len().saturating_sub(3)).find_map(|i| {
        let digits: String = chars[i..i + 4].iter().collect();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        let after = chars[i + 4..].iter().find(|c| !c.is_whitespace());
        let ok = before_ok && digits.chars().all(|c| c.is_ascii_digit()) && after == Some(&'年');
        ok.then(|| digits.parse().ok()).flatten().filter(|y| (1990..=2200).contains(y))
    })
}

/// A plan id: the file's stem lower-cased, runs of other characters as "-"; when that leaves
/// no letter or digit, "plan-<year>-" and six hex digits of the title's CRC-32.
pub fn plan_id(stem: &str, title: &str, year: i32) -> String {
    let mut id = String::new();
    for c in stem.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').chars().take(40).collect::<String>().trim_end_matches('-').to_string();
    if id.chars().any(|c| c.is_ascii_lowercase()) && crate::plan::valid_unit_id(&id) {
        return id;
    }
    format!("plan-{year}-{:06x}", crc32fast::hash(title.as_bytes()) & 0xFF_FFFF)
}

/// "6-10,9-10,12-10" → those days of `year`.
pub fn report_dates(given: &str, year: i32) -> Result<Vec<NaiveDate>, ImportError> {
    let bad = || ImportError::BadReportDates { given: given.to_string() };
    let mut out: Vec<NaiveDate> = Vec::new();
    for part in given.split([',', '，']).map(str::trim) {
        let (m, d) = part.split_once(['-', '/', '.']).ok_or_else(bad)?;
        let (m, d) = (m.trim().parse().map_err(|_| bad())?, d.trim().parse().map_err(|_| bad())?);
        let date = NaiveDate::from_ymd_opt(year, m, d).ok_or_else(bad)?;
        if out.last().is_some_and(|last| *last >= date) {
            return Err(bad());
        }
        out.push(date);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_titles() {
        assert_eq!(year_in("中卫市 2022 年政务公开工作要点任务分工"), Some(2022));
        assert_eq!(year_in("2021年工作要点"), Some(2021));
        assert_eq!(year_in("第12022年"), None);
        assert_eq!(year_in("工作要点"), None);
    }

    #[test]
    fn ids_from_names() {
        assert_eq!(plan_id("Zhongwei 2022", "", 2022), "zhongwei-2022");
        assert_eq!(plan_id("任务分工", "某市2022年", 2022).len(), "plan-2022-".len() + 6);
        assert!(plan_id("任务分工", "某市2022年", 2022).starts_with("plan-2022-"));
        assert!(plan_id("2022", "t", 2022).starts_with("plan-2022-"));
    }

    #[test]
    fn report_dates_in_the_year() {
        let d = report_dates("6-10, 9-10,12-10", 2022).unwrap();
        assert_eq!(d[2], NaiveDate::from_ymd_opt(2022, 12, 10).unwrap());
        for bad in ["6-31", "9-10,6-10", "june", ""] {
            assert!(report_dates(bad, 2022).is_err(), "{bad}");
        }
    }
}
