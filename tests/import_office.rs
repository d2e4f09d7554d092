//! `taizhang import` of office files (tests/fixtures/import/, made by make_fixtures.py): an XLSX
//! written by openpyxl (title merged across, topic merged down, multi-line cell, numeric 序号,
//! date-typed 完成时限, a second sheet) and a DOCX converted by LibreOffice from office.html
//! (header row, a colspan section row, a rowspan topic, a two-paragraph cell); each imported and
//! checked. Then files that are not what their names say: clear errors, nothing written.

#[path = "support/env.rs"]
mod env;

use std::path::Path;

#[path = "support/import_files.rs"]
mod import_files;

use import_files::{fixture, with_file};

/// Exit code and stderr.
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let (code, _, err) = import_files::run(dir, args);
    (code, err)
}

fn import_and_check(dir: &Path, args: &[&str], plan: &str) -> (taizhang::Plan, String) {
    let (code, err) = run(dir, &[&["import"], args].concat());
    assert_eq!(code, 0, "{err}");
    let (code, check) = run(dir, &["check", plan]);
    assert_eq!(code, 0, "{check}");
    match taizhang::Plan::load(&dir.join(plan)) {
        Ok(l) => (l.plan, err),
        Err(e) => panic!("{}", e.render(taizhang::Lang::En)),
    }
}

#[test]
fn xlsx_from_openpyxl() {
    let dir = with_file("office.xlsx", &fixture("office.xlsx"));
    let (plan, err) = import_and_check(dir.path(), &["office.xlsx"], "office.toml");
    assert!(err.contains("（XLSX）") && err.contains("4 项任务"), "{err}");
    assert_eq!(plan.meta.year, 2022);
    assert_eq!(plan.meta.title, "某县2022年政务公开工作要点任务分工");
    let t = |id: &str| plan.task(id).unwrap();
    assert_eq!(t("1").content, "加强涉企政策公开。做好政策解读。");
    assert_eq!(t("1").deadline_text.as_deref(), Some("2022年10月31日"), "a date cell");
    assert_eq!(t("3").topic.as_deref(), Some("优化营商环境"), "merged topic carried down");
    assert_eq!(t("3").assignees.len(), 2);
    assert_eq!(t("4").topic.as_deref(), Some("基层政务公开"));
}

#[test]
fn docx_from_libreoffice() {
    let dir = with_file("office.docx", &fixture("office.docx"));
    let (plan, err) = import_and_check(dir.path(), &["office.docx", "--year", "2022"], "office.toml");
    assert!(err.contains("（DOCX）") && err.contains("3 项任务"), "{err}");
    let t = |id: &str| plan.task(id).unwrap();
    assert_eq!(t("1").content, "加强涉企政策公开。做好政策解读。", "two paragraphs in a cell");
    assert_eq!(t("1").section.as_deref(), Some("一、优化营商环境"), "a colspan row is a heading");
    assert_eq!(t("2").topic.as_deref(), Some("政策公开"), "rowspan topic carried down");
    assert_eq!(t("3").topic.as_deref(), Some("基层公开"));
    assert_eq!(t("2").deadline_text.as_deref(), Some("全年持续推进"));
}

#[test]
fn files_that_are_not_what_they_say() {
    let cases: [(&str, &[u8], &str); 4] = [
        ("a.docx", "一、总体要求\n".as_bytes(), "不是 zip"),
        ("b.xlsx", "序号,具体措施\n".as_bytes(), "不是有效的 XLSX 文件"),
        ("c.docx", &zip_with("other.xml"), "缺少正文部分"),
        ("d.xlsx", &empty_workbook(), "没有内容"),
    ];
    for (name, bytes, reason) in cases {
        let dir = with_file(name, bytes);
        let (code, err) = run(dir.path(), &["import", name, "--year", "2022"]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains(reason) && err.contains("XLSX"), "{name}: {err}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "{name}: nothing written");
    }
}

fn zip_with(name: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(b"<a/>").unwrap();
    zip.finish().unwrap().into_inner()
}

fn empty_workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet();
    wb.save_to_buffer().unwrap()
}
