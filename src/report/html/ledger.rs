//! The ledger (台账) in HTML: every assignment on one short line or two of landscape A4, with
//! the task's name, so that a printed page holds twenty rows or more.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::Col;
use super::cell::{deadline_short, escape, light, long, name, updated};
use super::layout::{LANDSCAPE, Size, Spec, em, lay, widest};
use super::table;
use super::unit::{light_em, status_em, task_em};
use crate::Lang;
use crate::plan::Role;
use crate::report::{Bucket, View, labels};

/// How many lines a task's name may take before it is cut.
const NAME_LINES: f32 = 2.0;
/// The widest a task's name column gets, in em (longer names wrap).
const NAME_EM: f32 = 14.0;
/// Places of the columns whose text wraps.
const NAME: usize = 1;
const DEADLINE: usize = 4;
const NOTE: usize = 9;
/// The extra weight of each line past two of a row.
const TALL: u32 = 2;
/// How full a line of wrapped text gets, on the average, before the next word moves down.
const FILL: f32 = 0.95;
/// Small print (`.sub`, 7.5 pt) against the table's 8.5 pt.
const SMALL: f32 = 7.5 / 8.5;
/// A record id's width in em of the table's font: monospace (0.6 em a character) at 7 pt,
/// against the half em `em` counts.
const RECORD: f32 = 1.2 * 7.0 / 8.5;

pub(super) fn render(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let cols = columns(v, lang);
    // Cells (half an em each) that fit in the name column's lines.
    let name_cells = cols.get(NAME).map_or(0.0, |c| LANDSCAPE.inner_em(c.1) * 2.0 * NAME_LINES) as usize;
    let rows = v.rows().map(|x| {
        vec![
            escape(&crate::report::cells::task_id(&x)),
            name(&x, name_cells),
            escape(x.unit_name),
            escape(x.role.label(lang)),
            deadline_short(&x, lang),
            escape(&labels::progress(&x, lang)),
            escape(labels::bucket(x.bucket, lang)),
            light(x.light, lang),
            updated(&x, lang),
            long(x.note),
            escape(x.by.unwrap_or_default()),
            escape(x.record.unwrap_or_default()),
        ]
    });
    table(h, &cols, rows)
}

/// What the layout needs to know of the rows: the widest short cells, in em, and how long
/// each row's wrapping texts are.
#[derive(Default)]
struct Measure {
    name: f32,
    deadline: f32,
    status: f32,
    by: f32,
    record: f32,
    rows: Vec<Texts>,
}

/// One row's wrapping texts, in em: its name, its deadline phrase, the lines of its progress;
/// and how many lines its fixed cells take (two for a time of update or days overdue).
struct Texts {
    name: f32,
    deadline: f32,
    note: Vec<f32>,
    lines: u8,
}

/// Reads the rows once to see how wide their cells are (the second read writes them).
fn measure(v: &dyn View, lang: Lang) -> Measure {
    let mut m = Measure::default();
    for x in v.rows() {
        let name = em(labels::name_of(&x).trim());
        let deadline = em(x.deadline.unwrap_or_default());
        m.name = m.name.max(name);
        m.deadline = m.deadline.max(deadline);
        if x.overdue {
            m.deadline = m.deadline.max(em(&labels::days(&x, lang)) * SMALL);
        }
        m.status = m.status.max(em(&labels::progress(&x, lang)));
        m.by = m.by.max(em(x.by.unwrap_or_default()));
        m.record = m.record.max(em(x.record.unwrap_or_default()));
        let note = x.note.map(|n| n.trim_end().lines().map(em).collect()).unwrap_or_default();
        let lines = if x.updated_at.is_some() || x.overdue { 2 } else { 1 };
        m.rows.push(Texts { name, deadline, note, lines });
    }
    m
}

/// The columns laid out: of the widths for the task's name from one line of the longest to
/// two, the one that makes the table shortest, rows of three lines or more counting extra
/// (the progress takes what the name leaves).
fn columns(v: &dyn View, lang: Lang) -> Vec<Col> {
    let m = measure(v, lang);
    let widest = m.name.clamp(4.0, NAME_EM);
    let mut best: Option<(u32, Vec<Col>)> = None;
    let mut name = widest;
    loop {
        let cols = lay(&specs(v, &m, name, lang), &LANDSCAPE);
        let lines = height(&m, &cols);
        if best.as_ref().is_none_or(|(b, _)| lines < *b) {
            best = Some((lines, cols));
        }
        name -= 0.5;
        if name < widest / NAME_LINES {
            break;
        }
    }
    best.map(|(_, cols)| cols).unwrap_or_else(|| lay(&specs(v, &m, widest, lang), &LANDSCAPE))
}

/// The lines the table's rows take with these columns, those past a row's second weighing more.
fn height(m: &Measure, cols: &[Col]) -> u32 {
    let inner = |i: usize| cols.get(i).map_or(1.0, |c| LANDSCAPE.inner_em(c.1) * FILL);
    let (name, deadline, note) = (inner(NAME), inner(DEADLINE), inner(NOTE));
    let wraps = |text: f32, width: f32| (text / width).ceil().max(1.0) as u32;
    m.rows
        .iter()
        .map(|r| {
            let note: u32 = r.note.iter().map(|l| wraps(*l, note)).sum();
            let name = wraps(r.name, name).min(NAME_LINES as u32);
            let lines = note.max(name).max(wraps(r.deadline, deadline)).max(u32::from(r.lines));
            // A third line costs more: two-line rows are what fit twenty to a page.
            lines + TALL * lines.saturating_sub(2)
        })
        .sum()
}

/// The columns: short ones as wide as their longest cell (up to a cap: longer text wraps), the
/// task's name `name` em wide, the progress taking the rest.
fn specs(v: &dyn View, m: &Measure, name: f32, lang: Lang) -> Vec<Spec> {
    let col = |k| labels::col(k, lang);
    let units = widest(v.summary().units.iter().map(|u| u.name.as_str())).clamp(2.0, 10.0);
    let roles = widest([Role::Lead, Role::Responsible, Role::Assist].map(|r| r.label(lang)));
    let buckets = [Bucket::Done, Bucket::Ahead, Bucket::OnTrack, Bucket::Behind, Bucket::Overdue];
    let dates = NaiveDate::from_ymd_opt(2022, 12, 31).map_or(7.0, |d| em(&labels::date(d, lang)));
    vec![
        (col("task"), Size::Fit(task_em(v)), "c"),
        (labels::task_name(lang), Size::Fit(name), ""),
        (col("unit"), Size::Fit(units), ""),
        (col("role"), Size::Fit(roles), "c"),
        (col("deadline"), Size::Fit(m.deadline.clamp(2.0, 7.0)), ""),
        (col("status"), Size::Fit(m.status.clamp(2.0, status_em(lang))), "c"),
        (col("bucket"), Size::Fit(widest(buckets.map(|b| labels::bucket(b, lang)))), "c"),
        (col("light"), Size::Fit(light_em(lang)), "c"),
        (col("updated"), Size::Fit(if m.record > 0.0 { dates } else { 2.0 }), "c"),
        (col("note"), Size::Flex(1), "long"),
        (col("by"), Size::Fit(m.by.clamp(1.0, 4.0)), "c"),
        (col("record"), Size::Fit(m.record * RECORD), "rec"),
    ]
}
