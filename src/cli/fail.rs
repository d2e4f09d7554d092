//! Why a command failed, rendered in the user's language with a hint, and its exit code.

use taizhang::ledger::{LedgerError, Status};
use taizhang::plan::UnitLookupError;
use taizhang::{Lang, PlanError, tr};

/// A refused command (exit 1) or a usage error (exit 2).
#[derive(Debug)]
pub enum Fail {
    /// The plan could not be loaded; the diagnostics say where.
    Plan(PlanError),
    /// Some plans given to `check` had errors (already printed).
    CheckFailed { failed: usize, total: usize },
    /// `--unit` did not resolve.
    Unit {
        plan: String,
        error: UnitLookupError,
    },
    /// A ledger operation was refused.
    Ledger(LedgerError),
    /// Some files given to `merge` were refused (already printed).
    MergeFailed { failed: usize, total: usize },
    /// `--status` is not a status.
    BadStatus(String),
    /// `--today` is not a date.
    BadToday(String),
    /// Writing the output failed (other than a closed pipe).
    Output(std::io::Error),
}

impl Fail {
    pub fn code(&self) -> u8 {
        match self {
            Fail::BadToday(_) => 2,
            _ => 1,
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Fail::Plan(e) => e.render(lang),
            Fail::CheckFailed { failed, total } => {
                tr!(
                    lang,
                    "{failed}/{total} 个计划文件有错误",
                    "{failed} of {total} plan file(s) have errors"
                )
            }
            Fail::Unit { plan, error } => unit(plan, error, lang),
            Fail::Ledger(e) => e.render(lang),
            Fail::MergeFailed { failed, total } => {
                tr!(
                    lang,
                    "{failed}/{total} 个文件未能合并",
                    "{failed} of {total} file(s) could not be merged"
                )
            }
            Fail::BadStatus(s) => tr!(
                lang,
                "错误: 状态 “{s}” 无法识别
  提示: 可用的状态：{}",
                "error: unknown status \"{s}\"\n  hint: statuses are: {}",
                Status::accepted(lang)
            ),
            Fail::BadToday(s) => tr!(
                lang,
                "错误: --today “{s}” 不是日期或时刻\n  提示: 写成 2022-06-01 或 2022-06-01T09:30:00+08:00",
                "error: --today \"{s}\" is not a date or time\n  hint: write 2022-06-01 or 2022-06-01T09:30:00+08:00"
            ),
            Fail::Output(e) => tr!(
                lang,
                "错误: 无法输出：{e}",
                "error: cannot write output: {e}"
            ),
        }
    }
}

fn unit(plan: &str, error: &UnitLookupError, lang: Lang) -> String {
    let sep = lang.list_sep();
    match error {
        UnitLookupError::Unknown { name, suggestions } if suggestions.is_empty() => tr!(
            lang,
            "错误: 计划 {plan} 中没有单位 “{name}”\n  提示: 用 `taizhang tasks {plan}` 查看各任务的责任单位",
            "error: plan {plan} has no unit \"{name}\"\n  hint: `taizhang tasks {plan}` shows each task's units"
        ),
        UnitLookupError::Unknown { name, suggestions } => tr!(
            lang,
            "错误: 计划 {plan} 中没有单位 “{name}”\n  提示: 相近的单位有：{}",
            "error: plan {plan} has no unit \"{name}\"\n  hint: the closest units are: {}",
            suggestions.join(sep)
        ),
        UnitLookupError::Group { name, members } => tr!(
            lang,
            "错误: “{name}” 是单位组，请指定其中一个单位\n  提示: 成员有：{}",
            "error: \"{name}\" is a group; name one of its units\n  hint: its members are: {}",
            members.join(sep)
        ),
    }
}
