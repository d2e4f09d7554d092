//! A template filled in by an independent library: Python's openpyxl opens the workbook
//! `taizhang template` wrote, finds the protection, the drop-down and the 0–100 check in place,
//! types into cells (a status, a percent as a number, a note, a date as a date), saves it, and
//! `taizhang merge` takes exactly those changes. Skipped, with a message, without python3 and
//! openpyxl (`pip install openpyxl`).

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;
#[path = "support/sheets.rs"]
mod sheets;

use std::process::Command;

const PLAN: &str = "zhongwei-2022.toml";

/// Reads the template, prints what protects it, fills three rows in and saves it as filled.xlsx.
const SCRIPT: &str = r#"
import datetime, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["台账"]
print("states", [s.sheet_state for s in wb.worksheets])
print("protected", ws.protection.sheet, ws.protection.password)
print("locked", ws["C4"].protection.locked, ws["G4"].protection.locked, ws["I4"].protection.locked)
for dv in ws.data_validations.dataValidation:
    print("validation", dv.type, dv.formula1, dv.formula2, dv.sqref)
print("print", ws.page_setup.paperSize, ws.page_setup.orientation, ws.print_title_rows)
rows = {str(ws.cell(r, 1).value): r for r in range(4, ws.max_row + 1)}
r = rows["1"]
ws.cell(r, 7).value = "推进中"
ws.cell(r, 8).value = 55
ws.cell(r, 9).value = "本期新梳理涉企政策6件，已全部公开。"
ws.cell(r, 13).value = "赵六"
ws.cell(r, 14).value = datetime.datetime(2022, 9, 5)
r = rows["3"]
ws.cell(r, 8).value = 35
ws.cell(r, 14).value = "2022-09-05"
wb.save(sys.argv[2])
"#;

fn python() -> Option<Command> {
    let mut c = Command::new("python3");
    env::clean(&mut c);
    let ok = c.args(["-c", "import openpyxl"]).output().is_ok_and(|o| o.status.success());
    ok.then(|| {
        let mut c = Command::new("python3");
        env::clean(&mut c);
        c
    })
}

#[test]
fn a_template_filled_in_by_openpyxl_merges_to_exactly_its_changes() {
    let Some(mut py) = python() else {
        eprintln!("skipped: python3 with openpyxl is not available (pip install openpyxl)");
        return;
    };
    let s = sheets::zhongwei_with_demo();
    assert_eq!(s.run(&["template", PLAN, "--unit", "市商务局", "-o", "t.xlsx"]).code, 0);
    let out = py.arg("-c").arg(SCRIPT).arg(s.path("t.xlsx")).arg(s.path("filled.xlsx")).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    for line in [
        "states ['visible', 'veryHidden']",
        "protected True None",
        "locked True False False",
        "validation list \"未启动,推进中,持续推进,已完成,受阻,不适用\" None G4:G28",
        "validation whole 0 100 H4:H28",
        "print 9 landscape $3:$3",
    ] {
        assert!(said.lines().any(|l| l == line), "{line:?} not in:\n{said}");
    }
    let (code, stdout, stderr) = s.run_at("2022-09-06T10:00:00+08:00", &["merge", PLAN, "filled.xlsx"]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    let want = [
        ("1", "in_progress", Some(55), "赵六", "2022-09-05T12:00:00+08:00"),
        ("3", "in_progress", Some(35), "", "2022-09-05T12:00:00+08:00"),
    ];
    let want: Vec<_> = want.map(|w| (w.0.into(), w.1.into(), w.2, w.3.into(), w.4.into())).to_vec();
    assert_eq!(sheets::merged_brief(&s, "sswj"), want);
}
