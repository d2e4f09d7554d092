//! One assignment's entries read in place: the times, kinds and statuses a report judges by,
//! without copying records out of the cache; a record is copied out only when asked for (the
//! state a row shows, a correction the trail lists).

use super::source::{Kind, order_of};
use super::state::{FileLedger, Slots, StateRef};
use super::{Ledger, StateView, Status, Update};

/// One assignment's states (progress updates as corrected) and records (as written), each in
/// time order, then file order. Empty when the assignment has no records.
#[derive(Debug, Clone, Copy, Default)]
pub struct Assignment<'a> {
    found: Option<(&'a FileLedger, Slots<'a>)>,
}

/// What a record is, without its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Progress,
    NoChange,
    Correction,
    Withdrawal,
}

impl Entry {
    pub(super) fn of(kind: Kind) -> Entry {
        match kind {
            Kind::Progress => Entry::Progress,
            Kind::NoChange => Entry::NoChange,
            Kind::Correction(_) => Entry::Correction,
            Kind::Withdrawal(_) => Entry::Withdrawal,
        }
    }
}

/// What a state says that a report judges by: its time ([`order`]), status and percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    pub at: i64,
    pub status: Status,
    pub percent: Option<u8>,
}

impl From<&Update> for Fact {
    fn from(u: &Update) -> Fact {
        Fact { at: order_of(u.at), status: u.status, percent: u.percent }
    }
}

/// A record's time, when it was written and what it is. Times are nanoseconds since the epoch
/// ([`order`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub at: i64,
    pub written: Option<i64>,
    pub entry: Entry,
}

/// A moment as the marks count time: nanoseconds since the epoch, saturating beyond the years
/// 1677–2262.
pub fn order(t: chrono::DateTime<chrono::FixedOffset>) -> i64 {
    order_of(t)
}

impl Ledger {
    /// The entries of one assignment.
    pub fn assignment(&self, task: &str, unit: &str) -> Assignment<'_> {
        Assignment { found: self.slots(task, unit) }
    }

    /// One unit's entries, for looking up many of its assignments: the unit is found once.
    pub fn unit_entries(&self, unit: &str) -> UnitEntries<'_> {
        let files = self.files_of(unit).filter_map(|f| Some((f, f.unit(unit)?))).collect();
        UnitEntries { files }
    }
}

/// One unit's entries, found once ([`Ledger::unit_entries`]).
#[derive(Debug, Clone, Default)]
pub struct UnitEntries<'a> {
    /// The files with its records, each with its number for the unit.
    files: Vec<(&'a FileLedger, u32)>,
}

impl<'a> UnitEntries<'a> {
    /// The entries of the unit's assignment to `task` (as [`Ledger::assignment`] finds them).
    pub fn assignment(&self, task: &str) -> Assignment<'a> {
        let found = self.files.iter().find_map(|&(f, u)| f.slots_of(task, u).map(|s| (f, s)));
        Assignment { found }
    }
}

impl<'a> Assignment<'a> {
    fn states_list(&self) -> &'a [StateRef] {
        self.found.map_or(&[], |(_, s)| s.states)
    }

    fn records_list(&self) -> &'a [u32] {
        self.found.map_or(&[], |(_, s)| s.records)
    }

    /// How many states there are.
    pub fn states(&self) -> usize {
        self.states_list().len()
    }

    /// The time of state `k` (oldest first).
    pub fn state_at(&self, k: usize) -> i64 {
        self.fact(k).map_or(i64::MIN, |f| f.at)
    }

    /// The status of state `k`.
    pub fn state_status(&self, k: usize) -> Option<Status> {
        self.fact(k).map(|f| f.status)
    }

    /// What state `k` says, read without its record.
    pub fn fact(&self, k: usize) -> Option<Fact> {
        self.found.and_then(|(_, s)| s.facts.get(k)).copied()
    }

    /// State `k`, read in place.
    pub fn view(&self, k: usize) -> Option<StateView<'a>> {
        let (f, _) = self.found?;
        StateView::of(f, *self.states_list().get(k)?)
    }

    /// The number of states at or before `at`: the state as of `at` is the one before.
    pub fn states_until(&self, at: i64) -> usize {
        let mut lo = 0;
        let mut hi = self.states();
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.state_at(mid) <= at {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Every record's mark, in order.
    pub fn marks(&self) -> impl Iterator<Item = Mark> + 'a {
        self.found.map_or(&[][..], |(_, s)| s.marks).iter().copied()
    }

    /// Record `k` (in the order of [`Assignment::marks`]), copied out if it came from the cache.
    pub fn record(&self, k: usize) -> Option<&'a Update> {
        let (f, _) = self.found?;
        Some(f.source.update(*self.records_list().get(k)? as usize))
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::ledger::RecordKind;

    fn rec(id: &str, day: u32, status: Status) -> Update {
        let at = DateTime::parse_from_rfc3339(&format!("2022-06-{day:02}T09:00:00+08:00")).unwrap();
        Update { id: id.into(), ..Update::new("1", "a", at, status) }
    }

    #[test]
    fn an_assignment_reads_as_its_history_and_trail() {
        let fix = Update { kind: RecordKind::Correction { of: "a1".into() }, ..rec("a3", 6, Status::Blocked) };
        let nothing = Update { kind: RecordKind::NoChange, ..rec("a4", 7, Status::Blocked) };
        let l = Ledger::from_updates(
            "/d".into(),
            vec![rec("a2", 5, Status::Done), rec("a1", 1, Status::InProgress), fix, nothing],
        );
        let a = l.assignment("1", "a");
        let history = l.history("1", "a");
        assert_eq!(a.states(), history.len());
        for (k, h) in history.iter().enumerate() {
            assert_eq!(
                (a.state_at(k), a.state_status(k), a.fact(k)),
                (order(h.at), Some(h.status), Some(Fact::from(*h)))
            );
            let view = a.view(k).expect("a state");
            assert_eq!((view.id(), view.at(), view.note()), (h.id.as_str(), h.at, h.note.as_deref()));
        }
        let trail = l.trail("1", "a");
        let marks: Vec<Mark> = a.marks().collect();
        assert_eq!(marks.len(), trail.len());
        let entries: Vec<Entry> = marks.iter().map(|m| m.entry).collect();
        assert_eq!(entries, [Entry::Progress, Entry::Progress, Entry::Correction, Entry::NoChange]);
        assert_eq!(a.record(2), Some(trail[2]));
        assert_eq!(a.states_until(order(rec("x", 5, Status::Done).at)), 2, "a state at the moment counts");
        assert_eq!(a.states_until(i64::MIN), 0);
        assert_eq!(l.assignment("1", "b").states(), 0);
        let unit = l.unit_entries("a");
        assert_eq!(unit.assignment("1").marks().collect::<Vec<_>>(), marks, "found through the unit, the same");
        assert_eq!((unit.assignment("2").states(), l.unit_entries("b").assignment("1").states()), (0, 0));
    }
}
