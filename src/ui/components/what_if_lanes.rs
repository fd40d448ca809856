//! The what-if lanes: for each compared tier × resource, the current lane above the what-if lane
//! on one time axis, with the clock's cursor and the first divergence marked across both.
//!
//! A compact renderer of its own (state bands with the timeline's patterns, the timeline's marker
//! glyphs, merged as there when they would overlap at the lanes' width); the drawing is computed
//! once per comparison, language and width, the clock only moves the cursor and the lanes'
//! `data-state`.

use crate::engine::{Event, State, Time, Trace};
use crate::ui::components::timeline::MARKER_MERGE_PX;
use crate::ui::hooks::use_element_width;
use crate::ui::i18n::explain::state_label;
use crate::ui::i18n::format::{minute, second};
use crate::ui::i18n::{tr, trf, use_lang, Lang};
use crate::ui::markers::MarkerKind;
use crate::ui::sim::Sim;
use crate::ui::text::{axis_labels, fraction, percent};
use crate::ui::what_if_state::{event_text, Comparison};
use std::rc::Rc;
use yew::prelude::*;

/// The axis width assumed until it is measured, in pixels.
const AXIS_WIDTH_PX: i32 = 420;

/// Properties of [`WhatIfLanes`].
#[derive(Properties, PartialEq)]
pub struct WhatIfLanesProps {
    /// The comparison drawn.
    pub result: Rc<Comparison>,
    /// The virtual clock.
    pub now: Time,
}

/// One lane's drawing.
#[derive(Debug, PartialEq)]
struct LaneDraw {
    /// `current` or `whatif`.
    side: &'static str,
    tier: String,
    resource: usize,
    resource_id: String,
    /// `(x, width, state)` in percent of the axis.
    bands: Vec<(String, String, State)>,
    markers: Vec<MarkerDraw>,
}

/// One glyph on a lane.
#[derive(Debug, PartialEq)]
struct MarkerDraw {
    /// Where it stands (its first event), in percent of the axis.
    left: String,
    kind: MarkerKind,
    /// The instants of every event it marks, RFC 3339, space-separated, in time order.
    at: String,
    /// How many events it marks.
    count: usize,
    /// Its tooltip.
    title: String,
}

/// One compared tier × resource.
#[derive(Debug, PartialEq)]
struct GroupDraw {
    label: String,
    diverges: bool,
    lanes: [Rc<LaneDraw>; 2],
}

/// A glyph while a lane is drawn: its first event, and how many of its kind it stands for.
struct Glyph<'a> {
    x: f64,
    kind: MarkerKind,
    first: &'a Event,
    instants: Vec<Time>,
}

/// The glyphs of resource `r`'s events on a lane `width_px` wide: markers of one kind closer than
/// the timeline's [`MARKER_MERGE_PX`] merge into the first of them.
fn glyphs(trace: &Trace, r: usize, span: (Time, Time), width_px: f64) -> Vec<Glyph<'_>> {
    let mut glyphs: Vec<Glyph> = Vec::new();
    let mut last_of_kind: Vec<(MarkerKind, usize)> = Vec::new();
    for event in trace.events.iter().filter(|e| e.resource == Some(r)) {
        let Some(kind) = MarkerKind::of(&event.kind) else {
            continue;
        };
        let x = fraction(span.0, span.1, event.at);
        let near = last_of_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|&(_, i)| i)
            .filter(|&i| (x - glyphs[i].x) * width_px < MARKER_MERGE_PX);
        if let Some(i) = near {
            glyphs[i].instants.push(event.at);
            continue;
        }
        last_of_kind.retain(|(k, _)| *k != kind);
        last_of_kind.push((kind, glyphs.len()));
        glyphs.push(Glyph {
            x,
            kind,
            first: event,
            instants: vec![event.at],
        });
    }
    glyphs
}

fn lane_draw(
    lang: Lang,
    side: &'static str,
    sim: &Sim,
    trace: &Trace,
    r: usize,
    span: (Time, Time),
    width_px: f64,
) -> LaneDraw {
    let x = |t: Time| fraction(span.0, span.1, t);
    let bands = trace
        .state_spans(r)
        .into_iter()
        .map(|(from, to, state)| (percent(x(from)), percent(x(to) - x(from)), state))
        .collect();
    let markers = glyphs(trace, r, span, width_px)
        .into_iter()
        .map(|glyph| {
            let event = glyph.first;
            let count = glyph.instants.len();
            let last = glyph.instants.last().copied().unwrap_or(event.at);
            let title = if count > 1 {
                trf(
                    lang,
                    "{0} × {1} from {2} to {3}, too close together to draw apart at this width \
                     (the event log lists each)",
                    &[
                        &count.to_string(),
                        tr(lang, glyph.kind.legend()),
                        &minute(lang, event.at),
                        &minute(lang, last),
                    ],
                )
            } else {
                trf(
                    lang,
                    "{0}: {1}",
                    &[&second(lang, event.at), &event_text(lang, &event.kind)],
                )
            };
            let at: Vec<String> = glyph
                .instants
                .iter()
                .map(|t| t.rfc3339(trace.offset))
                .collect();
            MarkerDraw {
                left: percent(glyph.x),
                kind: glyph.kind,
                at: at.join(" "),
                count,
                title,
            }
        })
        .collect();
    LaneDraw {
        side,
        tier: trace.tier.clone(),
        resource: r,
        resource_id: sim
            .scenario
            .resources
            .get(r)
            .map_or_else(String::new, |res| res.id.clone()),
        bands,
        markers,
    }
}

fn groups(result: &Comparison, lang: Lang, width_px: f64) -> Vec<GroupDraw> {
    let (base, branch): (&Sim, &Sim) = (&result.base, &result.branch);
    let span = (base.scenario.start(), base.scenario.until);
    let mut out = Vec::new();
    for &(i, j) in &result.pairs {
        let (Some(a), Some(b)) = (base.traces.get(i), branch.traces.get(j)) else {
            continue;
        };
        for (r, resource) in base.scenario.resources.iter().enumerate() {
            let tiers = if a.tier == b.tier {
                a.tier.clone()
            } else {
                format!("{} → {}", a.tier, b.tier)
            };
            out.push(GroupDraw {
                label: format!("{tiers} · {}", resource.id),
                diverges: result.lane_divergence((i, j), r).is_some(),
                lanes: [
                    Rc::new(lane_draw(lang, "current", base, a, r, span, width_px)),
                    Rc::new(lane_draw(lang, "whatif", branch, b, r, span, width_px)),
                ],
            });
        }
    }
    out
}

/// Both runs, aligned.
#[function_component(WhatIfLanes)]
pub fn what_if_lanes(props: &WhatIfLanesProps) -> Html {
    let lang = use_lang();
    let result = &props.result;
    // The lanes are as wide as the day/month axis under them: measured, for labels that never run
    // into each other and glyphs that never pile up on a phone.
    let axis_ref = use_node_ref();
    // (Not printed: the what-if panel is left out of the printed page.)
    let axis_width = use_element_width(axis_ref.clone(), AXIS_WIDTH_PX, None);
    let drawn = use_memo(
        (result.clone(), lang, axis_width),
        |(result, lang, width)| groups(result, *lang, f64::from(*width)),
    );
    let base: &Sim = &result.base;
    let branch: &Sim = &result.branch;
    let (start, end) = (base.scenario.start(), base.scenario.until);
    let now = props.now;
    let offset = base.scenario.offset;

    let lane = |draw: &Rc<LaneDraw>| {
        let (sim, side_label) = if draw.side == "current" {
            (base, tr(lang, "Current"))
        } else {
            (branch, tr(lang, "What-if"))
        };
        let state = sim
            .traces
            .iter()
            .find(|t| t.tier == draw.tier)
            .and_then(|t| t.status_at(draw.resource, now))
            .map(|s| s.state);
        let label = trf(
            lang,
            "{0}, tier {1}, {2}: {3}",
            &[
                side_label,
                &draw.tier,
                &draw.resource_id,
                state.map_or_else(|| tr(lang, "not bought yet"), |s| state_label(lang, s)),
            ],
        );
        html! {
            <div class="wi-row">
                <span class="wi-side" aria-hidden="true">{ side_label }</span>
                <div class="wi-lane" data-testid="whatif-lane" data-side={draw.side}
                     data-tier={draw.tier.clone()} data-resource={draw.resource_id.clone()}
                     data-state={state.map_or("not-started", State::as_str)}
                     role="img" aria-label={label}>
                    <LaneBody draw={draw.clone()} />
                </div>
            </div>
        }
    };
    let groups = drawn.iter().map(|group| {
        html! {
            <div class={classes!("wi-group", group.diverges.then_some("wi-diverges"))}
                 data-diverges={if group.diverges { "true" } else { "false" }}>
                <div class="wi-group-label">{ &group.label }</div>
                { lane(&group.lanes[0]) }
                { lane(&group.lanes[1]) }
            </div>
        }
    });
    let divergence = result.first.as_ref().map(|d| {
        let at = fraction(start, end, d.at);
        let style = format!("left: {}", percent(at));
        // In the right half the flag hangs to the left of its line, so it never leaves the chart.
        let late = (at > 0.5).then_some("is-late");
        html! {
            <div class={classes!("wi-divergence", late)} data-testid="whatif-divergence"
                 data-at={d.at.rfc3339(offset)} {style}>
                <span class="wi-divergence-flag">{ tr(lang, "first divergence") }</span>
            </div>
        }
    });
    let cursor = format!("left: {}", percent(fraction(start, end, now)));
    let axis = use_memo(
        (start, end, lang, axis_width),
        |(start, end, lang, width)| axis_labels(*lang, *start, *end, f64::from(*width)),
    );
    let ticks = axis.iter().map(|placed| {
        let style = format!("left: {}", percent(placed.fraction));
        html! {
            <span class={classes!("wi-tick", placed.tick.major.then_some("is-major"),
                                  placed.anchor_end.then_some("is-end"))} {style}>
                { &placed.tick.label }
            </span>
        }
    });
    html! {
        <div class="wi-lanes">
            { for groups }
            <div class="wi-row" aria-hidden="true">
                <span class="wi-side"></span>
                <div class="wi-axis" data-testid="whatif-axis" ref={axis_ref}>{ for ticks }</div>
            </div>
            <div class="wi-overlay" aria-hidden="true">
                { divergence }
                <div class="wi-cursor" data-testid="whatif-cursor" style={cursor}></div>
            </div>
        </div>
    }
}

/// Properties of [`LaneBody`]; equal when they hold the same drawing.
#[derive(Properties)]
struct LaneBodyProps {
    draw: Rc<LaneDraw>,
}

impl PartialEq for LaneBodyProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.draw, &other.draw)
    }
}

/// A lane's bands and markers, drawn once per comparison.
#[function_component(LaneBody)]
fn lane_body(props: &LaneBodyProps) -> Html {
    let draw = &props.draw;
    let bands = draw.bands.iter().map(|(x, width, state)| {
        let state = state.as_str();
        html! {
            <rect class={format!("band band-{state}")} x={x.clone()} y="0" width={width.clone()}
                  height="100%" fill={format!("url(#rl-pat-{state})")} />
        }
    });
    let markers = draw.markers.iter().map(|marker| {
        let kind = marker.kind;
        html! {
            <svg class="wi-mark" data-testid="whatif-marker" data-kind={kind.data_kind()}
                 data-at={marker.at.clone()} data-count={marker.count.to_string()}
                 viewBox="-8 -8 16 16" style={format!("left: {}", marker.left)}>
                <path class={format!("glyph glyph-{}", kind.data_kind())} d={kind.glyph(0.0, 0.0)}>
                    <title>{ &marker.title }</title>
                </path>
            </svg>
        }
    });
    html! {
        <>
            <svg class="wi-bands" aria-hidden="true">{ for bands }</svg>
            { for markers }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{simulate, Scenario};

    #[test]
    fn glyphs_of_one_kind_merge_only_when_they_would_overlap() {
        let scenario = Scenario::from_json(include_str!(
            "../../../scenarios/auto-renew-low-balance.json"
        ))
        .expect("valid");
        let trace = simulate(&scenario);
        let span = (scenario.start(), scenario.until);
        let kinds = |width: f64| -> Vec<(MarkerKind, usize)> {
            glyphs(&trace, 0, span, width)
                .iter()
                .map(|g| (g.kind, g.instants.len()))
                .collect()
        };
        // Wide, each daily failed attempt has its glyph; on a phone the three (a day apart)
        // are one glyph that counts them, and the paid attempt a day later keeps its own.
        let wide = kinds(4000.0);
        assert_eq!(
            wide.iter()
                .filter(|(k, _)| *k == MarkerKind::AttemptFailed)
                .count(),
            3,
            "{wide:?}"
        );
        let narrow = kinds(200.0);
        assert!(
            narrow.contains(&(MarkerKind::AttemptFailed, 3)),
            "{narrow:?}"
        );
        assert!(
            narrow.contains(&(MarkerKind::AttemptSucceeded, 1)),
            "{narrow:?}"
        );
        let events = |g: &[(MarkerKind, usize)]| g.iter().map(|(_, n)| n).sum::<usize>();
        assert_eq!(events(&narrow), events(&wide));
    }
}
