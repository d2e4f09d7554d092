//! `taizhang merge-driver %O %A %B %P` as git runs it: the union of two unit files written to
//! `%A` (exit 0), a real conflict refused (exit 1, naming the record and the file, `%A` left as
//! it was); and plain `git pull` in a clone set up by `sync`, which uses the driver too.

#[path = "support/env.rs"]
mod env;
#[path = "support/gitnet.rs"]
mod gitnet;

use std::path::Path;

const HEAD: &str = "plan = \"zhongwei-2022\"\nunit = \"sczj\"\n";

fn record(id: &str, note: &str) -> String {
    format!(
        "\n[[update]]\nid = \"{id}\"\ntask = \"1\"\nunit = \"sczj\"\nat = 2022-06-01T12:00:00+08:00\nstatus = \"in_progress\"\nnote = \"{note}\"\n"
    )
}

/// Writes the three versions, runs the driver on them; exit code, stderr and `%A` afterwards.
fn drive(dir: &Path, ancestor: &str, ours: &str, theirs: &str) -> (i32, String, String) {
    for (name, text) in [("O", ancestor), ("A", ours), ("B", theirs)] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = env::taizhang()
        .current_dir(dir)
        .args(["merge-driver", "O", "A", "B", "zhongwei-2022.progress/sczj.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stderr, std::fs::read_to_string(dir.join("A")).unwrap())
}

#[test]
fn the_driver_writes_the_union_and_refuses_a_real_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let base = format!("{HEAD}{}", record("a1", "起步"));
    let ours = format!("{base}{}", record("b1", "本机"));
    let theirs = format!("{base}{}", record("c1", "对方"));
    let (code, stderr, merged) = drive(dir.path(), &base, &ours, &theirs);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(merged, format!("{ours}{}", record("c1", "对方")));
    let (code, _, again) = drive(dir.path(), &base, &merged, &theirs);
    assert_eq!((code, again.as_str()), (0, merged.as_str()), "merging again changes nothing");

    let clash = format!("{base}{}", record("b1", "另一种说法"));
    let (code, stderr, left) = drive(dir.path(), &base, &ours, &clash);
    assert_eq!(code, 1);
    insta::assert_snapshot!("conflict", stderr);
    assert_eq!(left, ours, "ours is left as it was");

    let rewritten = format!("{HEAD}{}{}", record("a1", "改过"), record("c1", "对方"));
    let (code, stderr, _) = drive(dir.path(), &base, &ours, &rewritten);
    assert_eq!(code, 1);
    assert!(stderr.contains("对方的一版改动了原有的记录 a1（文件被改写，而不是追加）"), "{stderr}");
}

#[test]
fn plain_git_pull_uses_the_driver_sync_registered() {
    let Some((net, _office)) = gitnet::start() else { return };
    let czj = net.clone("czj", "市财政局 王五");
    let czj2 = net.clone("czj-2", "市财政局 赵六");
    czj.record("2022-06-02", "市财政局", "1", "甲机器");
    czj2.mark("2022-06-02", "市财政局", "2", "乙机器");
    let sync = czj2.tz("2022-06-02", &["sync", "zhongwei-2022.toml", "--remote", "nowhere"]);
    assert_eq!(sync.code, 1, "no such remote: {}", sync.transcript());
    assert!(sync.stderr.contains("没有名为 nowhere 的远程仓库"), "{}", sync.stderr);
    // Committed by hand and pulled with git alone: the driver sync registered merges the file.
    czj2.git(&["add", "zhongwei-2022.progress/sczj.toml"]);
    czj2.git(&["commit", "--quiet", "-m", "乙机器"]);
    assert!(czj2.git(&["config", "merge.taizhang.driver"]).contains("merge-driver %O %A %B %P"));
    czj2.git(&["pull", "--quiet", "--no-rebase", "--no-edit", "origin", "main"]);
    let text = czj2.file("sczj");
    assert!(text.contains("甲机器") && text.contains("乙机器"), "{text}");
    assert!(!text.contains("<<<<<<<"), "{text}");
}
