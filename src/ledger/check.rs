//! What a new record must be to be written: dated neither in the future nor too far back,
//! saying something new, and — for a correction — pointing at a record of the same
//! assignment. "Reported" then means reported.

use chrono::{DateTime, Duration, FixedOffset};

use super::state::CLOCK_SKEW;
use super::{Ledger, LedgerError, RecordKind, Update};
use crate::clock::Clock;

/// How far back `mark --at` (or the form's 填报时间) may date a record.
pub const BACKDATE_LIMIT: Duration = Duration::days(31);

/// A record dated after the real clock (beyond the skew) is refused, whoever writes it.
pub(super) fn not_future(u: &Update, wall: DateTime<FixedOffset>) -> Result<(), LedgerError> {
    if u.at > wall + CLOCK_SKEW {
        return Err(LedgerError::Future { at: u.at, wall });
    }
    Ok(())
}

/// A new record's `at`: not after the command's "now" or the real clock, and not earlier than
/// [`BACKDATE_LIMIT`] before "now".
pub fn dated(u: &Update, clock: &Clock) -> Result<(), LedgerError> {
    not_future(u, clock.wall)?;
    if u.at > clock.now + CLOCK_SKEW {
        return Err(LedgerError::Future { at: u.at, wall: clock.now });
    }
    if u.at < clock.now - BACKDATE_LIMIT {
        return Err(LedgerError::TooEarly { at: u.at, now: clock.now, days: BACKDATE_LIMIT.num_days() });
    }
    Ok(())
}

/// Checks `u` against the unit's records so far; returns it with a correction's target
/// resolved to the full id of the record it finally corrects.
pub(super) fn content(existing: &Ledger, mut u: Update) -> Result<Update, LedgerError> {
    let latest = existing.latest(&u.task, &u.unit);
    match u.kind.clone() {
        RecordKind::Progress => match latest {
            Some(l) if l.same_content(&u) => return Err(LedgerError::NothingNew { task: u.task }),
            None if says_nothing(&u) => return Err(LedgerError::EmptyFirst { task: u.task }),
            _ => {}
        },
        RecordKind::NoChange => {
            // It confirms the state as it stands: the latest update's status and percent.
            let Some(l) = latest else { return Err(LedgerError::NoChangeFirst { task: u.task }) };
            (u.status, u.percent) = (l.status, l.percent);
        }
        RecordKind::Correction { of } | RecordKind::Withdrawal { of } => {
            let root = target(existing, &u, &of)?;
            let current = existing.history(&u.task, &u.unit).into_iter().find(|s| s.id == root);
            let Some(current) = current else { return Err(LedgerError::Withdrawn { id: root }) };
            match u.kind {
                RecordKind::Correction { .. } if current.same_content(&u) => {
                    return Err(LedgerError::NothingNew { task: u.task });
                }
                // A withdrawal names what it withdraws.
                RecordKind::Withdrawal { .. } => (u.status, u.percent) = (current.status, current.percent),
                _ => {}
            }
            u.kind = match u.kind {
                RecordKind::Withdrawal { .. } => RecordKind::Withdrawal { of: root },
                _ => RecordKind::Correction { of: root },
            };
        }
    }
    Ok(u)
}

/// No text at all: no progress, problems, next steps or evidence.
fn says_nothing(u: &Update) -> bool {
    u.note.is_none() && u.problems.is_none() && u.next.is_none() && u.evidence.is_empty()
}

/// The id of the progress update a correction of `of` (an id or a prefix) finally corrects.
fn target(existing: &Ledger, u: &Update, of: &str) -> Result<String, LedgerError> {
    let mut at = existing.find(&u.unit, of)?;
    if at.task != u.task {
        return Err(LedgerError::OtherTask { id: at.id.clone(), task: at.task.clone() });
    }
    for _ in 0..64 {
        match &at.kind {
            RecordKind::Progress => return Ok(at.id.clone()),
            RecordKind::NoChange => return Err(LedgerError::CannotCorrect { id: at.id.clone() }),
            RecordKind::Correction { of } | RecordKind::Withdrawal { of } => at = existing.find(&u.unit, of)?,
        }
    }
    Err(LedgerError::NoSuchRecord { id: of.to_string() })
}
