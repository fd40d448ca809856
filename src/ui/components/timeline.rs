//! The timeline: one lane per tier × resource with state bands, event markers, an axis and the cursor.
//!
//! Everything drawn comes from the traces: bands from [`Trace::state_spans`], markers from the
//! events, the lane states from [`Trace::status_at`]. The drawing (`geometry`) is memoized on the
//! simulation (and the track's width). Moving the clock re-renders the timeline's frame (cursor,
//! slider, tier rows) but not the lanes' bands and markers (`parts`): a lane's body re-renders
//! only when its state changes. `tooltip` names the glyph under the pointer.
//!
//! [`Trace::state_spans`]: crate::engine::Trace::state_spans
//! [`Trace::status_at`]: crate::engine::Trace::status_at

mod geometry;
mod parts;
#[cfg(test)]
mod tests;
mod tooltip;

pub use geometry::MARKER_MERGE_PX;

use crate::engine::Time;
use crate::ui::hooks::{use_dismiss, use_element_width};
use crate::ui::i18n::format::{minute, offset as offset_label, second};
use crate::ui::i18n::{tr, trf, use_lang};
use crate::ui::sim::SimRef;
use crate::ui::text::{fraction, percent, slider_step_secs, time_at_fraction};
use geometry::{geometry, Geometry};
use parts::{Axis, Grid, Labels, Lane, Legend, SvgDefinitions, TierRow};
use std::rc::Rc;
use tooltip::{tip_at, tip_html, Tip};
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,
    /// Called when the user clicks, taps, drags or slides the clock somewhere.
    pub on_seek: Callback<Seek>,
    /// Whether the clock is running (the slider's spoken time then waits for a pause).
    #[prop_or_default]
    pub playing: bool,
    /// Whether a workshop question locks the clock: the slider is then disabled, as the clock
    /// bar's controls are (a click or drag on the track is refused, and says why).
    #[prop_or_default]
    pub locked: bool,
}

/// How the user moves the clock on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seek {
    /// A click, a tap or a glyph: to this instant.
    To(Time),
    /// A step of a drag (pointer or slider): to this instant, said when the drag ends.
    Drag(Time),
    /// The drag ended (pointer lifted or lost, the slider's change).
    DragEnd,
}

/// The width assumed until the track has been measured, in pixels.
const DEFAULT_TRACK_WIDTH: i32 = 800;
/// The track's width on a printed A4 page, in layout pixels: 190 mm of paper (A4 less the 10 mm
/// margins of `print.css`) at its zoom of 0.64 is 1122 px, less the tier labels and the card's
/// padding (148 px). An e2e test checks it against the print layout; Letter is 3% wider.
const PRINTED_TRACK_WIDTH: i32 = 976;

/// Timeline of every tier and resource: bands per state (colour, pattern and label), markers, a
/// day/month axis, the clock's cursor, pointer scrubbing and a keyboard slider.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let TimelineProps {
        sim,
        now,
        on_seek,
        playing,
        locked,
    } = props;
    let track_ref = use_node_ref();
    let width = use_element_width(
        track_ref.clone(),
        DEFAULT_TRACK_WIDTH,
        Some(PRINTED_TRACK_WIDTH),
    );
    let lang = use_lang();
    let previous = use_mut_ref(|| None::<Rc<Geometry>>);
    let geometry = {
        let previous = previous.clone();
        use_memo((sim.clone(), width, lang), move |(sim, width, lang)| {
            geometry(sim, f64::from(*width), *lang, previous.borrow().as_deref())
        })
    };
    *previous.borrow_mut() = Some(geometry.clone());
    let dragging = use_mut_ref(|| false);
    let tip = use_state_eq(|| None::<Tip>);
    // (Made once, not at every frame of play: the handle's `set` reaches the state from any render.)
    let hide_tip = {
        let tip = tip.clone();
        use_callback((), move |(), ()| tip.set(None))
    };
    use_dismiss(tip.is_some(), track_ref.clone(), hide_tip);
    let (start, end) = (geometry.start, geometry.end);
    // The slider's spoken time is not rewritten every frame while playing: a screen reader on the
    // slider would read it out without end. Like "Go to time", it catches up on a pause.
    let spoken = use_mut_ref(|| *now);
    if !*playing {
        *spoken.borrow_mut() = *now;
    }
    let spoken = second(lang, *spoken.borrow());

    // Callbacks
    // To the event of `glyph` (under the pointer) exactly; without one, to the time under the
    // pointer.
    let seek_to_pointer = {
        let (track_ref, geometry) = (track_ref.clone(), geometry.clone());
        let on_seek = on_seek.clone();
        // `drag`: a step of a drag, said once it ends.
        Rc::new(
            move |event: &PointerEvent, glyph: Option<Tip>, drag: bool| {
                if let Some(at) = glyph.and_then(|tip| geometry.instant_of(tip)) {
                    on_seek.emit(Seek::To(at));
                    return;
                }
                let Some(track) = track_ref.cast::<Element>() else {
                    return;
                };
                let rect = track.get_bounding_client_rect();
                if rect.width() > 0.0 {
                    let f = (f64::from(event.client_x()) - rect.left()) / rect.width();
                    let at = time_at_fraction(start, end, f);
                    on_seek.emit(if drag { Seek::Drag(at) } else { Seek::To(at) });
                }
            },
        )
    };
    // A finger that goes down may be starting a scroll of the page: nothing moves until it drags
    // sideways (scrubbing) or lifts where it went down (a tap). The browser takes vertical swipes
    // (`touch-action: pan-y`) and cancels the pointer.
    let pending_tap = use_mut_ref(|| None::<TouchStart>);
    let onpointerdown = {
        let (track_ref, dragging, seek, tip) = (
            track_ref.clone(),
            dragging.clone(),
            seek_to_pointer.clone(),
            tip.clone(),
        );
        let (pending_tap, geometry) = (pending_tap.clone(), geometry.clone());
        Callback::from(move |event: PointerEvent| {
            if event.button() != 0 {
                return;
            }
            if is_touch(&event) {
                *pending_tap.borrow_mut() = Some(TouchStart::of(&event));
                return;
            }
            tip.set(None);
            event.prevent_default();
            capture(&track_ref, &event);
            *dragging.borrow_mut() = true;
            seek(&event, tip_at(&event, &track_ref, &geometry), false);
        })
    };
    let onpointermove = {
        let (dragging, seek, tip) = (dragging.clone(), seek_to_pointer.clone(), tip.clone());
        let (track_ref, geometry, pending_tap) =
            (track_ref.clone(), geometry.clone(), pending_tap.clone());
        Callback::from(move |event: PointerEvent| {
            let down_at = *pending_tap.borrow();
            if let Some(start) = down_at {
                // Another finger is not this one's drag.
                if start.pointer != event.pointer_id() {
                    return;
                }
                // Sideways past the slop: the finger scrubs from here on.
                if f64::from((event.client_x() - start.x).abs()) <= TAP_SLOP_PX {
                    return;
                }
                *pending_tap.borrow_mut() = None;
                capture(&track_ref, &event);
                *dragging.borrow_mut() = true;
                tip.set(None);
            }
            if *dragging.borrow() {
                seek(&event, None, true);
            } else if event.pointer_type() == "mouse" {
                tip.set(tip_at(&event, &track_ref, &geometry));
            }
        })
    };
    // The end of a drag, whichever way it ends (said once, where the clock went).
    let end_drag = {
        let (dragging, on_seek) = (dragging.clone(), on_seek.clone());
        Rc::new(move || {
            if std::mem::replace(&mut *dragging.borrow_mut(), false) {
                on_seek.emit(Seek::DragEnd);
            }
        })
    };
    let onpointerup = {
        let (end_drag, seek, tip) = (end_drag.clone(), seek_to_pointer, tip.clone());
        let (track_ref, geometry, pending_tap) =
            (track_ref.clone(), geometry.clone(), pending_tap.clone());
        Callback::from(move |event: PointerEvent| {
            end_drag();
            let Some(start) = pending_tap.borrow_mut().take() else {
                return;
            };
            // Lifted where it went down (not after a vertical move the browser left alone).
            if start.pointer != event.pointer_id() || !start.is_near(&event) {
                return;
            }
            // A tap: a finger cannot hover, so it names the glyph under it and goes to its
            // event; elsewhere, to the time under it.
            let found = tip_at(&event, &track_ref, &geometry);
            tip.set(found);
            seek(&event, found, false);
        })
    };
    let onpointerleave = {
        let tip = tip.clone();
        // A lifted finger leaves too: its tap's tooltip stays until the next touch.
        Callback::from(move |event: PointerEvent| {
            if !is_touch(&event) {
                tip.set(None);
            }
        })
    };
    let stop_dragging = Callback::from(move |_: PointerEvent| {
        end_drag();
        *pending_tap.borrow_mut() = None;
    });
    // The track's own capture lost ends a drag. (A finger's implicit capture by the element it
    // touched is lost too, when a sideways drag moves it to the track: that one goes on.)
    let onlostpointercapture = {
        let (stop_dragging, track_ref) = (stop_dragging.clone(), track_ref.clone());
        Callback::from(move |event: PointerEvent| {
            let track = track_ref.get();
            let on_track = track.is_some_and(|track| {
                event
                    .target()
                    .is_some_and(|target| JsValue::from(target) == JsValue::from(track))
            });
            if on_track {
                stop_dragging.emit(event);
            }
        })
    };
    let span = (end.secs() - start.secs()).max(0);
    let step = slider_step_secs(span);
    let oninput = {
        let on_seek = on_seek.clone();
        Callback::from(move |event: InputEvent| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            // The slider's step is whole seconds, so its value is a whole number.
            if let Ok(offset) = input.value().parse::<i64>() {
                on_seek.emit(Seek::Drag(start.plus_secs(offset).min(end)));
            }
        })
    };
    // The slider's `change` comes when a drag of its thumb ends, and after each key.
    let onchange = {
        let on_seek = on_seek.clone();
        Callback::from(move |_: Event| on_seek.emit(Seek::DragEnd))
    };

    // The cursor moves by a transform: composited, no repaint of the lanes.
    let sweep = format!(
        "transform: translateX({})",
        percent(fraction(start, end, *now))
    );
    let has_account_markers = geometry
        .tiers
        .iter()
        .any(|tier| !tier.account_markers.is_empty());
    let offset = sim.traces.first().map(|t| t.offset).unwrap_or_default();
    let groups = geometry.tiers.iter().map(|tier| {
        let trace = sim.traces.iter().find(|t| t.tier == tier.name);
        let lanes = tier.lanes.iter().map(|lane| {
            let lane = &lane.drawing;
            let state = trace
                .and_then(|t| t.status_at(lane.resource, *now))
                .map(|s| s.state);
            html! { <Lane key={lane.resource} geometry={lane.clone()} {state} /> }
        });
        html! {
            <div class={classes!("tl-group", tier.is_scenario_tier.then_some("is-scenario-tier"))}
                 key={tier.name.clone()} data-tier={tier.name.clone()}>
                <TierRow
                    view_box={tier.view_box.clone()}
                    is_scenario_tier={tier.is_scenario_tier}
                    days_long={tier.days_long.clone()}
                    days_short={tier.days_short.clone()}
                    markers={tier.account_markers.clone()}
                />
                { for lanes }
            </div>
        }
    });

    html! {
        <section class={classes!("timeline", has_account_markers.then_some("has-account-markers"))}
                 data-testid="timeline" aria-labelledby="rl-timeline-title">
            <header class="tl-head">
                <h2 id="rl-timeline-title" class="tl-title">{ tr(lang, "Timeline") }</h2>
                <p class="tl-range">
                    { trf(lang, "{0} → {1} · times in {2}", &[&minute(lang, start), &minute(lang, geometry.until), &offset_label(offset)]) }
                </p>
                <Legend />
            </header>
            <SvgDefinitions />
            <div class="tl-body">
                <Labels geometry={geometry.clone()} />
                <div class="tl-track" data-testid="timeline-track" ref={track_ref}
                     {onpointerdown} {onpointermove} {onpointerleave} {onpointerup}
                     onpointercancel={stop_dragging.clone()}
                     {onlostpointercapture}>
                    <Axis ticks={geometry.ticks.clone()} />
                    { for groups }
                    <Grid ticks={geometry.ticks.clone()} />
                    { tip_html(sim, &geometry, *tip, lang) }
                    <div class="tl-overlay" aria-hidden="true">
                        <div class="tl-sweep" style={sweep}>
                            <div class="tl-cursor" data-testid="cursor">
                                <span class="tl-cursor-head"></span>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
            <label class="tl-slider">
                <span class="tl-slider-label">{ tr(lang, "Timeline position") }</span>
                <input type="range" min="0" max={span.to_string()} step={step.to_string()}
                       value={(now.secs() - start.secs()).clamp(0, span).to_string()}
                       aria-valuetext={spoken} disabled={*locked}
                       {oninput} {onchange} />
            </label>
        </section>
    }
}

/// Where and with which pointer a finger went down on the track.
#[derive(Clone, Copy)]
struct TouchStart {
    pointer: i32,
    x: i32,
    y: i32,
}

impl TouchStart {
    fn of(event: &PointerEvent) -> Self {
        TouchStart {
            pointer: event.pointer_id(),
            x: event.client_x(),
            y: event.client_y(),
        }
    }

    /// Whether `event` is within the tap slop of where the finger went down.
    fn is_near(self, event: &PointerEvent) -> bool {
        let dx = f64::from(event.client_x() - self.x);
        let dy = f64::from(event.client_y() - self.y);
        dx.abs() <= TAP_SLOP_PX && dy.abs() <= TAP_SLOP_PX
    }
}

/// Sends the pointer's later events to the track, also once it leaves it.
fn capture(track_ref: &NodeRef, event: &PointerEvent) {
    if let Some(track) = track_ref.cast::<Element>() {
        let _ = track.set_pointer_capture(event.pointer_id());
    }
}

/// Whether `event` comes from a finger or a pen, which cannot hover.
fn is_touch(event: &PointerEvent) -> bool {
    matches!(event.pointer_type().as_str(), "touch" | "pen")
}

/// How far (px) a finger may move from a tapped glyph before the tap counts as a drag.
const TAP_SLOP_PX: f64 = 8.0;
