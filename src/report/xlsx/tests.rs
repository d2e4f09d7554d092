//! Tests of the XLSX renderer: hand-built reports rendered and read back with calamine.

use std::io::Write;

use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use super::grid::{serial, serial_time};
use super::*;
use crate::ledger::Status;
use crate::plan::Role;
use crate::report::{
    Bucket, Buckets, Head, Light, PeriodInfo, PlanInfo, Report, Reported, Row, SectionLine, Summary, Totals, UnitInfo,
    UnitLine,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(8 * 3600).unwrap().with_ymd_and_hms(y, m, d, h, 30, 0).unwrap()
}

fn row(task: &str, unit: &str, name: &str, status: Option<Status>, light: Light) -> Row {
    Row {
        task: task.into(),
        section: Some("一、推进政务公开平台建设".into()),
        topic: Some("政府网站集约化".into()),
        content: "推动政府网站集约化平台建设，完善统一信息资源库。".into(),
        body: None,
        unit: unit.into(),
        unit_name: name.into(),
        role: Role::Lead,
        deadline: Some("2022年9月底前".into()),
        deadline_for: None,
        inferred: None,
        due: Some(day(2022, 9, 30)),
        days_left: Some(-10),
        status,
        percent: Some(60),
        expected: Some(80),
        note: Some("已完成平台选型。\n正在迁移栏目。".into()),
        problems: None,
        next: Some("十月底前完成迁移".into()),
        evidence: vec!["方案.pdf".into(), "会议纪要.docx".into()],
        by: Some("张三".into()),
        updated_at: Some(at(2022, 9, 1, 9)),
        updated_in_period: true,
        record: None,
        corrected: false,
        late: false,
        reported: Reported::Updated,
        ledger_error: false,
        overdue: true,
        bucket: Bucket::Overdue,
        light,
    }
}

fn unit_line(rank: usize, unit: &str, name: &str, rate: f64) -> UnitLine {
    UnitLine {
        rank,
        unit: unit.into(),
        name: name.into(),
        assignments: 2,
        done: 1,
        na: 0,
        overdue: 1,
        completion_rate: rate,
        reported: rank == 1,
        report: if rank == 1 { Reported::Updated } else { Reported::None },
        ledger_error: false,
        assist: 0,
        assist_done: 0,
        last_update: Some(at(2022, 9, 1, 9)),
    }
}

fn report(kind: Kind) -> Report {
    let rows = vec![
        row("1", "zwb", "市政务服务数据管理局", Some(Status::InProgress), Light::Red),
        row("2", "fgw", "市发展和改革委员会", Some(Status::Done), Light::Green),
        row("3", "zwb", "市政务服务数据管理局", None, Light::Yellow),
    ];
    let summary = Summary {
        totals: Totals { assignments: 3, done: 1, overdue: 2, completion_rate: 1.0 / 3.0, ..Totals::default() },
        buckets: Buckets { done: 1, overdue: 2, ..Buckets::default() },
        assist: Default::default(),
        units: vec![unit_line(1, "fgw", "市发展和改革委员会", 0.5), unit_line(2, "zwb", "市政务服务数据管理局", 0.0)],
        sections: vec![SectionLine {
            section: "一、推进政务公开平台建设".into(),
            tasks: 3,
            assignments: 3,
            done: 1,
            overdue: 2,
            completion_rate: 1.0 / 3.0,
        }],
        tasks: Vec::new(),
        states: Vec::new(),
        overdue: vec![0, 2],
        not_reported: vec!["市政务服务数据管理局".into()],
        late: vec![],
        broken: vec![],
        completed: vec![1],
    };
    // Only a summary report carries these lists in this fixture.
    let summary = if kind == Kind::Summary { summary } else { Summary::default() };
    Report {
        head: Head {
            kind,
            plan: PlanInfo {
                id: "2022".into(),
                title: "2022年政务公开工作要点".into(),
                issuer: "市政府办公室".into(),
                doc_no: None,
            },
            as_of: at(2022, 10, 10, 23),
            as_of_date: day(2022, 10, 10),
            period: PeriodInfo { number: 2, start: day(2022, 7, 1), due: day(2022, 10, 10) },
            unit: (kind == Kind::Unit)
                .then(|| UnitInfo { id: "zwb".into(), name: "市政务服务数据管理局".into() }),
            notice: Default::default(),
            inferred: Vec::new(),
        },
        rows,
        summary,
        trail: vec![],
    }
}

/// Renders, writes to a temporary file, and reads every sheet back.
fn read_back(r: &Report, lang: Lang) -> Vec<(String, Range<Data>)> {
    let bytes = render(r, lang).unwrap();
    let mut file = tempfile::Builder::new().suffix(".xlsx").tempfile().unwrap();
    file.write_all(&bytes).unwrap();
    file.flush().unwrap();
    let mut wb = open_workbook_auto(file.path()).unwrap();
    wb.sheet_names().into_iter().map(|n| (n.clone(), wb.worksheet_range(&n).unwrap())).collect()
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn names(sheets: &[(String, Range<Data>)]) -> Vec<&str> {
    sheets.iter().map(|(n, _)| n.as_str()).collect()
}

/// Rows after the header whose first cell is filled.
fn data_rows(range: &Range<Data>) -> usize {
    (HEAD_ROW + 1..=range.end().map_or(0, |e| e.0)).filter(|&r| !text(range, r, 0).is_empty()).count()
}

#[test]
fn ledger_sheet_has_the_table() {
    let r = report(Kind::Ledger);
    let sheets = read_back(&r, Lang::Zh);
    assert_eq!(names(&sheets), ["台账"]);
    let s = &sheets[0].1;
    assert_eq!(text(s, 0, 0), labels::title(&r.head, Lang::Zh));
    assert_eq!(text(s, 1, 0), labels::subtitle(&r.head, Lang::Zh));
    let heads: Vec<String> = (0..20).map(|c| text(s, HEAD_ROW, c)).collect();
    assert_eq!(
        heads,
        [
            "编号",
            "所属部分",
            "重点任务",
            "任务内容",
            "责任单位",
            "角色",
            "完成时限",
            "截止日期",
            "剩余/逾期",
            "状态",
            "完成%",
            "序时进度%",
            "进度",
            "灯",
            "进展情况",
            "存在问题",
            "下步计划",
            "佐证材料",
            "更新时间",
            "本期更新",
        ]
    );
    assert_eq!(text(s, 3, 1), "一、推进政务公开平台建设");
    assert_eq!(text(s, 3, 3), "推动政府网站集约化平台建设，完善统一信息资源库。");
    assert_eq!(text(s, 3, 4), "市政务服务数据管理局");
    assert_eq!(text(s, 3, 17), "方案.pdf\n会议纪要.docx");
    assert_eq!(text(s, 5, 9), "未填报");
    assert_eq!(text(s, 3, 13), "✗红");
    // 2022-09-30 is Excel serial 44834, stored as a date.
    match s.get_value((3, 7)) {
        Some(Data::DateTime(d)) => assert_eq!((d.is_datetime(), d.as_f64()), (true, 44834.0)),
        other => panic!("due is not a date: {other:?}"),
    }
    assert_eq!(s.get_value((3, 8)), Some(&Data::Float(-10.0)));
    assert_eq!(s.get_value((3, 10)), Some(&Data::Float(60.0)));
    match s.get_value((3, 18)) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 44805.0 + 9.5 / 24.0),
        other => panic!("updated is not a date-time: {other:?}"),
    }
    assert_eq!(data_rows(s), r.rows.len());
}

#[test]
fn unit_sheet_drops_the_unit_and_keeps_the_role() {
    let r = report(Kind::Unit);
    let sheets = read_back(&r, Lang::Zh);
    assert_eq!(names(&sheets), ["单位报送"]);
    let s = &sheets[0].1;
    let heads: Vec<String> = (0..21).map(|c| text(s, HEAD_ROW, c)).collect();
    assert_eq!(heads[..6], ["编号", "所属部分", "重点任务", "任务内容", "角色", "完成时限"]);
    assert_eq!(heads[19..], ["填报人", "记录编号"]);
    assert!(!heads.iter().any(|h| h == "责任单位"));
    assert_eq!(text(s, HEAD_ROW + 1, 4), "牵头");
    assert_eq!(text(s, HEAD_ROW, 21), "");
    assert_eq!(data_rows(s), r.rows.len());
    assert!(text(s, 0, 0).contains("市政务服务数据管理局"));
}

/// The sheet named `name`.
fn sheet<'s>(sheets: &'s [(String, Range<Data>)], name: &str) -> &'s Range<Data> {
    &sheets.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no sheet {name}")).1
}

/// The row of `s` whose first cell is `want`.
fn find(s: &Range<Data>, want: &str) -> u32 {
    let end = s.end().unwrap().0;
    (0..=end).find(|&i| text(s, i, 0) == want).unwrap_or_else(|| panic!("no row {want}"))
}

#[test]
fn summary_has_a_sheet_per_part_and_the_rows() {
    let r = report(Kind::Summary);
    let sheets = read_back(&r, Lang::Zh);
    assert_eq!(names(&sheets), ["总体情况", "单位排名", "分领域", "逾期事项", "未报送单位", "本期完成", "台账明细"]);
    // Every sheet starts with the title and the subtitle.
    for (name, s) in &sheets {
        assert_eq!(text(s, 0, 0), labels::title(&r.head, Lang::Zh), "{name}");
        assert_eq!(text(s, 1, 0), labels::subtitle(&r.head, Lang::Zh), "{name}");
    }
    let s = sheet(&sheets, "总体情况");
    assert_eq!(text(s, 2, 0), "一、总体情况");
    assert_eq!(text(s, 3, 0), labels::overall(&r.summary, Lang::Zh));
    assert_eq!([text(s, 5, 0), text(s, 5, 1)], ["项目", "数量"]);
    // The totals' completion rate is a number.
    let rate = find(s, "完成率");
    assert!((s.get_value((rate, 1)).unwrap().as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(s.get_value((find(s, "分工总数"), 1)), Some(&Data::Float(3.0)));
    // The buckets, one a row: 1 done, 2 overdue.
    let buckets = find(s, "二、进度分布");
    assert_eq!([text(s, buckets + 1, 0), text(s, buckets + 1, 1)], ["进度", "分工数"]);
    assert_eq!(text(s, buckets + 2, 0), "已完成");
    assert_eq!(s.get_value((buckets + 2, 1)), Some(&Data::Float(1.0)));
    assert_eq!(text(s, buckets + 6, 0), "逾期");
    assert_eq!(s.get_value((buckets + 6, 1)), Some(&Data::Float(2.0)));
    assert_eq!(text(s, buckets + 7, 0), labels::bucket_rule(Lang::Zh));
    // The ranking: heading, header row, then units in rank order, and the rule under them.
    let s = sheet(&sheets, "单位排名");
    assert_eq!(text(s, 2, 0), "三、各单位完成情况排名");
    assert_eq!(text(s, 3, 1), "责任单位");
    assert_eq!(text(s, 4, 1), "市发展和改革委员会");
    assert_eq!(text(s, 5, 1), "市政务服务数据管理局");
    assert_eq!(s.get_value((4, 5)), Some(&Data::Float(0.5)));
    assert_eq!(text(s, 4, 6), "已报送");
    assert_eq!(text(s, 6, 0), labels::ranking_rule(Lang::Zh));
    let s = sheet(&sheets, "分领域");
    assert_eq!([text(s, 3, 0), text(s, 4, 0)], ["所属部分", "一、推进政务公开平台建设"]);
    assert_eq!(s.get_value((4, 5)).and_then(|d| d.as_f64()), Some(1.0 / 3.0));
    // Overdue list: both overdue assignments with their tasks, days overdue positive.
    let s = sheet(&sheets, "逾期事项");
    let heads: Vec<String> = (0..9).map(|c| text(s, 3, c)).collect();
    assert_eq!(
        heads,
        ["编号", "重点任务", "任务内容", "责任单位", "完成时限", "截止日期", "逾期天数", "状态", "完成%"]
    );
    assert_eq!([text(s, 4, 0), text(s, 5, 0)], ["1", "3"]);
    assert_eq!(text(s, 4, 1), "政府网站集约化");
    assert_eq!(text(s, 4, 2), "推动政府网站集约化平台建设，完善统一信息资源库。");
    assert_eq!(s.get_value((4, 6)), Some(&Data::Float(10.0)));
    assert_eq!(s.get_value((4, 8)), Some(&Data::Float(60.0)));
    let s = sheet(&sheets, "未报送单位");
    assert_eq!([text(s, 3, 0), text(s, 3, 1)], ["序号", "责任单位"]);
    assert_eq!([text(s, 4, 0), text(s, 4, 1)], ["1", "市政务服务数据管理局"]);
    let s = sheet(&sheets, "本期完成");
    assert_eq!(text(s, 3, 2), "任务内容");
    assert_eq!([text(s, 4, 0), text(s, 4, 3)], ["2", "市发展和改革委员会"]);
    assert!(matches!(s.get_value((4, 4)), Some(Data::DateTime(_))));
    let rows = sheet(&sheets, "台账明细");
    assert_eq!(text(rows, HEAD_ROW, 1), "所属部分");
    assert_eq!(data_rows(rows), r.rows.len());
}

#[test]
fn english_sheet_names_and_headers() {
    let r = report(Kind::Summary);
    let sheets = read_back(&r, Lang::En);
    assert_eq!(names(&sheets), ["Overall", "Units", "Sections", "Overdue", "Not reported", "Completed", "Assignments"]);
    let rows = sheet(&sheets, "Assignments");
    assert_eq!(text(rows, HEAD_ROW, 0), "task");
    assert_eq!(text(rows, 3, 13), "✗ red");
    assert_eq!(text(sheet(&sheets, "Overall"), 2, 0), "1. Overall");
    let r = report(Kind::Ledger);
    assert_eq!(names(&read_back(&r, Lang::En)), ["Ledger"]);
}

#[test]
fn empty_report_renders() {
    let mut r = report(Kind::Summary);
    r.rows.clear();
    r.summary.units.clear();
    r.summary.overdue.clear();
    r.summary.completed.clear();
    r.summary.not_reported.clear();
    let sheets = read_back(&r, Lang::Zh);
    assert_eq!(data_rows(sheet(&sheets, "台账明细")), 0);
    // An empty list says so under its header.
    for name in ["逾期事项", "未报送单位", "本期完成"] {
        assert_eq!(text(sheet(&sheets, name), 4, 0), "无", "{name}");
    }
}

#[test]
fn serial_dates() {
    assert_eq!(serial(day(1900, 3, 1)), Some(61.0));
    assert_eq!(serial(day(2022, 9, 30)), Some(44834.0));
    assert_eq!(serial(day(1900, 1, 1)), None);
    assert_eq!(serial_time(at(2022, 9, 30, 12)), Some(44834.0 + 12.5 / 24.0));
}

#[test]
fn cells_over_excels_limit_are_cut_with_a_marker() {
    let mut r = report(Kind::Ledger);
    // 40,000 characters, some outside the BMP (two UTF-16 units each, as Excel counts them).
    r.rows[0].note = Some(format!("{}{}", "进展".repeat(15_000), "𠀀".repeat(5_000)));
    r.head.plan.title = "题".repeat(40_000);
    let sheets = read_back(&r, Lang::Zh);
    let s = &sheets[0].1;
    let note = text(s, 3, 14);
    assert!(note.starts_with("进展进展"));
    assert!(note.ends_with(labels::cut(Lang::Zh)), "{}", &note[note.len() - 60..]);
    assert!(note.encode_utf16().count() <= 32_767);
    assert!(note.encode_utf16().count() > 32_700);
    assert!(text(s, 0, 0).ends_with(labels::cut(Lang::Zh)));
    assert_eq!(text(s, 4, 14), "已完成平台选型。\n正在迁移栏目。");
}

#[test]
fn fit_cell_counts_utf16_units() {
    let exact = "a".repeat(32_767);
    assert_eq!(grid::fit_cell(&exact, "…"), exact.as_str());
    let over = format!("{exact}a");
    let cut = grid::fit_cell(&over, "…");
    assert_eq!(cut.encode_utf16().count(), 32_767);
    assert!(cut.ends_with("a…"));
    let astral = "𠀀".repeat(16_384);
    let cut = grid::fit_cell(&astral, "…");
    assert_eq!(cut.encode_utf16().count(), 32_767);
}

#[test]
fn formula_like_text_stays_a_string_cell() {
    let mut r = report(Kind::Ledger);
    r.rows[0].content = "=1+1".into();
    r.rows[0].note = Some("=HYPERLINK(\"http://x\",\"y\")".into());
    r.rows[0].unit_name = "@SUM(A1)".into();
    let bytes = render(&r, Lang::Zh).unwrap();
    let mut file = tempfile::Builder::new().suffix(".xlsx").tempfile().unwrap();
    file.write_all(&bytes).unwrap();
    let mut wb = open_workbook_auto(file.path()).unwrap();
    let values = wb.worksheet_range("台账").unwrap();
    assert_eq!(values.get_value((3, 3)), Some(&Data::String("=1+1".into())));
    assert_eq!(values.get_value((3, 14)), Some(&Data::String("=HYPERLINK(\"http://x\",\"y\")".into())));
    assert_eq!(values.get_value((3, 4)), Some(&Data::String("@SUM(A1)".into())));
    let formulas = wb.worksheet_formula("台账").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "the sheet has formulas");
}

/// The text of one part (file) of a rendered workbook.
fn xml_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    std::io::read_to_string(zip.by_name(name).unwrap()).unwrap()
}

/// The value of attribute `name` in the XML tag `tag` (`<c r="A1" s="3">`).
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

/// Every tag `<name …>` in `xml`, attributes included.
fn tags<'x>(xml: &'x str, name: &str) -> Vec<&'x str> {
    let open = format!("<{name} ");
    xml.match_indices(&open).filter_map(|(i, _)| xml[i..].split_once('>').map(|(t, _)| t)).collect()
}

/// The number format of cell style `xf` (an index into styles.xml's cellXfs).
fn number_format(styles: &str, xf: usize) -> String {
    let cell_xfs = styles.split("<cellXfs").nth(1).unwrap();
    let id = attr(tags(cell_xfs, "xf")[xf], "numFmtId").unwrap();
    let custom = tags(styles, "numFmt").into_iter().find(|t| attr(t, "numFmtId") == Some(id));
    custom.and_then(|t| attr(t, "formatCode")).unwrap_or("General").replace("&quot;", "\"")
}

mod formats;
mod print;
