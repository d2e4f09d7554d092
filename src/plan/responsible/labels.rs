//! The words around unit names in a responsible cell: labels ("牵头单位：", "责任部门:"), the
//! brackets that frame them, role endings ("牵头", "配合") and phrases that name no unit
//! ("按职责分工负责", "抓好落实"). Matched in simplified or traditional script (牽頭單位, 負責):
//! each character folded to simplified before comparing, the cell's own text kept.

use super::CellRole;

/// Label stems and the role they give; a stem is followed by 单位 or 部门 and a colon.
const STEMS: [(&str, CellRole); 7] = [
    ("牵头", CellRole::Lead),
    ("责任", CellRole::Responsible),
    ("负责", CellRole::Responsible),
    ("主责", CellRole::Responsible),
    ("配合", CellRole::Assist),
    ("协助", CellRole::Assist),
    ("协办", CellRole::Assist),
];

/// Clause endings that say the role, longest first.
const ROLE_ENDINGS: [(&str, CellRole); 7] = [
    ("按职责牵头负责", CellRole::Lead),
    ("牵头负责", CellRole::Lead),
    ("牵头", CellRole::Lead),
    ("协助配合", CellRole::Assist),
    ("配合", CellRole::Assist),
    ("协助", CellRole::Assist),
    ("协办", CellRole::Assist),
];

/// Phrases that name no unit: stripped from a clause's end, or the whole clause when alone.
const NOT_UNITS: [&str; 23] = [
    "按职责分工负责",
    "按职责分工落实",
    "按职责分工",
    "按照职责分工",
    "根据职责分工",
    "负责统筹协调",
    "统筹协调",
    "牵头协调",
    "具体落实",
    "承担",
    "分别",
    "按职责负责",
    "按职责落实",
    "分工负责",
    "分别负责",
    "共同负责",
    "各负其责",
    "抓好落实",
    "负责落实",
    "组织实施",
    "负责",
    "落实",
    "实施",
];

/// The cell cut at its labels: each piece with the role its label gives (None before the
/// first label). "（牵头单位：市发展改革委；责任单位：市直各部门）" gives
/// `[(Lead, "市发展改革委"), (Responsible, "市直各部门")]`.
pub(super) fn segments(cell: &str) -> Vec<(Option<CellRole>, &str)> {
    let mut found: Vec<(usize, usize, CellRole)> = Vec::new();
    for (at, _) in cell.char_indices() {
        if let Some((len, role)) = label_at(&cell[at..]) {
            found.push((at, at + len, role));
        }
    }
    let mut out = Vec::new();
    let first = found.first().map_or(cell.len(), |f| f.0);
    out.push((None, trim_stray(&cell[..first])));
    for (i, &(_, start, role)) in found.iter().enumerate() {
        let end = found.get(i + 1).map_or(cell.len(), |next| next.0);
        out.push((Some(role), trim_stray(&cell[start..end])));
    }
    out.retain(|(_, s)| !s.is_empty());
    out
}

/// A label at the start of `text`: its length in bytes (colon included) and its role.
fn label_at(text: &str) -> Option<(usize, CellRole)> {
    let (len, role) = STEMS.iter().find_map(|(stem, role)| starts_with(text, stem).map(|len| (len, *role)))?;
    let rest = &text[len..];
    let kind = ["单位", "部门", "科室", "处室"].into_iter().find_map(|k| starts_with(rest, k))?;
    let after = &rest[kind..];
    let spaced = after.trim_start();
    let colon = spaced.chars().next().filter(|c| matches!(c, '：' | ':'))?;
    let len = text.len() - spaced.len() + colon.len_utf8();
    Some((len, role))
}

/// The bytes of `text` that read as `word` (simplified) at its start, in either script.
pub(super) fn starts_with(text: &str, word: &str) -> Option<usize> {
    let n = word.chars().count();
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    (head.chars().count() == n && fold(head) == word).then_some(end)
}

/// `text` without `word` (simplified) at its end, in either script.
pub(super) fn strip_suffix<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let n = word.chars().count();
    let start = if n == 0 { text.len() } else { text.char_indices().rev().nth(n - 1)?.0 };
    (fold(&text[start..]) == word).then(|| &text[..start])
}

/// Traditional characters as simplified, one for one.
pub(super) fn fold(text: &str) -> String {
    crate::plan::names::fold_script(text.to_string())
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// Strips what is left around a piece once its label is cut off: spaces, separators, a frame
/// of brackets ("（…）") and brackets whose partner was in another piece. "各县（市、区）" keeps
/// its brackets.
pub(super) fn trim_stray(text: &str) -> &str {
    let mut t = text;
    loop {
        let before = t.len();
        t = t.trim().trim_matches(|c| matches!(c, '，' | ',' | '；' | ';' | '。' | '、'));
        if t.chars().next().is_some_and(is_open) {
            match matching_close(t) {
                Some(end) if end + close_len(t, end) == t.len() => t = &t[open_len(t)..end],
                Some(_) => {}
                None => t = &t[open_len(t)..],
            }
        }
        if t.chars().last().is_some_and(is_open) || unmatched_close_at_end(t) {
            t = t.char_indices().last().map_or(t, |(at, _)| &t[..at]);
        }
        if t.len() == before {
            return t;
        }
    }
}

fn open_len(t: &str) -> usize {
    t.chars().next().map_or(0, char::len_utf8)
}

fn close_len(t: &str, at: usize) -> usize {
    t[at..].chars().next().map_or(0, char::len_utf8)
}

/// The byte index of the bracket that closes the one `t` starts with.
fn matching_close(t: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in t.char_indices() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(at);
            }
        }
    }
    None
}

fn unmatched_close_at_end(t: &str) -> bool {
    if !t.chars().last().is_some_and(is_close) {
        return false;
    }
    let opens = t.chars().filter(|&c| is_open(c)).count();
    let closes = t.chars().filter(|&c| is_close(c)).count();
    closes > opens
}

/// Strips the phrases that name no unit from the end of a text, in either script, however many
/// follow each other: "各乡镇人民政府按职责分工负责落实" → "各乡镇人民政府". Role endings stay.
pub(crate) fn strip_duties(text: &str) -> &str {
    let mut t = text.trim_end();
    while let Some(rest) = NOT_UNITS.iter().find_map(|end| strip_suffix(t, end)) {
        t = rest.trim_end();
    }
    t
}

/// Strips role endings and phrases that name no unit from the end of a clause (and a leading
/// "由"); returns the rest and the role an ending gave, if any. "市财政局牵头抓好落实" gives
/// ("市财政局", Lead); "按职责分工负责" gives ("", None).
pub(super) fn strip_role(clause: &str) -> (&str, Option<CellRole>) {
    let mut t = clause.trim();
    t = t.strip_prefix('由').unwrap_or(t);
    let mut role = None;
    loop {
        let before = t.len();
        if let Some((rest, r)) = ROLE_ENDINGS.iter().find_map(|(end, r)| strip_suffix(t, end).map(|rest| (rest, *r))) {
            t = rest;
            role = role.or(Some(r));
        } else {
            t = strip_duties(t);
        }
        t = t.trim();
        if t.len() == before {
            return (t, role);
        }
    }
}
