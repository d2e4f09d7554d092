//! `taizhang merge PLAN FILE...`: brings in unit ledger files kept on other machines, says
//! what each added; merging the same file twice adds nothing.

use std::path::PathBuf;

use clap::Args;
use taizhang::ledger;
use taizhang::tr;

use crate::front::{Fail, Global, load, output};

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 各单位报来的台账文件（如 sczj.toml） / unit ledger files
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

pub fn run(args: &MergeArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan, g)?;
    let dir = g.ledger_dir(&plan);
    let notify = |path: &std::path::Path, holder: &ledger::LockHolder| output::note(&holder.waiting(path, lang));
    let cache = g.cache();
    let wait = ledger::Wait { notify: &notify, ..ledger::Wait::default() };
    let opts = ledger::WriteOptions { clock: g.clock()?, wait, cache: cache.as_ref() };
    let mut failed = 0;
    for file in &args.files {
        match ledger::merge(&plan, &dir, file, &opts, false) {
            Ok(m) => output::line(&tr!(
                lang,
                "合并 {} → {}（{}）：新增 {} 条，已有 {} 条",
                "merged {} → {} ({}): {} added, {} already present",
                file.display(),
                taizhang::text::sanitize(&m.unit_name),
                m.unit,
                m.added,
                m.already
            ))?,
            Err(e) => {
                output::note(&e.render(lang));
                failed += 1;
            }
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(Fail::MergeFailed { failed: n, total: args.files.len() }),
    }
}
