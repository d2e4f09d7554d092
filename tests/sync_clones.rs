//! `taizhang sync` between clones of one bare repository on this machine: the office, two
//! units, and a second machine of one of them. Records made concurrently everywhere, synced in
//! different orders, end up the same, byte for byte, in every clone, with no conflict markers;
//! a push beaten by another unit's is merged and pushed again.

#[path = "support/env.rs"]
mod env;
#[path = "support/gitnet.rs"]
mod gitnet;

use gitnet::{Clone, PLAN};

/// Every clone holds the same unit files, byte for byte, none with a conflict marker.
fn assert_converged(clones: &[&Clone]) {
    let first = clones[0].files();
    assert!(!first.is_empty());
    for c in clones {
        let files = c.files();
        let names: Vec<&String> = files.iter().map(|(n, _)| n).collect();
        assert_eq!(files, first, "{} differs from {}: {names:?}", c.root.display(), clones[0].root.display());
        for (name, bytes) in &files {
            let text = String::from_utf8_lossy(bytes);
            for marker in ["<<<<<<<", "=======", ">>>>>>>"] {
                assert!(!text.contains(marker), "{name} in {} has {marker}", c.root.display());
            }
        }
        let status = c.git(&["status", "--porcelain"]);
        assert_eq!(status, "", "{} has changes left: {status}", c.root.display());
    }
}

/// The number of `[[update]]` records in a unit file.
fn records(c: &Clone, unit: &str) -> usize {
    c.file(unit).matches("[[update]]").count()
}

#[test]
fn three_clones_converge_whatever_the_order_of_syncs() {
    let Some((net, office)) = gitnet::start() else { return };
    let czj = net.clone("czj", "市财政局 王五");
    let fgw = net.clone("fgw", "市发展改革委 李四");
    let czj2 = net.clone("czj-2", "市财政局 赵六");

    // Round 1: every unit machine records, then syncs: 财政局, 发改委, the second 财政局.
    czj.mark("2022-06-02", "市财政局", "1", "已发布涉企政策3条");
    fgw.mark("2022-06-02", "市发展改革委", "1", "已公开项目审批结果");
    czj2.mark("2022-06-02", "市财政局", "2", "预算公开已完成");
    insta::assert_snapshot!("unit_first_sync", czj.sync("2022-06-02").transcript());
    assert_eq!(fgw.sync("2022-06-02").code, 0);
    insta::assert_snapshot!("same_unit_second_machine", czj2.sync("2022-06-02").transcript());

    // Round 2: more records, synced in the other order, the office in between.
    czj.mark("2022-06-05", "市财政局", "1", "又发布政策解读2篇");
    czj2.mark("2022-06-05", "市财政局", "5", "决算公开");
    fgw.mark("2022-06-05", "市发展改革委", "2", "价格信息按月公开");
    assert_eq!(czj2.sync("2022-06-05").code, 0);
    insta::assert_snapshot!("office_pulls", office.sync("2022-06-05").transcript());
    assert_eq!(fgw.sync("2022-06-05").code, 0);
    assert_eq!(czj.sync("2022-06-05").code, 0);

    // Everyone syncs until nothing moves; all hold the same ledgers.
    for c in [&office, &czj, &fgw, &czj2] {
        let run = c.sync("2022-06-06");
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    insta::assert_snapshot!("up_to_date", office.sync("2022-06-06").transcript());
    assert_converged(&[&office, &czj, &fgw, &czj2]);
    assert_eq!(records(&office, "sczj"), 4, "{}", office.file("sczj"));
    assert_eq!(records(&office, "sfgw"), 2);
    for c in [&office, &czj, &fgw, &czj2] {
        let check = c.tz("2022-06-06", &["check", PLAN, "--ledger"]);
        assert_eq!(check.code, 0, "{}", check.transcript());
        assert!(check.stdout.contains("没有记录被改写或删除"), "{}", check.stdout);
    }

    // The office's report after pulling shows both units' records.
    let report = office.tz("2022-06-06", &["report", PLAN, "--kind", "unit", "--unit", "市财政局", "--format", "csv"]);
    assert_eq!(report.code, 0, "{}", report.transcript());
    for note in ["又发布政策解读2篇", "预算公开已完成", "决算公开"] {
        assert!(report.stdout.contains(note), "{note} missing from the office's report:\n{}", report.stdout);
    }
}

#[test]
fn a_push_beaten_by_another_unit_is_merged_and_pushed_again() {
    let Some((net, _office)) = gitnet::start() else { return };
    let czj = net.clone("czj", "市财政局 王五");
    let fgw = net.clone("fgw", "市发展改革委 李四");
    let tjj = net.clone("tjj", "市统计局 孙七");
    fgw.record("2022-06-02", "市发展改革委", "1", "先到");
    // While 财政局's sync merges 发改委's record, 统计局 pushes: 财政局's first push is rejected.
    tjj.mark("2022-06-02", "市统计局", "1", "抢先一步");
    let marker = net.root.join("raced");
    let hook = czj.root.join(".git/hooks/post-merge");
    let script = format!(
        "#!/bin/sh\n[ -e '{m}' ] && exit 0\ntouch '{m}'\nunset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_PREFIX\ncd '{other}' && '{tz}' sync {PLAN} >/dev/null 2>&1\n",
        m = marker.display(),
        other = tjj.root.display(),
        tz = env!("CARGO_BIN_EXE_taizhang"),
    );
    std::fs::write(&hook, script).unwrap();
    make_executable(&hook);
    czj.mark("2022-06-02", "市财政局", "1", "后到");
    let run = czj.sync("2022-06-02");
    assert!(marker.exists(), "the hook ran");
    insta::assert_snapshot!("retried", run.transcript());
    let run = tjj.sync("2022-06-03");
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_converged(&[&czj, &tjj]);
}

#[cfg(unix)]
fn make_executable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(not(unix))]
fn make_executable(_: &std::path::Path) {}

#[test]
fn a_ledger_directory_named_with_a_space_and_chinese_syncs_too() {
    if !gitnet::has_git() {
        return;
    }
    let net = gitnet::Net::new();
    let office = net.plain("office");
    let data = |args: &[&'static str]| [&["--data", "台账 2022"][..], args].concat();
    assert_eq!(office.tz("2022-06-01", &data(&["sync", PLAN, "--init"])).code, 0);
    office.git(&["remote", "add", "origin", net.hub.to_str().unwrap()]);
    assert_eq!(office.tz("2022-06-01", &data(&["sync", PLAN])).code, 0);
    let (a, b) = (net.clone("a", "市财政局 王五"), net.clone("b", "市财政局 赵六"));
    for (c, task, note) in [(&a, "1", "甲机器"), (&b, "2", "乙机器")] {
        let mark = ["mark", PLAN, "-u", "市财政局", "-t", task, "-s", "推进中", "--note", note];
        assert_eq!(c.tz("2022-06-02", &data(&mark)).code, 0);
    }
    for c in [&a, &b, &a] {
        let run = c.tz("2022-06-02", &data(&["sync", PLAN]));
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    let file = |c: &Clone| std::fs::read_to_string(c.root.join("台账 2022/sczj.toml")).unwrap();
    assert_eq!(file(&a), file(&b));
    assert!(file(&a).contains("甲机器") && file(&a).contains("乙机器"));
    let check = b.tz("2022-06-02", &data(&["check", PLAN, "--ledger"]));
    assert_eq!(check.code, 0, "{}", check.transcript());
}
