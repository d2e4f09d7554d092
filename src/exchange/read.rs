//! Reading a filled template back: an XLSX (its very hidden sheet of ids, and the sheet the unit
//! filled in) or a CSV (UTF-8 or GBK, ids in columns), each cell as the text a reader sees in it
//! (dates read as "2022年9月8日"). The header row is found by its headings, so columns are found by
//! name wherever they went; rows keep their row numbers in the sheet, to name cells.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Reader, SheetType, SheetVisible, Xlsx};

use super::sheet::{Ids, RowIds, read_hidden};
use super::{Col, ExchangeError, HIDDEN_SHEET};
use crate::Lang;
use crate::import::table::read as table;

/// Largest filled file read: a city unit's template is some tens of kilobytes.
const LIMIT: u64 = 16 << 20;

/// A filled template as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    /// The sheet filled in (`None` for a CSV).
    pub sheet: Option<String>,
    pub ids: Ids,
    /// Where each column is (0-based).
    pub cols: HashMap<Col, usize>,
    /// The rows below the header: each one's 0-based row number and its cells.
    pub rows: Vec<(u32, Vec<String>)>,
}

impl Filled {
    /// The text of column `c` in `cells` ("" when the row is too short to have it).
    pub fn cell<'a>(&self, cells: &'a [String], c: Col) -> &'a str {
        self.cols.get(&c).and_then(|&i| cells.get(i)).map_or("", String::as_str)
    }

    /// The position of column `c` (0 when missing, which a read file never is).
    pub fn col(&self, c: Col) -> usize {
        self.cols.get(&c).copied().unwrap_or(0)
    }
}

/// Reads a filled template: a CSV by its extension, else an XLSX.
pub fn read(path: &Path) -> Result<Filled, ExchangeError> {
    let bytes = crate::fsread::bytes(path, LIMIT)?.map_err(|source| ExchangeError::Io { path: path.into(), source })?;
    let csv = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv { read_csv(path, &bytes) } else { read_xlsx(path, bytes) }
}

fn read_xlsx(path: &Path, bytes: Vec<u8>) -> Result<Filled, ExchangeError> {
    let unreadable = |reason: String| ExchangeError::Unreadable { path: path.into(), reason };
    let not = |why: &str| ExchangeError::NotATemplate { path: path.into(), why: why.to_string() };
    crate::import::unzip::within(Cursor::new(&bytes), crate::import::unzip::MAX_UNPACKED).map_err(unreadable)?;
    let mut book = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| unreadable(crate::import::xlsx::reason(&calamine::Error::Xlsx(e), path)))?;
    let sheets = book.sheets_metadata().to_vec();
    let mut grid = |name: &str| {
        crate::import::xlsx::xlsx_sheet(&mut book, name)
            .map(|s| s.into_grid().rows)
            .map_err(|e| unreadable(format!("工作表“{name}”无法读取（{e}）")))
    };
    if !sheets.iter().any(|s| s.name == HIDDEN_SHEET) {
        return Err(not("没有 taizhang 写入的隐藏信息"));
    }
    let ids = read_hidden(&grid(HIDDEN_SHEET)?).ok_or_else(|| not("隐藏信息不完整"))?;
    let visible = sheets.iter().filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible);
    let mut names: Vec<&str> = visible.map(|s| s.name.as_str()).collect();
    // The sheet the template wrote first, then any other (renamed, or the rows moved).
    names.sort_by_key(|n| Some(*n) != ids.sheet.as_deref());
    for name in names {
        let rows = grid(name)?;
        if let Some(filled) = table_of(rows, ids.clone(), Some(name.to_string()), &Col::XLSX) {
            return Ok(filled);
        }
    }
    Err(not("找不到表头（序号、任务……填报日期）"))
}

fn read_csv(path: &Path, bytes: &[u8]) -> Result<Filled, ExchangeError> {
    let unreadable =
        |e: crate::import::ImportError| ExchangeError::Unreadable { path: path.into(), reason: e.to_string() };
    let text = table::decode(bytes, path).map_err(unreadable)?.text;
    let grid = table::grid(&text, table::delimiter(path, &text), path).map_err(unreadable)?;
    let rows: Vec<Vec<String>> = grid
        .rows
        .into_iter()
        .map(|r| r.into_iter().map(|c| crate::csvout::restore(&c).to_string()).collect())
        .collect();
    let wanted: Vec<Col> = Col::XLSX.iter().chain(&Col::CSV_IDS).copied().collect();
    let mut filled = table_of(rows, Ids::default(), None, &wanted)
        .ok_or_else(|| ExchangeError::NotATemplate { path: path.into(), why: "找不到表头或编号栏".into() })?;
    filled.ids = csv_ids(&filled);
    Ok(filled)
}

/// The table below the header row (found among the first rows by its headings), when every
/// column in `wanted` is there.
fn table_of(rows: Vec<Vec<String>>, ids: Ids, sheet: Option<String>, wanted: &[Col]) -> Option<Filled> {
    let head = rows.iter().take(20).position(|r| {
        let found: Vec<Col> = r.iter().filter_map(|c| Col::of_head(c)).collect();
        found.contains(&Col::Number) && found.contains(&Col::Status)
    })?;
    let mut cols = HashMap::new();
    let mut lang = ids.lang;
    for (i, text) in rows[head].iter().enumerate() {
        if let Some(c) = Col::of_head(text) {
            cols.entry(c).or_insert(i);
            if c == Col::Number {
                lang = if text.trim() == Col::Number.head(Lang::Zh) { Lang::Zh } else { Lang::En };
            }
        }
    }
    if !wanted.iter().all(|c| cols.contains_key(c)) {
        return None;
    }
    let first = u32::try_from(head + 1).ok()?;
    let body = rows.into_iter().skip(head + 1).zip(first..).map(|(r, n)| (n, r)).collect();
    let ids = if sheet.is_none() { Ids { lang, ..ids } } else { ids };
    Some(Filled { sheet, ids, cols, rows: body })
}

/// A CSV's ids, from its rows' id columns: the plan, unit and period of the first row that names
/// them (rows that name others are refused by the merge), every row's marks by its id.
fn csv_ids(f: &Filled) -> Ids {
    let mut ids = Ids { lang: f.ids.lang, ..Ids::default() };
    for (_, cells) in &f.rows {
        let key = f.cell(cells, Col::Key).trim();
        if key.is_empty() {
            continue;
        }
        if ids.plan.is_empty() {
            ids.plan = f.cell(cells, Col::Plan).trim().to_string();
            ids.plan_mark = f.cell(cells, Col::PlanMark).trim().to_string();
            ids.unit = f.cell(cells, Col::Unit).trim().to_string();
            ids.period = f.cell(cells, Col::Period).trim().to_string();
            ids.made = chrono::DateTime::parse_from_rfc3339(f.cell(cells, Col::Made).trim()).ok();
        }
        let marks = RowIds {
            row_mark: f.cell(cells, Col::RowMark).trim().to_string(),
            prefill_mark: f.cell(cells, Col::Prefill).trim().to_string(),
        };
        ids.rows.entry(key.to_string()).or_insert(marks);
    }
    ids
}
