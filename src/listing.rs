//! The task listing behind `taizhang tasks`: one model (every task, or one unit's
//! assignments) and one renderer per format (txt, csv, json).

mod csv;
mod json;
mod txt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::Lang;
use crate::ledger::{Ledger, Status};
use crate::plan::{Cycle, Deadline, Plan, Role, Task};

pub use self::csv::render as render_csv;
pub use self::json::render as render_json;
pub use self::txt::render as render_txt;

/// One row: a task, or one unit's share of it.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub section: Option<String>,
    pub topic: Option<String>,
    pub content: String,
    /// The document body's paragraph(s) behind the task (the plan's `body`), verbatim.
    pub body: Option<String>,
    pub lead: Vec<String>,
    pub units: Vec<String>,
    /// Assisting (配合) units and groups, as the plan names them.
    pub assist: Vec<String>,
    pub others: Option<String>,
    /// The listed unit's role (unit listings only).
    pub role: Option<Role>,
    /// The deadline phrase, verbatim.
    pub deadline: Option<String>,
    /// Kind of deadline: dated, year_long, continuous, recurring, event_driven, after_issue,
    /// unspecified, unrecognised.
    pub deadline_kind: &'static str,
    #[serde(skip)]
    pub deadline_value: Deadline,
    pub due: Option<NaiveDate>,
    /// Days from today to the due date; negative when it has passed.
    pub days_left: Option<i64>,
    /// Unit listings with a ledger: the assignment's latest status (null: nothing recorded).
    pub status: Option<Status>,
    pub percent: Option<u8>,
    /// When the latest update was recorded.
    pub updated: Option<DateTime<FixedOffset>>,
    /// Task listings with a ledger: how many of the task's units are done (or n/a).
    pub done_units: Option<usize>,
    /// How many reporting units the task has.
    pub total_units: usize,
    /// Deadlines that bind only some of the task's units (task listings).
    pub clauses: Vec<ClauseRow>,
    /// Units a scope rule gives the task (not named in its own row), with the rule's words.
    pub scopes: Vec<ScopeRow>,
    /// Unit listings: the part of the task's text the unit's deadline clause belongs to.
    pub deadline_for: Option<String>,
    /// Why the plan sets the task's units (or, in a unit listing, this unit's assignment or the
    /// clause binding it) when the document does not state them.
    pub inferred: Option<String>,
    /// Every reporting unit of the task (groups expanded) with its role.
    pub assignees: Vec<Assigned>,
}

/// Units a scope rule (`[[scope]]`) gives a task, with the document's words.
#[derive(Debug, Clone, Serialize)]
pub struct ScopeRow {
    pub text: String,
    pub units: Vec<String>,
    /// The role the rule gives them.
    pub role: Role,
}

/// A deadline clause as listed: its phrase, due date, the units it binds and the part of the
/// text it belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct ClauseRow {
    pub deadline: Option<String>,
    pub due: Option<NaiveDate>,
    pub units: Vec<String>,
    pub text: Option<String>,
    pub inferred: Option<String>,
}

/// One reporting unit of a task and its role (牵头 / 责任 / 配合).
#[derive(Debug, Clone, Serialize)]
pub struct Assigned {
    /// The unit's id.
    pub unit: String,
    pub name: String,
    pub role: Role,
}

/// A listing of a plan's tasks as of `today`.
#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    pub plan: String,
    pub title: String,
    pub today: NaiveDate,
    /// The unit whose assignments these are, if any.
    pub unit: Option<String>,
    /// True when a ledger was read, so statuses are shown.
    pub has_ledger: bool,
    pub tasks: Vec<Row>,
}

impl Listing {
    /// Every task of the plan, with how many units are done (as of `now`) when there is a
    /// ledger.
    pub fn all(plan: &Plan, ledger: Option<&Ledger>, now: DateTime<FixedOffset>) -> Listing {
        let today = crate::clock::local_date(now, plan.meta.offset);
        let tasks = plan
            .tasks
            .iter()
            .map(|t| {
                let mut r = row(plan, t, None, today);
                r.done_units = ledger.map(|l| {
                    let closed = |a: &&crate::plan::Assignee| {
                        l.as_of(&t.id, &plan.units[a.unit].id, now).is_some_and(|u| u.status.is_closed())
                    };
                    t.assignees.iter().filter(closed).count()
                });
                r
            })
            .collect();
        Listing::new(plan, today, None, ledger.is_some(), tasks)
    }

    /// The tasks of one reporting unit (index into `plan.units`), with their status as of
    /// `now` when there is a ledger.
    pub fn of_unit(plan: &Plan, unit: usize, ledger: Option<&Ledger>, now: DateTime<FixedOffset>) -> Listing {
        let today = crate::clock::local_date(now, plan.meta.offset);
        let unit_id = plan.units.get(unit).map(|u| u.id.as_str()).unwrap_or_default();
        let tasks = plan
            .tasks
            .iter()
            .filter_map(|t| t.assignees.iter().find(|a| a.unit == unit).map(|a| (t, a)))
            .map(|(t, a)| {
                let mut r = row(plan, t, Some(a.role), today);
                let terms = t.terms(a);
                r.deadline = terms.phrase.map(str::to_string);
                r.deadline_kind = terms.deadline.kind();
                r.deadline_value = terms.deadline.clone();
                r.due = plan.due_of(t, a);
                r.days_left = r.due.map(|d| (d - today).num_days());
                r.clauses.clear();
                r.deadline_for = terms.clause.and_then(|c| c.text.clone());
                r.inferred = plan
                    .inferred(t, a)
                    .or_else(|| terms.clause.and_then(|c| c.inferred.as_deref()))
                    .map(str::to_string);
                if let Some(latest) = ledger.and_then(|l| l.as_of(&t.id, unit_id, now)) {
                    r.status = Some(latest.status);
                    r.percent = latest.percent;
                    r.updated = Some(latest.at);
                }
                r
            })
            .collect();
        let name = plan.units.get(unit).map(|u| u.name.clone());
        Listing::new(plan, today, name, ledger.is_some(), tasks)
    }

    fn new(plan: &Plan, today: NaiveDate, unit: Option<String>, has_ledger: bool, tasks: Vec<Row>) -> Listing {
        Listing { plan: plan.meta.id.clone(), title: plan.meta.title.clone(), today, unit, has_ledger, tasks }
    }
}

fn row(plan: &Plan, t: &Task, role: Option<Role>, today: NaiveDate) -> Row {
    let names = |ts: &[crate::plan::Target]| ts.iter().map(|&x| plan.target_name(x).to_string()).collect();
    let due = plan.due(t);
    Row {
        id: t.id.clone(),
        section: t.section.clone(),
        topic: t.topic.clone(),
        content: t.content.clone(),
        body: t.body.clone(),
        lead: names(&t.lead),
        units: names(&t.units),
        assist: names(&t.assist),
        others: t.others.clone(),
        role,
        deadline: t.deadline_text.clone(),
        deadline_kind: t.deadline.kind(),
        deadline_value: t.deadline.clone(),
        due,
        days_left: due.map(|d| (d - today).num_days()),
        status: None,
        percent: None,
        updated: None,
        done_units: None,
        total_units: t.assignees.len(),
        clauses: t
            .clauses
            .iter()
            .map(|c| ClauseRow {
                deadline: c.deadline_text.clone(),
                due: c.due_override.or_else(|| c.deadline.due(plan.meta.issued)),
                units: names(&c.units),
                text: c.text.clone(),
                inferred: c.inferred.clone(),
            })
            .collect(),
        deadline_for: None,
        inferred: t.inferred.clone(),
        scopes: scope_rows(plan, t),
        assignees: t
            .assignees
            .iter()
            .map(|a| {
                let u = &plan.units[a.unit];
                Assigned { unit: u.id.clone(), name: u.name.clone(), role: a.role }
            })
            .collect(),
    }
}

/// The task's units from scope rules, one row per rule.
fn scope_rows(plan: &Plan, t: &Task) -> Vec<ScopeRow> {
    let mut out: Vec<(usize, ScopeRow)> = Vec::new();
    for &(target, k) in &t.scoped {
        let name = plan.target_name(target).to_string();
        match out.iter_mut().find(|(r, _)| *r == k) {
            Some((_, row)) => row.units.push(name),
            None => {
                let s = &plan.scopes[k];
                out.push((k, ScopeRow { text: s.text.clone(), units: vec![name], role: s.role }));
            }
        }
    }
    out.into_iter().map(|(_, r)| r).collect()
}

/// The deadline column: the phrase, then each clause's phrase with the units it binds
/// ("2022年底前（市直相关单位）"); "—" when there is none.
pub fn deadline_label(row: &Row, lang: Lang) -> String {
    let mut parts: Vec<String> = row.deadline.iter().cloned().collect();
    for c in &row.clauses {
        let phrase = c.deadline.clone().or_else(|| c.due.map(|d| d.to_string())).unwrap_or_default();
        parts.push(crate::tr!(lang, "{phrase}（{}）", "{phrase} ({})", c.units.join(lang.list_sep())));
    }
    if parts.is_empty() { "—".to_string() } else { parts.join(lang.pick("；", "; ")) }
}

/// "推进中 60%", "未填报" (nothing recorded), or "3/27" for a task's units.
pub fn progress_label(row: &Row, lang: Lang) -> String {
    if let Some(done) = row.done_units {
        return format!("{done}/{}", row.total_units);
    }
    match (row.status, row.percent) {
        (Some(s), Some(p)) => format!("{} {p}%", s.label(lang)),
        (Some(s), None) => s.label(lang).to_string(),
        (None, _) => lang.pick("未填报", "no update").to_string(),
    }
}

/// A short label for when a task is due: its date, or what kind of duty it is.
pub fn due_label(row: &Row, lang: Lang) -> String {
    if let Some(d) = row.due {
        return d.to_string();
    }
    let s = match &row.deadline_value {
        Deadline::Unspecified if !row.clauses.is_empty() => lang.pick("见时限条款", "per clause"),
        Deadline::Continuous => lang.pick("持续推进", "ongoing"),
        Deadline::Recurring { cycle } => cycle_label(*cycle, lang),
        Deadline::EventDriven => lang.pick("按政策时限", "as events require"),
        Deadline::AfterIssue { .. } => lang.pick("印发后（日期未知）", "after issue (date unknown)"),
        Deadline::Unrecognised => lang.pick("未识别", "not understood"),
        _ => lang.pick("未明确", "none given"),
    };
    s.to_string()
}

/// "还剩 12 天" / "逾期 3 天" / "今天到期" for dated rows; empty otherwise.
pub fn days_label(row: &Row, lang: Lang) -> String {
    match row.days_left {
        Some(0) => lang.pick("今天到期", "due today").to_string(),
        Some(n) if n > 0 => crate::tr!(lang, "还剩 {n} 天", "{n} days left"),
        Some(n) => crate::tr!(lang, "已过 {} 天", "{} days past", -n),
        None => String::new(),
    }
}

fn cycle_label(c: Cycle, lang: Lang) -> &'static str {
    match c {
        Cycle::Realtime => lang.pick("实时更新", "keep current"),
        Cycle::Weekly => lang.pick("每周更新", "weekly"),
        Cycle::Monthly => lang.pick("每月更新", "monthly"),
        Cycle::Quarterly => lang.pick("每季度更新", "quarterly"),
        Cycle::HalfYearly => lang.pick("每半年", "half-yearly"),
        Cycle::Yearly => lang.pick("每年", "yearly"),
    }
}

/// Lead, other and assisting units as one cell: "牵头：A；B、C等相关部门；配合：D".
pub fn units_label(row: &Row, lang: Lang) -> String {
    let sep = lang.list_sep();
    let mut parts: Vec<String> = Vec::new();
    if !row.lead.is_empty() {
        parts.push(crate::tr!(lang, "牵头：{}", "lead: {}", row.lead.join(sep)));
    }
    let mut units = row.units.join(sep);
    if let Some(o) = &row.others {
        units.push_str(o);
    }
    if !units.is_empty() {
        parts.push(units);
    }
    if !row.assist.is_empty() {
        parts.push(crate::tr!(lang, "配合：{}", "assist: {}", row.assist.join(sep)));
    }
    for r in &row.scopes {
        let role = match r.role {
            Role::Responsible => String::new(),
            other => format!("{}{}", lang.pick("，", ", "), other.label(lang)),
        };
        parts.push(crate::tr!(lang, "{}（范围规定{role}）", "{} (scope rule{role})", r.units.join(sep)));
    }
    parts.join(lang.pick("；", "; "))
}
