//! The merge driver on unit files written as taizhang writes them: union, idempotence, the same
//! text as `taizhang merge`, and each real conflict refused.

use std::path::Path;

use chrono::DateTime;

use super::*;
use crate::clock::Clock;
use crate::ledger::{Status, Update, WriteOptions};

fn rec(id: &str, task: &str, day: u32, note: &str) -> Update {
    let at = DateTime::parse_from_rfc3339(&format!("2022-06-{day:02}T09:00:00+08:00")).unwrap();
    Update { id: id.into(), note: Some(note.into()), ..Update::new(task, "czj", at, Status::InProgress) }
}

/// A unit file holding `records`, as appends write it.
fn file(records: &[Update]) -> String {
    let mut text = ledger::header("市财政局", "czj", "demo-2022");
    ledger::append_records(&mut text, records).unwrap();
    text
}

fn path() -> &'static Path {
    Path::new("demo-2022.progress/czj.toml")
}

#[test]
fn two_appends_merge_as_the_union_ours_first() {
    let (a, b, c) = (rec("a1", "1", 1, "起步"), rec("b1", "1", 2, "甲方"), rec("c1", "1", 3, "乙方"));
    let base = file(std::slice::from_ref(&a));
    let ours = file(&[a.clone(), b.clone()]);
    let theirs = file(&[a.clone(), c.clone()]);
    let merged = union(path(), &base, &ours, &theirs).unwrap();
    assert_eq!(merged, file(&[a, b, c]));
    assert!(merged.starts_with(&ours), "our text is kept as it is, theirs appended");
}

#[test]
fn merging_is_idempotent() {
    let (a, b, c) = (rec("a1", "1", 1, "起步"), rec("b1", "1", 2, "甲方"), rec("c1", "1", 3, "乙方"));
    let base = file(std::slice::from_ref(&a));
    let merged = union(path(), &base, &file(&[a.clone(), b]), &file(&[a, c])).unwrap();
    assert_eq!(union(path(), &base, &merged, &merged).unwrap(), merged);
    assert_eq!(union(path(), &merged, &merged, &base).unwrap_err().to_string_lossy(), "rewritten theirs");
    let again = union(path(), &base, &merged, &file(&[rec("a1", "1", 1, "起步")])).unwrap();
    assert_eq!(again, merged, "what ours holds already is not taken twice");
}

#[test]
fn a_file_only_one_side_has_is_taken_as_it_is() {
    let theirs = file(&[rec("c1", "1", 3, "乙方")]);
    assert_eq!(union(path(), "", "", &theirs).unwrap(), theirs);
    assert_eq!(union(path(), "", &theirs, "").unwrap(), theirs);
}

#[test]
fn the_result_is_what_merge_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = crate::ledger::tests::plan(tmp.path());
    let dir = ledger::default_dir(&plan);
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b, c, d) =
        (rec("a1", "1", 1, "起步"), rec("b1", "1", 2, "甲方"), rec("c1", "1", 3, "乙方"), rec("d1", "1", 4, "又一"));
    let ours = file(&[a.clone(), b.clone()]);
    let theirs = file(&[a.clone(), c, b, d]);
    std::fs::write(dir.join("czj.toml"), &ours).unwrap();
    let incoming = tmp.path().join("czj.toml");
    std::fs::write(&incoming, &theirs).unwrap();
    let wall = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+08:00").unwrap();
    let merged = ledger::merge(&plan, &dir, &incoming, &WriteOptions::new(Clock::real(wall)), false).unwrap();
    assert_eq!(merged.added, 2);
    let written = std::fs::read_to_string(dir.join("czj.toml")).unwrap();
    assert_eq!(union(path(), &file(&[a]), &ours, &theirs).unwrap(), written);
}

#[test]
fn the_same_id_saying_two_things_is_a_conflict() {
    let a = rec("a1", "1", 1, "起步");
    let base = file(std::slice::from_ref(&a));
    let ours = file(&[a.clone(), rec("x1", "1", 2, "甲方")]);
    let theirs = file(&[a, rec("x1", "1", 2, "乙方")]);
    let err = union(path(), &base, &ours, &theirs).unwrap_err();
    assert!(matches!(&err, Clash::Differs { id } if id == "x1"), "{err:?}");
}

#[test]
fn a_rewritten_file_is_a_conflict_on_either_side() {
    let (a, b) = (rec("a1", "1", 1, "起步"), rec("b1", "1", 2, "甲方"));
    let base = file(&[a.clone(), b.clone()]);
    let edited = file(&[rec("a1", "1", 1, "改过"), b.clone()]);
    let cut = file(std::slice::from_ref(&b));
    let grown = file(&[a, b, rec("c1", "1", 3, "乙方")]);
    let err = union(path(), &base, &edited, &grown).unwrap_err();
    assert!(matches!(&err, Clash::Rewritten { side: Side::Ours, lost: Lost::Changed { id } } if id == "a1"), "{err:?}");
    let err = union(path(), &base, &grown, &cut).unwrap_err();
    assert!(
        matches!(&err, Clash::Rewritten { side: Side::Theirs, lost: Lost::Removed { id } } if id == "a1"),
        "{err:?}"
    );
}

#[test]
fn a_broken_or_foreign_version_is_refused() {
    let a = rec("a1", "1", 1, "起步");
    let ours = file(std::slice::from_ref(&a));
    let err = union(path(), "", &ours, "[[update]\nbroken").unwrap_err();
    assert!(matches!(err, Clash::Unreadable { side: Side::Theirs, .. }), "{err:?}");
    let mut other = ledger::header("市发展改革委", "fgw", "demo-2022");
    ledger::append_records(&mut other, &[Update { unit: "fgw".into(), ..a }]).unwrap();
    let err = union(path(), "", &ours, &other).unwrap_err();
    assert!(
        matches!(&err, Clash::Unreadable { side: Side::Theirs, error: LedgerError::WrongUnit { found, .. } } if found == "fgw"),
        "czj.toml holds czj's records only: {err:?}"
    );
    let err = union(Path::new("台账.toml"), "", &ours, &other).unwrap_err();
    assert!(matches!(err, Clash::OtherUnit { .. }), "{err:?}");
}

impl Clash {
    /// A short word for what went wrong, for assertions.
    fn to_string_lossy(&self) -> &'static str {
        match self {
            Clash::Rewritten { side: Side::Theirs, .. } => "rewritten theirs",
            Clash::Rewritten { .. } => "rewritten",
            Clash::Differs { .. } => "differs",
            Clash::Unreadable { .. } => "unreadable",
            Clash::OtherUnit { .. } => "other unit",
        }
    }
}
