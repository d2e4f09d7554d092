//! How a sheet's row heights are set. rust_xlsxwriter keeps every row height it is given until
//! the workbook is saved, even in constant-memory mode (about 420 bytes a row: 21 MB for the
//! extreme workload's 50,000 rows), so a tall sheet first counts its rows' heights, makes the
//! commonest one the sheet's default, and sets only the heights that differ from it.

use std::collections::HashMap;

use super::super::LINE_PT;

/// What happens to a completed row's height.
#[derive(Debug)]
pub(in crate::report::xlsx) enum Heights {
    /// Set when the row needs more than one line (the sheet's default is one line).
    AboveOne,
    /// The sheet's default is this many pixels: set when the row's differs.
    Default(u32),
    /// Only count the rows of each height, in pixels (the counting pass).
    Tally(HashMap<u32, usize>),
}

/// A height in points as Excel stores it, in whole pixels (4/3 of a point).
pub(in crate::report::xlsx) fn pixels(points: f64) -> u32 {
    (points * 4.0 / 3.0).round() as u32
}

impl Heights {
    /// Whether a row `points` tall must have its height set (counted, in the counting pass).
    pub(in crate::report::xlsx) fn wants(&mut self, points: f64) -> bool {
        match self {
            Heights::AboveOne => points > LINE_PT,
            Heights::Default(px) => pixels(points) != *px,
            Heights::Tally(counts) => {
                *counts.entry(pixels(points)).or_default() += 1;
                false
            }
        }
    }

    /// The commonest height counted, in points (the smaller of two as common).
    pub(in crate::report::xlsx) fn commonest(&self) -> Option<f64> {
        let Heights::Tally(counts) = self else { return None };
        let (px, _) = counts.iter().max_by_key(|(px, n)| (**n, std::cmp::Reverse(**px)))?;
        Some(f64::from(*px) * 0.75)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_are_set_only_where_they_differ_from_the_default() {
        let mut one = Heights::AboveOne;
        assert_eq!((one.wants(15.0), one.wants(33.0)), (false, true));
        let mut tally = Heights::Tally(HashMap::new());
        for h in [48.0, 48.0, 33.0, 15.0, 48.0, 33.0] {
            assert!(!tally.wants(h), "the counting pass sets nothing");
        }
        assert_eq!(tally.commonest(), Some(48.0));
        let mut default = Heights::Default(pixels(48.0));
        assert_eq!((default.wants(48.0), default.wants(15.0), default.wants(63.0)), (false, true, true));
        let mut tie = Heights::Tally(HashMap::new());
        tie.wants(33.0);
        tie.wants(48.0);
        assert_eq!(tie.commonest(), Some(33.0), "a tie goes to the smaller");
    }
}
