//! One unit's ledger file: parsing it (with line:col for every problem and every record) and
//! writing its header and one `[[update]]` record as TOML text to append.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::{Datetime, Offset};

use super::{LedgerError, RecordKind, Status, Update, id};
use crate::plan::Position;
use crate::plan::diag::LineIndex;

mod lines;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    plan: Option<String>,
    unit: Option<Spanned<String>>,
    #[serde(default)]
    update: Vec<Spanned<RawUpdate>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUpdate {
    id: Option<Spanned<String>>,
    corrects: Option<Spanned<String>>,
    withdrawn: Option<Spanned<bool>>,
    unchanged: Option<Spanned<bool>>,
    task: Spanned<String>,
    unit: Spanned<String>,
    at: Spanned<Datetime>,
    recorded_at: Option<Spanned<Datetime>>,
    by: Option<String>,
    status: Spanned<String>,
    percent: Option<Spanned<i64>>,
    note: Option<String>,
    problems: Option<String>,
    next: Option<String>,
    #[serde(default)]
    evidence: Vec<String>,
    source: Option<String>,
}

/// A parsed unit file.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFile {
    /// The file, as it was named (shared by its records' positions).
    pub path: Arc<Path>,
    /// The plan id the file says it belongs to (files written before it was kept have none).
    pub plan: Option<String>,
    /// The unit id the file says it belongs to.
    pub unit: Option<String>,
    pub records: Vec<Update>,
    /// Where each record starts, one per record.
    pub positions: Vec<Position>,
}

impl ParsedFile {
    /// Records not read from a file (built by hand, or in tests).
    pub fn unnamed(records: Vec<Update>) -> ParsedFile {
        let positions = vec![Position { line: 0, col: 0 }; records.len()];
        ParsedFile { path: Arc::from(Path::new("")), plan: None, unit: None, records, positions }
    }
}

/// Parses a unit file. `unit` is the unit id the file belongs to, when known: a record (or a
/// header) for any other unit is an error.
pub fn parse(src: &str, path: &Path, unit: Option<&str>) -> Result<Vec<Update>, LedgerError> {
    Ok(parse_located(src, path, unit)?.records)
}

/// Parses a unit file, keeping where each record starts.
pub fn parse_located(src: &str, path: &Path, unit: Option<&str>) -> Result<ParsedFile, LedgerError> {
    let lines = LineIndex::new(src);
    let fail = |offset: usize, message: String| LedgerError::Parse {
        path: path.to_path_buf(),
        pos: Some(lines.pos(offset)),
        message,
    };
    let raw = match lines::raw_file(src) {
        Some(raw) => raw,
        None => toml::from_str::<RawFile>(src).map_err(|e| {
            let message = e.message().lines().next().unwrap_or_default().to_string();
            LedgerError::Parse { path: path.to_path_buf(), pos: e.span().map(|s| lines.pos(s.start)), message }
        })?,
    };
    let wrong_unit = |found: &Spanned<String>, expected: &str| LedgerError::WrongUnit {
        path: path.to_path_buf(),
        pos: Some(lines.pos(found.span().start)),
        found: found.get_ref().clone(),
        expected: expected.to_string(),
    };
    let file_unit = raw.unit.as_ref().map(|u| u.get_ref().clone());
    if let (Some(found), Some(expected)) = (&raw.unit, unit)
        && found.get_ref() != expected
    {
        return Err(wrong_unit(found, expected));
    }
    let mut records = Vec::with_capacity(raw.update.len());
    let mut positions = Vec::with_capacity(raw.update.len());
    for r in raw.update {
        let start = r.span().start;
        let r = r.into_inner();
        if let Some(expected) = unit.or(file_unit.as_deref()).filter(|u| r.unit.get_ref() != u) {
            return Err(wrong_unit(&r.unit, expected));
        }
        let update = convert(r, &fail)?;
        records.push(update);
        positions.push(lines.pos(start));
    }
    Ok(ParsedFile { path: Arc::from(path), plan: raw.plan, unit: file_unit, records, positions })
}

fn convert(r: RawUpdate, fail: &dyn Fn(usize, String) -> LedgerError) -> Result<Update, LedgerError> {
    let time = |d: &Spanned<Datetime>, field: &str| {
        to_chrono(d.get_ref()).ok_or_else(|| {
            fail(
                d.span().start,
                format!(
                    "`{field}` needs a date, a time and an offset, e.g. 2022-06-01T09:30:00+08:00 (got {})",
                    d.get_ref()
                ),
            )
        })
    };
    let at = time(&r.at, "at")?;
    let recorded_at = r.recorded_at.as_ref().map(|d| time(d, "recorded_at")).transpose()?;
    let status = Status::parse(r.status.get_ref())
        .ok_or_else(|| fail(r.status.span().start, format!("unknown status \"{}\"", r.status.get_ref())))?;
    let kind = kind(&r, fail)?;
    let percent = match r.percent {
        None => None,
        Some(p) => Some(
            u8::try_from(*p.get_ref())
                .ok()
                .filter(|v| *v <= 100)
                .ok_or_else(|| fail(p.span().start, format!("percent {} is not within 0–100", p.get_ref())))?,
        ),
    };
    let mut u = Update {
        id: String::new(),
        task: r.task.into_inner(),
        unit: r.unit.into_inner(),
        at,
        recorded_at,
        by: r.by,
        status,
        percent,
        note: r.note,
        problems: r.problems,
        next: r.next,
        evidence: r.evidence,
        kind,
        source: r.source,
    };
    u.id = match r.id {
        Some(i) if id::valid(i.get_ref()) => i.into_inner(),
        Some(i) => {
            return Err(fail(i.span().start, format!("record id {:?} is not 1–64 of 0-9 A-Z a-z - _", i.get_ref())));
        }
        None => id::derived(&u),
    };
    Ok(u)
}

/// The record's kind from `corrects`, `withdrawn` and `unchanged`.
fn kind(r: &RawUpdate, fail: &dyn Fn(usize, String) -> LedgerError) -> Result<RecordKind, LedgerError> {
    let flag = |f: &Option<Spanned<bool>>| f.as_ref().is_some_and(|b| *b.get_ref());
    let target = match &r.corrects {
        Some(t) if !id::valid(t.get_ref()) => {
            return Err(fail(t.span().start, format!("`corrects` names no record id: {:?}", t.get_ref())));
        }
        Some(t) => Some(t.get_ref().clone()),
        None => None,
    };
    match (target, flag(&r.withdrawn), flag(&r.unchanged)) {
        (None, false, false) => Ok(RecordKind::Progress),
        (None, false, true) => Ok(RecordKind::NoChange),
        (Some(of), false, false) => Ok(RecordKind::Correction { of }),
        (Some(of), true, false) => Ok(RecordKind::Withdrawal { of }),
        (None, true, _) => Err(fail(spanned_start(&r.withdrawn), "`withdrawn` needs `corrects`".into())),
        (Some(_), _, true) => Err(fail(spanned_start(&r.unchanged), "`unchanged` cannot correct a record".into())),
    }
}

fn spanned_start(f: &Option<Spanned<bool>>) -> usize {
    f.as_ref().map_or(0, |b| b.span().start)
}

/// A TOML offset date-time as chrono's, field by field (no text round trip); anything unusual
/// (a leap second, say) goes through RFC 3339 text as before.
fn to_chrono(d: &Datetime) -> Option<DateTime<FixedOffset>> {
    let (date, time, offset) = (d.date?, d.time?, d.offset?);
    let minutes = match offset {
        Offset::Z => 0,
        Offset::Custom { minutes } => i32::from(minutes),
    };
    let direct = FixedOffset::east_opt(minutes * 60).and_then(|off| {
        let day = NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))?;
        let t = day.and_hms_nano_opt(
            u32::from(time.hour),
            u32::from(time.minute),
            u32::from(time.second.unwrap_or(0)),
            time.nanosecond.unwrap_or(0),
        )?;
        off.from_local_datetime(&t).single()
    });
    direct.or_else(|| DateTime::parse_from_rfc3339(&d.to_string()).ok())
}

fn to_toml(t: DateTime<FixedOffset>) -> Result<Datetime, LedgerError> {
    t.to_rfc3339().parse().map_err(|_| LedgerError::Encode { message: format!("time {t} cannot be written") })
}

#[derive(Serialize)]
struct OutFile<'a> {
    update: [OutUpdate<'a>; 1],
}

#[derive(Serialize)]
struct OutUpdate<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    corrects: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    withdrawn: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unchanged: bool,
    task: &'a str,
    unit: &'a str,
    at: Datetime,
    #[serde(skip_serializing_if = "Option::is_none")]
    recorded_at: Option<Datetime>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

/// One update as a `[[update]]` TOML record, ending with a newline.
pub fn record(u: &Update) -> Result<String, LedgerError> {
    if !id::valid(&u.id) {
        return Err(LedgerError::Encode { message: format!("record id {:?} is not 1–64 of 0-9 A-Z a-z - _", u.id) });
    }
    let out = OutFile {
        update: [OutUpdate {
            id: &u.id,
            corrects: u.target(),
            withdrawn: matches!(u.kind, RecordKind::Withdrawal { .. }),
            unchanged: u.kind == RecordKind::NoChange,
            task: &u.task,
            unit: &u.unit,
            at: to_toml(u.at)?,
            recorded_at: u.recorded_at.map(to_toml).transpose()?,
            by: u.by.as_deref(),
            status: u.status.key(),
            percent: u.percent,
            note: u.note.as_deref(),
            problems: u.problems.as_deref(),
            next: u.next.as_deref(),
            evidence: &u.evidence,
            source: u.source.as_deref(),
        }],
    };
    toml::to_string(&out).map_err(|e| LedgerError::Encode { message: e.to_string() })
}

/// Appends records to a unit file's text as every append does: each after a blank line.
pub fn append_records(text: &mut String, records: &[Update]) -> Result<(), LedgerError> {
    for u in records {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&record(u)?);
    }
    Ok(())
}

/// The text a new unit file starts with: a comment, then the plan and unit it belongs to.
pub fn header(unit_name: &str, unit_id: &str, plan_id: &str) -> String {
    format!(
        "# 工作台账 / progress ledger: {} — {}\n# 由 taizhang 追加写入；已有记录不改不删，更正请追加新记录。\n# Appended by taizhang; records are never changed or removed: a correction is a new record.\nplan = \"{plan_id}\"\nunit = \"{unit_id}\"\n",
        crate::text::sanitize(unit_name),
        crate::text::sanitize(plan_id)
    )
}
