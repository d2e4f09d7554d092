//! Driving the real program in a real terminal: a tmux server of the test's own, the TUI started
//! from a shell in its pane on a copy of the Zhongwei plan, and what to look at afterwards. A
//! TUI started here never outlives its test: dropping the `Tmux` kills it by pid, then the server.
//!
//! Included with `#[path = "support/tmux.rs"] mod tmux;` after `mod env;`.

#![allow(dead_code)]

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::env;

/// A tmux server of our own (its own socket, no user configuration, a cleared environment that
/// the pane's shell inherits).
pub struct Tmux {
    socket: String,
    /// The TUI's pid, once started.
    tui: RefCell<Option<String>>,
}

impl Tmux {
    pub fn new(tag: &str) -> Tmux {
        let socket = format!("taizhang-test-{tag}-{}", std::process::id());
        Tmux { socket, tui: RefCell::new(None) }
    }

    pub fn cmd(&self, args: &[&str]) -> String {
        let mut c = Command::new("tmux");
        env::clean(&mut c).env("TERM", "xterm-256color");
        let out = c
            .arg("-f")
            .arg("/dev/null")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed (the CI script installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Presses keys by their tmux names (`Enter`, `C-s`, `q`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "s"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }

    /// Types `text` as it is, character by character (`send-keys -l`).
    pub fn type_text(&self, text: &str) {
        self.cmd(&["send-keys", "-t", "s", "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "s"])
    }

    pub fn info(&self, format: &str) -> String {
        self.cmd(&["display-message", "-p", "-t", "s", format]).trim().to_string()
    }

    /// How long until the screen shows `text`, if it does within `limit`.
    pub fn shows_within(&self, text: &str, limit: Duration) -> Option<Duration> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.screen().contains(text) {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Waits until the screen shows `text` (30 s at most: a wait only lasts that long when
    /// something is wrong, and a machine busy building and testing once took more than 10 s).
    pub fn wait_for(&self, text: &str) {
        if self.shows_within(text, Duration::from_secs(30)).is_none() {
            panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
        }
    }

    /// Ctrl-S in a form for an assignment never reported: the form asks for a status first (the
    /// operator chooses; none is preselected), → takes the first, Ctrl-S again saves.
    pub fn save_choosing_status(&self, saved: &str) {
        self.keys(&["C-s"]);
        self.wait_for("请先选择状态");
        self.keys(&["Right"]);
        self.wait_for("●未启动");
        self.keys(&["C-s"]);
        self.wait_for(saved);
    }

    /// The TUI's pid.
    pub fn pid(&self) -> String {
        self.tui.borrow().clone().expect("the TUI was started")
    }

    /// The terminal goes away, as when an SSH connection drops.
    pub fn kill_server(&self) {
        self.cmd(&["kill-server"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        if let Some(pid) = self.tui.borrow_mut().take() {
            let _ = Command::new("kill").arg("-KILL").arg(&pid).output();
        }
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
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

/// Whether process `pid` has ended (gone, or a zombie nobody reaped yet).
pub fn ended(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().next()) == Some("Z"),
        Err(_) => true,
    }
}

/// How long until process `pid` ends, if it does within `limit`.
pub fn ends_within(pid: &str, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ended(pid) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    None
}

/// A temporary directory holding a copy of the Zhongwei plan; its ledger goes beside it.
pub fn sandbox() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/zhongwei-2022.toml");
    std::fs::copy(src, dir.path().join("zhongwei-2022.toml")).unwrap();
    let root = dir.path().to_path_buf();
    (dir, root)
}

/// The ledger file of 市财政局 in a sandbox.
pub fn ledger_file(root: &Path) -> PathBuf {
    root.join("zhongwei-2022.progress/sczj.toml")
}

/// 王五's draft file of 市财政局 in a sandbox.
pub fn draft_file(root: &Path) -> PathBuf {
    root.join("zhongwei-2022.progress/.sczj@%E7%8E%8B%E4%BA%94.draft")
}

/// Starts the TUI as 王五 from a shell in the pane, for 市财政局 (`unit`) or in the lead view
/// (`None`); when it exits the shell prints `TZ_DONE=<code>` (the typed line reads
/// `TZ_""DONE`, so only the output matches), and the terminal it left behind can be inspected.
pub fn start(t: &Tmux, root: &Path, unit: Option<&str>, size: (u16, u16)) {
    start_on(t, root, unit, size, "2022-06-01T09:30:00+08:00");
}

/// As [`start`], with the clock at `today`.
pub fn start_on(t: &Tmux, root: &Path, unit: Option<&str>, size: (u16, u16), today: &str) {
    let bin = env!("CARGO_BIN_EXE_taizhang");
    let (w, h) = (size.0.to_string(), size.1.to_string());
    t.cmd(&["new-session", "-d", "-s", "s", "-x", &w, "-y", &h, "sh"]);
    let unit_arg = unit.map(|u| format!("--unit {u}")).unwrap_or_default();
    let command = format!(
        "cd '{}' && TAIZHANG_TODAY={today} '{bin}' zhongwei-2022.toml {unit_arg} --by 王五; echo TZ_\"\"DONE=$?",
        root.display()
    );
    t.type_text(&command);
    t.keys(&["Enter"]);
    t.wait_for(if unit.is_some() { "本单位任务" } else { "牵头视图" });
    *t.tui.borrow_mut() = child_of(&t.info("#{pane_pid}"));
    assert!(t.tui.borrow().is_some(), "the program runs under the pane's shell");
}

/// The terminal was given back: no alternate screen, no mouse capture, a visible cursor.
pub fn assert_restored(t: &Tmux) {
    assert_eq!(t.info("#{alternate_on}"), "0", "left the alternate screen");
    assert_eq!(t.info("#{mouse_any_flag}"), "0", "mouse capture is off");
    assert_eq!(t.info("#{cursor_flag}"), "1", "the cursor is visible");
}
