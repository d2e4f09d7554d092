//! The rules for reading responsible cells, one test per way documents write them.

use super::*;

fn none(_: &str) -> bool {
    false
}

#[test]
fn shared_prefix_is_written_once() {
    let r = parse_responsible("各县（区），市发展改革委、财政局、商务局、统计局等相关部门", &none);
    assert_eq!(r.units, ["各县（区）", "市发展改革委", "市财政局", "市商务局", "市统计局"]);
    assert_eq!(r.others.as_deref(), Some("等相关部门"));
    assert!(r.lead.is_empty());
}

#[test]
fn lead_and_cooperating() {
    let r = parse_responsible("各县（区），市审批服务管理局牵头，其他部门配合", &none);
    assert_eq!(r.lead, ["市审批服务管理局"]);
    assert_eq!(r.units, ["各县（区）"]);
    assert_eq!(r.assist, ["其他部门"]);
    let r = parse_responsible("各县（区），市司法局牵头，各相关部门配合。", &none);
    assert_eq!(r.lead, ["市司法局"]);
    assert_eq!(r.units, ["各县（区）"]);
    assert_eq!(r.assist, ["各相关部门"]);
}

#[test]
fn known_names_are_not_prefixed_or_split() {
    let known = |s: &str| ["中卫工业园区管委会", "市工业和信息化局", "市直相关单位", "各乡镇人民政府"].contains(&s);
    let r = parse_responsible("市科技局、工业和信息化局、中卫工业园区管委会", &known);
    assert_eq!(r.units, ["市科技局", "市工业和信息化局", "中卫工业园区管委会"]);
    let r = parse_responsible(
        "市发展和改革委员会、市财政局牵头，市直相关单位和各乡镇人民政府、街道办事处按职责分工负责",
        &known,
    );
    assert_eq!(r.lead, ["市发展和改革委员会", "市财政局"]);
    assert_eq!(r.units, ["市直相关单位", "各乡镇人民政府", "街道办事处"]);
    let known = |s: &str| ["县政务中心", "县财政局"].contains(&s);
    assert_eq!(parse_responsible("县政务中心县财政局", &known).units, ["县政务中心", "县财政局"]);
}

#[test]
fn label_and_brackets_are_dropped() {
    let r = parse_responsible("（责任单位：市税务局、市财政局等有关部门， 各县（市、区）人民政府）", &none);
    assert_eq!(r.units, ["市税务局", "市财政局", "各县（市、区）人民政府"]);
    assert_eq!(r.others.as_deref(), Some("等有关部门"));
    assert_eq!(parse_responsible("各县（区）", &none).units, ["各县（区）"]);
}

#[test]
fn county_prefix_is_shared_too() {
    let r = parse_responsible("县发改局、市场监管局", &none);
    assert_eq!(r.units, ["县发改局", "县市场监管局"]);
}

fn names(r: &Responsible, role: CellRole) -> Vec<&str> {
    r.parties.iter().filter(|p| p.role == role).map(|p| p.name.as_str()).collect()
}

#[test]
fn labels_give_roles_with_either_colon_and_semicolon() {
    for cell in [
        "（牵头单位：市发展改革委；责任单位：市直各部门）",
        "(牵头单位:市发展改革委;责任单位:市直各部门)",
        "牵头单位：市发展改革委 责任单位：市直各部门",
        "（牵头单位：市发展改革委）（责任单位：市直各部门）",
    ] {
        let r = parse_responsible(cell, &none);
        assert_eq!(r.lead, ["市发展改革委"], "{cell}");
        assert_eq!(r.units, ["市直各部门"], "{cell}");
        assert!(r.unclear.is_empty(), "{cell}: {:?}", r.unclear);
    }
}

#[test]
fn assisting_units_keep_their_role() {
    let r = parse_responsible("牵头部门：市教育局；配合部门：市财政局、市人力资源和社会保障局", &none);
    assert_eq!(r.lead, ["市教育局"]);
    assert!(r.units.is_empty());
    assert_eq!(r.assist, ["市财政局", "市人力资源和社会保障局"]);
    assert_eq!(names(&r, CellRole::Assist), ["市财政局", "市人力资源和社会保障局"]);
    let r = parse_responsible("协助单位：县财政局", &none);
    assert_eq!(r.assist, ["县财政局"]);
    let r = parse_responsible("责任部门：市民政局；配合单位：各县（市、区）人民政府", &none);
    assert_eq!(names(&r, CellRole::Responsible), ["市民政局"]);
    assert_eq!(names(&r, CellRole::Assist), ["各县（市、区）人民政府"]);
    let r = parse_responsible("市司法局牵头，各相关部门配合", &none);
    assert_eq!(names(&r, CellRole::Lead), ["市司法局"]);
    assert_eq!(names(&r, CellRole::Assist), ["各相关部门"]);
}

#[test]
fn and_splits_between_names_not_inside_one() {
    let r = parse_responsible("市财政局和市商务局", &none);
    assert_eq!(r.units, ["市财政局", "市商务局"]);
    let r = parse_responsible("市卫生健康委及各县（市、区）人民政府", &none);
    assert_eq!(r.units, ["市卫生健康委", "各县（市、区）人民政府"]);
    let r = parse_responsible("市教育局和财政局及统计局", &none);
    assert_eq!(r.units, ["市教育局", "市财政局", "市统计局"]);
    let r = parse_responsible("各县（市、区）党委和政府", &none);
    assert_eq!(r.units, ["各县（市、区）党委和政府"]);
    for whole in ["市住房和城乡建设局", "市人力资源和社会保障局", "市发展和改革委员会", "市政务服务和大数据管理局"]
    {
        assert_eq!(parse_responsible(whole, &none).units, [whole]);
    }
}

#[test]
fn a_known_whole_name_with_and_stays_whole() {
    let known = |s: &str| ["市住房和城乡建设局", "市城管局", "市住房", "城乡建设局"].contains(&s);
    assert_eq!(parse_responsible("市住房和城乡建设局", &known).units, ["市住房和城乡建设局"]);
    let r = parse_responsible("市住房和城乡建设局和市城管局", &known);
    assert_eq!(r.units, ["市住房和城乡建设局", "市城管局"]);
}

#[test]
fn phrases_that_name_no_unit_are_dropped() {
    let r = parse_responsible("各县（市、区）人民政府，市直各部门按职责分工负责，抓好落实", &none);
    assert_eq!(r.units, ["各县（市、区）人民政府", "市直各部门"]);
    let r = parse_responsible("由市财政局、市税务局分别负责", &none);
    assert_eq!(r.units, ["市财政局", "市税务局"]);
    for cell in ["按职责分工负责", "抓好落实", "分别负责", "按职责负责", "各负其责"] {
        let r = parse_responsible(cell, &none);
        assert!(r.units.is_empty() && r.lead.is_empty() && r.unclear.is_empty(), "{cell}: {r:?}");
    }
    let r = parse_responsible("责任单位：市市场监管局，各负其责", &none);
    assert_eq!(r.units, ["市市场监管局"]);
}

#[test]
fn what_is_no_name_is_reported_not_invented() {
    let r = parse_responsible("牵头单位：市发展改革委；其余事项视情况另行研究", &none);
    assert_eq!(r.lead, ["市发展改革委"]);
    assert!(r.units.is_empty());
    assert_eq!(r.unclear, ["其余事项视情况另行研究"]);
    let r = parse_responsible("主要领导：张三", &none);
    assert_eq!(r.unclear, ["主要领导：张三"]);
    assert!(r.units.is_empty());
}

#[test]
fn a_bracket_in_a_name_survives_a_bracketed_label() {
    let r = parse_responsible("（牵头单位：市发展改革委）（责任单位：各县（市、区）人民政府）", &none);
    assert_eq!(r.lead, ["市发展改革委"]);
    assert_eq!(r.units, ["各县（市、区）人民政府"]);
    let r = parse_responsible("（配合单位：各县（市、区））", &none);
    assert_eq!(names(&r, CellRole::Assist), ["各县（市、区）"]);
}

/// Every short string of the cell's tricky pieces parses without panicking.
#[test]
fn odd_cells_never_panic() {
    let pieces =
        ["（", "）", "(", ")", "：", ":", "；", "和", "及", "牵头单位", "配合部门", "市", "局", " ", "、", "等部门"];
    let n = pieces.len();
    for code in 0..n.pow(4) {
        let cell: String = (0..4).map(|k| pieces[code / n.pow(k) % n]).collect();
        let r = parse_responsible(&cell, &none);
        assert!(r.parties.iter().all(|p| !p.name.is_empty()), "{cell}");
    }
}

#[test]
fn traditional_labels_and_roles() {
    let r = parse_responsible("（牽頭單位：市財政局；配合單位：市商務局、縣稅務局）", &none);
    assert_eq!(
        (r.lead.as_slice(), r.assist.as_slice()),
        (&["市財政局".to_string()][..], &["市商務局".to_string(), "縣稅務局".to_string()][..])
    );
    let r = parse_responsible("責任單位：市財政局、商務局等相關部門", &none);
    assert_eq!(r.units, ["市財政局", "市商務局"]);
    assert_eq!(r.others.as_deref(), Some("等相關部門"));
    let r = parse_responsible("市財政局牽頭，各縣（市、區）按職責分工負責", &none);
    assert_eq!(
        (r.lead.as_slice(), r.units.as_slice()),
        (&["市財政局".to_string()][..], &["各縣（市、區）".to_string()][..])
    );
    assert!(r.unclear.is_empty(), "{:?}", r.unclear);
}

#[test]
fn short_collective_names_of_towns_and_villages() {
    let r = parse_responsible("区委网信办、各镇街", &none);
    assert_eq!(r.units, ["区委网信办", "各镇街"]);
    assert!(r.unclear.is_empty());
    let r = parse_responsible("各村、国有林场", &none);
    assert_eq!(r.units, ["各村", "国有林场"]);
}

#[test]
fn duties_after_a_name_are_no_unit() {
    let r = parse_responsible("各乡镇人民政府按职责分工负责落实", &none);
    assert_eq!(r.units, ["各乡镇人民政府"]);
    assert!(r.unclear.is_empty());
    let r = parse_responsible("区委宣传部负责统筹协调", &none);
    assert_eq!(r.units, ["区委宣传部"]);
}
