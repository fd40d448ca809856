//! The rendered width of an element, kept up to date as it is resized: for drawings that lay out
//! their labels for the room they have (the timeline's and the what-if's day/month axes).

use super::observer::{disconnect, observe};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Widths are rounded to this many pixels, so a resize by a pixel or two re-lays out nothing.
pub const WIDTH_BUCKET_PX: f64 = 16.0;

/// Measures an element's width on mount and whenever it is resized (a `ResizeObserver`, and window
/// resizes), rounded to a bucket of [`WIDTH_BUCKET_PX`]; `default` until it is measured. While the
/// page is printed, `printed` when given: a browser lays the printed page out without running
/// observers, and only what `beforeprint` changes reaches the paper (`afterprint` measures again).
#[hook]
pub fn use_element_width(node: NodeRef, default: i32, printed: Option<i32>) -> i32 {
    let width = use_state_eq(|| default);
    {
        let width = width.clone();
        use_effect_with((node, printed), move |(node, printed)| {
            let printed = *printed;
            let element = node.cast::<Element>();
            let measure = {
                let element = element.clone();
                let width = width.clone();
                move || {
                    let Some(element) = &element else {
                        return;
                    };
                    // Layout pixels, as the drawings' viewBoxes are: under a `zoom` (the printed
                    // page's) the on-screen rectangle is smaller, and marks drawn for it stretch.
                    let measured = f64::from(element.client_width());
                    if measured > 0.0 {
                        let bucketed = (measured / WIDTH_BUCKET_PX).round() * WIDTH_BUCKET_PX;
                        width.set(bucketed.max(WIDTH_BUCKET_PX) as i32);
                    }
                }
            };
            measure();
            let before_print = {
                let width = width.clone();
                Closure::<dyn Fn()>::new(move || {
                    if let Some(printed) = printed {
                        width.set(printed);
                    }
                })
            };
            let listener = Closure::<dyn Fn()>::new(measure);
            let observer = element
                .as_ref()
                .and_then(|element| observe("ResizeObserver", element, listener.as_ref()));
            let window = web_sys::window();
            if let Some(window) = &window {
                for (event, callback) in [
                    ("resize", &listener),
                    ("afterprint", &listener),
                    ("beforeprint", &before_print),
                ] {
                    let _ = window
                        .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(observer) = &observer {
                    disconnect(observer);
                }
                if let Some(window) = window {
                    for (event, callback) in [
                        ("resize", &listener),
                        ("afterprint", &listener),
                        ("beforeprint", &before_print),
                    ] {
                        let _ = window.remove_event_listener_with_callback(
                            event,
                            callback.as_ref().unchecked_ref(),
                        );
                    }
                }
                drop(listener);
                drop(before_print);
            }
        });
    }
    *width
}
