//! Why `taizhang gen` wrote nothing (or stopped), in Chinese or English, with what to do.

use std::path::PathBuf;

use crate::text::sanitize;
use crate::{Lang, tr};

/// A refused or failed generation. When refused, nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    /// The plan file is already there.
    #[error("{} exists", path.display())]
    PlanExists { path: PathBuf },
    /// The ledger directory is already there and holds something.
    #[error("{} is not empty", path.display())]
    LedgerExists { path: PathBuf },
    /// `--out` (or something in it) is not a directory where one is needed.
    #[error("{} is not a directory", path.display())]
    NotADirectory { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// A record could not be written as TOML.
    #[error("cannot encode a record: {message}")]
    Encode { message: String },
    /// The generated plan did not validate: a bug in the generator.
    #[error("the generated plan is invalid: {message}")]
    Invalid { message: String },
}

impl GenError {
    pub fn render(&self, lang: Lang) -> String {
        let path = |p: &PathBuf| sanitize(&p.display().to_string());
        match self {
            GenError::PlanExists { path: p } => tr!(
                lang,
                "错误: 计划文件 {} 已存在，未写入任何文件\n  提示: 换一个 --out 目录，或加 --force 覆盖（连同它的台账目录）",
                "error: the plan file {} already exists; nothing was written\n  hint: choose another --out directory, or add --force to replace it (and its ledger directory)",
                path(p)
            ),
            GenError::LedgerExists { path: p } => tr!(
                lang,
                "错误: 台账目录 {} 已存在且不为空，未写入任何文件\n  提示: 换一个 --out 目录，或加 --force 用新生成的台账替换整个目录",
                "error: the ledger directory {} exists and is not empty; nothing was written\n  hint: choose another --out directory, or add --force to replace the whole directory with the new ledger",
                path(p)
            ),
            GenError::NotADirectory { path: p } => tr!(
                lang,
                "错误: {} 不是目录\n  提示: --out 应是一个目录（不存在时自动创建）",
                "error: {} is not a directory\n  hint: --out must be a directory (created when missing)",
                path(p)
            ),
            GenError::Io { path: p, source } => tr!(
                lang,
                "错误: 无法写入 {}：{source}\n  提示: 检查目录是否有写权限、磁盘是否已满",
                "error: cannot write {}: {source}\n  hint: check that the directory is writable and the disk is not full",
                path(p)
            ),
            GenError::Encode { message } => {
                tr!(lang, "错误: 无法写出记录：{}", "error: cannot write a record: {}", sanitize(message))
            }
            GenError::Invalid { message } => tr!(
                lang,
                "错误: 生成的计划未通过检查（程序缺陷，请报告）：\n{}",
                "error: the generated plan does not validate (a bug; please report it):\n{}",
                sanitize(message)
            ),
        }
    }
}
