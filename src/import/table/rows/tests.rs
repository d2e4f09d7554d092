//! The row rules, one test per way tables are written.

use super::super::{header, recognise};
use crate::import::Grid;

fn grid(text: &str) -> Grid {
    Grid { rows: text.lines().map(|l| l.split('|').map(str::to_string).collect()).collect() }
}

const HEAD: &str = "序号|重点任务|具体措施|责任单位|完成时限";

#[test]
fn merged_topic_is_carried_down_without_a_guess() {
    let g = grid(&format!("{HEAD}\n1|甲|做一|市财政局|年底前\n2||做二|市商务局|年底前"));
    let items = recognise(&g).unwrap().recognised.items;
    assert_eq!(items[1].topic.as_deref(), Some("甲"));
    assert!(items[1].guesses.is_empty(), "{:?}", items[1].guesses);
}

#[test]
fn empty_deadline_and_units_are_carried_as_guesses() {
    let g = grid(&format!("{HEAD}\n1|甲|做一|市财政局|年底前\n2||做二||"));
    let items = recognise(&g).unwrap().recognised.items;
    assert_eq!(items[1].deadline.as_deref(), Some("年底前"));
    assert_eq!(items[1].responsible.as_deref(), Some("市财政局"));
    assert_eq!(items[1].guesses.len(), 2, "{:?}", items[1].guesses);
}

#[test]
fn short_rows_are_right_aligned_keeping_the_number() {
    let g = grid(&format!("{HEAD}\n1|甲|做一|市财政局|年底前\n2|做二|市商务局|6月底前"));
    let items = recognise(&g).unwrap().recognised.items;
    assert_eq!(items[1].number.as_deref(), Some("2"));
    assert_eq!(items[1].content, "做二");
    assert_eq!(items[1].topic.as_deref(), Some("甲"));
    assert_eq!(items[1].deadline.as_deref(), Some("6月底前"));
    assert!(items[1].guesses[0].contains("少 1 格"), "{:?}", items[1].guesses);
}

#[test]
fn a_row_without_number_continues_the_task_above() {
    let g = grid(&format!("{HEAD}\n1|甲|做一前半|市财政局|年底前\n||后半||"));
    let items = recognise(&g).unwrap().recognised.items;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].content, "做一前半后半");
    assert!(items[0].guesses[0].contains("续行"), "{:?}", items[0].guesses);
}

#[test]
fn headings_furniture_and_repeated_headers() {
    let text = format!(
        "某市2022年任务分工\n{HEAD}\n一、第一部分||||\n1|甲|做一|市财政局|年底前\n— 2 —\n某市2022年任务分工\n{HEAD}\n(一) 小节\n2|乙|做二|市商务局|全年\n抄送：市委办公室"
    );
    let found = recognise(&grid(&text)).unwrap();
    let items = &found.recognised.items;
    assert_eq!(found.title.as_deref(), Some("某市2022年任务分工"));
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].section.as_deref(), Some("一、第一部分"));
    assert_eq!(items[1].subsection.as_deref(), Some("(一) 小节"));
    assert_eq!(items[1].topic.as_deref(), Some("乙"));
    assert_eq!(found.skipped, [10]);
}

#[test]
fn lead_and_assist_columns_are_labelled() {
    let g = grid("序号|工作内容|牵头单位|配合单位|时限\n1|做一|市教育局|市财政局|年底前");
    let items = recognise(&g).unwrap().recognised.items;
    assert_eq!(items[0].responsible.as_deref(), Some("牵头单位：市教育局；配合单位：市财政局"));
}

#[test]
fn no_header_no_table() {
    assert!(recognise(&grid("一、标题\n1、做一（责任单位：市财政局）")).is_none());
    assert!(header::recognise(&["序号".to_string()]).is_none());
}
