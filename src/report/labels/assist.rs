//! The words for roles and for 配合 (assisting) assignments: the mark after a unit's name, the
//! summary's sentence that counts 配合 assignments apart, and the note under the ranking.

use crate::plan::Role;
use crate::report::{Summary, UnitLine};
use crate::{Lang, tr};

/// "（牵头）" / "（配合）" after a unit's name; nothing for a responsible unit.
pub fn role_mark(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Lead => lang.pick("（牵头）", " (lead)"),
        Role::Responsible => "",
        Role::Assist => lang.pick("（配合）", " (assist)"),
    }
}

/// "（牵头）" / "（配合）" before a task a unit leads or assists in ("(assist) " in English);
/// nothing for a responsible unit.
pub fn role_prefix(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Lead => lang.pick("（牵头）", "(lead) "),
        Role::Responsible => "",
        Role::Assist => lang.pick("（配合）", "(assist) "),
    }
}

/// "配合事项 12 项，已完成 5 项（不适用 1 项不计），完成率 45.5%，逾期 2 项；不计入以上统计和排名。"
/// — `None` when the report has no 配合 assignment.
pub fn assist_sentence(s: &Summary, lang: Lang) -> Option<String> {
    let a = &s.assist;
    if a.assignments == 0 {
        return None;
    }
    let na =
        if a.na > 0 { tr!(lang, "（不适用 {} 项不计）", " ({} n/a not counted)", a.na) } else { String::new() };
    Some(tr!(
        lang,
        "另有配合单位的分工（配合事项）{} 项，已完成 {} 项{na}，完成率 {}，逾期 {} 项；配合事项单独统计，不计入以上分工数、完成率、进度分布、排名和逾期清单。",
        "Besides these, {} assignments of assisting units (配合), {} done{na}, completion {}, {} overdue; they are counted apart, outside the figures above, the schedule, the ranking and the overdue list.",
        a.assignments,
        a.done,
        super::percent(a.completion_rate),
        a.overdue
    ))
}

/// The same in a 通报's words (numbers without spaces, as `situation` writes them):
/// "另有配合事项46项，已完成5项，完成率10.9%，逾期2项；配合事项单独统计，不计入上述分工数、完成率和排名。"
pub fn assist_notice(s: &Summary, lang: Lang) -> Option<String> {
    let a = &s.assist;
    (a.assignments > 0).then(|| {
        tr!(
            lang,
            "另有配合事项{}项，已完成{}项，完成率{}，逾期{}项；配合事项单独统计，不计入上述分工数、完成率和排名。",
            "Besides these, {} assignments of assisting units (配合), {} done, completion {}, {} overdue; counted apart, outside the figures above and the ranking.",
            a.assignments,
            a.done,
            super::percent(a.completion_rate),
            a.overdue
        )
    })
}

/// Whether the ranking has the 配合 columns: only when the report has 配合 assignments.
pub fn has_assist(s: &Summary) -> bool {
    s.assist.assignments > 0
}

/// Under the ranking when it has the 配合 columns: what they count. `split` for the two
/// numeric columns (配合分工, 配合已完成) of CSV and XLSX, else the one column ("1/2") people read.
pub fn assist_rule(s: &Summary, lang: Lang, split: bool) -> Option<&'static str> {
    let rule = if split {
        lang.pick(
            "配合分工、配合已完成：该单位作为配合单位的分工数和其中已完成数，不计入分工数、完成率和排名；只有配合分工的单位排在最后。",
            "Assisting, assist done: the unit's assignments as an assisting unit (配合) and how many are done; they are outside its assignments, rate and rank. Units that only assist come last.",
        )
    } else {
        lang.pick(
            "配合：该单位作为配合单位的分工中已完成数/分工数（如“1/2”），不计入分工数、完成率和排名；只有配合分工的单位排在最后。",
            "Assist: of the unit's assignments as an assisting unit (配合), done / all (e.g. \"1/2\"); they are outside its assignments, rate and rank. Units that only assist come last.",
        )
    };
    has_assist(s).then_some(rule)
}

/// A unit's 配合 assignments as people read them: "1/2" (done / all); empty when it has none.
pub fn unit_assist(u: &UnitLine) -> String {
    if u.assist == 0 { String::new() } else { format!("{}/{}", u.assist_done, u.assist) }
}

/// A unit's completion rate ("42.9%"), or "—" for a unit that only assists: it has no rate.
pub fn unit_rate(u: &UnitLine) -> String {
    if u.only_assists() { "—".to_string() } else { super::percent(u.completion_rate) }
}
