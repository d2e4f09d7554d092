//! The document's title among the lines before its first heading or item: the last short line
//! naming a year ("宁乡市 2022 年政务公开工作要点", after the issuing notice's own lines), else the
//! first short line; a bracketed line right under it ("（征求意见稿）") belongs to it. Not a
//! sentence, an addressee line ("……：") , a date, a document number ("〔2022〕1号") or a bracket.

use crate::import::meta::year_in;

/// Longest title, in characters.
const LONGEST: usize = 60;

/// The title and the (1-based) lines it was made of, from the lines before the first item.
pub fn find(lines: &[(usize, String)]) -> Option<(String, Vec<usize>)> {
    let candidates: Vec<usize> = (0..lines.len()).filter(|&k| lines.get(k).is_some_and(|l| could_be(&l.1))).collect();
    let with_year = candidates.iter().rev().find(|&&k| lines.get(k).is_some_and(|l| year_in(&l.1).is_some()));
    let &k = with_year.or(candidates.first())?;
    let (line, text) = lines.get(k)?;
    let mut title = text.clone();
    let mut used = vec![*line];
    if let Some((next, sub)) = lines.get(k + 1).filter(|(_, t)| is_bracketed(t) && t.chars().count() <= 20) {
        title.push_str(sub);
        used.push(*next);
    }
    Some((title, used))
}

fn could_be(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    let number = t.contains('〔') && t.ends_with('号');
    let shape = t.contains(['。', '；', ';']) || t.ends_with(['：', ':', '，', ',']);
    (2..=LONGEST).contains(&n) && !shape && !number && !is_date(t) && !is_bracketed(t)
}

/// "2022年6月14日".
fn is_date(t: &str) -> bool {
    let words: String = t.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect();
    words == "年月日"
}

fn is_bracketed(t: &str) -> bool {
    t.starts_with(['（', '(']) && t.ends_with(['）', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<(usize, String)> {
        texts.iter().enumerate().map(|(i, t)| (i + 1, t.to_string())).collect()
    }

    #[test]
    fn the_title_with_its_draft_mark() {
        let l = lines(&["2022年咸宁市政务公开工作要点", "（征求意见稿）", "做好2022年工作，要坚持……。"]);
        assert_eq!(find(&l), Some(("2022年咸宁市政务公开工作要点（征求意见稿）".into(), vec![1, 2])));
    }

    #[test]
    fn the_title_after_the_notice() {
        let l = lines(&[
            "宁乡市政务公开政务服务工作领导小组办公室",
            "宁政务办发〔2022〕1号",
            "关于印发《宁乡市2022年政务公开工作要点》 的通知",
            "市直各单位，各乡镇（街道）人民政府（办事处）：",
            "2022年6月14日",
            "宁乡市 2022 年政务公开工作要点",
            "坚持以……为指导。",
        ]);
        assert_eq!(find(&l), Some(("宁乡市 2022 年政务公开工作要点".into(), vec![6])));
        assert_eq!(find(&lines(&["各单位：", "要认真落实。"])), None);
    }
}
