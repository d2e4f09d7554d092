//! The summary as a 通报: number and title, the overall situation written out, then the tables
//! (distribution, sections, unit ranking, overdue with task names) and who did not report, and
//! the issuing office and date at the end.

use docx_rs::Docx;

use super::style::{self, Page, SIZE_5, SIZE_SMALL_4};
use super::table::{self, Col};
use crate::Lang;
use crate::report::cells::{self, topic_content};
use crate::report::labels::{self, Dates, col};
use crate::report::{View, footnotes};

/// The 通报's body, added to `doc`.
pub fn write(doc: Docx, v: &dyn View, lang: Lang) -> Docx {
    let (h, s) = (v.head(), v.summary());
    let mut doc = doc;
    // 发文字号 centred; with a signer, the number one character in from the left and 签发人 one
    // character in from the right on the same line, as GB/T 9704 lays out a document with one.
    match (&h.notice.number, &h.notice.signer) {
        (no, Some(signer)) => {
            let label = labels::signer_label(lang);
            doc = doc.add_paragraph(style::number_and_signer(no.as_deref().unwrap_or(""), label, signer));
        }
        (Some(no), None) => doc = doc.add_paragraph(style::centred(no)),
        (None, None) => {}
    }
    doc = doc.add_paragraph(style::title(&labels::notice_title(h, lang)));
    doc = doc.add_paragraph(style::h1(labels::heading("situation", lang)));
    doc = doc.add_paragraph(style::body(&labels::situation(h, s, lang)));
    if let Some(assist) = labels::assist_notice(s, lang) {
        doc = doc.add_paragraph(style::body(&assist));
    }
    doc = doc.add_paragraph(style::body(&labels::schedule(s, lang)));
    doc = doc.add_paragraph(style::body(&labels::reporting(h, s, lang)));
    if let Some(broken) = labels::broken(s, lang) {
        doc = doc.add_paragraph(style::body(&broken));
    }
    doc = doc.add_paragraph(style::h2(labels::heading("buckets", lang)));
    doc = doc.add_table(table::grid(&cells::buckets(s, lang), Page::Notice, SIZE_SMALL_4));
    doc = doc.add_paragraph(style::h2(labels::heading("sections", lang)));
    doc = doc.add_table(table::grid(&cells::sections(s, lang), Page::Notice, SIZE_5));
    doc = doc.add_paragraph(style::h1(labels::heading("units", lang)));
    doc = doc.add_table(table::grid(&cells::units(s, lang, Dates::Written), Page::Notice, SIZE_5));
    if let Some(rule) = labels::assist_rule(s, lang, false) {
        doc = doc.add_paragraph(style::body(rule));
    }
    doc = doc.add_paragraph(style::h1(labels::heading("overdue", lang)));
    doc = overdue(doc, v, lang);
    doc = doc.add_paragraph(style::h1(labels::heading("not_reported", lang)));
    let reported = if s.not_reported.is_empty() {
        labels::all_reported(lang).to_string()
    } else {
        labels::not_reported_sentence(s, lang)
    };
    doc = doc.add_paragraph(style::body(&reported));
    closing(doc, v, lang)
}

/// The most overdue assignments a 通报 lists; the rest are counted in a sentence.
const OVERDUE_LISTED: usize = 300;

/// The overdue assignments with what each task is, longest overdue first (at most
/// [`OVERDUE_LISTED`]), or a sentence saying there are none.
fn overdue(doc: Docx, v: &dyn View, lang: Lang) -> Docx {
    let s = v.summary();
    if s.overdue.is_empty() {
        return doc.add_paragraph(style::body(labels::none_overdue(lang)));
    }
    let cols = [
        Col { head: col("task", lang), weight: 3, centre: true },
        Col { head: col("content", lang), weight: 16, centre: false },
        Col { head: col("unit", lang), weight: 7, centre: false },
        Col { head: col("deadline", lang), weight: 6, centre: true },
        Col { head: labels::overdue_days(lang), weight: 4, centre: true },
    ];
    let mut rows: Vec<(i64, Vec<String>)> = v
        .picked(&s.overdue)
        .map(|x| {
            let days = x.days_left.map_or(0, |d| -d);
            let cells = vec![
                crate::report::cells::task_id(&x).into_owned(),
                topic_content(&x).into_owned(),
                x.unit_name.to_string(),
                x.deadline.unwrap_or_default().to_string(),
                if days > 0 { days.to_string() } else { String::new() },
            ];
            (days, cells)
        })
        .collect();
    rows.sort_by_key(|(days, _)| std::cmp::Reverse(*days));
    let mut doc = doc;
    if rows.len() > OVERDUE_LISTED {
        doc = doc.add_paragraph(style::body(&labels::overdue_listed(rows.len(), OVERDUE_LISTED, lang)));
    }
    let listed = rows.into_iter().take(OVERDUE_LISTED).map(|(_, cells)| cells);
    doc.add_table(table::table(&cols, listed, Page::Notice, SIZE_5))
}

/// 发文机关 and 成文日期 at the end, right-aligned (the date four characters in).
fn closing(doc: Docx, v: &dyn View, lang: Lang) -> Docx {
    let h = v.head();
    let mut doc = doc.add_paragraph(style::blank()).add_paragraph(style::blank());
    doc = doc.add_paragraph(style::closing(labels::office(h), 2));
    doc = doc.add_paragraph(style::closing(&labels::date(labels::notice_date(h), lang), 4));
    // What the plan infers goes below the date, as a 附注 does.
    if !h.inferred.is_empty() {
        doc =
            doc.add_paragraph(style::blank()).add_paragraph(style::body(&format!("（{}）", footnotes::heading(lang))));
        doc = super::inferred(doc, h, lang);
    }
    doc
}
