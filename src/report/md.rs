//! Markdown reports: the same parts as the text report, as headings and pipe tables.

use super::labels::{self, col};
use super::{Bucket, Kind, Report, Row, Summary, percent};
use crate::Lang;

/// Renders a report as Markdown.
pub fn render(r: &Report, lang: Lang) -> String {
    let mut out = format!("# {}\n\n{}\n\n", cell(&labels::title(r, lang)), cell(&labels::subtitle(r, lang)));
    match (r.kind, &r.summary) {
        (Kind::Summary, Some(s)) => summary(&mut out, r, s, lang),
        (Kind::Unit, _) => {
            let heads =
                ["task", "content", "deadline", "status", "note", "problems", "next", "evidence", "in_period", "light"];
            let rows = r.rows.iter().map(|x| {
                vec![
                    x.task.clone(),
                    content(x),
                    join(&[x.deadline.clone().unwrap_or_default(), labels::days(x, lang)]),
                    labels::progress(x, lang),
                    x.note.clone().unwrap_or_default(),
                    x.problems.clone().unwrap_or_default(),
                    x.next.clone().unwrap_or_default(),
                    x.evidence.join("\n"),
                    labels::yes(x.updated_in_period, lang).to_string(),
                    labels::light(x.light, lang).to_string(),
                ]
            });
            table(&mut out, &heads.map(|h| col(h, lang)), rows);
        }
        _ => {
            let heads = ["task", "unit", "deadline", "status", "bucket", "light", "updated", "note"];
            let rows = r.rows.iter().map(|x| ledger_cells(x, lang));
            table(&mut out, &heads.map(|h| col(h, lang)), rows);
        }
    }
    out
}

fn ledger_cells(x: &Row, lang: Lang) -> Vec<String> {
    vec![
        x.task.clone(),
        x.unit_name.clone(),
        x.deadline.clone().unwrap_or_default(),
        labels::progress(x, lang),
        labels::bucket(x.bucket, lang).to_string(),
        labels::light(x.light, lang).to_string(),
        labels::when(x.updated_at),
        x.note.clone().unwrap_or_default(),
    ]
}

fn content(x: &Row) -> String {
    match &x.topic {
        Some(t) => format!("**{t}** {}", x.content),
        None => x.content.clone(),
    }
}

fn join(parts: &[String]) -> String {
    parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join("\n")
}

/// A table cell: control characters dropped, pipes escaped, line breaks as <br>.
fn cell(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, heads: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    out.push_str(&format!("| {} |\n", heads.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(heads.len())));
    let mut any = false;
    for r in rows {
        any = true;
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if !any {
        out.push_str(&format!("|{}\n", " |".repeat(heads.len())));
    }
    out.push('\n');
}

fn summary(out: &mut String, r: &Report, s: &Summary, lang: Lang) {
    let h = |out: &mut String, key: &str| out.push_str(&format!("## {}\n\n", labels::part(key, lang)));
    h(out, "totals");
    out.push_str(&format!("{}\n\n", cell(&labels::overall(r, lang))));
    h(out, "buckets");
    let b = &s.buckets;
    let heads = [Bucket::Done, Bucket::Ahead, Bucket::OnTrack, Bucket::Behind, Bucket::Overdue]
        .map(|x| labels::bucket(x, lang));
    table(
        out,
        &heads,
        std::iter::once([b.done, b.ahead, b.on_track, b.behind, b.overdue].map(|n| n.to_string()).to_vec()),
    );
    out.push_str(&format!("{}\n\n", labels::bucket_rule(lang)));
    h(out, "units");
    let heads =
        ["rank", "unit", "assignments", "done", "overdue", "rate", "reported", "last_update"].map(|k| col(k, lang));
    table(
        out,
        &heads,
        s.units.iter().map(|u| {
            vec![
                u.rank.to_string(),
                u.name.clone(),
                u.assignments.to_string(),
                u.done.to_string(),
                u.overdue.to_string(),
                percent(u.completion_rate),
                labels::reported(u.reported, lang).to_string(),
                labels::when(u.last_update),
            ]
        }),
    );
    h(out, "sections");
    let heads = ["section", "tasks", "assignments", "done", "overdue", "rate"].map(|k| col(k, lang));
    table(
        out,
        &heads,
        s.sections.iter().map(|l| {
            vec![
                labels::section(&l.section, lang),
                l.tasks.to_string(),
                l.assignments.to_string(),
                l.done.to_string(),
                l.overdue.to_string(),
                percent(l.completion_rate),
            ]
        }),
    );
    h(out, "overdue");
    let heads = ["task", "unit", "deadline", "due", "days", "status"].map(|k| col(k, lang));
    let rows = s.overdue.iter().filter_map(|&i| r.rows.get(i)).map(|x| {
        vec![
            x.task.clone(),
            x.unit_name.clone(),
            x.deadline.clone().unwrap_or_default(),
            x.due.map(|d| d.to_string()).unwrap_or_default(),
            labels::days(x, lang),
            labels::progress(x, lang),
        ]
    });
    table(out, &heads, rows);
    h(out, "not_reported");
    let names = if s.not_reported.is_empty() {
        lang.pick("无", "none").to_string()
    } else {
        s.not_reported.join(lang.list_sep())
    };
    out.push_str(&format!("{}\n\n", cell(&names)));
    h(out, "completed");
    let heads = ["task", "unit", "content", "updated"].map(|k| col(k, lang));
    let rows = s
        .completed
        .iter()
        .filter_map(|&i| r.rows.get(i))
        .map(|x| vec![x.task.clone(), x.unit_name.clone(), content(x), labels::when(x.updated_at)]);
    table(out, &heads, rows);
}
