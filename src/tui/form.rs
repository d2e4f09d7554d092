//! The edit form: status, percent, 填报时间 and the multi-line text fields (ratatui-textarea,
//! wrapped, wide-character aware), which field has focus, whether anything changed (counted in
//! revisions, so that asking costs nothing per key), and its values as a draft. A form either
//! records a new update or corrects an earlier record. Where it was drawn, and what a click or
//! the wheel does there, is in `layout`; the evidence check's side in `evidence`.

mod evidence;
mod layout;

use std::cell::Cell;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use taizhang::ledger::draft::Draft;
use taizhang::ledger::{RecordKind, Status, Update};

pub use self::layout::{AT_GAP, Drawn, TEXTS, screen_rows};

/// The form's fields, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Percent,
    /// 填报时间: when the progress happened (empty: when saved).
    At,
    Note,
    Problems,
    Next,
    Evidence,
}

const ORDER: [Field; 7] =
    [Field::Status, Field::Percent, Field::At, Field::Note, Field::Problems, Field::Next, Field::Evidence];

/// Why the form cannot be saved as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    /// No status chosen (an assignment never reported starts with none).
    NoStatus,
    /// The percent is not a whole number from 0 to 100.
    BadPercent,
    /// 填报时间 cannot be read as a date or time.
    BadAt,
}

impl FormError {
    /// The field to put the cursor in.
    pub fn field(self) -> Field {
        match self {
            FormError::NoStatus => Field::Status,
            FormError::BadPercent => Field::Percent,
            FormError::BadAt => Field::At,
        }
    }
}

pub struct Form {
    pub task: String,
    pub unit: String,
    /// None until chosen, for an assignment never reported.
    pub status: Option<Status>,
    pub percent: String,
    /// 填报时间 as typed; empty: the time of saving.
    pub at: String,
    /// The record this form corrects; none: the form records a new update.
    pub corrects: Option<String>,
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
    /// Goes up with every change of a value.
    revision: u64,
    /// `dirty()` as of a revision.
    dirty_at: Cell<Option<(u64, bool)>>,
    /// The revision the operator's draft file holds for this form; none: no draft on disk.
    pub drafted: Option<u64>,
    /// How far the task's text above the fields is scrolled.
    pub task_scroll: usize,
    /// Where the form's parts were last drawn, for the mouse and for scrolling.
    pub drawn: Drawn,
    /// Evidence lines the operator was told are neither an address nor an existing path:
    /// saved as they are when saved again unchanged.
    pub evidence_warned: Option<Vec<String>>,
}

/// The form's values, for telling whether anything changed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Values(Option<Status>, String, String, Vec<String>, Vec<String>, Vec<String>, Vec<String>);

fn area(text: Option<&str>) -> TextArea<'static> {
    // Text read from a file never brings control characters to the screen.
    let lines: Vec<String> = text.unwrap_or_default().split('\n').map(taizhang::text::sanitize).collect();
    let mut t = TextArea::new(lines);
    // Lines broken by cells, ASCII words and numbers kept whole (a field without focus is shown
    // by the shared line breaker, with the Chinese rules: `view::wrapped::field`).
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.move_cursor(CursorMove::Bottom);
    t.move_cursor(CursorMove::End);
    t
}

impl Form {
    /// A form for (task, unit), filled in from the state shown (`latest`, as of now) so the
    /// operator edits on; with no state, no status is chosen: the operator chooses.
    pub fn open(task: &str, unit: &str, latest: Option<&Update>) -> Form {
        let mut f = Form {
            task: task.to_string(),
            unit: unit.to_string(),
            status: latest.map(|u| u.status),
            percent: latest.and_then(|u| u.percent).map(|p| p.to_string()).unwrap_or_default(),
            at: String::new(),
            corrects: None,
            note: area(latest.and_then(|u| u.note.as_deref())),
            problems: area(latest.and_then(|u| u.problems.as_deref())),
            next: area(latest.and_then(|u| u.next.as_deref())),
            evidence: area(latest.map(|u| u.evidence.join("\n")).as_deref()),
            focus: Field::Note,
            base: latest.cloned(),
            error: None,
            initial: Values(None, String::new(), String::new(), vec![], vec![], vec![], vec![]),
            revision: 0,
            dirty_at: Cell::new(None),
            drafted: None,
            task_scroll: 0,
            drawn: Drawn::default(),
            evidence_warned: None,
        };
        f.initial = f.values();
        f.restyle();
        f
    }

    /// A form correcting `record` (a progress record, as it now stands): its values to edit; the
    /// saved correction replaces its content at its time.
    pub fn correct(record: &Update) -> Form {
        let mut f = Form::open(&record.task, &record.unit, Some(record));
        f.corrects = Some(record.id.clone());
        f.base = None;
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
        let (s, p, a) = (self.status, self.percent.clone(), self.at.clone());
        Values(s, p, a, l(&self.note), l(&self.problems), l(&self.next), l(&self.evidence))
    }

    /// Whether any value differs from what the form opened with (worked out once per revision).
    pub fn dirty(&self) -> bool {
        if let Some((rev, dirty)) = self.dirty_at.get()
            && rev == self.revision
        {
            return dirty;
        }
        let i = &self.initial;
        let same = |t: &TextArea, lines: &[String]| t.lines() == lines;
        let dirty = !(self.status == i.0
            && self.percent == i.1
            && self.at == i.2
            && same(&self.note, &i.3)
            && same(&self.problems, &i.4)
            && same(&self.next, &i.5)
            && same(&self.evidence, &i.6));
        self.dirty_at.set(Some((self.revision, dirty)));
        dirty
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn changed(&mut self) {
        self.revision += 1;
    }

    /// Tab / Shift-Tab; a correction keeps the corrected record's time, so it has no 填报时间.
    pub fn focus_next(&mut self, forward: bool) {
        let n = ORDER.len();
        let mut i = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        loop {
            i = if forward { (i + 1) % n } else { (i + n - 1) % n };
            if ORDER[i] != Field::At || self.corrects.is_none() {
                break;
            }
        }
        self.focus = ORDER[i];
        self.restyle();
    }

    /// Puts the cursor in `field`.
    pub fn focus_on(&mut self, field: Field) {
        self.focus = field;
        self.restyle();
    }

    /// ←/→ on the status: from none chosen, → takes the first and ← the last.
    pub fn status_step(&mut self, forward: bool) {
        let n = Status::ALL.len();
        let next = match self.status.and_then(|s| Status::ALL.iter().position(|x| *x == s)) {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        self.choose(Status::ALL[next]);
    }

    /// Chooses `status` (已完成 sets the percent to 100).
    pub fn choose(&mut self, status: Status) {
        self.status = Some(status);
        if self.status == Some(Status::Done) {
            self.percent = "100".into();
        }
        self.error = None;
        self.changed();
    }

    pub fn percent_step(&mut self, up: bool) {
        let now: i32 = self.percent.trim().parse().unwrap_or(0);
        let next = if up { now + 10 } else { now - 10 }.clamp(0, 100);
        self.percent = next.to_string();
        self.error = None;
        self.changed();
    }

    /// The focused text area, if a text field has focus.
    fn text_mut(&mut self) -> Option<&mut TextArea<'static>> {
        match self.focus {
            Field::Note => Some(&mut self.note),
            Field::Problems => Some(&mut self.problems),
            Field::Next => Some(&mut self.next),
            Field::Evidence => Some(&mut self.evidence),
            Field::Status | Field::Percent | Field::At => None,
        }
    }

    /// Typing into 填报时间: one short line.
    fn type_at(&mut self, c: char) {
        if !c.is_control() && self.at.chars().count() < 25 {
            self.at.push(c);
            self.changed();
        }
    }

    /// Typing into the percent field: digits only, at most three.
    fn type_percent(&mut self, c: char) {
        if c.is_ascii_digit() && self.percent.len() < 3 {
            self.percent.push(c);
            self.changed();
        }
    }

    /// A key for the focused field: text areas take it whole; the percent field takes digits.
    pub fn key(&mut self, key: KeyEvent) {
        let modified = match self.focus {
            Field::Percent => match key.code {
                KeyCode::Char(c) => {
                    self.type_percent(c);
                    false
                }
                KeyCode::Backspace => self.percent.pop().is_some(),
                _ => false,
            },
            Field::At => match key.code {
                KeyCode::Char(c) => {
                    self.type_at(c);
                    false
                }
                KeyCode::Backspace => self.at.pop().is_some(),
                _ => false,
            },
            Field::Status => false,
            _ => self.text_mut().is_some_and(|t| t.input(key)),
        };
        if modified {
            self.changed();
        }
        self.error = None;
    }

    /// Text pasted, committed by an input method, or typed faster than it is drawn: one
    /// insertion (line breaks kept, other control characters dropped), whatever its length.
    pub fn paste(&mut self, text: &str) {
        let clean: String =
            text.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect();
        match self.focus {
            Field::Percent => clean.chars().for_each(|c| self.type_percent(c)),
            Field::At => clean.chars().for_each(|c| self.type_at(c)),
            Field::Status => {}
            _ => {
                if self.text_mut().is_some_and(|t| t.insert_str(clean)) {
                    self.changed();
                }
            }
        }
        self.error = None;
    }

    /// The form's values as a draft written at `saved_at`.
    pub fn draft(&self, saved_at: DateTime<FixedOffset>) -> Draft {
        let text = |t: &TextArea| t.lines().join("\n");
        Draft {
            task: self.task.clone(),
            unit: self.unit.clone(),
            saved_at,
            base_at: self.base.as_ref().map(|u| u.at),
            status: self.status,
            corrects: self.corrects.clone(),
            at: self.at.clone(),
            percent: self.percent.clone(),
            note: text(&self.note),
            problems: text(&self.problems),
            next: text(&self.next),
            evidence: text(&self.evidence),
        }
    }

    /// Takes the values of a draft (already on disk), checking a later save against `base`: the
    /// record the draft was typed over, which may no longer be the latest.
    pub fn restore(&mut self, d: &Draft, base: Option<Update>) {
        self.status = d.status;
        self.corrects = d.corrects.clone();
        self.at = d.at.clone();
        self.percent = d.percent.clone();
        self.note = area(Some(&d.note));
        self.problems = area(Some(&d.problems));
        self.next = area(Some(&d.next));
        self.evidence = area(Some(&d.evidence));
        self.base = base;
        self.restyle();
        self.changed();
        self.drafted = Some(self.revision);
    }

    /// After `saved` was saved while the operator kept typing: what was saved is now the
    /// starting point, and what was typed since is the unsaved change.
    pub fn rebase(&mut self, saved: &Update) {
        self.initial = Form::open(&self.task, &self.unit, Some(saved)).initial;
        self.base = Some(saved.clone());
        self.changed();
    }

    /// The record this form would save at `now` (in the plan's zone `offset`), or why it
    /// cannot be saved yet.
    pub fn update(
        &self,
        now: DateTime<FixedOffset>,
        by: Option<String>,
        offset: FixedOffset,
    ) -> Result<Update, FormError> {
        let status = self.status.ok_or(FormError::NoStatus)?;
        let percent = match self.percent.trim() {
            "" => None,
            p => Some(p.parse::<u8>().ok().filter(|v| *v <= 100).ok_or(FormError::BadPercent)?),
        };
        let at = match self.at.trim() {
            "" => now,
            typed => taizhang::clock::parse_at(typed, now, offset).ok_or(FormError::BadAt)?,
        };
        let kind = match &self.corrects {
            Some(of) => RecordKind::Correction { of: of.clone() },
            None => RecordKind::Progress,
        };
        let text = |t: &TextArea| {
            let s = t.lines().join("\n");
            let s = s.trim_end();
            (!s.trim().is_empty()).then(|| s.to_string())
        };
        Ok(Update {
            by,
            percent,
            note: text(&self.note),
            problems: text(&self.problems),
            next: text(&self.next),
            evidence: self.evidence_items(),
            kind,
            ..Update::new(&self.task, &self.unit, at, status)
        })
    }
}
