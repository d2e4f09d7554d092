//! What operators write in a ledger: progress notes by status (with `{o}` for the topic's
//! object and `{n}`/`{k}` for numbers), problems, next steps, and the operators' names.

use super::rng::Rng;

/// Notes of an assignment under way.
pub const IN_PROGRESS: [&str; 8] = [
    "已制定工作方案，明确责任科室和完成时限，正在梳理{o}。",
    "已在政府门户网站发布{o}{n}条，同步在政务新媒体推送。",
    "组织开展{o}专题培训{n}场，参训{k}人次。",
    "已完成{o}的梳理，{n}项待审核后集中公开。",
    "对照标准目录逐项核查，已更新相关栏目{n}个。",
    "召开专题会议{n}次，研究部署{o}公开工作。",
    "已收集整理{o}{k}条，正在逐条核对公开情况。",
    "已形成{o}初稿，征求相关科室意见{n}条。",
];

/// Notes of a finished assignment.
pub const DONE: [&str; 4] = [
    "已完成{o}公开工作，累计发布信息{k}条。",
    "本项任务已全部完成，{o}已在门户网站集中公开。",
    "已按要求完成，相关材料已归档备查，发布信息{n}条。",
    "已完成并通过自查验收，{o}栏目运行正常。",
];

/// Notes of a continuing duty.
pub const ONGOING: [&str; 5] = [
    "持续在门户网站更新{o}，本期发布{n}条。",
    "按月更新{o}，本期更新{n}次，累计{k}条。",
    "常态化开展{o}公开，本期回应群众关切{n}件。",
    "已建立长效机制，本期发布{o}{n}条、解读{k}篇。",
    "持续做好{o}的动态更新，本期无逾期未更新栏目。",
];

/// Notes of an assignment that cannot go on.
pub const BLOCKED: [&str; 3] =
    ["受{p}影响，{o}公开工作进度滞后。", "{o}涉及多个部门，因{p}暂缓推进。", "因{p}，{o}尚未能按计划发布。"];

/// What stops work (存在问题); also the causes in [`BLOCKED`].
pub const PROBLEMS: [&str; 7] = [
    "基层工作人员业务能力有待提升",
    "信息发布审核流程较长",
    "部分数据需上级部门提供，暂未到位",
    "专项经费尚未落实",
    "栏目内容更新不够及时",
    "与相关部门数据共享机制有待完善",
    "系统平台升级改造尚未完成",
];

/// 下步计划.
pub const NEXT: [&str; 6] = [
    "加强与相关部门的沟通协调，确保按时完成",
    "下月底前完成栏目改版并上线",
    "继续做好信息更新和政策解读工作",
    "组织专题培训，提升工作人员业务能力",
    "加快推进，确保年底前全面完成",
    "对照考核指标开展自查，查漏补缺",
];

/// Notes of a 不适用 record.
pub const NOT_APPLICABLE: [&str; 2] = ["本单位无相关职能，不涉及此项工作。", "经核实本单位无此类事项，申请不适用。"];

/// Notes of a not-started record.
pub const NOT_STARTED: [&str; 2] = ["已研究部署，待上级政策文件印发后启动。", "已明确责任科室，尚未启动。"];

/// Notes that may go with 本期无新进展.
pub const NO_CHANGE: [&str; 3] = ["本期无新进展，继续按计划推进。", "本期无新增公开事项。", "情况未发生变化。"];

/// Reasons for a correction or a withdrawal.
pub const CORRECTION: [&str; 3] = ["更正：上次填报的发布条数有误。", "更正：完成比例按最新统计调整。", "更正："];
pub const WITHDRAWAL: [&str; 2] = ["撤回：误填了其他任务的进展。", "撤回：重复填报。"];

const SURNAMES: [&str; 32] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
];

const GIVEN: [&str; 32] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞",
    "平", "刚", "桂英", "建华", "晓东", "海燕", "志强", "文静", "丹", "鹏", "辉", "晓红", "俊杰",
];

/// An operator's name.
pub fn person(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(&SURNAMES), rng.pick(&GIVEN))
}

/// Fills a template: `{o}` the object, `{p}` a problem, `{n}` a small and `{k}` a larger number.
pub fn fill(template: &str, object: &str, rng: &mut Rng) -> String {
    let mut s = template.replace("{o}", object);
    if s.contains("{p}") {
        s = s.replace("{p}", rng.word(&PROBLEMS));
    }
    if s.contains("{n}") {
        s = s.replace("{n}", &rng.between(2, 30).to_string());
    }
    if s.contains("{k}") {
        s = s.replace("{k}", &rng.between(40, 900).to_string());
    }
    s
}
