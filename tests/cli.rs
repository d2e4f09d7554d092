//! The command line as users meet it: stdout, stderr and exit code of real runs, snapshotted.

#[path = "support/env.rs"]
mod env;

use taizhang::text::width;

use env::{private_ledger, root, taizhang};

/// Runs the binary in the repository root with a fixed clock and width, a clean environment
/// and an empty ledger directory of its own (never the one beside `plans/`).
fn run(args: &[&str]) -> (i32, String, String) {
    let data = private_ledger();
    let out = taizhang()
        .current_dir(root())
        .env("TAIZHANG_TODAY", "2022-06-01")
        .env("TAIZHANG_DATA", data.path())
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("the binary runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn transcript(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    format!("$ taizhang {}\nexit: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}", args.join(" "))
}

#[test]
fn seed_plans_pass_check() {
    let (code, stdout, stderr) = run(&[
        "check",
        "plans/ningxiang-2022.toml",
        "plans/xianning-2022.toml",
        "plans/zhongfang-2022.toml",
        "plans/nanjing-2022.toml",
        "plans/zhongwei-2022.toml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().filter(|l| l.starts_with("通过")).count(), 5);
    assert!(!stderr.contains("错误"), "{stderr}");
    insta::assert_snapshot!(transcript(&["check", "plans/zhongwei-2022.toml", "plans/nanjing-2022.toml"]));
}

/// Each broken fixture fails with exit 1 and points at the right line and column.
#[test]
fn broken_plans_point_at_the_problem() {
    let cases = [
        ("syntax", "9:18"),
        ("unknown-unit", "14:18"),
        ("duplicate-task", "17:6"),
        ("bad-date", "6:10"),
        ("invalid-date", "6:29"),
        ("missing-field", "10:1"),
        ("bad-ids", "8:6"),
        ("bad-group", "15:18"),
        ("unknown-field", "10:1"),
    ];
    for (name, pos) in cases {
        let file = format!("tests/fixtures/broken/{name}.toml");
        let (code, stdout, stderr) = run(&["check", &file]);
        assert_eq!(code, 1, "{name}");
        assert!(stdout.is_empty(), "{name}: {stdout}");
        assert!(stderr.contains(&format!("{file}:{pos}: ")), "{name}: {stderr}");
        assert!(stderr.contains("提示"), "{name} gives a hint: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}");
        insta::assert_snapshot!(name, transcript(&["check", &file]));
    }
}

#[test]
fn errors_in_english() {
    insta::assert_snapshot!(transcript(&["--lang", "en", "check", "tests/fixtures/broken/unknown-unit.toml"]));
    insta::assert_snapshot!(transcript(&["--lang", "en", "tasks", "plans/zhongwei-2022.toml", "--unit", "财政厅"]));
}

#[test]
fn check_goes_on_after_a_bad_file() {
    let (code, stdout, stderr) =
        run(&["check", "tests/fixtures/broken/syntax.toml", "plans/zhongwei-2022.toml", "no/such.toml"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("plans/zhongwei-2022.toml"));
    assert!(stderr.contains("no/such.toml"));
    assert!(stderr.contains("2/3 个计划文件有错误"));
}

#[test]
fn unit_listing_of_zhongwei_finance_bureau() {
    insta::assert_snapshot!(transcript(&["tasks", "plans/zhongwei-2022.toml", "--unit", "市财政局"]));
}

#[test]
fn unknown_or_group_unit_is_refused_with_names() {
    let (code, _, stderr) = run(&["tasks", "plans/zhongwei-2022.toml", "--unit", "市财政厅"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("市财政局"), "{stderr}");
    insta::assert_snapshot!(transcript(&["tasks", "plans/zhongwei-2022.toml", "--unit", "各县（区）"]));
}

#[test]
fn aliases_resolve_on_the_command_line() {
    let by_alias = run(&["tasks", "plans/zhongwei-2022.toml", "--unit", "市旅游和文体广电局", "--format", "json"]);
    let by_name = run(&["tasks", "plans/zhongwei-2022.toml", "--unit", "市旅游文体广电局", "--format", "json"]);
    assert_eq!(by_alias.0, 0, "{}", by_alias.2);
    assert_eq!(by_alias.1, by_name.1);
}

/// Columns line up in terminal cells even with Chinese text of different lengths.
#[test]
fn txt_columns_align_by_cell_width() {
    let (code, stdout, _) = run(&["tasks", "plans/zhongwei-2022.toml", "--unit", "沙坡头区"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().skip(2).collect();
    let header = lines[0];
    let col = |line: &str, needle: &str| line.find(needle).map(|i| width(&line[..i]));
    let at = col(header, "时限").unwrap();
    let mut checked = 0;
    for line in &lines[2..] {
        for phrase in ["2022年10月底", "全年持续推进", "根据政策时限及时推进", "2022年5月底", "2022年9月底"]
        {
            if let Some(c) = col(line, phrase) {
                assert_eq!(c, at, "misaligned: {line}");
                checked += 1;
            }
        }
        assert!(width(line) <= 100, "too wide: {line}");
    }
    assert!(checked > 30, "{checked}");
}

#[test]
fn csv_has_a_bom_and_every_row() {
    let (code, stdout, _) = run(&["tasks", "plans/xianning-2022.toml", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with('\u{FEFF}'));
    let mut reader = csv::Reader::from_reader(stdout.trim_start_matches('\u{FEFF}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 47);
    assert_eq!(&rows[30][6], "2022年9 月");
}

#[test]
fn json_field_names_are_stable() {
    let (code, stdout, _) = run(&["tasks", "plans/zhongwei-2022.toml", "--unit", "sczj", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for key in ["plan", "title", "today", "unit", "tasks"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let t = &v["tasks"][0];
    for key in [
        "id",
        "section",
        "topic",
        "content",
        "lead",
        "units",
        "others",
        "role",
        "deadline",
        "deadline_kind",
        "due",
        "days_left",
    ] {
        assert!(t.get(key).is_some(), "{key}");
    }
    assert_eq!(v["unit"], "市财政局");
    assert_eq!(v["today"], "2022-06-01");
}

#[test]
fn periods_with_days_left() {
    insta::assert_snapshot!(transcript(&["periods", "plans/zhongwei-2022.toml"]));
    insta::assert_snapshot!(transcript(&[
        "--today",
        "2022-12-11",
        "--lang",
        "en",
        "periods",
        "plans/ningxiang-2022.toml"
    ]));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["tasks"]).0, 2);
    assert_eq!(run(&["frobnicate"]).0, 2);
    let (code, _, stderr) = run(&["--today", "明天", "periods", "plans/zhongwei-2022.toml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("2022-06-01"), "{stderr}");
}

#[test]
fn missing_plan_file_says_what_to_do() {
    let (code, _, stderr) = run(&["tasks", "plans/nope.toml"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("plans/nope.toml") && stderr.contains("提示"), "{stderr}");
}

#[test]
fn control_characters_from_files_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.toml");
    let plan = "[plan]\nid = \"evil\"\ntitle = \"恶意\\u001b[2J标题\"\nissuer = \"x\"\nyear = 2022\n\n[[unit]]\nid = \"a\"\nname = \"甲\\u0007单位\"\n\n[[task]]\nid = \"1\"\ncontent = \"内容\\u001b]0;pwned\\u0007\"\nunits = [\"a\"]\n";
    std::fs::write(&path, plan).unwrap();
    let p = path.to_str().unwrap();
    for args in [vec!["tasks", p], vec!["tasks", p, "--unit", "a"], vec!["periods", p]] {
        let (code, stdout, _) = run(&args);
        assert_eq!(code, 0);
        assert!(!stdout.chars().any(|c| c.is_control() && c != '\n'), "{args:?}: {stdout:?}");
    }
}
