//! Records' side of `update`: confirming 本期无新进展, and the records popup from which an
//! earlier record is corrected (a form opens on it) or withdrawn. Each is a new record; nothing
//! is ever edited in place.

use taizhang::ledger::{Expect, RecordKind, Update};

use super::{App, Mode, RecordsView};
use crate::tui::action::{Action, Effect};
use crate::tui::form::Form;
use crate::tui::text::{T, t};

impl App {
    pub(super) fn record_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::AskNoChange => self.ask_no_change(),
            Action::OpenRecords => self.open_records(),
            Action::CorrectRecord => self.correct_selected(),
            Action::AskWithdraw => self.ask_withdraw(),
            Action::Confirm => self.confirm(),
            Action::Cancel => self.cancel(),
            _ => None,
        }
    }

    /// The selected row's (task, unit).
    fn selected_assignment(&self) -> Option<(String, String)> {
        let row = self.list.selected_row().and_then(|i| self.rows().get(i))?;
        Some((row.task.clone(), row.unit.clone()))
    }

    fn ask_no_change(&mut self) -> Option<Effect> {
        if self.mode != Mode::List || self.saving {
            return None;
        }
        let (task, unit) = self.selected_assignment()?;
        if self.ledger.as_of(&task, &unit, self.now).is_none() {
            self.message = Some(t(self.lang, T::NoChangeFirst).to_string());
            return None;
        }
        self.mode = Mode::NoChange;
        None
    }

    /// The selected assignment's records as of now, newest first.
    pub fn shown_records(&self) -> Vec<&Update> {
        let Some(v) = &self.records else { return Vec::new() };
        let mut all: Vec<&Update> =
            self.ledger.trail(&v.task, &v.unit).into_iter().filter(|u| u.at <= self.now).collect();
        all.reverse();
        all
    }

    fn open_records(&mut self) -> Option<Effect> {
        if self.mode != Mode::List {
            return None;
        }
        let (task, unit) = self.selected_assignment()?;
        self.records = Some(RecordsView { task, unit, selected: 0 });
        self.mode = Mode::Records;
        self.message = None;
        None
    }

    /// Moves the selection in the records popup.
    pub(super) fn step_records(&mut self, delta: isize) {
        let last = self.shown_records().len().saturating_sub(1);
        if let Some(v) = self.records.as_mut() {
            v.selected = v.selected.saturating_add_signed(delta).min(last);
        }
    }

    /// The selected record, if it is a progress record still in force (as it now stands).
    fn selected_progress(&mut self) -> Option<Update> {
        let record = self.shown_records().get(self.records.as_ref()?.selected).copied().cloned()?;
        let current = (record.kind == RecordKind::Progress)
            .then(|| self.ledger.history(&record.task, &record.unit).into_iter().find(|s| s.id == record.id).cloned())
            .flatten();
        if current.is_none() {
            self.message = Some(t(self.lang, T::OnlyProgress).to_string());
        }
        current
    }

    fn correct_selected(&mut self) -> Option<Effect> {
        if self.mode != Mode::Records {
            return None;
        }
        let record = self.selected_progress()?;
        self.records = None;
        self.form = Some(Form::correct(&record));
        self.mode = Mode::Form;
        None
    }

    fn ask_withdraw(&mut self) -> Option<Effect> {
        if self.mode == Mode::Records && !self.saving && self.selected_progress().is_some() {
            self.mode = Mode::Withdraw;
        }
        None
    }

    /// "y" in the no-change or the withdraw prompt: the record goes to the ledger.
    fn confirm(&mut self) -> Option<Effect> {
        let (task, unit, kind) = match self.mode {
            Mode::NoChange => {
                let (task, unit) = self.selected_assignment()?;
                (task, unit, RecordKind::NoChange)
            }
            Mode::Withdraw => {
                let record = self.selected_progress()?;
                self.records = None;
                (record.task, record.unit, RecordKind::Withdrawal { of: record.id })
            }
            _ => return None,
        };
        self.mode = Mode::List;
        // Status and percent are filled in by the ledger from the record it confirms or withdraws.
        let state = self.ledger.latest(&task, &unit)?.status;
        let update = Update { by: self.by.clone(), kind, ..Update::new(&task, &unit, self.now, state) };
        self.saving = true;
        Some(Effect::Save { update: Box::new(update), expect: Box::new(Expect::Any), check_evidence: false })
    }

    fn cancel(&mut self) -> Option<Effect> {
        self.mode = match self.mode {
            Mode::Withdraw => Mode::Records,
            Mode::NoChange => Mode::List,
            other => other,
        };
        None
    }
}
