//! Why a ledger operation was refused, and what is odd but harmless in a ledger directory;
//! each in Chinese or English, with what to do.

mod record;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::plan::Position;
use crate::text::sanitize;
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
    #[error("{}: belongs to plan {found}, not {expected}", path.display())]
    OtherPlan { path: PathBuf, found: String, expected: String },
    #[error("{}: a symbolic link where none may be", path.display())]
    LinkRefused { path: PathBuf },
    #[error("{}: links to {}, which does not exist", link.display(), target.display())]
    DanglingLink { link: PathBuf, target: PathBuf },
    #[error("{}: lock still held after {waited:?}", path.display())]
    LockTimeout { path: PathBuf, holder: String, waited: std::time::Duration },
    #[error("dated {at}, after the clock ({wall})")]
    Future { at: DateTime<FixedOffset>, wall: DateTime<FixedOffset> },
    #[error("dated {at}, more than {days} days before {now}")]
    TooEarly { at: DateTime<FixedOffset>, now: DateTime<FixedOffset>, days: i64 },
    #[error("task {task}: nothing new since the latest record")]
    NothingNew { task: String },
    #[error("task {task}: a first report with no text")]
    EmptyFirst { task: String },
    #[error("task {task}: no earlier report to confirm")]
    NoChangeFirst { task: String },
    #[error("record {id} is not in this unit's ledger")]
    NoSuchRecord { id: String },
    #[error("record id {id} is too short")]
    ShortRecordId { id: String },
    #[error("record id {id} is ambiguous")]
    AmbiguousRecord { id: String, candidates: Vec<String> },
    #[error("record {id} is of task {task}")]
    OtherTask { id: String, task: String },
    #[error("record {id} cannot be corrected")]
    CannotCorrect { id: String },
    #[error("record {id} was withdrawn")]
    Withdrawn { id: String },
    #[error("record {id} differs from the local one")]
    Conflict { id: String, ours: Box<Update> },
    #[error("{}:{pos}: {error}", path.display())]
    InFile { path: PathBuf, pos: Position, error: Box<LedgerError> },
    /// The file is not a regular file, too large, or not UTF-8 (see `crate::fsread`).
    #[error(transparent)]
    Refused(#[from] crate::fsread::Refusal),
}

impl LedgerError {
    /// Where the problem is: `path:line:col`, the path, or nothing.
    pub fn place(&self) -> String {
        use LedgerError::*;
        match self {
            Parse { path, pos: Some(p), .. } | WrongUnit { path, pos: Some(p), .. } => {
                format!("{}:{p}", path.display())
            }
            InFile { path, pos, .. } => format!("{}:{pos}", path.display()),
            Io { path, .. }
            | Parse { path, .. }
            | WrongUnit { path, .. }
            | GroupLost { path, .. }
            | MixedUnits { path, .. }
            | OtherPlan { path, .. }
            | LinkRefused { path }
            | LockTimeout { path, .. } => path.display().to_string(),
            DanglingLink { link, .. } => link.display().to_string(),
            _ => String::new(),
        }
    }

    /// The message and hint for users, one line each (text from files cannot add lines).
    pub fn render(&self, lang: Lang) -> String {
        let (msg, hint) = self.parts(lang);
        let msg = sanitize(&msg);
        match hint {
            Some(h) => {
                format!("{}: {msg}\n  {}: {}", lang.pick("错误", "error"), lang.pick("提示", "hint"), sanitize(&h))
            }
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
            OtherPlan { path, found, expected } => (
                tr!(
                    lang,
                    "{} 属于计划 {found}，不是本计划 {expected}",
                    "{} belongs to plan {found}, not to this plan {expected}",
                    path.display()
                ),
                Some(tr!(
                    lang,
                    "每个计划用自己的台账目录：换一个 --data 目录（默认在计划文件旁的 {expected}.progress/），不要混用",
                    "each plan needs its own ledger directory: use another --data (the default is {expected}.progress/ beside the plan)"
                )),
            ),
            LinkRefused { path } => (
                tr!(
                    lang,
                    "{} 是符号链接，为安全起见拒绝使用",
                    "{} is a symbolic link; refused for safety",
                    path.display()
                ),
                Some(tr!(
                    lang,
                    "请管理员删除这个链接（taizhang 会自己重新创建锁文件）；未写入任何内容",
                    "ask the administrator to remove the link (taizhang recreates the lock file); nothing was written"
                )),
            ),
            DanglingLink { link, target } => (
                tr!(
                    lang,
                    "{} 链接到 {}，但那个文件不存在",
                    "{} links to {}, which does not exist",
                    link.display(),
                    target.display()
                ),
                Some(tr!(
                    lang,
                    "taizhang 不会通过链接创建文件：请管理员先建好目标文件（见 docs/ledger-format.md“共享服务器”），或删除链接",
                    "taizhang never creates a file through a link: ask the administrator to create the target (docs/ledger-format.md, shared server) or remove the link"
                )),
            ),
            LockTimeout { path, holder, waited } => (
                tr!(
                    lang,
                    "等待 {} 超过 {} 秒仍被占用{}",
                    "{} was still locked after {} s{}",
                    path.display(),
                    waited.as_secs(),
                    if holder.is_empty() { String::new() } else { format!("（{holder}）") }
                ),
                Some(tr!(
                    lang,
                    "同单位的另一人正在保存；稍后重试。若持有者已不在运行，重试即可（锁随进程结束而释放）；未写入任何内容",
                    "another operator of the unit is saving; try again shortly (a lock is released when its process ends); nothing was written"
                )),
            ),
            InFile { path, pos, error } => {
                let (msg, hint) = error.parts(lang);
                (format!("{}:{pos}: {msg}", path.display()), hint)
            }
            Conflict { id, ours } => (
                tr!(
                    lang,
                    "记录 {id} 与本地同编号的记录内容不同（本地：{} {}）",
                    "record {id} differs from the local record with that id (local: {} {})",
                    ours.at.format("%Y-%m-%d %H:%M"),
                    ours.status.label(lang)
                ),
                Some(tr!(
                    lang,
                    "记录一经写入不应再改；两份都已保留、未合并任何记录。请与报送单位核对后再合并",
                    "records are never edited once written; both copies are kept and nothing was merged: check with the unit"
                )),
            ),
            Refused(r) => {
                let (msg, hint) = r.parts(lang);
                (msg, Some(hint))
            }
            other => record::parts(other, lang),
        }
    }
}
