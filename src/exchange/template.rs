//! A unit's template as an XLSX workbook (rust_xlsxwriter, constant memory): the sheet 台账
//! with a title, how to fill it in, and one row per assignment — the plan's words locked and
//! grey, the unit's columns white and unlocked, prefilled, with a drop-down of the statuses and
//! a 0–100 check on the percent; the sheet protected without a password, printed on A4
//! landscape with the header row on every page. A very hidden sheet carries the ids (`hidden`).

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, Format, FormatAlign, FormatBorder, ProtectionOptions,
    Workbook, Worksheet, XlsxError,
};

use super::rows::{Template, TemplateRow};
use super::{Col, HIDDEN_SHEET};
use crate::Lang;
use crate::ledger::Status;
use crate::report::xlsx::{LINE_PT, MAX_ROW_PT, base_format, col_num as col, date_formats, fit_cell, lines_in, page};

/// Rows above the assignments: the title, how to fill it in, the header.
pub(super) const HEAD_ROW: u32 = 2;
/// Column widths in Excel units, by [`Col::XLSX`] position.
const WIDTHS: [f64; 15] = [5.0, 12.0, 34.0, 14.0, 11.0, 6.0, 9.0, 7.0, 32.0, 16.0, 16.0, 16.0, 8.0, 12.0, 14.0];
/// The least a row of assignments is given (room to write), in points.
const MIN_ROW_PT: f64 = 30.0;

/// The sheet the unit fills in.
pub(super) fn sheet_name(lang: Lang) -> &'static str {
    lang.pick("台账", "ledger")
}

/// The formats of the sheet.
struct Styles {
    title: Format,
    guide: Format,
    plan_head: Format,
    fill_head: Format,
    plan: Format,
    fill: Format,
    percent: Format,
    date: Format,
    key: Format,
}

impl Styles {
    fn new(lang: Lang) -> Styles {
        let cell = || {
            base_format()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0x80_80_80))
        };
        let head = |fill: u32| cell().set_bold().set_align(FormatAlign::Center).set_background_color(Color::RGB(fill));
        Styles {
            title: base_format().set_bold().set_font_size(14).set_align(FormatAlign::Center),
            guide: base_format().set_text_wrap().set_align(FormatAlign::Top).set_font_size(10),
            plan_head: head(0xD0_CE_CE),
            fill_head: head(0xFF_F2_CC),
            plan: cell().set_background_color(Color::RGB(0xED_ED_ED)),
            fill: cell().set_unlocked(),
            percent: cell().set_unlocked().set_num_format("0").set_align(FormatAlign::Center),
            date: cell().set_unlocked().set_num_format(date_formats(lang).0),
            key: cell(),
        }
    }
}

/// The template as an XLSX workbook, in memory.
pub fn xlsx(t: &Template) -> Result<Vec<u8>, super::ExchangeError> {
    workbook(t).and_then(|mut wb| wb.save_to_buffer()).map_err(|e| super::ExchangeError::Write(e.to_string()))
}

fn workbook(t: &Template) -> Result<Workbook, XlsxError> {
    let lang = t.meta.lang;
    let mut wb = Workbook::new();
    wb.set_default_format(&base_format(), 20, 64)?;
    wb.set_properties(&DocProperties::new().set_title(t.title()));
    // In memory: a template is tens of rows, and rust_xlsxwriter 0.102's constant-memory mode
    // writes the last row twice when it has a height of its own (see report/xlsx/grid.rs).
    let ws = wb.add_worksheet();
    ws.set_default_format(&base_format(), 20, 64)?;
    fill(ws, t, &Styles::new(lang))?;
    let ids = wb.add_worksheet();
    super::sheet::write_hidden(ids, t)?;
    ids.set_name(HIDDEN_SHEET)?.set_very_hidden(true);
    Ok(wb)
}

/// Writes the sheet the unit fills in.
fn fill(ws: &mut Worksheet, t: &Template, st: &Styles) -> Result<(), XlsxError> {
    let lang = t.meta.lang;
    ws.set_name(sheet_name(lang))?;
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(col(c), *w)?;
    }
    let last_shown = col(Col::XLSX.len() - 2);
    ws.set_row_height(0, 24.0)?;
    ws.merge_range(0, 0, 0, last_shown, &t.title(), &st.title)?;
    ws.set_row_height(1, 3.0 * LINE_PT)?;
    ws.merge_range(1, 0, 1, last_shown, guide(lang), &st.guide)?;
    ws.set_row_height(HEAD_ROW, 2.0 * LINE_PT)?;
    for (c, kind) in Col::XLSX.iter().enumerate() {
        let f = if kind.is_plan() || *kind == Col::Key { &st.plan_head } else { &st.fill_head };
        ws.write_string_with_format(HEAD_ROW, col(c), kind.head(lang), f)?;
    }
    let cut = crate::report::labels::cut(lang);
    for (i, r) in t.rows.iter().enumerate() {
        let row = HEAD_ROW + 1 + u32::try_from(i).unwrap_or(u32::MAX - HEAD_ROW - 1);
        ws.set_row_height(row, height(r))?;
        write_row(ws, row, r, st, (cut, lang))?;
    }
    if let Some(last) = u32::try_from(t.rows.len()).ok().filter(|n| *n > 0).map(|n| HEAD_ROW + n) {
        validations(ws, HEAD_ROW + 1, last, lang)?;
    }
    ws.set_column_hidden(col(Col::XLSX.len() - 1))?;
    let options = ProtectionOptions { format_columns: true, format_rows: true, ..ProtectionOptions::new() };
    ws.protect_with_options(&options);
    page::setup(ws, page::Page { wide: true, head: HEAD_ROW, left: 1 }, &t.title(), lang)?;
    ws.set_active(true);
    Ok(())
}

/// One assignment's row.
fn write_row(
    ws: &mut Worksheet,
    row: u32,
    r: &TemplateRow,
    st: &Styles,
    (cut, lang): (&str, Lang),
) -> Result<(), XlsxError> {
    let mut text = |c: usize, s: &str, f: &Format| -> Result<(), XlsxError> {
        match s.is_empty() {
            true => ws.write_blank(row, col(c), f).map(|_| ()),
            false => ws.write_string_with_format(row, col(c), &*fit_cell(s, cut), f).map(|_| ()),
        }
    };
    for (c, w) in r.words.iter().enumerate() {
        text(c, w, &st.plan)?;
    }
    let v = &r.values;
    let status = v.status.map(|s| s.label(lang)).unwrap_or_default();
    text(6, status, &st.fill)?;
    text(8, &v.note, &st.fill)?;
    text(9, &v.problems, &st.fill)?;
    text(10, &v.next, &st.fill)?;
    text(11, &v.evidence, &st.fill)?;
    text(12, "", &st.fill)?;
    text(13, "", &st.date)?;
    text(14, &r.key, &st.key)?;
    match v.percent {
        Some(p) => ws.write_number_with_format(row, 7, f64::from(p), &st.percent).map(|_| ()),
        None => ws.write_blank(row, 7, &st.percent).map(|_| ()),
    }
}

/// The drop-down of statuses and the check on the percent, over the rows of assignments.
fn validations(ws: &mut Worksheet, first: u32, last: u32, lang: Lang) -> Result<(), XlsxError> {
    let words: Vec<&str> = Status::ALL.iter().map(|s| s.label(lang)).collect();
    let status = DataValidation::new()
        .allow_list_strings(&words)?
        .set_input_message(lang.pick("从列表中选择", "pick from the list"))?
        .set_error_message(lang.pick("请从列表中选择状态", "pick a status from the list"))?;
    ws.add_data_validation(first, 6, last, 6, &status)?;
    let percent = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(0, 100))
        .set_input_message(lang.pick("填 0–100 的整数", "a whole number 0–100"))?
        .set_error_message(lang.pick("完成% 应为 0 到 100 的整数", "percent must be a whole number from 0 to 100"))?;
    ws.add_data_validation(first, 7, last, 7, &percent)?;
    let date =
        DataValidation::new().allow_any_value().set_input_message(lang.pick("如 2022-09-08", "e.g. 2022-09-08"))?;
    ws.add_data_validation(first, 13, last, 13, &date)?;
    Ok(())
}

/// How to fill the sheet in.
fn guide(lang: Lang) -> &'static str {
    lang.pick(
        "填写说明：灰色栏为计划原文，已锁定；白色栏已预填本单位最近一次填报的内容，只需修改有变化的行。状态从下拉列表选择；完成% 填 0–100 的整数（已完成填 100）；填报日期写成 2022-09-08；填报人写姓名。请勿增删行、勿改灰色栏；填好后保存为 .xlsx，原样发回。",
        "How to fill in: the grey columns are the plan's text (locked); the white ones hold what your unit last reported — change only the rows that moved. Status: pick from the list; percent: a whole number 0–100 (100 when done); date: e.g. 2022-09-08; filled in by: your name. Do not add or delete rows or change the grey columns; save as .xlsx and send it back.",
    )
}

/// A row's height: its tallest cell's wrapped lines, at least two lines (room to write).
fn height(r: &TemplateRow) -> f64 {
    let v = &r.values;
    let filled = [(8, &v.note), (9, &v.problems), (10, &v.next), (11, &v.evidence)];
    let cells = r.words.iter().enumerate().chain(filled.iter().map(|(c, s)| (*c, *s)));
    let lines = cells.map(|(c, s)| lines_in(s, WIDTHS[c])).fold(1.0, f64::max);
    (lines * LINE_PT + 3.0).clamp(MIN_ROW_PT, MAX_ROW_PT)
}
