//! What `taizhang sync` refuses, and what it says when it cannot go on: history that rewrites a
//! record (here, going out, coming in), a record id saying two things, an unreachable server,
//! no remote, no repository, no git.

#[path = "support/env.rs"]
mod env;
#[path = "support/gitnet.rs"]
mod gitnet;

use gitnet::{Clone, Net, PLAN, has_git};

/// The first record id in a unit file.
fn first_id(text: &str) -> String {
    let line = text.lines().find(|l| l.starts_with("id = ")).unwrap();
    line.trim_start_matches("id = ").trim_matches('"').to_string()
}

#[test]
fn a_hostile_edit_of_an_old_record_is_refused_going_out_and_coming_in() {
    let Some((net, office)) = gitnet::start() else { return };
    let czj = net.clone("czj", "市财政局 王五");
    czj.record("2022-06-02", "市财政局", "1", "已发布涉企政策3条");
    assert_eq!(office.sync("2022-06-02").code, 0);
    let office_head = office.head();
    let office_file = office.file("sczj");
    let id = first_id(&office_file);

    // 发改委's machine edits 财政局's old record.
    let fgw = net.clone("fgw", "市发展改革委 李四");
    let path = fgw.root.join(Clone::path_of("sczj"));
    std::fs::write(&path, fgw.file("sczj").replace("已发布涉企政策3条", "已发布涉企政策30条")).unwrap();
    let local = fgw.sync("2022-06-03");
    assert_eq!(local.code, 1, "{}", local.transcript());
    assert!(local.stderr.contains("拒绝提交") && local.stderr.contains(&id), "{}", local.stderr);
    assert!(local.stderr.contains("zhongwei-2022.progress/sczj.toml：本机文件（未提交），记录"), "{}", local.stderr);

    // Committed by hand, sync will not push it…
    fgw.git(&["commit", "--quiet", "-am", "改一下"]);
    let hostile = fgw.head();
    let out = fgw.tz("2022-06-03", &["--lang", "en", "sync", PLAN]);
    assert_eq!(out.code, 1, "{}", out.transcript());
    assert!(out.stderr.contains(&format!("commit {}: record {id} was changed", &hostile[..10])), "{}", out.stderr);
    assert!(out.stderr.contains("nothing is pushed"), "{}", out.stderr);

    // …and pushed by hand (the server has no hook), the office will not take it in.
    fgw.git(&["push", "--quiet", "origin", "main"]);
    let pulled = office.sync("2022-06-04");
    assert_eq!(pulled.code, 1, "{}", pulled.transcript());
    assert!(pulled.stderr.contains("拒绝接收"), "{}", pulled.stderr);
    assert!(pulled.stderr.contains(&format!("提交 {}，记录 {id} 被改动", &hostile[..10])), "{}", pulled.stderr);
    assert_eq!(office.head(), office_head, "the office's branch is untouched");
    assert_eq!(office.file("sczj"), office_file);

    // `check --ledger` finds it on any clone that has it.
    for c in [&office, &fgw] {
        let check = c.tz("2022-06-04", &["check", PLAN, "--ledger"]);
        assert_eq!(check.code, 1, "{}", check.transcript());
        assert!(check.stderr.contains(&format!("提交 {}，记录 {id} 被改动", &hostile[..10])), "{}", check.stderr);
    }
    let clean = czj.tz("2022-06-04", &["check", PLAN, "--ledger"]);
    assert_eq!(clean.code, 0, "the unit that has not fetched it is clean: {}", clean.transcript());
}

#[test]
fn one_record_id_saying_two_things_stops_the_merge_and_keeps_both() {
    let Some((net, _office)) = gitnet::start() else { return };
    let czj = net.clone("czj", "市财政局 王五");
    let czj2 = net.clone("czj-2", "市财政局 赵六");
    czj.record("2022-06-02", "市财政局", "1", "甲方的说法");
    // The second machine holds a record with the same id that says something else.
    let text = czj.file("sczj");
    let record = &text[text.find("[[update]]").unwrap()..];
    let id = first_id(record);
    std::fs::create_dir_all(czj2.ledger()).unwrap();
    std::fs::write(
        czj2.root.join(Clone::path_of("sczj")),
        format!("{}\n{}", text.replace(record, "").trim_end(), record.replace("甲方的说法", "乙方的说法")),
    )
    .unwrap();
    let before = czj2.file("sczj");
    let run = czj2.sync("2022-06-03");
    insta::assert_snapshot!("same_id_two_contents", run.transcript());
    assert!(
        run.stderr.contains(&format!("zhongwei-2022.progress/sczj.toml：两边都有记录 {id}，但内容不同")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("两个版本都保留着"), "{}", run.stderr);
    assert_eq!(czj2.file("sczj"), before, "this side's version is as it was");
    assert!(!czj2.root.join(".git/MERGE_HEAD").exists(), "no merge is left half done");
    assert_eq!(czj2.git(&["status", "--porcelain"]), "");
    assert!(czj2.git(&["log", "-1", "--format=%s"]).contains("市财政局：1 条进展"), "its own commit is kept");
}

#[test]
fn an_unreachable_server_keeps_the_local_commit() {
    let Some((net, _office)) = gitnet::start() else { return };
    let czj = net.clone("czj", "市财政局 王五");
    czj.git(&["remote", "set-url", "origin", net.root.join("gone.git").to_str().unwrap()]);
    czj.mark("2022-06-02", "市财政局", "1", "已发布涉企政策3条");
    let run = czj.sync("2022-06-02");
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.contains("错误: 无法从 origin 拉取："), "{}", run.stderr);
    assert!(run.stderr.contains("本机已提交的记录都还在"), "{}", run.stderr);
    assert_eq!(run.stdout, "提交：市财政局 1 条（共 1 条，1 个提交）\n");
    assert_eq!(czj.git(&["log", "-1", "--format=%s"]).trim(), "市财政局：1 条进展（2022-06-02）");
    assert_eq!(czj.git(&["status", "--porcelain"]), "");
}

#[test]
fn without_a_remote_records_are_committed_here_only() {
    if !has_git() {
        return;
    }
    let net = Net::new();
    let office = net.plain("office");
    assert_eq!(office.tz("2022-06-01", &["sync", PLAN, "--init"]).code, 0);
    office.mark("2022-06-02", "市财政局", "1", "办公室代录");
    office.mark("2022-06-02", "市财政局", "2", "又一条");
    let run = office.sync("2022-06-02");
    insta::assert_snapshot!("no_remote", run.transcript());
    assert_eq!(office.git(&["log", "-1", "--format=%s"]).trim(), "市财政局：2 条进展（2022-06-02）");
}

#[test]
fn no_repository_or_no_git_is_said_plainly() {
    if !has_git() {
        return;
    }
    let net = Net::new();
    let plain = net.plain("plain");
    insta::assert_snapshot!(
        "not_a_repository",
        plain.sync("2022-06-01").transcript().replace(&plain.root.canonicalize().unwrap().display().to_string(), "DIR")
    );
    plain.git(&["init", "--quiet"]);
    insta::assert_snapshot!("not_routed", plain.sync("2022-06-01").transcript());
    let nogit =
        plain.tz_command("2022-06-01").env("PATH", net.root.join("empty")).args(["sync", PLAN]).output().unwrap();
    let stderr = String::from_utf8_lossy(&nogit.stderr);
    assert_eq!(nogit.status.code(), Some(1));
    assert!(stderr.starts_with("错误: 无法运行 git（") && stderr.contains("使 `git --version` 能运行"), "{stderr}");
}

#[test]
fn a_unit_file_deleted_here_is_not_committed() {
    let Some((net, _office)) = gitnet::start() else { return };
    let czj = net.clone("czj", "市财政局 王五");
    czj.record("2022-06-02", "市财政局", "1", "已发布涉企政策3条");
    std::fs::remove_file(czj.root.join(Clone::path_of("sczj"))).unwrap();
    let run = czj.sync("2022-06-03");
    insta::assert_snapshot!("deleted", run.transcript());
    czj.git(&["checkout", "--", &Clone::path_of("sczj")]);
    assert_eq!(czj.sync("2022-06-03").code, 0, "restored as the hint says, it syncs");
}
