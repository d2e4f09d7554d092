//! Labelled, phrased and bare brackets; deadlines in the same bracket; traditional script.

use super::*;

fn rd(inner: &str) -> Option<(Option<String>, Option<String>, bool)> {
    read(inner).map(|f| (f.responsible, f.deadline, f.bare))
}

fn some(r: &str, d: Option<&str>, bare: bool) -> Option<(Option<String>, Option<String>, bool)> {
    Some((Some(r.to_string()), d.map(str::to_string), bare))
}

#[test]
fn labelled_with_either_colon_and_any_separator() {
    for inner in [
        "责任单位：市财政局。完成时限：2022年6月底前",
        "责任单位:市财政局;完成时限:2022年6月底前",
        "责任单位：市财政局；完成时限：2022年6月底前",
        "责任单位：市财政局，完成时限：2022年6月底前",
        "责任部门：市财政局 完成时间：2022年6月底前",
        "责 任单位：市财政局。时限：2022年6月底前",
    ] {
        assert_eq!(rd(inner), some("市财政局", Some("2022年6月底前"), false), "{inner}");
    }
}

#[test]
fn lead_and_assist_labels_are_kept() {
    assert_eq!(
        rd("牵头单位：市发改委；配合单位：市财政局、市商务局；完成时限：全年"),
        some("牵头单位：市发改委；配合单位：市财政局、市商务局", Some("全年"), false)
    );
}

#[test]
fn phrased_and_bare() {
    assert_eq!(rd("市财政局牵头，市商务局配合"), some("市财政局牵头，市商务局配合", None, false));
    assert_eq!(
        rd("市直相关单位，各乡镇人民政府、街道办事处按职责分工负责"),
        some("市直相关单位，各乡镇人民政府、街道办事处按职责分工负责", None, false)
    );
    assert_eq!(
        rd("市教育局、市卫健委等有关部门，各县（市、区）人民政府。完成时限：2022年10月"),
        some("市教育局、市卫健委等有关部门，各县（市、区）人民政府", Some("2022年10月"), true)
    );
    assert_eq!(rd("市财政局牵头，2022年6月底前完成"), some("市财政局牵头", Some("2022年6月底前完成"), false));
}

#[test]
fn deadline_only_and_same_below() {
    assert_eq!(rd("2022年6月底前"), Some((None, Some("2022年6月底前".into()), false)));
    let f = read("市财政局负责，下同").unwrap();
    assert_eq!((f.responsible.as_deref(), f.same_below), (Some("市财政局负责"), true));
}

#[test]
fn brackets_of_text() {
    for inner in ["试行", "市、区", "实现一级标准", "2021—2025年", "网络在线、电话在线", "", "：", "征求意见稿"]
    {
        assert_eq!(read(inner), None, "{inner}");
    }
}

#[test]
fn traditional_script() {
    assert_eq!(rd("責任單位：市財政局；完成時限：2022年6月底前"), some("市財政局", Some("2022年6月底前"), false));
    assert_eq!(
        rd("牽頭單位：市財政局；配合單位：市商務局"),
        some("牽頭單位：市財政局；配合單位：市商務局", None, false)
    );
    assert_eq!(rd("市財政局牽頭，市商務局配合"), some("市財政局牽頭，市商務局配合", None, false));
}
