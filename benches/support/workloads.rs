//! The workloads benches run on: `taizhang gen` output (seed 1) in a temporary directory made
//! once per bench run and removed at its end. Province and extreme by default;
//! `TAIZHANG_BENCH_SCALES=city,province` (any of city, province, extreme) chooses others.
//!
//! Included with `#[path = "support/workloads.rs"] mod workloads;`.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode};
use taizhang::Plan;
use taizhang::r#gen::{Scale, generate};
use taizhang::ledger::Ledger;
use taizhang::period;
use taizhang::report::{self, Kind, Options, Report};

/// "Today" for every bench: after the plan year (as the reports on the generated plans are
/// read), fixed so runs compare.
pub const TODAY: &str = "2026-01-10T10:00:00+08:00";

pub struct Workload {
    pub scale: Scale,
    /// `XDG_CACHE_HOME` for the programs a bench runs: never the user's own cache.
    pub cache_home: PathBuf,
    cache: taizhang::cache::Cache,
    pub plan_path: PathBuf,
    pub ledger_dir: PathBuf,
    plan: OnceLock<Plan>,
    ledger: OnceLock<Ledger>,
    summary: OnceLock<Report>,
    ledger_report: OnceLock<Report>,
}

/// The generated workloads; dropping this removes their files.
pub struct Workloads {
    _dir: tempfile::TempDir,
    pub list: Vec<Workload>,
}

pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(TODAY).unwrap()
}

impl Workloads {
    /// Generates the chosen scales (a second or so for extreme).
    pub fn new() -> Workloads {
        let dir = tempfile::tempdir().unwrap();
        let list = scales()
            .into_iter()
            .map(|scale| {
                let made = generate(scale, 1, dir.path(), false).unwrap();
                let cache_home = dir.path().join("cache").join(scale.name());
                Workload {
                    scale,
                    cache: taizhang::cache::Cache::new(cache_home.join("taizhang")),
                    cache_home,
                    plan_path: made.plan,
                    ledger_dir: made.ledger,
                    plan: OnceLock::new(),
                    ledger: OnceLock::new(),
                    summary: OnceLock::new(),
                    ledger_report: OnceLock::new(),
                }
            })
            .collect();
        Workloads { _dir: dir, list }
    }
}

/// A bench's `main`: generates the workloads, runs each of `benches` on each, and removes them.
pub fn main(benches: &[fn(&mut Criterion, &Workload)]) {
    let workloads = Workloads::new();
    let mut c = Criterion::default().configure_from_args();
    for w in &workloads.list {
        for bench in benches {
            bench(&mut c, w);
        }
    }
    c.final_summary();
}

fn scales() -> Vec<Scale> {
    let wanted = std::env::var("TAIZHANG_BENCH_SCALES").unwrap_or_else(|_| "province,extreme".into());
    Scale::ALL.into_iter().filter(|s| wanted.split(',').any(|w| w.trim() == s.name())).collect()
}

impl Workload {
    pub fn name(&self) -> &'static str {
        self.scale.name()
    }

    /// This workload's ledger cache (under [`Workload::cache_home`], as the program finds it).
    pub fn cache(&self) -> &taizhang::cache::Cache {
        &self.cache
    }

    pub fn plan(&self) -> &Plan {
        self.plan.get_or_init(|| Plan::load(&self.plan_path).unwrap().plan)
    }

    pub fn ledger(&self) -> &Ledger {
        self.ledger.get_or_init(|| Ledger::load(self.plan(), &self.ledger_dir, now()).unwrap().ledger)
    }

    /// The report options `taizhang report` uses on this plan after its year: the last period,
    /// as of today.
    pub fn options(&self, kind: Kind) -> Options {
        let period = *period::periods(&self.plan().meta).last().unwrap();
        let today: NaiveDate = now().date_naive();
        Options { kind, period, as_of: Some(today), at: None, unit: None }
    }

    pub fn summary(&self) -> &Report {
        self.summary.get_or_init(|| report::build(self.plan(), self.ledger(), &self.options(Kind::Summary)))
    }

    pub fn ledger_report(&self) -> &Report {
        self.ledger_report.get_or_init(|| report::build(self.plan(), self.ledger(), &self.options(Kind::Ledger)))
    }

    /// The unit with the most assignments (the operator who waits longest).
    pub fn busiest_unit(&self) -> usize {
        let plan = self.plan();
        let mut count = vec![0usize; plan.units.len()];
        for t in &plan.tasks {
            for a in &t.assignees {
                count[a.unit] += 1;
            }
        }
        (0..count.len()).max_by_key(|&u| (count[u], std::cmp::Reverse(u))).unwrap_or(0)
    }

    /// Criterion settings for this scale: few, flat samples (one iteration of extreme takes
    /// seconds).
    pub fn configure(&self, g: &mut BenchmarkGroup<WallTime>) {
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        let (warm, measure) = match self.scale {
            Scale::City => (1, 3),
            Scale::Province => (1, 4),
            Scale::Extreme => (1, 8),
        };
        g.warm_up_time(Duration::from_secs(warm)).measurement_time(Duration::from_secs(measure));
    }
}
