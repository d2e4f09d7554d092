//! The summary as a 通报: its title and number at the top, and at the end the issuing office
//! and the date it is written (成文日期), right-aligned as an official document ends.

use std::io::{self, Write};

use super::cell::escape;
use crate::Lang;
use crate::report::{View, labels};

/// The 通报's title, its number under it when set, then the period.
pub(super) fn header(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let r = v.head();
    write!(h, "<header>\n<h1>{}</h1>\n", escape(&labels::notice_title(r, lang)))?;
    if let Some(number) = r.notice.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        writeln!(h, "<p class=\"docno\">{}</p>", escape(number))?;
    }
    writeln!(h, "<p class=\"subtitle\">{}</p>", escape(&labels::subtitle(r, lang)))?;
    h.write_all(b"</header>\n")
}

/// The signer when set, the issuing office and the date, right-aligned.
pub(super) fn close(h: &mut dyn Write, v: &dyn View, lang: Lang) -> io::Result<()> {
    let r = v.head();
    h.write_all(b"<div class=\"close\"><div class=\"sign\">\n")?;
    if let Some(signer) = r.notice.signer.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        writeln!(h, "<p>{}</p>", escape(&labels::signer(signer, lang)))?;
    }
    let office = labels::office(r).trim();
    if !office.is_empty() {
        writeln!(h, "<p>{}</p>", escape(office))?;
    }
    writeln!(h, "<p>{}</p>", escape(&labels::date(labels::notice_date(r), lang)))?;
    h.write_all(b"</div></div>\n")
}
