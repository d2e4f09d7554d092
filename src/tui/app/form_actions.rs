//! The form's side of `update`: opening it, editing, saving, and the discard and conflict
//! prompts.

use taizhang::ledger::Expect;

use super::{App, Mode};
use crate::tui::action::{Action, Effect, SaveError};
use crate::tui::form::{Field, Form};
use crate::tui::text::{T, t};

impl App {
    /// Opens the form on the selected assignment, focus in 进展情况.
    pub(super) fn open_form(&mut self) {
        let Some(row) = self.list.selected_row().and_then(|i| self.rows().get(i)) else { return };
        let latest = self.ledger.latest(&row.task, &row.unit).cloned();
        self.form = Some(Form::open(&row.task, &row.unit, latest.as_ref()));
        self.mode = Mode::Form;
        self.message = None;
    }

    pub(super) fn form_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::NextField => self.with_form(|f| f.focus_next(true)),
            Action::PrevField => self.with_form(|f| f.focus_next(false)),
            Action::StatusPrev => self.with_form(|f| f.status_step(false)),
            Action::StatusNext => self.with_form(|f| f.status_step(true)),
            Action::PercentUp => self.with_form(|f| f.percent_step(true)),
            Action::PercentDown => self.with_form(|f| f.percent_step(false)),
            Action::Edit(key) => self.with_form(|f| edit(f, key)),
            Action::Paste(text) => self.with_form(|f| paste(f, &text)),
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

    /// Asks the loop to save; `anyway` saves over a conflict the operator has seen.
    fn save(&mut self, anyway: bool) -> Option<Effect> {
        let allowed = self.mode == Mode::Form || (anyway && self.mode == Mode::Conflict);
        if !allowed || self.saving {
            return None;
        }
        let lang = self.lang;
        let (now, by) = (self.now, self.by.clone());
        let seen = if anyway { self.conflict.as_deref().cloned() } else { None };
        let form = self.form.as_mut()?;
        let Ok(update) = form.update(now, by) else {
            form.error = Some(t(lang, T::PercentBad).to_string());
            form.focus = Field::Percent;
            return None;
        };
        let expect = Expect::Latest(if anyway { seen } else { form.base.clone() });
        self.saving = true;
        self.mode = Mode::Form;
        Some(Effect::Save { update: Box::new(update), expect: Box::new(expect) })
    }

    /// A save finished: on success record it and return to the list; otherwise keep the form.
    pub(super) fn saved(&mut self, result: Result<taizhang::ledger::Update, SaveError>) -> Option<Effect> {
        self.saving = false;
        match result {
            Ok(update) => {
                let note = crate::tui::text::saved_note(self.lang, &update);
                let mut all = self.ledger.updates().to_vec();
                all.push(update);
                self.ledger = taizhang::ledger::Ledger::from_updates(self.ledger.dir.clone(), all);
                self.close_form();
                self.rebuild();
                self.message = Some(note);
            }
            Err(SaveError::Stale(theirs)) => {
                self.conflict = Some(theirs);
                self.mode = Mode::Conflict;
            }
            Err(SaveError::Refused(why)) => {
                if let Some(f) = self.form.as_mut() {
                    f.error = Some(why);
                }
                self.mode = Mode::Form;
            }
        }
        None
    }

    fn discard(&mut self) -> Option<Effect> {
        if matches!(self.mode, Mode::Discard | Mode::Conflict) {
            if let Some(theirs) = self.conflict.take() {
                // Their update is the current state now: show it.
                if !self.ledger.updates().contains(&theirs) {
                    let mut all = self.ledger.updates().to_vec();
                    all.push(*theirs);
                    self.ledger = taizhang::ledger::Ledger::from_updates(self.ledger.dir.clone(), all);
                }
                self.rebuild();
            }
            self.close_form();
        }
        None
    }

    fn keep_editing(&mut self) -> Option<Effect> {
        if matches!(self.mode, Mode::Discard | Mode::Conflict) {
            self.mode = Mode::Form;
        }
        None
    }
}

/// A key in the focused field: text areas take it whole; the percent field takes digits.
fn edit(f: &mut Form, key: crossterm::event::KeyEvent) {
    use crossterm::event::KeyCode;
    match f.focus {
        Field::Percent => match key.code {
            KeyCode::Char(c) => f.type_percent(c),
            KeyCode::Backspace => {
                f.percent.pop();
            }
            _ => {}
        },
        Field::Status => {}
        _ => {
            if let Some(t) = f.text_mut() {
                t.input(key);
            }
        }
    }
    f.error = None;
}

fn paste(f: &mut Form, text: &str) {
    let clean: String = text.replace("\r\n", "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect();
    match f.focus {
        Field::Percent => clean.chars().for_each(|c| f.type_percent(c)),
        Field::Status => {}
        _ => {
            if let Some(t) = f.text_mut() {
                t.insert_str(clean);
            }
        }
    }
}
