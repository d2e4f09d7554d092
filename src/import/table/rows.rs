//! Turning a table's data rows into items. The rules, in the order they apply to a row:
//!
//! - **Short rows.** A row with fewer cells than the header (a table whose merged cells were
//!   pasted as missing cells, not empty ones) is read right-aligned: its last cell is the last
//!   column. Its first cell stays in the 序号 column when it reads like a number. The columns
//!   left without a cell are the merged ones to its left and are carried down (next rule). A guess.
//! - **Carried cells.** An empty 重点任务 / 公开领域 cell under a filled one is a merged cell:
//!   the topic above is carried down (until the next section heading), not a guess. An empty
//!   责任单位, 完成时限, 工作要求 or 量化指标 cell under a filled one is carried down too, as
//!   merged cells usually are, but recorded as a guess: the document may mean "none". A new
//!   topic starts a new merged block: nothing but itself is carried past it.
//! - **Continued rows.** In a numbered table, a row with no 序号 and no topic of its own after a
//!   numbered task continues it (a row broken across a page): its cells are appended to that
//!   task's. A guess.
//! - **No text.** A row whose 具体措施 is empty takes its topic as the task's text (a guess);
//!   a row with neither is skipped.

use super::cell;
use super::header::{Column, Header};
use crate::import::Item;

/// The walk over data rows: what is carried down, and the items so far.
#[derive(Debug, Default)]
pub struct Rows {
    pub items: Vec<Item>,
    carried: Carried,
    section: Option<String>,
    subsection: Option<String>,
}

/// The values a merged cell carries to the rows below it.
#[derive(Debug, Default, Clone)]
struct Carried {
    topic: Option<String>,
    responsible: Option<String>,
    deadline: Option<String>,
    requirement: Option<String>,
    indicator: Option<String>,
}

/// One row's cells, by what they are.
#[derive(Debug, Default)]
struct Cells {
    number: Option<String>,
    topic: Option<String>,
    content: Option<String>,
    requirement: Option<String>,
    indicator: Option<String>,
    responsible: Option<String>,
    deadline: Option<String>,
    guesses: Vec<String>,
}

impl Rows {
    /// A top heading: later rows sit under it; nothing is carried across it.
    pub fn section(&mut self, heading: String) {
        self.section = Some(heading);
        self.subsection = None;
        self.carried = Carried::default();
    }

    pub fn subsection(&mut self, heading: String) {
        self.subsection = Some(heading);
        self.carried = Carried::default();
    }

    /// Reads one data row (1-based `line`); false when it holds nothing to read.
    pub fn row(&mut self, header: &Header, row: &[String], line: usize) -> bool {
        let cells = read_cells(header, &align(header, row, line));
        if self.continues(header, &cells) {
            self.extend_last(cells, line);
            return true;
        }
        self.push(cells, line)
    }

    fn continues(&self, header: &Header, c: &Cells) -> bool {
        let numbered = header.find(Column::Number).is_some();
        let last_numbered = self.items.last().is_some_and(|i| i.number.is_some());
        numbered && last_numbered && c.number.is_none() && c.topic.is_none()
    }

    fn extend_last(&mut self, c: Cells, line: usize) {
        let Some(last) = self.items.last_mut() else {
            return;
        };
        let append = |to: &mut Option<String>, more: Option<String>| {
            if let Some(more) = more {
                *to = Some(to.take().unwrap_or_default() + &more);
            }
        };
        if let Some(more) = c.content {
            last.content.push_str(&more);
        }
        append(&mut last.requirement, c.requirement);
        append(&mut last.indicator, c.indicator);
        append(&mut last.responsible, c.responsible);
        append(&mut last.deadline, c.deadline);
        last.guesses.extend(c.guesses);
        last.guesses.push(format!("第 {line} 行没有序号，按上一项跨页续行并入"));
    }

    fn push(&mut self, mut c: Cells, line: usize) -> bool {
        let mut guesses = std::mem::take(&mut c.guesses);
        if c.topic.is_some() && c.topic != self.carried.topic {
            self.carried = Carried::default();
        }
        let topic = carry(&mut self.carried.topic, c.topic, None);
        let responsible = carry(&mut self.carried.responsible, c.responsible, Some(("责任单位", &mut guesses)));
        let deadline = carry(&mut self.carried.deadline, c.deadline, Some(("完成时限", &mut guesses)));
        let requirement = carry(&mut self.carried.requirement, c.requirement, Some(("工作要求", &mut guesses)));
        let indicator = carry(&mut self.carried.indicator, c.indicator, Some(("量化指标", &mut guesses)));
        let content = match (c.content, &topic) {
            (Some(text), _) => text,
            (None, Some(t)) if c.number.is_some() || responsible.is_some() => {
                guesses.push("具体措施栏为空，以重点任务栏作为任务内容".to_string());
                t.clone()
            }
            _ => return false,
        };
        self.items.push(Item {
            number: c.number,
            section: self.section.clone(),
            subsection: self.subsection.clone(),
            topic,
            content,
            requirement,
            indicator,
            responsible,
            deadline,
            deadline_source: None,
            line,
            guesses,
        });
        true
    }
}

/// A cell's value, or the value carried from above when it is empty (noting the guess, when
/// `guess` names the column); a filled cell becomes the value carried below.
fn carry(held: &mut Option<String>, cell: Option<String>, guess: Option<(&str, &mut Vec<String>)>) -> Option<String> {
    match cell {
        Some(v) => {
            *held = Some(v.clone());
            Some(v)
        }
        None => {
            let v = held.clone()?;
            if let Some((column, guesses)) = guess {
                guesses.push(format!("{column}栏为空，按合并单元格沿用上一行“{v}”"));
            }
            Some(v)
        }
    }
}

/// The row's cells placed under the header's columns (a short row right-aligned, see above).
fn align(header: &Header, row: &[String], line: usize) -> (Vec<String>, Option<String>) {
    let n = header.columns.len();
    if row.len() >= n || row.len() < 2 {
        return (row.to_vec(), None);
    }
    let missing = n - row.len();
    let keep_first = header.columns.first() == Some(&Some(Column::Number)) && looks_numbered(&row[0]);
    let mut out = vec![String::new(); n];
    let (head, rest) = if keep_first { (1, &row[1..]) } else { (0, row) };
    if keep_first {
        out[0] = row[0].clone();
    }
    for (k, value) in rest.iter().enumerate() {
        out[head + missing + k] = value.clone();
    }
    let guess = format!("第 {line} 行比表头少 {missing} 格，按左侧合并单元格右对齐读取");
    (out, Some(guess))
}

/// "1", "12.", "3、", "（4）".
fn looks_numbered(cell: &str) -> bool {
    let t = cell.trim().trim_matches(|c| matches!(c, '.' | '、' | '（' | '）' | '(' | ')' | '．'));
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

fn read_cells(header: &Header, (row, guess): &(Vec<String>, Option<String>)) -> Cells {
    let text = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|c| cell::join(c)).filter(|c| !c.is_empty());
    let mut c = Cells {
        number: text(header.find(Column::Number)).map(|n| n.trim_end_matches(['.', '、', '．']).to_string()),
        topic: text(header.topic()),
        content: text(header.content()),
        requirement: text(header.find(Column::Requirement)),
        indicator: text(header.find(Column::Indicator)),
        deadline: text(header.find(Column::Deadline)),
        guesses: guess.iter().cloned().collect(),
        ..Cells::default()
    };
    c.responsible = responsible(header, row, &mut c.guesses);
    c
}

/// The responsibility as one text: a 责任单位 column as written; 牵头单位 / 配合单位 columns
/// labelled ("牵头单位：…；配合单位：…") so that the roles survive.
fn responsible(header: &Header, row: &[String], guesses: &mut Vec<String>) -> Option<String> {
    let mut parts = Vec::new();
    let labelled = header.find(Column::Lead).is_some() || header.find(Column::Assist).is_some();
    for (i, kind) in header.columns.iter().enumerate() {
        let label = match kind {
            Some(Column::Responsible) if labelled => "责任单位：",
            Some(Column::Responsible) => "",
            Some(Column::Lead) => "牵头单位：",
            Some(Column::Assist) => "配合单位：",
            _ => continue,
        };
        let (text, split) = cell::join_units(row.get(i).map_or("", String::as_str));
        if split {
            guesses.push(format!("责任单位栏“{text}”原文分行书写，按多个单位读（行间补“、”）"));
        }
        if !text.is_empty() {
            parts.push(format!("{label}{text}"));
        }
    }
    (!parts.is_empty()).then(|| parts.join("；"))
}

#[cfg(test)]
mod tests;
