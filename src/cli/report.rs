//! `taizhang report PLAN [--kind summary|unit|ledger] [--period N | --as-of DATE] [--unit U]
//! [--format txt|md|csv|html|xlsx|json] [-o FILE]`: builds the report model once and hands it to
//! the renderer of the chosen format.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use taizhang::period::{self, Period};
use taizhang::report::{self, Kind, Options};
use taizhang::{Lang, Plan, clock};

use super::{Fail, Global, load, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Summary,
    Unit,
    Ledger,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Txt,
    Md,
    Csv,
    Html,
    Xlsx,
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// 报告类型：summary 汇总，unit 单位报送，ledger 台账（给了 --unit 时默认 unit，否则 summary）
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
    /// 写入文件（原子写入） / write to this file (atomically)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ReportArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan)?;
    let today = clock::local_date(g.now()?, plan.meta.offset);
    let unit = load::unit(&plan, &args.plan, args.unit.as_deref())?;
    let kind = kind(args, unit, &plan)?;
    let period = choose_period(&plan, args.period, args.as_of, today)?;
    // Once the last report date has passed, a report with no period or date asked for shows the
    // state as of today, so updates recorded late still appear.
    let as_of = match (args.period, args.as_of) {
        (None, None) if today > period.due => Some(today),
        (_, as_of) => as_of,
    };
    let only = if kind == Kind::Summary { None } else { unit };
    let ledger = load::ledger(&plan, &g.ledger_dir(&plan), only, lang)?.unwrap_or_default();
    let mut model = report::build(&plan, &ledger, &Options { kind, period, as_of, unit });
    if kind == Kind::Ledger && unit.is_some() {
        let id = unit.map(|u| plan.units[u].id.clone()).unwrap_or_default();
        model.rows.retain(|r| r.unit == id);
    }
    let format = args.format.or_else(|| args.output.as_deref().and_then(from_extension)).unwrap_or(ReportFormat::Txt);
    let bytes = render(&model, format, lang, args.output.is_none())?;
    match &args.output {
        Some(path) => {
            output::file(path, &bytes)?;
            eprintln!("{}", taizhang::tr!(lang, "已写入 {}", "wrote {}", path.display()));
            Ok(())
        }
        None if format == ReportFormat::Xlsx && std::io::stdout().is_terminal() => Err(Fail::BinaryToTerminal),
        None => output::stdout(&bytes),
    }
}

/// The kind asked for; a unit report needs a unit.
fn kind(args: &ReportArgs, unit: Option<usize>, plan: &Plan) -> Result<Kind, Fail> {
    let kind = match (args.kind, unit) {
        (Some(KindArg::Summary), Some(_)) => return Err(Fail::SummaryWithUnit),
        (Some(KindArg::Summary), None) | (None, None) => Kind::Summary,
        (Some(KindArg::Unit), _) | (None, Some(_)) => Kind::Unit,
        (Some(KindArg::Ledger), _) => Kind::Ledger,
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
fn choose_period(
    plan: &Plan,
    number: Option<usize>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Period, Fail> {
    let periods = period::periods(&plan.meta);
    let last = *periods.last().ok_or(Fail::NoPeriods)?;
    match number {
        Some(n) => {
            periods.get(n.wrapping_sub(1)).copied().ok_or(Fail::NoSuchPeriod { number: n, count: periods.len() })
        }
        None => Ok(period::current(&periods, as_of.unwrap_or(today)).unwrap_or(last)),
    }
}

fn from_extension(path: &Path) -> Option<ReportFormat> {
    let ext = path.extension()?.to_string_lossy().to_lowercase();
    Some(match ext.as_str() {
        "txt" => ReportFormat::Txt,
        "md" | "markdown" => ReportFormat::Md,
        "csv" => ReportFormat::Csv,
        "html" | "htm" => ReportFormat::Html,
        "xlsx" => ReportFormat::Xlsx,
        "json" => ReportFormat::Json,
        _ => return None,
    })
}

fn render(model: &report::Report, format: ReportFormat, lang: Lang, to_stdout: bool) -> Result<Vec<u8>, Fail> {
    let out = |e: String| Fail::Output(std::io::Error::other(e));
    Ok(match format {
        ReportFormat::Txt => {
            let tty = to_stdout && std::io::stdout().is_terminal();
            let color = tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            report::txt::render(model, lang, super::tasks::terminal_width(), color).into_bytes()
        }
        ReportFormat::Md => report::md::render(model, lang).into_bytes(),
        ReportFormat::Csv => report::csv::render(model, lang).map_err(|e| out(e.to_string()))?.into_bytes(),
        ReportFormat::Html => report::html::render(model, lang).into_bytes(),
        // A sheet holds at most 1,048,576 rows, title and header rows included.
        ReportFormat::Xlsx if model.rows.len() > 1_048_576 - 8 => {
            return Err(Fail::TooManyRows { rows: model.rows.len() });
        }
        ReportFormat::Xlsx => report::xlsx::render(model, lang).map_err(|e| out(e.to_string()))?,
        ReportFormat::Json => report::json::render(model).map_err(|e| out(e.to_string()))?.into_bytes(),
    })
}
