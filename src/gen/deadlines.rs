//! Deadline phrases for generated tasks, as the seed plans write them, covering every kind the
//! plan format reads (dated, 全年, 持续推进, 每月更新/实时更新, 根据政策时限及时推进, 印发N日内, none),
//! and now and then an explicit `due` that overrides the phrase.

use toml::value::Datetime;

use super::YEAR;
use super::plan::date;
use super::rng::Rng;

/// Where one task's deadline goes.
pub struct DeadlineSlot<'a> {
    pub deadline: &'a mut Option<String>,
    pub due: &'a mut Option<Datetime>,
    pub remark: &'a mut Option<String>,
}

/// The kinds, with how often (in percent) a task gets each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dated,
    YearLong,
    Continuous,
    Recurring,
    EventDriven,
    AfterIssue,
    Unspecified,
}

const KINDS: [(Kind, u32); 7] = [
    (Kind::Dated, 45),
    (Kind::YearLong, 20),
    (Kind::Continuous, 14),
    (Kind::Recurring, 8),
    (Kind::EventDriven, 5),
    (Kind::AfterIssue, 3),
    (Kind::Unspecified, 5),
];

/// Gives every task a deadline, making sure each kind occurs at least once.
pub fn every_deadline_kind(slots: &mut [DeadlineSlot], rng: &mut Rng) {
    let mut kinds: Vec<Kind> = slots.iter().map(|_| weighted(rng)).collect();
    for (k, (kind, _)) in KINDS.iter().enumerate() {
        if !kinds.contains(kind) && !kinds.is_empty() {
            // Spread the forced ones over the plan: the k-th kind at the k-th seventh.
            let at = (k * kinds.len() / KINDS.len() + rng.below(kinds.len() / KINDS.len() + 1)) % kinds.len();
            kinds[at] = *kind;
        }
    }
    for (slot, kind) in slots.iter_mut().zip(kinds) {
        fill(slot, kind, rng);
    }
}

fn weighted(rng: &mut Rng) -> Kind {
    let mut roll = rng.below(100) as u32;
    for (kind, weight) in KINDS {
        if roll < weight {
            return kind;
        }
        roll -= weight;
    }
    Kind::Dated
}

fn fill(slot: &mut DeadlineSlot, kind: Kind, rng: &mut Rng) {
    let phrase = match kind {
        Kind::Dated => dated(rng),
        Kind::YearLong => "全年".to_string(),
        Kind::Continuous => rng.pick(&["全年持续推进", "持续推进", "长期坚持", "全年持续推进"]).to_string(),
        Kind::Recurring => rng.pick(&["实时更新", "每月更新", "每季度更新", "每月更新"]).to_string(),
        Kind::EventDriven => rng.pick(&["根据政策时限及时推进", "根据工作需要及时推进"]).to_string(),
        Kind::AfterIssue => {
            let days = rng.pick(&[30, 60]);
            *slot.remark = Some(format!("“印发{days}日内”自本要点印发之日起算。"));
            format!("本工作要点印发{days}日内")
        }
        Kind::Unspecified => return,
    };
    if kind == Kind::Dated && phrase == "年底前" && rng.chance(20) {
        *slot.due = Some(date(YEAR, 12, 15));
        *slot.remark = Some("按通知要求，“年底前”提前至12月15日前完成。".to_string());
    }
    *slot.deadline = Some(phrase);
}

/// A dated phrase in one of the shapes the seed plans use.
fn dated(rng: &mut Rng) -> String {
    let m = rng.between(5, 11);
    match rng.below(10) {
        0 | 1 => format!("{YEAR}年{m}月底"),
        2 => format!("{YEAR}年{m}月底前"),
        3 => format!("{YEAR}年{m}月"),
        4 => format!("{m}月底前"),
        5 => format!("{YEAR}年底"),
        6 => format!("{YEAR}年底前"),
        7 => "年底前".to_string(),
        8 => format!("{YEAR}年{m}月{}日前", rng.pick(&[15, 20, 30])),
        _ => format!("{}年{}月", YEAR + 1, rng.between(1, 3)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Deadline;

    #[test]
    fn phrases_parse_to_their_kind() {
        let mut rng = Rng::new(5, 0);
        for _ in 0..500 {
            let d = Deadline::parse(&dated(&mut rng), YEAR);
            assert!(matches!(d, Deadline::Dated { .. }), "{d:?}");
        }
    }
}
