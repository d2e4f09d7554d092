//! Units and groups made from responsibility texts.

use super::*;

#[test]
fn abbreviations_are_one_unit() {
    assert!(same_unit("市发改委", "市发展改革委"));
    assert!(same_unit("市发展和改革委员会", "市发展改革委"));
    assert!(same_unit("市旅游和文体广电局", "市旅游文体广电局"));
    assert!(same_unit("市市场监管局", "市市场监督管理局"));
    assert!(!same_unit("市财政局", "县财政局"));
    assert!(!same_unit("市教育局", "市商务局"));
    assert!(!same_unit("市政府", "市政府办公室"));
}

#[test]
fn groups_by_collective_words() {
    for g in
        ["各县（区）", "市直各单位", "市政府各部门", "各县市区人民政府", "各乡镇（街道）", "其他部门", "市直相关单位"]
    {
        assert!(is_group(g), "{g}");
    }
    assert!(!is_group("市财政局"));
}

#[test]
fn registry_merges_and_gathers() {
    let texts = [
        "各县（区），市发展改革委、财政局等相关部门",
        "市发改委牵头，市政府各部门配合",
        "市发展改革委、旅游和文体广电局",
        "市旅游文体广电局",
        "市旅游文体广电局",
        "沙坡头区",
    ];
    let reg = Registry::build(&texts);
    let names: Vec<&str> = reg.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["市发展改革委", "市财政局", "市旅游文体广电局", "沙坡头区"]);
    assert_eq!(
        reg.merges(),
        [
            ("市发改委".to_string(), "市发展改革委".to_string()),
            ("市旅游和文体广电局".into(), "市旅游文体广电局".into())
        ]
    );
    let groups: Vec<(&str, usize)> = reg.groups.iter().map(|g| (g.name.as_str(), g.members.len())).collect();
    assert_eq!(groups, [("各县（区）", 0), ("市政府各部门", 3)]);
    let r = reg.read("市发改委牵头，市政府各部门配合");
    assert_eq!(r.lead, ["市发展改革委"]);
    assert!(reg.units.iter().all(|u| crate::plan::valid_unit_id(&u.id)));
}
