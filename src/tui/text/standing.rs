//! The words for where an assignment stands: this period's column and the period line of the
//! detail pane, why a light is yellow or red, 逾期完成, and the history's period headings.

use chrono::{Datelike, NaiveDate};
use taizhang::period::Period;
use taizhang::{Lang, tr};

use crate::tui::standing::{InPeriod, Why};

/// "1 day" / "3 days".
fn days_en(n: i64) -> String {
    if n == 1 { "1 day".to_string() } else { format!("{n} days") }
}

/// `zh` in Chinese, else what `en` makes (for texts whose arguments differ by language).
fn either(lang: Lang, zh: String, en: impl FnOnce() -> String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en(),
    }
}

/// The list's 本期 column: "✓" / "待报" / nothing.
pub fn cell(lang: Lang, s: InPeriod) -> &'static str {
    match s {
        InPeriod::Reported => "✓",
        InPeriod::Owed => lang.pick("待报", "due"),
        InPeriod::Closed => "",
    }
}

/// The detail pane's period line: "本期（第1期，6月10日报送）：待报".
pub fn line(lang: Lang, p: &Period, s: InPeriod) -> String {
    let state = match s {
        InPeriod::Reported => lang.pick("已填报 ✓", "reported ✓"),
        InPeriod::Owed => lang.pick("待报", "due"),
        InPeriod::Closed => lang.pick("无须填报（已完成或不适用）", "nothing due (done or n/a)"),
    };
    let (n, m, d) = (p.number, p.due.month(), p.due.day());
    tr!(lang, "本期（第{n}期，{m}月{d}日报送）：{state}", "This period ({n}, report due {m}-{d}): {state}")
}

/// One reason for a light, in words.
pub fn why(lang: Lang, w: Why) -> String {
    match w {
        Why::Overdue(n) => either(lang, format!("逾期 {n} 天"), || format!("{} overdue", days_en(n))),
        Why::Schedule { expected, actual } => {
            tr!(lang, "序时进度 {expected}% vs 完成 {actual}%", "schedule {expected}% vs done {actual}%")
        }
        Why::NoPercent => lang.pick("推进中但未填完成百分比", "in progress with no percent").to_string(),
        Why::Blocked => lang.pick("受阻", "blocked").to_string(),
        Why::DueSoon(0) => lang.pick("今天到期", "due today").to_string(),
        Why::DueSoon(n) => either(lang, format!("14 天内到期（还有 {n} 天）"), || {
            format!("due within 14 days ({} left)", days_en(n))
        }),
        Why::NotUpdated => lang.pick("本期未更新", "not updated this period").to_string(),
        Why::Stale => lang.pick("超过更新周期未更新", "not updated within its cycle").to_string(),
    }
}

/// The reasons joined: "序时进度 10% vs 完成 0%；本期未更新".
pub fn reasons(lang: Lang, ws: &[Why]) -> String {
    ws.iter().map(|&w| why(lang, w)).collect::<Vec<_>>().join(lang.pick("；", "; "))
}

/// The status column for a task done after its deadline.
pub fn done_late(lang: Lang) -> &'static str {
    lang.pick("逾期完成", "done late")
}

/// "逾期完成（晚 3 天）" for the detail pane.
pub fn done_late_by(lang: Lang, n: i64) -> String {
    either(lang, format!("逾期完成（晚 {n} 天）"), || format!("done {} late", days_en(n)))
}

/// The deadline's date and the days left: "截止 2022-10-31，还有 145 天" / "…，已逾期 5 天".
pub fn due(lang: Lang, due: NaiveDate, days_left: Option<i64>, closed: bool) -> String {
    let left = match days_left {
        _ if closed => String::new(),
        Some(0) => lang.pick("，今天到期", ", due today").to_string(),
        Some(n) if n > 0 => either(lang, format!("，还有 {n} 天"), || format!(", {} left", days_en(n))),
        Some(n) => either(lang, format!("，已逾期 {} 天", -n), || format!(", {} overdue", days_en(-n))),
        None => String::new(),
    };
    tr!(lang, "截止 {due}{left}", "due {due}{left}")
}

/// A heading of the history: "第3期（本期，9月11日—12月10日）", "第1期（5月24日—6月10日）",
/// or after the last report date.
pub fn period_heading(lang: Lang, p: Option<&Period>, current: bool) -> String {
    let Some(p) = p else { return lang.pick("末次报送日之后", "after the last report date").to_string() };
    let (sm, sd, dm, dd) = (p.start.month(), p.start.day(), p.due.month(), p.due.day());
    let now = if current { lang.pick("本期，", "this period, ") } else { "" };
    tr!(lang, "第{}期（{now}{sm}月{sd}日—{dm}月{dd}日）", "Period {} ({now}{sm}-{sd} to {dm}-{dd})", p.number)
}

/// "本期还有 3 项待报" / "本期已全部填报".
pub fn owed_count(lang: Lang, n: usize) -> String {
    match n {
        0 => lang.pick("本期已全部填报", "all reported this period").to_string(),
        1 => lang.pick("本期还有 1 项待报", "1 due this period").to_string(),
        n => tr!(lang, "本期还有 {n} 项待报", "{n} due this period"),
    }
}
