//! Tests of the HTML renderer on small reports built by hand.

use chrono::{DateTime, NaiveDate};

use super::render;
use crate::Lang;
use crate::ledger::Status;
use crate::plan::Role;
use crate::report::{
    Bucket, Buckets, Head, Kind, Light, PeriodInfo, PlanInfo, Report, Reported, Row, SectionLine, Summary, Totals,
    UnitInfo, UnitLine,
};

pub(super) fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

pub(super) fn row(task: &str, unit: &str, name: &str, status: Option<Status>) -> Row {
    Row {
        task: task.into(),
        section: Some("政务公开".into()),
        topic: Some("深化政务公开".into()),
        content: "推进决策公开，做好政策解读。".into(),
        body: None,
        unit: unit.into(),
        unit_name: name.into(),
        role: Role::Lead,
        deadline: Some("2022年6月底前".into()),
        deadline_for: None,
        inferred: None,
        due: Some(date("2022-06-30")),
        days_left: Some(-3),
        status,
        percent: Some(60),
        expected: Some(100),
        note: Some("已完成初稿\n<script>alert('x')</script> & \"引号\"\u{1b}[31m".into()),
        problems: None,
        next: Some("下一步：报审。".into()),
        evidence: vec!["https://example.gov.cn/a?x=1&y=2".into(), "会议纪要".into()],
        by: None,
        updated_at: Some(DateTime::parse_from_rfc3339("2022-07-01T09:30:00+08:00").expect("time")),
        updated_in_period: true,
        record: None,
        corrected: false,
        late: false,
        reported: Reported::Updated,
        ledger_error: false,
        overdue: true,
        bucket: Bucket::Overdue,
        light: Light::Red,
    }
}

fn unit_line(rank: usize, unit: &str, name: &str, reported: bool) -> UnitLine {
    UnitLine {
        rank,
        unit: unit.into(),
        name: name.into(),
        assignments: 2,
        done: 3 - rank.min(3),
        na: 0,
        overdue: rank - 1,
        completion_rate: (3 - rank.min(3)) as f64 / 2.0,
        reported,
        report: if reported { Reported::Updated } else { Reported::None },
        ledger_error: false,
        assist: 0,
        assist_done: 0,
        last_update: None,
    }
}

pub(super) fn report(kind: Kind) -> Report {
    let rows = vec![
        row("1", "fgw", "市发展改革委", Some(Status::InProgress)),
        row("2", "czj", "市财政局", Some(Status::Done)),
        row("3", "jyj", "市教育局", None),
    ];
    let summary = Summary {
        totals: Totals {
            assignments: 3,
            done: 1,
            in_progress: 1,
            not_started: 1,
            overdue: 2,
            tasks: 3,
            ..Totals::default()
        },
        buckets: Buckets { done: 1, overdue: 2, ..Buckets::default() },
        assist: Default::default(),
        // Deliberately out of rank order: the renderer sorts by rank.
        units: vec![
            unit_line(3, "jyj", "市教育局", false),
            unit_line(1, "czj", "市财政局", true),
            unit_line(2, "fgw", "市发展改革委", true),
        ],
        sections: vec![SectionLine {
            section: "政务公开".into(),
            tasks: 3,
            assignments: 3,
            done: 1,
            overdue: 2,
            completion_rate: 1.0 / 3.0,
        }],
        tasks: Vec::new(),
        states: Vec::new(),
        overdue: vec![0, 2],
        not_reported: vec!["市教育局".into()],
        late: vec![],
        broken: vec![],
        completed: vec![1],
    };
    Report {
        head: Head {
            kind,
            plan: PlanInfo {
                id: "zwgk2022".into(),
                title: "2022年政务公开工作要点".into(),
                issuer: "市政府办公室".into(),
                doc_no: Some("政办发〔2022〕1号".into()),
            },
            as_of: DateTime::parse_from_rfc3339("2022-07-03T23:59:59+08:00").expect("time"),
            as_of_date: date("2022-07-03"),
            period: PeriodInfo { number: 1, start: date("2022-04-01"), due: date("2022-07-03") },
            unit: (kind == Kind::Unit).then(|| UnitInfo { id: "fgw".into(), name: "市发展改革委".into() }),
            notice: Default::default(),
            inferred: Vec::new(),
        },
        rows,
        summary,
        trail: vec![],
    }
}

fn all(lang: Lang) -> Vec<String> {
    [Kind::Summary, Kind::Unit, Kind::Ledger].into_iter().map(|k| render(&report(k), lang)).collect()
}

#[test]
fn document_is_standalone_html5() {
    for (lang, tag) in [(Lang::Zh, "<html lang=\"zh-CN\">"), (Lang::En, "<html lang=\"en\">")] {
        for doc in all(lang) {
            assert!(doc.starts_with("<!DOCTYPE html>"));
            assert!(doc.contains(tag));
            assert!(doc.contains("<meta charset=\"utf-8\">"));
            assert!(doc.contains("@page {\n  size: A4; margin: 20mm 15mm 18mm;"));
            assert!(doc.contains("thead { display: table-header-group; }"));
            assert!(doc.contains("<title>2022年政务公开工作要点"));
            assert!(doc.trim_end().ends_with("</html>"));
        }
    }
}

#[test]
fn no_external_assets() {
    for doc in all(Lang::Zh).into_iter().chain(all(Lang::En)) {
        for bad in ["<link", "<script", "src=", "@import", "url(", "<img", "<iframe"] {
            assert!(!doc.contains(bad), "found {bad}");
        }
    }
}

#[test]
fn model_text_is_escaped() {
    let doc = render(&report(Kind::Unit), Lang::Zh);
    assert!(
        doc.contains(
            "已完成初稿<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot;\u{FFFD}[31m"
        )
    );
    assert!(!doc.contains('\u{1b}'));
    // Addresses become links, escaped; other evidence stays text.
    assert!(doc.contains("<a href=\"https://example.gov.cn/a?x=1&amp;y=2\">"));
    assert!(doc.contains("<li>会议纪要</li>"));
}

#[test]
fn model_text_in_titles_is_escaped() {
    let mut r = report(Kind::Summary);
    r.head.plan.title = "A<b>&\"'\u{202E}\u{200E}\u{200F}\u{061C}".into();
    let doc = render(&r, Lang::Zh);
    assert!(doc.contains("<title>A&lt;b&gt;&amp;&quot;&#39;\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"));
    assert!(!doc.contains("A<b>"));
    for mark in ['\u{202E}', '\u{200E}', '\u{200F}', '\u{061C}'] {
        assert!(!doc.contains(mark), "{mark:?}");
    }
}

#[test]
fn chinese_text_is_kept() {
    let doc = render(&report(Kind::Ledger), Lang::Zh);
    for s in ["市发展改革委", "已完成初稿", "2022年6月底前", "逾期 3 天", "推进中 60%", "✗红", "牵头", "深化政务公开"]
    {
        assert!(doc.contains(s), "missing {s}");
    }
    assert!(doc.contains("<span class=\"light red\"><span class=\"dot\"></span>✗红</span>"));
}

#[test]
fn summary_lists_units_in_rank_order() {
    let doc = render(&report(Kind::Summary), Lang::Zh);
    let from = doc.find("三、各单位完成情况排名").expect("units part");
    let to = doc.find("四、分领域完成情况").expect("sections part");
    let part = &doc[from..to];
    let at = |s: &str| part.find(s).unwrap_or_else(|| panic!("missing {s}"));
    assert!(at("市财政局") < at("市发展改革委"));
    assert!(at("市发展改革委") < at("市教育局"));
    assert!(part.contains("未报送"));
    for p in ["一、总体情况", "二、进度分布", "五、逾期未完成事项", "六、本期未报送单位", "七、本期完成事项"]
    {
        assert!(doc.contains(p), "missing {p}");
    }
}

#[test]
fn summary_says_none_for_empty_lists() {
    let mut r = report(Kind::Summary);
    r.summary.not_reported.clear();
    r.summary.overdue.clear();
    r.summary.completed.clear();
    let doc = render(&r, Lang::En);
    assert_eq!(doc.matches("<p class=\"para\">none</p>").count(), 3);
}

#[test]
fn unit_report_marks_updates_in_period() {
    let doc = render(&report(Kind::Unit), Lang::Zh);
    assert!(doc.contains("<th>本期更新</th>"));
    assert!(doc.contains("<td class=\"c\">是</td>"));
    assert!(doc.contains("<span class=\"topic\">深化政务公开</span>"));
    assert!(doc.contains("报送日期"));
}

#[test]
fn column_widths_add_up_to_the_page() {
    for doc in all(Lang::Zh) {
        for group in doc.split("<colgroup>").skip(1) {
            let group = &group[..group.find("</colgroup>").expect("closed")];
            let sum: u32 = group
                .split("width:")
                .skip(1)
                .map(|w| w[..w.find('%').expect("%")].parse::<u32>().expect("number"))
                .sum();
            assert_eq!(sum, 100, "{group}");
        }
    }
}
