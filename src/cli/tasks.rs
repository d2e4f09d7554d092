//! `taizhang tasks PLAN [--unit U] [--format txt|csv|json]`: every task, or one unit's
//! assignments after group expansion and alias resolution.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;
use taizhang::listing::{self, Listing};

use super::Format;
use crate::front::{Fail, Global, load, output};

#[derive(Debug, Args)]
pub struct TasksArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 只列出该单位的分工（名称、别名或编号） / only this unit's assignments (name, alias or id)
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// 输出格式 / output format
    #[arg(long, short = 'f', value_enum, default_value = "txt")]
    pub format: Format,
}

pub fn run(args: &TasksArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan, g)?;
    let now = g.now()?;
    let unit = load::unit(&plan, &args.plan, args.unit.as_deref())?;
    let ledger = load::ledger(&plan, g, unit, lang)?;
    let list = match unit {
        Some(u) => Listing::of_unit(&plan, u, ledger.as_ref(), now),
        None => Listing::all(&plan, ledger.as_ref(), now),
    };
    let text = match args.format {
        Format::Txt => listing::render_txt(&list, terminal_width(), lang),
        Format::Csv => listing::render_csv(&list, lang).map_err(|e| Fail::Output(e.into()))?,
        Format::Json => listing::render_json(&list).map_err(|e| Fail::Output(e.into()))?,
    };
    output::print(&text)?;
    load::incomplete(ledger.as_ref())
}

/// The width text is laid out for: the terminal's when printing to one; else `COLUMNS`; else
/// 100 (a width of 0 counts as not given).
pub fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
        && w > 0
    {
        return usize::from(w);
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|w| *w > 0).unwrap_or(100)
}
