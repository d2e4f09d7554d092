//! Command-line definitions (clap), one file per command under `cli/`; `main` dispatches. What
//! the terminal interface shares with it (options, errors, loading, output) is in `front`.

pub mod check;
pub mod r#gen;
pub mod import;
pub mod mark;
pub mod merge;
pub mod merge_driver;
pub mod periods;
pub mod pre_receive;
pub mod report;
pub mod sync;
pub mod tasks;
pub mod template;
pub mod usage;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{Args, Parser, Subcommand, ValueEnum};
use taizhang::Lang;

use crate::front::Global;

/// 工作台账 taizhang —— 工作要点任务分工的台账与报送 / work-plan ledgers for government offices
#[derive(Debug, Parser)]
#[command(name = "taizhang", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
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
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl GlobalArgs {
    /// The options as the commands use them, with the real time `main` read.
    pub fn resolve(self, wall: DateTime<FixedOffset>) -> Global {
        let lang = match self.lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        };
        Global { today: self.today, data: self.data, no_cache: self.no_cache, lang, wall: Some(wall) }
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
    Tui(TuiArgs),
    /// 记录一条进展 / record progress on one assignment
    Mark(mark::MarkArgs),
    /// 合并外单位的台账文件或填好的台账表格（xlsx/csv） / bring in unit ledger files or filled 台账 sheets
    Merge(merge::MergeArgs),
    /// 生成各单位填报用的台账表格（xlsx/csv） / per-unit 台账 spreadsheets to fill in
    Template(template::TemplateArgs),
    /// 通过 git 同步台账：提交本机新记录、拉取合并、推送 / ledgers through git: commit, pull, push
    Sync(sync::SyncArgs),
    /// 报告：汇总、单位报送、台账、催办清单（txt/md/csv/html/xlsx/json/docx） / reports
    Report(report::ReportArgs),
    /// 生成供评估用的模拟计划和台账（市级、省级、极限规模） / synthetic plan and ledger for evaluation
    Gen(r#gen::GenArgs),
    /// 导入任务分工（Word、Excel/WPS、CSV/TSV、文本），生成计划文件 / import a task-division table or document into a plan file
    Import(import::ImportArgs),
    /// git 的合并程序：两版单位台账取记录的并集（由 sync --init 登记） / git's merge driver for ledger files
    #[command(hide = true)]
    MergeDriver(merge_driver::MergeDriverArgs),
    /// 服务器端 pre-receive 钩子的检查（scripts/pre-receive-taizhang） / the server hook's check of a push
    #[command(hide = true)]
    PreReceive(pre_receive::PreReceiveArgs),
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
pub const COMMANDS: [&str; 12] =
    ["check", "tasks", "periods", "tui", "mark", "merge", "template", "sync", "report", "gen", "import", "help"];

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

/// `taizhang tui` (run by `tui::run`).
#[derive(Debug, Args)]
pub struct TuiArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 直接打开该单位（名称、别名或编号）；不给则先选择单位 / open this unit directly
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// 填报人姓名，默认为登录用户名 / operator's name (default: the login name)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// `taizhang bench-frames` (run by `tui::bench::run`).
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Plan file.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// The operator's unit (name, alias or id); without it, the lead view.
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// Key presses to draw after the first frame.
    #[arg(long, default_value_t = 100)]
    pub frames: u64,
    /// In the lead view, press the keys in the tasks × units matrix.
    #[arg(long)]
    pub matrix: bool,
    #[arg(long, default_value_t = 120)]
    pub width: u16,
    #[arg(long, default_value_t = 40)]
    pub height: u16,
}
