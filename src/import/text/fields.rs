//! What a bracket after an item says: the responsibility and the deadline, labelled
//! ("责任单位：…。完成时限：…", with ：or : and any of 。；;，, between) or not ("……牵头，……配合",
//! "……按职责分工负责", a bare list of units, "2022年6月底前"), and "下同" (the units hold for
//! the items below). Words are matched on a traditional → simplified folded copy; what is kept
//! is the document's own text, with the spaces a PDF left between Chinese characters removed.

use super::clean::{Folded, squash};
use crate::plan::Deadline;
use crate::plan::responsible::parse_responsible;

/// Label stems of a responsibility and whether the label can be left out of the text (the role
/// is 责任 either way); each is followed by 单位 / 部门 / 科室 / 处室 and a colon.
const RESP_STEMS: [(&str, bool); 7] = [
    ("牵头", false),
    ("责任", true),
    ("负责", true),
    ("主责", true),
    ("配合", false),
    ("协助", false),
    ("协办", false),
];
const RESP_KINDS: [&str; 4] = ["单位", "部门", "科室", "处室"];

/// Deadline labels, longest first where one ends another.
const DEADLINE_LABELS: [&str; 8] =
    ["完成时限", "完成时间", "完成期限", "时限要求", "办结时限", "时间节点", "时限", "时间"];

/// Clauses that say the units hold below too.
const SAME_BELOW: [&str; 4] = ["下同", "以下同", "下文同", "后同"];

/// Words that give a unit list a role; a list without any is "bare".
const ROLE_WORDS: [&str; 6] = ["牵头", "配合", "负责", "协助", "协办", "落实"];

const SEPARATORS: [char; 7] = ['。', '；', ';', '，', ',', '、', ' '];

/// What a bracket after an item says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// The responsibility as written (a lone "责任单位：" label left out).
    pub responsible: Option<String>,
    /// The deadline phrase as written.
    pub deadline: Option<String>,
    /// Neither a label nor a role word: read as a bare list of units.
    pub bare: bool,
    /// "下同": these units hold for the items below that name none.
    pub same_below: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Resp { strip: bool },
    Deadline,
}

/// A piece of the folded text: a range, and the label it sits under (with the label's range).
struct Piece {
    label: Option<(Label, std::ops::Range<usize>)>,
    value: std::ops::Range<usize>,
}

/// Reads a bracket's inside; None when it is not a responsibility or deadline ("试行",
/// "市、区", "实现一级标准": the bracket is the item's text).
pub fn read(inner: &str) -> Option<Fields> {
    let text = squash(inner);
    let f = Folded::new(&text);
    let mut out = Fields::default();
    let mut resp: Vec<Clause> = Vec::new();
    let mut labelled = false;
    for piece in pieces(&f.folded) {
        match piece.label {
            Some((Label::Deadline, _)) => {
                let v = trim_range(&f.folded, piece.value);
                if out.deadline.is_none() && !v.is_empty() {
                    out.deadline = Some(f.original_of(v).to_string());
                }
            }
            label => {
                let (label_range, strip) = match label {
                    Some((Label::Resp { strip }, r)) => (Some(r), strip),
                    _ => (None, false),
                };
                labelled |= label_range.is_some();
                for c in clauses(&f.folded, piece.value) {
                    let words = &f.folded[c.clone()];
                    if SAME_BELOW.contains(&words) {
                        out.same_below = true;
                    } else if out.deadline.is_none() && is_deadline(words) {
                        out.deadline = Some(f.original_of(c).to_string());
                    } else {
                        resp.push((label_range.clone(), c, strip));
                    }
                }
            }
        }
    }
    if !resp.is_empty() {
        let r = responsible(&f, &resp);
        let folded = crate::plan::names::fold_script(r.clone());
        let parsed = parse_responsible(&r, &|_| false);
        let bare = !labelled && !ROLE_WORDS.iter().any(|w| folded.contains(w));
        // A bare list must look like one: every name three characters or more ("试行" is none).
        let short = bare && parsed.parties.iter().any(|p| p.name.chars().count() < 3);
        if !labelled && (parsed.parties.is_empty() || !parsed.unclear.is_empty() || short) {
            return out.deadline.is_some().then_some(out);
        }
        out.bare = bare;
        out.responsible = Some(r);
    }
    (out.responsible.is_some() || out.deadline.is_some()).then_some(out)
}

/// A responsibility clause: the label it sits under (range, may be left out), and its words.
type Clause = (Option<std::ops::Range<usize>>, std::ops::Range<usize>, bool);

/// The responsibility text: the document's words from the first responsibility clause to the
/// last when only separators lie between, else the pieces joined with "；". A single 责任单位
/// label with nothing before it is left out ("责任单位：市财政局" → "市财政局").
fn responsible(f: &Folded, resp: &[Clause]) -> String {
    let mut labels: Vec<_> = resp.iter().filter_map(|(l, _, s)| l.clone().map(|l| (l, *s))).collect();
    labels.dedup_by(|a, b| a.0 == b.0);
    let drop_label = labels.len() == 1 && labels[0].1 && resp.first().is_some_and(|r| r.0.is_some());
    let start = |r: &Clause| match &r.0 {
        Some(l) if !drop_label && l.end <= r.1.start => l.start.min(r.1.start),
        _ => r.1.start,
    };
    let (Some(first), Some(last)) = (resp.first(), resp.last()) else { return String::new() };
    let contiguous = resp.windows(2).all(|w| {
        let from = w[0].1.end;
        let to = if w[1].0 == w[0].0 { w[1].1.start } else { start(&w[1]) };
        f.folded.get(from..to.max(from)).unwrap_or("").chars().all(|c| SEPARATORS.contains(&c))
    });
    let trim = |s: &str| s.trim_matches(|c| SEPARATORS.contains(&c)).to_string();
    if contiguous {
        return trim(f.original_of(start(first)..last.1.end));
    }
    let mut out: Vec<String> = Vec::new();
    for (k, r) in resp.iter().enumerate() {
        let same_label = k > 0 && resp.get(k - 1).is_some_and(|p| p.0 == r.0);
        let from = if same_label { r.1.start } else { start(r) };
        out.push(trim(f.original_of(from..r.1.end)));
    }
    out.join("；")
}

/// The folded text cut at its labels.
fn pieces(folded: &str) -> Vec<Piece> {
    let mut found: Vec<(Label, std::ops::Range<usize>)> = Vec::new();
    let mut at = 0;
    while at < folded.len() {
        match label_at(&folded[at..]) {
            Some((label, len)) => {
                found.push((label, at..at + len));
                at += len;
            }
            None => at += folded[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    let mut out = Vec::new();
    let first = found.first().map_or(folded.len(), |f| f.1.start);
    out.push(Piece { label: None, value: 0..first });
    for (i, (label, range)) in found.iter().enumerate() {
        let end = found.get(i + 1).map_or(folded.len(), |next| next.1.start);
        out.push(Piece { label: Some((*label, range.clone())), value: range.end..end });
    }
    out
}

/// A label at the start of `text`, with its length in bytes (colon included).
fn label_at(text: &str) -> Option<(Label, usize)> {
    let resp = RESP_STEMS.iter().find_map(|(stem, strip)| {
        let rest = text.strip_prefix(stem)?;
        let kind = RESP_KINDS.iter().find(|k| rest.starts_with(*k))?;
        Some((Label::Resp { strip: *strip }, stem.len() + kind.len()))
    });
    let deadline = || DEADLINE_LABELS.iter().find(|l| text.starts_with(*l)).map(|l| (Label::Deadline, l.len()));
    let (label, len) = resp.or_else(deadline)?;
    let after = &text[len..];
    let spaced = after.trim_start();
    let colon = spaced.chars().next().filter(|c| matches!(c, '：' | ':'))?;
    Some((label, text.len() - spaced.len() + colon.len_utf8()))
}

/// A range's clauses, cut at 。；;，, outside brackets, each trimmed; empty ones left out.
fn clauses(folded: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let Some(text) = folded.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '【' | '[' | '〔' => depth += 1,
            '）' | ')' | '】' | ']' | '〕' => depth = depth.saturating_sub(1),
            '。' | '；' | ';' | '，' | ',' if depth == 0 => {
                out.push(range.start + start..range.start + i);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(range.start + start..range.end);
    out.into_iter().map(|r| trim_range(folded, r)).filter(|r| !r.is_empty()).collect()
}

/// The range without separators and spaces at either end.
fn trim_range(folded: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let Some(text) = folded.get(r.clone()) else { return r.start..r.start };
    let is_sep = |c: char| SEPARATORS.contains(&c) || c.is_whitespace();
    let head = text.len() - text.trim_start_matches(is_sep).len();
    let tail = text.trim_end_matches(is_sep).len();
    if tail <= head { r.start..r.start } else { r.start + head..r.start + tail }
}

/// A clause that is a deadline phrase `Deadline::parse` reads ("全年", "2022年6月底前").
fn is_deadline(words: &str) -> bool {
    !matches!(Deadline::parse(words, 2000), Deadline::Unrecognised | Deadline::Unspecified)
}

#[cfg(test)]
mod tests;
