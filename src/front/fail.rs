//! Why a command failed, rendered in the user's language with a hint, and its exit code.

use taizhang::ledger::{LedgerError, Status};
use taizhang::plan::UnitLookupError;
use taizhang::text::sanitize;
use taizhang::{Lang, PlanError, tr};

/// A refused command (exit 1, or 2 for a bad date given as an option, 3 for partial output).
#[derive(Debug)]
pub enum Fail {
    /// The plan could not be loaded; the diagnostics say where.
    Plan(PlanError),
    /// Some plans given to `check` had errors (already printed).
    CheckFailed { failed: usize, total: usize },
    /// `--unit` did not resolve.
    Unit { plan: String, error: UnitLookupError },
    /// A ledger operation was refused.
    Ledger(LedgerError),
    /// Some files given to `merge` were refused (already printed).
    MergeFailed { failed: usize, total: usize },
    /// A unit report was asked for without `--unit`.
    NeedUnit { names: Vec<String> },
    /// `--unit` with `--kind summary`.
    SummaryWithUnit,
    /// `--period N` beyond the plan's periods.
    NoSuchPeriod { number: usize, count: usize },
    /// The plan has no report dates.
    NoPeriods,
    /// More rows than the format holds (an XLSX sheet; a Word table).
    TooManyRows { rows: usize, format: crate::front::render::Format, max: usize },
    /// XLSX to a terminal.
    BinaryToTerminal { format: &'static str },
    /// `-o FILE` whose extension names no format (`.pdf`, none), or another than `-f`'s.
    OutputExtension { path: std::path::PathBuf, asked: Option<&'static str> },
    /// `--table` with a format other than CSV.
    TableNotCsv { format: &'static str },
    /// `--table` naming a table the kind of report does not have.
    NoSuchTable { table: &'static str, kind: taizhang::report::Kind },
    /// `-o DIR/` (one CSV file per table) with a format other than CSV.
    DirNotCsv { path: std::path::PathBuf, format: &'static str },
    /// Writing `-o FILE` failed.
    WriteFile { path: std::path::PathBuf, source: std::io::Error },
    /// The TUI was started without a terminal.
    NotATerminal,
    /// `--status` is not a status.
    BadStatus(String),
    /// `--today` is not a date.
    BadToday(String),
    /// `--at` is not a date or time.
    BadAt(String),
    /// Writing the output failed (other than a closed pipe).
    Output(std::io::Error),
    /// The output was written, but some units' ledger files could not be read (exit 3).
    Incomplete { units: usize },
    /// `--data DIR` is not a directory, for a command that only reads.
    NoDataDir(std::path::PathBuf),
    /// `taizhang gen` refused or failed.
    Gen(taizhang::r#gen::GenError),
    /// `taizhang import` refused or failed.
    Import(taizhang::import::ImportError),
    /// A 台账 template could not be made (`template`).
    Exchange(taizhang::exchange::ExchangeError),
    /// `template` would replace files and `--force` was not given.
    TemplateExists { paths: Vec<std::path::PathBuf> },
    /// `template -o FILE` whose extension is not .xlsx or .csv, or not `-f`'s.
    SheetExtension { path: std::path::PathBuf },
    /// `template --unit U` for a unit with no assignments.
    NoAssignments { unit: String },
    /// `report --kind chase` in a format other than txt or csv.
    ChaseFormat { format: &'static str },
    /// `taizhang sync` (or the merge driver) refused or failed.
    Sync(taizhang::sync::SyncError),
    /// A push rewrites ledger records (already printed, one line each).
    Rewritten { found: usize },
}

impl Fail {
    pub fn code(&self) -> u8 {
        match self {
            Fail::BadToday(_)
            | Fail::BadAt(_)
            | Fail::OutputExtension { .. }
            | Fail::TableNotCsv { .. }
            | Fail::NoSuchTable { .. }
            | Fail::DirNotCsv { .. }
            | Fail::SheetExtension { .. }
            | Fail::ChaseFormat { .. } => 2,
            Fail::Incomplete { .. } => 3,
            _ => 1,
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Fail::Plan(e) => e.render(lang),
            Fail::CheckFailed { failed, total } => {
                tr!(lang, "{failed}/{total} 个计划文件有错误", "{failed} of {total} plan file(s) have errors")
            }
            Fail::Unit { plan, error } => unit(plan, error, lang),
            Fail::Ledger(e) => e.render(lang),
            Fail::MergeFailed { failed, total } => {
                tr!(lang, "{failed}/{total} 个文件未能合并", "{failed} of {total} file(s) could not be merged")
            }
            Fail::NeedUnit { names } => tr!(
                lang,
                "错误: 单位报送需要指定单位（--unit）\n  提示: 本计划的单位有：{}",
                "error: a unit report needs --unit\n  hint: the plan's units are: {}",
                self::names(names, lang)
            ),
            Fail::SummaryWithUnit => tr!(
                lang,
                "错误: 汇总报告包含所有单位，不能加 --unit\n  提示: 单位报送用 --kind unit --unit 单位",
                "error: the summary covers every unit; it takes no --unit\n  hint: for one unit use --kind unit --unit UNIT"
            ),
            Fail::NoSuchPeriod { number, count } => tr!(
                lang,
                "错误: 没有第 {number} 期\n  提示: 本计划共 {count} 期，用 `taizhang periods PLAN` 查看",
                "error: there is no period {number}\n  hint: the plan has {count}; see `taizhang periods PLAN`"
            ),
            Fail::NotATerminal => tr!(
                lang,
                "错误: 终端界面需要在终端中运行\n  提示: 脚本中请用 `taizhang mark` 填报、`taizhang tasks` 查看",
                "error: the interface needs a terminal\n  hint: in scripts use `taizhang mark` to record and `taizhang tasks` to list"
            ),
            Fail::NoPeriods => tr!(lang, "错误: 计划没有报送日期", "error: the plan has no report dates"),
            Fail::TooManyRows { rows, format: crate::front::render::Format::Xlsx, max } => tr!(
                lang,
                "错误: 报告有 {rows} 行，XLSX 工作表放不下（一张表连同标题和表头最多 1,048,576 行，可放 {max} 行数据）\n  提示: 改用 -f csv 或 -f html，或用 --unit 按单位导出",
                "error: the report has {rows} rows, more than an XLSX sheet holds (1,048,576 rows with the title and headers: {max} rows of data)\n  hint: use -f csv or -f html, or export one unit at a time with --unit"
            ),
            Fail::TooManyRows { rows, max, .. } => tr!(
                lang,
                "错误: 报告有 {rows} 行，超过 Word 文档合适的 {max} 行（Word/WPS 打开这么长的表格会很慢）\n  提示: 改用 -f xlsx 或 -f csv，或用 --unit 按单位导出",
                "error: the report has {rows} rows, more than the {max} a Word document is made for (Word and WPS open such tables slowly)\n  hint: use -f xlsx or -f csv, or export one unit at a time with --unit"
            ),
            Fail::OutputExtension { path, asked } => output_extension(path, *asked, lang),
            Fail::TableNotCsv { format } => tr!(
                lang,
                "错误: --table 只用于 CSV（一个 CSV 文件只放一张表），-f {format} 写的是整份报告\n  提示: 去掉 --table，或改用 -f csv",
                "error: --table is for CSV only (a CSV file holds one table); -f {format} writes the whole report\n  hint: drop --table, or use -f csv"
            ),
            Fail::NoSuchTable { table, kind } => no_such_table(table, *kind, lang),
            Fail::DirNotCsv { path, format } => tr!(
                lang,
                "错误: -o {} 是目录：只有 CSV 按表写成多个文件，-f {format} 要写到一个文件\n  提示: 加 -f csv 每表写一个文件，或给出文件名，如 -o 汇总.{format}",
                "error: -o {} is a directory: only CSV is written as one file per table, -f {format} needs a file\n  hint: use -f csv for one file per table, or name a file, such as -o summary.{format}",
                path.display()
            ),
            Fail::BinaryToTerminal { format } => tr!(
                lang,
                "错误: {} 是二进制文件，不能直接显示在终端\n  提示: 用 -o 文件名.{format} 写入文件",
                "error: {} is binary and cannot be shown on a terminal\n  hint: write it to a file with -o NAME.{format}",
                format.to_uppercase()
            ),
            Fail::WriteFile { path, source } => tr!(
                lang,
                "错误: 无法写入 {}：{source}\n  提示: 检查目录是否存在、是否有写权限；原文件未被改动",
                "error: cannot write {}: {source}\n  hint: check that the directory exists and is writable; any old file is untouched",
                path.display()
            ),
            Fail::BadStatus(s) => tr!(
                lang,
                "错误: 状态 “{}” 无法识别\n  提示: 可用的状态：{}",
                "error: unknown status \"{}\"\n  hint: statuses are: {}",
                sanitize(s),
                Status::accepted(lang)
            ),
            Fail::BadToday(s) => tr!(
                lang,
                "错误: --today “{}” 不是日期或时刻\n  提示: 写成 2022-06-01 或 2022-06-01T09:30:00+08:00",
                "error: --today \"{}\" is not a date or time\n  hint: write 2022-06-01 or 2022-06-01T09:30:00+08:00",
                sanitize(s)
            ),
            Fail::BadAt(s) => tr!(
                lang,
                "错误: --at “{}” 不是日期或时刻\n  提示: 写成 2022-06-07 10:00、2022-06-07 或 06-07 10:00",
                "error: --at \"{}\" is not a date or time\n  hint: write 2022-06-07 10:00, 2022-06-07 or 06-07 10:00",
                sanitize(s)
            ),
            Fail::Output(e) => tr!(lang, "错误: 无法输出：{e}", "error: cannot write output: {e}"),
            Fail::Incomplete { units } => tr!(
                lang,
                "注意: 已输出，但有 {units} 个单位的台账文件有误（见上），这些单位按无记录统计（退出码 3）\n  提示: 请有关单位按所示位置修正文件后重新运行",
                "note: output written, but the ledger files of {units} unit(s) could not be read (see above) and count as having no records (exit 3)\n  hint: have those units repair their files at the places shown, then run again"
            ),
            Fail::Gen(e) => e.render(lang),
            Fail::Import(e) => e.render(lang),
            Fail::Exchange(e) => e.render(lang),
            Fail::TemplateExists { paths } => tr!(
                lang,
                "错误: 已有同名文件，未写入任何文件：{}\n  提示: 这些可能是已收回的表格；换一个 -o 目录，或确认可以覆盖后加 --force",
                "error: these files exist, so nothing was written: {}\n  hint: they may be sheets that came back; choose another -o, or add --force to replace them",
                names(&paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(), lang)
            ),
            Fail::SheetExtension { path } => tr!(
                lang,
                "错误: -o {} 的扩展名不是 .xlsx 或 .csv（或与 -f 不符）\n  提示: 台账表格写成 .xlsx（Excel/WPS）或 .csv",
                "error: -o {} does not end in .xlsx or .csv (or does not match -f)\n  hint: templates are .xlsx (Excel/WPS) or .csv",
                path.display()
            ),
            Fail::ChaseFormat { format } => tr!(
                lang,
                "错误: 催办清单只写成文本（txt）或 CSV，不写 {format}\n  提示: 去掉 -f，或用 -f csv；要打印的汇总用 --kind summary -f {format}",
                "error: the chase list is written as text (txt) or CSV, not {format}\n  hint: drop -f, or use -f csv; for a printable summary use --kind summary -f {format}"
            ),
            Fail::NoAssignments { unit } => tr!(
                lang,
                "错误: {} 在本计划中没有分工，无需台账表格\n  提示: 用 `taizhang tasks PLAN` 查看各任务的责任单位",
                "error: {} has no assignments in this plan, so it has no sheet to fill in\n  hint: `taizhang tasks PLAN` shows each task's units",
                sanitize(unit)
            ),
            Fail::Sync(e) => e.render(lang),
            Fail::Rewritten { found } => tr!(
                lang,
                "错误: 拒绝推送：{found} 处违反台账只追加、各单位只写本单位台账的规则（见上）\n  提示: 记录一经写入不能改（更正请追加更正记录），各单位只能写本单位的台账；请处理上面列出的提交（可联系办公室），再推送",
                "error: push refused: {found} change(s) break the rule that ledgers are only appended to, each unit its own (see above)\n  hint: records are never edited (correct by appending) and each unit writes only its own ledger; deal with the commits listed (ask the office), then push again"
            ),
            Fail::NoDataDir(dir) if dir.exists() => tr!(
                lang,
                "错误: 台账目录 {} 不是目录（--data 或 TAIZHANG_DATA）\n  提示: 检查路径是否写错",
                "error: the ledger directory {} is not a directory (--data or TAIZHANG_DATA)\n  hint: check the path",
                dir.display()
            ),
            Fail::NoDataDir(dir) => tr!(
                lang,
                "错误: 台账目录 {} 不存在（--data 或 TAIZHANG_DATA）\n  提示: 检查路径是否写错；新的台账目录在第一次用 `taizhang mark` 填报时自动创建",
                "error: the ledger directory {} does not exist (--data or TAIZHANG_DATA)\n  hint: check the path; a new ledger directory is created by the first `taizhang mark`",
                dir.display()
            ),
        }
    }
}

/// Names quoted in one-line messages: line breaks in them cannot start lines of their own.
fn names(list: &[String], lang: Lang) -> String {
    sanitize(&list.join(lang.list_sep()))
}

fn unit(plan: &str, error: &UnitLookupError, lang: Lang) -> String {
    let plan = sanitize(plan);
    match error {
        UnitLookupError::Unknown { name, suggestions } if suggestions.is_empty() => tr!(
            lang,
            "错误: 计划 {plan} 中没有单位 “{}”\n  提示: 用 `taizhang tasks {plan}` 查看各任务的责任单位",
            "error: plan {plan} has no unit \"{}\"\n  hint: `taizhang tasks {plan}` shows each task's units",
            sanitize(name)
        ),
        UnitLookupError::Unknown { name, suggestions } => tr!(
            lang,
            "错误: 计划 {plan} 中没有单位 “{}”\n  提示: 相近的单位有：{}",
            "error: plan {plan} has no unit \"{}\"\n  hint: the closest units are: {}",
            sanitize(name),
            names(suggestions, lang)
        ),
        UnitLookupError::Group { name, members } => tr!(
            lang,
            "错误: “{}” 是单位组，请指定其中一个单位\n  提示: 成员有：{}",
            "error: \"{}\" is a group; name one of its units\n  hint: its members are: {}",
            sanitize(name),
            names(members, lang)
        ),
    }
}

/// `--table` naming a table that this kind of report has not.
fn no_such_table(table: &str, kind: taizhang::report::Kind, lang: Lang) -> String {
    use taizhang::report::{Kind, csv::Table};
    let names = Table::of(kind).iter().map(|t| t.name()).collect::<Vec<_>>().join(" ");
    let default = Table::default_for(kind).name();
    let what = match kind {
        Kind::Summary => lang.pick("汇总", "the summary"),
        Kind::Unit => lang.pick("单位报送", "a unit report"),
        Kind::Ledger => lang.pick("台账", "the ledger"),
    };
    tr!(
        lang,
        "错误: {what}没有 {table} 表\n  提示: {what}的表有：{names}（默认 {default}）",
        "error: {what} has no {table} table\n  hint: its tables are: {names} (default {default})"
    )
}

/// `-o` names a file whose extension is no format, or not the one `-f` asks for.
fn output_extension(path: &std::path::Path, asked: Option<&str>, lang: Lang) -> String {
    let formats = crate::front::render::Format::ALL.map(|f| f.ext()).join(" ");
    let ext = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    let head = match (asked, ext.is_empty()) {
        (Some(f), false) => {
            tr!(lang, "-o 的扩展名 {ext} 与 -f {f} 不符", "-o's extension {ext} does not match -f {f}")
        }
        (_, true) => tr!(
            lang,
            "-o {} 没有扩展名，不知道写成哪种格式（可用 -f 指定）",
            "-o {} has no extension to tell the format (or give -f)",
            path.display()
        ),
        (None, false) => tr!(lang, "不会写 {ext} 格式的文件", "cannot write {ext} files"),
    };
    let pdf = if ext.eq_ignore_ascii_case(".pdf") {
        lang.pick(
            "；要 PDF，先写成 .html 用浏览器打印，或写成 .docx 用 WPS/Word 导出",
            "; for a PDF, write .html and print it from a browser, or write .docx and export it from Word/WPS",
        )
    } else {
        ""
    };
    tr!(
        lang,
        "错误: {head}\n  提示: 文件名以这些扩展名之一结尾：{formats}{pdf}",
        "error: {head}\n  hint: end the file name with one of: {formats}{pdf}"
    )
}
