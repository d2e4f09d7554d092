//! The ledger arriving: every other unit's records, read in the background after the first
//! frame, taken in; a unit chosen meanwhile gets its rows (or, if its file could not be read,
//! the picker again and why).

use std::sync::Arc;

use super::{App, Mode, Others};
use crate::tui::action::{Delivery, Effect};

impl App {
    /// True when `u`'s records are in the ledger.
    pub fn has_records_of(&self, u: usize) -> bool {
        self.own == Some(u) || self.others == Others::Ready
    }

    pub(super) fn ledger_loaded(&mut self, delivery: Delivery) -> Option<Effect> {
        match Arc::try_unwrap(delivery.0).unwrap_or_else(|shared| (*shared).clone()) {
            // The lead view reads every unit, again whenever a file changes: the new read replaces.
            Ok((ledger, unreadable)) if self.lead.is_some() => {
                self.ledger = Arc::new(ledger);
                self.unreadable = unreadable;
                self.others = Others::Ready;
            }
            Ok((ledger, unreadable)) => {
                Arc::make_mut(&mut self.ledger).absorb(ledger);
                let own = self.own;
                self.unreadable.extend(unreadable.into_iter().filter(|(u, _)| Some(*u) != own));
                self.others = Others::Ready;
            }
            Err(why) => {
                self.message = Some(why);
                self.others = Others::Failed;
            }
        }
        if self.mode == Mode::Picker {
            self.tally_picker();
        }
        if self.read_done() {
            return self.reload();
        }
        let summarize = self.rebuild_lead();
        let Some(u) = self.unit.filter(|&u| Some(u) != self.own) else { return summarize };
        if let Some((_, why)) = self.unreadable.iter().find(|(x, _)| *x == u) {
            self.message = Some(why.clone());
            self.unit = None;
            self.report = None;
            self.mode = Mode::Picker;
        }
        self.rebuild();
        summarize
    }
}
