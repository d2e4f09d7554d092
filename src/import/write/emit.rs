//! TOML text for the plan writer: values through the toml crate's own serializer (so quotes,
//! backslashes and control characters are escaped as TOML requires), comments made one line.

use std::fmt::Write as _;

/// A TOML string value, quoted and escaped.
pub fn string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `key = "value"\n`.
pub fn field(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", string(value));
}

/// `key = "value"\n` when there is a value.
pub fn opt(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        field(out, key, v);
    }
}

/// `key = ["a", "b"]\n` when the list is not empty.
pub fn list(out: &mut String, key: &str, values: &[String]) {
    if values.is_empty() {
        return;
    }
    let items: Vec<String> = values.iter().map(|v| string(v)).collect();
    let _ = writeln!(out, "{key} = [{}]", items.join(", "));
}

/// `# text\n`, the text's line breaks turned into spaces so it stays one comment.
pub fn comment(out: &mut String, text: &str) {
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let _ = writeln!(out, "# {line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip() {
        for s in ["市财政局", "引号\"与\\反斜杠", "换行\n制表\t", "'单引号'", ""] {
            let text = format!("v = {}", string(s));
            let back: toml::Table = toml::from_str(&text).unwrap();
            assert_eq!(back["v"].as_str(), Some(s), "{text}");
        }
    }

    #[test]
    fn comments_stay_on_one_line() {
        let mut out = String::new();
        comment(&mut out, "第一行\n第二行");
        assert_eq!(out, "# 第一行 第二行\n");
    }
}
