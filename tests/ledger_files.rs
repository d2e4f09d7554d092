//! Ledger files on a shared server, as the program meets them: modes that do not depend on the
//! first writer's umask, a planted lock link that is never followed, a writer that waits says
//! for whom, and a new ledger directory that is durable before 已保存 is printed.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sandbox::Sandbox;

const PLAN: &str = "zhongwei-2022.toml";

fn zhongwei() -> Sandbox {
    Sandbox::with("plans/zhongwei-2022.toml", PLAN)
}

const MARK: [&str; 10] = ["mark", PLAN, "-u", "sczj", "-t", "1", "-s", "推进中", "--note", "进展"];

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn new_files_follow_the_shared_server_modes_whatever_the_umask() {
    let s = zhongwei();
    let bin = env!("CARGO_BIN_EXE_taizhang");
    let mut sh = Command::new("sh");
    env::clean(&mut sh)
        .current_dir(&s.root)
        .env("TAIZHANG_TODAY", "2022-06-01")
        .arg("-c")
        .arg(format!("umask 077; exec '{bin}' \"$@\""))
        .arg("sh")
        .args(MARK);
    let (code, _, err) = sandbox::text(sh.output().unwrap());
    assert_eq!(code, 0, "{err}");
    let dir = s.path("zhongwei-2022.progress");
    assert_eq!(mode(&dir), 0o770, "ledger directory");
    assert_eq!(mode(&dir.join("sczj.toml")), 0o660, "unit file");
    assert_eq!(mode(&dir.join(".sczj.lock")), 0o660, "lock file");
}

#[test]
fn a_planted_lock_link_is_refused_and_nothing_is_created_through_it() {
    let s = zhongwei();
    let dir = s.path("zhongwei-2022.progress");
    std::fs::create_dir_all(&dir).unwrap();
    let victim = s.path("nologin");
    std::os::unix::fs::symlink(&victim, dir.join(".sczj.lock")).unwrap();
    let (code, _, err) = s.run_at("2022-06-01", &MARK);
    assert_eq!(code, 1);
    assert!(err.contains(".sczj.lock") && err.contains("符号链接"), "{err}");
    assert!(!victim.exists(), "the link's target was not created");
    // A unit file linked to nothing is refused too.
    std::fs::remove_file(dir.join(".sczj.lock")).unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("sczj.toml")).unwrap();
    let (code, _, err) = s.run_at("2022-06-01", &MARK);
    assert_eq!(code, 1);
    assert!(err.contains("不存在") && err.contains("不会通过链接创建文件"), "{err}");
    assert!(!victim.exists());
}

#[test]
fn a_save_that_waits_for_the_lock_says_who_holds_it() {
    let s = zhongwei();
    let dir = s.path("zhongwei-2022.progress");
    std::fs::create_dir_all(&dir).unwrap();
    let lock = std::fs::File::create(dir.join(".sczj.lock")).unwrap();
    lock.lock().unwrap();
    std::fs::write(dir.join(".sczj.lock"), "pid 4242 · 王五 · 2022-06-01 09:30:00 +08:00").unwrap();
    let mut c = env::taizhang();
    c.current_dir(&s.root).env("TAIZHANG_TODAY", "2022-06-01").args(MARK).stderr(Stdio::piped()).stdout(Stdio::null());
    let mut child = c.spawn().unwrap();
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(1800));
    let still_waiting = child.try_wait().unwrap().is_none();
    drop(lock);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(still_waiting, "the save waits while the lock is held");
    assert!(status.success(), "{err}");
    assert!(err.contains("正在等待") && err.contains("王五") && err.contains("30 秒"), "{err}");
    assert!(start.elapsed() < Duration::from_secs(10));
}

/// The new ledger directory's entry is fsynced in its parent before the save is confirmed: the
/// system calls, traced with strace (CI installs it).
#[test]
fn a_new_ledger_directory_is_fsynced_in_its_parent_before_saved() {
    if Command::new("strace").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must install strace");
        eprintln!("strace is not installed; skipped");
        return;
    }
    let s = zhongwei();
    let log = s.path("trace.log");
    let mut c = Command::new("strace");
    env::clean(&mut c)
        .current_dir(&s.root)
        .env("TAIZHANG_TODAY", "2022-06-01")
        .args(["-f", "-e", "trace=mkdir,mkdirat,openat,open,fsync,write", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_taizhang"))
        .args(MARK);
    let (code, out, err) = sandbox::text(c.output().unwrap());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已保存"));
    let trace = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = trace.lines().collect();
    let made = lines.iter().position(|l| l.contains("mkdir") && l.contains("zhongwei-2022.progress")).expect("mkdir");
    // The parent (the working directory, ".") opened after the mkdir, and that fd fsynced.
    let parent_fd = lines[made..]
        .iter()
        .find(|l| l.contains("openat(AT_FDCWD, \".\","))
        .and_then(|l| l.rsplit("= ").next())
        .map(|fd| fd.trim().to_string())
        .expect("the parent directory is opened after mkdir");
    let synced =
        lines[made..].iter().position(|l| l.contains(&format!("fsync({parent_fd})"))).expect("fsync of the parent");
    let saved = lines.iter().position(|l| l.contains("write(1,")).expect("the confirmation");
    assert!(made + synced < saved, "fsync before 已保存:\n{trace}");
}
