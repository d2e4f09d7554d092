//! The generator: counts per scale, every deadline kind, determinism, a ledger that loads
//! without a warning, records that `mark` itself would accept (replayed through
//! `ledger::append`), and refusing to overwrite.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::*;
use crate::clock::Clock;
use crate::ledger::{self, Expect, Ledger, RecordKind, Status, Update, WriteOptions};
use crate::plan::responsible::parse_responsible;

fn wall() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+08:00").unwrap()
}

fn city() -> (tempfile::TempDir, Generated) {
    let tmp = tempfile::tempdir().unwrap();
    let made = generate(Scale::City, 1, tmp.path(), false).unwrap();
    (tmp, made)
}

fn plan_of(scale: Scale, seed: u64) -> crate::Plan {
    let made = plan::make(scale, seed);
    let loaded = crate::Plan::parse(&made.text, Path::new("gen.toml")).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.plan
}

#[test]
fn plans_have_the_sizes_of_the_table_and_every_deadline_kind() {
    for scale in Scale::ALL {
        let spec = scale.spec();
        let plan = plan_of(scale, 1);
        assert_eq!(plan.tasks.len(), spec.tasks, "{scale:?}");
        assert_eq!(plan.units.len(), spec.units(), "{scale:?}");
        let assignments: usize = plan.tasks.iter().map(|t| t.assignees.len()).sum();
        assert_eq!(assignments, spec.assignments(), "{scale:?}");
        let kinds: HashSet<&str> = plan.tasks.iter().map(|t| t.deadline.kind()).collect();
        for kind in ["dated", "year_long", "continuous", "recurring", "event_driven", "after_issue", "unspecified"] {
            assert!(kinds.contains(kind), "{scale:?} has no {kind} deadline");
        }
        assert!(plan.tasks.iter().any(|t| t.assignees.iter().any(|a| a.role == crate::plan::Role::Lead)));
        assert!(plan.groups.iter().all(|g| g.listed && !g.members.is_empty()));
    }
    assert_eq!((Scale::Extreme.spec().assignments(), Scale::Extreme.spec().records()), (50_000, 200_000));
    assert_eq!((Scale::Province.spec().assignments(), Scale::Province.spec().records()), (6_000, 24_000));
}

#[test]
fn responsible_cells_read_back_as_the_listed_units() {
    let plan = plan_of(Scale::Province, 3);
    let known = |name: &str| plan.lookup(name).is_some();
    for task in &plan.tasks {
        let cell = parse_responsible(task.responsible.as_deref().unwrap(), &known);
        let names =
            |list: &[crate::plan::Target]| list.iter().map(|&t| plan.target_name(t).to_string()).collect::<Vec<_>>();
        let canonical = |list: Vec<String>| {
            list.iter().map(|n| plan.target_name(plan.lookup(n).unwrap()).to_string()).collect::<Vec<_>>()
        };
        assert_eq!(canonical(cell.lead), names(&task.lead), "task {}", task.id);
        assert_eq!(canonical(cell.units), names(&task.units), "task {}", task.id);
        assert_eq!(canonical(cell.assist), names(&task.assist), "task {}", task.id);
    }
}

#[test]
fn a_seed_gives_the_same_bytes_and_another_seed_others() {
    let (a, b, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    generate(Scale::City, 7, a.path(), false).unwrap();
    generate(Scale::City, 7, b.path(), false).unwrap();
    generate(Scale::City, 8, c.path(), false).unwrap();
    let read = |d: &Path, f: &str| std::fs::read(d.join(f)).unwrap();
    for f in ["city-2025.toml", "city-2025.progress/sczj.toml", "city-2025.progress/szfb.toml"] {
        assert_eq!(read(a.path(), f), read(b.path(), f), "{f}");
        assert_ne!(read(a.path(), f), read(c.path(), f), "{f}");
    }
}

#[test]
fn the_city_ledger_loads_without_a_warning_and_says_everything_a_ledger_can() {
    let (_tmp, made) = city();
    assert_eq!((made.tasks, made.units, made.assignments, made.records), (50, 30, 1_500, 6_000));
    let plan = crate::Plan::load(&made.plan).unwrap().plan;
    let loaded = Ledger::load(&plan, &made.ledger, wall()).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings.first());
    let records: Vec<&Update> = loaded.ledger.records().collect();
    assert_eq!(records.len(), 6_000);
    let mut per: HashMap<(&str, &str), usize> = HashMap::new();
    for r in &records {
        *per.entry((&r.task, &r.unit)).or_default() += 1;
    }
    assert_eq!(per.len(), 1_500);
    assert!(per.values().all(|&n| (2..=6).contains(&n)));
    let kind = |f: &dyn Fn(&Update) -> bool| records.iter().filter(|r| f(r)).count();
    assert!(kind(&|r| r.kind == RecordKind::NoChange) > 100);
    assert!(kind(&|r| matches!(r.kind, RecordKind::Correction { .. })) > 10);
    for s in [Status::NotStarted, Status::InProgress, Status::Done, Status::Ongoing, Status::Blocked, Status::Na] {
        assert!(kind(&|r| r.status == s) > 0, "no {s:?}");
    }
    assert!(kind(&|r| r.recorded_at.is_some_and(|w| w > r.at)) > 300, "backdated and late records");
    assert!(kind(&|r| !r.evidence.is_empty()) > 1000);
}

/// The records of a sample of assignments (those with corrections and withdrawals, and every
/// unit's share of one task), written again through `ledger::append` (what `mark` calls) in
/// file order, each at its own `recorded_at`: all are accepted, and the states come out the same.
#[test]
fn mark_would_have_written_these_records() {
    let (_tmp, made) = city();
    let plan = crate::Plan::load(&made.plan).unwrap().plan;
    let original = Ledger::load(&plan, &made.ledger, wall()).unwrap().ledger;
    let sample = sample(&original);
    let replay = tempfile::tempdir().unwrap();
    let mut new_ids: HashMap<String, String> = HashMap::new();
    for unit in &plan.units {
        let path = made.ledger.join(format!("{}.toml", unit.id));
        let text = std::fs::read_to_string(&path).unwrap();
        let records = ledger::parse_file(&text, &path, Some(&unit.id)).unwrap();
        for r in records.into_iter().filter(|r| sample.contains(&(r.task.clone(), r.unit.clone()))) {
            let clock = Clock::simulated(r.recorded_at.unwrap(), wall());
            let mut u = Update { id: String::new(), ..r.clone() };
            u.kind = match &r.kind {
                RecordKind::Correction { of } => RecordKind::Correction { of: new_ids[of].clone() },
                RecordKind::Withdrawal { of } => RecordKind::Withdrawal { of: new_ids[of].clone() },
                k => k.clone(),
            };
            let saved = ledger::append(&plan, replay.path(), u, Expect::Any, &WriteOptions::new(clock))
                .unwrap_or_else(|e| panic!("{} {}: {e:?}", unit.id, r.id));
            new_ids.insert(r.id.clone(), saved.update.id);
        }
    }
    let replayed = Ledger::load(&plan, replay.path(), wall()).unwrap().ledger;
    for (task, unit) in &sample {
        let (a, b) = (original.latest(task, unit).unwrap(), replayed.latest(task, unit).unwrap());
        assert!(a.same_content(b) && a.at == b.at, "{task} {unit}");
        assert_eq!(original.trail(task, unit).len(), replayed.trail(task, unit).len());
    }
    assert!(new_ids.len() >= 100, "{}", new_ids.len());
}

/// Assignments with a correction (6), a withdrawal (4), and every unit's share of task 2.
fn sample(ledger: &Ledger) -> HashSet<(String, String)> {
    let key = |r: &Update| (r.task.clone(), r.unit.clone());
    let of = |f: fn(&RecordKind) -> bool, n| ledger.records().filter(move |r| f(&r.kind)).map(key).take(n);
    let mut out: HashSet<_> = of(|k| matches!(k, RecordKind::Correction { .. }), 6).collect();
    out.extend(of(|k| matches!(k, RecordKind::Withdrawal { .. }), 4));
    out.extend(ledger.records().filter(|r| r.task == "2").map(key));
    out
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let (tmp, made) = city();
    let before = std::fs::read(made.ledger.join("sczj.toml")).unwrap();
    let again = generate(Scale::City, 2, tmp.path(), false).unwrap_err();
    assert!(matches!(again, GenError::PlanExists { .. }), "{again:?}");
    std::fs::remove_file(&made.plan).unwrap();
    let again = generate(Scale::City, 2, tmp.path(), false).unwrap_err();
    assert!(matches!(again, GenError::LedgerExists { .. }), "{again:?}");
    assert!(again.render(crate::Lang::Zh).contains("--force"));
    assert_eq!(std::fs::read(made.ledger.join("sczj.toml")).unwrap(), before);
    generate(Scale::City, 2, tmp.path(), true).unwrap();
    assert_ne!(std::fs::read(made.ledger.join("sczj.toml")).unwrap(), before);
    // An empty ledger directory is nothing to lose.
    let fresh = tempfile::tempdir().unwrap();
    std::fs::create_dir(fresh.path().join("city-2025.progress")).unwrap();
    generate(Scale::City, 2, fresh.path(), false).unwrap();
    let left: Vec<_> = std::fs::read_dir(fresh.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 2, "no temporary files left: {left:?}");
}

#[test]
fn an_out_path_that_is_a_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("f");
    std::fs::write(&file, "x").unwrap();
    let e = generate(Scale::City, 1, &file, false).unwrap_err();
    assert!(matches!(e, GenError::NotADirectory { .. }), "{e:?}");
    assert!(e.render(crate::Lang::En).starts_with("error: "));
}
