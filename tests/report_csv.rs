//! Every CSV `taizhang report` can write is one table: a BOM, a header row, then rows of the
//! header's length — each kind, each `--table`, and the files of `-o DIR/` — and the refusals
//! of `--table` and `-o DIR/` where they do not apply.

#[path = "support/env.rs"]
mod env;

use std::path::Path;
use std::process::Command;

const PLAN: &str = "plans/zhongwei-2022.toml";
const DEMO: &str = "examples/zhongwei-2022.progress";
const SUMMARY: [&str; 7] = ["totals", "buckets", "units", "sections", "overdue", "not-reported", "completed"];
const ROWS: [&str; 2] = ["rows", "trail"];

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Out {
    let mut c: Command = env::taizhang();
    let out = c.current_dir(dir).env("TAIZHANG_TODAY", "2022-09-01").args(args).output().expect("runs");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The demo ledger's report with `extra` arguments, run from the repository (read only).
fn demo(extra: &[&str]) -> Out {
    let mut args = vec!["report", PLAN, "--data", DEMO, "--period", "2", "-f", "csv"];
    args.extend_from_slice(extra);
    run(&env::root(), &args)
}

/// The rows of one CSV table, after checking it is one: a BOM, a header of named columns, and
/// every row as long as the header. Returns the rows, header first.
fn table(text: &str, what: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or_else(|| panic!("{what}: no BOM"));
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{what}: {e}")).iter().map(str::to_string).collect())
        .collect();
    let head = rows.first().unwrap_or_else(|| panic!("{what}: no header row"));
    assert!(head.len() > 1 || what.contains("none"), "{what}: a header of one column: {head:?}");
    assert!(head.iter().all(|h| !h.is_empty()), "{what}: an unnamed column: {head:?}");
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), head.len(), "{what}: row {n} has {} fields, the header {}", row.len(), head.len());
    }
    // A strict reader agrees.
    let strict = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
    assert!(strict.into_records().all(|r| r.is_ok()), "{what}");
    rows
}

#[test]
fn every_kind_and_table_on_stdout_is_one_table() {
    let kinds: [(&str, &[&str], &[&str]); 3] = [
        ("summary", &[], &SUMMARY),
        ("unit", &["--unit", "市财政局"], &ROWS),
        ("ledger", &["--kind", "ledger"], &ROWS),
    ];
    for (kind, args, tables) in kinds {
        for lang in ["zh", "en"] {
            let default = run_lang(lang, args);
            let rows = table(&default, &format!("{kind} {lang} default"));
            for t in tables {
                let out = run_lang(lang, &[args, &["--table", t]].concat());
                let rows_t = table(&out, &format!("{kind} {lang} --table {t}"));
                if *t == tables_default(kind) {
                    assert_eq!(rows_t, rows, "{kind}: the default table is {t}");
                }
            }
        }
    }
    let units = table(&demo(&[]).stdout, "summary");
    assert_eq!(units[0][..2], ["排名", "责任单位"]);
    assert_eq!(units.len(), 1 + 27, "every unit with assignments");
    let ledger = table(&demo(&["--kind", "ledger"]).stdout, "ledger");
    assert_eq!(ledger.len(), 1 + 715, "every assignment");
    let totals = table(&demo(&["--table", "totals"]).stdout, "totals");
    assert_eq!(totals.len(), 2);
    // 715 assignments: 669 lead and responsible, and 46 配合 in columns of their own.
    assert_eq!(totals[1][3], "669");
    assert_eq!(totals[0][12..], ["配合分工", "配合已完成", "配合逾期", "配合完成率"]);
    assert_eq!(totals[1][12], "46");
    // Dates are ISO.
    assert!(ledger[1..].iter().any(|r| r.iter().any(|c| c == "2022-10-31")));
}

fn run_lang(lang: &str, extra: &[&str]) -> String {
    let out = demo(&[&["--lang", lang][..], extra].concat());
    assert_eq!(out.code, 0, "{extra:?}: {}", out.stderr);
    out.stdout
}

fn tables_default(kind: &str) -> &'static str {
    if kind == "summary" { "units" } else { "rows" }
}

#[test]
fn a_directory_gets_one_file_per_table() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = env::root();
    let plan = root.join(PLAN);
    let data = root.join(DEMO);
    let (plan, data) = (plan.to_str().expect("path"), data.to_str().expect("path"));
    let base = ["report", plan, "--data", data, "--period", "2"];
    // A new directory (ending in /), then an existing one given without the /.
    let out = run(tmp.path(), &[&base[..], &["-o", "汇总/"]].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("units.csv"), "{}", out.stderr);
    let out = run(tmp.path(), &[&base[..], &["--kind", "ledger", "-f", "csv", "-o", "汇总"]].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(tmp.path().join("汇总"))
        .expect("the directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want: Vec<String> = SUMMARY.iter().chain(&ROWS).map(|t| format!("{t}.csv")).collect();
    want.sort();
    assert_eq!(names, want, "one file per table, nothing else (no temporary files)");
    for name in &names {
        let text = std::fs::read_to_string(tmp.path().join("汇总").join(name)).expect("readable");
        table(&text, name);
    }
    // --table with a directory writes that table alone.
    let out = run(tmp.path(), &[&base[..], &["-t", "overdue", "-o", "one/"]].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files: Vec<_> = std::fs::read_dir(tmp.path().join("one")).expect("dir").collect();
    assert_eq!(files.len(), 1);
    assert!(tmp.path().join("one/overdue.csv").is_file());
}

#[test]
fn corrections_are_a_table_of_their_own() {
    let tmp = tempfile::tempdir().expect("temp dir");
    env::copy_plan(PLAN, tmp.path(), "plan.toml");
    let mark = |args: &[&str]| {
        let out = run(tmp.path(), &[&["mark", "plan.toml", "-u", "市财政局", "-t", "1"][..], args].concat());
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let first = mark(&["-s", "推进中", "-p", "40", "--note", "四成", "--at", "2022-08-15 10:00"]);
    let at = first.find("记录 ").expect("a record id") + "记录 ".len();
    let id: String = first[at..].chars().take_while(char::is_ascii_alphanumeric).collect();
    mark(&["-s", "推进中", "-p", "30", "--note", "=三成", "--corrects", &id, "--at", "2022-08-16 10:00"]);
    let ledger = run(tmp.path(), &["report", "plan.toml", "-k", "ledger", "-f", "csv", "-p", "2"]);
    assert_eq!(ledger.code, 0, "{}", ledger.stderr);
    table(&ledger.stdout, "ledger with a correction");
    assert!(ledger.stderr.contains("--table trail"), "{}", ledger.stderr);
    let trail = run(tmp.path(), &["report", "plan.toml", "-k", "ledger", "-f", "csv", "-p", "2", "-t", "trail"]);
    assert!(trail.stderr.is_empty(), "{}", trail.stderr);
    let rows = table(&trail.stdout, "trail");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[1].contains(&id), "{rows:?}");
    assert!(rows[1].contains(&"'=三成".to_string()), "a formula-like note is text: {rows:?}");
    let unit = run(tmp.path(), &["report", "plan.toml", "-u", "市财政局", "-f", "csv", "-p", "2", "-t", "trail"]);
    assert_eq!(table(&unit.stdout, "unit trail").len(), 2);
    let rows = table(&ledger.stdout, "ledger");
    assert!(rows.iter().any(|r| r.contains(&"'=三成".to_string())), "the corrected note, as text");
}

#[test]
fn tables_where_they_do_not_apply_are_refused() {
    let cases: [(&[&str], &str, &str); 5] = [
        (&["--table", "units", "-f", "md"], "--table 只用于 CSV", "--table is for CSV only"),
        (&["--table", "units"], "--table 只用于 CSV", "--table is for CSV only"),
        (&["--table", "trail", "-f", "csv"], "汇总没有 trail 表", "has no trail table"),
        (&["--kind", "ledger", "-f", "csv", "--table", "units"], "台账没有 units 表", "has no units table"),
        (&["-f", "html", "-o", "out/"], "是目录", "is a directory"),
    ];
    let report = |args: &[&str]| run(&env::root(), &[&["report", PLAN, "--data", DEMO][..], args].concat());
    for (args, zh, en) in cases {
        let out = report(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(zh) && out.stderr.contains("提示"), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty());
        let out = run(&env::root(), &[&["--lang", "en", "report", PLAN, "--data", DEMO][..], args].concat());
        assert!(out.stderr.contains(en) && out.stderr.contains("hint"), "{args:?}: {}", out.stderr);
    }
    assert!(!env::root().join("out").exists(), "nothing made for a refused command");
}
