//! The terminal interface: `taizhang tui PLAN [--unit U]` (or just `taizhang PLAN`). This file
//! owns the edges — loading, the terminal, signals and the clock — and runs the loop: wait for
//! input (or a finished save), take in everything pending, then draw once; end on quit, on
//! SIGTERM/SIGHUP/SIGINT, or when the terminal goes away, keeping a draft of unsaved text.

mod action;
mod app;
pub mod bench;
mod drafts;
mod effects;
mod events;
mod form;
mod input;
mod keymap;
mod lead;
mod list;
mod picker;
mod standing;
mod start;
mod text;
mod view;
#[cfg(test)]
mod view_help_tests;
#[cfg(test)]
mod view_lead_tests;
#[cfg(test)]
mod view_standing_tests;
#[cfg(test)]
pub(crate) mod view_tests;
#[cfg(test)]
mod view_wrap_tests;

use std::collections::VecDeque;
use std::io::{IsTerminal, stdout};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local};
use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

use self::action::Action;
use self::app::App;
use self::effects::Effects;
use self::input::{Incoming, Tty};
use self::start::Start;
use crate::front::{Fail, Global};

/// Opens the interface on the plan at `plan`, as `unit` when given (else a unit picker), with
/// new records written by `by` (else the login name).
pub fn run(plan: &Path, unit: Option<&str>, by: Option<&str>, g: &Global) -> Result<(), Fail> {
    crate::front::heap::few_arenas();
    let start = Start::read(plan, unit, g)?;
    if !stdout().is_terminal() {
        return Err(Fail::NotATerminal);
    }
    let clock = Clock { fixed: g.today.is_some().then_some(g.now()?) };
    let (mut app, mut effects, rx) = start.open(g, by, clock.now());
    event_loop(&mut app, &mut effects, &rx, clock).map_err(Fail::Output)
}

/// Restores the terminal when dropped: on quit, on error and (through the panic hook) on panic.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
        ratatui::restore();
        let _ = execute!(stdout(), Show);
    }
}

/// The time on screen: `--today` when given, else the system clock, read here at the edge only
/// (saves read the real clock again, in `effects`, to stamp `recorded_at`).
#[derive(Clone, Copy)]
struct Clock {
    fixed: Option<DateTime<FixedOffset>>,
}

impl Clock {
    fn now(self) -> DateTime<FixedOffset> {
        self.fixed.unwrap_or_else(|| Local::now().fixed_offset())
    }
}

/// Most messages taken in before the screen is drawn again.
const BATCH: usize = 8192;
/// The longest wait for input before looking at signals, the clock and the terminal again.
const WAKE: Duration = Duration::from_millis(100);
/// How often the form's values are kept as a draft (when they changed).
const AUTOSAVE: Duration = Duration::from_secs(1);

fn event_loop(
    app: &mut App,
    effects: &mut Effects,
    rx: &mpsc::Receiver<Incoming>,
    clock: Clock,
) -> std::io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let tty = Arc::new(Tty::open()?);
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture, Show);
        hook(info);
    }));
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    let done_reading = Arc::new(AtomicBool::new(false));
    input::spawn(Arc::clone(&tty), effects.tx.clone(), Arc::clone(&done_reading))?;
    let result = run_loop(&mut terminal, app, effects, rx, &tty, &stop, clock);
    done_reading.store(true, Ordering::Relaxed);
    effects.finish(app, rx, clock.now(), effects::WAIT);
    result
}

/// Until quit, a signal, or the terminal's end: wait for what comes, take in all of it, and
/// draw once per batch (and when the size changed, or each second for the clock).
fn run_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    effects: &Effects,
    rx: &mpsc::Receiver<Incoming>,
    tty: &Tty,
    stop: &AtomicBool,
    clock: Clock,
) -> std::io::Result<()> {
    let (mut drawn, mut autosaved) = (Instant::now(), Instant::now());
    let mut size = terminal.size()?;
    if !draw(terminal, app, tty)? {
        return Ok(());
    }
    loop {
        let mut batch: Vec<Incoming> = rx.recv_timeout(WAKE).into_iter().collect();
        batch.extend(rx.try_iter().take(BATCH));
        let changed = !batch.is_empty();
        let gone = take_in(app, effects, batch);
        if gone || app.quit || stop.load(Ordering::Relaxed) || tty.gone() {
            return Ok(());
        }
        if autosaved.elapsed() >= AUTOSAVE {
            autosaved = Instant::now();
            let now = clock.now();
            if clock.fixed.is_none() {
                effects.apply(app, Action::Tick(now));
            }
            effects.apply(app, Action::Autosave(now));
        }
        let resized = terminal.size().is_ok_and(|s| s != size);
        if changed || resized || drawn.elapsed() >= Duration::from_secs(1) {
            if !draw(terminal, app, tty)? {
                return Ok(());
            }
            size = terminal.size().unwrap_or(size);
            drawn = Instant::now();
        }
    }
}

/// Draws the screen; false when the terminal has gone away (the end, not an error to report on
/// a terminal nobody sees).
fn draw(terminal: &mut DefaultTerminal, app: &App, tty: &Tty) -> std::io::Result<bool> {
    match terminal.draw(|f| view::draw(f, app)) {
        Ok(_) => Ok(true),
        Err(_) if tty.gone() => Ok(false),
        Err(e) => Err(e),
    }
}

/// Applies a batch in order, runs of typed keys joined; true when the terminal went away.
fn take_in(app: &mut App, effects: &Effects, batch: Vec<Incoming>) -> bool {
    let mut keys = VecDeque::new();
    let mut gone = false;
    for incoming in batch {
        match incoming {
            Incoming::Input(ev) => keys.push_back(ev),
            other => {
                apply_keys(app, effects, &mut keys);
                match other {
                    Incoming::Done(action) => effects.apply(app, action),
                    _ => gone = true,
                }
            }
        }
    }
    apply_keys(app, effects, &mut keys);
    gone
}

fn apply_keys(app: &mut App, effects: &Effects, keys: &mut VecDeque<crossterm::event::Event>) {
    while !app.quit
        && let Some(action) = events::next(app, keys)
    {
        effects.apply(app, action);
    }
    keys.clear();
}
