//! The report's tables as headings and text cells, built once and shared by the txt, md and
//! csv renderers (HTML and XLSX lay out their own typed cells).

use super::labels::{self, col};
use super::{Bucket, Light, Report, Row, Summary, percent};
use crate::Lang;

/// A table of text: column keys (see `labels::col`), headings, cells, and each row's light.
pub struct Grid {
    pub keys: Vec<&'static str>,
    pub heads: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// The light of each row, for renderers that colour the "light" column.
    pub lights: Vec<Option<Light>>,
}

impl Grid {
    fn new(keys: &[&'static str], lang: Lang) -> Grid {
        Grid {
            keys: keys.to_vec(),
            heads: keys.iter().map(|k| col(k, lang)).collect(),
            rows: Vec::new(),
            lights: Vec::new(),
        }
    }

    fn push(&mut self, cells: Vec<String>, light: Option<Light>) {
        self.rows.push(cells);
        self.lights.push(light);
    }
}

/// "【topic】content", or the content alone.
pub fn topic_content(r: &Row) -> String {
    match &r.topic {
        Some(t) => format!("【{t}】{}", r.content),
        None => r.content.clone(),
    }
}

/// A unit report's assignments.
pub fn unit_rows(rows: &[Row], lang: Lang) -> Grid {
    let keys = ["task", "content", "deadline", "status", "note", "problems", "next", "evidence", "in_period", "light"];
    let mut g = Grid::new(&keys, lang);
    for x in rows {
        let deadline = [x.deadline.clone().unwrap_or_default(), labels::days(x, lang)];
        let deadline = deadline.iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join("\n");
        let cells = vec![
            x.task.clone(),
            topic_content(x),
            deadline,
            labels::progress(x, lang),
            x.note.clone().unwrap_or_default(),
            x.problems.clone().unwrap_or_default(),
            x.next.clone().unwrap_or_default(),
            x.evidence.join("\n"),
            labels::yes(x.updated_in_period, lang).to_string(),
            labels::light(x.light, lang).to_string(),
        ];
        g.push(cells, Some(x.light));
    }
    g
}

/// The ledger: every assignment with its latest state.
pub fn ledger_rows(rows: &[Row], lang: Lang) -> Grid {
    let keys = ["task", "unit", "deadline", "status", "bucket", "light", "updated", "note"];
    let mut g = Grid::new(&keys, lang);
    for x in rows {
        let cells = vec![
            x.task.clone(),
            x.unit_name.clone(),
            x.deadline.clone().unwrap_or_default(),
            labels::progress(x, lang),
            labels::bucket(x.bucket, lang).to_string(),
            labels::light(x.light, lang).to_string(),
            labels::when(x.updated_at),
            x.note.clone().unwrap_or_default(),
        ];
        g.push(cells, Some(x.light));
    }
    g
}

/// The five schedule buckets and their counts.
pub fn buckets(s: &Summary, lang: Lang) -> Grid {
    let all = [Bucket::Done, Bucket::Ahead, Bucket::OnTrack, Bucket::Behind, Bucket::Overdue];
    let b = &s.buckets;
    Grid {
        keys: vec!["done", "ahead", "on_track", "behind", "overdue"],
        heads: all.iter().map(|x| labels::bucket(*x, lang)).collect(),
        rows: vec![[b.done, b.ahead, b.on_track, b.behind, b.overdue].map(|n| n.to_string()).to_vec()],
        lights: vec![None],
    }
}

/// The per-unit ranking.
pub fn units(s: &Summary, lang: Lang) -> Grid {
    let mut g = Grid::new(&["rank", "unit", "assignments", "done", "overdue", "rate", "reported", "last_update"], lang);
    for u in &s.units {
        let cells = vec![
            u.rank.to_string(),
            u.name.clone(),
            u.assignments.to_string(),
            u.done.to_string(),
            u.overdue.to_string(),
            percent(u.completion_rate),
            labels::reported(u.reported, lang).to_string(),
            labels::when(u.last_update),
        ];
        g.push(cells, None);
    }
    g
}

/// The per-section table.
pub fn sections(s: &Summary, lang: Lang) -> Grid {
    let mut g = Grid::new(&["section", "tasks", "assignments", "done", "overdue", "rate"], lang);
    for l in &s.sections {
        let cells = vec![
            labels::section(&l.section, lang),
            l.tasks.to_string(),
            l.assignments.to_string(),
            l.done.to_string(),
            l.overdue.to_string(),
            percent(l.completion_rate),
        ];
        g.push(cells, None);
    }
    g
}

/// The overdue list.
pub fn overdue(r: &Report, s: &Summary, lang: Lang) -> Grid {
    let mut g = Grid::new(&["task", "unit", "deadline", "due", "days", "status"], lang);
    for x in s.overdue.iter().filter_map(|&i| r.rows.get(i)) {
        let cells = vec![
            x.task.clone(),
            x.unit_name.clone(),
            x.deadline.clone().unwrap_or_default(),
            x.due.map(|d| d.to_string()).unwrap_or_default(),
            labels::days(x, lang),
            labels::progress(x, lang),
        ];
        g.push(cells, Some(x.light));
    }
    g
}

/// What was completed in the period.
pub fn completed(r: &Report, s: &Summary, lang: Lang) -> Grid {
    let mut g = Grid::new(&["task", "unit", "content", "updated"], lang);
    for x in s.completed.iter().filter_map(|&i| r.rows.get(i)) {
        g.push(vec![x.task.clone(), x.unit_name.clone(), topic_content(x), labels::when(x.updated_at)], None);
    }
    g
}

/// Units that did not report, as one line ("无" when none).
pub fn not_reported(s: &Summary, lang: Lang) -> String {
    if s.not_reported.is_empty() { labels::none(lang).to_string() } else { s.not_reported.join(lang.list_sep()) }
}
