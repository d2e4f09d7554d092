//! What one assignment's records say over the year: how its status moves (推进中 with rising
//! percents to 已完成, 持续推进 for standing duties, now and then 受阻 or 不适用), with
//! 本期无新进展 confirmations, a few corrections and withdrawals, and the notes, problems, next
//! steps and evidence links operators write. Times are chosen by `records`.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use super::notes::{self, fill};
use super::rng::Rng;
use crate::ledger::{RecordKind, Status, Update};

/// A record before it has an id: corrections and withdrawals point at an earlier record of the
/// same assignment by its index.
#[derive(Debug, Clone)]
pub struct Draft {
    pub update: Update,
    pub target: Option<usize>,
    pub withdraw: bool,
}

/// How an assignment goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    /// Toward a date: done on `done_on`, or never within the records.
    Dated { start: NaiveDate, due: NaiveDate, done_on: Option<NaiveDate> },
    /// A standing duty, reported 持续推进.
    Ongoing,
    /// 不适用: the unit does not do this.
    NotApplicable,
}

/// What the story needs to know about the assignment.
pub struct Facts<'a> {
    pub task: &'a str,
    pub unit: &'a str,
    pub start: NaiveDate,
    pub due: Option<NaiveDate>,
    /// A responsible unit on a task with many units (the one that may be 不适用).
    pub may_not_apply: bool,
    pub object: &'a str,
    pub operators: &'a [String],
    pub site: &'a str,
}

/// The records of one assignment at the times `at` (increasing), their `recorded_at` given.
pub fn records(f: &Facts, times: &[(DateTime<FixedOffset>, DateTime<FixedOffset>)], rng: &mut Rng) -> Vec<Draft> {
    let last = times.last().map(|(at, _)| at.date_naive());
    let path = choose_path(f, last, rng);
    let n = times.len();
    let correct_at = (n >= 3 && rng.chance(4)).then(|| rng.between(1, n as i64 - 1) as usize);
    let withdraw_at = (n >= 4 && rng.chance(1)).then(|| rng.between(2, n as i64 - 1) as usize);
    let blocked_at = (rng.chance(4) && n >= 3).then(|| rng.between(1, n as i64 - 2) as usize);
    let mut out: Vec<Draft> = Vec::with_capacity(n);
    // The progress updates that stand, as corrected (index into `out`, content), oldest first.
    let mut states: Vec<(usize, Update)> = Vec::new();
    for (k, &(at, recorded_at)) in times.iter().enumerate() {
        let base = Update {
            recorded_at: Some(recorded_at),
            by: Some(rng.pick(f.operators).clone()),
            ..Update::new(f.task, f.unit, at, Status::InProgress)
        };
        let latest = states.last().map(|(_, u)| u.clone());
        let last = states.last().map_or(0, |(i, _)| *i);
        let draft = match (k, latest) {
            (0, _) | (_, None) => progress(f, path, base, None, k == 0, rng),
            (_, Some(l)) if path == Path::NotApplicable => no_change(base, &l, rng),
            (_, Some(l)) if Some(k) == correct_at => correction(f, base, &l, last, rng),
            (_, Some(l)) if Some(k) == withdraw_at && states.len() >= 2 => withdrawal(base, &l, last, rng),
            (_, Some(l)) if rng.chance(7) || (l.status == Status::Done && rng.chance(50)) => no_change(base, &l, rng),
            (_, Some(l)) if Some(k) == blocked_at && l.status == Status::InProgress => blocked(f, base, &l, rng),
            (_, Some(l)) => progress(f, path, base, Some(&l), false, rng),
        };
        apply(&mut states, &mut out, draft);
    }
    out
}

/// Keeps `states` in step: a progress update stands, a correction replaces what its target
/// says, a withdrawal removes it.
fn apply(states: &mut Vec<(usize, Update)>, out: &mut Vec<Draft>, draft: Draft) {
    match (&draft.update.kind, draft.target) {
        (RecordKind::Progress, _) => states.push((out.len(), draft.update.clone())),
        (_, Some(t)) if draft.withdraw => states.retain(|(s, _)| *s != t),
        (_, Some(t)) => {
            if let Some((_, content)) = states.iter_mut().find(|(s, _)| *s == t) {
                let c = &draft.update;
                (content.status, content.percent, content.note, content.problems, content.next, content.evidence) =
                    (c.status, c.percent, c.note.clone(), c.problems.clone(), c.next.clone(), c.evidence.clone());
            }
        }
        _ => {}
    }
    out.push(draft);
}

/// The assignment's path; most dated ones are done by their due date and by their last record.
fn choose_path(f: &Facts, last: Option<NaiveDate>, rng: &mut Rng) -> Path {
    if f.may_not_apply && rng.chance(3) {
        return Path::NotApplicable;
    }
    let Some(due) = f.due else { return Path::Ongoing };
    let roll = rng.below(100);
    let done_on = if roll < 75 {
        let by = last.map_or(due, |l| l.min(due));
        Some(by - Duration::days(rng.between(0, 45)))
    } else if roll < 87 {
        Some(due + Duration::days(rng.between(7, 60)))
    } else {
        None
    };
    let earliest = f.start + Duration::days(20);
    Path::Dated { start: f.start, due, done_on: done_on.map(|d| d.max(earliest)) }
}

/// A progress update on the path; never the same as `latest`.
fn progress(f: &Facts, path: Path, base: Update, latest: Option<&Update>, first: bool, rng: &mut Rng) -> Draft {
    let date = base.at.date_naive();
    let mut u = match path {
        Path::NotApplicable => {
            Update { status: Status::Na, note: Some(rng.word(&notes::NOT_APPLICABLE).to_string()), ..base }
        }
        _ if first && rng.chance(5) => {
            Update { status: Status::NotStarted, note: Some(rng.word(&notes::NOT_STARTED).to_string()), ..base }
        }
        Path::Ongoing => {
            Update { status: Status::Ongoing, note: Some(fill(rng.word(&notes::ONGOING), f.object, rng)), ..base }
        }
        Path::Dated { start, due, done_on } => dated(f, base, date, (start, due, done_on), latest, rng),
    };
    if matches!(u.status, Status::InProgress | Status::Ongoing) {
        details(f, &mut u, rng);
    }
    let mut tries = 0;
    while latest.is_some_and(|l| l.same_content(&u)) {
        tries += 1;
        let again = fill(rng.word(&notes::ONGOING), f.object, rng);
        u.note = Some(if tries > 5 { format!("{again}（{}）", date.format("%m-%d")) } else { again });
    }
    Draft { update: u, target: None, withdraw: false }
}

fn dated(
    f: &Facts,
    base: Update,
    date: NaiveDate,
    (start, due, done_on): (NaiveDate, NaiveDate, Option<NaiveDate>),
    latest: Option<&Update>,
    rng: &mut Rng,
) -> Update {
    if done_on.is_some_and(|d| date >= d) {
        let note = fill(rng.word(&notes::DONE), f.object, rng);
        return Update { status: Status::Done, percent: Some(100), note: Some(note), ..base };
    }
    let end = done_on.unwrap_or(due + Duration::days(90));
    let span = (end - start).num_days().max(1) as f64;
    let share = (date - start).num_days() as f64 / span;
    let noisy = (share * 100.0) as i64 + rng.between(-10, 10);
    let cap = if done_on.is_some() { 95 } else { 85 };
    let before = latest.and_then(|l| l.percent).map_or(0, i64::from);
    let percent = (noisy / 5 * 5).clamp(5, cap).max((before + 5).min(95));
    let note = fill(rng.word(&notes::IN_PROGRESS), f.object, rng);
    Update { status: Status::InProgress, percent: Some(percent as u8), note: Some(note), ..base }
}

/// Problems, next steps and an evidence link, on some updates.
fn details(f: &Facts, u: &mut Update, rng: &mut Rng) {
    if rng.chance(15) {
        u.problems = Some(rng.word(&notes::PROBLEMS).to_string());
    }
    if rng.chance(30) {
        u.next = Some(rng.word(&notes::NEXT).to_string());
    }
    if rng.chance(35) {
        let (_, column) = rng.pick(&super::topics::COLUMNS);
        let day = u.at.format("%Y%m%d");
        let month = u.at.format("%Y%m");
        u.evidence = vec![format!(
            "https://www.{}.gov.cn/{column}/{month}/t{day}_{}.html",
            f.site,
            rng.between(100_000, 999_999)
        )];
    }
}

fn blocked(f: &Facts, base: Update, latest: &Update, rng: &mut Rng) -> Draft {
    let note = fill(rng.word(&notes::BLOCKED), f.object, rng);
    let u = Update {
        status: Status::Blocked,
        percent: latest.percent,
        note: Some(note),
        problems: Some(rng.word(&notes::PROBLEMS).to_string()),
        next: Some(rng.word(&notes::NEXT).to_string()),
        ..base
    };
    Draft { update: u, target: None, withdraw: false }
}

/// 本期无新进展: the latest state confirmed.
fn no_change(base: Update, latest: &Update, rng: &mut Rng) -> Draft {
    let note = rng.chance(60).then(|| rng.word(&notes::NO_CHANGE).to_string());
    let u = Update { status: latest.status, percent: latest.percent, note, kind: RecordKind::NoChange, ..base };
    Draft { update: u, target: None, withdraw: false }
}

/// A correction of the latest update (record `target`): same status, percent adjusted, a note
/// saying what was wrong.
fn correction(f: &Facts, base: Update, latest: &Update, target: usize, rng: &mut Rng) -> Draft {
    let percent = match (latest.status, latest.percent) {
        (Status::Done, _) => Some(100),
        (_, Some(p)) => Some((i64::from(p) + rng.pick(&[-5, 5])).clamp(5, 95) as u8),
        (_, None) => None,
    };
    let why = rng.word(&notes::CORRECTION);
    let note = format!("{why}{}", fill(rng.word(&notes::IN_PROGRESS), f.object, rng));
    let u = Update {
        status: latest.status,
        percent,
        note: Some(note),
        evidence: latest.evidence.clone(),
        kind: RecordKind::Correction { of: String::new() },
        ..base
    };
    Draft { update: u, target: Some(target), withdraw: false }
}

/// A withdrawal of the latest update (record `target`).
fn withdrawal(base: Update, latest: &Update, target: usize, rng: &mut Rng) -> Draft {
    let u = Update {
        status: latest.status,
        percent: latest.percent,
        note: Some(rng.word(&notes::WITHDRAWAL).to_string()),
        kind: RecordKind::Withdrawal { of: String::new() },
        ..base
    };
    Draft { update: u, target: Some(target), withdraw: true }
}
