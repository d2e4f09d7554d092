//! The report's tables as headings and text cells, shared by the txt, md and csv renderers
//! (HTML and XLSX lay out their own typed cells). Tables of assignments produce their lines
//! as they are read, from the report's rows; the others are small and built at once.

use std::borrow::Cow;
use std::collections::HashMap;

use super::labels::{self, Dates, col};
use super::{Bucket, Light, RowRef, Summary, TrailLine, View, percent};
use crate::Lang;

/// The text cells of one line, borrowed from the row where they can be.
pub type Cells<'a> = Vec<Cow<'a, str>>;

/// One line of a table: its cells and, for an assignment, its light.
pub struct Line<'a> {
    pub cells: Cells<'a>,
    pub light: Option<Light>,
}

/// How an assignment table makes a row's cells.
type CellsOf = for<'r> fn(&RowRef<'r>, Lang, Dates) -> Cells<'r>;

/// Where a table's lines come from.
enum Body<'v> {
    /// Built at once.
    Fixed(Vec<Vec<String>>),
    /// From the report's rows (all, or those at some positions), one at a time.
    Rows { view: &'v dyn View, at: Option<&'v [usize]>, cells: CellsOf, lang: Lang, dates: Dates },
}

/// A table of text: column keys (see `labels::col`), headings, and its lines.
pub struct Grid<'v> {
    pub keys: Vec<&'static str>,
    pub heads: Vec<&'static str>,
    body: Body<'v>,
}

impl<'v> Grid<'v> {
    fn new(keys: &[&'static str], lang: Lang, body: Body<'v>) -> Grid<'v> {
        Grid { keys: keys.to_vec(), heads: keys.iter().map(|k| col(k, lang)).collect(), body }
    }

    /// The lines, computed as they are read (read again for a second pass).
    pub fn lines(&self) -> Box<dyn Iterator<Item = Line<'_>> + '_> {
        match &self.body {
            Body::Fixed(rows) => Box::new(
                rows.iter().map(|r| Line { cells: r.iter().map(|c| Cow::Borrowed(c.as_str())).collect(), light: None }),
            ),
            Body::Rows { view, at, cells, lang, dates } => {
                let rows = match at {
                    Some(at) => view.picked(at),
                    None => view.rows(),
                };
                Box::new(rows.map(move |r| Line { cells: cells(&r, *lang, *dates), light: Some(r.light) }))
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.body {
            Body::Fixed(rows) => rows.is_empty(),
            Body::Rows { view, at, .. } => at.map_or(view.row_count() == 0, <[usize]>::is_empty),
        }
    }
}

/// "【topic】content", or the content alone.
pub fn topic_content<'a>(r: &RowRef<'a>) -> Cow<'a, str> {
    match r.topic {
        Some(t) => Cow::Owned(format!("【{t}】{}", r.content)),
        None => Cow::Borrowed(r.content),
    }
}

/// The task's id, with "※" when the plan infers the assignment or its deadline's binding
/// (the report's footnotes say why).
pub fn task_id<'a>(r: &RowRef<'a>) -> Cow<'a, str> {
    match r.inferred {
        Some(_) => Cow::Owned(format!("{}{}", r.task, super::footnotes::MARK)),
        None => Cow::Borrowed(r.task),
    }
}

fn opt<'a>(s: Option<&'a str>) -> Cow<'a, str> {
    Cow::Borrowed(s.unwrap_or_default())
}

/// "（配合）【topic】content": a unit report's task, after the unit's role when it leads or
/// assists (a mark, not a column: the unit report's columns are narrow enough already).
fn role_content<'a>(r: &RowRef<'a>, lang: Lang) -> Cow<'a, str> {
    match labels::role_prefix(r.role, lang) {
        "" => topic_content(r),
        mark => Cow::Owned(format!("{mark}{}", topic_content(r))),
    }
}

/// A unit report's assignments, each task marked with the unit's role when it leads or assists.
pub fn unit_rows(v: &dyn View, lang: Lang, dates: Dates) -> Grid<'_> {
    let keys =
        ["task", "content", "deadline", "status", "note", "problems", "next", "evidence", "by", "in_period", "light"];
    Grid::new(&keys, lang, Body::Rows { view: v, at: None, cells: unit_cells, lang, dates })
}

fn unit_cells<'r>(x: &RowRef<'r>, lang: Lang, _dates: Dates) -> Cells<'r> {
    let days = labels::days(x, lang);
    let deadline = match (x.deadline.unwrap_or_default(), days.as_str()) {
        (d, "") => Cow::Borrowed(d),
        ("", days) => Cow::Owned(days.to_string()),
        (d, days) => Cow::Owned(format!("{d}\n{days}")),
    };
    vec![
        task_id(x),
        role_content(x, lang),
        deadline,
        Cow::Owned(labels::progress(x, lang)),
        opt(x.note),
        opt(x.problems),
        opt(x.next),
        Cow::Owned(x.evidence.join("\n")),
        opt(x.by),
        Cow::Borrowed(labels::in_period(x, lang)),
        Cow::Borrowed(labels::light(x.light, lang)),
    ]
}

/// The paragraphs of the document's body behind a unit report's tasks (the plan's `body`), each
/// once, with the tasks that share it ("1、2、3、4"), in the order of the rows; no lines when
/// the plan gives none.
pub fn bodies(v: &dyn View, lang: Lang) -> Grid<'static> {
    let mut lines: Vec<(Vec<String>, String)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in v.rows() {
        let Some(body) = r.body else { continue };
        match seen.get(body) {
            Some(&i) if lines[i].0.iter().any(|t| t == r.task) => {}
            Some(&i) => lines[i].0.push(r.task.to_string()),
            None => {
                seen.insert(body.to_string(), lines.len());
                lines.push((vec![r.task.to_string()], body.to_string()));
            }
        }
    }
    let rows = lines.into_iter().map(|(tasks, body)| vec![tasks.join(lang.list_sep()), body]).collect();
    Grid::new(&["task", "body"], lang, Body::Fixed(rows))
}

/// The ledger: every assignment with its latest state.
pub fn ledger_rows(v: &dyn View, lang: Lang, dates: Dates) -> Grid<'_> {
    let keys = ["task", "unit", "role", "deadline", "status", "bucket", "light", "updated", "note", "by", "record"];
    Grid::new(&keys, lang, Body::Rows { view: v, at: None, cells: ledger_cells, lang, dates })
}

fn ledger_cells<'r>(x: &RowRef<'r>, lang: Lang, dates: Dates) -> Cells<'r> {
    vec![
        task_id(x),
        Cow::Borrowed(x.unit_name),
        Cow::Borrowed(x.role.label(lang)),
        opt(x.deadline),
        Cow::Owned(labels::progress(x, lang)),
        Cow::Borrowed(labels::bucket(x.bucket, lang)),
        Cow::Borrowed(labels::light(x.light, lang)),
        Cow::Owned(labels::updated(x, lang, dates)),
        opt(x.note),
        opt(x.by),
        opt(x.record),
    ]
}

/// The five schedule buckets and their counts.
pub fn buckets(s: &Summary, lang: Lang) -> Grid<'static> {
    let all = [Bucket::Done, Bucket::Ahead, Bucket::OnTrack, Bucket::Behind, Bucket::Overdue];
    let b = &s.buckets;
    Grid {
        keys: vec!["done", "ahead", "on_track", "behind", "overdue"],
        heads: all.iter().map(|x| labels::bucket(*x, lang)).collect(),
        body: Body::Fixed(vec![[b.done, b.ahead, b.on_track, b.behind, b.overdue].map(|n| n.to_string()).to_vec()]),
    }
}

/// The per-unit ranking; when the report has 配合 assignments (`labels::has_assist`), each
/// unit's too: for people one column "1/2" (done / all), for machines (`Dates::Iso`, CSV) two
/// numbers.
pub fn units(s: &Summary, lang: Lang, dates: Dates) -> Grid<'static> {
    let mut keys = vec!["rank", "unit", "assignments", "done", "overdue", "rate", "reported", "last_update"];
    let assist = labels::has_assist(s);
    let split = dates == Dates::Iso;
    match (assist, split) {
        (true, true) => keys.extend(["assist", "assist_done"]),
        (true, false) => keys.push("assist_share"),
        (false, _) => {}
    }
    let rows = s
        .units
        .iter()
        .map(|u| {
            let mut cells = vec![
                u.rank.to_string(),
                u.name.clone(),
                u.assignments.to_string(),
                u.done.to_string(),
                u.overdue.to_string(),
                labels::unit_rate(u),
                labels::unit_report(u, lang).to_string(),
                dates.time(u.last_update, lang),
            ];
            match (assist, split) {
                (true, true) => cells.extend([u.assist.to_string(), u.assist_done.to_string()]),
                (true, false) => cells.push(labels::unit_assist(u)),
                (false, _) => {}
            }
            cells
        })
        .collect();
    Grid::new(&keys, lang, Body::Fixed(rows))
}

/// The per-section table.
pub fn sections(s: &Summary, lang: Lang) -> Grid<'static> {
    let rows = s
        .sections
        .iter()
        .map(|l| {
            vec![
                labels::section(&l.section, lang),
                l.tasks.to_string(),
                l.assignments.to_string(),
                l.done.to_string(),
                l.overdue.to_string(),
                percent(l.completion_rate),
            ]
        })
        .collect();
    Grid::new(&["section", "tasks", "assignments", "done", "overdue", "rate"], lang, Body::Fixed(rows))
}

/// The overdue list, with what each task is.
pub fn overdue(v: &dyn View, lang: Lang, dates: Dates) -> Grid<'_> {
    let at = Some(v.summary().overdue.as_slice());
    Grid::new(
        &["task", "content", "unit", "deadline", "due", "days", "status"],
        lang,
        Body::Rows { view: v, at, cells: overdue_cells, lang, dates },
    )
}

fn overdue_cells<'r>(x: &RowRef<'r>, lang: Lang, dates: Dates) -> Cells<'r> {
    vec![
        task_id(x),
        topic_content(x),
        Cow::Borrowed(x.unit_name),
        opt(x.deadline),
        Cow::Owned(x.due.map(|d| dates.day(d, lang)).unwrap_or_default()),
        Cow::Owned(labels::days(x, lang)),
        Cow::Owned(labels::progress(x, lang)),
    ]
}

/// What was completed in the period.
pub fn completed(v: &dyn View, lang: Lang, dates: Dates) -> Grid<'_> {
    let at = Some(v.summary().completed.as_slice());
    Grid::new(
        &["task", "unit", "content", "updated"],
        lang,
        Body::Rows { view: v, at, cells: completed_cells, lang, dates },
    )
}

fn completed_cells<'r>(x: &RowRef<'r>, lang: Lang, dates: Dates) -> Cells<'r> {
    vec![task_id(x), Cow::Borrowed(x.unit_name), topic_content(x), Cow::Owned(dates.time(x.updated_at, lang))]
}

/// Units that did not report on time, as one line ("无" when none), and those of them that
/// reported late.
pub fn not_reported(s: &Summary, lang: Lang) -> String {
    let list =
        if s.not_reported.is_empty() { labels::none(lang).to_string() } else { s.not_reported.join(lang.list_sep()) };
    match labels::late_units(s, lang) {
        Some(late) => format!("{list}\n{late}"),
        None => list,
    }
}

/// Corrections and withdrawals.
pub fn trail(trail: &[TrailLine], lang: Lang, dates: Dates) -> Grid<'static> {
    let rows = trail
        .iter()
        .map(|x| {
            let status = match (x.kind, x.percent) {
                ("withdrawal", _) => String::new(),
                (_, Some(p)) if x.status != crate::ledger::Status::Done => format!("{} {p}%", x.status.label(lang)),
                _ => x.status.label(lang).to_string(),
            };
            vec![
                x.record.clone(),
                x.task.clone(),
                x.unit_name.clone(),
                labels::trail_kind(x.kind, lang).to_string(),
                x.corrects.clone(),
                dates.time(Some(x.at), lang),
                x.by.clone().unwrap_or_default(),
                status,
                x.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let keys = ["record", "task", "unit", "kind", "corrects", "updated", "by", "status", "note"];
    Grid::new(&keys, lang, Body::Fixed(rows))
}
