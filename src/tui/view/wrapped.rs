//! Styled lines broken to fit a pane or a box, by the line breaker the text reports use
//! (`taizhang::text::hang`: the Chinese rules, ASCII words and numbers kept whole, continuation
//! lines indented under the first line's text or list marker). Every pane and popup that shows
//! text longer than a line lays it out here, so none writes past its border.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;
use taizhang::text::{hang, width};

/// `line` broken into lines of at most `max` cells, each piece keeping its spans' styles; the
/// lines after the first are indented like the first line's text.
pub fn wrapped(line: Line<'static>, max: usize) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if width(&text) <= max {
        return vec![line];
    }
    // Each span's byte range in `text`.
    let mut ranges = Vec::with_capacity(line.spans.len());
    let mut end = 0;
    for s in &line.spans {
        ranges.push((end, end + s.content.len(), s.style));
        end += s.content.len();
    }
    let (indent, pieces) = hang(&text, max);
    let base = text.as_ptr().addr();
    let mut out = Vec::with_capacity(pieces.len());
    for (i, piece) in pieces.into_iter().enumerate() {
        let from = piece.as_ptr().addr() - base;
        let to = from + piece.len();
        let mut spans = Vec::with_capacity(ranges.len() + 1);
        if i > 0 && indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        for &(a, b, style) in &ranges {
            let (a, b) = (a.max(from), b.min(to));
            if a < b {
                spans.push(Span::styled(text[a..b].to_string(), style));
            }
        }
        out.push(Line::from(spans).style(line.style));
    }
    out
}

/// Every line of `lines` broken to fit `max` cells.
pub fn all(lines: impl IntoIterator<Item = Line<'static>>, max: usize) -> Vec<Line<'static>> {
    lines.into_iter().flat_map(|l| wrapped(l, max)).collect()
}

/// A text field of the form without focus, laid out like every other pane (the focused one is
/// edited in its text area, which breaks lines by cells and words only). Like the text area it
/// shows the text from where it was scrolled to (the line holding the start of its top screen
/// line), moved as little as keeps the cursor's line in view. The visible lines, and how many
/// lines are out of view above and below.
pub fn field(text: &TextArea, area: Rect) -> (Paragraph<'static>, usize, usize) {
    let (top, _) = text.scroll_offset();
    let top = text.screen_to_data(usize::from(top), 0);
    let cursor = text.cursor();
    let cursor = (cursor.0, cursor.1);
    // Every line as (indent, text), and the last that starts at or before the top and the cursor.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let (mut first, mut at_cursor) = (0, 0);
    for (row, line) in text.lines().iter().enumerate() {
        let (indent, pieces) = hang(line, usize::from(area.width));
        let base = line.as_ptr().addr();
        for (k, piece) in pieces.into_iter().enumerate() {
            let start = (row, line[..piece.as_ptr().addr() - base].chars().count());
            if start <= (top.0, top.1) {
                first = lines.len();
            }
            if start <= cursor {
                at_cursor = lines.len();
            }
            lines.push((if k == 0 { 0 } else { indent }, piece));
        }
    }
    let height = usize::from(area.height).max(1);
    let first = first.clamp((at_cursor + 1).saturating_sub(height), at_cursor);
    let shown = lines.iter().skip(first).take(height);
    let shown: Vec<Line> = shown.map(|(indent, l)| Line::from(format!("{}{l}", " ".repeat(*indent)))).collect();
    let below = lines.len().saturating_sub(first + height);
    (Paragraph::new(shown), first, below)
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Modifier, Style};

    use super::*;

    fn plain(l: &Line) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    fn bold(s: &str) -> Span<'static> {
        Span::styled(s.to_string(), Style::default().add_modifier(Modifier::BOLD))
    }

    #[test]
    fn long_lines_are_broken_by_the_chinese_rules_and_keep_their_styles() {
        let note = "已在门户网站公开甲类信息，完成率 42.9%，下一步继续推进（每月更新）。";
        let line = Line::from(vec![Span::raw("    进展情况："), bold(note)]);
        let out = wrapped(line, 20);
        assert!(out.len() > 2, "{out:?}");
        let mut back = String::new();
        for (n, l) in out.iter().enumerate() {
            let text = plain(l);
            assert!(width(&text) <= 20, "{text:?}");
            assert!(text.starts_with("    "), "continuation lines are indented: {text:?}");
            let body = text.trim_start_matches(' ');
            assert!(n == 0 || !body.starts_with(taizhang::text::closing), "{text:?}");
            back.push_str(if n == 0 { &text } else { body });
        }
        let no_spaces = |s: &str| s.replace(' ', "");
        assert_eq!(no_spaces(&back), no_spaces(&format!("进展情况：{note}")), "nothing lost but hanging spaces");
        let bold_text: String = out
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.style.add_modifier.contains(Modifier::BOLD))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(no_spaces(&bold_text), no_spaces(note));
        let short = Line::from("短");
        assert_eq!(wrapped(short.clone(), 20), vec![short]);
    }

    #[test]
    fn list_items_hang_under_their_text() {
        let out = all([Line::from("（一）加强涉及市场主体信息公开")], 16);
        let texts: Vec<String> = out.iter().map(plain).collect();
        assert_eq!(texts, ["（一）加强涉及市", "      场主体信息", "      公开"]);
    }
}
