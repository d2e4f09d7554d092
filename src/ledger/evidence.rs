//! Checking evidence (佐证材料) before it is recorded: each item should be a web address
//! (http or https) or a file or directory that exists, a relative path being read from the
//! plan's directory. An item that is neither is not refused here; the caller says which one it
//! is and lets the operator correct it or keep it.

use std::path::Path;

/// Whether `item` is a web address: `http://` or `https://` (any case) with something after it.
pub fn is_address(item: &str) -> bool {
    let item = item.trim();
    ["http://", "https://"].iter().any(|scheme| {
        item.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)) && item.len() > scheme.len()
    })
}

/// Whether `item` names a file or directory that exists, relative to `base` unless absolute.
pub fn exists(item: &str, base: &Path) -> bool {
    let path = Path::new(item.trim());
    !item.trim().is_empty() && (if path.is_absolute() { path.exists() } else { base.join(path).exists() })
}

/// The items of `items` (blank ones skipped) that are neither a web address nor an existing
/// path, as (index in `items`, item).
pub fn unresolved<'a>(items: &'a [String], base: &Path) -> Vec<(usize, &'a str)> {
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| !i.trim().is_empty() && !is_address(i) && !exists(i, base))
        .map(|(n, i)| (n, i.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_existing_paths_pass_and_the_rest_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("材料")).unwrap();
        std::fs::write(dir.path().join("材料/会议纪要.pdf"), "x").unwrap();
        let absolute = dir.path().join("材料").display().to_string();
        let items: Vec<String> = [
            "https://www.nxzw.gov.cn/zwgk/a.html",
            "HTTP://example.gov.cn",
            "材料/会议纪要.pdf",
            "",
            &absolute,
            "会议纪要",
            "https://",
            "ftp://example.gov.cn/a",
            "材料/没有这个文件.pdf",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let bad = unresolved(&items, dir.path());
        assert_eq!(
            bad,
            [(5, "会议纪要"), (6, "https://"), (7, "ftp://example.gov.cn/a"), (8, "材料/没有这个文件.pdf")]
        );
        assert!(is_address(" https://a.b "));
        assert!(!exists("材料/会议纪要.pdf", Path::new("/nonexistent-base")));
    }
}
