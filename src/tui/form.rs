//! The edit form: status, percent and the multi-line text fields (ratatui-textarea, wrapped,
//! wide-character aware), which field has focus, and whether anything changed.

use chrono::{DateTime, FixedOffset};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use taizhang::ledger::{Status, Update};

/// The form's fields, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Percent,
    Note,
    Problems,
    Next,
    Evidence,
}

const ORDER: [Field; 6] = [Field::Status, Field::Percent, Field::Note, Field::Problems, Field::Next, Field::Evidence];

pub struct Form {
    pub task: String,
    pub unit: String,
    pub status: Status,
    pub percent: String,
    pub note: TextArea<'static>,
    pub problems: TextArea<'static>,
    pub next: TextArea<'static>,
    /// One URL or path per line.
    pub evidence: TextArea<'static>,
    pub focus: Field,
    /// The latest update when the form opened: a save checks nobody saved since.
    pub base: Option<Update>,
    /// Why the last save failed, shown in the form.
    pub error: Option<String>,
    initial: Values,
}

/// The form's values, for telling whether anything changed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Values(Status, String, Vec<String>, Vec<String>, Vec<String>, Vec<String>);

fn area(text: Option<&str>) -> TextArea<'static> {
    // Text read from a file never brings control characters to the screen.
    let lines: Vec<String> = text.unwrap_or_default().split('\n').map(taizhang::text::sanitize).collect();
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(WrapMode::Glyph);
    t.move_cursor(CursorMove::Bottom);
    t.move_cursor(CursorMove::End);
    t
}

impl Form {
    /// A form for (task, unit), filled in from the latest update so the operator edits on.
    pub fn open(task: &str, unit: &str, latest: Option<&Update>) -> Form {
        let status = latest.map_or(Status::InProgress, |u| u.status);
        let mut f = Form {
            task: task.to_string(),
            unit: unit.to_string(),
            status,
            percent: latest.and_then(|u| u.percent).map(|p| p.to_string()).unwrap_or_default(),
            note: area(latest.and_then(|u| u.note.as_deref())),
            problems: area(latest.and_then(|u| u.problems.as_deref())),
            next: area(latest.and_then(|u| u.next.as_deref())),
            evidence: area(latest.map(|u| u.evidence.join("\n")).as_deref()),
            focus: Field::Note,
            base: latest.cloned(),
            error: None,
            initial: Values(Status::NotStarted, String::new(), vec![], vec![], vec![], vec![]),
        };
        f.initial = f.values();
        f.restyle();
        f
    }

    /// Only the focused text area shows its cursor cell.
    fn restyle(&mut self) {
        let focus = self.focus;
        for (field, area) in [
            (Field::Note, &mut self.note),
            (Field::Problems, &mut self.problems),
            (Field::Next, &mut self.next),
            (Field::Evidence, &mut self.evidence),
        ] {
            let style =
                if field == focus { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default() };
            area.set_cursor_style(style);
            area.set_cursor_line_style(Style::default());
        }
    }

    fn values(&self) -> Values {
        let l = |t: &TextArea| t.lines().to_vec();
        Values(self.status, self.percent.clone(), l(&self.note), l(&self.problems), l(&self.next), l(&self.evidence))
    }

    pub fn dirty(&self) -> bool {
        self.values() != self.initial
    }

    pub fn focus_next(&mut self, forward: bool) {
        let i = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = ORDER.len();
        self.focus = ORDER[if forward { (i + 1) % n } else { (i + n - 1) % n }];
        self.restyle();
    }

    pub fn status_step(&mut self, forward: bool) {
        let i = Status::ALL.iter().position(|s| *s == self.status).unwrap_or(0);
        let n = Status::ALL.len();
        self.status = Status::ALL[if forward { (i + 1) % n } else { (i + n - 1) % n }];
        if self.status == Status::Done {
            self.percent = "100".into();
        }
    }

    pub fn percent_step(&mut self, up: bool) {
        let now: i32 = self.percent.trim().parse().unwrap_or(0);
        let next = if up { now + 10 } else { now - 10 }.clamp(0, 100);
        self.percent = next.to_string();
    }

    /// The focused text area, if a text field has focus.
    pub fn text_mut(&mut self) -> Option<&mut TextArea<'static>> {
        match self.focus {
            Field::Note => Some(&mut self.note),
            Field::Problems => Some(&mut self.problems),
            Field::Next => Some(&mut self.next),
            Field::Evidence => Some(&mut self.evidence),
            Field::Status | Field::Percent => None,
        }
    }

    /// Typing into the percent field: digits only, at most three.
    pub fn type_percent(&mut self, c: char) {
        if c.is_ascii_digit() && self.percent.len() < 3 {
            self.percent.push(c);
        }
    }

    /// The update this form would save at `at`, or why it cannot (percent not 0–100).
    pub fn update(&self, at: DateTime<FixedOffset>, by: Option<String>) -> Result<Update, ()> {
        let percent = match self.percent.trim() {
            "" => None,
            p => Some(p.parse::<u8>().ok().filter(|v| *v <= 100).ok_or(())?),
        };
        let text = |t: &TextArea| {
            let s = t.lines().join("\n");
            let s = s.trim_end();
            (!s.trim().is_empty()).then(|| s.to_string())
        };
        Ok(Update {
            task: self.task.clone(),
            unit: self.unit.clone(),
            at,
            by,
            status: self.status,
            percent,
            note: text(&self.note),
            problems: text(&self.problems),
            next: text(&self.next),
            evidence: self.evidence.lines().iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect(),
        })
    }
}
