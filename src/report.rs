//! Reports as of a date: one model (pure data built from plan + ledger + cut-off) and one
//! renderer per format. Three kinds: a unit's report (单位报送), the office's summary
//! (汇总 / 通报) and the full ledger (台账).

mod build;
pub mod cells;
pub mod csv;
pub mod html;
pub mod json;
pub mod judge;
pub mod labels;
pub mod md;
mod summary;
pub mod txt;
pub mod xlsx;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

pub use build::{Options, build};
pub use judge::{Bucket, Light};

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

/// One (task, unit) assignment as of the cut-off.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub task: String,
    pub section: Option<String>,
    pub topic: Option<String>,
    pub content: String,
    pub unit: String,
    pub unit_name: String,
    pub role: Role,
    pub deadline: Option<String>,
    pub due: Option<NaiveDate>,
    /// Days from the as-of date to the due date (negative: overdue by that many).
    pub days_left: Option<i64>,
    /// `None`: nothing recorded by the cut-off.
    pub status: Option<Status>,
    pub percent: Option<u8>,
    /// 序时进度 in percent, for dated deadlines.
    pub expected: Option<u8>,
    pub note: Option<String>,
    pub problems: Option<String>,
    pub next: Option<String>,
    pub evidence: Vec<String>,
    pub by: Option<String>,
    pub updated_at: Option<DateTime<FixedOffset>>,
    /// True when the unit updated this assignment within the period.
    pub updated_in_period: bool,
    pub overdue: bool,
    pub bucket: Bucket,
    pub light: Light,
}

/// A report, ready for any renderer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub kind: Kind,
    pub plan: PlanInfo,
    /// The cut-off: everything recorded at or before this instant counts.
    pub as_of: DateTime<FixedOffset>,
    /// The calendar day of the cut-off, used for deadlines and the schedule.
    pub as_of_date: NaiveDate,
    pub period: PeriodInfo,
    /// The unit of a unit report.
    pub unit: Option<UnitInfo>,
    /// The assignments (the unit's for a unit report; all for the ledger and the summary).
    pub rows: Vec<Row>,
    /// Totals, ranking and lists over `rows` (for a unit report: that unit's).
    pub summary: Summary,
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
    pub assignments: usize,
    pub done: usize,
    pub na: usize,
    pub overdue: usize,
    pub completion_rate: f64,
    /// Reported (any update) within the period.
    pub reported: bool,
    pub last_update: Option<DateTime<FixedOffset>>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskLine {
    pub id: String,
    pub section: Option<String>,
    /// done (all done or n/a), in_progress (something recorded), or not_started.
    pub status: &'static str,
    pub overdue: bool,
    pub units: Vec<TaskUnit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskUnit {
    pub unit: String,
    pub name: String,
    pub status: Option<Status>,
    pub overdue: bool,
}

/// The summary for leads.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub totals: Totals,
    pub buckets: Buckets,
    pub units: Vec<UnitLine>,
    pub sections: Vec<SectionLine>,
    pub tasks: Vec<TaskLine>,
    /// Indices into `Report::rows`.
    pub overdue: Vec<usize>,
    /// Units (names) that did not report in the period.
    pub not_reported: Vec<String>,
    /// Indices into `Report::rows`: assignments that became done within the period.
    pub completed: Vec<usize>,
}

/// "42.9%" from a 0–1 rate.
pub fn percent(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}
