//! Carrying out what `App::update` asks for: saves on a thread of their own (the result comes
//! back to the loop as an action), the operator's drafts read here and written or removed by the
//! draft writer, and what must happen before the program ends.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use taizhang::cache::Cache;
use taizhang::clock::Clock;
use taizhang::ledger::{self, Ledger, LedgerError, LoadOptions, draft};
use taizhang::{Lang, Plan};

mod export;
mod watch;

use super::action::{Action, Delivery, Effect, SaveError, Summarized};
use super::app::App;
use super::drafts::{DraftWriter, Job};
use super::input::Incoming;
use super::lead::summarize;

/// How long the program, told to end, waits for a save in flight to be confirmed, and then for
/// the last draft to be written.
pub const WAIT: Duration = Duration::from_secs(2);

pub struct Effects {
    plan: Arc<Plan>,
    dir: PathBuf,
    lang: Lang,
    /// Whose drafts: the operator's name (drafts are per operator).
    operator: String,
    pub tx: Sender<Incoming>,
    drafts: DraftWriter,
    /// The per-user cache a save reads the unit's records through.
    cache: Option<Cache>,
    /// Under `--today`: records are stamped with the simulated time and no `recorded_at`.
    simulated: bool,
}

impl Effects {
    pub fn new(
        plan: Plan,
        dir: PathBuf,
        lang: Lang,
        operator: String,
        tx: Sender<Incoming>,
        simulated: bool,
        cache: Option<Cache>,
    ) -> Effects {
        let drafts = DraftWriter::start(dir.clone(), operator.clone(), lang, tx.clone());
        Effects { plan: Arc::new(plan), dir, lang, operator, tx, drafts, simulated, cache }
    }

    /// Runs `update` on `action`, carries out its effect, and goes on with any action that effect
    /// answers at once (drafts read, a draft that could not be written).
    pub fn apply(&self, app: &mut App, action: Action) {
        let mut next = Some(action);
        while let Some(a) = next.take() {
            next = app.update(a).and_then(|effect| self.run(effect));
        }
    }

    /// Carries out an effect the loop itself asks for, and applies what it answers.
    pub fn carry_out(&self, app: &mut App, effect: Effect) {
        if let Some(action) = self.run(effect) {
            self.apply(app, action);
        }
    }

    fn run(&self, effect: Effect) -> Option<Action> {
        match effect {
            Effect::Quit => None,
            Effect::Save { update, expect, check_evidence } => {
                self.save(*update, *expect, check_evidence);
                None
            }
            Effect::LoadLedger { skip, now, full } => {
                self.load_ledger(skip, now, full);
                None
            }
            Effect::Export(job) => {
                let records = export::Records { dir: self.dir.clone(), cache: self.cache.clone() };
                export::spawn(Arc::clone(&self.plan), *job, records, self.lang, self.tx.clone());
                None
            }
            Effect::Summarize(job) => {
                let (plan, tx) = (Arc::clone(&self.plan), self.tx.clone());
                std::thread::spawn(move || {
                    let built = summarize(&plan, &job.ledger, &job.ask);
                    let _ = tx.send(Incoming::Done(Action::Summarized(Summarized(Arc::new(built)))));
                });
                None
            }
            Effect::Watch => {
                watch::spawn(self.dir.clone(), self.tx.clone());
                None
            }
            Effect::LoadDrafts { unit } => {
                let loaded = draft::load(&self.dir, &unit, &self.operator);
                Some(Action::DraftsLoaded { drafts: loaded.drafts, note: loaded.note.map(|n| n.render(self.lang)) })
            }
            Effect::WriteDraft(d) => {
                self.drafts.send(Job::Write(d));
                None
            }
            Effect::RemoveDraft { unit, task } => {
                self.drafts.send(Job::Remove { unit, task });
                None
            }
        }
    }

    /// Reads every unit's records but `skip`'s on another thread: all of them when `full` (the
    /// lead view), else only each assignment's state as of `now` (all the detail pane shows of
    /// other units).
    fn load_ledger(&self, skip: Option<usize>, now: DateTime<FixedOffset>, full: bool) {
        let (plan, dir, tx, lang, cache) =
            (Arc::clone(&self.plan), self.dir.clone(), self.tx.clone(), self.lang, self.cache.clone());
        let wall = chrono::Local::now().fixed_offset();
        std::thread::spawn(move || {
            let result = if dir.is_dir() {
                let opts = LoadOptions {
                    cache: cache.as_ref(),
                    skip,
                    tolerant: true,
                    states_at: (!full).then_some(now),
                    ..LoadOptions::new(wall)
                };
                match Ledger::open(&plan, &dir, &opts) {
                    Ok(loaded) => {
                        let why = loaded.errors.iter().map(|e| e.render(lang));
                        let unreadable = loaded.ledger.unreadable().iter().zip(why);
                        let unreadable = unreadable.filter_map(|(u, why)| Some((plan.unit_index(&u.unit)?, why)));
                        let unreadable = unreadable.collect();
                        Ok((loaded.ledger, unreadable))
                    }
                    Err(e) => Err(e.render(lang)),
                }
            } else {
                Ok((Ledger::from_updates(dir, Vec::new()), Vec::new()))
            };
            let _ = tx.send(Incoming::Done(Action::LedgerLoaded(Delivery(Arc::new(result)))));
        });
    }

    /// Saves on a thread of its own (the disk, including the evidence check when asked, never
    /// holds up a key), answering with `Saved`.
    fn save(&self, update: ledger::Update, expect: ledger::Expect, check_evidence: bool) {
        let (plan, dir, tx, lang) = (Arc::clone(&self.plan), self.dir.clone(), self.tx.clone(), self.lang);
        let cache = self.cache.clone();
        // The real time, read at this edge: the check against future dates and `recorded_at`.
        let wall = chrono::Local::now().fixed_offset();
        let clock = if self.simulated { Clock::simulated(update.at, wall) } else { Clock::real(wall) };
        std::thread::spawn(move || {
            if check_evidence {
                let bad = ledger::evidence::unresolved(&update.evidence, plan.dir());
                if !bad.is_empty() {
                    let bad = bad.into_iter().map(|(n, item)| (n, item.to_string())).collect();
                    let _ = tx.send(Incoming::Done(Action::Saved(Err(SaveError::Evidence(bad)))));
                    return;
                }
            }
            // After a second without the unit's lock, the status bar says whom it waits for.
            let waiting = tx.clone();
            let notify = move |path: &std::path::Path, holder: &ledger::LockHolder| {
                let _ = waiting.send(Incoming::Done(Action::Waiting(holder.waiting(path, lang))));
            };
            let wait = ledger::Wait { notify: &notify, ..ledger::Wait::default() };
            let opts = ledger::WriteOptions { clock, wait, cache: cache.as_ref() };
            let result = match ledger::append(&plan, &dir, update, expect, &opts) {
                Ok(saved) => Ok(Box::new(saved.update)),
                Err(LedgerError::Stale { current }) => Err(SaveError::Stale(current)),
                Err(e) => Err(SaveError::Refused(e.render(lang))),
            };
            let _ = tx.send(Incoming::Done(Action::Saved(result)));
        });
    }

    /// Before the program ends, whatever ends it: a save in flight may finish (for up to `wait`)
    /// so that a confirmed save is recorded and its draft removed; then a form with unsaved
    /// values is kept as a draft, and the draft writer is given up to `wait` more to finish.
    /// No new save starts.
    pub fn finish(&mut self, app: &mut App, rx: &Receiver<Incoming>, now: DateTime<FixedOffset>, wait: Duration) {
        let deadline = Instant::now() + wait;
        app.resave = false;
        while app.saving {
            match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(Incoming::Done(action)) => self.apply(app, action),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        self.apply(app, Action::Autosave(now));
        self.drafts.finish(wait);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use taizhang::Lang;

    use super::*;
    use crate::tui::app::tests::{app_with, now};

    /// An app saving task 1's form with "已输入", and the effects of a private ledger directory.
    fn saving() -> (App, Effects, Receiver<Incoming>, tempfile::TempDir) {
        let mut app = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
        app.update(Action::Open);
        app.update(Action::StatusNext);
        app.update(Action::Paste("已输入".into()));
        assert!(matches!(app.update(Action::Save), Some(Effect::Save { .. })));
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = mpsc::channel();
        let effects = Effects::new(app.plan.clone(), dir.path().to_path_buf(), Lang::Zh, "w".into(), tx, true, None);
        (app, effects, rx, dir)
    }

    fn drafts(dir: &std::path::Path) -> Vec<String> {
        draft::load(dir, "sczj", "w").drafts.into_iter().map(|d| d.note).collect()
    }

    /// Evidence that is neither an address nor a file beside the plan is not saved: the form
    /// says which line; saved again unchanged, it is saved as it is.
    #[test]
    fn evidence_is_checked_against_the_plans_directory_before_saving() {
        let (mut app, effects, rx, dir) = saving();
        app.update(Action::Saved(Err(SaveError::Refused("重来".into()))));
        let f = app.form.as_mut().unwrap();
        f.focus_on(crate::tui::form::Field::Evidence);
        // zhongwei-2022.toml is beside the plan: a path relative to its directory.
        app.update(Action::Paste("https://www.nxzw.gov.cn/a.html\nzhongwei-2022.toml\n会议纪要".into()));
        effects.apply(&mut app, Action::Save);
        let Ok(Incoming::Done(refused)) = rx.recv_timeout(Duration::from_secs(10)) else { panic!("no answer") };
        effects.apply(&mut app, refused);
        let error = app.form.as_ref().and_then(|f| f.error.clone()).unwrap_or_default();
        assert!(error.contains("第 3 行“会议纪要”"), "{error}");
        assert!(!app.saving && !crate::tui::app::tests::ledger_written(dir.path()));
        effects.apply(&mut app, Action::Save);
        let Ok(Incoming::Done(done)) = rx.recv_timeout(Duration::from_secs(10)) else { panic!("no answer") };
        effects.apply(&mut app, done);
        assert!(app.form.is_none(), "saved: {:?}", app.message);
        let saved = app.ledger.latest("1", "sczj").unwrap();
        assert_eq!(saved.evidence, ["https://www.nxzw.gov.cn/a.html", "zhongwei-2022.toml", "会议纪要"]);
    }

    #[test]
    fn ending_waits_for_a_save_in_flight_then_keeps_only_what_is_unsaved() {
        let at = now("2022-06-01T09:01:00+08:00");
        // The save is confirmed while ending: recorded, the form closes, no draft.
        let (mut app, mut effects, rx, dir) = saving();
        let update = app.form.as_ref().unwrap().update(app.now, None, app.plan.meta.offset).unwrap();
        effects.tx.send(Incoming::Done(Action::Saved(Ok(Box::new(update.clone()))))).unwrap();
        effects.finish(&mut app, &rx, at, Duration::from_secs(5));
        assert_eq!((app.form.is_none(), app.ledger.latest("1", "sczj")), (true, Some(&update)));
        assert!(drafts(dir.path()).is_empty());
        // The save is refused, or does not answer in time: the text is kept as a draft.
        let (mut app, mut effects, rx, dir) = saving();
        effects.tx.send(Incoming::Done(Action::Saved(Err(SaveError::Refused("错误".into()))))).unwrap();
        effects.finish(&mut app, &rx, at, Duration::from_secs(5));
        assert_eq!(drafts(dir.path()), ["已输入"]);
        let (mut app, mut effects, rx, dir) = saving();
        effects.finish(&mut app, &rx, at, Duration::from_millis(50));
        assert_eq!(drafts(dir.path()), ["已输入"]);
    }
}
