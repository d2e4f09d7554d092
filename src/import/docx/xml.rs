//! Small helpers over quick-xml for the WordprocessingML parts: a reader that reports empty
//! elements as a start and an end, an element's local name and attributes by local name (any
//! namespace prefix, as Word, WPS and LibreOffice write `w:`, and Strict OOXML others), entity
//! references as text, and the main part's name from the package relationships.

use quick_xml::Reader;
use quick_xml::events::{BytesEnd, BytesRef, BytesStart, Event};

/// A reader over a part's text: `<a/>` comes as a start and an end.
pub fn reader(text: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_str(text);
    r.config_mut().expand_empty_elements = true;
    r
}

/// The element's name without its prefix ("tbl" for "w:tbl").
pub fn local<'a>(e: &'a BytesStart<'_>) -> &'a str {
    let name: &str = e.name().0;
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// The closing element's name without its prefix.
pub fn end_local<'a>(e: &'a BytesEnd<'_>) -> &'a str {
    let name: &str = e.name().0;
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// An attribute's value by local name ("val" finds "w:val"), entities resolved.
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().with_checks(false).filter_map(Result::ok).find_map(|a| {
        let key: &str = a.key.0;
        let key = key.rsplit_once(':').map_or(key, |(_, l)| l);
        (key == name)
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_default())
    })
}

/// A number attribute ("w:val"), None when missing or not a number.
pub fn number(e: &BytesStart<'_>, name: &str) -> Option<u32> {
    attr(e, name)?.trim().parse().ok()
}

/// The text an entity or character reference stands for ("amp" → "&", "#x4E00" → "一").
pub fn entity(r: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// The target of the package's officeDocument relationship (`_rels/.rels`).
pub fn office_document_target(rels: &str) -> Option<String> {
    let mut r = reader(rels);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if local(&e) == "Relationship" => {
                let kind = attr(&e, "Type").unwrap_or_default();
                if kind.ends_with("/officeDocument") {
                    return attr(&e, "Target");
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_attributes_ignore_prefixes() {
        let mut r = reader(r#"<w:p w:val="3" x="a&amp;b"/>"#);
        let Ok(Event::Start(e)) = r.read_event() else { panic!() };
        assert_eq!(local(&e), "p");
        assert_eq!(number(&e, "val"), Some(3));
        assert_eq!(attr(&e, "x").as_deref(), Some("a&b"));
        assert!(matches!(r.read_event(), Ok(Event::End(_))));
    }

    #[test]
    fn main_part_from_relationships() {
        let rels = r#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="r2" Type="http://x/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
        assert_eq!(office_document_target(rels).as_deref(), Some("word/document.xml"));
        assert_eq!(office_document_target("<broken"), None);
    }
}
