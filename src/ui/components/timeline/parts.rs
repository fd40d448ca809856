//! The timeline's parts that re-render on their own: the name column, each lane and its drawing,
//! the tier rows, the axis and grid, the shared SVG patterns and glyphs, and the legend.

use super::geometry::{Geometry, LaneDrawing, MarkerPath, PlacedTick, LANE_LABEL_Y};
use crate::engine::State;
use crate::ui::i18n::explain::state_name;
use crate::ui::i18n::{plural, tr, trf, use_lang};
use crate::ui::markers::MarkerKind;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Labels`].
#[derive(Properties)]
pub(super) struct LabelsProps {
    pub(super) geometry: Rc<Geometry>,
}

impl PartialEq for LabelsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.geometry, &other.geometry)
    }
}

/// The column of tier and resource names beside the track.
#[function_component(Labels)]
pub(super) fn labels(props: &LabelsProps) -> Html {
    let lang = use_lang();
    let groups = props.geometry.tiers.iter().map(|tier| {
        let lanes = tier.lanes.iter().map(|lane| {
            let lane = &lane.drawing;
            html! {
                <div class="tl-label tl-label-lane" key={lane.resource}>
                    <span class="tl-resource" title={lane.resource_id.clone()}>{ &lane.resource_id }</span>
                    <span class="tl-billing">{ tr(lang, if lane.pay_per_use { "pay-per-use" } else { "package" }) }</span>
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
pub(super) struct LaneProps {
    pub(super) geometry: Rc<LaneDrawing>,
    pub(super) state: Option<State>,
}

impl PartialEq for LaneProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.geometry, &other.geometry) && self.state == other.state
    }
}

/// One resource of one tier. Only its state changes with the clock; the drawing is [`LaneBody`].
#[function_component(Lane)]
pub(super) fn lane(props: &LaneProps) -> Html {
    let lang = use_lang();
    let lane = &props.geometry;
    let state = props.state.map_or("not-started", State::as_str);
    // The drawing's text names the run's states; this, the one at the clock.
    let now = props.state.map_or_else(
        || tr(lang, "not started yet").to_string(),
        |state| trf(lang, "now {0}", &[state_name(lang, state)]),
    );
    html! {
        <div class="lane" data-testid="lane" data-tier={lane.tier.clone()}
             data-resource={lane.resource_id.clone()} data-state={state}>
            <LaneBody geometry={lane.clone()} />
            <span class="visually-hidden">{ now }</span>
        </div>
    }
}

/// Properties of [`LaneBody`]; equal when they hold the same geometry (pointer comparison).
#[derive(Properties)]
pub(super) struct LaneBodyProps {
    pub(super) geometry: Rc<LaneDrawing>,
}

impl PartialEq for LaneBodyProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.geometry, &other.geometry)
    }
}

/// A lane's bands, labels and markers, drawn once per simulation and width.
#[function_component(LaneBody)]
pub(super) fn lane_body(props: &LaneBodyProps) -> Html {
    let lane = &props.geometry;
    let bands = lane.bands.iter().map(|band| {
        let state = band.state.as_str();
        html! {
            <rect class={format!("band band-{state}")} x={band.x.clone()} y="0"
                  width={band.width.clone()} height="100%"
                  fill={format!("url(#rl-pat-{state})")} />
        }
    });
    // In the bands' drawing, which keeps its own pixels (x in percent, then 6 px in): in the
    // markers' drawing, stretched to the lane's measured width, words were distorted wherever the
    // lane is drawn at another width than measured (the printed page).
    let labels = lane.bands.iter().filter_map(|band| {
        let label = band.label?;
        Some(html! {
            <text class={format!("band-label band-label-{}", band.state.as_str())}
                  x={band.x.clone()} dx="6" y={LANE_LABEL_Y}>{ label }</text>
        })
    });
    html! {
        <>
            <svg class="lane-svg lane-bands" aria-hidden="true">{ for bands }{ for labels }</svg>
            <svg class="lane-svg lane-marks" role="img" aria-label={lane.summary.clone()}
                 viewBox={lane.view_box.clone()} preserveAspectRatio="none">
                { markers_html(&lane.markers) }
            </svg>
        </>
    }
}

/// One path per kind; the glyphs are its vertices' SVG markers (defined in [`SvgDefinitions`]).
pub(super) fn markers_html(paths: &[MarkerPath]) -> Html {
    paths
        .iter()
        .map(|path| {
            html! {
                <path class={classes!("marker", path.kind.marker_class(), path.single.then_some("marker-single"))}
                      data-testid="marker" data-kind={path.kind.data_kind()}
                      data-at={path.at.clone()} data-count={path.count.to_string()}
                      d={path.d.clone()} />
            }
        })
        .collect()
}

/// Properties of [`TierRow`].
#[derive(Properties)]
pub(super) struct TierRowProps {
    pub(super) view_box: String,
    pub(super) is_scenario_tier: bool,
    pub(super) days_long: String,
    pub(super) days_short: String,
    pub(super) markers: Rc<Vec<MarkerPath>>,
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
pub(super) fn tier_row(props: &TierRowProps) -> Html {
    let lang = use_lang();
    let top_ups: usize = props.markers.iter().map(|path| path.count).sum();
    html! {
        <div class="tl-tier-row">
            <span class="tl-tier-days">
                if props.is_scenario_tier { <strong class="tl-yours">{ tr(lang, "scenario tier") }{ " · " }</strong> }
                <span class="tl-days-long">{ &props.days_long }</span>
                <span class="tl-days-short">{ &props.days_short }</span>
            </span>
            <svg class="tl-tier-svg" viewBox={props.view_box.clone()} preserveAspectRatio="none"
                 aria-hidden={props.markers.is_empty().then_some("true")}
                 role={(!props.markers.is_empty()).then_some("img")}
                 aria-label={(!props.markers.is_empty()).then(|| plural(lang, top_ups as i64, "{0} top-up", "{0} top-ups"))}>
                { markers_html(&props.markers) }
            </svg>
        </div>
    }
}

/// Properties of [`Axis`] and [`Grid`].
#[derive(Properties)]
pub(super) struct TicksProps {
    pub(super) ticks: Rc<Vec<PlacedTick>>,
}

impl PartialEq for TicksProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ticks, &other.ticks)
    }
}

/// The day/month axis above the lanes.
#[function_component(Axis)]
pub(super) fn axis(props: &TicksProps) -> Html {
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
pub(super) fn grid(props: &TicksProps) -> Html {
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
pub(super) fn svg_definitions() -> Html {
    // Each kind's glyph as a marker: drawn centred on every vertex of that kind's marker paths.
    let glyphs = MarkerKind::ALL.iter().map(|kind| {
        html! {
            <marker id={kind.glyph_id()} markerUnits="userSpaceOnUse" markerWidth="18"
                    markerHeight="18" refX="9" refY="9" orient="0" overflow="visible">
                <path class={classes!("glyph", kind.glyph_class())} d={kind.glyph(9.0, 9.0)} />
            </marker>
        }
    });
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
                { for glyphs }
            </defs>
        </svg>
    }
}

/// The key to the colours, patterns and marker shapes.
#[function_component(Legend)]
pub(super) fn legend() -> Html {
    let lang = use_lang();
    let states = State::ALL.iter().map(|&state| {
        let name = state.as_str();
        html! {
            <li class="legend-item">
                <svg class="legend-swatch" width="28" height="14" aria-hidden="true">
                    <rect class={format!("band band-{name}")} width="28" height="14" rx="3"
                          fill={format!("url(#rl-pat-{name})")} />
                </svg>
                { state_name(lang, state) }
            </li>
        }
    });
    let markers = MarkerKind::ALL.iter().map(|kind| {
        html! {
            <li class="legend-item">
                <svg class="legend-glyph" width="18" height="18" aria-hidden="true">
                    <path class={classes!("glyph", kind.glyph_class())} d={kind.glyph(9.0, 9.0)} />
                </svg>
                { tr(lang, kind.legend()) }
            </li>
        }
    });
    html! {
        <ul class="legend" aria-label={tr(lang, "Legend")}>
            { for states }
            { for markers }
        </ul>
    }
}
