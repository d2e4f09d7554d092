//! Writing the lead view's files on a thread of their own, into the working directory: the
//! shown period's summary in a chosen format (through the writer `taizhang report` uses, so the
//! bytes are the same) or the chase list as text and CSV. The full paths come back as
//! `Exported`, or why nothing was written.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use taizhang::report::{self, Options, chase};
use taizhang::{Lang, Plan, tr};

use crate::front::render::{Format, Writer};
use crate::front::{Fail, output};
use crate::tui::action::{Action, Job, Written};
use crate::tui::input::Incoming;

/// The width a text summary written from the lead view is laid out for, in cells.
const TEXT_WIDTH: usize = 120;

/// Writes `job` on another thread; the result comes back to the loop.
pub fn spawn(plan: Arc<Plan>, job: Job, lang: Lang, tx: Sender<Incoming>) {
    std::thread::spawn(move || {
        let result = std::env::current_dir()
            .map_err(|e| Fail::Output(e).render(lang))
            .and_then(|dir| write(&plan, &job, &dir, lang).map_err(|e| e.render(lang)));
        let _ = tx.send(Incoming::Done(Action::Exported(result)));
    });
}

/// Writes `job` into `dir`: the paths written.
pub fn write(plan: &Plan, job: &Job, dir: &Path, lang: Lang) -> Result<Vec<String>, Fail> {
    let opts = &job.options;
    match job.what {
        // A CSV holds one table: the summary's go into a directory, a file each.
        Written::Summary(Format::Csv) => {
            let path = dir.join(file_name(plan, opts, lang.pick("汇总", "summary"), "csv", lang).with_extension(""));
            let model = report::live(plan, &job.ledger, opts, Format::Csv.summary_rows());
            let writer = Writer { format: Format::Csv, lang, color: false, pretty: false, width: TEXT_WIDTH };
            writer.csv_dir(&model, &path, &report::csv::Table::SUMMARY)?;
            Ok(vec![shown(&path)])
        }
        Written::Summary(format) => {
            format.holds(opts.kind, report::row_count(plan, opts))?;
            let path = dir.join(file_name(plan, opts, lang.pick("汇总", "summary"), format.ext(), lang));
            let model = report::live(plan, &job.ledger, opts, format.summary_rows());
            let writer = Writer { format, lang, color: false, pretty: false, width: TEXT_WIDTH };
            output::file_with(&path, |f| writer.to_file(&model, f))?;
            Ok(vec![shown(&path)])
        }
        Written::Chase => {
            // Only the owed rows are kept (not a province's 50,000).
            let keep = &mut |r: &report::RowRef| chase::owes(r.reported, r.bucket);
            let (report, _) = report::build_kept(plan, &job.ledger, opts, keep);
            let owed = chase::owed(&report);
            let word = lang.pick("催办清单", "chase");
            let txt = dir.join(file_name(plan, opts, word, "txt", lang));
            output::file_with(&txt, |f| buffered(f, |w| chase::write_txt(&report, &owed, lang, w)))?;
            let csv = dir.join(file_name(plan, opts, word, "csv", lang));
            output::file_with(&csv, |f| {
                buffered(f, |w| chase::write_csv(&report, &owed, lang, w).map_err(std::io::Error::from))
            })?;
            Ok(vec![shown(&txt), shown(&csv)])
        }
    }
}

fn buffered(f: &mut std::fs::File, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    let mut w = BufWriter::new(f);
    write(&mut w)?;
    w.flush()
}

/// "zhongwei-2022-汇总-第3期.html": the plan's id, what, the period and, for a report as of a
/// day other than the period's date, that day.
fn file_name(plan: &Plan, opts: &Options, what: &str, ext: &str, lang: Lang) -> PathBuf {
    let id: String = plan.meta.id.chars().filter(|c| !matches!(c, '/' | '\\' | ':') && !c.is_control()).collect();
    let n = opts.period.number;
    let period = tr!(lang, "第{n}期", "period{n}");
    let date = opts.as_of.map(|d| format!("-{d}")).unwrap_or_default();
    PathBuf::from(format!("{id}-{what}-{period}{date}.{ext}"))
}

/// A path as the status bar shows it: absolute.
fn shown(path: &Path) -> String {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
}

#[cfg(test)]
mod tests;
