//! Synthetic workloads for anyone evaluating taizhang (`taizhang gen`): a plan in the style of
//! the seed plans (sections, topics, lead and responsible units, groups, every deadline kind)
//! and a ledger of about four records per assignment over the plan year, written with the
//! ledger's own serialisation, so the files are what `taizhang mark` writes. The same scale and
//! seed give the same files, byte for byte.

mod compose;
mod deadlines;
mod error;
mod notes;
mod plan;
mod records;
mod rng;
mod story;
mod topics;
mod words;
mod write;

use std::path::{Path, PathBuf};

pub use error::GenError;

/// The plan year of every generated workload: a whole year in the past, so that every record
/// is dated before the real clock and all three report dates have passed.
pub const YEAR: i32 = 2025;

/// How big a workload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// 50 tasks × 30 units, every unit on every task: 1,500 assignments, 6,000 records.
    City,
    /// 300 tasks × 100 units, about 20 units a task: 6,000 assignments, 24,000 records.
    Province,
    /// 1,000 tasks × 500 units, about 50 units a task: 50,000 assignments, 200,000 records.
    Extreme,
}

/// The shape of a scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub tasks: usize,
    /// Departments (市…局 / 省…厅), then the local governments: cities (设区市) and counties.
    pub depts: usize,
    pub cities: usize,
    pub counties: usize,
    /// Units on each task on average; `None`: every unit on every task.
    pub per_task: Option<usize>,
    /// How far a task's unit count strays from the average (each task paired with one that
    /// strays the other way, so the total is exact).
    pub spread: usize,
    /// Records per assignment on average (2–6, paired the same way).
    pub records_per_assignment: usize,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::City, Scale::Province, Scale::Extreme];

    pub fn name(self) -> &'static str {
        match self {
            Scale::City => "city",
            Scale::Province => "province",
            Scale::Extreme => "extreme",
        }
    }

    pub fn spec(self) -> Spec {
        let s = |tasks, depts, cities, counties, per_task, spread| Spec {
            tasks,
            depts,
            cities,
            counties,
            per_task,
            spread,
            records_per_assignment: 4,
        };
        match self {
            Scale::City => s(50, 26, 0, 4, None, 0),
            Scale::Province => s(300, 60, 10, 30, Some(20), 8),
            Scale::Extreme => s(1000, 80, 20, 400, Some(50), 20),
        }
    }

    /// The generated plan's id (and so its file name and ledger directory).
    pub fn plan_id(self) -> String {
        format!("{}-{YEAR}", self.name())
    }
}

impl Spec {
    pub fn units(&self) -> usize {
        self.depts + self.cities + self.counties
    }

    pub fn assignments(&self) -> usize {
        self.tasks * self.per_task.unwrap_or(self.units())
    }

    pub fn records(&self) -> usize {
        self.assignments() * self.records_per_assignment
    }
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub plan: PathBuf,
    pub ledger: PathBuf,
    pub tasks: usize,
    pub units: usize,
    pub groups: usize,
    pub assignments: usize,
    pub records: usize,
}

/// Writes `OUT/<plan id>.toml` and its ledger `OUT/<plan id>.progress/<unit id>.toml`.
/// An existing plan file, or a ledger directory with anything in it, is refused unless `force`
/// (which replaces both).
pub fn generate(scale: Scale, seed: u64, out: &Path, force: bool) -> Result<Generated, GenError> {
    let id = scale.plan_id();
    let plan_path = out.join(format!("{id}.toml"));
    let ledger_dir = out.join(format!("{id}.progress"));
    if !force {
        write::refuse_existing(&plan_path, &ledger_dir)?;
    }
    let made = plan::make(scale, seed);
    let loaded = crate::Plan::parse(&made.text, &plan_path)
        .map_err(|e| GenError::Invalid { message: e.render(crate::Lang::En) })?;
    let plan = loaded.plan;
    if let Some(w) = loaded.warnings.first() {
        return Err(GenError::Invalid { message: w.render(&plan_path.display().to_string(), crate::Lang::En) });
    }
    let ctx = records::Context::new(&plan, &made, seed);
    let records = write::all(out, &plan_path, &ledger_dir, &made.text, &ctx, force)?;
    Ok(Generated {
        plan: plan_path,
        ledger: ledger_dir,
        tasks: plan.tasks.len(),
        units: plan.units.len(),
        groups: plan.groups.len(),
        assignments: plan.tasks.iter().map(|t| t.assignees.len()).sum(),
        records,
    })
}

#[cfg(test)]
#[path = "gen/tests.rs"]
mod tests;
