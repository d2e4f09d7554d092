//! `cargo bench --bench tui`: the operator view at 120×40 on generated workloads, for the unit
//! with the most assignments, and the lead view (`tui/<scale>/lead_*`). The TUI lives in the binary crate, which a bench cannot import, so
//! this runs the real binary's hidden `bench-frames` command (src/tui/bench.rs): it starts the
//! operator view as `taizhang PLAN --unit U` does, draws on a ratatui `TestBackend`, and reports
//! its own timings, which criterion takes through `iter_custom`:
//!
//! - `tui/<scale>/first_frame`: from the command's start (after the process is up) to the end
//!   of the first draw: plan, ledger, the unit's view, one frame;
//! - `tui/<scale>/key_to_frame`: one key press (↓; Home at the list's end) through the keymap,
//!   `update` and its effects, and a redraw. One process per sample draws at least
//!   [`MIN_FRAMES`] of them and reports the mean, scaled to the sample's iterations (criterion
//!   counts the process's start-up in its own estimate and so asks for few iterations).
//!
//! Terminal output is left out (a `TestBackend`); `bench/compare.sh` times the real thing in tmux.

#[path = "support/workloads.rs"]
mod workloads;

use std::process::Command;
use std::time::Duration;

use criterion::Criterion;
use workloads::{TODAY, Workload};

/// Frames drawn per sample at least, so that a sample is a mean over many key presses.
const MIN_FRAMES: u64 = 200;

/// What one `bench-frames` run printed.
struct Timings {
    first_frame: Duration,
    frames: Duration,
}

/// `bench-frames` as `unit`, or in the lead view (`None`; in its matrix with `matrix`).
fn bench_frames(w: &Workload, unit: Option<&str>, matrix: bool, frames: u64) -> Timings {
    let plan = w.plan_path.to_string_lossy().into_owned();
    let mut args = vec!["--today", TODAY, "bench-frames", &plan];
    args.extend(unit.map(|u| ["--unit", u]).into_iter().flatten());
    if matrix {
        args.push("--matrix");
    }
    let frames = frames.to_string();
    args.extend(["--frames", frames.as_str()]);
    let out = Command::new(env!("CARGO_BIN_EXE_taizhang"))
        .args(&args)
        .env_remove("TAIZHANG_DATA")
        .env_remove("TAIZHANG_NO_CACHE")
        .env("XDG_CACHE_HOME", &w.cache_home)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    let field = |name: &str| -> Duration {
        let value = text.split_whitespace().find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='));
        Duration::from_nanos(value.and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("no {name} in {text}")))
    };
    Timings { first_frame: field("first_frame_ns"), frames: field("frames_ns") }
}

fn frames(c: &mut Criterion, w: &Workload) {
    let unit = w.plan().units[w.busiest_unit()].id.clone();
    let mut g = c.benchmark_group(format!("tui/{}", w.name()));
    w.configure(&mut g);
    for (name, unit, matrix) in [("", Some(unit.as_str()), false), ("lead_", None, false), ("matrix_", None, true)] {
        g.bench_function(format!("{name}first_frame"), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| bench_frames(w, unit, matrix, 0).first_frame).sum())
        });
        g.bench_function(format!("{name}key_to_frame"), |b| {
            b.iter_custom(|iters| {
                let drawn = iters.max(MIN_FRAMES);
                bench_frames(w, unit, matrix, drawn).frames.mul_f64(iters as f64 / drawn as f64)
            })
        });
    }
    g.finish();
}

fn main() {
    workloads::main(&[frames]);
}
