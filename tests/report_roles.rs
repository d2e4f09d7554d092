//! Roles (牵头 lead, 责任 responsible, 配合 assist) from the plan to the reports: a county's task
//! division whose cells name 配合 / 协助 / 协办 units (tests/fixtures/plans/county-roles.toml),
//! its summary worked out by hand, and the Zhongwei seed plan's tasks 2 and 17.

#[path = "support/env.rs"]
mod env;

use chrono::DateTime;
use serde_json::Value;
use taizhang::Plan;
use taizhang::ledger::{Ledger, Status, Update};
use taizhang::period::periods;
use taizhang::plan::Role;
use taizhang::report::{Bucket, Kind, Options, Report, build};

const COUNTY: &str = "tests/fixtures/plans/county-roles.toml";

fn load(rel: &str) -> Plan {
    Plan::load(&env::root().join(rel)).unwrap_or_else(|e| panic!("{}", e.render(taizhang::Lang::En))).plan
}

/// Each unit's id and role on task `id`, in the plan's order of assignees.
fn roles(plan: &Plan, id: &str) -> Vec<(String, Role)> {
    let t = plan.task(id).unwrap_or_else(|| panic!("task {id}"));
    t.assignees.iter().map(|a| (plan.units[a.unit].id.clone(), a.role)).collect()
}

fn pairs(list: &[(&str, Role)]) -> Vec<(String, Role)> {
    list.iter().map(|(u, r)| (u.to_string(), *r)).collect()
}

#[test]
fn cells_and_lists_give_each_unit_its_role() {
    use Role::{Assist, Lead, Responsible};
    let plan = load(COUNTY);
    // 牵头单位：…；配合单位：…
    assert_eq!(roles(&plan, "1"), pairs(&[("sjj", Lead), ("bgs", Assist), ("czj", Assist)]));
    // …牵头，…协助
    assert_eq!(roles(&plan, "2"), pairs(&[("jyj", Lead), ("czj", Assist), ("tjj", Assist)]));
    // （责任单位：…；协办单位：各乡镇人民政府）: the group's members assist.
    assert_eq!(roles(&plan, "3"), pairs(&[("scjgj", Responsible), ("cgz", Assist), ("hkx", Assist)]));
    // Explicit lead / units / assist, in that order.
    let t4 = pairs(&[("fgj", Lead), ("cgz", Responsible), ("hkx", Responsible), ("czj", Assist)]);
    assert_eq!(roles(&plan, "4"), t4);
    assert_eq!(roles(&plan, "5"), pairs(&[("wjj", Responsible), ("czj", Responsible)]));
    // The lead is one of 县直各部门 too: it stays lead, once; the seven others assist.
    let t6 = roles(&plan, "6");
    assert_eq!(t6[0], ("bgs".to_string(), Lead));
    assert_eq!(t6.len(), 8);
    assert!(t6[1..].iter().all(|(u, r)| *r == Assist && u != "bgs"), "{t6:?}");
}

fn u(task: &str, unit: &str, at: &str, status: Status, percent: Option<u8>) -> Update {
    let mut u = Update {
        percent,
        note: Some(format!("{task}-{unit}")),
        ..Update::new(task, unit, DateTime::parse_from_rfc3339(at).unwrap(), status)
    };
    u.id = taizhang::ledger::id::derived(&u);
    u
}

/// The county's ledger as of period 2 (6月11日 to 9月10日). 县统计局 only assists and
/// reports nothing; 河口乡 and 县卫生健康局 report nothing either.
fn ledger() -> Ledger {
    let updates = vec![
        u("5", "czj", "2023-05-20T10:00:00+08:00", Status::Done, None),
        u("1", "sjj", "2023-06-20T10:00:00+08:00", Status::Done, None),
        u("1", "bgs", "2023-06-25T10:00:00+08:00", Status::Done, None),
        u("1", "czj", "2023-07-01T10:00:00+08:00", Status::InProgress, Some(50)),
        u("3", "scjgj", "2023-07-10T10:00:00+08:00", Status::Ongoing, None),
        u("2", "jyj", "2023-08-01T10:00:00+08:00", Status::Ongoing, None),
        u("4", "fgj", "2023-09-01T10:00:00+08:00", Status::InProgress, Some(80)),
        u("4", "cgz", "2023-09-05T10:00:00+08:00", Status::Done, None),
    ];
    Ledger::from_updates("unused".into(), updates)
}

fn summary_report(kind: Kind, unit: Option<usize>) -> Report {
    let plan = load(COUNTY);
    let period = periods(&plan.meta)[1];
    build(&plan, &ledger(), &Options { kind, period, as_of: None, at: None, unit })
}

#[test]
fn the_summary_counts_lead_and_responsible_units_and_assist_apart() {
    let r = summary_report(Kind::Summary, None);
    assert_eq!(r.rows.len(), 23, "every assignment is a row");
    let s = &r.summary;
    // Lead and responsible: 9 of the 23 assignments. Done: 1/sjj, 4/cgz, 5/czj.
    let t = &s.totals;
    assert_eq!((t.assignments, t.done, t.in_progress, t.ongoing, t.not_started, t.na), (9, 3, 1, 2, 3, 0));
    assert_eq!(t.completion_rate, 3.0 / 9.0);
    // 5/wjj is overdue; 1/czj is overdue too but only assists, so task 1 is done (its lead is)
    // and has no overdue work.
    assert_eq!((t.overdue, t.tasks, t.tasks_done, t.tasks_overdue), (1, 6, 1, 1));
    // Schedule: 4/fgj 80% against 89% (Mar 15 → Sep 10 is 179 of the 199 days to Sep 30),
    // 4/hkx 0% and 6/bgs 0% (68%) behind; 2/jyj and 3/scjgj updated within their cycle.
    let b = &s.buckets;
    assert_eq!((b.done, b.ahead, b.on_track, b.behind, b.overdue), (3, 0, 2, 3, 1));
    // 配合: 14 assignments, 1/bgs done, 1/czj overdue.
    let a = &s.assist;
    assert_eq!((a.assignments, a.done, a.na, a.overdue), (14, 1, 0, 1));
    assert_eq!(a.completion_rate, 1.0 / 14.0);

    // The lists name lead and responsible assignments only.
    let at = |list: &[usize]| -> Vec<(String, String)> {
        list.iter().map(|&n| (r.rows[n].task.clone(), r.rows[n].unit.clone())).collect()
    };
    let want = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter().map(|(t, u)| (t.to_string(), u.to_string())).collect()
    };
    assert_eq!(at(&s.overdue), want(&[("5", "wjj")]));
    assert_eq!(at(&s.completed), want(&[("1", "sjj"), ("4", "cgz")]), "not 1/bgs, which assists");
    assert_eq!(r.rows.iter().filter(|x| x.bucket == Bucket::Overdue).count(), 2, "the rows still say so");
}

#[test]
fn the_ranking_leaves_assist_out_and_shows_it_per_unit() {
    let r = summary_report(Kind::Summary, None);
    let s = &r.summary;
    let line = |unit: &str| s.units.iter().find(|l| l.unit == unit).unwrap_or_else(|| panic!("{unit}"));
    // (id, rank, assignments, done, rate, assist, assist done)
    let expect = [
        ("czj", 1, 1, 1, 1.0, 4, 0),
        ("sjj", 2, 1, 1, 1.0, 1, 0),
        ("cgz", 3, 1, 1, 1.0, 1, 0),
        ("bgs", 4, 1, 0, 0.0, 1, 1),
        ("fgj", 5, 1, 0, 0.0, 1, 0),
        ("jyj", 6, 1, 0, 0.0, 1, 0),
        ("scjgj", 7, 1, 0, 0.0, 1, 0),
        ("hkx", 8, 1, 0, 0.0, 1, 0),
        ("wjj", 9, 1, 0, 0.0, 1, 0),
        ("tjj", 10, 0, 0, 0.0, 2, 0),
    ];
    let order: Vec<&str> = s.units.iter().map(|l| l.unit.as_str()).collect();
    assert_eq!(order, expect.map(|e| e.0));
    for (unit, rank, assignments, done, rate, assist, assist_done) in expect {
        let l = line(unit);
        let got = (l.rank, l.assignments, l.done, l.completion_rate, l.assist, l.assist_done);
        assert_eq!(got, (rank, assignments, done, rate, assist, assist_done), "{unit}");
    }
    // 县政府办公室 reported only its 配合 task: it has reported. 县统计局, which only
    // assists, is not in the list of units that did not report.
    assert!(line("bgs").reported);
    assert!(line("tjj").only_assists() && !line("tjj").reported);
    assert_eq!(s.not_reported, ["河口乡", "县卫生健康局"]);
    assert_eq!(s.counted_units(), 9);
    // The chase list: the same units, each with the lead and responsible rows it owes.
    let owed = taizhang::report::chase::owed(&r);
    let chased: Vec<(&str, Vec<&str>)> = owed
        .iter()
        .map(|o| (s.units[o.line].unit.as_str(), o.rows.iter().map(|&n| r.rows[n].task.as_str()).collect()))
        .collect();
    assert_eq!(chased, [("hkx", vec!["4"]), ("wjj", vec!["5"])], "not 3/hkx, where it assists");
}

/// Runs the program in the repository with `args` (`--today` first); its stdout.
fn run(args: &[&str]) -> String {
    let out = env::taizhang().current_dir(env::root()).args(args).output().expect("runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The assignees of task `id` in a `tasks --format json` listing, as (unit id, role).
fn listed_roles(listing: &Value, id: &str) -> Vec<(String, String)> {
    let tasks = listing["tasks"].as_array().expect("tasks");
    let task = tasks.iter().find(|t| t["id"] == id).unwrap_or_else(|| panic!("task {id}"));
    let list = task["assignees"].as_array().expect("assignees");
    list.iter().map(|a| (a["unit"].as_str().unwrap().to_string(), a["role"].as_str().unwrap().to_string())).collect()
}

#[test]
fn tasks_json_gives_each_assignee_its_role() {
    let out = run(&["--today", "2023-09-10", "tasks", COUNTY, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let own = |v: &[(&str, &str)]| v.iter().map(|(u, r)| (u.to_string(), r.to_string())).collect::<Vec<_>>();
    assert_eq!(listed_roles(&v, "1"), own(&[("sjj", "lead"), ("bgs", "assist"), ("czj", "assist")]));
    let t2 = &v["tasks"][1];
    assert_eq!(
        (t2["lead"].clone(), t2["assist"].clone()),
        (serde_json::json!(["县教育局"]), serde_json::json!(["县财政局", "县统计局"]))
    );
    // One unit's listing says its role on each task.
    let out = run(&["--today", "2023-09-10", "tasks", COUNTY, "--unit", "县财政局", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let mine: Vec<(&str, &str)> = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["role"].as_str().unwrap()))
        .collect();
    assert_eq!(mine, [("1", "assist"), ("2", "assist"), ("4", "assist"), ("5", "responsible"), ("6", "assist")]);
    // The text listing names the 配合 units after the others.
    let txt = run(&["--today", "2023-09-10", "tasks", COUNTY, "--unit", "县财政局"]);
    assert_eq!(txt.matches("配合").count(), 4, "{txt}");
}

#[test]
fn zhongwei_tasks_2_and_17_list_their_assisting_departments() {
    let plan = load("plans/zhongwei-2022.toml");
    for (task, lead) in [("2", "市审批服务管理局"), ("17", "市司法局")] {
        let t = plan.task(task).unwrap();
        let name = |u: usize| plan.units[u].name.as_str();
        let of = |role: Role| t.assignees.iter().filter(|a| a.role == role).map(|a| name(a.unit)).collect::<Vec<_>>();
        assert_eq!(of(Role::Lead), [lead], "task {task}");
        assert_eq!(of(Role::Responsible), ["沙坡头区", "中宁县", "海原县"], "task {task}: 各县（区）");
        // 其他部门 / 各相关部门: every city department but the lead.
        let assist = of(Role::Assist);
        assert_eq!(assist.len(), 23, "task {task}: {assist:?}");
        assert!(assist.contains(&"市财政局") && !assist.contains(&lead), "task {task}");
    }
    // The done-when line of the issue: `tasks --format json` says `assist` for them.
    let out = run(&["--today", "2022-09-01", "tasks", "plans/zhongwei-2022.toml", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let t2 = listed_roles(&v, "2");
    let assist: Vec<&str> = t2.iter().filter(|(_, r)| r == "assist").map(|(u, _)| u.as_str()).collect();
    assert_eq!(assist.len(), 23);
    assert!(assist.contains(&"sczj"), "{t2:?}");
    assert_eq!(v["tasks"][1]["assist"], serde_json::json!(["其他部门"]));
}

#[test]
fn every_format_shows_the_assist_figures_apart() {
    let dir = env::private_ledger();
    let data = dir.path().to_str().unwrap();
    let base = ["--today", "2023-09-10", "--data", data, "report", COUNTY];
    let txt = run(&base);
    assert!(txt.contains("共 6 项任务、9 项分工。"), "{txt}");
    assert!(txt.contains("另有配合单位的分工（配合事项）14 项，已完成 0 项"), "{txt}");
    assert!(txt.contains("配合：该单位作为配合单位的分工中已完成数/分工数"), "{txt}");
    let md = run(&[&base[..], &["-f", "md"]].concat());
    assert!(md.contains("| 配合 |") && md.contains("| 0/4 |"), "{md}");
    let csv = run(&[&base[..], &["-f", "csv"]].concat());
    let head = csv.lines().next().unwrap_or_default();
    assert!(head.ends_with("最近填报,配合分工,配合已完成"), "{head}");
    let json: Value = serde_json::from_str(&run(&[&base[..], &["-f", "json"]].concat())).unwrap();
    assert_eq!(json["assist"]["assignments"], 14);
    assert_eq!(json["units"].as_array().unwrap().last().unwrap()["unit"], "tjj", "only assists: last");
    assert_eq!(json["tasks"][0]["units"][1]["role"], "assist");
    // A unit report marks the tasks it assists in.
    let unit = run(&[&base[..], &["--unit", "县财政局", "-f", "md"]].concat());
    assert_eq!(unit.matches("（配合）").count(), 4, "{unit}");
    // The ledger has a role column.
    let ledger = run(&[&base[..], &["--kind", "ledger", "-f", "md"]].concat());
    assert!(ledger.contains("| 角色 |") && ledger.contains("| 县统计局 | 配合 |"), "{ledger}");
}
