//! The HTML renderer: one standalone, print-ready document (portrait A4, inline CSS, no
//! external assets) per report, with every piece of model text escaped.

mod style;
mod summary;

use super::{Kind, Light, Report, Row, labels};
use crate::Lang;

/// A column: heading, width in percent, and the cells' class ("" left, "c" centred,
/// "n" numeric, "long" small long text).
type Col = (&'static str, u8, &'static str);

/// Renders the report as one HTML5 document.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut h = String::with_capacity(32 * 1024);
    h.push_str("<!DOCTYPE html>\n");
    h.push_str(&format!("<html lang=\"{}\">\n<head>\n", lang.pick("zh-CN", "en")));
    h.push_str("<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{}</title>\n", escape(&labels::title(report, lang))));
    // Unit reports and the ledger are wide tables: they print on landscape pages.
    let page = match report.kind {
        Kind::Summary => "",
        _ => "@page { size: A4 landscape; margin: 15mm 12mm; }\n",
    };
    h.push_str(&format!("<style>\n{}{page}</style>\n</head>\n<body>\n", style::CSS));
    header(&mut h, report, lang);
    match report.kind {
        Kind::Summary => summary::render(&mut h, report, &report.summary, lang),
        Kind::Unit => unit(&mut h, report, lang),
        Kind::Ledger => ledger(&mut h, report, lang),
    }
    h.push_str(&format!("<footer>{}</footer>\n", escape(&labels::generated(report, lang))));
    h.push_str("</body>\n</html>\n");
    h
}

/// Title, subtitle and issuer; for a unit report also the unit, plan and report date.
fn header(h: &mut String, r: &Report, lang: Lang) {
    h.push_str(&format!("<header>\n<h1>{}</h1>\n", escape(&labels::title(r, lang))));
    h.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(&labels::subtitle(r, lang))));
    let issuer: Vec<&str> = [Some(r.plan.issuer.as_str()), r.plan.doc_no.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if !issuer.is_empty() {
        h.push_str(&format!("<p class=\"issuer\">{}</p>\n", escape(&issuer.join("　"))));
    }
    h.push_str("</header>\n");
    if r.kind == Kind::Unit {
        let name = r.unit.as_ref().map(|u| u.name.as_str()).unwrap_or_default();
        let pairs = [
            (labels::field("unit", lang), escape(name)),
            (labels::field("plan", lang), escape(&r.plan.title)),
            (labels::field("report_date", lang), r.period.due.to_string()),
        ];
        kv(h, "meta", &pairs, 1, 18);
    }
}

/// A unit's report: every assignment of the unit with its progress, problems and plans.
fn unit(h: &mut String, r: &Report, lang: Lang) {
    let col = |k| labels::col(k, lang);
    let cols = [
        (col("task"), 5, "c"),
        (col("content"), 22, ""),
        (col("deadline"), 9, ""),
        (col("status"), 7, "c"),
        (col("note"), 16, "long"),
        (col("problems"), 11, "long"),
        (col("next"), 11, "long"),
        (col("evidence"), 9, "long"),
        (col("light"), 5, "c"),
        (col("in_period"), 5, "c"),
    ];
    let rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|x| {
            vec![
                escape(&x.task),
                content(x),
                deadline(x, lang),
                escape(&labels::progress(x, lang)),
                long(x.note.as_deref()),
                long(x.problems.as_deref()),
                long(x.next.as_deref()),
                evidence(&x.evidence),
                light(x.light, lang),
                escape(labels::yes(x.updated_in_period, lang)),
            ]
        })
        .collect();
    table(h, &cols, &rows);
}

/// The ledger: every assignment, one line each.
fn ledger(h: &mut String, r: &Report, lang: Lang) {
    let col = |k| labels::col(k, lang);
    let cols = [
        (col("task"), 6, "c"),
        (col("unit"), 11, ""),
        (col("role"), 6, "c"),
        (col("deadline"), 12, ""),
        (col("status"), 9, "c"),
        (col("bucket"), 7, "c"),
        (col("light"), 8, "c"),
        (col("updated"), 11, "c"),
        (col("note"), 30, "long"),
    ];
    let rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|x| {
            vec![
                escape(&x.task),
                escape(&x.unit_name),
                escape(x.role.label(lang)),
                deadline(x, lang),
                escape(&labels::progress(x, lang)),
                escape(labels::bucket(x.bucket, lang)),
                light(x.light, lang),
                escape(&labels::when(x.updated_at)),
                long(x.note.as_deref()),
            ]
        })
        .collect();
    table(h, &cols, &rows);
}

fn heading(h: &mut String, text: &str) {
    h.push_str(&format!("<h2>{}</h2>\n", escape(text)));
}

/// The rows at `indices` (skipping any out of range).
fn picked<'a>(r: &'a Report, indices: &'a [usize]) -> impl Iterator<Item = &'a Row> {
    indices.iter().filter_map(|&i| r.rows.get(i))
}

/// A table with fixed column widths and a header repeated on every printed page. Cells are
/// HTML already escaped.
fn table(h: &mut String, cols: &[Col], rows: &[Vec<String>]) {
    h.push_str("<table>\n<colgroup>");
    for (_, width, _) in cols {
        h.push_str(&format!("<col style=\"width:{width}%\">"));
    }
    h.push_str("</colgroup>\n<thead><tr>");
    for (head, _, _) in cols {
        h.push_str(&format!("<th>{}</th>", escape(head)));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        h.push_str("<tr>");
        for (cell, (_, _, class)) in row.iter().zip(cols) {
            if class.is_empty() {
                h.push_str(&format!("<td>{cell}</td>"));
            } else {
                h.push_str(&format!("<td class=\"{class}\">{cell}</td>"));
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// `table`, or a "无" line when there are no rows.
fn table_or_none(h: &mut String, cols: &[Col], rows: &[Vec<String>], lang: Lang) {
    if rows.is_empty() {
        h.push_str(&format!("<p class=\"para\">{}</p>\n", escape(labels::none(lang))));
    } else {
        table(h, cols, rows);
    }
}

/// Label/value pairs, `per_row` pairs a line; labels take `label_width` percent each.
/// Values are HTML already escaped.
fn kv(h: &mut String, class: &str, pairs: &[(&str, String)], per_row: usize, label_width: usize) {
    let per_row = per_row.max(1);
    let value_width = (100 / per_row).saturating_sub(label_width);
    h.push_str(&format!("<table class=\"{class}\">\n<colgroup>"));
    for _ in 0..per_row {
        h.push_str(&format!("<col style=\"width:{label_width}%\"><col style=\"width:{value_width}%\">"));
    }
    h.push_str("</colgroup>\n<tbody>\n");
    for line in pairs.chunks(per_row) {
        h.push_str("<tr>");
        for (label, value) in line {
            h.push_str(&format!("<th>{}</th><td>{value}</td>", escape(label)));
        }
        for _ in line.len()..per_row {
            h.push_str("<th></th><td></td>");
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The topic in bold, then the content.
fn content(r: &Row) -> String {
    match r.topic.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => format!("<span class=\"topic\">{}</span><br>{}", escape(t), multiline(&r.content)),
        None => multiline(&r.content),
    }
}

/// The deadline phrase, then the due date and the days left or overdue in small print.
fn deadline(r: &Row, lang: Lang) -> String {
    let phrase = escape(r.deadline.as_deref().unwrap_or_default());
    let small: Vec<String> = [r.due.map(|d| d.to_string()), Some(labels::days(r, lang))]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty() && *s != r.deadline.as_deref().unwrap_or_default())
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
fn evidence(items: &[String]) -> String {
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
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
#[path = "html/tests.rs"]
mod tests;
