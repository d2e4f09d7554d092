//! `taizhang bench-frames PLAN [--unit U] [--frames N] [--width 120] [--height 40]`: a hidden
//! command for `benches/tui.rs` (benches cannot import the binary crate's TUI). It starts the
//! operator view (or, without `--unit`, the lead view) the way `tui::run` does — plan, the unit's
//! own records, `App::new`, the other units' records in the background, the unit's drafts — but
//! draws on a ratatui `TestBackend` instead of the terminal; once the other units' records (and
//! the lead's summary) are in, it presses `N` keys (↓, and Home at the end of the list), drawing
//! after each, and prints one line of nanoseconds:
//!
//! `startup_ns=… first_frame_ns=… others_ns=… frames=N frames_ns=…`
//!
//! `startup_ns` runs from the command's start to a ready `App`; `first_frame_ns` to the end of
//! the first draw; `others_ns` until the other units' records (and the lead's summary) are in; `frames_ns` is the total
//! for the `N` key-to-frame cycles (key to action, `update`, its effects, draw). Terminal I/O is
//! not included: a real terminal adds writing the changed cells. `start_up` follows `tui::run`;
//! keep the two in step.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::mpsc;
use std::time::Instant;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::{App, Others};
use super::effects::Effects;
use super::input::Incoming;
use super::start::Start;
use crate::front::{Fail, Global, output};

/// Starts the operator view of `unit` (else the lead view; with `matrix`, its matrix) on `plan`
/// on a `width`×`height` TestBackend, draws it, then draws after each of `presses` key presses,
/// and prints the timings.
pub fn run(
    plan: &Path,
    unit: Option<&str>,
    matrix: bool,
    presses: u64,
    (width, height): (u16, u16),
    g: &Global,
) -> Result<(), Fail> {
    let start = Instant::now();
    let (mut app, effects, rx) = start_up(plan, unit, g)?;
    let startup = start.elapsed();
    let mut term = Terminal::new(TestBackend::new(width, height)).map_err(drawn)?;
    term.draw(|f| super::view::draw(f, &app)).map_err(drawn)?;
    let first = start.elapsed();
    // The other units' records arrive in the background; the key presses come after them.
    let summarizing = |app: &App| app.lead.as_ref().is_some_and(|l| l.report.is_none());
    while app.others == Others::Reading || summarizing(&app) {
        let Ok(Incoming::Done(action)) = rx.recv() else { break };
        effects.apply(&mut app, action);
    }
    let others = start.elapsed();
    if matrix {
        apply(&mut app, &effects, KeyCode::Char('m'));
    }
    let frames = Instant::now();
    for _ in 0..presses {
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
        presses,
        frames.as_nanos()
    ))
}

/// `tui::run` up to the terminal (the same `Start`): the plan, the unit's own records
/// (through the cache), the app, the other units' records started in the background, the
/// operator's drafts.
fn start_up(plan: &Path, unit: Option<&str>, g: &Global) -> Result<(App, Effects, mpsc::Receiver<Incoming>), Fail> {
    let start = Start::read(plan, unit, g)?;
    Ok(start.open(g, None, g.now()?))
}

/// A drawing failure (a `TestBackend` has none) as an output error.
fn drawn(e: impl std::fmt::Display) -> Fail {
    Fail::Output(std::io::Error::other(e.to_string()))
}

/// ↓, or Home when ↓ no longer moves the selection; through the keymap, as typed keys go.
fn press(app: &mut App, effects: &Effects) {
    let at = |app: &App| match &app.lead {
        Some(lead) if app.mode == super::app::Mode::Matrix => lead.cell.0,
        Some(lead) => lead.cursor(super::lead::Pane::Units),
        None => app.list.selected,
    };
    let before = at(app);
    apply(app, effects, KeyCode::Down);
    if at(app) == before {
        apply(app, effects, KeyCode::Home);
    }
}

fn apply(app: &mut App, effects: &Effects, code: KeyCode) {
    let mut keys = VecDeque::from([Event::Key(KeyEvent::new(code, KeyModifiers::NONE))]);
    while let Some(action) = super::events::next(app, &mut keys) {
        effects.apply(app, action);
    }
}
