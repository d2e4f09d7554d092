//! A state read where it lies: a record in the cache's archive (its texts borrowed, never
//! copied) or an update held in memory. What a report row shows of an assignment's state.

use chrono::{DateTime, FixedOffset};

use super::source::{Source, order_of};
use super::state::{FileLedger, StateRef};
use super::{Status, Update};
use crate::cache::Text;

/// An assignment's state as of some moment, read in place.
#[derive(Debug, Clone, Copy)]
pub struct StateView<'a>(Inner<'a>);

/// A record by its index in its file (32 bits, so that a view takes two words).
#[derive(Debug, Clone, Copy)]
enum Inner<'a> {
    Held(&'a Update),
    Record(&'a Source, u32),
}

impl<'a> From<&'a Update> for StateView<'a> {
    fn from(u: &'a Update) -> StateView<'a> {
        StateView(Inner::Held(u))
    }
}

impl<'a> StateView<'a> {
    pub(super) fn of(file: &'a FileLedger, s: StateRef) -> Option<StateView<'a>> {
        Some(StateView(match s {
            StateRef::Record(i) => Inner::Record(&file.source, i),
            StateRef::Fixed(i) => Inner::Held(file.fixed.get(i as usize)?),
        }))
    }

    /// Reads the state's record ahead of its use, so that the reads of several states overlap
    /// (the value means nothing).
    pub fn touch(self) -> u8 {
        match self.0 {
            Inner::Held(_) => 0,
            Inner::Record(s, i) => s.touch(i as usize),
        }
    }

    /// The id of the record the state stands for.
    pub fn id(self) -> &'a str {
        match self.0 {
            Inner::Held(u) => &u.id,
            Inner::Record(s, i) => s.id(i as usize),
        }
    }

    pub fn at(self) -> DateTime<FixedOffset> {
        match self.0 {
            Inner::Held(u) => u.at,
            Inner::Record(s, i) => s.at(i as usize),
        }
    }

    /// [`StateView::at`] as nanoseconds since the epoch ([`super::order`]).
    pub fn at_order(self) -> i64 {
        match self.0 {
            Inner::Held(u) => order_of(u.at),
            Inner::Record(s, i) => s.order(i as usize),
        }
    }

    /// When the record was written, as [`StateView::at_order`] counts time.
    pub fn written_order(self) -> Option<i64> {
        match self.0 {
            Inner::Held(u) => u.recorded_at.map(order_of),
            Inner::Record(s, i) => s.written(i as usize),
        }
    }

    pub fn status(self) -> Status {
        match self.0 {
            Inner::Held(u) => u.status,
            Inner::Record(s, i) => s.status(i as usize),
        }
    }

    pub fn percent(self) -> Option<u8> {
        match self.0 {
            Inner::Held(u) => u.percent,
            Inner::Record(s, i) => s.percent(i as usize),
        }
    }

    fn text(self, which: Text) -> Option<&'a str> {
        match self.0 {
            Inner::Held(u) => which.of(u),
            Inner::Record(s, i) => s.text(i as usize, which),
        }
    }

    pub fn by(self) -> Option<&'a str> {
        self.text(Text::By)
    }

    /// The filled spreadsheet the record was merged from, if it was.
    pub fn source(self) -> Option<&'a str> {
        self.text(Text::Source)
    }

    pub fn note(self) -> Option<&'a str> {
        self.text(Text::Note)
    }

    pub fn problems(self) -> Option<&'a str> {
        self.text(Text::Problems)
    }

    pub fn next(self) -> Option<&'a str> {
        self.text(Text::Next)
    }

    pub fn evidence(self) -> Evidence<'a> {
        Evidence(match self.0 {
            Inner::Held(u) => EvInner::Held(&u.evidence),
            Inner::Record(s, i) => EvInner::Record(s, i as usize),
        })
    }
}

/// A state's evidence items, read in place.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a>(EvInner<'a>);

#[derive(Debug, Clone, Copy)]
enum EvInner<'a> {
    Held(&'a [String]),
    Record(&'a Source, usize),
}

impl Default for Evidence<'_> {
    fn default() -> Self {
        Evidence(EvInner::Held(&[]))
    }
}

impl<'a> From<&'a [String]> for Evidence<'a> {
    fn from(items: &'a [String]) -> Evidence<'a> {
        Evidence(EvInner::Held(items))
    }
}

impl<'a> Evidence<'a> {
    pub fn len(self) -> usize {
        match self.0 {
            EvInner::Held(v) => v.len(),
            EvInner::Record(s, i) => s.evidence_len(i),
        }
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        (0..self.len()).filter_map(move |k| match self.0 {
            EvInner::Held(v) => v.get(k).map(String::as_str),
            EvInner::Record(s, i) => s.evidence(i, k),
        })
    }

    /// The items joined by `sep`.
    pub fn join(self, sep: &str) -> String {
        let mut out = String::new();
        for (k, e) in self.iter().enumerate() {
            if k > 0 {
                out.push_str(sep);
            }
            out.push_str(e);
        }
        out
    }

    pub fn to_vec(self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

impl PartialEq for Evidence<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl serde::Serialize for Evidence<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::cache::{Cache, Stamp};

    /// A unit file with every field the format has.
    const FILE: &str = include_str!("testdata/records.toml");

    #[test]
    fn a_cached_record_reads_in_place_as_its_copy_reads() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.toml");
        std::fs::write(&path, FILE).unwrap();
        let parsed = crate::ledger::parse_located(FILE, &path, Some("a")).unwrap();
        let stamp = Stamp::of(&path).unwrap();
        let wall = DateTime::parse_from_rfc3339("2030-01-01T00:00:00+08:00").unwrap();
        let cached = Cache::new(tmp.path().join("cache")).put(&path, &stamp, &parsed, wall, FILE.as_bytes()).unwrap();
        let source = Source::cached(cached);
        for (i, u) in parsed.records.iter().enumerate() {
            let (place, held) = (StateView(Inner::Record(&source, i as u32)), StateView::from(u));
            for v in [place, held] {
                assert_eq!((v.id(), v.at(), v.status(), v.percent()), (u.id.as_str(), u.at, u.status, u.percent));
                assert_eq!((v.by(), v.note()), (u.by.as_deref(), u.note.as_deref()));
                assert_eq!((v.problems(), v.next()), (u.problems.as_deref(), u.next.as_deref()));
                assert_eq!(v.source(), u.source.as_deref());
                assert_eq!(v.evidence().to_vec(), u.evidence);
                assert_eq!(v.evidence().join("\n"), u.evidence.join("\n"));
                assert_eq!(v.at_order(), order_of(u.at));
                assert_eq!(v.written_order(), u.recorded_at.map(order_of));
            }
            assert_eq!(place.evidence(), held.evidence());
        }
        let Source::Cached { full, .. } = &source else { panic!("read from the cache") };
        assert!(full.iter().all(|copy| copy.get().is_none()), "nothing was copied out");
        for (i, u) in parsed.records.iter().enumerate() {
            assert_eq!(source.update(i), u, "copied out whole");
        }
        assert_eq!(parsed.records[0].source.as_deref(), Some("市财政局-第2期台账.xlsx"));
    }
}
