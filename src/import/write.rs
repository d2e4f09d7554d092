//! The plan writer: recognised items and the plan's metadata → a plan file `taizhang check`
//! accepts. Units and groups come from the responsibility texts (`units`); every task keeps its
//! cell verbatim in `responsible` and gets explicit `lead` / `units` / `assist` lists; what the
//! importer guessed is a `# 导入时推测：…` comment above the task. Same input, same bytes.

mod emit;
mod tasks;
mod units;

use chrono::NaiveDate;
pub use units::{Registry, is_group, same_unit};

use super::Recognised;

/// What the plan's `[plan]` table says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub year: i32,
    /// The issuing office; when absent the writer puts a placeholder and says so under
    /// `[plan.inferred]`.
    pub issuer: Option<String>,
    /// Empty: the defaults (6月10日, 9月10日, 12月10日).
    pub report_dates: Vec<NaiveDate>,
    /// The source file's name.
    pub source: Option<String>,
}

/// What was written, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub tasks: usize,
    pub units: usize,
    pub groups: usize,
    /// Task ids whose deadline phrase `Deadline::parse` cannot read.
    pub unparsed_deadlines: Vec<String>,
    /// Task ids with at least one guess.
    pub review: Vec<String>,
    /// (alias, unit name) for every spelling merged into another.
    pub merges: Vec<(String, String)>,
}

/// The plan text and its summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    pub summary: Summary,
}

/// The name a task with no unit is given, so that the plan loads; the task says why.
pub const UNDECIDED: &str = "待确定单位";

/// Writes the plan.
pub fn write(found: &Recognised, meta: &Meta) -> Written {
    let texts: Vec<&str> = found
        .items
        .iter()
        .filter_map(|i| i.responsible.as_deref())
        .chain(found.scopes.iter().map(|s| s.units.as_str()))
        .collect();
    let mut reg = Registry::build(&texts);
    let body = tasks::tasks(found, &mut reg, meta.year);
    let mut out = String::new();
    header(&mut out, meta, found.items.len());
    units_and_groups(&mut out, &reg);
    out.push_str(&body.text);
    let summary = Summary {
        tasks: found.items.len(),
        units: reg.units.len(),
        groups: reg.groups.len(),
        unparsed_deadlines: body.unparsed,
        review: body.review,
        merges: reg.merges(),
    };
    Written { text: out, summary }
}

fn header(out: &mut String, meta: &Meta, rows: usize) {
    let from = meta.source.as_deref().unwrap_or("表格");
    emit::comment(
        out,
        &format!("由 taizhang import 从 {from} 导入：{rows} 项任务。请逐项核对“导入时推测”的注释，核对后删去注释。"),
    );
    out.push_str("\n[plan]\n");
    emit::field(out, "id", &meta.id);
    emit::field(out, "title", &meta.title);
    emit::field(out, "issuer", meta.issuer.as_deref().unwrap_or("（待填写）"));
    out.push_str(&format!("year = {}\n", meta.year));
    if !meta.report_dates.is_empty() {
        let dates: Vec<String> = meta.report_dates.iter().map(ToString::to_string).collect();
        out.push_str(&format!("report_dates = [{}]\n", dates.join(", ")));
    }
    emit::opt(out, "source", meta.source.as_deref());
    if meta.issuer.is_none() {
        out.push_str("\n[plan.inferred]\n");
        emit::field(out, "issuer", "导入的表格没有写印发机关，请改为实际的印发机关");
    }
}

fn units_and_groups(out: &mut String, reg: &Registry) {
    out.push_str("\n# ---------------------------------------------------------------- 单位\n");
    for u in &reg.units {
        out.push_str("[[unit]]\n");
        emit::field(out, "id", &u.id);
        emit::field(out, "name", &u.name);
        if !u.aliases.is_empty() {
            emit::comment(out, "导入时推测：以下写法与名称为同一单位（简称或多一个“和”字），请确认");
        }
        emit::list(out, "aliases", &u.aliases);
        out.push('\n');
    }
    if reg.groups.is_empty() {
        return;
    }
    out.push_str("# ---------------------------------------------------------------- 单位组\n");
    for g in &reg.groups {
        if g.members.is_empty() {
            emit::comment(out, "原文未列成员：作为一个报送单位；请按本地单位名录补列 members");
        } else {
            emit::comment(out, "成员为原文其他各处点名的同级单位，名单可能不完整；请补全后删去 open = true");
        }
        out.push_str("[[group]]\n");
        emit::field(out, "id", &g.id);
        emit::field(out, "name", &g.name);
        if !g.members.is_empty() {
            out.push_str("open = true\n");
            emit::list(out, "members", &g.members);
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests;
