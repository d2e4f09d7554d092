//! Who does the work: units, groups of units and their kinds, and the roles a unit takes on a
//! task (牵头, 责任, 配合).

use super::names;
use crate::Lang;

/// A reporting unit: a real unit, or a group that lists no members.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// True for a group without members, which reports as one unit.
    pub is_group: bool,
}

/// A named group of units ("各县（区）").
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Indices into `Plan::units`. A group without listed members has its own reporting unit here.
    pub members: Vec<usize>,
    /// False when the file listed no members.
    pub listed: bool,
    /// Why the members are what they are, when the document does not list them.
    pub inferred: Option<String>,
    /// Whether every member must do what the group is named for, or only those concerned.
    pub kind: GroupKind,
    /// The document names the group openly ("市直相关单位"): its members were gathered from
    /// elsewhere and may be incomplete.
    pub open: bool,
}

/// Who in a group a task binds: "市直各部门" binds every member; "市直相关部门", "有关单位"
/// only the members it concerns, who may record 不适用 without it counting against them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    Every,
    Concerned,
}

impl GroupKind {
    /// What a group's name says: "相关" or "有关" in it means the members concerned.
    pub fn of_name(name: &str) -> GroupKind {
        let folded = names::fold_script(name.to_string());
        if folded.contains("相关") || folded.contains("有关") { GroupKind::Concerned } else { GroupKind::Every }
    }

    /// The word a plan file uses: "every" / "concerned".
    pub fn parse(word: &str) -> Option<GroupKind> {
        match word.trim() {
            "every" | "全部" | "各" => Some(GroupKind::Every),
            "concerned" | "相关" | "有关" => Some(GroupKind::Concerned),
            _ => None,
        }
    }
}

/// A unit's role on a task: lead (牵头), responsible (责任 / 负责), or assisting (配合 / 协助).
/// Ordered strongest first: a unit a task names under two roles keeps the stronger one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Lead,
    Responsible,
    /// 配合: the summary's completion rate, buckets, ranking and lists leave these out and
    /// count them apart (`report::Summary::assist`).
    Assist,
}

impl Role {
    /// The word a plan file uses: "lead" / "responsible" / "assist" (or 牵头 / 责任 / 配合).
    pub fn parse(word: &str) -> Option<Role> {
        match word.trim() {
            "lead" | "牵头" => Some(Role::Lead),
            "responsible" | "责任" | "负责" => Some(Role::Responsible),
            "assist" | "配合" | "协助" => Some(Role::Assist),
            _ => None,
        }
    }

    /// 牵头 / 责任 / 配合.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Lead => lang.pick("牵头", "lead"),
            Role::Responsible => lang.pick("责任", "responsible"),
            Role::Assist => lang.pick("配合", "assist"),
        }
    }

    /// True for 牵头 and 责任, the roles the summary's figures count.
    pub fn counted(self) -> bool {
        self != Role::Assist
    }
}
