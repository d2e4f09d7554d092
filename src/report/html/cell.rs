//! The HTML cells: model text escaped (one line, or long text with its line breaks), and the
//! typed cells shared by the tables: content with its topic, deadline, evidence, light, time.

use chrono::{DateTime, FixedOffset};

use crate::Lang;
use crate::ledger::Evidence;
use crate::report::{Light, RowRef, labels};
use crate::text::is_unsafe;

/// The topic in bold, then the content.
pub(super) fn content(r: &RowRef) -> String {
    match r.topic.filter(|t| !t.trim().is_empty()) {
        Some(t) => format!("<span class=\"topic\">{}</span><br>{}", escape(t), multiline(r.content)),
        None => multiline(r.content),
    }
}

/// The deadline phrase, then the due date and the days left or overdue in small print.
pub(super) fn deadline(r: &RowRef, lang: Lang) -> String {
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

pub(super) fn long(s: Option<&str>) -> String {
    s.map(multiline).unwrap_or_default()
}

/// Evidence as a list; http(s) addresses become links (escaped, never loaded).
pub(super) fn evidence(items: Evidence) -> String {
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
pub(super) fn light(l: Light, lang: Lang) -> String {
    let class = match l {
        Light::Red => "red",
        Light::Yellow => "yellow",
        Light::Green => "green",
    };
    format!("<span class=\"light {class}\"><span class=\"dot\"></span>{}</span>", escape(labels::light(l, lang)))
}

/// One line of text, safe for HTML text and attribute values: control characters and bidi
/// overrides made harmless (line breaks become spaces), then `& < > " '` escaped.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::sanitize(s).chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// Long text: like `escape`, but line breaks become `<br>` and tabs spaces; any other
/// control character becomes U+FFFD.
pub(super) fn multiline(s: &str) -> String {
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

/// The time of the state's record as a date, the time of day under it in small print, and
/// "（补报）" after a late one; empty for none.
pub(super) fn updated(r: &RowRef, lang: Lang) -> String {
    let Some(at) = r.updated_at else { return String::new() };
    let late = if r.late { escape(labels::late_mark(lang)) } else { String::new() };
    format!("{}<br><span class=\"sub\">{}</span>{late}", escape(&labels::date(at.date_naive(), lang)), clock(at))
}

/// "09:30" in the time's own offset.
fn clock(at: DateTime<FixedOffset>) -> String {
    at.format("%H:%M").to_string()
}

/// The deadline phrase, and under it how many days overdue when it is (the ledger's short form).
pub(super) fn deadline_short(r: &RowRef, lang: Lang) -> String {
    let phrase = escape(r.deadline.unwrap_or_default());
    let days = if r.overdue { labels::days(r, lang) } else { String::new() };
    match (phrase.is_empty(), days.is_empty()) {
        (_, true) => phrase,
        (true, false) => format!("<span class=\"sub\">{}</span>", escape(&days)),
        (false, false) => format!("{phrase}<br><span class=\"sub\">{}</span>", escape(&days)),
    }
}

/// A task's name (its topic, else its content), cut to `cells` terminal cells.
pub(super) fn name(r: &RowRef, cells: usize) -> String {
    escape(&crate::text::truncate(labels::name_of(r).trim(), cells.max(4)))
}
