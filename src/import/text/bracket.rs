//! The bracket(s) an item ends with: any of （）() 【】[] 〔〕, full or half width, matched by
//! position whatever their kind ("（…)" as a page break left it), with 。 or ； after them
//! allowed. A trailing bracket that reads as responsibility or deadline (`fields`) is cut from
//! the item's text; any other bracket ("（试行）") is text.

use super::fields::{self, Fields};

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(' | '【' | '[' | '〔')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')' | '】' | ']' | '〕')
}

fn is_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '。' | '；' | ';' | '，' | ',' | '.')
}

/// The item's text without its trailing bracket(s), and what they say (the first bracket's
/// responsibility and the first deadline, when there are two brackets).
pub fn trailing(text: &str) -> (&str, Option<Fields>) {
    let mut body = text;
    let mut found: Option<Fields> = None;
    while let Some((open, inner)) = last_bracket(body) {
        let Some(f) = fields::read(inner) else { break };
        body = &body[..open];
        found = Some(match found {
            None => f,
            Some(later) => Fields {
                responsible: f.responsible.or(later.responsible),
                deadline: f.deadline.or(later.deadline),
                bare: f.bare || later.bare,
                same_below: f.same_below || later.same_below,
            },
        });
    }
    if found.is_none() {
        return (text, None);
    }
    (body.trim_end(), found)
}

/// True when the text ends with a bracket that reads as responsibility or deadline: the item
/// is complete.
pub fn ends_with_fields(text: &str) -> bool {
    last_bracket(text).is_some_and(|(_, inner)| fields::read(inner).is_some())
}

/// The last bracket of the text, when nothing but punctuation follows it: where it opens
/// (byte offset) and its inside.
fn last_bracket(text: &str) -> Option<(usize, &str)> {
    let t = text.trim_end_matches(is_after);
    let (close_at, close) = t.char_indices().next_back().filter(|(_, c)| is_close(*c))?;
    let mut depth = 0usize;
    for (at, c) in t[..close_at + close.len_utf8()].char_indices().rev() {
        if is_close(c) {
            depth += 1;
        } else if is_open(c) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some((at, &t[at + c.len_utf8()..close_at]));
            }
        }
    }
    None
}

/// A labelled bracket never closed before the item ended ("…（责任单位：市财政局" at the end of a
/// document): its opening offset and what it says.
pub fn unclosed(text: &str) -> Option<(usize, Fields)> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        if is_close(c) {
            depth += 1;
        } else if is_open(c) {
            if depth == 0 {
                let inner = &text[at + c.len_utf8()..];
                let f = fields::read(inner).filter(|f| f.responsible.is_some() && !f.bare)?;
                return Some((at, f));
            }
            depth -= 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bracket_style_at_the_end() {
        for text in [
            "做好公开。（责任单位：市财政局）",
            "做好公开。(责任单位:市财政局)",
            "做好公开。【责任单位：市财政局】",
            "做好公开。[责任单位：市财政局]",
            "做好公开。〔责任单位：市财政局〕",
            "做好公开。（责任单位：市财政局)",
            "做好公开。（责任单位：市财政局）。 ",
        ] {
            let (body, f) = trailing(text);
            assert_eq!(body, "做好公开。", "{text}");
            assert_eq!(f.and_then(|f| f.responsible).as_deref(), Some("市财政局"), "{text}");
        }
    }

    #[test]
    fn brackets_that_are_text_stay() {
        for text in ["制定办法（试行）", "覆盖各县（市、区）", "改造率（实现一级标准）", "没有括号", "）", "（"]
        {
            assert_eq!(trailing(text), (text, None), "{text}");
            assert!(!ends_with_fields(text), "{text}");
        }
    }

    #[test]
    fn nested_and_two_brackets() {
        let (body, f) = trailing("公开。（责任单位：各县（市、区）人民政府。完成时限：全年 ）");
        assert_eq!(body, "公开。");
        let f = f.unwrap();
        assert_eq!(f.responsible.as_deref(), Some("各县（市、区）人民政府"));
        assert_eq!(f.deadline.as_deref(), Some("全年"));
        let (body, f) = trailing("公开（试行）。（市财政局牵头）（2022年6月底前）");
        assert_eq!(body, "公开（试行）。");
        let f = f.unwrap();
        assert_eq!((f.responsible.as_deref(), f.deadline.as_deref()), (Some("市财政局牵头"), Some("2022年6月底前")));
    }

    #[test]
    fn an_unclosed_labelled_bracket() {
        let (at, f) = unclosed("公开。（责任单位：市财政局、各县（区）").unwrap();
        assert_eq!(at, "公开。".len());
        assert_eq!(f.responsible.as_deref(), Some("市财政局、各县（区）"));
        assert_eq!(unclosed("公开（试行"), None);
    }
}
