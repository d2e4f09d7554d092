//! `mark`, `merge` and `tasks` with a ledger, as users run them: output, refusals and files.

#[path = "support/env.rs"]
mod env;

use std::path::PathBuf;

struct Sandbox {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Sandbox {
    /// A directory with a copy of the Zhongwei plan.
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        env::copy_plan("plans/zhongwei-2022.toml", &root, "zhongwei-2022.toml");
        Sandbox { _dir: dir, root }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = env::taizhang()
            .current_dir(&self.root)
            .env("TAIZHANG_TODAY", "2022-06-01T09:30:00+08:00")
            .env("COLUMNS", "100")
            .args(args)
            .output()
            .unwrap();
        let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code().unwrap_or(-1), s(&out.stdout), s(&out.stderr))
    }

    fn transcript(&self, args: &[&str]) -> String {
        let (code, stdout, stderr) = self.run(args);
        format!("$ taizhang {}\nexit: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}", args.join(" "))
    }

    fn file(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
}

const PLAN: &str = "zhongwei-2022.toml";

#[test]
fn mark_saves_and_says_where() {
    let s = Sandbox::new();
    insta::assert_snapshot!(s.transcript(&[
        "mark",
        PLAN,
        "--unit",
        "市财政局",
        "--task",
        "1",
        "--status",
        "推进中",
        "--percent",
        "40",
        "--note",
        "已发布涉企政策3条",
        "--evidence",
        "https://www.nxzw.gov.cn/zwgk/a.html",
        "--by",
        "王五"
    ]));
    let text = std::fs::read_to_string(s.file("zhongwei-2022.progress/sczj.toml")).unwrap();
    assert!(text.contains("at = 2022-06-01T09:30:00+08:00"), "{text}");
    assert!(text.contains("note = \"已发布涉企政策3条\""), "{text}");
}

#[test]
fn mark_notes_evidence_that_is_neither_an_address_nor_a_file() {
    let s = Sandbox::new();
    std::fs::create_dir(s.file("材料")).unwrap();
    std::fs::write(s.file("材料/纪要.pdf"), "pdf").unwrap();
    let mark = |evidence: &[&str]| {
        let mut args =
            vec!["mark", PLAN, "--unit", "市财政局", "--task", "1", "--status", "推进中", "--note", "已部署"];
        for e in evidence {
            args.extend(["--evidence", e]);
        }
        s.run(&args)
    };
    let (code, _, err) = mark(&["https://www.nxzw.gov.cn/a.html", "材料/纪要.pdf"]);
    assert_eq!((code, err.as_str()), (0, ""), "an address and an existing file pass quietly");
    let (code, out, err) = mark(&["会议纪要", "材料/纪要.pdf"]);
    assert_eq!(code, 0, "recorded as given: {err}");
    assert!(err.contains("佐证材料“会议纪要”既不是网址") && !err.contains("纪要.pdf"), "{err}");
    let id = out.split("记录 ").nth(1).and_then(|s| s.get(..12)).unwrap();
    assert!(err.contains(&format!("--corrects {id}")), "{err}");
}

#[test]
fn tasks_shows_current_status_once_a_ledger_exists() {
    let s = Sandbox::new();
    let (_, before, _) = s.run(&["tasks", PLAN, "--unit", "市财政局"]);
    assert!(!before.contains("状态"));
    for (task, status) in [("1", "done"), ("2", "推进中"), ("5", "blocked")] {
        assert_eq!(s.run(&["mark", PLAN, "-u", "sczj", "-t", task, "-s", status, "--note", "进展"]).0, 0);
    }
    insta::assert_snapshot!(s.transcript(&["tasks", PLAN, "--unit", "市财政局"]));
    let (_, all, _) = s.run(&["tasks", PLAN]);
    assert!(all.lines().any(|l| l.starts_with("1 ") && l.trim_end().ends_with("1/7")), "{all}");
}

#[test]
fn refusals_exit_1_and_write_nothing() {
    let s = Sandbox::new();
    let cases: [&[&str]; 6] = [
        &["mark", PLAN, "-u", "市财政局", "-t", "99", "-s", "done"],
        &["mark", PLAN, "-u", "市财政局", "-t", "3", "-s", "done"],
        &["mark", PLAN, "-u", "市财政局", "-t", "1", "-s", "完成了"],
        &["mark", PLAN, "-u", "市财政局", "-t", "1", "-s", "done", "-p", "70"],
        &["mark", PLAN, "-u", "市财政局", "-t", "1", "-s", "推进中", "-p", "101"],
        &["mark", PLAN, "-u", "../../etc/passwd", "-t", "1", "-s", "done"],
    ];
    let mut all = String::new();
    for args in cases {
        let (code, stdout, stderr) = s.run(args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("提示"), "{args:?}: {stderr}");
        all.push_str(&s.transcript(args));
    }
    insta::assert_snapshot!(all);
    assert!(!s.file("zhongwei-2022.progress/sczj.toml").exists());
}

#[test]
fn a_corrupted_unit_file_is_refused_and_left_byte_for_byte() {
    let s = Sandbox::new();
    assert_eq!(s.run(&["mark", PLAN, "-u", "sczj", "-t", "1", "-s", "推进中", "--note", "进展"]).0, 0);
    let path = s.file("zhongwei-2022.progress/sczj.toml");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice("\n[[update]]\ntask = \"2\"\nunit = \"sczj\"\nat = 昨天\n".as_bytes());
    std::fs::write(&path, &bytes).unwrap();
    let (code, _, stderr) = s.run(&["mark", PLAN, "-u", "sczj", "-t", "2", "-s", "done", "--note", "完成"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("sczj.toml:19:6"), "{stderr}");
    assert!(stderr.contains("文件未被改动"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let (code, _, stderr) = s.run(&["tasks", PLAN, "--unit", "sczj"]);
    assert_eq!(code, 1, "reports refuse to guess from a broken ledger: {stderr}");
}

#[test]
fn merge_brings_in_a_remote_units_file_once() {
    let s = Sandbox::new();
    // The remote unit keeps its ledger elsewhere (--data) and sends its file.
    for t in ["1", "2"] {
        let args = ["--data", "remote", "mark", PLAN, "-u", "市发展改革委", "-t", t, "-s", "推进中", "--note", "进展"];
        assert_eq!(s.run(&args).0, 0);
    }
    assert!(s.file("remote/sfgw.toml").exists());
    insta::assert_snapshot!(s.transcript(&["merge", PLAN, "remote/sfgw.toml"]));
    let (code, stdout, _) = s.run(&["merge", PLAN, "remote/sfgw.toml"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("新增 0 条，已有 2 条"), "{stdout}");
    std::fs::copy(s.file("remote/sfgw.toml"), s.file("sczj.toml")).unwrap();
    let (code, _, stderr) = s.run(&["merge", PLAN, "sczj.toml"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("sfgw") && stderr.contains("sczj"), "{stderr}");
}

#[test]
fn hostile_unit_names_cannot_lead_outside_the_ledger_directory() {
    let s = Sandbox::new();
    let plan = r#"
[plan]
id = "hostile"
title = "恶意单位名"
issuer = "测试"
year = 2022

[[unit]]
id = "a"
name = "../../逃逸"
aliases = ["/etc/passwd", "x\u0000y", "z\u001b[2Jw"]

[[task]]
id = "1"
content = "甲。"
units = ["../../逃逸"]
"#;
    std::fs::write(s.file("hostile.toml"), plan).unwrap();
    for unit in ["../../逃逸", "/etc/passwd", "x\0y", "a"] {
        if unit.contains('\0') {
            continue; // a NUL cannot be passed as an argument at all
        }
        let note = format!("由 {unit} 填报");
        let (code, stdout, stderr) =
            s.run(&["mark", "hostile.toml", "-u", unit, "-t", "1", "-s", "done", "--note", &note]);
        assert_eq!(code, 0, "{unit}: {stderr}");
        assert!(!stdout.chars().any(|c| c.is_control() && c != '\n'), "{stdout:?}");
    }
    let entries: Vec<String> = std::fs::read_dir(s.file("hostile.progress"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = entries.clone();
    names.sort();
    assert_eq!(names, [".a.lock", "a.toml"]);
    assert!(!s.root.parent().unwrap().join("逃逸").exists());
    let bad_id = plan.replace("id = \"a\"", "id = \"../a\"");
    std::fs::write(s.file("bad-id.toml"), bad_id).unwrap();
    let (code, _, stderr) = s.run(&["check", "bad-id.toml"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("bad-id.toml:9:6"), "{stderr}");
}
