//! `--table`: which one table of a report a CSV holds, by the names `report::csv::Table` gives
//! its tables, each with what it holds in `--help`.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use taizhang::report::Kind;
use taizhang::report::csv::Table;

use crate::front::Fail;
use crate::front::render::Format;

/// Every table, in the order `--help` lists them: a unit or ledger report's, then a summary's.
fn all() -> impl Iterator<Item = Table> {
    Table::ROWS.into_iter().chain(Table::SUMMARY)
}

/// What a table holds, for `--help`.
fn help(t: Table) -> &'static str {
    match t {
        Table::Rows => "分工明细（单位报送、台账的默认表） / the assignments (default for unit and ledger reports)",
        Table::Trail => "更正与撤回记录（单位报送、台账） / corrections and withdrawals (unit and ledger reports)",
        Table::Totals => "总体情况，一行（汇总） / totals, one row (summary)",
        Table::Buckets => "进度分布，一行（汇总） / assignments per schedule bucket, one row (summary)",
        Table::Units => "各单位完成情况排名（汇总的默认表） / units ranked (default for the summary)",
        Table::Sections => "分领域完成情况（汇总） / by section (summary)",
        Table::Overdue => "逾期未完成事项（汇总） / overdue assignments (summary)",
        Table::NotReported => "本期未报送单位（汇总） / units that did not report on time (summary)",
        Table::Completed => "本期完成事项（汇总） / completed this period (summary)",
    }
}

/// Parses `--table NAME` into its table; clap lists the names and refuses others.
pub fn parser() -> impl TypedValueParser<Value = Table> {
    let values: Vec<PossibleValue> = all().map(|t| PossibleValue::new(t.name()).help(help(t))).collect();
    PossibleValuesParser::new(values).map(|name| all().find(|t| t.name() == name).unwrap_or(Table::Units))
}

/// The CSV's table: the one asked for, if the kind has it, else the kind's default; none for
/// other formats.
pub fn chosen(asked: Option<Table>, format: Format, kind: Kind) -> Result<Option<Table>, Fail> {
    if format != Format::Csv {
        return Ok(None);
    }
    match asked {
        Some(t) if !t.fits(kind) => Err(Fail::NoSuchTable { table: t.name(), kind }),
        Some(t) => Ok(Some(t)),
        None => Ok(Some(Table::default_for(kind))),
    }
}
