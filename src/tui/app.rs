//! The TUI's whole state and `update`, which applies one action and says what the loop must do.
//! No I/O happens here: saving is an effect, and its result comes back as an action.

mod draft_actions;
mod form_actions;
mod lead_actions;
mod list_actions;
mod load_actions;
mod record_actions;

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use taizhang::clock;
use taizhang::ledger::draft::Draft;
use taizhang::ledger::{Ledger, Update};
use taizhang::period::{self, Period};
use taizhang::report::{self, Kind, Options, Report, Row};
use taizhang::{Lang, Plan};

use super::action::{Action, Effect};
use super::form::Form;
use super::keymap::Ctx;
use super::lead::Lead;
use super::list::ListState;
use super::picker::{Choice, Picker};
use super::text::{T, t};

/// What the screen is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The lead's dashboard (no `--unit`).
    Lead,
    /// The lead view's format chooser.
    Export,
    /// The lead view's tasks × units matrix.
    Matrix,
    /// Over the matrix: every unit's state on one task.
    Task,
    Picker,
    List,
    Form,
    /// "Discard unsaved changes?"
    Discard,
    /// Someone saved the assignment since the form opened.
    Conflict,
    /// The operator left a draft of this assignment: restore it or discard it?
    Restore,
    /// "Nothing new this period on this assignment?"
    NoChange,
    /// The selected assignment's records, to correct or withdraw one.
    Records,
    /// "Withdraw this record?"
    Withdraw,
}

/// Whether the other units' records have arrived: they are read in the background, so the
/// first frame waits only for the operator's own unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Others {
    Reading,
    Ready,
    /// The read failed (the status bar said why).
    Failed,
}

/// The records popup: which assignment, and which of its records (newest first) is selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordsView {
    pub task: String,
    pub unit: String,
    pub selected: usize,
}

pub struct App {
    pub lang: Lang,
    pub plan: Plan,
    pub now: DateTime<FixedOffset>,
    /// The operator's name stamped on updates.
    pub by: Option<String>,
    pub unit: Option<usize>,
    /// Shared with a file being written from the lead view; changed copy-on-write.
    pub ledger: Arc<Ledger>,
    /// Units whose ledger file could not be read, with why (others' files may be private).
    pub unreadable: Vec<(usize, String)>,
    /// The unit whose records were read before the first frame, if any.
    pub own: Option<usize>,
    /// Whether every other unit's records are in `ledger`.
    pub others: Others,
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
    /// The form's revision when the save in flight started.
    pub saving_rev: u64,
    /// Ctrl-S was pressed again while saving.
    pub resave: bool,
    /// The operator's drafts of this unit's assignments, as read when the unit was chosen.
    pub drafts: Vec<Draft>,
    /// The draft offered in the restore prompt.
    pub offer: Option<Draft>,
    /// Keys were typed at the restore prompt: it says they went nowhere and to answer first.
    pub unanswered: bool,
    /// The records popup, while it is open (and while its withdraw prompt is).
    pub records: Option<RecordsView>,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    pub quit: bool,
    /// The lead view, when the interface was opened without a unit.
    pub lead: Option<Lead>,
    /// The unit's list was opened from the lead view: nothing can be recorded in it.
    pub readonly: bool,
}

impl App {
    /// A new app; with `unit`, straight into that unit's list, else the lead view.
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
            ledger: Arc::new(ledger),
            unreadable,
            own: unit,
            others: Others::Ready,
            report: None,
            list: ListState::default(),
            picker,
            form: None,
            mode: Mode::Picker,
            help: false,
            conflict: None,
            saving: false,
            saving_rev: 0,
            resave: false,
            drafts: Vec::new(),
            offer: None,
            unanswered: false,
            records: None,
            message: None,
            quit: false,
            lead: None,
            readonly: false,
        };
        match unit {
            Some(u) => app.choose(u),
            None => {
                app.lead = Some(Lead::new(&app.plan, app.today()));
                app.mode = Mode::Lead;
            }
        }
        app
    }

    pub fn today(&self) -> NaiveDate {
        clock::local_date(self.now, self.plan.meta.offset)
    }

    /// The current period (or the last, once every date has passed).
    pub fn period(&self) -> Option<Period> {
        period::default_for(&period::periods(&self.plan.meta), self.today())
    }

    /// Key contexts in priority order for the current mode.
    pub fn contexts(&self) -> Vec<Ctx> {
        if self.help { vec![Ctx::Help] } else { self.screen_contexts() }
    }

    /// Key contexts of the screen under any help overlay (what the help lists first).
    pub fn screen_contexts(&self) -> Vec<Ctx> {
        match self.mode {
            Mode::Lead => vec![Ctx::Lead],
            Mode::Export => vec![Ctx::Export],
            Mode::Matrix => vec![Ctx::Matrix],
            Mode::Task => vec![Ctx::Task],
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
            Mode::Restore => vec![Ctx::Restore],
            Mode::Records => vec![Ctx::Records],
            Mode::NoChange | Mode::Withdraw => vec![Ctx::Confirm],
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if self.readonly && self.writes(&action) {
            self.message = Some(super::text::lead::read_only(self.lang, &self.unit_name()));
            return None;
        }
        match action {
            Action::Quit => self.quit_now(),
            Action::ToggleHelp => self.toggle_help(),
            Action::Tick(now) => self.tick(now),
            Action::Saved(result) => self.saved(result),
            Action::Waiting(text) => {
                self.message = Some(text);
                None
            }
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-self.page()),
            Action::PageDown => self.step(self.page()),
            Action::Home => self.step(isize::MIN / 2),
            Action::End => self.step(isize::MAX / 2),
            Action::ScrollUp { column, row } => self.wheel(column, row, -3),
            Action::ScrollDown { column, row } => self.wheel(column, row, 3),
            Action::DetailUp => self.scroll_detail(-3),
            Action::DetailDown => self.scroll_detail(3),
            Action::DetailPageUp => self.scroll_detail(-self.list.detail_page()),
            Action::DetailPageDown => self.scroll_detail(self.list.detail_page()),
            Action::Open => self.open(),
            Action::StartSearch => self.start_search(),
            Action::Type(c) => self.type_char(c),
            Action::Backspace => self.backspace(),
            Action::Accept => self.accept_search(),
            Action::CycleFilter => self.relist(|l| l.filter = l.filter.next()),
            Action::CycleSort => self.resort(),
            Action::Click { column, row } => self.click(column, row),
            Action::Back => self.back(),
            Action::Autosave(_)
            | Action::DraftsLoaded { .. }
            | Action::DraftFailed(_)
            | Action::RestoreDraft
            | Action::Unanswered
            | Action::DropDraft => self.draft_action(action),
            Action::LedgerLoaded(delivery) => self.ledger_loaded(delivery),
            Action::AskNoChange
            | Action::OpenRecords
            | Action::CorrectRecord
            | Action::AskWithdraw
            | Action::Confirm
            | Action::Cancel => self.record_action(action),
            Action::PrevPeriod
            | Action::NextPeriod
            | Action::ShowPeriod(_)
            | Action::NextPane
            | Action::OpenMatrix
            | Action::OpenTask
            | Action::ToggleChanges
            | Action::Left
            | Action::Right
            | Action::PickUnit
            | Action::AskExport
            | Action::Export(_)
            | Action::WriteChase
            | Action::LedgerChanged
            | Action::Exported(_)
            | Action::Summarized(_) => self.lead_action(action),
            other => self.form_action(other),
        }
    }

    /// The chosen unit's name (empty before one is chosen).
    pub fn unit_name(&self) -> String {
        self.unit.map(|u| self.plan.units[u].name.clone()).unwrap_or_default()
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
            return self.rebuild_lead();
        }
        None
    }

    /// Enter: open the chosen unit (and ask the loop for the operator's drafts of it), or the
    /// form on the selected assignment.
    fn open(&mut self) -> Option<Effect> {
        match self.mode {
            Mode::Lead => self.open_read_only(),
            Mode::Matrix => self.open_cell(),
            Mode::Picker => {
                let Some(Choice::Unit(u)) = self.picker.chosen() else { return None };
                self.readonly = false;
                self.choose(u);
                let unit = self.plan.units[self.unit?].id.clone();
                return Some(Effect::LoadDrafts { unit });
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
    /// Until the unit's records have been read there are no rows (not rows that look unreported).
    pub fn rebuild(&mut self) {
        if let (Some(u), Some(period)) = (self.unit, self.period()) {
            let opts = Options { kind: Kind::Unit, period, as_of: None, at: Some(self.now), unit: Some(u) };
            self.report = self.has_records_of(u).then(|| report::build(&self.plan, &self.ledger, &opts));
        }
        self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
    }

    /// The unit's assignment rows (none before a unit is chosen).
    pub fn rows(&self) -> &[Row] {
        self.report.as_ref().map_or(&[], |r| &r.rows)
    }

    /// Back to the list; a draft this form wrote is no longer needed.
    pub fn close_form(&mut self) -> Option<Effect> {
        let form = self.form.take()?;
        self.conflict = None;
        self.mode = Mode::List;
        form.drafted.map(|_| Effect::RemoveDraft { unit: form.unit, task: form.task })
    }

    /// "saving…" / "unsaved" for the status bar; nothing when there is nothing to save (a
    /// steady "saved" before anything was entered would claim a save that never happened; the
    /// message after a save says what was saved).
    pub fn save_state(&self) -> Option<&'static str> {
        if self.saving {
            Some(t(self.lang, T::Saving))
        } else if self.form.as_ref().is_some_and(Form::dirty) {
            Some(t(self.lang, T::Unsaved))
        } else {
            None
        }
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
pub(crate) mod tests;

#[cfg(test)]
#[path = "app_draft_tests.rs"]
mod draft_tests;

#[cfg(test)]
#[path = "app_record_tests.rs"]
mod record_tests;

#[cfg(test)]
#[path = "app_load_tests.rs"]
mod load_tests;

#[cfg(test)]
#[path = "app_report_tests.rs"]
mod report_tests;

#[cfg(test)]
#[path = "app_form_tests.rs"]
mod form_tests;
