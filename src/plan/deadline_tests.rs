//! Every deadline phrase that occurs in the five seed plans, and the edge cases around them.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dated_at(phrase: &str) -> NaiveDate {
    match Deadline::parse(phrase, 2022) {
        Deadline::Dated { due } => due,
        other => panic!("{phrase}: expected a date, got {other:?}"),
    }
}

#[test]
fn dated_phrases_from_the_seeds() {
    let cases = [
        ("2022年10月底", d(2022, 10, 31)),
        ("2022年10月底前", d(2022, 10, 31)),
        ("2022年10月", d(2022, 10, 31)),
        ("2022年9 月", d(2022, 9, 30)),
        ("2022年9月底", d(2022, 9, 30)),
        ("2022年底", d(2022, 12, 31)),
        ("2022年底前", d(2022, 12, 31)),
        ("2022 年底前", d(2022, 12, 31)),
        ("2022 年年底前", d(2022, 12, 31)),
        ("年底前", d(2022, 12, 31)),
        ("2023年3月", d(2023, 3, 31)),
        ("6月底前", d(2022, 6, 30)),
        ("2022年11月底", d(2022, 11, 30)),
        ("2022年11月", d(2022, 11, 30)),
        ("2022年5月底", d(2022, 5, 31)),
        ("2022年5月", d(2022, 5, 31)),
        ("2022年6月", d(2022, 6, 30)),
        ("2022年8月", d(2022, 8, 31)),
        ("2022年2月", d(2022, 2, 28)),
        ("2024年2月底", d(2024, 2, 29)),
        ("2022年12月", d(2022, 12, 31)),
        ("2022年12月15日前", d(2022, 12, 15)),
        ("十月底前", d(2022, 10, 31)),
        ("２０２２年１０月底", d(2022, 10, 31)),
    ];
    for (phrase, due) in cases {
        assert_eq!(dated_at(phrase), due, "{phrase}");
    }
}

#[test]
fn year_long() {
    assert_eq!(Deadline::parse("全年", 2022), Deadline::YearLong { due: d(2022, 12, 31) });
    assert_eq!(Deadline::parse("全年 ", 2023), Deadline::YearLong { due: d(2023, 12, 31) });
}

#[test]
fn continuous() {
    for p in ["全年持续推进", "持续推进", "长期坚持"] {
        assert_eq!(Deadline::parse(p, 2022), Deadline::Continuous, "{p}");
    }
}

#[test]
fn recurring() {
    assert_eq!(Deadline::parse("实时更新", 2022), Deadline::Recurring { cycle: Cycle::Realtime });
    assert_eq!(Deadline::parse("实时\n更新", 2022), Deadline::Recurring { cycle: Cycle::Realtime });
    assert_eq!(Deadline::parse("每月更新", 2022), Deadline::Recurring { cycle: Cycle::Monthly });
}

#[test]
fn event_driven() {
    assert_eq!(Deadline::parse("根据政策时限及时推进", 2022), Deadline::EventDriven);
}

#[test]
fn after_issue() {
    let dl = Deadline::parse("本工作要点印发30日内", 2022);
    assert_eq!(dl, Deadline::AfterIssue { days: 30 });
    assert_eq!(dl.due(Some(d(2022, 5, 24))), Some(d(2022, 6, 23)));
    assert_eq!(dl.due(None), None);
}

#[test]
fn unrecognised_is_kept_not_guessed() {
    for p in ["尽快", "2022年13月", "2022年2月30日", "下半年", "2022年10月中旬", "9999999999999999999999年"]
    {
        assert_eq!(Deadline::parse(p, 2022), Deadline::Unrecognised, "{p}");
    }
    assert_eq!(Deadline::parse("  ", 2022), Deadline::Unspecified);
}

#[test]
fn due_of_undated_kinds_is_none() {
    for p in ["持续推进", "每月更新", "根据政策时限及时推进", "尽快"] {
        assert_eq!(Deadline::parse(p, 2022).due(None), None, "{p}");
    }
}
