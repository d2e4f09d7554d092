//! Filled 台账 templates made the way Excel and WPS leave them, for the exchange tests: a
//! template's two sheets read with calamine into rows of typed cells, edited like a user edits
//! (cells typed as numbers or dates, rows moved, inserted or deleted), and written back with
//! rust_xlsxwriter — the sheet of ids as a plainly hidden sheet, as WPS saves it.
//!
//! Included with `#[path = "support/sheets.rs"] mod sheets;` after `mod env;` and `mod sandbox;`.

#![allow(dead_code)]

use std::path::Path;

use calamine::{Data, Reader};
use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::env;
use crate::sandbox::Sandbox;

/// A sandbox with the Zhongwei plan as `zhongwei-2022.toml` and the demo ledger beside it.
pub fn zhongwei_with_demo() -> Sandbox {
    let s = Sandbox::with("plans/zhongwei-2022.toml", "zhongwei-2022.toml");
    let demo = env::root().join("examples/zhongwei-2022.progress");
    for e in std::fs::read_dir(demo).unwrap().flatten() {
        s.write(
            &format!("zhongwei-2022.progress/{}", e.file_name().to_string_lossy()),
            std::fs::read(e.path()).unwrap(),
        );
    }
    s
}

/// A cell as a user leaves it.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    Text(String),
    Num(f64),
    Date(NaiveDate),
    Blank,
}

pub fn text(s: &str) -> V {
    V::Text(s.to_string())
}

/// A template's sheets: the one filled in (rows from the title down) and the hidden one.
pub struct Book {
    pub name: String,
    pub rows: Vec<Vec<V>>,
    pub hidden_name: String,
    pub hidden: Vec<Vec<V>>,
}

/// Row of the header in the sheet filled in; the assignments start below it.
pub const HEAD: usize = 2;

fn cells(range: &calamine::Range<Data>) -> Vec<Vec<V>> {
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::String(s) => V::Text(s.clone()),
                    Data::Float(f) => V::Num(*f),
                    Data::Int(i) => V::Num(*i as f64),
                    Data::Empty => V::Blank,
                    other => V::Text(other.to_string()),
                })
                .collect()
        })
        .collect()
}

impl Book {
    /// Reads a template written by `taizhang template`.
    pub fn open(path: &Path) -> Book {
        let mut wb = calamine::open_workbook_auto(path).expect("the template opens");
        let names = wb.sheet_names();
        let (name, hidden_name) = (names[0].clone(), names[1].clone());
        let rows = cells(&wb.worksheet_range(&name).unwrap());
        let hidden = cells(&wb.worksheet_range(&hidden_name).unwrap());
        Book { name, rows, hidden_name, hidden }
    }

    /// The row (index into `rows`) of task `task`.
    pub fn row_of(&self, task: &str) -> usize {
        let at = self.rows.iter().skip(HEAD + 1).position(|r| r.first() == Some(&text(task)));
        HEAD + 1 + at.unwrap_or_else(|| panic!("no row for task {task}"))
    }

    /// Sets the cell of task `task` in column `col` (A, B, …).
    pub fn set(&mut self, task: &str, col: char, v: V) {
        let row = self.row_of(task);
        let c = (col as u8 - b'A') as usize;
        let r = &mut self.rows[row];
        if r.len() <= c {
            r.resize(c + 1, V::Blank);
        }
        r[c] = v;
    }

    /// The cell of task `task` in column `col`.
    pub fn get(&self, task: &str, col: char) -> V {
        let r = &self.rows[self.row_of(task)];
        r.get((col as u8 - b'A') as usize).cloned().unwrap_or(V::Blank)
    }

    /// The rows of assignments, to reorder, insert into or delete from.
    pub fn body(&mut self) -> &mut Vec<Vec<V>> {
        &mut self.rows
    }

    /// Writes the book, as Excel or WPS would save it after editing.
    pub fn save(&self, path: &Path) {
        let mut wb = Workbook::new();
        let date = Format::new().set_num_format("yyyy/m/d");
        for (name, rows, hidden) in [(&self.name, &self.rows, false), (&self.hidden_name, &self.hidden, true)] {
            let ws = wb.add_worksheet();
            ws.set_name(name.as_str()).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match v {
                        V::Text(s) => ws.write_string(r, c, s.as_str()).map(|_| ()),
                        V::Num(n) => ws.write_number(r, c, *n).map(|_| ()),
                        V::Date(d) => {
                            let d = ExcelDateTime::parse_from_str(&d.to_string()).unwrap();
                            ws.write_datetime_with_format(r, c, &d, &date).map(|_| ())
                        }
                        V::Blank => Ok(()),
                    }
                    .unwrap();
                }
            }
            if hidden {
                ws.set_hidden(true);
            }
        }
        wb.save(path).unwrap();
    }
}

/// A record that came in from a sheet: (task, status, percent, note, by, at, source).
pub type Merged = (String, String, Option<u8>, String, String, String, String);

/// Task, status, percent, by and time of the records of unit `unit` that came in from a sheet.
pub fn merged_brief(s: &Sandbox, unit: &str) -> Vec<(String, String, Option<u8>, String, String)> {
    let got = merged_records(&s.path(&format!("zhongwei-2022.progress/{unit}.toml")));
    got.into_iter().map(|g| (g.0, g.1, g.2, g.4, g.5)).collect()
}

/// The records of a unit file that came in from a sheet.
pub fn merged_records(ledger_file: &Path) -> Vec<Merged> {
    let text = std::fs::read_to_string(ledger_file).unwrap_or_default();
    let records = taizhang::ledger::parse_file(&text, ledger_file, None).unwrap();
    records
        .into_iter()
        .filter(|u| u.source.is_some())
        .map(|u| {
            (
                u.task,
                u.status.key().to_string(),
                u.percent,
                u.note.unwrap_or_default(),
                u.by.unwrap_or_default(),
                u.at.to_rfc3339(),
                u.source.unwrap_or_default(),
            )
        })
        .collect()
}
