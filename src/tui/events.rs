//! Terminal events to actions: the keymap first, then text for the field or line that has focus.
//! A run of characters typed into the form becomes one `Action::Paste`, so a burst of keys (a
//! paste without bracketed paste, an input method committing a phrase, a slow link catching up)
//! costs one insertion and one redraw, however long the text already is.

use std::collections::VecDeque;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::Action;
use super::app::{App, Mode};
use super::keymap::lookup;

/// The next action from the front of `events`, consuming the events it came from.
pub fn next(app: &App, events: &mut VecDeque<Event>) -> Option<Action> {
    while let Some(ev) = events.pop_front() {
        let Some(action) = to_action(app, &ev) else { continue };
        let Some(c) = typed(&action) else { return Some(action) };
        // Typing changes neither the mode nor the focus, so the events after it mean for the
        // app what they will mean once the text before them is in.
        let mut text = String::from(c);
        while let Some(c) = events.front().and_then(|e| to_action(app, e)).as_ref().and_then(typed) {
            text.push(c);
            events.pop_front();
        }
        return Some(if text.len() == c.len_utf8() { action } else { Action::Paste(text) });
    }
    None
}

/// The character a form key types into its field: a plain character, or Enter as a line break.
fn typed(action: &Action) -> Option<char> {
    let Action::Edit(k) = action else { return None };
    if k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
        return None;
    }
    match k.code {
        KeyCode::Char(c) => Some(c),
        KeyCode::Enter => Some('\n'),
        _ => None,
    }
}

/// Turns a terminal event into an action: the keymap first, then text input for the field or
/// line that has focus.
fn to_action(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if let Some(a) = lookup(&app.contexts(), k) {
                return Some(a);
            }
            let plain = !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match (app.mode, k.code) {
                (Mode::Picker, KeyCode::Char(c)) if plain && !app.help => Some(Action::Type(c)),
                (Mode::List, KeyCode::Char(c)) if plain && app.list.searching => Some(Action::Type(c)),
                (Mode::Form, _) if !app.help => Some(Action::Edit(*k)),
                (Mode::Restore, KeyCode::Char(_)) if !app.help => Some(Action::Unanswered),
                _ => None,
            }
        }
        Event::Paste(s) => match app.mode {
            Mode::Form => Some(Action::Paste(s.clone())),
            Mode::Restore => Some(Action::Unanswered),
            Mode::Picker | Mode::List => s.chars().find(|c| !c.is_control()).map(Action::Type),
            _ => None,
        },
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: m.column, row: m.row }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp { column: m.column, row: m.row }),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown { column: m.column, row: m.row }),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyEvent;
    use taizhang::Lang;

    use super::*;
    use crate::tui::app::tests::app_with;

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    fn chars(s: &str) -> impl Iterator<Item = Event> + '_ {
        s.chars().map(|c| key(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn a_run_of_typed_keys_is_one_insertion_and_keys_after_it_still_count() {
        let mut app = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
        app.update(Action::Open);
        let mut events: VecDeque<Event> = chars("已发布").collect();
        events.push_back(key(KeyCode::Enter, KeyModifiers::NONE));
        events.extend(chars("abc"));
        events.push_back(key(KeyCode::Char('s'), KeyModifiers::CONTROL));
        events.extend(chars("后"));
        assert_eq!(next(&app, &mut events), Some(Action::Paste("已发布\nabc".into())));
        assert_eq!(next(&app, &mut events), Some(Action::Save));
        let Some(Action::Edit(k)) = next(&app, &mut events) else { panic!("one key stays an edit") };
        assert_eq!(k.code, KeyCode::Char('后'));
        assert_eq!(next(&app, &mut events), None);
    }

    #[test]
    fn keys_outside_the_form_are_not_joined() {
        let app = app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh);
        let mut events: VecDeque<Event> = chars("jj").collect();
        assert_eq!(next(&app, &mut events), Some(Action::Down));
        assert_eq!(events.len(), 1);
    }
}
