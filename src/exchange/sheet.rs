//! The ids a template carries, so that a filled one says what it is: the plan (id and a
//! fingerprint of its title), the unit, the period and the language, then for every assignment
//! its id, task, and fingerprints of its plan words and of the values prefilled. An XLSX keeps
//! them on a very hidden sheet (written and read here); a CSV in columns after the unit's.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::rows::Template;
use super::{MARKER, VERSION};
use crate::Lang;

/// What a filled template says it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ids {
    pub plan: String,
    pub plan_mark: String,
    pub unit: String,
    pub period: String,
    pub lang: Lang,
    /// The sheet the unit fills in (XLSX).
    pub sheet: Option<String>,
    /// When the template was made.
    pub made: Option<DateTime<FixedOffset>>,
    /// Assignment id → its marks.
    pub rows: HashMap<String, RowIds>,
}

/// One assignment's marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIds {
    pub row_mark: String,
    pub prefill_mark: String,
}

/// The header of the hidden sheet's table of rows.
const ROWS_HEAD: [&str; 4] = ["key", "task", "row_check", "prefill_check"];

/// Writes the hidden sheet's ids.
pub(super) fn write_hidden(ws: &mut Worksheet, t: &Template) -> Result<(), XlsxError> {
    let m = &t.meta;
    let lang = lang_code(m.lang);
    let (period, due, made) = (m.period.to_string(), m.due.to_string(), m.made.to_rfc3339());
    let pairs: [(&str, &str); 11] = [
        (MARKER, VERSION),
        ("plan", &m.plan),
        ("plan_title", &m.plan_title),
        ("plan_check", &m.plan_mark),
        ("unit", &m.unit),
        ("unit_name", &m.unit_name),
        ("period", &period),
        ("due", &due),
        ("lang", lang),
        ("sheet", super::template::sheet_name(m.lang)),
        ("made", &made),
    ];
    for (r, (k, v)) in pairs.iter().enumerate() {
        ws.write_string(row(r), 0, *k)?;
        ws.write_string(row(r), 1, *v)?;
    }
    let head = row(pairs.len() + 1);
    for (c, h) in ROWS_HEAD.iter().enumerate() {
        ws.write_string(head, c as u16, *h)?;
    }
    for (i, r) in t.rows.iter().enumerate() {
        let at = head + 1 + row(i);
        for (c, v) in [&r.key, &r.task, &r.row_mark, &r.prefill_mark].iter().enumerate() {
            ws.write_string(at, c as u16, v.as_str())?;
        }
    }
    Ok(())
}

/// The ids on a hidden sheet read back (rows of cell text); `None` when it is not one.
pub(super) fn read_hidden(rows: &[Vec<String>]) -> Option<Ids> {
    let cell = |r: &Vec<String>, c: usize| r.get(c).map(|s| s.trim().to_string()).unwrap_or_default();
    if cell(rows.first()?, 0) != MARKER {
        return None;
    }
    let mut ids = Ids::default();
    let mut lines = rows.iter();
    for r in lines.by_ref() {
        let value = cell(r, 1);
        match cell(r, 0).as_str() {
            "plan" => ids.plan = value,
            "plan_check" => ids.plan_mark = value,
            "unit" => ids.unit = value,
            "period" => ids.period = value,
            "lang" => ids.lang = lang_of(&value),
            "sheet" => ids.sheet = Some(value),
            "made" => ids.made = DateTime::parse_from_rfc3339(&value).ok(),
            "key" => break,
            _ => {}
        }
    }
    for r in lines {
        let key = cell(r, 0);
        if !key.is_empty() {
            ids.rows.insert(key, RowIds { row_mark: cell(r, 2), prefill_mark: cell(r, 3) });
        }
    }
    Some(ids)
}

/// "zh" / "en".
pub(super) fn lang_code(lang: Lang) -> &'static str {
    lang.pick("zh", "en")
}

pub(super) fn lang_of(code: &str) -> Lang {
    if code == "en" { Lang::En } else { Lang::Zh }
}

fn row(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
