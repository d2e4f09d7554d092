//! The terminal interface: `taizhang tui PLAN [--unit U]` (or just `taizhang PLAN`). This file
//! owns the edges — loading, the terminal, signals, the clock and saving in the background —
//! and runs the loop: event → action → `App::update` → effect.

mod action;
mod app;
mod form;
mod keymap;
mod list;
mod picker;
mod text;
mod view;
#[cfg(test)]
mod view_tests;

use std::io::{IsTerminal, stdout};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use chrono::Local;
use clap::Args;
use crossterm::cursor::Show;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, KeyCode,
    KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use taizhang::ledger::{self, Ledger, LedgerError};
use taizhang::{Lang, Plan};

use self::action::{Action, Effect, SaveError};
use self::app::{App, Mode};
use self::keymap::lookup;
use crate::cli::{Fail, Global, load};

#[derive(Debug, Args)]
pub struct TuiArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 直接打开该单位（名称、别名或编号）；不给则先选择单位 / open this unit directly
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// 填报人姓名，默认为登录用户名 / operator's name (default: the login name)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

pub fn run(args: &TuiArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan)?;
    let unit = load::unit(&plan, &args.plan, args.unit.as_deref())?;
    let dir = g.ledger_dir(&plan);
    let (ledger, unreadable) = load_ledger(&plan, &dir, unit, lang)?;
    if !stdout().is_terminal() {
        return Err(Fail::NotATerminal);
    }
    let fixed_clock = g.today.is_some();
    let mut app = App::new(plan, ledger, unreadable, unit, g.now()?, lang);
    app.by = args.by.clone().or_else(|| std::env::var("USER").ok()).filter(|s| !s.trim().is_empty());
    event_loop(&mut app, &dir, fixed_clock).map_err(Fail::Output)
}

/// Every unit's file that can be read. The operator's own unit must load (a broken file is an
/// error); another unit's file that cannot be read is noted, not fatal.
fn load_ledger(
    plan: &Plan,
    dir: &Path,
    unit: Option<usize>,
    lang: Lang,
) -> Result<(Ledger, Vec<(usize, String)>), Fail> {
    let mut updates = Vec::new();
    let mut unreadable = Vec::new();
    if dir.is_dir() {
        for u in 0..plan.units.len() {
            match Ledger::load_unit(plan, dir, u) {
                Ok(l) => updates.extend(l.ledger.updates().iter().cloned()),
                Err(e) if Some(u) == unit => return Err(Fail::Ledger(e)),
                Err(e) => unreadable.push((u, e.render(lang))),
            }
        }
    }
    Ok((Ledger::from_updates(dir.to_path_buf(), updates), unreadable))
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

fn event_loop(app: &mut App, dir: &Path, fixed_clock: bool) -> std::io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture, Show);
        hook(info);
    }));
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    let (tx, rx) = mpsc::channel::<Action>();
    let plan = Arc::new(app.plan.clone());
    while !app.quit && !stop.load(Ordering::Relaxed) {
        terminal.draw(|f| view::draw(f, app))?;
        while let Ok(done) = rx.try_recv() {
            apply(app, done, &plan, dir, &tx);
        }
        let wait = if app.saving { 30 } else { 250 };
        if event::poll(Duration::from_millis(wait))? {
            if let Some(a) = to_action(app, event::read()?) {
                apply(app, a, &plan, dir, &tx);
            }
        } else if !fixed_clock {
            apply(app, Action::Tick(Local::now().fixed_offset()), &plan, dir, &tx);
        }
    }
    Ok(())
}

/// Runs `update` and carries out its effect: a save runs on another thread so the screen never
/// freezes; its result comes back as an action.
fn apply(app: &mut App, action: Action, plan: &Arc<Plan>, dir: &Path, tx: &mpsc::Sender<Action>) {
    let Some(effect) = app.update(action) else { return };
    match effect {
        Effect::Quit => {}
        Effect::Save { update, expect } => {
            let (plan, dir, tx, lang) = (Arc::clone(plan), dir.to_path_buf(), tx.clone(), app.lang);
            std::thread::spawn(move || {
                let result = match ledger::append(&plan, &dir, *update, *expect) {
                    Ok(saved) => Ok(saved.update),
                    Err(LedgerError::Stale { current }) => Err(SaveError::Stale(current)),
                    Err(e) => Err(SaveError::Refused(e.render(lang))),
                };
                let _ = tx.send(Action::Saved(result));
            });
        }
    }
}

/// Turns a terminal event into an action: the keymap first, then text input for the field or
/// line that has focus.
fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if let Some(a) = lookup(&app.contexts(), &k) {
                return Some(a);
            }
            let plain = !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match (app.mode, k.code) {
                (Mode::Picker, KeyCode::Char(c)) if plain && !app.help => Some(Action::Type(c)),
                (Mode::List, KeyCode::Char(c)) if plain && app.list.searching => Some(Action::Type(c)),
                (Mode::Form, _) if !app.help => Some(Action::Edit(k)),
                _ => None,
            }
        }
        Event::Paste(s) => match app.mode {
            Mode::Form => Some(Action::Paste(s)),
            Mode::Picker | Mode::List => s.chars().find(|c| !c.is_control()).map(Action::Type),
            _ => None,
        },
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: m.column, row: m.row }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        _ => None,
    }
}
