//! The hand-written parts of a JSON document against serde_json writing the same values (and
//! the escapes `text::json_safe` used to add afterwards).

use proptest::prelude::*;
use serde_json::json;

use super::*;

/// What the program wrote before: serde_json's own text, then unsafe characters escaped.
fn old(v: &serde_json::Value, pretty: bool) -> String {
    let text = if pretty { serde_json::to_string_pretty(v) } else { serde_json::to_string(v) };
    crate::text::json_safe(text.unwrap())
}

fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex(
        "(.|\n|\r|\t|\u{7f}|\u{85}|\u{9b}|\u{200f}|\u{61c}|\u{202e}|\u{2066}|…|“|\"|\\\\|进展){0,40}",
    )
    .expect("regex")
}

proptest! {
    #[test]
    fn strings_are_escaped_as_before(s in text()) {
        let mut buf = Vec::new();
        str(&mut buf, &s);
        prop_assert_eq!(String::from_utf8(buf).unwrap(), old(&json!(s), false));
    }

    #[test]
    fn documents_are_laid_out_as_before(s in text(), n in 0usize..3, pretty in any::<bool>()) {
        let v = json!({ "a": [s.clone(), {"b": null, "c": vec![s.clone(); n]}], "d": [], "e": {}, "f": n, s.clone(): s });
        prop_assert_eq!(to_string(&v, pretty).unwrap(), format!("{}\n", old(&v, pretty)));
    }
}

#[test]
fn a_value_inside_a_hand_written_document() {
    let inner = json!({ "x": [1, 2], "y": "\u{202e}" });
    let whole = json!({ "k": inner, "l": [] });
    for pretty in [false, true] {
        let mut buf = Vec::new();
        let mut top = Layout::new(pretty, 0);
        top.begin_object(&mut buf).unwrap();
        top.begin_object_key(&mut buf, true).unwrap();
        str(&mut buf, "k");
        top.begin_object_value(&mut buf).unwrap();
        value_at(&mut buf, &inner, top).unwrap();
        top.end_object_value(&mut buf).unwrap();
        top.begin_object_key(&mut buf, false).unwrap();
        str(&mut buf, "l");
        top.begin_object_value(&mut buf).unwrap();
        let mut list = top;
        list.begin_array(&mut buf).unwrap();
        list.end_array(&mut buf).unwrap();
        top.end_object_value(&mut buf).unwrap();
        top.end_object(&mut buf).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), old(&whole, pretty));
    }
}

#[test]
fn the_data_stays_and_the_controls_go() {
    let v = json!({ "note": "a\u{1b}[2J\u{202E}b\u{7f}\u{9b}\u{200f}\u{61c}\n", "list": [1, "…"] });
    for pretty in [false, true] {
        let text = to_string(&v, pretty).unwrap();
        assert!(crate::text::find_unsafe(&text).is_none(), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
        assert!(text.ends_with("}\n"));
    }
}
