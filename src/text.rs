//! Terminal text: widths in cells (never chars), padding, truncation, wrapping, and stripping
//! control characters so that nothing read from a file can drive the terminal.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Replaces control characters (C0, DEL, C1, and bidi overrides) with a visible stand-in, and
/// turns line breaks and tabs into spaces, so the text is safe to print on one line.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// True for characters that must never reach a terminal as they are.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Cuts `s` to at most `max` cells, ending with "…" when anything was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads `s` with spaces on the right to `cells` cells (no truncation).
pub fn pad(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Pads `s` with spaces on the left to `cells` cells.
pub fn pad_left(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out: String = std::iter::repeat_n(' ', cells.saturating_sub(w)).collect();
    out.push_str(s);
    out
}

/// Wraps `s` into lines of at most `max` cells, breaking between any two characters
/// (Chinese text has no spaces to break at). Always returns at least one line.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = vec![String::new()];
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max {
            lines.push(String::new());
            used = 0;
        }
        if let Some(line) = lines.last_mut() {
            line.push(c);
        }
        used += w;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_cells() {
        assert_eq!(width("市财政局"), 8);
        assert_eq!(width("a市"), 3);
        assert_eq!(pad("市", 4), "市  ");
        assert_eq!(pad_left("12", 4), "  12");
    }

    #[test]
    fn truncate_by_cells() {
        assert_eq!(truncate("市发展改革委", 7), "市发展…");
        assert_eq!(width(&truncate("市发展改革委", 7)), 7);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 0), "");
    }

    #[test]
    fn wrap_by_cells() {
        let lines = wrap("一二三四五", 4);
        assert_eq!(lines, vec!["一二", "三四", "五"]);
        assert!(lines.iter().all(|l| width(l) <= 4));
    }

    #[test]
    fn control_characters_never_pass() {
        let s = sanitize("a\u{1b}[31mb\u{7}\u{9b}c\u{202E}d\ne");
        assert!(!s.chars().any(|c| c.is_control()));
        assert!(!s.contains('\u{202E}'));
        assert!(s.ends_with("d e"));
    }
}
