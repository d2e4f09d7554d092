//! `taizhang import FILE [-o PLAN.toml] [--title …] [--year N] [--issuer …] [--report-dates …]
//! [--force]`: reads a task table (XLSX/XLS/ODS, DOCX, CSV, TSV, a table pasted into a text
//! file) or, when there is no table, numbered document text with inline 责任单位, and writes a plan
//! file beside it (`<plan id>.toml`, or `-o`), never over an existing file without `--force`,
//! nothing at all on failure. The summary goes to stderr.

use std::path::{Path, PathBuf};

use clap::Args;
use taizhang::import::write::{Meta, Summary, write};
use taizhang::import::{ImportError, meta, read};
use taizhang::text::sanitize;
use taizhang::{Lang, Plan, tr};

use crate::front::{Fail, Global, output};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 任务分工表：Excel/WPS 表格（XLSX、XLS、ODS）、Word/WPS 文档（DOCX）、CSV、TSV，或粘贴了表格、正文的文本文件（UTF-8 或 GBK） / the task table or document
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// 计划文件，默认写在表格旁：<计划编号>.toml / the plan file to write
    #[arg(short = 'o', long = "out", value_name = "PLAN.toml")]
    pub out: Option<PathBuf>,
    /// 文件标题，默认取表格上方的标题行 / the document's title
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// 计划年度，默认取标题中的“2022年” / the plan year
    #[arg(long, value_name = "N")]
    pub year: Option<i32>,
    /// 印发机关 / the issuing office
    #[arg(long, value_name = "OFFICE")]
    pub issuer: Option<String>,
    /// 报送日期（月-日，逗号分隔），默认 6-10,9-10,12-10 / report dates
    #[arg(long, value_name = "M-D,…")]
    pub report_dates: Option<String>,
    /// 覆盖已有的计划文件 / replace an existing plan file
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &ImportArgs, g: &Global) -> Result<(), Fail> {
    let path = &args.file;
    let (doc, encoding) = read::read(path).map_err(Fail::Import)?;
    let found = read::recognise(&doc, path).map_err(Fail::Import)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let title = args.title.clone().or_else(|| found.title.clone()).unwrap_or_else(|| stem.clone());
    let year = args
        .year
        .or_else(|| meta::year_in(&title))
        .ok_or(Fail::Import(ImportError::NoYear { title: title.clone() }))?;
    let report_dates = match &args.report_dates {
        Some(given) => meta::report_dates(given, year).map_err(Fail::Import)?,
        None => Vec::new(),
    };
    let id = meta::plan_id(&stem, &title, year);
    let out = args.out.clone().unwrap_or_else(|| beside(path, &id));
    if out.exists() && !args.force {
        return Err(Fail::Import(ImportError::Exists { path: out }));
    }
    let source = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let m = Meta { id, title, year, issuer: args.issuer.clone(), report_dates, source };
    let written = write(&found.recognised, &m);
    output::file_with(&out, |f| std::io::Write::write_all(f, written.text.as_bytes()))?;
    let errors = match Plan::parse(&written.text, &out) {
        Ok(_) => 0,
        Err(e) => e.render(Lang::En).lines().filter(|l| l.starts_with("error")).count().max(1),
    };
    let file = sanitize(&out.display().to_string());
    output::note(&summary(&file, &written.summary, (&found.skipped, encoding, errors), g.lang()));
    Ok(())
}

/// `<dir of FILE>/<id>.toml`.
fn beside(file: &Path, id: &str) -> PathBuf {
    file.parent().unwrap_or(Path::new("")).join(format!("{id}.toml"))
}

/// The summary: what was written, then what a person should look at.
fn summary(file: &str, s: &Summary, (lines, encoding, errors): (&[usize], &str, usize), lang: Lang) -> String {
    let skipped = lines.len();
    let (tasks, units, groups) = (s.tasks, s.units, s.groups);
    let (unparsed, review) = (s.unparsed_deadlines.len(), s.review.len());
    let mut out = tr!(
        lang,
        "已导入 {file}（{encoding}）：{tasks} 项任务，{units} 个单位，{groups} 个单位组；时限无法识别 {unparsed} 项，需核对 {review} 项，非任务文字跳过 {skipped} 行",
        "imported {file} ({encoding}): {tasks} tasks, {units} units, {groups} groups; {unparsed} unparsed deadline(s), {review} row(s) to review, {skipped} line(s) of text that is not a task skipped"
    );
    let ids = |v: &[String]| v.iter().map(|i| sanitize(i)).collect::<Vec<_>>().join(", ");
    if unparsed > 0 {
        out += &tr!(lang, "\n  时限无法识别的任务：{}", "\n  unparsed deadlines: tasks {}", ids(&s.unparsed_deadlines));
    }
    if skipped > 0 {
        out += &tr!(
            lang,
            "\n  跳过的文字在第 {} 行（请确认其中没有任务或责任单位）",
            "\n  skipped text on line(s) {} (make sure no task or unit is among them)",
            line_list(lines)
        );
    }
    if review > 0 {
        out += &tr!(
            lang,
            "\n  需核对的任务（见“导入时推测”注释）：{}",
            "\n  rows to review (see the 导入时推测 comments): tasks {}",
            ids(&s.review)
        );
    }
    for (alias, name) in &s.merges {
        let (alias, name) = (sanitize(alias), sanitize(name));
        out += &tr!(
            lang,
            "\n  合并为同一单位：{alias} → {name}（请确认）",
            "\n  merged as one unit: {alias} → {name} (please confirm)"
        );
    }
    if errors > 0 {
        out += &tr!(
            lang,
            "\n  注意: 计划文件有 {errors} 处错误，请运行 taizhang check {file}",
            "\n  note: the plan has {errors} error(s); run taizhang check {file}"
        );
    }
    out + &tr!(lang, "\n下一步：taizhang check {file}", "\nnext: taizhang check {file}")
}

/// "3, 9, 12" — at most 20 numbers, then "…".
fn line_list(lines: &[usize]) -> String {
    let mut shown: Vec<String> = lines.iter().take(20).map(|n| n.to_string()).collect();
    if lines.len() > 20 {
        shown.push("…".to_string());
    }
    shown.join(", ")
}
