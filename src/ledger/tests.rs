//! Ledger behaviour on a small plan: appends, queries, stale saves, refusals, merge.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::clock::Clock;
use crate::plan::Plan;

pub(crate) const PLAN: &str = r#"
[plan]
id = "demo-2022"
title = "示例"
issuer = "示例"
year = 2022

[[unit]]
id = "czj"
name = "市财政局"

[[unit]]
id = "fgw"
name = "市发展改革委"

[[task]]
id = "1"
content = "甲。"
units = ["市财政局", "市发展改革委"]

[[task]]
id = "2"
content = "乙。"
units = ["市发展改革委"]
"#;

pub(crate) fn plan(dir: &Path) -> Plan {
    Plan::parse(PLAN, &dir.join("demo-2022.toml")).unwrap().plan
}

/// A temp directory with the plan in it, and the plan's default ledger directory.
pub(super) fn setup() -> (tempfile::TempDir, Plan, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let p = plan(tmp.path());
    let dir = default_dir(&p);
    (tmp, p, dir)
}

pub(super) fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// The real time the tests run at (records may not be dated after it).
pub(super) fn wall() -> DateTime<FixedOffset> {
    t("2026-11-23T10:00:00+08:00")
}

pub(super) fn upd(task: &str, unit: &str, at: &str, status: Status, note: &str) -> Update {
    Update { by: Some("张三".into()), note: Some(note.into()), ..Update::new(task, unit, t(at), status) }
}

/// `u` as a record text, with the id derived from its content.
pub(super) fn rec(u: Update) -> String {
    record(&Update { id: id::derived(&u), ..u }).unwrap()
}

/// Appends `u` under a simulated clock set to its own time (as `mark --today` does).
pub(super) fn save(p: &Plan, dir: &Path, u: Update, expect: Expect) -> Result<Saved, LedgerError> {
    let opts = WriteOptions::new(Clock::simulated(u.at, wall()));
    append(p, dir, u, expect, &opts)
}

pub(super) fn load(p: &Plan, dir: &Path) -> Result<LoadedLedger, LedgerError> {
    Ledger::load(p, dir, wall())
}

fn merge_in(p: &Plan, dir: &Path, file: &Path) -> Result<Merged, LedgerError> {
    merge(p, dir, file, &WriteOptions::new(Clock::real(wall())), false)
}

#[test]
fn appends_are_read_back_with_history_latest_and_as_of() {
    let (tmp, p, dir) = setup();
    assert_eq!(dir, tmp.path().join("demo-2022.progress"));
    save(&p, &dir, upd("1", "czj", "2022-06-10T23:59:59+08:00", Status::InProgress, "一"), Expect::Any).unwrap();
    save(&p, &dir, upd("1", "czj", "2022-06-11T00:00:00+08:00", Status::Done, "二"), Expect::Any).unwrap();
    // Recorded later but dated earlier (a back-dated --today): ordered by time, not file order.
    save(&p, &dir, upd("1", "czj", "2022-05-01T09:00:00+08:00", Status::NotStarted, "零"), Expect::Any).unwrap();
    let l = load(&p, &dir).unwrap().ledger;
    let notes: Vec<&str> = l.history("1", "czj").iter().map(|u| u.note.as_deref().unwrap()).collect();
    assert_eq!(notes, ["零", "一", "二"]);
    assert_eq!(l.latest("1", "czj").unwrap().status, Status::Done);
    let end_of_june_10 = t("2022-06-10T23:59:59.999999999+08:00");
    assert_eq!(l.as_of("1", "czj", end_of_june_10).unwrap().note.as_deref(), Some("一"));
    assert_eq!(l.as_of("1", "czj", t("2022-06-11T00:00:00+08:00")).unwrap().note.as_deref(), Some("二"));
    assert!(l.as_of("1", "czj", t("2022-04-30T00:00:00+08:00")).is_none());
    assert!(l.latest("1", "fgw").is_none());
    assert!(dir.join("czj.toml").exists() && !dir.join("fgw.toml").exists());
}

#[test]
fn same_moment_later_record_wins() {
    let (_tmp, p, dir) = setup();
    for note in ["a", "b", "c"] {
        save(&p, &dir, upd("2", "fgw", "2022-06-01T12:00:00+08:00", Status::InProgress, note), Expect::Any).unwrap();
    }
    let l = load(&p, &dir).unwrap().ledger;
    assert_eq!(l.latest("2", "fgw").unwrap().note.as_deref(), Some("c"));
}

#[test]
fn stale_save_is_reported_not_applied() {
    let (_tmp, p, dir) = setup();
    let first = upd("1", "fgw", "2022-06-01T09:00:00+08:00", Status::InProgress, "A 看到的");
    let first = save(&p, &dir, first, Expect::Latest(None)).unwrap().update;
    // B opened the form when there was no update, and saves after A.
    let b = upd("1", "fgw", "2022-06-01T09:05:00+08:00", Status::Done, "B 的");
    match save(&p, &dir, b.clone(), Expect::Latest(None)) {
        Err(LedgerError::Stale { current }) => assert_eq!(*current, first),
        other => panic!("{other:?}"),
    }
    let l = load(&p, &dir).unwrap().ledger;
    assert_eq!(l.history("1", "fgw").len(), 1);
    // Having seen A's update, B saves.
    save(&p, &dir, b, Expect::Latest(Some(Box::new(first)))).unwrap();
    assert_eq!(load(&p, &dir).unwrap().ledger.history("1", "fgw").len(), 2);
}

#[test]
fn refusals_name_the_problem() {
    let (_tmp, p, dir) = setup();
    let at = "2022-06-01T09:00:00+08:00";
    let err = save(&p, &dir, upd("9", "czj", at, Status::Done, ""), Expect::Any).unwrap_err();
    assert!(matches!(err, LedgerError::UnknownTask { .. }), "{err:?}");
    let err = save(&p, &dir, upd("2", "czj", at, Status::Done, ""), Expect::Any).unwrap_err();
    assert!(matches!(&err, LedgerError::NotAssigned { assigned, .. } if assigned == &["市发展改革委"]), "{err:?}");
    let mut u = upd("1", "czj", at, Status::Done, "");
    u.percent = Some(60);
    assert!(matches!(save(&p, &dir, u.clone(), Expect::Any), Err(LedgerError::DoneNotFull { percent: 60 })));
    u.status = Status::InProgress;
    u.percent = Some(101);
    assert!(matches!(save(&p, &dir, u, Expect::Any), Err(LedgerError::BadPercent { percent: 101 })));
    assert!(!dir.join("czj.toml").exists(), "nothing written");
}

#[test]
fn hostile_unit_ids_cannot_name_files() {
    let dir = Path::new("/tmp/x");
    for id in ["../etc/passwd", "a/b", "..", ".", "", "a\0b", "a\u{1b}b", "市财政局", "A", "-rf"] {
        assert!(matches!(unit_file(dir, id), Err(LedgerError::BadUnitId { .. })), "{id:?}");
    }
    assert_eq!(unit_file(dir, "czj").unwrap(), dir.join("czj.toml"));
}

#[test]
fn corrupted_file_is_refused_and_left_untouched() {
    let (_tmp, p, dir) = setup();
    save(&p, &dir, upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::InProgress, "好的"), Expect::Any).unwrap();
    let path = dir.join("czj.toml");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"\n[[update]]\ntask = \"1\nunit = \n");
    std::fs::write(&path, &bytes).unwrap();
    let err =
        save(&p, &dir, upd("1", "czj", "2022-06-02T09:00:00+08:00", Status::Done, "新"), Expect::Any).unwrap_err();
    match &err {
        LedgerError::Parse { pos: Some(pos), .. } => assert!(pos.line > 5, "{pos:?}"),
        other => panic!("{other:?}"),
    }
    assert!(err.render(crate::Lang::Zh).contains("czj.toml:"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(load(&p, &dir).is_err());
}

#[test]
fn a_record_of_another_unit_is_refused() {
    let (_tmp, p, dir) = setup();
    std::fs::create_dir_all(&dir).unwrap();
    let rec = rec(upd("1", "fgw", "2022-06-01T09:00:00+08:00", Status::Done, "x"));
    std::fs::write(dir.join("czj.toml"), &rec).unwrap();
    assert!(matches!(load(&p, &dir), Err(LedgerError::WrongUnit { .. })));
}

#[test]
fn merge_is_idempotent_and_refuses_foreign_records() {
    let tmp = tempfile::tempdir().unwrap();
    let p = plan(tmp.path());
    let remote = tmp.path().join("remote");
    let office = tmp.path().join("office");
    save(&p, &remote, upd("1", "fgw", "2022-06-01T09:00:00+08:00", Status::InProgress, "远程一"), Expect::Any).unwrap();
    save(&p, &remote, upd("2", "fgw", "2022-06-02T09:00:00+08:00", Status::Done, "远程二"), Expect::Any).unwrap();
    save(&p, &office, upd("1", "fgw", "2022-06-01T09:00:00+08:00", Status::InProgress, "远程一"), Expect::Any).unwrap();
    // A dry run says what would come in, and creates and writes nothing.
    let try_in = |dir: &Path| merge(&p, dir, &remote.join("fgw.toml"), &WriteOptions::new(Clock::real(wall())), true);
    let dry = try_in(&office).unwrap();
    assert_eq!((dry.added, dry.already), (1, 1));
    assert_eq!(load(&p, &office).unwrap().ledger.len(), 1);
    let fresh = tmp.path().join("fresh");
    assert_eq!(try_in(&fresh).unwrap().added, 2);
    assert!(!fresh.exists());
    // A directory that is another plan's is refused by a dry run as by a merge.
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("czj.toml"), file::header("县财政局", "czj", "another-plan")).unwrap();
    assert!(matches!(try_in(&other), Err(LedgerError::OtherPlan { .. })), "{:?}", try_in(&other));
    assert!(matches!(merge_in(&p, &other, &remote.join("fgw.toml")), Err(LedgerError::OtherPlan { .. })));
    let m = merge_in(&p, &office, &remote.join("fgw.toml")).unwrap();
    assert_eq!((m.added, m.already, m.unit.as_str()), (1, 1, "fgw"));
    let again = merge_in(&p, &office, &remote.join("fgw.toml")).unwrap();
    assert_eq!((again.added, again.already), (0, 2));
    assert_eq!(load(&p, &office).unwrap().ledger.len(), 2);

    let mixed = tmp.path().join("mixed.toml");
    let text = rec(upd("1", "fgw", "2022-06-01T09:00:00+08:00", Status::Done, "a"))
        + &rec(upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::Done, "b"));
    std::fs::write(&mixed, text).unwrap();
    assert!(matches!(merge_in(&p, &office, &mixed), Err(LedgerError::MixedUnits { .. })));
    let renamed = tmp.path().join("czj.toml");
    std::fs::copy(remote.join("fgw.toml"), &renamed).unwrap();
    assert!(matches!(merge_in(&p, &office, &renamed), Err(LedgerError::WrongUnit { .. })));
    assert_eq!(load(&p, &office).unwrap().ledger.len(), 2);
}

#[cfg(unix)]
#[test]
fn mode_is_kept_and_temps_are_cleaned() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, p, dir) = setup();
    save(&p, &dir, upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::InProgress, "a"), Expect::Any).unwrap();
    let path = dir.join("czj.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::write(dir.join(".czj.toml.999.0.tmp"), "half-written").unwrap();
    save(&p, &dir, upd("1", "czj", "2022-06-02T09:00:00+08:00", Status::InProgress, "b"), Expect::Any).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    assert!(!dir.join(".czj.toml.999.0.tmp").exists());
}

#[test]
fn file_is_human_readable() {
    let (_tmp, p, dir) = setup();
    let mut u = upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::InProgress, "第一行\n第二行");
    u.percent = Some(40);
    u.evidence = vec!["https://www.example.gov.cn/a.html".into()];
    save(&p, &dir, u, Expect::Any).unwrap();
    let text = std::fs::read_to_string(dir.join("czj.toml")).unwrap();
    assert!(text.starts_with("# 工作台账"), "{text}");
    assert!(text.contains("plan = \"demo-2022\"\nunit = \"czj\"\n\n[[update]]\nid = \""), "{text}");
    assert!(text.contains("\ntask = \"1\"\nunit = \"czj\"\nat = 2022-06-01T09:00:00+08:00\nby = \"张三\"\n"), "{text}");
    assert!(text.contains("status = \"in_progress\"\npercent = 40\n"), "{text}");
    assert!(text.contains("第一行\n第二行"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_symlinked_unit_file_is_written_beside_its_target() {
    let (tmp, p, dir) = setup();
    let own = tmp.path().join("units/czj");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("../units/czj/czj.toml", dir.join("czj.toml")).unwrap();
    // A link to nothing is refused: nothing is ever created through a link.
    let err = save(&p, &dir, upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::InProgress, "a"), Expect::Any);
    assert!(matches!(err, Err(LedgerError::DanglingLink { .. })), "{err:?}");
    assert!(!own.join("czj.toml").exists());
    // The administrator creates the unit's (empty) file, as docs/ledger-format.md says.
    std::fs::write(own.join("czj.toml"), "").unwrap();
    for note in ["a", "b"] {
        save(&p, &dir, upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::InProgress, note), Expect::Any).unwrap();
    }
    assert!(std::fs::symlink_metadata(dir.join("czj.toml")).unwrap().file_type().is_symlink());
    assert!(own.join("czj.toml").is_file() && own.join(".czj.lock").is_file());
    assert!(!dir.join(".czj.lock").exists());
    assert_eq!(load(&p, &dir).unwrap().ledger.history("1", "czj").len(), 2);
}

#[test]
fn a_load_of_states_only_agrees_with_the_full_ledger() {
    let (_tmp, p, dir) = setup();
    save(&p, &dir, upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::InProgress, "一"), Expect::Any).unwrap();
    let first = save(&p, &dir, upd("1", "fgw", "2022-06-02T09:00:00+08:00", Status::Blocked, "乙"), Expect::Any);
    save(&p, &dir, upd("2", "fgw", "2022-07-01T09:00:00+08:00", Status::Done, "丙"), Expect::Any).unwrap();
    let fix = Update {
        kind: RecordKind::Correction { of: first.unwrap().update.id },
        ..upd("1", "fgw", "2022-06-03T09:00:00+08:00", Status::InProgress, "乙（更正）")
    };
    save(&p, &dir, fix, Expect::Any).unwrap();
    let full = load(&p, &dir).unwrap().ledger;
    for at in ["2022-06-02T12:00:00+08:00", "2022-06-30T00:00:00+08:00", "2022-12-31T00:00:00+08:00"] {
        let opts = LoadOptions { states_at: Some(t(at)), ..LoadOptions::new(wall()) };
        let states = Ledger::open(&p, &dir, &opts).unwrap().ledger;
        for (task, unit) in [("1", "czj"), ("1", "fgw"), ("2", "fgw")] {
            assert_eq!(states.as_of(task, unit, t(at)), full.as_of(task, unit, t(at)), "{task} {unit} {at}");
        }
        assert!(states.len() <= 3, "one record per assignment at most");
    }
}

#[test]
fn the_entry_a_save_leaves_in_the_cache_is_what_a_parse_of_the_file_gives() {
    let (tmp, p, dir) = setup();
    let cache = crate::cache::Cache::new(tmp.path().join("cache"));
    let path = dir.join("czj.toml");
    let notes = ["一", "二\n第二行 \"引号\"", "三"];
    for (k, note) in notes.iter().enumerate() {
        let u = upd("1", "czj", &format!("2022-06-0{}T09:00:00+08:00", k + 1), Status::InProgress, note);
        let opts = WriteOptions { cache: Some(&cache), ..WriteOptions::new(Clock::simulated(u.at, wall())) };
        append(&p, &dir, u, Expect::Any, &opts).unwrap();
        let stamp = crate::cache::Stamp::of(&path).unwrap();
        let hit = cache.get(&path, &stamp, wall(), None).expect("the save left an entry");
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = parse_located(&text, &path, Some("czj")).unwrap();
        assert_eq!(crate::cache::to_parsed(&hit, &path), Some(parsed), "after save {k}");
    }
    // A hand edit that keeps the stamp's size: the entry is for other bytes, so it is not used.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("三", "叁")).unwrap();
    let stamp = crate::cache::Stamp::of(&path).unwrap();
    assert!(cache.get(&path, &stamp, wall(), None).is_none());
    assert_eq!(load(&p, &dir).unwrap().ledger.latest("1", "czj").unwrap().note.as_deref(), Some("叁"));
}

#[test]
fn a_unit_last_reported_with_its_latest_update_or_confirmation_by_the_cutoff() {
    let nothing = |at: &str| Update { kind: RecordKind::NoChange, ..upd("1", "czj", at, Status::InProgress, "") };
    let fix =
        |at: &str| Update { kind: RecordKind::Correction { of: "x".into() }, ..upd("1", "czj", at, Status::Done, "") };
    let records = vec![
        upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::InProgress, "一"),
        // The same moment twice, written in two offsets: the first in file order is the one shown.
        nothing("2022-06-05T09:00:00+08:00"),
        upd("2", "czj", "2022-06-05T01:00:00+00:00", Status::InProgress, "同一时刻"),
        fix("2022-06-07T09:00:00+08:00"),
        upd("1", "fgw", "2022-06-08T09:00:00+08:00", Status::Done, "别的单位"),
        upd("1", "czj", "2022-06-20T09:00:00+08:00", Status::Done, "截止之后"),
    ];
    let l = Ledger::from_updates("/d".into(), records.clone());
    // What a scan of every record in file order finds.
    let scan = |unit: &str, cutoff: DateTime<FixedOffset>| {
        let reports = records.iter().filter(|u| u.unit == unit && u.at <= cutoff);
        let reports = reports.filter(|u| matches!(u.kind, RecordKind::Progress | RecordKind::NoChange));
        reports.fold(None, |best: Option<DateTime<FixedOffset>>, u| match best {
            Some(b) if b >= u.at => Some(b),
            _ => Some(u.at),
        })
    };
    for cutoff in [
        "2022-05-01T00:00:00+08:00",
        "2022-06-05T09:00:00+08:00",
        "2022-06-10T00:00:00+08:00",
        "2023-01-01T00:00:00+08:00",
    ] {
        for unit in ["czj", "fgw", "nobody"] {
            let found = l.last_report(unit, t(cutoff));
            assert_eq!(found, scan(unit, t(cutoff)), "{unit} by {cutoff}");
            assert_eq!(found.map(|f| f.to_rfc3339()), scan(unit, t(cutoff)).map(|f| f.to_rfc3339()));
        }
    }
    assert_eq!(l.last_report("czj", t("2022-06-10T00:00:00+08:00")).unwrap().to_rfc3339(), "2022-06-05T09:00:00+08:00");
}

#[test]
fn records_of_assignments_the_plan_does_not_have_are_named_once_each() {
    let (_tmp, p, dir) = setup();
    std::fs::create_dir_all(&dir).unwrap();
    let text: String = [
        upd("2", "czj", "2022-06-01T09:00:00+08:00", Status::Done, "不是本单位的任务"),
        upd("9", "czj", "2022-06-01T09:00:00+08:00", Status::Done, "计划中没有的任务"),
        upd("1", "czj", "2022-06-01T09:00:00+08:00", Status::Done, "本单位的任务"),
        upd("9", "czj", "2022-06-02T09:00:00+08:00", Status::Done, "又一条"),
    ]
    .into_iter()
    .map(rec)
    .collect();
    std::fs::write(dir.join("czj.toml"), text).unwrap();
    let loaded = load(&p, &dir).unwrap();
    let odd: Vec<(String, String)> = (loaded.warnings.iter())
        .filter_map(|w| match w {
            LedgerWarning::Unassigned { task, unit } => Some((task.clone(), unit.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(odd, [("2".to_string(), "czj".to_string()), ("9".to_string(), "czj".to_string())]);
}
