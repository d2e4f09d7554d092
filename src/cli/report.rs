//! `taizhang report PLAN [--kind summary|unit|ledger] [--period N | --as-of DATE] [--unit U]
//! [--format txt|md|csv|html|xlsx|json] [--table T] [--pretty] [-o FILE|DIR/]`: folds the rows
//! into the summary in one pass, then hands the report to the renderer of the chosen format,
//! which computes the rows again as it writes them to stdout or the file (none are kept). A CSV
//! is one table (`--table`, or the kind's default); `-o DIR/` writes each table to a file.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
mod chase;
mod tables;

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};
use taizhang::period::{self, Period};
use taizhang::plan::Notice;
use taizhang::report::csv::Table;
use taizhang::report::{self, Kind, Live, Options, Rows, View};
use taizhang::{Plan, clock};

use crate::front::render::{Format as ReportFormat, Writer};
use crate::front::{Fail, Global, load, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Summary,
    Unit,
    Ledger,
    /// 催办清单: units not reported on time and what each owes (txt or csv).
    Chase,
}

/// `--format` takes the names of the formats `front::render` writes (their extensions).
impl ValueEnum for ReportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &ReportFormat::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.ext()))
    }
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 报告类型：summary 汇总，unit 单位报送，ledger 台账，chase 催办清单（给了 --unit 时默认 unit，否则 summary）
    #[arg(long, short = 'k', value_enum)]
    pub kind: Option<KindArg>,
    /// 第几期（从 1 起） / period number
    #[arg(long, short = 'p', value_name = "N", conflicts_with = "as_of")]
    pub period: Option<usize>,
    /// 截至某日（含当天） / as of the end of this date
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// 单位（单位报送必填；台账可选，只列该单位） / unit
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// 输出格式（默认按 -o 的扩展名，否则 txt） / format (default: from -o's extension, else txt)
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ReportFormat>,
    /// CSV 只写一张表（首行为表头）：汇总默认 units，单位报送和台账默认 rows / the one table a CSV
    /// holds (header first): units by default for the summary, rows for unit and ledger reports
    #[arg(long, short = 't', value_parser = tables::parser(), value_name = "TABLE")]
    pub table: Option<Table>,
    /// 写入文件（原子写入）；CSV 可写入目录（以 / 结尾或已存在）：每表一个文件，如 units.csv /
    /// write to this file (atomically); for CSV a directory (ending in / or existing): one file
    /// per table, such as units.csv
    #[arg(long, short = 'o', value_name = "FILE|DIR/")]
    pub output: Option<PathBuf>,
    /// JSON 缩进排版（默认紧凑，一行） / indent JSON (compact, one line, by default)
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub notice: NoticeArgs,
}

/// What the 通报 says of itself, over the plan's `[report]` table.
#[derive(Debug, Args)]
#[command(next_help_heading = "通报 / notice")]
pub struct NoticeArgs {
    /// 通报标题（默认取计划 [report] 表的 title，否则“关于……第N期落实情况的通报”） / notice title
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// 通报文号，如“〔2022〕3号” / notice number
    #[arg(long, value_name = "NO")]
    pub number: Option<String>,
    /// 发文机关（默认计划的 issuer） / issuing office
    #[arg(long, value_name = "OFFICE")]
    pub office: Option<String>,
    /// 签发人 / signer
    #[arg(long, value_name = "NAME")]
    pub signer: Option<String>,
    /// 成文日期（默认数据截至日） / date written (default: the as-of date)
    #[arg(long, value_name = "DATE")]
    pub dated: Option<NaiveDate>,
}

impl NoticeArgs {
    fn notice(&self) -> Notice {
        let text = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
        Notice {
            title: text(&self.title),
            number: text(&self.number),
            office: text(&self.office),
            signer: text(&self.signer),
            date: self.dated,
        }
    }
}

pub fn run(args: &ReportArgs, g: &Global) -> Result<(), Fail> {
    if args.kind == Some(KindArg::Chase) {
        return chase::run(args, g);
    }
    let lang = g.lang();
    let dir = args.output.as_deref().filter(|p| is_dir(p));
    let format = output_format(args, dir)?;
    let plan = load::plan(&args.plan, g)?;
    let today = clock::local_date(g.now()?, plan.meta.offset);
    let unit = load::unit(&plan, &args.plan, args.unit.as_deref())?;
    let kind = kind(args, unit, &plan)?;
    let table = tables::chosen(args.table, format, kind)?;
    let period = choose_period(&plan, args.period, args.as_of, today)?;
    // Once the last report date has passed, a report with no period or date asked for shows the
    // state as of today, so updates recorded late still appear.
    let as_of = match (args.period, args.as_of) {
        (None, None) => period::default_as_of(&period::periods(&plan.meta), &period, today),
        (_, as_of) => as_of,
    };
    let opts = Options { kind, period, as_of, at: None, unit };
    // Decided from the plan alone, before any ledger is read or any row is built.
    format.holds(kind, report::row_count(&plan, &opts))?;
    if format.is_binary() && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Fail::BinaryToTerminal { format: format.ext() });
    }
    let only = if kind == Kind::Summary { None } else { unit };
    let ledger = load::ledger(&plan, g, only, lang)?.unwrap_or_default();
    // A summary printed as text lists only its overdue and completed rows; the rest print all.
    let kept = if kind == Kind::Summary { format.summary_rows() } else { Rows::Every };
    let mut model = report::live(&plan, &ledger, &opts, kept);
    model.notice_over(&args.notice.notice());
    let color = args.output.is_none() && colour_terminal();
    let out = Writer { format, lang, color, pretty: args.pretty, width: super::tasks::terminal_width() };
    match (dir, table) {
        (Some(dir), _) => {
            let tables = args.table.map_or(Table::of(kind).to_vec(), |t| vec![t]);
            write_dir(dir, &tables, &out, &model)?;
        }
        (None, Some(table)) => {
            write(args.output.as_deref(), &out, &model, Some(table))?;
            trail_left_out(args.table, &model, lang);
        }
        (None, None) => write(args.output.as_deref(), &out, &model, None)?,
    }
    let result = load::incomplete(Some(&ledger));
    // The program ends next: what the report was made from is let go whole rather than taken
    // apart record by record (which, for a province, costs a tenth of the whole run).
    std::mem::forget(model);
    std::mem::forget(ledger);
    std::mem::forget(plan);
    result
}

/// The format asked for (`-f`, else from `-o`): CSV for a directory; `--table` only with CSV.
fn output_format(args: &ReportArgs, dir: Option<&Path>) -> Result<ReportFormat, Fail> {
    let format = match (dir, args.format) {
        (Some(_), None | Some(ReportFormat::Csv)) => ReportFormat::Csv,
        (Some(path), Some(f)) => return Err(Fail::DirNotCsv { path: path.to_path_buf(), format: f.ext() }),
        (None, asked) => ReportFormat::for_output(asked, args.output.as_deref())?,
    };
    match (args.table, format) {
        (Some(_), f) if f != ReportFormat::Csv => Err(Fail::TableNotCsv { format: f.ext() }),
        _ => Ok(format),
    }
}

/// Writes the report to the file, or to stdout; `table` is the CSV's.
fn write(path: Option<&Path>, out: &Writer, model: &Live, table: Option<Table>) -> Result<(), Fail> {
    let lang = out.lang;
    match (path, table) {
        (Some(path), Some(t)) => output::file_with(path, |f| out.csv_to_file(model, t, f))?,
        (Some(path), None) => output::file_with(path, |f| out.to_file(model, f))?,
        (None, Some(t)) => return output::print_with(false, |w| out.csv(model, t, w)),
        (None, None) if out.format.is_binary() => return output::binary(&out.bytes(model).map_err(Fail::Output)?),
        // JSON escapes every unsafe character itself (`jsonout`).
        (None, None) if out.format == ReportFormat::Json => return output::print_escaped(|w| out.text(model, w)),
        (None, None) => return output::print_with(out.color, |w| out.text(model, w)),
    }
    if let Some(path) = path {
        output::note(&taizhang::tr!(lang, "已写入 {}", "wrote {}", path.display()));
    }
    Ok(())
}

/// `-o` names a directory: one ending in `/` or one that exists.
fn is_dir(path: &Path) -> bool {
    path.as_os_str().to_string_lossy().ends_with(['/', std::path::MAIN_SEPARATOR]) || path.is_dir()
}

/// Writes each table to `<name>.csv` in `dir`, then says which.
fn write_dir(dir: &Path, tables: &[Table], out: &Writer, model: &Live) -> Result<(), Fail> {
    let names = out.csv_dir(model, dir, tables)?;
    let lang = out.lang;
    let list = names.join(lang.list_sep());
    output::note(&taizhang::tr!(lang, "已写入 {}：{list}", "wrote {}: {list}", dir.display()));
    Ok(())
}

/// A unit or ledger CSV of the assignments says on stderr when the report also has
/// corrections, which are a table of their own.
fn trail_left_out(asked: Option<Table>, model: &Live, lang: taizhang::Lang) {
    let n = model.trail().len();
    if asked.is_none() && model.head().kind != Kind::Summary && n > 0 {
        output::note(&taizhang::tr!(
            lang,
            "注意: 另有 {n} 条更正与撤回记录不在此表中\n  提示: 用 --table trail 导出，或 -o 目录/ 每表写一个文件",
            "note: {n} correction(s) and withdrawal(s) are not in this table\n  hint: export them with --table trail, or one file per table with -o DIR/"
        ));
    }
}

/// The kind asked for; a unit report needs a unit.
fn kind(args: &ReportArgs, unit: Option<usize>, plan: &Plan) -> Result<Kind, Fail> {
    let kind = match (args.kind, unit) {
        (Some(KindArg::Summary), Some(_)) => return Err(Fail::SummaryWithUnit),
        (Some(KindArg::Summary), None) | (None, None) => Kind::Summary,
        (Some(KindArg::Unit), _) | (None, Some(_)) => Kind::Unit,
        (Some(KindArg::Ledger), _) => Kind::Ledger,
        // Handled by `chase::run`.
        (Some(KindArg::Chase), _) => Kind::Summary,
    };
    if kind == Kind::Unit && unit.is_none() {
        let names = plan
            .units
            .iter()
            .enumerate()
            .filter(|(i, _)| !plan.assignments_of(*i).is_empty())
            .map(|(_, u)| u.name.clone())
            .collect();
        return Err(Fail::NeedUnit { names });
    }
    Ok(kind)
}

/// `--period N`, else the period holding `--as-of`, else the current (or next due) period on
/// `today`; after the last report date, the last period (reported as of today: see `run`).
pub(crate) fn choose_period(
    plan: &Plan,
    number: Option<usize>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Period, Fail> {
    let periods = period::periods(&plan.meta);
    match number {
        Some(n) => {
            periods.get(n.wrapping_sub(1)).copied().ok_or(Fail::NoSuchPeriod { number: n, count: periods.len() })
        }
        None => period::default_for(&periods, as_of.unwrap_or(today)).ok_or(Fail::NoPeriods),
    }
}

/// True when stdout is a terminal and `NO_COLOR` is not set.
fn colour_terminal() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
