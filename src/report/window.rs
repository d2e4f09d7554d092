//! The time frame of a report, and what it says about one assignment's records: the state as
//! of the cut-off, whether the unit reported in the period, and whether a record is a 补报.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::Reported;
use crate::ledger::{self, Assignment, Entry, Fact, Ledger, StateView, Status};

/// The time frame of a report. Times a record is compared with are kept as the ledger counts
/// them (nanoseconds since the epoch, [`ledger::order`]), so no record's time is converted.
pub(super) struct Window {
    /// Start of the period (`None` for the first: everything before counts).
    since: Option<i64>,
    pub cutoff: DateTime<FixedOffset>,
    cutoff_ns: i64,
    pub as_of: NaiveDate,
    /// Start of the time-elapsed schedule.
    pub start: NaiveDate,
    /// The last instant of each of the plan's report dates, in order, for telling a 补报.
    period_ends: Vec<i64>,
}

/// What one assignment's ledger entries say, as of the window.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Found<'a> {
    /// The state as of the cut-off: the latest update (as corrected) at or before it.
    pub latest: Option<StateView<'a>>,
    /// What that state says, read without its record.
    pub fact: Option<Fact>,
    /// A progress update dated in the period.
    pub updated_in_period: bool,
    pub reported: Reported,
    /// The state's record was corrected since.
    pub corrected: bool,
}

// A report keeps one of these for each row it writes again (every row of a JSON or XLSX
// report; the listed rows of the others): it must stay small.
const _: () = assert!(std::mem::size_of::<Found>() <= 40);

/// What the summary needs of one assignment besides what is [`Found`] (not kept).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Finding<'a> {
    pub found: Found<'a>,
    /// The state was already done before the period started.
    pub done_before: bool,
    /// The assignment's entries if any of them is a correction or withdrawal (what the
    /// summary's trail lists), else none: most assignments have none, and their records need
    /// not be read again.
    pub entries: Assignment<'a>,
}

impl Window {
    pub fn new(
        since: Option<DateTime<FixedOffset>>,
        cutoff: DateTime<FixedOffset>,
        as_of: NaiveDate,
        start: NaiveDate,
        period_ends: &[DateTime<FixedOffset>],
    ) -> Window {
        Window {
            since: since.map(ledger::order),
            cutoff,
            cutoff_ns: ledger::order(cutoff),
            as_of,
            start,
            period_ends: period_ends.iter().map(|&t| ledger::order(t)).collect(),
        }
    }

    fn contains(&self, at: i64) -> bool {
        at <= self.cutoff_ns && self.since.is_none_or(|s| at >= s)
    }

    /// A 补报: written after the report date of the period its time `at` falls in. Records with
    /// no `recorded_at` (simulated clock, older files) and records dated after the last report
    /// date are never late.
    fn late_mark(&self, at: i64, written: Option<i64>) -> bool {
        let Some(written) = written else { return false };
        // The period `at` falls in ends with the first report date not before its day.
        self.period_ends.iter().find(|&&end| at <= end).is_some_and(|&end| written > end)
    }

    /// [`Window::late_mark`] of a state's record.
    pub fn late(&self, s: StateView) -> bool {
        self.late_mark(s.at_order(), s.written_order())
    }

    /// What the ledger says about one assignment.
    pub fn find<'a>(&self, ledger: &'a Ledger, a: Assignment<'a>) -> Finding<'a> {
        let k = a.states_until(self.cutoff_ns).checked_sub(1);
        let (latest, fact) = (k.and_then(|k| a.view(k)), k.and_then(|k| a.fact(k)));
        let done_before = self.since.is_some_and(|s| {
            // The state just before the period: the last one dated before `since`.
            let before = a.states_until(s.saturating_sub(1));
            before.checked_sub(1).and_then(|k| a.state_status(k)) == Some(Status::Done)
        });
        let mut reported = Reported::None;
        let mut corrections = false;
        for m in a.marks() {
            corrections |= matches!(m.entry, Entry::Correction | Entry::Withdrawal);
            if !self.contains(m.at) {
                continue;
            }
            let this = match (m.entry, self.late_mark(m.at, m.written)) {
                (Entry::Progress, false) => Reported::Updated,
                (Entry::NoChange, false) => Reported::NoChange,
                (Entry::Progress | Entry::NoChange, true) => Reported::Late,
                _ => continue,
            };
            reported = reported.min(this);
        }
        // A state is corrected by a correction or withdrawal of the same assignment (whenever
        // made): with none among its records, there is nothing to look up.
        let corrected = corrections && latest.is_some_and(|x| ledger.is_corrected(x.id()));
        let updated_in_period = (0..a.states()).any(|k| self.contains(a.state_at(k)));
        Finding {
            found: Found { latest, fact, updated_in_period, reported, corrected },
            done_before,
            entries: if corrections { a } else { Assignment::default() },
        }
    }
}
