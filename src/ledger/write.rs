//! Safe appends to a unit file: check the record against the plan and the clock, lock the
//! unit, re-read and check the file, then write old text + new records atomically.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Timelike};

use super::lock::{self, Wait};
use std::sync::Arc;

use super::source::Source;
use super::{Ledger, LedgerError, ParsedFile, Status, Update, check, file, id, store};
use crate::cache::{Cache, Stamp};
use crate::clock::Clock;
use crate::plan::{Plan, Position};

/// What the writer believes the assignment's latest update is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Save regardless of what others wrote (the command line, or "apply anyway").
    Any,
    /// Save only if the latest update is still this one (`None`: there was none).
    Latest(Option<Box<Update>>),
}

/// How a write runs: the clock it stamps records with, and how long it waits for the lock.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions<'a> {
    pub clock: Clock,
    pub wait: Wait<'a>,
    /// The per-user cache: the unit's records come from it when its entry is valid, so a save
    /// re-parses nothing it need not.
    pub cache: Option<&'a Cache>,
}

impl WriteOptions<'_> {
    pub fn new(clock: Clock) -> WriteOptions<'static> {
        WriteOptions { clock, wait: Wait::default(), cache: None }
    }
}

/// A confirmed save: the update is on disk (file and directory fsynced).
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub path: PathBuf,
    /// The record as written (with its id and `recorded_at`).
    pub update: Update,
}

/// The ledger file of a unit. Only validated ids make file names, so no name can lead out of
/// the directory.
pub fn unit_file(dir: &Path, unit_id: &str) -> Result<PathBuf, LedgerError> {
    if !crate::plan::valid_unit_id(unit_id) {
        return Err(LedgerError::BadUnitId { id: unit_id.to_string() });
    }
    Ok(dir.join(format!("{unit_id}.toml")))
}

/// Appends one record after checking it against the plan, the clock and the unit's records
/// (it must say something new), and, with [`Expect::Latest`], against what others have saved
/// since it was read. Gives it an id and, on the real clock, `recorded_at`.
pub fn append(
    plan: &Plan,
    dir: &Path,
    update: Update,
    expect: Expect,
    opts: &WriteOptions,
) -> Result<Saved, LedgerError> {
    let (unit_name, update) = prepare(plan, update, &opts.clock)?;
    let mut written = None;
    let who = holder_text(&update, opts.clock.wall);
    let path = locked_append(plan, dir, &update.unit.clone(), &unit_name, &who, opts, false, |existing| {
        if let Expect::Latest(seen) = &expect {
            let current = existing.latest(&update.task, &update.unit);
            if current != seen.as_deref()
                && let Some(c) = current
            {
                return Err(LedgerError::Stale { current: Box::new(c.clone()) });
            }
        }
        let mut u = check::content(existing, update.clone())?;
        u.id = unused_id(existing, &u, opts.clock.simulated, |_| false);
        written = Some(u.clone());
        Ok(vec![u])
    })?;
    let update = written.ok_or_else(|| LedgerError::Encode { message: "nothing was written".into() })?;
    Ok(Saved { path, update })
}

/// A record made ready to write: checked against the plan (its unit's name is returned) and
/// the clock, its texts tidied, its time to the whole second, and stamped with when it is
/// recorded (not under a simulated clock).
pub(super) fn prepare(plan: &Plan, u: Update, clock: &Clock) -> Result<(String, Update), LedgerError> {
    let unit_name = validate(plan, &u)?;
    check::dated(&u, clock)?;
    let mut u = tidy(Update { at: whole_seconds(u.at), ..u });
    u.recorded_at = (!clock.simulated).then(|| whole_seconds(clock.wall));
    Ok((unit_name, u))
}

/// Blank texts are no texts; evidence lines are trimmed.
fn tidy(mut u: Update) -> Update {
    for t in [&mut u.note, &mut u.problems, &mut u.next, &mut u.by] {
        if t.as_deref().is_some_and(|s| s.trim().is_empty()) {
            *t = None;
        }
    }
    u.evidence = u.evidence.iter().map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect();
    u
}

pub(super) fn whole_seconds(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    t.with_nanosecond(0).unwrap_or(t)
}

/// What a writer leaves in the lock file for others who wait.
fn holder_text(u: &Update, wall: DateTime<FixedOffset>) -> String {
    let by = u.by.as_deref().map(|b| format!(" · {b}")).unwrap_or_default();
    format!("pid {}{by} · {}", std::process::id(), wall.format("%Y-%m-%d %H:%M:%S %:z"))
}

/// An id no record of the unit has (nor any `taken` says is): random on the real clock,
/// reproducible under a simulated one.
pub(super) fn unused_id(existing: &Ledger, u: &Update, simulated: bool, taken: impl Fn(&str) -> bool) -> String {
    let mut salt = 0;
    let base = existing.len() as u64;
    loop {
        let candidate = if simulated { id::seeded(u, base + (salt << 32)) } else { id::fresh(u, salt) };
        if !existing.holds_id(&candidate) && !taken(&candidate) {
            return candidate;
        }
        salt += 1;
    }
}

/// Checks an update against the plan (its unit, task and assignment, and its percent); returns
/// the unit's display name.
pub fn validate(plan: &Plan, u: &Update) -> Result<String, LedgerError> {
    let unit = plan.unit_index(&u.unit).ok_or_else(|| LedgerError::UnknownUnit { unit: u.unit.clone() })?;
    let Some(task) = plan.task(&u.task) else {
        return Err(LedgerError::UnknownTask { task: u.task.clone(), suggestions: similar_tasks(plan, &u.task) });
    };
    if !task.assignees.iter().any(|a| a.unit == unit) {
        let assigned = task.assignees.iter().map(|a| plan.units[a.unit].name.clone()).collect();
        return Err(LedgerError::NotAssigned { task: u.task.clone(), unit: plan.units[unit].name.clone(), assigned });
    }
    match u.percent {
        Some(p) if p > 100 => {
            return Err(LedgerError::BadPercent { percent: u32::from(p) });
        }
        Some(p) if u.status == Status::Done && p != 100 => {
            return Err(LedgerError::DoneNotFull { percent: p });
        }
        _ => {}
    }
    Ok(plan.units[unit].name.clone())
}

fn similar_tasks(plan: &Plan, id: &str) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = plan
        .tasks
        .iter()
        .map(|t| (strsim::normalized_levenshtein(id, &t.id), t.id.as_str()))
        .filter(|(s, _)| *s >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(5).map(|(_, s)| s.to_string()).collect()
}

/// Under the unit's lock: re-reads the file (refusing one that does not parse or is another
/// plan's), lets `decide` choose the records to add, and writes them atomically. With
/// `dry_run`, only `decide`s on the file as it stands (through the cache): nothing is created,
/// locked or written. Returns the file's path.
#[allow(clippy::too_many_arguments)]
pub(super) fn locked_append(
    plan: &Plan,
    dir: &Path,
    unit_id: &str,
    unit_name: &str,
    who: &str,
    opts: &WriteOptions,
    dry_run: bool,
    decide: impl FnOnce(&Ledger) -> Result<Vec<Update>, LedgerError>,
) -> Result<PathBuf, LedgerError> {
    // A dry run reads and decides exactly as a write does, but creates, locks and writes
    // nothing (not even a cache entry).
    let path = match dry_run {
        true => unit_file(dir, unit_id)?,
        false => {
            store::create_dir(dir)?;
            store::real_path(&unit_file(dir, unit_id)?)?
        }
    };
    // Lock, temp file and rename all happen beside the real file (see `real_path`).
    let dir = path.parent().unwrap_or(dir);
    let held = match dry_run {
        true => None,
        false => {
            let held = lock::acquire(dir, unit_id, who, &opts.wait)?;
            store::remove_stale_temps(dir, unit_id);
            Some(held)
        }
    };
    let cache = opts.cache.filter(|_| !dry_run);
    // The stamp is taken before reading: a change while reading makes the entry a miss later.
    let stamp = cache.and_then(|_| Stamp::of(&path));
    let old = store::read(&path)?.filter(|s| !s.trim().is_empty());
    let source = match &old {
        Some(src) => existing(plan, &path, unit_id, src, cache.zip(stamp.as_ref()), opts.clock.wall)?,
        None => {
            store::check_dir_plan(dir, plan)?;
            Source::parsed(ParsedFile::unnamed(Vec::new())).0
        }
    };
    let ledger = Ledger::from_source(dir.to_path_buf(), source, Arc::from(path.as_path()));
    let new = decide(&ledger)?;
    if !new.is_empty() && !dry_run {
        let mut text = old.unwrap_or_else(|| file::header(unit_name, unit_id, &plan.meta.id));
        let before = text.len();
        file::append_records(&mut text, &new)?;
        store::replace(dir, &path, unit_id, &text)?;
        if let Some(cache) = cache {
            keep_written(cache, &path, unit_id, &ledger, &text, before, opts.clock.wall);
        }
    }
    drop(held);
    Ok(path)
}

/// After a write (the lock still held): the file's new entry in the cache, made from the
/// records already read and a parse of only the text just added, so that the next save or
/// load need not parse the whole file again. The entry carries the checksum of `text` and is
/// used only while the file still holds exactly that (see [`Cache::get`]).
fn keep_written(
    cache: &Cache,
    path: &Path,
    unit_id: &str,
    read: &Ledger,
    text: &str,
    before: usize,
    wall: DateTime<FixedOffset>,
) {
    let Some(stamp) = Stamp::of(path) else { return };
    let Some(added) = text.get(before..) else { return };
    let Ok(tail) = file::parse_located(added, path, Some(unit_id)) else { return };
    let offset = text[..before].matches('\n').count();
    let Some(read) = read.files.first() else { return };
    let old = &read.source;
    let (plan, unit) = match old.len() {
        // Nothing was read (a new file, or only its header): the text before is only a header.
        0 => match file::parse_located(&text[..before], path, Some(unit_id)) {
            Ok(head) => (head.plan, head.unit),
            Err(_) => return,
        },
        _ => old.header(),
    };
    let records = (0..old.len()).map(|i| (old.update(i), old.pos(i)));
    let added = tail.records.iter().zip(&tail.positions).map(|(u, p)| (u, Position { line: p.line + offset, ..*p }));
    cache.keep((path, &stamp), (plan.as_deref(), unit.as_deref()), records.chain(added), wall, text.as_bytes());
}

/// The records already in the unit's file `src`: from the cache when its entry is valid for the
/// file as stamped, else parsed. A file of another plan is refused.
fn existing(
    plan: &Plan,
    path: &Path,
    unit_id: &str,
    src: &str,
    cache: Option<(&Cache, &Stamp)>,
    wall: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Source, LedgerError> {
    if let Some(hit) = cache.and_then(|(c, s)| c.get(path, s, wall, Some(src.as_bytes())))
        && hit.entry().unit.as_ref().is_none_or(|u| u.as_str() == unit_id)
    {
        store::check_plan(path, hit.entry().plan.as_ref().map(|p| p.as_str()), plan)?;
        return Ok(Source::cached(hit));
    }
    let parsed = file::parse_located(src, path, Some(unit_id))?;
    store::check_plan(path, parsed.plan.as_deref(), plan)?;
    // Not cached as read: the file is about to change, and what is written is cached then
    // (`keep_written`).
    Ok(Source::parsed(parsed).0)
}
