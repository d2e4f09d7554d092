//! The task list: which of the unit's assignments show (filter, search), in what order (sort:
//! grouped by section in the plan's order, across sections otherwise), which one is selected,
//! and where the list and its detail pane are scrolled.

mod filter;
mod sort;

use std::cell::Cell;

use ratatui::layout::Rect;
use taizhang::report::Row;

pub use self::filter::Filter;
pub use self::sort::Sort;

/// One line of the list: a section heading or an assignment (index into the report rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Section(String),
    Row(usize),
}

#[derive(Debug, Default)]
pub struct ListState {
    pub filter: Filter,
    pub sort: Sort,
    pub query: String,
    pub searching: bool,
    pub lines: Vec<Line>,
    /// Row indices in display order.
    pub order: Vec<usize>,
    /// Index into `order`.
    pub selected: usize,
    /// First line shown; kept by drawing so the selection stays visible.
    pub offset: Cell<usize>,
    /// Where the list was last drawn (rows area), for paging and mouse clicks.
    pub area: Cell<Rect>,
    /// How far the detail pane is scrolled, and for which row (another row shows from the top).
    pub detail: (usize, usize),
    /// How far the detail pane can scroll, as last drawn.
    pub detail_room: Cell<usize>,
    /// Where the detail pane was last drawn (inside its border), for paging and the mouse wheel.
    pub detail_area: Cell<Rect>,
}

impl ListState {
    /// Recomputes the visible lines from the rows, keeping the selected assignment if it still shows.
    pub fn rebuild(&mut self, rows: &[Row]) {
        let keep = self.selected_row().and_then(|i| rows.get(i)).map(|r| (r.task.clone(), r.unit.clone()));
        let query = self.query.to_lowercase();
        let mut shown: Vec<usize> =
            (0..rows.len()).filter(|&i| self.filter.keeps(&rows[i]) && matches(&rows[i], &query)).collect();
        if self.sort.grouped() {
            let rank = section_ranks(rows);
            shown.sort_by_key(|&i| (rank[i], i));
        } else {
            shown.sort_by(|&a, &b| self.sort.compare(rows, a, b));
        }
        self.lines.clear();
        let mut section: Option<&Option<String>> = None;
        for &i in &shown {
            if self.sort.grouped() && section != Some(&rows[i].section) {
                section = Some(&rows[i].section);
                self.lines.push(Line::Section(rows[i].section.clone().unwrap_or_default()));
            }
            self.lines.push(Line::Row(i));
        }
        self.order = shown;
        let again = keep.and_then(|(t, u)| self.order.iter().position(|&i| rows[i].task == t && rows[i].unit == u));
        self.selected = again.unwrap_or(0).min(self.order.len().saturating_sub(1));
    }

    pub fn selected_row(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// The line index of the selected row.
    pub fn selected_line(&self) -> usize {
        let row = self.selected_row();
        self.lines.iter().position(|l| matches!(l, Line::Row(i) if Some(*i) == row)).unwrap_or(0)
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.order.is_empty() {
            return;
        }
        let last = self.order.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// How far the detail pane of the selected row is scrolled.
    pub fn detail_scroll(&self) -> usize {
        match self.selected_row() {
            Some(row) if row == self.detail.0 => self.detail.1.min(self.detail_room.get()),
            _ => 0,
        }
    }

    /// Scrolls the selected row's detail pane by `delta` lines, within what was last drawn.
    pub fn scroll_detail(&mut self, delta: isize) {
        if let Some(row) = self.selected_row() {
            self.detail = (row, self.detail_scroll().saturating_add_signed(delta).min(self.detail_room.get()));
        }
    }

    /// Lines per page of the detail pane, from its last drawn height.
    pub fn detail_page(&self) -> isize {
        isize::try_from(self.detail_area.get().height.max(2)).unwrap_or(2) - 1
    }

    /// Rows per page, from the last drawn height.
    pub fn page(&self) -> isize {
        isize::try_from(self.area.get().height.max(2)).unwrap_or(2) - 1
    }

    /// Selects the assignment drawn at screen row `y`, if any.
    pub fn click(&mut self, y: u16) -> bool {
        let area = self.area.get();
        if y < area.y || y >= area.y + area.height {
            return false;
        }
        let line = self.offset.get() + usize::from(y - area.y);
        match self.lines.get(line) {
            Some(Line::Row(i)) => {
                let i = *i;
                self.selected = self.order.iter().position(|&r| r == i).unwrap_or(self.selected);
                true
            }
            _ => false,
        }
    }

    /// Keeps the selection on screen for a list `height` lines tall; returns the first line.
    pub fn scroll_for(&self, height: usize) -> usize {
        let sel = self.selected_line();
        let mut off = self.offset.get();
        if sel < off {
            off = sel.saturating_sub(usize::from(sel > 0 && matches!(self.lines.get(sel - 1), Some(Line::Section(_)))));
        } else if height > 0 && sel >= off + height {
            off = sel + 1 - height;
        }
        let max = self.lines.len().saturating_sub(height);
        off = off.min(max);
        self.offset.set(off);
        off
    }
}

/// Each row's section, as the position of its first appearance (a section the plan interrupts
/// still shows as one group).
fn section_ranks(rows: &[Row]) -> Vec<usize> {
    let mut first_seen: Vec<&Option<String>> = Vec::new();
    rows.iter()
        .map(|r| {
            first_seen.iter().position(|s| **s == r.section).unwrap_or_else(|| {
                first_seen.push(&r.section);
                first_seen.len() - 1
            })
        })
        .collect()
}

fn matches(r: &Row, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let hay =
        [Some(&r.task), r.topic.as_ref(), Some(&r.content), r.section.as_ref(), r.deadline.as_ref(), r.note.as_ref()];
    hay.iter().flatten().any(|s| s.to_lowercase().contains(query))
}
