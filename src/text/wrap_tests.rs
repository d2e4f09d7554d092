//! [`super::wrap`]: examples of the Chinese line-breaking rules, and properties over text drawn
//! from Chinese, ASCII words and both kinds of punctuation.

use proptest::prelude::*;

use super::wrap::{closing, opening, wrap};
use crate::text::width;

#[test]
fn chinese_breaks_anywhere_by_cells() {
    assert_eq!(wrap("一二三四五", 4), ["一二", "三四", "五"]);
    assert_eq!(wrap("", 10), [""]);
    assert_eq!(wrap("短", 10), ["短"]);
}

#[test]
fn closing_punctuation_takes_the_character_before_it_down() {
    // "，" would start the second line at 8 cells: "四" goes down with it.
    assert_eq!(wrap("一二三四，五六", 8), ["一二三", "四，五六"]);
    // Several closing marks go down together with the character before them.
    assert_eq!(wrap("一二三四。”）五", 10), ["一二三", "四。”）五"]);
    // ASCII closing punctuation too.
    assert_eq!(wrap("一二三四,五", 8), ["一二三", "四,五"]);
}

#[test]
fn opening_punctuation_goes_down_with_what_follows() {
    assert_eq!(wrap("一二三（四五）", 8), ["一二三", "（四五）"]);
    assert_eq!(wrap("一二三《四》", 8), ["一二三", "《四》"]);
}

#[test]
fn ascii_words_and_numbers_stay_whole_when_they_fit() {
    assert_eq!(wrap("截至2022年9月", 6), ["截至", "2022年", "9月"]);
    assert_eq!(wrap("完成率 42.9%，排名第一", 12), ["完成率 ", "42.9%，排名", "第一"]);
    let url = "见 https://www.example.gov.cn/a.html 页";
    assert_eq!(wrap(url, 34), ["见 ", "https://www.example.gov.cn/a.html ", "页"]);
    // Longer than a line: cut, the width wins.
    assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
}

#[test]
fn spaces_hang_at_the_end_of_lines() {
    assert_eq!(wrap("hello world", 8), ["hello ", "world"]);
    // No room for the space: it hangs past the width (callers trim it).
    assert_eq!(wrap("hello world", 5), ["hello ", "world"]);
    assert_eq!(wrap("一二 三", 4), ["一二 ", "三"]);
}

#[test]
fn the_width_wins_over_the_rules() {
    // Nothing but closing marks: they start lines, since there is no other way.
    assert_eq!(wrap("，，，", 4), ["，，", "，"]);
    // A word that is followed by closing punctuation and does not fit: its last letter goes down.
    assert_eq!(wrap("abcdefgh,", 8), ["abcdefg", "h,"]);
}

#[test]
fn the_overall_sentence_breaks_before_its_clause() {
    let s = "进度分布按序时进度（时间进度）判断：完成率高于序时进度 10 个百分点以上为超进度，否则为欠进度";
    for max in 20..=120 {
        let lines = wrap(s, max);
        assert_eq!(lines.concat(), s);
        for l in &lines[1..] {
            let first = l.chars().next().unwrap();
            assert!(!closing(first), "{max}: {lines:?}");
        }
    }
}

/// Characters to draw text from: Chinese, ASCII letters and digits, spaces, and punctuation of
/// both kinds.
fn text() -> impl Strategy<Value = String> {
    let palette: Vec<char> =
        "一二三四五六七八九十市局县区年月日abcXYZ0129 -/，。、；：？！”’）》】」』…,.;:?!)]（“‘《【「『([——"
            .chars()
            .collect();
    proptest::collection::vec(proptest::sample::select(palette), 0..80).prop_map(|cs| cs.into_iter().collect())
}

/// Chinese and punctuation as written: at most two closing marks in a row, opening marks only
/// before a character, no ASCII words.
fn prose() -> impl Strategy<Value = String> {
    let chars: Vec<char> = "一二三四五六七八九十市局县区年月日".chars().collect();
    let close: Vec<char> = "，。、；：？！”’）》】」』".chars().collect();
    let open: Vec<char> = "（“‘《【「『".chars().collect();
    let piece = (
        proptest::option::of(proptest::sample::select(open)),
        proptest::sample::select(chars),
        proptest::collection::vec(proptest::sample::select(close), 0..=2),
    )
        .prop_map(|(o, c, cl)| o.into_iter().chain([c]).chain(cl).collect::<String>());
    proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn lines_fit_and_give_the_text_back(s in text(), max in 2usize..40) {
        let lines = wrap(&s, max);
        prop_assert!(!lines.is_empty());
        prop_assert_eq!(lines.concat(), s.clone());
        for l in &lines {
            prop_assert!(width(l.trim_end_matches(' ')) <= max, "{:?} at {}: {:?}", s, max, lines);
        }
        // Only the first line can start with a space (the text's own).
        prop_assert!(lines[1..].iter().all(|l| !l.starts_with(' ')), "{:?} at {}: {:?}", s, max, lines);
        // Only the last line may be empty (the whole text empty).
        prop_assert!(lines[..lines.len() - 1].iter().all(|l| !l.is_empty()), "{:?}", lines);
    }

    #[test]
    fn a_line_starts_with_closing_punctuation_only_when_nothing_else_fits(s in text(), max in 2usize..40) {
        let lines = wrap(&s, max);
        for pair in lines.windows(2) {
            let (before, line) = (pair[0], pair[1]);
            if line.chars().next().is_some_and(closing) {
                // No other cut of the previous line could have avoided it: every place in it
                // is followed by closing punctuation or a space (which never starts a line).
                let mut chars = before.chars().skip(1);
                prop_assert!(chars.all(|c| closing(c) || c == ' '), "{:?} at {}: {:?}", s, max, lines);
            }
        }
    }

    #[test]
    fn prose_never_starts_a_line_with_closing_nor_ends_one_with_opening(s in prose(), max in 10usize..60) {
        let lines = wrap(&s, max);
        prop_assert_eq!(lines.concat(), s.clone());
        for (n, l) in lines.iter().enumerate() {
            prop_assert!(width(l) <= max);
            if n > 0 {
                prop_assert!(!l.chars().next().is_some_and(closing), "{:?} at {}: {:?}", s, max, lines);
            }
            if n + 1 < lines.len() {
                prop_assert!(!l.chars().next_back().is_some_and(opening), "{:?} at {}: {:?}", s, max, lines);
            }
        }
    }
}
