//! The summary sheet of an XLSX summary: the overall sentence, totals, buckets, the unit
//! ranking, sections, the overdue list, units that did not report, and what was completed.

use std::borrow::Cow;

use rust_xlsxwriter::XlsxError;

use super::{Cell, Grid, LINE_PT, SHORT_CAP, TITLE_PT, col_num};
use crate::Lang;
use crate::report::{Bucket, Summary, View, labels};

/// Last column of the sheet (the ranking is the widest block, eight columns).
const LAST: u16 = 7;

/// Width caps of the sheet's columns, in cells: labels and ids, names, content.
pub(super) fn cap(col: usize) -> usize {
    match col {
        1 => 30,
        2 => 40,
        _ => SHORT_CAP,
    }
}

/// Writes the summary sheet.
pub(super) fn write(g: &mut Grid, v: &dyn View, lang: Lang) -> Result<(), XlsxError> {
    if let Some(ws) = g.sheet() {
        ws.set_landscape().set_print_fit_to_pages(1, 0);
    }
    let (h, s, st) = (v.head(), v.summary(), g.st);
    g.merge(0, LAST, &labels::title(h, lang), &st.title, TITLE_PT)?;
    g.merge(1, LAST, &labels::subtitle(h, lang), &st.subtitle, LINE_PT)?;
    g.merge(2, LAST, &labels::overall(s, lang), &st.para, LINE_PT)?;
    let mut row = 4;
    if let Some(notice) = labels::broken(s, lang) {
        g.merge(3, LAST, &notice, &st.para, LINE_PT)?;
        row = 5;
    }
    let mut b = Blocks { g, lang, row };
    b.totals(s)?;
    b.buckets(s)?;
    b.units(s)?;
    b.sections(s)?;
    b.overdue(v)?;
    b.not_reported(s)?;
    b.completed(v)
}

/// The blocks under the overall sentence, written downwards from `row`.
struct Blocks<'g, 'a> {
    g: &'g mut Grid<'a>,
    lang: Lang,
    row: u32,
}

impl Blocks<'_, '_> {
    /// The heading of a part.
    fn part(&mut self, key: &str) -> Result<(), XlsxError> {
        let f = &self.g.st.part;
        self.g.note(self.row, labels::part(key, self.lang), f)?;
        self.row += 1;
        Ok(())
    }

    /// A header row from column keys (see `labels::col`).
    fn head(&mut self, titles: &[&str]) -> Result<(), XlsxError> {
        self.g.head(self.row, titles)?;
        self.row += 1;
        Ok(())
    }

    /// A row of cells from column 0.
    fn line(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        for (c, cell) in cells.iter().enumerate() {
            self.g.put(self.row, col_num(c), cell)?;
        }
        self.row += 1;
        Ok(())
    }

    /// "无" under a heading whose list is empty.
    fn none(&mut self) -> Result<(), XlsxError> {
        self.line(&[Cell::text(labels::none(self.lang))])
    }

    /// A blank row between blocks.
    fn gap(&mut self) {
        self.row += 1;
    }

    fn cols(&self, keys: &[&str]) -> Vec<&'static str> {
        keys.iter().map(|k| labels::col(k, self.lang)).collect()
    }

    fn totals(&mut self, s: &Summary) -> Result<(), XlsxError> {
        self.part("totals")?;
        let t = &s.totals;
        let pairs = [
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
        for (key, value) in pairs {
            self.g.head(self.row, &[labels::total(key, self.lang)])?;
            self.g.put(self.row, 1, &value)?;
            self.row += 1;
        }
        self.gap();
        Ok(())
    }

    fn buckets(&mut self, s: &Summary) -> Result<(), XlsxError> {
        self.part("buckets")?;
        let b = &s.buckets;
        let order = [Bucket::Done, Bucket::Ahead, Bucket::OnTrack, Bucket::Behind, Bucket::Overdue];
        let titles: Vec<&str> = order.iter().map(|k| labels::bucket(*k, self.lang)).collect();
        self.head(&titles)?;
        let counts = [b.done, b.ahead, b.on_track, b.behind, b.overdue].map(Cell::int);
        self.line(&counts)?;
        let para = &self.g.st.para;
        self.g.merge(self.row, LAST, labels::bucket_rule(self.lang), para, LINE_PT)?;
        self.row += 1;
        self.gap();
        Ok(())
    }

    fn units(&mut self, s: &Summary) -> Result<(), XlsxError> {
        self.part("units")?;
        let keys = ["rank", "unit", "assignments", "done", "overdue", "rate", "reported", "last_update"];
        self.head(&self.cols(&keys))?;
        for u in &s.units {
            self.line(&[
                Cell::int(u.rank),
                Cell::text(&u.name),
                Cell::int(u.assignments),
                Cell::int(u.done),
                Cell::int(u.overdue),
                Cell::Rate(u.completion_rate),
                Cell::text(labels::unit_report(u, self.lang)),
                u.last_update.map_or(Cell::Blank, Cell::Time),
            ])?;
        }
        let para = &self.g.st.para;
        self.g.merge(self.row, LAST, labels::ranking_rule(self.lang), para, LINE_PT)?;
        self.row += 1;
        self.gap();
        Ok(())
    }

    fn sections(&mut self, s: &Summary) -> Result<(), XlsxError> {
        self.part("sections")?;
        self.head(&self.cols(&["section", "tasks", "assignments", "done", "overdue", "rate"]))?;
        for l in &s.sections {
            self.line(&[
                Cell::owned(labels::section(&l.section, self.lang)),
                Cell::int(l.tasks),
                Cell::int(l.assignments),
                Cell::int(l.done),
                Cell::int(l.overdue),
                Cell::Rate(l.completion_rate),
            ])?;
        }
        self.gap();
        Ok(())
    }

    fn overdue(&mut self, v: &dyn View) -> Result<(), XlsxError> {
        self.part("overdue")?;
        let mut titles = self.cols(&["task", "unit", "deadline", "due"]);
        titles.push(labels::overdue_days(self.lang));
        titles.push(labels::col("status", self.lang));
        self.head(&titles)?;
        for r in v.picked(&v.summary().overdue) {
            self.line(&[
                Cell::text(r.task),
                Cell::text(r.unit_name),
                Cell::Text(Cow::Borrowed(r.deadline.unwrap_or_default())),
                r.due.map_or(Cell::Blank, Cell::Date),
                r.days_left.map_or(Cell::Blank, |d| Cell::Int(-d)),
                Cell::text(labels::status(r.status, self.lang)),
            ])?;
        }
        if v.summary().overdue.is_empty() {
            self.none()?;
        }
        self.gap();
        Ok(())
    }

    fn not_reported(&mut self, s: &Summary) -> Result<(), XlsxError> {
        self.part("not_reported")?;
        for (i, name) in s.not_reported.iter().enumerate() {
            self.line(&[Cell::int(i + 1), Cell::text(name)])?;
        }
        if s.not_reported.is_empty() {
            self.none()?;
        }
        if let Some(late) = labels::late_units(s, self.lang) {
            self.line(&[Cell::owned(late)])?;
        }
        self.gap();
        Ok(())
    }

    fn completed(&mut self, v: &dyn View) -> Result<(), XlsxError> {
        self.part("completed")?;
        self.head(&self.cols(&["task", "unit", "content", "updated"]))?;
        for r in v.picked(&v.summary().completed) {
            self.line(&[
                Cell::text(r.task),
                Cell::text(r.unit_name),
                Cell::text(r.content),
                r.updated_at.map_or(Cell::Blank, Cell::Time),
            ])?;
        }
        if v.summary().completed.is_empty() {
            self.none()?;
        }
        Ok(())
    }
}
