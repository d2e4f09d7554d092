//! What a merge that cannot take the union of two versions says: the file, the record, and
//! that both versions are kept.

use crate::sync::driver::{Clash, Side};
use crate::sync::kept::Lost;
use crate::{Lang, tr};

fn side(s: Side, lang: Lang) -> &'static str {
    match s {
        Side::Ancestor => lang.pick("共同的上一版", "the common ancestor"),
        Side::Ours => lang.pick("本机的一版", "this side's version"),
        Side::Theirs => lang.pick("对方的一版", "the other side's version"),
    }
}

/// The message and hint for a merge of `path` refused for `clash`.
pub(super) fn parts(path: &str, clash: &Clash, lang: Lang) -> (String, String) {
    let msg = match clash {
        Clash::Differs { id } => tr!(
            lang,
            "{path}：两边都有记录 {id}，但内容不同",
            "{path}: both sides hold record {id}, saying different things"
        ),
        Clash::Rewritten { side: s, lost: Lost::Removed { id } } => tr!(
            lang,
            "{path}：{}删除了原有的记录 {id}（文件被改写，而不是追加）",
            "{path}: {} removed record {id} (the file was rewritten, not appended to)",
            side(*s, lang)
        ),
        Clash::Rewritten { side: s, lost: Lost::Changed { id } } => tr!(
            lang,
            "{path}：{}改动了原有的记录 {id}（文件被改写，而不是追加）",
            "{path}: {} changed record {id} (the file was rewritten, not appended to)",
            side(*s, lang)
        ),
        Clash::Unreadable { side: s, error } => {
            tr!(lang, "{path}：{}无法解析：{error}", "{path}: {} does not parse: {error}", side(*s, lang))
        }
        Clash::OtherUnit { ours, theirs } => tr!(
            lang,
            "{path}：两边是不同单位的台账（{ours}、{theirs}）",
            "{path}: the two sides are different units' ledgers ({ours}, {theirs})"
        ),
    };
    let hint = lang.pick(
        "两个版本都保留着，没有合并任何记录；记录一经写入不应再改，请与该单位核对哪一版是对的",
        "both versions are kept and nothing was merged; records are never edited once written: check with the unit which is right",
    );
    (msg, hint.to_string())
}
