//! The form's side of `update`: opening it, editing, saving, and the discard and conflict
//! prompts.

use taizhang::ledger::{Expect, Update};

use super::{App, Mode};
use crate::tui::action::{Action, Effect, SaveError};
use crate::tui::form::Form;
use crate::tui::text::{T, t};

impl App {
    /// Opens the form on the selected assignment, focus in 进展情况; when the operator left a
    /// draft of it, first asks whether to restore it.
    pub(super) fn open_form(&mut self) {
        let Some(row) = self.list.selected_row().and_then(|i| self.rows().get(i)) else { return };
        let (task, unit) = (row.task.clone(), row.unit.clone());
        // The form shows the state as of now (as the list and the detail do); a save is checked
        // against the latest record on file.
        let shown = self.ledger.as_of(&task, &unit, self.now).cloned();
        let mut form = Form::open(&task, &unit, shown.as_ref());
        form.base = self.ledger.latest(&task, &unit).cloned();
        self.form = Some(form);
        self.mode = Mode::Form;
        self.message = None;
        if let Some(i) = self.drafts.iter().position(|d| d.task == task && d.unit == unit) {
            self.offer = Some(self.drafts.remove(i));
            self.mode = Mode::Restore;
            self.unanswered = false;
        }
    }

    pub(super) fn form_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::NextField => self.with_form(|f| f.focus_next(true)),
            Action::PrevField => self.with_form(|f| f.focus_next(false)),
            Action::StatusPrev => self.with_form(|f| f.status_step(false)),
            Action::StatusNext => self.with_form(|f| f.status_step(true)),
            Action::PercentUp => self.with_form(|f| f.percent_step(true)),
            Action::PercentDown => self.with_form(|f| f.percent_step(false)),
            Action::Edit(key) => self.with_form(|f| f.key(key)),
            Action::Paste(text) => self.with_form(|f| f.paste(&text)),
            Action::Save => self.save(false),
            Action::ConfirmDiscard => self.discard(),
            Action::KeepEditing => self.keep_editing(),
            Action::ApplyAnyway => self.save(true),
            Action::DropMine => self.discard(),
            _ => None,
        }
    }

    fn with_form(&mut self, change: impl FnOnce(&mut Form)) -> Option<Effect> {
        if self.mode == Mode::Form
            && let Some(f) = self.form.as_mut()
        {
            change(f);
        }
        None
    }

    /// Asks the loop to save; `anyway` saves over a conflict the operator has seen. Asked again
    /// while a save is in flight, it saves once that one is done.
    fn save(&mut self, anyway: bool) -> Option<Effect> {
        let allowed = self.mode == Mode::Form || (anyway && self.mode == Mode::Conflict);
        if !allowed {
            return None;
        }
        if self.saving {
            self.resave = true;
            return None;
        }
        let lang = self.lang;
        let (now, by, offset) = (self.now, self.by.clone(), self.plan.meta.offset);
        let seen = if anyway { self.conflict.as_deref().cloned() } else { None };
        let form = self.form.as_mut()?;
        let update = match form.update(now, by, offset) {
            Ok(u) => u,
            Err(e) => {
                form.error = Some(crate::tui::text::form_error(lang, e).to_string());
                form.focus_on(e.field());
                return None;
            }
        };
        // A correction names the record it corrects; the ledger checks that record is there.
        let expect = match (&form.corrects, anyway) {
            (Some(_), _) => Expect::Any,
            (None, true) => Expect::Latest(seen.map(Box::new)),
            (None, false) => Expect::Latest(form.base.clone().map(Box::new)),
        };
        self.saving_rev = form.revision();
        self.saving = true;
        self.mode = Mode::Form;
        let check_evidence = form.evidence_unchecked();
        Some(Effect::Save { update: Box::new(update), expect: Box::new(expect), check_evidence })
    }

    /// A save finished. On success it is recorded and the form closes — unless the operator
    /// typed on meanwhile: then the form stays with what was typed since as its unsaved change
    /// (saved straight away if Ctrl-S was pressed again). On failure the form stays.
    pub(super) fn saved(&mut self, result: Result<Box<Update>, SaveError>) -> Option<Effect> {
        self.saving = false;
        let resave = std::mem::take(&mut self.resave);
        match result {
            Ok(update) => {
                let note = crate::tui::text::saved_note(self.lang, &update);
                self.record((*update).clone());
                let typed_since = self.form.as_ref().is_some_and(|f| f.revision() != self.saving_rev);
                if !typed_since {
                    self.message = Some(note);
                    return self.close_form();
                }
                self.message = Some(format!("{note}{}", t(self.lang, T::TypedSince)));
                if let Some(f) = self.form.as_mut() {
                    f.rebase(&update);
                }
                if resave {
                    return self.save(false);
                }
            }
            Err(SaveError::Stale(theirs)) => {
                self.conflict = Some(theirs);
                self.mode = Mode::Conflict;
            }
            Err(SaveError::Evidence(bad)) => {
                let lang = self.lang;
                if let Some(f) = self.form.as_mut() {
                    f.warn_evidence(&bad, lang);
                }
                self.resave = false;
            }
            Err(SaveError::Refused(why)) => match self.form.as_mut() {
                Some(f) => {
                    f.error = Some(why);
                    self.mode = Mode::Form;
                }
                // A confirmation or a withdrawal (no form): the status bar says why.
                None => self.message = Some(why),
            },
        }
        None
    }

    /// Adds a saved update to the ledger and the list.
    fn record(&mut self, update: Update) {
        std::sync::Arc::make_mut(&mut self.ledger).include(update);
        self.rebuild();
    }

    /// "Discard" in the prompt, or "drop mine" in a conflict: the form closes and its draft goes.
    fn discard(&mut self) -> Option<Effect> {
        if !matches!(self.mode, Mode::Discard | Mode::Conflict) {
            return None;
        }
        if let Some(theirs) = self.conflict.take() {
            // Their update is the current state now: show it.
            self.record(*theirs);
        }
        self.close_form()
    }

    fn keep_editing(&mut self) -> Option<Effect> {
        if matches!(self.mode, Mode::Discard | Mode::Conflict) {
            self.mode = Mode::Form;
        }
        None
    }
}
