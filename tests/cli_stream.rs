//! `taizhang report` as it streams: compact JSON and `--pretty`, stdout and `-o` alike, the
//! XLSX row limit refused from the plan alone, and a reader that stops early.

#[path = "support/env.rs"]
mod env;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TODAY: &str = "2022-09-01";

/// A plan of `tasks` tasks, each assigned to all of `units` units (through a group).
fn plan(dir: &Path, tasks: usize, units: usize) -> PathBuf {
    let mut s = String::from("[plan]\nid = \"big\"\ntitle = \"大计划\"\nissuer = \"测试\"\nyear = 2022\n");
    for u in 0..units {
        s.push_str(&format!("[[unit]]\nid = \"u{u}\"\nname = \"单位{u}\"\n"));
    }
    let members: Vec<String> = (0..units).map(|u| format!("\"u{u}\"")).collect();
    s.push_str(&format!("[[group]]\nid = \"all\"\nname = \"全体单位\"\nmembers = [{}]\n", members.join(", ")));
    for t in 1..=tasks {
        s.push_str(&format!(
            "[[task]]\nid = \"{t}\"\ncontent = \"任务{t}\"\nunits = [\"全体单位\"]\ndeadline = \"2022年6月底\"\n"
        ));
    }
    let path = dir.join("big.toml");
    std::fs::write(&path, s).unwrap();
    std::fs::create_dir_all(dir.join("big.progress")).unwrap();
    path
}

fn report(dir: &Path, args: &[&str]) -> Command {
    let mut c = env::taizhang();
    c.current_dir(dir).env("TAIZHANG_TODAY", TODAY).env("COLUMNS", "100").arg("report").args(args);
    c
}

fn run(dir: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = report(dir, args).output().unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The Zhongwei plan with a few records, in a scratch directory.
fn zhongwei() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    env::copy_plan("plans/zhongwei-2022.toml", dir.path(), "plan.toml");
    for (at, unit, task, status) in [
        ("2022-05-30T09:00:00+08:00", "市财政局", "1", "done"),
        ("2022-06-20T09:00:00+08:00", "市财政局", "2", "in_progress"),
        ("2022-07-01T09:00:00+08:00", "中宁县", "31", "done"),
    ] {
        let args = ["mark", "plan.toml", "-u", unit, "-t", task, "-s", status, "--note", "进展\u{202e}"];
        let out = env::taizhang().current_dir(dir.path()).env("TAIZHANG_TODAY", at).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    dir
}

#[test]
fn json_is_compact_unless_pretty_and_says_the_same() {
    let dir = zhongwei();
    let (code, compact, err) = run(dir.path(), &["plan.toml", "-p", "2", "-f", "json"]);
    assert_eq!(code, 0, "{err}");
    let (_, pretty, _) = run(dir.path(), &["plan.toml", "-p", "2", "-f", "json", "--pretty"]);
    let (compact, pretty) = (String::from_utf8(compact).unwrap(), String::from_utf8(pretty).unwrap());
    assert_eq!(compact.lines().count(), 1, "one line");
    assert!(pretty.lines().count() > 1000 && pretty.contains("\n  \"rows\": [\n    {\n      \"task\": \"1\","));
    assert!(compact.contains("\\u202e") && !compact.contains('\u{202e}'), "bidi controls escaped");
    let (a, b): (serde_json::Value, serde_json::Value) =
        (serde_json::from_str(&compact).unwrap(), serde_json::from_str(&pretty).unwrap());
    assert_eq!(a, b);
    for list in ["overdue", "completed"] {
        let index = a[format!("{list}_index")].as_array().unwrap();
        let picked: Vec<&serde_json::Value> = index.iter().map(|i| &a["rows"][i.as_u64().unwrap() as usize]).collect();
        assert_eq!(a[list].as_array().unwrap().iter().collect::<Vec<_>>(), picked, "{list}");
    }
    assert!(!a["completed_index"].as_array().unwrap().is_empty());
}

#[test]
fn a_file_gets_what_stdout_gets() {
    let dir = zhongwei();
    for kind in ["summary", "unit", "ledger"] {
        for format in ["txt", "md", "csv", "html", "json"] {
            let mut args = vec!["plan.toml", "-p", "2", "-k", kind, "-f", format];
            if kind == "unit" {
                args.extend(["-u", "市财政局"]);
            }
            let (code, printed, err) = run(dir.path(), &args);
            assert_eq!(code, 0, "{args:?}: {err}");
            args.extend(["-o", "out"]);
            let (code, _, err) = run(dir.path(), &args);
            assert_eq!(code, 0, "{args:?}: {err}");
            let written = std::fs::read(dir.path().join("out")).unwrap();
            // Printing replaces what a terminal must not see; a file keeps the text.
            let shown = taizhang::text::sanitize_lines(std::str::from_utf8(&written).unwrap(), false).into_owned();
            assert_eq!(String::from_utf8(printed).unwrap(), shown, "{args:?}");
        }
    }
}

#[test]
fn too_many_rows_for_a_workbook_is_refused_before_any_ledger_is_read() {
    let dir = tempfile::tempdir().unwrap();
    plan(dir.path(), 5_243, 200);
    // No such ledger directory: reading one would be an error of its own.
    let (code, out, err) = run(dir.path(), &["big.toml", "--data", "no-such-dir", "-o", "big.xlsx"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("1048600") && err.contains("XLSX") && err.contains("1048568"), "{err}");
    assert!(!dir.path().join("big.xlsx").exists());
    let (code, _, err) = run(dir.path(), &["big.toml", "--data", "no-such-dir", "-f", "csv"]);
    assert_eq!(code, 1, "other formats read the ledger: {err}");
    assert!(!err.contains("XLSX"), "{err}");
}

#[test]
fn a_reader_that_stops_early_ends_the_report_quietly() {
    let dir = tempfile::tempdir().unwrap();
    plan(dir.path(), 2_000, 20);
    let mut child = report(dir.path(), &["big.toml", "-k", "ledger", "-f", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // The pipe is closed here, long before 40,000 rows are written.
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}: {err}");
    assert!(err.is_empty(), "{err}");
    assert!(String::from_utf8_lossy(&head).starts_with('\u{feff}'));
}
