//! One unit's ledger file: parsing it (with line:col for every problem) and writing one
//! `[[update]]` record as TOML text to append.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use super::{LedgerError, Status, Update};
use crate::plan::diag::LineIndex;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    update: Vec<Spanned<RawUpdate>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUpdate {
    task: Spanned<String>,
    unit: Spanned<String>,
    at: Spanned<Datetime>,
    by: Option<String>,
    status: Spanned<String>,
    percent: Option<Spanned<i64>>,
    note: Option<String>,
    problems: Option<String>,
    next: Option<String>,
    #[serde(default)]
    evidence: Vec<String>,
}

/// Parses a unit file. `unit` is the unit id the file belongs to, when known: a record for any
/// other unit is an error.
pub fn parse(src: &str, path: &Path, unit: Option<&str>) -> Result<Vec<Update>, LedgerError> {
    let lines = LineIndex::new(src);
    let fail = |offset: Option<usize>, message: String| LedgerError::Parse {
        path: path.to_path_buf(),
        pos: offset.map(|o| lines.pos(o)),
        message,
    };
    let raw: RawFile = toml::from_str(src).map_err(|e| {
        let message = e.message().lines().next().unwrap_or_default().to_string();
        fail(e.span().map(|s| s.start), message)
    })?;
    let mut out = Vec::with_capacity(raw.update.len());
    for r in raw.update {
        let r = r.into_inner();
        let at_pos = r.at.span().start;
        let at = to_chrono(r.at.get_ref()).ok_or_else(|| {
            fail(
                Some(at_pos),
                format!(
                    "`at` needs a date, a time and an offset, e.g. 2022-06-01T09:30:00+08:00 (got {})",
                    r.at.get_ref()
                ),
            )
        })?;
        let status = Status::parse(r.status.get_ref())
            .ok_or_else(|| fail(Some(r.status.span().start), format!("unknown status \"{}\"", r.status.get_ref())))?;
        let percent =
            match r.percent {
                None => None,
                Some(p) => Some(u8::try_from(*p.get_ref()).ok().filter(|v| *v <= 100).ok_or_else(|| {
                    fail(Some(p.span().start), format!("percent {} is not within 0–100", p.get_ref()))
                })?),
            };
        if let Some(expected) = unit.filter(|u| r.unit.get_ref() != u) {
            return Err(LedgerError::WrongUnit {
                path: path.to_path_buf(),
                pos: Some(lines.pos(r.unit.span().start)),
                found: r.unit.get_ref().clone(),
                expected: expected.to_string(),
            });
        }
        out.push(Update {
            task: r.task.into_inner(),
            unit: r.unit.into_inner(),
            at,
            by: r.by,
            status,
            percent,
            note: r.note,
            problems: r.problems,
            next: r.next,
            evidence: r.evidence,
        });
    }
    Ok(out)
}

fn to_chrono(d: &Datetime) -> Option<DateTime<FixedOffset>> {
    d.offset?;
    d.time?;
    d.date?;
    DateTime::parse_from_rfc3339(&d.to_string()).ok()
}

#[derive(Serialize)]
struct OutFile<'a> {
    update: [OutUpdate<'a>; 1],
}

#[derive(Serialize)]
struct OutUpdate<'a> {
    task: &'a str,
    unit: &'a str,
    at: Datetime,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    percent: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problems: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [String],
}

/// One update as a `[[update]]` TOML record, ending with a newline.
pub fn record(u: &Update) -> Result<String, LedgerError> {
    let at: Datetime =
        u.at.to_rfc3339()
            .parse()
            .map_err(|_| LedgerError::Encode { message: format!("time {} cannot be written", u.at) })?;
    let out = OutFile {
        update: [OutUpdate {
            task: &u.task,
            unit: &u.unit,
            at,
            by: u.by.as_deref(),
            status: u.status.key(),
            percent: u.percent,
            note: u.note.as_deref(),
            problems: u.problems.as_deref(),
            next: u.next.as_deref(),
            evidence: &u.evidence,
        }],
    };
    toml::to_string(&out).map_err(|e| LedgerError::Encode { message: e.to_string() })
}

/// The comment a new unit file starts with.
pub fn header(unit_name: &str, plan_id: &str) -> String {
    format!(
        "# 工作台账 / progress ledger: {} — {}\n# 由 taizhang 追加写入；已有记录不改不删，更正请追加新记录。\n# Appended by taizhang; records are never changed or removed: a correction is a new record.\n",
        crate::text::sanitize(unit_name),
        crate::text::sanitize(plan_id)
    )
}
