//! Where the form's parts were drawn and what the mouse does there: a click focuses the field
//! under it (in a text field the cursor goes where the click was), a click on a status chooses
//! it, the wheel scrolls the task's text or the text field under it. The status and percent
//! lines are laid out here, once, for both drawing and clicking.

use std::cell::Cell;

use ratatui::layout::{Position, Rect};
use ratatui_textarea::{CursorMove, TextArea};
use taizhang::Lang;
use taizhang::ledger::Status;
use taizhang::text::width;

use super::{Field, Form};
use crate::tui::text::{T, colon, t};

/// The text fields, top to bottom.
pub const TEXTS: [Field; 4] = [Field::Note, Field::Problems, Field::Next, Field::Evidence];

/// Where each part of the form was last drawn (kept by drawing, read by `update`).
#[derive(Debug, Default)]
pub struct Drawn {
    /// The task's text above the fields.
    pub task: Cell<Rect>,
    /// How many lines of it are below the last drawn window at the top.
    pub task_room: Cell<usize>,
    pub status: Cell<Rect>,
    /// The line of the percent and 填报时间.
    pub percent: Cell<Rect>,
    /// Each text field with its title line, in the order of [`TEXTS`].
    pub texts: [Cell<Rect>; 4],
}

/// Between the percent and 填报时间 on their shared line.
pub const AT_GAP: &str = "    ";

impl Form {
    pub fn text(&self, field: Field) -> Option<&TextArea<'static>> {
        match field {
            Field::Note => Some(&self.note),
            Field::Problems => Some(&self.problems),
            Field::Next => Some(&self.next),
            Field::Evidence => Some(&self.evidence),
            Field::Status | Field::Percent | Field::At => None,
        }
    }

    /// The status line's pieces, in order: each with the status a click on it chooses.
    pub fn status_parts(&self, lang: Lang) -> Vec<(Option<Status>, String)> {
        let mut parts = vec![(None, format!("{}{}", t(lang, T::Status), colon(lang)))];
        if self.status.is_none() {
            let hint = if self.focus == Field::Status { T::ChooseStatus } else { T::StatusUnchosen };
            parts.push((None, format!("{} ", t(lang, hint))));
        }
        for s in Status::ALL {
            let mark = if Some(s) == self.status { "●" } else { "○" };
            parts.push((Some(s), format!("{mark}{}", s.label(lang))));
            parts.push((None, " ".to_string()));
        }
        parts
    }

    /// The percent as shown: "—" for none, unless it is being typed.
    pub fn shown_percent(&self) -> String {
        if self.percent.is_empty() && self.focus != Field::Percent { "—".to_string() } else { self.percent.clone() }
    }

    /// The cells before 填报时间's label on the percent line.
    pub fn at_column(&self, lang: Lang) -> usize {
        width(&format!("{}{}{}{AT_GAP}", t(lang, T::Percent), colon(lang), self.shown_percent()))
    }

    /// A click at screen cell (`x`, `y`); false when it hit no field.
    pub fn click(&mut self, x: u16, y: u16, lang: Lang) -> bool {
        let at = Position { x, y };
        let status = self.drawn.status.get();
        if status.contains(at) {
            self.focus_on(Field::Status);
            let mut left = status.x;
            for (choice, text) in self.status_parts(lang) {
                let right = left.saturating_add(u16::try_from(width(&text)).unwrap_or(u16::MAX));
                if let Some(s) = choice.filter(|_| (left..right).contains(&x)) {
                    self.choose(s);
                }
                left = right;
            }
            return true;
        }
        let percent = self.drawn.percent.get();
        if percent.contains(at) {
            let at_x = percent.x.saturating_add(u16::try_from(self.at_column(lang)).unwrap_or(u16::MAX));
            let on_at = x >= at_x && self.corrects.is_none();
            self.focus_on(if on_at { Field::At } else { Field::Percent });
            return true;
        }
        let Some(k) = self.drawn.texts.iter().position(|r| r.get().contains(at)) else { return false };
        let field = TEXTS[k];
        self.focus_on(field);
        let rect = self.drawn.texts[k].get();
        if let (Some(area), true) = (self.text_mut(), y > rect.y) {
            let (top, _) = area.scroll_offset();
            let row = usize::from(top) + usize::from(y - rect.y - 1);
            let to = area.screen_to_data(row, usize::from(x - rect.x));
            let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
            area.move_cursor(CursorMove::Jump(clamp(to.0), clamp(to.1)));
        }
        true
    }

    /// The wheel at (`x`, `y`): over the task's text it scrolls that, over a text field the
    /// field (its cursor kept in view); false elsewhere.
    pub fn wheel(&mut self, x: u16, y: u16, delta: isize) -> bool {
        let at = Position { x, y };
        if self.drawn.task.get().contains(at) {
            self.scroll_task(delta);
            return true;
        }
        let Some(k) = self.drawn.texts.iter().position(|r| r.get().contains(at)) else { return false };
        let rows = i16::try_from(delta).unwrap_or(0);
        match TEXTS[k] {
            Field::Note => self.note.scroll((rows, 0)),
            Field::Problems => self.problems.scroll((rows, 0)),
            Field::Next => self.next.scroll((rows, 0)),
            _ => self.evidence.scroll((rows, 0)),
        }
        true
    }

    /// Scrolls the task's text by `delta` lines, within what was last drawn.
    pub fn scroll_task(&mut self, delta: isize) {
        let room = self.drawn.task_room.get();
        self.task_scroll = self.task_scroll.min(room).saturating_add_signed(delta).min(room);
    }

    /// Puts the cursor at the start of evidence line `n` (0-based), focus there.
    pub fn cursor_to_evidence_line(&mut self, n: usize) {
        self.focus_on(Field::Evidence);
        let row = u16::try_from(n).unwrap_or(u16::MAX);
        self.evidence.move_cursor(CursorMove::Jump(row, 0));
    }
}

/// How many screen lines `text` takes as last drawn (wrapped at its width), found with a few
/// look-ups in the text area's own map of screen lines, whatever the text's length: the last
/// screen line is the first whose end is the text's end.
pub fn screen_rows(text: &TextArea) -> usize {
    let end = text.screen_to_data(usize::MAX, usize::MAX);
    let (mut lo, mut hi) = (0usize, 1usize);
    while text.screen_to_data(hi, usize::MAX) != end {
        lo = hi;
        hi = hi.saturating_mul(2);
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if text.screen_to_data(mid, usize::MAX) == end { hi = mid } else { lo = mid + 1 }
    }
    lo + 1
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::widgets::Widget;

    use super::*;

    #[test]
    fn screen_rows_counts_wrapped_lines() {
        let mut text = TextArea::new(vec!["一二三四五六七八九十".to_string(), String::new(), "abc".to_string()]);
        text.set_wrap_mode(ratatui_textarea::WrapMode::Glyph);
        assert_eq!(screen_rows(&text), 3, "not drawn yet: a screen line per line");
        let area = Rect::new(0, 0, 6, 10);
        (&text).render(area, &mut Buffer::empty(area));
        assert_eq!(screen_rows(&text), 4 + 1 + 1, "ten wide characters in three per line: four lines");
        let text = TextArea::default();
        assert_eq!(screen_rows(&text), 1);
    }
}
