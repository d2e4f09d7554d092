//! The git merge driver's work: two versions of a unit file, both grown from a common ancestor,
//! merged as the union of their records — ours as they are, then theirs that ours lacks, written
//! and ordered exactly as `taizhang merge` appends them. A real conflict is refused.

use std::path::Path;

use super::kept::{Held, Lost};
use crate::ledger::{self, LedgerError, ParsedFile};

/// Which version of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The common ancestor (git's `%O`).
    Ancestor,
    /// This clone's version (`%A`).
    Ours,
    /// The version merged in (`%B`).
    Theirs,
}

/// Why two versions cannot be merged by taking the union of their records.
#[derive(Debug)]
pub enum Clash {
    /// A version does not parse.
    Unreadable { side: Side, error: LedgerError },
    /// A version lost or changed a record the ancestor had: the file was rewritten, not
    /// appended to.
    Rewritten { side: Side, lost: Lost },
    /// Both versions hold a record with this id, saying different things.
    Differs { id: String },
    /// The versions belong to different units.
    OtherUnit { ours: String, theirs: String },
}

/// The merged text of a unit file (`path` names it in messages): `ours` with the records of
/// `theirs` it lacks appended — what `taizhang merge` of `theirs` into `ours` writes. An empty
/// `ours` (a file only the other side has) gives `theirs` as it is.
pub fn union(path: &Path, ancestor: &str, ours: &str, theirs: &str) -> Result<String, Clash> {
    // The file's unit, from its name: a record of another unit makes a version unreadable.
    let unit = path.file_stem().and_then(|s| s.to_str()).filter(|s| crate::plan::valid_unit_id(s));
    let parse =
        |side, text: &str| ledger::parse_located(text, path, unit).map_err(|error| Clash::Unreadable { side, error });
    let (base, mine, other) =
        (parse(Side::Ancestor, ancestor)?, parse(Side::Ours, ours)?, parse(Side::Theirs, theirs)?);
    if let (Some(a), Some(b)) = (&mine.unit, &other.unit)
        && a != b
    {
        return Err(Clash::OtherUnit { ours: a.clone(), theirs: b.clone() });
    }
    let held = Held::of(&base.records);
    for (side, version) in [(Side::Ours, &mine), (Side::Theirs, &other)] {
        if let Some(lost) = held.lost_in(&Held::of(&version.records)) {
            return Err(Clash::Rewritten { side, lost });
        }
    }
    let new = ledger::union_new(&mine.records, &other.records).map_err(|e| match e {
        LedgerError::Conflict { id, .. } => Clash::Differs { id },
        error => Clash::Unreadable { side: Side::Theirs, error },
    })?;
    if blank(ours, &mine) {
        return Ok(theirs.to_string());
    }
    let mut text = ours.to_string();
    ledger::append_records(&mut text, &new).map_err(|error| Clash::Unreadable { side: Side::Theirs, error })?;
    Ok(text)
}

/// A version with nothing in it (no records, no header): absent on that side.
fn blank(text: &str, parsed: &ParsedFile) -> bool {
    parsed.records.is_empty() && text.trim().is_empty()
}

#[cfg(test)]
#[path = "driver_tests.rs"]
mod tests;
