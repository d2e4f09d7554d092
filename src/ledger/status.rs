//! Assignment statuses: their stored names, the Chinese and English words accepted on input,
//! and their labels.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// The state of one (task, unit) assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 未启动
    NotStarted,
    /// 推进中
    InProgress,
    /// 已完成
    Done,
    /// 持续推进 (continuous duties)
    Ongoing,
    /// 受阻
    Blocked,
    /// 不适用
    Na,
}

impl Status {
    /// Every status, in the order menus show them.
    pub const ALL: [Status; 6] =
        [Status::NotStarted, Status::InProgress, Status::Ongoing, Status::Done, Status::Blocked, Status::Na];

    /// The name stored in ledger files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Ongoing => "ongoing",
            Status::Blocked => "blocked",
            Status::Na => "na",
        }
    }

    /// The label shown to users.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::NotStarted => lang.pick("未启动", "not started"),
            Status::InProgress => lang.pick("推进中", "in progress"),
            Status::Done => lang.pick("已完成", "done"),
            Status::Ongoing => lang.pick("持续推进", "ongoing"),
            Status::Blocked => lang.pick("受阻", "blocked"),
            Status::Na => lang.pick("不适用", "n/a"),
        }
    }

    /// Parses a status in English or Chinese ("done", "已完成", "完成", "in-progress", …).
    pub fn parse(s: &str) -> Option<Status> {
        let k: String = s.trim().to_lowercase().replace(['-', ' '], "_");
        Some(match k.as_str() {
            "not_started" | "todo" | "未启动" | "未开始" => Status::NotStarted,
            "in_progress" | "doing" | "推进中" | "进行中" | "正在推进" => Status::InProgress,
            "done" | "completed" | "已完成" | "完成" => Status::Done,
            "ongoing" | "continuous" | "持续推进" | "持续" => Status::Ongoing,
            "blocked" | "受阻" | "阻塞" => Status::Blocked,
            "na" | "n/a" | "not_applicable" | "不适用" | "无需" => Status::Na,
            _ => return None,
        })
    }

    /// True for statuses that close an assignment (done, or not applicable).
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Na)
    }

    /// Every accepted spelling, for error messages.
    pub fn accepted(lang: Lang) -> String {
        Status::ALL
            .iter()
            .map(|s| format!("{}/{}", s.key(), s.label(Lang::Zh)))
            .collect::<Vec<_>>()
            .join(lang.list_sep())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_chinese_names() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.key()), Some(s));
            assert_eq!(Status::parse(s.label(Lang::Zh)), Some(s));
        }
        assert_eq!(Status::parse(" In-Progress "), Some(Status::InProgress));
        assert_eq!(Status::parse("完成"), Some(Status::Done));
        assert_eq!(Status::parse("finished?"), None);
        assert!(Status::Na.is_closed() && Status::Done.is_closed() && !Status::Ongoing.is_closed());
    }
}
