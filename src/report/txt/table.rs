//! A plain-text table: columns sized in terminal cells, long cells wrapped onto several lines,
//! optional ANSI colour per cell. Nothing from the data reaches the terminal unsanitised. The
//! table is written in two passes over its lines: one to measure the columns, one to write.

use std::borrow::Cow;
use std::io::{self, Write};

mod widths;

use self::widths::{COUNTED, Column, GAP};
use crate::text::{hang, sanitized, width};

/// How a column is sized.
#[derive(Debug, Clone, Copy)]
pub enum Size {
    /// As wide as its widest cell, up to this many cells.
    Fit(usize),
    /// Long text: as wide as its widest cell when there is room, else it shares the room
    /// left with the other flexible columns (see [`Table::widths`]).
    Flex,
}

/// A cell's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    None,
    Red,
    Yellow,
    Green,
}

/// A table's columns and, once its lines are measured, how wide each one's content is.
pub struct Table {
    heads: Vec<String>,
    sizes: Vec<Size>,
    /// Widest line of each column so far, headings included, in cells.
    widest: Vec<usize>,
    /// Widest line of each column so far under its heading.
    content: Vec<usize>,
    /// How many cells of each column have their widest line how wide (see [`Column`]).
    counts: Vec<Vec<u32>>,
}

impl Table {
    pub fn new(heads: &[&str], sizes: &[Size]) -> Table {
        let mut t = Table {
            heads: heads.iter().map(|h| h.to_string()).collect(),
            sizes: sizes.to_vec(),
            widest: vec![0; heads.len()],
            content: vec![0; heads.len()],
            counts: vec![vec![0; COUNTED + 1]; heads.len()],
        };
        t.measure(heads);
        t.content.fill(0);
        t
    }

    /// First pass: takes in one line's cells.
    pub fn measure<S: AsRef<str>>(&mut self, cells: &[S]) {
        for (i, c) in cells.iter().enumerate().take(self.widest.len()) {
            let cell = widest_line(c.as_ref());
            self.widest[i] = self.widest[i].max(cell);
            self.content[i] = self.content[i].max(cell);
            self.counts[i][cell.min(COUNTED)] += 1;
        }
    }

    /// Column widths for lines no wider than `total` cells (see [`widths`]).
    pub fn widths(&self, total: usize) -> Vec<usize> {
        let cols: Vec<Column> = (0..self.sizes.len())
            .map(|i| Column {
                size: self.sizes[i],
                widest: self.widest[i],
                content: self.content[i],
                counts: &self.counts[i],
            })
            .collect();
        widths::widths(&cols, total)
    }

    /// Writes the heading and the rule under it.
    pub fn head(&self, out: &mut dyn Write, widths: &[usize]) -> io::Result<()> {
        let head: Vec<(&str, Paint)> = self.heads.iter().map(|h| (h.as_str(), Paint::None)).collect();
        line(out, &head, widths, false)?;
        let rules: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        let rule: Vec<(&str, Paint)> = rules.iter().map(|r| (r.as_str(), Paint::None)).collect();
        line(out, &rule, widths, false)
    }
}

fn widest_line(s: &str) -> usize {
    s.lines().map(|l| width(&sanitized(l))).max().unwrap_or(0)
}

/// A cell's line `p` wrapped at `w`: each line with the indent it is shown after (a list
/// item's lines hang under its text).
fn hung(p: &str, w: usize) -> impl Iterator<Item = (usize, &str)> {
    let (indent, lines) = hang(p, w);
    lines.into_iter().enumerate().map(move |(k, l)| (if k == 0 { 0 } else { indent }, l))
}

/// One table row, as many terminal lines as its tallest wrapped cell.
pub fn line(out: &mut dyn Write, cells: &[(&str, Paint)], widths: &[usize], color: bool) -> io::Result<()> {
    let parts: Vec<Vec<Cow<str>>> = cells.iter().map(|(c, _)| c.split('\n').map(sanitized).collect()).collect();
    let wrapped: Vec<Vec<(usize, &str)>> =
        parts.iter().zip(widths).map(|(ps, w)| ps.iter().flat_map(|p| hung(p, *w)).collect()).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let mut text = String::new();
    for k in 0..height {
        text.clear();
        for (i, (lines, w)) in wrapped.iter().zip(widths).enumerate() {
            // Spaces that end a wrapped line hang past its width: dropped (by `hang`).
            let (indent, cell) = lines.get(k).copied().unwrap_or((0, ""));
            let paint = cells[i].1;
            let painted = color && paint != Paint::None && !cell.is_empty();
            text.extend(std::iter::repeat_n(' ', indent));
            if painted {
                text.push_str("\u{1b}[");
                text.push_str(code(paint));
                text.push('m');
            }
            text.push_str(cell);
            text.extend(std::iter::repeat_n(' ', w.saturating_sub(indent + width(cell))));
            if painted {
                text.push_str("\u{1b}[0m");
            }
            if i + 1 < widths.len() {
                text.extend(std::iter::repeat_n(' ', GAP));
            }
        }
        out.write_all(text.trim_end().as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn code(p: Paint) -> &'static str {
    match p {
        Paint::Red => "31",
        Paint::Yellow => "33",
        Paint::Green => "32",
        Paint::None => "0",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Measures, then writes, the rows.
    fn render(heads: &[&str], sizes: &[Size], rows: &[Vec<(&str, Paint)>], total: usize, color: bool) -> String {
        let mut t = Table::new(heads, sizes);
        for r in rows {
            t.measure(&r.iter().map(|(c, _)| *c).collect::<Vec<_>>());
        }
        let widths = t.widths(total);
        let mut out = Vec::new();
        t.head(&mut out, &widths).unwrap();
        for r in rows {
            line(&mut out, r, &widths, color).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn wide_text_wraps_and_columns_line_up() {
        let rows = [
            vec![
                ("1", Paint::None),
                ("加强涉及市场主体信息公开，进一步增强涉企政策制定实施的透明度", Paint::None),
                ("推进中", Paint::None),
            ],
            vec![("33-2", Paint::None), ("短", Paint::None), ("已完成", Paint::None)],
        ];
        let out = render(&["编号", "内容", "状态"], &[Size::Fit(6), Size::Flex, Size::Fit(8)], &rows, 40, false);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.iter().all(|l| width(l) <= 40), "{out}");
        let status_col = |l: &str| l.find("推进中").or_else(|| l.find("已完成")).map(|i| width(&l[..i]));
        let cols: Vec<usize> = lines.iter().filter_map(|l| status_col(l)).collect();
        assert_eq!(cols.len(), 2);
        assert_eq!(cols[0], cols[1], "{out}");
        assert!(lines.len() > 4, "the long cell wrapped: {out}");
    }

    #[test]
    fn colour_only_when_asked() {
        let rows = [vec![("✗红", Paint::Red)]];
        assert!(!render(&["灯"], &[Size::Fit(6)], &rows, 20, false).contains('\u{1b}'));
        assert!(render(&["灯"], &[Size::Fit(6)], &rows, 20, true).contains("\u{1b}[31m"));
    }
}
