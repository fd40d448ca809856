//! Autosave: writes the document, the clock, the trainer's draft exercise and a trainee's exercise
//! in progress to `localStorage` after every change (at most once a second while the clock plays),
//! and the same record to the tab's `sessionStorage`, so a reload restores this tab's own work
//! even when another tab of the app has saved since (a new tab starts from the latest of all).

use crate::engine::{ScenarioDoc, Time};
use crate::ui::i18n::{errors, trf, LocalText};
use crate::ui::sim::SimRef;
use crate::ui::state::Action;
use crate::ui::workshop_state::{Draft, Phase, Session};
use crate::ui::{autosave, browser};
use std::rc::Rc;
use yew::prelude::*;

/// Real milliseconds between saves while playing.
const PLAYING_SAVE_INTERVAL_MS: f64 = 1000.0;

/// What was saved last (the document and the draft compared by identity: every change makes
/// new ones).
#[derive(Default)]
struct LastSave {
    doc: Option<Rc<ScenarioDoc>>,
    draft: Option<Rc<Draft>>,
    /// The trainee's progress saved.
    progress: Option<(usize, usize, Phase)>,
    /// When, in real milliseconds.
    at_ms: f64,
}

/// What the autosave keeps.
pub struct Work {
    /// The document as edited.
    pub doc: Rc<ScenarioDoc>,
    /// The virtual clock.
    pub now: Time,
    /// The trainer's exercise in the making.
    pub draft: Rc<Draft>,
    /// The trainee's exercise, if one is open.
    pub session: Option<Session>,
    /// While the document has errors: the last valid simulation (its scenario is saved too).
    pub last_valid: Option<SimRef>,
}

/// Keeps the autosave record of the `work` up to date. `has_work` is false on a first visit,
/// which saves nothing. A failed save is reported once through `on_action`.
#[hook]
pub fn use_autosave(work: Work, playing: bool, has_work: bool, on_action: Callback<Action>) {
    let Work {
        doc,
        now,
        draft,
        session,
        last_valid,
    } = work;
    let last = use_mut_ref(LastSave::default);
    let failed = use_mut_ref(|| false);
    let ids = (Rc::as_ptr(&doc) as usize, Rc::as_ptr(&draft) as usize);
    // A trainee's progress: the exercise, how many answers, and where in the question.
    let progress: Option<(usize, usize, Phase)> = session.as_ref().map(|session| {
        (
            Rc::as_ptr(&session.exercise) as usize,
            session.given.len(),
            session.phase,
        )
    });
    use_effect_with(
        (ids, progress, now, playing, has_work),
        move |&(_, progress, now, playing, has_work)| {
            let mut last = last.borrow_mut();
            let changed = !last.doc.as_ref().is_some_and(|d| Rc::ptr_eq(d, &doc))
                || !last.draft.as_ref().is_some_and(|d| Rc::ptr_eq(d, &draft))
                || last.progress != progress;
            let due =
                !playing || changed || browser::now_ms() - last.at_ms >= PLAYING_SAVE_INTERVAL_MS;
            if has_work && due {
                let trainee = session.as_ref().map(Session::trainee);
                let valid = last_valid.as_ref().map(|sim| sim.scenario.to_doc());
                let record = autosave::encode(&doc, now, &draft, trainee.as_ref(), valid.as_ref());
                // (The tab's copy is a convenience: the shared record's result is what is said.)
                let _ = browser::tab_storage_set(autosave::AUTOSAVE_KEY, &record);
                match browser::storage_set(autosave::AUTOSAVE_KEY, &record) {
                    Ok(()) => *failed.borrow_mut() = false,
                    Err(reason) => {
                        if !std::mem::replace(&mut *failed.borrow_mut(), true) {
                            // In the error banner, which stays until dismissed: a notice goes
                            // with the next step, and this is said only once per failure.
                            on_action.emit(Action::ReportError(LocalText::new(|l| {
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
                last.draft = Some(draft);
                last.progress = progress;
                last.at_ms = browser::now_ms();
            }
        },
    );
}
