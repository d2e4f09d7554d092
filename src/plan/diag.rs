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
        let breaks = || memchr::memchr_iter(b'\n', src.as_bytes());
        // Counted first, so that a 1.2 MB plan's 17,000 line starts are stored without regrowing.
        let mut starts = Vec::with_capacity(breaks().count() + 1);
        starts.push(0);
        starts.extend(breaks().map(|i| i + 1));
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

/// What a plan sets that its document does not state.
#[derive(Debug, Clone, PartialEq)]
pub enum Inferred {
    /// A `[plan]` field, by key.
    Meta(&'static str),
    /// A group's members.
    Group(String),
    /// A task's units.
    Task(String),
    /// Which units a task's deadline clause binds.
    Clause(String),
}

/// Error, warning, or a note (something `check` tells but that is not wrong).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Note,
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
    /// A deadline clause names a unit that is not on its task.
    ClauseUnitNotOnTask { task: String, name: String },
    /// Two deadline clauses of a task bind the same unit.
    ClauseOverlap { task: String, name: String },
    /// A scope rule names a unit the plan does not define.
    ScopeUnknownUnit { name: String, suggestions: Vec<String> },
    /// A scope rule's `from` or `to` is no task's id.
    ScopeUnknownTask { id: String },
    /// A scope rule covers no task.
    ScopeCoversNothing,
    /// A scope rule's `role` is not lead, responsible or assist.
    BadRole { value: String },
    /// A group's `kind` is neither "every" nor "concerned".
    BadGroupKind { group: String, value: String },
    /// Warning: a group the document names openly; `taken` are the members the tasks also name
    /// on their own, out of `members`.
    OpenGroup { group: String, members: usize, taken: Vec<String> },
    /// Note: something the document does not state, set for `reason`.
    Inferred { what: Inferred, reason: String },
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

    pub fn note(pos: Option<Position>, problem: Problem) -> Diagnostic {
        Diagnostic { severity: Severity::Note, pos, problem }
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
            Severity::Note => lang.pick("说明", "note"),
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

mod text;

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
