//! [`super::width`] against unicode-width, on strings drawn from Chinese text, ASCII, and the
//! characters whose width depends on their neighbours.

use unicode_width::UnicodeWidthStr;

use super::width;
use crate::plain::testing::Rng;

/// Characters to build strings from: the fast path's own, and ones that must fall back.
const PALETTE: &[char] = &[
    'a',
    'Z',
    '0',
    ' ',
    '~',
    '“',
    '”',
    '‘',
    '’',
    '…',
    '·',
    '—',
    '、',
    '。',
    '《',
    '》',
    '「',
    '」',
    '〇',
    '〜',
    '\u{3000}',
    '\u{302A}',
    '\u{303F}',
    '市',
    '局',
    '龥',
    '㐀',
    '（',
    '）',
    '：',
    '；',
    '０',
    '｡',
    'ｱ',
    '\u{FE0F}',
    '\u{FE0E}',
    '\u{200D}',
    '❤',
    '👍',
    '\u{1F3FB}',
    '\n',
    '\r',
    '\t',
    '\u{7F}',
    '\u{0301}',
    'é',
    'ا',
    'ل',
];

#[test]
fn equals_unicode_width_on_mixed_strings() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let n = rng.next() % 12;
        let s: String = (0..n).map(|_| PALETTE[rng.next() % PALETTE.len()]).collect();
        assert_eq!(width(&s), UnicodeWidthStr::width(s.as_str()), "{s:?}");
    }
}

#[test]
fn every_char_of_the_fast_ranges_alone_and_after_another() {
    let ranges =
        [(0x20, 0x7E), (0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF00, 0xFF61), (0x2010, 0x2030)];
    for (lo, hi) in ranges {
        for c in (lo..=hi).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("市{c}"), format!("{c}a"), format!("{c}\u{FE0F}")] {
                assert_eq!(width(&s), UnicodeWidthStr::width(s.as_str()), "{s:?}");
            }
        }
    }
}
