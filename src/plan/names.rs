//! Unit and group names: normalisation (full-/half-width brackets, spaces, traditional and
//! simplified script), the lookup index from every id, name and alias, and "did you mean"
//! suggestions.

use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// What a name in the plan refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// A unit, by index into `Plan::units`.
    Unit(usize),
    /// A group, by index into `Plan::groups`.
    Group(usize),
}

/// Normalises a name for lookup: no whitespace, ASCII brackets and commas as full-width, and
/// traditional script folded to simplified (市行政審批服務局 and 市行政审批服务局 give one key).
/// Only comparison keys are folded: names are shown as the plan writes them.
pub fn normalize(name: &str) -> String {
    let plain: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            c => c,
        })
        .collect();
    fold_script(plain)
}

/// Traditional (including Hong Kong variant) characters as simplified, one character at a time
/// by OpenCC's character dictionaries (HKVariantsRev, TSCharacters). Per character, so a
/// folded name contains the folded form of each of its parts (as `suggest` and the pickers
/// expect); each character is converted once per thread and remembered.
pub fn fold_script(text: String) -> String {
    if text.chars().all(|c| (c as u32) < FIRST_CJK) {
        return text;
    }
    FOLDED.with(|memo| {
        let mut memo = memo.borrow_mut();
        text.chars()
            .map(|c| if (c as u32) < FIRST_CJK { c } else { *memo.entry(c).or_insert_with(|| fold_char(c)) })
            .collect()
    })
}

/// Below this (CJK Radicals Supplement) nothing has a traditional form.
const FIRST_CJK: u32 = 0x2E80;

thread_local! {
    static FOLDED: std::cell::RefCell<FastMap<char, char>> = std::cell::RefCell::new(FastMap::default());
}

fn fold_char(c: char) -> char {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    let Some(t2s) = T2S.get_or_init(|| OpenCC::from_config(BuiltinConfig::Hk2s).ok()) else {
        return c;
    };
    let out = t2s.convert(c.encode_utf8(&mut [0; 4]));
    let mut chars = out.chars();
    match (chars.next(), chars.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// Every id, name and alias of a plan's units and groups.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct NameIndex {
    map: HashMap<String, Target>,
    /// Display names offered as suggestions, with their targets.
    names: Vec<(String, Target)>,
    /// Each key as inserted, unnormalised, with what its normalised form holds — which never
    /// changes, since the first to hold a key keeps it. A plan names its units the way it
    /// declared them almost every time, so most lookups (50,000 in a province's plan) need no
    /// normalising. Rebuilt as keys are inserted; not kept in the plan's cache entry.
    #[serde(skip)]
    exact: FastMap<String, Target>,
}

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

impl NameIndex {
    /// Adds a key; returns the target already holding it, if any.
    pub fn insert(&mut self, key: &str, target: Target, display: bool) -> Option<Target> {
        let norm = normalize(key);
        if let Some(&existing) = self.map.get(&norm) {
            self.exact.entry(key.to_string()).or_insert(existing);
            return (existing != target).then_some(existing);
        }
        self.map.insert(norm, target);
        self.exact.entry(key.to_string()).or_insert(target);
        if display {
            self.names.push((key.to_string(), target));
        }
        None
    }

    /// Looks a name, alias or id up.
    pub fn get(&self, name: &str) -> Option<Target> {
        if let Some(&t) = self.exact.get(name) {
            return Some(t);
        }
        self.map.get(&normalize(name)).copied()
    }

    /// The first display name given for `t` (its name; empty if it has none), for messages.
    pub fn name_of(&self, t: Target) -> &str {
        self.names.iter().find(|(_, x)| *x == t).map_or("", |(name, _)| name.as_str())
    }

    /// Up to `n` display names close to `name`, best first, keeping those `keep` accepts.
    pub fn suggest(&self, name: &str, n: usize, keep: impl Fn(Target) -> bool) -> Vec<String> {
        let want = normalize(name);
        let mut scored: Vec<(f64, &str)> = self
            .names
            .iter()
            .filter(|(_, t)| keep(*t))
            .map(|(display, _)| (similarity(&want, &normalize(display)), display.as_str()))
            .filter(|(score, _)| *score > 0.3)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, display) in scored {
            if !out.iter().any(|o| o == display) {
                out.push(display.to_string());
            }
            if out.len() == n {
                break;
            }
        }
        out
    }
}

/// Similarity of two names in 0..=1: edit distance over characters, boosted when one
/// contains the other ("财政局" inside "市财政局").
fn similarity(a: &str, b: &str) -> f64 {
    let base = strsim::normalized_levenshtein(a, b);
    if !a.is_empty() && (b.contains(a) || a.contains(b)) { base.max(0.75) } else { base }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_spaces_do_not_matter() {
        assert_eq!(normalize("各县(区) "), normalize("各县（区）"));
    }

    #[test]
    fn traditional_and_simplified_names_give_one_key() {
        assert_eq!(normalize("市行政審批服務局"), "市行政审批服务局");
        assert_eq!(normalize("市發展和改革委員會"), normalize("市发展和改革委员会"));
        assert_eq!(normalize("各區（縣）政府"), normalize("各区(县)政府"));
        // Hong Kong variant forms fold too.
        assert_eq!(normalize("市衞生健康委員會"), normalize("市卫生健康委员会"));
        assert_eq!(normalize("fgw"), "fgw");
        assert_ne!(normalize("市财政局"), normalize("市商务局"));
    }

    #[test]
    fn lookups_match_across_scripts_both_ways() {
        let mut idx = NameIndex::default();
        idx.insert("市行政審批服務局", Target::Unit(0), true);
        idx.insert("市财政局", Target::Unit(1), true);
        assert_eq!(idx.get("市行政审批服务局"), Some(Target::Unit(0)));
        assert_eq!(idx.get("市財政局"), Some(Target::Unit(1)));
        // The same unit in the other script is a clash, not a second unit.
        assert_eq!(idx.insert("市財政局", Target::Unit(2), true), Some(Target::Unit(1)));
        // The clashing key, looked up as written, still finds the unit that holds it.
        assert_eq!(idx.get("市財政局"), Some(Target::Unit(1)));
        assert_eq!(idx.get(" 市財政局"), Some(Target::Unit(1)));
        // Suggestions compare folded names but offer the name as written.
        assert_eq!(idx.suggest("行政审批服务局", 3, |_| true), ["市行政審批服務局"]);
    }

    #[test]
    fn aliases_resolve_to_one_unit() {
        let mut idx = NameIndex::default();
        for key in ["fgw", "市发展改革委", "市发展和改革委员会", "市发改委"] {
            assert_eq!(idx.insert(key, Target::Unit(0), true), None);
        }
        assert_eq!(idx.get("市发改委"), Some(Target::Unit(0)));
        assert_eq!(idx.get("市发展和改革委员会"), Some(Target::Unit(0)));
        assert_eq!(idx.insert("市发改委", Target::Unit(1), true), Some(Target::Unit(0)));
    }

    #[test]
    fn suggestions_prefer_close_names() {
        let mut idx = NameIndex::default();
        idx.insert("市财政局", Target::Unit(0), true);
        idx.insert("市商务局", Target::Unit(1), true);
        idx.insert("市发展改革委", Target::Unit(2), true);
        let s = idx.suggest("财政局", 3, |_| true);
        assert_eq!(s.first().map(String::as_str), Some("市财政局"));
        assert!(idx.suggest("完全无关的名字啊", 3, |_| true).is_empty());
    }
}
