//! A record means what it says, through the command line: saves that say nothing are refused,
//! "no change" is an explicit confirmation, one "as of" everywhere, an audit trail (recorded_at,
//! 补报, the login name, corrections), and files that cannot be turned against the office.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;

use sandbox::{Out, Sandbox};

const PLAN: &str = "zhongwei-2022.toml";

fn zhongwei() -> Sandbox {
    Sandbox::with("plans/zhongwei-2022.toml", PLAN)
}

fn mark(s: &Sandbox, today: &str, args: &[&str]) -> Out {
    let mut all = vec!["mark", PLAN];
    all.extend_from_slice(args);
    s.run_at(today, &all)
}

fn ok(run: Out) -> String {
    assert_eq!(run.0, 0, "{}", run.2);
    run.1
}

fn json(s: &Sandbox, today: &str, args: &[&str]) -> serde_json::Value {
    let (code, out, err) = s.run_at(today, args);
    assert!(code == 0 || code == 3, "{err}");
    serde_json::from_str(&out).expect("json")
}

/// The record id printed by `mark` ("…，记录 3f9a1c07b2e4）").
fn record_id(stdout: &str) -> String {
    let at = stdout.find("记录 ").expect("a record id") + "记录 ".len();
    stdout[at..].chars().take_while(char::is_ascii_alphanumeric).collect()
}

#[test]
fn a_save_must_say_something_new() {
    let s = zhongwei();
    let (code, _, err) = mark(&s, "2022-06-01", &["-u", "市财政局", "-t", "1", "-s", "推进中"]);
    assert_eq!(code, 1);
    assert!(err.contains("第一次填报没有任何文字") && err.contains("--note"), "{err}");
    assert!(!s.path("zhongwei-2022.progress/sczj.toml").exists());
    ok(mark(&s, "2022-06-01", &["-u", "市财政局", "-t", "1", "-s", "推进中", "-p", "30", "--note", "已起草"]));
    let (code, _, err) =
        mark(&s, "2022-06-02", &["-u", "市财政局", "-t", "1", "-s", "推进中", "-p", "30", "--note", "已起草"]);
    assert_eq!(code, 1);
    assert!(err.contains("没有新内容") && err.contains("--no-change"), "{err}");
    // Nothing new in period 2: confirmed as such, and shown as such.
    let out = ok(mark(&s, "2022-07-01", &["-u", "市财政局", "-t", "1", "--no-change"]));
    assert!(out.contains("本期无新进展"), "{out}");
    let unit = ok(s.run_at("2022-09-01", &["report", PLAN, "--unit", "市财政局", "-p", "2", "-f", "csv"]));
    let row = unit.lines().find(|l| l.starts_with("1,")).expect("task 1");
    assert!(row.contains(",无新进展,") && row.contains("推进中"), "{row}");
    let summary = json(&s, "2022-09-01", &["report", PLAN, "-p", "2", "-f", "json"]);
    let line = summary["units"].as_array().unwrap().iter().find(|u| u["unit"] == "sczj").unwrap().clone();
    assert_eq!((line["reported"].as_bool(), line["report"].as_str()), (Some(true), Some("no_change")));
}

#[test]
fn at_equal_completion_units_that_reported_rank_first() {
    let s = zhongwei();
    ok(mark(&s, "2022-06-01", &["-u", "市财政局", "-t", "1", "-s", "推进中", "--note", "已起草"]));
    let r = json(&s, "2022-06-05", &["report", PLAN, "-p", "1", "-f", "json"]);
    let units = r["units"].as_array().unwrap();
    // Every unit is at 0%; 市财政局 is not first in the plan's order but reported.
    assert_eq!(units[0]["unit"], "sczj", "{}", units[0]);
    assert!(units[1..].iter().all(|u| u["reported"] == false));
    // Without its report 市财政局 would not lead.
    let fresh = json(&zhongwei(), "2022-06-05", &["report", PLAN, "-p", "1", "-f", "json"]);
    assert_ne!(fresh["units"][0]["unit"], "sczj");
    let text = ok(s.run_at("2022-06-05", &["report", PLAN, "-p", "1"]));
    assert!(text.contains("本期按时报送") && text.contains("排名规则"), "the rule is printed");
}

#[test]
fn listings_show_the_state_as_of_today() {
    let s = zhongwei();
    ok(mark(&s, "2022-06-01", &["-u", "sczj", "-t", "1", "-s", "推进中", "-p", "30", "--note", "三成"]));
    ok(mark(&s, "2022-07-20", &["-u", "sczj", "-t", "1", "-s", "已完成", "--note", "完成"]));
    let v = json(&s, "2022-06-08", &["tasks", PLAN, "--unit", "sczj", "-f", "json"]);
    let t1 = v["tasks"].as_array().unwrap().iter().find(|t| t["id"] == "1").unwrap().clone();
    assert_eq!((t1["status"].as_str(), t1["percent"].as_u64()), (Some("in_progress"), Some(30)), "{t1}");
    let all = ok(s.run_at("2022-06-08", &["tasks", PLAN]));
    let line = all.lines().find(|l| l.starts_with("1 ")).unwrap();
    assert!(line.trim_end().ends_with("0/7"), "not yet done on 06-08: {line}");
}

#[test]
fn the_real_clock_stamps_records_and_future_dates_are_refused() {
    let s = zhongwei();
    // No --today: the real clock, recorded_at, and the login name (USER=tester in tests).
    ok(mark(&s, "", &["-u", "sczj", "-t", "1", "-s", "推进中", "--note", "实时填报"]));
    let text = s.read("zhongwei-2022.progress/sczj.toml");
    assert!(text.contains("\nrecorded_at = ") && text.contains("\nby = \"tester\"\n"), "{text}");
    assert!(text.contains("plan = \"zhongwei-2022\"\nunit = \"sczj\"\n"), "{text}");
    // --today 2099: after the real clock.
    let (code, _, err) = mark(&s, "2099-01-01", &["-u", "sczj", "-t", "2", "-s", "推进中", "--note", "将来"]);
    assert_eq!(code, 1);
    assert!(err.contains("晚于当前时间"), "{err}");
    // --at: back a little is fine; too far back is not; and under --today nothing is stamped.
    let out = ok(mark(
        &s,
        "2022-06-10",
        &["-u", "sczj", "-t", "2", "-s", "推进中", "--note", "补记", "--at", "2022-06-07T10:00:00+08:00"],
    ));
    assert!(out.contains("2022-06-07 10:00"), "{out}");
    let (code, _, err) =
        mark(&s, "2022-06-10", &["-u", "sczj", "-t", "5", "-s", "推进中", "--note", "太早", "--at", "2022-04-01"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("31 天"), "{err}");
    let (code, _, _) =
        mark(&s, "2022-06-10", &["-u", "sczj", "-t", "5", "-s", "推进中", "--note", "x", "--at", "上周"]);
    assert_eq!(code, 2);
}

#[test]
fn a_future_dated_record_in_a_file_is_warned_about_with_its_line() {
    let s = zhongwei();
    ok(mark(&s, "2022-06-01", &["-u", "sczj", "-t", "1", "-s", "推进中", "--note", "今天"]));
    let path = s.path("zhongwei-2022.progress/sczj.toml");
    let mut text = s.read("zhongwei-2022.progress/sczj.toml");
    let line = text.lines().count() + 2;
    text.push_str("\n[[update]]\nid = \"future01\"\ntask = \"1\"\nunit = \"sczj\"\nat = 2099-01-01T09:00:00+08:00\nstatus = \"done\"\nnote = \"将来\"\n");
    std::fs::write(&path, text).unwrap();
    let (code, _, err) = s.run_at("2022-06-02", &["tasks", PLAN, "--unit", "sczj"]);
    assert_eq!(code, 0);
    assert!(err.contains(&format!("sczj.toml:{line}:1")) && err.contains("晚于当前时间"), "{err}");
}

/// A unit file written by hand (or carried from another machine): header, then records.
fn unit_file(unit: &str, records: &[(&str, &str, &str, Option<&str>)]) -> String {
    let mut text = format!("plan = \"zhongwei-2022\"\nunit = \"{unit}\"\n");
    for (id, task, at, recorded) in records {
        text.push_str(&format!(
            "\n[[update]]\nid = \"{id}\"\ntask = \"{task}\"\nunit = \"{unit}\"\nat = {at}\nstatus = \"in_progress\"\nnote = \"{id}\"\n"
        ));
        if let Some(r) = recorded {
            text.push_str(&format!("recorded_at = {r}\n"));
        }
    }
    text
}

#[test]
fn a_late_report_is_marked_and_does_not_count_as_on_time() {
    let s = zhongwei();
    std::fs::create_dir_all(s.path("zhongwei-2022.progress")).unwrap();
    // Dated in period 1 (due 06-10) but written on 06-20: a 补报.
    let late = unit_file("sczj", &[("late0001", "1", "2022-06-05T09:00:00+08:00", Some("2022-06-20T09:00:00+08:00"))]);
    std::fs::write(s.path("zhongwei-2022.progress/sczj.toml"), late).unwrap();
    let on_time =
        unit_file("sfgw", &[("ontime01", "1", "2022-06-05T09:00:00+08:00", Some("2022-06-05T09:01:00+08:00"))]);
    std::fs::write(s.path("zhongwei-2022.progress/sfgw.toml"), on_time).unwrap();
    let r = json(&s, "2022-07-01", &["report", PLAN, "-p", "1", "-f", "json"]);
    let unit = |id: &str| r["units"].as_array().unwrap().iter().find(|u| u["unit"] == id).unwrap().clone();
    assert_eq!((unit("sczj")["reported"].as_bool(), unit("sczj")["report"].as_str()), (Some(false), Some("late")));
    assert_eq!(unit("sfgw")["reported"], true);
    assert!(r["late"].as_array().unwrap().iter().any(|n| n == "市财政局"));
    let text = ok(s.run_at("2022-07-01", &["report", PLAN, "--unit", "市财政局", "-p", "1"]));
    assert!(text.contains("补报"), "{text}");
    let summary = ok(s.run_at("2022-07-01", &["report", PLAN, "-p", "1"]));
    assert!(summary.contains("其中补报的单位：市财政局"), "{summary}");
}

#[test]
fn corrections_supersede_and_the_ledger_shows_the_trail() {
    let s = zhongwei();
    let out = ok(mark(&s, "2022-06-01", &["-u", "sczj", "-t", "1", "-s", "推进中", "-p", "40", "--note", "四成"]));
    let id = record_id(&out);
    let before = std::fs::read(s.path("zhongwei-2022.progress/sczj.toml")).unwrap();
    let fix = ok(mark(
        &s,
        "2022-06-05",
        &["-u", "sczj", "-t", "1", "-s", "推进中", "-p", "30", "--note", "三成", "--corrects", &id[..6]],
    ));
    assert!(fix.contains(&format!("更正记录 {id}")), "{fix}");
    let after = std::fs::read(s.path("zhongwei-2022.progress/sczj.toml")).unwrap();
    assert_eq!(&after[..before.len()], &before[..], "appended, never edited");
    let args = ["report", PLAN, "--kind", "ledger", "--unit", "sczj", "-p", "1", "-f", "csv"];
    let (code, ledger, err) = s.run_at("2022-06-08", &args);
    assert_eq!(code, 0, "{err}");
    assert!(ledger.contains(",推进中（已更正）,30,"), "{ledger}");
    // The CSV is one table: the trail is a table of its own, and stderr says so.
    assert!(err.contains("1 条更正与撤回记录") && err.contains("--table trail"), "{err}");
    let trail = ok(s.run_at("2022-06-08", &[&args[..], &["--table", "trail"]].concat()));
    assert!(trail.starts_with("\u{feff}记录编号,") && trail.contains(&id), "{trail}");
    // State as of 06-03 is the corrected one, too.
    let v = json(&s, "2022-06-03", &["tasks", PLAN, "--unit", "sczj", "-f", "json"]);
    assert_eq!(v["tasks"][0]["percent"], 30);
    let w = ok(mark(&s, "2022-06-06", &["-u", "sczj", "-t", "1", "--corrects", &id, "--withdraw", "--note", "误报"]));
    assert!(w.contains("撤回记录"), "{w}");
    let v = json(&s, "2022-06-08", &["tasks", PLAN, "--unit", "sczj", "-f", "json"]);
    assert!(v["tasks"][0]["status"].is_null(), "withdrawn: nothing recorded");
    let (code, _, err) =
        mark(&s, "2022-06-08", &["-u", "sczj", "-t", "1", "--corrects", "zzzz", "-s", "done", "--note", "x"]);
    assert_eq!(code, 1);
    assert!(err.contains("没有编号为 zzzz 的记录"), "{err}");
}

#[test]
fn merge_refuses_files_that_claim_another_unit_or_plan() {
    let s = zhongwei();
    ok(s.run_at(
        "2022-06-01",
        &["--data", "remote", "mark", PLAN, "-u", "市发展改革委", "-t", "1", "-s", "推进中", "--note", "发改"],
    ));
    let theirs = s.read("remote/sfgw.toml");
    // Named for 市财政局 (by name), holding 市发展改革委's records.
    std::fs::write(s.path("市财政局.toml"), &theirs).unwrap();
    let (code, _, err) = s.run_at("2022-06-02", &["merge", PLAN, "市财政局.toml"]);
    assert_eq!(code, 1);
    assert!(err.contains("sfgw") && err.contains("sczj"), "{err}");
    std::fs::write(s.path("other.toml"), theirs.replace("plan = \"zhongwei-2022\"", "plan = \"other-2022\"")).unwrap();
    let (code, _, err) = s.run_at("2022-06-02", &["merge", PLAN, "other.toml"]);
    assert_eq!(code, 1);
    assert!(err.contains("属于计划 other-2022"), "{err}");
    let future = theirs.replace("at = 2022-06-01T12:00:00+08:00", "at = 2099-06-01T12:00:00+08:00");
    assert_ne!(future, theirs);
    std::fs::write(s.path("sfgw.toml"), future).unwrap();
    let (code, _, err) = s.run_at("2022-06-02", &["merge", PLAN, "sfgw.toml"]);
    assert_eq!(code, 1);
    assert!(err.contains("sfgw.toml:") && err.contains("晚于当前时间"), "{err}");
    assert!(!s.path("zhongwei-2022.progress/sfgw.toml").exists(), "nothing merged");
}

#[test]
fn two_plans_cannot_share_a_ledger_directory() {
    let s = zhongwei();
    env::copy_plan("plans/xianning-2022.toml", &s.root, "xianning-2022.toml");
    ok(s.run_at(
        "2022-06-01",
        &["--data", "shared", "mark", PLAN, "-u", "sczj", "-t", "1", "-s", "推进中", "--note", "中卫"],
    ));
    let args =
        ["--data", "shared", "mark", "xianning-2022.toml", "-u", "sfgw", "-t", "1", "-s", "推进中", "--note", "咸宁"];
    let (code, _, err) = s.run_at("2022-06-01", &args);
    assert_eq!(code, 1);
    assert!(err.contains("属于计划 zhongwei-2022") && err.contains("--data"), "{err}");
    let (code, _, err) = s.run_at("2022-06-01", &["--data", "shared", "report", "xianning-2022.toml"]);
    assert_eq!(code, 1, "{err}");
    assert!(!s.path("shared/sfgw.toml").exists());
}

#[test]
fn one_broken_unit_file_does_not_stop_the_whole_plan_report() {
    let s = zhongwei();
    ok(mark(&s, "2022-06-01", &["-u", "sczj", "-t", "1", "-s", "推进中", "--note", "财政"]));
    ok(mark(&s, "2022-06-01", &["-u", "sfgw", "-t", "1", "-s", "推进中", "--note", "发改"]));
    let bad = s.path("zhongwei-2022.progress/sfgw.toml");
    let mut text = std::fs::read_to_string(&bad).unwrap();
    text.push_str("\n[[update]]\ntask = \"1\"\nat = 昨天\n");
    std::fs::write(&bad, text).unwrap();
    let (code, out, err) = s.run_at("2022-06-05", &["report", PLAN, "-p", "1"]);
    assert_eq!(code, 3, "{err}");
    assert!(out.contains("台账文件有误") && out.contains("市发展改革委"), "{out}");
    assert!(err.contains("sfgw.toml:") && err.contains("退出码 3"), "{err}");
    let (code, out, _) = s.run_at("2022-06-05", &["tasks", PLAN]);
    assert_eq!(code, 3);
    assert!(!out.is_empty());
    assert_eq!(s.run_at("2022-06-05", &["report", PLAN, "--unit", "sczj", "-p", "1"]).0, 0);
    assert_eq!(s.run_at("2022-06-05", &["report", PLAN, "--unit", "sfgw", "-p", "1"]).0, 1);
}
