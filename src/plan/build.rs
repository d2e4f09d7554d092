//! Validation: turns the raw file into a resolved [`Plan`], collecting every error and warning
//! with its position instead of stopping at the first.

mod clauses;
mod scopes;
mod tasks;
mod units;

use std::path::Path;

use chrono::{FixedOffset, NaiveDate};
use toml::value::Datetime;

use super::Notice;
use super::diag::{Diagnostic, Inferred, LineIndex, Position, Problem};
use super::raw::{RawMeta, RawMetaInferred, RawNotice, RawPlan, S, Text};
use super::{Loaded, Meta, MetaInferred, Plan, PlanError};

/// Collects diagnostics while building.
struct Cx<'a> {
    lines: LineIndex<'a>,
    diags: Vec<Diagnostic>,
    /// Scratch for expanding a task's groups: each unit's place among the task's assignees,
    /// `usize::MAX` for none (see `tasks::expand`). As long as the plan has units; reset
    /// after each task.
    slots: Vec<usize>,
}

pub(super) fn build(src: &str, path: &Path) -> Result<Loaded, PlanError> {
    let invalid = |diagnostics| PlanError::Invalid { path: path.to_path_buf(), diagnostics };
    let raw: RawPlan = match super::plain::raw_plan(src) {
        Some(raw) => raw,
        None => toml::from_str(src).map_err(|e| invalid(vec![syntax(src, &e)]))?,
    };
    let mut cx = Cx { lines: LineIndex::new(src), diags: Vec::new(), slots: Vec::new() };
    let notice = raw.report.as_ref().map(|n| cx.notice(n.get_ref())).unwrap_or_default();
    let meta = cx.meta(raw.plan.as_ref()).map(|m| Meta { notice, ..m });
    let (units, groups, index) = cx.units(&raw.unit, &raw.group);
    let (mut scopes, covering) = cx.scopes(&raw.scope, &raw.task, &index);
    let tasks = cx.tasks(&raw.task, &index, &groups, &meta, (&scopes, &covering));
    for t in &tasks {
        for &(_, k) in &t.scoped {
            if scopes[k].tasks.last() != Some(&t.id) {
                scopes[k].tasks.push(t.id.clone());
            }
        }
    }
    cx.open_groups(&raw.group, &groups, &units, &tasks);
    if cx.diags.iter().any(Diagnostic::is_error) {
        cx.diags.sort_by_key(|d| (!d.is_error(), d.pos));
        return Err(invalid(cx.diags));
    }
    let Some(meta) = meta else {
        return Err(invalid(cx.diags));
    };
    let mut plan = Plan {
        path: path.to_path_buf(),
        meta,
        units,
        groups,
        tasks,
        scopes,
        index,
        task_ids: Default::default(),
        unit_ids: Default::default(),
    };
    plan.index_ids();
    Ok(Loaded { plan, warnings: cx.diags })
}

fn syntax(src: &str, e: &toml::de::Error) -> Diagnostic {
    let pos = e.span().map(|s| Position::at(src, s.start));
    let message = e.message().lines().next().unwrap_or_default().to_string();
    Diagnostic::error(pos, Problem::Syntax { message })
}

/// Unit ids name ledger files, so they are kept to a safe ASCII alphabet.
pub fn valid_unit_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !id.starts_with(['-', '_'])
}

impl Cx<'_> {
    fn pos(&self, offset: usize) -> Option<Position> {
        Some(self.lines.pos(offset))
    }

    fn err(&mut self, offset: usize, problem: Problem) {
        self.diags.push(Diagnostic::error(self.pos(offset), problem));
    }

    fn warn(&mut self, offset: usize, problem: Problem) {
        self.diags.push(Diagnostic::warning(self.pos(offset), problem));
    }

    fn note(&mut self, offset: usize, problem: Problem) {
        self.diags.push(Diagnostic::note(self.pos(offset), problem));
    }

    /// A required text field: reports it missing (at the table) or empty (at the value).
    fn required(&mut self, field: &Text, table: &'static str, name: &'static str, at: usize) -> Option<String> {
        match field {
            None => {
                self.err(at, Problem::Missing { table, field: name });
                None
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                self.err(v.span().start, Problem::EmptyText { field: name });
                None
            }
            Some(v) => Some(v.get_ref().clone()),
        }
    }

    fn date(&mut self, value: &S<Datetime>, field: &'static str) -> Option<NaiveDate> {
        let d = value.get_ref();
        let date = match (d.date, d.time, d.offset) {
            (Some(date), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
            }
            _ => None,
        };
        if date.is_none() {
            self.err(value.span().start, Problem::BadDate { field, value: d.to_string() });
        }
        date
    }

    fn meta(&mut self, raw: Option<&S<RawMeta>>) -> Option<Meta> {
        let Some(raw) = raw else {
            self.diags.push(Diagnostic::error(None, Problem::Missing { table: "plan", field: "[plan]" }));
            return None;
        };
        let at = raw.span().start;
        let m = raw.get_ref();
        let id = self.required(&m.id, "plan", "id", at);
        if let Some(v) = m.id.as_ref().filter(|v| !valid_plan_id(v.get_ref())) {
            self.err(v.span().start, Problem::BadId { what: "plan", value: v.get_ref().clone() });
        }
        let title = self.required(&m.title, "plan", "title", at);
        let issuer = self.required(&m.issuer, "plan", "issuer", at);
        let issued = m.issued.as_ref().and_then(|d| self.date(d, "issued"));
        let year = self.year(m.year.as_ref(), at);
        let report_dates = self.report_dates(m.report_dates.as_deref(), year, issued);
        let offset = self.offset(&m.timezone);
        Some(Meta {
            id: id?,
            title: title?,
            issuer: issuer?,
            doc_no: opt(&m.doc_no),
            issued,
            year: year?,
            default_report_dates: m.report_dates.as_ref().is_none_or(Vec::is_empty),
            report_dates: report_dates?,
            offset: offset?,
            source: opt(&m.source),
            notice: Notice::default(),
            inferred: m.inferred.as_ref().map(|i| self.meta_inferred(i)).unwrap_or_default(),
        })
    }

    /// `[plan.inferred]`, each field noted.
    fn meta_inferred(&mut self, raw: &S<RawMetaInferred>) -> MetaInferred {
        let i = raw.get_ref();
        let out = MetaInferred {
            title: opt(&i.title),
            issuer: opt(&i.issuer),
            doc_no: opt(&i.doc_no),
            issued: opt(&i.issued),
            year: opt(&i.year),
            report_dates: opt(&i.report_dates),
        };
        for (key, reason) in out.fields() {
            let problem = Problem::Inferred { what: Inferred::Meta(key), reason: reason.to_string() };
            self.diags.push(Diagnostic::note(self.pos(raw.span().start), problem));
        }
        out
    }

    /// The `[report]` table.
    fn notice(&mut self, n: &RawNotice) -> Notice {
        Notice {
            title: opt(&n.title),
            number: opt(&n.number),
            office: opt(&n.office),
            signer: opt(&n.signer),
            date: n.date.as_ref().and_then(|d| self.date(d, "date")),
        }
    }

    fn year(&mut self, raw: Option<&S<i64>>, at: usize) -> Option<i32> {
        let Some(y) = raw else {
            self.err(at, Problem::Missing { table: "plan", field: "year" });
            return None;
        };
        let value = *y.get_ref();
        if !(2000..=2100).contains(&value) {
            self.err(y.span().start, Problem::BadYear { value });
            return None;
        }
        i32::try_from(value).ok()
    }

    /// The file's report dates, or the defaults (6月10日, 9月10日, 12月10日) that fall on or
    /// after the issue date (a plan issued on 6月14日 first reports on 9月10日).
    fn report_dates(
        &mut self,
        raw: Option<&[S<Datetime>]>,
        year: Option<i32>,
        issued: Option<NaiveDate>,
    ) -> Option<Vec<NaiveDate>> {
        let raw = raw.unwrap_or_default();
        if raw.is_empty() {
            let y = year?;
            let all: Vec<NaiveDate> = [6, 9, 12].iter().filter_map(|&m| NaiveDate::from_ymd_opt(y, m, 10)).collect();
            let kept: Vec<NaiveDate> = all.iter().copied().filter(|d| issued.is_none_or(|i| *d >= i)).collect();
            return Some(if kept.is_empty() { all.last().copied().into_iter().collect() } else { kept });
        }
        let mut dates = Vec::new();
        for value in raw {
            let date = self.date(value, "report_dates")?;
            if dates.last().is_some_and(|last| *last >= date) {
                self.err(value.span().start, Problem::ReportDatesOrder);
                return None;
            }
            dates.push(date);
        }
        Some(dates)
    }

    fn offset(&mut self, raw: &Text) -> Option<FixedOffset> {
        let Some(v) = raw else {
            return FixedOffset::east_opt(8 * 3600);
        };
        let parsed = v.get_ref().trim().parse::<FixedOffset>().ok();
        if parsed.is_none() {
            self.err(v.span().start, Problem::BadTimezone { value: v.get_ref().clone() });
        }
        parsed
    }
}

fn opt(t: &Text) -> Option<String> {
    t.as_ref().map(|v| v.get_ref().clone()).filter(|s| !s.trim().is_empty())
}

fn valid_plan_id(id: &str) -> bool {
    valid_unit_id(id) && !id.contains('_')
}
