//! The timeline: one lane per tier × resource with state bands, event markers, an axis and the cursor.
//!
//! Everything drawn comes from the traces: bands from [`Trace::state_spans`], markers from the
//! events, the lane states from [`Trace::status_at`]. The geometry is memoized on the simulation
//! (and the track's width), so moving the clock only moves the cursor and re-renders a lane whose
//! state changes.

use crate::engine::trace::RenewSource;
use crate::engine::{BillingMode, Event, EventKind, State, Time, Trace};
use crate::explain;
use crate::ui::sim::{Sim, SimRef};
use crate::ui::text::{
    axis_ticks, fraction, minute_text, offset_label, percent, second_text, slider_step_secs,
    tier_days_long, tier_days_short, time_at_fraction, Tick,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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
const LANE_MARKER_Y: i32 = 27;
/// The baseline of band labels in a lane, in pixels from its top.
const LANE_LABEL_Y: i32 = 14;
/// The vertical centre of the account markers in a tier row.
const TIER_MARKER_Y: i32 = 25;

/// What a marker stands for; its `data-kind` is the UI contract's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// An automatic renewal attempt that paid.
    AttemptSucceeded,
    /// An automatic renewal attempt that failed.
    AttemptFailed,
    /// The expiry date moved (by hand or automatically).
    Renewed,
    /// Money added to the balance.
    TopUp,
    /// A customer action that was refused.
    Rejected,
}

impl MarkerKind {
    /// Every kind, in legend order.
    pub const ALL: [MarkerKind; 5] = [
        MarkerKind::AttemptSucceeded,
        MarkerKind::AttemptFailed,
        MarkerKind::Renewed,
        MarkerKind::TopUp,
        MarkerKind::Rejected,
    ];

    /// The marker for `kind`, if that kind of event gets one.
    pub fn of(kind: &EventKind) -> Option<MarkerKind> {
        match kind {
            EventKind::AutoRenewAttempt { failure: None, .. } => Some(MarkerKind::AttemptSucceeded),
            EventKind::AutoRenewAttempt {
                failure: Some(_), ..
            } => Some(MarkerKind::AttemptFailed),
            EventKind::Renewed { .. } => Some(MarkerKind::Renewed),
            EventKind::TopUp { .. } => Some(MarkerKind::TopUp),
            EventKind::ActionRejected { .. } => Some(MarkerKind::Rejected),
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
        }
    }

    /// The legend's words.
    pub fn legend(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "auto-renew paid",
            MarkerKind::AttemptFailed => "auto-renew failed",
            MarkerKind::Renewed => "renewed",
            MarkerKind::TopUp => "top-up",
            MarkerKind::Rejected => "act refused",
        }
    }

    /// The id of its glyph among the timeline's SVG definitions.
    fn glyph_href(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "#rl-mk-succeeded",
            MarkerKind::AttemptFailed => "#rl-mk-failed",
            MarkerKind::Renewed => "#rl-mk-renewed",
            MarkerKind::TopUp => "#rl-mk-top-up",
            MarkerKind::Rejected => "#rl-mk-rejected",
        }
    }
}

/// One state band of a lane.
#[derive(Clone, Debug, PartialEq)]
struct Band {
    x: String,
    width: String,
    state: State,
    label: Option<&'static str>,
}

/// One marker (or several merged ones that would overlap).
#[derive(Clone, Debug, PartialEq)]
struct Marker {
    kind: MarkerKind,
    x: String,
    /// Nudged right by this many pixels (a renewal drawn beside its successful attempt).
    nudge_px: i32,
    at: String,
    title: String,
    count: usize,
}

/// Everything drawn in one lane, computed once per simulation and width.
#[derive(Debug, PartialEq)]
struct LaneGeometry {
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
    days_long: String,
    days_short: String,
    is_scenario_tier: bool,
    account_markers: Rc<Vec<Marker>>,
    lanes: Vec<Rc<LaneGeometry>>,
}

/// A positioned axis tick.
#[derive(Debug)]
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
    last_px: [Option<f64>; 5],
    last_index: [usize; 5],
}

impl MarkerSink {
    fn new() -> Self {
        MarkerSink {
            markers: Vec::new(),
            last_px: [None; 5],
            last_index: [0; 5],
        }
    }

    fn push(&mut self, marker: Marker, px: f64, at: Time) {
        let slot = MarkerKind::ALL
            .iter()
            .position(|k| *k == marker.kind)
            .unwrap_or(0);
        let close = self.last_px[slot].is_some_and(|last| px - last < MARKER_MERGE_PX);
        if let (true, Some(previous)) = (close, self.markers.get_mut(self.last_index[slot])) {
            previous.count += 1;
            previous.title = format!(
                "{} {} (merged at this zoom), the last at {}",
                previous.count,
                marker.kind.legend(),
                minute_text(at)
            );
            return;
        }
        self.last_px[slot] = Some(px);
        self.last_index[slot] = self.markers.len();
        self.markers.push(marker);
    }
}

/// Computes every band, marker and tick for a track `width_px` wide.
fn geometry(sim: &Sim, width_px: f64) -> Geometry {
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
        .map(|(index, trace)| tier_geometry(sim, trace, index == scenario_tier, &x_of, width_px))
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
) -> TierGeometry {
    let scenario = &sim.scenario;
    let resource_count = scenario.resources.len();
    let mut sinks: Vec<MarkerSink> = (0..resource_count).map(|_| MarkerSink::new()).collect();
    let mut account = MarkerSink::new();
    let mut previous: Option<&Event> = None;
    for event in &trace.events {
        let Some(kind) = MarkerKind::of(&event.kind) else {
            previous = Some(event);
            continue;
        };
        let explanation = explain::explain(event, scenario, trace);
        let who = event
            .resource
            .and_then(|r| scenario.resources.get(r))
            .map_or("account", |r| r.id.as_str());
        let title = format!(
            "{} {}, {}: {} [{}]",
            second_text(event.at),
            offset_label(trace.offset),
            who,
            explanation.what,
            explanation.rule
        );
        let f = x_of(event.at);
        let beside_its_attempt = matches!(
            event.kind,
            EventKind::Renewed {
                source: RenewSource::Auto,
                ..
            }
        ) && previous
            .is_some_and(|p| p.at == event.at && p.resource == event.resource);
        let marker = Marker {
            kind,
            x: percent(f),
            nudge_px: if beside_its_attempt { 15 } else { 0 },
            at: event.at.rfc3339(trace.offset),
            title,
            count: 1,
        };
        let px = f * width_px;
        match event.resource.and_then(|r| sinks.get_mut(r)) {
            Some(sink) => sink.push(marker, px, event.at),
            None => account.push(marker, px, event.at),
        }
        previous = Some(event);
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
                        label: fits.then_some(word),
                    }
                })
                .collect();
            Rc::new(LaneGeometry {
                tier: trace.tier.clone(),
                resource: r,
                pay_per_use: scenario
                    .resources
                    .get(r)
                    .is_some_and(|res| res.billing() == BillingMode::PayPerUse),
                summary: lane_summary(&trace.tier, &resource_id, &spans),
                resource_id,
                bands,
                markers: sink.markers,
            })
        })
        .collect();
    let days = scenario.policy.tier(&trace.tier).unwrap_or_default();
    let uses = |mode: BillingMode| scenario.resources.iter().any(|r| r.billing() == mode);
    let (packages, pay_per_use) = (uses(BillingMode::Package), uses(BillingMode::PayPerUse));
    TierGeometry {
        name: trace.tier.clone(),
        days_long: tier_days_long(days, packages, pay_per_use),
        days_short: tier_days_short(days, packages, pay_per_use),
        is_scenario_tier,
        account_markers: Rc::new(account.markers),
        lanes,
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

/// Measures an element's width on mount and on every window resize, rounded to a bucket.
#[hook]
fn use_element_width(node: NodeRef) -> i32 {
    let width = use_state_eq(|| DEFAULT_TRACK_WIDTH);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let node = node.clone();
            let measure = move || {
                let Some(element) = node.cast::<Element>() else {
                    return;
                };
                let measured = element.get_bounding_client_rect().width();
                if measured.is_finite() && measured > 0.0 {
                    let bucketed = (measured / WIDTH_BUCKET_PX).round() * WIDTH_BUCKET_PX;
                    width.set(bucketed.max(WIDTH_BUCKET_PX) as i32);
                }
            };
            measure();
            let listener = Closure::<dyn Fn()>::new(measure);
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
            move || {
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

/// Timeline of every tier and resource: bands per state (colour, pattern and label), markers, a
/// day/month axis, the clock's cursor, pointer scrubbing and a keyboard slider.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let TimelineProps { sim, now, on_seek } = props;
    let track_ref = use_node_ref();
    let width = use_element_width(track_ref.clone());
    let geometry = use_memo((sim.clone(), width), |(sim, width)| {
        geometry(sim, f64::from(*width))
    });
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

    let cursor_x = percent(fraction(start, end, *now));
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
                    <div class="tl-future" style={format!("left: {cursor_x}")} aria-hidden="true"></div>
                    <div class="tl-cursor" data-testid="cursor" style={format!("left: {cursor_x}")}
                         aria-hidden="true">
                        <span class="tl-cursor-head"></span>
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

/// One resource of one tier: bands, labels and markers.
#[function_component(Lane)]
fn lane(props: &LaneProps) -> Html {
    let lane = &props.geometry;
    let state = props.state.map_or("not-started", State::as_str);
    let bands = lane.bands.iter().map(|band| {
        let state = band.state.as_str();
        html! {
            <rect class={format!("band band-{state}")} x={band.x.clone()} y="0"
                  width={band.width.clone()} height="100%"
                  fill={format!("url(#rl-pat-{state})")} />
        }
    });
    let labels = lane.bands.iter().filter_map(|band| {
        let label = band.label?;
        Some(html! {
            <text class={format!("band-label band-label-{}", band.state.as_str())}
                  x={band.x.clone()} dx="6" y={LANE_LABEL_Y.to_string()}>{ label }</text>
        })
    });
    let markers = lane.markers.iter().map(|m| marker_html(m, LANE_MARKER_Y));
    html! {
        <div class={format!("lane lane-{state}")} data-testid="lane" data-tier={lane.tier.clone()}
             data-resource={lane.resource_id.clone()} data-state={state}>
            <svg class="lane-svg lane-bands" aria-hidden="true">{ for bands }</svg>
            <svg class="lane-svg lane-marks" role="img" aria-label={lane.summary.clone()}>
                { for labels }
                { for markers }
            </svg>
        </div>
    }
}

fn marker_html(marker: &Marker, y: i32) -> Html {
    let transform = (marker.nudge_px != 0).then(|| format!("translate({} 0)", marker.nudge_px));
    html! {
        <g class={format!("marker marker-{}", marker.kind.data_kind())} data-testid="marker"
           data-kind={marker.kind.data_kind()} data-at={marker.at.clone()}
           data-count={(marker.count > 1).then(|| marker.count.to_string())}>
            <title>{ &marker.title }</title>
            <use href={marker.kind.glyph_href()} x={marker.x.clone()} y={y.to_string()} {transform} />
        </g>
    }
}

/// Properties of [`TierRow`].
#[derive(Properties)]
struct TierRowProps {
    is_scenario_tier: bool,
    days_long: String,
    days_short: String,
    markers: Rc<Vec<Marker>>,
}

impl PartialEq for TierRowProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.markers, &other.markers)
            && self.is_scenario_tier == other.is_scenario_tier
            && self.days_long == other.days_long
            && self.days_short == other.days_short
    }
}

/// A tier's header row in the track: its grace/retention days and the account's top-ups.
#[function_component(TierRow)]
fn tier_row(props: &TierRowProps) -> Html {
    let markers = props.markers.iter().map(|m| marker_html(m, TIER_MARKER_Y));
    html! {
        <div class="tl-tier-row">
            <span class="tl-tier-days">
                if props.is_scenario_tier { <strong class="tl-yours">{ "scenario tier · " }</strong> }
                <span class="tl-days-long">{ &props.days_long }</span>
                <span class="tl-days-short">{ &props.days_short }</span>
            </span>
            <svg class="tl-tier-svg" aria-hidden={props.markers.is_empty().then_some("true")}
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

/// The patterns of the four states and the marker glyphs, defined once for every SVG of the page.
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
                <g id="rl-mk-succeeded" class="glyph glyph-succeeded">
                    <circle r="6.5" />
                    <path d="M-3.2 0.2 L-1 2.6 L3.4 -2.4" />
                </g>
                <g id="rl-mk-failed" class="glyph glyph-failed">
                    <circle r="6.5" />
                    <path d="M-2.6 -2.6 L2.6 2.6 M2.6 -2.6 L-2.6 2.6" />
                </g>
                <g id="rl-mk-renewed" class="glyph glyph-renewed">
                    <path class="glyph-body" d="M0 -7.5 L7.5 0 L0 7.5 L-7.5 0 Z" />
                    <path d="M0 3.2 V-3.2 M-2.6 -0.6 L0 -3.2 L2.6 -0.6" />
                </g>
                <g id="rl-mk-top-up" class="glyph glyph-top-up">
                    <circle r="6.5" />
                    <path d="M-3.2 0 H3.2 M0 -3.2 V3.2" />
                </g>
                <g id="rl-mk-rejected" class="glyph glyph-rejected">
                    <rect x="-6" y="-6" width="12" height="12" rx="1.5" />
                    <path d="M-3.4 3.4 L3.4 -3.4" />
                </g>
            </defs>
        </svg>
    }
}

/// The key to the colours, patterns and marker shapes.
#[function_component(Legend)]
fn legend() -> Html {
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
                    <use href={kind.glyph_href()} x="9" y="9" />
                </svg>
                { kind.legend() }
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
