//! Files the interface writes: the same bytes as `taizhang report`'s writer, named by plan,
//! kind (or unit) and period, never over a file already there, and the chase list as text and
//! CSV.

use std::sync::Arc;

use taizhang::Lang;
use taizhang::ledger::Ledger;
use taizhang::report;

use super::*;
use crate::front::render::{Format, Writer};
use crate::tui::app::tests::plan;
use crate::tui::lead::tests::updates;

fn job(what: Written) -> Job {
    let plan = plan();
    let period = taizhang::period::periods(&plan.meta)[1];
    let options = Options { kind: report::Kind::Summary, period, as_of: None, at: None, unit: None };
    Job { what, options, ledger: Arc::new(Ledger::from_updates("x".into(), updates())) }
}

#[test]
fn a_summary_is_written_as_the_report_command_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, job) = (plan(), job(Written::Summary(Format::Html)));
    let paths = write(&plan, &job, dir.path(), Lang::Zh).unwrap();
    let path = dir.path().join("zhongwei-2022-汇总-第2期.html");
    assert_eq!(paths, [path.display().to_string()]);
    let model = report::live(&plan, &job.ledger, &job.options, Format::Html.summary_rows());
    let mut expected = Vec::new();
    let w = Writer { format: Format::Html, lang: Lang::Zh, color: false, pretty: false, width: TEXT_WIDTH };
    w.text(&model, &mut expected).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), expected);
}

#[test]
fn the_chase_list_is_written_as_text_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write(&plan(), &job(Written::Chase), dir.path(), Lang::En).unwrap();
    assert_eq!(paths.len(), 2);
    assert!(paths[0].ends_with("zhongwei-2022-chase-period2.txt"), "{paths:?}");
    let txt = std::fs::read_to_string(&paths[0]).unwrap();
    assert!(txt.contains("units that have not reported for period 2"), "{txt}");
    let csv = std::fs::read_to_string(&paths[1]).unwrap();
    assert!(csv.starts_with('\u{FEFF}'), "with the BOM for Excel");
}

#[test]
fn a_directory_that_cannot_be_written_says_why() {
    let err =
        write(&plan(), &job(Written::Summary(Format::Md)), std::path::Path::new("/no/such/dir"), Lang::Zh).unwrap_err();
    assert!(err.render(Lang::Zh).contains("/no/such/dir"), "{}", err.render(Lang::Zh));
}

#[test]
fn a_csv_summary_is_a_directory_of_one_table_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write(&plan(), &job(Written::Summary(Format::Csv)), dir.path(), Lang::Zh).unwrap();
    let out = dir.path().join("zhongwei-2022-汇总-第2期");
    assert_eq!(paths, [out.display().to_string()]);
    for t in report::csv::Table::SUMMARY {
        let text = std::fs::read_to_string(out.join(format!("{}.csv", t.name()))).unwrap();
        let mut rows = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        let lens: Vec<usize> = rows.records().map(|r| r.unwrap().len()).collect();
        assert!(!lens.is_empty() && lens.iter().all(|&n| n == lens[0]), "{}: {lens:?}", t.name());
    }
}

/// A unit's report for the period: the bytes `taizhang report --unit U -f html` writes, named
/// by the unit; a second one beside it takes the next name and leaves the first as it was.
#[test]
fn a_units_report_is_written_as_the_report_command_writes_it_and_never_over_another() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan();
    let u = plan.find_unit("市财政局").unwrap();
    let mut job = job(Written::Unit(Format::Html));
    job.options.kind = report::Kind::Unit;
    job.options.unit = Some(u);
    let first = write(&plan, &job, dir.path(), Lang::Zh).unwrap();
    let path = dir.path().join("zhongwei-2022-市财政局-第2期.html");
    assert_eq!(first, [path.display().to_string()]);
    let model = report::live(&plan, &job.ledger, &job.options, report::Rows::Every);
    let mut expected = Vec::new();
    let w = Writer { format: Format::Html, lang: Lang::Zh, color: false, pretty: false, width: TEXT_WIDTH };
    w.text(&model, &mut expected).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), expected);
    std::fs::write(&path, "edited by hand").unwrap();
    let second = write(&plan, &job, dir.path(), Lang::Zh).unwrap();
    assert!(second[0].ends_with("zhongwei-2022-市财政局-第2期-2.html"), "{second:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by hand");
    // DOCX too, and a CSV directory of the unit report's tables.
    job.what = Written::Unit(Format::Docx);
    let docx = write(&plan, &job, dir.path(), Lang::Zh).unwrap();
    assert!(std::fs::read(&docx[0]).unwrap().starts_with(b"PK"), "{docx:?}");
    job.what = Written::Unit(Format::Csv);
    let csv = write(&plan, &job, dir.path(), Lang::Zh).unwrap();
    assert!(std::path::Path::new(&csv[0]).join("rows.csv").is_file(), "{csv:?}");
}
