//! Append-only, checked: every record an older version of a unit file held must be in the newer
//! one, unchanged. What a version holds is kept as record ids with a digest of each record.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::path::Path;
use std::sync::OnceLock;

use crate::ledger::{self, LedgerError, Update};

/// The records one version of a unit file holds: ids in file order, each with a digest of the
/// record (the first of a repeated id counts, as when the ledger is read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Held {
    order: Vec<String>,
    digests: HashMap<String, u64>,
}

/// How a newer version lost an older one's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lost {
    /// The record is gone.
    Removed { id: String },
    /// A record with its id says something else.
    Changed { id: String },
}

/// The digest of a record's content (keyed at random once per run: no one can make two
/// different records collide on purpose).
fn digest(u: &Update) -> u64 {
    static KEYS: OnceLock<RandomState> = OnceLock::new();
    KEYS.get_or_init(RandomState::new).hash_one(u)
}

impl Held {
    /// What `records` hold.
    pub fn of(records: &[Update]) -> Held {
        let mut held = Held::default();
        for u in records {
            if !held.digests.contains_key(&u.id) {
                held.digests.insert(u.id.clone(), digest(u));
                held.order.push(u.id.clone());
            }
        }
        held
    }

    /// Parses the text of `unit`'s file (`path` names it in errors; a record of another unit
    /// is one).
    pub fn parse(text: &str, path: &Path, unit: Option<&str>) -> Result<Held, LedgerError> {
        Ok(Held::of(&ledger::parse_file(text, path, unit)?))
    }

    /// The number of records.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The first of this version's records that `newer` lost, if any.
    pub fn lost_in(&self, newer: &Held) -> Option<Lost> {
        self.order.iter().find_map(|id| match newer.digests.get(id) {
            None => Some(Lost::Removed { id: id.clone() }),
            Some(d) if Some(d) != self.digests.get(id) => Some(Lost::Changed { id: id.clone() }),
            Some(_) => None,
        })
    }

    /// How many of `newer`'s records this version does not hold.
    pub fn added_in(&self, newer: &Held) -> usize {
        newer.order.iter().filter(|id| !self.digests.contains_key(*id)).count()
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::ledger::Status;

    fn rec(id: &str, note: &str) -> Update {
        let at = DateTime::parse_from_rfc3339("2022-06-01T09:00:00+08:00").unwrap();
        Update { id: id.into(), note: Some(note.into()), ..Update::new("1", "sczj", at, Status::InProgress) }
    }

    #[test]
    fn appending_keeps_and_editing_or_removing_loses() {
        let old = Held::of(&[rec("a", "x"), rec("b", "y")]);
        assert_eq!(old.lost_in(&Held::of(&[rec("a", "x"), rec("b", "y"), rec("c", "z")])), None);
        assert_eq!(old.added_in(&Held::of(&[rec("b", "y"), rec("c", "z"), rec("a", "x")])), 1);
        assert_eq!(old.lost_in(&Held::of(&[rec("a", "x")])), Some(Lost::Removed { id: "b".into() }));
        assert_eq!(old.lost_in(&Held::of(&[rec("a", "X"), rec("b", "y")])), Some(Lost::Changed { id: "a".into() }));
    }

    #[test]
    fn a_repeated_id_counts_once_as_first_written() {
        let held = Held::of(&[rec("a", "x"), rec("a", "other")]);
        assert_eq!(held.len(), 1);
        assert!(held.lost_in(&Held::of(&[rec("a", "x")])).is_none());
    }
}
