//! How wide each column of a text table is. Every column is as wide as its content (a `Fit`
//! column up to its cap) when the line has room; when not, the long-text columns give way
//! first (the widest first, down to [`FLEX_FLOOR`]: they wrap anyway), then the other columns
//! where it adds the fewest wrapped lines for the cells it saves (a heading over short numbers,
//! say, rather than every date of a column) down to their content or half their cap, then
//! further down to [`FLOOR`] the same way, then all alike (the widest first) down to [`FLOOR`]. Only a table of
//! more columns than that allows comes out wider than the line.

use super::Size;

/// Cells between two columns.
pub const GAP: usize = 2;
/// How narrow a long-text column gets before the other columns give way.
const FLEX_FLOOR: usize = 16;
/// How narrow any column gets (two Chinese characters).
const FLOOR: usize = 4;
/// Cell widths counted one by one up to this; wider ones are counted together.
pub const COUNTED: usize = 64;

/// A column as measured.
pub struct Column<'a> {
    pub size: Size,
    /// Its widest line, heading included, in cells.
    pub widest: usize,
    /// Its widest line under the heading.
    pub content: usize,
    /// How many of its cells (heading included) have their widest line this many cells wide,
    /// by width (the last entry: that wide or wider).
    pub counts: &'a [u32],
}

/// The widths of `cols` for lines of `total` cells.
pub fn widths(cols: &[Column], total: usize) -> Vec<usize> {
    let room = total.saturating_sub(GAP * cols.len().saturating_sub(1));
    let mut widths: Vec<usize> = cols
        .iter()
        .map(|c| match c.size {
            Size::Fit(max) => c.widest.min(max),
            Size::Flex => c.widest.min(room),
        })
        .collect();
    let flex = |i: usize| matches!(cols[i].size, Size::Flex);
    level(&mut widths, room, |i| flex(i).then_some(FLEX_FLOOR));
    cheapest(&mut widths, room, cols, |c, cap| c.content.min(cap / 2).max(FLOOR));
    cheapest(&mut widths, room, cols, |_, _| FLOOR);
    level(&mut widths, room, |_| Some(FLOOR));
    widths
}

/// Narrows the widest of the columns that `floor` gives a floor for, a cell at a time, until
/// the widths sum to `room` or every such column is at its floor.
fn level(widths: &mut [usize], room: usize, floor: impl Fn(usize) -> Option<usize>) {
    let mut sum: usize = widths.iter().sum();
    while sum > room {
        let widest = (0..widths.len()).filter(|&i| floor(i).is_some_and(|f| widths[i] > f)).max_by_key(|&i| widths[i]);
        let Some(i) = widest else { return };
        widths[i] -= 1;
        sum -= 1;
    }
}

/// Narrows the `Fit` columns, each time where the fewest lines are added for each cell saved,
/// until the widths sum to `room` or none can give more; none narrower than `floor` of it and
/// its cap.
fn cheapest(widths: &mut [usize], room: usize, cols: &[Column], floor: impl Fn(&Column, usize) -> usize) {
    let lines: Vec<Vec<u64>> = cols.iter().zip(widths.iter()).map(|(c, w)| extra_lines(c.counts, *w)).collect();
    let wraps = |i: usize, w: usize| lines[i].get(w).copied().unwrap_or(0);
    let mut need = widths.iter().sum::<usize>().saturating_sub(room);
    while need > 0 {
        // (lines added, cells saved, column, new width): the fewest per cell saved.
        let mut best: Option<(u64, usize, usize, usize)> = None;
        for (i, c) in cols.iter().enumerate() {
            let Size::Fit(cap) = c.size else { continue };
            let floor = floor(c, cap);
            for to in floor.max(widths[i].saturating_sub(need))..widths[i] {
                let (added, saved) = (wraps(i, to) - wraps(i, widths[i]), widths[i] - to);
                let better = best.is_none_or(|(a, s, ..)| {
                    let (mine, theirs) = (added * s as u64, a * saved as u64);
                    mine < theirs || (mine == theirs && saved > s)
                });
                if better {
                    best = Some((added, saved, i, to));
                }
            }
        }
        let Some((_, saved, i, to)) = best else { return };
        widths[i] = to;
        need -= saved;
    }
}

/// For each width `w` up to `upto`, how many lines the cells counted in `counts` take beyond
/// one each when wrapped at `w` (a cell of `c` cells takes about ⌈c / w⌉ lines).
fn extra_lines(counts: &[u32], upto: usize) -> Vec<u64> {
    (0..=upto)
        .map(|w| {
            let w = w.max(1);
            counts.iter().enumerate().map(|(c, n)| u64::from(*n) * (c.div_ceil(w).saturating_sub(1) as u64)).sum()
        })
        .collect()
}
