//! The real binary in a real terminal (tmux): select a task, open the form, type Chinese with
//! `send-keys -l`, save with Ctrl-S, quit; then check the ledger file and that the terminal was
//! given back (no alternate screen, no mouse capture). Also: SIGTERM and SIGHUP restore it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(tag: &str) -> Tmux {
        let socket = format!("taizhang-test-{tag}-{}", std::process::id());
        Tmux { socket }
    }

    fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed (the CI script installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "s"])
    }

    fn info(&self, format: &str) -> String {
        self.cmd(&["display-message", "-p", "-t", "s", format]).trim().to_string()
    }

    /// Waits until the screen shows `text` (10 s at most).
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }
}

/// The pid of a child process of `parent` (the program the pane's shell is running).
fn child_of(parent: &str) -> Option<String> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
        // pid (comm) state ppid …; comm may hold spaces, so split after the last ')'.
        let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?;
        (ppid == parent).then(|| e.file_name().to_string_lossy().into_owned())
    })
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

fn sandbox() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/zhongwei-2022.toml");
    std::fs::copy(src, dir.path().join("zhongwei-2022.toml")).unwrap();
    let root = dir.path().to_path_buf();
    (dir, root)
}

/// Starts the TUI from a shell in the pane; when it exits the shell prints `TZ_DONE=<code>` (the
/// typed line reads `TZ_""DONE`, so only the output matches), and the terminal it left behind
/// can be inspected.
fn start(t: &Tmux, root: &Path) {
    let bin = env!("CARGO_BIN_EXE_taizhang");
    t.cmd(&["new-session", "-d", "-s", "s", "-x", "100", "-y", "30", "sh"]);
    let command = format!(
        "cd '{}' && TAIZHANG_TODAY=2022-06-01T09:30:00+08:00 '{bin}' zhongwei-2022.toml --unit 市财政局 --by 王五; echo TZ_\"\"DONE=$?",
        root.display()
    );
    t.cmd(&["send-keys", "-t", "s", "-l", &command]);
    t.cmd(&["send-keys", "-t", "s", "Enter"]);
    t.wait_for("本单位任务");
}

fn assert_restored(t: &Tmux) {
    assert_eq!(t.info("#{alternate_on}"), "0", "left the alternate screen");
    assert_eq!(t.info("#{mouse_any_flag}"), "0", "mouse capture is off");
    assert_eq!(t.info("#{cursor_flag}"), "1", "the cursor is visible");
}

#[test]
fn mark_a_task_in_chinese_through_the_real_terminal() {
    let (_dir, root) = sandbox();
    let t = Tmux::new("save");
    start(&t, &root);
    t.cmd(&["send-keys", "-t", "s", "Down"]);
    t.cmd(&["send-keys", "-t", "s", "Enter"]);
    t.wait_for("填报进展");
    t.cmd(&["send-keys", "-t", "s", "-l", "已在门户网站发布办事指南，共3项"]);
    t.wait_for("共3项");
    t.cmd(&["send-keys", "-t", "s", "C-s"]);
    t.wait_for("已保存：任务 2");
    t.cmd(&["send-keys", "-t", "s", "q"]);
    t.wait_for("TZ_DONE=0");
    assert_restored(&t);
    let ledger = std::fs::read_to_string(root.join("zhongwei-2022.progress/sczj.toml")).unwrap();
    assert!(ledger.contains("task = \"2\""), "{ledger}");
    assert!(ledger.contains("note = \"已在门户网站发布办事指南，共3项\""), "{ledger}");
    assert!(ledger.contains("by = \"王五\""), "{ledger}");
    assert!(ledger.contains("at = 2022-06-01T09:30:00+08:00"), "{ledger}");
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    for signal in ["TERM", "HUP"] {
        let (_dir, root) = sandbox();
        let t = Tmux::new(&signal.to_lowercase());
        start(&t, &root);
        t.cmd(&["send-keys", "-t", "s", "Enter"]);
        t.wait_for("填报进展");
        let pid = child_of(&t.info("#{pane_pid}")).expect("the program runs under the pane's shell");
        let status = Command::new("kill").arg(format!("-{signal}")).arg(&pid).status().unwrap();
        assert!(status.success());
        t.wait_for("TZ_DONE=");
        assert_restored(&t);
    }
}

/// The text report colours its lights on a terminal, and not when NO_COLOR is set.
#[test]
fn report_colour_on_a_terminal_only_without_no_color() {
    let (_dir, root) = sandbox();
    let t = Tmux::new("colour");
    t.cmd(&["new-session", "-d", "-s", "s", "-x", "160", "-y", "50", "sh"]);
    let bin = env!("CARGO_BIN_EXE_taizhang");
    // The shell prints END_42_<tag> only once the report is done; the typed command line shows
    // `$((40+2))`, so waiting for the printed marker cannot return early.
    let run = |env: &str, tag: &str| {
        let command = format!(
            "cd '{}' && {env} TAIZHANG_TODAY=2022-12-01 '{bin}' report zhongwei-2022.toml --kind ledger -u 市财政局 | head -8; echo END_$((40+2))_{tag}",
            root.display()
        );
        t.cmd(&["send-keys", "-t", "s", "-l", &command]);
        t.cmd(&["send-keys", "-t", "s", "Enter"]);
        t.wait_for(&format!("END_42_{tag}"));
    };
    // Piped through head: not a terminal, so no colour either way.
    run("", "PIPE");
    assert!(!t.cmd(&["capture-pane", "-p", "-e", "-t", "s"]).contains("\u{1b}[31m"));
    t.cmd(&["send-keys", "-t", "s", "clear", "Enter"]);
    let direct = |env: &str, tag: &str| {
        let command = format!(
            "cd '{}' && {env} TAIZHANG_TODAY=2022-12-01 '{bin}' report zhongwei-2022.toml --kind ledger -u 市财政局 -p 3; echo END_$((40+2))_{tag}",
            root.display()
        );
        t.cmd(&["send-keys", "-t", "s", "-l", &command]);
        t.cmd(&["send-keys", "-t", "s", "Enter"]);
        t.wait_for(&format!("END_42_{tag}"));
        let screen = t.cmd(&["capture-pane", "-p", "-e", "-S", "-200", "-t", "s"]);
        t.cmd(&["send-keys", "-t", "s", "clear", "Enter"]);
        std::thread::sleep(Duration::from_millis(200));
        screen
    };
    let coloured = direct("", "TTY");
    assert!(coloured.contains("\u{1b}[31m") || coloured.contains("\u{1b}[33m"), "lights are coloured on a terminal");
    let plain = direct("NO_COLOR=1", "NO_COLOR");
    assert!(
        !plain.contains("\u{1b}[31m") && !plain.contains("\u{1b}[33m") && !plain.contains("\u{1b}[32m"),
        "NO_COLOR: {plain}"
    );
}
