//! The quick way into a unit file: toml's parsed document walked by hand into the raw records
//! serde would make of it, without serde's detour (which writes every date-time out as text
//! and reads it back). Anything unexpected — an unknown field, a value of another type, a
//! missing field — gives `None`, and the file is read through serde, whose messages (with
//! their positions) are the ones users see; a file read either way gives the same records.

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use super::{RawFile, RawUpdate};

type Value<'i> = Spanned<DeValue<'i>>;

/// The raw file, when every field is one the format has, of the type it has.
pub(super) fn raw_file(src: &str) -> Option<RawFile> {
    let doc = DeTable::parse(src).ok()?.into_inner();
    let mut file = RawFile { plan: None, unit: None, update: Vec::new() };
    for (key, value) in doc {
        match key.get_ref().as_ref() {
            "plan" => file.plan = Some(string(value)?.into_inner()),
            "unit" => file.unit = Some(string(value)?),
            "update" => file.update = updates(value)?,
            _ => return None,
        }
    }
    Some(file)
}

fn updates(value: Value) -> Option<Vec<Spanned<RawUpdate>>> {
    let DeValue::Array(items) = value.into_inner() else { return None };
    items
        .into_iter()
        .map(|item| {
            let span = item.span();
            match item.into_inner() {
                DeValue::Table(t) => Some(Spanned::new(span, update(t)?)),
                _ => None,
            }
        })
        .collect()
}

/// One record's fields; `task`, `unit`, `at` and `status` are required, as serde requires them.
fn update(table: DeTable) -> Option<RawUpdate> {
    let (mut task, mut unit, mut at, mut status) = (None, None, None, None);
    let mut u = RawUpdate {
        id: None,
        corrects: None,
        withdrawn: None,
        unchanged: None,
        task: Spanned::new(0..0, String::new()),
        unit: Spanned::new(0..0, String::new()),
        at: Spanned::new(0..0, Datetime { date: None, time: None, offset: None }),
        recorded_at: None,
        by: None,
        status: Spanned::new(0..0, String::new()),
        percent: None,
        note: None,
        problems: None,
        next: None,
        evidence: Vec::new(),
    };
    for (key, value) in table {
        match key.get_ref().as_ref() {
            "id" => u.id = Some(string(value)?),
            "corrects" => u.corrects = Some(string(value)?),
            "withdrawn" => u.withdrawn = Some(boolean(value)?),
            "unchanged" => u.unchanged = Some(boolean(value)?),
            "task" => task = Some(string(value)?),
            "unit" => unit = Some(string(value)?),
            "at" => at = Some(datetime(value)?),
            "recorded_at" => u.recorded_at = Some(datetime(value)?),
            "by" => u.by = Some(string(value)?.into_inner()),
            "status" => status = Some(string(value)?),
            "percent" => u.percent = Some(integer(value)?),
            "note" => u.note = Some(string(value)?.into_inner()),
            "problems" => u.problems = Some(string(value)?.into_inner()),
            "next" => u.next = Some(string(value)?.into_inner()),
            "evidence" => u.evidence = strings(value)?,
            _ => return None,
        }
    }
    (u.task, u.unit, u.at, u.status) = (task?, unit?, at?, status?);
    Some(u)
}

fn string(value: Value) -> Option<Spanned<String>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::String(s) => Some(Spanned::new(span, s.into_owned())),
        _ => None,
    }
}

fn boolean(value: Value) -> Option<Spanned<bool>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Boolean(b) => Some(Spanned::new(span, b)),
        _ => None,
    }
}

fn datetime(value: Value) -> Option<Spanned<Datetime>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Datetime(d) => Some(Spanned::new(span, d)),
        _ => None,
    }
}

fn integer(value: Value) -> Option<Spanned<i64>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Integer(i) => Some(Spanned::new(span, i64::from_str_radix(i.as_str(), i.radix()).ok()?)),
        _ => None,
    }
}

fn strings(value: Value) -> Option<Vec<String>> {
    let DeValue::Array(items) = value.into_inner() else { return None };
    items.into_iter().map(|item| string(item).map(Spanned::into_inner)).collect()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A unit file with every field the format has (shared with `ledger::view`'s tests).
    const FULL: &str = include_str!("../testdata/records.toml");

    /// Files the quick ways must read as serde reads them, or leave to serde.
    pub(in crate::ledger::file) fn cases() -> Vec<String> {
        let mut texts = vec![
            FULL.to_string(),
            String::new(),
            "plan = \"p\"\nupdate = [{task = \"1\", unit = \"a\", at = 2022-06-01T09:00:00+08:00, status = \"done\"}]\n".into(),
            "[[update]]\ntask = \"1\"\nunit = \"a\"\nat = 2022-06-01T09:00:00+08:00\nstatus = \"done\"\npercent = 1_0\nunchanged = false\n".into(),
        ];
        // A date without a time is a TOML date-time either way (the record is refused later).
        texts.push(FULL.replacen("at = 2022-06-02 09:00:00+08:00", "at = 2022-06-02", 1));
        // Each of these is for serde to refuse.
        for (from, to) in [
            ("percent = 0x28", "percent = 40.0"),
            ("percent = 0x28", "percent = 99999999999999999999"),
            ("by = \"张三\"", "by = 3"),
            ("by = \"张三\"", "colour = \"red\""),
            ("withdrawn = true", "withdrawn = \"yes\""),
            ("status = \"done\"", ""),
            ("at = 2022-06-02 09:00:00+08:00", "at = \"2022-06-02\""),
            ("evidence = [\"https://example.org/a\", \"会议纪要\"]", "evidence = [1]"),
            ("evidence = [\"https://example.org/a\", \"会议纪要\"]", "evidence = \"one\""),
            ("plan = \"p\"", "plan = 1"),
            ("plan = \"p\"", "[plan]\nid = \"p\""),
            ("[[update]]\nid = \"aaaa00000002\"", "[update2]\nid = \"aaaa00000002\""),
        ] {
            assert!(FULL.contains(from), "{from}");
            texts.push(FULL.replacen(from, to, 1));
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/ledger");
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            texts.push(std::fs::read_to_string(e.path()).unwrap());
        }
        texts
    }

    #[test]
    fn the_quick_way_reads_as_serde_reads_or_leaves_the_file_to_serde() {
        let (mut quick, mut left) = (0, 0);
        for text in cases() {
            let slow = toml::from_str::<RawFile>(&text);
            match raw_file(&text) {
                Some(fast) => {
                    quick += 1;
                    let slow = slow.unwrap_or_else(|e| panic!("serde refuses what the quick way read: {e}\n{text}"));
                    assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{text}");
                }
                None => {
                    left += 1;
                    assert!(slow.is_err(), "a file serde reads was left to it:\n{text}");
                }
            }
        }
        assert_eq!((quick, left), (7, 12), "every case was tried");
    }

    #[test]
    fn a_generated_ledger_reads_the_same_either_way() {
        let tmp = tempfile::tempdir().unwrap();
        let made = crate::r#gen::generate(crate::r#gen::Scale::City, 1, tmp.path(), false).unwrap();
        let dir = made.ledger;
        let mut files = 0;
        for e in std::fs::read_dir(dir).unwrap().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let slow = toml::from_str::<RawFile>(&text).unwrap();
            assert_eq!(format!("{:?}", raw_file(&text)), format!("{:?}", Some(slow)));
            files += 1;
        }
        assert_eq!(files, 30);
    }
}
