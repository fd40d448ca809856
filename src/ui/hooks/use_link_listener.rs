//! Opens a `#scenario=` link pasted into the address bar of the running app (`hashchange`).

use crate::ui::state::Action;
use crate::ui::{browser, share};
use gloo_events::EventListener;
use yew::prelude::*;

/// Dispatches [`Action::OpenLink`] whenever the address's fragment becomes a share link.
#[hook]
pub fn use_link_listener(on_action: Callback<Action>) {
    use_effect_with((), move |()| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                let hash = browser::location_hash();
                if let Some(payload) = share::payload_of(&hash) {
                    on_action.emit(Action::OpenLink(payload.to_string()));
                }
            })
        });
        move || drop(listener)
    });
}
