//! Command-line definitions (clap) and dispatch; one file per command under `cli/`.

mod check;
mod fail;
pub mod load;
mod mark;
mod merge;
mod output;
mod periods;
mod report;
mod tasks;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local};
use clap::{Args, Parser, Subcommand, ValueEnum};

pub use fail::Fail;
use taizhang::Lang;

/// 工作台账 taizhang —— 工作要点任务分工的台账与报送 / work-plan ledgers for government offices
#[derive(Debug, Parser)]
#[command(name = "taizhang", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// 把“今天”固定为某日或某时刻（如 2022-06-01 或 2022-06-01T09:30:00+08:00） / fix the clock
    #[arg(long, global = true, env = "TAIZHANG_TODAY", value_name = "DATE|DATETIME")]
    pub today: Option<String>,
    /// 台账目录，默认在计划文件旁的 <计划编号>.progress/ / ledger directory
    #[arg(long, global = true, env = "TAIZHANG_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// 界面语言 / language of messages
    #[arg(long, global = true, value_enum, default_value = "zh", value_name = "zh|en")]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl Global {
    pub fn lang(&self) -> Lang {
        match self.lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }

    /// The ledger directory of `plan`: `--data`, else beside the plan file.
    pub fn ledger_dir(&self, plan: &taizhang::Plan) -> PathBuf {
        self.data.clone().unwrap_or_else(|| taizhang::ledger::default_dir(plan))
    }

    /// The moment the command runs: `--today` / `TAIZHANG_TODAY`, else the system clock.
    /// This is the only place the clock is read.
    pub fn now(&self) -> Result<DateTime<FixedOffset>, Fail> {
        match &self.today {
            Some(s) => taizhang::clock::parse_now(s).ok_or_else(|| Fail::BadToday(s.clone())),
            None => Ok(Local::now().fixed_offset()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查计划文件（错误给出 文件:行:列） / validate plan files
    Check(check::CheckArgs),
    /// 列出任务，或某单位的分工 / list tasks, or one unit's assignments
    Tasks(tasks::TasksArgs),
    /// 报送日期、各期区间与剩余天数 / report dates, periods and days left
    Periods(periods::PeriodsArgs),
    /// 终端界面：按单位填报进展（`taizhang PLAN` 同此） / the terminal interface
    Tui(crate::tui::TuiArgs),
    /// 记录一条进展 / record progress on one assignment
    Mark(mark::MarkArgs),
    /// 合并其他机器上的单位台账文件 / bring in unit ledger files kept elsewhere
    Merge(merge::MergeArgs),
    /// 报告：汇总、单位报送、台账（txt/md/csv/html/xlsx/json） / reports
    Report(report::ReportArgs),
}

/// Output formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Txt,
    Csv,
    Json,
}

/// Lets `taizhang PLAN …` mean `taizhang tui PLAN …`: a first plain argument that names no
/// command but a plan file gets `tui` put before it.
pub fn with_default_command(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let commands = ["check", "tasks", "periods", "tui", "mark", "merge", "report", "help"];
    let mut i = 1;
    while let Some(a) = args.get(i).and_then(|a| a.to_str()) {
        match a {
            "--data" | "--today" | "--lang" => i += 2,
            a if a.starts_with('-') => i += 1,
            a if commands.contains(&a) => return args,
            a if a.ends_with(".toml") || std::path::Path::new(a).is_file() => {
                args.insert(i, "tui".into());
                return args;
            }
            _ => return args,
        }
    }
    args
}

pub fn run(cli: Cli) -> Result<(), Fail> {
    let g = &cli.global;
    match &cli.command {
        Command::Check(a) => check::run(a, g),
        Command::Tasks(a) => tasks::run(a, g),
        Command::Periods(a) => periods::run(a, g),
        Command::Tui(a) => crate::tui::run(a, g),
        Command::Mark(a) => mark::run(a, g),
        Command::Merge(a) => merge::run(a, g),
        Command::Report(a) => report::run(a, g),
    }
}
