//! The one-pass reader against serde: whatever it reads, serde reads the same (spans included);
//! what it leaves, it leaves whole.

use super::raw_file;
use crate::ledger::file::RawFile;
use crate::plain::plain_datetime;
use crate::plain::testing::{self, Rng, mutate};

fn same_as_serde(text: &str) -> bool {
    testing::same_as_serde::<RawFile>(text, raw_file)
}

/// A unit file with every field the format has (shared with `ledger::view`'s tests).
const FULL: &str = include_str!("../testdata/records.toml");

/// Unit files in every form: the full fixture, hand-written variants (some for serde to refuse)
/// and the hostile fixtures.
fn cases() -> Vec<String> {
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

const RECORD: &str = "[[update]]\nid = \"aaaa00000001\"\ntask = \"1\"\nunit = \"a\"\nat = 2022-06-01T09:00:00+08:00\nstatus = \"done\"\n";

#[test]
fn every_form_of_unit_file_reads_the_same_or_is_left() {
    let cases = cases();
    let quick = cases.iter().filter(|t| same_as_serde(t)).count();
    assert!(quick >= 3, "{quick} of {} read the quick way", cases.len());
}

#[test]
fn a_generated_ledger_is_read_the_quick_way_and_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let made = crate::r#gen::generate(crate::r#gen::Scale::City, 1, tmp.path(), false).unwrap();
    let mut files = 0;
    for e in std::fs::read_dir(made.ledger).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        assert!(same_as_serde(&text), "{}", e.path().display());
        files += 1;
    }
    assert_eq!(files, 30);
}

#[test]
fn edge_forms_read_the_same_or_are_left() {
    let head = "plan = \"p\"\nunit = \"a\"\n";
    let read = [
        String::new(),
        "# only a comment\n".into(),
        format!("{head}\n{RECORD}"),
        format!("{head}{}", RECORD.replace('\n', "\r\n")),
        format!("  {RECORD}").replace("\nid", "\n\tid"),
        format!("{RECORD}note = \"\"\"\n第一行\n第二行 \"引号\" \"\"在内\\t\\u4e2d\"\"\"\n"),
        format!("{RECORD}note = \"\"\"不换行开头\"\"\"\n"),
        format!("{RECORD}note = 'C:\\路径 \"引号\"'\n"),
        format!("{RECORD}note = \"\\\\ \\\" \\b \\f \\n \\r \\t \\u00e9 \\U0001F600\"\n"),
        format!("{RECORD}evidence = []\n"),
        format!("{RECORD}evidence = [ \"a\" , 'b' ,]\n"),
        format!("{RECORD}percent = 0 # 注释\nwithdrawn = false\n"),
        format!(
            "{RECORD}[[update]] # 第二条\ntask = \"2\"\nunit = \"a\"\nat = 2022-06-01T09:00:00.123456789Z\nstatus = \"x\"\n"
        ),
        format!("{RECORD}recorded_at = 2022-06-01T09:00:00\n"),
        format!("{RECORD}recorded_at = 2022-06-01\n"),
        format!("{RECORD}recorded_at = 2024-02-29T23:59:59-05:30\n"),
    ];
    for text in &read {
        assert!(same_as_serde(text), "not read the quick way: {text:?}");
    }
    let left = [
        "\u{feff}plan = \"p\"\n".to_string(),
        "plan = \"p\"\nplan = \"q\"\n".into(),
        "update = []\n".into(),
        "[ [update]]\n".into(),
        "[[update]]x\n".into(),
        "[update]\n".into(),
        format!("{RECORD}task = \"2\"\n"),
        format!("{RECORD}colour = \"red\"\n"),
        RECORD.replace("status = \"done\"\n", ""),
        format!("{RECORD}note = \"a\"#c\n"),
        format!("{RECORD}percent = 10#c\n"),
        format!("{RECORD}percent = 010\n"),
        format!("{RECORD}percent = -5\n"),
        format!("{RECORD}percent = 1_0\n"),
        format!("{RECORD}percent = 1234567890123456789012\n"),
        format!("{RECORD}withdrawn = truex\n"),
        format!("{RECORD}note = \"\\e\"\n"),
        format!("{RECORD}note = \"\\x41\"\n"),
        format!("{RECORD}note = \"\\uD800\"\n"),
        format!("{RECORD}note = \"a\tb\u{7f}\"\n"),
        format!("{RECORD}note = \"a\rb\"\n"),
        format!("{RECORD}note = \"未完\n"),
        format!("{RECORD}note = '''x'''\n"),
        format!("{RECORD}note = \"\"\"a\"\"\"\"\n"),
        format!("{RECORD}note = \"\"\"行尾 \\\n续\"\"\"\n"),
        format!("{RECORD}note = \"\"\"a\r\nb\"\"\"\n"),
        format!("{RECORD}# 控制符\u{1}\n"),
        format!("{RECORD}evidence = [\"a\"\n, \"b\"]\n"),
        format!("{RECORD}evidence = [\"a\" \"b\"]\n"),
        format!("{RECORD}evidence = [1]\n"),
        format!("{RECORD}recorded_at = 2022-06-01 09:00:00+08:00\n"),
        format!("{RECORD}recorded_at = 2022-06-01t09:00:00z\n"),
        format!("{RECORD}recorded_at = 2022-02-30T09:00:00Z\n"),
        format!("{RECORD}recorded_at = 2022-06-01T09:00:60Z\n"),
        format!("{RECORD}recorded_at = 2022-06-01T09:00:00+24:00\n"),
        format!("{RECORD}recorded_at = 2022-06-01T09:00:00.1234567891Z\n"),
        format!("{RECORD}recorded_at = 2022-06-01T09:00Z\n"),
        "a\rb = 1\n".into(),
    ];
    for text in &left {
        // Left to toml (which may read it or refuse it); never read differently.
        same_as_serde(text);
    }
    let read_anyway: Vec<&String> = left.iter().filter(|t| raw_file(t).is_some()).collect();
    assert!(read_anyway.iter().all(|t| same_as_serde(t)), "{read_anyway:?}");
}

#[test]
fn mutated_files_are_read_the_same_or_left() {
    let base = format!(
        "# 台账\nplan = \"p\"\nunit = \"a\"\n\n{RECORD}recorded_at = 2022-06-01T09:05:00.5Z\nby = \"张三\"\npercent = 40\nnote = \"第一行\\n\\\"引号\\\"\"\nproblems = 'literal \\n'\nnext = \"\"\"\n多行\n文字\"\"\"\nevidence = [\"https://example.org/a\", \"会议纪要\"]\n\n[[update]]\nid = \"aaaa00000002\"\ncorrects = \"aaaa00000001\"\nwithdrawn = true\nunchanged = false\ntask = \"1\"\nunit = \"a\"\nat = 2022-06-02T09:00:00+08:00\nstatus = \"done\"\n"
    );
    assert!(same_as_serde(&base));
    let pieces: Vec<&str> = testing::PIECES
        .iter()
        .copied()
        .chain(["\r\n", "\t", "[[update]]\n", "9", "T", "Z", "+", ".", "\\u4e2d", "\\e", "_", "e"])
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut quick, mut cases) = (0, 0);
    for _ in 0..4000 {
        let mut text = base.clone();
        mutate(&mut text, &pieces, &mut rng);
        cases += 1;
        quick += usize::from(same_as_serde(&text));
    }
    // Most mutants break the layout; enough must still be read to test anything.
    assert!(quick > cases / 10, "{quick} of {cases} read the quick way");
}

#[test]
fn plain_date_times_read_as_toml_reads_them() {
    use std::str::FromStr;
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut read = 0;
    let pick = |rng: &mut Rng, values: &[&str]| values[rng.next() % values.len()].to_string();
    for _ in 0..5000 {
        let text = format!(
            "{}-{}-{}T{}:{}:{}{}",
            pick(&mut rng, &["2022", "2024", "2100", "2000", "0000", "9999", "202x"]),
            pick(&mut rng, &["01", "02", "04", "12", "13", "00", "1"]),
            pick(&mut rng, &["01", "28", "29", "30", "31", "32", "00"]),
            pick(&mut rng, &["00", "09", "23", "24"]),
            pick(&mut rng, &["00", "59", "60"]),
            pick(&mut rng, &["00", "59", "60", "61"]),
            pick(
                &mut rng,
                &["Z", "+08:00", "-05:30", "+00:00", "-00:00", "+23:59", "+24:00", "+08:60", "z", "+0800", ".5Z"]
            ),
        );
        let toml = toml::value::Datetime::from_str(&text).ok();
        if let Some(fast) = plain_datetime(&text) {
            read += 1;
            assert_eq!(Some(fast), toml, "{text}");
        }
    }
    assert!(read > 100, "{read} read the quick way");
}
