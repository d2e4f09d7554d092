//! The 通报's own words: its title, office and date (with their defaults), the overall situation
//! as an office writes it ("截至2022年9月10日，……"), its headings and closing sentences.

use chrono::NaiveDate;

use super::{date, percent};
use crate::report::{Head, Summary};
use crate::{Lang, tr};

/// The 通报's title: the one set, else "关于<plan>第2期落实情况的通报".
pub fn notice_title(r: &Head, lang: Lang) -> String {
    match &r.notice.title {
        Some(t) => t.clone(),
        None => {
            tr!(lang, "关于{}第{}期落实情况的通报", "{}: progress report for period {}", r.plan.title, r.period.number)
        }
    }
}

/// The issuing office (发文机关): the one set, else the plan's issuer.
pub fn office(r: &Head) -> &str {
    r.notice.office.as_deref().unwrap_or(&r.plan.issuer)
}

/// The date the 通报 is written (成文日期): the one set, else the as-of date.
pub fn notice_date(r: &Head) -> NaiveDate {
    r.notice.date.unwrap_or(r.as_of_date)
}

/// The opening paragraph: where the plan stands as of the cut-off, in the office's usual words.
pub fn situation(h: &Head, s: &Summary, lang: Lang) -> String {
    let t = &s.totals;
    let mut out = tr!(
        lang,
        "截至{}，{}确定的{}项任务共分解为{}项分工，已完成{}项，完成率{}",
        "As of {}, the {} tasks of {} make {} assignments, of which {} are done: a completion rate of {}",
        date(h.as_of_date, lang),
        if lang == Lang::Zh { format!("《{}》", h.plan.title) } else { t.tasks.to_string() },
        if lang == Lang::Zh { t.tasks.to_string() } else { h.plan.title.clone() },
        t.assignments,
        t.done,
        percent(t.completion_rate)
    );
    if t.na > 0 {
        out += &tr!(lang, "（不适用{}项不计）", " ({} not applicable not counted)", t.na);
    }
    out += &tr!(
        lang,
        "；推进中{}项，持续推进{}项，受阻{}项，未启动或未填报{}项；逾期未完成{}项，涉及{}项任务。",
        "; {} in progress, {} ongoing, {} blocked, {} not started or not reported; {} overdue, in {} task(s).",
        t.in_progress,
        t.ongoing,
        t.blocked,
        t.not_started,
        t.overdue,
        t.tasks_overdue
    );
    out
}

/// How the assignments stand against the time-elapsed schedule (序时进度).
pub fn schedule(s: &Summary, lang: Lang) -> String {
    let b = &s.buckets;
    tr!(
        lang,
        "对照序时进度，已完成{}项，超进度{}项，达进度{}项，欠进度{}项，逾期{}项。",
        "Against the schedule: {} done, {} ahead, {} on track, {} behind, {} overdue.",
        b.done,
        b.ahead,
        b.on_track,
        b.behind,
        b.overdue
    )
}

/// Who reported in the period: "本期（第2期，2022年9月10日报送）27个责任单位中，……".
pub fn reporting(h: &Head, s: &Summary, lang: Lang) -> String {
    // Units that only assist (配合) are not counted: their reporting is not chased.
    let units = s.counted_units();
    let late = s.late.len();
    let none = s.not_reported.len().saturating_sub(late);
    let on_time = units.saturating_sub(s.not_reported.len());
    tr!(
        lang,
        "本期（第{}期，{}报送）{}个责任单位中，按时报送{}个，补报{}个，未报送{}个。",
        "In period {} (due {}), of {} responsible units {} reported on time, {} late and {} not at all.",
        h.period.number,
        date(h.period.due, lang),
        units,
        on_time,
        late,
        none
    )
}

/// Headings of the 通报's parts, by key: first level (一、) and second level (（一）).
pub fn heading(key: &str, lang: Lang) -> &'static str {
    match key {
        "situation" => lang.pick("一、总体情况", "1. Overall"),
        "buckets" => lang.pick("（一）进度分布", "1.1 Against schedule"),
        "sections" => lang.pick("（二）分领域完成情况", "1.2 By section"),
        "units" => lang.pick("二、各单位完成情况", "2. Units ranked by completion"),
        "overdue" => lang.pick("三、逾期未完成事项", "3. Overdue assignments"),
        "not_reported" => lang.pick("四、本期未按时报送单位", "4. Units that did not report on time"),
        _ => "",
    }
}

/// The sentence when there is nothing overdue.
pub fn none_overdue(lang: Lang) -> &'static str {
    lang.pick("截至目前，无逾期未完成事项。", "Nothing is overdue.")
}

/// Before a list of the longest overdue of many: "逾期未完成事项共2094项，下表列出逾期最久的300项……".
pub fn overdue_listed(all: usize, listed: usize, lang: Lang) -> String {
    tr!(
        lang,
        "逾期未完成事项共{all}项，下表列出逾期时间最长的{listed}项；全部事项见台账（taizhang report --kind ledger）。",
        "{all} assignments are overdue; the {listed} longest overdue are listed below, and all of them in the ledger (taizhang report --kind ledger)."
    )
}

/// The sentence when every unit reported on time.
pub fn all_reported(lang: Lang) -> &'static str {
    lang.pick("各责任单位均已按时报送。", "Every responsible unit reported on time.")
}

/// The units that did not report on time, as a sentence.
pub fn not_reported(s: &Summary, lang: Lang) -> String {
    let mut out = tr!(lang, "{}。", "{}.", s.not_reported.join(lang.list_sep()));
    if let Some(late) = super::late_units(s, lang) {
        out += &tr!(lang, "{}。", "{}.", late);
    }
    out
}
