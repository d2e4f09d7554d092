//! `taizhang template PLAN (--unit U | --all) [-o FILE|DIR] [--period N] [-f xlsx|csv]
//! [--force]`: a unit's 台账 spreadsheet to send out and fill in (or one per unit in a
//! directory), prefilled with what each unit last recorded. Files are written atomically and an
//! existing one only with `--force` (a directory may already hold filled sheets that came back).

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use taizhang::exchange::{self, Template};
use taizhang::period::Period;
use taizhang::{Plan, clock, tr};

use crate::front::{Fail, Global, load, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    Xlsx,
    Csv,
}

impl SheetFormat {
    fn ext(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Csv => "csv",
        }
    }
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("units").required(true).args(["unit", "all"])))]
pub struct TemplateArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 单位（名称、别名或编号） / unit (name, alias or id)
    #[arg(long, short = 'u', value_name = "UNIT", conflicts_with = "all")]
    pub unit: Option<String>,
    /// 每个有分工的单位一个文件，写入 -o 目录 / one file per unit with assignments, into -o DIR
    #[arg(long)]
    pub all: bool,
    /// 第几期（默认为今天所在的一期） / period number (default: the current one)
    #[arg(long, short = 'p', value_name = "N")]
    pub period: Option<usize>,
    /// 格式（默认按 -o 的扩展名，否则 xlsx） / format (default: from -o's extension, else xlsx)
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<SheetFormat>,
    /// 输出文件（--unit）或目录（--all）；默认在当前目录，按单位命名 / output file (--unit) or
    /// directory (--all); by default in the current directory, named by unit
    #[arg(long, short = 'o', value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// 覆盖已有的同名文件 / replace files that exist
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &TemplateArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan, g)?;
    let now = g.now()?;
    let today = clock::local_date(now, plan.meta.offset);
    let period = super::report::choose_period(&plan, args.period, None, today)?;
    let format = format(args)?;
    let units = match &args.unit {
        Some(name) => vec![load::one_unit(&plan, &args.plan, name)?],
        None => (0..plan.units.len()).filter(|&u| !plan.assignments_of(u).is_empty()).collect(),
    };
    if let [u] = units[..]
        && plan.assignments_of(u).is_empty()
    {
        return Err(Fail::NoAssignments { unit: plan.units[u].name.clone() });
    }
    let only = args.unit.as_ref().and(units.first().copied());
    let ledger = load::ledger(&plan, g, only, lang)?.unwrap_or_default();
    let broken: Vec<&str> = ledger.unreadable().iter().map(|u| u.unit.as_str()).collect();
    if !broken.is_empty() {
        let names: Vec<String> =
            broken.iter().filter_map(|id| plan.unit_index(id)).map(|i| plan.units[i].name.clone()).collect();
        output::note(&tr!(
            lang,
            "注意: 台账文件有误的单位不生成表格（否则预填的内容不对）：{}",
            "note: no sheet for units whose ledger file cannot be read (its prefill would be wrong): {}",
            taizhang::text::sanitize(&names.join(lang.list_sep()))
        ));
    }
    let made: Vec<Template> = units
        .iter()
        .filter(|&&u| !broken.contains(&plan.units[u].id.as_str()))
        .map(|&u| exchange::build(&plan, &ledger, u, &period, now, lang))
        .collect();
    let paths = targets(args, &plan, &period, &made, format)?;
    let exists: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
    if !args.force && !exists.is_empty() {
        return Err(Fail::TemplateExists { paths: exists });
    }
    for (t, path) in made.iter().zip(&paths) {
        let bytes = match format {
            SheetFormat::Xlsx => exchange::xlsx(t),
            SheetFormat::Csv => exchange::csv(t),
        }
        .map_err(Fail::Exchange)?;
        output::file_with(path, |f| std::io::Write::write_all(f, &bytes))?;
        let filled = t.rows.iter().filter(|r| r.values.status.is_some()).count();
        output::line(&tr!(
            lang,
            "已写入 {}（{} 项分工，{} 项已预填最近一次填报）",
            "wrote {} ({} assignments, {} prefilled with the latest report)",
            path.display(),
            t.rows.len(),
            filled
        ))?;
    }
    if made.len() > 1 {
        output::note(&tr!(
            lang,
            "共 {} 个单位的第{}期台账表格；收回后用 `taizhang merge {} 文件...` 合并（可先加 --dry-run）",
            "{} units' sheets for period {}; when they come back: `taizhang merge {} FILE...` (try --dry-run first)",
            made.len(),
            period.number,
            args.plan.display()
        ));
    }
    load::incomplete(Some(&ledger))
}

/// The format asked for, else `-o`'s extension (for one unit), else XLSX.
fn format(args: &TemplateArgs) -> Result<SheetFormat, Fail> {
    let ext = args
        .output
        .as_ref()
        .filter(|_| !args.all)
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    let by_ext = match ext.as_deref() {
        None => None,
        Some("xlsx") => Some(SheetFormat::Xlsx),
        Some("csv") => Some(SheetFormat::Csv),
        Some(_) => return Err(Fail::SheetExtension { path: args.output.clone().unwrap_or_default() }),
    };
    match (args.format, by_ext) {
        (Some(f), Some(e)) if f != e => Err(Fail::SheetExtension { path: args.output.clone().unwrap_or_default() }),
        (f, e) => Ok(f.or(e).unwrap_or(SheetFormat::Xlsx)),
    }
}

/// Where each template goes: `-o FILE` for one unit; for `--all`, a file per unit (named by
/// unit, made unique by the unit's id when two names come out alike) in `-o DIR`, made if
/// missing; by default the current directory (one unit) or `<plan id>-第N期台账/`.
fn targets(
    args: &TemplateArgs,
    plan: &Plan,
    period: &Period,
    made: &[Template],
    format: SheetFormat,
) -> Result<Vec<PathBuf>, Fail> {
    let ext = format.ext();
    if !args.all {
        let name = || PathBuf::from(made.first().map(|t| exchange::file_name(t, ext)).unwrap_or_default());
        return Ok(vec![args.output.clone().unwrap_or_else(name)]);
    }
    let dir = args.output.clone().unwrap_or_else(|| default_dir(plan, period, made));
    std::fs::create_dir_all(&dir).map_err(|source| Fail::WriteFile { path: dir.clone(), source })?;
    let mut names: Vec<String> = Vec::new();
    for t in made {
        let mut name = exchange::file_name(t, ext);
        if names.contains(&name) {
            name = name.replacen(&format!(".{ext}"), &format!("-{}.{ext}", t.meta.unit), 1);
        }
        names.push(name);
    }
    Ok(names.iter().map(|n| dir.join(n)).collect())
}

/// `zhongwei-2022-第2期台账/`.
fn default_dir(plan: &Plan, period: &Period, made: &[Template]) -> PathBuf {
    let lang = made.first().map(|t| t.meta.lang).unwrap_or_default();
    let id: String = plan.meta.id.chars().filter(|c| c.is_alphanumeric() || "-_".contains(*c)).collect();
    Path::new(&match lang {
        taizhang::Lang::Zh => format!("{id}-第{}期台账", period.number),
        taizhang::Lang::En => format!("{id}-period-{}", period.number),
    })
    .to_path_buf()
}
