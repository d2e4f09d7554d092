//! Messages for records refused for what they say or when they are dated: nothing new, an
//! empty first report, a date in the future or too far back, a correction that points nowhere.

use crate::{Lang, tr};

use super::LedgerError;

/// Message and hint; `None` for errors that are not about a record's content.
pub(super) fn parts(e: &LedgerError, lang: Lang) -> (String, Option<String>) {
    use LedgerError::*;
    let time = |t: &chrono::DateTime<chrono::FixedOffset>| t.format("%Y-%m-%d %H:%M %:z").to_string();
    match e {
        Future { at, wall } => (
            tr!(
                lang,
                "记录时间 {} 晚于当前时间 {}",
                "the record is dated {}, after the clock ({})",
                time(at),
                time(wall)
            ),
            Some(tr!(
                lang,
                "不能为将来填报；检查 --at / --today 和本机时钟",
                "records cannot be dated in the future; check --at / --today and this machine's clock"
            )),
        ),
        TooEarly { at, now, days } => (
            tr!(
                lang,
                "记录时间 {} 早于 {} 之前 {days} 天",
                "the record is dated {}, more than {days} days before {}",
                time(at),
                time(now)
            ),
            Some(tr!(
                lang,
                "补记最多追溯 {days} 天；更早的进展请在本期填报中写明",
                "back-dating is limited to {days} days; describe older progress in this period's update"
            )),
        ),
        NothingNew { task } => (
            tr!(
                lang,
                "任务 {task}：与最近一条记录完全相同，没有新内容",
                "task {task}: the same as the latest record; nothing new"
            ),
            Some(tr!(
                lang,
                "修改状态、完成%或文字后再保存；本期确无新进展时用“本期无新进展”确认（命令行 --no-change）",
                "change the status, percent or text; if nothing moved this period, confirm it with --no-change (本期无新进展)"
            )),
        ),
        EmptyFirst { task } => (
            tr!(lang, "任务 {task}：第一次填报没有任何文字", "task {task}: a first report with no text at all"),
            Some(tr!(
                lang,
                "写明进展情况（命令行 --note），让汇总知道做了什么",
                "say what was done (--note) so the summary can report it"
            )),
        ),
        NoChangeFirst { task } => (
            tr!(
                lang,
                "任务 {task}：还没有填报过，无法确认“无新进展”",
                "task {task}: never reported, so there is nothing to confirm"
            ),
            Some(tr!(lang, "先填报一次进展", "record progress first")),
        ),
        NoSuchRecord { id } => (
            tr!(lang, "本单位台账中没有编号为 {id} 的记录", "this unit's ledger has no record {id}"),
            Some(tr!(
                lang,
                "记录编号见 `taizhang report PLAN --kind ledger --unit 单位 --trail`，或终端界面的填报记录",
                "record ids are in `taizhang report PLAN --kind ledger --unit UNIT --trail` and in the TUI's history"
            )),
        ),
        ShortRecordId { id } => (
            tr!(lang, "记录编号 {id} 太短", "record id {id} is too short"),
            Some(tr!(lang, "至少写出编号的前 4 位", "give at least the first 4 characters")),
        ),
        AmbiguousRecord { id, candidates } => (
            tr!(lang, "记录编号 {id} 对应多条记录", "record id {id} matches several records"),
            Some(tr!(lang, "写得更长些：{}", "give more of it: {}", candidates.join(lang.list_sep()))),
        ),
        OtherTask { id, task } => (
            tr!(lang, "记录 {id} 属于任务 {task}", "record {id} belongs to task {task}"),
            Some(tr!(lang, "更正时 --task 要与原记录一致", "--task must be the corrected record's task")),
        ),
        CannotCorrect { id } => (
            tr!(
                lang,
                "记录 {id} 是“本期无新进展”确认，不能更正",
                "record {id} is a no-change confirmation and cannot be corrected"
            ),
            Some(tr!(lang, "请更正它之前的那条进展记录", "correct the progress record before it")),
        ),
        Withdrawn { id } => (
            tr!(lang, "记录 {id} 已撤回", "record {id} was withdrawn"),
            Some(tr!(lang, "需要时请填报一条新进展", "record a new update instead")),
        ),
        other => (other.to_string(), None),
    }
}
