//! Whether an element has been scrolled up out of the window (an `IntersectionObserver`): the
//! clock bar, so that a compact clock can stand in for it while it is out of sight.

use super::observer::{disconnect, observe};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

/// `true` while the element is wholly above the top of the window; `false` while any of it shows,
/// while it is below the window, and where the browser has no `IntersectionObserver`.
#[hook]
pub fn use_scrolled_past(node: NodeRef) -> bool {
    let past = use_state_eq(|| false);
    {
        let past = past.clone();
        use_effect_with(node, move |node| {
            let listener = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                // The latest entry says where the element is now.
                let entry = entries.get(entries.length().saturating_sub(1));
                if entry.is_undefined() {
                    return;
                }
                let intersecting = js_sys::Reflect::get(&entry, &"isIntersecting".into())
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(true);
                let above = js_sys::Reflect::get(&entry, &"boundingClientRect".into())
                    .ok()
                    .and_then(|rect| js_sys::Reflect::get(&rect, &"bottom".into()).ok())
                    .and_then(|bottom| bottom.as_f64())
                    .is_some_and(|bottom| bottom <= 0.0);
                past.set(!intersecting && above);
            });
            let observer = node
                .cast::<Element>()
                .and_then(|element| observe("IntersectionObserver", &element, listener.as_ref()));
            move || {
                if let Some(observer) = &observer {
                    disconnect(observer);
                }
                drop(listener);
            }
        });
    }
    *past
}
