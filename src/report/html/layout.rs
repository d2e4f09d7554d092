//! Column widths of the HTML tables on the printed page: short columns fit their longest
//! content (measured in em of the table's font), long-text columns share what is left by
//! weight; written as whole percents of the page's width that add up to 100.

use super::Col;
use crate::Lang;
use crate::text::width;

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Size {
    /// As wide as this many em of content (the heading's longest word counts too).
    Fit(f32),
    /// A share, by weight, of the width the fitted columns leave.
    Flex(u8),
}

/// A column before layout: heading, size and the cells' class.
pub(super) type Spec = (&'static str, Size, &'static str);

/// The printed page a table lies on: its text width and the table's font.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Page {
    pub width_mm: f32,
    pub font_pt: f32,
    /// A cell's left and right padding and border, together.
    pub pad_mm: f32,
}

/// Portrait A4, 15 mm side margins, 9 pt tables (the summary); see `style::CSS`.
pub(super) const PORTRAIT: Page = Page { width_mm: 180.0, font_pt: 9.0, pad_mm: 2.6 };
/// Landscape A4, 10 mm side margins, 8.5 pt tables (unit report and ledger); see `style::WIDE`.
pub(super) const LANDSCAPE: Page = Page { width_mm: 277.0, font_pt: 8.5, pad_mm: 2.0 };

/// Least share of a flexible column, in percent, when fitted columns crowd the page.
const FLEX_MIN: u32 = 8;
/// Fonts' half-width characters (digits, Latin) run a little wider than half an em.
const SLACK: f32 = 1.06;

impl Page {
    fn em_mm(&self) -> f32 {
        self.font_pt * 25.4 / 72.0
    }

    /// The percent of the page a column `em` wide takes, padding included, rounded up.
    fn percent(&self, em: f32) -> u32 {
        let mm = em * SLACK * self.em_mm() + self.pad_mm;
        (mm / self.width_mm * 100.0).ceil() as u32
    }

    /// How many em of text fit inside a column of `percent`.
    pub fn inner_em(&self, percent: u8) -> f32 {
        let mm = f32::from(percent) / 100.0 * self.width_mm - self.pad_mm;
        (mm / (SLACK * self.em_mm())).max(1.0)
    }
}

/// The width of `s` in em: wide (CJK) characters one, others half.
pub(super) fn em(s: &str) -> f32 {
    width(s) as f32 / 2.0
}

/// `zh` or `en` em, by language.
pub(super) fn pick(lang: Lang, zh: f32, en: f32) -> f32 {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The widest of `items` in em.
pub(super) fn widest<'a>(items: impl IntoIterator<Item = &'a str>) -> f32 {
    items.into_iter().map(em).fold(0.0, f32::max)
}

/// The width a heading needs: its longest word (headings wrap between words; a Chinese
/// heading is one word).
fn head_em(s: &str) -> f32 {
    widest(s.split_whitespace())
}

/// Lays the columns out on `page`: each gets a whole percent, all add up to 100.
pub(super) fn lay(specs: &[Spec], page: &Page) -> Vec<Col> {
    let mut fits: Vec<Option<u32>> = specs
        .iter()
        .map(|(head, size, _)| match size {
            Size::Fit(em) => Some(page.percent(em.max(head_em(head)))),
            Size::Flex(_) => None,
        })
        .collect();
    let weights: Vec<u32> =
        specs.iter().map(|(_, size, _)| if let Size::Flex(w) = size { u32::from(*w).max(1) } else { 0 }).collect();
    let flexes = weights.iter().filter(|w| **w > 0).count() as u32;
    shrink(&mut fits, 100u32.saturating_sub(FLEX_MIN * flexes));
    let fitted: u32 = fits.iter().flatten().sum();
    let left = 100u32.saturating_sub(fitted);
    let total: u32 = weights.iter().sum();
    let mut widths: Vec<u32> = fits
        .iter()
        .zip(&weights)
        .map(|(fit, w)| fit.unwrap_or_else(|| (left * w).checked_div(total).unwrap_or(0)))
        .collect();
    // What rounding left over goes to the heaviest flexible column (or the last column).
    let rest = 100u32.saturating_sub(widths.iter().sum());
    let heaviest = (0..weights.len()).rev().max_by_key(|&i| weights[i]).unwrap_or(0);
    if let Some(w) = widths.get_mut(heaviest) {
        *w += rest;
    }
    // A flexible column keeps room for its heading, taken from the widest one.
    for (i, (head, _, _)) in specs.iter().enumerate() {
        let need = page.percent(head_em(head));
        let widest = (0..widths.len()).filter(|&j| weights[j] > 0).max_by_key(|&j| widths[j]).unwrap_or(i);
        if weights[i] > 0 && widths[i] < need && widest != i && widths[widest] > need * 2 {
            let give = need - widths[i];
            widths[widest] -= give;
            widths[i] += give;
        }
    }
    specs.iter().zip(widths).map(|((head, _, class), w)| (*head, w.min(100) as u8, *class)).collect()
}

/// Scales the fitted columns down until they take at most `room` percent together.
fn shrink(fits: &mut [Option<u32>], room: u32) {
    let sum: u32 = fits.iter().flatten().sum();
    if sum <= room || sum == 0 {
        return;
    }
    for w in fits.iter_mut().flatten() {
        *w = (*w * room / sum).max(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitted_columns_fit_and_the_rest_is_shared() {
        let specs: Vec<Spec> = vec![
            ("编号", Size::Fit(2.0), "c"),
            ("任务名称", Size::Flex(1), ""),
            ("责任单位", Size::Fit(10.0), ""),
            ("进展情况", Size::Flex(3), "long"),
        ];
        let cols = lay(&specs, &LANDSCAPE);
        let w: Vec<u32> = cols.iter().map(|c| u32::from(c.1)).collect();
        assert_eq!(w.iter().sum::<u32>(), 100);
        // "编号" is 2 em, "责任单位" needs 10 em of content: each fits what it must hold.
        assert!(LANDSCAPE.inner_em(cols[0].1) >= 2.0, "{w:?}");
        assert!(LANDSCAPE.inner_em(cols[2].1) >= 10.0, "{w:?}");
        assert!(w[0] < 5 && w[2] < 15, "{w:?}");
        // Flexible columns split the rest 1 : 3.
        assert!((w[3] as f32 / w[1] as f32 - 3.0).abs() < 0.3, "{w:?}");
    }

    #[test]
    fn a_crowded_page_still_adds_up_and_leaves_room_for_text() {
        let specs: Vec<Spec> =
            vec![("a", Size::Fit(60.0), ""), ("b", Size::Fit(60.0), ""), ("note", Size::Flex(1), "long")];
        let cols = lay(&specs, &PORTRAIT);
        let w: Vec<u32> = cols.iter().map(|c| u32::from(c.1)).collect();
        assert_eq!(w.iter().sum::<u32>(), 100, "{w:?}");
        assert!(w[2] >= FLEX_MIN, "{w:?}");
    }

    #[test]
    fn english_headings_wrap_between_words() {
        assert_eq!(head_em("updated this period"), 3.5);
        assert_eq!(head_em("本期更新"), 4.0);
    }
}
