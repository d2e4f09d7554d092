//! Markdown reports: the same parts as the text report, as headings and pipe tables.

use super::cells::{self, Grid};
use super::{Kind, Report, Summary, labels};
use crate::Lang;

/// Renders a report as Markdown.
pub fn render(r: &Report, lang: Lang) -> String {
    let mut out = format!("# {}\n\n{}\n\n", cell(&labels::title(r, lang)), cell(&labels::subtitle(r, lang)));
    match r.kind {
        Kind::Summary => summary(&mut out, r, &r.summary, lang),
        Kind::Unit => table(&mut out, &cells::unit_rows(&r.rows, lang), lang),
        Kind::Ledger => table(&mut out, &cells::ledger_rows(&r.rows, lang), lang),
    }
    out
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

fn table(out: &mut String, g: &Grid, lang: Lang) {
    if g.rows.is_empty() {
        out.push_str(&format!("{}\n\n", labels::none(lang)));
        return;
    }
    out.push_str(&format!("| {} |\n", g.heads.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(g.heads.len())));
    for r in &g.rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

fn summary(out: &mut String, r: &Report, s: &Summary, lang: Lang) {
    let h = |out: &mut String, key: &str| out.push_str(&format!("## {}\n\n", labels::part(key, lang)));
    h(out, "totals");
    out.push_str(&format!("{}\n\n", cell(&labels::overall(r, lang))));
    h(out, "buckets");
    table(out, &cells::buckets(s, lang), lang);
    out.push_str(&format!("{}\n\n", labels::bucket_rule(lang)));
    h(out, "units");
    table(out, &cells::units(s, lang), lang);
    h(out, "sections");
    table(out, &cells::sections(s, lang), lang);
    h(out, "overdue");
    table(out, &cells::overdue(r, s, lang), lang);
    h(out, "not_reported");
    out.push_str(&format!("{}\n\n", cell(&cells::not_reported(s, lang))));
    h(out, "completed");
    table(out, &cells::completed(r, s, lang), lang);
}
