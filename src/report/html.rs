//! The HTML renderer: one standalone, print-ready document per report (inline CSS, no
//! external assets; A4 portrait for the summary, landscape for the unit report and the ledger,
//! page numbers in the bottom margin), with every piece of model text escaped.

mod cell;
mod layout;
mod ledger;
mod notice;
mod style;
mod summary;
mod unit;

use std::io::{self, Write};

use self::cell::escape;
use super::view::to_string;
use super::{Kind, View, labels};
use crate::Lang;

/// A column: heading, width in percent, and the cells' class ("" left, "c" centred,
/// "n" numeric, "long" small long text, "rec" a record id).
type Col = (&'static str, u8, &'static str);

/// Renders the report as one HTML5 document in a string.
pub fn render(v: &dyn View, lang: Lang) -> String {
    to_string(|out| write(v, lang, out)).unwrap_or_default()
}

/// Writes the report as one HTML5 document.
pub fn write(v: &dyn View, lang: Lang, h: &mut dyn Write) -> io::Result<()> {
    let head = v.head();
    h.write_all(b"<!DOCTYPE html>\n")?;
    write!(h, "<html lang=\"{}\">\n<head>\n", lang.pick("zh-CN", "en"))?;
    h.write_all(b"<meta charset=\"utf-8\">\n")?;
    h.write_all(b"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")?;
    writeln!(h, "<title>{}</title>", escape(&labels::title(head, lang)))?;
    // Unit reports and the ledger are wide tables: they print on landscape pages.
    let wide = head.kind != Kind::Summary;
    let (page, body) = if wide { (style::WIDE, "<body class=\"wide\">") } else { ("", "<body>") };
    write!(h, "<style>\n{}{page}</style>\n</head>\n{body}\n", style::CSS)?;
    match head.kind {
        Kind::Summary => notice::header(h, v, lang)?,
        _ => header(h, v, lang)?,
    }
    if let Some(notice) = labels::broken(v.summary(), lang) {
        writeln!(h, "<p class=\"para notice\">{}</p>", escape(&notice))?;
    }
    // Who filled in a unit report, read from its rows once for its header and its sign-off.
    let reporters = if head.kind == Kind::Unit { labels::reporters(v, lang) } else { String::new() };
    match head.kind {
        Kind::Summary => summary::render(h, v, lang)?,
        Kind::Unit => {
            unit::render(h, v, lang, &reporters)?;
            bodies(h, v, lang)?;
        }
        Kind::Ledger => ledger::render(h, v, lang)?,
    }
    if wide && !v.trail().is_empty() {
        trail(h, v, lang)?;
    }
    if !head.inferred.is_empty() {
        heading(h, super::footnotes::heading(lang))?;
        for line in super::footnotes::lines(&head.inferred, lang) {
            writeln!(h, "<p class=\"para\">{}</p>", escape(&line))?;
        }
    }
    match head.kind {
        Kind::Summary => notice::close(h, v, lang)?,
        Kind::Unit => unit::signoff(h, &reporters, lang)?,
        Kind::Ledger => {}
    }
    h.write_all(b"</body>\n</html>\n")
}

/// Title, then the period, the plan's issuer and its number (unit report and ledger).
fn header(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let r = v.head();
    write!(h, "<header>\n<h1>{}</h1>\n", escape(&labels::title(r, lang)))?;
    // On a landscape page the period and the issuer share one line.
    let mut line = vec![labels::subtitle(r, lang)];
    line.extend([Some(r.plan.issuer.as_str()), r.plan.doc_no.as_deref()].into_iter().flatten().map(str::to_string));
    line.retain(|s| !s.trim().is_empty());
    writeln!(h, "<p class=\"subtitle\">{}</p>", escape(&line.join("　")))?;
    h.write_all(b"</header>\n")
}

/// Corrections and withdrawals, from the shared text cells, the notes in small print.
fn trail(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    heading(h, labels::trail_heading(lang))?;
    grid(h, &super::cells::trail(v.trail(), lang, super::labels::Dates::Written), ("note", "long"), escape)
}

/// A unit report's paragraphs from the document's body, under their heading (nothing when the
/// plan gives none).
fn bodies(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let g = super::cells::bodies(v, lang);
    if g.is_empty() {
        return Ok(());
    }
    heading(h, labels::body_heading(lang))?;
    grid(h, &g, ("body", ""), cell::multiline)
}

/// A table of shared text cells written by `html`: each column as wide as its longest cell (up
/// to a cap), the column `flex.0` (cells of class `flex.1`) taking the rest.
fn grid(
    h: &mut dyn Write,
    g: &super::cells::Grid,
    flex: (&str, &'static str),
    html: fn(&str) -> String,
) -> io::Result<()> {
    let specs: Vec<layout::Spec> = g
        .keys
        .iter()
        .zip(&g.heads)
        .enumerate()
        .map(|(i, (key, head))| {
            if *key == flex.0 {
                return (*head, layout::Size::Flex(1), flex.1);
            }
            let longest = g.lines().map(|l| l.cells.get(i).map_or(0.0, |c| layout::em(c))).fold(0.0, f32::max);
            (*head, layout::Size::Fit(longest.min(10.0)), "")
        })
        .collect();
    let cols = layout::lay(&specs, &layout::LANDSCAPE);
    let rows = g.lines().map(|line| line.cells.iter().map(|c| html(c)).collect());
    table(h, &cols, rows)
}

fn heading(h: &mut dyn Write, text: &str) -> io::Result<()> {
    writeln!(h, "<h2>{}</h2>", escape(text))
}

/// A table with fixed column widths and a header repeated on every printed page. Cells are
/// HTML already escaped.
fn table(h: &mut dyn Write, cols: &[Col], rows: impl Iterator<Item = Vec<String>>) -> io::Result<()> {
    h.write_all(b"<table>\n<colgroup>")?;
    for (_, width, _) in cols {
        write!(h, "<col style=\"width:{width}%\">")?;
    }
    h.write_all(b"</colgroup>\n<thead><tr>")?;
    for (head, _, _) in cols {
        write!(h, "<th>{}</th>", escape(head))?;
    }
    h.write_all(b"</tr></thead>\n<tbody>\n")?;
    for row in rows {
        h.write_all(b"<tr>")?;
        for (cell, (_, _, class)) in row.iter().zip(cols) {
            if class.is_empty() {
                write!(h, "<td>{cell}</td>")?;
            } else {
                write!(h, "<td class=\"{class}\">{cell}</td>")?;
            }
        }
        h.write_all(b"</tr>\n")?;
    }
    h.write_all(b"</tbody>\n</table>\n")
}

/// `table`, or a "无" line when there are no rows.
fn table_or_none(
    h: &mut dyn Write,
    cols: &[Col],
    rows: impl Iterator<Item = Vec<String>>,
    lang: Lang,
) -> io::Result<()> {
    let mut rows = rows.peekable();
    if rows.peek().is_none() {
        writeln!(h, "<p class=\"para\">{}</p>", escape(labels::none(lang)))
    } else {
        table(h, cols, rows)
    }
}

/// Label/value pairs, `per_row` pairs a line; labels take `label_width` percent each.
/// Values are HTML already escaped.
fn kv(h: &mut dyn Write, class: &str, pairs: &[(&str, String)], per_row: usize, label_width: usize) -> io::Result<()> {
    let per_row = per_row.max(1);
    let value_width = (100 / per_row).saturating_sub(label_width);
    write!(h, "<table class=\"{class}\">\n<colgroup>")?;
    for _ in 0..per_row {
        write!(h, "<col style=\"width:{label_width}%\"><col style=\"width:{value_width}%\">")?;
    }
    h.write_all(b"</colgroup>\n<tbody>\n")?;
    for line in pairs.chunks(per_row) {
        h.write_all(b"<tr>")?;
        for (label, value) in line {
            write!(h, "<th>{}</th><td>{value}</td>", escape(label))?;
        }
        for _ in line.len()..per_row {
            h.write_all(b"<th></th><td></td>")?;
        }
        h.write_all(b"</tr>\n")?;
    }
    h.write_all(b"</tbody>\n</table>\n")
}

#[cfg(test)]
#[path = "html/print_tests.rs"]
mod print_tests;
#[cfg(test)]
#[path = "html/tests.rs"]
mod tests;
