//! Walking the main part (`word/document.xml`) into tables and lines, as a reader sees them:
//!
//! - Text comes from `w:t` only, in runs not hidden (`w:vanish`); deleted and moved-away text
//!   (`w:del`, `w:moveFrom`), field codes (`w:instrText`), ruby text, tracked-change records and
//!   the fallback copy of drawings (`mc:Fallback`, which repeats the text box) are skipped;
//!   inserted text (`w:ins`) is kept. `w:br` / `w:cr` are line breaks, `w:tab` a space.
//! - Each paragraph is one line, led by its automatic number (its own `w:numPr`, or its style's).
//! - A table (`w:tbl`) is a grid: `w:gridBefore` / `w:gridAfter` give empty cells, a cell with
//!   `w:gridSpan` n is followed by n-1 empty cells, a `w:vMerge` continuation is empty; a cell's
//!   paragraphs are joined with '\n'. A table inside a cell is flattened into that cell's lines.
//!
//! The walk keeps no recursion: counters and a stack of open paragraphs (a text box's paragraphs
//! sit inside another's), so deep nesting in a hostile file cannot overflow the stack.

use quick_xml::events::{BytesStart, Event};

use super::numbering::{Definitions, Numbering};
use super::styles::Styles;
use super::{Document, xml};
use crate::import::Grid;

/// Elements whose whole content is not what a reader sees.
const SKIPPED: [&str; 13] = [
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "delInstrText",
    "Fallback",
    "rt",
    "pPrChange",
    "rPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "sectPrChange",
];

/// A cell spans at most this many grid columns; a row holds at most this many cells (Word's own
/// limit is 63 columns).
const MAX_SPAN: usize = 64;
const MAX_CELLS: usize = 512;

#[derive(Debug, Default)]
struct Para {
    text: String,
    in_props: bool,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

#[derive(Debug, Default)]
struct Cell {
    lines: Vec<String>,
    span: usize,
    continued: bool,
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<String>,
    after: usize,
}

struct Walk<'a> {
    numbering: Numbering,
    styles: &'a Styles,
    doc: Document,
    /// How many tables we are inside; only the outermost (1) makes a grid.
    depth: usize,
    rows: Vec<Vec<String>>,
    row: Option<Row>,
    cell: Option<Cell>,
    paras: Vec<Para>,
    /// Inside a skipped element: how many elements deep.
    skip: usize,
    in_text: bool,
    runs: usize,
    hidden: bool,
}

/// Walks document.xml; an error when the XML is not well formed.
pub fn walk(text: &str, numbering: Definitions, styles: &Styles) -> Result<Document, String> {
    let mut w = Walk {
        numbering: Numbering::new(numbering),
        styles,
        doc: Document::default(),
        depth: 0,
        rows: Vec::new(),
        row: None,
        cell: None,
        paras: Vec::new(),
        skip: 0,
        in_text: false,
        runs: 0,
        hidden: false,
    };
    let mut r = xml::reader(text);
    loop {
        match r.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if w.skip > 0 || SKIPPED.contains(&xml::local(&e)) => w.skip += 1,
            Event::End(_) if w.skip > 0 => w.skip -= 1,
            Event::Start(e) => w.start(&e),
            Event::End(e) => w.end(xml::end_local(&e)),
            Event::Text(t) if w.reading() => w.push(&t),
            Event::CData(t) if w.reading() => w.push(&t),
            Event::GeneralRef(g) if w.reading() => {
                if let Some(c) = xml::entity(&g) {
                    w.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(w.doc)
}

impl Walk<'_> {
    fn reading(&self) -> bool {
        self.in_text && self.skip == 0 && !self.hidden
    }

    fn push(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }

    fn start(&mut self, e: &BytesStart<'_>) {
        let outer = self.depth == 1;
        let count = |e| xml::number(e, "val").map_or(0, |n| (n as usize).min(MAX_SPAN));
        match xml::local(e) {
            "tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    self.rows.clear();
                }
            }
            "tr" if outer => self.row = Some(Row::default()),
            "gridBefore" if outer => {
                if let Some(row) = &mut self.row {
                    row.cells.extend(std::iter::repeat_n(String::new(), count(e)));
                }
            }
            "gridAfter" if outer => {
                if let Some(row) = &mut self.row {
                    row.after = count(e);
                }
            }
            "tc" if outer => self.cell = Some(Cell { span: 1, ..Cell::default() }),
            "gridSpan" if outer => {
                if let Some(cell) = &mut self.cell {
                    cell.span = count(e).max(1);
                }
            }
            "vMerge" if outer => {
                if let Some(cell) = &mut self.cell {
                    cell.continued = xml::attr(e, "val").is_none_or(|v| v == "continue");
                }
            }
            "p" => self.paras.push(Para::default()),
            name => self.inline(name, e),
        }
    }

    /// Elements inside a paragraph.
    fn inline(&mut self, name: &str, e: &BytesStart<'_>) {
        let in_props = self.paras.last().is_some_and(|p| p.in_props);
        match name {
            "pPr" => self.paras.last_mut().into_iter().for_each(|p| p.in_props = true),
            "pStyle" if in_props => self.para_prop(|p| p.style = xml::attr(e, "val")),
            "numId" if in_props => self.para_prop(|p| p.num_id = xml::attr(e, "val")),
            "ilvl" if in_props => self.para_prop(|p| p.ilvl = xml::number(e, "val").and_then(|v| u8::try_from(v).ok())),
            "r" => self.runs += 1,
            "vanish" if self.runs > 0 => self.hidden = xml::attr(e, "val").is_none_or(|v| !is_off(&v)),
            "t" => self.in_text = true,
            "br" | "cr" if self.runs > 0 && !self.hidden => self.push("\n"),
            "tab" if self.runs > 0 && !self.hidden => self.push(" "),
            "noBreakHyphen" if self.runs > 0 && !self.hidden => self.push("-"),
            _ => {}
        }
    }

    fn para_prop(&mut self, set: impl FnOnce(&mut Para)) {
        if let Some(p) = self.paras.last_mut() {
            set(p);
        }
    }

    fn end(&mut self, name: &str) {
        let outer = self.depth == 1;
        match name {
            "t" => self.in_text = false,
            "r" => {
                self.runs = self.runs.saturating_sub(1);
                self.hidden = false;
            }
            "pPr" => self.para_prop(|p| p.in_props = false),
            "p" => self.end_paragraph(),
            "tc" if outer => self.end_cell(),
            "tr" if outer => self.end_row(),
            "tbl" => {
                if outer {
                    self.doc.tables.push(Grid { rows: std::mem::take(&mut self.rows) });
                }
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paras.pop() else { return };
        let label = self.label(&p).unwrap_or_default();
        let line = label + &p.text;
        match &mut self.cell {
            Some(cell) if self.depth > 0 => cell.lines.push(line),
            _ if self.depth > 0 => {}
            _ => self.doc.paragraphs.push(line),
        }
    }

    /// The paragraph's automatic number, from its own numbering or its style's.
    fn label(&mut self, p: &Para) -> Option<String> {
        let (style_num, style_ilvl) = p.style.as_deref().map(|s| self.styles.numbering(s)).unwrap_or_default();
        let num_id = p.num_id.clone().or(style_num).filter(|id| id != "0")?;
        let ilvl = p.ilvl.or(style_ilvl).or_else(|| {
            let style = p.style.as_deref()?;
            self.numbering.definitions().level_for_style(&num_id, style)
        });
        self.numbering.next(&num_id, ilvl.unwrap_or(0))
    }

    fn end_cell(&mut self) {
        let (Some(cell), Some(row)) = (self.cell.take(), &mut self.row) else { return };
        let text = if cell.continued { String::new() } else { joined(&cell.lines) };
        if row.cells.len() < MAX_CELLS {
            row.cells.push(text);
            row.cells.extend(std::iter::repeat_n(String::new(), cell.span.saturating_sub(1)));
        }
    }

    fn end_row(&mut self) {
        let Some(mut row) = self.row.take() else { return };
        row.cells.extend(std::iter::repeat_n(String::new(), row.after));
        row.cells.truncate(MAX_CELLS);
        self.rows.push(row.cells);
    }
}

/// A cell's lines joined with '\n', empty lines at either end dropped.
fn joined(lines: &[String]) -> String {
    let blank = |l: &&String| l.trim().is_empty();
    let start = lines.iter().position(|l| !blank(&l)).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !blank(&l)).map_or(start, |i| i + 1);
    lines.get(start..end).unwrap_or_default().join("\n")
}

fn is_off(v: &str) -> bool {
    matches!(v, "0" | "false" | "off")
}

#[cfg(test)]
mod tests;
