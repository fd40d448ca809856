//! The browser's element observers (`ResizeObserver`, `IntersectionObserver`), reached by name so
//! that a browser without one simply goes without what the hook measures.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Starts a `new <kind>(callback)` observer on `element` (`kind`: `"ResizeObserver"` or
/// `"IntersectionObserver"`, with the window as its root); `None` where the browser has none.
/// Stop it with [`disconnect`].
pub fn observe(kind: &str, element: &Element, callback: &JsValue) -> Option<JsValue> {
    let constructor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &kind.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let observer = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(callback)).ok()?;
    call_method(&observer, "observe", Some(element))?;
    Some(observer)
}

/// Stops an observer [`observe`] started.
pub fn disconnect(observer: &JsValue) {
    call_method(observer, "disconnect", None);
}

/// Calls `target.name(argument)`, ignoring a missing method.
fn call_method(target: &JsValue, name: &str, argument: Option<&JsValue>) -> Option<JsValue> {
    let method: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    match argument {
        Some(argument) => method.call1(target, argument).ok(),
        None => method.call0(target).ok(),
    }
}
