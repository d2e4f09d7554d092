//! The assignment table (the ledger, a unit's report, a summary's assignments) and the
//! corrections sheet: columns, values, title rows, autofilter, and how they print (landscape,
//! the header row on every page).

use std::borrow::Cow;

use rust_xlsxwriter::XlsxError;

use super::page::{self, Page};
use super::{Cell, Grid, HEAD_ROW, Holds, LINE_PT, SHORT_CAP, TITLE_PT, col_num, subtitle};
use crate::Lang;
use crate::report::{Kind, RowRef, View, labels};

/// Assignment table columns: the heading key (see `labels::col`), the width cap in cells and
/// what the column holds (its format). Long text wraps in columns narrow enough that the
/// printed table stays readable one page wide.
const COLS: [(&str, usize, Holds); 22] = [
    ("task", SHORT_CAP, Holds::Text),
    ("section", 16, Holds::Text),
    ("topic", 14, Holds::Text),
    ("content", 26, Holds::Text),
    ("unit", 14, Holds::Text),
    ("role", SHORT_CAP, Holds::Text),
    ("deadline", 14, Holds::Text),
    ("due", SHORT_CAP, Holds::Date),
    ("days", SHORT_CAP, Holds::Days),
    ("status", 10, Holds::Text),
    ("percent", SHORT_CAP, Holds::Int),
    ("expected", SHORT_CAP, Holds::Int),
    ("bucket", SHORT_CAP, Holds::Text),
    ("light", SHORT_CAP, Holds::Light),
    ("note", 26, Holds::Text),
    ("problems", 16, Holds::Text),
    ("next", 16, Holds::Text),
    ("evidence", 20, Holds::Text),
    ("updated", SHORT_CAP, Holds::Time),
    ("in_period", SHORT_CAP, Holds::Text),
    ("by", SHORT_CAP, Holds::Text),
    ("record", 14, Holds::Text),
];

/// Columns folded away (a collapsed outline group: "+" above them shows them), so that the
/// table prints at a readable scale on one A4 page wide: the section (the topic says it), the
/// unit's role, the due date and the days left (the deadline and the light say them), the
/// expected percent and the bucket (the light says them), the evidence, whether updated this
/// period, who wrote the record and its number. They stay in the sheet, for filters and for
/// whoever unfolds them.
const FOLDED: [&str; 10] =
    ["section", "role", "due", "days", "expected", "bucket", "evidence", "in_period", "by", "record"];

/// The columns of a report's assignment table; a unit report leaves out the unit.
fn columns(kind: Kind) -> Vec<(&'static str, usize, Holds)> {
    COLS.iter().filter(|(k, ..)| kind != Kind::Unit || *k != "unit").copied().collect()
}

/// Whether a column of a report of this kind is folded away: a unit report shows its role
/// (牵头 / 责任 / 配合), which the ledger folds with the other columns of `FOLDED`.
fn folded(kind: Kind, key: &str) -> bool {
    FOLDED.contains(&key) && !(kind == Kind::Unit && key == "role")
}

/// Width caps of an assignment table's columns.
pub(super) fn cap(kind: Kind) -> impl Fn(usize) -> usize {
    let cols = columns(kind);
    move |c| cols.get(c).map_or(SHORT_CAP, |(_, cap, _)| *cap)
}

/// Writes the assignment table: title, subtitle, header, one row per assignment. The rows'
/// cells take their columns' formats; with no borders of their own (a column's border would run
/// down the whole sheet), the sheet prints its gridlines.
pub(super) fn table(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    let (h, kind) = (v.head(), v.head().kind);
    let title = labels::title(h, lang);
    let cols = columns(kind);
    let last = col_num(cols.len().saturating_sub(1));
    let end = HEAD_ROW + u32::try_from(v.row_count()).unwrap_or(u32::MAX - HEAD_ROW);
    if let Some(ws) = g.sheet() {
        ws.autofilter(HEAD_ROW, 0, end, last)?;
        page::setup(ws, Page { wide: true, head: HEAD_ROW, left: 1 }, &title, lang)?;
        ws.set_print_gridlines(true);
    }
    for (first, last) in runs(&cols, |key| folded(kind, key)) {
        g.fold(first, last)?;
    }
    let holds: Vec<Holds> = cols.iter().map(|(.., holds)| *holds).collect();
    g.columns(&holds, (HEAD_ROW + 1, end), lang)?;
    let st = g.st;
    g.merge(0, last, &title, &st.title, TITLE_PT)?;
    g.merge(1, last, &subtitle(v, lang), &st.subtitle, LINE_PT)?;
    let heads: Vec<&str> = cols.iter().map(|(k, ..)| labels::col(k, lang)).collect();
    g.head(HEAD_ROW, &heads)?;
    for (row, r) in (HEAD_ROW + 1..).zip(v.rows()) {
        for (c, (key, ..)) in cols.iter().enumerate() {
            g.put_plain(row, col_num(c), &cell(key, &r, lang))?;
        }
    }
    Ok(())
}

/// The runs of adjacent columns whose key is `picked`, as (first, last) column numbers.
fn runs(cols: &[(&str, usize, Holds)], picked: impl Fn(&str) -> bool) -> Vec<(u16, u16)> {
    let mut out: Vec<(u16, u16)> = Vec::new();
    for (c, (key, ..)) in cols.iter().enumerate() {
        let c = col_num(c);
        match out.last_mut() {
            _ if !picked(key) => {}
            Some((_, last)) if *last + 1 == c => *last = c,
            _ => out.push((c, c)),
        }
    }
    out
}

/// One assignment's value in a column.
fn cell<'r>(key: &str, r: &RowRef<'r>, lang: Lang) -> Cell<'r> {
    let opt = |s: Option<&'r str>| Cell::Text(Cow::Borrowed(s.unwrap_or_default()));
    let pct = |p: Option<u8>| p.map_or(Cell::Blank, |p| Cell::Int(p.into()));
    match key {
        "task" => Cell::Text(crate::report::cells::task_id(r)),
        "section" => Cell::owned(labels::section(r.section.unwrap_or(""), lang)),
        "topic" => opt(r.topic),
        "content" => Cell::text(r.content),
        "unit" => Cell::text(r.unit_name),
        "role" => Cell::text(r.role.label(lang)),
        "deadline" => opt(r.deadline),
        "due" => r.due.map_or(Cell::Blank, Cell::Date),
        "days" => r.days_left.map_or(Cell::Blank, Cell::Days),
        "status" => Cell::owned(labels::status_cell(r, lang)),
        "percent" => pct(r.percent),
        "expected" => pct(r.expected),
        "bucket" => Cell::text(labels::bucket(r.bucket, lang)),
        "light" => Cell::Light(labels::light(r.light, lang)),
        "note" => opt(r.note),
        "problems" => opt(r.problems),
        "next" => opt(r.next),
        "evidence" => Cell::owned(r.evidence.join("\n")),
        "updated" => r.updated_at.map_or(Cell::Blank, Cell::Time),
        "in_period" => Cell::text(labels::in_period(r, lang)),
        "by" => opt(r.by),
        "record" => opt(r.record),
        _ => Cell::Blank,
    }
}

/// A sheet of the report's shared text cells under `heading`: the corrections and withdrawals,
/// or a unit report's paragraphs from the document's body.
pub(super) fn text_sheet(
    g: &mut Grid,
    v: &dyn View,
    lang: Lang,
    heading: &str,
    grid: &crate::report::cells::Grid,
) -> Result<(), XlsxError> {
    if let Some(ws) = g.sheet() {
        let title = labels::title(v.head(), lang);
        page::setup(ws, Page { wide: true, head: 1, left: 0 }, &title, lang)?;
    }
    let st = g.st;
    g.merge(0, col_num(grid.heads.len().saturating_sub(1)), heading, &st.title, TITLE_PT)?;
    g.head(1, &grid.heads)?;
    for (r, line) in (2..).zip(grid.lines()) {
        for (c, text) in line.cells.iter().enumerate() {
            g.put(r, col_num(c), &Cell::text(text))?;
        }
    }
    Ok(())
}
