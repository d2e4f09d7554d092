//! `taizhang pre-receive [--pusher LOGIN]`: the office server's check of a push, run by the
//! bare repository's `pre-receive` hook (scripts/pre-receive-taizhang) with the ref updates on
//! standard input. Refuses (exit 1, reasons on stderr, which git shows the pusher) a deleted or
//! rewound branch, a commit that rewrites a ledger record, and — when the repository holds a
//! `taizhang-pushers` file — records added to a unit's file by someone who may not write it.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;
use taizhang::sync::{self, Pushers, git::Git};

use crate::front::{Fail, Global, output};

/// The file, in the bare repository, saying who may push which units' records.
const PUSHERS: &str = "taizhang-pushers";

#[derive(Debug, Args)]
pub struct PreReceiveArgs {
    /// 推送者的登录名 / the pusher's login
    #[arg(long, value_name = "LOGIN", default_value = "")]
    pub pusher: String,
}

pub fn run(args: &PreReceiveArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let mut updates = String::new();
    std::io::stdin().read_to_string(&mut updates).map_err(Fail::Output)?;
    let git_dir = std::env::var_os("GIT_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from);
    let pushers = std::fs::read_to_string(git_dir.join(PUSHERS)).ok().map(|t| Pushers::parse(&t));
    if pushers.is_none() {
        output::note(&taizhang::tr!(
            lang,
            "注意: 仓库中没有 {PUSHERS} 文件，未检查各单位是否只写本单位的台账",
            "note: the repository has no {PUSHERS} file; who writes which unit's ledger is not checked"
        ));
    }
    let found =
        sync::receive(&Git::at(Path::new(".")), &updates, &args.pusher, pushers.as_ref()).map_err(Fail::Sync)?;
    for v in &found {
        output::note(&v.render(lang));
    }
    match found.len() {
        0 => Ok(()),
        n => Err(Fail::Rewritten { found: n }),
    }
}
