//! How every sheet prints: A4, portrait or landscape, one page wide, the header row repeated on
//! each page (and frozen on screen), the report's title in the page header and the page number
//! in the footer.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::Lang;
use crate::report::labels;

/// Excel's paper size code for A4.
const A4: u8 = 9;
/// Longest header or footer Excel takes, in UTF-16 units, control codes included.
const MAX_HEADER: usize = 255;
/// Margins in inches: 1.3 cm left and right, 2 cm top and bottom (the header and footer sit
/// 0.8 cm from the edge).
const SIDE_IN: f64 = 0.5;
const TOP_IN: f64 = 0.8;
const HEAD_IN: f64 = 0.3;

/// How a sheet prints.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Page {
    /// Landscape (wide tables) or portrait.
    pub(crate) wide: bool,
    /// The header row: repeated at the top of every printed page, and frozen with the rows
    /// above it.
    pub(crate) head: u32,
    /// Columns frozen at the left (0 or 1).
    pub(crate) left: u16,
}

/// Sets up how `ws` prints, with `title` in the page header.
pub(crate) fn setup(ws: &mut Worksheet, page: Page, title: &str, lang: Lang) -> Result<(), XlsxError> {
    ws.set_paper_size(A4);
    if page.wide {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(SIDE_IN, SIDE_IN, TOP_IN, TOP_IN, HEAD_IN, HEAD_IN)
        .set_header(header(title))
        .set_footer(labels::page_footer(lang));
    ws.set_repeat_rows(page.head, page.head)?;
    ws.set_freeze_panes(page.head + 1, page.left)?;
    Ok(())
}

/// The page header: `title` centred, its `&` doubled (a single `&` starts an Excel control
/// code), cut to what Excel takes.
pub(super) fn header(title: &str) -> String {
    let mut out = String::from("&C");
    let mut used = out.len();
    for c in title.chars().filter(|c| !c.is_control()) {
        let piece: &[char] = if c == '&' { &['&', '&'] } else { &[c] };
        let units: usize = piece.iter().map(|c| c.len_utf16()).sum();
        if used + units > MAX_HEADER {
            break;
        }
        used += units;
        out.extend(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_doubles_ampersands_and_fits_excels_limit() {
        assert_eq!(header("工作要点　汇总"), "&C工作要点　汇总");
        assert_eq!(header("A&B &P"), "&CA&&B &&P");
        let long = header(&"&".repeat(300));
        assert_eq!(long.encode_utf16().count(), 254, "no & is left single at the cut");
        assert!(long[2..].len().is_multiple_of(2));
        let astral = header(&"𠀀".repeat(200));
        assert!(astral.encode_utf16().count() <= MAX_HEADER);
        assert!(astral.ends_with('𠀀'));
        assert_eq!(header("标题\n第二行"), "&C标题第二行");
    }
}
