//! Chinese deadline phrases ("2022年10月底前", "6月底前完成", "全年持续推进", "每季度更新",
//! "6月底前完成，持续推进"; simplified or traditional script) parsed into a typed [`Deadline`];
//! the phrase itself is always kept by the task, verbatim.

use chrono::{Datelike, Duration, NaiveDate};

/// How often a recurring duty must be updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cycle {
    /// 实时更新 — keep it current; the plans treat it as at least weekly.
    Realtime,
    /// 每月更新.
    Monthly,
    /// 每季度更新.
    Quarterly,
    /// 每半年.
    HalfYearly,
    /// 每年.
    Yearly,
    /// 每周更新.
    Weekly,
}

impl Cycle {
    /// The longest gap between two updates that still counts as keeping up.
    pub fn max_gap_days(self) -> i64 {
        match self {
            Cycle::Realtime | Cycle::Weekly => 7,
            Cycle::Monthly => 31,
            Cycle::Quarterly => 92,
            Cycle::HalfYearly => 183,
            Cycle::Yearly => 366,
        }
    }
}

/// A deadline, as the document means it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Deadline {
    /// A calendar date: "2022年10月底" is 2022-10-31, "2022年底前" 2022-12-31.
    Dated { due: NaiveDate },
    /// "全年": the whole plan year, due at its end.
    YearLong { due: NaiveDate },
    /// "持续推进", "全年持续推进", "长期坚持": an ongoing duty with no end date.
    Continuous,
    /// "实时更新", "每月更新": a duty to update on a cycle.
    Recurring { cycle: Cycle },
    /// "根据政策时限及时推进": due whenever the triggering event demands.
    EventDriven,
    /// "本工作要点印发30日内": a number of days after the plan was issued.
    AfterIssue { days: u32 },
    /// The document gives no deadline for this task.
    Unspecified,
    /// A phrase we could not read; `check` warns about it.
    Unrecognised,
    /// "6月底前完成，持续推进": to be done by a date, then kept up with no end date. It is judged
    /// as dated (due, overdue when not done by then); the ongoing part does not move the date.
    DatedThenContinuous { due: NaiveDate },
}

/// The cache's form of a deadline: the same variants, tagged by position rather than by a
/// `kind` field (which compact binary formats cannot read back).
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Deadline")]
pub(super) enum Stored {
    Dated { due: NaiveDate },
    YearLong { due: NaiveDate },
    Continuous,
    Recurring { cycle: Cycle },
    EventDriven,
    AfterIssue { days: u32 },
    Unspecified,
    Unrecognised,
    DatedThenContinuous { due: NaiveDate },
}

impl Deadline {
    /// Parses a deadline phrase; `year` is the plan year, used when the phrase names no year.
    /// Traditional characters are read as their simplified forms.
    pub fn parse(phrase: &str, year: i32) -> Deadline {
        let p = words::normalise(phrase);
        let p = p.trim_end_matches(['。', '.', '；', ';', '，', ',']);
        if p.is_empty() {
            return Deadline::Unspecified;
        }
        single(p, year).or_else(|| compound(p, year)).unwrap_or(Deadline::Unrecognised)
    }

    /// The due date, if the deadline has one (`issued` resolves "印发30日内").
    pub fn due(&self, issued: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            Deadline::Dated { due } | Deadline::YearLong { due } | Deadline::DatedThenContinuous { due } => Some(*due),
            Deadline::AfterIssue { days } => {
                issued.and_then(|d| d.checked_add_signed(Duration::days(i64::from(*days))))
            }
            _ => None,
        }
    }

    /// A `due` to suggest for a phrase that could not be read: the end of the month it names
    /// (in the year it names, else the plan year), or else 31 December of the plan year.
    pub fn suggested_due(phrase: &str, year: i32) -> Option<NaiveDate> {
        let p = words::normalise(phrase);
        let named = |unit: char| {
            p.char_indices().find_map(|(i, _)| {
                let (n, rest) = leading_number(&p[i..])?;
                rest.starts_with(unit).then_some(n)
            })
        };
        let year =
            named('年').and_then(|y| i32::try_from(y).ok()).filter(|y| (1000..=9999).contains(y)).unwrap_or(year);
        match named('月').and_then(|m| u32::try_from(m).ok()).filter(|m| (1..=12).contains(m)) {
            Some(month) => month_end(year, month),
            None => year_end(year),
        }
    }

    /// A short machine name for the kind of deadline.
    pub fn kind(&self) -> &'static str {
        match self {
            Deadline::Dated { .. } => "dated",
            Deadline::YearLong { .. } => "year_long",
            Deadline::Continuous => "continuous",
            Deadline::Recurring { .. } => "recurring",
            Deadline::EventDriven => "event_driven",
            Deadline::AfterIssue { .. } => "after_issue",
            Deadline::Unspecified => "unspecified",
            Deadline::Unrecognised => "unrecognised",
            Deadline::DatedThenContinuous { .. } => "dated_then_continuous",
        }
    }
}

/// One phrase of one kind.
fn single(p: &str, year: i32) -> Option<Deadline> {
    if let Some(d) = words::keyword(p) {
        return Some(d);
    }
    if p == "全年" {
        return year_end(year).map(|due| Deadline::YearLong { due });
    }
    if let Some(days) = after_issue(p) {
        return Some(Deadline::AfterIssue { days });
    }
    dated(p, year).map(|due| Deadline::Dated { due })
}

/// "6月底前完成，持续推进", "年底前完成并长期坚持": a date, then an ongoing duty.
fn compound(p: &str, year: i32) -> Option<Deadline> {
    let (first, then) = words::split_compound(p)?;
    let Some(Deadline::Dated { due }) = single(first, year) else { return None };
    let then = ["此后", "之后", "以后", "后", "并", "再"].iter().find_map(|s| then.strip_prefix(s)).unwrap_or(then);
    matches!(words::keyword(then), Some(Deadline::Continuous)).then_some(Deadline::DatedThenContinuous { due })
}

/// "本工作要点印发30日内", "印发后30日内", "印发30天内".
fn after_issue(p: &str) -> Option<u32> {
    let rest = &p[p.find("印发")? + "印发".len()..];
    let rest = rest.strip_prefix("后").unwrap_or(rest);
    let (n, rest) = leading_number(rest)?;
    let n = u32::try_from(n).ok()?;
    matches!(rest, "日内" | "天内" | "个工作日内" | "日" | "天").then_some(n)
}

/// "[于][YYYY年|次年](底|年底|年内|[第]N季度[末]|M月[底|末|D日])[前|以前|之前][完成|办结|到位…]";
/// a month without 底 means its end, a quarter its last month's end.
fn dated(p: &str, plan_year: i32) -> Option<NaiveDate> {
    let p = ["于", "在", "截至", "截止"].iter().find_map(|s| p.strip_prefix(s)).unwrap_or(p);
    let p = words::strip_verb(p);
    let p = ["以前", "之前", "前"].iter().find_map(|s| p.strip_suffix(s)).unwrap_or(p);
    let (year, rest) = match leading_number(p) {
        Some((y, rest)) if y >= 1000 => (i32::try_from(y).ok()?, rest.strip_prefix('年')?),
        _ => match p.strip_prefix("次年") {
            Some(rest) => (plan_year.checked_add(1)?, rest),
            None => (plan_year, p),
        },
    };
    if matches!(rest, "底" | "年底" | "年末" | "末" | "内" | "年内") {
        return year_end(year);
    }
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let (n, rest) = leading_number(rest)?;
    if let Some(tail) = rest.strip_prefix("季度") {
        let quarter = u32::try_from(n).ok().filter(|q| (1..=4).contains(q))?;
        return if matches!(tail, "" | "末" | "底") { month_end(year, quarter * 3) } else { None };
    }
    let rest = rest.strip_prefix('月')?;
    let month = u32::try_from(n).ok().filter(|m| (1..=12).contains(m))?;
    match rest {
        "" | "底" | "末" | "份" => month_end(year, month),
        _ => {
            let (day, tail) = leading_number(rest)?;
            matches!(tail, "日" | "号").then_some(())?;
            NaiveDate::from_ymd_opt(year, month, u32::try_from(day).ok()?)
        }
    }
}

/// Splits a leading run of ASCII or full-width digits (or simple Chinese numerals) off `s`.
fn leading_number(s: &str) -> Option<(u64, &str)> {
    let mut value: u64 = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let d = match c {
            '0'..='9' => u64::from(c) - u64::from('0'),
            '０'..='９' => u64::from(c) - u64::from('０'),
            _ => break,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        end = i + c.len_utf8();
    }
    if end > 0 {
        return Some((value, &s[end..]));
    }
    chinese_number(s)
}

/// 一 … 十二 / 三十, enough for months and day counts.
fn chinese_number(s: &str) -> Option<(u64, &str)> {
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let mut chars = s.char_indices().peekable();
    let mut value: u64 = 0;
    let mut end = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c == '十' {
            value = if value == 0 { 10 } else { value * 10 };
        } else if let Some(d) = digit(c) {
            value = if value >= 10 && value.is_multiple_of(10) { value + d as u64 } else { value * 10 + d as u64 };
        } else {
            break;
        }
        end = i + c.len_utf8();
        chars.next();
    }
    (end > 0).then(|| (value, &s[end..]))
}

fn year_end(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    debug_assert!(first.month() == month);
    next.pred_opt()
}

mod words;

#[cfg(test)]
#[path = "deadline_tests.rs"]
mod tests;
