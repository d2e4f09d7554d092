//! `taizhang gen --scale city|province|extreme --out DIR [--seed N] [--force]`: writes a
//! synthetic plan and its ledger for anyone evaluating taizhang, and says what it wrote.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use taizhang::r#gen::{Generated, Scale, generate};
use taizhang::text::sanitize;
use taizhang::{Lang, tr};

use crate::front::{Fail, Global, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScaleArg {
    City,
    Province,
    Extreme,
}

#[derive(Debug, Args)]
pub struct GenArgs {
    /// 规模：city 市级（50 项任务 × 30 个单位），province 省级（300 × 100），extreme 极限（1,000 × 500）
    #[arg(long, value_enum, value_name = "city|province|extreme")]
    pub scale: ScaleArg,
    /// 输出目录，不存在时创建；写入 <计划编号>.toml 和 <计划编号>.progress/ / output directory
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// 随机种子：同一规模、同一种子生成的文件逐字节相同 / seed: the same seed gives the same files
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    /// 替换已有的计划文件和台账目录 / replace an existing plan file and ledger directory
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &GenArgs, g: &Global) -> Result<(), Fail> {
    let scale = match args.scale {
        ScaleArg::City => Scale::City,
        ScaleArg::Province => Scale::Province,
        ScaleArg::Extreme => Scale::Extreme,
    };
    let made = generate(scale, args.seed, &args.out, args.force).map_err(Fail::Gen)?;
    output::line(&summary(scale, &made, g.lang()))
}

fn summary(scale: Scale, m: &Generated, lang: Lang) -> String {
    let plan = sanitize(&m.plan.display().to_string());
    let ledger = sanitize(&m.ledger.display().to_string());
    let (tasks, units, groups) = (thousands(m.tasks), thousands(m.units), thousands(m.groups));
    let (assignments, records) = (thousands(m.assignments), thousands(m.records));
    let name = scale.name();
    tr!(
        lang,
        "已生成 {name} 规模的模拟计划和台账：{tasks} 项任务，{units} 个报送单位，{groups} 个单位组，{assignments} 条分工，{records} 条记录\n计划文件：{plan}\n台账目录：{ledger}/\n试用：taizhang report {plan}",
        "generated the {name} workload: {tasks} tasks, {units} reporting units, {groups} groups, {assignments} assignments, {records} records\nplan: {plan}\nledger: {ledger}/\ntry: taizhang report {plan}"
    )
}

/// 1234567 → "1,234,567".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(6000), "6,000");
        assert_eq!(super::thousands(200_000), "200,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
