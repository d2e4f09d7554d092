//! `taizhang merge PLAN FILE...`: brings in unit ledger files kept on other machines, says
//! what each added; merging the same file twice adds nothing.

use std::path::PathBuf;

use clap::Args;
use taizhang::ledger;
use taizhang::tr;

use super::{Fail, Global, load};

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
    let plan = load::plan(&args.plan)?;
    let dir = g.ledger_dir(&plan);
    let mut failed = 0;
    for file in &args.files {
        match ledger::merge(&plan, &dir, file) {
            Ok(m) => println!(
                "{}",
                tr!(
                    lang,
                    "合并 {} → {}（{}）：新增 {} 条，已有 {} 条",
                    "merged {} → {} ({}): {} added, {} already present",
                    file.display(),
                    taizhang::text::sanitize(&m.unit_name),
                    m.unit,
                    m.added,
                    m.already
                )
            ),
            Err(e) => {
                eprintln!("{}", e.render(lang));
                failed += 1;
            }
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(Fail::MergeFailed { failed: n, total: args.files.len() }),
    }
}
