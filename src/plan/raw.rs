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
    pub others: Text,
    pub deadline: Text,
    pub due: Option<S<Datetime>>,
    pub remark: Text,
}
