//! Reports as of a date: one model (pure data from plan + ledger + cut-off) and one renderer
//! per format. Three kinds: a unit's report (单位报送), the office's summary (汇总 / 通报) and
//! the full ledger (台账).
//!
//! Rows flow, they are not stored: `compute` makes each (task, unit) row as a [`RowRef`]
//! borrowing the plan's and the ledger's text; one pass folds them into the [`Summary`] (counts,
//! ranking, a few bytes of state per row, the positions of the overdue and completed rows);
//! then a renderer reads the [`View`] and computes the rows it prints again, writing each to an
//! `io::Write` as it goes. [`live`] keeps nothing of the rows ([`Live`], what the command line
//! prints); [`build`] keeps them as owned [`Row`]s ([`Report`], what the TUI holds).

mod build;
pub mod cells;
pub mod chase;
mod compute;
pub mod csv;
pub mod docx;
pub mod footnotes;
pub mod html;
pub mod json;
pub mod judge;
pub mod labels;
mod live;
pub mod md;
mod ordered;
mod row;
mod summary;
pub mod txt;
mod view;
mod window;
pub mod xlsx;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

pub use build::{Options, build, build_kept, live, row_count};
pub use compute::Rows;
pub use judge::{Bucket, Light};
pub use live::Live;
pub use row::{Row, RowRef};
pub use view::{Parts, View};

use crate::ledger::Status;
use crate::plan::Role;

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 汇总 / 通报, for leads.
    Summary,
    /// 单位报送: one unit's assignments.
    Unit,
    /// 台账: every assignment.
    Ledger,
}

/// The plan a report is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanInfo {
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub doc_no: Option<String>,
}

/// The period a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PeriodInfo {
    pub number: usize,
    pub start: NaiveDate,
    /// The report date.
    pub due: NaiveDate,
}

/// How a unit reported an assignment (or, in the ranking, anything) in a period, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Reported {
    /// A progress update, on time.
    Updated,
    /// Only 本期无新进展 confirmations, on time.
    NoChange,
    /// Only records written after the period's report date (补报).
    Late,
    /// Nothing.
    #[default]
    None,
}

impl Reported {
    /// Reported on time (an update or a no-change confirmation).
    pub fn on_time(self) -> bool {
        matches!(self, Reported::Updated | Reported::NoChange)
    }
}

/// A unit whose ledger file could not be read when the report was made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrokenUnit {
    pub unit: String,
    pub name: String,
    /// `path:line:col` of the problem.
    pub place: String,
}

/// A correction or withdrawal, for the trail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrailLine {
    pub record: String,
    /// "correction" or "withdrawal".
    pub kind: &'static str,
    /// The record it supersedes.
    pub corrects: String,
    pub task: String,
    pub unit: String,
    pub unit_name: String,
    pub at: DateTime<FixedOffset>,
    pub by: Option<String>,
    pub status: Status,
    pub percent: Option<u8>,
    pub note: Option<String>,
}

/// What a report is about: the plan, the kind, the cut-off and the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Head {
    pub kind: Kind,
    pub plan: PlanInfo,
    /// The cut-off: everything recorded at or before this instant counts.
    pub as_of: DateTime<FixedOffset>,
    /// The calendar day of the cut-off, used for deadlines and the schedule.
    pub as_of_date: NaiveDate,
    pub period: PeriodInfo,
    /// The unit of a unit report.
    pub unit: Option<UnitInfo>,
    /// The 通报's title, number, office, signer and date, as far as set (see [`labels::notice`]
    /// for what is printed when not).
    pub notice: crate::plan::Notice,
    /// What the report rests on that the document does not state (see [`footnotes`]).
    pub inferred: Vec<footnotes::Footnote>,
}

/// A report with every row built and owned (what the TUI keeps); renderers take any [`View`],
/// and the command line renders a [`Live`] report instead, whose rows are computed as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub head: Head,
    /// The assignments (the unit's for a unit report or a one-unit ledger; all for the summary).
    pub rows: Vec<Row>,
    /// Totals, ranking and lists over `rows` (for a unit report: that unit's).
    pub summary: Summary,
    /// Corrections and withdrawals of the rows' assignments made by the cut-off, oldest first.
    pub trail: Vec<TrailLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitInfo {
    pub id: String,
    pub name: String,
}

/// Counts of assignments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Totals {
    pub assignments: usize,
    pub done: usize,
    pub in_progress: usize,
    /// Not started, or nothing recorded.
    pub not_started: usize,
    pub ongoing: usize,
    pub blocked: usize,
    pub na: usize,
    pub overdue: usize,
    /// done / (assignments − na), 0–1; 0 when every assignment is n/a.
    pub completion_rate: f64,
    pub tasks: usize,
    pub tasks_done: usize,
    pub tasks_overdue: usize,
}

/// The 配合 (assisting) assignments, counted apart: the totals, buckets, ranking, sections,
/// task statuses and lists of a summary count lead and responsible assignments only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Assist {
    pub assignments: usize,
    pub done: usize,
    pub na: usize,
    /// Past a dated deadline and not done.
    pub overdue: usize,
    /// done / (assignments − na), 0–1.
    pub completion_rate: f64,
}

/// Assignments per bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Buckets {
    pub done: usize,
    pub ahead: usize,
    pub on_track: usize,
    pub behind: usize,
    pub overdue: usize,
}

/// One line of the per-unit ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitLine {
    pub rank: usize,
    pub unit: String,
    pub name: String,
    /// Its lead and responsible assignments (0 for a unit that only assists: ranked last).
    pub assignments: usize,
    pub done: usize,
    pub na: usize,
    pub overdue: usize,
    pub completion_rate: f64,
    /// Reported on time within the period (an update or a no-change confirmation).
    pub reported: bool,
    /// How: the best of its assignments'.
    pub report: Reported,
    /// Its ledger file could not be read.
    pub ledger_error: bool,
    pub last_update: Option<DateTime<FixedOffset>>,
    /// Its 配合 assignments, and how many of them are done (not in the figures above).
    pub assist: usize,
    pub assist_done: usize,
}

impl UnitLine {
    /// True when every assignment of the unit is 配合: it is ranked last and is never in the
    /// lists of units that did not report.
    pub fn only_assists(&self) -> bool {
        self.assignments == 0
    }

    /// True when the unit is in the list of units that did not report on time: it has lead
    /// or responsible assignments and did not report on time.
    pub fn not_reported(&self) -> bool {
        !self.reported && !self.only_assists()
    }
}

/// One line of the per-section table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionLine {
    pub section: String,
    pub tasks: usize,
    pub assignments: usize,
    pub done: usize,
    pub overdue: usize,
    pub completion_rate: f64,
}

/// One task with its units' states.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskLine {
    pub id: String,
    pub section: Option<String>,
    /// done (all done or n/a), in_progress (something recorded), or not_started.
    pub status: &'static str,
    pub overdue: bool,
    /// Its units' states: a range of [`Summary::states`].
    pub units: std::ops::Range<usize>,
}

/// One unit's state on a task: a few bytes, since the summary keeps one for every assignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaskUnit {
    /// The unit: an index into [`Summary::units`].
    pub line: u32,
    pub status: Option<Status>,
    pub overdue: bool,
    pub role: Role,
}

/// The summary for leads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Lead and responsible assignments.
    pub totals: Totals,
    pub buckets: Buckets,
    /// 配合 assignments, apart from the rest.
    pub assist: Assist,
    /// Units with assignments, ranked (see [`UnitLine::rank`]).
    pub units: Vec<UnitLine>,
    pub sections: Vec<SectionLine>,
    pub tasks: Vec<TaskLine>,
    /// Every row's unit and state, task by task (one per row, in row order).
    pub states: Vec<TaskUnit>,
    /// Positions in the report's rows (0-based, in row order): the overdue assignments.
    pub overdue: Vec<usize>,
    /// Units (names) that did not report on time in the period (those that reported only
    /// late are also in `late`).
    pub not_reported: Vec<String>,
    /// Units (names) whose only reports in the period came after its report date (补报).
    pub late: Vec<String>,
    /// Units whose ledger file could not be read.
    pub broken: Vec<BrokenUnit>,
    /// Positions in the report's rows: assignments that became done within the period.
    pub completed: Vec<usize>,
}

impl Summary {
    /// How many units have lead or responsible assignments: those whose reporting is counted.
    pub fn counted_units(&self) -> usize {
        self.units.iter().filter(|u| !u.only_assists()).count()
    }
}

/// "42.9%" from a 0–1 rate.
pub fn percent(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}
