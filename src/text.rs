//! Terminal text: widths in cells (never chars), padding, truncation, line breaking (`wrap`), and stripping
//! control characters so that nothing read from a file can drive the terminal.

mod hang;
pub(crate) mod safe;
#[cfg(test)]
mod width_tests;
mod wrap;
#[cfg(test)]
mod wrap_tests;

use std::borrow::Cow;
use std::io::Write;

pub use hang::{hang, indent_of, wrap_hanging};
pub use safe::{Sanitizer, find_unsafe};
pub use wrap::{closing, opening, wrap};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width of `s` in terminal cells.
///
/// Plan and ledger text is Chinese and ASCII, whose widths need no table: such text is summed
/// here directly (the XLSX renderer measures every cell of a report with this), and anything
/// else goes to unicode-width whole, so context rules (emoji sequences, variation selectors)
/// apply exactly as there.
pub fn width(s: &str) -> usize {
    let bytes = s.as_bytes();
    let (mut w, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        // Printable ASCII, and the lead bytes of U+5000..=U+9FFF (CJK ideographs: two cells,
        // three bytes), the bulk of plan and ledger text, are counted from the byte alone.
        let (cells, len) = match b {
            b' '..=b'~' => (1, 1),
            0xE5..=0xE9 => (2, 3),
            _ => match s[i..].chars().next() {
                Some(c) => (known_width(c).unwrap_or(usize::MAX), c.len_utf8()),
                None => break,
            },
        };
        if cells == usize::MAX {
            return UnicodeWidthStr::width(s);
        }
        w += cells;
        i += len;
    }
    w
}

/// The width of a character whose width never depends on its neighbours, for the common ones.
fn known_width(c: char) -> Option<usize> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2026}' | '\u{00B7}' => Some(1),
        '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303E}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => {
            Some(2)
        }
        '\u{FF01}'..='\u{FF60}' => Some(2),
        _ => None,
    }
}

/// Replaces control characters (C0, DEL, C1, and bidi controls) with a visible stand-in, and
/// turns line breaks and tabs into spaces, so the text is safe to print on one line.
pub fn sanitize(s: &str) -> String {
    sanitized(s).into_owned()
}

/// [`sanitize`] without a copy when nothing needs replacing.
pub fn sanitized(s: &str) -> Cow<'_, str> {
    let changed = |c: char| matches!(c, '\n' | '\r' | '\t') || is_unsafe(c);
    if !s.chars().any(changed) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// True for characters that must never reach a terminal as they are: control characters (C0,
/// DEL, C1) and the invisible bidirectional controls that change the order text is shown in —
/// embeddings and overrides (U+202A–202E), isolates (U+2066–2069) and the marks U+200E, U+200F
/// and U+061C. Chinese and English text never needs them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Text of several lines made safe for a terminal: line breaks stay (CR LF becomes LF), a tab
/// becomes a space, every other unsafe character becomes U+FFFD. With `keep_colour`, the colour sequences the
/// program writes itself (ESC `[` digits and `;` then `m`) pass; nothing else starting with ESC
/// does, so no cursor movement, screen clearing, title or clipboard sequence gets through.
/// [`Sanitizer`] does the same to text as it streams.
pub fn sanitize_lines(s: &str, keep_colour: bool) -> Cow<'_, str> {
    if find_unsafe(s).is_none() {
        return Cow::Borrowed(s);
    }
    let mut w = Sanitizer::new(Vec::with_capacity(s.len() + 16), keep_colour);
    // Writing to a Vec cannot fail.
    let _ = w.write_all(s.as_bytes());
    let out = w.finish().unwrap_or_default();
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// JSON text (as serde_json writes it) with every unsafe character written as a `\u` escape
/// (`\u001b`): the same data for any JSON reader, nothing that drives a terminal. serde_json already
/// escapes C0 controls inside strings, so a raw line break is layout and stays.
pub fn json_safe(s: String) -> String {
    if find_unsafe(&s).is_none() {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
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
    fn control_characters_never_pass() {
        let s = sanitize("a\u{1b}[31mb\u{7}\u{9b}c\u{202E}d\ne");
        assert!(!s.chars().any(|c| c.is_control()));
        assert!(!s.contains('\u{202E}'));
        assert!(s.ends_with("d e"));
    }

    #[test]
    fn lines_keep_line_breaks_but_nothing_else() {
        let s = sanitize_lines("a\u{1b}[2J\r\nb\tc\rd\u{202E}e\u{200F}\u{9b}\n", false);
        assert_eq!(s, "a\u{FFFD}[2J\nb c\u{FFFD}d\u{FFFD}e\u{FFFD}\u{FFFD}\n");
        assert!(matches!(sanitize_lines("市财政局\n第二行\n", false), Cow::Borrowed(_)));
    }

    #[test]
    fn colour_passes_only_when_asked_and_only_colour() {
        let coloured = "\u{1b}[31m红\u{1b}[0m";
        assert_eq!(sanitize_lines(coloured, true), coloured);
        assert_eq!(sanitize_lines(coloured, false), "\u{FFFD}[31m红\u{FFFD}[0m");
        for hostile in ["\u{1b}[2J", "\u{1b}]0;title\u{7}", "\u{1b}[1;1H", "\u{1b}[", "\u{1b}"] {
            let out = sanitize_lines(hostile, true);
            assert!(!out.contains('\u{1b}'), "{hostile:?} gave {out:?}");
        }
    }

    #[test]
    fn json_keeps_the_data_and_loses_the_controls() {
        let v = serde_json::json!({ "note": "a\u{1b}[2J\u{202E}b\u{7f}\u{9b}\n" });
        let text = serde_json::to_string_pretty(&v).unwrap();
        let safe = json_safe(text);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), v);
    }
}
