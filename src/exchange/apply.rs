//! A filled template into records. Rows are matched by their assignment ids (never by where
//! they are); a row whose values are still the ones the template was prefilled with is left
//! alone; every other row becomes one record, dated by its 填报日期 and signed by its 填报人,
//! noting the file it came in. Everything wrong is gathered and named by its cell, and then the
//! whole file is refused; else its records go in through the ledger's batch append, all or none.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::read::{Filled, read};
use super::rows::{Values, norm, parse_key, plan_mark, words, words_mark};
use super::{Col, ExchangeError, Problem, What, cells};
use crate::ledger::{self, BatchError, Fate, LedgerError, Update, WriteOptions};
use crate::plan::Plan;

/// What merging a filled template did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// Unit id and name, and the period the template was for.
    pub unit: String,
    pub unit_name: String,
    pub period: String,
    /// The unit's ledger file.
    pub path: PathBuf,
    /// Each changed row: what became of it.
    pub outcomes: Vec<Outcome>,
    /// Rows left as they were prefilled.
    pub unchanged: usize,
    /// The plan's title is not the one the template was made with (the rows still matched).
    pub plan_changed: bool,
}

/// A changed row and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// 0-based row in the sheet.
    pub row: u32,
    pub fate: Fate,
}

impl Merged {
    /// Records written (or to be written).
    pub fn added(&self) -> impl Iterator<Item = &Update> {
        self.outcomes.iter().filter_map(|o| if let Fate::Added(u) = &o.fate { Some(&**u) } else { None })
    }

    /// Changed rows whose record was already in the ledger.
    pub fn already(&self) -> usize {
        self.outcomes.iter().filter(|o| o.fate == Fate::Already).count()
    }
}

/// Merges the filled template at `path` into the ledger in `dir`; with `dry_run`, only says
/// what it would record. A file with anything wrong is refused whole, every problem named.
pub fn merge(
    plan: &Plan,
    dir: &Path,
    path: &Path,
    opts: &WriteOptions,
    dry_run: bool,
) -> Result<Merged, ExchangeError> {
    let filled = read(path)?;
    let ids = &filled.ids;
    if ids.plan.is_empty() {
        return Err(ExchangeError::NotATemplate { path: path.into(), why: "编号栏是空的".into() });
    }
    if ids.plan != plan.meta.id {
        return Err(ExchangeError::OtherPlan {
            path: path.into(),
            found: ids.plan.clone(),
            expected: plan.meta.id.clone(),
        });
    }
    let unit = plan
        .unit_index(&ids.unit)
        .ok_or_else(|| ExchangeError::UnknownUnit { path: path.into(), unit: ids.unit.clone() })?;
    let source = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let mut rows = Rows { plan, filled: &filled, unit, opts, source, problems: Vec::new(), seen: HashMap::new() };
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for (n, cells) in &filled.rows {
        match rows.row(*n, cells) {
            Some(Some(u)) => changed.push((*n, u)),
            Some(None) => unchanged += 1,
            None => {}
        }
    }
    let sheet = filled.sheet.clone();
    let refused = |problems| ExchangeError::Cells { path: path.into(), sheet: sheet.clone(), problems };
    if !rows.problems.is_empty() {
        return Err(refused(rows.problems));
    }
    let (places, updates): (Vec<u32>, Vec<Update>) = changed.into_iter().unzip();
    let appended = ledger::append_batch(plan, dir, &ids.unit, updates, opts, dry_run).map_err(|e| match e {
        BatchError { index: Some(i), error } => match blame(&filled, places[i], error) {
            Ok(problem) => refused(vec![problem]),
            Err(error) => ExchangeError::Ledger { path: path.into(), error },
        },
        BatchError { error, .. } => ExchangeError::Ledger { path: path.into(), error },
    })?;
    let outcomes = places.into_iter().zip(appended.fates).map(|(row, fate)| Outcome { row, fate }).collect();
    Ok(Merged {
        unit: ids.unit.clone(),
        unit_name: plan.units[unit].name.clone(),
        period: ids.period.clone(),
        path: appended.path,
        outcomes,
        unchanged,
        plan_changed: !ids.plan_mark.is_empty() && ids.plan_mark != plan_mark(plan),
    })
}

/// The cell to name for a record the ledger refused as it wrote the batch (a first record
/// with nothing to say, when the ledger had none after all), if it is one a user can put right.
fn blame(f: &Filled, row: u32, error: LedgerError) -> Result<Problem, LedgerError> {
    let (col, what) = at_fault(error, "")?;
    Ok(Problem { col: f.col(col), row, what })
}

/// The column at fault, and why, for a record the ledger refuses; `typed` is the 填报日期 cell
/// as typed. An error no cell can put right is handed back.
fn at_fault(error: LedgerError, typed: &str) -> Result<(Col, What), LedgerError> {
    let given = |at: chrono::DateTime<chrono::FixedOffset>| {
        if typed.is_empty() { at.date_naive().to_string() } else { typed.to_string() }
    };
    Ok(match error {
        LedgerError::EmptyFirst { task } => (Col::Note, What::EmptyFirst { task }),
        LedgerError::DoneNotFull { percent } => (Col::Percent, What::DoneNotFull { percent }),
        LedgerError::UnknownTask { task, .. } | LedgerError::NotAssigned { task, .. } => {
            (Col::Number, What::TaskGone { task })
        }
        LedgerError::TooEarly { at, days, .. } => (Col::Date, What::EarlyDate { given: given(at), days }),
        LedgerError::Future { at, .. } => (Col::Date, What::FutureDate { given: given(at) }),
        other => return Err(other),
    })
}

/// The rows of one file being read, and what was wrong with them.
struct Rows<'a> {
    plan: &'a Plan,
    filled: &'a Filled,
    unit: usize,
    opts: &'a WriteOptions<'a>,
    source: Option<String>,
    problems: Vec<Problem>,
    /// Assignment id → the row it was first seen in.
    seen: HashMap<String, u32>,
}

impl Rows<'_> {
    /// One row: `None` for a blank row or one with problems (noted), `Some(None)` for a row left
    /// as prefilled, else its record.
    fn row(&mut self, n: u32, cells: &[String]) -> Option<Option<Update>> {
        let f = self.filled;
        let all = Col::PLAN.iter().chain(&Col::FILLED).chain([&Col::Key]);
        if all.clone().all(|c| f.cell(cells, *c).trim().is_empty()) {
            return None;
        }
        let before = self.problems.len();
        let key = f.cell(cells, Col::Key).trim();
        let task = self.assignment(n, key)?;
        self.plan_words(n, cells, &task);
        let values = self.values(n, cells);
        let prefill = f.ids.rows.get(key).map(|m| m.prefill_mark.as_str());
        let values = values.filter(|_| self.problems.len() == before)?;
        if Some(values.mark().as_str()) == prefill {
            return Some(None);
        }
        let first = prefill == Some(Values::default().mark().as_str());
        if first && [&values.note, &values.problems, &values.next, &values.evidence].iter().all(|t| t.is_empty()) {
            self.problem(n, Col::Note, What::EmptyFirst { task: task.clone() });
        }
        let update = self.record(n, cells, &task, values);
        update.filter(|_| self.problems.len() == before).map(Some)
    }

    fn problem(&mut self, row: u32, col: Col, what: What) {
        self.problems.push(Problem { col: self.filled.col(col), row, what });
    }

    /// The task of the row's assignment id, when the id is one of this template's.
    fn assignment(&mut self, n: u32, key: &str) -> Option<String> {
        let f = self.filled;
        if key.is_empty() {
            self.problem(n, Col::Number, What::NoKey);
            return None;
        }
        let Some((task, unit)) = parse_key(key) else {
            self.problem(n, Col::Number, What::UnknownRow { key: key.to_string() });
            return None;
        };
        if unit != f.ids.unit {
            let name = self.plan.unit_index(unit).map_or(unit, |i| self.plan.units[i].name.as_str());
            self.problem(n, Col::Number, What::OtherUnit { unit: name.to_string() });
            return None;
        }
        if !f.ids.rows.contains_key(key) {
            self.problem(n, Col::Number, What::UnknownRow { key: key.to_string() });
            return None;
        }
        if let Some(first) = self.seen.insert(key.to_string(), n) {
            self.seen.insert(key.to_string(), first);
            self.problem(n, Col::Number, What::Duplicate { first: first + 1 });
            return None;
        }
        Some(task.to_string())
    }

    /// Checks the row's plan words against the template's fingerprint of them; an edited one is
    /// named by comparing with the plan's words now.
    fn plan_words(&mut self, n: u32, cells: &[String], task: &str) {
        let (f, plan) = (self.filled, self.plan);
        let sheet: [String; 6] = Col::PLAN.map(|c| norm(f.cell(cells, c)));
        let assignee = plan.task(task).and_then(|t| t.assignees.iter().find(|a| a.unit == self.unit).map(|a| (t, a)));
        let Some((t, a)) = assignee else {
            self.problem(n, Col::Number, What::TaskGone { task: task.to_string() });
            return;
        };
        let marked = f.ids.rows.get(&super::rows::key(task, &f.ids.unit)).map(|m| m.row_mark.as_str());
        if marked == Some(words_mark(&sheet).as_str()) {
            return;
        }
        let now = words(plan, t, a, f.ids.lang);
        let differs = Col::PLAN.iter().zip(sheet.iter().zip(&now)).find(|(_, (s, w))| s != w);
        let (col, was) = match differs {
            Some((c, (_, w))) => (*c, w.clone()),
            None => (Col::Content, now[2].clone()),
        };
        self.problem(n, col, What::EditedPlan { head: col.head(f.ids.lang), was });
    }

    /// The values typed in (problems noted).
    fn values(&mut self, n: u32, cells: &[String]) -> Option<Values> {
        let f = self.filled;
        let status = cells::status(f.cell(cells, Col::Status)).map_err(|w| self.problem(n, Col::Status, w)).ok();
        let percent = cells::percent(f.cell(cells, Col::Percent)).map_err(|w| self.problem(n, Col::Percent, w)).ok();
        let text = |c: Col| norm(f.cell(cells, c));
        Some(Values {
            status: status?,
            percent: percent?,
            note: text(Col::Note),
            problems: text(Col::Problems),
            next: text(Col::Next),
            evidence: text(Col::Evidence),
        })
    }

    /// The record a changed row makes (problems noted).
    fn record(&mut self, n: u32, cells: &[String], task: &str, v: Values) -> Option<Update> {
        let f = self.filled;
        let clock = self.opts.clock;
        let Some(status) = v.status else {
            self.problem(n, Col::Status, What::NoStatus);
            return None;
        };
        let typed = f.cell(cells, Col::Date).trim().to_string();
        let at = match cells::date(&typed, clock.now, self.plan.meta.offset, f.ids.made) {
            Ok(at) => at.unwrap_or(clock.now),
            Err(w) => {
                self.problem(n, Col::Date, w);
                return None;
            }
        };
        let text = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        let u = Update {
            by: text(&norm(f.cell(cells, Col::By))),
            percent: v.percent,
            note: text(&v.note),
            problems: text(&v.problems),
            next: text(&v.next),
            evidence: v.evidence_items(),
            source: self.source.clone(),
            ..Update::new(task, &f.ids.unit, at, status)
        };
        // The ledger's own checks of a new record, each failure named by its cell (the plan's
        // and the date's both, not only the first). One no cell can put right is left to the
        // batch append, which refuses the file naming it.
        let before = self.problems.len();
        for checked in [ledger::validate(self.plan, &u).map(drop), ledger::dated(&u, &clock)] {
            if let Err(Ok((col, what))) = checked.map_err(|e| at_fault(e, &typed)) {
                self.problem(n, col, what);
            }
        }
        (self.problems.len() == before).then_some(u)
    }
}
