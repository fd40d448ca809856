//! Dismissing passing content (a tooltip) without moving onto it: Escape anywhere, or a touch or
//! click anywhere outside the element it belongs to. Hover content must be dismissible without
//! moving the pointer (WCAG 1.4.13), and a finger that tapped a glyph cannot move away from it.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, Node};
use yew::prelude::*;

/// Calls `on_dismiss`, for as long as `active`, when Escape is pressed or a pointer goes down
/// outside the element of `inside`.
#[hook]
pub fn use_dismiss(active: bool, inside: NodeRef, on_dismiss: Callback<()>) {
    use_effect_with(active, move |active| {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .filter(|_| *active);
        let listeners = document.map(|document| {
            let on_escape = on_dismiss.clone();
            let key = EventListener::new(&document, "keydown", move |event| {
                let key = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
                if key.as_deref() == Some("Escape") {
                    on_escape.emit(());
                }
            });
            let pointer = EventListener::new(&document, "pointerdown", move |event| {
                let target = event.target().and_then(|t| t.dyn_into::<Node>().ok());
                let within = inside
                    .get()
                    .is_some_and(|element| element.contains(target.as_ref()));
                if !within {
                    on_dismiss.emit(());
                }
            });
            (key, pointer)
        });
        move || drop(listeners)
    });
}
