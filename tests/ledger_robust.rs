//! The ledger under abuse: processes killed with SIGKILL in the middle of saves, and many
//! operators saving at once. A confirmed save must never be lost; every file must parse.

#[path = "support/env.rs"]
mod env;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use taizhang::Plan;
use taizhang::ledger::Ledger;

/// A copy of the Zhongwei plan in a fresh directory (the ledger goes beside it).
fn plan_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let dst = env::copy_plan("plans/zhongwei-2022.toml", dir.path(), "zhongwei-2022.toml");
    (dir, dst)
}

fn mark(plan: &Path, unit: &str, task: &str, note: &str) -> Command {
    let mut c = env::taizhang();
    c.args(["mark", plan.to_str().unwrap(), "--unit", unit, "--task", task, "--status", "in_progress", "--note", note])
        .env("TAIZHANG_TODAY", "2022-06-01T09:00:00+08:00")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Every note in the plan's ledger; panics if any file fails to parse.
fn notes(plan_path: &Path) -> Vec<String> {
    let plan = Plan::load(plan_path).unwrap().plan;
    let dir = taizhang::ledger::default_dir(&plan);
    let ledger = match Ledger::load(&plan, &dir, chrono::Local::now().fixed_offset()) {
        Ok(l) => l.ledger,
        Err(e) => panic!("ledger no longer parses: {}", e.render(taizhang::Lang::En)),
    };
    ledger.records().filter_map(|u| u.note.clone()).collect()
}

/// How many times the CI-sized trials to run: `TAIZHANG_TORTURE=17` (scripts/torture.sh) makes
/// 3,400 kills and 8 × 850 concurrent saves.
fn scale() -> usize {
    std::env::var("TAIZHANG_TORTURE").ok().and_then(|v| v.parse().ok()).unwrap_or(1).max(1)
}

/// A small deterministic generator, so that a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn kill_9_during_saves_loses_no_confirmed_update() {
    let (_dir, plan) = plan_copy();
    let mut rng = Lcg(0x7a1_2022);
    let mut confirmed: Vec<String> = Vec::new();
    let mut killed = 0;
    // Seed the file so that later kills land in re-reads and rewrites of a real file.
    for i in 0..5 {
        assert!(mark(&plan, "sczj", "1", &format!("seed-{i}")).status().unwrap().success());
        confirmed.push(format!("seed-{i}"));
    }
    let dir = plan.parent().unwrap().join("zhongwei-2022.progress");
    let mut mid_write: BTreeSet<String> = BTreeSet::new();
    let mut i = 0;
    // Keep going until 200 runs were really killed (a run that finishes first is a confirmed
    // save, and counts as such); the cap only guards against a machine too slow to finish any.
    let target = 200 * scale();
    while killed < target {
        assert!(i < 10 * target, "only {killed} kills in {i} runs");
        let note = format!("k-{i}");
        let mut child = mark(&plan, "sczj", ["1", "2", "5"][i % 3], &note).spawn().unwrap();
        thread::sleep(Duration::from_micros(rng.next(12_000)));
        let _ = child.kill(); // SIGKILL; a no-op if it already finished
        let status = child.wait().unwrap();
        if status.success() {
            confirmed.push(note);
        } else {
            killed += 1;
            mid_write.extend(temps(&dir));
        }
        let have: BTreeSet<String> = notes(&plan).into_iter().collect();
        for c in &confirmed {
            assert!(have.contains(c), "confirmed update {c} lost after run {i}");
        }
        i += 1;
    }
    eprintln!(
        "kill -9: {i} runs, {killed} killed ({} died between writing and renaming), {} confirmed saves, all present",
        mid_write.len(),
        confirmed.len()
    );
    assert!(mark(&plan, "sczj", "1", "after").status().unwrap().success());
    assert!(temps(&dir).is_empty(), "the next save cleans up temp files of killed writers");
}

/// Temp files in the ledger directory: left by writers killed between writing and renaming.
fn temps(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".tmp")).collect()
}

fn concurrent(units: &[&str]) {
    let (_dir, plan) = plan_copy();
    let per_worker = 50 * scale();
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let plan = plan.clone();
            let unit = units[w % units.len()].to_string();
            thread::spawn(move || {
                for i in 0..per_worker {
                    let task = ["2", "8", "16", "18"][i % 4];
                    let ok = mark(&plan, &unit, task, &format!("w{w}-{i}")).status().unwrap().success();
                    assert!(ok, "worker {w} save {i} failed");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let have = notes(&plan);
    let unique: BTreeSet<&String> = have.iter().collect();
    assert_eq!(have.len(), 8 * per_worker, "updates lost or doubled");
    assert_eq!(unique.len(), 8 * per_worker);
    eprintln!(
        "concurrent: 8 writers × {per_worker} saves on {} unit(s): {} records, none lost or doubled",
        units.len(),
        have.len()
    );
}

#[test]
fn eight_operators_on_one_unit_lose_nothing() {
    concurrent(&["sczj"]);
}

#[test]
fn eight_operators_on_eight_units_lose_nothing() {
    concurrent(&["sczj", "sfgw", "sswj", "stjj", "sjtysj", "shaptq", "zhongning", "haiyuan"]);
}
