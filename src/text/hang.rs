//! Paragraphs broken into lines by [`super::wrap`] whose continuation lines keep the first
//! line's indent: the spaces it starts with and a list item's marker ("1. ", "（一）", "一、",
//! "(2)", "①", "※ "), so the lines of an item hang under its text. A paragraph indented with
//! ideographic spaces (首行缩进) indents its first line only, as Chinese documents do.

use super::width;
use super::wrap::wrap;

/// The lines of `s`, at most `max` cells each (at least 2), and the indent in cells that every
/// line after the first is shown with: the first line is a slice from the start of `s`, the
/// others are slices of `s` to be shown after `indent` spaces. Spaces that end a line are left
/// out. An indent is kept only while it leaves the text at least half the width.
pub fn hang(s: &str, max: usize) -> (usize, Vec<&str>) {
    let max = max.max(2);
    let prefix = indent_of(s);
    let indent = width(&s[..prefix]);
    if prefix == 0 || prefix == s.len() || indent * 2 > max {
        return (0, wrap(s, max).into_iter().map(trim).collect());
    }
    let mut lines: Vec<&str> = wrap(&s[prefix..], max - indent).into_iter().map(trim).collect();
    // The first line takes the indent with it: a slice from the start of `s`.
    if let Some(first) = lines.first_mut() {
        *first = &s[..prefix + first.len()];
    }
    (indent, lines)
}

/// [`hang`]'s lines as text, the continuation lines indented.
pub fn wrap_hanging(s: &str, max: usize) -> Vec<String> {
    let (indent, lines) = hang(s, max);
    let pad = " ".repeat(indent);
    lines.into_iter().enumerate().map(|(i, l)| if i == 0 { l.to_string() } else { format!("{pad}{l}") }).collect()
}

fn trim(l: &str) -> &str {
    l.trim_end_matches(' ')
}

/// The bytes of `s`'s indent: its leading ASCII spaces, then a list item's marker and the
/// spaces after it, when text follows.
pub fn indent_of(s: &str) -> usize {
    let spaces = s.len() - s.trim_start_matches(' ').len();
    let rest = &s[spaces..];
    let Some(marker) = marker(rest) else { return spaces };
    let after = &rest[marker..];
    let gap = after.len() - after.trim_start_matches(' ').len();
    if gap == after.len() { spaces } else { spaces + marker + gap }
}

/// The length in bytes of the list marker `s` starts with, if it starts with one.
fn marker(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '※' | '•' | '●' | '○' | '■' | '□' | '-' | '*') {
        // A bullet is a marker only with a space after it ("-1" is a number, "*注" a note).
        return s[first.len_utf8()..].starts_with(' ').then_some(first.len_utf8());
    }
    if ('①'..='⑳').contains(&first) {
        return Some(first.len_utf8());
    }
    if matches!(first, '（' | '(') {
        // "（一）", "(1)": a numeral of at most three characters in brackets.
        let inner = &s[first.len_utf8()..];
        let n = numeral(inner)?;
        let close = inner[n..].chars().next().filter(|c| matches!(c, '）' | ')'))?;
        return Some(first.len_utf8() + n + close.len_utf8());
    }
    // "1.", "1．", "1、", "一、": not "42.9%" (a digit after the point) nor "2022年".
    let n = numeral(s)?;
    let (end, next) = s[n..].char_indices().next().map(|(_, c)| (n + c.len_utf8(), c))?;
    let after = s[end..].chars().next();
    match next {
        '、' => Some(end),
        '.' | '．' if s[..n].chars().all(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit()) => {
            Some(end)
        }
        _ => None,
    }
}

/// The length of the numeral `s` starts with: one to three ASCII digits or Chinese numerals.
fn numeral(s: &str) -> Option<usize> {
    let is = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let len: usize = s.chars().take_while(|c| is(*c)).take(4).map(char::len_utf8).sum();
    let count = s[..len].chars().count();
    (1..=3).contains(&count).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{closing, width};

    #[test]
    fn list_items_hang_under_their_text() {
        let (indent, lines) = hang("1. 加强政策解读，做好政策发布", 14);
        assert_eq!((indent, lines), (3, vec!["1. 加强政策解", "读，做好政", "策发布"]));
        assert_eq!(
            wrap_hanging("（一）加强涉及市场主体信息公开", 16),
            ["（一）加强涉及市", "      场主体信息", "      公开"]
        );
        assert_eq!(wrap_hanging("  市财政局：未填报，已逾期", 12), ["  市财政局：", "  未填报，已", "  逾期"]);
        assert_eq!(wrap_hanging("※ 任务 1、2：原文未写明", 12), ["※ 任务 1、", "  2：原文未", "  写明"]);
    }

    #[test]
    fn what_is_not_a_marker() {
        for s in ["42.9%完成", "2022年", "一是加强", "-1度", "*注", "十分重要、必要", "(注意", "　　首行缩进"]
        {
            assert_eq!(indent_of(s), 0, "{s}");
        }
        for (s, n) in [("1.", 0), ("1、x", 4), ("一、x", 6), ("(2)x", 3), ("①x", 3), ("12．x", 5), ("- x", 2)] {
            assert_eq!(indent_of(s), n, "{s}");
        }
    }

    #[test]
    fn a_deep_indent_is_given_up_and_the_width_always_wins() {
        // The indent would leave less than half the line: none.
        assert_eq!(hang("（一）一二三四五", 10).0, 0);
        for max in 2..30 {
            let s = "    （十二）进展情况：已在门户网站公开，完成率 42.9%，下一步（每月）更新。";
            let lines = wrap_hanging(s, max);
            for (i, l) in lines.iter().enumerate() {
                assert!(width(l) <= max.max(2), "{max}: {lines:?}");
                assert!(i == 0 || !l.trim_start().starts_with(' '), "{lines:?}");
            }
            let text: String = lines.iter().map(|l| l.trim()).collect();
            assert_eq!(text.replace(' ', ""), s.replace(' ', ""));
            if max >= 12 {
                assert!(lines[1..].iter().all(|l| !l.trim_start().starts_with(closing)), "{lines:?}");
            }
        }
    }
}
