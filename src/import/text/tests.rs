//! The recogniser end to end on small documents, and on hostile text.

use super::*;
use crate::import::Item;

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

fn items(text: &str) -> Vec<Item> {
    recognise(&lines(text)).map(|f| f.recognised.items).unwrap_or_default()
}

#[test]
fn numbered_items_under_headings() {
    let doc = "2022年某市政务公开工作要点\n（征求意见稿）\n做好今年工作，要坚持……。\n一、加强公开\n（一）政策公开。\n1.做好政策\n公开。（责任单位：市财政局。完成时限：全年）\n2.做好解读。（市商务局牵头，市财政局配合）\n（二）平台建设\n3.建设专栏。（责任单位：市政府办公室）\n";
    let f = recognise(&lines(doc)).unwrap();
    assert_eq!(f.title.as_deref(), Some("2022年某市政务公开工作要点（征求意见稿）"));
    assert_eq!(f.skipped, vec![3]);
    let it = &f.recognised.items;
    assert_eq!(it.len(), 3);
    assert_eq!(it[0].number.as_deref(), Some("1"));
    assert_eq!(it[0].content, "做好政策公开。");
    assert_eq!(it[0].section.as_deref(), Some("一、加强公开"));
    assert_eq!(it[0].subsection.as_deref(), Some("（一）政策公开。"));
    assert_eq!(it[0].responsible.as_deref(), Some("市财政局"));
    assert_eq!(it[0].deadline.as_deref(), Some("全年"));
    assert_eq!(it[1].responsible.as_deref(), Some("市商务局牵头，市财政局配合"));
    assert_eq!(it[1].guesses, vec!["原文没有写完成时限".to_string()]);
    assert_eq!(it[2].subsection.as_deref(), Some("（二）平台建设"));
    assert_eq!(it[2].line, 10);
}

#[test]
fn bold_heading_items_when_there_are_no_arabic_items() {
    let doc = "## 一、围绕发展\n\n**（一）加强公开。**多渠道公开。2022 年年底前，市直各单位集中公开文件。\n\n(市司法局牵头，市直相关单位按职责分工负责)\n\n**(二) 优化解读。**注重解读。(市数据资源中心牵头)\n";
    let it = items(doc);
    assert_eq!(it.len(), 2);
    assert_eq!(it[0].number.as_deref(), Some("1"));
    assert_eq!(it[0].section.as_deref(), Some("一、围绕发展"));
    assert_eq!(it[0].subsection.as_deref(), Some("（一）加强公开。"));
    assert_eq!(it[0].topic.as_deref(), Some("加强公开"));
    assert_eq!(it[0].content, "多渠道公开。2022 年年底前，市直各单位集中公开文件。");
    assert_eq!(it[0].deadline.as_deref(), Some("2022 年年底前"));
    assert_eq!(it[0].deadline_source.as_deref(), Some("2022 年年底前，市直各单位集中公开文件"));
    assert_eq!(it[1].subsection.as_deref(), Some("(二) 优化解读。"));
    assert_eq!(it[1].deadline, None);
}

#[test]
fn sub_items_under_items_under_headings() {
    let doc = "一、总体\n（一）公开\n1.政策公开\n（1）做好解读。（责任单位：市财政局）\n（2）做好回应。（责任单位：市商务局）\n2.平台\n（1）建设专栏。（责任单位：市政府办公室）\n";
    let it = items(doc);
    let got: Vec<(Option<&str>, Option<&str>)> = it.iter().map(|i| (i.number.as_deref(), i.topic.as_deref())).collect();
    assert_eq!(
        got,
        vec![(Some("1.1"), Some("政策公开")), (Some("1.2"), Some("政策公开")), (Some("2.1"), Some("平台"))]
    );
    assert_eq!(it[0].subsection.as_deref(), Some("（一）公开"));
}

#[test]
fn scope_statements_before_and_after() {
    let doc = "一、基层\n本部分各项均由各县（市、区）负责落实，下文不再逐一列出。\n1.建设专区。\n2.公开目录。\n二、平台\n3.建设网站。\n4.建设新媒体。\n以上两项由市数据资源中心负责。\n";
    let f = recognise(&lines(doc)).unwrap();
    let s = &f.recognised.scopes;
    assert_eq!(s.len(), 2);
    assert_eq!((s[0].units.as_str(), s[0].items.clone()), ("各县（市、区）", 0..2));
    assert_eq!((s[1].units.as_str(), s[1].items.clone()), ("市数据资源中心", 2..4));
    assert!(f.recognised.items.iter().all(|i| i.responsible.is_none()));
}

#[test]
fn same_below_covers_the_next_items_without_units() {
    let doc = "1.公开A。（市财政局负责，下同）\n2.公开B。\n3.公开C。（市商务局负责）\n4.公开D。\n";
    let f = recognise(&lines(doc)).unwrap();
    assert_eq!(f.recognised.scopes.len(), 1);
    assert_eq!(f.recognised.scopes[0].items, 1..2);
}

#[test]
fn traditional_script_items() {
    let doc = "一、加強公開\n1.做好政策公開。（責任單位：市財政局；完成時限：2022年6月底前）\n";
    let it = items(doc);
    assert_eq!(it.len(), 1);
    assert_eq!(it[0].content, "做好政策公開。");
    assert_eq!(it[0].responsible.as_deref(), Some("市財政局"));
    assert_eq!(it[0].deadline.as_deref(), Some("2022年6月底前"));
}

#[test]
fn text_without_items_is_none() {
    assert_eq!(recognise(&lines("一、总体要求\n各单位要高度重视。\n")), None);
    assert_eq!(recognise(&[]), None);
    assert_eq!(recognise(&lines("1.做好公开。\n2.做好解读。\n")), None, "no item names a unit");
}

#[test]
fn hostile_text_never_panics() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet: Vec<char> =
        "（）()【】[]〔〕一二十、.．1２（1）:：;；，。责任单位牵头配合完成时限年月底前由以上下同本部分各项负责 \t\u{0}\u{7}\u{202e}\r*#[bookmark: _GoBack]市局①"
            .chars()
            .collect();
    for _ in 0..300 {
        let n = (next() % 12) as usize;
        let doc: Vec<String> = (0..n)
            .map(|_| {
                let len = (next() % 60) as usize;
                (0..len).map(|_| alphabet[(next() as usize) % alphabet.len()]).collect()
            })
            .collect();
        let a = recognise(&doc);
        assert_eq!(a, recognise(&doc), "deterministic");
    }
    let long = format!("1.{}（责任单位：市财政局）", "公开（".repeat(3000));
    let _ = recognise(&[long, "）".repeat(10_000), "（".repeat(10_000), "1.".repeat(5000)]);
    let _ = recognise(&["1.做好（责任单位：市财政局".to_string(), "\u{0}\u{1b}[31m2.x（市商务局）".to_string()]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any lines, including ones made of the recogniser's own markers, brackets and labels.
    #[test]
    fn any_lines_are_read_without_panic(
        lines in proptest::collection::vec(
            proptest::prop_oneof![
                "\\PC{0,60}",
                "[（）()【】\\[\\]〔〕1-9一二十、.．:：;；，。 责任单位牵头配合完成时限年月日底前由以上本部分各项负责下同*#]{0,50}",
            ],
            0..10,
        )
    ) {
        let first = recognise(&lines);
        proptest::prop_assert_eq!(first, recognise(&lines));
    }
}
