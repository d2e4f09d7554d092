//! Ledgers through git: a plan directory kept in a git repository, each machine committing its
//! own unit's new records, pulling others' through a merge driver that takes the union of two
//! versions of a unit file, verifying that no history rewrites a record, and pushing. Uses the
//! system `git`; the clock is passed in.

mod commit;
pub mod driver;
mod error;
pub mod git;
pub mod history;
mod init;
pub mod kept;
mod pull;
mod receive;
mod repo;
mod run;

use std::path::PathBuf;

pub use driver::{Clash, Side, union};
pub use error::{Breach, SyncError, Violation, Whence};
pub use init::{Initialised, init};
pub use receive::{Pushers, receive};
pub use repo::driver_command;
pub use run::{MAX_ATTEMPTS, Stopped, Synced, sync};

use crate::Lang;

/// The git attribute that routes a file to taizhang's merge driver (`merge=taizhang`).
pub const DRIVER: &str = "taizhang";
/// Its description in the repository's configuration (`merge.taizhang.name`).
pub const DRIVER_NAME: &str = "taizhang: union of ledger records";

/// How a sync or an initialisation runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The plan's ledger directory (inside the repository's work tree).
    pub ledger_dir: PathBuf,
    /// The remote to pull from and push to; without it, the branch's upstream, else the only
    /// remote, else `origin`.
    pub remote: Option<String>,
    /// The day commit messages are dated (`--today` or the clock, read at the edge).
    pub today: chrono::NaiveDate,
    /// The command git runs as the merge driver, `%O %A %B %P` included.
    pub driver: String,
    pub lang: Lang,
}

/// Records of one unit that moved (committed, came in, went out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCount {
    /// Unit id (the file's name).
    pub unit: String,
    /// Its name in the plan, or the id when the plan has no such unit.
    pub name: String,
    pub records: usize,
}

/// The total of records in `counts`.
pub fn total(counts: &[UnitCount]) -> usize {
    counts.iter().map(|c| c.records).sum()
}
