//! `taizhang merge-driver %O %A %B %P`: git's merge driver for unit ledger files (registered by
//! `taizhang sync --init`). Writes the union of the two versions' records to `%A` and exits 0;
//! a real conflict exits 1, saying which record of which file, and leaves both versions.

use std::path::{Path, PathBuf};

use clap::Args;
use taizhang::ledger::LedgerError;
use taizhang::sync::{self, SyncError};

use crate::front::{Fail, Global};

#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// 共同的上一版（git 的 %O） / the common ancestor (%O)
    #[arg(value_name = "ANCESTOR")]
    pub ancestor: PathBuf,
    /// 本机的一版，合并结果写回这里（%A） / ours, overwritten with the result (%A)
    #[arg(value_name = "OURS")]
    pub ours: PathBuf,
    /// 对方的一版（%B） / theirs (%B)
    #[arg(value_name = "THEIRS")]
    pub theirs: PathBuf,
    /// 文件在仓库中的路径（%P），用于提示 / the file's path in the repository (%P)
    #[arg(value_name = "PATH")]
    pub path: String,
}

fn read(path: &Path) -> Result<String, Fail> {
    let text = taizhang::fsread::ledger(path).map_err(|r| Fail::Ledger(r.into()))?;
    text.map_err(|source| Fail::Ledger(LedgerError::Io { path: path.to_path_buf(), source }))
}

pub fn run(args: &MergeDriverArgs, _g: &Global) -> Result<(), Fail> {
    let (ancestor, ours, theirs) = (read(&args.ancestor)?, read(&args.ours)?, read(&args.theirs)?);
    let merged = sync::union(Path::new(&args.path), &ancestor, &ours, &theirs)
        .map_err(|clash| Fail::Sync(SyncError::Conflict { path: args.path.clone(), clash: Box::new(clash) }))?;
    if merged != ours {
        std::fs::write(&args.ours, merged)
            .map_err(|source| Fail::Ledger(LedgerError::Io { path: args.ours.clone(), source }))?;
    }
    Ok(())
}
