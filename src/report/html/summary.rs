//! The summary (汇总 / 通报) part of the HTML report: totals, buckets, the unit ranking,
//! sections, the overdue list, units that did not report, and what was completed.

use std::io::{self, Write};

use super::cell::{content, escape, multiline};
use super::layout::{PORTRAIT, Size, em, lay, widest};
use super::unit::{status_em, task_em};
use super::{Col, heading, kv, table, table_or_none};
use crate::Lang;
use crate::report::{Bucket, Summary, View, labels, percent};

/// The summary's seven parts.
pub(super) fn render(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let s = v.summary();
    let col = |k| labels::col(k, lang);
    let total = |k| labels::total(k, lang);
    heading(h, labels::part("totals", lang))?;
    writeln!(h, "<p class=\"para\">{}</p>", escape(&labels::overall(s, lang)))?;
    if let Some(assist) = labels::assist_sentence(s, lang) {
        writeln!(h, "<p class=\"para\">{}</p>", escape(&assist))?;
    }
    let t = &s.totals;
    let mut pairs = vec![
        (total("assignments"), t.assignments.to_string()),
        (total("done"), t.done.to_string()),
        (total("in_progress"), t.in_progress.to_string()),
        (total("ongoing"), t.ongoing.to_string()),
        (total("blocked"), t.blocked.to_string()),
        (total("not_started"), t.not_started.to_string()),
        (total("na"), t.na.to_string()),
        (total("overdue"), t.overdue.to_string()),
        (total("rate"), percent(t.completion_rate)),
        (total("tasks"), t.tasks.to_string()),
        (total("tasks_done"), t.tasks_done.to_string()),
        (total("tasks_overdue"), t.tasks_overdue.to_string()),
    ];
    if labels::has_assist(s) {
        let a = &s.assist;
        pairs.extend([
            (total("assist"), a.assignments.to_string()),
            (total("assist_done"), a.done.to_string()),
            (total("assist_overdue"), a.overdue.to_string()),
            (total("assist_rate"), percent(a.completion_rate)),
        ]);
    }
    kv(h, "kv", &pairs, 4, 16)?;

    heading(h, labels::part("buckets", lang))?;
    let b = &s.buckets;
    let kinds = [
        (Bucket::Done, b.done),
        (Bucket::Ahead, b.ahead),
        (Bucket::OnTrack, b.on_track),
        (Bucket::Behind, b.behind),
        (Bucket::Overdue, b.overdue),
    ];
    let cols: Vec<Col> = kinds.iter().map(|(k, _)| (labels::bucket(*k, lang), 20, "c")).collect();
    table(h, &cols, std::iter::once(kinds.iter().map(|(_, n)| n.to_string()).collect()))?;
    writeln!(h, "<p class=\"rule\">{}</p>", escape(labels::bucket_rule(lang)))?;

    units(h, s, lang)?;

    heading(h, labels::part("sections", lang))?;
    let cols = [
        (col("section"), 40, ""),
        (col("tasks"), 12, "n"),
        (col("assignments"), 12, "n"),
        (col("done"), 12, "n"),
        (col("overdue"), 12, "n"),
        (col("rate"), 12, "n"),
    ];
    let rows = s.sections.iter().map(|x| {
        vec![
            escape(&labels::section(&x.section, lang)),
            x.tasks.to_string(),
            x.assignments.to_string(),
            x.done.to_string(),
            x.overdue.to_string(),
            percent(x.completion_rate),
        ]
    });
    table(h, &cols, rows)?;

    heading(h, labels::part("overdue", lang))?;
    let units = widest(s.overdue.iter().filter_map(|&n| v.row(n)).map(|x| x.unit_name)).clamp(4.0, 8.0);
    let due = em(&labels::date(chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap_or_default(), lang));
    let specs = [
        (col("task"), Size::Fit(task_em(v)), "c"),
        (labels::task_name(lang), Size::Flex(1), "long"),
        (col("unit"), Size::Fit(units), ""),
        (col("deadline"), Size::Fit(6.0), ""),
        (col("due"), Size::Fit(due), "c"),
        (labels::overdue_days(lang), Size::Fit(2.0), "n"),
        (col("status"), Size::Fit(status_em(lang)), "c"),
    ];
    let cols = lay(&specs, &PORTRAIT);
    let rows = v.picked(&s.overdue).map(|x| {
        vec![
            escape(&crate::report::cells::task_id(&x)),
            content(&x),
            escape(x.unit_name),
            escape(x.deadline.unwrap_or_default()),
            x.due.map(|d| labels::date(d, lang)).unwrap_or_default(),
            x.days_left.filter(|d| *d < 0).map(|d| (-d).to_string()).unwrap_or_default(),
            escape(&labels::progress(&x, lang)),
        ]
    });
    table_or_none(h, &cols, rows, lang)?;

    heading(h, labels::part("not_reported", lang))?;
    let names =
        if s.not_reported.is_empty() { labels::none(lang).to_string() } else { s.not_reported.join(lang.list_sep()) };
    writeln!(h, "<p class=\"para\">{}</p>", escape(&names))?;
    if let Some(late) = labels::late_units(s, lang) {
        writeln!(h, "<p class=\"para\">{}</p>", escape(&late))?;
    }

    heading(h, labels::part("completed", lang))?;
    let units = widest(s.completed.iter().filter_map(|&n| v.row(n)).map(|x| x.unit_name)).clamp(4.0, 8.0);
    let when = labels::when(chrono::DateTime::parse_from_rfc3339("2022-12-31T00:00:00+08:00").ok(), lang);
    let specs = [
        (col("task"), Size::Fit(task_em(v)), "c"),
        (col("unit"), Size::Fit(units), ""),
        (col("content"), Size::Flex(1), "long"),
        (col("updated"), Size::Fit(em(&when)), "c"),
    ];
    let cols = lay(&specs, &PORTRAIT);
    let rows = v.picked(&s.completed).map(|x| {
        vec![
            escape(&crate::report::cells::task_id(&x)),
            escape(x.unit_name),
            multiline(x.content),
            escape(&labels::when(x.updated_at, lang)),
        ]
    });
    table_or_none(h, &cols, rows, lang)
}

/// The unit ranking, with each unit's 配合 assignments when the report has any, and the rules
/// under it.
fn units(h: &mut dyn Write, s: &Summary, lang: Lang) -> io::Result<()> {
    let col = |k| labels::col(k, lang);
    heading(h, labels::part("units", lang))?;
    let mut units: Vec<_> = s.units.iter().collect();
    units.sort_by_key(|u| u.rank);
    let assist = labels::has_assist(s);
    // Widths in percent of the page: narrower to make room for the 配合 columns.
    let widths: [u8; 9] = if assist { [6, 21, 8, 8, 7, 9, 11, 21, 9] } else { [6, 24, 9, 9, 8, 10, 11, 23, 0] };
    let keys = ["rank", "unit", "assignments", "done", "overdue", "rate", "reported", "last_update", "assist_share"];
    let aligns = ["c", "", "n", "n", "n", "n", "c", "c", "c"];
    let shown = if assist { keys.len() } else { keys.len() - 1 };
    let cols: Vec<Col> = (0..shown).map(|i| (col(keys[i]), widths[i], aligns[i])).collect();
    let rows = units.iter().map(|u| {
        let mut cells = vec![
            u.rank.to_string(),
            escape(&u.name),
            u.assignments.to_string(),
            u.done.to_string(),
            u.overdue.to_string(),
            labels::unit_rate(u),
            escape(labels::unit_report(u, lang)),
            escape(&labels::when(u.last_update, lang)),
        ];
        if assist {
            cells.push(labels::unit_assist(u));
        }
        cells
    });
    table(h, &cols, rows)?;
    writeln!(h, "<p class=\"rule\">{}</p>", escape(labels::ranking_rule(lang)))?;
    if let Some(rule) = labels::assist_rule(s, lang, false) {
        writeln!(h, "<p class=\"rule\">{}</p>", escape(rule))?;
    }
    Ok(())
}
