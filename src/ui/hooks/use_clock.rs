//! Runs the virtual clock: while playing, one `Tick` per animation frame with the real time since
//! the previous frame. The frame loop lives only here; the state holds just the instant.

use gloo_render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The pending frame of a running loop; dropping it stops the loop.
type FrameSlot = Rc<RefCell<Option<AnimationFrame>>>;

/// Calls `on_tick` with the real milliseconds between animation frames while `playing`.
#[hook]
pub fn use_clock(playing: bool, on_tick: Callback<f64>) {
    use_effect_with(playing, move |&playing| {
        let slot: FrameSlot = Rc::default();
        if playing {
            next_frame(Rc::clone(&slot), None, on_tick);
        }
        move || {
            slot.borrow_mut().take();
        }
    });
}

/// Asks for the next frame; on it, reports the time since `previous` and asks again.
fn next_frame(slot: FrameSlot, previous: Option<f64>, on_tick: Callback<f64>) {
    let loop_slot = Rc::clone(&slot);
    let frame = request_animation_frame(move |timestamp| {
        if let Some(previous) = previous {
            on_tick.emit(timestamp - previous);
        }
        // Yew handles the tick later (its scheduler runs in a microtask), so it is the effect's
        // clean-up, not this call, that ends the loop: it empties the slot, which cancels the
        // frame asked for below. An empty slot here is only a safeguard.
        if loop_slot.borrow().is_some() {
            next_frame(loop_slot, Some(timestamp), on_tick);
        }
    });
    *slot.borrow_mut() = Some(frame);
}
