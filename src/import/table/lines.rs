//! Rows that are not tasks: section headings ("一、……", "（一）……"), page furniture ("— 3 —",
//! "第 3 页", "续表", the table's title repeated on each page) and text outside the table.

/// A row with one filled cell, read as a line of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// "一、……": a top heading.
    Section(String),
    /// "（一）……" / "(一)……": a second heading.
    Subsection(String),
    /// A page number, "续表", or the title repeated.
    Furniture,
    /// Anything else.
    Other(String),
}

const NUMERALS: &str = "一二三四五六七八九十";

/// The only filled cell of a row, trimmed, if the row has exactly one.
pub fn single(row: &[String]) -> Option<&str> {
    let mut filled = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let first = filled.next()?;
    filled.next().is_none().then_some(first)
}

/// What a one-cell row is; `title` is the table's title, repeated on later pages.
pub fn classify(text: &str, title: Option<&str>) -> Line {
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let title_again = title.is_some_and(|t| squashed == t.chars().filter(|c| !c.is_whitespace()).collect::<String>());
    if title_again || is_page_number(&squashed) || squashed.starts_with("续表") || squashed.starts_with("（续表") {
        return Line::Furniture;
    }
    let line = text.trim().to_string();
    if is_section(&squashed) {
        Line::Section(line)
    } else if is_subsection(&squashed) {
        Line::Subsection(line)
    } else {
        Line::Other(line)
    }
}

/// "一、", "十二、".
fn is_section(s: &str) -> bool {
    let digits = s.chars().take_while(|c| NUMERALS.contains(*c)).count();
    digits > 0 && s.chars().nth(digits) == Some('、')
}

/// "（一）", "(一)".
fn is_subsection(s: &str) -> bool {
    let mut chars = s.chars();
    if !matches!(chars.next(), Some('（' | '(')) {
        return false;
    }
    let rest: String = chars.collect();
    let digits = rest.chars().take_while(|c| NUMERALS.contains(*c)).count();
    digits > 0 && matches!(rest.chars().nth(digits), Some('）' | ')'))
}

/// "— 3 —", "-3-", "第3页", "第 3 页 共 9 页", "3/9", "3" (spaces already removed).
fn is_page_number(s: &str) -> bool {
    let inner = s.trim_matches(|c| matches!(c, '—' | '-' | '－' | '–' | '·'));
    if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some((a, b)) = inner.split_once('/') {
        return !a.is_empty() && !b.is_empty() && (a.to_string() + b).chars().all(|c| c.is_ascii_digit());
    }
    let words: String = inner.chars().filter(|c| !c.is_ascii_digit()).collect();
    inner.starts_with('第') && (words == "第页" || words == "第页共页")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_furniture_and_other_lines() {
        assert_eq!(classify("一、聚焦优化营商环境", None), Line::Section("一、聚焦优化营商环境".into()));
        assert_eq!(classify("十二、其他", None), Line::Section("十二、其他".into()));
        assert_eq!(classify("(一) 加强公开", None), Line::Subsection("(一) 加强公开".into()));
        assert_eq!(classify("（十一）加强公开", None), Line::Subsection("（十一）加强公开".into()));
        for page in ["— 3 —", "-3-", "第 3 页", "第3页共9页", "3/9", "12", "续表"] {
            assert_eq!(classify(page, None), Line::Furniture, "{page}");
        }
        assert_eq!(classify("某市 2022 年 任务分工", Some("某市2022年任务分工")), Line::Furniture);
        assert_eq!(classify("抄送：市委办公室", None), Line::Other("抄送：市委办公室".into()));
        assert_eq!(classify("一是加强", None), Line::Other("一是加强".into()));
    }

    #[test]
    fn single_cell_rows() {
        let row = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(single(&row(&["", " 一、标题 ", ""])), Some("一、标题"));
        assert_eq!(single(&row(&["1", "x"])), None);
        assert_eq!(single(&row(&["", " "])), None);
    }
}
