//! Escape pressed anywhere on the page, while some passing content is shown (a tooltip): hover
//! content must be dismissible without moving the pointer (WCAG 1.4.13).

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Calls `on_escape` when Escape is pressed, for as long as `active`.
#[hook]
pub fn use_escape(active: bool, on_escape: Callback<()>) {
    use_effect_with(active, move |active| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = document.filter(|_| *active).map(|document| {
            EventListener::new(&document, "keydown", move |event| {
                let key = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
                if key.as_deref() == Some("Escape") {
                    on_escape.emit(());
                }
            })
        });
        move || drop(listener)
    });
}
