//! Command-line definitions (clap) and dispatch; one file per command under `cli/`.

mod check;
mod fail;
mod r#gen;
pub mod load;
mod mark;
mod merge;
pub mod output;
mod periods;
mod report;
mod tasks;
pub mod usage;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local};
use clap::{Args, Parser, Subcommand, ValueEnum};

pub use fail::Fail;
use taizhang::Lang;
use taizhang::clock::Clock;

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
    /// 不读也不写本机缓存（~/.cache/taizhang，只影响速度） / neither read nor write the cache
    #[arg(long, global = true, env = "TAIZHANG_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
    /// 界面语言 / language of messages
    #[arg(long, global = true, value_enum, default_value = "zh", value_name = "zh|en")]
    pub lang: LangArg,
    /// The real time, read once by `main`.
    #[arg(skip)]
    pub wall: Option<DateTime<FixedOffset>>,
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

    /// For commands that only read the ledger: a `--data` (or `TAIZHANG_DATA`) directory that
    /// does not exist is a mistake — a typo would otherwise show an empty ledger. The default
    /// directory beside the plan not existing yet only means nothing has been recorded.
    pub fn data_to_read(&self) -> Result<(), Fail> {
        match &self.data {
            Some(dir) if !dir.is_dir() => Err(Fail::NoDataDir(dir.clone())),
            _ => Ok(()),
        }
    }

    /// The moment the command runs: `--today` / `TAIZHANG_TODAY`, else the real time.
    pub fn now(&self) -> Result<DateTime<FixedOffset>, Fail> {
        Ok(self.clock()?.now)
    }

    /// The command's clock: `--today` / `TAIZHANG_TODAY` (simulated), else the real time that
    /// `main` read.
    pub fn clock(&self) -> Result<Clock, Fail> {
        let wall = self.wall.unwrap_or_else(|| Local::now().fixed_offset());
        match &self.today {
            Some(s) => {
                let now = taizhang::clock::parse_now(s).ok_or_else(|| Fail::BadToday(s.clone()))?;
                Ok(Clock::simulated(now, wall))
            }
            None => Ok(Clock::real(wall)),
        }
    }

    /// The user's ledger cache: `$XDG_CACHE_HOME/taizhang`, else `~/.cache/taizhang`; none when
    /// neither is set (a relative path does not count, as the XDG rules say) or with
    /// `--no-cache`.
    pub fn cache(&self) -> Option<taizhang::cache::Cache> {
        if self.no_cache {
            return None;
        }
        let var = |k: &str| std::env::var_os(k).map(PathBuf::from).filter(|v| v.is_absolute());
        let base = var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|h| h.join(".cache")))?;
        Some(taizhang::cache::Cache::new(base.join("taizhang")))
    }

    /// The operator's name for new records: the one given, else the login name.
    pub fn operator(given: Option<&str>) -> Option<String> {
        let given = given.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        given.or_else(login_name)
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
    /// 生成供评估用的模拟计划和台账（市级、省级、极限规模） / synthetic plan and ledger for evaluation
    Gen(r#gen::GenArgs),
    /// Frame timings on a TestBackend, for `benches/tui.rs` (src/tui/bench.rs).
    #[command(hide = true)]
    BenchFrames(crate::tui::bench::BenchArgs),
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

/// The login name: `USER`, else `LOGNAME`, else the account database.
fn login_name() -> Option<String> {
    let env = |k: &str| std::env::var(k).ok().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    env("USER").or_else(|| env("LOGNAME")).or_else(|| Some(whoami::username()).filter(|s| !s.trim().is_empty()))
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
        Command::Gen(a) => r#gen::run(a, g),
        Command::BenchFrames(a) => crate::tui::bench::run(a, g),
    }
}
