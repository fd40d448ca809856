//! The timeline: one lane per tier × resource with state bands, event markers, an axis and the cursor.
//!
//! Everything drawn comes from the traces: bands from [`Trace::state_spans`], markers from the
//! events, the lane states from [`Trace::status_at`]. The geometry is memoized on the simulation
//! (and the track's width), so moving the clock only moves the cursor and re-renders a lane whose
//! state changes.

use crate::engine::trace::{ActionName, RenewSource};
use crate::engine::{BillingMode, EventKind, State, Time, Trace};
use crate::explain;
use crate::ui::i18n::{tr, use_lang, Lang};
use crate::ui::reminder;
use crate::ui::sim::{Sim, SimRef};
use crate::ui::text::{
    axis_ticks, fraction, minute_text, offset_label, percent, second_text, slider_step_secs,
    tier_days_long, tier_days_short, time_at_fraction, Tick,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,
    /// Called with the instant the user drags or clicks to.
    pub on_seek: Callback<Time>,
}

/// The width assumed until the track has been measured, in pixels.
const DEFAULT_TRACK_WIDTH: i32 = 800;
/// Measured widths are rounded to this many pixels, so tiny resizes do not redraw the lanes.
const WIDTH_BUCKET_PX: f64 = 16.0;
/// Markers of one kind closer than this (in pixels) merge into one.
const MARKER_MERGE_PX: f64 = 13.0;
/// Pixels per character of a band label (11 px type), for deciding whether it fits.
const LABEL_CHAR_PX: f64 = 6.6;
/// The vertical centre of the markers in a lane, in pixels from its top.
const LANE_MARKER_Y: f64 = 27.0;
/// The baseline of band labels in a lane, in pixels from its top.
const LANE_LABEL_Y: f64 = 14.0;
/// The vertical centre of the account markers in a tier row.
const TIER_MARKER_Y: f64 = 25.0;
/// The height of a lane, in pixels (the CSS `--tl-lane-h`).
const LANE_HEIGHT: f64 = 40.0;
/// The height of a tier row holding top-up markers, in pixels (the CSS `--tl-tier-h` then).
const TIER_ROW_HEIGHT: f64 = 36.0;

/// What a marker stands for; its `data-kind` is the UI contract's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// An automatic renewal attempt that paid.
    AttemptSucceeded,
    /// An automatic renewal attempt that failed.
    AttemptFailed,
    /// A renewal by hand (an automatic one shows as its successful attempt).
    Renewed,
    /// Money added to the balance.
    TopUp,
    /// A customer action that was refused.
    Rejected,
    /// A reminder notice sent to the customer.
    Reminder,
}

impl MarkerKind {
    /// Every kind, in legend order.
    pub const ALL: [MarkerKind; 6] = [
        MarkerKind::AttemptSucceeded,
        MarkerKind::AttemptFailed,
        MarkerKind::Renewed,
        MarkerKind::TopUp,
        MarkerKind::Rejected,
        MarkerKind::Reminder,
    ];

    /// The marker for `kind`, if that kind of event gets one (an automatic renewal does not: its
    /// successful attempt stands for it).
    pub fn of(kind: &EventKind) -> Option<MarkerKind> {
        match kind {
            EventKind::AutoRenewAttempt { failure: None, .. } => Some(MarkerKind::AttemptSucceeded),
            EventKind::AutoRenewAttempt {
                failure: Some(_), ..
            } => Some(MarkerKind::AttemptFailed),
            EventKind::Renewed {
                source: RenewSource::Manual,
                ..
            } => Some(MarkerKind::Renewed),
            // An automatic renewal shows as its successful attempt, whose title tells both.
            EventKind::Renewed {
                source: RenewSource::Auto,
                ..
            } => None,
            EventKind::TopUp { .. } => Some(MarkerKind::TopUp),
            EventKind::ActionRejected { .. } => Some(MarkerKind::Rejected),
            EventKind::Reminder { .. } => Some(MarkerKind::Reminder),
            EventKind::Purchased { .. }
            | EventKind::StateChanged { .. }
            | EventKind::AutoRenewChanged { .. } => None,
        }
    }

    /// The contract's `data-kind`.
    pub fn data_kind(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "attempt-succeeded",
            MarkerKind::AttemptFailed => "attempt-failed",
            MarkerKind::Renewed => "renewed",
            MarkerKind::TopUp => "top-up",
            MarkerKind::Rejected => "rejected",
            MarkerKind::Reminder => "reminder",
        }
    }

    /// The legend's words.
    pub fn legend(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "auto-renew paid",
            MarkerKind::AttemptFailed => "auto-renew failed",
            MarkerKind::Renewed => "renewed by hand",
            MarkerKind::TopUp => "top-up",
            MarkerKind::Rejected => "act refused",
            MarkerKind::Reminder => "reminder",
        }
    }

    /// Its glyph centred on (`x`, `y`) in pixels: one path, the inner symbol cut out (even-odd),
    /// so a marker costs one element however many are drawn. Only the start is computed; the
    /// rest of the path is relative and fixed.
    pub fn glyph(self, x: f64, y: f64) -> String {
        let ((dx, dy), rest) = match self {
            MarkerKind::AttemptSucceeded => ((-6.5, 0.0), GLYPH_SUCCEEDED),
            MarkerKind::AttemptFailed => ((-6.5, 0.0), GLYPH_FAILED),
            MarkerKind::Renewed => ((0.0, -7.5), GLYPH_RENEWED),
            MarkerKind::TopUp => ((-6.5, 0.0), GLYPH_TOP_UP),
            MarkerKind::Rejected => ((-6.0, -6.0), GLYPH_REJECTED),
            MarkerKind::Reminder => ((0.0, -7.5), GLYPH_REMINDER),
        };
        let mut d = String::with_capacity(rest.len() + 16);
        d.push('M');
        d.push_str(&tenths(x + dx));
        d.push(' ');
        d.push_str(&tenths(y + dy));
        d.push_str(rest);
        d
    }
}

/// A disc of radius 6.5 with a check mark cut out (relative path from the disc's left point).
const GLYPH_SUCCEEDED: &str = "a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0z\
    m2.8 0.1l2.7 2.8l4.9 -5l-1.1 -1l-3.8 3.9l-1.6 -1.7z";
/// A disc with an × cut out.
const GLYPH_FAILED: &str = "a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0z\
    m8.3 -3.5l1.7 1.7l-1.8 1.8l1.8 1.8l-1.7 1.7l-1.8 -1.8l-1.8 1.8l-1.7 -1.7l1.8 -1.8l-1.8 -1.8\
    l1.7 -1.7l1.8 1.8z";
/// A diamond with an upward arrow cut out (from its top point).
const GLYPH_RENEWED: &str =
    "l7.5 7.5l-7.5 7.5l-7.5 -7.5zm0 3.1l3.2 3.4l-2 0l0 4.8l-2.4 0l0 -4.8l-2 0z";
/// A disc with a plus cut out.
const GLYPH_TOP_UP: &str = "a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0z\
    m5.3 -3.8l2.4 0l0 2.6l2.6 0l0 2.4l-2.6 0l0 2.6l-2.4 0l0 -2.6l-2.6 0l0 -2.4l2.6 0z";
/// A square with a slash cut out (from its top-left corner).
const GLYPH_REJECTED: &str = "l12 0l0 12l-12 0zm1.7 8.8l1.5 1.5l7.1 -7.1l-1.5 -1.5z";
/// A triangle with an exclamation mark cut out (from its top point): a reminder.
const GLYPH_REMINDER: &str =
    "l7.5 13.5l-15 0zm-1.1 4.6l2.2 0l-0.4 4.6l-1.4 0zm0.2 5.6l1.8 0l0 1.7l-1.8 0z";

/// A coordinate to one decimal without float formatting (slow in WebAssembly): `12.3`, `-0.5`.
fn tenths(value: f64) -> String {
    let tenths = if value.is_finite() {
        (value * 10.0).round() as i64
    } else {
        0
    };
    let sign = if tenths < 0 { "-" } else { "" };
    let magnitude = tenths.unsigned_abs();
    match magnitude % 10 {
        0 => format!("{sign}{}", magnitude / 10),
        digit => format!("{sign}{}.{digit}", magnitude / 10),
    }
}

/// One state band of a lane.
#[derive(Clone, Debug, PartialEq)]
struct Band {
    x: String,
    width: String,
    state: State,
    /// The label and where it starts, in pixels of the measured width.
    label: Option<(&'static str, f64)>,
}

/// One marker (or several merged ones that would overlap).
#[derive(Clone, Debug, PartialEq)]
struct Marker {
    kind: MarkerKind,
    /// Its glyph's path, in the pixels of the track width the geometry was made for.
    d: String,
    at: String,
    title: String,
    count: usize,
}

/// Everything drawn in one lane, computed once per simulation and width.
#[derive(Debug, PartialEq)]
struct LaneGeometry {
    /// `0 0 width height`: marks are drawn in pixels of the measured width, then fitted.
    view_box: String,
    tier: String,
    resource: usize,
    resource_id: String,
    pay_per_use: bool,
    bands: Vec<Band>,
    markers: Vec<Marker>,
    summary: String,
}

/// One tier's group of lanes.
#[derive(Debug)]
struct TierGeometry {
    name: String,
    /// The view box of the tier row's marks.
    view_box: String,
    days_long: String,
    days_short: String,
    is_scenario_tier: bool,
    account_markers: Rc<Vec<Marker>>,
    lanes: Vec<Rc<LaneGeometry>>,
}

/// A positioned axis tick.
#[derive(Debug, PartialEq)]
struct PlacedTick {
    x: String,
    /// Labels near the right edge are drawn leftwards so they stay inside.
    anchor_end: bool,
    tick: Tick,
}

/// The whole timeline's geometry.
#[derive(Debug)]
struct Geometry {
    start: Time,
    end: Time,
    ticks: Rc<Vec<PlacedTick>>,
    tiers: Vec<TierGeometry>,
}

/// Collects markers, merging one into the previous of its kind when they would overlap.
struct MarkerSink {
    markers: Vec<Marker>,
    /// Per kind: where its last marker stands (px), its index, when its first and last events were.
    last: [Option<(f64, usize, Time, Time)>; MarkerKind::ALL.len()],
}

impl MarkerSink {
    fn new() -> Self {
        MarkerSink {
            markers: Vec::new(),
            last: [None; MarkerKind::ALL.len()],
        }
    }

    /// Adds a marker of `kind` at `px` for an event at `at`; `make` builds it (with its
    /// explanation) only when it does not merge into the previous one.
    fn push(&mut self, kind: MarkerKind, px: f64, at: Time, make: impl FnOnce() -> Marker) {
        let slot = MarkerKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        if let Some((last_px, index, first, _)) = self.last[slot] {
            if px - last_px < MARKER_MERGE_PX {
                if let Some(previous) = self.markers.get_mut(index) {
                    previous.count += 1;
                    self.last[slot] = Some((last_px, index, first, at));
                    return;
                }
            }
        }
        self.finish_slot(slot);
        self.last[slot] = Some((px, self.markers.len(), at, at));
        self.markers.push(make());
    }

    /// Titles the merged marker of `slot`, if its last one merged several events.
    fn finish_slot(&mut self, slot: usize) {
        let Some((_, index, first, last)) = self.last[slot] else {
            return;
        };
        let Some(marker) = self.markers.get_mut(index) else {
            return;
        };
        if marker.count > 1 {
            marker.title = format!(
                "{} × {} from {} to {}, too close together to draw apart at this width \
                 (the event log lists each)",
                marker.count,
                marker.kind.legend(),
                minute_text(first),
                minute_text(last)
            );
        }
    }

    /// The markers, every merged one titled.
    fn finish(mut self) -> Vec<Marker> {
        for slot in 0..self.last.len() {
            self.finish_slot(slot);
        }
        self.markers
    }
}

/// Makes `fresh` share every part equal to `previous`'s, so the lanes an edit did not change keep
/// their geometry (same pointer) and are not redrawn.
fn reuse_unchanged(fresh: &mut Geometry, previous: &Geometry) {
    if fresh.ticks == previous.ticks {
        fresh.ticks = previous.ticks.clone();
    }
    for tier in &mut fresh.tiers {
        let Some(old) = previous.tiers.iter().find(|old| old.name == tier.name) else {
            continue;
        };
        if tier.account_markers == old.account_markers {
            tier.account_markers = old.account_markers.clone();
        }
        for lane in &mut tier.lanes {
            let same = old
                .lanes
                .iter()
                .find(|o| o.resource == lane.resource && o.resource_id == lane.resource_id);
            if let Some(old_lane) = same.filter(|o| **o == *lane) {
                *lane = old_lane.clone();
            }
        }
    }
}

/// Computes every band, marker and tick for a track `width_px` wide.
fn geometry(sim: &Sim, width_px: f64, lang: Lang) -> Geometry {
    let start = sim.traces.first().map_or(Time::default(), |t| t.start);
    let end = sim.traces.first().map_or(start, |t| t.until);
    let x_of = |t: Time| fraction(start, end, t);
    let ticks = axis_ticks(start, end, width_px)
        .into_iter()
        .map(|tick| {
            let f = x_of(tick.at);
            PlacedTick {
                x: percent(f),
                anchor_end: f > 0.93,
                tick,
            }
        })
        .collect();
    let scenario_tier = sim.scenario_tier();
    let tiers = sim
        .traces
        .iter()
        .enumerate()
        .map(|(index, trace)| {
            tier_geometry(sim, trace, index == scenario_tier, &x_of, width_px, lang)
        })
        .collect();
    Geometry {
        start,
        end,
        ticks: Rc::new(ticks),
        tiers,
    }
}

fn tier_geometry(
    sim: &Sim,
    trace: &Trace,
    is_scenario_tier: bool,
    x_of: &dyn Fn(Time) -> f64,
    width_px: f64,
    lang: Lang,
) -> TierGeometry {
    let scenario = &sim.scenario;
    let resource_count = scenario.resources.len();
    let mut sinks: Vec<MarkerSink> = (0..resource_count).map(|_| MarkerSink::new()).collect();
    let mut account = MarkerSink::new();
    let zone = offset_label(trace.offset);
    for (index, event) in trace.events.iter().enumerate() {
        let Some(kind) = MarkerKind::of(&event.kind) else {
            continue;
        };
        let f = x_of(event.at);
        let make = || {
            let who = event
                .resource
                .and_then(|r| scenario.resources.get(r))
                .map_or("account", |r| r.id.as_str());
            let renewal = trace
                .events
                .get(index + 1)
                .filter(|next| next.at == event.at && next.resource == event.resource);
            let at = event.at.rfc3339(trace.offset);
            let y = if event.resource.is_some() {
                LANE_MARKER_Y
            } else {
                TIER_MARKER_Y
            };
            let resource = event.resource.and_then(|r| scenario.resources.get(r));
            let sentence = match (event.kind, resource) {
                (EventKind::Reminder { notice, due }, Some(resource)) => format!(
                    "{} [{}]",
                    reminder::sentence(lang, notice, due, resource),
                    reminder::rule(lang)
                ),
                _ => marker_sentence(&event.kind, renewal.map(|next| &next.kind)),
            };
            Marker {
                kind,
                d: kind.glyph(f * width_px, y),
                title: format!(
                    "{} {zone}, {who}: {sentence}",
                    at.get(..19).unwrap_or(&at).replace('T', " ")
                ),
                at,
                count: 1,
            }
        };
        let px = f * width_px;
        match event.resource.and_then(|r| sinks.get_mut(r)) {
            Some(sink) => sink.push(kind, px, event.at, make),
            None => account.push(kind, px, event.at, make),
        }
    }
    let lanes = sinks
        .into_iter()
        .enumerate()
        .map(|(r, sink)| {
            let resource_id = scenario
                .resources
                .get(r)
                .map_or_else(String::new, |res| res.id.clone());
            let spans = trace.state_spans(r);
            let bands = spans
                .iter()
                .map(|&(from, to, state)| {
                    let (a, b) = (x_of(from), x_of(to));
                    let band_px = (b - a) * width_px;
                    let word = state.as_str();
                    let fits = band_px >= word.len() as f64 * LABEL_CHAR_PX + 14.0;
                    Band {
                        x: percent(a),
                        width: percent(b - a),
                        state,
                        label: fits.then_some((word, a * width_px + 6.0)),
                    }
                })
                .collect();
            Rc::new(LaneGeometry {
                view_box: format!("0 0 {width_px:.0} {LANE_HEIGHT:.0}"),
                tier: trace.tier.clone(),
                resource: r,
                pay_per_use: scenario
                    .resources
                    .get(r)
                    .is_some_and(|res| res.billing() == BillingMode::PayPerUse),
                summary: lane_summary(&trace.tier, &resource_id, &spans),
                resource_id,
                bands,
                markers: sink.finish(),
            })
        })
        .collect();
    let days = scenario.policy.tier(&trace.tier).unwrap_or_default();
    let uses = |mode: BillingMode| scenario.resources.iter().any(|r| r.billing() == mode);
    let (packages, pay_per_use) = (uses(BillingMode::Package), uses(BillingMode::PayPerUse));
    TierGeometry {
        name: trace.tier.clone(),
        view_box: format!("0 0 {width_px:.0} {TIER_ROW_HEIGHT:.0}"),
        days_long: tier_days_long(days, packages, pay_per_use),
        days_short: tier_days_short(days, packages, pay_per_use),
        is_scenario_tier,
        account_markers: Rc::new(account.finish()),
        lanes,
    }
}

/// What a marker's event did, in the event log's words (§ rule in brackets). Made from the event's
/// own fields: thousands of markers are titled at every edit, so no lookups. `renewal` is the
/// event right after, which for a successful attempt is the renewal it paid for.
fn marker_sentence(kind: &EventKind, renewal: Option<&EventKind>) -> String {
    match *kind {
        EventKind::AutoRenewAttempt {
            failure: Some(_),
            price,
            balance,
        } => format!(
            "Auto-renew failed: balance {balance} is below the price {price}. Nothing was charged. \
             [§6 auto-renewal at 03:00]"
        ),
        EventKind::AutoRenewAttempt {
            failure: None,
            price,
            ..
        } => match renewal {
            Some(EventKind::Renewed {
                term,
                expires,
                balance,
                ..
            }) => format!(
                "Auto-renew paid {price} and renewed for {term}, counted from the expiry date; \
                 now valid through {}. Balance {balance}. [§6 auto-renewal at 03:00]",
                explain::when(*expires)
            ),
            _ => format!("Auto-renew paid {price}. [§6 auto-renewal at 03:00]"),
        },
        EventKind::Renewed {
            term,
            expires,
            balance,
            ..
        } => format!(
            "Renewed by hand for {term}, counted from the expiry date; now valid through {}. \
             Balance {balance}. [§5 manual renewal]",
            explain::when(expires)
        ),
        EventKind::TopUp { amount, balance } => {
            format!("Topped up {amount}. Balance {balance}. [§7 balance]")
        }
        EventKind::ActionRejected { action, reason } => {
            let (what, rule) = match action {
                ActionName::Renew => ("Renewal", "§5 manual renewal"),
                ActionName::SetAutoRenew => ("Auto-renew change", "§6 auto-renewal settings"),
            };
            format!(
                "{what} refused ({}): {}. [{rule}]",
                reason.as_str(),
                explain::rejection_text(reason)
            )
        }
        EventKind::Purchased { .. }
        | EventKind::StateChanged { .. }
        | EventKind::AutoRenewChanged { .. }
        | EventKind::Reminder { .. } => String::new(),
    }
}

/// The lane in words, for screen readers: its first state changes.
fn lane_summary(tier: &str, resource_id: &str, spans: &[(Time, Time, State)]) -> String {
    const LISTED: usize = 6;
    let mut parts: Vec<String> = spans
        .iter()
        .take(LISTED)
        .map(|(from, _, state)| format!("{state} from {}", minute_text(*from)))
        .collect();
    if spans.len() > LISTED {
        parts.push(format!("and {} more changes", spans.len() - LISTED));
    }
    if parts.is_empty() {
        parts.push("no states yet".to_string());
    }
    format!("{resource_id}, tier {tier}: {}", parts.join(", "))
}

/// Measures an element's width on mount and whenever it is resized (a `ResizeObserver`, and window
/// resizes), rounded to a bucket.
#[hook]
fn use_element_width(node: NodeRef) -> i32 {
    let width = use_state_eq(|| DEFAULT_TRACK_WIDTH);
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

/// Timeline of every tier and resource: bands per state (colour, pattern and label), markers, a
/// day/month axis, the clock's cursor, pointer scrubbing and a keyboard slider.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let TimelineProps { sim, now, on_seek } = props;
    let track_ref = use_node_ref();
    let width = use_element_width(track_ref.clone());
    let lang = use_lang();
    let previous = use_mut_ref(|| None::<Rc<Geometry>>);
    let geometry = {
        let previous = previous.clone();
        use_memo((sim.clone(), width, lang), move |(sim, width, lang)| {
            let mut fresh = geometry(sim, f64::from(*width), *lang);
            if let Some(old) = previous.borrow().as_ref() {
                reuse_unchanged(&mut fresh, old);
            }
            fresh
        })
    };
    *previous.borrow_mut() = Some(geometry.clone());
    let dragging = use_mut_ref(|| false);
    let (start, end) = (geometry.start, geometry.end);

    // Callbacks
    let seek_to_pointer = {
        let track_ref = track_ref.clone();
        let on_seek = on_seek.clone();
        Rc::new(move |event: &PointerEvent| {
            let Some(track) = track_ref.cast::<Element>() else {
                return;
            };
            let rect = track.get_bounding_client_rect();
            if rect.width() > 0.0 {
                let f = (f64::from(event.client_x()) - rect.left()) / rect.width();
                on_seek.emit(time_at_fraction(start, end, f));
            }
        })
    };
    let onpointerdown = {
        let (track_ref, dragging, seek) =
            (track_ref.clone(), dragging.clone(), seek_to_pointer.clone());
        Callback::from(move |event: PointerEvent| {
            if event.button() != 0 {
                return;
            }
            event.prevent_default();
            if let Some(track) = track_ref.cast::<Element>() {
                let _ = track.set_pointer_capture(event.pointer_id());
            }
            *dragging.borrow_mut() = true;
            seek(&event);
        })
    };
    let onpointermove = {
        let (dragging, seek) = (dragging.clone(), seek_to_pointer);
        Callback::from(move |event: PointerEvent| {
            if *dragging.borrow() {
                seek(&event);
            }
        })
    };
    let stop_dragging = {
        let dragging: Rc<RefCell<bool>> = dragging;
        Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = false)
    };
    let span = (end.secs() - start.secs()).max(0);
    let step = slider_step_secs(span);
    let oninput = {
        let on_seek = on_seek.clone();
        Callback::from(move |event: InputEvent| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Ok(offset) = input.value().parse::<f64>() {
                if offset.is_finite() {
                    on_seek.emit(start.plus_secs(offset.round() as i64).min(end));
                }
            }
        })
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
                <h2 id="rl-timeline-title" class="tl-title">{ "Timeline" }</h2>
                <p class="tl-range">
                    { format!("{} → {} · times in {}", minute_text(start), minute_text(end), offset_label(offset)) }
                </p>
                <Legend />
            </header>
            <SvgDefinitions />
            <div class="tl-body">
                <Labels geometry={geometry.clone()} />
                <div class="tl-track" data-testid="timeline-track" ref={track_ref}
                     {onpointerdown} {onpointermove}
                     onpointerup={stop_dragging.clone()}
                     onpointercancel={stop_dragging.clone()}
                     onlostpointercapture={stop_dragging}>
                    <Axis ticks={geometry.ticks.clone()} />
                    { for groups }
                    <Grid ticks={geometry.ticks.clone()} />
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
                <span class="tl-slider-label">{ "Timeline position" }</span>
                <input type="range" min="0" max={span.to_string()} step={step.to_string()}
                       value={(now.secs() - start.secs()).clamp(0, span).to_string()}
                       aria-valuetext={second_text(*now)}
                       {oninput} />
            </label>
        </section>
    }
}

/// Properties of [`Labels`].
#[derive(Properties)]
struct LabelsProps {
    geometry: Rc<Geometry>,
}

impl PartialEq for LabelsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.geometry, &other.geometry)
    }
}

/// The column of tier and resource names beside the track.
#[function_component(Labels)]
fn labels(props: &LabelsProps) -> Html {
    let groups = props.geometry.tiers.iter().map(|tier| {
        let lanes = tier.lanes.iter().map(|lane| {
            html! {
                <div class="tl-label tl-label-lane" key={lane.resource}>
                    <span class="tl-resource" title={lane.resource_id.clone()}>{ &lane.resource_id }</span>
                    <span class="tl-billing">{ if lane.pay_per_use { "pay-per-use" } else { "package" } }</span>
                </div>
            }
        });
        html! {
            <div class="tl-label-group" key={tier.name.clone()}>
                <div class={classes!("tl-label", "tl-label-tier", tier.is_scenario_tier.then_some("is-scenario-tier"))}>
                    <span class="tl-tier-name" title={tier.name.clone()}>{ &tier.name }</span>
                </div>
                { for lanes }
            </div>
        }
    });
    html! {
        <div class="tl-labels">
            <div class="tl-label tl-label-axis" aria-hidden="true"></div>
            { for groups }
        </div>
    }
}

/// Properties of [`Lane`]; equal when they hold the same geometry and state (pointer comparison).
#[derive(Properties)]
struct LaneProps {
    geometry: Rc<LaneGeometry>,
    state: Option<State>,
}

impl PartialEq for LaneProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.geometry, &other.geometry) && self.state == other.state
    }
}

/// One resource of one tier. Only its state changes with the clock; the drawing is [`LaneBody`].
#[function_component(Lane)]
fn lane(props: &LaneProps) -> Html {
    let lane = &props.geometry;
    let state = props.state.map_or("not-started", State::as_str);
    html! {
        <div class="lane" data-testid="lane" data-tier={lane.tier.clone()}
             data-resource={lane.resource_id.clone()} data-state={state}>
            <LaneBody geometry={lane.clone()} />
        </div>
    }
}

/// Properties of [`LaneBody`]; equal when they hold the same geometry (pointer comparison).
#[derive(Properties)]
struct LaneBodyProps {
    geometry: Rc<LaneGeometry>,
}

impl PartialEq for LaneBodyProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.geometry, &other.geometry)
    }
}

/// A lane's bands, labels and markers, drawn once per simulation and width.
#[function_component(LaneBody)]
fn lane_body(props: &LaneBodyProps) -> Html {
    let lane = &props.geometry;
    let bands = lane.bands.iter().map(|band| {
        let state = band.state.as_str();
        html! {
            <rect class={format!("band band-{state}")} x={band.x.clone()} y="0"
                  width={band.width.clone()} height="100%"
                  fill={format!("url(#rl-pat-{state})")} />
        }
    });
    let labels = lane.bands.iter().filter_map(|band| {
        let (label, x) = band.label?;
        Some(html! {
            <text class={format!("band-label band-label-{}", band.state.as_str())}
                  x={tenths(x)} y={LANE_LABEL_Y.to_string()}>{ label }</text>
        })
    });
    let markers = lane.markers.iter().map(marker_html);
    html! {
        <>
            <svg class="lane-svg lane-bands" aria-hidden="true">{ for bands }</svg>
            <svg class="lane-svg lane-marks" role="img" aria-label={lane.summary.clone()}
                 viewBox={lane.view_box.clone()} preserveAspectRatio="none">
                { for labels }
                { for markers }
            </svg>
        </>
    }
}

fn marker_html(marker: &Marker) -> Html {
    html! {
        <path class={format!("marker glyph glyph-{}", marker.kind.data_kind())} data-testid="marker"
              data-kind={marker.kind.data_kind()} data-at={marker.at.clone()}
              data-count={(marker.count > 1).then(|| marker.count.to_string())}
              d={marker.d.clone()}>
            <title>{ &marker.title }</title>
        </path>
    }
}

/// Properties of [`TierRow`].
#[derive(Properties)]
struct TierRowProps {
    view_box: String,
    is_scenario_tier: bool,
    days_long: String,
    days_short: String,
    markers: Rc<Vec<Marker>>,
}

impl PartialEq for TierRowProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.markers, &other.markers)
            && self.view_box == other.view_box
            && self.is_scenario_tier == other.is_scenario_tier
            && self.days_long == other.days_long
            && self.days_short == other.days_short
    }
}

/// A tier's header row in the track: its grace/retention days and the account's top-ups.
#[function_component(TierRow)]
fn tier_row(props: &TierRowProps) -> Html {
    let markers = props.markers.iter().map(marker_html);
    html! {
        <div class="tl-tier-row">
            <span class="tl-tier-days">
                if props.is_scenario_tier { <strong class="tl-yours">{ "scenario tier · " }</strong> }
                <span class="tl-days-long">{ &props.days_long }</span>
                <span class="tl-days-short">{ &props.days_short }</span>
            </span>
            <svg class="tl-tier-svg" viewBox={props.view_box.clone()} preserveAspectRatio="none"
                 aria-hidden={props.markers.is_empty().then_some("true")}
                 role={(!props.markers.is_empty()).then_some("img")}
                 aria-label={(!props.markers.is_empty()).then(|| format!("{} top-ups", props.markers.len()))}>
                { for markers }
            </svg>
        </div>
    }
}

/// Properties of [`Axis`] and [`Grid`].
#[derive(Properties)]
struct TicksProps {
    ticks: Rc<Vec<PlacedTick>>,
}

impl PartialEq for TicksProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ticks, &other.ticks)
    }
}

/// The day/month axis above the lanes.
#[function_component(Axis)]
fn axis(props: &TicksProps) -> Html {
    let ticks = props.ticks.iter().map(|placed| {
        html! {
            <g class={classes!("tick", placed.tick.major.then_some("tick-major"))}>
                <line x1={placed.x.clone()} x2={placed.x.clone()} y1="18" y2="28" />
                <text x={placed.x.clone()} y="13"
                      dx={if placed.anchor_end { "-3" } else { "3" }}
                      text-anchor={if placed.anchor_end { "end" } else { "start" }}>
                    { &placed.tick.label }
                </text>
            </g>
        }
    });
    html! {
        <svg class="tl-axis" aria-hidden="true">{ for ticks }</svg>
    }
}

/// Faint vertical lines at the ticks, drawn over the lanes.
#[function_component(Grid)]
fn grid(props: &TicksProps) -> Html {
    let lines = props.ticks.iter().map(|placed| {
        html! {
            <line class={classes!("grid-line", placed.tick.major.then_some("grid-line-major"))}
                  x1={placed.x.clone()} x2={placed.x.clone()} y1="0" y2="100%" />
        }
    });
    html! { <svg class="tl-grid" aria-hidden="true">{ for lines }</svg> }
}

/// The patterns of the four states, defined once for every SVG of the page.
#[function_component(SvgDefinitions)]
fn svg_definitions() -> Html {
    html! {
        <svg class="rl-defs" width="0" height="0" aria-hidden="true" focusable="false">
            <defs>
                <pattern id="rl-pat-available" width="10" height="10" patternUnits="userSpaceOnUse">
                    <rect class="pat-bg-available" width="10" height="10" />
                </pattern>
                <pattern id="rl-pat-expired" width="8" height="8" patternUnits="userSpaceOnUse"
                         patternTransform="rotate(45)">
                    <rect class="pat-bg-expired" width="8" height="8" />
                    <line class="pat-line-expired" x1="1" y1="0" x2="1" y2="8" />
                </pattern>
                <pattern id="rl-pat-frozen" width="7" height="7" patternUnits="userSpaceOnUse">
                    <rect class="pat-bg-frozen" width="7" height="7" />
                    <circle class="pat-dot-frozen" cx="3.5" cy="3.5" r="1.3" />
                </pattern>
                <pattern id="rl-pat-released" width="8" height="8" patternUnits="userSpaceOnUse"
                         patternTransform="rotate(45)">
                    <rect class="pat-bg-released" width="8" height="8" />
                    <path class="pat-line-released" d="M0 4 H8 M4 0 V8" />
                </pattern>
            </defs>
        </svg>
    }
}

/// The key to the colours, patterns and marker shapes.
#[function_component(Legend)]
fn legend() -> Html {
    let lang = use_lang();
    let states = State::ALL.iter().map(|state| {
        let name = state.as_str();
        html! {
            <li class="legend-item">
                <svg class="legend-swatch" width="28" height="14" aria-hidden="true">
                    <rect class={format!("band band-{name}")} width="28" height="14" rx="3"
                          fill={format!("url(#rl-pat-{name})")} />
                </svg>
                { name }
            </li>
        }
    });
    let markers = MarkerKind::ALL.iter().map(|kind| {
        html! {
            <li class="legend-item">
                <svg class="legend-glyph" width="18" height="18" aria-hidden="true">
                    <path class={format!("glyph glyph-{}", kind.data_kind())} d={kind.glyph(9.0, 9.0)} />
                </svg>
                { tr(lang, kind.legend()) }
            </li>
        }
    });
    html! {
        <ul class="legend" aria-label="Legend">
            { for states }
            { for markers }
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scenario;

    /// Failed attempts 04-01..04-03 at 03:00, a top-up, then a paid attempt on 04-04.
    const SCENARIO: &str = r#"{
      "format": "renewal-lab/1", "policy": "huawei-cn", "tier": "V3", "balance": "20.00",
      "resources": [
        { "id": "ocr", "billing": "package", "start": "2026-03-08T10:00:00", "term": "1m",
          "prices": { "month": "30.00", "year": "300.00" },
          "auto_renew": { "enabled": true, "days_before": 7 } }
      ],
      "actions": [ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ],
      "until": "2026-04-20T00:00:00"
    }"#;

    #[test]
    fn coordinates_keep_one_decimal() {
        // value, text
        let cases = [
            (0.0, "0"),
            (12.34, "12.3"),
            (12.35, "12.4"),
            (-0.04, "0"),
            (-0.5, "-0.5"),
            (-6.5, "-6.5"),
            (1_056.0, "1056"),
            (f64::NAN, "0"),
        ];
        for (value, text) in cases {
            assert_eq!(tenths(value), text, "{value}");
        }
    }

    #[test]
    fn glyphs_start_at_their_outline_and_cut_their_symbol() {
        // kind, centre, the path's start, the number of subpaths (outline and cut-out)
        let cases = [
            (MarkerKind::AttemptSucceeded, (10.0, 27.0), "M3.5 27a", 2),
            (MarkerKind::AttemptFailed, (10.0, 27.0), "M3.5 27a", 2),
            (MarkerKind::Renewed, (100.25, 27.0), "M100.3 19.5l", 2),
            (MarkerKind::TopUp, (0.0, 25.0), "M-6.5 25a", 2),
            (MarkerKind::Rejected, (50.0, 27.0), "M44 21l", 2),
        ];
        for (kind, (x, y), start, subpaths) in cases {
            let d = kind.glyph(x, y);
            assert!(d.starts_with(start), "{kind:?}: {d}");
            assert_eq!(d.matches(['z', 'Z']).count(), subpaths, "{kind:?}: {d}");
            assert!(!d.contains("  "), "one space between numbers: {d}");
        }
    }

    fn sim(json: &str) -> Sim {
        Sim::new(Scenario::from_json(json).unwrap())
    }

    fn kinds(markers: &[Marker]) -> Vec<(&'static str, usize)> {
        markers
            .iter()
            .map(|m| (m.kind.data_kind(), m.count))
            .collect()
    }

    #[test]
    fn markers_merge_only_when_they_would_overlap() {
        let sim = sim(SCENARIO);
        // track width in px, the scenario tier's markers (kind, events merged)
        let cases: [(f64, &[(&str, usize)]); 2] = [
            (
                1_000.0,
                &[
                    ("attempt-failed", 1),
                    ("attempt-failed", 1),
                    ("attempt-failed", 1),
                    // X − 5 days at 09:00, after the third failed attempt
                    ("reminder", 1),
                    ("attempt-succeeded", 1),
                ],
            ),
            (
                200.0,
                &[
                    ("attempt-failed", 3),
                    ("reminder", 1),
                    ("attempt-succeeded", 1),
                ],
            ),
        ];
        for (width, expected) in cases {
            let geometry = geometry(&sim, width, Lang::En);
            let v3 = &geometry.tiers[3];
            assert_eq!(v3.name, "V3");
            assert!(v3.is_scenario_tier);
            assert_eq!(kinds(&v3.lanes[0].markers), expected, "{width}px");
            assert_eq!(kinds(&v3.account_markers), [("top-up", 1)]);
        }
        let narrow = geometry(&sim, 200.0, Lang::En);
        let merged = &narrow.tiers[3].lanes[0].markers[0];
        assert_eq!(merged.at, "2026-04-01T03:00:00+08:00");
        assert!(merged
            .title
            .starts_with("3 × auto-renew failed from 2026-04-01 03:00 to 2026-04-03 03:00"));
        let wide = geometry(&sim, 1_000.0, Lang::En);
        let reminder = &wide.tiers[3].lanes[0].markers[3];
        assert_eq!(reminder.at, "2026-04-03T09:00:00+08:00");
        assert_eq!(
            reminder.title,
            "2026-04-03 09:00:00 UTC+08:00, ocr: Reminder: ocr expires in 5 days, at the end of \
             2026-04-08. Renew it to keep it in service. [reminders at 09:00 (modelling choice)]"
        );
        let paid = &wide.tiers[3].lanes[0].markers[4];
        assert!(
            paid.title.contains("Auto-renew paid 30.00"),
            "{}",
            paid.title
        );
        assert!(
            paid.title
                .contains("renewed for 1m, counted from the expiry date"),
            "{}",
            paid.title
        );
    }

    #[test]
    fn marker_titles_say_what_the_event_log_says() {
        // A run with every marker kind: failures, a reminder, a paid attempt, a manual renewal, a
        // top-up and a refused renewal.
        let json = SCENARIO.replace(
            r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ]"#,
            r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" },
                { "at": "2026-04-10T12:00:00", "do": "renew", "resource": "ocr", "term": "1m" },
                { "at": "2026-04-11T12:00:00", "do": "renew", "resource": "ocr", "term": "5y" } ]"#,
        );
        let sim = sim(&json);
        let trace = &sim.traces[3];
        let mut kinds = Vec::new();
        for (index, event) in trace.events.iter().enumerate() {
            let Some(kind) = MarkerKind::of(&event.kind) else {
                continue;
            };
            kinds.push(kind.data_kind());
            let mut sentence =
                marker_sentence(&event.kind, trace.events.get(index + 1).map(|e| &e.kind));
            let explained = explain::explain(event, &sim.scenario, trace);
            if kind == MarkerKind::Reminder {
                // Worded in the app's language from the notice; the English is the log's.
                let at = event.at.rfc3339(trace.offset);
                let wide = geometry(&sim, 1_000.0, Lang::En);
                let marker = wide.tiers[3].lanes[0].markers.iter().find(|m| m.at == at);
                sentence = marker.map_or_else(String::new, |m| m.title.clone());
                assert!(sentence.contains(&explained.what), "{sentence}");
            } else if kind == MarkerKind::AttemptSucceeded {
                assert!(
                    sentence.starts_with("Auto-renew paid 30.00 and renewed for 1m"),
                    "{sentence}"
                );
            } else {
                assert!(
                    sentence.starts_with(&explained.what),
                    "{sentence} / {}",
                    explained.what
                );
            }
            assert!(
                sentence.ends_with(&format!("[{}]", explained.rule)),
                "{sentence}"
            );
        }
        for kind in MarkerKind::ALL {
            assert!(kinds.contains(&kind.data_kind()), "{kinds:?}");
        }
    }

    #[test]
    fn bands_follow_the_states_and_label_only_where_the_word_fits() {
        let json = SCENARIO
            .replace(r#""balance": "20.00""#, r#""balance": "0.00""#)
            .replace(
                r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ]"#,
                "[]",
            );
        let geometry = geometry(&sim(&json), 1_000.0, Lang::En);
        // tier, states of its band sequence, labelled
        let cases: [(usize, &[(State, bool)]); 2] = [
            (
                0,
                &[
                    (State::Available, true),
                    (State::Expired, false),
                    (State::Frozen, false),
                    (State::Released, true),
                ],
            ),
            (
                3,
                &[
                    (State::Available, true),
                    (State::Expired, true),
                    (State::Frozen, true),
                ],
            ),
        ];
        for (tier, expected) in cases {
            let bands: Vec<(State, bool)> = geometry.tiers[tier].lanes[0]
                .bands
                .iter()
                .map(|b| (b.state, b.label.is_some()))
                .collect();
            assert_eq!(bands, expected, "tier {tier}");
        }
        let first = &geometry.tiers[0].lanes[0].bands[0];
        assert_eq!(first.x, "0.000%");
    }

    #[test]
    fn an_edit_keeps_the_geometry_of_lanes_it_did_not_change() {
        let before = geometry(&sim(SCENARIO), 1_000.0, Lang::En);
        let renamed = SCENARIO.replace(r#""tier": "V3""#, r#""name": "Renamed", "tier": "V3""#);
        let mut after = geometry(&sim(&renamed), 1_000.0, Lang::En);
        reuse_unchanged(&mut after, &before);
        for (old, new) in before.tiers.iter().zip(&after.tiers) {
            assert!(Rc::ptr_eq(&old.lanes[0], &new.lanes[0]), "{}", new.name);
            assert!(Rc::ptr_eq(&old.account_markers, &new.account_markers));
        }
        assert!(Rc::ptr_eq(&before.ticks, &after.ticks));
        let richer = SCENARIO.replace(r#""balance": "20.00""#, r#""balance": "90.00""#);
        let mut changed = geometry(&sim(&richer), 1_000.0, Lang::En);
        reuse_unchanged(&mut changed, &before);
        assert!(!Rc::ptr_eq(
            &before.tiers[3].lanes[0],
            &changed.tiers[3].lanes[0]
        ));
    }
}
