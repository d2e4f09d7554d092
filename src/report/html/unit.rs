//! The unit report (单位报送) in HTML: its header block (unit, report date, plan, 填报人), the
//! unit's assignments on landscape A4, and the sign-off an office fills in by hand (联系电话,
//! 审核人, 单位盖章).

use std::io::{self, Write};

use super::cell::{content, deadline, escape, evidence, light, long};
use super::layout::{LANDSCAPE, Size, Spec, em, lay, pick, widest};
use super::{kv, table};
use crate::Lang;
use crate::ledger::Status;
use crate::report::{Light, View, labels};

/// The header block, then every assignment of the unit with its progress, problems and plans.
/// `reporters` are who filled it in (`labels::reporters`).
pub(super) fn render(h: &mut dyn Write, v: &dyn View, lang: Lang, reporters: &str) -> io::Result<()> {
    let r = v.head();
    let field = |k| labels::field(k, lang);
    let name = r.unit.as_ref().map(|u| u.name.as_str()).unwrap_or_default();
    let pairs = [
        (field("unit"), escape(name)),
        (field("report_date"), escape(&labels::date(r.period.due, lang))),
        (field("plan"), escape(&r.plan.title)),
        (labels::signoff_field("by", lang), escape(reporters)),
    ];
    kv(h, "meta", &pairs, 2, 10)?;
    let cols = lay(&specs(v, lang), &LANDSCAPE);
    let rows = v.rows().map(|x| {
        vec![
            escape(&crate::report::cells::task_id(&x)),
            format!("{}{}", escape(labels::role_prefix(x.role, lang)), content(&x)),
            deadline(&x, lang),
            escape(&labels::progress(&x, lang)),
            long(x.note),
            long(x.problems),
            long(x.next),
            evidence(x.evidence),
            escape(x.by.unwrap_or_default()),
            light(x.light, lang),
            escape(labels::in_period(&x, lang)),
        ]
    });
    table(h, &cols, rows)
}

/// The columns: short ones as wide as their longest cell or label (up to a cap: longer text
/// wraps), the texts sharing the rest by how long their longest cells are.
fn specs(v: &dyn View, lang: Lang) -> Vec<Spec> {
    let col = |k| labels::col(k, lang);
    let m = measure(v, lang);
    // Each text column's weight: the square root of its longest cell (a row is as tall as its
    // tallest cell; the root keeps the longest text from taking every width).
    let flex = |i: usize| Size::Flex(m.texts[i].sqrt().round().clamp(1.0, 30.0) as u8);
    vec![
        (col("task"), Size::Fit(task_em(v)), "c"),
        (col("content"), flex(0), ""),
        (col("deadline"), Size::Fit(m.deadline.clamp(2.0, 7.0)), ""),
        (col("status"), Size::Fit(m.status.clamp(2.0, status_em(lang))), "c"),
        (col("note"), flex(1), "long"),
        (col("problems"), flex(2), "long"),
        (col("next"), flex(3), "long"),
        (col("evidence"), flex(4), "long"),
        (col("by"), Size::Fit(m.by.clamp(1.0, 4.0)), "c"),
        (col("light"), Size::Fit(light_em(lang)), "c"),
        (col("in_period"), Size::Fit(pick(lang, 4.0, 4.5)), "c"),
    ]
}

/// The widest cells of a unit's rows, in em.
struct Measure {
    deadline: f32,
    status: f32,
    by: f32,
    /// Content, progress, problems, next steps, evidence: the longest cell's em.
    texts: [f32; 5],
}

fn measure(v: &dyn View, lang: Lang) -> Measure {
    let mut m = Measure { deadline: 0.0, status: 0.0, by: 0.0, texts: [0.0; 5] };
    for x in v.rows() {
        let due = x.due.map(|d| em(&labels::date(d, lang)) * SMALL).unwrap_or_default();
        m.deadline = m.deadline.max(em(x.deadline.unwrap_or_default())).max(due);
        m.status = m.status.max(em(&labels::progress(&x, lang)));
        m.by = m.by.max(em(x.by.unwrap_or_default()));
        let text = |s: Option<&str>| s.map_or(0.0, em);
        let evidence: f32 = x.evidence.iter().map(em).sum();
        let content = text(x.topic) + em(x.content);
        for (t, add) in m.texts.iter_mut().zip([content, text(x.note), text(x.problems), text(x.next), evidence]) {
            *t = t.max(add);
        }
    }
    m
}

/// Small print (`.sub`, 7.5 pt) against the table's 8.5 pt.
const SMALL: f32 = 7.5 / 8.5;

/// The widest task id, in em.
pub(super) fn task_em(v: &dyn View) -> f32 {
    widest(v.summary().tasks.iter().map(|t| t.id.as_str())).clamp(1.0, 4.0)
}

/// A status with its percent ("推进中 60%"), in em; longer ones (corrected) wrap.
pub(super) fn status_em(lang: Lang) -> f32 {
    let words = Status::ALL.map(|s| labels::status(Some(s), lang));
    (widest(words) + 1.6).min(6.0)
}

/// A light: its dot, symbol and word.
pub(super) fn light_em(lang: Lang) -> f32 {
    widest([Light::Red, Light::Yellow, Light::Green].map(|l| labels::light(l, lang))) + 1.0
}

/// 填报人 and the blanks offices' templates have: 联系电话, 审核人, 单位（盖章）.
pub(super) fn signoff(h: &mut dyn Write, names: &str, lang: Lang) -> io::Result<()> {
    let colon = lang.pick("：", ": ");
    h.write_all(b"<div class=\"signoff\">")?;
    let by = if names.is_empty() { "<span class=\"blank\"></span>".to_string() } else { escape(names) };
    write!(h, "<span>{}{colon}{by}</span>", escape(labels::signoff_field("by", lang)))?;
    for key in ["phone", "reviewer", "seal"] {
        write!(h, "<span>{}{colon}<span class=\"blank\"></span></span>", escape(labels::signoff_field(key, lang)))?;
    }
    h.write_all(b"</div>\n")
}
