//! JSON reports with stable field names (documented in docs/report-json.md).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::{Buckets, Kind, PeriodInfo, PlanInfo, Report, Row, SectionLine, TaskLine, Totals, UnitInfo, UnitLine};

/// The JSON document: the report model with the summary's parts at the top level and the
/// overdue and completed lists as rows, not indices.
#[derive(Debug, Serialize)]
struct Doc<'a> {
    plan: &'a PlanInfo,
    kind: Kind,
    as_of: DateTime<FixedOffset>,
    as_of_date: NaiveDate,
    period: &'a PeriodInfo,
    unit: Option<&'a UnitInfo>,
    totals: &'a Totals,
    buckets: &'a Buckets,
    units: &'a [UnitLine],
    sections: &'a [SectionLine],
    tasks: &'a [TaskLine],
    overdue: Vec<&'a Row>,
    not_reported: &'a [String],
    completed: Vec<&'a Row>,
    rows: &'a [Row],
}

/// Renders a report as pretty-printed JSON.
pub fn render(r: &Report) -> Result<String, serde_json::Error> {
    let s = &r.summary;
    let pick = |idx: &[usize]| -> Vec<&Row> { idx.iter().filter_map(|&i| r.rows.get(i)).collect() };
    let doc = Doc {
        plan: &r.plan,
        kind: r.kind,
        as_of: r.as_of,
        as_of_date: r.as_of_date,
        period: &r.period,
        unit: r.unit.as_ref(),
        totals: &s.totals,
        buckets: &s.buckets,
        units: &s.units,
        sections: &s.sections,
        tasks: &s.tasks,
        overdue: pick(&s.overdue),
        not_reported: &s.not_reported,
        completed: pick(&s.completed),
        rows: &r.rows,
    };
    let mut out = serde_json::to_string_pretty(&doc)?;
    out.push('\n');
    Ok(out)
}
