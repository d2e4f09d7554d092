//! The document's lines cut into numbered blocks: a block starts at a numbered line and takes
//! the lines after it (hard line breaks, empty lines of a page break) until the next numbered
//! line or scope statement, or until it ends with a responsibility bracket — lines after that
//! are text outside any item. Page furniture is passed over wherever it falls.

use super::bracket;
use super::clean::{self, Line};
use super::marker::{Level, marker};
use super::scope::{Statement, statement};
use crate::import::table::lines::{Line as Kind, classify};

/// A numbered line and the lines that continue it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub level: Level,
    /// The number in arabic digits.
    pub number: String,
    /// The first line (1-based).
    pub line: usize,
    /// The first line as cleaned, marker included.
    pub first: String,
    /// Bytes of the marker (and the spaces after it) in `first`.
    pub marker_len: usize,
    /// The first line's bold run, marker included.
    pub bold: Option<String>,
    /// The text after the marker, wrapped lines joined.
    pub text: String,
    /// The lines after the first that were joined (1-based).
    pub more: Vec<usize>,
    /// It ends with a responsibility or deadline bracket.
    pub complete: bool,
    /// Lines after it was complete (1-based): text outside any item.
    pub after: Vec<usize>,
}

/// What the document holds, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Block(Block),
    Scope { statement: Statement, line: usize },
}

/// The blocks and statements, and the lines before the first of them (for the title, else
/// skipped), with their 1-based numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walk {
    pub events: Vec<Event>,
    pub loose: Vec<(usize, String)>,
    /// Lines between blocks that are none of these (1-based).
    pub skipped: Vec<usize>,
}

/// True for page numbers, "续表" and the title repeated.
pub fn is_furniture(text: &str, title: Option<&str>) -> bool {
    classify(text, title) == Kind::Furniture
}

/// Walks the cleaned lines.
pub fn walk(lines: &[Line], title: Option<&str>) -> Walk {
    let mut out = Walk::default();
    let mut open: Option<Block> = None;
    for (i, l) in lines.iter().enumerate() {
        let n = i + 1;
        let text = l.text.as_str();
        if text.is_empty() || is_furniture(text, title) {
            continue;
        }
        if let Some(m) = marker(text) {
            out.events.extend(open.take().map(Event::Block));
            let rest = text.get(m.len..).unwrap_or_default();
            let mut b = Block {
                level: m.level,
                number: m.number,
                line: n,
                first: text.to_string(),
                marker_len: m.len,
                bold: l.bold.clone(),
                text: rest.to_string(),
                more: Vec::new(),
                complete: false,
                after: Vec::new(),
            };
            b.complete = bracket::ends_with_fields(&b.text);
            open = Some(b);
        } else if let Some(statement) = statement(text) {
            out.events.extend(open.take().map(Event::Block));
            out.events.push(Event::Scope { statement, line: n });
        } else if let Some(b) = open.as_mut() {
            if b.complete {
                b.after.push(n);
            } else {
                clean::append(&mut b.text, text);
                b.more.push(n);
                b.complete = bracket::ends_with_fields(&b.text);
            }
        } else if out.events.is_empty() {
            out.loose.push((n, text.to_string()));
        } else {
            out.skipped.push(n);
        }
    }
    out.events.extend(open.map(Event::Block));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> Vec<Line> {
        text.lines().map(clean::line).collect()
    }

    #[test]
    fn an_item_runs_until_its_bracket_closes() {
        let lines = cleaned(
            "标题\n1.做好\n\n公开。（市财政局按职责\n— 3 —\n牵头负责)\n此后的说明。\n2.加强（责任单位：市商务局）",
        );
        let w = walk(&lines, None);
        assert_eq!(w.loose, vec![(1, "标题".to_string())]);
        let blocks: Vec<&Block> =
            w.events.iter().filter_map(|e| if let Event::Block(b) = e { Some(b) } else { None }).collect();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, "做好公开。（市财政局按职责牵头负责)");
        assert!(blocks[0].complete);
        assert_eq!(blocks[0].more, vec![4, 6]);
        assert_eq!(blocks[0].after, vec![7]);
        assert_eq!(blocks[1].number, "2");
    }

    #[test]
    fn a_statement_ends_the_item_before_it() {
        let w = walk(&cleaned("1.做好公开\n以上各项由各县（区）负责。\n说明"), None);
        assert!(matches!(&w.events[..], [Event::Block(_), Event::Scope { line: 2, .. }]));
        assert_eq!(w.loose, vec![]);
        assert_eq!(w.skipped, vec![3], "prose after a statement, no item open");
    }
}
