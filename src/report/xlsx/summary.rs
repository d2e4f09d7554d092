//! The sheets of an XLSX summary, one per part so that each has its own column widths: the
//! overall sentence with the totals and the counts against schedule (总体情况), the unit
//! ranking (单位排名) and the sections (分领域); the lists are in `summary/lists.rs`. Every
//! sheet starts with the report's title, its subtitle and the part's heading, and prints its
//! table's header row at the top of every page.

mod lists;

use rust_xlsxwriter::XlsxError;

use super::page::{self, Page};
use super::{Cell, Grid, LINE_PT, Part, SHORT_CAP, TITLE_PT, col_num, subtitle};
use crate::Lang;
use crate::report::{Bucket, View, labels};

/// The summary's sheets, in order (the assignments sheet follows them).
pub(super) fn parts<'v>(v: &'v dyn View, lang: Lang) -> Vec<Part<'v>> {
    let part = |key: &'static str,
                cols: &'static [usize],
                fill: fn(&mut Grid, &dyn View, Lang) -> Result<(), XlsxError>| {
        let cap = move |c: usize| cols.get(c).copied().unwrap_or(SHORT_CAP);
        Part { name: labels::summary_sheet(key, lang), cap: Box::new(cap), fill: Box::new(move |g| fill(g, v, lang)) }
    };
    vec![
        part("totals", &OVERALL_CAPS, overall),
        part("units", &UNITS_CAPS, units),
        part("sections", &SECTIONS_CAPS, sections),
        part("overdue", &lists::OVERDUE_CAPS, lists::overdue),
        part("not_reported", &lists::NOT_REPORTED_CAPS, lists::not_reported),
        part("completed", &lists::COMPLETED_CAPS, lists::completed),
    ]
}

/// 推定说明 (any kind of report): what the plan infers, one footnote a row: what it concerns
/// and why.
pub(super) fn inferred_part<'v>(v: &'v dyn View, lang: Lang) -> Part<'v> {
    let fill = move |g: &mut Grid| {
        let mut sh = Sheet::start(g, v, lang, "inferred", 2)?;
        sh.table_head(&sh.cols(&["inferred_what", "inferred"]), false)?;
        for f in &v.head().inferred {
            sh.line(&[Cell::Text(crate::report::footnotes::what(f, lang).into()), Cell::text(f.reason.as_str())])?;
        }
        Ok(())
    };
    let caps = |c: usize| [20, 60].get(c).copied().unwrap_or(SHORT_CAP);
    Part { name: labels::summary_sheet("inferred", lang), cap: Box::new(caps), fill: Box::new(fill) }
}

/// Widths of the overall sheet's two columns (labels, numbers), in cells: also their least
/// widths, so that the overall sentence above them has room.
const OVERALL_CAPS: [usize; 2] = [36, 16];
/// Rank, unit, assignments, done, overdue, rate, reported, last update; then, when the report
/// has 配合 assignments, each unit's and how many are done.
const UNITS_CAPS: [usize; 10] = [6, 30, 8, 8, 8, 8, 18, SHORT_CAP, 8, 8];
/// Section, tasks, assignments, done, overdue, rate.
const SECTIONS_CAPS: [usize; 6] = [48, 8, 8, 8, 8, 8];

/// A summary sheet being written downwards from its top.
pub(super) struct Sheet<'g, 'a> {
    g: &'g mut Grid<'a>,
    v: &'g dyn View,
    lang: Lang,
    /// The last column: titles and paragraphs are merged across the columns up to it.
    last: u16,
    /// The next row to write.
    row: u32,
}

impl<'g, 'a> Sheet<'g, 'a> {
    /// Starts a sheet of `cols` columns with the title, the subtitle and the heading of part `key`.
    pub(super) fn start(
        g: &'g mut Grid<'a>,
        v: &'g dyn View,
        lang: Lang,
        key: &str,
        cols: usize,
    ) -> Result<Self, XlsxError> {
        let last = col_num(cols.saturating_sub(1));
        let st = g.st;
        g.merge(0, last, &labels::title(v.head(), lang), &st.title, TITLE_PT)?;
        g.merge(1, last, &subtitle(v, lang), &st.subtitle, LINE_PT)?;
        let mut s = Sheet { g, v, lang, last, row: 2 };
        s.part(key)?;
        Ok(s)
    }

    /// The heading of a part.
    fn part(&mut self, key: &str) -> Result<(), XlsxError> {
        let f = &self.g.st.part;
        self.g.note(self.row, labels::part(key, self.lang), f)?;
        self.row += 1;
        Ok(())
    }

    /// The table's header row, repeated on every printed page: a `wide` sheet prints landscape.
    pub(super) fn table_head(&mut self, titles: &[&str], wide: bool) -> Result<(), XlsxError> {
        let title = labels::title(self.v.head(), self.lang);
        if let Some(ws) = self.g.sheet() {
            page::setup(ws, Page { wide, head: self.row, left: 0 }, &title, self.lang)?;
        }
        self.head(titles)
    }

    /// A header row.
    fn head(&mut self, titles: &[&str]) -> Result<(), XlsxError> {
        self.g.head(self.row, titles)?;
        self.row += 1;
        Ok(())
    }

    /// Headings from column keys (see `labels::col`).
    pub(super) fn cols(&self, keys: &[&str]) -> Vec<&'static str> {
        keys.iter().map(|k| labels::col(k, self.lang)).collect()
    }

    /// A row of cells from column 0.
    pub(super) fn line(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        for (c, cell) in cells.iter().enumerate() {
            self.g.put(self.row, col_num(c), cell)?;
        }
        self.row += 1;
        Ok(())
    }

    /// "无" under a header whose list is empty.
    pub(super) fn none(&mut self) -> Result<(), XlsxError> {
        self.line(&[Cell::text(labels::none(self.lang))])
    }

    /// A wrapped paragraph across the sheet's columns.
    pub(super) fn para(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = &self.g.st.para;
        self.g.merge(self.row, self.last, text, f, LINE_PT)?;
        self.row += 1;
        Ok(())
    }

    /// A blank row.
    fn gap(&mut self) {
        self.row += 1;
    }
}

/// 总体情况: the overall sentence, the totals, and the assignments against schedule.
fn overall(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    for (c, cells) in OVERALL_CAPS.iter().enumerate() {
        g.at_least(col_num(c), *cells);
    }
    let s = v.summary();
    let mut sh = Sheet::start(g, v, lang, "totals", OVERALL_CAPS.len())?;
    sh.para(&labels::overall(s, lang))?;
    if let Some(assist) = labels::assist_sentence(s, lang) {
        sh.para(&assist)?;
    }
    sh.gap();
    sh.table_head(&sh.cols(&["item", "count"]), false)?;
    let t = &s.totals;
    let mut pairs = vec![
        ("tasks", Cell::int(t.tasks)),
        ("tasks_done", Cell::int(t.tasks_done)),
        ("tasks_overdue", Cell::int(t.tasks_overdue)),
        ("assignments", Cell::int(t.assignments)),
        ("done", Cell::int(t.done)),
        ("in_progress", Cell::int(t.in_progress)),
        ("ongoing", Cell::int(t.ongoing)),
        ("blocked", Cell::int(t.blocked)),
        ("not_started", Cell::int(t.not_started)),
        ("na", Cell::int(t.na)),
        ("overdue", Cell::int(t.overdue)),
        ("rate", Cell::Rate(t.completion_rate)),
    ];
    if labels::has_assist(s) {
        let a = &s.assist;
        pairs.extend([
            ("assist", Cell::int(a.assignments)),
            ("assist_done", Cell::int(a.done)),
            ("assist_overdue", Cell::int(a.overdue)),
            ("assist_rate", Cell::Rate(a.completion_rate)),
        ]);
    }
    for (key, value) in pairs {
        sh.line(&[Cell::text(labels::total(key, lang)), value])?;
    }
    sh.gap();
    sh.part("buckets")?;
    sh.head(&sh.cols(&["bucket", "assignments"]))?;
    let b = &s.buckets;
    let counts = [
        (Bucket::Done, b.done),
        (Bucket::Ahead, b.ahead),
        (Bucket::OnTrack, b.on_track),
        (Bucket::Behind, b.behind),
        (Bucket::Overdue, b.overdue),
    ];
    for (bucket, n) in counts {
        sh.line(&[Cell::text(labels::bucket(bucket, lang)), Cell::int(n)])?;
    }
    sh.para(labels::bucket_rule(lang))
}

/// 单位排名: units by completion (with their 配合 assignments when the report has any), with
/// the ranking rules under them.
fn units(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    let s = v.summary();
    let assist = labels::has_assist(s);
    let mut keys = vec!["rank", "unit", "assignments", "done", "overdue", "rate", "reported", "last_update"];
    if assist {
        keys.extend(["assist", "assist_done"]);
    }
    let mut sh = Sheet::start(g, v, lang, "units", keys.len())?;
    sh.table_head(&sh.cols(&keys), false)?;
    for u in &s.units {
        let rate = if u.only_assists() { Cell::owned(labels::unit_rate(u)) } else { Cell::Rate(u.completion_rate) };
        let mut cells = vec![
            Cell::int(u.rank),
            Cell::text(&u.name),
            Cell::int(u.assignments),
            Cell::int(u.done),
            Cell::int(u.overdue),
            rate,
            Cell::text(labels::unit_report(u, lang)),
            u.last_update.map_or(Cell::Blank, Cell::Time),
        ];
        if assist {
            cells.extend([Cell::int(u.assist), Cell::int(u.assist_done)]);
        }
        sh.line(&cells)?;
    }
    sh.para(labels::ranking_rule(lang))?;
    match labels::assist_rule(s, lang, true) {
        Some(rule) => sh.para(rule),
        None => Ok(()),
    }
}

/// 分领域: the plan's sections.
fn sections(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    let mut sh = Sheet::start(g, v, lang, "sections", SECTIONS_CAPS.len())?;
    sh.table_head(&sh.cols(&["section", "tasks", "assignments", "done", "overdue", "rate"]), false)?;
    for l in &v.summary().sections {
        sh.line(&[
            Cell::owned(labels::section(&l.section, lang)),
            Cell::int(l.tasks),
            Cell::int(l.assignments),
            Cell::int(l.done),
            Cell::int(l.overdue),
            Cell::Rate(l.completion_rate),
        ])?;
    }
    Ok(())
}
