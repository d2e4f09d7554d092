//! A spreadsheet cell's value as the text a reader sees in it: whole numbers without ".0",
//! dates in the Chinese way ("2022年10月31日"), booleans and errors as their text, strings with
//! their line breaks kept ("\r\n" becomes "\n").

use calamine::{Data, ExcelDateTime};

/// The cell's text.
pub fn text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("\r\n", "\n").replace('\r', "\n"),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => date(d),
        Data::DateTime(d) => number(d.as_f64()),
        Data::DateTimeIso(s) => iso_date(s).unwrap_or_else(|| s.clone()),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// A number as a spreadsheet shows it by default: "3" for 3.0, "2.5" for 2.5.
pub fn number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { format!("{f}") }
}

/// A date cell as "2022年10月31日"; a time of day alone (no date part) as "9:30".
fn date(d: &ExcelDateTime) -> String {
    let (y, m, day, h, min, ..) = d.to_ymd_hms_milli();
    if d.as_f64() < 1.0 && d.as_f64() >= 0.0 {
        return format!("{h}:{min:02}");
    }
    format!("{y}年{m}月{day}日")
}

/// An ODS date ("2022-10-31" or "2022-10-31T00:00:00") as "2022年10月31日".
fn iso_date(s: &str) -> Option<String> {
    let day = s.get(..10)?;
    let mut parts = day.split('-');
    let y: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    let rest = s.get(10..).unwrap_or_default();
    (rest.is_empty() || rest.starts_with('T')).then(|| format!("{y}年{m}月{d}日"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    #[test]
    fn numbers_read_as_shown() {
        assert_eq!(text(&Data::Float(3.0)), "3");
        assert_eq!(text(&Data::Float(-12.0)), "-12");
        assert_eq!(text(&Data::Float(2.5)), "2.5");
        assert_eq!(text(&Data::Int(7)), "7");
        assert_eq!(text(&Data::Float(f64::NAN)), "NaN");
        assert_eq!(text(&Data::Float(1e20)), "100000000000000000000");
    }

    #[test]
    fn dates_read_in_chinese() {
        let d = ExcelDateTime::new(44865.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(d)), "2022年10月31日");
        let t = ExcelDateTime::new(0.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(t)), "12:00");
        assert_eq!(text(&Data::DateTimeIso("2022-06-30".into())), "2022年6月30日");
        assert_eq!(text(&Data::DateTimeIso("2022-06-30T00:00:00".into())), "2022年6月30日");
        assert_eq!(text(&Data::DateTimeIso("PT1H".into())), "PT1H");
    }

    #[test]
    fn strings_booleans_and_errors() {
        assert_eq!(text(&Data::String("市财政局\r\n市商务局".into())), "市财政局\n市商务局");
        assert_eq!(text(&Data::Bool(true)), "TRUE");
        assert_eq!(text(&Data::Error(CellErrorType::NA)), "#N/A");
        assert_eq!(text(&Data::Empty), "");
    }
}
