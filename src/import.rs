//! Importing a task-division table (任务分工) from what offices actually have — a spreadsheet or
//! CSV/TSV (or a table pasted from Word), or numbered document text with inline 责任单位 and
//! 完成时限 — into a plan file that `taizhang check` accepts. Readers turn a file into [`Source`];
//! recognisers turn a source into [`Item`]s (one per task, in the document's order, each with what
//! was guessed); [`write`] turns items into the plan's TOML. Deterministic: the same input always
//! gives the same bytes.

use std::path::PathBuf;

/// What a reader found in a file: tables (rows of cell text, merged cells as empty cells below or
/// beside their first), or the document's lines of text.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Tables(Vec<Grid>),
    Text(Vec<String>),
}

/// One table as read: each row's cells, text with line breaks kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub rows: Vec<Vec<String>>,
}

/// One task as recognised, in the document's words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    /// The 序号 as printed ("1", "33"), if any.
    pub number: Option<String>,
    /// The top heading it sits under ("一、……"), verbatim.
    pub section: Option<String>,
    /// The second heading ("（一）……"), verbatim.
    pub subsection: Option<String>,
    /// 重点任务 / 工作任务 / 公开领域.
    pub topic: Option<String>,
    /// 具体措施 / 具体内容 / 工作内容: the task's text.
    pub content: String,
    /// 工作要求.
    pub requirement: Option<String>,
    /// 量化指标.
    pub indicator: Option<String>,
    /// The responsibility as written (a cell, or the bracket after an item), verbatim.
    pub responsible: Option<String>,
    /// The deadline phrase as written.
    pub deadline: Option<String>,
    /// When the deadline was not given as such but found in the item's own text ("于9月30日前
    /// 公布"): the sentence it came from. The writer makes it a deadline clause marked inferred.
    pub deadline_source: Option<String>,
    /// Where the item's source line is (1-based row or line), for messages and comments.
    pub line: usize,
    /// What the importer guessed about this item, in Chinese: each becomes a comment above the
    /// task in the plan file, and the item is counted as needing review.
    pub guesses: Vec<String>,
}

/// A statement that gives many items the same units ("本部分各项均由……负责落实，下文不再逐一列出",
/// "下同"): written to the plan as one `[[scope]]` rule over the items it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    /// The document's sentence, verbatim.
    pub text: String,
    /// The units as the sentence writes them ("各县（市、区）"), for the responsible-cell reader.
    pub units: String,
    /// The items it covers, by index into [`Recognised::items`].
    pub items: std::ops::Range<usize>,
}

/// What a recogniser made of a source: the tasks, and any scope statements over them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recognised {
    pub items: Vec<Item>,
    pub scopes: Vec<Scope>,
}

/// Failure to import.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// The file is not what its name says, or is damaged (the reader's reason).
    #[error("{}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    /// No table with recognisable headers and no numbered items with units were found.
    #[error("{}: no task table or numbered items found", path.display())]
    NothingFound { path: PathBuf },
    /// Neither `--year` nor a year in the title ("2022年").
    #[error("no plan year: give --year")]
    NoYear { title: String },
    /// The output file exists and `--force` was not given.
    #[error("{} exists", path.display())]
    Exists { path: PathBuf },
    /// `--report-dates` is not a list of month-day pairs in the plan year.
    #[error("bad report dates: {given}")]
    BadReportDates { given: String },
}

impl ImportError {
    /// What went wrong and what to do, in `lang`.
    pub fn render(&self, lang: crate::Lang) -> String {
        use crate::text::sanitize;
        let show = |p: &PathBuf| sanitize(&p.display().to_string());
        match self {
            ImportError::Io { path, source } => crate::tr!(
                lang,
                "错误: 无法读取 {}：{source}\n  提示: 检查文件路径是否正确",
                "error: cannot read {}: {source}\n  hint: check the file's path",
                show(path)
            ),
            ImportError::Unreadable { path, reason } => crate::tr!(
                lang,
                "错误: 无法读取 {}：{}\n  提示: 可导入 XLSX 表格、DOCX 文档，或 UTF-8/GBK 编码的 CSV/TSV；请在 Excel、Word 或 WPS 中另存为 .xlsx 或 .docx 后再试，或把表格复制粘贴到文本文件",
                "error: cannot read {}: {}\n  hint: import reads XLSX workbooks, DOCX documents and UTF-8/GBK CSV/TSV; save it as .xlsx or .docx in Excel, Word or WPS and try again, or paste the table into a text file",
                show(path),
                sanitize(reason)
            ),
            ImportError::NothingFound { path } => crate::tr!(
                lang,
                "错误: {} 中没有找到任务分工表\n  提示: 表头应有具体措施（或重点任务）一栏，以及责任单位或完成时限一栏；可识别的表头：{}\n  提示: 文件也可以是编号条目，每条末尾的括号写明责任单位，如“1.……。（责任单位：市财政局；完成时限：全年）”",
                "error: no task table found in {}\n  hint: the header row needs a task column (具体措施 or 重点任务) and a units or deadline column (责任单位, 完成时限); known headers: {}\n  hint: or numbered items, each ending with its units in brackets, e.g. “1.……。（责任单位：市财政局；完成时限：全年）”",
                show(path),
                table::header::expected()
            ),
            ImportError::NoYear { title } => crate::tr!(
                lang,
                "错误: 标题“{}”中没有年份，无法确定计划年度\n  提示: 加 --year 2022 写明计划年度",
                "error: the title \"{}\" names no year, so the plan year is unknown\n  hint: give it with --year 2022",
                sanitize(title)
            ),
            ImportError::Exists { path } => crate::tr!(
                lang,
                "错误: {} 已存在，未改动\n  提示: 用 -o 另指定文件名，或加 --force 覆盖",
                "error: {} exists and was left as it is\n  hint: name another file with -o, or add --force to replace it",
                show(path)
            ),
            ImportError::BadReportDates { given } => crate::tr!(
                lang,
                "错误: --report-dates “{}” 无法识别\n  提示: 写成 月-日，用逗号分隔，如 6-10,9-10,12-10",
                "error: --report-dates \"{}\" cannot be read\n  hint: write month-day pairs separated by commas, e.g. 6-10,9-10,12-10",
                sanitize(given)
            ),
        }
    }
}

pub mod docx;
pub mod meta;
pub mod read;
pub mod table;
pub mod text;
pub mod unzip;
pub mod write;
pub mod xlsx;
