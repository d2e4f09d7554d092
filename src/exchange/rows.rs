//! A unit's template as data: its assignments in the plan's words, each prefilled with what the
//! unit last recorded, the fingerprints that let a filled one be checked, and the file name it
//! goes by. Both writers (XLSX, CSV) and the merge's checks read the same words from here.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Col, mark};
use crate::ledger::{Ledger, Status, Update};
use crate::period::Period;
use crate::plan::{Assignee, Plan, Task};
use crate::{Lang, text, tr};

/// What a template is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub plan: String,
    pub plan_title: String,
    /// A fingerprint of the plan's id and title.
    pub plan_mark: String,
    /// Unit id and name.
    pub unit: String,
    pub unit_name: String,
    /// The period's number and report date.
    pub period: usize,
    pub due: NaiveDate,
    /// The language its headings and plan words were written in.
    pub lang: Lang,
    /// When it was made.
    pub made: DateTime<FixedOffset>,
}

/// What a unit fills in for one assignment (as the cells hold it: texts without surrounding
/// blanks, line breaks as "\n", evidence one item a line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    pub status: Option<Status>,
    pub percent: Option<u8>,
    pub note: String,
    pub problems: String,
    pub next: String,
    pub evidence: String,
}

impl Values {
    /// The values of a record, cut to what a spreadsheet cell holds (`cut` ends a cut text).
    pub fn of(u: &Update, cut: &str) -> Values {
        let text = |t: &Option<String>| norm(&crate::report::xlsx::fit_cell(t.as_deref().unwrap_or_default(), cut));
        Values {
            status: Some(u.status),
            percent: u.percent,
            note: text(&u.note),
            problems: text(&u.problems),
            next: text(&u.next),
            evidence: norm(&crate::report::xlsx::fit_cell(&u.evidence.join("\n"), cut)),
        }
    }

    /// A fingerprint of the values: a filled row whose values give the same one was not changed.
    pub fn mark(&self) -> String {
        let percent = self.percent.map(|p| p.to_string()).unwrap_or_default();
        let status = self.status.map_or("", Status::key);
        mark([status, &percent, &self.note, &self.problems, &self.next, &self.evidence])
    }

    /// The evidence as items, one a line.
    pub fn evidence_items(&self) -> Vec<String> {
        self.evidence.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
    }
}

/// One assignment's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRow {
    /// The assignment's id, `task@unit`.
    pub key: String,
    pub task: String,
    /// The plan's words, one per [`Col::PLAN`] column.
    pub words: [String; 6],
    pub values: Values,
    /// Fingerprints of the words and of the prefilled values.
    pub row_mark: String,
    pub prefill_mark: String,
}

/// A unit's template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub meta: Meta,
    pub rows: Vec<TemplateRow>,
}

impl Template {
    /// "市财政局 第2期工作台账（2022年9月10日报送）".
    pub fn title(&self) -> String {
        let m = &self.meta;
        let due = crate::report::labels::date(m.due, m.lang);
        tr!(
            m.lang,
            "{} 第{}期工作台账（{}报送）",
            "{}: progress ledger for period {} (due {})",
            text::sanitize(&m.unit_name),
            m.period,
            due
        )
    }
}

/// The template of unit `unit` (index into `plan.units`) for `period`, prefilled with the state
/// of each assignment as of `now` in `ledger`.
pub fn template(
    plan: &Plan,
    ledger: &Ledger,
    unit: usize,
    period: &Period,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Template {
    let u = &plan.units[unit];
    let cut = crate::report::labels::cut(lang);
    let rows = plan
        .tasks
        .iter()
        .filter_map(|t| t.assignees.iter().find(|a| a.unit == unit).map(|a| (t, a)))
        .map(|(t, a)| {
            let words = words(plan, t, a, lang);
            let values = ledger.as_of(&t.id, &u.id, now).map(|x| Values::of(x, cut)).unwrap_or_default();
            TemplateRow {
                key: key(&t.id, &u.id),
                task: t.id.clone(),
                row_mark: words_mark(&words),
                prefill_mark: values.mark(),
                words,
                values,
            }
        })
        .collect();
    let meta = Meta {
        plan: plan.meta.id.clone(),
        plan_title: plan.meta.title.clone(),
        plan_mark: plan_mark(plan),
        unit: u.id.clone(),
        unit_name: u.name.clone(),
        period: period.number,
        due: period.due,
        lang,
        made: now,
    };
    Template { meta, rows }
}

/// The plan's words in the row of assignee `a` of `task`, as the template writes them.
pub fn words(plan: &Plan, task: &Task, a: &Assignee, lang: Lang) -> [String; 6] {
    let topic = task.topic.as_ref().or(task.subsection.as_ref()).or(task.section.as_ref());
    let mut content = task.content.clone();
    if let Some(r) = task.requirement.as_deref().filter(|r| !r.trim().is_empty()) {
        content.push_str(&tr!(lang, "\n工作要求：{r}", "\nrequirement: {r}"));
    }
    let terms = task.terms(a);
    let due = || plan.due_of(task, a).map(|d| crate::report::labels::date(d, lang));
    let mut deadline = terms.phrase.map(str::to_string).or_else(due).unwrap_or_default();
    if let Some(part) = terms.clause.and_then(|c| c.text.as_deref()) {
        deadline.push_str(&tr!(lang, "\n（指：{part}）", "\n(for: {part})"));
    }
    [
        task.id.clone(),
        topic.cloned().unwrap_or_default(),
        content,
        task.indicator.clone().unwrap_or_default(),
        deadline,
        a.role.label(lang).to_string(),
    ]
    .map(|w| norm(&w))
}

/// A fingerprint of a row's plan words.
pub fn words_mark(words: &[String; 6]) -> String {
    mark(words.iter().map(String::as_str))
}

/// A fingerprint of the plan's id and title.
pub fn plan_mark(plan: &Plan) -> String {
    mark([plan.meta.id.as_str(), plan.meta.title.as_str()])
}

/// An assignment's id: `task@unit`.
pub fn key(task: &str, unit: &str) -> String {
    format!("{task}@{unit}")
}

/// The task and unit of an assignment id.
pub fn parse_key(key: &str) -> Option<(&str, &str)> {
    key.trim().rsplit_once('@').filter(|(t, u)| !t.is_empty() && !u.is_empty())
}

/// Text as a cell holds it: line breaks as "\n", no blanks around it.
pub fn norm(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n").trim().to_string()
}

/// The file a unit's template goes by: "市财政局-第2期台账.xlsx". The unit's name comes from the
/// plan file, so anything a file name cannot hold (path separators, control and bidi
/// characters, `:*?"<>|`, leading dots) is dropped; a name with nothing left is the unit's id.
pub fn file_name(t: &Template, ext: &str) -> String {
    let unsafe_char = |c: char| text::is_unsafe(c) || c.is_control() || "/\\:*?\"<>|".contains(c);
    let mut name: String = t.meta.unit_name.chars().filter(|c| !unsafe_char(*c)).take(60).collect();
    name = name.trim().trim_start_matches('.').trim().to_string();
    if name.is_empty() {
        name = t.meta.unit.clone();
    }
    let n = t.meta.period;
    match t.meta.lang {
        Lang::Zh => format!("{name}-第{n}期台账.{ext}"),
        Lang::En => format!("{name}-period-{n}.{ext}"),
    }
}

/// The columns a template has, for `lang`'s headings (see [`Col`]).
pub fn heads(cols: &[Col], lang: Lang) -> Vec<&'static str> {
    cols.iter().map(|c| c.head(lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_names() {
        assert_eq!(key("33-2", "sczj"), "33-2@sczj");
        assert_eq!(parse_key(" 33-2@sczj "), Some(("33-2", "sczj")));
        assert_eq!(parse_key("33-2"), None);
        assert_eq!(parse_key("@sczj"), None);
        assert_eq!(norm(" 甲\r\n乙\r "), "甲\n乙");
    }

    #[test]
    fn file_names_cannot_leave_the_directory() {
        let day = NaiveDate::from_ymd_opt(2022, 9, 10).unwrap();
        let made = DateTime::parse_from_rfc3339("2022-09-01T10:00:00+08:00").unwrap();
        let named = |name: &str, lang: Lang| {
            let meta = Meta {
                plan: "p".into(),
                plan_title: "p".into(),
                plan_mark: String::new(),
                unit: "sczj".into(),
                unit_name: name.into(),
                period: 2,
                due: day,
                lang,
                made,
            };
            file_name(&Template { meta, rows: Vec::new() }, "xlsx")
        };
        assert_eq!(named("市财政局", Lang::Zh), "市财政局-第2期台账.xlsx");
        assert_eq!(named("市财政局", Lang::En), "市财政局-period-2.xlsx");
        assert_eq!(named("../../etc/passwd", Lang::Zh), "etcpasswd-第2期台账.xlsx");
        assert_eq!(named("a:b*c?\"<>|\u{202e}\u{1b}d", Lang::Zh), "abcd-第2期台账.xlsx");
        assert_eq!(named(" ..\t/ ", Lang::Zh), "sczj-第2期台账.xlsx");
    }

    #[test]
    fn values_mark_ignores_nothing_it_shows() {
        let v = Values { status: Some(Status::InProgress), percent: Some(60), note: "甲".into(), ..Values::default() };
        let changed = [
            Values { percent: Some(61), ..v.clone() },
            Values { percent: None, ..v.clone() },
            Values { status: None, ..v.clone() },
            Values { status: Some(Status::Done), ..v.clone() },
            Values { note: "乙".into(), ..v.clone() },
            Values { problems: "乙".into(), ..v.clone() },
            Values { next: "乙".into(), ..v.clone() },
            Values { evidence: "乙".into(), ..v.clone() },
            Values { note: String::new(), problems: "甲".into(), ..v.clone() },
        ];
        for c in &changed {
            assert_ne!(v.mark(), c.mark(), "{c:?}");
        }
        let e = Values { evidence: "https://a\n\n 会议纪要 ".into(), ..Values::default() };
        assert_eq!(e.evidence_items(), ["https://a", "会议纪要"]);
    }
}
