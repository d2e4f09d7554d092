//! The text of a cell that spans several lines. A line break that only wraps text is joined
//! away: with nothing between Chinese characters (or whenever either side is not ASCII), with
//! one space between two ASCII words ("ISO\n9001" → "ISO 9001"). In a responsible-units cell a
//! break between two unit names ("县政务中心\n县财政局", as Word prints one name a line) becomes
//! "、", which the importer records as a guess.

/// Level and collective words a unit's name begins with.
const NAME_STARTS: [char; 5] = ['市', '县', '区', '省', '各'];

/// Characters a unit's name ends with.
const NAME_ENDS: [char; 14] = ['局', '委', '办', '厅', '院', '会', '室', '处', '所', '心', '府', '门', '位', '队'];

/// The cell's lines joined as wrapped text.
pub fn join(cell: &str) -> String {
    join_with(cell, |_, _| false).0
}

/// A responsible cell's lines joined; true when a break between two names became "、".
pub fn join_units(cell: &str) -> (String, bool) {
    join_with(cell, |before, after| {
        let ends_name = before.chars().last().is_some_and(|c| NAME_ENDS.contains(&c));
        let starts_name = after.chars().next().is_some_and(|c| NAME_STARTS.contains(&c));
        ends_name && starts_name
    })
}

fn join_with(cell: &str, names_meet: impl Fn(&str, &str) -> bool) -> (String, bool) {
    let mut out = String::new();
    let mut separated = false;
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let (Some(a), Some(b)) = (out.chars().last(), line.chars().next()) {
            if names_meet(&out, line) {
                out.push('、');
                separated = true;
            } else if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    (out, separated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_chinese_joins_without_space() {
        assert_eq!(join("进一步增强涉企政策\n制定实施的透明度。"), "进一步增强涉企政策制定实施的透明度。");
        assert_eq!(join("  开展“政策\r\n进社区”  "), "开展“政策进社区”");
        assert_eq!(join("通过ISO\n9001认证"), "通过ISO 9001认证");
        assert_eq!(join("单行"), "单行");
    }

    #[test]
    fn names_on_two_lines_are_two_names() {
        assert_eq!(join_units("县政务中心\n县财政局"), ("县政务中心、县财政局".to_string(), true));
        assert_eq!(join_units("市人力资源和社会\n保障局"), ("市人力资源和社会保障局".to_string(), false));
        assert_eq!(join_units("市财政局、\n市商务局"), ("市财政局、市商务局".to_string(), false));
    }
}
