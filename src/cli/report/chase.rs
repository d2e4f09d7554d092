//! `taizhang report PLAN --kind chase [--period N | --as-of DATE] [-f txt|csv] [-o FILE]`: the
//! chase list (催办清单) — the units that have not reported on time in the period and the
//! assignments each still owes — as text ready to paste into a notice, or as CSV. The same list
//! the lead view writes with `w`; a unit whose 台账 sheet has not come back (and been merged)
//! is on it.

use std::io::{BufWriter, Write};

use taizhang::report::{Kind, Options, chase};
use taizhang::{clock, period};

use super::ReportArgs;
use crate::front::render::Format;
use crate::front::{Fail, Global, load, output};

pub fn run(args: &ReportArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let format = Format::for_output(args.format, args.output.as_deref())?;
    if !matches!(format, Format::Txt | Format::Csv) {
        return Err(Fail::ChaseFormat { format: format.ext() });
    }
    if args.unit.is_some() {
        return Err(Fail::SummaryWithUnit);
    }
    let plan = load::plan(&args.plan, g)?;
    let today = clock::local_date(g.now()?, plan.meta.offset);
    let period = super::choose_period(&plan, args.period, args.as_of, today)?;
    let as_of = match (args.period, args.as_of) {
        (None, None) => period::default_as_of(&period::periods(&plan.meta), &period, today),
        (_, as_of) => as_of,
    };
    let opts = Options { kind: Kind::Summary, period, as_of, at: None, unit: None };
    let ledger = load::ledger(&plan, g, None, lang)?.unwrap_or_default();
    let (report, owed) = chase::build(&plan, &ledger, &opts);
    let write = |w: &mut dyn Write| match format {
        Format::Csv => chase::write_csv(&report, &owed, lang, w).map_err(std::io::Error::from),
        _ => chase::write_txt(&report, &owed, lang, w),
    };
    match &args.output {
        Some(path) => {
            output::file_with(path, |f| {
                let mut w = BufWriter::new(f);
                write(&mut w)?;
                w.flush()
            })?;
            output::note(&taizhang::tr!(lang, "已写入 {}", "wrote {}", path.display()));
        }
        None => output::print_with(false, write)?,
    }
    load::incomplete(Some(&ledger))
}
