//! The header row of a task table: which column holds what, recognised by the names offices
//! give their columns (序号; 重点任务 / 工作任务 / 公开领域; 具体措施 / 具体内容 / 工作内容; 工作要求;
//! 责任单位 / 责任部门 / 牵头单位 / 配合单位; 量化指标; 完成时限 / 时限要求 / 时限) and their usual variants.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Number,
    Topic,
    Content,
    Requirement,
    /// 责任单位 / 责任部门 / 责任科室 (any role).
    Responsible,
    /// 牵头单位 / 牵头部门: a column of lead units.
    Lead,
    /// 配合单位 / 配合部门 / 协办单位: a column of assisting units.
    Assist,
    Indicator,
    Deadline,
}

/// Header words, most specific first; a header cell is the first whose word it contains.
const WORDS: [(&str, Column); 34] = [
    ("序号", Column::Number),
    ("编号", Column::Number),
    ("工作要求", Column::Requirement),
    ("量化指标", Column::Indicator),
    ("考核指标", Column::Indicator),
    ("指标", Column::Indicator),
    ("牵头单位", Column::Lead),
    ("牵头部门", Column::Lead),
    ("配合单位", Column::Assist),
    ("配合部门", Column::Assist),
    ("协办单位", Column::Assist),
    ("责任单位", Column::Responsible),
    ("责任部门", Column::Responsible),
    ("责任科室", Column::Responsible),
    ("责任主体", Column::Responsible),
    ("承办单位", Column::Responsible),
    ("完成时限", Column::Deadline),
    ("时限要求", Column::Deadline),
    ("完成时间", Column::Deadline),
    ("时间节点", Column::Deadline),
    ("时限", Column::Deadline),
    ("具体措施", Column::Content),
    ("具体内容", Column::Content),
    ("具体要求", Column::Content),
    ("工作内容", Column::Content),
    ("工作措施", Column::Content),
    ("主要内容", Column::Content),
    ("任务内容", Column::Content),
    ("具体任务", Column::Content),
    ("重点任务", Column::Topic),
    ("工作任务", Column::Topic),
    ("公开领域", Column::Topic),
    ("主要任务", Column::Topic),
    ("重点工作", Column::Topic),
];

/// The recognised header: each column's kind by position (None for columns it does not know).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub columns: Vec<Option<Column>>,
}

impl Header {
    /// The first column of `kind`.
    pub fn find(&self, kind: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(kind))
    }

    /// Every column of `kind`.
    pub fn all(&self, kind: Column) -> Vec<usize> {
        (0..self.columns.len()).filter(|&i| self.columns[i] == Some(kind)).collect()
    }

    /// The column the task's text is in: 具体措施 …, else the only topic column (a table of
    /// 重点任务 and 责任单位 alone).
    pub fn content(&self) -> Option<usize> {
        self.find(Column::Content).or_else(|| self.find(Column::Topic))
    }

    /// The topic column, when it is not also the content.
    pub fn topic(&self) -> Option<usize> {
        self.find(Column::Content).and(self.find(Column::Topic))
    }
}

/// The header cell's words: spaces and line breaks inside it removed ("序  号", "责任\n单位").
fn squash(cell: &str) -> String {
    cell.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a header cell names, if anything; a long cell is text, not a header.
pub fn column_of(cell: &str) -> Option<Column> {
    let s = squash(cell);
    if s.chars().count() > 12 {
        return None;
    }
    WORDS.iter().find(|(w, _)| s.contains(w)).map(|&(_, c)| c)
}

/// Reads a row as a header: at least two known columns, one of them the task's text, another
/// the responsible units or the deadline.
pub fn recognise(row: &[String]) -> Option<Header> {
    let columns: Vec<Option<Column>> = row.iter().map(|c| column_of(c)).collect();
    let header = Header { columns };
    let has = |k| header.find(k).is_some();
    let who = has(Column::Responsible) || has(Column::Lead) || has(Column::Deadline);
    (header.content().is_some() && who).then_some(header)
}

/// The header names the importer looks for, for the message when none is found.
pub fn expected() -> &'static str {
    "序号、重点任务/工作任务/公开领域、具体措施/具体内容/工作内容、工作要求、责任单位/责任部门/牵头单位/配合单位、量化指标、完成时限/时限要求"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn usual_headers_and_variants() {
        let h = recognise(&row(&["序号", "重点任务", "具体措施", "责任部门", "量化指标", "完成时限"])).unwrap();
        assert_eq!(h.find(Column::Number), Some(0));
        assert_eq!(h.topic(), Some(1));
        assert_eq!(h.content(), Some(2));
        assert_eq!(h.find(Column::Deadline), Some(5));
        let h = recognise(&row(&["序 号", "公开领域", "工作内容", "工作要求", "牵头单位", "配合单位", "时限要求"]))
            .unwrap();
        assert_eq!(h.find(Column::Requirement), Some(3));
        assert_eq!(h.all(Column::Lead), [4]);
        assert_eq!(h.all(Column::Assist), [5]);
        let h = recognise(&row(&["序号", "重点任务", "责任\n单位", "时限"])).unwrap();
        assert_eq!((h.content(), h.topic()), (Some(1), None));
    }

    #[test]
    fn text_rows_are_not_headers() {
        assert!(recognise(&row(&["中卫市 2022 年政务公开工作要点任务分工"])).is_none());
        assert!(
            recognise(&row(&["1", "加强涉及市场主体信息公开", "进一步增强涉企政策制定实施的透明度", "各县（区）"]))
                .is_none()
        );
        assert!(recognise(&row(&["序号", "责任单位"])).is_none());
    }
}
