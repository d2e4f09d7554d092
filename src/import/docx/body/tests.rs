//! The document walk on hand-written document.xml.

use super::*;

fn doc(body: &str) -> Document {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
    );
    walk(&xml, Definitions::default(), &Styles::default()).unwrap()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn tc(props: &str, paras: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>")
}

#[test]
fn paragraphs_keep_what_a_reader_sees() {
    let body = [
        p("标题 &amp; 说明"),
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t xml:space=\"preserve\">丙 </w:t></w:r></w:p>".into(),
        "<w:p><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>".into(),
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>".into(),
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>".into(),
        "<w:p/>".into(),
    ]
    .concat();
    let d = doc(&body);
    assert_eq!(d.paragraphs, vec!["标题 & 说明", "甲 乙\n丙 ", "插入", "3", "可见", ""]);
    assert!(d.tables.is_empty());
}

#[test]
fn tables_with_spans_merges_and_grid_gaps() {
    let row1 = format!(
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}</w:tr>",
        tc("", &p("序号")),
        tc("", &p("具体措施")),
        tc("", &p("责任单位"))
    );
    let row2 = format!(
        "<w:tr>{}{}</w:tr>",
        tc("<w:gridSpan w:val=\"2\"/>", &p("一、标题行")),
        tc("<w:vMerge w:val=\"restart\"/>", &[p("市财政局"), p("市商务局")].concat())
    );
    let row3 = format!(
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr>",
        tc("", &[p(""), p("内容"), p("")].concat()),
        tc("<w:vMerge/>", &p("重复"))
    );
    let row4 = format!("<w:tr><w:trPr><w:gridAfter w:val=\"2\"/></w:trPr>{}</w:tr>", tc("", &p("1")));
    let d = doc(&format!("{}<w:tbl>{row1}{row2}{row3}{row4}</w:tbl>{}", p("前"), p("后")));
    assert_eq!(d.paragraphs, vec!["前", "后"]);
    assert_eq!(
        d.tables,
        vec![Grid {
            rows: vec![
                vec!["序号".to_string(), "具体措施".into(), "责任单位".into()],
                vec!["一、标题行".into(), "".into(), "市财政局\n市商务局".into()],
                vec!["".into(), "内容".into(), "".into()],
                vec!["1".into(), "".into(), "".into()],
            ]
        }]
    );
}

#[test]
fn nested_tables_flatten_into_their_cell() {
    let inner = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc("", &p("内一")), tc("", &p("内二")));
    let outer =
        format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc("", &[p("外"), inner, p("")].concat()), tc("", &p("右")));
    let d = doc(&outer);
    assert_eq!(d.tables.len(), 1);
    assert_eq!(d.tables[0].rows, vec![vec!["外\n内一\n内二".to_string(), "右".into()]]);
}

#[test]
fn text_boxes_are_read_once() {
    let tb = "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>";
    assert_eq!(doc(tb).paragraphs, vec!["框", "正文"]);
}

#[test]
fn hostile_values_are_bounded() {
    let row = format!(
        "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"4000000000\"/></w:trPr>{}</w:tr></w:tbl>",
        tc("<w:gridSpan w:val=\"99999999\"/>", &p("x"))
    );
    let d = doc(&row);
    assert!(d.tables[0].rows[0].len() <= MAX_CELLS);
    let unbalanced = "<w:p></w:tc></w:p>";
    let xml = format!("<w:document><w:body>{unbalanced}</w:body></w:document>");
    assert!(walk(&xml, Definitions::default(), &Styles::default()).is_err());
    let deep = "<w:tbl>".repeat(50_000);
    let xml = format!("<w:document><w:body>{deep}");
    assert!(walk(&xml, Definitions::default(), &Styles::default()).is_ok(), "an unclosed file ends at its end");
}
