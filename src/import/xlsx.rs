//! Reading a spreadsheet (XLSX / XLSM, and XLS / ODS through the same crate) into one [`Grid`]
//! per visible worksheet, in the workbook's order: each cell's value as the text a reader sees
//! (`cell`), merged regions kept in their first cell only, trailing empty rows and columns cut
//! (`sheet`). A file that cannot be opened gives [`ImportError::Unreadable`] with a short reason.

pub mod cell;
pub mod sheet;

use std::io::{Read, Seek};
use std::path::Path;

use calamine::{Data, Dimensions, Reader, SheetType, SheetVisible, Sheets, Xlsx};

use crate::import::{Grid, ImportError};
use sheet::Sheet;

/// Reads every visible worksheet of a workbook into a grid.
pub fn read(path: &Path) -> Result<Vec<Grid>, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable { path: path.to_path_buf(), reason };
    let file = std::fs::File::open(path).map_err(|source| ImportError::Io { path: path.to_path_buf(), source })?;
    super::unzip::within(std::io::BufReader::new(file), super::unzip::MAX_UNPACKED).map_err(unreadable)?;
    let mut book = calamine::open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(source) => ImportError::Io { path: path.to_path_buf(), source },
        e => unreadable(reason(&e, path)),
    })?;
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut grids = Vec::new();
    for name in &names {
        let sheet = match &mut book {
            Sheets::Xlsx(x) => xlsx_sheet(x, name),
            other => dense_sheet(other, name),
        };
        grids.push(sheet.map_err(|e| unreadable(format!("工作表“{name}”无法读取（{e}）")))?.into_grid());
    }
    if grids.iter().all(|g| g.rows.is_empty()) {
        return Err(unreadable("工作簿中没有内容（没有可见的、有文字的工作表）".to_string()));
    }
    Ok(grids)
}

/// An XLSX sheet, read cell by cell (no dense copy of a sheet whose used range is huge).
pub fn xlsx_sheet<RS: Read + Seek>(book: &mut Xlsx<RS>, name: &str) -> Result<Sheet, calamine::Error> {
    let merges = book.merge_cells_by_sheet_name(name).map_err(calamine::Error::Xlsx)?;
    let mut sheet = Sheet::default();
    let mut cells = book.worksheet_cells_reader(name).map_err(calamine::Error::Xlsx)?;
    while let Some(c) = cells.next_cell().map_err(calamine::Error::Xlsx)? {
        let (row, col) = c.get_position();
        sheet.put(row, col, cell::text(&Data::from(c.get_value().clone())));
    }
    sheet.blank_merged(&merges);
    Ok(sheet)
}

/// An XLS or ODS sheet, through calamine's range.
fn dense_sheet<RS: Read + Seek>(book: &mut Sheets<RS>, name: &str) -> Result<Sheet, calamine::Error> {
    let range = book.worksheet_range(name)?;
    let merges: Vec<Dimensions> = match book {
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut sheet = Sheet::default();
    for (r, c, value) in range.used_cells() {
        let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else { continue };
        sheet.put(top.saturating_add(r), left.saturating_add(c), cell::text(value));
    }
    sheet.blank_merged(&merges);
    Ok(sheet)
}

/// calamine's error as a civil servant would want it put.
pub fn reason(e: &calamine::Error, path: &Path) -> String {
    use calamine::{XlsError, XlsxError};
    let kind = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_uppercase();
    let kind = if kind.is_empty() { "表格".to_string() } else { kind };
    match e {
        calamine::Error::Xlsx(XlsxError::Password) | calamine::Error::Xls(XlsError::Password) => {
            "文件设有打开密码；请在 Excel 或 WPS 中取消密码后另存，再导入".to_string()
        }
        calamine::Error::Xlsx(XlsxError::Zip(_)) => {
            format!("不是有效的 {kind} 文件（文件已损坏，或并非 Excel/WPS 表格）")
        }
        calamine::Error::Msg(_) => "无法识别的表格格式（应为 XLSX、XLS 或 ODS）".to_string(),
        e => format!("不是有效的 {kind} 文件（{e}）"),
    }
}

#[cfg(test)]
mod tests;
