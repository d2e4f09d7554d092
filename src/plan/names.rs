//! Unit and group names: normalisation (full-/half-width brackets, spaces), the lookup index
//! from every id, name and alias, and "did you mean" suggestions.

use std::collections::HashMap;

/// What a name in the plan refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// A unit, by index into `Plan::units`.
    Unit(usize),
    /// A group, by index into `Plan::groups`.
    Group(usize),
}

/// Normalises a name for lookup: no whitespace, ASCII brackets and commas as full-width.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            c => c,
        })
        .collect()
}

/// Every id, name and alias of a plan's units and groups.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct NameIndex {
    map: HashMap<String, Target>,
    /// Display names offered as suggestions, with their targets.
    names: Vec<(String, Target)>,
}

impl NameIndex {
    /// Adds a key; returns the target already holding it, if any.
    pub fn insert(&mut self, key: &str, target: Target, display: bool) -> Option<Target> {
        let norm = normalize(key);
        if let Some(&existing) = self.map.get(&norm) {
            return (existing != target).then_some(existing);
        }
        self.map.insert(norm, target);
        if display {
            self.names.push((key.to_string(), target));
        }
        None
    }

    /// Looks a name, alias or id up.
    pub fn get(&self, name: &str) -> Option<Target> {
        self.map.get(&normalize(name)).copied()
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
