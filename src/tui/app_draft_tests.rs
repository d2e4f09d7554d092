//! `App::update` and drafts: when the form's values are written as a draft and when the draft
//! is removed, the prompt that offers a draft back, and a restored draft's conflict check.

use taizhang::Lang;
use taizhang::ledger::draft::Draft;
use taizhang::ledger::{Expect, Status};

use super::tests::{app_with, now, upd};
use super::*;

fn app() -> App {
    app_with(vec![], "2022-06-01T09:00:00+08:00", Lang::Zh)
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().filter_map(|a| app.update(a)).collect()
}

fn autosave(app: &mut App) -> Option<Effect> {
    app.update(Action::Autosave(now("2022-06-01T09:10:00+08:00")))
}

fn draft(task: &str, note: &str, base_at: Option<&str>) -> Draft {
    Draft {
        task: task.into(),
        unit: "sczj".into(),
        saved_at: now("2022-05-31T18:00:00+08:00"),
        base_at: base_at.map(now),
        status: Some(Status::Blocked),
        corrects: None,
        at: String::new(),
        percent: "30".into(),
        note: note.into(),
        problems: "缺经费".into(),
        next: String::new(),
        evidence: String::new(),
    }
}

fn removed(task: &str) -> Effect {
    Effect::RemoveDraft { unit: "sczj".into(), task: task.into() }
}

#[test]
fn a_draft_is_written_when_the_values_changed_and_removed_when_saved() {
    let mut a = app();
    run(&mut a, [Action::Open]);
    assert_eq!(autosave(&mut a), None, "nothing typed, no draft");
    run(&mut a, [Action::Paste("正在起草".into())]);
    let Some(Effect::WriteDraft(d)) = autosave(&mut a) else { panic!("a draft is due") };
    assert_eq!((d.task.as_str(), d.note.as_str(), d.saved_at), ("1", "正在起草", now("2022-06-01T09:10:00+08:00")));
    assert_eq!(autosave(&mut a), None, "unchanged since the last draft");
    run(&mut a, [Action::Paste("，续".into()), Action::StatusNext]);
    assert!(matches!(autosave(&mut a), Some(Effect::WriteDraft(d)) if d.note == "正在起草，续" && d.status.is_some()));
    let effects = run(&mut a, [Action::Save]);
    let [Effect::Save { update, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(run(&mut a, [Action::Saved(Ok(update.clone()))]), [removed("1")]);
    assert_eq!(a.mode, Mode::List);
}

#[test]
fn discarding_removes_the_draft_and_undoing_every_change_too() {
    let mut a = app();
    run(&mut a, [Action::Open, Action::Paste("不要了".into())]);
    assert!(autosave(&mut a).is_some());
    assert_eq!(run(&mut a, [Action::Back, Action::ConfirmDiscard]), [removed("1")]);
    run(&mut a, [Action::Open, Action::Paste("x".into())]);
    assert!(autosave(&mut a).is_some());
    let backspace = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Backspace);
    run(&mut a, [Action::Edit(backspace)]);
    assert_eq!(autosave(&mut a), Some(removed("1")), "back to what the form opened with");
    assert!(run(&mut a, [Action::Back]).is_empty(), "no draft left to remove");
}

#[test]
fn a_left_draft_is_offered_when_its_form_opens() {
    let mut a = app();
    run(&mut a, [Action::DraftsLoaded { drafts: vec![draft("1", "昨天没保存的", None)], note: None }]);
    run(&mut a, [Action::Open]);
    assert_eq!(a.mode, Mode::Restore);
    assert_eq!(a.contexts(), [crate::tui::keymap::Ctx::Restore]);
    assert_eq!(autosave(&mut a), None, "no draft is written over the one offered");
    run(&mut a, [Action::RestoreDraft]);
    assert_eq!(a.mode, Mode::Form);
    let f = a.form.as_ref().unwrap();
    assert_eq!((f.status, f.percent.as_str()), (Some(Status::Blocked), "30"));
    assert_eq!((f.note.lines(), f.problems.lines()), (&["昨天没保存的".to_string()][..], &["缺经费".to_string()][..]));
    assert_eq!(autosave(&mut a), None, "the draft on disk already holds these values");
    let effects = run(&mut a, [Action::Save]);
    let [Effect::Save { update, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(run(&mut a, [Action::Saved(Ok(update.clone()))]), [removed("1")]);
}

#[test]
fn the_offer_can_be_discarded_or_left_for_later() {
    let mut a = app();
    run(&mut a, [Action::DraftsLoaded { drafts: vec![draft("1", "留着", None)], note: None }]);
    run(&mut a, [Action::Open, Action::Back]);
    assert_eq!((a.mode, a.drafts.len()), (Mode::List, 1), "Esc keeps the draft");
    run(&mut a, [Action::Open]);
    assert_eq!(run(&mut a, [Action::DropDraft]), [removed("1")]);
    assert_eq!(a.mode, Mode::Form);
    assert_eq!(a.form.as_ref().unwrap().note.lines(), [""], "the form as it would have opened");
    assert!(a.drafts.is_empty());
}

/// A draft typed before someone else's update: saving it shows the conflict instead of
/// silently going over their record.
#[test]
fn a_restored_draft_is_checked_against_the_record_it_was_typed_over() {
    let old = upd("1", "sczj", "2022-05-20T09:00:00+08:00", Status::InProgress, Some(20), "旧");
    let theirs = upd("1", "sczj", "2022-05-31T20:00:00+08:00", Status::InProgress, Some(50), "他人更新");
    for (base_at, expected) in [(Some("2022-05-20T09:00:00+08:00"), Some(old.clone())), (None, None)] {
        let mut a = app_with(vec![old.clone(), theirs.clone()], "2022-06-01T09:00:00+08:00", Lang::Zh);
        run(&mut a, [Action::DraftsLoaded { drafts: vec![draft("1", "我的草稿", base_at)], note: None }]);
        let effects = run(&mut a, [Action::Open, Action::RestoreDraft, Action::Save]);
        let [Effect::Save { expect, .. }] = effects.as_slice() else { panic!("{effects:?}") };
        assert_eq!(
            **expect,
            Expect::Latest(expected.map(Box::new)),
            "not their update, so the save is refused as stale"
        );
    }
}

#[test]
fn choosing_a_unit_asks_for_its_drafts_and_a_note_is_shown() {
    let p = tests::plan();
    let mut a = App::new(p, Ledger::default(), vec![], None, now("2022-06-01T09:00:00+08:00"), Lang::Zh);
    a.update(Action::PickUnit);
    for c in "财政".chars() {
        a.update(Action::Type(c));
    }
    assert_eq!(run(&mut a, [Action::Open]), [Effect::LoadDrafts { unit: "sczj".into() }]);
    run(&mut a, [Action::DraftsLoaded { drafts: vec![], note: Some("草稿文件 x 无法使用，已忽略".into()) }]);
    assert_eq!(a.message.as_deref(), Some("草稿文件 x 无法使用，已忽略"));
}
