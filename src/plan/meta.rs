//! `[plan]`: what the document is (title, issuer, dates, report dates), what the plan infers
//! about it, and the notice a unit report prints.

use chrono::{FixedOffset, NaiveDate};

/// `[plan]`: what the document is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub doc_no: Option<String>,
    pub issued: Option<NaiveDate>,
    pub year: i32,
    /// Report dates, increasing; the defaults when the file names none.
    pub report_dates: Vec<NaiveDate>,
    /// True when `report_dates` are the defaults (6月10日, 9月10日, 12月10日).
    pub default_report_dates: bool,
    #[serde(with = "offset_seconds")]
    pub offset: FixedOffset,
    pub source: Option<String>,
    /// The 通报's own metadata (`[report]`), each part optional.
    #[serde(default)]
    pub notice: Notice,
    /// Fields the document does not state, each with why it is set (`[plan.inferred]`).
    #[serde(default)]
    pub inferred: MetaInferred,
}

/// Why each `[plan]` field the document does not state was set as it is; `None` for a field
/// taken from the document.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MetaInferred {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub doc_no: Option<String>,
    pub issued: Option<String>,
    pub year: Option<String>,
    pub report_dates: Option<String>,
}

impl MetaInferred {
    /// Each inferred field, by its key in `[plan]`, with the reason.
    pub fn fields(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("title", &self.title),
            ("issuer", &self.issuer),
            ("doc_no", &self.doc_no),
            ("issued", &self.issued),
            ("year", &self.year),
            ("report_dates", &self.report_dates),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
    }
}

/// What the plan says a 通报 made from it is (the `[report]` table): each field optional, and
/// `taizhang report`'s options override them.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    /// The 通报's title, e.g. "关于2022年政务公开工作要点落实情况的通报".
    pub title: Option<String>,
    /// Its number, e.g. "〔2022〕3号".
    pub number: Option<String>,
    /// The issuing office (发文机关); the plan's issuer when not set.
    pub office: Option<String>,
    /// Who signs it (签发人).
    pub signer: Option<String>,
    /// The date it is written (成文日期); the report's as-of date when not set.
    pub date: Option<NaiveDate>,
}

impl Notice {
    /// These fields where set, else `base`'s.
    pub fn over(&self, base: &Notice) -> Notice {
        let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
        Notice {
            title: pick(&self.title, &base.title),
            number: pick(&self.number, &base.number),
            office: pick(&self.office, &base.office),
            signer: pick(&self.signer, &base.signer),
            date: self.date.or(base.date),
        }
    }
}

/// A time zone offset stored as seconds east of UTC.
mod offset_seconds {
    use chrono::FixedOffset;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(o: &FixedOffset, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(o.local_minus_utc())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<FixedOffset, D::Error> {
        let secs = i32::deserialize(d)?;
        FixedOffset::east_opt(secs).ok_or_else(|| serde::de::Error::custom("offset out of range"))
    }
}
