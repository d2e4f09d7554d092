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
    for p in ["全年持续推进", "持续推进", "长期坚持", "全年持续", "全年持续开展", "持续落实"]
    {
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

#[test]
fn trailing_verbs_are_read_as_the_date_in_the_plan_year() {
    let cases = [
        ("6月底完成", 2022, d(2022, 6, 30)),
        ("6月底前完成", 2022, d(2022, 6, 30)),
        ("6月底前完成", 2023, d(2023, 6, 30)),
        ("年底前完成", 2022, d(2022, 12, 31)),
        ("年底前完成", 2024, d(2024, 12, 31)),
        ("9月30日前完成", 2022, d(2022, 9, 30)),
        ("10月底前全面完成", 2022, d(2022, 10, 31)),
        ("11月15日前办结", 2022, d(2022, 11, 15)),
        ("2022年8月底前落实到位", 2022, d(2022, 8, 31)),
        ("于2022年9月底前完成", 2022, d(2022, 9, 30)),
        ("年内完成", 2022, d(2022, 12, 31)),
        ("2月底前完成", 2024, d(2024, 2, 29)),
    ];
    for (phrase, year, due) in cases {
        assert_eq!(Deadline::parse(phrase, year), Deadline::Dated { due }, "{phrase} in {year}");
    }
}

#[test]
fn year_boundaries() {
    // A named year wins over the plan year; 次年 is the year after the plan's.
    assert_eq!(Deadline::parse("2023年3月底前完成", 2022), Deadline::Dated { due: d(2023, 3, 31) });
    assert_eq!(Deadline::parse("次年3月底前", 2022), Deadline::Dated { due: d(2023, 3, 31) });
    assert_eq!(Deadline::parse("12月31日前完成", 2022), Deadline::Dated { due: d(2022, 12, 31) });
    assert_eq!(Deadline::parse("12月底前完成", 2022), Deadline::Dated { due: d(2022, 12, 31) });
    assert_eq!(Deadline::parse("1月底前完成", 2023), Deadline::Dated { due: d(2023, 1, 31) });
}

#[test]
fn quarters_as_deadlines_end_with_their_last_month() {
    let cases = [
        ("一季度", d(2022, 3, 31)),
        ("第二季度末", d(2022, 6, 30)),
        ("三季度末前完成", d(2022, 9, 30)),
        ("2022年第4季度", d(2022, 12, 31)),
    ];
    for (phrase, due) in cases {
        assert_eq!(dated_at(phrase), due, "{phrase}");
    }
    assert_eq!(Deadline::parse("第五季度", 2022), Deadline::Unrecognised);
}

#[test]
fn traditional_script_reads_as_simplified() {
    assert_eq!(Deadline::parse("長期堅持", 2022), Deadline::Continuous);
    assert_eq!(Deadline::parse("持續推進", 2022), Deadline::Continuous);
    assert_eq!(Deadline::parse("全年持續推進", 2022), Deadline::Continuous);
    assert_eq!(Deadline::parse("常態化開展", 2022), Deadline::Continuous);
    assert_eq!(Deadline::parse("年底前", 2022), Deadline::Dated { due: d(2022, 12, 31) });
    assert_eq!(Deadline::parse("2022年10月底前完成", 2022), Deadline::Dated { due: d(2022, 10, 31) });
    assert_eq!(Deadline::parse("9月30號前辦結", 2022), Deadline::Dated { due: d(2022, 9, 30) });
    assert_eq!(Deadline::parse("實時更新", 2022), Deadline::Recurring { cycle: Cycle::Realtime });
    assert_eq!(Deadline::parse("動態更新", 2022), Deadline::Recurring { cycle: Cycle::Realtime });
    assert_eq!(Deadline::parse("每週更新", 2022), Deadline::Recurring { cycle: Cycle::Weekly });
    assert_eq!(Deadline::parse("每季度報送", 2022), Deadline::Recurring { cycle: Cycle::Quarterly });
    assert_eq!(Deadline::parse("根據政策時限及時推進", 2022), Deadline::EventDriven);
    assert_eq!(Deadline::parse("本工作要點印發後30日內", 2022), Deadline::AfterIssue { days: 30 });
    assert_eq!(Deadline::parse("6月底前完成，持續推進", 2022), Deadline::DatedThenContinuous { due: d(2022, 6, 30) });
}

#[test]
fn quarterly_and_other_cycles() {
    let cases = [
        ("每季度", Cycle::Quarterly),
        ("每季度更新", Cycle::Quarterly),
        ("按季度", Cycle::Quarterly),
        ("按季度报送", Cycle::Quarterly),
        ("每季通报", Cycle::Quarterly),
        ("每月", Cycle::Monthly),
        ("按月更新", Cycle::Monthly),
        ("每周更新", Cycle::Weekly),
        ("每半年", Cycle::HalfYearly),
        ("每年更新", Cycle::Yearly),
    ];
    for (phrase, cycle) in cases {
        assert_eq!(Deadline::parse(phrase, 2022), Deadline::Recurring { cycle }, "{phrase}");
    }
    // A cycle followed by something that is not a duty is not guessed at.
    assert_eq!(Deadline::parse("每季度第一个月", 2022), Deadline::Unrecognised);
    assert_eq!(Cycle::Weekly.max_gap_days(), 7);
}

#[test]
fn dated_then_continuous() {
    let june = Deadline::DatedThenContinuous { due: d(2022, 6, 30) };
    for p in [
        "6月底前完成，持续推进",
        "6月底前完成,持续推进",
        "6月底前完成并持续推进",
        "6月底前完成，此后长期坚持",
        "6月底前；持续推进。",
    ] {
        assert_eq!(Deadline::parse(p, 2022), june, "{p}");
    }
    let dl = Deadline::parse("10月底前完成并持续推进", 2023);
    assert_eq!(dl, Deadline::DatedThenContinuous { due: d(2023, 10, 31) });
    assert_eq!(dl.due(None), Some(d(2023, 10, 31)));
    assert_eq!(dl.kind(), "dated_then_continuous");
    assert_eq!(Deadline::parse("年底前完成，长期坚持", 2022), Deadline::DatedThenContinuous { due: d(2022, 12, 31) });
    // Only a date followed by an ongoing duty is a compound; anything else stays unread.
    for p in ["持续推进，6月底前完成", "6月底前完成，尽快", "6月底前完成，每月更新", "全年，持续推进", "，持续推进"]
    {
        assert_eq!(Deadline::parse(p, 2022), Deadline::Unrecognised, "{p}");
    }
}

#[test]
fn suggested_due_is_in_the_plan_year() {
    assert_eq!(Deadline::suggested_due("6月中旬", 2022), Some(d(2022, 6, 30)));
    assert_eq!(Deadline::suggested_due("六月中旬", 2021), Some(d(2021, 6, 30)));
    assert_eq!(Deadline::suggested_due("尽快", 2023), Some(d(2023, 12, 31)));
    assert_eq!(Deadline::suggested_due("下半年", 2021), Some(d(2021, 12, 31)));
    assert_eq!(Deadline::suggested_due("2023年10月中旬", 2022), Some(d(2023, 10, 31)));
    assert_eq!(Deadline::suggested_due("2022年13月", 2022), Some(d(2022, 12, 31)));
}
