//! The rendered width of an element, kept up to date as it is resized: for drawings that lay out
//! their labels for the room they have (the timeline's and the what-if's day/month axes).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Widths are rounded to this many pixels, so a resize by a pixel or two re-lays out nothing.
pub const WIDTH_BUCKET_PX: f64 = 16.0;

/// Measures an element's width on mount and whenever it is resized (a `ResizeObserver`, and window
/// resizes), rounded to a bucket of [`WIDTH_BUCKET_PX`]; `default` until it is measured.
#[hook]
pub fn use_element_width(node: NodeRef, default: i32) -> i32 {
    let width = use_state_eq(|| default);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let measure = {
                let element = element.clone();
                move || {
                    let Some(element) = &element else {
                        return;
                    };
                    let measured = element.get_bounding_client_rect().width();
                    if measured.is_finite() && measured > 0.0 {
                        let bucketed = (measured / WIDTH_BUCKET_PX).round() * WIDTH_BUCKET_PX;
                        width.set(bucketed.max(WIDTH_BUCKET_PX) as i32);
                    }
                }
            };
            measure();
            let listener = Closure::<dyn Fn()>::new(measure);
            let observer = element
                .as_ref()
                .and_then(|element| observe_resizes(element, &listener));
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(observer) = observer {
                    call_method(&observer, "disconnect", None);
                }
                if let Some(window) = window {
                    let _ = window.remove_event_listener_with_callback(
                        "resize",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }
    *width
}

/// Starts a `ResizeObserver` on `element` that calls `callback`, if the browser has one.
fn observe_resizes(element: &Element, callback: &Closure<dyn Fn()>) -> Option<JsValue> {
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("ResizeObserver"))
            .ok()?
            .dyn_into()
            .ok()?;
    let observer =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(callback.as_ref())).ok()?;
    call_method(&observer, "observe", Some(element))?;
    Some(observer)
}

/// Calls `target.name(argument)`, ignoring a missing method.
pub(crate) fn call_method(
    target: &JsValue,
    name: &str,
    argument: Option<&JsValue>,
) -> Option<JsValue> {
    let method: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    match argument {
        Some(argument) => method.call1(target, argument).ok(),
        None => method.call0(target).ok(),
    }
}
