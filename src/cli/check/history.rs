//! `taizhang check PLAN --ledger`: the ledger's whole git history, every commit against each of
//! its parents, checked to have only added records; each rewrite reported by file, commit and
//! record id.

use taizhang::sync::history;
use taizhang::text::sanitize;
use taizhang::{Lang, Plan, tr};

use crate::front::{Global, output};

/// Prints what the history check found; false when a record was rewritten or the check failed.
pub fn check(plan: &Plan, g: &Global, lang: Lang) -> bool {
    let dir = g.ledger_dir(plan);
    let checked = match history::check_all(plan.dir(), &dir) {
        Ok(c) => c,
        Err(e) => {
            output::note(&e.render(lang));
            return false;
        }
    };
    for v in &checked.violations {
        output::note(&tr!(lang, "错误: {}", "error: {}", v.render(lang)));
    }
    let (shown, commits, changes) = (sanitize(&dir.display().to_string()), checked.commits, checked.changes);
    if checked.violations.is_empty() {
        let _ = output::line(&tr!(
            lang,
            "通过 台账历史 {shown}：{commits} 个提交，{changes} 处台账改动，没有记录被改写或删除",
            "ok ledger history {shown}: {commits} commit(s), {changes} change(s) to ledger files, no record rewritten or removed"
        ));
        return true;
    }
    output::note(&tr!(
        lang,
        "错误: 台账历史 {shown} 中有 {} 处改写或删除了记录\n  提示: 记录一经写入不能改；请办公室找出这些提交的推送者，在服务器上恢复原记录（更正应追加更正记录）",
        "error: the ledger history {shown} rewrites or removes records in {} place(s)\n  hint: records are never edited: have the office find who pushed these commits and restore the records on the server (corrections are appended)",
        checked.violations.len()
    ));
    false
}
