//! A unit's template as CSV, for offices whose software is not Excel or WPS: UTF-8 with a BOM,
//! a header row, one row per assignment, and — since a CSV cannot hide anything — the ids in
//! columns after the unit's (plan, its check, unit, period, row and prefill checks), which the
//! unit leaves as they are. Cells pass the formula guard of `crate::csvout`.

use super::Col;
use super::rows::{Template, heads};
use crate::csvout::Csv;

/// The template as CSV text (with the BOM).
pub fn csv(t: &Template) -> Result<Vec<u8>, super::ExchangeError> {
    let m = &t.meta;
    let lang = m.lang;
    let cols: Vec<Col> = Col::XLSX.iter().chain(&Col::CSV_IDS).copied().collect();
    let mut out = Csv::new();
    let fail = |e: csv::Error| super::ExchangeError::Write(e.to_string());
    out.row(heads(&cols, lang)).map_err(fail)?;
    let (period, made) = (m.period.to_string(), m.made.to_rfc3339());
    for r in &t.rows {
        let v = &r.values;
        let percent = v.percent.map(|p| p.to_string()).unwrap_or_default();
        let status = v.status.map(|s| s.label(lang)).unwrap_or_default();
        let mut cells: Vec<&str> = r.words.iter().map(String::as_str).collect();
        cells.extend([status, &percent, &v.note, &v.problems, &v.next, &v.evidence, "", "", &r.key]);
        cells
            .extend([&m.plan, &m.plan_mark, &m.unit, &period, &r.row_mark, &r.prefill_mark, &made].map(String::as_str));
        out.row(cells).map_err(fail)?;
    }
    out.into_inner().map_err(fail)
}
