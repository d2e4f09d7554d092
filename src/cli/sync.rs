//! `taizhang sync PLAN [--init] [--remote NAME]`: ledgers through git (`taizhang::sync`); says
//! what was committed, what came in and what went out, unit by unit.

use std::path::{Path, PathBuf};

use clap::Args;
use taizhang::sync::{self, Initialised, Options, Stopped, Synced, UnitCount, total};
use taizhang::text::sanitize;
use taizhang::{Lang, tr};

use crate::front::{Fail, Global, load, output};

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 建立仓库（如没有）、登记合并程序、提交计划和台账 / set up the repository and the merge driver
    #[arg(long)]
    pub init: bool,
    /// 远程仓库名，默认为当前分支跟踪的或唯一的远程仓库 / the remote (default: the branch's, or the only one)
    #[arg(long, value_name = "NAME", conflicts_with = "init")]
    pub remote: Option<String>,
}

pub fn run(args: &SyncArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan, g)?;
    let (program, on_path) = program();
    let opts = Options {
        ledger_dir: g.ledger_dir(&plan),
        remote: args.remote.clone(),
        today: g.now()?.date_naive(),
        driver: sync::driver_command(&program),
        lang,
    };
    if args.init {
        let done = sync::init(&plan, &opts).map_err(Fail::Sync)?;
        return output::print(&initialised(&done, on_path, lang));
    }
    let done = match sync::sync(&plan, &opts) {
        Ok(done) => done,
        Err(stopped) => {
            // What was done before it stopped (records committed here stay committed).
            let Stopped { done, error } = *stopped;
            let said = synced(&done, lang);
            if !done.committed.is_empty() || !done.came_in.is_empty() {
                output::print(&said)?;
            }
            return Err(Fail::Sync(error));
        }
    };
    if done.installed_driver {
        output::note(&tr!(
            lang,
            "已在本仓库登记合并程序：{}",
            "registered the merge driver in this repository: {}",
            sanitize(&opts.driver)
        ));
    }
    output::print(&synced(&done, lang))?;
    if done.remote.is_none() {
        output::note(lang.pick(
            "提示: 没有远程仓库，记录只提交在本机。用 `git remote add origin 仓库地址` 添加（见 README“通过 git 同步台账”），再运行 taizhang sync",
            "hint: there is no remote, so records are committed here only. Add one with `git remote add origin URL` (README, syncing through git), then run taizhang sync",
        ));
    }
    Ok(())
}

/// The program git should run as the merge driver: `taizhang` when that name on PATH is this
/// very program, else this program's absolute path; and whether it was found on PATH.
fn program() -> (String, bool) {
    let exe = std::env::current_exe().ok();
    let real = |p: &Path| p.canonicalize().ok();
    let this = exe.as_deref().and_then(real);
    let on_path = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|d| this.is_some() && real(&d.join("taizhang")) == this)
    });
    match (on_path, exe) {
        (true, _) => ("taizhang".into(), true),
        (false, Some(e)) => (e.to_string_lossy().into_owned(), false),
        (false, None) => ("taizhang".into(), false),
    }
}

/// "市财政局 3 条、市统计局 1 条".
fn units(list: &[UnitCount], lang: Lang) -> String {
    let each = list.iter().map(|c| tr!(lang, "{} {} 条", "{} {}", sanitize(&c.name), c.records));
    each.collect::<Vec<_>>().join(lang.list_sep())
}

/// "拉取 origin/main：市财政局 2 条（共 2 条）", or nothing when no record moved.
fn moved(verb: &str, place: &str, list: &[UnitCount], lang: Lang) -> String {
    if list.is_empty() {
        return String::new();
    }
    let (n, each) = (total(list), units(list, lang));
    tr!(lang, "{verb} {place}：{each}（共 {n} 条）\n", "{verb} {place}: {each} ({n} record(s))\n")
}

fn synced(done: &Synced, lang: Lang) -> String {
    let mut out = String::new();
    let place = match &done.remote {
        Some(r) => format!("{r}/{}", done.branch),
        None => String::new(),
    };
    if !done.committed.is_empty() {
        let (n, commits) = (total(&done.committed), done.committed.len());
        out += &tr!(
            lang,
            "提交：{}（共 {n} 条，{commits} 个提交）\n",
            "committed: {} ({n} record(s), {commits} commit(s))\n",
            units(&done.committed, lang)
        );
    }
    out += &moved(lang.pick("拉取", "pulled from"), &place, &done.came_in, lang);
    out += &moved(lang.pick("推送到", "pushed to"), &place, &done.went_out, lang);
    if done.went_out.is_empty() && done.pushed > 0 {
        let n = done.pushed;
        out += &tr!(
            lang,
            "推送到 {place}：{n} 个提交（没有台账记录）\n",
            "pushed to {place}: {n} commit(s) (no ledger records)\n"
        );
    }
    if done.retries > 0 {
        out += &tr!(
            lang,
            "（推送时 {place} 已有新提交，重新拉取合并了 {} 次）\n",
            "({place} had moved on; fetched and merged again {} time(s))\n",
            done.retries
        );
    }
    if out.is_empty() {
        out = match &done.remote {
            Some(_) => {
                tr!(lang, "已是最新：本机与 {place} 都没有新记录\n", "up to date: no new records here or on {place}\n")
            }
            None => lang.pick("没有新记录要提交\n", "no new records to commit\n").into(),
        };
    }
    out
}

fn initialised(done: &Initialised, on_path: bool, lang: Lang) -> String {
    let top = done.top.display();
    let mut out = match done.created {
        true => tr!(lang, "已建立 git 仓库：{top}\n", "created a git repository: {top}\n"),
        false => tr!(lang, "git 仓库：{top}\n", "git repository: {top}\n"),
    };
    if let Some(line) = &done.attributes {
        out += &tr!(lang, ".gitattributes 已加入：{line}\n", ".gitattributes now has: {line}\n");
    }
    let how = match on_path {
        true => lang.pick("（PATH 中的 taizhang）", " (taizhang on PATH)"),
        false => lang.pick(
            "（本程序的完整路径；taizhang 不在 PATH 中）",
            " (this program's full path; taizhang is not on PATH)",
        ),
    };
    out += &tr!(lang, "合并程序：{}{how}\n", "merge driver: {}{how}\n", sanitize(&done.driver));
    if !done.files.is_empty() {
        out += &tr!(lang, "已提交：{}\n", "committed: {}\n", sanitize(&done.files.join(" ")));
    }
    if !done.committed.is_empty() {
        out += &tr!(lang, "已提交台账：{}\n", "committed ledgers: {}\n", units(&done.committed, lang));
    }
    out
}
