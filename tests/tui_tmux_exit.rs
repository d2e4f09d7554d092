//! The program ends when it must, whatever it shows, and keeps what was typed: its terminal
//! going away (tmux kill-server, as when an SSH connection drops) ends it within a second
//! instead of leaving it spinning (crossterm #793); SIGTERM and SIGHUP end it within a second in
//! every state with the terminal given back; unsaved text is kept as a draft — also through a
//! kill -9, never written as a record, shown by no command — and offered back the next time its
//! form opens.

#[path = "support/env.rs"]
mod env;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::time::Duration;

use tmux::{Tmux, assert_restored, draft_file, ends_within, ledger_file, sandbox, start};

/// How soon the program must end.
const LIMIT: Duration = Duration::from_secs(1);

/// Opens task 1's form and types `text` into 进展情况.
fn type_into_form(t: &Tmux, text: &str) {
    t.keys(&["Enter"]);
    t.wait_for("填报进展");
    t.type_text(text);
    t.wait_for(text);
}

#[test]
fn the_terminal_going_away_ends_it_and_keeps_the_text_as_a_draft() {
    let (_dir, root) = sandbox();
    let text = "断线前输入的进展，abc 123";
    let t = Tmux::new("gone");
    start(&t, &root, Some("市财政局"), (100, 30));
    type_into_form(&t, text);
    let pid = t.pid();
    t.kill_server();
    let took = ends_within(&pid, LIMIT);
    assert!(took.is_some(), "still running {LIMIT:?} after its terminal went away");
    eprintln!("ended {took:?} after tmux kill-server");
    let draft = std::fs::read_to_string(draft_file(&root)).expect("a draft was kept");
    assert!(draft.contains(text), "{draft}");
    assert!(!ledger_file(&root).exists(), "nothing was written as a record");
    no_command_shows_the_draft(&root, text);

    // Next time the form offers it back; restored and saved, it is the record and the draft goes.
    let t = Tmux::new("back");
    start(&t, &root, Some("市财政局"), (100, 30));
    t.keys(&["Enter"]);
    t.wait_for("有未保存的草稿");
    t.keys(&["Enter"]);
    t.wait_for(text);
    t.save_choosing_status("已保存：任务 1");
    t.keys(&["q"]);
    t.wait_for("TZ_DONE=0");
    let ledger = std::fs::read_to_string(ledger_file(&root)).unwrap();
    assert!(ledger.contains(&format!("note = \"{text}\"")), "{ledger}");
    assert!(!draft_file(&root).exists(), "a saved draft is removed");
}

/// Killed outright (kill -9), it still leaves a draft of what was typed a second before.
#[test]
fn a_draft_survives_kill_9() {
    let (_dir, root) = sandbox();
    let t = Tmux::new("kill9");
    start(&t, &root, Some("市财政局"), (100, 30));
    type_into_form(&t, "崩溃前的文字");
    let start = std::time::Instant::now();
    let kept = || std::fs::read_to_string(draft_file(&root)).is_ok_and(|d| d.contains("崩溃前的文字"));
    while !kept() && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(kept(), "no draft written within 3 s of typing");
    let pid = t.pid();
    std::process::Command::new("kill").arg("-KILL").arg(&pid).status().unwrap();
    assert!(ends_within(&pid, LIMIT).is_some());
    assert!(kept() && !ledger_file(&root).exists());
}

/// Neither the task list nor the ledger report shows a draft's text or warns about its file.
fn no_command_shows_the_draft(root: &Path, text: &str) {
    for args in [&["tasks", "zhongwei-2022.toml"][..], &["report", "zhongwei-2022.toml", "--kind", "ledger"]] {
        let out = env::taizhang().current_dir(root).env("TAIZHANG_TODAY", "2022-06-01").args(args).output().unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(!stdout.contains(text) && stderr.is_empty(), "{args:?}:\n{stdout}\n{stderr}");
    }
}

/// A state to be in when the signal comes: its name, whether the unit is given (else the
/// picker opens), and the steps that lead there from the start.
struct State {
    name: &'static str,
    unit: bool,
    steps: &'static [Step],
}

enum Step {
    /// Press a key (tmux name) and wait until the screen shows the text.
    Key(&'static str, &'static str),
    /// Type text into the form and wait until it shows.
    Type(&'static str),
    /// Someone else saves task 1 meanwhile (with `mark`).
    TheySave,
}

use Step::{Key, TheySave, Type};

const STATES: [State; 8] = [
    State { name: "picker", unit: false, steps: &[] },
    State { name: "list", unit: true, steps: &[] },
    State { name: "help", unit: true, steps: &[Key("?", "按键说明")] },
    State { name: "form", unit: true, steps: &[Key("Enter", "填报进展"), Type("信号前输入的文字")] },
    State {
        name: "discard",
        unit: true,
        steps: &[Key("Enter", "填报进展"), Type("改了"), Key("Escape", "放弃未保存")],
    },
    State { name: "restore", unit: true, steps: &[Key("Enter", "有未保存的草稿")] },
    State { name: "records", unit: true, steps: &[Key("h", "尚无填报")] },
    State {
        name: "conflict",
        unit: true,
        steps: &[
            Key("Enter", "填报进展"),
            Type("我的"),
            Key("C-s", "请先选择状态"),
            Key("Right", "●未启动"),
            TheySave,
            Key("C-s", "已被他人更新"),
        ],
    },
];

fn step(t: &Tmux, root: &Path, step: &Step) {
    match step {
        Key(key, shows) => {
            t.keys(&[key]);
            t.wait_for(shows);
        }
        Type(text) => {
            t.type_text(text);
            t.wait_for(text);
        }
        TheySave => {
            let out = env::taizhang()
                .current_dir(root)
                .env("TAIZHANG_TODAY", "2022-06-01T09:31:00+08:00")
                .args(["mark", "zhongwei-2022.toml", "-u", "市财政局", "--task", "1", "--status", "推进中"])
                .args(["--note", "他人"])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

/// Puts 王五's draft of task 1 in place, written as docs/ledger-format.md describes it.
fn leave_a_draft(root: &Path) {
    let draft = "[[draft]]\ntask = \"1\"\nunit = \"sczj\"\nsaved_at = \"2022-05-31T18:00:00+08:00\"\n\
                 status = \"in_progress\"\nnote = \"昨天的草稿\"\n";
    std::fs::create_dir_all(root.join("zhongwei-2022.progress")).unwrap();
    std::fs::write(draft_file(root), draft).unwrap();
}

fn signal_in(state: &State, signal: &str) {
    let (_dir, root) = sandbox();
    if state.name == "restore" {
        leave_a_draft(&root);
    }
    let t = Tmux::new(&format!("{}-{}", state.name, signal.to_lowercase()));
    start(&t, &root, state.unit.then_some("市财政局"), (100, 30));
    for s in state.steps {
        step(&t, &root, s);
    }
    let pid = t.pid();
    let status = std::process::Command::new("kill").arg(format!("-{signal}")).arg(&pid).status().unwrap();
    assert!(status.success());
    let took = ends_within(&pid, LIMIT);
    assert!(took.is_some(), "{}: still running {LIMIT:?} after SIG{signal}", state.name);
    t.wait_for("TZ_DONE=");
    assert_restored(&t);
    let draft = std::fs::read_to_string(draft_file(&root)).unwrap_or_default();
    match state.name {
        "form" => assert!(draft.contains("信号前输入的文字"), "the typed text is kept as a draft: {draft:?}"),
        "discard" | "conflict" => assert!(draft.contains("改了") || draft.contains("我的"), "{draft:?}"),
        "restore" => assert!(draft.contains("昨天的草稿"), "the offered draft stays: {draft:?}"),
        _ => assert!(draft.is_empty(), "no form, no draft: {draft:?}"),
    }
    let ledger = std::fs::read_to_string(ledger_file(&root)).unwrap_or_default();
    assert!(!ledger.contains("信号前") && !ledger.contains("note = \"我的\""), "a draft is never a record");
}

#[test]
fn sigterm_and_sighup_end_it_in_every_state_with_the_terminal_given_back() {
    std::thread::scope(|s| {
        for state in &STATES {
            s.spawn(move || {
                for signal in ["TERM", "HUP"] {
                    signal_in(state, signal);
                }
            });
        }
    });
}
