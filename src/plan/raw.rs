//! The plan file as written: serde structs that keep every value's position, so that
//! validation can point at file:line:col. Nothing here is checked yet; see `build`.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub type S<T> = Spanned<T>;
pub type Text = Option<S<String>>;
pub type Names = Option<Vec<S<String>>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub plan: Option<S<RawMeta>>,
    #[serde(default)]
    pub unit: Vec<S<RawUnit>>,
    #[serde(default)]
    pub group: Vec<S<RawGroup>>,
    #[serde(default)]
    pub task: Vec<S<RawTask>>,
    /// The 通报's metadata (`[report]`).
    pub report: Option<S<RawNotice>>,
    /// Rules that give many tasks the same units (`[[scope]]`).
    #[serde(default)]
    pub scope: Vec<S<RawScope>>,
}

/// A rule that gives many tasks the same units: "以下各项均由各县（市、区）落实，不再逐一列出".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    /// The document's words, verbatim.
    pub text: Text,
    pub units: Names,
    /// Every task of this section (or subsection) …
    pub section: Text,
    /// … from this task on …
    pub from: Text,
    /// … up to this task (inclusive).
    pub to: Text,
    /// The role it gives: "lead", "responsible" (the default) or "assist".
    pub role: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotice {
    pub title: Text,
    pub number: Text,
    pub office: Text,
    pub signer: Text,
    pub date: Option<S<Datetime>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub id: Text,
    pub title: Text,
    pub issuer: Text,
    pub doc_no: Text,
    pub issued: Option<S<Datetime>>,
    pub year: Option<S<i64>>,
    pub report_dates: Option<Vec<S<Datetime>>>,
    pub timezone: Text,
    pub source: Text,
    /// `[plan.inferred]`: metadata the document does not state, each with why it was set.
    pub inferred: Option<S<RawMetaInferred>>,
}

/// Why each inferred `[plan]` field was set as it is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMetaInferred {
    pub title: Text,
    pub issuer: Text,
    pub doc_no: Text,
    pub issued: Text,
    pub year: Text,
    pub report_dates: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub id: Text,
    pub name: Text,
    pub aliases: Names,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: Text,
    pub name: Text,
    pub aliases: Names,
    pub members: Names,
    /// Why the members are listed when the document does not list them.
    pub inferred: Text,
    /// "every" (each member must do it) or "concerned" (only the members it concerns).
    pub kind: Text,
    /// The document names the group openly (市直相关单位): its members were gathered elsewhere.
    pub open: Option<S<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    pub id: Text,
    pub number: Text,
    pub section: Text,
    pub subsection: Text,
    pub topic: Text,
    pub content: Text,
    pub requirement: Text,
    pub indicator: Text,
    /// The document body's paragraph(s) that the table row abbreviates, verbatim.
    pub body: Text,
    pub responsible: Text,
    pub lead: Names,
    pub units: Names,
    pub assist: Names,
    pub others: Text,
    pub deadline: Text,
    pub due: Option<S<Datetime>>,
    pub remark: Text,
    /// Why the task's units are set when the document names none.
    pub inferred: Text,
    /// Deadlines that bind only some of the task's units (`[[task.clause]]`).
    pub clause: Option<Vec<S<RawClause>>>,
}

/// One deadline clause of a task: its phrase (or `due`), the units it binds and the part of
/// the task's text it belongs to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClause {
    pub deadline: Text,
    pub due: Option<S<Datetime>>,
    pub units: Names,
    pub text: Text,
    pub inferred: Text,
}
