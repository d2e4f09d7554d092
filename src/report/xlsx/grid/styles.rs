//! The workbook's formats, made once: titles, headings, bordered cells by the kind of value,
//! the formats a table's columns carry (by what each holds) and the colours of the lights. Every
//! format is in one CJK font, and dates read "2022年9月30日" in a Chinese report.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use crate::Lang;

/// The workbook's font: SimSun, which every Chinese Windows, Excel and WPS has (LibreOffice
/// substitutes a CJK serif font for it where it is missing).
const FONT: &str = "宋体";
/// The GB2312 character set, as Excel records it for SimSun.
const GB2312: u8 = 134;

/// The workbook's default format (empty cells, page header and footer): the font at 11 points.
pub(crate) fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_charset(GB2312).set_font_size(11)
}

/// The number formats of a date and of a date and time: written Chinese dates in a Chinese
/// report, ISO dates otherwise.
pub(crate) fn date_formats(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Zh => (r#"yyyy"年"m"月"d"日""#, r#"yyyy"年"m"月"d"日" hh:mm"#),
        Lang::En => ("yyyy-mm-dd", "yyyy-mm-dd hh:mm"),
    }
}

/// Every format the workbook uses.
pub(in crate::report::xlsx) struct Styles {
    pub(in crate::report::xlsx) title: Format,
    pub(in crate::report::xlsx) subtitle: Format,
    /// Headings of the summary's parts.
    pub(in crate::report::xlsx) part: Format,
    /// A wrapped paragraph in a merged row.
    pub(in crate::report::xlsx) para: Format,
    pub(in crate::report::xlsx) head: Format,
    pub(in crate::report::xlsx) text: Format,
    pub(in crate::report::xlsx) int: Format,
    pub(in crate::report::xlsx) days: Format,
    pub(in crate::report::xlsx) rate: Format,
    pub(in crate::report::xlsx) date: Format,
    pub(in crate::report::xlsx) time: Format,
    /// Formats of a table's columns, one per [`Holds`] but the light (see [`Grid::columns`]).
    pub(in crate::report::xlsx) col_text: Format,
    pub(in crate::report::xlsx) col_int: Format,
    pub(in crate::report::xlsx) col_days: Format,
    pub(in crate::report::xlsx) col_date: Format,
    pub(in crate::report::xlsx) col_time: Format,
    pub(in crate::report::xlsx) col_light: Format,
    /// The colours a light's column gives each light (by conditional formats on its words).
    pub(in crate::report::xlsx) if_red: Format,
    pub(in crate::report::xlsx) if_yellow: Format,
    pub(in crate::report::xlsx) if_green: Format,
    /// The widest date and date-time these formats show, in terminal cells.
    pub(in crate::report::xlsx) date_cells: usize,
    pub(in crate::report::xlsx) time_cells: usize,
}

/// What a table column holds, which decides its column format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::report::xlsx) enum Holds {
    Text,
    Int,
    Days,
    Date,
    Time,
    /// A traffic light, coloured by its word.
    Light,
}

impl Styles {
    pub(in crate::report::xlsx) fn new(lang: Lang) -> Styles {
        let (date, time) = date_formats(lang);
        // "2022年12月31日" and "2022年12月31日 23:59"; "2022-12-31" and "2022-12-31 23:59".
        let (date_cells, time_cells) = match lang {
            Lang::Zh => (14, 20),
            Lang::En => (10, 16),
        };
        let cell = base().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        let top_left = base().set_align(FormatAlign::Left).set_align(FormatAlign::Top);
        let top = base().set_align(FormatAlign::Top);
        Styles {
            title: top_left.clone().set_bold().set_font_size(14).set_text_wrap(),
            subtitle: top_left.clone().set_text_wrap(),
            part: base().set_bold().set_font_size(12),
            para: top_left.set_text_wrap(),
            head: base()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0xD9D9D9))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            int: cell.clone().set_num_format("0"),
            days: cell.clone().set_num_format("0;[Red]-0;0"),
            rate: cell.clone().set_num_format("0.0%"),
            date: cell.clone().set_num_format(date),
            time: cell.clone().set_num_format(time),
            col_text: top.clone().set_text_wrap(),
            col_int: top.clone().set_num_format("0"),
            col_days: top.clone().set_num_format("0;[Red]-0;0"),
            col_date: top.clone().set_num_format(date),
            col_time: top.set_num_format(time),
            col_light: base().set_align(FormatAlign::Top).set_align(FormatAlign::Center),
            if_red: Format::new().set_font_color(Color::RGB(0x9C0006)).set_background_color(Color::RGB(0xFFC7CE)),
            if_yellow: Format::new().set_font_color(Color::RGB(0x9C5700)).set_background_color(Color::RGB(0xFFEB9C)),
            if_green: Format::new().set_font_color(Color::RGB(0x006100)).set_background_color(Color::RGB(0xC6EFCE)),
            date_cells,
            time_cells,
        }
    }

    /// Every cell and column format, to register with the workbook before its sheets are filled
    /// on several threads: rust_xlsxwriter gives a format met for the first time on two threads
    /// at once two indices, and cells written with the lost one show another format (a date as a
    /// bare number). Every format a sheet writes must be here.
    pub(in crate::report::xlsx) fn cell_formats(&self) -> [&Format; 17] {
        [
            &self.title,
            &self.subtitle,
            &self.part,
            &self.para,
            &self.head,
            &self.text,
            &self.int,
            &self.days,
            &self.rate,
            &self.date,
            &self.time,
            &self.col_text,
            &self.col_int,
            &self.col_days,
            &self.col_date,
            &self.col_time,
            &self.col_light,
        ]
    }

    /// The format of a table column holding `h`.
    pub(in crate::report::xlsx) fn column(&self, h: Holds) -> Option<&Format> {
        match h {
            Holds::Text => Some(&self.col_text),
            Holds::Int => Some(&self.col_int),
            Holds::Days => Some(&self.col_days),
            Holds::Date => Some(&self.col_date),
            Holds::Time => Some(&self.col_time),
            Holds::Light => Some(&self.col_light),
        }
    }
}
