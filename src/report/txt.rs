//! Plain-text reports for the terminal and plain printing: aligned by cell width, long Chinese
//! text wrapped, colour (lights) only when the caller says the output is a colour terminal.
//! Written to an `io::Write` as produced; a table is read twice (measure, then write).

mod table;

use std::io::{self, Write};

use self::table::{Paint, Size, Table};
use super::cells::{self, Grid};
use super::labels::Dates;
use super::view::to_string;
use super::{Kind, Light, View, footnotes, labels};
use crate::Lang;
use crate::text::{sanitize, wrap_hanging};

/// Renders a report `width` cells wide into a string; `color` adds ANSI colours to the lights.
pub fn render(v: &dyn View, lang: Lang, width: usize, color: bool) -> String {
    to_string(|out| write(v, lang, width, color, out)).unwrap_or_default()
}

/// Writes a report `width` cells wide; `color` adds ANSI colours to the lights.
pub fn write(v: &dyn View, lang: Lang, width: usize, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Out { out, width, color, lang };
    // The heading's lines are wrapped like any paragraph.
    let mut head = Vec::new();
    Out { out: &mut head, width, color, lang }.heading(v)?;
    w.lines(&String::from_utf8_lossy(&head))?;
    // Who filled in a unit report, read from its rows once for its header and its sign-off.
    let reporters = (v.head().kind == Kind::Unit).then(|| sanitize(&labels::reporters(v, lang)));
    unit_sign(&mut w, reporters.as_deref(), false)?;
    if let Some(notice) = labels::broken(v.summary(), lang) {
        w.text(&notice)?;
        w.out.write_all(b"\n")?;
    }
    match v.head().kind {
        Kind::Summary => w.summary(v)?,
        Kind::Unit => {
            w.table(&cells::unit_rows(v, lang, Dates::Written))?;
            w.bodies(v)?;
        }
        Kind::Ledger => w.table(&cells::ledger_rows(v, lang, Dates::Written))?,
    }
    if v.head().kind != Kind::Summary && !v.trail().is_empty() {
        writeln!(w.out, "\n{}", labels::trail_heading(lang))?;
        w.table(&cells::trail(v.trail(), lang, Dates::Written))?;
    }
    inferred(&mut w, v)?;
    unit_sign(&mut w, reporters.as_deref(), true)
}

/// The footnotes on what the plan infers, if any.
fn inferred(w: &mut Out, v: &dyn View) -> io::Result<()> {
    let notes = &v.head().inferred;
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(w.out, "\n{}", footnotes::heading(w.lang))?;
    footnotes::lines(notes, w.lang).iter().try_for_each(|l| w.text(l))
}

/// A unit report's 填报人 under its heading, or (`end`) the sign-off line under its table with
/// blanks for 联系电话, 审核人 and 单位（盖章）; nothing for the other kinds.
/// `reporters` is `None` for the other kinds.
fn unit_sign(w: &mut Out, reporters: Option<&str>, end: bool) -> io::Result<()> {
    let Some(names) = reporters else { return Ok(()) };
    if end {
        w.out.write_all(b"\n")?;
        w.text(&labels::signoff(names, w.lang))
    } else {
        w.text(&labels::reporters_line(names, w.lang))?;
        w.out.write_all(b"\n")
    }
}

/// Where the text goes and how it is laid out.
struct Out<'o> {
    out: &'o mut dyn Write,
    width: usize,
    color: bool,
    lang: Lang,
}

impl Out<'_> {
    fn heading(&mut self, v: &dyn View) -> io::Result<()> {
        let (h, lang) = (v.head(), self.lang);
        writeln!(self.out, "{}\n{}", sanitize(&labels::title(h, lang)), sanitize(&labels::subtitle(h, lang)))?;
        let issuer = match &h.plan.doc_no {
            Some(no) => format!("{}（{}）", h.plan.issuer, no),
            None => h.plan.issuer.clone(),
        };
        write!(self.out, "{}\n\n", sanitize(&issuer))
    }

    /// A paragraph (or several, one a line), wrapped.
    fn text(&mut self, s: &str) -> io::Result<()> {
        for line in s.split('\n') {
            writeln!(self.out, "{}", wrapped(&sanitize(line), self.width).join("\n"))?;
        }
        Ok(())
    }

    /// Text already made safe, written as it is except that each line is wrapped.
    fn lines(&mut self, s: &str) -> io::Result<()> {
        for line in s.split_inclusive('\n') {
            let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
            write!(self.out, "{}{end}", wrapped(body, self.width).join("\n"))?;
        }
        Ok(())
    }

    /// A table: measured in one pass over its lines, written in a second.
    fn table(&mut self, g: &Grid) -> io::Result<()> {
        let sizes: Vec<Size> = g.keys.iter().map(|k| size(k)).collect();
        let mut t = Table::new(&g.heads, &sizes);
        for line in g.lines() {
            t.measure(&line.cells);
        }
        let widths = t.widths(self.width);
        t.head(self.out, &widths)?;
        let light_col = g.keys.iter().position(|k| *k == "light");
        for line in g.lines() {
            let painted: Vec<(&str, Paint)> = line
                .cells
                .iter()
                .enumerate()
                .map(|(i, c)| (c.as_ref(), if Some(i) == light_col { paint(line.light) } else { Paint::None }))
                .collect();
            table::line(self.out, &painted, &widths, self.color)?;
        }
        Ok(())
    }

    /// A unit report's paragraphs from the document's body, under their heading (nothing when
    /// the plan gives none): the assignments' table has no room for them.
    fn bodies(&mut self, v: &dyn View) -> io::Result<()> {
        let g = cells::bodies(v, self.lang);
        if g.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "\n{}", labels::body_heading(self.lang))?;
        self.table(&g)
    }

    /// A table, or "无" when it has no lines.
    fn table_or_none(&mut self, g: &Grid) -> io::Result<()> {
        if g.is_empty() { self.text(labels::none(self.lang)) } else { self.table(g) }
    }

    fn part(&mut self, key: &str) -> io::Result<()> {
        writeln!(self.out, "{}", labels::part(key, self.lang))
    }

    fn summary(&mut self, v: &dyn View) -> io::Result<()> {
        let (s, lang) = (v.summary(), self.lang);
        self.part("totals")?;
        self.text(&labels::overall(s, lang))?;
        if let Some(assist) = labels::assist_sentence(s, lang) {
            self.text(&assist)?;
        }
        self.part_end("buckets")?;
        self.table_or_none(&cells::buckets(s, lang))?;
        self.text(labels::bucket_rule(lang))?;
        self.part_end("units")?;
        self.table_or_none(&cells::units(s, lang, Dates::Written))?;
        self.text(labels::ranking_rule(lang))?;
        if let Some(rule) = labels::assist_rule(s, lang, false) {
            self.text(rule)?;
        }
        self.part_end("sections")?;
        self.table_or_none(&cells::sections(s, lang))?;
        self.part_end("overdue")?;
        self.table_or_none(&cells::overdue(v, lang, Dates::Written))?;
        self.part_end("not_reported")?;
        self.text(&cells::not_reported(s, lang))?;
        self.part_end("completed")?;
        self.table_or_none(&cells::completed(v, lang, Dates::Written))?;
        self.out.write_all(b"\n")
    }

    /// The blank line that ends a part, then the next part's heading.
    fn part_end(&mut self, next: &str) -> io::Result<()> {
        self.out.write_all(b"\n")?;
        self.part(next)
    }
}

/// A paragraph's lines at `width` (at least 20), without the spaces that end them; a list
/// item's lines hang under its text.
fn wrapped(s: &str, width: usize) -> Vec<String> {
    wrap_hanging(s, width.max(20))
}

/// Long-text columns share the free width; the others fit their content up to a cap.
fn size(key: &str) -> Size {
    match key {
        "content" | "body" | "note" | "problems" | "next" | "section" => Size::Flex,
        "task" | "rank" => Size::Fit(6),
        "unit" => Size::Fit(24),
        "deadline" | "status" => Size::Fit(14),
        "evidence" => Size::Fit(24),
        "record" | "corrects" => Size::Fit(12),
        "updated" | "last_update" => Size::Fit(22),
        "due" => Size::Fit(16),
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
