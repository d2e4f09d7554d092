//! Every word the report renderers print, in Chinese or English, kept in one place.

mod assist;
mod dates;
mod notice;
mod signoff;

pub use assist::{
    assist_notice, assist_rule, assist_sentence, has_assist, role_mark, role_prefix, unit_assist, unit_rate,
};
pub use dates::{Dates, date, when};
pub use notice::{
    all_reported, heading, none_overdue, not_reported as not_reported_sentence, overdue_listed, reporting, schedule,
    situation,
};
pub use notice::{notice_date, notice_title, office};
pub use signoff::{blank, reporters, reporters_line, signer, signer_label, signoff, signoff_field};

use super::{Bucket, Head, Kind, Light, Reported, RowRef, Summary, UnitLine, percent};
use crate::ledger::Status;
use crate::{Lang, tr};

/// Status label; "未填报" when nothing was recorded by the cut-off.
pub fn status(s: Option<Status>, lang: Lang) -> &'static str {
    match s {
        Some(s) => s.label(lang),
        None => lang.pick("未填报", "no update"),
    }
}

/// "推进中 60%" / "已完成" / "未填报", "（已更正）" after a corrected state, and
/// "台账文件有误" when the unit's file could not be read.
pub fn progress(r: &RowRef, lang: Lang) -> String {
    if r.ledger_error {
        return unreadable(lang).to_string();
    }
    let base = match (r.status, r.percent) {
        (Some(Status::Done), _) | (_, None) => status(r.status, lang).to_string(),
        (s, Some(p)) => format!("{} {p}%", status(s, lang)),
    };
    format!("{base}{}{}", not_exempt(r, lang), corrected(r, lang))
}

/// "（须落实）" after a 不适用 that does not take the assignment out of the count: the unit is a
/// member of a group every member of which must do the task, so it counts as not started.
fn not_exempt(r: &RowRef, lang: Lang) -> &'static str {
    let counted = r.status == Some(Status::Na) && r.bucket != Bucket::NotApplicable;
    if counted { lang.pick("（须落实，按未启动计）", " (required: counted as not started)") } else { "" }
}

fn corrected(r: &RowRef, lang: Lang) -> &'static str {
    if r.corrected { lang.pick("（已更正）", " (corrected)") } else { "" }
}

/// The status alone (percent in its own column): "推进中", "已完成（已更正）", "台账文件有误".
pub fn status_cell(r: &RowRef, lang: Lang) -> String {
    if r.ledger_error {
        return unreadable(lang).to_string();
    }
    format!("{}{}{}", status(r.status, lang), not_exempt(r, lang), corrected(r, lang))
}

/// "台账文件有误".
pub fn unreadable(lang: Lang) -> &'static str {
    lang.pick("台账文件有误", "ledger file unreadable")
}

/// The 本期更新 cell: "是" / "无新进展" / "补报" / "".
pub fn in_period(r: &RowRef, lang: Lang) -> &'static str {
    match r.reported {
        Reported::Updated => lang.pick("是", "yes"),
        Reported::NoChange => lang.pick("无新进展", "no change"),
        Reported::Late => lang.pick("补报", "late"),
        Reported::None => "",
    }
}

/// The time of the state's record, "（补报）" after a late one.
pub fn updated(r: &RowRef, lang: Lang, dates: Dates) -> String {
    let when = dates.time(r.updated_at, lang);
    if r.late { format!("{when}{}", lang.pick("（补报）", " (late)")) } else { when }
}

/// A unit's 本期报送 cell: "已报送" / "已报送（无新进展）" / "补报" / "未报送" / "台账文件有误".
pub fn unit_report(u: &UnitLine, lang: Lang) -> &'static str {
    if u.ledger_error {
        return unreadable(lang);
    }
    match u.report {
        Reported::Updated => lang.pick("已报送", "reported"),
        Reported::NoChange => lang.pick("已报送（无新进展）", "reported (no change)"),
        Reported::Late => lang.pick("补报", "late"),
        Reported::None => lang.pick("未报送", "not reported"),
    }
}

/// How units are ranked and what counts as reported, printed under the ranking.
pub fn ranking_rule(lang: Lang) -> &'static str {
    lang.pick(
        "排名规则：按完成率从高到低；完成率相同的，本期按时报送（含确认“本期无新进展”）的单位在前，其次逾期事项少的在前，再按计划中单位的顺序。补报：在所属报送期的报送日期之后才写入的记录，不计为按时报送。",
        "Ranking: by completion rate, highest first; at equal rates, units that reported on time this period (a \"no change\" confirmation counts) come first, then fewer overdue, then the plan's order of units. Late (补报): a record written after the report date of the period it is dated in; it does not count as reported on time.",
    )
}

/// The notice at the top of a report some of whose units' files could not be read.
pub fn broken(s: &Summary, lang: Lang) -> Option<String> {
    let b = &s.broken;
    if b.is_empty() {
        return None;
    }
    let list: Vec<String> = b.iter().map(|u| format!("{}（{}）", u.name, u.place)).collect();
    Some(tr!(
        lang,
        "注意：以下单位的台账文件有误，无法读取，报告中这些单位的分工按无记录统计：{}。请该单位按所示位置修正文件后重新生成报告。",
        "Note: the ledger files of these units could not be read, and their assignments count as having no records: {}. Have the unit repair the file at that place, then make the report again.",
        list.join(lang.list_sep())
    ))
}

/// "补报单位：…" under the list of units that did not report on time, if any.
pub fn late_units(s: &Summary, lang: Lang) -> Option<String> {
    (!s.late.is_empty())
        .then(|| tr!(lang, "其中补报的单位：{}", "of which reported late: {}", s.late.join(lang.list_sep())))
}

/// "更正" / "撤回".
pub fn trail_kind(kind: &str, lang: Lang) -> &'static str {
    match kind {
        "withdrawal" => lang.pick("撤回", "withdrawal"),
        _ => lang.pick("更正", "correction"),
    }
}

/// Heading of the corrections table.
pub fn trail_heading(lang: Lang) -> &'static str {
    lang.pick("更正与撤回记录", "Corrections and withdrawals")
}

/// The heading of a unit report's paragraphs from the document's body (also an XLSX sheet's
/// name: at most 31 characters).
pub fn body_heading(lang: Lang) -> &'static str {
    lang.pick("文件正文中的相应段落", "From the document's body")
}

pub fn bucket(b: Bucket, lang: Lang) -> &'static str {
    match b {
        Bucket::Done => lang.pick("已完成", "done"),
        Bucket::Ahead => lang.pick("超进度", "ahead"),
        Bucket::OnTrack => lang.pick("达进度", "on track"),
        Bucket::Behind => lang.pick("欠进度", "behind"),
        Bucket::Overdue => lang.pick("逾期", "overdue"),
        Bucket::NotApplicable => lang.pick("不适用", "n/a"),
    }
}

/// The light as a symbol and a word, readable without colour: "✗红" / "!黄" / "✓绿".
pub fn light(l: Light, lang: Lang) -> &'static str {
    match l {
        Light::Red => lang.pick("✗红", "✗ red"),
        Light::Yellow => lang.pick("!黄", "! yellow"),
        Light::Green => lang.pick("✓绿", "✓ green"),
    }
}

/// The report's name: "工作进展汇总" / "单位工作进展报送" / "工作台账".
pub fn kind(k: Kind, lang: Lang) -> &'static str {
    match k {
        Kind::Summary => lang.pick("工作进展汇总", "Progress summary"),
        Kind::Unit => lang.pick("工作进展情况报送", "Unit progress report"),
        Kind::Ledger => lang.pick("工作台账", "Progress ledger"),
    }
}

/// The title line: plan title and report name.
pub fn title(r: &Head, lang: Lang) -> String {
    match &r.unit {
        Some(u) => tr!(lang, "{}　{}·{}", "{} — {}: {}", r.plan.title, u.name, kind(r.kind, lang)),
        None => tr!(lang, "{}　{}", "{} — {}", r.plan.title, kind(r.kind, lang)),
    }
}

/// "第2期（2022年6月11日至2022年9月10日，报送日期2022年9月10日），数据截至2022年9月10日24时".
pub fn subtitle(r: &Head, lang: Lang) -> String {
    let p = &r.period;
    tr!(
        lang,
        "第{}期（{}至{}，报送日期{}），数据截至{}24时",
        "period {} ({} to {}, due {}), as of the end of {}",
        p.number,
        date(p.start, lang),
        date(p.due, lang),
        date(p.due, lang),
        date(r.as_of_date, lang)
    )
}

/// "还剩 12 天" / "逾期 3 天" / "今天到期"; empty when undated, done or not applicable.
pub fn days(r: &RowRef, lang: Lang) -> String {
    if r.status.is_some_and(Status::is_closed) {
        return String::new();
    }
    match r.days_left {
        Some(0) => lang.pick("今天到期", "due today").to_string(),
        Some(n) if n > 0 => tr!(lang, "还剩 {n} 天", "{n} days left"),
        Some(n) => tr!(lang, "逾期 {} 天", "{} days overdue", -n),
        None => String::new(),
    }
}

/// "已报送" / "未报送".
pub fn reported(yes: bool, lang: Lang) -> &'static str {
    if yes { lang.pick("已报送", "reported") } else { lang.pick("未报送", "not reported") }
}

/// Section name, or "（未分节）" for tasks without one.
pub fn section(s: &str, lang: Lang) -> String {
    if s.is_empty() { lang.pick("（未分节）", "(no section)").to_string() } else { s.to_string() }
}

/// Column headings of assignment tables, by key.
pub fn col(key: &str, lang: Lang) -> &'static str {
    match key {
        "task" => lang.pick("编号", "task"),
        "section" => lang.pick("所属部分", "section"),
        "topic" => lang.pick("重点任务", "topic"),
        "content" => lang.pick("任务内容", "content"),
        "body" => lang.pick("文件正文", "document body"),
        "unit" => lang.pick("责任单位", "unit"),
        "role" => lang.pick("角色", "role"),
        "deadline" => lang.pick("完成时限", "deadline"),
        "due" => lang.pick("截止日期", "due"),
        "days" => lang.pick("剩余/逾期", "days"),
        "status" => lang.pick("状态", "status"),
        "percent" => lang.pick("完成%", "percent"),
        "expected" => lang.pick("序时进度%", "expected %"),
        "note" => lang.pick("进展情况", "progress"),
        "problems" => lang.pick("存在问题", "problems"),
        "next" => lang.pick("下步计划", "next steps"),
        "evidence" => lang.pick("佐证材料", "evidence"),
        "updated" => lang.pick("更新时间", "updated"),
        "in_period" => lang.pick("本期更新", "updated this period"),
        "bucket" => lang.pick("进度", "schedule"),
        "light" => lang.pick("灯", "light"),
        "by" => lang.pick("填报人", "by"),
        "rank" => lang.pick("排名", "rank"),
        "assignments" => lang.pick("分工数", "assignments"),
        "done" => lang.pick("已完成", "done"),
        "overdue" => lang.pick("逾期", "overdue"),
        "rate" => lang.pick("完成率", "completion"),
        "reported" => lang.pick("本期报送", "this period"),
        "last_update" => lang.pick("最近填报", "last update"),
        "assist" => lang.pick("配合分工", "assisting"),
        "assist_share" => lang.pick("配合", "assist"),
        "assist_done" => lang.pick("配合已完成", "assist done"),
        "tasks" => lang.pick("任务数", "tasks"),
        "record" => lang.pick("记录编号", "record"),
        "deadline_for" => lang.pick("时限所指事项", "deadline for"),
        "inferred" => lang.pick("推定依据（原文未写明）", "inferred (not in the document)"),
        "inferred_what" => lang.pick("推定事项", "what is inferred"),
        "kind" => lang.pick("类型", "kind"),
        "corrects" => lang.pick("更正的记录", "corrects"),
        "no" => lang.pick("序号", "no."),
        "item" => lang.pick("项目", "item"),
        "count" => lang.pick("数量", "count"),
        _ => "",
    }
}

/// "是" / "" for yes/no cells.
pub fn yes(b: bool, lang: Lang) -> &'static str {
    if b { lang.pick("是", "yes") } else { "" }
}

/// Headings of the summary's parts.
pub fn part(key: &str, lang: Lang) -> &'static str {
    match key {
        "totals" => lang.pick("一、总体情况", "1. Overall"),
        "buckets" => lang.pick("二、进度分布", "2. Against schedule"),
        "units" => lang.pick("三、各单位完成情况排名", "3. Units ranked by completion"),
        "sections" => lang.pick("四、分领域完成情况", "4. By section"),
        "overdue" => lang.pick("五、逾期未完成事项", "5. Overdue"),
        "not_reported" => lang.pick("六、本期未报送单位", "6. Units that did not report"),
        "completed" => lang.pick("七、本期完成事项", "7. Completed this period"),
        "inferred" => super::footnotes::heading(lang),
        _ => "",
    }
}

/// The overall sentence of a summary, e.g. "共 44 项任务、715 项分工，已完成 120 项，完成率 16.8%，逾期 3 项。"
pub fn overall(s: &Summary, lang: Lang) -> String {
    let t = &s.totals;
    tr!(
        lang,
        "共 {} 项任务、{} 项分工。已完成分工 {} 项（不适用 {} 项不计），完成率 {}；推进中 {} 项，持续推进 {} 项，受阻 {} 项，未启动或未填报 {} 项；逾期 {} 项。已全部完成的任务 {} 项，有逾期的任务 {} 项。",
        "{} tasks, {} assignments. {} assignments done ({} n/a not counted), completion {}; {} in progress, {} ongoing, {} blocked, {} not started or not reported; {} overdue. {} tasks fully done, {} tasks with overdue work.",
        t.tasks,
        t.assignments,
        t.done,
        t.na,
        super::percent(t.completion_rate),
        t.in_progress,
        t.ongoing,
        t.blocked,
        t.not_started,
        t.overdue,
        t.tasks_done,
        t.tasks_overdue
    )
}

/// How the buckets are judged, printed under the bucket table.
pub fn bucket_rule(lang: Lang) -> &'static str {
    lang.pick(
        "说明：有明确时限的，按印发日期至截止日期的时间进度计算序时进度，完成百分比高于序时进度 5 个百分点以上为超进度，上下 5 个百分点以内为达进度，低于者为欠进度，过了截止日期仍未完成为逾期；持续推进、根据政策推进等无固定时限的，本期有更新为达进度，否则为欠进度；实时更新、每月更新的，在更新周期内（实时 7 天、每月 31 天）有更新为达进度；受阻一律为欠进度。",
        "How judged: for dated tasks, the expected progress is the share of time elapsed from the issue date to the due date; a percent more than 5 points above it is ahead, within 5 points on track, below behind, and past the due date without being done is overdue. Undated duties (continuous, event-driven) are on track when updated this period, else behind; recurring duties are on track when updated within their cycle (7 days for 实时更新, 31 for 每月更新). Blocked is always behind.",
    )
}

/// The end of a text cut to fit an XLSX cell (32,767 characters at most).
pub fn cut(lang: Lang) -> &'static str {
    lang.pick("…（已截断，全文见台账或计划文件）", "… (cut; the full text is in the ledger or plan file)")
}

/// "无" / "none", for an empty list.
pub fn none(lang: Lang) -> &'static str {
    lang.pick("无", "none")
}

/// Labels of a report's header fields, by key.
pub fn field(key: &str, lang: Lang) -> &'static str {
    match key {
        "unit" => lang.pick("报送单位", "unit"),
        "plan" => lang.pick("工作要点", "plan"),
        "report_date" => lang.pick("报送日期", "report date"),
        _ => "",
    }
}

/// Sheet names of a workbook: the main sheet by kind ("汇总" / "单位报送" / "台账").
pub fn sheet(k: Kind, lang: Lang) -> &'static str {
    match k {
        Kind::Summary => lang.pick("汇总", "Summary"),
        Kind::Unit => lang.pick("单位报送", "Unit"),
        Kind::Ledger => lang.pick("台账", "Ledger"),
    }
}

/// Name of the sheet holding a summary's assignments.
pub fn rows_sheet(lang: Lang) -> &'static str {
    lang.pick("台账明细", "Assignments")
}

/// Names of a summary workbook's sheets, one per part: "总体情况" / "单位排名" / "分领域" /
/// "逾期事项" / "未报送单位" / "本期完成".
pub fn summary_sheet(key: &str, lang: Lang) -> &'static str {
    match key {
        "totals" => lang.pick("总体情况", "Overall"),
        "units" => lang.pick("单位排名", "Units"),
        "sections" => lang.pick("分领域", "Sections"),
        "overdue" => lang.pick("逾期事项", "Overdue"),
        "not_reported" => lang.pick("未报送单位", "Not reported"),
        "completed" => lang.pick("本期完成", "Completed"),
        "inferred" => lang.pick("推定说明", "Inferred"),
        _ => "",
    }
}

/// A printed page's footer in Excel's header/footer codes (`&P` the page, `&N` the pages).
pub fn page_footer(lang: Lang) -> &'static str {
    lang.pick("&C第 &P 页 共 &N 页", "&CPage &P of &N")
}

/// Labels of the summary's totals, by key.
pub fn total(key: &str, lang: Lang) -> &'static str {
    match key {
        "tasks" => lang.pick("任务总数", "tasks"),
        "assignments" => lang.pick("分工总数", "assignments"),
        "done" => lang.pick("已完成", "done"),
        "in_progress" => lang.pick("推进中", "in progress"),
        "ongoing" => lang.pick("持续推进", "ongoing"),
        "blocked" => lang.pick("受阻", "blocked"),
        "not_started" => lang.pick("未启动或未填报", "not started or not reported"),
        "na" => lang.pick("不适用", "n/a"),
        "overdue" => lang.pick("逾期", "overdue"),
        "rate" => lang.pick("完成率", "completion"),
        "tasks_done" => lang.pick("已全部完成的任务", "tasks fully done"),
        "tasks_overdue" => lang.pick("有逾期的任务", "tasks with overdue work"),
        "assist_overdue" => lang.pick("配合逾期", "assist overdue"),
        "assist_rate" => lang.pick("配合完成率", "assist completion"),
        key => col(key, lang),
    }
}

/// Heading of a days-overdue column.
pub fn overdue_days(lang: Lang) -> &'static str {
    lang.pick("逾期天数", "days overdue")
}

/// Heading of a column naming the task: its topic, or the start of its content.
pub fn task_name(lang: Lang) -> &'static str {
    lang.pick("任务名称", "task name")
}

/// A task's name: its topic (重点任务) when it has one, else its content.
pub fn name_of<'a>(r: &RowRef<'a>) -> &'a str {
    r.topic.map(str::trim).filter(|t| !t.is_empty()).unwrap_or(r.content)
}

/// "（补报）", after the time of a late record.
pub fn late_mark(lang: Lang) -> &'static str {
    lang.pick("（补报）", " (late)")
}
