//! Usage errors: what clap found wrong with the command line, told in the user's language with a
//! hint (exit code 2, as before). clap's error kind and context say what and where; the words
//! are ours. `--help` and `--version` stay clap's own.

use std::ffi::OsString;

use clap::Parser;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use taizhang::text::sanitize;
use taizhang::{Lang, tr};

use super::Cli;

/// A command line that does not parse, with what clap told about it.
#[derive(Debug)]
pub struct Usage {
    kind: ErrorKind,
    /// The command given (`report`), if any.
    command: Option<String>,
    /// The option, argument or command at fault, as clap shows it ("--as-of <DATE>").
    args: Vec<String>,
    /// The value given.
    value: Option<String>,
    /// Values that would have been accepted.
    valid: Vec<String>,
    /// An option already given that this one conflicts with.
    prior: Vec<String>,
    /// What clap suggests instead.
    suggested: Vec<String>,
    /// The command's usage line, without "Usage: ".
    usage: Option<String>,
    /// clap's description of the kind, for kinds this file has no words for.
    raw: String,
}

/// Parses the command line. `--help` and `--version` print and exit here, as clap does.
pub fn parse(args: &[OsString]) -> Result<Cli, Box<Usage>> {
    Cli::try_parse_from(args).map_err(|e| match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            e.exit()
        }
        _ => Box::new(Usage::from_clap(&e, command_of(args))),
    })
}

/// The first argument that names a command.
fn command_of(args: &[OsString]) -> Option<String> {
    args.iter().skip(1).filter_map(|a| a.to_str()).find(|a| super::COMMANDS.contains(a)).map(str::to_string)
}

/// The language asked for with `--lang en` or `--lang=en`, read without clap, for the command
/// lines clap refuses (the last one given wins; Chinese otherwise).
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut lang = Lang::Zh;
    let mut it = args.iter().map(|a| a.to_str().unwrap_or_default()).take_while(|a| *a != "--");
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().unwrap_or_default(),
            Some(v) if v.starts_with('=') => &v[1..],
            _ => continue,
        };
        lang = if value == "en" { Lang::En } else { Lang::Zh };
    }
    lang
}

fn strings(e: &Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

impl Usage {
    fn from_clap(e: &Error, command: Option<String>) -> Usage {
        let one = |k| strings(e, k).into_iter().next();
        let mut args = strings(e, ContextKind::InvalidArg);
        args.extend(strings(e, ContextKind::InvalidSubcommand));
        let mut suggested = strings(e, ContextKind::SuggestedArg);
        suggested.extend(strings(e, ContextKind::SuggestedSubcommand));
        suggested.extend(strings(e, ContextKind::SuggestedValue));
        let usage = one(ContextKind::Usage).map(|u| u.trim().trim_start_matches("Usage:").trim().to_string());
        Usage {
            kind: e.kind(),
            command,
            args: args.iter().map(|a| sanitize(a)).collect(),
            value: one(ContextKind::InvalidValue).map(|v| sanitize(&v)),
            valid: strings(e, ContextKind::ValidValue),
            prior: strings(e, ContextKind::PriorArg),
            suggested,
            usage,
            raw: e.kind().as_str().unwrap_or_default().to_string(),
        }
    }

    /// "错误: …\n  提示: …" in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let (msg, hint) = self.parts(lang);
        format!("{}: {msg}\n  {}: {hint}", lang.pick("错误", "error"), lang.pick("提示", "hint"))
    }

    fn parts(&self, lang: Lang) -> (String, String) {
        let arg = self.args.first().cloned().unwrap_or_default();
        let value = self.value.clone().unwrap_or_default();
        match self.kind {
            ErrorKind::ValueValidation => (
                tr!(lang, "{} 的值 “{value}” 无法识别", "{} does not accept \"{value}\"", flag(&arg)),
                self.value_hint(&arg, lang),
            ),
            ErrorKind::InvalidValue if value.is_empty() => (
                tr!(lang, "{} 后面缺少值", "{} needs a value", flag(&arg)),
                tr!(lang, "写成 {arg}", "write it as {arg}"),
            ),
            ErrorKind::InvalidValue => (
                tr!(lang, "{} 不接受 “{value}”", "{} does not accept \"{value}\"", flag(&arg)),
                tr!(
                    lang,
                    "可选的值：{}{}",
                    "accepted values: {}{}",
                    self.valid.join(lang.list_sep()),
                    self.did_you_mean(lang).map(|d| format!("{}{d}", lang.pick("；", "; "))).unwrap_or_default()
                ),
            ),
            ErrorKind::UnknownArgument if arg.starts_with('-') => {
                (tr!(lang, "无法识别的选项 “{arg}”", "unknown option \"{arg}\""), self.usage_hint(lang))
            }
            ErrorKind::UnknownArgument => {
                (tr!(lang, "多余的参数 “{arg}”", "unexpected argument \"{arg}\""), self.usage_hint(lang))
            }
            ErrorKind::ArgumentConflict => self.conflict(&arg, lang),
            ErrorKind::MissingRequiredArgument => {
                (tr!(lang, "缺少 {}", "missing {}", self.args.join(lang.list_sep())), self.usage_hint(lang))
            }
            ErrorKind::InvalidSubcommand => (
                tr!(lang, "没有 “{arg}” 这个命令", "there is no command \"{arg}\""),
                self.did_you_mean(lang).unwrap_or_else(|| commands_hint(lang)),
            ),
            ErrorKind::MissingSubcommand => (tr!(lang, "缺少命令", "no command given"), commands_hint(lang)),
            ErrorKind::InvalidUtf8 => (
                tr!(lang, "命令行参数不是有效的 UTF-8 文本", "an argument is not valid UTF-8"),
                tr!(lang, "把终端的字符编码设为 UTF-8", "set the terminal's character encoding to UTF-8"),
            ),
            _ => (
                tr!(
                    lang,
                    "命令行有误（{}）{}",
                    "{}{}",
                    self.raw,
                    self.args.iter().map(|a| format!(" {a}")).collect::<String>()
                ),
                self.usage_hint(lang),
            ),
        }
    }

    /// How to write the value of the options whose values are checked.
    fn value_hint(&self, arg: &str, lang: Lang) -> String {
        match flag(arg).as_str() {
            "--as-of" => tr!(
                lang,
                "日期写成 年-月-日，如 --as-of 2022-09-10",
                "write the date as year-month-day, e.g. --as-of 2022-09-10"
            ),
            "--percent" => tr!(
                lang,
                "填写 0 到 100 之间的整数，不带 %，如 --percent 60",
                "give a whole number from 0 to 100 without %, e.g. --percent 60"
            ),
            "--period" => tr!(
                lang,
                "写第几期的数字，如 --period 2；`taizhang periods PLAN` 列出各期",
                "give the period's number, e.g. --period 2; `taizhang periods PLAN` lists them"
            ),
            f => tr!(lang, "`{}` 说明了 {f} 的写法", "`{}` shows how to write {f}", self.help_command()),
        }
    }

    fn conflict(&self, arg: &str, lang: Lang) -> (String, String) {
        let f = flag(arg);
        let prior: Vec<String> = self.prior.iter().map(|p| flag(p)).collect();
        if prior == [f.clone()] {
            return (
                tr!(lang, "{f} 只能给一次", "{f} may be given only once"),
                tr!(lang, "只保留一个 {f}", "keep one {f}"),
            );
        }
        let both = [f.as_str(), prior.first().map_or("", String::as_str)];
        let hint = if both.contains(&"--period") && both.contains(&"--as-of") {
            tr!(
                lang,
                "按报送期出报告用 --period N，截至某一天用 --as-of 日期，二者选一",
                "use --period N for a report period or --as-of DATE for a day, not both"
            )
        } else {
            tr!(lang, "只保留其中一个", "keep only one of them")
        };
        (tr!(lang, "{f} 不能与 {} 同时使用", "{f} cannot be used with {}", prior.join(lang.list_sep())), hint)
    }

    /// "是否指 X？" when clap has a suggestion.
    fn did_you_mean(&self, lang: Lang) -> Option<String> {
        match self.suggested.as_slice() {
            [] => None,
            s => Some(tr!(lang, "是否指 {}？", "did you mean {}?", s.join(lang.list_sep()))),
        }
    }

    fn usage_hint(&self, lang: Lang) -> String {
        let help = self.help_command();
        let usage = match &self.usage {
            Some(u) => tr!(lang, "用法：{u}；`{help}` 查看说明", "usage: {u}; see `{help}`"),
            None => tr!(lang, "`{help}` 查看用法", "see `{help}`"),
        };
        match self.did_you_mean(lang) {
            Some(d) => format!("{d}{}{usage}", lang.pick("", " ")),
            None => usage,
        }
    }

    /// `taizhang COMMAND --help`, or `taizhang --help` when no command was recognised.
    fn help_command(&self) -> String {
        match &self.command {
            Some(c) => format!("taizhang {c} --help"),
            None => "taizhang --help".to_string(),
        }
    }
}

fn commands_hint(lang: Lang) -> String {
    let list = super::COMMANDS.iter().filter(|c| **c != "help").copied().collect::<Vec<_>>().join(lang.list_sep());
    tr!(
        lang,
        "可用的命令：{list}；打开终端界面直接写计划文件，如 taizhang plans/zhongwei-2022.toml",
        "the commands are: {list}; to open the interface give a plan file, e.g. taizhang plans/zhongwei-2022.toml"
    )
}

/// The option's name without its value placeholder: "--as-of <DATE>" → "--as-of".
fn flag(arg: &str) -> String {
    arg.split_whitespace().next().unwrap_or(arg).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(args: &[&str]) -> Lang {
        lang_of(&args.iter().map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn lang_is_found_without_clap() {
        assert_eq!(lang(&["taizhang", "--lang", "en", "report", "--as-of", "x"]), Lang::En);
        assert_eq!(lang(&["taizhang", "report", "--lang=en"]), Lang::En);
        assert_eq!(lang(&["taizhang", "--lang", "en", "--lang", "zh", "tasks"]), Lang::Zh);
        assert_eq!(lang(&["taizhang", "--lang", "fr", "tasks"]), Lang::Zh);
        assert_eq!(lang(&["taizhang", "tasks", "--", "--lang", "en"]), Lang::Zh);
        assert_eq!(lang(&["taizhang", "--lang"]), Lang::Zh);
    }

    #[test]
    fn clap_errors_become_our_words() {
        let args: Vec<OsString> = ["taizhang", "report", "p.toml", "--period", "2", "--as-of", "2022-09-10"]
            .iter()
            .map(OsString::from)
            .collect();
        let Err(u) = parse(&args) else { panic!("the conflict parses") };
        assert_eq!(u.kind, ErrorKind::ArgumentConflict);
        assert_eq!(u.command.as_deref(), Some("report"));
        assert!(u.render(Lang::Zh).starts_with("错误: --period 不能与 --as-of 同时使用\n  提示: "));
        assert!(u.render(Lang::En).starts_with("error: --period cannot be used with --as-of\n  hint: "));
    }
}
