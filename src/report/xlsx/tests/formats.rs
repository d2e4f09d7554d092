//! Tests of how table cells are formatted and how tall a tall sheet's rows are, read from the
//! workbook's XML.

use super::*;

#[test]
fn table_cells_take_their_columns_formats_and_lights_their_colours() {
    let bytes = render(&report(Kind::Ledger), Lang::Zh).unwrap();
    let sheet = xml_part(&bytes, "xl/worksheets/sheet1.xml");
    let styles = xml_part(&bytes, "xl/styles.xml");
    // Data cells carry no border of their own, so the printed table shows the gridlines.
    assert_eq!(attr(tags(&sheet, "printOptions")[0], "gridLines"), Some("1"), "{sheet}");
    // Each data cell (rows 4–6) is in its column's style; the columns' styles differ by content.
    let col_style: Vec<(usize, &str)> = tags(&sheet, "col")
        .iter()
        .filter_map(|t| Some((attr(t, "min")?.parse().unwrap(), attr(t, "style")?)))
        .collect();
    let style_of = |letter: &str| {
        let n = usize::from(letter.as_bytes()[0] - b'A') + 1;
        col_style.iter().find(|(min, _)| *min == n).map(|(_, s)| *s)
    };
    let data: Vec<&str> =
        tags(&sheet, "c").into_iter().filter(|t| attr(t, "r").is_some_and(|r| r.ends_with(['4', '5', '6']))).collect();
    assert!(data.len() > 40, "{data:?}");
    for c in &data {
        let r = attr(c, "r").unwrap();
        assert_eq!(attr(c, "s"), style_of(&r[..1]), "cell {r} is not in its column's style");
    }
    let fmt = |letter: &str| number_format(&styles, style_of(letter).unwrap().parse().unwrap());
    // due, days left (red when negative), percent, updated: dates written the Chinese way.
    assert_eq!(
        [fmt("H"), fmt("I"), fmt("K"), fmt("S")],
        [r#"yyyy"年"m"月"d"日""#, "0;[Red]-0;0", "0", r#"yyyy"年"m"月"d"日" hh:mm"#]
    );
    // The light column (N) is coloured by its words: red, yellow, green, in the usual Excel shades.
    let rules = sheet.split(r#"<conditionalFormatting sqref="N4:N6">"#).nth(1).unwrap();
    let rules = rules.split("</conditionalFormatting>").next().unwrap();
    let words: Vec<&str> = rules.split("<formula>").skip(1).filter_map(|f| f.split("</formula>").next()).collect();
    assert_eq!(words, [r#""✗红""#, r#""!黄""#, r#""✓绿""#]);
    let dxf = tags(rules, "cfRule").iter().map(|t| attr(t, "dxfId").unwrap()).collect::<Vec<_>>();
    assert_eq!(dxf, ["0", "1", "2"]);
    let fills: Vec<&str> = styles.split("<dxf>").skip(1).filter_map(|d| attr(tags(d, "bgColor")[0], "rgb")).collect();
    assert_eq!(fills, ["FFFFC7CE", "FFFFEB9C", "FFC6EFCE"]);
}

#[test]
fn a_tall_sheet_makes_its_commonest_row_height_the_default_and_sets_only_the_others() {
    let mut r = report(Kind::Ledger);
    let first = r.rows[0].clone();
    r.rows = (0..40)
        .map(|i| {
            let mut row = first.clone();
            row.task = (i + 1).to_string();
            row.evidence = vec![];
            row.content = "完善信息资源库".into();
            row.unit_name = "市财政局".into();
            // Most notes take two lines; every fifth, one.
            row.note = Some(if i % 5 == 0 { "一行".into() } else { "第一行\n第二行".into() });
            row
        })
        .collect();
    // Past 20 rows the sheet counts as tall here (10,000 in use).
    let bytes = workbook_with(&r, Lang::Zh, 20).unwrap().save_to_buffer().unwrap();
    let sheet = xml_part(&bytes, "xl/worksheets/sheet1.xml");
    let format = tags(&sheet, "sheetFormatPr");
    assert_eq!(attr(format[0], "defaultRowHeight"), Some("33"), "{sheet}");
    // Rows that differ from the default keep their own height: one-line rows (15), the title (21).
    let heights: Vec<(u32, String)> = tags(&sheet, "row")
        .into_iter()
        .map(|t| (attr(t, "r").unwrap().parse().unwrap(), attr(t, "ht").unwrap_or("").to_string()))
        .collect();
    let one_line: Vec<u32> = (0..40).filter(|i| i % 5 == 0).map(|i| i + HEAD_ROW + 2).collect();
    for (row, ht) in &heights {
        if one_line.contains(row) {
            assert_eq!(ht, "15", "row {row}");
        }
    }
    assert_eq!(heights.iter().find(|(r, _)| *r == 1).map(|(_, h)| h.as_str()), Some("21"));
    // Every value reads back; at the usual threshold the sheet is not tall, and nothing changes.
    let mut file = tempfile::Builder::new().suffix(".xlsx").tempfile().unwrap();
    file.write_all(&bytes).unwrap();
    let mut wb = open_workbook_auto(file.path()).unwrap();
    assert_eq!(data_rows(&wb.worksheet_range("台账").unwrap()), 40);
    let usual = xml_part(&render(&r, Lang::Zh).unwrap(), "xl/worksheets/sheet1.xml");
    assert!(tags(&usual, "sheetFormatPr").iter().all(|t| attr(t, "defaultRowHeight") != Some("33")), "{usual}");
}
