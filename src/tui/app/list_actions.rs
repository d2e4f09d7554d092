//! The list's and the picker's side of `update`: moving the selection, searching, filtering,
//! sorting, clicking, and Esc (back out of whatever is open).

use super::{App, Mode};
use crate::tui::action::Effect;
use crate::tui::form::Form;
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

    /// Esc: close help, clear the picker's filter, end or clear the search, cancel the form (asking first if changed),
    /// leave the restore prompt keeping the draft for later, or go back to the lead view (from
    /// the picker or a unit opened read-only; with no lead view, Esc in the picker quits).
    pub(super) fn back(&mut self) -> Option<Effect> {
        // A filter typed into the picker is cleared first.
        if self.mode == Mode::Picker && !self.help && !self.picker.query.is_empty() {
            self.picker.query.clear();
            self.picker.refresh(&self.plan);
            return None;
        }
        let searching = self.list.searching || !self.list.query.is_empty();
        let leaving = self.mode == Mode::Picker || self.mode == Mode::List && !searching;
        if !self.help && leaving && self.back_to_lead() {
            return None;
        }
        if self.help {
            self.help = false;
        } else if self.mode == Mode::Picker {
            return self.quit_now();
        } else if self.mode == Mode::Export {
            // Back where the format was asked for: a unit's list, or the lead view.
            self.mode = if self.unit.is_some() { Mode::List } else { Mode::Lead };
        } else if self.mode == Mode::Matrix {
            self.mode = Mode::Lead;
        } else if self.mode == Mode::Task {
            self.mode = Mode::Matrix;
        } else if self.mode == Mode::Form && !self.saving {
            if self.form.as_ref().is_some_and(Form::dirty) {
                self.mode = Mode::Discard;
            } else {
                return self.close_form();
            }
        } else if self.mode == Mode::Restore {
            self.drafts.extend(self.offer.take());
            return self.close_form();
        } else if self.mode == Mode::Records {
            self.records = None;
            self.mode = if self.unit.is_some() { Mode::List } else { Mode::Matrix };
            self.readonly &= self.unit.is_some();
        } else if self.mode == Mode::List {
            self.list.searching = false;
            self.list.query.clear();
            self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
        }
        None
    }

    pub(super) fn relist(&mut self, change: impl FnOnce(&mut ListState)) -> Option<Effect> {
        change(&mut self.list);
        self.list.rebuild(self.report.as_ref().map_or(&[], |r| &r.rows));
        None
    }

    /// `s`: the next order, from its top (the most urgent, the earliest due, …).
    pub(super) fn resort(&mut self) -> Option<Effect> {
        self.relist(|l| l.sort = l.sort.next());
        self.list.selected = 0;
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

    /// The mouse wheel: over the list's detail pane it scrolls the pane, in the form the task's
    /// text or the field under it, elsewhere it moves.
    pub(super) fn wheel(&mut self, column: u16, row: u16, delta: isize) -> Option<Effect> {
        if self.mode == Mode::Form && !self.help {
            self.form.as_mut().map(|f| f.wheel(column, row, delta));
            return None;
        }
        let over_detail = self.list.detail_area.get().contains(ratatui::layout::Position { x: column, y: row });
        if self.mode == Mode::List && !self.help && over_detail {
            return self.scroll_detail(delta);
        }
        self.step(delta)
    }

    /// Scrolls the detail pane, or in the form the task's text.
    pub(super) fn scroll_detail(&mut self, delta: isize) -> Option<Effect> {
        match (self.mode, self.form.as_mut()) {
            (Mode::Form, Some(f)) => f.scroll_task(delta),
            _ => self.list.scroll_detail(delta),
        }
        None
    }

    /// A click selects the assignment under it in the list, or in the form the field (or the
    /// status) under it.
    pub(super) fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        if self.help {
            return None;
        }
        match (self.mode, self.form.as_mut()) {
            (Mode::List, _) => drop(self.list.click(row)),
            (Mode::Form, Some(f)) => drop(f.click(column, row, self.lang)),
            _ => {}
        }
        None
    }
}
