//! What the command line and the terminal interface share, so that neither imports the other:
//! the options every command takes (parsed by the command line, plain data here), the error
//! type, loading the plan and ledger, and writing to the terminal.

mod fail;
pub mod heap;
pub mod load;
pub mod output;
pub mod render;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local};

pub use fail::Fail;
use taizhang::Lang;
use taizhang::clock::Clock;

/// Options every command takes, as the command line gave them.
#[derive(Debug, Default)]
pub struct Global {
    /// `--today` / `TAIZHANG_TODAY`: a fixed "now".
    pub today: Option<String>,
    /// `--data` / `TAIZHANG_DATA`: the ledger directory.
    pub data: Option<PathBuf>,
    /// `--no-cache` / `TAIZHANG_NO_CACHE`.
    pub no_cache: bool,
    pub lang: Lang,
    /// The real time, read once by `main`.
    pub wall: Option<DateTime<FixedOffset>>,
}

impl Global {
    pub fn lang(&self) -> Lang {
        self.lang
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
