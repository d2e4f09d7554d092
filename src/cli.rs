//! Command-line definitions (clap) and dispatch; one file per command under `cli/`. What the
//! terminal interface shares with it (options, errors, loading, output) is in `front`.

mod check;
mod r#gen;
mod mark;
mod merge;
mod periods;
mod report;
mod tasks;
pub mod usage;

use clap::{Parser, Subcommand, ValueEnum};

use crate::front::{BenchArgs, Fail, Global, TuiArgs};

/// 工作台账 taizhang —— 工作要点任务分工的台账与报送 / work-plan ledgers for government offices
#[derive(Debug, Parser)]
#[command(name = "taizhang", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
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
    Tui(TuiArgs),
    /// 记录一条进展 / record progress on one assignment
    Mark(mark::MarkArgs),
    /// 合并其他机器上的单位台账文件 / bring in unit ledger files kept elsewhere
    Merge(merge::MergeArgs),
    /// 报告：汇总、单位报送、台账（txt/md/csv/html/xlsx/json） / reports
    Report(report::ReportArgs),
    /// 生成供评估用的模拟计划和台账（市级、省级、极限规模） / synthetic plan and ledger for evaluation
    Gen(r#gen::GenArgs),
    /// Frame timings on a TestBackend, for `benches/tui.rs` (src/tui/bench.rs).
    #[command(hide = true)]
    BenchFrames(BenchArgs),
}

/// Output formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Txt,
    Csv,
    Json,
}

/// The commands, as typed.
pub const COMMANDS: [&str; 9] = ["check", "tasks", "periods", "tui", "mark", "merge", "report", "gen", "help"];

/// Lets `taizhang PLAN …` mean `taizhang tui PLAN …`: a first plain argument that names no
/// command but a plan file gets `tui` put before it.
pub fn with_default_command(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let commands = COMMANDS;
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

/// Runs a command of the command line; the terminal interface's commands (`tui`,
/// `bench-frames`) are `main`'s to run.
pub fn run(command: &Command, g: &Global) -> Result<(), Fail> {
    match command {
        Command::Check(a) => check::run(a, g),
        Command::Tasks(a) => tasks::run(a, g),
        Command::Periods(a) => periods::run(a, g),
        Command::Mark(a) => mark::run(a, g),
        Command::Merge(a) => merge::run(a, g),
        Command::Report(a) => report::run(a, g),
        Command::Gen(a) => r#gen::run(a, g),
        Command::Tui(_) | Command::BenchFrames(_) => Ok(()),
    }
}
