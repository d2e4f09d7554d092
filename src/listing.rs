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
            .assignments_of(unit)
            .into_iter()
            .map(|(t, role)| {
                let mut r = row(plan, t, Some(role), today);
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
    }
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

/// Lead and other units as one cell: "牵头：A；B、C等相关部门".
pub fn units_label(row: &Row, lang: Lang) -> String {
    let sep = lang.list_sep();
    let mut s = String::new();
    if !row.lead.is_empty() {
        s.push_str(&crate::tr!(lang, "牵头：{}", "lead: {}", row.lead.join(sep)));
        if !row.units.is_empty() {
            s.push_str(lang.pick("；", "; "));
        }
    }
    s.push_str(&row.units.join(sep));
    if let Some(o) = &row.others {
        s.push_str(o);
    }
    s
}
