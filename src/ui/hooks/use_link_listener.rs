//! Opens a `#scenario=` or `#exercise=` link pasted into the address bar of the running app
//! (`hashchange`).

use crate::ui::state::Action;
use crate::ui::workshop_state::WorkshopAction;
use crate::ui::{browser, share};
use gloo_events::EventListener;
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

#[cfg(test)]
mod tests {
    use super::*;

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
