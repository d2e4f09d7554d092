//! `taizhang gen` end to end at city scale: what it says it wrote, that `check` passes it with no
//! warning, that `tasks` and `report` (ledger JSON, summary text and XLSX) read it (counts of
//! tasks, units, assignments and records), that `mark` appends to it, and refusals in Chinese and
//! English.

#[path = "support/env.rs"]
mod env;

use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = env::taizhang().current_dir(dir).args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn generated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), &["gen", "--scale", "city", "--out", "w", "--seed", "3"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "已生成 city 规模的模拟计划和台账：50 项任务，30 个报送单位，2 个单位组，1,500 条分工，6,000 条记录\n"
        ),
        "{out}"
    );
    assert!(out.contains("计划文件：w/city-2025.toml\n台账目录：w/city-2025.progress/\n"), "{out}");
    assert!(err.is_empty(), "{err}");
    dir
}

#[test]
fn the_city_workload_checks_and_reports() {
    let dir = generated();
    let d = dir.path();
    let (code, out, err) = run(d, &["check", "w/city-2025.toml"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "通过 w/city-2025.toml：50 项任务，30 个报送单位，2 个单位组，1500 条分工；警告 0 条\n");
    let units = std::fs::read_dir(d.join("w/city-2025.progress")).unwrap().count();
    assert_eq!(units, 30);

    let (code, json, err) = run(d, &["report", "w/city-2025.toml", "--kind", "ledger", "-f", "json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 1_500);

    // The generated 配合 assignments are counted apart from the rest.
    let (code, json, _) = run(d, &["report", "w/city-2025.toml", "-f", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let (counted, assist) =
        (v["totals"]["assignments"].as_u64().unwrap(), v["assist"]["assignments"].as_u64().unwrap());
    assert_eq!(counted + assist, 1_500);
    assert!(assist > 0 && counted > assist, "{counted} + {assist}");
    let (code, out, err) = run(d, &["report", "w/city-2025.toml"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains(&format!("共 50 项任务、{counted} 项分工。")), "{out:.400}");
    assert!(out.contains(&format!("配合事项）{assist} 项")), "{out:.600}");
    let (code, _, err) = run(d, &["report", "w/city-2025.toml", "-o", "r.xlsx"]);
    assert_eq!(code, 0, "{err}");

    let (code, tasks, err) = run(d, &["tasks", "w/city-2025.toml", "--unit", "市财政局", "--format", "json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&tasks).unwrap();
    assert_eq!(v["tasks"].as_array().map(Vec::len), Some(50));
    assert_eq!(v["has_ledger"], true);
    let records: usize = std::fs::read_dir(d.join("w/city-2025.progress"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap().matches("[[update]]").count())
        .sum();
    assert_eq!(records, 6_000);
}

#[test]
fn mark_appends_to_a_generated_unit_file() {
    let dir = generated();
    let args = ["mark", "w/city-2025.toml", "-u", "市财政局", "-t", "1", "-s", "推进中", "-p", "99", "--note", "试填"];
    let (code, out, err) = run(dir.path(), &args);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("已保存：任务 1 · 市财政局 · 推进中 99%"), "{out}");
}

#[test]
fn existing_output_is_refused_in_the_users_language() {
    let dir = generated();
    let (code, out, err) = run(dir.path(), &["gen", "--scale", "city", "--out", "w"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.starts_with("错误: 计划文件 w/city-2025.toml 已存在，未写入任何文件\n  提示: "), "{err}");
    let (code, _, err) = run(dir.path(), &["--lang", "en", "gen", "--scale", "city", "--out", "w"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("error: the plan file w/city-2025.toml already exists"), "{err}");
    let (code, out, err) = run(dir.path(), &["gen", "--scale", "city", "--out", "w", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("6,000 条记录"));
}

#[test]
fn a_bad_scale_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(dir.path(), &["gen", "--scale", "country", "--out", "w"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("错误: --scale 不接受 “country”\n  提示: 可选的值：city、province、extreme"), "{err}");
    assert!(!dir.path().join("w").exists());
}
