//! The HTML renderer: one standalone, print-ready document (portrait A4, inline CSS, no
//! external assets) per report, with every piece of model text escaped.

mod style;
mod summary;

use std::io::{self, Write};

use super::view::to_string;
use super::{Kind, Light, RowRef, View, labels};
use crate::Lang;
use crate::ledger::Evidence;
use crate::text::is_unsafe;

/// A column: heading, width in percent, and the cells' class ("" left, "c" centred,
/// "n" numeric, "long" small long text).
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
    let page = match head.kind {
        Kind::Summary => "",
        _ => "@page { size: A4 landscape; margin: 15mm 12mm; }\n",
    };
    write!(h, "<style>\n{}{page}</style>\n</head>\n<body>\n", style::CSS)?;
    header(h, v, lang)?;
    if let Some(notice) = labels::broken(v.summary(), lang) {
        writeln!(h, "<p class=\"para notice\">{}</p>", escape(&notice))?;
    }
    match head.kind {
        Kind::Summary => summary::render(h, v, lang)?,
        Kind::Unit => unit(h, v, lang)?,
        Kind::Ledger => ledger(h, v, lang)?,
    }
    if head.kind != Kind::Summary && !v.trail().is_empty() {
        trail(h, v, lang)?;
    }
    writeln!(h, "<footer>{}</footer>", escape(&labels::generated(head, lang)))?;
    h.write_all(b"</body>\n</html>\n")
}

/// Title, subtitle and issuer; for a unit report also the unit, plan and report date.
fn header(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let r = v.head();
    write!(h, "<header>\n<h1>{}</h1>\n", escape(&labels::title(r, lang)))?;
    writeln!(h, "<p class=\"subtitle\">{}</p>", escape(&labels::subtitle(r, lang)))?;
    let issuer: Vec<&str> = [Some(r.plan.issuer.as_str()), r.plan.doc_no.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if !issuer.is_empty() {
        writeln!(h, "<p class=\"issuer\">{}</p>", escape(&issuer.join("　")))?;
    }
    h.write_all(b"</header>\n")?;
    if r.kind == Kind::Unit {
        let name = r.unit.as_ref().map(|u| u.name.as_str()).unwrap_or_default();
        let pairs = [
            (labels::field("unit", lang), escape(name)),
            (labels::field("plan", lang), escape(&r.plan.title)),
            (labels::field("report_date", lang), r.period.due.to_string()),
        ];
        kv(h, "meta", &pairs, 1, 18)?;
    }
    Ok(())
}

/// A unit's report: every assignment of the unit with its progress, problems and plans.
fn unit(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let col = |k| labels::col(k, lang);
    let cols = [
        (col("task"), 5, "c"),
        (col("content"), 20, ""),
        (col("deadline"), 9, ""),
        (col("status"), 7, "c"),
        (col("note"), 15, "long"),
        (col("problems"), 10, "long"),
        (col("next"), 10, "long"),
        (col("evidence"), 9, "long"),
        (col("by"), 5, "c"),
        (col("light"), 5, "c"),
        (col("in_period"), 5, "c"),
    ];
    let rows = v.rows().map(|x| {
        vec![
            escape(x.task),
            content(&x),
            deadline(&x, lang),
            escape(&labels::progress(&x, lang)),
            long(x.note),
            long(x.problems),
            long(x.next),
            evidence(x.evidence),
            escape(x.by.unwrap_or_default()),
            light(x.light, lang),
            escape(labels::in_period(&x, lang)),
        ]
    });
    table(h, &cols, rows)
}

/// The ledger: every assignment, one line each.
fn ledger(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let col = |k| labels::col(k, lang);
    let cols = [
        (col("task"), 5, "c"),
        (col("unit"), 10, ""),
        (col("role"), 5, "c"),
        (col("deadline"), 10, ""),
        (col("status"), 9, "c"),
        (col("bucket"), 6, "c"),
        (col("light"), 6, "c"),
        (col("updated"), 10, "c"),
        (col("note"), 25, "long"),
        (col("by"), 6, "c"),
        (col("record"), 8, "c"),
    ];
    let rows = v.rows().map(|x| {
        vec![
            escape(x.task),
            escape(x.unit_name),
            escape(x.role.label(lang)),
            deadline(&x, lang),
            escape(&labels::progress(&x, lang)),
            escape(labels::bucket(x.bucket, lang)),
            light(x.light, lang),
            escape(&labels::updated(&x, lang, labels::Dates::Written)),
            long(x.note),
            escape(x.by.unwrap_or_default()),
            escape(x.record.unwrap_or_default()),
        ]
    });
    table(h, &cols, rows)
}

/// Corrections and withdrawals, from the shared text cells.
fn trail(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    heading(h, labels::trail_heading(lang))?;
    let g = super::cells::trail(v.trail(), lang, super::labels::Dates::Written);
    let widths = [9, 5, 12, 6, 9, 11, 7, 10, 31];
    let cols: Vec<Col> = g.heads.iter().zip(widths).map(|(head, w)| (*head, w, "")).collect();
    let rows = g.lines().map(|line| line.cells.iter().map(|c| escape(c)).collect());
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

/// The topic in bold, then the content.
fn content(r: &RowRef) -> String {
    match r.topic.filter(|t| !t.trim().is_empty()) {
        Some(t) => format!("<span class=\"topic\">{}</span><br>{}", escape(t), multiline(r.content)),
        None => multiline(r.content),
    }
}

/// The deadline phrase, then the due date and the days left or overdue in small print.
fn deadline(r: &RowRef, lang: Lang) -> String {
    let phrase = escape(r.deadline.unwrap_or_default());
    let small: Vec<String> = [r.due.map(|d| labels::date(d, lang)), Some(labels::days(r, lang))]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty() && *s != r.deadline.unwrap_or_default())
        .collect();
    if small.is_empty() {
        return phrase;
    }
    let sep = if phrase.is_empty() { "" } else { "<br>" };
    format!("{phrase}{sep}<span class=\"sub\">{}</span>", escape(&small.join(" · ")))
}

fn long(s: Option<&str>) -> String {
    s.map(multiline).unwrap_or_default()
}

/// Evidence as a list; http(s) addresses become links (escaped, never loaded).
fn evidence(items: Evidence) -> String {
    let items: Vec<&str> = items.iter().map(|e| e.trim()).filter(|e| !e.is_empty()).collect();
    if items.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"ev\">");
    for e in items {
        let url = (e.starts_with("https://") || e.starts_with("http://"))
            && !e.chars().any(|c| c.is_whitespace() || is_unsafe(c));
        if url {
            let e = escape(e);
            out.push_str(&format!("<li><a href=\"{e}\">{e}</a></li>"));
        } else {
            out.push_str(&format!("<li>{}</li>", escape(e)));
        }
    }
    out.push_str("</ul>");
    out
}

/// The light's symbol and word, after a dot coloured by CSS class.
fn light(l: Light, lang: Lang) -> String {
    let class = match l {
        Light::Red => "red",
        Light::Yellow => "yellow",
        Light::Green => "green",
    };
    format!("<span class=\"light {class}\"><span class=\"dot\"></span>{}</span>", escape(labels::light(l, lang)))
}

/// One line of text, safe for HTML text and attribute values: control characters and bidi
/// overrides made harmless (line breaks become spaces), then `& < > " '` escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::sanitize(s).chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// Long text: like `escape`, but line breaks become `<br>` and tabs spaces; any other
/// control character becomes U+FFFD.
fn multiline(s: &str) -> String {
    let s = s.trim_end().replace("\r\n", "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c if is_unsafe(c) => out.push('\u{FFFD}'),
            c => push_escaped(&mut out, c),
        }
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// Control characters and bidi overrides.
#[cfg(test)]
#[path = "html/tests.rs"]
mod tests;
