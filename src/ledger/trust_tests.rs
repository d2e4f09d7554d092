//! A record means what it says: nothing-new and empty saves are refused, "no change" is an
//! explicit confirmation, corrections supersede without editing, the clock is honest, and a
//! directory holds one plan's ledger.

use std::path::Path;

use super::tests::{load, rec, save, setup, t, upd, wall};
use super::*;
use crate::clock::Clock;

const AT: &str = "2022-06-01T09:00:00+08:00";

#[test]
fn a_save_that_says_nothing_new_is_refused() {
    let (_tmp, p, dir) = setup();
    let first = upd("1", "czj", AT, Status::InProgress, "已发布3条");
    save(&p, &dir, first.clone(), Expect::Any).unwrap();
    let again = Update { at: t("2022-06-02T09:00:00+08:00"), ..first.clone() };
    let err = save(&p, &dir, again.clone(), Expect::Any).unwrap_err();
    assert!(matches!(err, LedgerError::NothingNew { .. }), "{err:?}");
    assert!(err.render(crate::Lang::Zh).contains("本期无新进展"), "the hint says what to do instead");
    // Another operator's name alone is not news either.
    let by_other = Update { by: Some("李四".into()), ..again.clone() };
    assert!(matches!(save(&p, &dir, by_other, Expect::Any), Err(LedgerError::NothingNew { .. })));
    // A changed percent is.
    save(&p, &dir, Update { percent: Some(40), ..again }, Expect::Any).unwrap();
}

#[test]
fn a_first_report_with_no_text_is_refused() {
    let (_tmp, p, dir) = setup();
    for blank in [None, Some(String::new()), Some("  \n ".to_string())] {
        let u = Update { note: blank, ..upd("1", "czj", AT, Status::Done, "") };
        let err = save(&p, &dir, u, Expect::Any).unwrap_err();
        assert!(matches!(err, LedgerError::EmptyFirst { .. }), "{err:?}");
    }
    assert!(!dir.join("czj.toml").exists(), "nothing written");
    // Evidence alone says something.
    let u = Update { note: None, evidence: vec!["https://a.gov.cn/1".into()], ..upd("1", "czj", AT, Status::Done, "") };
    save(&p, &dir, u, Expect::Any).unwrap();
}

#[test]
fn no_change_is_a_confirmation_that_keeps_the_state() {
    let (_tmp, p, dir) = setup();
    let first = Update { kind: RecordKind::NoChange, ..upd("1", "czj", AT, Status::NotStarted, "") };
    assert!(matches!(save(&p, &dir, first, Expect::Any), Err(LedgerError::NoChangeFirst { .. })));
    let u = Update { percent: Some(30), ..upd("1", "czj", AT, Status::InProgress, "已起草") };
    save(&p, &dir, u, Expect::Any).unwrap();
    let confirm = Update {
        kind: RecordKind::NoChange,
        note: None,
        ..upd("1", "czj", "2022-09-01T09:00:00+08:00", Status::NotStarted, "")
    };
    let saved = save(&p, &dir, confirm, Expect::Any).unwrap().update;
    // It carries the state it confirms, and the state stays the update's (text included).
    assert_eq!((saved.status, saved.percent), (Status::InProgress, Some(30)));
    let l = load(&p, &dir).unwrap().ledger;
    assert_eq!(l.latest("1", "czj").unwrap().note.as_deref(), Some("已起草"));
    assert_eq!(l.history("1", "czj").len(), 1);
    assert_eq!(l.trail("1", "czj").len(), 2);
    let text = std::fs::read_to_string(dir.join("czj.toml")).unwrap();
    assert!(text.contains("unchanged = true"), "{text}");
}

#[test]
fn a_correction_supersedes_at_the_corrected_time_and_a_withdrawal_removes() {
    let (_tmp, p, dir) = setup();
    let a =
        save(&p, &dir, Update { percent: Some(40), ..upd("1", "czj", AT, Status::InProgress, "四成") }, Expect::Any)
            .unwrap()
            .update;
    let b_at = "2022-07-01T09:00:00+08:00";
    let b =
        save(&p, &dir, Update { percent: Some(60), ..upd("1", "czj", b_at, Status::InProgress, "六成") }, Expect::Any)
            .unwrap()
            .update;
    let before = std::fs::read(dir.join("czj.toml")).unwrap();
    // Correct A (by a prefix of its id) on 07-05: it was really 30%.
    let fix = Update {
        percent: Some(30),
        kind: RecordKind::Correction { of: a.id[..6].to_string() },
        ..upd("1", "czj", "2022-07-05T09:00:00+08:00", Status::InProgress, "三成（更正）")
    };
    let saved = save(&p, &dir, fix, Expect::Any).unwrap().update;
    assert_eq!(saved.kind, RecordKind::Correction { of: a.id.clone() }, "stored with the full id");
    let after = std::fs::read(dir.join("czj.toml")).unwrap();
    assert_eq!(&after[..before.len()], &before[..], "nothing edited in place: the file only grew");
    let l = load(&p, &dir).unwrap().ledger;
    let june = l.as_of("1", "czj", t("2022-06-15T00:00:00+08:00")).unwrap();
    assert_eq!((june.percent, june.note.as_deref(), june.id.as_str()), (Some(30), Some("三成（更正）"), a.id.as_str()));
    assert_eq!(l.latest("1", "czj").unwrap().id, b.id);
    assert_eq!(l.corrections_of(&a.id).len(), 1);
    // Withdraw B: the state is A's, as corrected.
    let w = Update {
        kind: RecordKind::Withdrawal { of: b.id.clone() },
        ..upd("1", "czj", "2022-07-06T09:00:00+08:00", Status::NotStarted, "误报")
    };
    let w = save(&p, &dir, w, Expect::Any).unwrap().update;
    assert_eq!((w.status, w.percent), (Status::InProgress, Some(60)), "names what it withdraws");
    let l = load(&p, &dir).unwrap().ledger;
    assert_eq!(l.latest("1", "czj").unwrap().percent, Some(30));
    assert_eq!(l.history("1", "czj").len(), 1);
    assert_eq!(l.trail("1", "czj").len(), 4);
    // Withdrawn is withdrawn.
    let again = Update {
        kind: RecordKind::Withdrawal { of: b.id.clone() },
        ..upd("1", "czj", "2022-07-07T09:00:00+08:00", Status::NotStarted, "")
    };
    assert!(matches!(save(&p, &dir, again, Expect::Any), Err(LedgerError::Withdrawn { .. })));
}

#[test]
fn corrections_must_point_at_a_record_of_the_same_assignment() {
    let (_tmp, p, dir) = setup();
    let a = save_simple(&p, &dir, upd("1", "fgw", AT, Status::InProgress, "甲")).unwrap().update;
    let fix = |of: &str, task: &str| Update {
        kind: RecordKind::Correction { of: of.into() },
        ..upd(task, "fgw", "2022-06-02T09:00:00+08:00", Status::Done, "改")
    };
    let cases = [
        (fix("ffffffffffff", "1"), "NoSuchRecord"),
        (fix(&a.id[..3], "1"), "ShortRecordId"),
        (fix(&a.id, "2"), "OtherTask"),
        (fix("../x", "1"), "NoSuchRecord"),
    ];
    for (u, want) in cases {
        let err = save(&p, &dir, u, Expect::Any).unwrap_err();
        assert!(format!("{err:?}").starts_with(want), "{want}: {err:?}");
    }
    // The same content is not a correction.
    let same = Update { kind: RecordKind::Correction { of: a.id.clone() }, ..a.clone() };
    let same = Update { at: t("2022-06-02T09:00:00+08:00"), ..same };
    assert!(matches!(save(&p, &dir, same, Expect::Any), Err(LedgerError::NothingNew { .. })));
}

fn save_simple(p: &Plan, dir: &Path, u: Update) -> Result<Saved, LedgerError> {
    save(p, dir, u, Expect::Any)
}

#[test]
fn the_clock_is_honest() {
    let (_tmp, p, dir) = setup();
    // Real clock: recorded_at is the wall time; `at` may be set back within the window.
    let real = WriteOptions::new(Clock::real(wall()));
    let back = upd("1", "czj", "2026-11-10T09:00:00+08:00", Status::InProgress, "补记");
    let saved = append(&p, &dir, back, Expect::Any, &real).unwrap().update;
    assert_eq!(saved.recorded_at, Some(wall()));
    assert_eq!(saved.at, t("2026-11-10T09:00:00+08:00"));
    let too_early = upd("1", "czj", "2026-10-01T09:00:00+08:00", Status::Done, "太早");
    assert!(matches!(append(&p, &dir, too_early, Expect::Any, &real), Err(LedgerError::TooEarly { .. })));
    // Dated after the real clock: refused under a simulated clock too (`--today 2099-…`).
    let future = upd("1", "czj", "2099-01-01T09:00:00+08:00", Status::Done, "将来");
    let sim = WriteOptions::new(Clock::simulated(future.at, wall()));
    assert!(matches!(append(&p, &dir, future, Expect::Any, &sim), Err(LedgerError::Future { .. })));
    // A simulated clock writes no recorded_at.
    let saved = save_simple(&p, &dir, upd("1", "fgw", AT, Status::InProgress, "模拟")).unwrap().update;
    assert_eq!(saved.recorded_at, None);
}

#[test]
fn a_future_record_in_a_file_is_warned_about_with_its_line() {
    let (_tmp, p, dir) = setup();
    save_simple(&p, &dir, upd("1", "czj", AT, Status::InProgress, "今天")).unwrap();
    let path = dir.join("czj.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().count() + 2;
    text.push('\n');
    text.push_str(&rec(upd("1", "czj", "2099-01-01T09:00:00+08:00", Status::Done, "将来")));
    std::fs::write(&path, text).unwrap();
    let loaded = load(&p, &dir).unwrap();
    let warned = loaded.warnings.iter().find_map(|w| match w {
        LedgerWarning::Future { pos, .. } => Some(pos.line),
        _ => None,
    });
    assert_eq!(warned, Some(line));
    // As of now it counts for nothing.
    assert_eq!(loaded.ledger.as_of("1", "czj", wall()).unwrap().note.as_deref(), Some("今天"));
}

#[test]
fn one_directory_holds_one_plans_ledger() {
    let (tmp, p, dir) = setup();
    save_simple(&p, &dir, upd("1", "czj", AT, Status::InProgress, "甲计划")).unwrap();
    // Another plan with a unit of the same id, pointed at the same directory.
    let other =
        Plan::parse(&super::tests::PLAN.replace("demo-2022", "other-2023"), &tmp.path().join("o.toml")).unwrap().plan;
    let err = load(&other, &dir).unwrap_err();
    assert!(matches!(err, LedgerError::OtherPlan { .. }), "{err:?}");
    let err = save_simple(&other, &dir, upd("1", "czj", AT, Status::Done, "乙计划")).unwrap_err();
    assert!(matches!(err, LedgerError::OtherPlan { .. }), "{err:?}");
    // A unit with no file yet may not start one there either.
    let err = save_simple(&other, &dir, upd("1", "fgw", AT, Status::Done, "乙计划")).unwrap_err();
    assert!(matches!(err, LedgerError::OtherPlan { .. }), "{err:?}");
    assert!(err.render(crate::Lang::Zh).contains("--data"), "the hint says what to do");
    assert!(!dir.join("fgw.toml").exists());
}
