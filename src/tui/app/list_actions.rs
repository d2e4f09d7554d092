//! The list's and the picker's side of `update`: moving the selection, searching, filtering,
//! sorting and clicking.

use super::{App, Mode};
use crate::tui::action::Effect;
use crate::tui::list::ListState;

impl App {
    /// Moves the selection in the picker or the list.
    pub(super) fn step(&mut self, delta: isize) -> Option<Effect> {
        match self.mode {
            Mode::Picker => {
                let last = self.picker.matches.len().saturating_sub(1);
                self.picker.selected = self.picker.selected.saturating_add_signed(delta).min(last);
            }
            Mode::List => self.list.move_by(delta),
            Mode::Lead => {
                if let Some(lead) = self.lead.as_mut() {
                    lead.step(delta);
                }
            }
            Mode::Matrix => {
                if let Some(lead) = self.lead.as_mut() {
                    lead.move_cell(delta, 0);
                }
            }
            Mode::Task => {
                if let Some(lead) = self.lead.as_mut() {
                    lead.scroll_task(delta);
                }
            }
            Mode::Records => self.step_records(delta),
            _ => {}
        }
        None
    }

    pub(super) fn relist(&mut self, change: impl FnOnce(&mut ListState)) -> Option<Effect> {
        change(&mut self.list);
        self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
        None
    }

    pub(super) fn start_search(&mut self) -> Option<Effect> {
        self.list.searching = true;
        None
    }

    pub(super) fn type_char(&mut self, c: char) -> Option<Effect> {
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

    pub(super) fn backspace(&mut self) -> Option<Effect> {
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

    pub(super) fn accept_search(&mut self) -> Option<Effect> {
        self.list.searching = false;
        None
    }

    pub(super) fn click(&mut self, _column: u16, row: u16) -> Option<Effect> {
        if self.mode == Mode::List && !self.help {
            self.list.click(row);
        }
        None
    }
}
