//! A list number in a Word number format (`w:numFmt`): 3 as "3", "三", "③", "c", "iii" and so on.
//! Formats not known here give the number in decimal, as a reader would still want a number.

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// `n` written in the format named `fmt`.
pub fn format(n: u32, fmt: &str) -> String {
    match fmt {
        "decimalZero" if n < 10 => format!("0{n}"),
        "chineseCounting" | "chineseCountingThousand" | "japaneseCounting" | "taiwaneseCounting" | "koreanCounting" => {
            counting(n)
        }
        "ideographDigital" | "japaneseDigitalTenThousand" | "taiwaneseDigital" => digital(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(n, 20, '\u{2460}'),
        "decimalEnclosedParen" => enclosed(n, 20, '\u{2474}'),
        "decimalEnclosedFullstop" => enclosed(n, 20, '\u{2488}'),
        "ideographEnclosedCircle" => enclosed(n, 10, '\u{3280}'),
        "decimalFullWidth" | "decimalFullWidth2" => full_width(n),
        "lowerLetter" => letter(n, b'a'),
        "upperLetter" => letter(n, b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// Chinese counting: 一 … 十, 十一, 二十一, 一百零五, 一千二百 (〇 for zero itself).
fn counting(n: u32) -> String {
    if n == 0 {
        return "〇".to_string();
    }
    if n >= 10_000 {
        return digital(n);
    }
    let places = [(1000, '千'), (100, '百'), (10, '十'), (1, ' ')];
    let mut out = String::new();
    let mut zero = false;
    for (unit, name) in places {
        let d = (n / unit % 10) as usize;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(d == 1 && unit == 10 && out.is_empty()) {
            out.push(DIGITS.get(d).copied().unwrap_or('〇'));
        }
        if unit > 1 {
            out.push(name);
        }
    }
    out
}

/// Digit by digit: 10 as "一〇".
fn digital(n: u32) -> String {
    n.to_string().bytes().map(|b| DIGITS.get(usize::from(b - b'0')).copied().unwrap_or('〇')).collect()
}

/// ① … ⑳ (and the like from `first`) up to `max`, decimal past it.
fn enclosed(n: u32, max: u32, first: char) -> String {
    match (1..=max).contains(&n).then(|| char::from_u32(first as u32 + n - 1)).flatten() {
        Some(c) => c.to_string(),
        None => n.to_string(),
    }
}

fn full_width(n: u32) -> String {
    n.to_string().chars().filter_map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10)).collect()
}

/// a … z, then aa … zz, as Word counts.
fn letter(n: u32, a: u8) -> String {
    if n == 0 {
        return "0".to_string();
    }
    let c = char::from(a + ((n - 1) % 26) as u8);
    let times = ((n - 1) / 26 + 1).min(50) as usize;
    std::iter::repeat_n(c, times).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, text) in table {
        while n >= value {
            out.push_str(text);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting() {
        let got: Vec<String> = [1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 1200].map(counting).to_vec();
        assert_eq!(
            got,
            ["一", "九", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一千二百"]
        );
        assert_eq!(format(3, "chineseCountingThousand"), "三");
        assert_eq!(format(10, "ideographDigital"), "一〇");
    }

    #[test]
    fn other_formats() {
        assert_eq!(format(3, "decimal"), "3");
        assert_eq!(format(3, "decimalZero"), "03");
        assert_eq!(format(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format(21, "decimalEnclosedCircle"), "21");
        assert_eq!(format(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(format(12, "decimalFullWidth"), "１２");
        assert_eq!(format(28, "lowerLetter"), "bb");
        assert_eq!(format(3, "upperLetter"), "C");
        assert_eq!(format(14, "lowerRoman"), "xiv");
        assert_eq!(format(7, "somethingNew"), "7");
        assert_eq!(format(7, "none"), "");
        assert_eq!(format(u32::MAX, "upperLetter").chars().count(), 50);
    }
}
