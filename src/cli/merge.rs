//! `taizhang merge PLAN FILE... [--dry-run]`: brings in unit ledger files kept on other machines
//! (`.toml`) and filled 台账 spreadsheets (`.xlsx`, `.csv`, made by `taizhang template`), says
//! what each added; merging the same file twice adds nothing. A file with anything wrong is
//! refused whole, and the others still go in.

use std::path::{Path, PathBuf};

use clap::Args;
use taizhang::exchange::{self, Merged};
use taizhang::ledger::{self, Update, WriteOptions};
use taizhang::text::{sanitize, truncate};
use taizhang::{Lang, tr};

use crate::front::{Fail, Global, load, output};

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 各单位报来的台账文件（如 sczj.toml）或填好的台账表格（.xlsx/.csv） / unit ledger files or
    /// filled 台账 sheets
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 只显示将要记入的内容，不写入 / show what would be recorded, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: &MergeArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan, g)?;
    let dir = g.ledger_dir(&plan);
    let notify = |path: &Path, holder: &ledger::LockHolder| output::note(&holder.waiting(path, lang));
    let cache = g.cache();
    let wait = ledger::Wait { notify: &notify, ..ledger::Wait::default() };
    let opts = WriteOptions { clock: g.clock()?, wait, cache: cache.as_ref() };
    let mut failed = 0;
    for file in &args.files {
        let done = if exchange::is_sheet(file) {
            exchange::merge(&plan, &dir, file, &opts, args.dry_run)
                .map(|m| sheet_lines(file, &m, args.dry_run, lang))
                .map_err(|e| e.render(lang))
        } else {
            ledger::merge(&plan, &dir, file, &opts, args.dry_run)
                .map(|m| vec![ledger_line(file, &m, args.dry_run, lang)])
                .map_err(|e| e.render(lang))
        };
        match done {
            Ok(lines) => output::line(&lines.join("\n"))?,
            Err(message) => {
                output::note(&message);
                failed += 1;
            }
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(Fail::MergeFailed { failed: n, total: args.files.len() }),
    }
}

/// "合并 sczj.toml → 市财政局（sczj）：新增 1 条，已有 2 条".
fn ledger_line(file: &Path, m: &ledger::Merged, dry: bool, lang: Lang) -> String {
    let Words { verb, add, tail } = Words::of(dry, lang);
    tr!(
        lang,
        "{verb} {} → {}（{}）：{add} {} 条，已有 {} 条{tail}",
        "{verb} {} → {} ({}): {} {add}, {} already present{tail}",
        file.display(),
        sanitize(&m.unit_name),
        m.unit,
        m.added,
        m.already
    )
}

/// What a filled sheet added: a line for the file, then one per record.
fn sheet_lines(file: &Path, m: &Merged, dry: bool, lang: Lang) -> Vec<String> {
    let added = m.added().count();
    let Words { verb, add, tail } = Words::of(dry, lang);
    let head = tr!(
        lang,
        "{verb} {} → {}（{}）第{}期：{add} {added} 条，已有 {} 条，未改动 {} 行{tail}",
        "{verb} {} → {} ({}) period {}: {added} {add}, {} already present, {} rows unchanged{tail}",
        file.display(),
        sanitize(&m.unit_name),
        m.unit,
        sanitize(&m.period),
        m.already(),
        m.unchanged
    );
    let mut lines = vec![head];
    lines.extend(m.added().map(|u| record_line(u, dry, lang)));
    if m.plan_changed {
        output::note(&tr!(
            lang,
            "注意: {} 生成之后计划的标题改过；各行已按分工编号和计划原文核对",
            "note: the plan's title changed after {} was made; every row was checked against its id and the plan's words",
            file.display()
        ));
    }
    lines
}

/// "  任务 7 · 推进中 60% · 2022-09-08 12:00 · 王五 · 已发布涉企政策3条…（记录 a1b2c3d4e5f6）".
fn record_line(u: &Update, dry: bool, lang: Lang) -> String {
    let percent = u.percent.map(|p| format!(" {p}%")).unwrap_or_default();
    let mut parts =
        vec![tr!(lang, "任务 {}", "task {}", sanitize(&u.task)), format!("{}{percent}", u.status.label(lang))];
    parts.push(u.at.format("%Y-%m-%d %H:%M").to_string());
    parts.extend(u.by.as_deref().map(sanitize));
    parts.extend(u.note.as_deref().map(|n| truncate(&sanitize(&n.replace('\n', " ")), 40)));
    let id = if dry { String::new() } else { tr!(lang, "（记录 {}）", " (record {})", u.id) };
    format!("  {}{id}", parts.join(" · "))
}

/// The words of a merge's line that a dry run changes: it says so, and that nothing was written.
struct Words {
    verb: &'static str,
    add: &'static str,
    tail: &'static str,
}

impl Words {
    fn of(dry: bool, lang: Lang) -> Words {
        match dry {
            false => Words { verb: lang.pick("合并", "merged"), add: lang.pick("新增", "added"), tail: "" },
            true => Words {
                verb: lang.pick("试合并", "would merge"),
                add: lang.pick("将新增", "to add"),
                tail: lang.pick("（未写入任何内容）", " (nothing written)"),
            },
        }
    }
}
