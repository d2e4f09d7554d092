//! How a plan's words are compared with its document: the document's extracted text
//! (`tests/seeds/<id>.txt`) goes through one normalisation, and then every text field of the plan
//! must occur in it character for character — spaces, full- and half-width punctuation and all.
//!
//! The normalisation (also in docs/plan-format.md, “正文与原文的对应”) undoes what the extraction
//! did to the page, and nothing else:
//!
//! 1. **Extraction markers.** `[bookmark: _GoBack]`, a hidden Word bookmark that the extraction
//!    printed as text (once, in Xianning), is removed.
//! 2. **Wrapped lines.** The extraction breaks lines wherever the page or a table cell wrapped
//!    them, often with an empty line between (a page break, or Zhongfang's cells). A line break —
//!    a newline and the empty lines after it — is removed, joining the text on either side with
//!    nothing, unless the character before it or the one after it is an ASCII letter or digit:
//!    there joining could fuse two words or numbers, so the break stays and no field may run
//!    across it. (In the five documents every break a field runs across has Chinese text or
//!    punctuation on both sides.)
//! 3. **Spaces left by wrapping.** Where a PDF line ended inside a run of Chinese text, the
//!    extraction left a space (Xianning: “落实 情况”, “提 振”). Such a space is removed only at the
//!    places listed in `residue.rs`, each checked to be whitespace with a non-ASCII character on
//!    both sides. Every other space is the document's and stays — “第6 版”, “2022年9 月”,
//!    “12366”, “万众一心 抗击疫情”.
//!
//! Included with `#[path = "support/verbatim.rs"] mod verbatim;` (and `residue.rs` beside it).

#![allow(dead_code)]

/// The extraction's markers that are not the document's words.
pub const MARKERS: [&str; 1] = ["[bookmark: _GoBack]"];

/// A character a line break may not be joined at.
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Steps 1 and 2: the markers removed and wrapped lines joined.
pub fn normalise(raw: &str) -> String {
    let mut text = raw.to_string();
    for m in MARKERS {
        text = text.replace(m, "");
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\n') {
        let (before, after) = rest.split_at(at);
        let kept = after.len() - after.trim_start_matches('\n').len();
        let next = after[kept..].chars().next();
        out.push_str(before);
        let joins = !before.chars().next_back().is_some_and(word_char) && !next.is_some_and(word_char);
        if !joins || next.is_none() {
            out.push_str(&after[..kept]);
        }
        rest = &after[kept..];
    }
    out.push_str(rest);
    out
}

/// A listed place of step 3: the plan, the task whose text runs over it, the source's text with
/// the space, and the plan's text.
pub type Place = (&'static str, &'static str, &'static str, &'static str);

/// What the plan's text at a place must be: `source` with each run of whitespace that has a
/// non-ASCII, non-space character on both sides removed. `None` if that removes nothing.
pub fn without_residue(source: &str) -> Option<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let end = (i..chars.len()).find(|&j| !chars[j].is_whitespace()).unwrap_or(chars.len());
        let chinese = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
        if !(chinese(i.checked_sub(1).and_then(|p| chars.get(p))) && chinese(chars.get(end))) {
            out.extend(&chars[i..end]);
        }
        i = end;
    }
    (out != source).then_some(out)
}

/// Step 3 on the normalised text of one plan: each place's source text (which must occur
/// exactly once) becomes the plan's. A place that is not a space between Chinese characters,
/// or is not found, is an error.
pub fn apply(text: &str, places: &[Place]) -> Result<String, String> {
    let mut out = text.to_string();
    for &(_, task, source, plan) in places {
        if without_residue(source).as_deref() != Some(plan) {
            return Err(format!(
                "task {task}: “{source}” → “{plan}” is not a space between Chinese characters removed"
            ));
        }
        match out.matches(source).count() {
            1 => out = out.replacen(source, plan, 1),
            n => return Err(format!("task {task}: “{source}” occurs {n} times in the document, not once")),
        }
    }
    Ok(out)
}

/// `None` if `field` occurs in `source`; otherwise where it first departs from the document:
/// the longest start of the field that the document has, and what follows it on each side.
pub fn mismatch(source: &str, field: &str) -> Option<String> {
    if source.contains(field) {
        return None;
    }
    let ends: Vec<usize> = field.char_indices().map(|(i, _)| i).chain([field.len()]).collect();
    // The longest prefix found (prefixes of a found prefix are found too).
    let (mut lo, mut hi) = (0, ends.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if source.contains(&field[..ends[mid]]) { lo = mid } else { hi = mid - 1 }
    }
    let prefix = &field[..ends[lo]];
    let tail = |s: &str| s.chars().take(12).collect::<String>();
    let before: String = prefix.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    let theirs = source.find(prefix).map_or(String::new(), |at| tail(&source[at + prefix.len()..]));
    Some(format!(
        "after {} matching characters “…{before}”, the plan has “{}”, the document “{theirs}”",
        prefix.chars().count(),
        tail(&field[prefix.len()..]),
    ))
}

/// Whether `heading` begins a line of the raw text, after its indentation and Markdown marks
/// (`#`, `*`) — as a heading stands in the document.
pub fn begins_a_line(raw: &str, heading: &str) -> bool {
    raw.lines().any(|l| l.trim_start_matches(|c: char| c.is_whitespace() || c == '#' || c == '*').starts_with(heading))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_joined_between_chinese_text_and_kept_beside_ascii_words() {
        assert_eq!(normalise("加大减负稳岗扩就业政策培\n\n训力度,重点"), "加大减负稳岗扩就业政策培训力度,重点");
        assert_eq!(normalise("市司法局、\n市政府各部门"), "市司法局、市政府各部门");
        assert_eq!(normalise("保障卡\n[bookmark: _GoBack]“一卡通”"), "保障卡“一卡通”");
        assert_eq!(normalise("IPv6\n支持"), "IPv6\n支持");
        assert_eq!(normalise("截至\n2022年"), "截至\n2022年");
        assert_eq!(normalise("尾行\n"), "尾行\n");
        // Spaces are not touched, at a break or elsewhere.
        assert_eq!(normalise("全年） \n34.做好"), "全年） \n34.做好");
        assert_eq!(normalise("第6 版。 \n全市"), "第6 版。 全市");
    }

    #[test]
    fn only_spaces_between_chinese_characters_are_residue() {
        assert_eq!(without_residue("落实 情况").as_deref(), Some("落实情况"));
        assert_eq!(without_residue("解读、  促进").as_deref(), Some("解读、促进"));
        assert_eq!(without_residue("监管” 系统").as_deref(), Some("监管”系统"));
        assert_eq!(without_residue("第6 版"), None);
        assert_eq!(without_residue("2022年9 月"), None);
        assert_eq!(without_residue("优化 12366 纳税"), None);
    }

    #[test]
    fn a_listed_place_must_be_residue_and_found_once() {
        let text = "执行落实 情况公开，互联网协议第6 版。";
        let ok = apply(text, &[("p", "1", "落实 情况", "落实情况")]).unwrap();
        assert_eq!(ok, "执行落实情况公开，互联网协议第6 版。");
        assert!(apply(text, &[("p", "1", "第6 版", "第6版")]).is_err(), "the document's own space");
        assert!(apply(text, &[("p", "1", "落实 情况", "落实情形")]).is_err(), "a changed word");
        assert!(apply(text, &[("p", "1", "提 振", "提振")]).is_err(), "not in the document");
        assert!(apply("落 实落 实", &[("p", "1", "落 实", "落实")]).is_err(), "ambiguous");
    }

    #[test]
    fn one_changed_character_or_one_lost_space_is_reported() {
        let doc = normalise(
            "（责任单位：市政府各部门，各县（市、区）人民政府。完成时限：2022年9 月）\n34.推进市级政务类移动客户端支持互联网协议第6 版。",
        );
        assert_eq!(mismatch(&doc, "2022年9 月"), None);
        assert_eq!(mismatch(&doc, "推进市级政务类移动客户端支持互联网协议第6 版。"), None);
        let lost_space = mismatch(&doc, "2022年9月").expect("a removed space is a difference");
        assert!(lost_space.contains("the plan has “月”, the document “ 月）"), "{lost_space}");
        let changed = mismatch(&doc, "推进市级政务类移动客户端支持互连网协议第6 版。").expect("one character");
        assert!(changed.contains("支持互”, the plan has “连网"), "{changed}");
        let width = mismatch(&doc, "各县(市、区）人民政府").expect("a half-width bracket");
        assert!(width.contains("the plan has “(市"), "{width}");
        assert!(mismatch(&doc, "市政府各部门，各县（市、区）人民政府。完成时限：2022年9 月）34.推进").is_some());
    }

    #[test]
    fn headings_must_begin_a_line() {
        let raw = "## 一、围绕推动高质量发展\n\n**（一）加强信息公开。**多渠道\n正文（二）不是标题";
        assert!(begins_a_line(raw, "一、围绕推动高质量发展"));
        assert!(begins_a_line(raw, "（一）加强信息公开。"));
        assert!(!begins_a_line(raw, "（二）不是标题"));
    }
}
