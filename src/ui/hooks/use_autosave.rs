//! Autosave: writes the document and the clock to `localStorage` after every change (at most once
//! a second while the clock plays).

use crate::engine::{ScenarioDoc, Time};
use crate::ui::i18n::{errors, trf, LocalText};
use crate::ui::state::Action;
use crate::ui::{autosave, browser};
use std::rc::Rc;
use yew::prelude::*;

/// Real milliseconds between saves while playing.
const PLAYING_SAVE_INTERVAL_MS: f64 = 1000.0;

/// What was saved last.
#[derive(Default)]
struct LastSave {
    /// The document saved (compared by identity: every change makes a new one).
    doc: Option<Rc<ScenarioDoc>>,
    /// When, in real milliseconds.
    at_ms: f64,
}

/// Keeps the autosave record up to date; `has_work` is false on a first visit, which saves
/// nothing. A failed save is reported once through `on_action`.
#[hook]
pub fn use_autosave(
    doc: Rc<ScenarioDoc>,
    now: Time,
    playing: bool,
    has_work: bool,
    on_action: Callback<Action>,
) {
    let last = use_mut_ref(LastSave::default);
    let failed = use_mut_ref(|| false);
    let doc_id = Rc::as_ptr(&doc) as usize;
    use_effect_with(
        (doc_id, now, playing, has_work),
        move |&(_, now, playing, has_work)| {
            let mut last = last.borrow_mut();
            let doc_changed = !last.doc.as_ref().is_some_and(|d| Rc::ptr_eq(d, &doc));
            let due = !playing
                || doc_changed
                || browser::now_ms() - last.at_ms >= PLAYING_SAVE_INTERVAL_MS;
            if has_work && due {
                match browser::storage_set(autosave::AUTOSAVE_KEY, &autosave::encode(&doc, now)) {
                    Ok(()) => *failed.borrow_mut() = false,
                    Err(reason) => {
                        if !std::mem::replace(&mut *failed.borrow_mut(), true) {
                            on_action.emit(Action::Notify(LocalText::new(|l| {
                                trf(
                                    l,
                                    "Your work is not being saved in this browser: {0}.",
                                    &[&errors::message(l, &reason)],
                                )
                            })));
                        }
                    }
                }
                last.doc = Some(doc);
                last.at_ms = browser::now_ms();
            }
        },
    );
}
