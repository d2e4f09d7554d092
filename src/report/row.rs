//! One (task, unit) assignment as of the cut-off, in two forms with the same fields: [`RowRef`]
//! borrows its text from the plan and the ledger (what the renderers stream, never held for
//! every assignment at once), [`Row`] owns it (what a caller keeps, such as the TUI's list).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::{Bucket, Light, Reported};
use crate::ledger::{Evidence, Status};
use crate::plan::Role;

/// One (task, unit) assignment as of the cut-off, owning its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub task: String,
    pub section: Option<String>,
    pub topic: Option<String>,
    pub content: String,
    /// The document body's paragraph(s) behind the task (the plan's `body`), verbatim.
    pub body: Option<String>,
    pub unit: String,
    pub unit_name: String,
    pub role: Role,
    pub deadline: Option<String>,
    /// The part of the task's text the deadline belongs to, when a clause binds this unit.
    pub deadline_for: Option<String>,
    /// Why the plan sets this (assignment, or its clause) when the document does not state it.
    pub inferred: Option<String>,
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
    /// The id of the record the state comes from.
    pub record: Option<String>,
    /// The state's record was corrected since it was written.
    pub corrected: bool,
    /// The state's record is a 补报: written after the report date of the period it is dated in.
    pub late: bool,
    /// True when the unit updated this assignment within the period (on time or late).
    pub updated_in_period: bool,
    /// How the unit reported this assignment in the period.
    pub reported: Reported,
    /// The unit's ledger file could not be read: the state shown is not known.
    pub ledger_error: bool,
    pub overdue: bool,
    pub bucket: Bucket,
    pub light: Light,
}

/// The same assignment as [`Row`], borrowing its text (field for field, serialised the same).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RowRef<'a> {
    pub task: &'a str,
    pub section: Option<&'a str>,
    pub topic: Option<&'a str>,
    pub content: &'a str,
    pub body: Option<&'a str>,
    pub unit: &'a str,
    pub unit_name: &'a str,
    pub role: Role,
    pub deadline: Option<&'a str>,
    pub deadline_for: Option<&'a str>,
    pub inferred: Option<&'a str>,
    pub due: Option<NaiveDate>,
    pub days_left: Option<i64>,
    pub status: Option<Status>,
    pub percent: Option<u8>,
    pub expected: Option<u8>,
    pub note: Option<&'a str>,
    pub problems: Option<&'a str>,
    pub next: Option<&'a str>,
    pub evidence: Evidence<'a>,
    pub by: Option<&'a str>,
    pub updated_at: Option<DateTime<FixedOffset>>,
    pub record: Option<&'a str>,
    pub corrected: bool,
    pub late: bool,
    pub updated_in_period: bool,
    pub reported: Reported,
    pub ledger_error: bool,
    pub overdue: bool,
    pub bucket: Bucket,
    pub light: Light,
}

impl Row {
    /// The row as a [`RowRef`] borrowing from it.
    pub fn view(&self) -> RowRef<'_> {
        RowRef {
            task: &self.task,
            section: self.section.as_deref(),
            topic: self.topic.as_deref(),
            content: &self.content,
            body: self.body.as_deref(),
            unit: &self.unit,
            unit_name: &self.unit_name,
            role: self.role,
            deadline: self.deadline.as_deref(),
            deadline_for: self.deadline_for.as_deref(),
            inferred: self.inferred.as_deref(),
            due: self.due,
            days_left: self.days_left,
            status: self.status,
            percent: self.percent,
            expected: self.expected,
            note: self.note.as_deref(),
            problems: self.problems.as_deref(),
            next: self.next.as_deref(),
            evidence: Evidence::from(self.evidence.as_slice()),
            by: self.by.as_deref(),
            updated_at: self.updated_at,
            record: self.record.as_deref(),
            corrected: self.corrected,
            late: self.late,
            updated_in_period: self.updated_in_period,
            reported: self.reported,
            ledger_error: self.ledger_error,
            overdue: self.overdue,
            bucket: self.bucket,
            light: self.light,
        }
    }
}

impl RowRef<'_> {
    /// An owned copy, for keeping.
    pub fn to_row(&self) -> Row {
        let own = |s: Option<&str>| s.map(str::to_string);
        Row {
            task: self.task.to_string(),
            section: own(self.section),
            topic: own(self.topic),
            content: self.content.to_string(),
            body: own(self.body),
            unit: self.unit.to_string(),
            unit_name: self.unit_name.to_string(),
            role: self.role,
            deadline: own(self.deadline),
            deadline_for: own(self.deadline_for),
            inferred: own(self.inferred),
            due: self.due,
            days_left: self.days_left,
            status: self.status,
            percent: self.percent,
            expected: self.expected,
            note: own(self.note),
            problems: own(self.problems),
            next: own(self.next),
            evidence: self.evidence.to_vec(),
            by: own(self.by),
            updated_at: self.updated_at,
            record: own(self.record),
            corrected: self.corrected,
            late: self.late,
            updated_in_period: self.updated_in_period,
            reported: self.reported,
            ledger_error: self.ledger_error,
            overdue: self.overdue,
            bucket: self.bucket,
            light: self.light,
        }
    }
}
