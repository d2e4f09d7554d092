//! The numbers that begin a document's headings and items, by level: "一、" (section),
//! "（一）" / "(一)" (subsection), "1." / "1、" / "1．" (item), "（1）" / "(1)" (sub-item) and
//! "①" (point). A number is read in ASCII or full-width digits or Chinese numerals.

/// How deep a numbered line sits; deeper levels compare greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Section,
    Subsection,
    Item,
    SubItem,
    Point,
}

/// A number at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub level: Level,
    /// The number in arabic digits ("十七" → "17").
    pub number: String,
    /// Bytes of the marker in the line, with the whitespace after it.
    pub len: usize,
}

const NUMERALS: &str = "零〇一二两三四五六七八九十百";

/// The marker a line (already cleaned; traditional script does not change these) begins with.
pub fn marker(line: &str) -> Option<Marker> {
    let (level, number, used) =
        chinese_section(line).or_else(|| bracketed(line)).or_else(|| dotted(line)).or_else(|| circled(line))?;
    let rest = &line[used..];
    let len = used + (rest.len() - rest.trim_start().len());
    Some(Marker { level, number, len })
}

/// "一、", "十二、".
fn chinese_section(line: &str) -> Option<(Level, String, usize)> {
    let digits = prefix_len(line, |c| NUMERALS.contains(c));
    let rest = &line[digits..];
    let sep = rest.chars().next().filter(|c| *c == '、')?;
    (digits > 0).then(|| (Level::Section, chinese_value(&line[..digits]), digits + sep.len_utf8()))
}

/// "（一）", "(十二)", "（1）", "(12)"; spaces allowed inside.
fn bracketed(line: &str) -> Option<(Level, String, usize)> {
    let open = line.chars().next().filter(|c| matches!(c, '（' | '('))?;
    let inner = &line[open.len_utf8()..];
    let lead = inner.len() - inner.trim_start().len();
    let body = &inner[lead..];
    let chinese = prefix_len(body, |c| NUMERALS.contains(c));
    let arabic = prefix_len(body, is_digit);
    let (level, n) = match (chinese, arabic) {
        (0, 0) => return None,
        (c, 0) => (Level::Subsection, chinese_value(&body[..c])),
        (_, a) if a <= 9 => (Level::SubItem, arabic_value(&body[..a])?),
        _ => return None,
    };
    let after = &body[chinese.max(arabic)..];
    let trail = after.len() - after.trim_start().len();
    let close = after[trail..].chars().next().filter(|c| matches!(c, '）' | ')'))?;
    let used = open.len_utf8() + lead + chinese.max(arabic) + trail + close.len_utf8();
    Some((level, n, used))
}

/// "1.", "1、", "1．" — not "1.5" (a number) nor "2022年"; "26.2022年底前" is item 26.
fn dotted(line: &str) -> Option<(Level, String, usize)> {
    let digits = prefix_len(line, is_digit);
    if digits == 0 || digits > 9 {
        return None;
    }
    let rest = &line[digits..];
    let sep = rest.chars().next().filter(|c| matches!(c, '.' | '、' | '．'))?;
    let after = &rest[sep.len_utf8()..];
    let run = prefix_len(after, is_digit);
    let year = run == 4 && after[run..].starts_with('年');
    if sep != '、' && run > 0 && !year {
        return None;
    }
    Some((Level::Item, arabic_value(&line[..digits])?, digits + sep.len_utf8()))
}

/// "①" … "⑳".
fn circled(line: &str) -> Option<(Level, String, usize)> {
    let c = line.chars().next()?;
    let n = (c as u32).checked_sub('①' as u32).filter(|n| *n < 20)?;
    Some((Level::Point, (n + 1).to_string(), c.len_utf8()))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn prefix_len(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices().find(|&(_, c)| !f(c)).map_or(s.len(), |(i, _)| i)
}

/// ASCII or full-width digits as a number without leading zeros.
fn arabic_value(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter_map(|c| c.to_digit(10).or_else(|| (c as u32).checked_sub('０' as u32)))
        .map(|d| char::from(b'0' + (d % 10) as u8))
        .collect();
    let trimmed = digits.trim_start_matches('0');
    (!digits.is_empty()).then(|| if trimmed.is_empty() { "0".to_string() } else { trimmed.to_string() })
}

/// "十七" → "17", "二十" → "20", "一百零二" → "102"; anything odd as written.
fn chinese_value(s: &str) -> String {
    let digit = |c: char| {
        "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32).or((c == '两').then_some(2)).or((c == '〇').then_some(0))
    };
    let (mut total, mut current) = (0u32, None::<u32>);
    for c in s.chars() {
        match c {
            '十' | '百' => {
                let unit = if c == '十' { 10 } else { 100 };
                total += current.unwrap_or(1) * unit;
                current = None;
            }
            c => match digit(c) {
                Some(d) => current = Some(current.map_or(d, |v| v * 10 + d)),
                None => return s.to_string(),
            },
        }
    }
    (total + current.unwrap_or(0)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(line: &str) -> Option<(Level, String, &str)> {
        marker(line).map(|m| (m.level, m.number, &line[m.len..]))
    }

    #[test]
    fn every_kind_of_number() {
        assert_eq!(m("一、总体要求"), Some((Level::Section, "1".into(), "总体要求")));
        assert_eq!(m("十二、其他"), Some((Level::Section, "12".into(), "其他")));
        assert_eq!(m("（十六）强化"), Some((Level::Subsection, "16".into(), "强化")));
        assert_eq!(m("(九) 强化"), Some((Level::Subsection, "9".into(), "强化")));
        assert_eq!(m("1.做好"), Some((Level::Item, "1".into(), "做好")));
        assert_eq!(m("26.2022年底前"), Some((Level::Item, "26".into(), "2022年底前")));
        assert_eq!(m("3、加强"), Some((Level::Item, "3".into(), "加强")));
        assert_eq!(m("１２．加强"), Some((Level::Item, "12".into(), "加强")));
        assert_eq!(m("（1）公开"), Some((Level::SubItem, "1".into(), "公开")));
        assert_eq!(m("( 2 )公开"), Some((Level::SubItem, "2".into(), "公开")));
        assert_eq!(m("③公开"), Some((Level::Point, "3".into(), "公开")));
    }

    #[test]
    fn numbers_that_are_not_markers() {
        for line in
            ["1.5亿元", "2022年底前", "（征求意见稿）", "（市、区）", "一是加强", "12366 纳税", "(", "（一", "", "1"]
        {
            assert_eq!(marker(line), None, "{line}");
        }
    }

    #[test]
    fn chinese_numerals() {
        for (s, n) in [("一", "1"), ("十", "10"), ("十七", "17"), ("二十", "20"), ("二十三", "23"), ("一百零二", "102")]
        {
            assert_eq!(chinese_value(s), n, "{s}");
        }
    }
}
