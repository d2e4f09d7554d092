//! `taizhang check PLAN...`: validates plan files; warnings and errors go to stderr with
//! file:line:col, a one-line summary per file to stdout; exit 1 if any file has errors.

use std::path::PathBuf;

use clap::Args;
use taizhang::plan::Severity;
use taizhang::{Lang, Plan, tr};

use crate::front::{Fail, Global, output};

mod history;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 计划文件 / plan files
    #[arg(required = true, value_name = "PLAN")]
    pub plans: Vec<PathBuf>,
    /// 同时检查台账在 git 历史中从未被改写或删除 / also check that git history never rewrote a ledger record
    #[arg(long)]
    pub ledger: bool,
}

pub fn run(args: &CheckArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let mut failed = 0;
    for path in &args.plans {
        if !check_one(path, args.ledger.then_some(g), lang) {
            failed += 1;
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(Fail::CheckFailed { failed: n, total: args.plans.len() }),
    }
}

/// Prints one file's diagnostics and summary (and, with `ledger`, its ledger's history);
/// false when it has errors.
fn check_one(path: &std::path::Path, ledger: Option<&Global>, lang: Lang) -> bool {
    let file = path.display().to_string();
    match Plan::load(path) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                output::note(&w.render(&file, lang));
            }
            // A closed stdout ends nothing here: the exit code still tells.
            let notes = loaded.warnings.iter().filter(|d| d.severity == Severity::Note).count();
            let warnings = loaded.warnings.len() - notes;
            let _ = output::line(&summary(&file, &loaded.plan, (warnings, notes), lang));
            ledger.is_none_or(|g| history::check(&loaded.plan, g, lang))
        }
        Err(e) => {
            output::note(&e.render(lang));
            false
        }
    }
}

/// The summary line; `notes` (what the plan infers) are counted only when there are some.
fn summary(file: &str, plan: &Plan, (warnings, notes): (usize, usize), lang: Lang) -> String {
    let reporting = plan.units.len();
    let groups = plan.groups.len();
    let tasks = plan.tasks.len();
    let assignments: usize = plan.tasks.iter().map(|t| t.assignees.len()).sum();
    let line = tr!(
        lang,
        "通过 {file}：{tasks} 项任务，{reporting} 个报送单位，{groups} 个单位组，{assignments} 条分工；警告 {warnings} 条",
        "ok {file}: {tasks} tasks, {reporting} reporting units, {groups} groups, {assignments} assignments; {warnings} warning(s)"
    );
    match notes {
        0 => line,
        n => line + &tr!(lang, "，推定说明 {n} 条", ", {n} note(s) on what is inferred"),
    }
}
