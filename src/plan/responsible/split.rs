//! Cutting a clause into unit names: at "、", at "和" / "及" between two names (but not inside
//! one: "市住房和城乡建设局"), and where a cell printed on two lines ran two names together;
//! and telling a plausible unit name from a sentence.

/// Level words a full unit name starts with; a shared prefix is one of these.
pub(super) const LEVELS: [char; 4] = ['市', '县', '区', '省'];

/// Endings of unit and group names: 局, 委, 中心, 人民政府, 办事处, 部门, 单位, 各县（市、区）…
const SUFFIXES: [char; 41] = [
    '局', '委', '办', '厅', '部', '院', '会', '室', '处', '所', '站', '队', '科', '司', '行', '社', '台', '馆', '园',
    '组', '联', '协', '团', '署', '校', '府', '心', '门', '位', '道', '镇', '乡', '区', '县', '市', '州', '旗', '庭',
    // 各镇街 (镇、街道), 各村, 国有林场
    '街', '村', '场',
];

/// Words of a sentence, never of a unit name.
const SENTENCE_WORDS: [&str; 12] =
    ["负责", "落实", "推进", "执行", "做好", "抓好", "按照", "职责", "结合", "确保", "加强", "完成"];

/// Splits at any of `seps` that is not inside （…） or (…): "各县（市、区）" stays whole.
pub(super) fn split_outside_brackets<'a>(text: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && seps.contains(&c) => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Splits a clause at "、", then each item where two names meet at "和" / "及" or with no
/// separator at all ("县政务中心县财政局", as a table cell printed them on two lines).
pub(super) fn split_items(clause: &str, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut items = Vec::new();
    for item in split_outside_brackets(clause, &['、']).into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        for part in split_conjunction(item, known) {
            match split_run_together(part, known) {
                Some((a, b)) => items.extend([a.to_string(), b.to_string()]),
                None => items.push(part.to_string()),
            }
        }
    }
    items
}

/// True when a side of "和" / "及" reads like a whole unit name by itself: plausible and of
/// three characters or more, so that "各县（市、区）党委和政府" stays whole ("政府" is no unit).
fn looks_whole(name: &str) -> bool {
    plausible(name) && without_trailing_brackets(name).chars().count() >= 3
}

/// Splits at "和" / "及" outside brackets when every side is a name: known to the plan, or
/// plausible ("市财政局和市商务局"). A known whole never splits, a known name before the
/// conjunction is tried longest first, and "市住房和城乡建设局" does not split: "市住房" is no
/// unit's name.
fn split_conjunction<'a>(item: &'a str, known: &dyn Fn(&str) -> bool) -> Vec<&'a str> {
    if known(item) {
        return vec![item];
    }
    let joins = conjunctions(item);
    let by_known = joins.iter().rev().filter(|&&(at, _)| known(&item[..at]));
    let by_look = joins.iter().filter(|&&(at, _)| !known(&item[..at]) && looks_whole(&item[..at]));
    for &(at, len) in by_known.chain(by_look) {
        let rest = split_conjunction(&item[at + len..], known);
        if rest.iter().all(|r| known(r) || looks_whole(r)) {
            return std::iter::once(&item[..at]).chain(rest).collect();
        }
    }
    vec![item]
}

/// Byte offsets and lengths of "和" / "及" outside brackets, not first or last.
fn conjunctions(item: &str) -> Vec<(usize, usize)> {
    let mut depth = 0usize;
    let mut out = Vec::new();
    for (at, c) in item.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '和' | '及' if depth == 0 && at > 0 && at + c.len_utf8() < item.len() => out.push((at, c.len_utf8())),
            _ => {}
        }
    }
    out
}

/// "县政务中心县财政局" → ("县政务中心", "县财政局") when both are known names.
fn split_run_together<'a>(item: &'a str, known: &dyn Fn(&str) -> bool) -> Option<(&'a str, &'a str)> {
    if known(item) {
        return None;
    }
    item.char_indices().skip(1).find_map(|(at, c)| {
        let (a, b) = (&item[..at], &item[at..]);
        (LEVELS.contains(&c) && known(a) && known(b)).then_some((a, b))
    })
}

/// True when `name` reads like a unit or group: ends as such names end (brackets aside:
/// "各县（市、区）"), holds no punctuation or sentence word, and is not too long; in either script.
pub(super) fn plausible(name: &str) -> bool {
    let name = &super::labels::fold(name);
    let core = without_trailing_brackets(name);
    let len = core.chars().count();
    let outside = outside_brackets(name);
    if !(2..=30).contains(&len) || outside.contains([':', '：', '，', ',', '；', ';', '。', '、']) {
        return false;
    }
    !SENTENCE_WORDS.iter().any(|w| name.contains(w)) && core.chars().last().is_some_and(|c| SUFFIXES.contains(&c))
}

/// The text with everything inside brackets left out: "各县（市、区）人民政府" → "各县人民政府".
fn outside_brackets(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| match c {
            '（' | '(' => {
                depth += 1;
                false
            }
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// "各县（市、区）" → "各县"; a name with no trailing bracket is returned as it is.
fn without_trailing_brackets(name: &str) -> &str {
    let mut t = name.trim();
    while t.ends_with(['）', ')']) {
        let Some(open) = t.rfind(['（', '(']) else {
            return t;
        };
        t = &t[..open];
    }
    t
}
