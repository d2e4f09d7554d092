//! How the keymap is shown: key names ("↑", "Ctrl-S"), a prompt's own key line, and the help
//! overlay's rows, all generated from the bindings that handle the keys.

use crossterm::event::{KeyCode, KeyModifiers};
use taizhang::Lang;

use super::{Binding, Ctx, KEYMAP, MOUSE};
use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

/// A key's name for the help overlay: "↑", "Ctrl-S", "j".
pub fn key_name(code: KeyCode, mods: KeyModifiers) -> String {
    if mods.contains(KeyModifiers::ALT) {
        return format!("Alt-{}", key_name(code, mods - KeyModifiers::ALT));
    }
    match code {
        Up => "↑".to_string(),
        Down => "↓".to_string(),
        Left => "←".to_string(),
        Right => "→".to_string(),
        Enter => "Enter".to_string(),
        Esc => "Esc".to_string(),
        Tab => "Tab".to_string(),
        BackTab => "Shift-Tab".to_string(),
        Backspace => "Backspace".to_string(),
        PageUp => "PgUp".to_string(),
        PageDown => "PgDn".to_string(),
        Home => "Home".to_string(),
        End => "End".to_string(),
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

/// A prompt's own line of keys, from the keymap: "h HTML（可打印）  d Word 通报（DOCX）  …  Esc 取消".
pub fn prompt(ctx: Ctx, lang: Lang) -> String {
    let shown = |b: &Binding| {
        let keys: Vec<String> = b.keys.iter().map(|(c, m)| key_name(*c, *m)).collect();
        format!("{} {}", keys.join("/"), lang.pick(b.zh, b.en))
    };
    KEYMAP.iter().filter(|b| b.ctx == ctx).map(shown).collect::<Vec<_>>().join("  ")
}

/// The prompts, which show their own keys.
pub const PROMPTS: [Ctx; 7] =
    [Ctx::Discard, Ctx::Conflict, Ctx::Restore, Ctx::Records, Ctx::Confirm, Ctx::Export, Ctx::Task];

/// The help overlay's lines: (context heading, keys, what they do), generated from the keymap,
/// the bindings of `first` (the contexts in use) before the rest, those of `leave_out` left out.
pub fn help(lang: Lang, first: &[Ctx], leave_out: &[Ctx]) -> Vec<(&'static str, String, &'static str)> {
    let mut bindings: Vec<&Binding> = KEYMAP.iter().filter(|b| !leave_out.contains(&b.ctx)).collect();
    bindings.sort_by_key(|b| !first.iter().any(|c| ctx_name(*c, lang) == ctx_name(b.ctx, lang)));
    // Bindings that differ only in their key (the period digits) are one line: "1–9".
    let mut lines: Vec<(&'static str, Vec<String>, &'static str)> = Vec::new();
    for b in bindings {
        let keys = b.keys.iter().map(|(c, m)| key_name(*c, *m));
        let (ctx, what) = (ctx_name(b.ctx, lang), lang.pick(b.zh, b.en));
        match lines.last_mut() {
            Some((c, k, w)) if *c == ctx && *w == what => k.extend(keys),
            _ => lines.push((ctx, keys.collect(), what)),
        }
    }
    // The mouse after the keys of its context.
    for (ctx, mouse, zh, en) in MOUSE.into_iter().filter(|m| !leave_out.contains(&m.0)) {
        let name = ctx_name(ctx, lang);
        let at = lines.iter().rposition(|(c, _, _)| *c == name).map_or(lines.len(), |i| i + 1);
        lines.insert(at, (name, vec![mouse.name(lang).to_string()], lang.pick(zh, en)));
    }
    let joined = |keys: Vec<String>| match keys.as_slice() {
        [first, .., last] if keys.len() > 3 && keys.iter().all(|k| k.chars().all(|c| c.is_ascii_digit())) => {
            format!("{first}–{last}")
        }
        _ => keys.join(" / "),
    };
    lines.into_iter().map(|(ctx, keys, what)| (ctx, joined(keys), what)).collect()
}

fn ctx_name(c: Ctx, lang: Lang) -> &'static str {
    match c {
        Ctx::Lead => lang.pick("牵头视图", "Lead view"),
        Ctx::Export => lang.pick("导出", "Export"),
        Ctx::Matrix | Ctx::Task => lang.pick("矩阵", "Matrix"),
        Ctx::Picker => lang.pick("选择单位", "Unit picker"),
        Ctx::List => lang.pick("任务列表", "Task list"),
        Ctx::Search => lang.pick("搜索", "Search"),
        Ctx::Form | Ctx::StatusField | Ctx::PercentField => lang.pick("填报表单", "Form"),
        Ctx::Discard => lang.pick("放弃确认", "Discard prompt"),
        Ctx::Conflict => lang.pick("更新冲突", "Conflict"),
        Ctx::Restore => lang.pick("草稿", "Draft"),
        Ctx::Records => lang.pick("填报记录", "Records"),
        Ctx::Confirm => lang.pick("确认框", "Prompts"),
        Ctx::Help => lang.pick("说明", "Help"),
    }
}
