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
    /// No table with recognisable headers and no numbered items were found.
    #[error("{}: no task table or numbered items found", path.display())]
    NothingFound { path: PathBuf },
}

pub mod table;
pub mod write;
