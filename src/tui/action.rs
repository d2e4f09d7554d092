//! What can happen to the TUI (actions, from keys, the mouse and finished work) and what the
//! loop must do in the world as a result (effects). `App::update` turns one into the other.

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyEvent;
use taizhang::ledger::{Expect, Update};

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
    /// Pasted (or IME-committed) text.
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
    ScrollUp,
    ScrollDown,
    /// A save finished.
    Saved(Result<Update, SaveError>),
    /// The clock moved on.
    Tick(DateTime<FixedOffset>),
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Someone saved this assignment since the form opened: their update.
    Stale(Box<Update>),
    /// Refused for another reason, with the message to show.
    Refused(String),
}

/// Something the loop must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Save { update: Box<Update>, expect: Box<Expect> },
    Quit,
}
