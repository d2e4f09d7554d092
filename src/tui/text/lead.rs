//! The lead view's words, in Chinese and English.

use chrono::{DateTime, Datelike, FixedOffset};
use taizhang::period::{Period, Standing};
use taizhang::text::sanitize;
use taizhang::{Lang, tr};

use crate::tui::lead::Pane;

/// The title bar's name for the lead view.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("牵头视图·工作进展总览", "Lead view · progress overview")
}

/// A list's heading, with how many lines it has: "单位排名（30）".
pub fn pane(lang: Lang, p: Pane, n: usize) -> String {
    match p {
        Pane::Units => tr!(lang, "单位完成率排名（{n}）", "Units by completion ({n})"),
        Pane::Overdue => tr!(lang, "逾期任务（{n}）", "Overdue ({n})"),
        Pane::Chase => tr!(lang, "本期未报送·催办（{n}）", "Not reported this period · chase ({n})"),
    }
}

/// "第3/4期（9月10日报送）· 还有9天" for the shown period, as seen on `today`.
pub fn period_line(lang: Lang, p: &Period, count: usize, today: chrono::NaiveDate) -> String {
    let (m, d) = (p.due.month(), p.due.day());
    let when = match p.standing(today) {
        Standing::Current { days_left: 0 } => lang.pick("今天截止", "due today").to_string(),
        Standing::Current { days_left } | Standing::Upcoming { days_left } => {
            tr!(lang, "还有{days_left}天", "{days_left} days left")
        }
        Standing::Closed { days_ago } => tr!(lang, "已截止{days_ago}天", "closed {days_ago} days ago"),
    };
    tr!(lang, "第{}/{}期（{m}月{d}日报送）· {when}", "Period {}/{} (due {m}-{d}) · {when}", p.number, count)
}

/// The lists' headings while they show the changes since period `since`.
pub fn changed_pane(lang: Lang, p: Pane, n: usize, since: usize) -> String {
    match p {
        Pane::Units => tr!(lang, "较第{since}期新报送（{n}）", "Newly reported since period {since} ({n})"),
        Pane::Overdue => tr!(lang, "较第{since}期新增逾期（{n}）", "Newly overdue since period {since} ({n})"),
        Pane::Chase => tr!(lang, "本期新增完成（{n}）", "Completed this period ({n})"),
    }
}

/// After the period line while the lists show changes.
pub fn changes_on(lang: Lang, since: usize) -> String {
    tr!(lang, "对比第{since}期", "vs period {since}")
}

/// `c` in the first period.
pub fn nothing_before(lang: Lang) -> String {
    lang.pick("第1期之前没有可对比的期次", "there is no period before the first to compare with").to_string()
}

/// "完成于 08-05".
pub fn done_at(lang: Lang, at: Option<DateTime<FixedOffset>>) -> String {
    tr!(lang, "完成于 {}", "done {}", last_update(at))
}

/// The count of units not reported, in the counts line.
pub fn not_reported(lang: Lang) -> &'static str {
    lang.pick("本期未报送", "not reported")
}

/// "数据截至 2022-09-10".
pub fn as_of(lang: Lang, date: chrono::NaiveDate) -> String {
    tr!(lang, "数据截至 {date}", "as of {date}")
}

/// The bucket names of the counts line, in order: 已完成, 超进度, 达进度, 欠进度, 逾期.
pub fn buckets(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["已完成", "超进度", "达进度", "欠进度", "逾期"],
        Lang::En => ["done", "ahead", "on track", "behind", "overdue"],
    }
}

/// "总体完成" before the gauge.
pub fn overall(lang: Lang) -> &'static str {
    lang.pick("总体完成", "Overall")
}

/// "已报 06-08" / "未报" / "补报" for a unit in the ranking.
pub fn reported(lang: Lang, on_time: bool, late: bool) -> &'static str {
    match (on_time, late) {
        (true, _) => lang.pick("已报", "sent"),
        (false, true) => lang.pick("补报", "late"),
        (false, false) => lang.pick("未报", "none"),
    }
}

/// In place of 已报/未报 for a unit whose ledger file could not be read.
pub fn broken(lang: Lang) -> &'static str {
    lang.pick("有误", "bad")
}

/// Before what a unit owes, when its ledger file could not be read.
pub fn broken_file(lang: Lang) -> &'static str {
    lang.pick("（台账文件有误）", "(ledger file unreadable)")
}

/// "2 个单位台账文件有误" after the period line.
pub fn broken_count(lang: Lang, n: usize) -> String {
    tr!(lang, "{n} 个单位台账文件有误", "{n} unreadable ledger files")
}

/// "逾期3 欠进度2" after a unit in the ranking.
pub fn unit_counts(lang: Lang, overdue: usize, behind: usize) -> String {
    tr!(lang, "逾期{overdue} 欠进度{behind}", "{overdue} overdue {behind} behind")
}

/// "配合 3/24": 配合 assignments done, of all, beside the overall gauge (not in it) and after a
/// unit in the ranking.
pub fn assist_count(lang: Lang, done: usize, all: usize) -> String {
    tr!(lang, "配合 {done}/{all}", "assist {done}/{all}")
}

/// "逾期30天".
pub fn days_overdue(lang: Lang, days: i64) -> String {
    tr!(lang, "逾期{days}天", "{days}d late")
}

/// "欠报5项：".
pub fn owes(lang: Lang, n: usize) -> String {
    tr!(lang, "欠报{n}项：", "owes {n}: ")
}

/// The dashboard before every unit's records are in.
pub fn reading(lang: Lang) -> &'static str {
    lang.pick("正在读取各单位台账…", "reading every unit's ledger…")
}

/// An empty list of changes.
pub fn no_change(lang: Lang, p: Pane) -> &'static str {
    match p {
        Pane::Units => lang.pick("没有新报送的单位", "no unit newly reported"),
        Pane::Overdue => lang.pick("没有新增逾期", "nothing newly overdue"),
        Pane::Chase => lang.pick("本期没有新完成的任务", "nothing completed this period"),
    }
}

/// When the ledger could not be read (the status bar says why).
pub fn unread(lang: Lang) -> &'static str {
    lang.pick("台账读取失败，见状态栏", "the ledger could not be read: see the status bar")
}

/// While a period's summary is being worked out.
pub fn summarizing(lang: Lang, period: usize) -> String {
    tr!(lang, "正在汇总第{period}期…", "working out period {period}…")
}

/// An empty list.
pub fn none(lang: Lang, p: Pane) -> &'static str {
    match p {
        Pane::Units => lang.pick("没有责任单位", "no units"),
        Pane::Overdue => lang.pick("没有逾期任务", "nothing overdue"),
        Pane::Chase => lang.pick("各单位均已按时报送", "every unit has reported"),
    }
}

/// The key hints of the lead view.
pub fn keys(lang: Lang) -> &'static str {
    lang.pick(
        "←→换期 Tab换列表 Enter单位 c变化 m矩阵 p打印 e导出 w催办 u填报 ?帮助 q退出",
        "←→ period Tab list Enter unit c diff m matrix p print e export w chase ? help",
    )
}

/// The matrix's key hints.
pub fn matrix_keys(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓←→ 移动  Enter 查看（记录/单位/任务）  t 各单位状态  1–9 换期  Esc 返回",
        "↑↓←→ move  Enter open (records/unit/task)  t all units  1–9 period  Esc back",
    )
}

/// The task popup's keys.
pub fn task_keys(lang: Lang) -> &'static str {
    lang.pick("↑↓ 滚动  Esc 返回矩阵", "↑↓ scroll  Esc back to the matrix")
}

/// The task popup's title: "任务12 · 各单位状态（截至 2022-09-10）".
pub fn task_title(lang: Lang, task: &str, as_of: chrono::NaiveDate) -> String {
    tr!(lang, "任务{task} · 各单位状态（截至 {as_of}）", "task {task} · every unit (as of {as_of})")
}

/// The records popup's keys when nothing can be corrected (read-only).
pub fn records_keys(lang: Lang) -> &'static str {
    lang.pick("↑↓ 选择  Esc 返回（只读）", "↑↓ move  Esc back (read-only)")
}

/// The key hints of a unit opened read-only.
pub fn read_only_keys(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ 选择  / 搜索  f 筛选  s 排序  p 报送  u 换单位  Esc 返回总览  ? 帮助  q 退出",
        "↑↓ move  / search  f filter  s sort  p report  u unit  Esc back  ? help  q quit",
    )
}

/// The format chooser's keys, from the keymap: for the lead's summary, or (`unit`) for the
/// unit's own report.
pub fn export_keys(lang: Lang, unit: bool) -> String {
    let keys = crate::tui::keymap::prompt(crate::tui::keymap::Ctx::Export, lang);
    match unit {
        false => tr!(lang, "导出本期汇总：{keys}", "export this period's summary: {keys}"),
        true => tr!(lang, "导出本单位本期报送：{keys}", "export this unit's report for the period: {keys}"),
    }
}

/// "只读查看 市财政局（Esc 返回牵头视图；u 选择单位填报）".
pub fn read_only(lang: Lang, unit: &str) -> String {
    tr!(
        lang,
        "只读查看 {}（Esc 返回牵头视图；要填报请按 u 选择单位）",
        "{} read-only (Esc: back; u: pick a unit to record for)",
        sanitize(unit)
    )
}

/// The status bar's state in a unit opened read-only.
pub fn viewing(lang: Lang) -> &'static str {
    lang.pick("只读", "read-only")
}

/// While a file is being written.
pub fn writing(lang: Lang) -> String {
    lang.pick("正在写出…", "writing…").to_string()
}

/// "已写入 /home/…/zhongwei-汇总-第3期.html".
/// Two files differing only in their extension are named once: "已写入 /…/催办清单-第2期.txt（及 .csv）".
pub fn exported(lang: Lang, paths: &[String]) -> String {
    let stem = |p: &str| p.rsplit_once('.').map_or(p.to_string(), |(s, _)| s.to_string());
    let list = match paths {
        [a, b] if stem(a) == stem(b) => {
            let ext = b.rsplit_once('.').map_or("", |(_, e)| e);
            tr!(lang, "{}（及 .{}）", "{} (and .{})", sanitize(a), sanitize(ext))
        }
        _ => paths.iter().map(|p| sanitize(p)).collect::<Vec<_>>().join(lang.pick("、", ", ")),
    };
    tr!(lang, "已写入 {list}", "wrote {list}")
}

/// A unit's last update, short: "06-08 10:30", or "—".
pub fn last_update(at: Option<DateTime<FixedOffset>>) -> String {
    at.map_or_else(|| "—".to_string(), |t| t.format("%m-%d %H:%M").to_string())
}

/// The matrix's legend.
pub fn legend(lang: Lang) -> &'static str {
    lang.pick(
        "✓ 已完成  ◐ 推进中  ○ 未启动或未填报  ✗ 逾期  ! 受阻  – 不适用  · 无此分工",
        "✓ done  ◐ in progress  ○ not started/no update  ✗ overdue  ! blocked  – n/a  · not assigned",
    )
}

/// The matrix's task column heading.
pub fn task_column() -> &'static str {
    "#"
}

/// The matrix cursor on a unit's column heading.
pub fn on_unit(lang: Lang, unit: &str) -> String {
    tr!(lang, "单位：{unit}（Enter 查看该单位的任务）", "unit: {unit} (Enter: its assignments)")
}

/// The matrix cursor on a task's name.
pub fn on_task(lang: Lang, task: &str, name: &str) -> String {
    tr!(lang, "任务{task} {name}（Enter 查看各单位状态）", "task {task} {name} (Enter: every unit's state)")
}

/// The matrix cursor on a cell: "任务12 政府网站集约化 × 市财政局：推进中".
pub fn on_cell(lang: Lang, task: &str, name: &str, unit: &str, state: &str) -> String {
    tr!(lang, "任务{task} {name} × {unit}：{state}", "task {task} {name} × {unit}: {state}")
}

/// A cell's state in words.
pub fn cell(lang: Lang, s: taizhang::report::TaskUnit) -> &'static str {
    use taizhang::ledger::Status;
    match s.status {
        Some(Status::Done) => lang.pick("已完成", "done"),
        _ if s.overdue => lang.pick("逾期", "overdue"),
        Some(st) => st.label(lang),
        None => lang.pick("未填报", "no update"),
    }
}

/// A cell with no assignment.
pub fn not_assigned(lang: Lang) -> &'static str {
    lang.pick("无此分工", "not assigned")
}
