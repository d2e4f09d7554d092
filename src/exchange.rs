//! Per-unit 台账 spreadsheets out and filled ones back in, for units that never open a
//! terminal: a template (XLSX, or CSV) holds a unit's assignments in the plan's words, locked,
//! beside the columns the unit fills in, prefilled with what it last recorded; it carries the
//! plan, unit and period it is for and a fingerprint of every row, so a filled one identifies
//! itself. Merging one reads it back, matches rows by their ids (never by position), refuses the
//! whole file naming the cell of anything wrong, and appends one record per changed row through
//! the ledger's batch append.
//!
//! `rows` builds a unit's template; `template` writes it as XLSX, `csv` as CSV; `read` reads a
//! filled one; `cells` reads what was typed into its cells; `apply` turns it into records;
//! `refuse` says what was wrong.

mod apply;
mod cells;
mod csv;
mod read;
mod refuse;
mod rows;
mod sheet;
mod template;

use std::path::Path;

pub use apply::{Merged, Outcome, merge};
pub use csv::csv;
pub use refuse::{ExchangeError, Problem, What};
pub use rows::{Meta, Template, TemplateRow, Values, file_name, template as build};
pub use template::xlsx;

use crate::Lang;

/// What the hidden sheet (or, in a CSV, nothing: the columns) starts with, and its version.
const MARKER: &str = "taizhang-template";
const VERSION: &str = "1";

/// The name of the hidden sheet that carries the ids.
const HIDDEN_SHEET: &str = "taizhang";

/// The columns of a template, in order. The first six are the plan's words (locked, grey); the
/// next eight are filled in; then the assignment's id (a hidden column in XLSX); a CSV has the
/// rest of the ids after it, as it cannot hide them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    Number,
    Task,
    Content,
    Indicator,
    Deadline,
    Role,
    Status,
    Percent,
    Note,
    Problems,
    Next,
    Evidence,
    By,
    Date,
    Key,
    Plan,
    PlanMark,
    Unit,
    Period,
    RowMark,
    Prefill,
    Made,
}

impl Col {
    /// The plan's words in a row.
    pub const PLAN: [Col; 6] = [Col::Number, Col::Task, Col::Content, Col::Indicator, Col::Deadline, Col::Role];
    /// What a unit fills in.
    pub const FILLED: [Col; 8] =
        [Col::Status, Col::Percent, Col::Note, Col::Problems, Col::Next, Col::Evidence, Col::By, Col::Date];
    /// The columns of an XLSX template (the last one hidden).
    pub const XLSX: [Col; 15] = [
        Col::Number,
        Col::Task,
        Col::Content,
        Col::Indicator,
        Col::Deadline,
        Col::Role,
        Col::Status,
        Col::Percent,
        Col::Note,
        Col::Problems,
        Col::Next,
        Col::Evidence,
        Col::By,
        Col::Date,
        Col::Key,
    ];
    /// The ids a CSV carries in columns after [`Col::XLSX`]'s.
    pub const CSV_IDS: [Col; 7] =
        [Col::Plan, Col::PlanMark, Col::Unit, Col::Period, Col::RowMark, Col::Prefill, Col::Made];

    /// The column's heading.
    pub fn head(self, lang: Lang) -> &'static str {
        let (zh, en) = self.heads();
        lang.pick(zh, en)
    }

    fn heads(self) -> (&'static str, &'static str) {
        match self {
            Col::Number => ("序号", "No."),
            Col::Task => ("任务", "task"),
            Col::Content => ("具体内容", "content"),
            Col::Indicator => ("量化指标", "indicator"),
            Col::Deadline => ("完成时限", "deadline"),
            Col::Role => ("职责", "role"),
            Col::Status => ("状态", "status"),
            Col::Percent => ("完成%", "percent"),
            Col::Note => ("进展情况", "progress"),
            Col::Problems => ("存在问题", "problems"),
            Col::Next => ("下步计划", "next steps"),
            Col::Evidence => ("佐证材料", "evidence"),
            Col::By => ("填报人", "filled in by"),
            Col::Date => ("填报日期", "date"),
            Col::Key => ("分工编号", "assignment id"),
            Col::Plan => ("计划编号", "plan id"),
            Col::PlanMark => ("计划校验", "plan check"),
            Col::Unit => ("单位编号", "unit id"),
            Col::Period => ("期次", "period"),
            Col::RowMark => ("行校验", "row check"),
            Col::Prefill => ("底稿校验", "prefill check"),
            Col::Made => ("生成时间", "made"),
        }
    }

    /// The column a heading names, in either language.
    pub fn of_head(text: &str) -> Option<Col> {
        let t = text.trim();
        let all = Col::XLSX.iter().chain(&Col::CSV_IDS);
        all.copied().find(|c| {
            let (zh, en) = c.heads();
            t == zh || t.eq_ignore_ascii_case(en)
        })
    }

    /// True for the columns holding the plan's words.
    pub fn is_plan(self) -> bool {
        Col::PLAN.contains(&self)
    }
}

/// True for a file `merge` reads as a filled template rather than a ledger file.
pub fn is_sheet(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "csv")
}

/// Excel's name of a column: A, B, …, Z, AA, …
pub fn letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A short stable fingerprint of some texts, never read as a number by a spreadsheet.
fn mark<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    format!("tz{}", crate::ledger::id::digest(parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_and_heads() {
        assert_eq!([letters(0), letters(2), letters(25), letters(26), letters(27)], ["A", "C", "Z", "AA", "AB"]);
        for c in Col::XLSX.iter().chain(&Col::CSV_IDS) {
            assert_eq!(Col::of_head(c.head(Lang::Zh)), Some(*c));
            assert_eq!(Col::of_head(&c.head(Lang::En).to_uppercase()), Some(*c));
        }
        assert_eq!(Col::of_head(" 状态 "), Some(Col::Status));
        assert_eq!(Col::of_head("备注"), None);
        assert!(is_sheet(Path::new("a/第2期台账.XLSX")) && is_sheet(Path::new("b.csv")));
        assert!(!is_sheet(Path::new("sczj.toml")));
    }

    #[test]
    fn marks_are_stable_and_never_numbers() {
        // Pinned: a template made by one version is merged by another.
        assert_eq!(mark(["1", "甲"]), "tz5b7f9e78cd12");
        assert_ne!(mark(["1", "甲"]), mark(["1甲", ""]));
        assert!(mark(["x"]).starts_with("tz"));
    }
}
