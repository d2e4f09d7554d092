//! A unit report's sign-off: who filled it in (填报人) and the blanks its office fills by hand
//! (联系电话, 审核人, 单位盖章).

use chrono::{DateTime, FixedOffset};

use crate::Lang;
use crate::report::View;

/// Who filled in a unit's rows (`by`), each name once, most recent first, joined: "王玉兰、李明";
/// empty when no row names anyone.
pub fn reporters(v: &dyn View, lang: Lang) -> String {
    let mut named: Vec<(Option<DateTime<FixedOffset>>, String)> = v
        .rows()
        .filter_map(|r| r.by.map(str::trim).filter(|b| !b.is_empty()).map(|b| (r.updated_at, b.to_string())))
        .collect();
    // Newest first; a name keeps the place of its newest row.
    named.sort_by_key(|n| std::cmp::Reverse(n.0));
    let mut names: Vec<String> = Vec::new();
    for (_, name) in named {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(lang.list_sep())
}

/// Labels of the sign-off under a unit report, by key: 填报人, 联系电话, 审核人, 单位（盖章）.
pub fn signoff_field(key: &str, lang: Lang) -> &'static str {
    match key {
        "by" => lang.pick("填报人", "Prepared by"),
        "phone" => lang.pick("联系电话", "Phone"),
        "reviewer" => lang.pick("审核人", "Reviewed by"),
        "seal" => lang.pick("单位（盖章）", "Unit (seal)"),
        _ => "",
    }
}

/// A blank to fill in by hand on paper.
pub fn blank(lang: Lang) -> &'static str {
    lang.pick("＿＿＿＿＿＿", "__________")
}

/// "填报人：王玉兰、李明" (a blank when nobody is named), for a unit report's header.
pub fn reporters_line(names: &str, lang: Lang) -> String {
    let names = if names.is_empty() { blank(lang) } else { names };
    format!("{}{}{names}", signoff_field("by", lang), lang.pick("：", ": "))
}

/// The sign-off line ending a unit report:
/// "填报人：王玉兰　联系电话：＿＿＿＿＿＿　审核人：＿＿＿＿＿＿　单位（盖章）：＿＿＿＿＿＿".
pub fn signoff(names: &str, lang: Lang) -> String {
    let colon = lang.pick("：", ": ");
    let mut parts = vec![reporters_line(names, lang)];
    for key in ["phone", "reviewer", "seal"] {
        parts.push(format!("{}{colon}{}", signoff_field(key, lang), blank(lang)));
    }
    parts.join(lang.pick("　", "   "))
}

/// "签发人：张三".
pub fn signer(name: &str, lang: Lang) -> String {
    format!("{}{name}", signer_label(lang))
}

/// "签发人：", before the signer's name.
pub fn signer_label(lang: Lang) -> &'static str {
    lang.pick("签发人：", "Signed by: ")
}
