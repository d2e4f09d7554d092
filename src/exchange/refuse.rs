//! Why a template could not be written or a filled one was refused — naming the file, the sheet
//! and the cell, in Chinese or English, each with what to do. A refused file is refused whole:
//! nothing of it is written.

use std::path::{Path, PathBuf};

use crate::ledger::{LedgerError, Status};
use crate::text::sanitize;
use crate::{Lang, tr};

/// A refused template or filled file.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// The file cannot be opened as a spreadsheet.
    #[error("{}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    /// The file opens but is not a taizhang template (no ids, no header row).
    #[error("{}: not a taizhang template ({why})", path.display())]
    NotATemplate { path: PathBuf, why: String },
    /// The template is another plan's.
    #[error("{}: a template of plan {found}, not {expected}", path.display())]
    OtherPlan { path: PathBuf, found: String, expected: String },
    /// The template names a unit the plan does not have.
    #[error("{}: unit {unit} is not in the plan", path.display())]
    UnknownUnit { path: PathBuf, unit: String },
    /// Cells that cannot be taken, each named.
    #[error("{}: {} problem(s)", path.display(), problems.len())]
    Cells { path: PathBuf, sheet: Option<String>, problems: Vec<Problem> },
    /// The ledger refused the records.
    #[error("{}: {error}", path.display())]
    Ledger { path: PathBuf, error: LedgerError },
    /// The template could not be made.
    #[error("cannot write the template: {0}")]
    Write(String),
    /// The file is not a regular file, or too large.
    #[error(transparent)]
    Refused(#[from] crate::fsread::Refusal),
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

/// One cell (or row) that cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 0-based column and row of the cell.
    pub col: usize,
    pub row: u32,
    pub what: What,
}

/// What is wrong with a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    UnknownStatus {
        given: String,
    },
    /// A changed row with no status.
    NoStatus,
    /// 完成% is not a whole number.
    BadPercent {
        given: String,
    },
    /// 完成% is outside 0–100.
    PercentRange {
        given: String,
    },
    DoneNotFull {
        percent: u8,
    },
    BadDate {
        given: String,
    },
    FutureDate {
        given: String,
    },
    /// A date before the template was made (its day).
    BeforeMade {
        given: String,
        made: chrono::NaiveDate,
    },
    EarlyDate {
        given: String,
        days: i64,
    },
    /// A plan column differs from what the template wrote; `was` is the plan's text.
    EditedPlan {
        head: &'static str,
        was: String,
    },
    /// A row with text but no assignment id (inserted, or pasted from elsewhere).
    NoKey,
    /// An assignment id the template does not have.
    UnknownRow {
        key: String,
    },
    /// A row of another unit's template.
    OtherUnit {
        unit: String,
    },
    /// The same assignment as an earlier row (its 1-based row number).
    Duplicate {
        first: u32,
    },
    /// The plan no longer has this assignment.
    TaskGone {
        task: String,
    },
    /// The assignment's first report says nothing.
    EmptyFirst {
        task: String,
    },
}

impl ExchangeError {
    /// The message and hints for users (text from files cannot add lines).
    pub fn render(&self, lang: Lang) -> String {
        let show = |p: &PathBuf| sanitize(&p.display().to_string());
        let (msg, hint) = match self {
            ExchangeError::Unreadable { path, reason } => (
                tr!(lang, "无法读取 {}：{}", "cannot read {}: {}", show(path), sanitize(reason)),
                tr!(
                    lang,
                    "合并的表格应是 `taizhang template` 生成、填好后原样保存的 .xlsx 或 .csv；在 Excel/WPS 中另存为 .xlsx 后再试",
                    "merge takes the .xlsx or .csv made by `taizhang template`, filled in and saved as it is; save it as .xlsx in Excel/WPS and try again"
                ),
            ),
            ExchangeError::NotATemplate { path, why } => (
                tr!(
                    lang,
                    "{} 不是 taizhang 生成的台账表格（{}）",
                    "{} is not a taizhang template ({})",
                    show(path),
                    sanitize(why)
                ),
                tr!(
                    lang,
                    "只能合并 `taizhang template` 生成的表格（不要复制到新文件里填写）；单位台账文件请用 .toml",
                    "only templates made by `taizhang template` can be merged (fill in the file itself, not a copy of its cells); unit ledger files are .toml"
                ),
            ),
            ExchangeError::OtherPlan { path, found, expected } => (
                tr!(
                    lang,
                    "{} 是计划 {} 的台账表格，不是本计划 {}",
                    "{} is a template of plan {}, not of this plan {}",
                    show(path),
                    sanitize(found),
                    sanitize(expected)
                ),
                tr!(
                    lang,
                    "换用对应的计划文件合并，或请对方填报本计划的表格",
                    "merge it with its own plan file, or send the unit this plan's template"
                ),
            ),
            ExchangeError::UnknownUnit { path, unit } => (
                tr!(
                    lang,
                    "{} 所属的单位 {} 不在本计划中",
                    "{}: its unit {} is not in this plan",
                    show(path),
                    sanitize(unit)
                ),
                tr!(
                    lang,
                    "计划的单位有改动时，请重新生成模板（taizhang template）",
                    "if the plan's units changed, make the template again (taizhang template)"
                ),
            ),
            ExchangeError::Cells { path, sheet, problems } => return cells(path, sheet.as_deref(), problems, lang),
            ExchangeError::Ledger { path, error } => {
                return format!("{}\n{}", error.render(lang), nothing_merged(path, lang));
            }
            ExchangeError::Refused(r) => r.parts(lang),
            ExchangeError::Io { path, source } => (
                tr!(lang, "无法读取 {}：{source}", "cannot read {}: {source}", show(path)),
                lang.pick("检查文件路径是否正确", "check the file's path").to_string(),
            ),
            ExchangeError::Write(message) => (
                tr!(lang, "无法生成台账表格：{}", "cannot make the template: {}", sanitize(message)),
                tr!(lang, "检查输出目录是否可写", "check that the output directory is writable"),
            ),
        };
        format!("{}: {msg}\n  {}: {hint}", lang.pick("错误", "error"), lang.pick("提示", "hint"))
    }
}

/// Problems listed in full up to this many (then counted).
const SHOWN: usize = 30;

fn cells(path: &Path, sheet: Option<&str>, problems: &[Problem], lang: Lang) -> String {
    let file = sanitize(&path.display().to_string());
    let mut out: Vec<String> = problems
        .iter()
        .take(SHOWN)
        .map(|p| {
            let cell = format!("{}{}", super::letters(p.col), p.row + 1);
            let place = match sheet {
                Some(s) => tr!(lang, "{file} 表“{}”{cell}", "{file}, sheet \"{}\", {cell}", sanitize(s)),
                None => format!("{file} {cell}"),
            };
            let (msg, hint) = what(&p.what, lang);
            let (error, colon, hint_word) =
                (lang.pick("错误", "error"), lang.pick("：", ": "), lang.pick("提示", "hint"));
            format!("{error}: {place}{colon}{msg}\n  {hint_word}: {hint}")
        })
        .collect();
    if problems.len() > SHOWN {
        out.push(tr!(lang, "（另有 {} 处问题从略）", "({} more problems not shown)", problems.len() - SHOWN));
    }
    out.push(tr!(
        lang,
        "{file} 共 {} 处问题，其中任何记录都未合并\n  提示: 在表格中改好这些单元格后重新合并（可先加 --dry-run 检查）",
        "{file}: {} problem(s); nothing of it was merged\n  hint: correct those cells in the sheet and merge again (--dry-run checks without writing)",
        problems.len()
    ));
    out.join("\n")
}

fn nothing_merged(path: &Path, lang: Lang) -> String {
    tr!(lang, "{} 中的任何记录都未合并", "nothing of {} was merged", sanitize(&path.display().to_string()))
}

/// A problem's message and hint.
fn what(w: &What, lang: Lang) -> (String, String) {
    let s = |t: &str| sanitize(t);
    match w {
        What::UnknownStatus { given } => (
            tr!(lang, "状态“{}”无法识别", "unknown status \"{}\"", s(given)),
            tr!(lang, "从下拉列表中选择：{}", "choose from the list: {}", statuses(lang)),
        ),
        What::NoStatus => (
            lang.pick("这一行有改动，但没有状态", "this row changed but has no status").to_string(),
            tr!(lang, "在“状态”栏选择：{}", "choose a status: {}", statuses(lang)),
        ),
        What::BadPercent { given } => (
            tr!(lang, "完成%“{}”不是整数", "percent \"{}\" is not a whole number", s(given)),
            lang.pick("填 0 到 100 的整数，如 60，不带小数", "give a whole number from 0 to 100, e.g. 60").to_string(),
        ),
        What::PercentRange { given } => (
            tr!(lang, "完成% {} 不在 0–100 之间", "percent {} is not within 0–100", s(given)),
            lang.pick("填 0 到 100 的整数，如 60", "give a whole number from 0 to 100, e.g. 60").to_string(),
        ),
        What::DoneNotFull { percent } => (
            tr!(lang, "状态为“已完成”，但完成% 是 {percent}", "status is done but percent is {percent}"),
            lang.pick("已完成就填 100，或把状态改为“推进中”", "use 100 for done, or set the status to in progress")
                .to_string(),
        ),
        What::BadDate { given } => (
            tr!(lang, "填报日期“{}”无法识别", "date \"{}\" cannot be read", s(given)),
            lang.pick("写成 2022-09-08、2022/9/8 或 2022年9月8日", "write it as 2022-09-08, 2022/9/8 or 2022年9月8日")
                .to_string(),
        ),
        What::FutureDate { given } => (
            tr!(lang, "填报日期 {} 晚于今天", "date {} is after today", s(given)),
            lang.pick("填实际填报的日期", "give the day it was filled in").to_string(),
        ),
        What::BeforeMade { given, made } => (
            tr!(
                lang,
                "填报日期 {} 早于本表生成的日期 {}",
                "date {} is before the day this sheet was made ({})",
                s(given),
                crate::report::labels::date(*made, lang)
            ),
            lang.pick("填实际填报的日期（本表生成之后）", "give the day it was filled in (after the sheet was made)")
                .to_string(),
        ),
        What::EarlyDate { given, days } => (
            tr!(lang, "填报日期 {} 早于 {days} 天之前", "date {} is more than {days} days ago", s(given)),
            tr!(
                lang,
                "补记最多追溯 {days} 天；更早的进展请写进进展情况，日期填今天",
                "back-dating is limited to {days} days; describe older progress in the text and date it today"
            ),
        ),
        What::EditedPlan { head, was } => (
            tr!(lang, "“{head}”是计划原文，已被改动", "\"{head}\" is the plan's text and was changed"),
            tr!(
                lang,
                "灰色栏不能改，请改回原文：“{}”；对任务本身有意见请另行反映",
                "the grey columns cannot be changed; restore the plan's text: \"{}\"",
                s(&crate::text::truncate(was, 60))
            ),
        ),
        What::NoKey => (
            lang.pick(
                "这一行不是模板中原有的行（没有分工编号）",
                "this row is not one of the template's (it has no assignment id)",
            )
            .to_string(),
            lang.pick(
                "不要插入新行：把内容填到该任务原有的行中（整行留空的会被忽略）",
                "do not insert rows: fill in the task's own row (rows left blank are ignored)",
            )
            .to_string(),
        ),
        What::UnknownRow { key } => (
            tr!(lang, "分工编号 {} 不是本表中的分工", "assignment {} is not one of this sheet's", s(key)),
            lang.pick(
                "不要从别的表格复制行；只在本表原有的行中填写",
                "do not copy rows from other sheets; fill in this sheet's own rows",
            )
            .to_string(),
        ),
        What::OtherUnit { unit } => (
            tr!(lang, "这一行是{}的分工，不属于本表", "this row is {}'s, not this sheet's", s(unit)),
            tr!(lang, "请{}用自己的表格填报，把这一行删去", "{} reports in its own sheet; delete this row", s(unit)),
        ),
        What::Duplicate { first } => (
            tr!(lang, "这一行与第 {first} 行是同一项分工", "this row is the same assignment as row {first}"),
            lang.pick("删去重复的一行，只留一行", "delete one of the two rows").to_string(),
        ),
        What::TaskGone { task } => (
            tr!(lang, "计划中已没有任务 {} 的这项分工", "the plan no longer has this assignment of task {}", s(task)),
            lang.pick(
                "计划在模板生成后改过：用 `taizhang template` 重新生成模板，把内容抄过去",
                "the plan changed after the template was made: make it again with `taizhang template`",
            )
            .to_string(),
        ),
        What::EmptyFirst { task } => (
            tr!(lang, "任务 {} 第一次填报，没有任何文字", "task {}: a first report with no text", s(task)),
            lang.pick("写明进展情况，让汇总知道做了什么", "say what was done in 进展情况 (progress)").to_string(),
        ),
    }
}

/// "未启动、推进中、持续推进、已完成、受阻、不适用".
fn statuses(lang: Lang) -> String {
    Status::ALL.iter().map(|s| s.label(lang)).collect::<Vec<_>>().join(lang.list_sep())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_and_nothing_is_merged() {
        let e = ExchangeError::Cells {
            path: "第2期台账.xlsx".into(),
            sheet: Some("台账".into()),
            problems: vec![Problem { col: 6, row: 4, what: What::UnknownStatus { given: "完成了".into() } }],
        };
        let zh = e.render(Lang::Zh);
        assert!(
            zh.starts_with("错误: 第2期台账.xlsx 表“台账”G5：状态“完成了”无法识别\n  提示: 从下拉列表中选择："),
            "{zh}"
        );
        assert!(zh.contains("共 1 处问题，其中任何记录都未合并"), "{zh}");
        let en = e.render(Lang::En);
        assert!(en.starts_with("error: 第2期台账.xlsx, sheet \"台账\", G5: unknown status \"完成了\""), "{en}");
    }
}
