//! Reading a responsible-units cell as the document means it: "牵头" / "配合" roles, shared
//! prefixes written once ("市发展改革委、财政局、商务局" = 市发展改革委, 市财政局, 市商务局) and
//! open-ended "等相关部门" endings.

/// The units a responsible cell names, in order, with their roles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Responsible {
    /// 牵头 units.
    pub lead: Vec<String>,
    /// The other responsible units (责任 / 负责 / 配合).
    pub units: Vec<String>,
    /// "等相关部门"-style open endings, verbatim.
    pub others: Option<String>,
}

/// Level words a full unit name starts with; a shared prefix is one of these.
const LEVELS: [char; 4] = ['市', '县', '区', '省'];

/// Clause endings that say the role; stripped from the unit list.
const LEAD_ENDINGS: [&str; 3] = ["按职责牵头负责", "牵头负责", "牵头"];
const OTHER_ENDINGS: [&str; 5] = ["按职责分工负责", "按职责负责", "分工负责", "负责", "配合"];

/// Splits a responsible cell into units. `known` says whether a name is a unit or group of the
/// plan (pass `|_| false` when there is no plan yet: the prefix is then shared by rule).
pub fn parse_responsible(cell: &str, known: &dyn Fn(&str) -> bool) -> Responsible {
    let mut out = Responsible::default();
    let text = strip_frame(cell);
    let mut prefix: Option<char> = None;
    for clause in split_outside_brackets(text, &['，', ',', '；', ';', '。']) {
        let clause = clause.trim();
        if clause.is_empty() {
            continue;
        }
        let (clause, lead) = strip_role(clause);
        let clause = take_others(clause, &mut out.others);
        let target = if lead { &mut out.lead } else { &mut out.units };
        for item in split_items(clause, known) {
            let name = share_prefix(&item, &mut prefix, known);
            if !name.is_empty() && !target.contains(&name) {
                target.push(name);
            }
        }
    }
    out
}

/// Removes surrounding brackets and a "责任单位：" label.
fn strip_frame(cell: &str) -> &str {
    let mut t = cell.trim();
    if let Some(inner) = t.strip_prefix(['（', '(']) {
        t = inner.strip_suffix(['）', ')']).unwrap_or(inner);
    }
    for label in ["责任单位：", "责任单位:", "责任部门：", "责任部门:"] {
        if let Some(rest) = t.strip_prefix(label) {
            t = rest;
        }
    }
    t.trim()
}

/// Strips a role ending; true when the clause names lead units.
fn strip_role(clause: &str) -> (&str, bool) {
    for end in LEAD_ENDINGS {
        if let Some(rest) = clause.strip_suffix(end) {
            return (rest.trim(), true);
        }
    }
    for end in OTHER_ENDINGS {
        if let Some(rest) = clause.strip_suffix(end) {
            return (rest.trim(), false);
        }
    }
    (clause, false)
}

/// Cuts an "等相关部门" / "等有关部门" / "等部门" ending off and records it.
fn take_others<'a>(clause: &'a str, others: &mut Option<String>) -> &'a str {
    let Some(at) = clause.rfind('等') else {
        return clause;
    };
    let tail = &clause[at..];
    let open = ["等相关部门", "等有关部门", "等部门", "等相关单位", "等有关单位", "等单位"];
    if open.contains(&tail) {
        others.get_or_insert_with(|| tail.to_string());
        return &clause[..at];
    }
    clause
}

/// Splits a clause at "、"; an item that is not itself a name is split further where two
/// known names meet: at "和" ("市直相关单位和各乡镇人民政府") or with no separator at all
/// ("县政务中心县财政局", as a table cell printed them on two lines). "工业和信息化局" stays whole.
fn split_items(clause: &str, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut items = Vec::new();
    for item in split_outside_brackets(clause, &['、']).into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        match split_joined(item, known) {
            Some((a, b)) => {
                items.push(a.to_string());
                items.push(b.to_string());
            }
            None => items.push(item.to_string()),
        }
    }
    items
}

fn split_joined<'a>(item: &'a str, known: &dyn Fn(&str) -> bool) -> Option<(&'a str, &'a str)> {
    if known(item) {
        return None;
    }
    item.char_indices().skip(1).find_map(|(at, c)| {
        let (a, b) = match c {
            '和' => (&item[..at], &item[at + c.len_utf8()..]),
            c if LEVELS.contains(&c) => (&item[..at], &item[at..]),
            _ => return None,
        };
        (known(a) && known(b)).then_some((a, b))
    })
}

/// Splits at any of `seps` that is not inside （…） or (…): "各县（市、区）" stays whole.
fn split_outside_brackets<'a>(text: &'a str, seps: &[char]) -> Vec<&'a str> {
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

/// True when `item` starts with a level word (市…, 县…), not a word that merely begins with
/// one ("市场监管局" is a department written without its prefix).
fn has_level(item: &str) -> Option<char> {
    let first = item.chars().next().filter(|c| LEVELS.contains(c))?;
    (!item.starts_with("市场")).then_some(first)
}

/// Collective or place words that never take a shared department prefix.
fn is_collective(item: &str) -> bool {
    ["各", "其他", "相关", "有关", "街道", "乡镇", "管委会"].iter().any(|w| item.contains(w))
}

/// Applies the shared prefix: an item that is not a full name takes the level word of the
/// last full name before it.
fn share_prefix(item: &str, prefix: &mut Option<char>, known: &dyn Fn(&str) -> bool) -> String {
    if let Some(c) = has_level(item) {
        *prefix = Some(c);
        return item.to_string();
    }
    if known(item) {
        return item.to_string();
    }
    match *prefix {
        Some(p) => {
            let full = format!("{p}{item}");
            let by_rule = !is_collective(item);
            if known(&full) || by_rule { full } else { item.to_string() }
        }
        None => item.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> bool {
        false
    }

    #[test]
    fn shared_prefix_is_written_once() {
        let r = parse_responsible("各县（区），市发展改革委、财政局、商务局、统计局等相关部门", &none);
        assert_eq!(r.units, ["各县（区）", "市发展改革委", "市财政局", "市商务局", "市统计局"]);
        assert_eq!(r.others.as_deref(), Some("等相关部门"));
        assert!(r.lead.is_empty());
    }

    #[test]
    fn lead_and_cooperating() {
        let r = parse_responsible("各县（区），市审批服务管理局牵头，其他部门配合", &none);
        assert_eq!(r.lead, ["市审批服务管理局"]);
        assert_eq!(r.units, ["各县（区）", "其他部门"]);
        let r = parse_responsible("各县（区），市司法局牵头，各相关部门配合。", &none);
        assert_eq!(r.lead, ["市司法局"]);
        assert_eq!(r.units, ["各县（区）", "各相关部门"]);
    }

    #[test]
    fn known_names_are_not_prefixed_or_split() {
        let known = |s: &str| ["中卫工业园区管委会", "市工业和信息化局", "市直相关单位", "各乡镇人民政府"].contains(&s);
        let r = parse_responsible("市科技局、工业和信息化局、中卫工业园区管委会", &known);
        assert_eq!(r.units, ["市科技局", "市工业和信息化局", "中卫工业园区管委会"]);
        let r = parse_responsible(
            "市发展和改革委员会、市财政局牵头，市直相关单位和各乡镇人民政府、街道办事处按职责分工负责",
            &known,
        );
        assert_eq!(r.lead, ["市发展和改革委员会", "市财政局"]);
        assert_eq!(r.units, ["市直相关单位", "各乡镇人民政府", "街道办事处"]);
        let known = |s: &str| ["县政务中心", "县财政局"].contains(&s);
        assert_eq!(parse_responsible("县政务中心县财政局", &known).units, ["县政务中心", "县财政局"]);
    }

    #[test]
    fn label_and_brackets_are_dropped() {
        let r = parse_responsible("（责任单位：市税务局、市财政局等有关部门， 各县（市、区）人民政府）", &none);
        assert_eq!(r.units, ["市税务局", "市财政局", "各县（市、区）人民政府"]);
        assert_eq!(r.others.as_deref(), Some("等有关部门"));
        assert_eq!(parse_responsible("各县（区）", &none).units, ["各县（区）"]);
    }

    #[test]
    fn county_prefix_is_shared_too() {
        let r = parse_responsible("县发改局、市场监管局", &none);
        assert_eq!(r.units, ["县发改局", "县市场监管局"]);
    }
}
