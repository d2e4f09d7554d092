//! Every table of every kind of report is one table: a header row, then rows of its length.

use std::path::Path;

use chrono::DateTime;

use super::{Table, write_table};
use crate::Lang;
use crate::ledger::{Ledger, RecordKind, Status, Update, id};
use crate::period::periods;
use crate::report::{Kind, Options, Report, build};

fn update(task: &str, unit: &str, at: &str, status: Status, note: &str) -> Update {
    let at = DateTime::parse_from_rfc3339(at).expect("time");
    let mut u = Update { note: Some(note.into()), percent: Some(30), ..Update::new(task, unit, at, status) };
    u.id = id::derived(&u);
    u
}

/// The report fixture's plan and a small ledger with a correction and a formula-like note.
fn report(kind: Kind) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/plan.toml");
    let plan = crate::Plan::load(&path).expect("plan").plan;
    let first = update("1", "a", "2022-05-10T10:00:00+08:00", Status::InProgress, "=1+1");
    let mut fix = update("1", "a", "2022-05-11T10:00:00+08:00", Status::InProgress, "改为 40%");
    fix.kind = RecordKind::Correction { of: first.id.clone() };
    fix.id = id::derived(&fix);
    let updates = vec![
        first,
        fix,
        update("2", "a", "2022-05-20T10:00:00+08:00", Status::Done, "已完成，见网站"),
        update("1", "b", "2022-03-01T10:00:00+08:00", Status::InProgress, "推进中"),
    ];
    let ledger = Ledger::from_updates("unused".into(), updates);
    let period = periods(&plan.meta)[1];
    let unit = (kind == Kind::Unit).then_some(0);
    build(&plan, &ledger, &Options { kind, period, as_of: None, at: None, unit })
}

/// The records of a CSV table (BOM gone), checked to be one table.
fn records(r: &Report, table: Table, lang: Lang) -> Vec<csv::StringRecord> {
    let mut out = Vec::new();
    write_table(r, lang, table, &mut out).expect("written");
    let text = String::from_utf8(out).expect("utf-8");
    let body = text.strip_prefix('\u{FEFF}').expect("a BOM");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows of one length");
    assert!(!rows.is_empty(), "{table:?}: a header row");
    rows
}

#[test]
fn every_table_is_one_header_and_rows_of_its_length() {
    for kind in [Kind::Summary, Kind::Unit, Kind::Ledger] {
        let r = report(kind);
        for &table in Table::of(kind) {
            for lang in [Lang::Zh, Lang::En] {
                let rows = records(&r, table, lang);
                let head = &rows[0];
                assert!(head.iter().all(|h| !h.is_empty()), "{kind:?} {table:?}: {head:?}");
                assert!(rows.iter().all(|row| row.len() == head.len()), "{kind:?} {table:?}");
            }
        }
    }
}

#[test]
fn tables_hold_what_they_say() {
    let s = report(Kind::Summary);
    let units = records(&s, Table::Units, Lang::Zh);
    assert_eq!(&units[0][0], "排名");
    assert_eq!(units.len(), 1 + s.summary.units.len());
    let totals = records(&s, Table::Totals, Lang::Zh);
    assert_eq!(totals.len(), 2);
    let rate = totals[0].iter().position(|h| h == "完成率").expect("a rate column");
    assert_eq!(&totals[1][rate], crate::report::percent(s.summary.totals.completion_rate));
    let not_reported = records(&s, Table::NotReported, Lang::Zh);
    let names: Vec<&str> = not_reported[1..].iter().map(|r| r.get(0).unwrap_or_default()).collect();
    assert_eq!(names, s.summary.not_reported);
    assert_eq!(records(&s, Table::Buckets, Lang::En).len(), 2);
    let overdue = records(&s, Table::Overdue, Lang::Zh);
    assert_eq!(overdue.len(), 1 + s.summary.overdue.len());

    let ledger = report(Kind::Ledger);
    let rows = records(&ledger, Table::Rows, Lang::Zh);
    assert_eq!(rows.len(), 1 + ledger.rows.len());
    assert!(rows.iter().all(|r| r.iter().all(|c| !c.starts_with('='))), "formulas neutralised");
    let trail = records(&ledger, Table::Trail, Lang::Zh);
    assert_eq!(trail.len(), 1 + ledger.trail.len());
    assert_eq!(ledger.trail.len(), 1, "the fixture has one correction");
    // Dates are ISO.
    assert!(rows[1..].iter().any(|r| r.iter().any(|c| c == "2022-06-30")), "{rows:?}");
}

#[test]
fn names_and_defaults() {
    let all: Vec<Table> = Table::SUMMARY.iter().chain(&Table::ROWS).copied().collect();
    let mut names: Vec<&str> = all.iter().map(|t| t.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len(), "names are unique");
    assert_eq!(Table::default_for(Kind::Summary), Table::Units);
    assert_eq!(Table::default_for(Kind::Ledger), Table::Rows);
    assert!(Table::Trail.fits(Kind::Unit) && !Table::Trail.fits(Kind::Summary));
    assert!(Table::Units.fits(Kind::Summary) && !Table::Units.fits(Kind::Ledger));
}
