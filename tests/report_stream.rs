//! Reports whose rows are computed as they are written (`report::live`) against the same
//! report with every row built first (`report::build`): the same bytes in every format, the
//! same workbook cells, on a ledger with corrections, withdrawals, confirmations, late records
//! and hostile text. (The snapshots of tests/cli_report.rs hold the output from before rows
//! streamed, unchanged.)

use std::io::Write;
use std::path::Path;

use calamine::{Data, Range, Reader, open_workbook_auto};
use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;
use taizhang::ledger::{Ledger, RecordKind, Status, Update, id};
use taizhang::report::{self, Kind, Options, Rows, View};
use taizhang::{Lang, Plan, period};

const SEED_PLAN: &str = include_str!("../plans/zhongwei-2022.toml");

fn plan() -> Plan {
    Plan::parse(SEED_PLAN, Path::new("zhongwei-2022.toml")).expect("the seed plan parses").plan
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

/// Records for every assignment of `plan`, `seed` choosing what each says: updates (some
/// written late), confirmations, corrections and withdrawals, with hostile text now and then.
fn ledger(plan: &Plan, seed: u64) -> Ledger {
    let mut updates = Vec::new();
    let mut n = seed;
    let mut next = |m: u64| {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (n >> 33) % m
    };
    let statuses = [Status::NotStarted, Status::InProgress, Status::Done, Status::Ongoing, Status::Blocked, Status::Na];
    let notes = ["已发布\n政策解读", "进展\u{1b}[2J\u{202e}正常", "=cmd|' /C calc'!A0", "<b>&\"'</b>"];
    for task in &plan.tasks {
        for a in &task.assignees {
            let unit = &plan.units[a.unit].id;
            let mut mine: Vec<String> = Vec::new();
            for _ in 0..next(4) {
                let at = t("2022-03-01T09:00:00+08:00") + Duration::hours(next(24 * 280) as i64);
                let mut u = Update::new(&task.id, unit, at, statuses[next(6) as usize]);
                u.percent = (u.status != Status::Done && next(2) == 0).then(|| next(100) as u8);
                u.note = (next(3) > 0).then(|| notes[next(4) as usize].to_string());
                u.evidence = if next(4) == 0 { vec!["https://a.gov.cn/x?a=1&b=2".into()] } else { vec![] };
                u.recorded_at = (next(3) == 0).then(|| at + Duration::days(next(60) as i64));
                u.kind = match (mine.is_empty(), next(10)) {
                    (false, 0) => RecordKind::Correction { of: mine[next(mine.len() as u64) as usize].clone() },
                    (false, 1) => RecordKind::Withdrawal { of: mine[next(mine.len() as u64) as usize].clone() },
                    (_, 2) => RecordKind::NoChange,
                    _ => RecordKind::Progress,
                };
                u.id = id::derived(&u);
                if u.kind == RecordKind::Progress {
                    mine.push(u.id.clone());
                }
                updates.push(u);
            }
        }
    }
    Ledger::from_updates("unused".into(), updates)
}

/// Every text format of `v`, in both languages.
fn texts(v: &dyn View) -> Vec<String> {
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        out.push(report::txt::render(v, lang, 100, true));
        out.push(report::md::render(v, lang));
        out.push(report::csv::render(v, lang).expect("csv"));
        out.push(report::html::render(v, lang));
    }
    out.push(report::json::render(v, false).expect("json"));
    out.push(report::json::render(v, true).expect("json"));
    out
}

/// Every cell of every sheet of `v`'s workbook.
fn cells(v: &dyn View) -> Vec<(String, Range<Data>)> {
    let bytes = report::xlsx::render(v, Lang::Zh).expect("xlsx");
    let mut file = tempfile::Builder::new().suffix(".xlsx").tempfile().expect("temp file");
    file.write_all(&bytes).expect("written");
    let mut wb = open_workbook_auto(file.path()).expect("calamine opens it");
    wb.sheet_names().into_iter().map(|n| (n.clone(), wb.worksheet_range(&n).expect("sheet"))).collect()
}

/// The same report, kept whole and computed as written, for each kind.
fn each_kind(plan: &Plan, ledger: &Ledger, check: impl Fn(&dyn View, &dyn View, Rows)) {
    let periods = period::periods(&plan.meta);
    let unit = plan.find_unit("sczj").ok();
    for (kind, unit) in [(Kind::Summary, None), (Kind::Unit, unit), (Kind::Ledger, None), (Kind::Ledger, unit)] {
        for (p, as_of) in [(periods[1], None), (periods[0], "2022-05-01".parse().ok())] {
            let opts = Options { kind, period: p, as_of, at: None, unit };
            let built = report::build(plan, ledger, &opts);
            for rows in [Rows::Listed, Rows::Every] {
                check(&built, &report::live(plan, ledger, &opts, rows), rows);
            }
        }
    }
}

#[test]
fn streamed_text_is_byte_for_byte_the_built_reports() {
    let plan = plan();
    let ledger = ledger(&plan, 7);
    each_kind(&plan, &ledger, |built, live, rows| {
        assert_eq!(built.row_count(), live.row_count());
        assert_eq!(built.summary(), live.summary());
        assert_eq!(texts(built), texts(live), "{:?} {rows:?}", built.head().kind);
    });
}

#[test]
fn streamed_workbooks_hold_the_built_reports_cells() {
    let plan = plan();
    let ledger = ledger(&plan, 11);
    each_kind(&plan, &ledger, |built, live, rows| {
        if rows == Rows::Every {
            let (a, b) = (cells(built), cells(live));
            assert!(a[0].1.get_size().0 > 3, "the main sheet has rows");
            assert_eq!(a, b);
        }
    });
}

#[test]
fn rows_by_position_are_the_rows_in_order() {
    let plan = plan();
    let ledger = ledger(&plan, 3);
    let opts =
        Options { kind: Kind::Summary, period: period::periods(&plan.meta)[1], as_of: None, at: None, unit: None };
    let live = report::live(&plan, &ledger, &opts, Rows::Listed);
    let all: Vec<_> = live.rows().collect();
    assert_eq!(all.len(), live.row_count());
    for (n, r) in all.iter().enumerate().step_by(37) {
        assert_eq!(live.row(n).as_ref(), Some(r));
    }
    assert_eq!(live.row(all.len()), None);
    let s = live.summary();
    assert!(!s.overdue.is_empty() && !s.completed.is_empty(), "the fixture has both lists");
    assert!(s.overdue.iter().all(|&n| all[n].overdue));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn any_ledger_streams_as_it_builds(seed in any::<u64>()) {
        let plan = plan();
        let ledger = ledger(&plan, seed);
        each_kind(&plan, &ledger, |built, live, _| {
            assert_eq!(texts(built), texts(live));
        });
    }
}
