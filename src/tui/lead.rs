//! The lead view's state: the period shown, the summary report as of its report date (the
//! same report `taizhang report --kind summary` makes), the lists drawn from it — units ranked,
//! overdue assignments, units to chase — and where the cursor is in each. Plain data: `App`
//! changes it, the view draws it.

mod built;
mod changes;

use chrono::NaiveDate;
use taizhang::Plan;
use taizhang::period::{self, Period};
use taizhang::report::chase::Owed;

pub use built::{Ask, Built, summarize};
pub use changes::Changes;
use taizhang::report::{Kind, Options, Report};
use taizhang::text::{sanitize, width};

/// The dashboard's lists, in the order Tab moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// Units ranked by completion.
    #[default]
    Units,
    /// Overdue assignments.
    Overdue,
    /// Units that have not reported this period (催办).
    Chase,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Units, Pane::Overdue, Pane::Chase];

    fn index(self) -> usize {
        match self {
            Pane::Units => 0,
            Pane::Overdue => 1,
            Pane::Chase => 2,
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }
}

/// What the lead view shows and where its cursors are.
#[derive(Debug, Default)]
pub struct Lead {
    pub periods: Vec<Period>,
    /// The period shown: an index into `periods`.
    pub shown: usize,
    /// The summary as of the shown period's cut-off, once the ledger is in, with only the rows
    /// its lists show (see [`summarize`]).
    pub report: Option<Report>,
    /// The overdue rows, in the summary's order: indices into the report's kept rows.
    pub overdue: Vec<usize>,
    /// The lists show what changed since the previous period (`c`).
    pub show_changes: bool,
    /// What changed, while `show_changes` is on and there is a previous period.
    pub changes: Option<Changes>,
    /// Units not reported on time, in ranking order.
    pub chase: Vec<Owed>,
    /// Behind-schedule (欠进度) assignments per ranked unit.
    pub behind: Vec<usize>,
    /// The list with the cursor.
    pub focus: Pane,
    /// The selected line of each pane.
    pub cursor: [usize; 3],
    /// The widest unit name, in cells (for lining up the lists).
    pub name_width: usize,
    /// The matrix's cursor: (row, column); row 0 is the units' header row, row `i + 1` task `i`
    /// of the summary; column 0 is the tasks' column, column `j + 1` the `j`-th ranked unit.
    pub cell: (usize, usize),
    /// How far the task popup over the matrix is scrolled.
    pub task_scroll: usize,
    /// A read of the whole ledger is under way.
    pub reading: bool,
    /// Files changed while it was: read again when it is in.
    pub read_again: bool,
    /// The latest summary asked for (see [`Lead::ask`]).
    generation: u64,
}

impl Lead {
    /// The lead view of `plan` on `today`: the current period (the last once every report date
    /// has passed), as `taizhang report` chooses it.
    pub fn new(plan: &Plan, today: NaiveDate) -> Lead {
        let periods = period::periods(&plan.meta);
        let shown = period::default_for(&periods, today).map_or(0, |p| p.number - 1);
        Lead { periods, shown, cell: (0, 1), ..Lead::default() }
    }

    pub fn period(&self) -> Option<Period> {
        self.periods.get(self.shown).copied()
    }

    /// The summary's options for the shown period: as of its report date; the last period, once
    /// its date has passed, as of today (what `taizhang report` shows without `--period`).
    pub fn options(&self, today: NaiveDate) -> Option<Options> {
        let period = self.period()?;
        let as_of = period::default_as_of(&self.periods, &period, today);
        Some(Options { kind: Kind::Summary, period, as_of, at: None, unit: None })
    }

    /// What to ask for the shown period's summary as seen on `today` (a newer ask than any
    /// before: answers to older ones are dropped).
    pub fn ask(&mut self, today: NaiveDate) -> Option<Ask> {
        let options = self.options(today)?;
        self.generation += 1;
        // Another period (or the changes) is wanted: the summary shown is of no more use, and a
        // province's is worth letting go before the next one is made.
        let changes = self.show_changes && self.shown > 0;
        if self
            .report
            .as_ref()
            .is_some_and(|r| r.head.period.number != self.shown + 1 || self.changes.is_some() != changes)
        {
            self.report = None;
        }
        let previous = self.shown.checked_sub(1).and_then(|i| self.periods.get(i)).filter(|_| self.show_changes);
        Some(Ask { options, previous: previous.copied(), generation: self.generation })
    }

    /// Takes in a summary worked out for the latest ask (an older one is dropped: false). The
    /// cursors stay where they were, as far as the lists reach.
    pub fn take(&mut self, built: Built) -> bool {
        if built.generation != self.generation {
            return false;
        }
        let Built { report, overdue, chase, behind, changes, .. } = built;
        self.name_width = report.summary.units.iter().map(|u| width(&sanitize(&u.name))).max().unwrap_or(0);
        (self.overdue, self.chase, self.behind, self.changes) = (overdue, chase, behind, changes);
        self.report = Some(report);
        for pane in Pane::ALL {
            let len = self.len(pane);
            self.cursor[pane.index()] = self.cursor[pane.index()].min(len.saturating_sub(1));
        }
        self.move_cell(0, 0);
        true
    }

    /// True while a summary asked for is being worked out with none to show: the ledger has
    /// been read (or was given), and another period (or the changes) was asked for.
    pub fn waiting(&self) -> bool {
        self.report.is_none() && !self.reading
    }

    /// How many lines a pane has.
    pub fn len(&self, pane: Pane) -> usize {
        let Some(r) = &self.report else { return 0 };
        match (pane, &self.changes) {
            (Pane::Units, None) => r.summary.units.len(),
            (Pane::Overdue, None) => self.overdue.len(),
            (Pane::Chase, None) => self.chase.len(),
            (Pane::Units, Some(c)) => c.reported.len(),
            (Pane::Overdue, Some(c)) => c.overdue.len(),
            (Pane::Chase, Some(c)) => c.completed.len(),
        }
    }

    pub fn cursor(&self, pane: Pane) -> usize {
        self.cursor[pane.index()]
    }

    /// Moves the focused pane's cursor by `delta` lines, within the list.
    pub fn step(&mut self, delta: isize) {
        // While a summary is being worked out the lists are empty: the cursors wait for it.
        let pane = self.focus;
        if self.report.is_none() {
            return;
        }
        let last = self.len(pane).saturating_sub(1);
        let at = &mut self.cursor[pane.index()];
        *at = at.saturating_add_signed(delta).min(last);
    }

    /// Moves the matrix's cursor by rows and columns, within the tasks and units.
    pub fn move_cell(&mut self, rows: isize, cols: isize) {
        let Some(r) = &self.report else { return };
        let (tasks, units) = (r.summary.tasks.len(), r.summary.units.len());
        self.cell.0 = self.cell.0.saturating_add_signed(rows).min(tasks);
        self.cell.1 = self.cell.1.saturating_add_signed(cols).min(units);
    }

    /// Scrolls the task popup by `delta` lines, within the task's units.
    pub fn scroll_task(&mut self, delta: isize) {
        let Some(r) = &self.report else { return };
        let units = self.cell.0.checked_sub(1).and_then(|i| r.summary.tasks.get(i)).map_or(0, |t| t.units.len());
        self.task_scroll = self.task_scroll.saturating_add_signed(delta).min(units.saturating_sub(1));
    }

    /// The matrix cell under the cursor: (task id, unit id); no task on the header row, no unit
    /// in the tasks' column.
    pub fn cell_ids(&self) -> (Option<&str>, Option<&str>) {
        let Some(r) = &self.report else { return (None, None) };
        let task = self.cell.0.checked_sub(1).and_then(|i| r.summary.tasks.get(i)).map(|t| t.id.as_str());
        (task, self.cell.1.checked_sub(1).and_then(|j| r.summary.units.get(j)).map(|u| u.unit.as_str()))
    }

    /// Shows period `index` (0-based), if there is one; true when it changed.
    pub fn show(&mut self, index: usize) -> bool {
        if index >= self.periods.len() || index == self.shown {
            return false;
        }
        self.shown = index;
        true
    }

    /// The unit under the cursor (its id), in the units, overdue or chase list.
    pub fn selected_unit(&self) -> Option<&str> {
        let r = self.report.as_ref()?;
        let s = &r.summary;
        let pane = self.focus;
        let at = self.cursor(pane);
        let row_unit = |n: Option<&usize>| n.and_then(|&n| r.rows.get(n)).map(|row| row.unit.as_str());
        match (pane, &self.changes) {
            (Pane::Units, None) => s.units.get(at).map(|u| u.unit.as_str()),
            (Pane::Overdue, None) => row_unit(self.overdue.get(at)),
            (Pane::Chase, None) => self.chase.get(at).and_then(|o| s.units.get(o.line)).map(|u| u.unit.as_str()),
            (Pane::Units, Some(c)) => c.reported.get(at).and_then(|&l| s.units.get(l)).map(|u| u.unit.as_str()),
            (Pane::Overdue, Some(c)) => row_unit(c.overdue.get(at)),
            (Pane::Chase, Some(c)) => row_unit(c.completed.get(at)),
        }
    }
}

#[cfg(test)]
#[path = "lead_tests.rs"]
pub(crate) mod tests;
