//! Report periods: the plan's report dates cut the year into periods; period N covers
//! (due N−1, due N], the first one starting on the plan's issue date.

use chrono::{Duration, NaiveDate};

use crate::plan::Meta;

/// One report period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// 1-based.
    pub number: usize,
    /// First day of the period.
    pub start: NaiveDate,
    /// The report date; the period ends at the end of this day.
    pub due: NaiveDate,
}

/// Where a period stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Its due date has passed, this many days ago.
    Closed { days_ago: i64 },
    /// Today is within it; this many days remain until its due date (0 = due today).
    Current { days_left: i64 },
    /// It has not started; it is due in this many days.
    Upcoming { days_left: i64 },
}

impl Period {
    /// How the period stands on `today`.
    pub fn standing(&self, today: NaiveDate) -> Standing {
        let left = (self.due - today).num_days();
        if left < 0 {
            Standing::Closed { days_ago: -left }
        } else if today >= self.start {
            Standing::Current { days_left: left }
        } else {
            Standing::Upcoming { days_left: left }
        }
    }
}

/// The plan's periods, in order.
pub fn periods(meta: &Meta) -> Vec<Period> {
    let year_start = NaiveDate::from_ymd_opt(meta.year, 1, 1);
    let mut start = meta.issued.or(year_start).unwrap_or(NaiveDate::MIN);
    let mut out = Vec::new();
    for (i, &due) in meta.report_dates.iter().enumerate() {
        out.push(Period { number: i + 1, start: start.min(due), due });
        start = due + Duration::days(1);
    }
    out
}

/// The period `today` falls in, or else the next one due; `None` once every date has passed.
pub fn current(periods: &[Period], today: NaiveDate) -> Option<Period> {
    periods.iter().find(|p| today <= p.due).copied()
}

/// The period a report or a view shows when none is asked for: the one `today` falls in (or the
/// next due), else, once every date has passed, the last.
pub fn default_for(periods: &[Period], today: NaiveDate) -> Option<Period> {
    current(periods, today).or(periods.last().copied())
}

/// The date a report of `period` is made as of when none is asked for: its report date (`None`),
/// except for the last period once that date has passed — then today, so that updates recorded
/// late still appear.
pub fn default_as_of(periods: &[Period], period: &Period, today: NaiveDate) -> Option<NaiveDate> {
    (periods.last() == Some(period) && today > period.due).then_some(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, m, day).unwrap()
    }

    fn meta(issued: Option<NaiveDate>) -> Meta {
        Meta {
            id: "t".into(),
            title: "t".into(),
            issuer: "t".into(),
            doc_no: None,
            issued,
            year: 2022,
            report_dates: vec![d(6, 10), d(9, 10), d(12, 10)],
            default_report_dates: true,
            offset: FixedOffset::east_opt(8 * 3600).unwrap(),
            source: None,
            notice: Default::default(),
            inferred: Default::default(),
        }
    }

    #[test]
    fn periods_run_from_issue_to_each_due_date() {
        let ps = periods(&meta(Some(d(5, 24))));
        assert_eq!(ps.len(), 3);
        assert_eq!((ps[0].start, ps[0].due), (d(5, 24), d(6, 10)));
        assert_eq!((ps[1].start, ps[1].due), (d(6, 11), d(9, 10)));
        assert_eq!((ps[2].start, ps[2].due), (d(9, 11), d(12, 10)));
        let ps = periods(&meta(None));
        assert_eq!(ps[0].start, d(1, 1));
    }

    #[test]
    fn the_due_day_belongs_to_its_period() {
        let ps = periods(&meta(Some(d(5, 24))));
        assert_eq!(current(&ps, d(6, 10)).map(|p| p.number), Some(1));
        assert_eq!(current(&ps, d(6, 11)).map(|p| p.number), Some(2));
        assert_eq!(current(&ps, d(1, 1)).map(|p| p.number), Some(1));
        assert_eq!(current(&ps, d(12, 11)), None);
        assert_eq!(ps[0].standing(d(6, 1)), Standing::Current { days_left: 9 });
        assert_eq!(ps[0].standing(d(6, 10)), Standing::Current { days_left: 0 });
        assert_eq!(ps[0].standing(d(6, 12)), Standing::Closed { days_ago: 2 });
        assert_eq!(ps[1].standing(d(6, 1)), Standing::Upcoming { days_left: 101 });
    }

    #[test]
    fn without_a_period_asked_for_the_current_one_then_the_last_as_of_today() {
        let ps = periods(&meta(None));
        assert_eq!(default_for(&ps, d(6, 10)).map(|p| p.number), Some(1));
        assert_eq!(default_for(&ps, d(6, 11)).map(|p| p.number), Some(2));
        assert_eq!(default_for(&ps, d(12, 11)).map(|p| p.number), Some(3), "after the last date");
        assert_eq!(default_for(&[], d(6, 1)), None);
        // As of the report date, except the last period once it has passed.
        assert_eq!(default_as_of(&ps, &ps[0], d(12, 20)), None);
        assert_eq!(default_as_of(&ps, &ps[2], d(12, 10)), None);
        assert_eq!(default_as_of(&ps, &ps[2], d(12, 20)), Some(d(12, 20)));
    }
}
