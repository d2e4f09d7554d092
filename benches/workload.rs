//! `cargo bench --bench workload`: the library on generated workloads (province and extreme by
//! default; see `support/workloads.rs`), one criterion group per stage:
//!
//! - `load/<scale>`: `plan` (`Plan::load`), and the whole ledger through each of [`LOADS`]
//!   (`cold`: parse every unit's TOML file with `Ledger::load`; `warm`: through the per-user
//!   cache, filled by the first iteration);
//! - `build/<scale>`: the report model (`report::build`), summary and ledger kinds;
//! - `render/<scale>`: each renderer of [`RENDERERS`] on the summary model, CSV of the ledger
//!   model, and `summary_rows_xlsx_floor`: rust_xlsxwriter alone writing the summary XLSX's
//!   largest sheet (its assignments), the floor under `summary_xlsx`;
//! - `mark/<scale>`: `ledger::append` of one record to a copy of the busiest unit's file (the
//!   library's share of `taizhang mark`; the copy is made outside the timing).
//!
//! Whole-process times, with the operating system's share, are `bench/compare.sh`'s.
//! `cargo bench --bench workload -- render/extreme` runs one group (criterion's filter).

#[path = "support/workloads.rs"]
mod workloads;

use std::hint::black_box;

use criterion::{BatchSize, Criterion};
use taizhang::Lang;
use taizhang::clock::Clock;
use taizhang::ledger::{self, Expect, Ledger, LoadOptions, Status, Update, WriteOptions};
use taizhang::report::{self, Kind, Report};
use workloads::Workload;

/// Ways to load the whole ledger: every TOML file parsed, or through the per-user cache once it
/// is filled (the first call fills it).
const LOADS: [(&str, Load); 2] = [("cold", load_cold), ("warm", load_warm)];

type Load = fn(&Workload) -> Ledger;
type Render = fn(&Report) -> usize;

fn load_cold(w: &Workload) -> Ledger {
    Ledger::load(w.plan(), &w.ledger_dir, workloads::now()).unwrap().ledger
}

fn load_warm(w: &Workload) -> Ledger {
    let opts = LoadOptions { cache: Some(w.cache()), ..LoadOptions::new(workloads::now()) };
    Ledger::open(w.plan(), &w.ledger_dir, &opts).unwrap().ledger
}

/// The renderers, each returning the size of what it made. One place to change when their
/// signatures do.
const RENDERERS: [(&str, Render); 6] = [
    ("txt", |r| report::txt::render(r, Lang::Zh, 120, false).len()),
    ("md", |r| report::md::render(r, Lang::Zh).len()),
    ("csv", |r| report::csv::render(r, Lang::Zh).unwrap().len()),
    ("html", |r| report::html::render(r, Lang::Zh).len()),
    ("json", |r| report::json::render(r, false).unwrap().len()),
    ("xlsx", |r| report::xlsx::render(r, Lang::Zh).unwrap().len()),
];

fn load(c: &mut Criterion, w: &Workload) {
    let mut g = c.benchmark_group(format!("load/{}", w.name()));
    w.configure(&mut g);
    g.bench_function("plan", |b| b.iter(|| taizhang::Plan::load(black_box(&w.plan_path)).unwrap()));
    for (name, load) in LOADS {
        g.bench_function(name, |b| b.iter(|| load(black_box(w))));
    }
    g.finish();
}

fn build(c: &mut Criterion, w: &Workload) {
    let mut g = c.benchmark_group(format!("build/{}", w.name()));
    w.configure(&mut g);
    for (name, kind) in [("summary", Kind::Summary), ("ledger", Kind::Ledger)] {
        g.bench_function(name, |b| b.iter(|| report::build(w.plan(), w.ledger(), black_box(&w.options(kind)))));
    }
    g.finish();
}

fn render(c: &mut Criterion, w: &Workload) {
    let mut g = c.benchmark_group(format!("render/{}", w.name()));
    w.configure(&mut g);
    for (name, render) in RENDERERS {
        g.bench_function(format!("summary_{name}"), |b| b.iter(|| render(black_box(w.summary()))));
    }
    g.bench_function("ledger_csv", |b| b.iter(|| RENDERERS[2].1(black_box(w.ledger_report()))));
    let rows = rows_cells(w.summary());
    g.bench_function("summary_rows_xlsx_floor", |b| b.iter(|| xlsx_floor(black_box(&rows))));
    g.finish();
}

/// The cells of a summary's assignment table (its CSV `rows` table, the XLSX's last and largest
/// sheet), as strings.
fn rows_cells(r: &Report) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    report::csv::write_table(r, Lang::Zh, report::csv::Table::Rows, &mut out).unwrap();
    let mut rd = csv::ReaderBuilder::new().has_headers(false).from_reader(&out[3..]);
    rd.records().map(|rec| rec.unwrap().iter().map(str::to_owned).collect()).collect()
}

/// What rust_xlsxwriter alone costs to write `rows` as one sheet the way `report::xlsx` does
/// (constant memory, a format per column rather than per cell, zip level 1), without any of
/// taizhang's own work: the floor under `summary_xlsx`'s largest sheet.
fn xlsx_floor(rows: &[Vec<String>]) -> usize {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(1);
    let f = Format::new().set_text_wrap().set_border(rust_xlsxwriter::FormatBorder::Thin);
    let mut ws = wb.new_worksheet_with_constant_memory().unwrap();
    for c in 0..rows.first().map_or(0, Vec::len) {
        ws.set_column_format(c as u16, &f).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    wb.push_worksheet(ws);
    wb.save_to_buffer().unwrap().len()
}

/// One record appended to a fresh copy of the busiest unit's file, on the real clock.
fn mark(c: &mut Criterion, w: &Workload) {
    let mut g = c.benchmark_group(format!("mark/{}", w.name()));
    w.configure(&mut g);
    let plan = w.plan();
    let unit = &plan.units[w.busiest_unit()];
    let task = plan.tasks.iter().find(|t| t.assignees.iter().any(|a| plan.units[a.unit].id == unit.id)).unwrap();
    let source = w.ledger_dir.join(format!("{}.toml", unit.id));
    g.bench_function("append", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                std::fs::copy(&source, dir.path().join(format!("{}.toml", unit.id))).unwrap();
                dir
            },
            |dir| {
                let now = chrono::Local::now().fixed_offset();
                let update = Update {
                    note: Some(format!("基准测试 {}", now.timestamp_nanos_opt().unwrap_or_default())),
                    percent: Some(50),
                    ..Update::new(&task.id, &unit.id, now, Status::InProgress)
                };
                let opts = WriteOptions::new(Clock::real(now));
                ledger::append(plan, dir.path(), update, Expect::Any, &opts).unwrap();
                dir
            },
            BatchSize::PerIteration,
        );
    });
    g.finish();
}

fn main() {
    workloads::main(&[load, build, render, mark]);
}
