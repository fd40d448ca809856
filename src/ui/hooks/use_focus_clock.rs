//! Sends the keyboard's focus to the clock when the view that had it goes away (the gallery, the
//! error banner, a finished exercise).

use crate::ui::browser::{focus_first, CLOCK_CONTROL};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How many times the focus is tried, [`RETRY_MS`] apart, before the fallback (the main content).
const TRIES: u32 = 25;
/// Between two tries, in milliseconds.
const RETRY_MS: u32 = 20;

/// A callback that asks for the focus to go to Play (or Pause), else the first ready scenario,
/// else the main content ([`CLOCK_CONTROL`]). It is tried after the render the request comes
/// with, then every 20 ms for half a second, as the control may need a render or two to appear
/// or be enabled again; the fallback only at the last try.
#[hook]
pub fn use_focus_clock() -> Callback<()> {
    let requested = use_mut_ref(|| false);
    let rerender = use_force_update();
    {
        let requested = requested.clone();
        use_effect(move || {
            if std::mem::take(&mut *requested.borrow_mut()) {
                try_focus(TRIES, 0);
            }
        });
    }
    use_callback((), move |(), ()| {
        *requested.borrow_mut() = true;
        rerender.force_update();
    })
}

fn try_focus(tries_left: u32, delay_ms: u32) {
    Timeout::new(delay_ms, move || {
        let focused = focus_first(CLOCK_CONTROL, tries_left <= 1);
        if !focused && tries_left > 1 {
            try_focus(tries_left - 1, RETRY_MS);
        }
    })
    .forget();
}
