//! The words of deadline phrases: how a phrase is read (white space dropped, traditional
//! characters folded to simplified as names are), the fixed
//! phrases with no date (持续推进, 每季度更新, 根据政策时限及时推进), trailing verbs (完成, 办结)
//! and the joints of compound phrases ("，", "并").

use super::{Cycle, Deadline};

/// The phrase as the parser reads it: no white space (extraction breaks lines anywhere) and
/// traditional characters folded to simplified, as names are (`names::fold_script`).
pub(super) fn normalise(phrase: &str) -> String {
    crate::plan::names::fold_script(phrase.chars().filter(|c| !c.is_whitespace()).collect())
}

/// Phrases for an ongoing duty with no end date.
const CONTINUOUS: [&str; 14] = [
    "持续推进",
    "全年持续推进",
    "全年持续",
    "全年持续开展",
    "持续落实",
    "长期坚持",
    "长期",
    "常态化",
    "持续开展",
    "常态化推进",
    "常态化开展",
    "长期推进",
    "持续",
    "长效推进",
];

/// How a recurring duty's cycle is written, longest first where one begins another.
const CYCLES: [(&str, Cycle); 16] = [
    ("每周", Cycle::Weekly),
    ("按周", Cycle::Weekly),
    ("每个月", Cycle::Monthly),
    ("每月", Cycle::Monthly),
    ("按月", Cycle::Monthly),
    ("逐月", Cycle::Monthly),
    ("每季度", Cycle::Quarterly),
    ("按季度", Cycle::Quarterly),
    ("逐季度", Cycle::Quarterly),
    ("每季", Cycle::Quarterly),
    ("按季", Cycle::Quarterly),
    ("每半年", Cycle::HalfYearly),
    ("按半年", Cycle::HalfYearly),
    ("每年度", Cycle::Yearly),
    ("每年", Cycle::Yearly),
    ("按年度", Cycle::Yearly),
];

/// What a recurring duty does each cycle ("每季度更新", "按月报送"); nothing is fine too.
const DUTIES: [&str; 10] = ["", "更新", "报送", "上报", "报告", "公开", "发布", "通报", "调度", "更新一次"];

/// Fixed phrases with no date in them.
pub(super) fn keyword(p: &str) -> Option<Deadline> {
    if CONTINUOUS.contains(&p) {
        return Some(Deadline::Continuous);
    }
    if p.starts_with("根据") && p.contains("及时") {
        return Some(Deadline::EventDriven);
    }
    recurring(p).map(|cycle| Deadline::Recurring { cycle })
}

fn recurring(p: &str) -> Option<Cycle> {
    if matches!(p, "实时更新" | "及时更新" | "动态更新" | "实时公开" | "实时发布") {
        return Some(Cycle::Realtime);
    }
    CYCLES
        .iter()
        .find_map(|(prefix, cycle)| p.strip_prefix(prefix).filter(|rest| DUTIES.contains(rest)).map(|_| *cycle))
}

/// "6月底前完成" → "6月底前": the verb that says the task is to be finished by then.
pub(super) fn strip_verb(p: &str) -> &str {
    const VERBS: [&str; 7] = ["全面完成", "基本完成", "完成", "办结", "落实到位", "到位", "完工"];
    VERBS.iter().find_map(|v| p.strip_suffix(v)).unwrap_or(p)
}

/// Splits "6月底前完成，持续推进" or "6月底前完成并持续推进" at its joint.
pub(super) fn split_compound(p: &str) -> Option<(&str, &str)> {
    let at = p.find(['，', ',', '；', ';', '、']).or_else(|| p.find('并'))?;
    let joint = p[at..].chars().next()?;
    Some((&p[..at], &p[at + joint.len_utf8()..]))
}
