//! Why a ledger operation was refused, and what is odd but harmless in a ledger directory;
//! each in Chinese or English, with what to do.

use std::path::PathBuf;

use crate::plan::Position;
use crate::{Lang, tr};

use super::Update;

/// A refused ledger operation. Nothing was written when one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {message}", path.display())]
    Parse { path: PathBuf, pos: Option<Position>, message: String },
    #[error("{}: record for unit {found} in the file of {expected}", path.display())]
    WrongUnit { path: PathBuf, pos: Option<Position>, found: String, expected: String },
    #[error("unit id {id:?} cannot name a file")]
    BadUnitId { id: String },
    #[error("cannot encode update: {message}")]
    Encode { message: String },
    #[error("unknown task {task}")]
    UnknownTask { task: String, suggestions: Vec<String> },
    #[error("unit {unit} is not assigned to task {task}")]
    NotAssigned { task: String, unit: String, assigned: Vec<String> },
    #[error("unit id {unit} is not in the plan")]
    UnknownUnit { unit: String },
    #[error("percent {percent} out of range")]
    BadPercent { percent: u32 },
    #[error("done with percent {percent}")]
    DoneNotFull { percent: u8 },
    #[error("stale: the assignment changed since it was read")]
    Stale { current: Box<Update> },
    #[error("{}: cannot keep the file's group", path.display())]
    GroupLost { path: PathBuf, source: std::io::Error },
    #[error("{}: records for several units", path.display())]
    MixedUnits { path: PathBuf, units: Vec<String> },
}

/// Something odd in a ledger directory that does not stop anything.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerWarning {
    /// A `.toml` file that belongs to no unit of the plan.
    StrayFile { path: PathBuf },
    /// Updates for an assignment the plan no longer has.
    Unassigned { task: String, unit: String },
}

impl LedgerWarning {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            LedgerWarning::StrayFile { path } => tr!(
                lang,
                "警告: {} 不属于本计划的任何单位，已忽略\n  提示: 外单位报来的台账请用 `taizhang merge` 合并",
                "warning: {} belongs to no unit of the plan; ignored\n  hint: bring in a unit's file from elsewhere with `taizhang merge`",
                path.display()
            ),
            LedgerWarning::Unassigned { task, unit } => tr!(
                lang,
                "警告: 台账中有任务 {task}、单位 {unit} 的记录，但计划中已无此分工；报告中不计",
                "warning: the ledger has updates for task {task} and unit {unit}, which the plan no longer assigns; reports leave them out"
            ),
        }
    }
}

impl LedgerError {
    /// The message and hint for users.
    pub fn render(&self, lang: Lang) -> String {
        let (msg, hint) = self.parts(lang);
        match hint {
            Some(h) => format!("{}: {msg}\n  {}: {h}", lang.pick("错误", "error"), lang.pick("提示", "hint")),
            None => format!("{}: {msg}", lang.pick("错误", "error")),
        }
    }

    fn parts(&self, lang: Lang) -> (String, Option<String>) {
        let sep = lang.list_sep();
        let place = |path: &PathBuf, pos: &Option<Position>| match pos {
            Some(p) => format!("{}:{p}", path.display()),
            None => path.display().to_string(),
        };
        use LedgerError::*;
        match self {
            Io { path, source } => (
                tr!(lang, "无法读写 {}：{source}", "cannot read or write {}: {source}", path.display()),
                Some(tr!(
                    lang,
                    "检查目录是否存在、是否有写权限（共享服务器上需属于本单位的用户组）",
                    "check that the directory exists and that you may write it (on a shared server, your unit's group)"
                )),
            ),
            Parse { path, pos, message } => (
                tr!(
                    lang,
                    "{}：台账文件无法解析：{message}",
                    "{}: the ledger file does not parse: {message}",
                    place(path, pos)
                ),
                Some(tr!(
                    lang,
                    "文件未被改动。请按行列修正该文件（只改坏掉的地方，不要删除已有记录），再重试",
                    "the file was left untouched; repair it at that line (do not remove records) and try again"
                )),
            ),
            WrongUnit { path, pos, found, expected } => (
                tr!(
                    lang,
                    "{}：单位 {expected} 的台账文件中有单位 {found} 的记录",
                    "{}: the file of unit {expected} holds a record for unit {found}",
                    place(path, pos)
                ),
                Some(tr!(
                    lang,
                    "每个单位只写自己的文件；把这条记录移回 {found}.toml",
                    "each unit writes only its own file; move the record to {found}.toml"
                )),
            ),
            BadUnitId { id } => (
                tr!(lang, "单位编号 {id:?} 不能用作文件名", "unit id {id:?} cannot name a file"),
                Some(tr!(
                    lang,
                    "单位编号只能用小写字母、数字、- 和 _",
                    "unit ids use lower-case letters, digits, - and _"
                )),
            ),
            Encode { message } => (tr!(lang, "无法写出记录：{message}", "cannot write the record: {message}"), None),
            UnknownTask { task, suggestions } if !suggestions.is_empty() => (
                tr!(lang, "计划中没有任务 {task}", "the plan has no task {task}"),
                Some(tr!(lang, "是否指：{}？", "did you mean: {}?", suggestions.join(sep))),
            ),
            UnknownTask { task, .. } => (
                tr!(lang, "计划中没有任务 {task}", "the plan has no task {task}"),
                Some(tr!(
                    lang,
                    "用 `taizhang tasks PLAN --unit 单位` 查看本单位的任务编号",
                    "`taizhang tasks PLAN --unit UNIT` lists your task ids"
                )),
            ),
            NotAssigned { task, unit, assigned } => (
                tr!(lang, "任务 {task} 没有分给 {unit}", "task {task} is not assigned to {unit}"),
                Some(tr!(lang, "该任务的责任单位：{}", "its units are: {}", assigned.join(sep))),
            ),
            UnknownUnit { unit } => {
                (tr!(lang, "计划中没有编号为 {unit} 的单位", "the plan has no unit with id {unit}"), None)
            }
            BadPercent { percent } => (
                tr!(lang, "完成百分比 {percent} 不在 0–100 之间", "percent {percent} is not within 0–100"),
                Some(tr!(
                    lang,
                    "填写 0 到 100 之间的整数，如 --percent 60",
                    "give a whole number from 0 to 100, e.g. --percent 60"
                )),
            ),
            DoneNotFull { percent } => (
                tr!(lang, "状态为“已完成”，但完成百分比是 {percent}%", "status is done but percent is {percent}"),
                Some(tr!(lang, "已完成就写 100，或改用“推进中”", "use 100 for done, or status in_progress")),
            ),
            Stale { current } => (
                tr!(
                    lang,
                    "这项分工在你读取之后已被更新（{}，{}）",
                    "this assignment was updated after you read it ({}, {})",
                    current.at.format("%Y-%m-%d %H:%M"),
                    current.status.label(lang)
                ),
                Some(tr!(
                    lang,
                    "先查看最新进展，再决定是否仍要保存",
                    "look at the latest update, then save again if you still mean to"
                )),
            ),
            GroupLost { path, source } => (
                tr!(lang, "无法保持 {} 的用户组：{source}", "cannot keep the group of {}: {source}", path.display()),
                Some(tr!(
                    lang,
                    "请让管理员把你加入本单位的用户组（见 docs/ledger-format.md）；未写入任何内容",
                    "ask the administrator to add you to the unit's group (docs/ledger-format.md); nothing was written"
                )),
            ),
            MixedUnits { path, units } => (
                tr!(
                    lang,
                    "{} 含有多个单位的记录：{}",
                    "{} holds records of several units: {}",
                    path.display(),
                    units.join(sep)
                ),
                Some(tr!(
                    lang,
                    "每个文件只能是一个单位的台账；请对方按单位分别发送",
                    "a file holds one unit's ledger; ask for one file per unit"
                )),
            ),
        }
    }
}
