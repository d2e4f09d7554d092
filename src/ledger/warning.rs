//! What is odd but harmless in a ledger directory, in Chinese or English, with what to do.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::plan::Position;
use crate::text::sanitize;
use crate::{Lang, tr};

/// Something odd in a ledger directory that does not stop anything.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerWarning {
    /// A `.toml` file that belongs to no unit of the plan.
    StrayFile { path: PathBuf },
    /// Updates for an assignment the plan no longer has.
    Unassigned { task: String, unit: String },
    /// A record dated after the real clock.
    Future { path: PathBuf, pos: Position, at: DateTime<FixedOffset> },
    /// Two records with one id: the later one is ignored as a correction target.
    DuplicateId { path: PathBuf, pos: Position, id: String },
    /// A correction or withdrawal of a record that is not there (or is of another assignment).
    Orphan { path: PathBuf, pos: Position, target: String },
}

impl LedgerWarning {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            LedgerWarning::StrayFile { path } => tr!(
                lang,
                "警告: {} 不属于本计划的任何单位，已忽略\n  提示: 外单位报来的台账请用 `taizhang merge` 合并",
                "warning: {} belongs to no unit of the plan; ignored\n  hint: bring in a unit's file from elsewhere with `taizhang merge`",
                sanitize(&path.display().to_string())
            ),
            LedgerWarning::Unassigned { task, unit } => tr!(
                lang,
                "警告: 台账中有任务 {}、单位 {} 的记录，但计划中已无此分工；报告中不计",
                "warning: the ledger has updates for task {} and unit {}, which the plan no longer assigns; reports leave them out",
                sanitize(task),
                sanitize(unit)
            ),
            LedgerWarning::Future { path, pos, at } => tr!(
                lang,
                "警告: {}:{pos}: 记录时间 {} 晚于当前时间；在那之前它不计入任何状态\n  提示: 这条记录的日期有误，请该单位追加一条更正（taizhang mark --corrects）",
                "warning: {}:{pos}: record dated {}, after the current time; it counts for nothing until then\n  hint: the date is wrong; have the unit append a correction (taizhang mark --corrects)",
                sanitize(&path.display().to_string()),
                at.format("%Y-%m-%d %H:%M %:z")
            ),
            LedgerWarning::DuplicateId { path, pos, id } => tr!(
                lang,
                "警告: {}:{pos}: 记录编号 {id} 重复；更正只指向第一条",
                "warning: {}:{pos}: record id {id} appears twice; corrections refer to the first",
                sanitize(&path.display().to_string())
            ),
            LedgerWarning::Orphan { path, pos, target } => tr!(
                lang,
                "警告: {}:{pos}: 这条更正指向的记录 {target} 不存在（或属于另一项分工），已忽略",
                "warning: {}:{pos}: this correction refers to record {target}, which is not there (or is another assignment's); ignored",
                sanitize(&path.display().to_string())
            ),
        }
    }
}
