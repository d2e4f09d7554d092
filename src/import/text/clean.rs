//! A document line as the recogniser reads it: the extraction's markers taken out (the Word
//! bookmark "[bookmark: _GoBack]", Markdown "#" headings and "**" emphasis, whose first run is
//! kept apart as the line's bold title), and a traditional → simplified folded copy of a text for
//! matching words, with the way back to the document's own characters.

use crate::plan::names::fold_script;

/// The only conversion artefact removed from the words of a line.
const BOOKMARK: &str = "[bookmark: _GoBack]";

/// One line of the document, cleaned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The text, trimmed, without bookmark, "#" heading marks and "**".
    pub text: String,
    /// The bold run the line begins with ("**（一）加强公开。**正文" → "（一）加强公开。"), trimmed.
    pub bold: Option<String>,
}

/// Cleans one line of the document.
pub fn line(raw: &str) -> Line {
    let t = raw.replace(BOOKMARK, "");
    let t = t.trim();
    let t = strip_heading_marks(t);
    let bold = t.strip_prefix("**").and_then(|rest| rest.find("**").map(|end| rest[..end].trim().to_string()));
    let text = t.replace("**", "").trim().to_string();
    Line { text, bold: bold.filter(|b| !b.is_empty()) }
}

/// "## 一、…" → "一、…": one to six "#" and a space, as Markdown writes headings.
fn strip_heading_marks(t: &str) -> &str {
    let rest = t.trim_start_matches('#');
    let hashes = t.len() - rest.len();
    if (1..=6).contains(&hashes) && rest.starts_with(char::is_whitespace) { rest.trim_start() } else { t }
}

/// The text with every run of whitespace that has a non-ASCII character on both sides removed
/// ("等有 关部门" → "等有关部门", "责 任单位" → "责任单位"), ends trimmed; "2022年9 月" and
/// "H5 解读" keep theirs. For unit lists and labels, where such a space is never the document's.
pub fn squash(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let wide = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let end = (i..chars.len()).find(|&j| chars.get(j).is_some_and(|c| !c.is_whitespace())).unwrap_or(chars.len());
        let before = i.checked_sub(1).and_then(|p| chars.get(p));
        if !(wide(before) && wide(chars.get(end))) {
            out.extend(chars.get(i..end).unwrap_or_default());
        }
        i = end;
    }
    out
}

/// Lines joined as wrapped text: nothing between them, one space between two ASCII words.
pub fn join<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for l in lines {
        append(&mut out, l);
    }
    out
}

/// Appends a wrapped line to a text (see [`join`]).
pub fn append(out: &mut String, line: &str) {
    let l = line.trim();
    if l.is_empty() {
        return;
    }
    if out.chars().last().is_some_and(|a| a.is_ascii_alphanumeric())
        && l.starts_with(|b: char| b.is_ascii_alphanumeric())
    {
        out.push(' ');
    }
    out.push_str(l);
}

/// A text and its traditional → simplified folded copy, character for character, so that a
/// word found in the copy can be cut from the text.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    pub original: &'a str,
    pub folded: String,
    /// Byte offsets of each character in `original` and in `folded`, one past the end last.
    at_original: Vec<usize>,
    at_folded: Vec<usize>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Folded<'a> {
        let mut folded = fold_script(original.to_string());
        if folded.chars().count() != original.chars().count() {
            folded = original.to_string();
        }
        let offsets = |s: &str| s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect();
        Folded { original, at_original: offsets(original), at_folded: offsets(&folded), folded }
    }

    /// The byte offset in `original` of the character at byte `at` of `folded`.
    pub fn back(&self, at: usize) -> usize {
        let k = self.at_folded.binary_search(&at).unwrap_or_else(|k| k);
        self.at_original.get(k).copied().unwrap_or(self.original.len())
    }

    /// The original text of a byte range of `folded`.
    pub fn original_of(&self, range: std::ops::Range<usize>) -> &'a str {
        let (a, b) = (self.back(range.start), self.back(range.end));
        self.original.get(a..b.max(a)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_emphasis_are_taken_out() {
        let l = line("**（一）加强公开。**多渠道[bookmark: _GoBack]开设专栏。  ");
        assert_eq!(l.text, "（一）加强公开。多渠道开设专栏。");
        assert_eq!(l.bold.as_deref(), Some("（一）加强公开。"));
        assert_eq!(line("#### **四、围绕基层**").text, "四、围绕基层");
        assert_eq!(line("## 一、标题").bold, None);
        assert_eq!(line("#标签").text, "#标签", "not a Markdown heading");
        assert_eq!(line("[bookmark: other]文字").text, "[bookmark: other]文字", "only the one bookmark");
    }

    #[test]
    fn spaces_between_chinese_go_from_unit_lists_only_there() {
        assert_eq!(squash(" 市乡村振兴局等有 关部门， 各县 "), "市乡村振兴局等有关部门，各县");
        assert_eq!(squash("2022年9 月"), "2022年9 月");
        assert_eq!(squash("创新 H5 解读"), "创新 H5 解读");
    }

    #[test]
    fn wrapped_lines_join() {
        assert_eq!(join(["反不", "", "正当竞争"]), "反不正当竞争");
        assert_eq!(join(["支持IPv6", "2 项"]), "支持IPv6 2 项");
    }

    #[test]
    fn folded_text_maps_back() {
        let f = Folded::new("（責任單位：市財政局）");
        assert_eq!(f.folded, "（责任单位：市财政局）");
        let at = f.folded.find("市").unwrap();
        assert_eq!(f.original_of(at..f.folded.len() - "）".len()), "市財政局");
    }
}
