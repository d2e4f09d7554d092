//! Markdown reports: the same parts as the text report, as headings and pipe tables, written
//! to an `io::Write` as produced.

use std::io::{self, Write};

use super::cells::{self, Grid};
use super::labels::Dates;
use super::view::to_string;
use super::{Kind, View, footnotes, labels};
use crate::Lang;

/// Renders a report as Markdown into a string.
pub fn render(v: &dyn View, lang: Lang) -> String {
    to_string(|out| write(v, lang, out)).unwrap_or_default()
}

/// Writes a report as Markdown.
pub fn write(v: &dyn View, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let h = v.head();
    write!(out, "# {}\n\n{}\n\n", cell(&labels::title(h, lang)), cell(&labels::subtitle(h, lang)))?;
    // Who filled in a unit report, read from its rows once for its header and its sign-off.
    let reporters = (h.kind == Kind::Unit).then(|| labels::reporters(v, lang));
    unit_sign(out, reporters.as_deref(), lang, false)?;
    if let Some(notice) = labels::broken(v.summary(), lang) {
        write!(out, "> {}\n\n", cell(&notice))?;
    }
    match h.kind {
        Kind::Summary => summary(out, v, lang)?,
        Kind::Unit => {
            table(out, &cells::unit_rows(v, lang, Dates::Written), lang)?;
            let bodies = cells::bodies(v, lang);
            if !bodies.is_empty() {
                write!(out, "## {}\n\n", labels::body_heading(lang))?;
                table(out, &bodies, lang)?;
            }
        }
        Kind::Ledger => table(out, &cells::ledger_rows(v, lang, Dates::Written), lang)?,
    }
    if h.kind != Kind::Summary && !v.trail().is_empty() {
        write!(out, "## {}\n\n", labels::trail_heading(lang))?;
        table(out, &cells::trail(v.trail(), lang, Dates::Written), lang)?;
    }
    if !h.inferred.is_empty() {
        write!(out, "## {}\n\n", footnotes::heading(lang))?;
        for line in footnotes::lines(&h.inferred, lang) {
            writeln!(out, "- {}", cell(&line))?;
        }
        out.write_all(b"\n")?;
    }
    unit_sign(out, reporters.as_deref(), lang, true)
}

/// A unit report's 填报人 under its heading, or (`end`) the sign-off paragraph under its
/// table with blanks for 联系电话, 审核人 and 单位（盖章）; nothing for the other kinds.
/// `reporters` is `None` for the other kinds.
fn unit_sign(out: &mut dyn Write, reporters: Option<&str>, lang: Lang, end: bool) -> io::Result<()> {
    let Some(names) = reporters else { return Ok(()) };
    let line = if end { labels::signoff(names, lang) } else { labels::reporters_line(names, lang) };
    // Underscores would read as emphasis: the blanks are escaped.
    write!(out, "{}\n\n", cell(&line).replace('_', "\\_"))
}

/// A table cell: control characters and bidi controls dropped (`text::is_unsafe`), pipes
/// escaped, line breaks as <br>.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if crate::text::is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut dyn Write, g: &Grid, lang: Lang) -> io::Result<()> {
    if g.is_empty() {
        return write!(out, "{}\n\n", labels::none(lang));
    }
    writeln!(out, "| {} |", g.heads.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(g.heads.len()))?;
    for line in g.lines() {
        let cells: Vec<String> = line.cells.iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    out.write_all(b"\n")
}

fn summary(out: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let s = v.summary();
    let h = |out: &mut dyn Write, key: &str| write!(out, "## {}\n\n", labels::part(key, lang));
    h(out, "totals")?;
    write!(out, "{}\n\n", cell(&labels::overall(s, lang)))?;
    if let Some(assist) = labels::assist_sentence(s, lang) {
        write!(out, "{}\n\n", cell(&assist))?;
    }
    h(out, "buckets")?;
    table(out, &cells::buckets(s, lang), lang)?;
    write!(out, "{}\n\n", labels::bucket_rule(lang))?;
    h(out, "units")?;
    table(out, &cells::units(s, lang, Dates::Written), lang)?;
    write!(out, "{}\n\n", labels::ranking_rule(lang))?;
    if let Some(rule) = labels::assist_rule(s, lang, false) {
        write!(out, "{rule}\n\n")?;
    }
    h(out, "sections")?;
    table(out, &cells::sections(s, lang), lang)?;
    h(out, "overdue")?;
    table(out, &cells::overdue(v, lang, Dates::Written), lang)?;
    h(out, "not_reported")?;
    write!(out, "{}\n\n", cell(&cells::not_reported(s, lang)))?;
    h(out, "completed")?;
    table(out, &cells::completed(v, lang, Dates::Written), lang)
}
