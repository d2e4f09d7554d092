//! The streaming sanitiser against the character-by-character rule it replaces, on hostile text
//! cut into chunks anywhere (inside characters, between CR and LF, inside colour sequences).

use std::io::Write;

use proptest::prelude::*;

use super::{Sanitizer, find_unsafe};
use crate::text::is_unsafe;

/// The rule, one character at a time (the implementation `sanitize_lines` had before it
/// streamed).
fn reference(s: &str, keep_colour: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let sgr = if keep_colour && c == '\u{1b}' { sgr(rest) } else { 0 };
        if sgr > 0 {
            out.push_str(&rest[..sgr]);
            rest = &rest[sgr..];
            continue;
        }
        match c {
            '\r' if rest[1..].starts_with('\n') => {}
            '\n' => out.push(c),
            '\t' => out.push(' '),
            c if is_unsafe(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn sgr(s: &str) -> usize {
    let Some(params) = s.strip_prefix("\u{1b}[") else { return 0 };
    let n = params.bytes().take_while(|b| b.is_ascii_digit() || *b == b';').count();
    if params[n..].starts_with('m') { 2 + n + 1 } else { 0 }
}

/// `s` written in chunks ending at `cuts` (byte positions, any order, clamped).
fn chunked(s: &str, cuts: &[usize], keep_colour: bool) -> String {
    let bytes = s.as_bytes();
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    cuts.sort_unstable();
    let mut w = Sanitizer::new(Vec::new(), keep_colour);
    let mut from = 0;
    for c in cuts.into_iter().chain([bytes.len()]) {
        w.write_all(&bytes[from..c]).unwrap();
        from = c;
    }
    String::from_utf8(w.finish().unwrap()).unwrap()
}

fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("进展".to_string()),
        Just("a".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}[0m".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{1b}]0;t\u{7}".to_string()),
        Just("\u{1b}".to_string()),
        Just("\u{1b}[12;".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{2066}".to_string()),
        Just("\u{200f}".to_string()),
        Just("\u{061c}".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{7f}".to_string()),
        Just("…“”─✓".to_string()),
        Just("\u{a0}é".to_string()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn chunks_anywhere_give_the_whole_texts_result(
        s in hostile(),
        cuts in prop::collection::vec(any::<usize>(), 0..12),
        keep_colour in any::<bool>(),
    ) {
        prop_assert_eq!(chunked(&s, &cuts, keep_colour), reference(&s, keep_colour));
        prop_assert_eq!(crate::text::sanitize_lines(&s, keep_colour).into_owned(), reference(&s, keep_colour));
    }

    #[test]
    fn the_scan_finds_the_first_unsafe_character(s in hostile()) {
        let expected = s.char_indices().find(|(_, c)| *c != '\n' && is_unsafe(*c));
        prop_assert_eq!(find_unsafe(&s), expected);
    }
}

#[test]
fn every_byte_boundary_of_a_colour_sequence() {
    let s = "红\u{1b}[31m✗红\u{1b}[0m\r\n\u{202e}x\u{1b}[2J";
    for cut in 0..=s.len() {
        for keep_colour in [false, true] {
            assert_eq!(chunked(s, &[cut], keep_colour), reference(s, keep_colour), "cut at {cut}");
        }
    }
}
