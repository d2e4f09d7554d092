//! What can happen to the TUI (actions, from keys, the mouse and finished work) and what the
//! loop must do in the world as a result (effects). `App::update` turns one into the other.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyEvent;
use taizhang::ledger::draft::Draft;
use taizhang::ledger::{Expect, Ledger, Update};
use taizhang::report::Options;

use crate::front::render::Format;
use crate::tui::lead::{Ask, Built};

/// Something that happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Open the form on the selected assignment (or pick the selected unit).
    Open,
    Quit,
    ToggleHelp,
    CycleFilter,
    CycleSort,
    StartSearch,
    /// A character typed into the search or picker line.
    Type(char),
    Backspace,
    /// Finish typing into the search line.
    Accept,
    /// Leave the current mode (close help, clear search, cancel the form, …).
    Back,
    NextField,
    PrevField,
    StatusPrev,
    StatusNext,
    PercentUp,
    PercentDown,
    Save,
    /// A key for the focused text field.
    Edit(KeyEvent),
    /// Pasted or IME-committed text, or a run of keys typed faster than the screen is drawn
    /// (the loop joins them).
    Paste(String),
    /// Answers in the discard and conflict prompts.
    ConfirmDiscard,
    KeepEditing,
    ApplyAnyway,
    DropMine,
    /// A mouse click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel at a screen cell: the detail pane under it scrolls, else the list.
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    /// Scroll the detail pane of the selected assignment, by a few lines or by a page.
    DetailUp,
    DetailDown,
    DetailPageUp,
    DetailPageDown,
    /// A save finished.
    Saved(Result<Box<Update>, SaveError>),
    /// A save has waited a second for the unit's lock: whom it waits for.
    Waiting(String),
    /// The clock moved on.
    Tick(DateTime<FixedOffset>),
    /// About a second has passed (or the program must end): time to keep a draft of the form.
    Autosave(DateTime<FixedOffset>),
    /// The operator's drafts of the chosen unit, and why a draft file was ignored.
    DraftsLoaded {
        drafts: Vec<Draft>,
        note: Option<String>,
    },
    /// Writing or removing a draft failed: why.
    DraftFailed(String),
    /// The other units' records, read in the background.
    LedgerLoaded(Delivery),
    /// Answers in the restore prompt.
    RestoreDraft,
    DropDraft,
    /// A key or text the restore prompt does not take (typing meant for the form): not typed
    /// anywhere; the prompt says to answer it first.
    Unanswered,
    /// 本期无新进展 on the selected assignment: asks first.
    AskNoChange,
    /// The selected assignment's records, to correct or withdraw one.
    OpenRecords,
    /// Correct the record selected in the records popup.
    CorrectRecord,
    /// Withdraw the record selected in the records popup: asks first.
    AskWithdraw,
    /// Answers in the no-change and withdraw prompts.
    Confirm,
    Cancel,
    /// Lead view: the previous or next period, or period N (1-based).
    PrevPeriod,
    NextPeriod,
    ShowPeriod(usize),
    /// Lead view: move to the next list (units, overdue, chase).
    NextPane,
    /// Lead view: the tasks × units matrix.
    OpenMatrix,
    /// Lead view: the lists show what changed since the previous period, or not.
    ToggleChanges,
    /// The matrix: every unit's state on the task under the cursor.
    OpenTask,
    /// The matrix: one column left or right.
    Left,
    Right,
    /// Open the unit picker (to record as a unit).
    PickUnit,
    /// Choose the format to write the lead's summary in (a unit's list: the unit's report).
    AskExport,
    /// Write the shown period's summary in this format (a unit's list: the unit's report for
    /// the current period).
    Export(Format),
    /// Write the chase list, as text and as CSV.
    WriteChase,
    /// A ledger file changed on disk.
    LedgerChanged,
    /// Files written (full paths), or why not.
    Exported(Result<Vec<String>, String>),
    /// The lead view's summary, worked out on another thread.
    Summarized(Summarized),
}

/// A lead summary worked out in the background; shared, equal only to itself.
#[derive(Debug, Clone)]
pub struct Summarized(pub Arc<Built>);

impl PartialEq for Summarized {
    fn eq(&self, other: &Summarized) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What a background read of the ledger found: the current state of every other unit's
/// assignments and the units whose file could not be read (index, why), or why nothing could
/// be read. Shared, not copied; two deliveries are equal only when they are the same one.
#[derive(Debug, Clone)]
pub struct Delivery(pub Arc<Result<Arrived, String>>);

/// Other units' states, and the units whose file could not be read (index, why).
pub type Arrived = (Ledger, Vec<(usize, String)>);

impl PartialEq for Delivery {
    fn eq(&self, other: &Delivery) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Someone saved this assignment since the form opened: their update.
    Stale(Box<Update>),
    /// Refused for another reason, with the message to show.
    Refused(String),
    /// Not saved: these evidence items (index among the update's items, the item) are neither
    /// a web address nor an existing path. Saved unchanged, they are saved as they are.
    Evidence(Vec<(usize, String)>),
}

/// Something the loop must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Save {
        update: Box<Update>,
        expect: Box<Expect>,
        /// Check first that each evidence item is a web address or an existing path.
        check_evidence: bool,
    },
    Quit,
    /// Read every unit's records but `skip`'s, in the background (answered with
    /// `LedgerLoaded`).
    LoadLedger {
        skip: Option<usize>,
        now: DateTime<FixedOffset>,
        /// Every record (the lead view reports on any period), not only the states as of `now`.
        full: bool,
    },
    /// Read the operator's drafts of this unit (answered with `DraftsLoaded`).
    LoadDrafts {
        unit: String,
    },
    /// Write (or replace) the operator's draft of an assignment.
    WriteDraft(Box<Draft>),
    /// Remove the operator's draft of an assignment.
    RemoveDraft {
        unit: String,
        task: String,
    },
    /// Write a report: the lead's, or a unit's (answered with `Exported`).
    Export(Box<Job>),
    /// Watch the ledger directory, saying when a file in it changes (`LedgerChanged`).
    Watch,
    /// Work out the lead view's summary on another thread (answered with `Summarized`).
    Summarize(Box<Summary>),
}

/// A lead summary to work out, from the ledger as the view has it (shared, not copied).
#[derive(Debug, Clone)]
pub struct Summary {
    pub ask: Ask,
    pub ledger: Arc<Ledger>,
}

impl PartialEq for Summary {
    fn eq(&self, other: &Summary) -> bool {
        self.ask == other.ask && Arc::ptr_eq(&self.ledger, &other.ledger)
    }
}

/// What the interface writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The lead view's summary of the shown period.
    Summary(Format),
    /// The lead view's chase list.
    Chase,
    /// A unit's report (报送) for the current period.
    Unit(Format),
}

/// A report to write: what, for which period and cut-off, from the ledger as the lead view has
/// it (shared, not copied). Two jobs are equal when they would write the same thing.
#[derive(Debug, Clone)]
pub struct Job {
    pub what: Written,
    pub options: Options,
    pub ledger: Arc<Ledger>,
}

impl PartialEq for Job {
    fn eq(&self, other: &Job) -> bool {
        self.what == other.what && self.options == other.options && Arc::ptr_eq(&self.ledger, &other.ledger)
    }
}
