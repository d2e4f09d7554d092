//! The keymap as data: which key does what in which context. The loop looks keys up here and
//! the help overlay is generated from the same table, so the two cannot disagree.

use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use taizhang::Lang;

use super::action::Action;
use super::list::Filter;
use crate::front::render::Format;

mod describe;
pub use describe::{PROMPTS, help, prompt};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// The lead's dashboard.
    Lead,
    /// The lead view's format chooser.
    Export,
    /// The lead view's tasks × units matrix.
    Matrix,
    /// The task popup over the matrix.
    Task,
    Picker,
    List,
    Search,
    Form,
    /// Only while the status field has focus.
    StatusField,
    /// Only while the percent field has focus.
    PercentField,
    Discard,
    Conflict,
    /// The prompt offering a draft back.
    Restore,
    /// The records popup (correct or withdraw a record).
    Records,
    /// The no-change and withdraw prompts.
    Confirm,
    Help,
}

impl Ctx {
    pub const ALL: [Ctx; 16] = [
        Ctx::Lead,
        Ctx::Export,
        Ctx::Matrix,
        Ctx::Task,
        Ctx::Picker,
        Ctx::List,
        Ctx::Search,
        Ctx::Form,
        Ctx::StatusField,
        Ctx::PercentField,
        Ctx::Discard,
        Ctx::Conflict,
        Ctx::Restore,
        Ctx::Records,
        Ctx::Confirm,
        Ctx::Help,
    ];
}

pub struct Binding {
    pub ctx: Ctx,
    pub keys: Vec<(KeyCode, KeyModifiers)>,
    pub action: Action,
    pub zh: &'static str,
    pub en: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;

fn b(ctx: Ctx, keys: &[KeyCode], action: Action, zh: &'static str, en: &'static str) -> Binding {
    Binding { ctx, keys: keys.iter().map(|k| (*k, NONE)).collect(), action, zh, en }
}

fn alt(ctx: Ctx, code: KeyCode, action: Action, zh: &'static str, en: &'static str) -> Binding {
    Binding { ctx, keys: vec![(code, KeyModifiers::ALT)], action, zh, en }
}

fn ctrl(ctx: Ctx, c: char, action: Action, zh: &'static str, en: &'static str) -> Binding {
    Binding { ctx, keys: vec![(KeyCode::Char(c), KeyModifiers::CONTROL)], action, zh, en }
}

/// What `p` (the HTML) and `e` (a format chosen) do in a unit's list, said once for both.
const UNIT_REPORT: (&str, &str) = ("本期报送：p 打印，e 导出", "period report: p print, e export");

use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

static KEYMAP: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    let c = KeyCode::Char;
    let mut map = vec![
        b(Ctx::Lead, &[Up, c('k')], Action::Up, "上一行", "previous line"),
        b(Ctx::Lead, &[Down, c('j')], Action::Down, "下一行", "next line"),
        b(Ctx::Lead, &[PageUp], Action::PageUp, "上一页", "page up"),
        b(Ctx::Lead, &[PageDown], Action::PageDown, "下一页", "page down"),
        b(Ctx::Lead, &[Home, c('g')], Action::Home, "第一行", "first line"),
        b(Ctx::Lead, &[End, c('G')], Action::End, "最后一行", "last line"),
        b(Ctx::Lead, &[Tab], Action::NextPane, "换列表：排名/逾期/催办", "next list"),
        b(Ctx::Lead, &[Left], Action::PrevPeriod, "上一期", "previous period"),
        b(Ctx::Lead, &[Right], Action::NextPeriod, "下一期", "next period"),
    ];
    for ctx in [Ctx::Lead, Ctx::Matrix] {
        map.extend((1..=9).map(|n| {
            let digit = char::from_digit(n as u32, 10).unwrap_or('1');
            b(ctx, &[c(digit)], Action::ShowPeriod(n), "第 N 期", "period N")
        }));
    }
    map.extend([
        b(Ctx::Lead, &[Enter], Action::Open, "查看该单位任务（只读）", "unit's tasks, read-only"),
        b(Ctx::Lead, &[c('p')], Action::Export(Format::Html), "打印：写出 HTML 汇总", "print (HTML summary)"),
        b(Ctx::Lead, &[c('m')], Action::OpenMatrix, "任务×单位矩阵", "tasks × units matrix"),
        b(Ctx::Lead, &[c('c')], Action::ToggleChanges, "本期变化（再按恢复）", "changes (again: back)"),
        b(Ctx::Lead, &[c('e')], Action::AskExport, "导出汇总（选择格式）", "export (choose format)"),
        b(Ctx::Lead, &[c('w')], Action::WriteChase, "催办清单（文本+CSV）", "chase list (text, CSV)"),
        b(Ctx::Lead, &[c('u')], Action::PickUnit, "选择单位填报", "pick a unit to record"),
        b(Ctx::Lead, &[c('?')], Action::ToggleHelp, "按键说明", "this help"),
        b(Ctx::Lead, &[c('q')], Action::Quit, "退出", "quit"),
        ctrl(Ctx::Lead, 'c', Action::Quit, "退出", "quit"),
        b(Ctx::Matrix, &[Up, c('k')], Action::Up, "上一项（顶行为单位）", "up (top row: units)"),
        b(Ctx::Matrix, &[Down, c('j')], Action::Down, "下一项任务", "next task"),
        b(Ctx::Matrix, &[Left, c('h')], Action::Left, "左一个单位", "unit to the left"),
        b(Ctx::Matrix, &[Right, c('l')], Action::Right, "右一个单位", "unit to the right"),
        b(Ctx::Matrix, &[PageUp], Action::PageUp, "上一页", "page up"),
        b(Ctx::Matrix, &[PageDown], Action::PageDown, "下一页", "page down"),
        b(Ctx::Matrix, &[Enter], Action::Open, "查看（记录/任务/单位）", "open records/task/unit"),
        b(Ctx::Matrix, &[c('t')], Action::OpenTask, "该任务各单位状态", "all units on the task"),
        b(Ctx::Matrix, &[Esc], Action::Back, "返回总览", "back to the overview"),
        b(Ctx::Task, &[Up, c('k')], Action::Up, "向上滚动", "scroll up"),
        b(Ctx::Task, &[Down, c('j')], Action::Down, "向下滚动", "scroll down"),
        b(Ctx::Task, &[Esc, c('t')], Action::Back, "返回矩阵", "back to the matrix"),
        b(Ctx::Matrix, &[c('?')], Action::ToggleHelp, "按键说明", "this help"),
        b(Ctx::Matrix, &[c('q')], Action::Quit, "退出", "quit"),
        b(Ctx::Export, &[c('h')], Action::Export(Format::Html), "HTML（可打印）", "HTML (print-ready)"),
        b(Ctx::Export, &[c('d')], Action::Export(Format::Docx), "Word 通报（DOCX）", "Word notice (DOCX)"),
        b(Ctx::Export, &[c('x')], Action::Export(Format::Xlsx), "Excel 表格", "Excel workbook"),
        b(Ctx::Export, &[c('m')], Action::Export(Format::Md), "Markdown", "Markdown"),
        b(Ctx::Export, &[c('t')], Action::Export(Format::Txt), "纯文本", "plain text"),
        b(Ctx::Export, &[c('c')], Action::Export(Format::Csv), "CSV（每表一个文件）", "CSV (a file per table)"),
        b(Ctx::Export, &[c('j')], Action::Export(Format::Json), "JSON", "JSON"),
        b(Ctx::Export, &[Esc], Action::Back, "取消", "cancel"),
        b(Ctx::Picker, &[Up], Action::Up, "上一个", "previous"),
        b(Ctx::Picker, &[Down], Action::Down, "下一个", "next"),
        b(Ctx::Picker, &[Enter], Action::Open, "打开该单位", "open this unit"),
        b(Ctx::Picker, &[Backspace], Action::Backspace, "删除一个字", "delete a character"),
        b(
            Ctx::Picker,
            &[Esc],
            Action::Back,
            "清除筛选；未筛选时返回牵头视图（没有时退出）",
            "clear the filter; else back to the lead view (or quit)",
        ),
        ctrl(Ctx::Picker, 'c', Action::Quit, "退出", "quit"),
        b(Ctx::List, &[Up, c('k')], Action::Up, "上一项", "previous"),
        b(Ctx::List, &[Down, c('j')], Action::Down, "下一项", "next"),
        ctrl(Ctx::List, 'b', Action::PageUp, "上一页", "page up"),
        ctrl(Ctx::List, 'f', Action::PageDown, "下一页", "page down"),
        b(Ctx::List, &[Home, c('g')], Action::Home, "第一项", "first"),
        b(Ctx::List, &[End, c('G')], Action::End, "最后一项", "last"),
        b(Ctx::List, &[Enter], Action::Open, "填报所选任务（光标在进展情况）", "record progress (cursor in Progress)"),
        b(Ctx::List, &[c(']'), c('J')], Action::DetailDown, "任务详情向下翻看", "scroll the details down"),
        b(Ctx::List, &[c('['), c('K')], Action::DetailUp, "任务详情向上翻看", "scroll the details up"),
        b(Ctx::List, &[PageDown], Action::DetailPageDown, "任务详情下一页", "details: page down"),
        b(Ctx::List, &[PageUp], Action::DetailPageUp, "任务详情上一页", "details: page up"),
        b(Ctx::List, &[c('/')], Action::StartSearch, "搜索任务文字", "search the task text"),
        b(Ctx::List, &[c('f')], Action::CycleFilter, filters(Lang::Zh), filters(Lang::En)),
        b(
            Ctx::List,
            &[c('s')],
            Action::CycleSort,
            "排序：原文顺序/紧急程度/截止日期/状态",
            "sort: plan order/urgency/due date/status",
        ),
        b(
            Ctx::List,
            &[c('n')],
            Action::AskNoChange,
            "本期无新进展（确认后记入台账）",
            "nothing new this period (asks first)",
        ),
        b(Ctx::List, &[c('h')], Action::OpenRecords, "填报记录：更正或撤回", "records: correct or withdraw one"),
        // One line in the help: "p / e  本期报送：p 打印，e 导出".
        b(Ctx::List, &[c('p')], Action::Export(Format::Html), UNIT_REPORT.0, UNIT_REPORT.1),
        b(Ctx::List, &[c('e')], Action::AskExport, UNIT_REPORT.0, UNIT_REPORT.1),
        b(Ctx::List, &[c('u')], Action::PickUnit, "换一个单位", "switch unit"),
        b(
            Ctx::List,
            &[Esc],
            Action::Back,
            "清除搜索；只读查看时返回牵头视图",
            "clear the search; back to the lead view",
        ),
        b(Ctx::List, &[c('?')], Action::ToggleHelp, "按键说明", "this help"),
        b(Ctx::List, &[c('q')], Action::Quit, "退出", "quit"),
        ctrl(Ctx::List, 'c', Action::Quit, "退出", "quit"),
        b(Ctx::Search, &[Enter], Action::Accept, "完成搜索", "done"),
        b(Ctx::Search, &[Backspace], Action::Backspace, "删除一个字", "delete a character"),
        b(Ctx::Search, &[Esc], Action::Back, "取消搜索", "cancel the search"),
        b(Ctx::StatusField, &[Left], Action::StatusPrev, "状态栏：上一个状态", "Status: previous status"),
        b(Ctx::StatusField, &[Right], Action::StatusNext, "状态栏：下一个状态", "Status: next status"),
        b(Ctx::PercentField, &[Up], Action::PercentUp, "完成%栏：加 10", "Percent: plus 10"),
        b(Ctx::PercentField, &[Down], Action::PercentDown, "完成%栏：减 10", "Percent: minus 10"),
        b(Ctx::Form, &[Tab], Action::NextField, "下一栏", "next field"),
        b(Ctx::Form, &[BackTab], Action::PrevField, "上一栏", "previous field"),
        ctrl(Ctx::Form, 's', Action::Save, "保存并返回列表", "save and return"),
        b(Ctx::Form, &[Esc], Action::Back, "取消（有修改时先确认）", "cancel (asks if changed)"),
        alt(Ctx::Form, Up, Action::DetailUp, "任务原文向上翻看", "scroll the task's text up"),
        alt(Ctx::Form, Down, Action::DetailDown, "任务原文向下翻看", "scroll the task's text down"),
        b(Ctx::Form, &[KeyCode::F(1)], Action::ToggleHelp, "按键说明", "this help"),
        b(Ctx::Discard, &[c('y')], Action::ConfirmDiscard, "放弃修改", "discard"),
        b(Ctx::Discard, &[c('n'), Esc], Action::KeepEditing, "继续编辑", "keep editing"),
        b(Ctx::Conflict, &[c('a')], Action::ApplyAnyway, "仍然保存我的修改", "save mine anyway"),
        b(Ctx::Conflict, &[c('d')], Action::DropMine, "放弃我的修改", "drop mine"),
        b(Ctx::Conflict, &[Esc], Action::KeepEditing, "返回编辑", "back to editing"),
        b(Ctx::Restore, &[Enter], Action::RestoreDraft, "恢复草稿", "restore the draft"),
        b(Ctx::Restore, &[KeyCode::Delete], Action::DropDraft, "丢弃草稿", "discard the draft"),
        b(Ctx::Restore, &[Esc], Action::Back, "返回列表（保留草稿）", "back to the list (keep the draft)"),
        b(Ctx::Records, &[Up, c('k')], Action::Up, "上一条记录", "previous record"),
        b(Ctx::Records, &[Down, c('j')], Action::Down, "下一条记录", "next record"),
        b(Ctx::Records, &[Enter, c('c')], Action::CorrectRecord, "更正所选记录", "correct the record"),
        b(Ctx::Records, &[c('x')], Action::AskWithdraw, "撤回所选记录", "withdraw the record"),
        b(Ctx::Records, &[Esc], Action::Back, "返回列表", "back to the list"),
        b(Ctx::Confirm, &[c('y'), Enter], Action::Confirm, "确认", "confirm"),
        b(Ctx::Confirm, &[c('n'), Esc], Action::Cancel, "取消", "cancel"),
        b(Ctx::Help, &[c('?'), Esc, c('q'), KeyCode::F(1)], Action::ToggleHelp, "关闭说明", "close"),
    ]);
    map
});

/// What the mouse does where, for the help: (context, what is done, zh, en). The loop turns
/// clicks and the wheel into actions itself; this table only describes them.
pub const MOUSE: [(Ctx, Mouse, &str, &str); 6] = [
    (Ctx::Lead, Mouse::Wheel, "上下移动", "move up and down"),
    (Ctx::Picker, Mouse::Wheel, "上下移动", "move up and down"),
    (Ctx::List, Mouse::Click, "选中该项", "select the assignment"),
    (Ctx::List, Mouse::Wheel, "上下移动；在任务详情上则翻看详情", "move; over the details, scroll them"),
    (Ctx::Form, Mouse::Click, "进入该栏；点在某个状态上即选中它", "go to the field; on a status, choose it"),
    (Ctx::Form, Mouse::Wheel, "翻看任务原文或所指的栏", "scroll the task's text or the field under it"),
];

/// A mouse action, as the help names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    Click,
    Wheel,
}

impl Mouse {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            Mouse::Click => lang.pick("鼠标点击", "click"),
            Mouse::Wheel => lang.pick("鼠标滚轮", "wheel"),
        }
    }
}

/// "筛选：全部/未完成/…", every filter state in the order `f` goes through them, in Chinese
/// and in English (made once, with the keymap).
static FILTERS: LazyLock<[String; 2]> = LazyLock::new(|| [filters_in(Lang::Zh), filters_in(Lang::En)]);

fn filters(lang: Lang) -> &'static str {
    &FILTERS[usize::from(lang == Lang::En)]
}

fn filters_in(lang: Lang) -> String {
    let names: Vec<&str> = Filter::ALL.iter().map(|f| crate::tui::text::filter(lang, *f)).collect();
    format!("{}{}{}", lang.pick("筛选", "filter"), crate::tui::text::colon(lang), names.join("/"))
}

/// The action bound to `key` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Ctx], key: &KeyEvent) -> Option<Action> {
    let mods = key.modifiers - KeyModifiers::SHIFT;
    contexts.iter().find_map(|ctx| {
        KEYMAP
            .iter()
            .filter(|b| b.ctx == *ctx)
            .find_map(|b| b.keys.iter().any(|(code, m)| *code == key.code && *m == mods).then(|| b.action.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn required_keys_are_bound() {
        assert_eq!(lookup(&[Ctx::List], &key(Up)), Some(Action::Up));
        assert_eq!(lookup(&[Ctx::List], &key(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(lookup(&[Ctx::List], &key(KeyCode::Char('k'))), Some(Action::Up));
        assert_eq!(lookup(&[Ctx::List], &key(Enter)), Some(Action::Open));
        assert_eq!(lookup(&[Ctx::List], &key(KeyCode::Char('?'))), Some(Action::ToggleHelp));
        assert_eq!(lookup(&[Ctx::List], &key(KeyCode::Char('q'))), Some(Action::Quit));
        assert_eq!(lookup(&[Ctx::StatusField, Ctx::Form], &key(Left)), Some(Action::StatusPrev));
        assert_eq!(lookup(&[Ctx::Form], &key(Tab)), Some(Action::NextField));
        assert_eq!(lookup(&[Ctx::Form], &KeyEvent::new(BackTab, KeyModifiers::SHIFT)), Some(Action::PrevField));
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Ctx::Form], &ctrl_s), Some(Action::Save));
        assert_eq!(lookup(&[Ctx::Form], &key(KeyCode::Char('s'))), None, "plain s is text in the form");
    }

    #[test]
    fn help_lists_every_binding() {
        let lines = help(Lang::Zh, &[], &[]);
        // Bindings of one context that do the same (the nine period digits; q and Ctrl-C) are one line.
        // And each mouse action is a line.
        assert_eq!(lines.len(), KEYMAP.chunk_by(|a, b| a.ctx == b.ctx && a.zh == b.zh).count() + MOUSE.len());
        assert!(lines.iter().any(|(ctx, k, what)| *ctx == "填报表单" && k == "鼠标点击" && what.contains("状态")));
        assert!(lines.iter().any(|(_, k, _)| k == "Alt-↑"), "Alt shows in a key's name");
        assert!(lines.iter().any(|(_, k, what)| k == "1–9" && *what == "第 N 期"));
        assert!(lines.iter().any(|(_, k, _)| k == "Ctrl-S"));
        assert!(lines.iter().any(|(_, k, what)| k == "↑ / k" && *what == "上一项"));
    }
}
