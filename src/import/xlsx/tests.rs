//! The spreadsheet reader on workbooks written here with rust_xlsxwriter, and on files that are
//! not workbooks.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::*;

fn book(dir: &Path, build: impl FnOnce(&mut Workbook)) -> std::path::PathBuf {
    let mut wb = Workbook::new();
    build(&mut wb);
    let path = dir.join("t.xlsx");
    wb.save(&path).unwrap();
    path
}

#[test]
fn visible_sheets_with_merges_numbers_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path(), |wb| {
        let ws = wb.add_worksheet();
        ws.merge_range(0, 0, 0, 2, "标题", &Format::new()).unwrap();
        ws.write_number(1, 0, 1.0).unwrap();
        ws.merge_range(1, 1, 2, 1, "公开领域", &Format::new()).unwrap();
        let date = ExcelDateTime::from_ymd(2022, 10, 31).unwrap();
        ws.write_datetime_with_format(1, 2, &date, &Format::new().set_num_format("yyyy/m/d")).unwrap();
        ws.write_string(2, 2, "第一行\n第二行").unwrap();
        wb.add_worksheet().set_hidden(true).write_string(0, 0, "隐藏").unwrap();
        wb.add_worksheet().write_number(3, 1, 2.5).unwrap();
    });
    let grids = read(&path).unwrap();
    assert_eq!(grids.len(), 2, "the hidden sheet is left out");
    assert_eq!(
        grids[0].rows,
        vec![vec!["标题", "", ""], vec!["1", "公开领域", "2022年10月31日"], vec!["", "", "第一行\n第二行"]]
    );
    assert_eq!(grids[1].rows, vec![vec![], vec![], vec![], vec!["", "2.5"]]);
}

#[test]
fn an_empty_workbook_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path(), |wb| {
        wb.add_worksheet();
    });
    let err = read(&path).unwrap_err();
    assert!(matches!(&err, ImportError::Unreadable { reason, .. } if reason.contains("没有内容")), "{err:?}");
}

#[test]
fn a_text_file_named_xlsx_is_not_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    std::fs::write(&path, "序号,具体措施\n").unwrap();
    let err = read(&path).unwrap_err();
    assert!(
        matches!(&err, ImportError::Unreadable { reason, .. } if reason.contains("不是有效的 XLSX 文件")),
        "{err:?}"
    );
    let missing = read(&dir.path().join("none.xlsx")).unwrap_err();
    assert!(matches!(missing, ImportError::Io { .. }), "{missing:?}");
}
