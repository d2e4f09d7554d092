//! `taizhang mark PLAN --unit U --task ID --status S [...]`: records one progress update
//! through the ledger API (the same one the TUI uses) and says where it was saved.

use std::path::PathBuf;

use clap::Args;
use taizhang::ledger::{self, Expect, LedgerError, Status, Update};
use taizhang::{Lang, tr};

use super::{Fail, Global, load};

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
    #[arg(long, short = 's', value_name = "STATUS")]
    pub status: String,
    /// 完成百分比 0–100 / percent complete
    #[arg(long, short = 'p', value_name = "N")]
    pub percent: Option<u32>,
    /// 进展情况 / progress
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
    /// 填报人 / operator's name
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

pub fn run(args: &MarkArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan)?;
    let unit = load::one_unit(&plan, &args.plan, &args.unit)?;
    let status = Status::parse(&args.status).ok_or_else(|| Fail::BadStatus(args.status.clone()))?;
    let percent = match args.percent {
        Some(p) if p > 100 => return Err(Fail::Ledger(LedgerError::BadPercent { percent: p })),
        Some(p) => u8::try_from(p).ok(),
        None => None,
    };
    let text = |t: &Option<String>| t.as_ref().filter(|s| !s.trim().is_empty()).cloned();
    let update = Update {
        task: args.task.trim().to_string(),
        unit: plan.units[unit].id.clone(),
        at: g.now()?,
        by: text(&args.by),
        status,
        percent,
        note: text(&args.note),
        problems: text(&args.problems),
        next: text(&args.next),
        evidence: args.evidence.iter().map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect(),
    };
    let dir = g.ledger_dir(&plan);
    let saved = ledger::append(&plan, &dir, update, Expect::Any).map_err(Fail::Ledger)?;
    println!("{}", confirmation(&saved, &plan.units[unit].name, lang));
    Ok(())
}

fn confirmation(saved: &ledger::Saved, unit: &str, lang: Lang) -> String {
    let u = &saved.update;
    let percent = u.percent.map(|p| format!(" {p}%")).unwrap_or_default();
    tr!(
        lang,
        "已保存：任务 {} · {} · {}{percent}（{}）\n台账文件：{}",
        "saved: task {} · {} · {}{percent} ({})\nledger file: {}",
        u.task,
        taizhang::text::sanitize(unit),
        u.status.label(lang),
        u.at.format("%Y-%m-%d %H:%M %:z"),
        saved.path.display()
    )
}
