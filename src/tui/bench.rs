//! `taizhang bench-frames PLAN --unit U [--frames N] [--width 120] [--height 40]`: a hidden
//! command for `benches/tui.rs` (benches cannot import the binary crate's TUI). It starts the
//! operator view the way `tui::run` does — plan, the unit's own records, `App::new`, the other
//! units' records in the background, the unit's drafts — but draws on a ratatui `TestBackend`
//! instead of the terminal; once the other units' records are in, it presses `N` keys (↓, and
//! Home at the end of the list), drawing after each, and prints one line of nanoseconds:
//!
//! `startup_ns=… first_frame_ns=… others_ns=… frames=N frames_ns=…`
//!
//! `startup_ns` runs from the command's start to a ready `App`; `first_frame_ns` to the end of
//! the first draw; `others_ns` until the other units' records are in; `frames_ns` is the total
//! for the `N` key-to-frame cycles (key to action, `update`, its effects, draw). Terminal I/O is
//! not included: a real terminal adds writing the changed cells. `start_up` follows `tui::run`;
//! keep the two in step.

use std::collections::VecDeque;
use std::sync::mpsc;
use std::time::Instant;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::action::Effect;
use super::app::{App, Others};
use super::effects::Effects;
use super::input::Incoming;
use crate::front::{BenchArgs, Fail, Global, load, output};

pub fn run(args: &BenchArgs, g: &Global) -> Result<(), Fail> {
    let start = Instant::now();
    let (mut app, effects, rx) = start_up(args, g)?;
    let startup = start.elapsed();
    let mut term = Terminal::new(TestBackend::new(args.width, args.height)).map_err(drawn)?;
    term.draw(|f| super::view::draw(f, &app)).map_err(drawn)?;
    let first = start.elapsed();
    // The other units' records arrive in the background; the key presses come after them.
    while app.others == Others::Reading {
        let Ok(Incoming::Done(action)) = rx.recv() else { break };
        effects.apply(&mut app, action);
    }
    let others = start.elapsed();
    let frames = Instant::now();
    for _ in 0..args.frames {
        press(&mut app, &effects);
        for incoming in rx.try_iter() {
            if let Incoming::Done(action) = incoming {
                effects.apply(&mut app, action);
            }
        }
        term.draw(|f| super::view::draw(f, &app)).map_err(drawn)?;
    }
    let frames = frames.elapsed();
    output::line(&format!(
        "startup_ns={} first_frame_ns={} others_ns={} frames={} frames_ns={}",
        startup.as_nanos(),
        first.as_nanos(),
        others.as_nanos(),
        args.frames,
        frames.as_nanos()
    ))
}

/// `tui::run` up to the terminal: the plan, the unit's own records (through the cache), the
/// app, the other units' records started in the background, the operator's drafts.
fn start_up(args: &BenchArgs, g: &Global) -> Result<(App, Effects, mpsc::Receiver<Incoming>), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan, g)?;
    let unit = load::one_unit(&plan, &args.plan, &args.unit)?;
    let dir = g.data_to_read().map(|()| g.ledger_dir(&plan))?;
    let cache = g.cache();
    let ledger = super::own_records(&plan, &dir, Some(unit), g.clock()?.wall, cache.as_ref())?;
    let now = g.now()?;
    let mut app = App::new(plan, ledger, Vec::new(), Some(unit), now, lang);
    app.others = Others::Reading;
    app.by = Global::operator(None);
    let (tx, rx) = mpsc::channel();
    let operator = app.by.clone().unwrap_or_default();
    let effects = Effects::new(app.plan.clone(), dir, lang, operator, tx, g.today.is_some(), cache);
    effects.carry_out(&mut app, Effect::LoadLedger { skip: Some(unit), now });
    let unit_id = app.plan.units[unit].id.clone();
    effects.carry_out(&mut app, Effect::LoadDrafts { unit: unit_id });
    Ok((app, effects, rx))
}

/// A drawing failure (a `TestBackend` has none) as an output error.
fn drawn(e: impl std::fmt::Display) -> Fail {
    Fail::Output(std::io::Error::other(e.to_string()))
}

/// ↓, or Home when ↓ no longer moves the selection; through the keymap, as typed keys go.
fn press(app: &mut App, effects: &Effects) {
    let before = app.list.selected;
    apply(app, effects, KeyCode::Down);
    if app.list.selected == before {
        apply(app, effects, KeyCode::Home);
    }
}

fn apply(app: &mut App, effects: &Effects, code: KeyCode) {
    let mut keys = VecDeque::from([Event::Key(KeyEvent::new(code, KeyModifiers::NONE))]);
    while let Some(action) = super::events::next(app, &mut keys) {
        effects.apply(app, action);
    }
}
