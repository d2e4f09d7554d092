//! The plan's units and groups, made from the names the responsibility texts use: each text read
//! with `parse_responsible` (twice: the second time knowing every name the first found, so
//! that "县政务中心县财政局" splits); a name with a collective word (各, 全部, 所有, 相关, 有关,
//! 其他, 其余) is a group; two unit names where one abbreviates the other (市发改委 /
//! 市发展改革委, 市旅游和文体广电局 / 市旅游文体广电局) are one unit, the more used name first
//! and the other an alias. Ids are "u" or "g" and six hex digits of the name's CRC-32: the same
//! name always gets the same id, so ledger files survive a re-import of a revised document.

use std::collections::{BTreeMap, BTreeSet};

use crate::plan::responsible::{Responsible, parse_responsible};

/// Words that make a name a group ("各县（区）", "市直相关单位", "其他部门").
const COLLECTIVE: [&str; 7] = ["各", "全部", "所有", "相关", "有关", "其他", "其余"];

/// Endings of groups of departments, whose members the document names elsewhere.
const DEPARTMENTS: [&str; 5] = ["部门", "单位", "机关", "科室", "处室"];

/// Endings of places (counties, towns), never departments.
const PLACES: [&str; 7] = ["县", "区", "市", "乡", "镇", "街道", "政府"];

/// Level words a name begins with.
const LEVELS: [char; 4] = ['市', '县', '区', '省'];

/// A unit of the plan: its name and the other spellings merged into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
}

/// A group of the plan; `members` are gathered from the document's units (then `open`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub members: Vec<String>,
}

/// All units and groups, and how each name the document uses maps to its canonical name.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub units: Vec<Unit>,
    pub groups: Vec<Group>,
    canonical: BTreeMap<String, String>,
}

impl Registry {
    /// Builds the registry from every responsibility text, in the document's order.
    pub fn build(texts: &[&str]) -> Registry {
        let first: Vec<Responsible> = texts.iter().map(|t| parse_responsible(t, &|_| false)).collect();
        let known: BTreeSet<String> = first.iter().flat_map(|r| r.parties.iter().map(|p| p.name.clone())).collect();
        let mut seen: Vec<String> = Vec::new();
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        for t in texts {
            for p in parse_responsible(t, &|n| known.contains(n)).parties {
                *count.entry(p.name.clone()).or_default() += 1;
                if !seen.contains(&p.name) {
                    seen.push(p.name);
                }
            }
        }
        let (groups, units): (Vec<String>, Vec<String>) = seen.into_iter().partition(|n| is_group(n));
        let mut reg = Registry::default();
        reg.merge_units(&units, &count);
        reg.groups =
            groups.iter().map(|g| Group { id: id_for('g', g), name: g.clone(), members: Vec::new() }).collect();
        reg.gather_members();
        reg.unique_ids();
        reg
    }

    /// Reads one responsibility text knowing every name of the plan, canonical names out.
    pub fn read(&self, text: &str) -> Responsible {
        let mut r = parse_responsible(text, &|n| self.canonical.contains_key(n));
        for list in [&mut r.lead, &mut r.units, &mut r.assist] {
            let mut out: Vec<String> = Vec::new();
            for n in list.iter().map(|n| self.canonical.get(n).cloned().unwrap_or_else(|| n.clone())) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            *list = out;
        }
        r
    }

    /// Each alias merged, as (alias, name).
    pub fn merges(&self) -> Vec<(String, String)> {
        self.units.iter().flat_map(|u| u.aliases.iter().map(|a| (a.clone(), u.name.clone()))).collect()
    }

    /// Adds a group the document does not name (the placeholder for tasks with no unit).
    pub fn add_group(&mut self, name: &str) {
        if !self.canonical.contains_key(name) {
            self.groups.push(Group { id: id_for('g', name), name: name.to_string(), members: Vec::new() });
            self.canonical.insert(name.to_string(), name.to_string());
            self.unique_ids();
        }
    }

    fn merge_units(&mut self, names: &[String], count: &BTreeMap<String, usize>) {
        let mut done = vec![false; names.len()];
        for i in 0..names.len() {
            if done[i] {
                continue;
            }
            let mut family = vec![names[i].clone()];
            for j in i + 1..names.len() {
                if !done[j] && family.iter().any(|f| same_unit(f, &names[j])) {
                    family.push(names[j].clone());
                    done[j] = true;
                }
            }
            let uses = |n: &String| count.get(n).copied().unwrap_or(0);
            let best = family.iter().enumerate().max_by_key(|(k, n)| (uses(n), std::cmp::Reverse(*k))).map(|(k, _)| k);
            let name = family.remove(best.unwrap_or(0));
            for n in family.iter().chain(std::iter::once(&name)) {
                self.canonical.insert(n.clone(), name.clone());
            }
            self.units.push(Unit { id: id_for('u', &name), name, aliases: family });
        }
    }

    /// A group of departments ("市政府各部门", "各相关部门") gets the document's units of its
    /// level (all levels when it names none), places left out.
    fn gather_members(&mut self) {
        for g in &mut self.groups {
            self.canonical.insert(g.name.clone(), g.name.clone());
            if !DEPARTMENTS.iter().any(|d| g.name.ends_with(d)) {
                continue;
            }
            let level = g.name.chars().next().filter(|c| LEVELS.contains(c));
            g.members = self
                .units
                .iter()
                .filter(|u| !PLACES.iter().any(|p| u.name.ends_with(p)))
                .filter(|u| match (level, u.name.chars().next()) {
                    (Some(l), Some(first)) => first == l || !LEVELS.contains(&first),
                    _ => true,
                })
                .map(|u| u.name.clone())
                .collect();
        }
    }

    /// Two names with the same short hash get "-2", "-3"… in order.
    fn unique_ids(&mut self) {
        let mut used: BTreeSet<String> = BTreeSet::new();
        let ids = self.units.iter_mut().map(|u| &mut u.id).chain(self.groups.iter_mut().map(|g| &mut g.id));
        for id in ids {
            let base = id.split('-').next().unwrap_or_default().to_string();
            let mut k = 1;
            *id = base.clone();
            while !used.insert(id.clone()) {
                k += 1;
                *id = format!("{base}-{k}");
            }
        }
    }
}

/// True when the name stands for several units.
pub fn is_group(name: &str) -> bool {
    COLLECTIVE.iter().any(|w| name.contains(w))
}

fn id_for(kind: char, name: &str) -> String {
    format!("{kind}{:06x}", crc32fast::hash(name.as_bytes()) & 0xFF_FFFF)
}

/// True when one name abbreviates the other: same first and last character (委员会 counted as
/// 委), the shorter (four characters or more) a subsequence of the longer.
pub fn same_unit(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<char> {
        let s = s.strip_suffix("委员会").map_or(s.to_string(), |s| format!("{s}委"));
        s.chars().collect()
    };
    let (a, b) = (norm(a), norm(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short == long || short.len() < 4 || short.first() != long.first() || short.last() != long.last() {
        return short == long;
    }
    let mut rest = long.iter();
    short.iter().all(|c| rest.any(|l| l == c))
}

#[cfg(test)]
mod tests;
