//! Numbering definitions read from hand-written numbering.xml, and the labels a walk gives.

use super::*;

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF06C;"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/><w:pStyle w:val="Item"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

fn labels(steps: &[(&str, u8)]) -> Vec<Option<String>> {
    let mut n = Numbering::new(Definitions::parse(XML));
    steps.iter().map(|&(id, l)| n.next(id, l)).collect()
}

fn some(v: &[&str]) -> Vec<Option<String>> {
    v.iter().map(|s| Some(s.to_string())).collect()
}

#[test]
fn levels_count_and_restart_under_higher_ones() {
    let got = labels(&[("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 2)]);
    assert_eq!(got, some(&["一、", "（一）", "1. ", "2. ", "（二）", "1. ", "二、", "1. "]));
}

#[test]
fn instances_share_a_definition_unless_they_override_a_start() {
    let got = labels(&[("1", 2), ("2", 2), ("3", 2), ("3", 2), ("1", 2)]);
    assert_eq!(got, some(&["1. ", "2. ", "5. ", "6. ", "7. "]));
}

#[test]
fn legal_levels_bullets_and_unknown_lists() {
    assert_eq!(labels(&[("1", 0), ("1", 0), ("1", 3)]), some(&["一、", "二、", "2.1 "]));
    assert_eq!(labels(&[("4", 0), ("4", 1)]), some(&["• ", "③ "]));
    assert_eq!(labels(&[("0", 0), ("9", 0), ("1", 7)]), vec![None, None, None]);
    assert_eq!(Definitions::parse(XML).level_for_style("4", "Item"), Some(1));
    assert_eq!(Definitions::parse("<w:numbering><w:abstractNum"), Definitions::default());
}
