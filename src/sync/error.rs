//! Why a sync was refused or stopped, and what history broke the append-only rule; each in
//! Chinese or English, with what to do.

use std::path::PathBuf;

use super::driver::Clash;
use super::kept::Lost;
use crate::ledger::LedgerError;
use crate::text::sanitize;
use crate::{Lang, tr};

mod clash;

/// A refused or failed sync. Records already committed on this machine stay committed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("git cannot be run: {reason}")]
    NoGit { reason: String },
    #[error("{} is not in a git repository", dir.display())]
    NotARepo { dir: PathBuf },
    #[error("{command} failed: {said}")]
    Git { command: String, said: String },
    #[error("the ledger directory {} is outside the repository {}", dir.display(), top.display())]
    LedgerOutside { dir: PathBuf, top: PathBuf },
    #[error("{path} is not merged by taizhang (no merge=taizhang attribute)")]
    NotRouted { path: String },
    #[error("the repository has no commit yet")]
    NothingCommitted,
    #[error("HEAD is not on a branch")]
    Detached,
    #[error("no remote named {name}")]
    NoSuchRemote { name: String, known: Vec<String> },
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("{path} was deleted here")]
    Deleted { path: String },
    #[error("history rewrites records")]
    Rewritten { whence: Whence, found: Vec<Violation> },
    #[error("{path}: cannot merge")]
    Conflict { path: String, clash: Box<Clash> },
    #[error("git merge refused: {said}")]
    MergeRefused { said: String },
    #[error("both sides changed {paths:?}")]
    OtherConflict { paths: Vec<String> },
    #[error("cannot fetch from {remote}: {said}")]
    Fetch { remote: String, said: String },
    #[error("cannot push to {remote}: {said}")]
    Push { remote: String, said: String },
    #[error("{remote} refused the push: {said:?}")]
    PushRefused { remote: String, said: Vec<String> },
    #[error("{remote} kept moving")]
    Raced { remote: String, attempts: usize },
    #[error("git does not know who commits")]
    NoIdentity { said: String },
}

/// Where history that rewrites records was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whence {
    /// In this machine's unit files, not yet committed.
    Local,
    /// In the commits fetched from the remote.
    Incoming,
    /// In the commits about to be pushed.
    Outgoing,
}

/// One change to a ledger file that breaks the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The commit (empty: the working tree).
    pub commit: String,
    /// The file, relative to the work tree.
    pub path: String,
    pub what: Breach,
}

/// What a change did wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breach {
    /// An older version's record was removed or changed.
    Lost(Lost),
    /// The new version does not parse.
    Unreadable { message: String },
    /// The pusher may not change this unit's file (server hook).
    NotYours { pusher: String, unit: String },
    /// The pusher may change ledger files only (server hook).
    OfficeOnly { pusher: String },
    /// A branch was deleted or rewound (server hook).
    Rewound { refname: String },
}

impl Violation {
    /// One line: file, commit and what happened to which record.
    pub fn render(&self, lang: Lang) -> String {
        let path = &self.path;
        let at = match self.commit.get(..10) {
            _ if self.commit.is_empty() => lang.pick("本机文件（未提交）", "the file here (not committed)").to_string(),
            Some(short) => tr!(lang, "提交 {short}", "commit {short}"),
            None => tr!(lang, "提交 {}", "commit {}", self.commit),
        };
        let line = match &self.what {
            Breach::Lost(Lost::Removed { id }) => {
                tr!(lang, "{path}：{at}，记录 {id} 被删除", "{path}: {at}: record {id} was removed")
            }
            Breach::Lost(Lost::Changed { id }) => {
                tr!(lang, "{path}：{at}，记录 {id} 被改动", "{path}: {at}: record {id} was changed")
            }
            Breach::Unreadable { message } => {
                tr!(lang, "{path}：{at}，文件无法解析：{message}", "{path}: {at}: the file does not parse: {message}")
            }
            Breach::NotYours { pusher, unit } => tr!(
                lang,
                "{path}：{at}，{pusher} 给单位 {unit} 的台账添加了记录（只能写本单位的台账）",
                "{path}: {at}: {pusher} added records to unit {unit}'s ledger (only one's own unit's)"
            ),
            Breach::OfficeOnly { pusher } => tr!(
                lang,
                "{path}：{at}，{pusher} 改动了台账以外的文件（计划等文件只有办公室可以改）",
                "{path}: {at}: {pusher} changed a file that is not a ledger (only the office may change the plan and such)"
            ),
            Breach::Rewound { refname } => tr!(
                lang,
                "{refname}：{at}，分支被删除或回退（只允许追加）",
                "{refname}: {at}: the branch was deleted or rewound (only appending is allowed)"
            ),
        };
        sanitize(&line)
    }
}

impl SyncError {
    /// "错误: …\n  提示: …" in `lang` (text from files and git cannot add lines).
    pub fn render(&self, lang: Lang) -> String {
        if let SyncError::Ledger(e) = self {
            return e.render(lang);
        }
        let (msg, hint) = self.parts(lang);
        let (err, tip) = (lang.pick("错误", "error"), lang.pick("提示", "hint"));
        let mut out = format!("{err}: {}", sanitize(&msg));
        if let SyncError::PushRefused { said, .. } = self {
            for line in said {
                out.push_str(&format!("\n    {}", sanitize(line)));
            }
        }
        if let SyncError::Rewritten { found, .. } = self {
            for v in found.iter().take(20) {
                out.push_str(&format!("\n  {}", v.render(lang)));
            }
            if found.len() > 20 {
                out.push_str(&tr!(lang, "\n  （另 {} 处从略）", "\n  ({} more)", found.len() - 20));
            }
        }
        out + &format!("\n  {tip}: {}", sanitize(&hint))
    }

    fn parts(&self, lang: Lang) -> (String, String) {
        use SyncError::*;
        let init = lang.pick("在计划目录运行 `taizhang sync PLAN --init`", "run `taizhang sync PLAN --init`");
        let kept = lang.pick(
            "本机已提交的记录都还在，稍后再运行 `taizhang sync PLAN`",
            "the records committed here are kept; run `taizhang sync PLAN` again later",
        );
        match self {
            NoGit { reason } => (
                tr!(lang, "无法运行 git（{reason}）", "git cannot be run ({reason})"),
                tr!(lang, "请安装 git（如 apt-get install git、yum install git），使 `git --version` 能运行", "install git (apt-get install git, yum install git) so that `git --version` runs"),
            ),
            NotARepo { dir } => (
                tr!(lang, "{} 不在 git 仓库中", "{} is not in a git repository", dir.display()),
                tr!(lang, "{init}：建立仓库、登记合并程序并提交计划和台账", "{init}: it creates the repository, installs the merge driver and commits the plan and ledgers"),
            ),
            Git { command, said } => (
                tr!(lang, "{command} 失败：{said}", "{command} failed: {said}"),
                lang.pick("按 git 的说明处理后重试；台账文件未被改动", "do what git says, then try again; no ledger file was changed").into(),
            ),
            LedgerOutside { dir, top } => (
                tr!(lang, "台账目录 {} 不在仓库 {} 之内", "the ledger directory {} is outside the repository {}", dir.display(), top.display()),
                lang.pick("台账目录要在计划所在的仓库里：去掉 --data，或把它移进仓库", "keep the ledger directory in the plan's repository: drop --data or move it in").into(),
            ),
            NotRouted { path } => (
                tr!(lang, "{path} 没有交给 taizhang 合并（.gitattributes 中缺少 merge=taizhang）", "{path} is not merged by taizhang (.gitattributes lacks merge=taizhang)"),
                tr!(lang, "{init}，再同步", "{init}, then sync"),
            ),
            NothingCommitted => (lang.pick("仓库中还没有任何提交", "the repository has no commit yet").into(), init.into()),
            Detached => (
                lang.pick("当前不在任何分支上（detached HEAD）", "HEAD is not on a branch (detached)").into(),
                lang.pick("用 `git switch main`（或原来的分支）回到分支上，再同步", "`git switch main` (or your branch), then sync").into(),
            ),
            NoSuchRemote { name, known } if known.is_empty() => (
                tr!(lang, "没有名为 {name} 的远程仓库", "there is no remote named {name}"),
                lang.pick("用 `git remote add origin 仓库地址` 添加", "add one with `git remote add origin URL`").into(),
            ),
            NoSuchRemote { name, known } => (
                tr!(lang, "没有名为 {name} 的远程仓库", "there is no remote named {name}"),
                tr!(lang, "已有的远程仓库：{}", "the remotes are: {}", known.join(lang.list_sep())),
            ),
            Ledger(e) => (e.to_string(), String::new()),
            Deleted { path } => (
                tr!(lang, "台账文件 {path} 在本机被删除了，仓库中仍有", "the ledger file {path} was deleted here but the repository has it"),
                tr!(lang, "台账只增不删：用 `git checkout -- {path}` 恢复，再同步", "ledgers are never deleted: restore it with `git checkout -- {path}`, then sync"),
            ),
            Rewritten { whence, .. } => rewritten(*whence, lang),
            Conflict { path, clash } => clash::parts(path, clash, lang),
            MergeRefused { said } => (
                tr!(lang, "git 无法合并：{said}", "git cannot merge: {said}"),
                lang.pick("本机有未提交的改动（台账以外的文件）挡住了合并：先提交或撤销它们（`git status` 查看），再同步；本机分支未被改动", "changes not committed here (outside the ledgers) are in the way: commit or undo them (see `git status`), then sync; the local branch is untouched").into(),
            ),
            OtherConflict { paths } => (
                tr!(
                    lang,
                    "这些文件两边都改过，git 无法自动合并：{}",
                    "both sides changed these files and git cannot merge them: {}",
                    paths.join(lang.list_sep())
                ),
                lang.pick("它们不是台账文件（如计划文件）：计划应只由办公室修改；本机分支未被改动，请与办公室核对后用 git 处理", "they are not ledger files (the plan, say), which only the office should change; the local branch is untouched: check with the office and resolve them with git").into(),
            ),
            Fetch { remote, said } => (
                tr!(lang, "无法从 {remote} 拉取：{said}", "cannot fetch from {remote}: {said}"),
                tr!(lang, "检查网络和仓库地址（`git remote -v`）；{kept}", "check the network and the address (`git remote -v`); {kept}"),
            ),
            Push { remote, said } => (
                tr!(lang, "无法推送到 {remote}：{said}", "cannot push to {remote}: {said}"),
                tr!(lang, "检查网络和推送权限；{kept}", "check the network and your push rights; {kept}"),
            ),
            PushRefused { remote, .. } => (
                tr!(lang, "{remote} 拒绝了这次推送，服务器说：", "{remote} refused the push; the server said:"),
                lang.pick("服务器的检查（每个单位只能追加自己的台账）未通过：按上面的说明处理，或联系办公室", "the server's check (each unit only appends to its own ledger) failed: do as it says, or ask the office").into(),
            ),
            Raced { remote, attempts } => (
                tr!(lang, "推送了 {attempts} 次，{remote} 每次都已有更新的提交", "pushed {attempts} times; {remote} had newer commits each time"),
                kept.into(),
            ),
            NoIdentity { said } => (
                tr!(lang, "git 不知道提交人是谁：{said}", "git does not know who is committing: {said}"),
                lang.pick("运行 `git config user.name \"市财政局 王五\"` 和 `git config user.email \"wangwu@czj.example\"`，再同步", "run `git config user.name \"Name\"` and `git config user.email \"you@example\"`, then sync").into(),
            ),
        }
    }
}

fn rewritten(whence: Whence, lang: Lang) -> (String, String) {
    match whence {
        Whence::Local => (
            lang.pick("本机台账文件中已有的记录被改动或删除，拒绝提交", "records already committed were changed or removed in a local ledger file; nothing is committed").into(),
            lang.pick("记录一经写入不能改：用 `git diff` 查看，`git checkout -- 文件` 恢复；要更正就追加更正记录（mark --corrects）", "records are never edited: see `git diff`, restore with `git checkout -- FILE`; correct by appending (mark --corrects)").into(),
        ),
        Whence::Incoming => (
            lang.pick("远程仓库的新提交改写了已有的记录，拒绝接收", "the remote's new commits rewrite records; they are refused").into(),
            lang.pick("本机分支未被改动。请办公室查明是谁推送的（`git log`），在服务器上恢复", "the local branch is untouched; ask the office to find who pushed them (`git log`) and restore the server").into(),
        ),
        Whence::Outgoing => (
            lang.pick("本机要推送的提交改写了已有的记录，拒绝推送", "the commits to push rewrite records; nothing is pushed").into(),
            lang.pick("用 `git log -p` 查看是哪次提交；恢复被改的记录后重新提交（更正请追加更正记录）", "find the commit with `git log -p`, restore the records and commit again (correct by appending)").into(),
        ),
    }
}
