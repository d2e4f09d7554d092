//! Every word the TUI shows, in Chinese and English, kept in one place.

pub mod lead;
pub mod standing;

use taizhang::{Lang, tr};

/// A fixed piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    PickUnit,
    PickHint,
    NoMatch,
    Tasks,
    Detail,
    Form,
    Status,
    Percent,
    Note,
    Problems,
    Next,
    Evidence,
    EvidenceHint,
    Content,
    Requirement,
    Indicator,
    Body,
    /// The detail pane has more below (its title says which key shows it).
    MoreBelow,
    Deadline,
    Inferred,
    ScopeRule,
    Units,
    History,
    NoHistory,
    NoRows,
    Reading,
    Search,
    Filter,
    Sort,
    Saved,
    Saving,
    Unsaved,
    Help,
    HelpClose,
    Discard,
    Conflict,
    ConflictHint,
    Theirs,
    Mine,
    Today,
    AllDone,
    Unreadable,
    PercentBad,
    ListKeys,
    TypedSince,
    DraftFound,
    DraftHint,
    DraftFirst,
    PromptKeys,
    Correcting,
    NoStatusYet,
    ChooseStatus,
    StatusUnchosen,
    TaskMore,
    At,
    AtNow,
    AtHint,
    NoStatus,
    AtBad,
    NoChangeFirst,
    Records,
    RecordsHint,
    OnlyProgress,
    KindNoChange,
    KindCorrection,
    KindWithdrawal,
    Superseded,
    ConfirmKeys,
    OtherKeys,
}

/// The text in `lang`.
pub fn t(lang: Lang, key: T) -> &'static str {
    let (zh, en) = match key {
        T::PickUnit => ("选择填报单位", "Choose your unit"),
        T::PickHint => (
            "输入名称筛选，↑↓ 选择，Enter 确定，Esc 清除筛选或返回",
            "type to filter, ↑↓ move, Enter open, Esc clear or back",
        ),
        T::NoMatch => ("没有匹配的单位", "no unit matches"),
        T::Tasks => ("本单位任务", "Assignments"),
        T::Detail => ("任务详情", "Details"),
        T::Form => ("填报进展", "Record progress"),
        T::Status => ("状态", "Status"),
        T::Percent => ("完成%", "Percent"),
        T::Note => ("进展情况", "Progress"),
        T::Problems => ("存在问题", "Problems"),
        T::Next => ("下步计划", "Next steps"),
        T::Evidence => ("佐证材料", "Evidence"),
        T::EvidenceHint => ("每行一个网址或路径", "one URL or path per line"),
        T::Content => ("具体内容", "Content"),
        T::Requirement => ("工作要求", "Requirement"),
        T::Indicator => ("量化指标", "Indicator"),
        T::Body => ("文件正文", "Document body"),
        T::MoreBelow => ("按 PgDn 或 ] 向下翻看", "PgDn or ] for more"),
        T::Deadline => ("完成时限", "Deadline"),
        T::ScopeRule => ("范围规定", "Scope rule"),
        T::Inferred => ("※ 推定（原文未写明）", "※ Inferred (not stated by the document)"),
        T::Units => ("责任单位", "Units"),
        T::History => ("本单位填报记录", "This unit's updates"),
        T::NoHistory => ("尚无填报", "no updates yet"),
        T::NoRows => ("没有符合条件的任务", "no assignments match"),
        T::Reading => ("正在读取台账…", "reading the ledger…"),
        T::Search => ("搜索", "Search"),
        T::Filter => ("筛选", "Filter"),
        T::Sort => ("排序", "Sort"),
        T::Saved => ("已保存", "saved"),
        T::Saving => ("正在保存…", "saving…"),
        T::Unsaved => ("未保存", "unsaved"),
        T::Help => ("按键说明", "Keys"),
        T::HelpClose => ("按 ? 或 Esc 关闭", "? or Esc to close"),
        T::Discard => ("放弃未保存的修改？ y 放弃 / n 继续编辑", "Discard unsaved changes? y discard / n keep editing"),
        T::Conflict => ("这项分工已被他人更新", "Someone else updated this assignment"),
        T::ConflictHint => (
            "a 仍然保存我的修改 / d 放弃我的修改 / Esc 返回编辑",
            "a save mine anyway / d drop mine / Esc back to editing",
        ),
        T::Theirs => ("对方的更新", "Their update"),
        T::Mine => ("我的修改", "My changes"),
        T::Today => ("今天", "today"),
        T::AllDone => ("本年度报送已全部截止", "every report date has passed"),
        T::Unreadable => ("无权查看", "not readable"),
        T::PercentBad => ("完成百分比须为 0–100 的整数", "percent must be a whole number from 0 to 100"),
        T::ListKeys => (
            "↑↓ 选择  Enter 填报  n 无新进展  h 记录  p 报送  / 搜索  f 筛选  ? 帮助  q 退出",
            "Enter edit  n no change  h records  p report  / find  f filter  ? help  q quit",
        ),
        T::TypedSince => ("；保存期间输入的内容尚未保存", "; what you typed meanwhile is not saved yet"),
        T::DraftFound => ("有未保存的草稿", "Unsaved draft"),
        T::PromptKeys => ("（确认框的按键显示在确认框中）", "(prompts show their own keys)"),
        T::Correcting => ("更正记录", "Correcting"),
        T::NoStatusYet => ("未选择", "not chosen"),
        T::ChooseStatus => ("请用 ←/→ 或点击选择", "←/→ or click"),
        T::StatusUnchosen => ("未选择（点击选择）", "click one"),
        T::TaskMore => ("Alt-↑/↓ 或滚轮翻看", "Alt-↑/↓ or the wheel to scroll"),
        T::At => ("填报时间", "Time"),
        T::AtNow => ("现在", "now"),
        T::AtHint => ("如 06-07 10:00；留空为现在；最多补记 31 天", "e.g. 06-07 10:00; empty: now; up to 31 days back"),
        T::NoStatus => {
            ("请先选择状态（在“状态”栏按 ←/→，或点击）", "choose a status first (←/→ in the Status field, or a click)")
        }
        T::AtBad => (
            "填报时间写成 2022-06-07 10:00、06-07 10:00 或 06-07，留空为现在",
            "write the time as 2022-06-07 10:00, 06-07 10:00 or 06-07; leave it empty for now",
        ),
        T::NoChangeFirst => (
            "这项分工还没有填报过，无从确认“无新进展”：请按 Enter 填报",
            "nothing recorded yet, so there is nothing to confirm: press Enter to record progress",
        ),
        T::Records => ("填报记录", "Records"),
        T::RecordsHint => {
            ("↑↓ 选择  Enter 更正所选记录  x 撤回  Esc 返回", "↑↓ move  Enter correct the record  x withdraw  Esc back")
        }
        T::OnlyProgress => ("只能更正或撤回进展记录", "only progress records can be corrected or withdrawn"),
        T::KindNoChange => ("本期无新进展", "nothing new this period"),
        T::KindCorrection => ("更正", "correction of"),
        T::KindWithdrawal => ("撤回", "withdrawal of"),
        T::Superseded => ("（已更正）", " (corrected)"),
        T::ConfirmKeys => ("y 确认  n 取消", "y confirm  n cancel"),
        T::OtherKeys => ("（其他界面的按键在该界面按 ? 查看）", "(other screens show their keys with ?)"),
        T::DraftHint => (
            "Enter 恢复草稿 / Delete 丢弃草稿 / Esc 返回列表（保留草稿）",
            "Enter restore / Delete discard / Esc back to the list (keep the draft)",
        ),
        T::DraftFirst => (
            "请先选择如何处理草稿：刚才按的键没有输入表单",
            "Choose what to do with the draft first: the keys you typed were not entered",
        ),
    };
    lang.pick(zh, en)
}

/// "：" after a label, ": " in English.
pub fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

/// "↑ 上方还有 3 行 · ↓ 下方还有 5 行": what of a text is scrolled out of view (nothing when
/// all of it shows).
pub fn hidden_lines(lang: Lang, above: usize, below: usize) -> String {
    let say = |n: usize, zh: &str, en: &str| match (lang, n) {
        (Lang::Zh, n) => format!("{zh}还有 {n} 行"),
        (Lang::En, 1) => format!("1 more line {en}"),
        (Lang::En, n) => format!("{n} more lines {en}"),
    };
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(format!("↑ {}", say(above, "上方", "above")));
    }
    if below > 0 {
        parts.push(format!("↓ {}", say(below, "下方", "below")));
    }
    parts.join(" · ")
}

/// The form's line of keys for the focused field (←/→ only where they choose a status).
pub fn form_keys(lang: Lang, focus: super::form::Field) -> &'static str {
    use super::form::Field;
    match focus {
        Field::Status => lang.pick(
            "←→ 选择状态  Tab 下一栏  Ctrl-S 保存  Esc 取消",
            "←→ choose the status  Tab next field  Ctrl-S save  Esc cancel",
        ),
        Field::Percent => lang
            .pick("↑↓ 加减 10  Tab 下一栏  Ctrl-S 保存  Esc 取消", "↑↓ ±10  Tab next field  Ctrl-S save  Esc cancel"),
        Field::At => lang.pick("Tab 下一栏  Ctrl-S 保存  Esc 取消", "Tab next field  Ctrl-S save  Esc cancel"),
        _ => lang.pick(
            "Tab 下一栏  Alt-↑↓ 翻看任务原文  Ctrl-S 保存  Esc 取消  F1 帮助",
            "Tab next field  Alt-↑↓ scroll the task  Ctrl-S save  Esc cancel  F1 help",
        ),
    }
}

/// What to tell the operator when the form cannot be saved as it stands.
pub fn form_error(lang: Lang, e: super::form::FormError) -> &'static str {
    use super::form::FormError;
    match e {
        FormError::NoStatus => t(lang, T::NoStatus),
        FormError::BadPercent => t(lang, T::PercentBad),
        FormError::BadAt => t(lang, T::AtBad),
    }
}

/// "佐证材料第 2 行“会议纪要”不是网址，也不是已有的文件…": why the evidence was not saved yet,
/// and the two ways on.
pub fn evidence_bad(lang: Lang, line: usize, item: &str, more: usize) -> String {
    let item = taizhang::text::truncate(&taizhang::text::sanitize(item), 24);
    let more = match (lang, more) {
        (_, 0) => String::new(),
        (Lang::Zh, n) => format!("（另有 {n} 行也是）"),
        (Lang::En, 1) => " (and 1 more line)".to_string(),
        (Lang::En, n) => format!(" (and {n} more lines)"),
    };
    tr!(
        lang,
        "佐证材料第 {line} 行“{item}”不是网址（http/https），也不是已有的文件或目录{more}。改正后按 Ctrl-S；不改则再按 Ctrl-S 照样保存",
        "Evidence line {line} \"{item}\" is neither a web address (http/https) nor an existing file or folder{more}. Correct it and press Ctrl-S, or press Ctrl-S again to save it as it is"
    )
}

/// "确认任务 2 本期无新进展？…".
pub fn no_change_ask(lang: Lang, task: &str, state: &str) -> String {
    tr!(
        lang,
        "确认任务 {task} 本期无新进展（仍为“{state}”）？报告中显示为“无新进展”，算按时报送。 y 确认 / n 取消",
        "Confirm nothing new on task {task} this period (still \"{state}\")? Reports show it as such; it counts as reported. y confirm / n cancel"
    )
}

/// "撤回记录 3f9a1c07？…".
pub fn withdraw_ask(lang: Lang, id: &str) -> String {
    tr!(
        lang,
        "撤回记录 {id}？撤回后它不再计入状态和报告（原记录保留在台账中）。 y 撤回 / n 取消",
        "Withdraw record {id}? It no longer counts in the state or reports (it stays in the ledger). y withdraw / n cancel"
    )
}

/// "草稿保存于 2022-06-01 09:31".
pub fn draft_saved_at(lang: Lang, d: &taizhang::ledger::draft::Draft) -> String {
    tr!(lang, "草稿保存于 {}", "draft saved {}", d.saved_at.format("%Y-%m-%d %H:%M"))
}

/// Filter names.
pub fn filter(lang: Lang, f: super::list::Filter) -> &'static str {
    use super::list::Filter;
    match f {
        Filter::All => lang.pick("全部", "all"),
        Filter::Open => lang.pick("未完成", "open"),
        Filter::Overdue => lang.pick("逾期", "overdue"),
        Filter::DueSoon => lang.pick("即将到期", "due soon"),
        Filter::Behind => lang.pick("欠进度", "behind"),
        Filter::NoUpdate => lang.pick("未填报", "no update"),
        Filter::ThisPeriod => lang.pick("本期待报", "due this period"),
        Filter::Blocked => lang.pick("受阻", "blocked"),
    }
}

/// Sort names.
pub fn sort(lang: Lang, s: super::list::Sort) -> &'static str {
    use super::list::Sort;
    match s {
        Sort::Plan => lang.pick("原文顺序", "plan order"),
        Sort::Due => lang.pick("截止日期", "due date"),
        Sort::Urgency => lang.pick("紧急程度", "urgency"),
        Sort::Status => lang.pick("状态", "status"),
    }
}

/// "距6月10日报送还有12天" / "今天是6月10日报送截止日".
pub fn next_due(lang: Lang, month: u32, day: u32, days_left: i64) -> String {
    if days_left == 0 {
        tr!(lang, "今天是{month}月{day}日报送截止日", "report due today ({month}-{day})")
    } else {
        let days = if days_left == 1 { "1 day".to_string() } else { format!("{days_left} days") };
        match lang {
            Lang::Zh => format!("距{month}月{day}日报送还有{days_left}天"),
            Lang::En => format!("{days} to the {month}-{day} report"),
        }
    }
}

/// When the period's report is due, said after a unit's report was written: "本期报送日 9月10日，
/// 还有 3 天" / "本期报送日 9月10日，就是今天" / "本期报送日 12月10日已过 5 天".
pub fn report_due(lang: Lang, p: &taizhang::period::Period, today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    use taizhang::period::Standing;
    let (m, d) = (p.due.month(), p.due.day());
    let days = |n: i64| if n == 1 { "1 day".to_string() } else { format!("{n} days") };
    match p.standing(today) {
        Standing::Current { days_left: 0 } | Standing::Upcoming { days_left: 0 } => {
            tr!(lang, "本期报送日 {m}月{d}日，就是今天", "this period's report is due today ({m}-{d})")
        }
        Standing::Current { days_left } | Standing::Upcoming { days_left } => match lang {
            Lang::Zh => format!("本期报送日 {m}月{d}日，还有 {days_left} 天"),
            Lang::En => format!("this period's report is due {m}-{d}, in {}", days(days_left)),
        },
        Standing::Closed { days_ago } => match lang {
            Lang::Zh => format!("本期报送日 {m}月{d}日已过 {days_ago} 天"),
            Lang::En => format!("this period's report was due {m}-{d}, {} ago", days(days_ago)),
        },
    }
}

/// Days to a deadline, short enough for the list: "12天" / "逾期3天" / "今天".
pub fn days_short(lang: Lang, days_left: i64) -> String {
    match days_left {
        0 => lang.pick("今天", "today").to_string(),
        n if n > 0 => tr!(lang, "{n}天", "{n}d"),
        n => tr!(lang, "逾期{}天", "{}d late", -n),
    }
}

/// "26 项" / "26 tasks".
pub fn count(lang: Lang, n: usize) -> String {
    tr!(lang, "{n} 项", "{n} tasks")
}

/// The status-bar note after a save: "已保存：任务 2 · 推进中 40%（06-01 09:30）", or what the
/// record was (本期无新进展, 更正 …, 撤回 …).
pub fn saved_note(lang: Lang, u: &taizhang::ledger::Update) -> String {
    use taizhang::ledger::RecordKind;
    let pct = u.percent.map(|p| format!(" {p}%")).unwrap_or_default();
    let what = match &u.kind {
        RecordKind::Progress => format!("{}{pct}", u.status.label(lang)),
        RecordKind::NoChange => t(lang, T::KindNoChange).to_string(),
        RecordKind::Correction { of } => {
            format!("{} {} → {}{pct}", t(lang, T::KindCorrection), short(of), u.status.label(lang))
        }
        RecordKind::Withdrawal { of } => format!("{} {}", t(lang, T::KindWithdrawal), short(of)),
    };
    tr!(
        lang,
        "{}：任务 {} · {what}（{}）",
        "{}: task {} · {what} ({})",
        t(lang, T::Saved),
        u.task,
        u.at.format("%m-%d %H:%M")
    )
}

/// The first 8 characters of a record id, as the TUI shows it.
pub fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
