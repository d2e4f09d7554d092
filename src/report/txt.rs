//! Plain-text reports for the terminal and plain printing: aligned by cell width, long Chinese
//! text wrapped, colour (lights) only when the caller says the output is a colour terminal.

mod table;

use self::table::{Paint, Size, Table};
use super::cells::{self, Grid};
use super::{Kind, Light, Report, Summary, labels};
use crate::Lang;
use crate::text::{sanitize, wrap};

/// Renders a report `width` cells wide; `color` adds ANSI colours to the lights.
pub fn render(r: &Report, lang: Lang, width: usize, color: bool) -> String {
    let mut out = heading(r, lang);
    let table = |g: Grid| to_table(g).render(width, color);
    match r.kind {
        Kind::Summary => summary(&mut out, r, &r.summary, lang, width, color),
        Kind::Unit => out.push_str(&table(cells::unit_rows(&r.rows, lang))),
        Kind::Ledger => out.push_str(&table(cells::ledger_rows(&r.rows, lang))),
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

/// Long-text columns share the free width; the others fit their content up to a cap.
fn size(key: &str) -> Size {
    match key {
        "content" | "note" | "problems" | "next" | "section" => Size::Flex,
        "task" | "rank" => Size::Fit(6),
        "unit" => Size::Fit(24),
        "deadline" | "status" => Size::Fit(14),
        "evidence" => Size::Fit(24),
        "updated" | "last_update" => Size::Fit(16),
        _ => Size::Fit(12),
    }
}

fn paint(l: Option<Light>) -> Paint {
    match l {
        Some(Light::Red) => Paint::Red,
        Some(Light::Yellow) => Paint::Yellow,
        Some(Light::Green) => Paint::Green,
        None => Paint::None,
    }
}

fn to_table(g: Grid) -> Table {
    let sizes: Vec<Size> = g.keys.iter().map(|k| size(k)).collect();
    let mut t = Table::new(&g.heads, &sizes);
    let light_col = g.keys.iter().position(|k| *k == "light");
    for (cells, light) in g.rows.into_iter().zip(g.lights) {
        let painted = cells
            .into_iter()
            .enumerate()
            .map(|(i, c)| (c, if Some(i) == light_col { paint(light) } else { Paint::None }))
            .collect();
        t.push_painted(painted);
    }
    t
}

fn summary(out: &mut String, r: &Report, s: &Summary, lang: Lang, width: usize, color: bool) {
    let text = |s: &str| format!("{}\n", wrap(&sanitize(s), width.max(20)).join("\n"));
    let table = |g: Grid| {
        if g.rows.is_empty() { text(labels::none(lang)) } else { to_table(g).render(width, color) }
    };
    let parts = [
        ("totals", text(&labels::overall(r, lang))),
        ("buckets", format!("{}{}", table(cells::buckets(s, lang)), text(labels::bucket_rule(lang)))),
        ("units", table(cells::units(s, lang))),
        ("sections", table(cells::sections(s, lang))),
        ("overdue", table(cells::overdue(r, s, lang))),
        ("not_reported", text(&cells::not_reported(s, lang))),
        ("completed", table(cells::completed(r, s, lang))),
    ];
    for (key, body) in parts {
        out.push_str(labels::part(key, lang));
        out.push('\n');
        out.push_str(&body);
        out.push('\n');
    }
}
