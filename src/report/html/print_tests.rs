//! Tests of what the HTML report prints: page numbers and no program footer, written dates,
//! the 通报's title and closing, task names in the overdue list and the ledger, 填报人 and the
//! sign-off blanks of a unit report.

use chrono::DateTime;

use super::render;
use super::tests::{date, report};
use crate::Lang;
use crate::plan::Notice;
use crate::report::{Kind, labels};

/// The text a reader sees: no style sheet, no tags, each run of white space one space.
fn visible(doc: &str) -> String {
    let body = match (doc.find("<style>"), doc.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &doc[..a], &doc[b..]),
        _ => doc.to_string(),
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().fold(String::from(" "), |acc, w| acc + w + " ")
}

/// The first ISO date (dddd-dd-dd) in `s`, if any.
fn iso_date(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (0..chars.len()).find_map(|i| {
        let shape = (0..10).all(|k| if k == 4 || k == 7 { chars.get(i + k) == Some(&'-') } else { digit(i + k) });
        shape.then(|| chars[i..i + 10].iter().collect())
    })
}

#[test]
fn iso_dates_are_found_by_the_check() {
    assert_eq!(iso_date("截至 2022-09-10 24时"), Some("2022-09-10".into()));
    assert_eq!(iso_date("2022年9月10日 卫政办发〔2022〕49号 t20220720_3700436"), None);
    assert_eq!(visible("<style>a { }</style><p class=\"x\">甲</p>\n<p>乙</p>"), " 甲 乙 ");
}

#[test]
fn pages_are_numbered_in_the_margin_and_no_footer_names_the_program() {
    for kind in [Kind::Summary, Kind::Unit, Kind::Ledger] {
        for lang in [Lang::Zh, Lang::En] {
            let doc = render(&report(kind), lang);
            assert!(doc.contains("@bottom-center {\n    content: \"— \" counter(page) \" —\";"), "{kind:?}");
            assert!(!doc.contains("<footer"), "{kind:?}");
            assert!(!doc.to_lowercase().contains("taizhang"), "{kind:?}");
            assert!(doc.contains("thead { display: table-header-group; }"));
            assert!(doc.contains("tr { break-inside: avoid; page-break-inside: avoid; }"));
            assert_eq!(doc.contains("size: A4 landscape"), kind != Kind::Summary, "{kind:?}");
        }
    }
}

#[test]
fn chinese_office_fonts_come_before_noto() {
    let doc = render(&report(Kind::Summary), Lang::Zh);
    let at = |s: &str| doc.find(s).unwrap_or_else(|| panic!("missing {s}"));
    for (office, fallback) in
        [("\"仿宋\", \"FangSong\"", "\"Noto Serif CJK SC\""), ("\"黑体\", \"SimHei\"", "\"Noto Sans CJK SC\"")]
    {
        assert!(at(office) < doc[at(office)..].find(fallback).map_or(0, |i| i + at(office)), "{office}");
    }
    assert!(doc.contains("\"宋体\", \"SimSun\""));
}

#[test]
fn chinese_reports_write_dates_in_words() {
    for kind in [Kind::Summary, Kind::Unit, Kind::Ledger] {
        let text = visible(&render(&report(kind), Lang::Zh));
        assert!(text.contains("2022年7月3日"), "{kind:?}");
        assert!(text.contains("2022年"), "{kind:?}");
        assert_eq!(iso_date(&text), None, "{kind:?}: {text}");
    }
    let unit = visible(&render(&report(Kind::Unit), Lang::Zh));
    assert!(unit.contains("报送日期 2022年7月3日"), "{unit}");
    let ledger = visible(&render(&report(Kind::Ledger), Lang::Zh));
    assert!(ledger.contains("2022年7月1日 09:30"), "{ledger}");
}

#[test]
fn the_summary_is_headed_and_closed_as_a_notice() {
    let mut r = report(Kind::Summary);
    let doc = visible(&render(&r, Lang::Zh));
    // Defaults: a title naming the plan and period, the plan's issuer, the as-of date.
    let title = doc.find("关于2022年政务公开工作要点第1期落实情况的通报").expect("title");
    let close = doc.rfind("市政府办公室").expect("office");
    assert!(title < doc.find("一、总体情况").expect("part 1"));
    assert!(close > doc.find("七、本期完成事项").expect("part 7"));
    assert!(doc[close..].contains("2022年7月3日"));
    assert!(!doc.contains("签发人"));

    r.head.notice = Notice {
        title: Some("关于政务公开工作进展情况的通报".into()),
        number: Some("〔2022〕3号".into()),
        office: Some("市政务公开办".into()),
        signer: Some("张三".into()),
        date: Some(date("2022-09-10")),
    };
    let html = render(&r, Lang::Zh);
    assert!(html.contains("<h1>关于政务公开工作进展情况的通报</h1>\n<p class=\"docno\">〔2022〕3号</p>"));
    let doc = visible(&html);
    let end = &doc[doc.find("七、本期完成事项").expect("part 7")..];
    let at = |s: &str| end.find(s).unwrap_or_else(|| panic!("missing {s} at the end"));
    assert!(at("签发人：张三") < at("市政务公开办") && at("市政务公开办") < at("2022年9月10日"));
    assert!(html.contains("<div class=\"close\">"), "right-aligned closing");
}

#[test]
fn overdue_rows_name_their_task() {
    let doc = render(&report(Kind::Summary), Lang::Zh);
    let from = doc.find("五、逾期未完成事项").expect("overdue part");
    let to = doc.find("六、本期未报送单位").expect("next part");
    let part = &doc[from..to];
    assert!(part.contains("<th>任务名称</th>"));
    assert!(part.contains("<span class=\"topic\">深化政务公开</span><br>推进决策公开，做好政策解读。"));
    assert_eq!(part.matches("<span class=\"topic\">").count(), 2, "both overdue rows");
}

#[test]
fn the_ledger_names_tasks_and_cuts_long_content() {
    let mut r = report(Kind::Ledger);
    r.rows[1].topic = None;
    r.rows[1].content = "做好涉及市场主体政策文件的决策、解读、执行落实情况公开，增强政策文件制定实施的透明度与可预期性，提振市场主体信心，持续打造更优营商环境。".into();
    let doc = render(&r, Lang::Zh);
    assert!(doc.contains("<th>任务名称</th>"));
    assert!(doc.contains("<td>深化政务公开</td>"));
    let cut = doc.find("<td>做好涉及市场主体").map(|i| &doc[i..]).expect("content as the name");
    let cell = &cut[..cut.find("</td>").expect("cell end")];
    assert!(cell.ends_with('…') && cell.chars().count() < 60, "{cell}");
}

#[test]
fn the_unit_report_names_who_filled_it_and_leaves_blanks_to_sign() {
    let mut r = report(Kind::Unit);
    let at = |s: &str| DateTime::parse_from_rfc3339(s).ok();
    r.rows[0].by = Some("李四".into());
    r.rows[0].updated_at = at("2022-06-01T09:00:00+08:00");
    r.rows[1].by = Some("王五".into());
    r.rows[1].updated_at = at("2022-07-02T09:00:00+08:00");
    r.rows[2].by = Some("李四".into());
    r.rows[2].updated_at = at("2022-06-20T09:00:00+08:00");
    assert_eq!(labels::reporters(&r, Lang::Zh), "王五、李四", "distinct, most recent first");
    let html = render(&r, Lang::Zh);
    assert!(html.contains("<th>填报人</th><td>王五、李四</td>"), "in the header block");
    let sign = &html[html.find("<div class=\"signoff\">").expect("sign-off")..];
    for s in [
        "填报人：王五、李四",
        "联系电话：<span class=\"blank\">",
        "审核人：<span class=\"blank\">",
        "单位（盖章）：<span class=\"blank\">",
    ] {
        assert!(sign.contains(s), "missing {s}");
    }
    assert!(html.rfind("</table>") < html.find("<div class=\"signoff\">"), "after the table");
    // Nobody named: the 填报人 is a blank too; the summary and ledger have no sign-off.
    for row in &mut r.rows {
        row.by = None;
    }
    let html = render(&r, Lang::Zh);
    assert!(html.contains("填报人：<span class=\"blank\"></span>"));
    assert_eq!(html.matches("class=\"blank\"").count(), 4);
    for kind in [Kind::Summary, Kind::Ledger] {
        assert!(!render(&report(kind), Lang::Zh).contains("<div class=\"signoff\">"), "{kind:?}");
    }
}
