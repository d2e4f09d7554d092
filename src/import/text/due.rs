//! A deadline written only in an item's own text ("于9月30日前公布", "2022年底前，市级……",
//! "6月底前完成"): the phrase, and the sentence it belongs to, for a deadline clause marked
//! inferred.

use crate::plan::Deadline;

/// A deadline found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InText {
    /// "2022 年年底前", as written.
    pub phrase: String,
    /// The sentence holding it, without its closing 。.
    pub sentence: String,
}

/// Characters a date phrase is made of, before its "前".
fn in_date(c: char) -> bool {
    is_digit(c) || "年月日号底末初中上下旬第季度半".contains(c) || c == ' ' || c == '\u{3000}'
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Sentence ends.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

/// The first date phrase ending in 前 / 以前 / 之前 that `Deadline::parse` reads as a date.
pub fn find(text: &str) -> Option<InText> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|p| p.1);
        let starts = (is_digit(c) && !prev.is_some_and(is_digit))
            || (text[at..].starts_with("年底") && !prev.is_some_and(|p| is_digit(p) || p == '年' || p.is_whitespace()));
        if !starts {
            continue;
        }
        let run = chars[k..].iter().take_while(|(_, c)| in_date(*c)).count();
        let end = chars.get(k + run).map_or(text.len(), |p| p.0);
        let rest = &text[end..];
        let Some(before) = ["以前", "之前", "前"].iter().find(|b| rest.starts_with(*b)) else { continue };
        let phrase = text[at..end + before.len()].trim();
        if matches!(Deadline::parse(phrase, 2000), Deadline::Dated { .. }) {
            return Some(InText { phrase: phrase.to_string(), sentence: sentence(text, at, end) });
        }
    }
    None
}

/// The sentence around bytes `from..to`.
fn sentence(text: &str, from: usize, to: usize) -> String {
    let start = text[..from].char_indices().rev().find(|(_, c)| ends_sentence(*c)).map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[to..].char_indices().find(|(_, c)| ends_sentence(*c)).map_or(text.len(), |(i, _)| to + i);
    text[start..end].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(String, String)> {
        find(text).map(|f| (f.phrase, f.sentence))
    }

    #[test]
    fn phrases_in_the_text() {
        assert_eq!(
            found("做好年报工作。于9月30日前公布年度报告；其余常态推进。"),
            Some(("9月30日前".into(), "于9月30日前公布年度报告".into()))
        );
        assert_eq!(
            found("着力加强公开。2022 年年底前，市直各单位集中公开规范性文件。"),
            Some(("2022 年年底前".into(), "2022 年年底前，市直各单位集中公开规范性文件".into()))
        );
        assert_eq!(found("专区6月底前完成建设"), Some(("6月底前".into(), "专区6月底前完成建设".into())));
        assert_eq!(found("力争年底前全覆盖。"), Some(("年底前".into(), "力争年底前全覆盖".into())));
    }

    #[test]
    fn numbers_that_are_no_deadline() {
        for text in ["每年组织 1 次以上培训", "优化 12366 纳税服务", "30天前告知", "支持率超过90%", "2022年", "前"]
        {
            assert_eq!(find(text), None, "{text}");
        }
    }
}
