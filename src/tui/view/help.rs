//! The help overlay: every binding of the keymap and what the mouse does, the current screen's
//! first, in one column or two. A description too long for its column goes on under itself
//! (broken by `taizhang::text::wrap`), so nothing is cut; when even two columns are too short
//! the prompts' keys (which every prompt shows itself) give way, then other screens' keys, each
//! time with a line saying so; a list still too long ends in "…".

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use taizhang::Lang;
use taizhang::text::{pad, width, wrap};

use super::popup::centered;
use crate::tui::app::App;
use crate::tui::keymap::{self, Ctx};
use crate::tui::text::{T, t};

/// The widest a single column is drawn.
const ONE_COLUMN: u16 = 72;

/// Where the help goes in `area` and its columns of lines, each line at most its column wide.
pub fn layout(app: &App, area: Rect) -> (Rect, Vec<Vec<Line<'static>>>) {
    let lang = app.lang;
    // The form's keys include those of its status and percent fields, wherever the focus is.
    let mut in_use = app.screen_contexts();
    if in_use.contains(&Ctx::Form) {
        in_use.retain(|c| !matches!(c, Ctx::StatusField | Ctx::PercentField));
        in_use.extend([Ctx::StatusField, Ctx::PercentField, Ctx::Form]);
    }
    let inner_h = usize::from(area.height.saturating_sub(2)).max(1);
    // An operator's interface has no lead view (its format chooser, the unit's report's, shows
    // its own keys).
    let mut absent: Vec<Ctx> = Vec::new();
    if app.lead.is_none() {
        absent.extend([Ctx::Lead, Ctx::Export, Ctx::Matrix, Ctx::Task]);
    }
    let prompts: Vec<Ctx> =
        absent.iter().copied().chain(keymap::PROMPTS.into_iter().filter(|c| !in_use.contains(c))).collect();
    let others: Vec<Ctx> = Ctx::ALL.into_iter().filter(|c| !in_use.contains(c) && *c != Ctx::Help).collect();
    let tries = [(absent, None), (prompts, Some(T::PromptKeys)), (others, Some(T::OtherKeys))];
    let mut last = (Vec::new(), 2, 1);
    for (leave_out, note) in &tries {
        for columns in [1, 2] {
            let col_w = column_width(area.width, columns);
            let mut lines = lines(lang, &in_use, leave_out, col_w);
            if let Some(note) = note {
                lines.extend(wrap(t(lang, *note), col_w).into_iter().map(|l| dim(l.trim_end())));
            }
            if lines.len() <= columns * inner_h {
                return place(area, lines, columns);
            }
            last = (lines, columns, col_w);
        }
    }
    // Still too long: as much as fits, and "…" to say there is more.
    let (mut lines, columns, _) = last;
    lines.truncate((columns * inner_h).saturating_sub(1));
    lines.push(dim("…"));
    place(area, lines, columns)
}

/// The help's box in `area` and its lines split into `columns` (one or two), the second
/// starting with a binding or a heading rather than the rest of a description when that still
/// fits.
fn place(area: Rect, mut lines: Vec<Line<'static>>, columns: usize) -> (Rect, Vec<Vec<Line<'static>>>) {
    let most = usize::from(area.height.saturating_sub(2)).max(1);
    let mut split = if columns == 1 { lines.len() } else { lines.len().div_ceil(2) };
    let goes_on = |l: &Line| plain(l).starts_with("   ");
    let before = (0..=split).rev().find(|&i| lines.get(i).is_none_or(|l| !goes_on(l))).unwrap_or(split);
    let after = (split..=lines.len()).find(|&i| lines.get(i).is_none_or(|l| !goes_on(l))).unwrap_or(split);
    if columns > 1 {
        split = if lines.len() - before <= most { before } else { after.min(most) };
    }
    let second = lines.split_off(split.min(lines.len()));
    let h = u16::try_from(lines.len().max(second.len()) + 2).unwrap_or(u16::MAX);
    let rect = centered(area, if columns == 1 { ONE_COLUMN } else { area.width }, h);
    (rect, [lines, second].into_iter().filter(|c| !c.is_empty()).collect())
}

fn plain(l: &Line) -> String {
    l.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The width of each of `columns` columns inside a box as wide as it can be in `total` cells.
fn column_width(total: u16, columns: usize) -> usize {
    if columns == 1 {
        usize::from(total.min(ONE_COLUMN).saturating_sub(2))
    } else {
        usize::from(total.saturating_sub(2)).saturating_sub(columns - 1) / columns
    }
}

fn dim(s: &str) -> Line<'static> {
    Line::from(Span::styled(s.to_string(), Style::default().fg(Color::DarkGray)))
}

/// The keymap's bindings under their context headings, each description wrapped within
/// `col_w` under itself.
fn lines(lang: Lang, in_use: &[Ctx], leave_out: &[Ctx], col_w: usize) -> Vec<Line<'static>> {
    let rows = keymap::help(lang, in_use, leave_out);
    // Longer keys than this take a line of their own.
    let key_w = rows.iter().map(|(_, k, _)| width(k)).max().unwrap_or(4).min(10).min(col_w / 3);
    let indent = 2 + key_w + 2;
    let mut out: Vec<Line> = Vec::new();
    let mut last = "";
    for (ctx, keys, what) in &rows {
        if *ctx != last {
            let style = Style::default().add_modifier(Modifier::BOLD).fg(Color::Cyan);
            out.push(Line::from(Span::styled((*ctx).to_string(), style)));
            last = ctx;
        }
        // Keys wider than their column (rare) take a line of their own.
        let mut first = format!("  {}  ", pad(keys, key_w));
        if width(&first) > indent {
            out.push(Line::from(first.trim_end().to_string()));
            first = " ".repeat(indent);
        }
        for (n, piece) in wrap(what, col_w.saturating_sub(indent).max(2)).into_iter().enumerate() {
            let lead = if n == 0 { first.clone() } else { " ".repeat(indent) };
            out.push(Line::from(format!("{lead}{}", piece.trim_end())));
        }
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let (rect, columns) = layout(app, area);
    let block =
        Block::default().borders(Borders::ALL).title(format!(" {} · {} ", t(lang, T::Help), t(lang, T::HelpClose)));
    let inner = block.inner(rect);
    super::popup::clear(frame, rect);
    frame.render_widget(block, rect);
    let n = columns.len().max(1);
    let cols = inner.layout_vec(&Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n]).spacing(1));
    for (lines, col) in columns.into_iter().zip(cols) {
        frame.render_widget(Paragraph::new(lines), col);
    }
}
