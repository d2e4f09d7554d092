//! Writing files from the interface on a thread of their own, into the working directory: the
//! lead view's summary of the shown period in a chosen format, or a unit's report (报送) for the
//! current period, through the writer `taizhang report` uses (so the bytes are the same), or
//! the chase list as text and CSV. A file already there is never replaced: the new one takes
//! the next free name ("…-第2期-2.html"). The full paths come back as `Exported`, or why
//! nothing was written.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use taizhang::cache::Cache;
use taizhang::ledger::{Ledger, LoadOptions};
use taizhang::report::{self, Kind, Options, Rows, chase};
use taizhang::{Lang, Plan, tr};

use crate::front::render::{Format, Writer};
use crate::front::{Fail, output};
use crate::tui::action::{Action, Job, Written};
use crate::tui::input::Incoming;

/// The width a text report written from the interface is laid out for, in cells.
const TEXT_WIDTH: usize = 120;

/// Where the records are: the ledger directory, and the cache to read it through.
pub struct Records {
    pub dir: PathBuf,
    pub cache: Option<Cache>,
}

/// Writes `job` on another thread; the result comes back to the loop. A unit's report is made
/// from the unit's records as `records` holds them now, read as `taizhang report --unit` reads
/// them (the view may hold only each assignment's latest state of a unit other than its own).
pub fn spawn(plan: Arc<Plan>, mut job: Job, records: Records, lang: Lang, tx: Sender<Incoming>) {
    std::thread::spawn(move || {
        let result = std::env::current_dir()
            .map_err(Fail::Output)
            .and_then(|dir| {
                if let (Written::Unit(_), Some(u)) = (job.what, job.options.unit) {
                    job.ledger = Arc::new(read_unit(&plan, &records, u)?);
                }
                write(&plan, &job, &dir, lang)
            })
            .map_err(|e| e.render(lang));
        let _ = tx.send(Incoming::Done(Action::Exported(result)));
    });
}

/// Unit `u`'s records in the ledger directory (none when there is no directory yet).
fn read_unit(plan: &Plan, records: &Records, u: usize) -> Result<Ledger, Fail> {
    if !records.dir.is_dir() {
        return Ok(Ledger::from_updates(records.dir.clone(), Vec::new()));
    }
    // The real time, read at this edge: what the ledger checks records against.
    let wall = chrono::Local::now().fixed_offset();
    let opts = LoadOptions { cache: records.cache.as_ref(), only: Some(u), ..LoadOptions::new(wall) };
    Ledger::open(plan, &records.dir, &opts).map(|l| l.ledger).map_err(Fail::Ledger)
}

/// Writes `job` into `dir`: the paths written.
pub fn write(plan: &Plan, job: &Job, dir: &Path, lang: Lang) -> Result<Vec<String>, Fail> {
    let opts = &job.options;
    match job.what {
        Written::Summary(format) | Written::Unit(format) => write_report(plan, job, format, dir, lang),
        Written::Chase => {
            let (report, owed) = chase::build(plan, &job.ledger, opts);
            let name = free(dir, &stem(plan, opts, lang.pick("催办清单", "chase"), lang), &["txt", "csv"]);
            let (txt, csv) = (dir.join(format!("{name}.txt")), dir.join(format!("{name}.csv")));
            output::file_with(&txt, |f| buffered(f, |w| chase::write_txt(&report, &owed, lang, w)))?;
            output::file_with(&csv, |f| {
                buffered(f, |w| chase::write_csv(&report, &owed, lang, w).map_err(std::io::Error::from))
            })?;
            Ok(vec![shown(&txt), shown(&csv)])
        }
    }
}

/// The job's report, the summary or a unit's, as `taizhang report` writes it in `format`; a
/// CSV holds one table, so the report's go into a directory, a file each.
fn write_report(plan: &Plan, job: &Job, format: Format, dir: &Path, lang: Lang) -> Result<Vec<String>, Fail> {
    let opts = &job.options;
    let what = match opts.unit.and_then(|u| plan.units.get(u)) {
        Some(unit) => unit.name.as_str(),
        None => lang.pick("汇总", "summary"),
    };
    let stem = stem(plan, opts, what, lang);
    let rows = if opts.kind == Kind::Summary { format.summary_rows() } else { Rows::Every };
    let writer = Writer { format, lang, color: false, pretty: false, width: TEXT_WIDTH };
    if format == Format::Csv {
        let path = dir.join(free(dir, &stem, &[""]));
        let model = report::live(plan, &job.ledger, opts, rows);
        writer.csv_dir(&model, &path, report::csv::Table::of(opts.kind))?;
        return Ok(vec![shown(&path)]);
    }
    format.holds(opts.kind, report::row_count(plan, opts))?;
    let path = dir.join(format!("{}.{}", free(dir, &stem, &[format.ext()]), format.ext()));
    let model = report::live(plan, &job.ledger, opts, rows);
    output::file_with(&path, |f| writer.to_file(&model, f))?;
    Ok(vec![shown(&path)])
}

fn buffered(f: &mut std::fs::File, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    let mut w = BufWriter::new(f);
    write(&mut w)?;
    w.flush()
}

/// "zhongwei-2022-汇总-第3期", "zhongwei-2022-市财政局-第3期": the plan's id, what, the period
/// and, for a report as of a day other than the period's date, that day; nothing in it that a
/// file name cannot hold.
fn stem(plan: &Plan, opts: &Options, what: &str, lang: Lang) -> String {
    let n = opts.period.number;
    let period = tr!(lang, "第{n}期", "period{n}");
    let date = opts.as_of.map(|d| format!("-{d}")).unwrap_or_default();
    let name = format!("{}-{what}-{period}{date}", plan.meta.id);
    name.chars().filter(|c| !matches!(c, '/' | '\\' | ':') && !c.is_control()).collect()
}

/// `stem`, or `stem-2`, `stem-3`…: the first that names no file in `dir` with any of the
/// extensions `exts` ("" for a directory), so nothing written before is replaced.
fn free(dir: &Path, stem: &str, exts: &[&str]) -> String {
    let taken = |name: &str| {
        exts.iter().any(|ext| {
            let file = if ext.is_empty() { name.to_string() } else { format!("{name}.{ext}") };
            dir.join(file).symlink_metadata().is_ok()
        })
    };
    (1..)
        .map(|n| if n == 1 { stem.to_string() } else { format!("{stem}-{n}") })
        .find(|name| !taken(name))
        .unwrap_or_else(|| stem.to_string())
}

/// A path as the status bar shows it: absolute.
fn shown(path: &Path) -> String {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
}

#[cfg(test)]
mod tests;
