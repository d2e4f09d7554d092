//! Scope statements: a sentence that gives many items the same units — below it ("本部分各项均由
//! 各县（市、区）负责落实，下文不再逐一列出", "以下各项由……负责") or above it ("以上各项由……负责",
//! "以上两项由……牵头"). Matched on the folded copy; the units are cut from the document's text.

use super::clean::{Folded, squash};
use crate::plan::responsible::{parse_responsible, strip_duties};

/// Which items a statement covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The items after it, to the end of its part.
    Below,
    /// The items before it in its part: the last n, or all.
    Above(Option<usize>),
}

/// A scope statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The sentence, as written.
    pub text: String,
    /// The units, as written ("各县（市、区）").
    pub units: String,
    pub reach: Reach,
}

const BELOW_STARTS: [&str; 7] = ["本部分", "本节", "本章", "本项", "以下", "下列", "下述"];
const BELOW_WORDS: [&str; 3] = ["下文不再", "不再逐一列出", "下同"];
const ABOVE_STARTS: [&str; 2] = ["以上", "上述"];

/// Where the units end.
const UNITS_END: [&str; 7] = ["，下文", "，下同", "下同", "，不再", "不再逐一", "。", "；"];

/// Reads a line (not a numbered item) as a scope statement.
pub fn statement(line: &str) -> Option<Statement> {
    let text = squash(unwrap_bracket(line.trim()));
    let f = Folded::new(&text);
    let folded = f.folded.as_str();
    let reach = if ABOVE_STARTS.iter().any(|s| folded.starts_with(s)) {
        Reach::Above(count(folded))
    } else if BELOW_STARTS.iter().any(|s| folded.starts_with(s)) || BELOW_WORDS.iter().any(|w| folded.contains(w)) {
        Reach::Below
    } else {
        return None;
    };
    let start = match folded.find('由') {
        Some(at) => at + '由'.len_utf8(),
        None => folded.char_indices().find(|(_, c)| matches!(c, '，' | ',')).map(|(at, c)| at + c.len_utf8())?,
    };
    let rest = folded.get(start..)?;
    let end = UNITS_END.iter().filter_map(|e| rest.find(e)).min().map_or(folded.len(), |e| start + e);
    let units = strip_duties(folded.get(start..end)?);
    let units = f.original_of(start..start + units.len()).trim().to_string();
    let parsed = parse_responsible(&units, &|_| false);
    (!parsed.parties.is_empty() && parsed.unclear.is_empty()).then(|| Statement {
        text: line.trim().to_string(),
        units,
        reach,
    })
}

/// "（以上各项由……负责）" → "以上各项由……负责".
fn unwrap_bracket(t: &str) -> &str {
    let inner = t.strip_prefix(['（', '(']).and_then(|r| r.strip_suffix(['）', ')']));
    inner.filter(|i| !i.contains(['（', '(', '）', ')']) || i.contains('由')).unwrap_or(t)
}

/// "以上两项" → 2, "以上3项" → 3; "以上各项" → None (all).
fn count(folded: &str) -> Option<usize> {
    let rest = &folded["以上".len().min(folded.len())..];
    let n: String = rest.chars().take_while(|c| c.is_ascii_digit() || "一二两三四五六七八九十".contains(*c)).collect();
    let after = &rest[n.len()..];
    if n.is_empty() || !(after.starts_with('项') || after.starts_with('条')) {
        return None;
    }
    n.parse().ok().or_else(|| {
        let digit = |c| "一二三四五六七八九".find(c).map(|i| i / 3 + 1).or((c == '两').then_some(2));
        match n.chars().collect::<Vec<_>>()[..] {
            ['十'] => Some(10),
            [c] => digit(c),
            ['十', c] => digit(c).map(|d| 10 + d),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(line: &str) -> Option<(String, Reach)> {
        statement(line).map(|s| (s.units, s.reach))
    }

    #[test]
    fn statements_below_and_above() {
        assert_eq!(
            st("本部分各项均由各县（市、区）负责落实，下文不再逐一列出。"),
            Some(("各县（市、区）".into(), Reach::Below))
        );
        assert_eq!(
            st("以下各项由市财政局牵头，市商务局配合。"),
            Some(("市财政局牵头，市商务局配合".into(), Reach::Below))
        );
        assert_eq!(st("以上各项由市政府各部门负责。"), Some(("市政府各部门".into(), Reach::Above(None))));
        assert_eq!(st("（以上两项由市数据资源中心负责）"), Some(("市数据资源中心".into(), Reach::Above(Some(2)))));
        assert_eq!(st("以上3项，各乡镇（街道）负责落实"), Some(("各乡镇（街道）".into(), Reach::Above(Some(3)))));
        assert_eq!(
            st("本部分各項均由各縣（市、區）負責落實，下文不再逐一列出"),
            Some(("各縣（市、區）".into(), Reach::Below))
        );
        assert_eq!(
            st("　　本部分各项工作均由各乡镇人民政府按职责分工负责落实，下文不再逐一列出。"),
            Some(("各乡镇人民政府".into(), Reach::Below)),
            "按职责分工 names no unit"
        );
        assert_eq!(st("以上两项工作，区委宣传部负责统筹协调。"), Some(("区委宣传部".into(), Reach::Above(Some(2)))));
    }

    #[test]
    fn prose_is_no_statement() {
        for line in ["以上工作要高度重视。", "各单位要认真落实。", "本部分内容十分重要", "以上", "下同", ""]
        {
            assert_eq!(statement(line), None, "{line}");
        }
    }
}
