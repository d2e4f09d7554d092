//! `taizhang template`: what the workbook holds (locked plan columns, the drop-down and the
//! 0–100 check, protection without a password, A4 landscape with the header on every page, the
//! ids on a very hidden sheet), the CSV variant, file names, and the command's refusals.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;

use std::io::Read;

use sandbox::Sandbox;

const PLAN: &str = "zhongwei-2022.toml";

fn part(xlsx: &std::path::Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn the_workbook_is_locked_checked_printable_and_says_what_it_is() {
    let s = Sandbox::with("plans/zhongwei-2022.toml", PLAN);
    let r = s.run(&["template", PLAN, "--unit", "市财政局", "-o", "t.xlsx"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let path = s.path("t.xlsx");
    let book = part(&path, "xl/workbook.xml");
    assert!(book.contains(r#"<sheet name="台账" sheetId="1""#), "{book}");
    assert!(book.contains(r#"<sheet name="taizhang" sheetId="2" state="veryHidden""#), "{book}");
    assert!(book.contains("台账!$3:$3</definedName>"), "the header row prints on every page: {book}");
    let sheet = part(&path, "xl/worksheets/sheet1.xml");
    let rows: Vec<&str> = sheet.split("<row r=\"").skip(1).map(|r| r.split('"').next().unwrap()).collect();
    let mut once = rows.clone();
    once.dedup();
    assert_eq!(rows, once, "each row written once (Excel may call a repeated row damage)");
    let protection = sheet.split("<sheetProtection").nth(1).unwrap().split('>').next().unwrap();
    assert!(!protection.contains("password"), "no password: {protection}");
    assert!(
        sheet.contains(r#"sqref="G4:G29"><formula1>"未启动,推进中,持续推进,已完成,受阻,不适用"</formula1>"#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"type="whole""#) && sheet.contains("<formula1>0</formula1><formula2>100</formula2>"));
    assert!(sheet.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#), "A4 landscape");
    assert!(sheet.contains(r#"<col min="15" max="15""#) && sheet.contains(r#"hidden="1""#), "the id column is hidden");
    assert!(part(&path, "xl/styles.xml").contains(r#"locked="0""#), "the unit's columns are unlocked");
    // The hidden sheet's strings are shared with the visible sheet's.
    let strings = part(&path, "xl/sharedStrings.xml");
    for id in ["taizhang-template", "zhongwei-2022", "sczj", "1@sczj", "40@sczj"] {
        assert!(strings.contains(&format!(">{id}<")), "{id} in the workbook");
    }
}

#[test]
fn the_command_says_what_it_wrote_and_refuses_to_replace_files() {
    let s = Sandbox::with("plans/zhongwei-2022.toml", PLAN);
    let first = s.transcript(&["template", PLAN, "--unit", "市财政局"]);
    let again = s.transcript(&["template", PLAN, "--unit", "市财政局"]);
    let forced = s.transcript(&["template", PLAN, "--unit", "市财政局", "--force"]);
    let pdf = s.transcript(&["template", PLAN, "--unit", "市财政局", "-o", "t.pdf"]);
    let period = s.transcript(&["--lang", "en", "template", PLAN, "--unit", "sczj", "--period", "4"]);
    let neither = s.transcript(&["template", PLAN]);
    insta::assert_snapshot!([first, again, forced, pdf, period, neither].join("\n"));
    assert!(s.path("市财政局-第2期台账.xlsx").is_file());
}

#[test]
fn a_unit_whose_ledger_cannot_be_read_gets_no_sheet() {
    let s = Sandbox::with("plans/zhongwei-2022.toml", PLAN);
    s.write("zhongwei-2022.progress/sczj.toml", "plan = \"zhongwei-2022\"\nunit = \"sczj\"\n[[update]\n");
    let r = s.run(&["template", PLAN, "--all", "-o", "out"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("台账文件有误的单位不生成表格（否则预填的内容不对）：市财政局"), "{}", r.stderr);
    assert_eq!(std::fs::read_dir(s.path("out")).unwrap().count(), 26);
    assert!(!s.path("out/市财政局-第2期台账.xlsx").exists());
}

#[test]
fn the_csv_carries_its_ids_in_columns() {
    let s = Sandbox::with("plans/zhongwei-2022.toml", PLAN);
    let r = s.run(&["template", PLAN, "--unit", "sczj", "-o", "sczj.csv", "--period", "1"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = s.read("sczj.csv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}序号,任务,具体内容,量化指标,完成时限,职责,状态,完成%,进展情况,存在问题,下步计划,佐证材料,填报人,填报日期,分工编号,计划编号,计划校验,单位编号,期次,行校验,底稿校验,生成时间"
    );
    let first = lines.next().unwrap();
    assert!(first.starts_with("1,加强涉及市场主体信息公开,"), "{first}");
    assert!(first.contains(",1@sczj,zhongwei-2022,tz"), "{first}");
    assert!(first.contains(",sczj,1,tz"), "{first}");
    assert_eq!(text.matches("@sczj,").count(), 26);
}
