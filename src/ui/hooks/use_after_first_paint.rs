//! Progressive start-up: the app first renders its frame (header, clock bar), and the heavy parts
//! of the lab (timeline, panels, editor) a moment later, once that frame has been painted.

use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What is pending until the first paint: the frame callback, then the task after it.
#[derive(Default)]
struct Pending {
    frame: Option<AnimationFrame>,
    task: Option<Timeout>,
}

/// False on the first render; true from the task after the first painted frame (the next
/// animation frame, then a task queued from it, so the browser paints in between). Dropping the
/// component cancels what is pending.
#[hook]
pub fn use_after_first_paint() -> bool {
    let painted = use_state_eq(|| false);
    {
        let setter = painted.setter();
        use_effect_with((), move |()| {
            let pending: Rc<RefCell<Pending>> = Rc::default();
            let in_frame = Rc::clone(&pending);
            let frame = request_animation_frame(move |_| {
                let task = Timeout::new(0, move || setter.set(true));
                in_frame.borrow_mut().task = Some(task);
            });
            pending.borrow_mut().frame = Some(frame);
            move || {
                let mut pending = pending.borrow_mut();
                pending.frame.take();
                pending.task.take();
            }
        });
    }
    *painted
}
