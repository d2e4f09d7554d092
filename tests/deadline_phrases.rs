//! Deadline phrases as offices write them: every phrase of the five seed plans keeps the kind
//! and date it had before the parser learned trailing verbs, traditional script, quarterly
//! duties and compound phrases; a fixture plan of our own parses each such form; `check`
//! suggests a `due` in the plan's own year for a phrase it cannot read.

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "support/env.rs"]
mod env;

use chrono::NaiveDate;
use env::root;
use taizhang::Plan;
use taizhang::plan::{Cycle, Deadline, Problem};

fn load(path: PathBuf) -> taizhang::plan::Loaded {
    match Plan::load(&path) {
        Ok(l) => l,
        Err(e) => panic!("{}", e.render(taizhang::Lang::En)),
    }
}

const SEEDS: [&str; 5] = ["ningxiang-2022", "xianning-2022", "zhongfang-2022", "nanjing-2022", "zhongwei-2022"];

/// One line per seed task: plan, id, phrase, parsed deadline, due date. The snapshot was taken
/// with the parser as it was before issue 13 item 9; it must not change.
#[test]
fn seed_phrases_parse_as_before() {
    let mut out = String::new();
    for id in SEEDS {
        let plan = load(root().join("plans").join(format!("{id}.toml"))).plan;
        for t in &plan.tasks {
            let phrase = t.deadline_text.as_deref().unwrap_or("-").replace('\n', "\\n");
            let due = plan.due(t).map_or("-".to_string(), |d| d.to_string());
            writeln!(out, "{id} {} | {phrase} | {:?} | {due}", t.id, t.deadline).unwrap();
            for (n, c) in t.clauses.iter().enumerate() {
                let phrase = c.deadline_text.as_deref().unwrap_or("-");
                let due = c.due_override.or_else(|| c.deadline.due(plan.meta.issued));
                let due = due.map_or("-".to_string(), |d| d.to_string());
                writeln!(out, "{id} {} clause {} | {phrase} | {:?} | {due}", t.id, n + 1, c.deadline).unwrap();
            }
        }
    }
    insta::assert_snapshot!(out);
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/plans/deadline-phrases.toml")
}

/// The fixture plan (year 2021) written the way county offices write their deadlines: each
/// task's phrase, its parsed deadline and the due date the reports use.
#[test]
fn fixture_phrases_parse_to_their_kind_and_date_in_the_plan_year() {
    let plan = load(fixture()).plan;
    assert_eq!(plan.meta.year, 2021);
    let expected: [(&str, &str, Deadline, Option<NaiveDate>); 15] = [
        ("1", "6月底前完成", Deadline::Dated { due: d(2021, 6, 30) }, Some(d(2021, 6, 30))),
        ("2", "9月30日前完成", Deadline::Dated { due: d(2021, 9, 30) }, Some(d(2021, 9, 30))),
        ("3", "年底前完成", Deadline::Dated { due: d(2021, 12, 31) }, Some(d(2021, 12, 31))),
        ("4", "長期堅持", Deadline::Continuous, None),
        ("5", "持續推進", Deadline::Continuous, None),
        ("6", "年底前", Deadline::Dated { due: d(2021, 12, 31) }, Some(d(2021, 12, 31))),
        ("7", "每季度报送", Deadline::Recurring { cycle: Cycle::Quarterly }, None),
        ("8", "按季度", Deadline::Recurring { cycle: Cycle::Quarterly }, None),
        ("9", "6月底前完成，持续推进", Deadline::DatedThenContinuous { due: d(2021, 6, 30) }, Some(d(2021, 6, 30))),
        ("10", "10月底前完成并持续推进", Deadline::DatedThenContinuous { due: d(2021, 10, 31) }, Some(d(2021, 10, 31))),
        ("11", "2021年11月底前办结", Deadline::Dated { due: d(2021, 11, 30) }, Some(d(2021, 11, 30))),
        ("12", "次年1月31日前", Deadline::Dated { due: d(2022, 1, 31) }, Some(d(2022, 1, 31))),
        ("13", "三季度末完成", Deadline::Dated { due: d(2021, 9, 30) }, Some(d(2021, 9, 30))),
        ("14", "每週更新", Deadline::Recurring { cycle: Cycle::Weekly }, None),
        ("15", "6月中旬", Deadline::Unrecognised, None),
    ];
    assert_eq!(plan.tasks.len(), expected.len());
    for (id, phrase, deadline, due) in expected {
        let t = plan.task(id).unwrap_or_else(|| panic!("task {id}"));
        assert_eq!(t.deadline_text.as_deref(), Some(phrase), "task {id}");
        assert_eq!(t.deadline, deadline, "task {id}: {phrase}");
        assert_eq!(plan.due(t), due, "task {id}: {phrase}");
    }
}

/// The one phrase the fixture cannot read is warned about, with a `due` in 2021 (its plan
/// year), not in some other year.
#[test]
fn check_hint_suggests_a_due_in_the_plan_year() {
    let loaded = load(fixture());
    let unread: Vec<_> =
        loaded.warnings.iter().filter(|w| matches!(w.problem, Problem::UnparsedDeadline { .. })).collect();
    assert_eq!(unread.len(), 1, "{unread:?}");
    let zh = unread[0].render("deadline-phrases.toml", taizhang::Lang::Zh);
    assert!(zh.contains("任务 15 的时限 “6月中旬” 无法识别"), "{zh}");
    assert!(zh.contains("due = 2021-06-30"), "{zh}");
    let en = unread[0].render("deadline-phrases.toml", taizhang::Lang::En);
    assert!(en.contains("add due = 2021-06-30"), "{en}");
    assert!(!zh.contains("2022") && !en.contains("2022"), "{zh}\n{en}");
}

/// The same through the command line, as an office would run it.
#[test]
fn check_command_prints_the_hint_with_the_plan_year() {
    let out = env::taizhang()
        .current_dir(root())
        .env("TAIZHANG_TODAY", "2021-06-01")
        .args(["check", "tests/fixtures/plans/deadline-phrases.toml"])
        .output()
        .expect("the binary runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{text}");
    insta::assert_snapshot!(text);
}

/// "6月底前完成，持续推进" is judged by its date: on schedule before it, overdue when not done by
/// then (as the plain "6月底前完成" is), done when done; the ongoing part never makes it undated.
#[test]
fn dated_then_continuous_is_judged_by_its_date() {
    use taizhang::ledger::{Fact, Status};
    use taizhang::report::judge::{Bucket, Facts, bucket};
    let compound = Deadline::parse("6月底前完成，持续推进", 2021);
    let plain = Deadline::parse("6月底前完成", 2021);
    let cutoff = |day: NaiveDate| {
        day.and_hms_opt(23, 59, 59)
            .unwrap()
            .and_local_timezone(chrono::FixedOffset::east_opt(8 * 3600).unwrap())
            .unwrap()
    };
    let done = Fact { at: taizhang::ledger::order(cutoff(d(2021, 6, 1))), status: Status::Done, percent: None };
    let judge = |dl: &Deadline, as_of: NaiveDate, latest: Option<Fact>| {
        bucket(&Facts {
            deadline: dl,
            due: dl.due(None),
            latest,
            updated_in_period: false,
            start: d(2021, 4, 12),
            as_of,
            cutoff: cutoff(as_of),
            na_exempts: true,
        })
    };
    for dl in [&compound, &plain] {
        assert_eq!(judge(dl, d(2021, 5, 1), None), Bucket::Behind, "{dl:?}");
        assert_eq!(judge(dl, d(2021, 6, 30), None), Bucket::Behind, "{dl:?}");
        assert_eq!(judge(dl, d(2021, 7, 1), None), Bucket::Overdue, "{dl:?}");
        assert_eq!(judge(dl, d(2021, 7, 1), Some(done)), Bucket::Done, "{dl:?}");
    }
}

/// Every dated phrase of the seed plans keeps its date when an office adds "完成", and becomes
/// dated-then-continuous with the same date when it adds "，持续推进".
#[test]
fn seed_dated_phrases_with_a_verb_or_an_ongoing_tail_keep_their_date() {
    let mut seen = 0;
    for id in SEEDS {
        let plan = load(root().join("plans").join(format!("{id}.toml"))).plan;
        for t in &plan.tasks {
            let (Some(phrase), Deadline::Dated { due }) = (t.deadline_text.as_deref(), &t.deadline) else { continue };
            let year = plan.meta.year;
            assert_eq!(Deadline::parse(&format!("{phrase}完成"), year), t.deadline, "{id} {}: {phrase}完成", t.id);
            let tail = format!("{phrase}完成，持续推进");
            assert_eq!(
                Deadline::parse(&tail, year),
                Deadline::DatedThenContinuous { due: *due },
                "{id} {}: {tail}",
                t.id
            );
            seen += 1;
        }
    }
    assert!(seen > 30, "only {seen} dated seed phrases");
}
