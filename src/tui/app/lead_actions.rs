//! The lead view's side of `update`: switching period and list, opening a unit read-only or the
//! picker, asking for files to be written (also a unit's own report, from its list), and taking
//! in a ledger that changed on disk.

use std::sync::Arc;

use taizhang::period;
use taizhang::report::{Kind, Options};

use super::{App, Mode};
use crate::front::render::Format;
use crate::tui::action::{Action, Effect, Job, Summarized, Summary, Written};
use crate::tui::text::lead::{exported, read_only};

impl App {
    pub(super) fn lead_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::PrevPeriod => self.show_period(|shown| shown.checked_sub(1)),
            Action::NextPeriod => self.show_period(|shown| Some(shown + 1)),
            Action::ShowPeriod(n) => self.show_period(|_| n.checked_sub(1)),
            Action::NextPane => self.next_pane(),
            Action::OpenMatrix => self.open_matrix(),
            Action::OpenTask => self.open_task(),
            Action::ToggleChanges => self.toggle_changes(),
            Action::Left => self.move_column(-1),
            Action::Right => self.move_column(1),
            Action::PickUnit => self.pick_unit(),
            Action::AskExport => self.ask_export(),
            Action::Export(format) if self.unit.is_some() => self.write_unit(format),
            Action::Export(format) => self.write(Written::Summary(format)),
            Action::WriteChase => self.write(Written::Chase),
            Action::LedgerChanged => self.reload(),
            Action::Exported(result) => self.exported(result),
            Action::Summarized(built) => self.summarized(built),
            _ => None,
        }
    }

    /// True for what would record something: not in a unit opened read-only.
    pub(super) fn writes(&self, action: &Action) -> bool {
        match action {
            Action::Open => self.mode == Mode::List,
            Action::AskNoChange | Action::CorrectRecord | Action::AskWithdraw => true,
            _ => false,
        }
    }

    /// Lines a page key moves.
    pub(super) fn page(&self) -> isize {
        if matches!(self.mode, Mode::Lead | Mode::Matrix) { 10 } else { self.list.page() }
    }

    /// Asks for the lead's summary of the shown period, once every unit's records are in: the
    /// loop works it out on another thread (a province's takes longer than a key may wait).
    pub fn rebuild_lead(&mut self) -> Option<Effect> {
        let today = self.today();
        let lead = self.lead.as_mut().filter(|_| self.others == super::Others::Ready)?;
        let ask = lead.ask(today)?;
        Some(Effect::Summarize(Box::new(Summary { ask, ledger: Arc::clone(&self.ledger) })))
    }

    /// Works out the lead's summary here and now rather than on another thread.
    #[cfg(test)]
    pub fn summarize_now(&mut self) {
        let today = self.today();
        let Some(lead) = self.lead.as_mut() else { return };
        if let Some(ask) = lead.ask(today) {
            lead.take(super::super::lead::summarize(&self.plan, &self.ledger, &ask));
        }
    }

    fn summarized(&mut self, built: Summarized) -> Option<Effect> {
        let built = Arc::try_unwrap(built.0).unwrap_or_else(|shared| (*shared).clone());
        if let Some(lead) = self.lead.as_mut() {
            lead.take(built);
        }
        None
    }

    fn show_period(&mut self, pick: impl FnOnce(usize) -> Option<usize>) -> Option<Effect> {
        let lead = self.lead.as_mut().filter(|_| matches!(self.mode, Mode::Lead | Mode::Matrix))?;
        if pick(lead.shown).is_some_and(|i| lead.show(i)) {
            return self.rebuild_lead();
        }
        None
    }

    fn next_pane(&mut self) -> Option<Effect> {
        if let Some(lead) = self.lead.as_mut() {
            lead.focus = lead.focus.next();
        }
        None
    }

    /// `c`: the lists show what changed since the previous period (or the whole picture again).
    fn toggle_changes(&mut self) -> Option<Effect> {
        let lead = self.lead.as_mut().filter(|_| self.mode == Mode::Lead)?;
        lead.show_changes = !lead.show_changes;
        if lead.show_changes && lead.shown == 0 {
            self.message = Some(crate::tui::text::lead::nothing_before(self.lang));
        }
        self.rebuild_lead()
    }

    fn open_matrix(&mut self) -> Option<Effect> {
        if self.mode == Mode::Lead && self.lead.is_some() && self.others == super::Others::Ready {
            self.mode = Mode::Matrix;
        }
        None
    }

    /// `t` in the matrix: every unit's state on the task under the cursor.
    fn open_task(&mut self) -> Option<Effect> {
        let lead = self.lead.as_mut().filter(|_| self.mode == Mode::Matrix)?;
        if lead.cell_ids().0.is_some() {
            lead.task_scroll = 0;
            self.mode = Mode::Task;
        }
        None
    }

    fn move_column(&mut self, by: isize) -> Option<Effect> {
        if let Some(lead) = self.lead.as_mut().filter(|_| self.mode == Mode::Matrix) {
            lead.move_cell(0, by);
        }
        None
    }

    /// Enter in the matrix: on a cell, that assignment's records (read-only); on a task's name,
    /// every unit's state on it; on the units' header row, that unit's assignments (read-only,
    /// Esc back to the lead view).
    pub(super) fn open_cell(&mut self) {
        let Some(lead) = self.lead.as_ref() else { return };
        match lead.cell_ids() {
            (Some(task), Some(unit)) => {
                let assigned = self.plan.task(task).is_some_and(|t| {
                    t.assignees.iter().any(|a| self.plan.units.get(a.unit).is_some_and(|u| u.id == unit))
                });
                if assigned {
                    self.records = Some(super::RecordsView { task: task.into(), unit: unit.into(), selected: 0 });
                    self.readonly = true;
                    self.mode = Mode::Records;
                }
            }
            (Some(_), None) => {
                self.open_task();
            }
            (None, Some(unit)) => {
                if let Some(u) = self.plan.unit_index(unit) {
                    self.choose(u);
                    self.readonly = self.mode == Mode::List;
                }
            }
            _ => {}
        }
    }

    /// The picker, from the lead view or from a unit's list (to switch unit).
    fn pick_unit(&mut self) -> Option<Effect> {
        if matches!(self.mode, Mode::Lead | Mode::List) && self.form.is_none() {
            self.mode = Mode::Picker;
            self.tally_picker();
        }
        None
    }

    /// Counts, for the picker, each unit's assignments still owed this period (as of now), for
    /// the units whose records are in and readable.
    pub(super) fn tally_picker(&mut self) {
        let Some(period) = self.period() else { return };
        let opts = Options { kind: Kind::Summary, period, as_of: None, at: Some(self.now), unit: None };
        let mut picker = std::mem::take(&mut self.picker);
        let known = |u: usize| self.has_records_of(u) && !self.unreadable.iter().any(|(x, _)| *x == u);
        picker.tally(&self.plan, &self.ledger, &opts, &known);
        self.picker = picker;
    }

    /// Enter in the lead view: the selected unit's list, read-only (Esc comes back).
    pub(super) fn open_read_only(&mut self) {
        let Some(u) = self.lead.as_ref().and_then(|l| l.selected_unit()).and_then(|id| self.plan.unit_index(id)) else {
            return;
        };
        self.choose(u);
        if self.mode == Mode::List {
            self.readonly = true;
            self.message = Some(read_only(self.lang, &self.plan.units[u].name));
        }
    }

    /// Esc from a unit's list opened read-only, or from the picker: back to the lead view.
    pub(super) fn back_to_lead(&mut self) -> bool {
        let back = self.lead.is_some() && (self.readonly && self.mode == Mode::List || self.mode == Mode::Picker);
        if back {
            self.readonly = false;
            self.unit = None;
            self.report = None;
            self.mode = Mode::Lead;
        }
        back
    }

    /// `e`: the format chooser, for the lead's summary or, in a unit's list, the unit's report.
    fn ask_export(&mut self) -> Option<Effect> {
        let lead = self.mode == Mode::Lead && self.lead.is_some() && self.others == super::Others::Ready;
        if lead || self.mode == Mode::List && self.unit.is_some() {
            self.mode = Mode::Export;
        }
        None
    }

    /// `p` (or a format chosen after `e`) in a unit's list: asks the loop to write the unit's
    /// report for the current period, as `taizhang report --unit` writes it on this day.
    fn write_unit(&mut self, format: Format) -> Option<Effect> {
        if !matches!(self.mode, Mode::List | Mode::Export) {
            return None;
        }
        self.mode = Mode::List;
        let (unit, period) = (self.unit?, self.period()?);
        let as_of = period::default_as_of(&period::periods(&self.plan.meta), &period, self.today());
        let options = Options { kind: Kind::Unit, period, as_of, at: None, unit: Some(unit) };
        self.message = Some(crate::tui::text::lead::writing(self.lang));
        let job = Job { what: Written::Unit(format), options, ledger: Arc::clone(&self.ledger) };
        Some(Effect::Export(Box::new(job)))
    }

    /// Asks the loop to write the shown period's summary (or chase list) to a file.
    fn write(&mut self, what: Written) -> Option<Effect> {
        if !matches!(self.mode, Mode::Lead | Mode::Export) {
            return None;
        }
        self.mode = Mode::Lead;
        // The file is made from the ledger, not from the summary on screen: it can be asked for
        // while that summary is still being worked out, but not before every unit is read.
        let ready = self.others == super::Others::Ready;
        let options = self.lead.as_ref().filter(|_| ready)?.options(self.today())?;
        let ledger = Arc::clone(&self.ledger);
        self.message = Some(crate::tui::text::lead::writing(self.lang));
        Some(Effect::Export(Box::new(Job { what, options, ledger })))
    }

    /// Files written, or why not; in a unit's list, when the period's report is due.
    fn exported(&mut self, result: Result<Vec<String>, String>) -> Option<Effect> {
        self.message = Some(match result {
            Ok(paths) => {
                let due =
                    self.unit.and(self.period()).map(|p| crate::tui::text::report_due(self.lang, &p, self.today()));
                let sep = self.lang.pick("；", "; ");
                due.into_iter().fold(exported(self.lang, &paths), |m, due| format!("{m}{sep}{due}"))
            }
            Err(why) => why,
        });
        None
    }

    /// A ledger file changed: read every unit's records again (the lead view only; an operator's
    /// own saves are already in). One read at a time: a change seen while one is under way is
    /// read once it is in, so an older read can never arrive after a newer one and replace it.
    pub(super) fn reload(&mut self) -> Option<Effect> {
        let lead = self.lead.as_mut()?;
        if lead.reading {
            lead.read_again = true;
            return None;
        }
        lead.reading = true;
        Some(Effect::LoadLedger { skip: None, now: self.now, full: true })
    }

    /// A read of the whole ledger came in: true when files changed meanwhile and the caller
    /// should read again (rather than summarize what is already out of date).
    pub(super) fn read_done(&mut self) -> bool {
        let Some(lead) = self.lead.as_mut() else { return false };
        lead.reading = false;
        std::mem::take(&mut lead.read_again)
    }
}
