//! Reading a responsible-units cell as the document means it: labels ("牵头单位：…；责任单位：…"),
//! "牵头" / "配合" roles, shared prefixes written once ("市发展改革委、财政局、商务局" = 市发展改革委,
//! 市财政局, 市商务局), names joined by "和" / "及", phrases that name no unit ("按职责分工负责")
//! and open-ended "等相关部门" endings. What it cannot read as a unit it reports, never invents.

mod labels;

pub(crate) use labels::strip_duties;
mod split;

use split::{LEVELS, plausible, split_items, split_outside_brackets};

/// The role a cell gives a unit, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellRole {
    /// 牵头 (a "牵头单位：" label, or "…牵头").
    Lead,
    /// 责任 / 负责, or no role word at all.
    Responsible,
    /// 配合 / 协助 (a "配合单位：" label, or "…配合").
    Assist,
}

/// One unit or group the cell names, with its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub role: CellRole,
}

/// The units a responsible cell names, in order, with their roles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Responsible {
    /// 牵头 units.
    pub lead: Vec<String>,
    /// The other responsible units (责任 / 负责, or no role word).
    pub units: Vec<String>,
    /// Assisting units (配合 / 协助).
    pub assist: Vec<String>,
    /// "等相关部门"-style open endings, verbatim.
    pub others: Option<String>,
    /// Every name with the role the cell gives it, in the cell's order.
    pub parties: Vec<Party>,
    /// Pieces that are neither a name the plan knows nor read like a unit's name: no unit is
    /// made of them; the loader reports each.
    pub unclear: Vec<String>,
}

impl Responsible {
    fn add(&mut self, name: String, role: CellRole) {
        if name.is_empty() {
            return;
        }
        let target = match role {
            CellRole::Lead => &mut self.lead,
            CellRole::Responsible => &mut self.units,
            CellRole::Assist => &mut self.assist,
        };
        if !target.contains(&name) {
            target.push(name.clone());
        }
        if !self.parties.iter().any(|p| p.name == name && p.role == role) {
            self.parties.push(Party { name, role });
        }
    }

    fn unclear(&mut self, piece: &str) {
        if !self.unclear.iter().any(|u| u == piece) {
            self.unclear.push(piece.to_string());
        }
    }
}

/// Splits a responsible cell into units. `known` says whether a name is a unit or group of the
/// plan (pass `|_| false` when there is no plan yet: the prefix is then shared by rule).
pub fn parse_responsible(cell: &str, known: &dyn Fn(&str) -> bool) -> Responsible {
    let mut out = Responsible::default();
    let mut prefix: Option<char> = None;
    for (label, segment) in labels::segments(cell) {
        for clause in split_outside_brackets(segment, &['，', ',', '；', ';', '。']) {
            let (clause, ending) = labels::strip_role(labels::trim_stray(clause));
            if clause.is_empty() {
                continue;
            }
            let role = label.or(ending).unwrap_or(CellRole::Responsible);
            let clause = take_others(clause, &mut out.others);
            for item in split_items(clause, known) {
                let name = share_prefix(&item, &mut prefix, known);
                if known(&name) || known(&item) || plausible(&item) {
                    out.add(name, role);
                } else {
                    out.unclear(&item);
                }
            }
        }
    }
    out
}

/// Cuts an "等相关部门" / "等有关部门" / "等部门" ending off and records it (either script).
fn take_others<'a>(clause: &'a str, others: &mut Option<String>) -> &'a str {
    let Some(at) = clause.rfind('等') else {
        return clause;
    };
    let tail = &clause[at..];
    let open = ["等相关部门", "等有关部门", "等部门", "等相关单位", "等有关单位", "等单位"];
    if open.contains(&labels::fold(tail).as_str()) {
        others.get_or_insert_with(|| tail.to_string());
        return &clause[..at];
    }
    clause
}

/// True when `item` starts with a level word (市…, 縣…), not a word that merely begins with
/// one ("市场监管局" is a department written without its prefix).
fn has_level(item: &str) -> Option<char> {
    let first = item.chars().next()?;
    let folded = labels::fold(&first.to_string()).chars().next()?;
    (LEVELS.contains(&folded) && labels::starts_with(item, "市场").is_none()).then_some(first)
}

/// Collective or place words that never take a shared department prefix.
fn is_collective(item: &str) -> bool {
    let item = labels::fold(item);
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
mod tests;
