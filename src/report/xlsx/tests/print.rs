//! How the workbooks print, read from their XML: every sheet of every kind on A4, one page wide,
//! its header row repeated on every page (a `_xlnm.Print_Titles` name), the title in the page
//! header and page numbers in the footer; one CJK font; Chinese dates in a Chinese report.

use super::*;
use crate::report::TrailLine;

/// Every kind of report, the ledger with a correction (so with its corrections sheet).
fn every_kind() -> Vec<Report> {
    let mut ledger = report(Kind::Ledger);
    ledger.trail = vec![TrailLine {
        record: "zwb-0002".into(),
        kind: "correction",
        corrects: "zwb-0001".into(),
        task: "1".into(),
        unit: "zwb".into(),
        unit_name: "市政务服务数据管理局".into(),
        at: at(2022, 9, 2, 10),
        by: Some("张三".into()),
        status: Status::InProgress,
        percent: Some(50),
        note: Some("更正进度".into()),
    }];
    vec![report(Kind::Summary), report(Kind::Unit), ledger]
}

/// The sheets' names in `xl/workbook.xml`, in order.
fn sheet_names(workbook: &str) -> Vec<String> {
    tags(workbook, "sheet").iter().map(|t| attr(t, "name").unwrap().to_string()).collect()
}

/// The print titles of each sheet (by its index): the rows in `'name'!$3:$3`.
fn print_titles(workbook: &str) -> Vec<(usize, String)> {
    let mut titles: Vec<(usize, String)> = workbook
        .split("<definedName ")
        .skip(1)
        .filter(|d| d.contains(r#"name="_xlnm.Print_Titles""#))
        .map(|d| {
            let sheet = attr(&format!(" {d}"), "localSheetId").unwrap().parse().unwrap();
            let range = d.split_once('>').unwrap().1.split("</definedName>").next().unwrap();
            (sheet, range.to_string())
        })
        .collect();
    titles.sort();
    titles
}

/// The row (0-based) that a print-titles range `'name'!$4:$4` repeats.
fn titles_row(range: &str) -> u32 {
    let rows = range.rsplit('!').next().unwrap();
    let (first, last) = rows.split_once(':').unwrap();
    assert_eq!(first, last, "one header row: {range}");
    first.trim_start_matches('$').parse::<u32>().unwrap() - 1
}

#[test]
fn every_sheet_of_every_kind_prints_on_a4_one_page_wide_with_its_header_row_on_every_page() {
    for lang in [Lang::Zh, Lang::En] {
        for r in every_kind() {
            let bytes = render(&r, lang).unwrap();
            let workbook = xml_part(&bytes, "xl/workbook.xml");
            let names = sheet_names(&workbook);
            let titles = print_titles(&workbook);
            let sheets = read_back(&r, lang);
            assert_eq!(names, sheets.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>());
            assert_eq!(titles.len(), names.len(), "{names:?}: {titles:?}");
            let footer = lang.pick("第 &amp;P 页 共 &amp;N 页", "Page &amp;P of &amp;N");
            for (i, name) in names.iter().enumerate() {
                let what = format!("{:?} {name}", r.head.kind);
                let xml = xml_part(&bytes, &format!("xl/worksheets/sheet{}.xml", i + 1));
                // Each row once, in order (rust_xlsxwriter would repeat a last row with a height).
                let rows: Vec<u32> = tags(&xml, "row").iter().map(|t| attr(t, "r").unwrap().parse().unwrap()).collect();
                assert!(rows.windows(2).all(|w| w[0] < w[1]), "{what}: rows {rows:?}");
                let setup = tags(&xml, "pageSetup");
                assert_eq!(setup.len(), 1, "{what}");
                assert_eq!(attr(setup[0], "paperSize"), Some("9"), "{what}: A4");
                assert_eq!(attr(setup[0], "fitToWidth"), None, "{what}: one page wide (the default)");
                assert_eq!(attr(setup[0], "fitToHeight"), Some("0"), "{what}: as many pages tall as it takes");
                assert!(xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{what}");
                let landscape = attr(setup[0], "orientation") == Some("landscape");
                let portrait = r.head.kind == Kind::Summary && matches!(i, 0 | 1 | 2 | 4);
                assert_eq!(landscape, !portrait, "{what}: orientation");
                assert!(xml.contains(&format!("<oddFooter>&amp;C{footer}</oddFooter>")), "{what}");
                let header = format!("<oddHeader>&amp;C{}</oddHeader>", labels::title(&r.head, lang));
                assert!(xml.contains(&header), "{what}: {xml}");
                // The repeated row is the sheet's header row (bold, grey, bordered), frozen on screen.
                let (sheet, range) = titles.iter().find(|(s, _)| *s == i).unwrap();
                assert!(range.contains(&format!("'{name}'!")) || range.starts_with(&format!("{name}!")), "{range}");
                let row = titles_row(range);
                let values = &sheets[*sheet].1;
                assert!(!text(values, row, 0).is_empty() && !text(values, row, 1).is_empty(), "{what}: row {row}");
                let pane = tags(&xml, "pane");
                assert_eq!(
                    attr(pane[0], "topLeftCell").map(|c| c.trim_start_matches(char::is_alphabetic)),
                    Some(&*(row + 2).to_string()),
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn the_header_row_each_sheet_repeats_is_its_tables() {
    let r = report(Kind::Summary);
    let bytes = render(&r, Lang::Zh).unwrap();
    let titles = print_titles(&xml_part(&bytes, "xl/workbook.xml"));
    let sheets = read_back(&r, Lang::Zh);
    let first: Vec<String> = titles.iter().map(|(s, range)| text(&sheets[*s].1, titles_row(range), 0)).collect();
    assert_eq!(first, ["项目", "排名", "所属部分", "编号", "序号", "编号", "编号"]);
    let ledger = report(Kind::Ledger);
    let titles = print_titles(&xml_part(&render(&ledger, Lang::Zh).unwrap(), "xl/workbook.xml"));
    assert_eq!(titles, [(0, "台账!$3:$3".to_string())]);
}

#[test]
fn a_header_with_an_ampersand_keeps_it_and_a_long_title_still_gets_one() {
    let mut r = report(Kind::Ledger);
    r.head.plan.title = "政务公开&数据开放".into();
    let sheet = xml_part(&render(&r, Lang::Zh).unwrap(), "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<oddHeader>&amp;C政务公开&amp;&amp;数据开放　工作台账</oddHeader>"), "{sheet}");
    r.head.plan.title = "题".repeat(40_000);
    let sheet = xml_part(&render(&r, Lang::Zh).unwrap(), "xl/worksheets/sheet1.xml");
    let header = sheet.split("<oddHeader>").nth(1).unwrap().split("</oddHeader>").next().unwrap();
    assert!(header.starts_with("&amp;C题题") && header.encode_utf16().count() <= 255 + 4, "{header}");
}

#[test]
fn every_font_is_the_cjk_font() {
    for r in every_kind() {
        let styles = xml_part(&render(&r, Lang::Zh).unwrap(), "xl/styles.xml");
        let fonts = styles.split("<fonts").nth(1).unwrap().split("</fonts>").next().unwrap();
        let names: Vec<&str> = tags(fonts, "name").iter().map(|t| attr(t, "val").unwrap()).collect();
        assert!(names.len() >= 3, "{fonts}");
        assert!(names.iter().all(|n| *n == "宋体"), "{names:?}");
        assert!(!fonts.contains("<scheme"), "no theme font overrides it: {fonts}");
    }
}

#[test]
fn dates_are_date_serials_written_the_chinese_way_in_a_chinese_report() {
    let formats = |lang| {
        let bytes = render(&report(Kind::Summary), lang).unwrap();
        let styles = xml_part(&bytes, "xl/styles.xml");
        tags(&styles, "numFmt")
            .iter()
            .map(|t| attr(t, "formatCode").unwrap().replace("&quot;", "\""))
            .collect::<Vec<_>>()
    };
    let zh = formats(Lang::Zh);
    assert!(zh.contains(&r#"yyyy"年"m"月"d"日""#.to_string()), "{zh:?}");
    assert!(zh.contains(&r#"yyyy"年"m"月"d"日" hh:mm"#.to_string()), "{zh:?}");
    assert!(!zh.iter().any(|f| f.starts_with("yyyy-")), "{zh:?}");
    let en = formats(Lang::En);
    assert!(en.contains(&"yyyy-mm-dd".to_string()) && en.contains(&"yyyy-mm-dd hh:mm".to_string()), "{en:?}");
    // The values stay serials: the ranking's last update and the overdue sheet's due date.
    let sheets = read_back(&report(Kind::Summary), Lang::Zh);
    match sheet(&sheets, "单位排名").get_value((4, 7)) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 44805.0 + 9.5 / 24.0),
        other => panic!("last update is not a date-time: {other:?}"),
    }
    match sheet(&sheets, "逾期事项").get_value((4, 5)) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 44834.0),
        other => panic!("due is not a date: {other:?}"),
    }
}

#[test]
fn a_summary_cuts_overlong_text_on_its_lists_too() {
    let mut r = report(Kind::Summary);
    r.rows[0].content = "内容".repeat(20_000);
    let sheets = read_back(&r, Lang::Zh);
    for (name, col) in [("逾期事项", 2), ("台账明细", 3)] {
        let s = sheet(&sheets, name);
        let row = if name == "逾期事项" { 4 } else { HEAD_ROW + 1 };
        let cut = text(s, row, col);
        assert!(cut.starts_with("内容内容") && cut.ends_with(labels::cut(Lang::Zh)), "{name}");
        assert!(cut.encode_utf16().count() <= 32_767, "{name}");
    }
}

/// The widths of a sheet's columns as `<col>` gives them: (first, last, width, hidden).
fn col_widths(sheet: &str) -> Vec<(usize, usize, f64, bool)> {
    let num = |t: &str, a: &str| attr(t, a).unwrap().parse::<usize>().unwrap();
    tags(sheet, "col")
        .iter()
        .map(|t| {
            (num(t, "min"), num(t, "max"), attr(t, "width").unwrap().parse().unwrap(), attr(t, "hidden") == Some("1"))
        })
        .collect()
}

#[test]
fn the_ledger_folds_its_side_columns_and_prints_its_long_text_wrapped_at_a_readable_scale() {
    let mut r = report(Kind::Ledger);
    for row in &mut r.rows {
        row.section = Some("一、聚焦优化营商环境，助力经济平稳健康发展".repeat(10));
        row.topic = Some("加强涉及市场主体信息公开和政策解读".into());
        row.content = "进一步增强涉企政策制定实施的透明度，公开相关统计数据和政策落实情况。".repeat(3);
        row.unit_name = "宁夏回族自治区中卫市人民政府办公室".into();
        row.deadline = Some("2022年10月底前完成并长期坚持".into());
        row.note = Some("涉企政策及落实情况已全部公开，审批问题办理和反馈机制已常态运行。".repeat(2));
        row.problems = Some("部分单位报送不及时，栏目内容更新滞后。".repeat(2));
        row.next = Some("加强督促检查，按月通报更新情况。".repeat(2));
    }
    let bytes = render(&r, Lang::Zh).unwrap();
    let sheet = xml_part(&bytes, "xl/worksheets/sheet1.xml");
    let cols = col_widths(&sheet);
    let heads: Vec<String> = {
        let sheets = read_back(&r, Lang::Zh);
        (0..22).map(|c| text(&sheets[0].1, HEAD_ROW, c)).collect()
    };
    let hidden = |c: usize| cols.iter().any(|(a, b, _, h)| *a <= c + 1 && c < *b && *h);
    let folded: Vec<&str> = (0..22).filter(|&c| hidden(c)).map(|c| heads[c].as_str()).collect();
    assert_eq!(
        folded,
        [
            "所属部分",
            "角色",
            "截止日期",
            "剩余/逾期",
            "序时进度%",
            "进度",
            "佐证材料",
            "本期更新",
            "填报人",
            "记录编号"
        ]
    );
    // Folded in collapsed outline groups, so "+" shows them again.
    assert!(
        tags(&sheet, "col")
            .iter()
            .filter(|t| attr(t, "hidden") == Some("1"))
            .all(|t| attr(t, "outlineLevel") == Some("1"))
    );
    // Long text wraps in columns of at most 26 cells (about 31 Excel units)…
    assert!(cols.iter().all(|(.., w, _)| *w < 32.0), "{cols:?}");
    // …so that the shown columns print one A4 landscape page wide (770 pt between the margins) at
    // 60% or more: a column of width w is 7w + 5 pixels, 3/4 of a point each.
    let shown: f64 = cols.iter().filter(|c| !c.3).map(|(a, b, w, _)| (b - a + 1) as f64 * (7.0 * w + 5.0) * 0.75).sum();
    let scale = 770.0 / shown;
    assert!(scale >= 0.6, "printed at {scale:.2}");
    // Rows are as tall as their shown text: the folded section does not make them taller.
    let heights: Vec<f64> =
        tags(&sheet, "row").iter().filter_map(|t| attr(t, "ht")).map(|h| h.parse().unwrap()).collect();
    assert!(heights.iter().all(|h| *h < 200.0), "{heights:?}");
}
