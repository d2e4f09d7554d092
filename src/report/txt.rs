//! Plain-text reports for the terminal and plain printing: aligned by cell width, long Chinese
//! text wrapped, colour (lights) only when the caller says the output is a colour terminal.

mod table;

use self::table::{Paint, Size, Table};
use super::labels::{self, col};
use super::{Bucket, Kind, Light, Report, Row, Summary, percent};
use crate::Lang;
use crate::text::sanitize;

/// Renders a report `width` cells wide; `color` adds ANSI colours to the lights.
pub fn render(r: &Report, lang: Lang, width: usize, color: bool) -> String {
    let mut out = heading(r, lang);
    match (r.kind, &r.summary) {
        (Kind::Summary, Some(s)) => summary(&mut out, r, s, lang, width, color),
        (Kind::Unit, _) => out.push_str(&unit_table(r, lang).render(width, color)),
        _ => out.push_str(&ledger_table(&r.rows.iter().collect::<Vec<_>>(), lang).render(width, color)),
    }
    out
}

fn heading(r: &Report, lang: Lang) -> String {
    let mut s = format!("{}\n{}\n", sanitize(&labels::title(r, lang)), sanitize(&labels::subtitle(r, lang)));
    let issuer = match &r.plan.doc_no {
        Some(no) => format!("{}（{}）", r.plan.issuer, no),
        None => r.plan.issuer.clone(),
    };
    s.push_str(&sanitize(&issuer));
    s.push_str("\n\n");
    s
}

fn light_paint(l: Light) -> Paint {
    match l {
        Light::Red => Paint::Red,
        Light::Yellow => Paint::Yellow,
        Light::Green => Paint::Green,
    }
}

fn topic_content(r: &Row) -> String {
    match &r.topic {
        Some(t) => format!("【{t}】{}", r.content),
        None => r.content.clone(),
    }
}

fn unit_table(r: &Report, lang: Lang) -> Table {
    let heads = ["task", "content", "deadline", "status", "note", "problems", "next", "evidence", "in_period", "light"];
    let sizes = [
        Size::Fit(6),
        Size::Flex,
        Size::Fit(14),
        Size::Fit(12),
        Size::Flex,
        Size::Flex,
        Size::Flex,
        Size::Fit(24),
        Size::Fit(8),
        Size::Fit(8),
    ];
    let mut t = Table::new(&heads.map(|h| col(h, lang)), &sizes);
    for row in &r.rows {
        let deadline = [row.deadline.clone().unwrap_or_default(), labels::days(row, lang)].join("\n");
        t.push_painted(vec![
            (row.task.clone(), Paint::None),
            (topic_content(row), Paint::None),
            (deadline.trim().to_string(), Paint::None),
            (labels::progress(row, lang), Paint::None),
            (row.note.clone().unwrap_or_default(), Paint::None),
            (row.problems.clone().unwrap_or_default(), Paint::None),
            (row.next.clone().unwrap_or_default(), Paint::None),
            (row.evidence.join("\n"), Paint::None),
            (labels::yes(row.updated_in_period, lang).to_string(), Paint::None),
            (labels::light(row.light, lang).to_string(), light_paint(row.light)),
        ]);
    }
    t
}

fn ledger_table(rows: &[&Row], lang: Lang) -> Table {
    let heads = ["task", "unit", "deadline", "status", "bucket", "light", "updated", "note"];
    let sizes = [
        Size::Fit(6),
        Size::Fit(16),
        Size::Fit(14),
        Size::Fit(12),
        Size::Fit(6),
        Size::Fit(8),
        Size::Fit(16),
        Size::Flex,
    ];
    let mut t = Table::new(&heads.map(|h| col(h, lang)), &sizes);
    for row in rows {
        t.push_painted(vec![
            (row.task.clone(), Paint::None),
            (row.unit_name.clone(), Paint::None),
            (row.deadline.clone().unwrap_or_default(), Paint::None),
            (labels::progress(row, lang), Paint::None),
            (labels::bucket(row.bucket, lang).to_string(), Paint::None),
            (labels::light(row.light, lang).to_string(), light_paint(row.light)),
            (labels::when(row.updated_at), Paint::None),
            (row.note.clone().unwrap_or_default(), Paint::None),
        ]);
    }
    t
}

fn summary(out: &mut String, r: &Report, s: &Summary, lang: Lang, width: usize, color: bool) {
    let mut part = |key: &str, body: String| {
        out.push_str(labels::part(key, lang));
        out.push('\n');
        out.push_str(&body);
        out.push('\n');
    };
    let overall = crate::text::wrap(&labels::overall(r, lang), width.max(20)).join("\n");
    part("totals", format!("{overall}\n"));
    let b = &s.buckets;
    let mut t = Table::new(
        &[Bucket::Done, Bucket::Ahead, Bucket::OnTrack, Bucket::Behind, Bucket::Overdue]
            .map(|x| labels::bucket(x, lang)),
        &[Size::Fit(8); 5],
    );
    t.push([b.done, b.ahead, b.on_track, b.behind, b.overdue].map(|n| n.to_string()).to_vec());
    let rule = crate::text::wrap(labels::bucket_rule(lang), width.max(20)).join("\n");
    part("buckets", format!("{}{rule}\n", t.render(width, color)));
    part("units", units_table(s, lang).render(width, color));
    part("sections", sections_table(s, lang).render(width, color));
    let overdue: Vec<&Row> = s.overdue.iter().filter_map(|&i| r.rows.get(i)).collect();
    part("overdue", list_or_none(&overdue, |rows| overdue_table(rows, lang).render(width, color), lang));
    let names = if s.not_reported.is_empty() { none(lang) } else { s.not_reported.join(lang.list_sep()) };
    part("not_reported", format!("{}\n", crate::text::wrap(&sanitize(&names), width.max(20)).join("\n")));
    let done: Vec<&Row> = s.completed.iter().filter_map(|&i| r.rows.get(i)).collect();
    part("completed", list_or_none(&done, |rows| completed_table(rows, lang).render(width, color), lang));
}

fn none(lang: Lang) -> String {
    lang.pick("无", "none").to_string()
}

fn list_or_none(rows: &[&Row], table: impl Fn(&[&Row]) -> String, lang: Lang) -> String {
    if rows.is_empty() { format!("{}\n", none(lang)) } else { table(rows) }
}

fn units_table(s: &Summary, lang: Lang) -> Table {
    let heads = ["rank", "unit", "assignments", "done", "overdue", "rate", "reported", "last_update"];
    let mut t = Table::new(
        &heads.map(|h| col(h, lang)),
        &[
            Size::Fit(4),
            Size::Fit(24),
            Size::Fit(6),
            Size::Fit(6),
            Size::Fit(6),
            Size::Fit(8),
            Size::Fit(10),
            Size::Fit(16),
        ],
    );
    for u in &s.units {
        t.push(vec![
            u.rank.to_string(),
            u.name.clone(),
            u.assignments.to_string(),
            u.done.to_string(),
            u.overdue.to_string(),
            percent(u.completion_rate),
            labels::reported(u.reported, lang).to_string(),
            labels::when(u.last_update),
        ]);
    }
    t
}

fn sections_table(s: &Summary, lang: Lang) -> Table {
    let heads = ["section", "tasks", "assignments", "done", "overdue", "rate"];
    let mut t = Table::new(
        &heads.map(|h| col(h, lang)),
        &[Size::Flex, Size::Fit(6), Size::Fit(6), Size::Fit(6), Size::Fit(6), Size::Fit(8)],
    );
    for l in &s.sections {
        t.push(vec![
            labels::section(&l.section, lang),
            l.tasks.to_string(),
            l.assignments.to_string(),
            l.done.to_string(),
            l.overdue.to_string(),
            percent(l.completion_rate),
        ]);
    }
    t
}

fn overdue_table(rows: &[&Row], lang: Lang) -> Table {
    let heads = ["task", "unit", "deadline", "due", "days", "status"];
    let mut t = Table::new(
        &heads.map(|h| col(h, lang)),
        &[Size::Fit(6), Size::Fit(20), Size::Fit(14), Size::Fit(10), Size::Fit(12), Size::Fit(12)],
    );
    for row in rows {
        t.push(vec![
            row.task.clone(),
            row.unit_name.clone(),
            row.deadline.clone().unwrap_or_default(),
            row.due.map(|d| d.to_string()).unwrap_or_default(),
            labels::days(row, lang),
            labels::progress(row, lang),
        ]);
    }
    t
}

fn completed_table(rows: &[&Row], lang: Lang) -> Table {
    let heads = ["task", "unit", "content", "updated"];
    let mut t = Table::new(&heads.map(|h| col(h, lang)), &[Size::Fit(6), Size::Fit(20), Size::Flex, Size::Fit(16)]);
    for row in rows {
        t.push(vec![row.task.clone(), row.unit_name.clone(), topic_content(row), labels::when(row.updated_at)]);
    }
    t
}
