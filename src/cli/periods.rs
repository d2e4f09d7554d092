//! `taizhang periods PLAN`: the report dates, each period's range and the days left.

use std::path::PathBuf;

use clap::Args;
use taizhang::period::{self, Standing};
use taizhang::text::pad;
use taizhang::{Lang, clock, tr};

use crate::front::{Fail, Global, load, output};

#[derive(Debug, Args)]
pub struct PeriodsArgs {
    /// 计划文件 / plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
}

pub fn run(args: &PeriodsArgs, g: &Global) -> Result<(), Fail> {
    let lang = g.lang();
    let plan = load::plan(&args.plan, g)?;
    let today = clock::local_date(g.now()?, plan.meta.offset);
    let periods = period::periods(&plan.meta);
    let mut out = String::new();
    out.push_str(&taizhang::text::sanitize(&plan.meta.title));
    out.push('\n');
    out.push_str(&tr!(lang, "今天 {today}\n", "today {today}\n"));
    let head = [
        lang.pick("期次", "period"),
        lang.pick("报送日期", "due"),
        lang.pick("区间", "covers"),
        lang.pick("状态", "status"),
    ];
    let widths = [8, 12, 26];
    out.push_str(&row(&head.map(String::from), &widths));
    for p in &periods {
        let cells = [
            tr!(lang, "第{}期", "#{}", p.number),
            p.due.to_string(),
            tr!(lang, "{} 至 {}", "{} to {}", p.start, p.due),
            standing(p.standing(today), lang),
        ];
        out.push_str(&row(&cells, &widths));
    }
    if plan.meta.default_report_dates {
        out.push_str(lang.pick(
            "（计划未写报送日期，按默认的 6月10日、9月10日、12月10日；早于印发日期的不计）\n",
            "(the plan names no report dates: the defaults 6-10, 9-10 and 12-10 apply, less any before the issue date)\n",
        ));
    }
    if period::current(&periods, today).is_none() {
        out.push_str(lang.pick("本年度各期均已截止。\n", "Every period of the year has closed.\n"));
    }
    output::print(&out)
}

fn row(cells: &[String; 4], widths: &[usize; 3]) -> String {
    let mut line = String::new();
    for (cell, w) in cells.iter().zip(widths) {
        line.push_str(&pad(cell, *w));
        line.push_str("  ");
    }
    line.push_str(&cells[3]);
    line.push('\n');
    line
}

fn standing(s: Standing, lang: Lang) -> String {
    match s {
        Standing::Closed { days_ago: 1 } => lang.pick("已截止（1 天前）", "closed (1 day ago)").to_string(),
        Standing::Closed { days_ago } => tr!(lang, "已截止（{days_ago} 天前）", "closed ({days_ago} days ago)"),
        Standing::Current { days_left: 0 } => lang.pick("本期，今天截止", "current, due today").to_string(),
        Standing::Current { days_left } => tr!(lang, "本期，还剩 {days_left} 天", "current, {days_left} days left"),
        Standing::Upcoming { days_left } => {
            tr!(lang, "未开始（{days_left} 天后截止）", "upcoming (due in {days_left} days)")
        }
    }
}
