//! Opens a `#scenario=` or `#exercise=` link pasted into the address bar of the running app
//! (`hashchange`), and drops a link from the address once the work has moved on from it.

use crate::engine::ScenarioDoc;
use crate::ui::state::Action;
use crate::ui::workshop_state::WorkshopAction;
use crate::ui::{browser, share};
use gloo_events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// The action an address fragment stands for: a share link opens its scenario, an exercise link
/// its exercise; any other fragment, nothing.
pub fn link_action(hash: &str) -> Option<Action> {
    if let Some(payload) = share::payload_of(hash) {
        return Some(Action::OpenLink(payload.to_string()));
    }
    crate::workshop::exercise::payload_of(hash)
        .map(|payload| Action::Workshop(WorkshopAction::OpenLink(payload.to_string())))
}

/// Dispatches the [`link_action`] of the address's fragment whenever it changes.
#[hook]
pub fn use_link_listener(on_action: Callback<Action>) {
    use_effect_with((), move |()| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                if let Some(action) = link_action(&browser::location_hash()) {
                    on_action.emit(action);
                }
            })
        });
        move || drop(listener)
    });
}

/// Whether the address fragment `hash` no longer describes the work, so that a reload would
/// replace the autosaved work with what it links to: a `#scenario=` link to another document, or
/// an `#exercise=` link while no exercise is open (it was left, or finished and then edited).
pub fn is_stale_link(hash: &str, doc: &ScenarioDoc, exercise_open: bool) -> bool {
    if let Some(payload) = share::payload_of(hash) {
        return share::decode(payload).ok().as_ref() != Some(doc);
    }
    crate::workshop::exercise::payload_of(hash).is_some() && !exercise_open
}

/// Clears the address's fragment whenever the document or the exercise changes and the link there
/// [`is_stale_link`].
#[hook]
pub fn use_forget_stale_link(doc: Rc<ScenarioDoc>, exercise_open: bool) {
    let doc_id = Rc::as_ptr(&doc) as usize;
    use_effect_with((doc_id, exercise_open), move |&(_, exercise_open)| {
        if is_stale_link(&browser::location_hash(), &doc, exercise_open) {
            let _ = browser::clear_fragment();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_stale_once_the_work_moved_on() {
        let doc = |name: &str| {
            let mut doc = crate::ui::scenarios::blank_doc();
            doc.name = Some(name.to_string());
            doc
        };
        let shared = share::fragment(&doc("shared"));
        let exercise = "#exercise=eyJ9";
        // fragment, current document, exercise open, stale
        let cases = [
            (shared.as_str(), doc("shared"), false, false),
            (shared.as_str(), doc("edited"), false, true),
            ("#scenario=%%%", doc("shared"), false, true),
            (exercise, doc("shared"), true, false),
            (exercise, doc("shared"), false, true),
            ("", doc("shared"), false, false),
            ("#other", doc("shared"), false, false),
        ];
        for (hash, doc, open, stale) in cases {
            assert_eq!(
                is_stale_link(hash, &doc, open),
                stale,
                "{hash:?} {:?}",
                doc.name
            );
        }
    }

    #[test]
    fn fragments_open_what_they_link_to() {
        let scenario = |p: &str| Some(Action::OpenLink(p.to_string()));
        let exercise = |p: &str| Some(Action::Workshop(WorkshopAction::OpenLink(p.to_string())));
        // fragment, action
        let cases = [
            ("#scenario=abc", scenario("abc")),
            ("#exercise=abc", exercise("abc")),
            ("#scenario=", scenario("")),
            ("#other=abc", None),
            ("", None),
            ("#", None),
        ];
        for (hash, expected) in cases {
            assert_eq!(link_action(hash), expected, "{hash:?}");
        }
    }
}
