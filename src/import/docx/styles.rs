//! Paragraph styles' numbering (`word/styles.xml`): a style such as "标题 2" or a list style may
//! carry `w:numPr`, which its paragraphs inherit, directly or through `w:basedOn`.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::xml;

/// What a style says about numbering.
#[derive(Debug, Clone, Default, PartialEq)]
struct Style {
    num_id: Option<String>,
    ilvl: Option<u8>,
    based_on: Option<String>,
}

/// The document's paragraph styles, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

/// How far `w:basedOn` is followed (a loop in a damaged file ends here).
const MAX_DEPTH: usize = 16;

impl Styles {
    /// Reads styles.xml; what cannot be read is left out.
    pub fn parse(text: &str) -> Styles {
        let mut r = xml::reader(text);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        loop {
            match r.read_event() {
                Ok(Event::Start(e)) => match (xml::local(&e), &mut current) {
                    ("style", _) => current = xml::attr(&e, "styleId").map(|id| (id, Style::default())),
                    ("numId", Some((_, s))) => s.num_id = xml::attr(&e, "val"),
                    ("ilvl", Some((_, s))) => s.ilvl = xml::number(&e, "val").and_then(|v| u8::try_from(v).ok()),
                    ("basedOn", Some((_, s))) => s.based_on = xml::attr(&e, "val"),
                    _ => {}
                },
                Ok(Event::End(e)) if xml::end_local(&e) == "style" => {
                    if let Some((id, s)) = current.take() {
                        styles.by_id.insert(id, s);
                    }
                }
                Ok(Event::Eof) | Err(_) => return styles,
                _ => {}
            }
        }
    }

    /// The numbering a paragraph of style `id` inherits: (numId, ilvl), each from the nearest
    /// style in the `basedOn` chain that gives it.
    pub fn numbering(&self, id: &str) -> (Option<String>, Option<u8>) {
        let (mut num_id, mut ilvl) = (None, None);
        let mut at = Some(id.to_string());
        for _ in 0..MAX_DEPTH {
            let Some(style) = at.as_ref().and_then(|id| self.by_id.get(id)) else { break };
            num_id = num_id.or_else(|| style.num_id.clone());
            ilvl = ilvl.or(style.ilvl);
            at = style.based_on.clone();
        }
        (num_id, ilvl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_is_inherited_through_based_on() {
        let xml = r#"<w:styles xmlns:w="x">
          <w:style w:type="paragraph" w:styleId="List"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Item"><w:basedOn w:val="List"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>
          <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>
        </w:styles>"#;
        let s = Styles::parse(xml);
        assert_eq!(s.numbering("Item"), (Some("4".to_string()), Some(1)));
        assert_eq!(s.numbering("List"), (Some("4".to_string()), None));
        assert_eq!(s.numbering("A"), (None, None), "a loop ends");
        assert_eq!(s.numbering("Missing"), (None, None));
    }
}
