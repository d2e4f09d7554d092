//! Problems found in a plan file: where (line:col), how bad (error or warning), what is wrong
//! and what to do about it, in Chinese or English.

use std::fmt;

use chrono::NaiveDate;

use super::Role;
use crate::Lang;
use crate::text::sanitize;
use crate::tr;

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    /// The position of byte `offset` in `src` (clamped to the text). For many look-ups in one
    /// text, build a [`LineIndex`] once instead.
    pub fn at(src: &str, offset: usize) -> Position {
        LineIndex::new(src).pos(offset)
    }
}

/// Line starts of a text, for turning byte offsets into positions in O(log lines).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { src, starts }
    }

    pub fn pos(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        Position { line, col: self.src[start..offset].chars().count() + 1 }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Error or warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a plan file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub pos: Option<Position>,
    pub problem: Problem,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is not valid TOML, or a value has the wrong type.
    Syntax { message: String },
    /// A required field is missing.
    Missing { table: &'static str, field: &'static str },
    /// An id has characters that are not allowed.
    BadId { what: &'static str, value: String },
    /// Two units, groups or tasks share an id.
    DuplicateId { what: &'static str, id: String, first: Option<Position> },
    /// Two units or groups share a name or alias.
    DuplicateName { name: String, first: Option<Position> },
    /// A date is not a plain calendar date.
    BadDate { field: &'static str, value: String },
    /// The plan year is out of range.
    BadYear { value: i64 },
    /// The time zone is not an offset like +08:00.
    BadTimezone { value: String },
    /// Report dates must be in increasing order.
    ReportDatesOrder,
    /// A task names a unit the plan does not define.
    UnknownUnit { task: String, name: String, suggestions: Vec<String> },
    /// A group lists a member the plan does not define.
    UnknownMember { group: String, name: String, suggestions: Vec<String> },
    /// A group lists another group as a member.
    NestedGroup { group: String, name: String },
    /// A task has no lead or responsible unit (配合 units alone are not enough).
    NoUnits { task: String },
    /// A piece of a responsible cell that is no unit's name; no unit was derived from it.
    UnclearResponsible { task: String, piece: String },
    /// A text field is empty.
    EmptyText { field: &'static str },
    /// Warning: a deadline phrase was not understood; it is kept as text. `due` is the date to
    /// suggest, in the plan's own year.
    UnparsedDeadline { task: String, phrase: String, due: Option<NaiveDate> },
    /// Warning: a group lists no members; it reports as one unit.
    EmptyGroup { group: String },
    /// Warning: "印发N日内" cannot be dated without `issued`.
    AfterIssueUndated { task: String },
    /// Warning: the plan has no tasks.
    NoTasks,
    /// Warning: a task names one unit or group under two roles; it keeps the stronger.
    TwoRoles { task: String, name: String, kept: Role, also: Role },
}

impl Diagnostic {
    pub fn error(pos: Option<Position>, problem: Problem) -> Diagnostic {
        Diagnostic { severity: Severity::Error, pos, problem }
    }

    pub fn warning(pos: Option<Position>, problem: Problem) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, pos, problem }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// "错误: FILE:LINE:COL: message" followed by an indented hint line, if any. Each is one
    /// line: a line break inside a quoted name cannot start a line of its own.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let label = match self.severity {
            Severity::Error => lang.pick("错误", "error"),
            Severity::Warning => lang.pick("警告", "warning"),
        };
        let place = match self.pos {
            Some(p) => format!("{file}:{p}"),
            None => file.to_string(),
        };
        let mut out = format!("{label}: {}: {}", sanitize(&place), sanitize(&self.problem.message(lang)));
        if let Some(hint) = self.problem.hint(lang) {
            out.push_str(&format!("\n  {}: {}", lang.pick("提示", "hint"), sanitize(&hint)));
        }
        out
    }
}

/// "unit" / "task" / "plan" / "group" in the user's language.
fn thing(what: &str, lang: Lang) -> &str {
    match (what, lang) {
        ("unit", Lang::Zh) => "单位",
        ("group", Lang::Zh) => "单位组",
        ("task", Lang::Zh) => "任务",
        ("plan", Lang::Zh) => "计划",
        (w, _) => w,
    }
}

fn list(names: &[String], lang: Lang) -> String {
    names.join(lang.list_sep())
}

fn at(first: &Option<Position>, lang: Lang) -> String {
    first.map_or_else(String::new, |p| tr!(lang, "（首次出现在第 {} 行）", " (first at line {})", p.line))
}

impl Problem {
    /// What is wrong, in one line.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        match self {
            Syntax { message } => tr!(lang, "文件格式有误：{message}", "invalid plan file: {message}"),
            Missing { table, field } => tr!(lang, "[{table}] 缺少字段 `{field}`", "[{table}] is missing `{field}`"),
            BadId { what, value } => {
                tr!(lang, "{}编号 “{value}” 不合规", "{} id \"{value}\" is not allowed", thing(what, lang))
            }
            DuplicateId { what, id, first } => {
                tr!(lang, "{}编号 “{id}” 重复{}", "duplicate {} id \"{id}\"{}", thing(what, lang), at(first, lang))
            }
            DuplicateName { name, first } => {
                tr!(
                    lang,
                    "单位名称或别名 “{name}” 重复{}",
                    "unit name or alias \"{name}\" is used twice{}",
                    at(first, lang)
                )
            }
            BadDate { field, value } => tr!(lang, "`{field}` 不是日期：{value}", "`{field}` is not a date: {value}"),
            BadYear { value } => {
                tr!(lang, "年度 {value} 不在 2000–2100 之间", "year {value} is not between 2000 and 2100")
            }
            BadTimezone { value } => tr!(lang, "时区 “{value}” 无法识别", "time zone \"{value}\" is not an offset"),
            ReportDatesOrder => {
                tr!(lang, "报送日期必须从早到晚排列且不重复", "report dates must be in increasing order")
            }
            UnknownUnit { task, name, .. } => {
                tr!(
                    lang,
                    "任务 {task} 中的单位 “{name}” 未在本计划中定义",
                    "task {task} names unit \"{name}\", which the plan does not define"
                )
            }
            UnknownMember { group, name, .. } => {
                tr!(
                    lang,
                    "单位组 “{group}” 的成员 “{name}” 未定义",
                    "group \"{group}\" lists \"{name}\", which is not a unit of the plan"
                )
            }
            NestedGroup { group, name } => {
                tr!(
                    lang,
                    "单位组 “{group}” 的成员 “{name}” 本身是单位组",
                    "group \"{group}\" lists the group \"{name}\" as a member"
                )
            }
            NoUnits { task } => tr!(lang, "任务 {task} 没有责任单位", "task {task} has no responsible unit"),
            UnclearResponsible { task, piece } => tr!(
                lang,
                "任务 {task} 的责任单位栏中，“{piece}” 不是可识别的单位名称，未据此确定责任单位",
                "task {task}: \"{piece}\" in the responsible cell is not a unit's name; no unit was derived from it"
            ),
            EmptyText { field } => tr!(lang, "`{field}` 不能为空", "`{field}` must not be empty"),
            UnparsedDeadline { task, phrase, .. } => {
                tr!(
                    lang,
                    "任务 {task} 的时限 “{phrase}” 无法识别，按原文保留",
                    "task {task}: deadline \"{phrase}\" was not understood; kept as text"
                )
            }
            EmptyGroup { group } => {
                tr!(
                    lang,
                    "单位组 “{group}” 未列出成员，按一个报送单位处理",
                    "group \"{group}\" lists no members; it reports as one unit"
                )
            }
            AfterIssueUndated { task } => {
                tr!(
                    lang,
                    "任务 {task} 的时限以印发日期计算，但计划未写印发日期",
                    "task {task}: the deadline counts from the issue date, which the plan does not give"
                )
            }
            NoTasks => tr!(lang, "计划中没有任何任务", "the plan has no tasks"),
            TwoRoles { task, name, kept, also } => tr!(
                lang,
                "任务 {task} 把 “{name}” 既列为{}单位又列为{}单位，按{}计",
                "task {task} names \"{name}\" both as {} and as {}; it counts as {}",
                kept.label(lang),
                also.label(lang),
                kept.label(lang)
            ),
        }
    }

    /// What to do about it.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use Problem::*;
        Some(match self {
            Syntax { .. } => tr!(
                lang,
                "按提示的行列修正；字符串用英文双引号 \"…\"，日期写成 2022-06-10",
                "fix the file at that line; strings go in \"…\", dates look like 2022-06-10"
            ),
            Missing { field, .. } => tr!(lang, "补上 {field} = …", "add {field} = …"),
            BadId { .. } => tr!(
                lang,
                "编号只能用小写字母、数字、- 和 _，最长 40 个字符",
                "use lower-case letters, digits, - and _ (at most 40 characters)"
            ),
            DuplicateId { .. } => tr!(
                lang,
                "每个编号只能用一次；原文重号时改用如 “33-2” 并加 number = \"33\"",
                "give each an id of its own; for a repeated 序号 use e.g. \"33-2\" with number = \"33\""
            ),
            DuplicateName { .. } => tr!(
                lang,
                "同一单位的不同写法放进同一个 [[unit]] 的 aliases",
                "put spellings of one unit in that unit's aliases"
            ),
            BadDate { .. } => tr!(lang, "日期写成 2022-06-10（不加引号）", "write dates as 2022-06-10 (no quotes)"),
            BadTimezone { .. } => tr!(lang, "写成 \"+08:00\"", "write it as \"+08:00\""),
            ReportDatesOrder => tr!(
                lang,
                "按时间顺序写，如 [2022-06-10, 2022-09-10, 2022-12-10]",
                "list them in order, e.g. [2022-06-10, 2022-09-10, 2022-12-10]"
            ),
            BadYear { .. } => tr!(lang, "写成四位年份，如 year = 2022", "write a four-digit year, e.g. year = 2022"),
            EmptyText { field } => {
                tr!(lang, "填写 {field} 的内容，或删去这一行", "give {field} a value, or remove the line")
            }
            UnknownUnit { suggestions, .. } | UnknownMember { suggestions, .. } if !suggestions.is_empty() => {
                tr!(
                    lang,
                    "是否指：{}？或者在 [[unit]] 中添加该单位",
                    "did you mean: {}? or add it as a [[unit]]",
                    list(suggestions, lang)
                )
            }
            UnknownUnit { .. } | UnknownMember { .. } => tr!(
                lang,
                "在 [[unit]] 中添加该单位，或写成已有单位的别名",
                "add it as a [[unit]], or as an alias of an existing unit"
            ),
            NestedGroup { .. } => tr!(
                lang,
                "成员只列单位；需要时把另一组的成员直接列出",
                "list units only; copy the other group's members instead"
            ),
            NoUnits { .. } => tr!(
                lang,
                "填写 lead 或 units（assist 中的配合单位不算），或在 responsible 中写明牵头或责任单位",
                "fill in lead or units (assist units alone are not enough), or the responsible cell"
            ),
            UnclearResponsible { .. } => tr!(
                lang,
                "在该任务中写明 lead = [\"牵头单位\"] 和 units = [\"责任单位\"]；responsible 仍保留原文",
                "write lead = [\"…\"] and units = [\"…\"] in the task explicitly; responsible keeps the cell as printed"
            ),
            UnparsedDeadline { due: Some(due), .. } => tr!(
                lang,
                "如需按日期统计，请加 due = {due}（按原文改成实际截止日期）",
                "add due = {due} (or the date the document means) if the task should count as dated"
            ),
            UnparsedDeadline { due: None, .. } => tr!(
                lang,
                "如需按日期统计，请加 due = 年-月-日",
                "add due = YYYY-MM-DD if the task should count as dated"
            ),
            EmptyGroup { .. } => tr!(
                lang,
                "如需逐个单位报送，请在 members 中列出成员单位",
                "list its units in members to track each one"
            ),
            AfterIssueUndated { .. } => tr!(
                lang,
                "在 [plan] 中填写 issued，或给任务加 due",
                "set issued in [plan], or give the task a due date"
            ),
            TwoRoles { name, also, .. } => tr!(
                lang,
                "从{}单位中删去 “{name}”，或核对原文",
                "remove \"{name}\" from the {} units, or check the document",
                also.label(lang)
            ),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let src = "a = 1\n名称 = \"x\"\n\nz";
        assert_eq!(Position::at(src, 0), Position { line: 1, col: 1 });
        assert_eq!(Position::at(src, 6), Position { line: 2, col: 1 });
        let eq = src.find('=').map(|_| src.rfind(" = ").unwrap()).unwrap();
        assert_eq!(Position::at(src, eq + 1), Position { line: 2, col: 4 });
        assert_eq!(Position::at(src, src.len()), Position { line: 4, col: 2 });
        assert_eq!(Position::at(src, 7), Position { line: 2, col: 1 }, "inside a character");
        assert_eq!(Position::at(src, 999), Position { line: 4, col: 2 });
    }
}
