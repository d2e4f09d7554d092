//! The TUI's whole state and `update`, which applies one action and says what the loop must do.
//! No I/O happens here: saving is an effect, and its result comes back as an action.

mod form_actions;

use chrono::{DateTime, FixedOffset, NaiveDate};
use taizhang::ledger::{Ledger, Update};
use taizhang::period::{self, Period};
use taizhang::report::{self, Kind, Options, Report, Row};
use taizhang::{Lang, Plan, clock};

use super::action::{Action, Effect};
use super::form::Form;
use super::keymap::Ctx;
use super::list::ListState;
use super::picker::{Choice, Picker};
use super::text::{T, t};

/// What the screen is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Picker,
    List,
    Form,
    /// "Discard unsaved changes?"
    Discard,
    /// Someone saved the assignment since the form opened.
    Conflict,
}

pub struct App {
    pub lang: Lang,
    pub plan: Plan,
    pub now: DateTime<FixedOffset>,
    /// The operator's name stamped on updates.
    pub by: Option<String>,
    pub unit: Option<usize>,
    pub ledger: Ledger,
    /// Units whose ledger file could not be read, with why (others' files may be private).
    pub unreadable: Vec<(usize, String)>,
    /// The unit's assignments as of today (a unit report), once a unit is chosen.
    pub report: Option<Report>,
    pub list: ListState,
    pub picker: Picker,
    pub form: Option<Form>,
    pub mode: Mode,
    pub help: bool,
    /// Their update, in a conflict.
    pub conflict: Option<Box<Update>>,
    pub saving: bool,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    pub quit: bool,
}

impl App {
    /// A new app; with `unit`, straight into that unit's list, else the unit picker.
    pub fn new(
        plan: Plan,
        ledger: Ledger,
        unreadable: Vec<(usize, String)>,
        unit: Option<usize>,
        now: DateTime<FixedOffset>,
        lang: Lang,
    ) -> App {
        let picker = Picker::new(&plan);
        let mut app = App {
            lang,
            plan,
            now,
            by: None,
            unit: None,
            ledger,
            unreadable,
            report: None,
            list: ListState::default(),
            picker,
            form: None,
            mode: Mode::Picker,
            help: false,
            conflict: None,
            saving: false,
            message: None,
            quit: false,
        };
        if let Some(u) = unit {
            app.choose(u);
        }
        app
    }

    pub fn today(&self) -> NaiveDate {
        clock::local_date(self.now, self.plan.meta.offset)
    }

    /// The current period (or the last, once every date has passed).
    pub fn period(&self) -> Option<Period> {
        let ps = period::periods(&self.plan.meta);
        period::current(&ps, self.today()).or(ps.last().copied())
    }

    /// Key contexts in priority order for the current mode.
    pub fn contexts(&self) -> Vec<Ctx> {
        if self.help {
            return vec![Ctx::Help];
        }
        match self.mode {
            Mode::Picker => vec![Ctx::Picker],
            Mode::List if self.list.searching => vec![Ctx::Search],
            Mode::List => vec![Ctx::List],
            Mode::Form => {
                let field = match self.form.as_ref().map(|f| f.focus) {
                    Some(super::form::Field::Status) => Some(Ctx::StatusField),
                    Some(super::form::Field::Percent) => Some(Ctx::PercentField),
                    _ => None,
                };
                field.into_iter().chain([Ctx::Form]).collect()
            }
            Mode::Discard => vec![Ctx::Discard],
            Mode::Conflict => vec![Ctx::Conflict],
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => self.quit_now(),
            Action::ToggleHelp => self.toggle_help(),
            Action::Tick(now) => self.tick(now),
            Action::Saved(result) => self.saved(result),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-self.list.page()),
            Action::PageDown => self.step(self.list.page()),
            Action::Home => self.step(isize::MIN / 2),
            Action::End => self.step(isize::MAX / 2),
            Action::ScrollUp => self.step(-3),
            Action::ScrollDown => self.step(3),
            Action::Open => self.open(),
            Action::StartSearch => self.start_search(),
            Action::Type(c) => self.type_char(c),
            Action::Backspace => self.backspace(),
            Action::Accept => self.accept_search(),
            Action::CycleFilter => self.relist(|l| l.filter = l.filter.next()),
            Action::CycleSort => self.relist(|l| l.sort = l.sort.next()),
            Action::Click { column, row } => self.click(column, row),
            Action::Back => self.back(),
            other => self.form_action(other),
        }
    }

    fn quit_now(&mut self) -> Option<Effect> {
        self.quit = true;
        Some(Effect::Quit)
    }

    fn toggle_help(&mut self) -> Option<Effect> {
        self.help = !self.help;
        None
    }

    fn tick(&mut self, now: DateTime<FixedOffset>) -> Option<Effect> {
        let day_changed = clock::local_date(now, self.plan.meta.offset) != self.today();
        self.now = now;
        if day_changed {
            self.rebuild();
        }
        None
    }

    /// Moves the selection in the picker or the list.
    fn step(&mut self, delta: isize) -> Option<Effect> {
        match self.mode {
            Mode::Picker => {
                let last = self.picker.matches.len().saturating_sub(1);
                self.picker.selected = self.picker.selected.saturating_add_signed(delta).min(last);
            }
            Mode::List => self.list.move_by(delta),
            _ => {}
        }
        None
    }

    fn open(&mut self) -> Option<Effect> {
        match self.mode {
            Mode::Picker => {
                if let Some(Choice::Unit(u)) = self.picker.chosen() {
                    self.choose(u);
                }
            }
            Mode::List => self.open_form(),
            _ => {}
        }
        None
    }

    /// Switches to unit `u`'s list (refusing a unit whose own file could not be read).
    fn choose(&mut self, u: usize) {
        if let Some((_, why)) = self.unreadable.iter().find(|(x, _)| *x == u) {
            self.message = Some(why.clone());
            return;
        }
        self.unit = Some(u);
        self.mode = Mode::List;
        self.rebuild();
    }

    /// Rebuilds the unit's rows from the plan and ledger, as of today.
    pub fn rebuild(&mut self) {
        if let (Some(u), Some(period)) = (self.unit, self.period()) {
            let opts = Options { kind: Kind::Unit, period, as_of: Some(self.today()), unit: Some(u) };
            self.report = Some(report::build(&self.plan, &self.ledger, &opts));
        }
        self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
    }

    /// The unit's assignment rows (none before a unit is chosen).
    pub fn rows(&self) -> &[Row] {
        self.report.as_ref().map_or(&[], |r| &r.rows)
    }

    fn relist(&mut self, change: impl FnOnce(&mut ListState)) -> Option<Effect> {
        change(&mut self.list);
        self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
        None
    }

    fn start_search(&mut self) -> Option<Effect> {
        self.list.searching = true;
        None
    }

    fn type_char(&mut self, c: char) -> Option<Effect> {
        match self.mode {
            Mode::Picker => {
                self.picker.query.push(c);
                self.picker.refresh(&self.plan);
            }
            Mode::List if self.list.searching => {
                self.list.query.push(c);
                self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
            }
            _ => {}
        }
        None
    }

    fn backspace(&mut self) -> Option<Effect> {
        match self.mode {
            Mode::Picker => {
                self.picker.query.pop();
                self.picker.refresh(&self.plan);
            }
            Mode::List if self.list.searching => {
                self.list.query.pop();
                self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
            }
            _ => {}
        }
        None
    }

    fn accept_search(&mut self) -> Option<Effect> {
        self.list.searching = false;
        None
    }

    fn click(&mut self, _column: u16, row: u16) -> Option<Effect> {
        if self.mode == Mode::List && !self.help {
            self.list.click(row);
        }
        None
    }

    /// Esc: close help, end or clear the search, or cancel the form (asking first if changed).
    fn back(&mut self) -> Option<Effect> {
        if self.help {
            self.help = false;
        } else if self.mode == Mode::Form {
            let dirty = self.form.as_ref().is_some_and(Form::dirty);
            if dirty { self.mode = Mode::Discard } else { self.close_form() }
        } else if self.mode == Mode::List {
            self.list.searching = false;
            self.list.query.clear();
            self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
        }
        None
    }

    pub fn close_form(&mut self) {
        self.form = None;
        self.conflict = None;
        self.mode = Mode::List;
    }

    /// "saved" / "unsaved" / "saving…" for the status bar.
    pub fn save_state(&self) -> &'static str {
        if self.saving {
            t(self.lang, T::Saving)
        } else if self.form.as_ref().is_some_and(Form::dirty) {
            t(self.lang, T::Unsaved)
        } else {
            t(self.lang, T::Saved)
        }
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
pub(crate) mod tests;
