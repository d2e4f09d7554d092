//! Drafts' side of `update`: deciding when the form's values must be written as a draft (or the
//! draft removed), taking in the drafts read for a unit, and the restore prompt.

use chrono::{DateTime, FixedOffset};

use super::{App, Mode};
use crate::tui::action::{Action, Effect};

impl App {
    pub(super) fn draft_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Autosave(now) => self.autosave(now),
            Action::DraftsLoaded { drafts, note } => {
                self.drafts = drafts;
                self.message = note.or(self.message.take());
                None
            }
            Action::DraftFailed(why) => {
                if let Some(f) = self.form.as_mut() {
                    // Try again at the next autosave.
                    f.drafted = None;
                }
                self.message = Some(why);
                None
            }
            Action::RestoreDraft => self.restore_draft(),
            Action::DropDraft => self.drop_draft(),
            Action::Unanswered => {
                self.unanswered = self.mode == Mode::Restore;
                None
            }
            _ => None,
        }
    }

    /// About once a second, and when the program must end: writes the form's values as a draft
    /// when they changed since the last one, or removes the draft once nothing is unsaved.
    fn autosave(&mut self, now: DateTime<FixedOffset>) -> Option<Effect> {
        if self.mode == Mode::Restore {
            return None;
        }
        let f = self.form.as_mut()?;
        if f.drafted == Some(f.revision()) {
            None
        } else if f.dirty() {
            f.drafted = Some(f.revision());
            Some(Effect::WriteDraft(Box::new(f.draft(now))))
        } else if f.drafted.take().is_some() {
            Some(Effect::RemoveDraft { unit: f.unit.clone(), task: f.task.clone() })
        } else {
            None
        }
    }

    /// "Restore": the form takes the draft's values; a save is then checked against the record
    /// the draft was typed over, so someone else's later update shows as a conflict.
    fn restore_draft(&mut self) -> Option<Effect> {
        if self.mode != Mode::Restore {
            return None;
        }
        let draft = self.offer.take()?;
        let base = draft.base_at.and_then(|at| {
            self.ledger.history(&draft.task, &draft.unit).into_iter().rev().find(|u| u.at == at).cloned()
        });
        if let Some(f) = self.form.as_mut() {
            f.restore(&draft, base);
        }
        self.mode = Mode::Form;
        None
    }

    /// "Discard": the draft goes; the form opens as it would have without it.
    fn drop_draft(&mut self) -> Option<Effect> {
        if self.mode != Mode::Restore {
            return None;
        }
        let draft = self.offer.take()?;
        self.mode = Mode::Form;
        Some(Effect::RemoveDraft { unit: draft.unit, task: draft.task })
    }
}
