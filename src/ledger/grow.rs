//! Growing a loaded ledger in memory: taking in the files of a later load (the TUI reads the
//! operator's own unit first and every other unit in the background), and a record just
//! appended (so a view need not read anything again after a save). Nothing here writes.

use std::path::Path;
use std::sync::Arc;

use super::source::Source;
use super::state::{Built, FileLedger};
use super::{Ledger, ParsedFile, Update};
use crate::plan::Position;

fn idx(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Ledger {
    /// Takes in `other`'s files of units this ledger holds nothing of yet (a unit it holds is
    /// kept as it is), with their corrections and the units `other` could not read.
    pub fn absorb(&mut self, other: Ledger) {
        let Ledger { files, corrected, unreadable, .. } = other;
        let mut renumbered = vec![None; files.len()];
        for (old, file) in files.into_iter().enumerate() {
            if file.units().any(|u| self.by_unit.contains_key(u)) {
                continue;
            }
            let n = idx(self.files.len());
            for u in file.units() {
                self.by_unit.entry(u.to_string()).or_default().push(n);
            }
            renumbered[old] = Some(n);
            self.files.push(file);
        }
        for (root, list) in corrected {
            for (f, r) in list {
                if let Some(Some(n)) = renumbered.get(f as usize) {
                    self.corrected.entry(root.clone()).or_default().push((*n, r));
                }
            }
        }
        let held = |u: &super::Unreadable| self.by_unit.contains_key(&u.unit);
        let fresh: Vec<_> = unreadable.into_iter().filter(|u| !held(u)).collect();
        self.unreadable.extend(fresh);
    }

    /// Takes in a record just appended to its unit's file (which already holds it): the unit's
    /// file is indexed again with it. A record already held (same id) is not taken twice.
    pub fn include(&mut self, update: Update) {
        let Some(&n) = self.by_unit.get(&update.unit).and_then(|f| f.first()) else {
            let path = Arc::from(self.dir.join(format!("{}.toml", update.unit)));
            let file =
                ParsedFile { path, plan: None, unit: Some(update.unit.clone()), ..ParsedFile::unnamed(vec![update]) };
            let (source, path) = Source::parsed(file);
            let n = idx(self.files.len());
            self.files.push(FileLedger::default());
            self.replace(n, FileLedger::build(source, path, None));
            return;
        };
        let old = &self.files[n as usize].source;
        if (0..old.len()).any(|i| old.id(i) == update.id) {
            return;
        }
        let mut records: Vec<Update> = (0..old.len()).map(|i| old.update(i).clone()).collect();
        let mut positions: Vec<Position> = (0..old.len()).map(|i| old.pos(i)).collect();
        records.push(update);
        positions.push(Position { line: 0, col: 0 });
        let path: Arc<Path> = Arc::from(self.dir.join(format!("{}.toml", records[0].unit)));
        let (source, path) = Source::parsed(ParsedFile { path, plan: None, unit: None, records, positions });
        self.replace(n, FileLedger::build(source, path, None));
    }

    /// The state of every assignment as of `at` (corrections applied; withdrawn and
    /// not-yet-reported assignments have none), as a ledger of one record each: what a view
    /// of other units' current states needs, in a fraction of the memory.
    pub fn states_as_of(&self, at: chrono::DateTime<chrono::FixedOffset>) -> Ledger {
        let mut states: Vec<Update> = self.keys().filter_map(|(t, u)| self.as_of(t, u, at)).cloned().collect();
        states.sort_by(|a, b| (&a.unit, &a.task).cmp(&(&b.unit, &b.task)));
        let mut out = Ledger::from_updates(self.dir.clone(), states);
        out.unreadable = self.unreadable.clone();
        out
    }

    /// Puts `built` in as file `n`, with its units and corrections indexed.
    fn replace(&mut self, n: u32, built: Built) {
        for list in self.corrected.values_mut() {
            list.retain(|&(f, _)| f != n);
        }
        self.corrected.retain(|_, list| !list.is_empty());
        for (root, r) in built.corrections {
            self.corrected.entry(root).or_default().push((n, r));
        }
        for u in built.file.units() {
            let files = self.by_unit.entry(u.to_string()).or_default();
            if !files.contains(&n) {
                files.push(n);
            }
        }
        self.files[n as usize] = built.file;
    }
}

impl Built {
    /// This file's states as of `at` (as [`Ledger::states_as_of`]), its warnings kept.
    pub(super) fn states_as_of(self, dir: &Path, at: chrono::DateTime<chrono::FixedOffset>) -> Built {
        let Built { file, warnings, corrections } = self;
        let (mut one, _) = Ledger::assemble(dir.to_path_buf(), vec![Built { file, warnings: Vec::new(), corrections }]);
        let mut states = one.states_as_of(at);
        one.files.clear();
        Built { file: states.files.pop().unwrap_or_default(), warnings, corrections: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset};

    use super::*;
    use crate::ledger::{RecordKind, Status};

    fn at(day: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2022-06-{day:02}T09:00:00+08:00")).unwrap()
    }

    fn rec(id: &str, unit: &str, day: u32, status: Status) -> Update {
        Update { id: id.into(), ..Update::new("1", unit, at(day), status) }
    }

    fn ledger(updates: Vec<Update>) -> Ledger {
        Ledger::from_updates("/d".into(), updates)
    }

    #[test]
    fn absorbing_adds_other_units_and_keeps_those_held() {
        let mut mine = ledger(vec![rec("a1", "a", 1, Status::InProgress)]);
        let all = Ledger::from_files(
            "/d".into(),
            vec![
                ParsedFile::unnamed(vec![rec("a0", "a", 2, Status::Done)]),
                ParsedFile::unnamed(vec![
                    rec("b1", "b", 1, Status::InProgress),
                    Update {
                        kind: RecordKind::Withdrawal { of: "b1".into() },
                        ..rec("b2", "b", 3, Status::InProgress)
                    },
                ]),
            ],
            None,
        )
        .0;
        mine.absorb(all);
        assert_eq!(mine.latest("1", "a").map(|u| u.id.as_str()), Some("a1"), "the unit held is kept");
        assert_eq!(mine.latest("1", "b"), None, "b's withdrawal came along");
        assert!(mine.is_corrected("b1"));
        assert_eq!(mine.len(), 3);
    }

    #[test]
    fn states_as_of_keep_one_state_per_assignment() {
        let fix = Update { kind: RecordKind::Correction { of: "a1".into() }, ..rec("a3", "a", 6, Status::Blocked) };
        let full = ledger(vec![
            rec("a1", "a", 1, Status::InProgress),
            fix,
            rec("a2", "a", 9, Status::Done),
            rec("b1", "b", 8, Status::InProgress),
        ]);
        let states = full.states_as_of(at(7));
        assert_eq!(states.len(), 1, "b's first record is after the moment");
        let a = states.as_of("1", "a", at(7)).unwrap();
        assert_eq!((a.id.as_str(), a.status), ("a1", Status::Blocked), "as corrected, under the first id");
        assert_eq!(full.states_as_of(at(30)).latest("1", "b").map(|u| u.id.as_str()), Some("b1"));
    }

    #[test]
    fn including_a_record_is_as_if_it_had_been_read() {
        let first = rec("a1", "a", 1, Status::InProgress);
        let second = rec("a2", "a", 5, Status::Done);
        let fix = Update { kind: RecordKind::Correction { of: "a1".into() }, ..rec("a3", "a", 6, Status::Blocked) };
        let mut grown = Ledger { dir: "/d".into(), ..Ledger::default() };
        for u in [&first, &second, &fix, &second] {
            grown.include(u.clone());
        }
        let read = ledger(vec![first, second, fix]);
        assert_eq!(grown.len(), 3, "the same record is not taken twice");
        assert_eq!(grown.history("1", "a"), read.history("1", "a"));
        assert_eq!(grown.corrections_of("a1"), read.corrections_of("a1"));
        assert_eq!(grown.latest("1", "a").map(|u| u.status), Some(Status::Done));
    }
}
