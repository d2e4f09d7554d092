//! What the command line and the terminal interface share, so that neither imports the other:
//! the options every command takes, the arguments of the interface's commands, the error type,
//! loading the plan and ledger, and writing to the terminal.

mod fail;
pub mod load;
pub mod output;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local};
use clap::{Args, ValueEnum};

pub use fail::Fail;
use taizhang::Lang;
use taizhang::clock::Clock;

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

/// The login name: `USER`, else `LOGNAME`, else the account database.
fn login_name() -> Option<String> {
    let env = |k: &str| std::env::var(k).ok().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    env("USER").or_else(|| env("LOGNAME")).or_else(|| Some(whoami::username()).filter(|s| !s.trim().is_empty()))
}

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

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Plan file.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// The operator's unit (name, alias or id).
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: String,
    /// Key presses to draw after the first frame.
    #[arg(long, default_value_t = 100)]
    pub frames: u64,
    #[arg(long, default_value_t = 120)]
    pub width: u16,
    #[arg(long, default_value_t = 40)]
    pub height: u16,
}
