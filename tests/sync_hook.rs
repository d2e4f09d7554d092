//! The office server's `pre-receive` hook (scripts/pre-receive-taizhang, which runs
//! `taizhang pre-receive`): ordinary syncs pass; a push that adds records to another unit's
//! file, edits an old record or rewinds the branch is refused, and the server keeps what it had.

#[path = "support/env.rs"]
mod env;
#[path = "support/gitnet.rs"]
mod gitnet;

use gitnet::{Clone, Net, has_git};

const PUSHERS: &str = "# 谁可以推送哪个单位的台账\n办公室 *\nwangwu sczj\nlisi sfgw\n";

fn unit(net: &Net, name: &str, login: &str) -> Clone {
    net.clone_as(name, login, &[("TAIZHANG_PUSHER", login), ("TAIZHANG", env!("CARGO_BIN_EXE_taizhang"))])
}

#[test]
fn the_hook_lets_units_append_their_own_and_refuses_the_rest() {
    if !has_git() {
        return;
    }
    let net = Net::new();
    net.install_hook(Some(PUSHERS));
    let _office = net.office("2022-06-01");
    let czj = unit(&net, "czj", "wangwu");
    let fgw = unit(&net, "fgw", "lisi");
    czj.record("2022-06-02", "市财政局", "1", "已发布涉企政策3条");
    fgw.mark("2022-06-02", "市发展改革委", "1", "已公开项目审批结果");
    let run = fgw.sync("2022-06-02");
    assert_eq!(run.code, 0, "merging 财政局's records in is no write to its file: {}", run.transcript());
    let server = net.hub_git(&["rev-parse", "main"]);

    // 发改委's operator records for 财政局: the server refuses the push; the commit stays local.
    fgw.mark("2022-06-03", "市财政局", "2", "替别人填");
    let run = fgw.sync("2022-06-03");
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.contains("错误: origin 拒绝了这次推送"), "{}", run.stderr);
    assert!(run.stderr.contains("lisi 给单位 sczj 的台账添加了记录"), "{}", run.stderr);
    assert_eq!(net.hub_git(&["rev-parse", "main"]), server);

    // Nor may a unit change the plan.
    let plan = fgw.root.join("zhongwei-2022.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, text.replace("中卫市 2022 年政务公开工作要点", "中卫市 2022 年政务公开工作要点（改）"))
        .unwrap();
    fgw.git(&["reset", "--quiet", "--soft", "origin/main"]);
    fgw.git(&["commit", "--quiet", "-m", "改计划", "--", "zhongwei-2022.toml"]);
    let push = fgw.try_git(&["push", "origin", "HEAD:main"]);
    assert_ne!(push.code, 0, "{}", push.transcript());
    assert!(push.stderr.contains("zhongwei-2022.toml：提交"), "{}", push.stderr);
    assert!(push.stderr.contains("lisi 改动了台账以外的文件"), "{}", push.stderr);

    // 财政局 edits its own old record and pushes by hand: refused too.
    assert_eq!(czj.sync("2022-06-03").code, 0);
    let path = czj.root.join(Clone::path_of("sczj"));
    std::fs::write(&path, czj.file("sczj").replace("已发布涉企政策3条", "已发布涉企政策30条")).unwrap();
    czj.git(&["commit", "--quiet", "-am", "改一下"]);
    let push = czj.try_git(&["push", "origin", "main"]);
    assert_ne!(push.code, 0, "{}", push.transcript());
    assert!(push.stderr.contains("pre-receive hook declined"), "{}", push.stderr);
    assert!(push.stderr.contains("被改动"), "{}", push.stderr);

    // Nor may history be rewound.
    czj.git(&["reset", "--quiet", "--hard", "HEAD~1"]);
    let push = czj.try_git(&["push", "--force", "origin", "HEAD~1:main"]);
    assert_ne!(push.code, 0, "{}", push.transcript());
    assert!(push.stderr.contains("分支被删除或回退"), "{}", push.stderr);
    assert_eq!(net.hub_git(&["rev-parse", "main"]), server, "the server kept what it had");
}

#[test]
fn without_a_list_of_pushers_only_rewrites_are_refused() {
    if !has_git() {
        return;
    }
    let net = Net::new();
    net.install_hook(None);
    let _office = net.office("2022-06-01");
    let czj = unit(&net, "czj", "wangwu");
    czj.mark("2022-06-02", "市发展改革委", "1", "谁都可以写");
    let run = czj.sync("2022-06-02");
    assert_eq!(run.code, 0, "{}", run.transcript());
    let path = czj.root.join(Clone::path_of("sfgw"));
    std::fs::write(&path, "").unwrap();
    czj.git(&["commit", "--quiet", "-am", "清空"]);
    let push = czj.try_git(&["push", "origin", "main"]);
    assert_ne!(push.code, 0, "{}", push.transcript());
    assert!(push.stderr.contains("没有 taizhang-pushers 文件"), "{}", push.stderr);
    assert!(push.stderr.contains("被删除"), "{}", push.stderr);
}
