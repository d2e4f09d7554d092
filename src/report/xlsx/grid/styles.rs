//! The workbook's formats, made once: titles, headings, bordered cells by the kind of value,
//! the formats a table's columns carry (by what each holds) and the colours of the lights.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

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
    pub(in crate::report::xlsx) fn new() -> Styles {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        let top_left = Format::new().set_align(FormatAlign::Left).set_align(FormatAlign::Top);
        let top = Format::new().set_align(FormatAlign::Top);
        Styles {
            title: top_left.clone().set_bold().set_font_size(14).set_text_wrap(),
            subtitle: top_left.clone().set_text_wrap(),
            part: Format::new().set_bold().set_font_size(12),
            para: top_left.set_text_wrap(),
            head: Format::new()
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
            date: cell.clone().set_num_format("yyyy-mm-dd"),
            time: cell.clone().set_num_format("yyyy-mm-dd hh:mm"),
            col_text: top.clone().set_text_wrap(),
            col_int: top.clone().set_num_format("0"),
            col_days: top.clone().set_num_format("0;[Red]-0;0"),
            col_date: top.clone().set_num_format("yyyy-mm-dd"),
            col_time: top.set_num_format("yyyy-mm-dd hh:mm"),
            col_light: Format::new().set_align(FormatAlign::Top).set_align(FormatAlign::Center),
            if_red: Format::new().set_font_color(Color::RGB(0x9C0006)).set_background_color(Color::RGB(0xFFC7CE)),
            if_yellow: Format::new().set_font_color(Color::RGB(0x9C5700)).set_background_color(Color::RGB(0xFFEB9C)),
            if_green: Format::new().set_font_color(Color::RGB(0x006100)).set_background_color(Color::RGB(0xC6EFCE)),
        }
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
