//! `taizhang mark PLAN --unit U --task ID --status S [...]`: records one progress update
//! through the ledger API (the same one the TUI uses) and says where it was saved.

use std::path::{Path, PathBuf};

use chrono::FixedOffset;
use clap::Args;
use taizhang::clock::{self, Clock};
use taizhang::ledger::{self, Expect, LedgerError, LockHolder, RecordKind, Status, Update, Wait, WriteOptions};
use taizhang::{Lang, tr};

use crate::front::{Fail, Global, load, output};

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 单位（名称、别名或编号） / unit (name, alias or id)
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: String,
    /// 任务编号 / task id
    #[arg(long, short = 't', value_name = "ID")]
    pub task: String,
    /// 状态：not_started/未启动 in_progress/推进中 done/已完成 ongoing/持续推进 blocked/受阻 na/不适用
    #[arg(long, short = 's', value_name = "STATUS", required_unless_present_any = ["no_change", "withdraw"])]
    pub status: Option<String>,
    /// 完成百分比 0–100 / percent complete
    #[arg(long, short = 'p', value_name = "N")]
    pub percent: Option<u32>,
    /// 进展情况（撤回或确认无新进展时为说明） / progress (or the reason, with --withdraw / --no-change)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// 存在问题 / problems
    #[arg(long, value_name = "TEXT")]
    pub problems: Option<String>,
    /// 下步计划 / next steps
    #[arg(long, value_name = "TEXT")]
    pub next: Option<String>,
    /// 佐证链接或路径，可重复 / evidence URL or path (repeatable)
    #[arg(long, value_name = "URL")]
    pub evidence: Vec<String>,
    /// 填报人，默认为登录用户名 / operator's name (default: the login name)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// 进展所属时间（补记，最多 31 天前），如 2022-06-07 10:00 或 06-07；默认为现在 / when it happened (≤ 31 days back)
    #[arg(long, value_name = "DATETIME")]
    pub at: Option<String>,
    /// 更正本单位的一条记录（记录编号或其前几位） / correct one of the unit's records (its id or a prefix)
    #[arg(long, value_name = "RECORD")]
    pub corrects: Option<String>,
    /// 与 --corrects 一起：撤回该记录 / with --corrects: withdraw that record
    #[arg(long, requires = "corrects", conflicts_with_all = ["status", "percent", "problems", "next", "evidence", "no_change"])]
    pub withdraw: bool,
    /// 本期无新进展：确认最近一次填报的状态仍然有效 / nothing new this period: confirm the latest state
    #[arg(long, conflicts_with_all = ["status", "percent", "problems", "next", "evidence", "corrects"])]
    pub no_change: bool,
}

pub fn run(args: &MarkArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan, g)?;
    let unit = load::one_unit(&plan, &args.plan, &args.unit)?;
    let clock = g.clock()?;
    let update = record(args, &plan.units[unit].id, &clock, plan.meta.offset)?;
    let dir = g.ledger_dir(&plan);
    let notify = |path: &Path, holder: &LockHolder| output::note(&holder.waiting(path, lang));
    let cache = g.cache();
    let opts = WriteOptions { clock, wait: Wait { notify: &notify, ..Wait::default() }, cache: cache.as_ref() };
    let saved = ledger::append(&plan, &dir, update, Expect::Any, &opts).map_err(Fail::Ledger)?;
    output::line(&confirmation(&saved, &plan.units[unit].name, lang))?;
    for (_, item) in ledger::evidence::unresolved(&saved.update.evidence, plan.dir()) {
        output::note(&unresolved_evidence(item, &saved.update.id, lang));
    }
    if saved.update.status == Status::Na
        && let Some(note) = na_counts(&plan, &saved.update.task, unit, lang)
    {
        output::note(&note);
    }
    Ok(())
}

/// The note for evidence that is neither a web address nor a file that exists: recorded as
/// given (the TUI's form asks first; a command line has no one to ask), with how to fix it.
fn unresolved_evidence(item: &str, id: &str, lang: Lang) -> String {
    tr!(
        lang,
        "注意：佐证材料“{}”既不是网址（http:// 或 https://），也不是存在的文件（相对路径从计划文件所在目录算起）；已照原样记下。如写错了，用 --corrects {id} 更正。",
        "note: evidence “{}” is neither a web address (http:// or https://) nor a file that exists (relative paths are read from the plan's directory); recorded as given. If it is wrong, correct it with --corrects {id}.",
        taizhang::text::sanitize(item)
    )
}

/// The note for a 不适用 that will not take the assignment out of the count: the unit is on the
/// task only through groups every member of which must do it.
fn na_counts(plan: &taizhang::Plan, task: &str, unit: usize, lang: Lang) -> Option<String> {
    let t = plan.task(task)?;
    t.assignees.iter().find(|a| a.unit == unit).filter(|a| a.required)?;
    Some(tr!(
        lang,
        "注意：本单位是以“全部成员都须落实”的单位组列入任务 {task} 的，“不适用”仍按未启动计入完成率和逾期；如确不涉及，请与牵头或督办单位确认后由其在计划中调整。",
        "note: this unit is on task {task} through a group every member of which must do it, so n/a still counts as not started (and overdue when late); if it truly does not apply, ask the office to change the plan."
    ))
}

/// The record the arguments describe (checked against the ledger when it is appended).
fn record(args: &MarkArgs, unit: &str, clock: &Clock, offset: FixedOffset) -> Result<Update, Fail> {
    let status = match &args.status {
        Some(s) => Status::parse(s).ok_or_else(|| Fail::BadStatus(s.clone()))?,
        // Copied from the record it confirms or withdraws when appended.
        None => Status::NotStarted,
    };
    let percent = match args.percent {
        Some(p) if p > 100 => return Err(Fail::Ledger(LedgerError::BadPercent { percent: p })),
        Some(p) => u8::try_from(p).ok(),
        None => None,
    };
    let at = match &args.at {
        Some(s) => clock::parse_at(s, clock.now, offset).ok_or_else(|| Fail::BadAt(s.clone()))?,
        None => clock.now,
    };
    let text = |t: &Option<String>| t.as_ref().filter(|s| !s.trim().is_empty()).cloned();
    let kind = match (&args.corrects, args.withdraw, args.no_change) {
        (Some(of), true, _) => RecordKind::Withdrawal { of: of.trim().to_string() },
        (Some(of), false, _) => RecordKind::Correction { of: of.trim().to_string() },
        (None, _, true) => RecordKind::NoChange,
        (None, _, false) => RecordKind::Progress,
    };
    Ok(Update {
        by: Global::operator(args.by.as_deref()),
        percent,
        note: text(&args.note),
        problems: text(&args.problems),
        next: text(&args.next),
        evidence: args.evidence.iter().map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect(),
        kind,
        ..Update::new(args.task.trim(), unit, at, status)
    })
}

fn confirmation(saved: &ledger::Saved, unit: &str, lang: Lang) -> String {
    let u = &saved.update;
    let percent = u.percent.map(|p| format!(" {p}%")).unwrap_or_default();
    let what = match &u.kind {
        RecordKind::Progress => format!("{}{percent}", u.status.label(lang)),
        RecordKind::NoChange => lang.pick("本期无新进展", "nothing new this period").to_string(),
        RecordKind::Correction { of } => {
            tr!(lang, "更正记录 {of}：{}{percent}", "corrects {of}: {}{percent}", u.status.label(lang))
        }
        RecordKind::Withdrawal { of } => tr!(lang, "撤回记录 {of}", "withdraws {of}"),
    };
    tr!(
        lang,
        "已保存：任务 {} · {} · {what}（{}，记录 {}）\n台账文件：{}",
        "saved: task {} · {} · {what} ({}, record {})\nledger file: {}",
        u.task,
        taizhang::text::sanitize(unit),
        u.at.format("%Y-%m-%d %H:%M %:z"),
        u.id,
        saved.path.display()
    )
}
