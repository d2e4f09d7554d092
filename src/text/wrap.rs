//! Line breaking by terminal cells with the Chinese rules (禁则): a line never starts with
//! closing punctuation (，。、；：？！”’）》】」』… and `, . ; : ? ! ) ] }`) or a space (spaces
//! hang at the end of a line: they are not counted, and callers trim them), never ends with
//! opening punctuation (（“‘《【「『 and `( [ {`), an ASCII word, number or address is
//! kept whole when it fits, and `——` / `……` stay together. The width is a hard bound: when no
//! break obeys the rules within a line, the line is cut as late as it can be without starting
//! the next one with closing punctuation (the previous character goes down with it), and only
//! when even that is impossible does a closing mark start a line. Text read by the txt reports
//! and the TUI's panes is broken here, so both break it alike.

use unicode_width::UnicodeWidthChar;

/// Wraps `s` into lines of at most `max` cells (at least 2, so any character fits) not counting
/// the spaces that end them, breaking where the rules above allow; the lines joined give `s`
/// back. Always at least one line.
pub fn wrap(s: &str, max: usize) -> Vec<&str> {
    let max = max.max(2);
    let mut lines = Vec::new();
    let mut start = 0;
    // Cells from `start` to the character being placed.
    let mut used = 0;
    // The last place in the line where a break is allowed, and the cells before it.
    let mut allowed: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if i > start && prev.is_some_and(|p| may_break(p, c)) {
            allowed = Some((i, used));
        }
        while used + w > max && i > start && c != ' ' {
            let at = match allowed.take() {
                Some((at, before)) => {
                    used -= before;
                    at
                }
                None => {
                    let at = forced(s, start, i);
                    used = cells(&s[at..i]);
                    at
                }
            };
            lines.push(&s[start..at]);
            start = at;
        }
        used += w;
        prev = Some(c);
    }
    lines.push(&s[start..]);
    lines
}

/// Whether a line may end after `a` and the next start with `b`.
fn may_break(a: char, b: char) -> bool {
    !(closing(b) || b == ' ' || opening(a) || (word(a) && word(b)) || (a == b && matches!(a, '—' | '…' | '‥')))
}

/// Where to cut a line running from `start` that has no allowed break before `i` (where the
/// next character does not fit): the latest place that splits a word or leaves opening
/// punctuation at the end, but starts the next line with neither a space nor closing
/// punctuation; else (nothing else left) at `i`, before closing punctuation.
fn forced(s: &str, start: usize, i: usize) -> usize {
    let next = s[i..].chars().next().map(|c| (i, c));
    let mut best: Option<(u8, usize)> = None;
    let mut prev: Option<char> = None;
    for (k, c) in s[start..i].char_indices().map(|(k, c)| (start + k, c)).chain(next) {
        let rank = match prev {
            Some(p) if k > start => badness(p, c),
            _ => None,
        };
        if let Some(r) = rank
            && best.is_none_or(|(b, _)| r <= b)
        {
            best = Some((r, k));
        }
        prev = Some(c);
    }
    best.map_or(i, |(_, k)| k)
}

/// How bad a forced break between `a` and `b` is (lower is better); `None` for one that
/// starts a line with closing punctuation or a space.
fn badness(a: char, b: char) -> Option<u8> {
    if closing(b) || b == ' ' {
        None
    } else if may_break(a, b) {
        Some(0)
    } else {
        Some(1)
    }
}

fn cells(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Punctuation that may not start a line.
pub fn closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '」'
            | '』'
            | '〕'
            | '〗'
            | '］'
            | '｝'
            | '．'
            | '…'
            | '‥'
            | '％'
            | '·'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Punctuation that may not end a line.
pub fn opening(c: char) -> bool {
    matches!(c, '（' | '“' | '‘' | '《' | '〈' | '【' | '「' | '『' | '〔' | '〖' | '［' | '｛' | '(' | '[' | '{')
}

/// Part of an ASCII word, number or address, which is kept whole.
fn word(c: char) -> bool {
    c.is_ascii_graphic()
}
