//! What each plan problem says, and what to do about it, in Chinese or English.

use super::*;

impl Problem {
    /// What is wrong, in one line.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        match self {
            Syntax { message } => tr!(lang, "文件格式有误：{message}", "invalid plan file: {message}"),
            Missing { table, field } => tr!(lang, "[{table}] 缺少字段 `{field}`", "[{table}] is missing `{field}`"),
            BadId { what, value } => {
                tr!(lang, "{}编号 “{value}” 不合规", "{} id \"{value}\" is not allowed", thing(what, lang))
            }
            DuplicateId { what, id, first } => {
                tr!(lang, "{}编号 “{id}” 重复{}", "duplicate {} id \"{id}\"{}", thing(what, lang), at(first, lang))
            }
            DuplicateName { name, first } => {
                tr!(
                    lang,
                    "单位名称或别名 “{name}” 重复{}",
                    "unit name or alias \"{name}\" is used twice{}",
                    at(first, lang)
                )
            }
            BadDate { field, value } => tr!(lang, "`{field}` 不是日期：{value}", "`{field}` is not a date: {value}"),
            BadYear { value } => {
                tr!(lang, "年度 {value} 不在 2000–2100 之间", "year {value} is not between 2000 and 2100")
            }
            BadTimezone { value } => tr!(lang, "时区 “{value}” 无法识别", "time zone \"{value}\" is not an offset"),
            ReportDatesOrder => {
                tr!(lang, "报送日期必须从早到晚排列且不重复", "report dates must be in increasing order")
            }
            UnknownUnit { task, name, .. } => {
                tr!(
                    lang,
                    "任务 {task} 中的单位 “{name}” 未在本计划中定义",
                    "task {task} names unit \"{name}\", which the plan does not define"
                )
            }
            UnknownMember { group, name, .. } => {
                tr!(
                    lang,
                    "单位组 “{group}” 的成员 “{name}” 未定义",
                    "group \"{group}\" lists \"{name}\", which is not a unit of the plan"
                )
            }
            NestedGroup { group, name } => {
                tr!(
                    lang,
                    "单位组 “{group}” 的成员 “{name}” 本身是单位组",
                    "group \"{group}\" lists the group \"{name}\" as a member"
                )
            }
            NoUnits { task } => tr!(lang, "任务 {task} 没有责任单位", "task {task} has no responsible unit"),
            UnclearResponsible { task, piece } => tr!(
                lang,
                "任务 {task} 的责任单位栏中，“{piece}” 不是可识别的单位名称，未据此确定责任单位",
                "task {task}: \"{piece}\" in the responsible cell is not a unit's name; no unit was derived from it"
            ),
            EmptyText { field } => tr!(lang, "`{field}` 不能为空", "`{field}` must not be empty"),
            UnparsedDeadline { task, phrase, .. } => {
                tr!(
                    lang,
                    "任务 {task} 的时限 “{phrase}” 无法识别，按原文保留",
                    "task {task}: deadline \"{phrase}\" was not understood; kept as text"
                )
            }
            EmptyGroup { group } => {
                tr!(
                    lang,
                    "单位组 “{group}” 未列出成员，按一个报送单位处理",
                    "group \"{group}\" lists no members; it reports as one unit"
                )
            }
            AfterIssueUndated { task } => {
                tr!(
                    lang,
                    "任务 {task} 的时限以印发日期计算，但计划未写印发日期",
                    "task {task}: the deadline counts from the issue date, which the plan does not give"
                )
            }
            NoTasks => tr!(lang, "计划中没有任何任务", "the plan has no tasks"),
            ScopeUnknownUnit { name, .. } => tr!(
                lang,
                "范围规定中的单位 “{name}” 未在本计划中定义",
                "a scope rule names unit \"{name}\", which the plan does not define"
            ),
            ScopeUnknownTask { id } => {
                tr!(lang, "范围规定引用的任务 {id} 不存在", "a scope rule refers to task {id}, which does not exist")
            }
            ScopeCoversNothing => tr!(lang, "范围规定没有覆盖任何任务", "the scope rule covers no task"),
            BadRole { value } => {
                tr!(lang, "范围规定的 role “{value}” 无法识别", "scope rule: role \"{value}\" is not understood")
            }
            TwoRoles { task, name, kept, also } => tr!(
                lang,
                "任务 {task} 把 “{name}” 既列为{}单位又列为{}单位，按{}计",
                "task {task} names \"{name}\" both as {} and as {}; it counts as {}",
                kept.label(lang),
                also.label(lang),
                kept.label(lang)
            ),
            BadGroupKind { group, value } => tr!(
                lang,
                "单位组 “{group}” 的 kind “{value}” 无法识别",
                "group \"{group}\": kind \"{value}\" is not understood"
            ),
            OpenGroup { group, members, taken } => {
                let shown: Vec<String> = taken.iter().take(8).cloned().collect();
                let more = if taken.len() > shown.len() { lang.pick("等", " and others") } else { "" };
                tr!(
                    lang,
                    "单位组 “{group}” 是原文的开放说法，原文未列成员；现列 {members} 个成员，其中 {} 个取自原文其他各处点名的单位（{}{more}），名单可能不完整",
                    "group \"{group}\" is named openly and the document lists no members; of its {members} members, {} are units the document names elsewhere ({}{more}); the list may be incomplete",
                    taken.len(),
                    shown.join(lang.list_sep())
                )
            }
            ClauseUnitNotOnTask { task, name } => tr!(
                lang,
                "任务 {task} 的时限条款约束 “{name}”，但它不是该任务的责任单位",
                "task {task}: a deadline clause binds \"{name}\", which is not one of the task's units"
            ),
            ClauseOverlap { task, name } => tr!(
                lang,
                "任务 {task} 有两条时限条款都约束 “{name}”",
                "task {task}: two deadline clauses bind \"{name}\""
            ),
            Inferred { what, reason } => {
                tr!(lang, "{}为推定：{reason}", "{} is inferred: {reason}", what.name(lang))
            }
        }
    }

    /// What to do about it.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use Problem::*;
        Some(match self {
            Syntax { .. } => tr!(
                lang,
                "按提示的行列修正；字符串用英文双引号 \"…\"，日期写成 2022-06-10",
                "fix the file at that line; strings go in \"…\", dates look like 2022-06-10"
            ),
            Missing { field, .. } => tr!(lang, "补上 {field} = …", "add {field} = …"),
            BadId { .. } => tr!(
                lang,
                "编号只能用小写字母、数字、- 和 _，最长 40 个字符",
                "use lower-case letters, digits, - and _ (at most 40 characters)"
            ),
            DuplicateId { .. } => tr!(
                lang,
                "每个编号只能用一次；原文重号时改用如 “33-2” 并加 number = \"33\"",
                "give each an id of its own; for a repeated 序号 use e.g. \"33-2\" with number = \"33\""
            ),
            DuplicateName { .. } => tr!(
                lang,
                "同一单位的不同写法放进同一个 [[unit]] 的 aliases",
                "put spellings of one unit in that unit's aliases"
            ),
            BadDate { .. } => tr!(lang, "日期写成 2022-06-10（不加引号）", "write dates as 2022-06-10 (no quotes)"),
            BadTimezone { .. } => tr!(lang, "写成 \"+08:00\"", "write it as \"+08:00\""),
            ReportDatesOrder => tr!(
                lang,
                "按时间顺序写，如 [2022-06-10, 2022-09-10, 2022-12-10]",
                "list them in order, e.g. [2022-06-10, 2022-09-10, 2022-12-10]"
            ),
            BadYear { .. } => tr!(lang, "写成四位年份，如 year = 2022", "write a four-digit year, e.g. year = 2022"),
            EmptyText { field } => {
                tr!(lang, "填写 {field} 的内容，或删去这一行", "give {field} a value, or remove the line")
            }
            UnknownUnit { suggestions, .. }
            | UnknownMember { suggestions, .. }
            | ScopeUnknownUnit { suggestions, .. }
                if !suggestions.is_empty() =>
            {
                tr!(
                    lang,
                    "是否指：{}？或者在 [[unit]] 中添加该单位",
                    "did you mean: {}? or add it as a [[unit]]",
                    list(suggestions, lang)
                )
            }
            UnknownUnit { .. } | UnknownMember { .. } | ScopeUnknownUnit { .. } => tr!(
                lang,
                "在 [[unit]] 中添加该单位，或写成已有单位的别名",
                "add it as a [[unit]], or as an alias of an existing unit"
            ),
            NestedGroup { .. } => tr!(
                lang,
                "成员只列单位；需要时把另一组的成员直接列出",
                "list units only; copy the other group's members instead"
            ),
            NoUnits { .. } => tr!(
                lang,
                "填写 lead 或 units（assist 中的配合单位不算），或在 responsible 中写明牵头或责任单位",
                "fill in lead or units (assist units alone are not enough), or the responsible cell"
            ),
            UnclearResponsible { .. } => tr!(
                lang,
                "在该任务中写明 lead = [\"牵头单位\"] 和 units = [\"责任单位\"]；responsible 仍保留原文",
                "write lead = [\"…\"] and units = [\"…\"] in the task explicitly; responsible keeps the cell as printed"
            ),
            UnparsedDeadline { due: Some(due), .. } => tr!(
                lang,
                "如需按日期统计，请加 due = {due}（按原文改成实际截止日期）",
                "add due = {due} (or the date the document means) if the task should count as dated"
            ),
            UnparsedDeadline { due: None, .. } => tr!(
                lang,
                "如需按日期统计，请加 due = 年-月-日",
                "add due = YYYY-MM-DD if the task should count as dated"
            ),
            EmptyGroup { .. } => tr!(
                lang,
                "如需逐个单位报送，请在 members 中列出成员单位",
                "list its units in members to track each one"
            ),
            AfterIssueUndated { .. } => tr!(
                lang,
                "在 [plan] 中填写 issued，或给任务加 due",
                "set issued in [plan], or give the task a due date"
            ),
            BadRole { .. } => tr!(
                lang,
                "写 role = \"lead\"（牵头）、\"responsible\"（责任，默认）或 \"assist\"（配合）",
                "write role = \"lead\", \"responsible\" (the default) or \"assist\""
            ),
            ScopeUnknownTask { .. } | ScopeCoversNothing => tr!(
                lang,
                "section 写原文的一级或二级标题，from / to 写任务编号（含两端）",
                "give section as a heading of the document, from / to as task ids (both included)"
            ),
            TwoRoles { name, also, .. } => tr!(
                lang,
                "从{}单位中删去 “{name}”，或核对原文",
                "remove \"{name}\" from the {} units, or check the document",
                also.label(lang)
            ),
            BadGroupKind { .. } => tr!(
                lang,
                "写 kind = \"every\"（每个成员都须落实）或 kind = \"concerned\"（只约束相关成员）",
                "write kind = \"every\" (each member must do it) or kind = \"concerned\" (only the members concerned)"
            ),
            OpenGroup { .. } => tr!(
                lang,
                "按本地实际核对成员，在 members 中补全；核对完毕后删去 open = true",
                "check the members against the office's own list and complete members; then remove open = true"
            ),
            ClauseUnitNotOnTask { .. } => tr!(
                lang,
                "条款的 units 只列该任务 lead / units / assist 中的单位或单位组",
                "list in a clause's units only units or groups of the task's lead / units / assist"
            ),
            ClauseOverlap { .. } => tr!(
                lang,
                "每个单位只受一条时限条款约束；把它从其中一条的 units 中删去",
                "bind each unit by one clause only; remove it from one clause's units"
            ),
            _ => return None,
        })
    }
}

impl super::Inferred {
    /// "任务 3 的责任单位", "task 3's units".
    pub fn name(&self, lang: Lang) -> String {
        use super::Inferred::*;
        match self {
            Meta(key) => tr!(lang, "[plan] 中的 `{key}` ", "[plan] `{key}`"),
            Group(g) => tr!(lang, "单位组 “{g}” 的成员", "the members of group \"{g}\""),
            Task(t) => tr!(lang, "任务 {t} 的责任单位", "task {t}'s units"),
            Clause(t) => tr!(lang, "任务 {t} 的时限条款所约束的单位", "the units task {t}'s deadline clause binds"),
        }
    }
}
