//! Hostile text (issue 9, item 9): a plan and a ledger written by someone who wants to drive the
//! reader's terminal or spreadsheet. Nothing of it reaches the terminal as control or bidi
//! characters, by any command or error message; CSV cells cannot run as formulas; Markdown
//! drops bidi controls; XLSX cuts a cell over Excel's limit instead of failing.

#[path = "support/env.rs"]
mod env;
#[path = "support/sandbox.rs"]
mod sandbox;

use sandbox::Sandbox;

const PLAN: &str = "tests/fixtures/hostile/plan.toml";

/// The hostile plan with its hostile ledger (tests/fixtures/hostile/ledger/) in `data/`.
fn hostile() -> Sandbox {
    let s = Sandbox::new(PLAN);
    std::fs::create_dir(s.path("data")).unwrap();
    for unit in ["a", "b"] {
        env::copy_plan(&format!("tests/fixtures/hostile/ledger/{unit}.toml"), &s.path("data"), &format!("{unit}.toml"));
    }
    s
}

/// Control characters other than the line break, and the bidi controls.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn assert_clean(what: &str, text: &str) {
    if let Some((i, c)) = text.char_indices().find(|(_, c)| unsafe_char(*c)) {
        let from = text[..i].char_indices().rev().nth(30).map_or(0, |(j, _)| j);
        panic!("{what}: {c:?} reaches the terminal after {:?}", &text[from..i]);
    }
}

#[test]
fn no_control_character_reaches_the_terminal() {
    let s = hostile();
    let d = ["--data", "data"];
    let runs: &[&[&str]] = &[
        &["check", "plan.toml"],
        &["periods", "plan.toml"],
        &[d[0], d[1], "tasks", "plan.toml"],
        &[d[0], d[1], "tasks", "plan.toml", "--unit", "甲局"],
        &[d[0], d[1], "tasks", "plan.toml", "--format", "csv"],
        &[d[0], d[1], "tasks", "plan.toml", "--format", "json"],
        &[d[0], d[1], "report", "plan.toml"],
        &[d[0], d[1], "report", "plan.toml", "-f", "md"],
        &[d[0], d[1], "report", "plan.toml", "-f", "csv"],
        &[d[0], d[1], "report", "plan.toml", "-f", "html"],
        &[d[0], d[1], "report", "plan.toml", "-f", "json"],
        &[d[0], d[1], "report", "plan.toml", "--kind", "ledger"],
        &[d[0], d[1], "report", "plan.toml", "--unit", "甲局"],
        &[d[0], d[1], "--lang", "en", "report", "plan.toml", "--unit", "乙局", "-f", "md"],
        &[d[0], d[1], "tasks", "plan.toml", "--unit", "\u{1b}[31m"],
        &[d[0], d[1], "tasks", "plan.toml", "--unit", "甲"],
        &[d[0], d[1], "mark", "plan.toml", "--unit", "甲局", "--task", "1", "--status", "\u{1b}[2J"],
        &[d[0], d[1], "report", "plan.toml", "--as-of", "\u{1b}]0;x\u{7}"],
        &["--data", "\u{1b}[2J", "tasks", "plan.toml"],
    ];
    for args in runs {
        let r = s.run(args);
        assert!(r.code == 0 || !r.stderr.is_empty(), "{args:?}");
        assert_clean(&format!("{args:?} stdout"), &r.stdout);
        assert_clean(&format!("{args:?} stderr"), &r.stderr);
    }
}

#[test]
fn error_messages_quote_hostile_text_harmlessly() {
    let s = hostile();
    s.write(
        "bad-status/a.toml",
        "[[update]]\ntask = \"1\"\nunit = \"a\"\nat = 2022-06-01T09:30:00+08:00\nstatus = \"\\u001b[2J\"\n",
    );
    s.write("bad-field/a.toml", "[[update]]\ntask = \"1\"\nunit = \"a\"\nat = 2022-06-01T09:30:00+08:00\nstatus = \"done\"\n\"\\u001b]0;x\\u0007\" = 1\n");
    s.write(
        "in/a.toml",
        "[[update]]\ntask = \"1\"\nunit = \"\\u001b[31mb\"\nat = 2022-06-01T09:30:00+08:00\nstatus = \"done\"\n",
    );
    std::fs::create_dir(s.path("merged")).unwrap();
    let runs: &[&[&str]] = &[
        &["--data", "data", "tasks", "plan.toml", "--unit", "\u{1b}[31m"],
        &["--data", "data", "mark", "plan.toml", "--unit", "乙局", "--task", "1", "--status", "\u{1b}[2J"],
        &["--data", "bad-status", "tasks", "plan.toml", "--unit", "甲局"],
        &["--data", "bad-field", "report", "plan.toml"],
        &["--data", "merged", "merge", "plan.toml", "in/a.toml"],
    ];
    let mut all = String::new();
    for args in runs {
        let t = s.transcript(args);
        assert!(t.contains("exit: 1") || t.contains("exit: 2") || t.contains("exit: 3"), "{t}");
        assert_clean("transcript", t.split_once('\n').map_or("", |(_, rest)| rest));
        all.push_str(&t);
        all.push('\n');
    }
    insta::assert_snapshot!(all);
}

/// A line break is a control character too: inside a quoted name it would let a file write a
/// "提示" line of its own into an error message.
#[test]
fn line_breaks_in_names_cannot_forge_message_lines() {
    let s = hostile();
    let mut broken = std::fs::read_to_string(s.path("plan.toml")).unwrap();
    broken.push_str("\n[[task]]\nid = \"3\"\ncontent = \"x\"\nunits = [\"丁局\\n  提示: 请运行 rm\"]\n");
    s.write("broken.toml", broken);
    for args in [
        &["check", "broken.toml"][..],
        &["--data", "data", "tasks", "plan.toml", "--unit", "丙"],
        &["--data", "data", "tasks", "plan.toml", "--unit", "乙局\n  提示: 请运行 rm"],
        &["--data", "data", "tasks", "plan.toml"],
        &["--data", "data", "report", "plan.toml", "--kind", "unit"],
    ] {
        let r = s.run(args);
        // Each payload is a line break and "  提示: 请…": shown inside its own line, never as one.
        assert!(r.stderr.contains("提示: 请"), "{args:?} quotes the payload: {}", r.stderr);
        let forged = r.stderr.lines().find(|l| l.starts_with("  提示: 请"));
        assert!(forged.is_none(), "{args:?}: a forged line {forged:?} in\n{}", r.stderr);
    }
}

/// Every CSV the program writes, as rows of cells (BOM dropped).
fn csv_cells(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').expect("CSV starts with a BOM");
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    r.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect()
}

fn plain_number(s: &str) -> bool {
    let s = s.trim_start_matches(['-', '+']).trim_end_matches('%');
    !s.is_empty() && s.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let s = hostile();
    let csvs: &[&[&str]] = &[
        &["--data", "data", "tasks", "plan.toml", "--format", "csv"],
        &["--data", "data", "tasks", "plan.toml", "--unit", "甲局", "--format", "csv"],
        &["--data", "data", "report", "plan.toml", "-f", "csv"],
        &["--data", "data", "report", "plan.toml", "--kind", "ledger", "-f", "csv"],
        &["--data", "data", "report", "plan.toml", "--unit", "甲局", "-f", "csv"],
    ];
    let mut numbers = 0;
    for args in csvs {
        let r = s.run(args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        for cell in csv_cells(&r.stdout).into_iter().flatten() {
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert!(plain_number(&cell), "{args:?}: the cell {cell:?} would run as a formula");
                numbers += 1;
            }
        }
    }
    assert!(numbers > 0, "the days-left column keeps negative numbers as numbers");
    let ledger = s.run(&["--data", "data", "report", "plan.toml", "--kind", "ledger", "-f", "csv", "-o", "l.csv"]);
    assert_eq!(ledger.code, 0, "{}", ledger.stderr);
    let file = std::fs::read_to_string(s.path("l.csv")).unwrap();
    let cells: Vec<String> = csv_cells(&file).into_iter().flatten().collect();
    for expected in
        ["'=HYPERLINK(\"http://example.invalid/\",\"点击查看\")", "'@一、甲领域", "'+乙局", "'\t=2", "'\r=cmd"]
    {
        assert!(cells.iter().any(|c| c.starts_with(expected)), "{expected:?} not in {cells:?}");
    }
    assert!(cells.iter().any(|c| c == "-102"), "days overdue stay a number: {cells:?}");
}

#[test]
fn markdown_drops_bidi_controls() {
    let s = hostile();
    for (kind, shown) in [("ledger", "=1+1 已发布[2J反转"), ("summary", "# 测试市]0;被改的标题工作要点")]
    {
        let r = s.run(&["--data", "data", "report", "plan.toml", "--kind", kind, "-f", "md", "-o", "r.md"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let md = std::fs::read_to_string(s.path("r.md")).unwrap();
        assert_clean("markdown file", &md);
        assert!(md.contains(shown), "{md}");
    }
}

#[test]
fn json_keeps_hostile_text_as_escapes() {
    let s = hostile();
    let r = s.run(&["--data", "data", "tasks", "plan.toml", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean("json", &r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["title"], "测试市\u{1b}]0;被改的标题\u{7}工作要点\u{202E}");
    assert_eq!(v["tasks"][1]["content"], "建立\u{202E}专栏\u{202C}，清屏\u{1b}[2J，回车\r覆盖。");
}

#[test]
fn xlsx_cuts_a_long_note_instead_of_failing() {
    let s = Sandbox::new("tests/fixtures/report/plan.toml");
    let note = "进展".repeat(20_000);
    let r = s.run(&["mark", "plan.toml", "-u", "甲局", "-t", "1", "-s", "推进中", "--note", &note]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = s.run(&["report", "plan.toml", "--kind", "ledger", "-o", "l.xlsx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto(s.path("l.xlsx")).unwrap();
    let sheet = wb.worksheet_range("台账").unwrap();
    let cut = sheet
        .used_cells()
        .find_map(|(_, _, d)| match d {
            Data::String(t) if t.starts_with("进展进展") => Some(t.clone()),
            _ => None,
        })
        .expect("the note is in the sheet");
    assert!(cut.ends_with("…（已截断，全文见台账或计划文件）"), "{}", &cut[cut.len() - 80..]);
    assert!(cut.encode_utf16().count() <= 32_767);
}
