//! A plain-text table: columns sized in terminal cells, long cells wrapped onto several lines,
//! optional ANSI colour per cell. Nothing from the data reaches the terminal unsanitised.

use crate::text::{pad, sanitize, width, wrap};

/// How a column is sized.
#[derive(Debug, Clone, Copy)]
pub enum Size {
    /// As wide as its widest cell, up to this many cells.
    Fit(usize),
    /// Shares the remaining width with the other flexible columns (at least 10 cells).
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

pub struct Table {
    pub heads: Vec<String>,
    pub sizes: Vec<Size>,
    pub rows: Vec<Vec<(String, Paint)>>,
}

impl Table {
    pub fn new(heads: &[&str], sizes: &[Size]) -> Table {
        Table { heads: heads.iter().map(|h| h.to_string()).collect(), sizes: sizes.to_vec(), rows: Vec::new() }
    }

    #[cfg(test)]
    pub fn push(&mut self, cells: Vec<String>) {
        self.rows.push(cells.into_iter().map(|c| (c, Paint::None)).collect());
    }

    pub fn push_painted(&mut self, cells: Vec<(String, Paint)>) {
        self.rows.push(cells);
    }

    /// Renders to lines no wider than `total` cells (when the fixed columns allow it).
    pub fn render(&self, total: usize, color: bool) -> String {
        let widths = self.widths(total);
        let mut out = String::new();
        let head: Vec<(String, Paint)> = self.heads.iter().map(|h| (h.clone(), Paint::None)).collect();
        line(&mut out, &head, &widths, false);
        let rule: Vec<(String, Paint)> = widths.iter().map(|w| ("─".repeat(*w), Paint::None)).collect();
        line(&mut out, &rule, &widths, false);
        for row in &self.rows {
            line(&mut out, row, &widths, color);
        }
        out
    }

    fn widths(&self, total: usize) -> Vec<usize> {
        let cell = |i: usize| -> usize {
            let widest = self.rows.iter().filter_map(|r| r.get(i)).map(|(c, _)| widest_line(c)).max().unwrap_or(0);
            widest.max(width(&self.heads[i]))
        };
        let mut widths: Vec<usize> = self
            .sizes
            .iter()
            .enumerate()
            .map(|(i, s)| match s {
                Size::Fit(max) => cell(i).min(*max).max(width(&self.heads[i]).min(*max)),
                Size::Flex => 0,
            })
            .collect();
        let flex: Vec<usize> = (0..self.sizes.len()).filter(|&i| matches!(self.sizes[i], Size::Flex)).collect();
        if !flex.is_empty() {
            let used: usize = widths.iter().sum::<usize>() + 2 * self.sizes.len().saturating_sub(1);
            let share = (total.saturating_sub(used) / flex.len()).max(10);
            for i in flex {
                widths[i] = share.min(cell(i).max(4));
            }
        }
        widths
    }
}

fn widest_line(s: &str) -> usize {
    s.lines().map(|l| width(&sanitize(l))).max().unwrap_or(0)
}

/// One table row, as many terminal lines as its tallest wrapped cell.
fn line(out: &mut String, cells: &[(String, Paint)], widths: &[usize], color: bool) {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|((c, _), w)| c.split('\n').flat_map(|part| wrap(&sanitize(part), *w)).collect())
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for k in 0..height {
        let mut text = String::new();
        for (i, (lines, w)) in wrapped.iter().zip(widths).enumerate() {
            let cell = lines.get(k).map(String::as_str).unwrap_or("");
            let padded = pad(cell, *w);
            let paint = cells[i].1;
            if color && paint != Paint::None && !cell.is_empty() {
                text.push_str(&format!("\u{1b}[{}m{padded}\u{1b}[0m", code(paint)));
            } else {
                text.push_str(&padded);
            }
            if i + 1 < widths.len() {
                text.push_str("  ");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
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

    #[test]
    fn wide_text_wraps_and_columns_line_up() {
        let mut t = Table::new(&["编号", "内容", "状态"], &[Size::Fit(6), Size::Flex, Size::Fit(8)]);
        t.push(vec![
            "1".into(),
            "加强涉及市场主体信息公开，进一步增强涉企政策制定实施的透明度".into(),
            "推进中".into(),
        ]);
        t.push(vec!["33-2".into(), "短".into(), "已完成".into()]);
        let out = t.render(40, false);
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
        let mut t = Table::new(&["灯"], &[Size::Fit(6)]);
        t.push_painted(vec![("✗红".into(), Paint::Red)]);
        assert!(!t.render(20, false).contains('\u{1b}'));
        assert!(t.render(20, true).contains("\u{1b}[31m"));
    }
}
