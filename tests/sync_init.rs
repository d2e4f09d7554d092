//! `taizhang sync PLAN --init`: a new repository with the plan committed, a repository that
//! already has commits given only what it lacks, and a second run that changes nothing.

#[path = "support/env.rs"]
mod env;
#[path = "support/gitnet.rs"]
mod gitnet;

use gitnet::{Net, PLAN, has_git};

#[test]
fn init_makes_a_repository_commits_the_plan_and_can_run_again() {
    if !has_git() {
        return;
    }
    let net = Net::new();
    let office = net.plain("office");
    office.mark("2022-06-01", "市财政局", "1", "开始前已有的记录");
    let first = office.tz("2022-06-01", &["sync", PLAN, "--init"]);
    let top = office.root.canonicalize().unwrap().display().to_string();
    insta::assert_snapshot!("first", first.transcript().replace(&top, "DIR"));
    let files = office.git(&["show", "--name-only", "--format=%s", "HEAD"]);
    let first_commit = "建立台账仓库：中卫市 2022 年政务公开工作要点（2022-06-01）\n\n\
        .gitattributes\n.gitignore\nzhongwei-2022.progress/sczj.toml\nzhongwei-2022.toml\n";
    assert_eq!(files, first_commit);
    assert_eq!(office.git(&["status", "--porcelain"]), "", "locks and the like are ignored");
    let again = office.tz("2022-06-02", &["sync", PLAN, "--init"]);
    assert_eq!(again.code, 0, "{}", again.transcript());
    assert!(!again.stdout.contains("已提交") && !again.stdout.contains(".gitattributes"), "{}", again.stdout);
    assert_eq!(office.git(&["rev-list", "--count", "HEAD"]).trim(), "1");
}

#[test]
fn init_in_a_repository_with_history_commits_only_what_it_adds() {
    if !has_git() {
        return;
    }
    let net = Net::new();
    let office = net.plain("office");
    office.git(&["init", "--quiet"]);
    office.git(&["config", "user.name", "办公室"]);
    office.git(&["config", "user.email", "taizhang@example.org"]);
    std::fs::write(office.root.join("说明.txt"), "办公室的其他文件\n").unwrap();
    office.git(&["add", "说明.txt", PLAN]);
    office.git(&["commit", "--quiet", "-m", "计划"]);
    std::fs::write(office.root.join("说明.txt"), "改了，但不由 taizhang 提交\n").unwrap();
    office.mark("2022-06-01", "市财政局", "1", "已有记录");
    let run = office.tz("2022-06-01", &["--lang", "en", "sync", PLAN, "--init"]);
    let top = office.root.canonicalize().unwrap().display().to_string();
    insta::assert_snapshot!("with_history", run.transcript().replace(&top, "DIR"));
    let log = office.git(&["log", "--format=%s", "--name-only"]);
    assert!(log.starts_with("市财政局: 1 record(s) (2022-06-01)\n\nzhongwei-2022.progress/sczj.toml\n"), "{log}");
    assert!(
        log.contains("route ledgers to the taizhang merge driver (2022-06-01)\n\n.gitattributes\n.gitignore\n"),
        "{log}"
    );
    assert_eq!(
        office.git(&["status", "--porcelain"]),
        " M \"\\350\\257\\264\\346\\230\\216.txt\"\n",
        "the user's change is left alone"
    );
}
