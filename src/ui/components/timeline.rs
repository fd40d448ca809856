//! The timeline: one lane per tier × resource with state bands, event markers, an axis and the cursor.
//!
//! Everything drawn comes from the traces: bands from [`Trace::state_spans`], markers from the
//! events, the lane states from [`Trace::status_at`]. The geometry is memoized on the simulation
//! (and the track's width). Moving the clock re-renders the timeline's frame (cursor, slider, tier
//! rows) but not the lanes' bands and markers: a lane's body re-renders only when its state
//! changes.

use crate::engine::time::SECS_PER_HOUR;
use crate::engine::trace::ActionName;
use crate::engine::{BillingMode, EventKind, Offset, State, Time, Trace};
use crate::ui::hooks::use_element_width;
use crate::ui::i18n::explain::{act_name, refusal, state_name, term, when};
use crate::ui::i18n::format::{minute, money, offset as offset_label, second};
use crate::ui::i18n::{plural, tr, trf, use_lang, Lang};
use crate::ui::markers::{MarkerKind, GLYPH_HALF_PX};
use crate::ui::reminder;
use crate::ui::sim::{Sim, SimRef};
use crate::ui::text::{
    axis_labels, fraction, percent, push_digits, push_tenths, slider_step_secs, tenths,
    tier_days_long_in, tier_days_short_in, time_at_fraction, Tick,
};
use std::rc::Rc;
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
/// Markers of one kind closer than this (in pixels) merge into one.
pub const MARKER_MERGE_PX: f64 = 13.0;
/// How far (in pixels) from a glyph's centre the pointer still points at it.
const MARKER_HIT_PX: f64 = 7.0;
/// Pixels per character of a band label (11 px type), for deciding whether it fits.
const LABEL_CHAR_PX: f64 = 6.6;
/// The vertical centre of the markers in a lane, in pixels from its top.
const LANE_MARKER_Y: f64 = 27.0;
/// The baseline of band labels in a lane, in pixels from its top.
const LANE_LABEL_Y: &str = "14";
/// The vertical centre of the account markers in a tier row.
const TIER_MARKER_Y: f64 = 25.0;
/// The height of a lane, in pixels (the CSS `--tl-lane-h`).
const LANE_HEIGHT: f64 = 40.0;
/// The height of a tier row holding top-up markers, in pixels (the CSS `--tl-tier-h` then).
const TIER_ROW_HEIGHT: f64 = 36.0;

/// An SVG `viewBox` from the origin, its sides rounded to whole pixels.
fn view_box(width: f64, height: f64) -> String {
    let whole = |v: f64| tenths((v.max(0.0)).round());
    format!("0 0 {} {}", whole(width), whole(height))
}

/// Appends `t` as RFC 3339 in the offset written `offset` (`+08:00`), as [`Time::rfc3339`] does
/// but without `format!`: the timeline writes one per marked event (thousands) at every edit.
fn push_rfc3339(out: &mut String, t: Time, offset: &str) {
    const DAY: i64 = 86_400;
    let secs = t.secs();
    let (days, of_day) = (secs.div_euclid(DAY), secs.rem_euclid(DAY));
    // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    if year < 0 {
        out.push('-');
    }
    push_digits(out, year.unsigned_abs(), 4);
    for (separator, value) in [
        ('-', month),
        ('-', day),
        ('T', of_day / 3_600),
        (':', of_day / 60 % 60),
        (':', of_day % 60),
    ] {
        out.push(separator);
        push_digits(out, value.unsigned_abs(), 2);
    }
    out.push_str(offset);
}

/// One state band of a lane.
#[derive(Clone, Debug, PartialEq)]
struct Band {
    x: String,
    width: String,
    state: State,
    /// The state's word, when it fits in the band (drawn at its start).
    label: Option<&'static str>,
}

/// One glyph drawn on a lane: one event, or several of one kind that would overlap (merged).
/// Kept beside the drawing to say what the glyph under the pointer stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drawn {
    kind: MarkerKind,
    /// Its centre, in pixels of the track width the geometry was made for.
    px: f64,
    /// The index of its (first) event in the trace.
    event: usize,
    /// How many events it stands for.
    count: usize,
    /// When its first and last events were.
    first: Time,
    last: Time,
}

/// Every marker of one kind in a lane (or a tier row), drawn by one path: a polyline through the
/// glyphs' centres whose vertices carry the kind's SVG `<marker>` glyph, so thousands of events
/// cost one element per kind.
#[derive(Clone, Debug)]
struct MarkerPath {
    kind: MarkerKind,
    /// `M x yL x y…` through the glyphs' centres (`…h0` when there is one).
    d: String,
    /// Whether it draws a single glyph (then only its start vertex carries one).
    single: bool,
    /// The instants of every event it marks, in time order, and their UTC offset.
    instants: Vec<Time>,
    offset: Offset,
    /// The same written out for `data-at` (RFC 3339, space-separated); filled by [`fill_at`]
    /// only for drawings an edit changed, as thousands are written per lane.
    at: String,
    /// How many events it marks.
    count: usize,
}

/// Equal when they draw and mark the same (`at` is written from the instants and offset).
impl PartialEq for MarkerPath {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.single == other.single
            && self.count == other.count
            && self.offset == other.offset
            && self.d == other.d
            && self.instants == other.instants
    }
}

/// Writes `path.at` from its instants, unless already written.
fn fill_at(path: &mut MarkerPath) {
    if !path.at.is_empty() || path.instants.is_empty() {
        return;
    }
    let offset = path.offset.to_string();
    path.at.reserve(path.instants.len() * (20 + offset.len()));
    for (i, &t) in path.instants.iter().enumerate() {
        if i > 0 {
            path.at.push(' ');
        }
        push_rfc3339(&mut path.at, t, &offset);
    }
}

/// Writes the `data-at` of every drawing not shared with a previous geometry (those were written
/// when first made).
fn fill_strings(geometry: &mut Geometry) {
    for tier in &mut geometry.tiers {
        if let Some(paths) = Rc::get_mut(&mut tier.account_markers) {
            paths.iter_mut().for_each(fill_at);
        }
        for lane in &mut tier.lanes {
            if let Some(drawing) = Rc::get_mut(&mut lane.drawing) {
                drawing.markers.iter_mut().for_each(fill_at);
            }
        }
    }
}

/// Everything drawn in one lane, computed once per simulation and width.
#[derive(Debug, PartialEq)]
struct LaneDrawing {
    /// `0 0 width height`: marks are drawn in pixels of the measured width, then fitted.
    view_box: String,
    tier: String,
    resource: usize,
    resource_id: String,
    pay_per_use: bool,
    bands: Vec<Band>,
    markers: Vec<MarkerPath>,
    summary: String,
}

/// One lane: its drawing (shared with the previous geometry when unchanged) and its glyphs.
#[derive(Debug)]
struct LaneGeometry {
    drawing: Rc<LaneDrawing>,
    drawn: Vec<Drawn>,
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
    account_markers: Rc<Vec<MarkerPath>>,
    account_drawn: Vec<Drawn>,
    lanes: Vec<LaneGeometry>,
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
    /// The track width (px) it was made for.
    width_px: f64,
    ticks: Rc<Vec<PlacedTick>>,
    tiers: Vec<TierGeometry>,
}

impl Geometry {
    /// The instant of the glyph `tip` names: its event's (the first one's, for glyphs merged
    /// because they were too close together to draw apart).
    fn instant_of(&self, tip: Tip) -> Option<Time> {
        let tier = self.tiers.get(tip.tier)?;
        let drawn = match tip.lane {
            Some(lane) => &tier.lanes.get(lane)?.drawn,
            None => &tier.account_drawn,
        };
        drawn.get(tip.glyph).map(|glyph| glyph.first)
    }
}

/// Collects the markers of a lane (or a tier row), merging one into the previous of its kind when
/// they would overlap.
struct MarkerSink {
    y: f64,
    offset: Offset,
    /// Per kind (in [`MarkerKind::ALL`] order): its path so far.
    paths: [Option<MarkerPath>; MarkerKind::ALL.len()],
    drawn: Vec<Drawn>,
    /// Per kind: the index in `drawn` of its last glyph.
    last: [Option<usize>; MarkerKind::ALL.len()],
}

impl MarkerSink {
    fn new(y: f64, offset: Offset) -> Self {
        MarkerSink {
            y,
            offset,
            paths: Default::default(),
            drawn: Vec::new(),
            last: [None; MarkerKind::ALL.len()],
        }
    }

    /// Adds the event `event` (of `kind`, at `at`) at `px`.
    fn push(&mut self, kind: MarkerKind, px: f64, event: usize, at: Time) {
        let slot = MarkerKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        let offset = self.offset;
        let path = self.paths[slot].get_or_insert_with(|| MarkerPath {
            kind,
            d: String::new(),
            single: true,
            instants: Vec::new(),
            offset,
            at: String::new(),
            count: 0,
        });
        path.instants.push(at);
        path.count += 1;
        if let Some(previous) = self.last[slot].and_then(|i| self.drawn.get_mut(i)) {
            if px - previous.px < MARKER_MERGE_PX {
                previous.count += 1;
                previous.last = at;
                return;
            }
        }
        path.single = path.d.is_empty();
        path.d.push(if path.single { 'M' } else { 'L' });
        push_tenths(&mut path.d, px);
        path.d.push(' ');
        push_tenths(&mut path.d, self.y);
        self.last[slot] = Some(self.drawn.len());
        self.drawn.push(Drawn {
            kind,
            px,
            event,
            count: 1,
            first: at,
            last: at,
        });
    }

    /// The paths (reminders, then failed attempts, so a paid one drawn at the same place shows on
    /// top) and the glyphs. The order's length is the number of kinds, so none can be left out.
    fn finish(mut self) -> (Vec<MarkerPath>, Vec<Drawn>) {
        const PAINT_ORDER: [usize; MarkerKind::ALL.len()] = [5, 1, 0, 2, 3, 4];
        let paths = PAINT_ORDER
            .iter()
            .filter_map(|&slot| self.paths.get_mut(slot).and_then(Option::take))
            .map(|mut path| {
                if path.single {
                    // One vertex would draw nothing: a zero-length segment, its start marked.
                    path.d.push_str("h0");
                }
                path
            })
            .collect();
        (paths, self.drawn)
    }
}

/// Glyphs whose centres are this close (in pixels) overlap so much that one hides the other:
/// the tooltip of either names both.
const STACKED_PX: f64 = 4.0;

/// The glyph of `drawn` nearest to `px`, if one is within reach of the pointer.
fn glyph_near(drawn: &[Drawn], px: f64) -> Option<usize> {
    drawn
        .iter()
        .enumerate()
        .map(|(i, d)| (i, (d.px - px).abs()))
        .filter(|&(_, distance)| distance <= MARKER_HIT_PX)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// What a glyph stands for, in words (its tooltip): the event explained, or for merged glyphs how
/// many of which kind from when to when.
fn glyph_text(sim: &Sim, trace: &Trace, drawn: &Drawn, lang: Lang) -> String {
    if drawn.count > 1 {
        return trf(
            lang,
            "{0} × {1} from {2} to {3}, too close together to draw apart at this width \
             (the event log lists each)",
            &[
                &drawn.count.to_string(),
                tr(lang, drawn.kind.legend()),
                &minute(lang, drawn.first),
                &minute(lang, drawn.last),
            ],
        );
    }
    let Some(event) = trace.events.get(drawn.event) else {
        return String::new();
    };
    let who = event
        .resource
        .and_then(|r| sim.scenario.resources.get(r))
        .map_or(tr(lang, "account"), |r| r.id.as_str());
    let renewal = trace
        .events
        .get(drawn.event + 1)
        .filter(|next| next.at == event.at && next.resource == event.resource);
    let resource = event.resource.and_then(|r| sim.scenario.resources.get(r));
    let sentence = match (event.kind, resource) {
        (EventKind::Reminder { notice, due }, Some(resource)) => format!(
            "{} [{}]",
            reminder::sentence(lang, notice, due, resource),
            reminder::rule(lang)
        ),
        _ => marker_sentence(
            lang,
            &event.kind,
            renewal.map(|next| &next.kind),
            tr(lang, crate::explain::attempt_rule(event)),
        ),
    };
    trf(
        lang,
        "{0} {1}, {2}: {3}",
        &[
            &second(lang, event.at),
            &offset_label(trace.offset),
            who,
            &sentence,
        ],
    )
}

/// Makes `fresh` share every part equal to `previous`'s, so the lanes an edit did not change keep
/// their drawing (same pointer) and are not redrawn.
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
            let same = old.lanes.iter().find(|o| {
                o.drawing.resource == lane.drawing.resource
                    && o.drawing.resource_id == lane.drawing.resource_id
            });
            if let Some(old_lane) = same.filter(|o| o.drawing == lane.drawing) {
                lane.drawing = old_lane.drawing.clone();
            }
        }
    }
}

/// Computes every band, marker and tick for a track `width_px` wide, sharing the drawings equal to
/// `previous`'s.
fn geometry(sim: &Sim, width_px: f64, lang: Lang, previous: Option<&Geometry>) -> Geometry {
    let mut fresh = raw_geometry(sim, width_px, lang);
    if let Some(previous) = previous {
        reuse_unchanged(&mut fresh, previous);
    }
    fill_strings(&mut fresh);
    fresh
}

/// [`geometry`] without the `data-at` strings.
fn raw_geometry(sim: &Sim, width_px: f64, lang: Lang) -> Geometry {
    let start = sim.traces.first().map_or(Time::default(), |t| t.start);
    let until = sim.traces.first().map_or(start, |t| t.until);
    // A workshop's view ends at the clock, where the event just revealed is: a margin after it
    // (a fiftieth of the span, at least an hour) keeps its glyph whole instead of half cut off at
    // the lane's edge, and shows that the run goes on past what is shown.
    let hides_future = sim.traces.first().is_some_and(|t| t.hides_future);
    let end = if hides_future {
        until.plus_secs(((until.secs() - start.secs()) / 50).max(SECS_PER_HOUR))
    } else {
        until
    };
    let x_of = |t: Time| fraction(start, end, t);
    let ticks = axis_labels(lang, start, end, width_px)
        .into_iter()
        .map(|placed| PlacedTick {
            x: percent(placed.fraction),
            anchor_end: placed.anchor_end,
            tick: placed.tick,
        })
        .collect();
    let scenario_tier = sim.scenario_tier();
    let tiers = sim
        .traces
        .iter()
        .enumerate()
        .map(|(index, trace)| {
            tier_geometry(sim, trace, lang, index == scenario_tier, &x_of, width_px)
        })
        .collect();
    Geometry {
        start,
        end,
        width_px,
        ticks: Rc::new(ticks),
        tiers,
    }
}

/// A glyph's `px` moved just inside the lane when it would be half past an edge (an event at the
/// run's first or last instant): the tier's frame clips what lies outside it.
fn inside_lane(px: f64, width_px: f64) -> f64 {
    // Not `clamp`, which panics on a NaN bound (a width not yet measured).
    if width_px.is_nan() || width_px <= 2.0 * GLYPH_HALF_PX {
        return px;
    }
    px.max(GLYPH_HALF_PX).min(width_px - GLYPH_HALF_PX)
}

fn tier_geometry(
    sim: &Sim,
    trace: &Trace,
    lang: Lang,
    is_scenario_tier: bool,
    x_of: &dyn Fn(Time) -> f64,
    width_px: f64,
) -> TierGeometry {
    let scenario = &sim.scenario;
    let resource_count = scenario.resources.len();
    let mut sinks: Vec<MarkerSink> = (0..resource_count)
        .map(|_| MarkerSink::new(LANE_MARKER_Y, trace.offset))
        .collect();
    let mut account = MarkerSink::new(TIER_MARKER_Y, trace.offset);
    for (index, event) in trace.events.iter().enumerate() {
        let Some(kind) = MarkerKind::of(&event.kind) else {
            continue;
        };
        let px = inside_lane(x_of(event.at) * width_px, width_px);
        let sink = match event.resource {
            Some(r) => sinks.get_mut(r),
            None => Some(&mut account),
        };
        if let Some(sink) = sink {
            sink.push(kind, px, index, event.at);
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
                    let word = state_name(lang, state);
                    let fits = band_px >= label_width(word) * LABEL_CHAR_PX + 14.0;
                    Band {
                        x: percent(a),
                        width: percent(b - a),
                        state,
                        label: fits.then_some(word),
                    }
                })
                .collect();
            let (markers, drawn) = sink.finish();
            LaneGeometry {
                drawing: Rc::new(LaneDrawing {
                    view_box: view_box(width_px, LANE_HEIGHT),
                    tier: trace.tier.clone(),
                    resource: r,
                    pay_per_use: scenario
                        .resources
                        .get(r)
                        .is_some_and(|res| res.billing() == BillingMode::PayPerUse),
                    summary: lane_summary(lang, &trace.tier, &resource_id, &spans),
                    resource_id,
                    bands,
                    markers,
                }),
                drawn,
            }
        })
        .collect();
    let days = scenario.policy.tier(&trace.tier).unwrap_or_default();
    let uses = |mode: BillingMode| scenario.resources.iter().any(|r| r.billing() == mode);
    let (packages, pay_per_use) = (uses(BillingMode::Package), uses(BillingMode::PayPerUse));
    let (account_markers, account_drawn) = account.finish();
    TierGeometry {
        name: trace.tier.clone(),
        view_box: view_box(width_px, TIER_ROW_HEIGHT),
        days_long: tier_days_long_in(lang, days, packages, pay_per_use),
        days_short: tier_days_short_in(lang, days, packages, pay_per_use),
        is_scenario_tier,
        account_markers: Rc::new(account_markers),
        account_drawn,
        lanes,
    }
}

/// A label's width in Latin characters: a CJK character counts as two.
fn label_width(word: &str) -> f64 {
    word.chars()
        .map(|c| if u32::from(c) >= 0x2E80 { 2.0 } else { 1.0 })
        .sum()
}

/// What a marker's event did, in the event log's words (§ rule in brackets). Made from the event's
/// own fields: only the glyph under the pointer is worded. `renewal` is the event right after,
/// which for a successful attempt is the renewal it paid for; `attempt_rule` names the rule of an
/// attempt (the 03:00 window, or the one made at once on the expiry date), in `lang`.
fn marker_sentence(
    lang: Lang,
    kind: &EventKind,
    renewal: Option<&EventKind>,
    attempt_rule: &str,
) -> String {
    let m = |cents| money(lang, cents);
    match *kind {
        EventKind::AutoRenewAttempt {
            failure: Some(_),
            price,
            balance,
            ..
        } => trf(
            lang,
            "Auto-renew failed: balance {0} is below the price {1}. Nothing was charged. [{2}]",
            &[&m(balance), &m(price), attempt_rule],
        ),
        EventKind::AutoRenewAttempt {
            failure: None,
            price,
            ..
        } => match renewal {
            Some(EventKind::Renewed {
                term: t,
                expires,
                balance,
                ..
            }) => trf(
                lang,
                "Auto-renew paid {0} and renewed for {1}, counted from the expiry date; \
                 now valid through {2}. Balance {3}. [{4}]",
                &[
                    &m(price),
                    &term(lang, *t),
                    &when(lang, *expires),
                    &m(*balance),
                    attempt_rule,
                ],
            ),
            _ => trf(
                lang,
                "Auto-renew paid {0}. [{1}]",
                &[&m(price), attempt_rule],
            ),
        },
        EventKind::Renewed {
            term: t,
            expires,
            balance,
            ..
        } => trf(
            lang,
            "Renewed by hand for {0}, counted from the expiry date; now valid through {1}. \
             Balance {2}. [{3}]",
            &[
                &term(lang, t),
                &when(lang, expires),
                &m(balance),
                tr(lang, "§5 manual renewal"),
            ],
        ),
        EventKind::TopUp { amount, balance } => trf(
            lang,
            "Topped up {0}. Balance {1}. [{2}]",
            &[&m(amount), &m(balance), tr(lang, "§7 balance")],
        ),
        EventKind::ActionRejected {
            action,
            reason,
            shortfall,
        } => {
            let rule = match action {
                ActionName::Renew => tr(lang, "§5 manual renewal"),
                ActionName::SetAutoRenew => tr(lang, "§6 auto-renewal settings"),
            };
            trf(
                lang,
                "{0} refused: {1}. [{2}]",
                &[
                    act_name(lang, action),
                    &refusal(lang, reason, shortfall),
                    rule,
                ],
            )
        }
        EventKind::Purchased { .. }
        | EventKind::StateChanged { .. }
        | EventKind::AutoRenewChanged { .. }
        | EventKind::Reminder { .. } => String::new(),
    }
}

/// The lane in words, for screen readers: its first state changes.
fn lane_summary(
    lang: Lang,
    tier: &str,
    resource_id: &str,
    spans: &[(Time, Time, State)],
) -> String {
    const LISTED: usize = 6;
    let mut parts: Vec<String> = spans
        .iter()
        .take(LISTED)
        .map(|(from, _, state)| {
            trf(
                lang,
                "{0} from {1}",
                &[state_name(lang, *state), &minute(lang, *from)],
            )
        })
        .collect();
    if spans.len() > LISTED {
        let more = (spans.len() - LISTED) as i64;
        parts.push(plural(
            lang,
            more,
            "and {0} more change",
            "and {0} more changes",
        ));
    }
    if parts.is_empty() {
        parts.push(tr(lang, "no states yet").to_string());
    }
    trf(
        lang,
        "{0}, tier {1}: {2}",
        &[resource_id, tier, &parts.join(tr(lang, ", "))],
    )
}

/// Timeline of every tier and resource: bands per state (colour, pattern and label), markers, a
/// day/month axis, the clock's cursor, pointer scrubbing and a keyboard slider.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let TimelineProps {
        sim,
        now,
        on_seek,
        playing,
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
                    { trf(lang, "{0} → {1} · times in {2}", &[&minute(lang, start), &minute(lang, end), &offset_label(offset)]) }
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
                       aria-valuetext={spoken}
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

/// The glyph under the mouse (or a tapping finger): which tier, lane (none for the tier row) and
/// glyph, and where its tooltip goes (pixels from the track's top left).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tip {
    tier: usize,
    lane: Option<usize>,
    glyph: usize,
    /// The glyph's centre as a fraction of the track's width.
    x: f64,
    /// The top and bottom of its row.
    row_top: f64,
    row_bottom: f64,
    /// Whether the tooltip opens above the row: its row is in the lower part of the window, where
    /// a tooltip below would run off it (or under the compact clock on a phone).
    above: bool,
}

/// The glyph under the pointer of `event`, if any: found from the row under it (a lane or a tier
/// row, by their data attributes) and the pointer's distance to that row's glyphs.
fn tip_at(event: &PointerEvent, track_ref: &NodeRef, geometry: &Geometry) -> Option<Tip> {
    let track = track_ref.cast::<Element>()?;
    let row = event
        .target_dyn_into::<Element>()?
        .closest(".lane, .tl-tier-row")
        .ok()??;
    let tier_name = row.closest(".tl-group").ok()??.get_attribute("data-tier")?;
    let tier_index = geometry.tiers.iter().position(|t| t.name == tier_name)?;
    let tier = geometry.tiers.get(tier_index)?;
    let (lane, drawn) = match row.get_attribute("data-resource") {
        Some(id) => {
            let index = tier
                .lanes
                .iter()
                .position(|lane| lane.drawing.resource_id == id)?;
            (Some(index), &tier.lanes.get(index)?.drawn)
        }
        None => (None, &tier.account_drawn),
    };
    let rect = track.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return None;
    }
    let f = (f64::from(event.client_x()) - rect.left()) / rect.width();
    let glyph = glyph_near(drawn, f * geometry.width_px)?;
    let row_rect = row.get_bounding_client_rect();
    let window_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::MAX);
    Some(Tip {
        above: row_rect.bottom() > window_height * 0.6,
        tier: tier_index,
        lane,
        glyph,
        x: drawn.get(glyph)?.px / geometry.width_px,
        row_top: row_rect.top() - rect.top(),
        row_bottom: row_rect.bottom() - rect.top(),
    })
}

/// The tooltip of the glyph under the mouse (nothing when none is): what it stands for, under its
/// row, and a ring around it.
fn tip_html(sim: &Sim, geometry: &Geometry, tip: Option<Tip>, lang: Lang) -> Html {
    let found = tip.and_then(|tip| {
        let tier = geometry.tiers.get(tip.tier)?;
        let row = match tip.lane {
            Some(lane) => &tier.lanes.get(lane)?.drawn,
            None => &tier.account_drawn,
        };
        let drawn = row.get(tip.glyph)?;
        let trace = sim.traces.iter().find(|t| t.tier == tier.name)?;
        // Glyphs of other kinds drawn over this one (a refused act, a renewal and a failed
        // attempt at one instant) are named too, each on its line, so none hides another.
        let texts: Vec<String> = row
            .iter()
            .filter(|other| (other.px - drawn.px).abs() <= STACKED_PX)
            .map(|other| glyph_text(sim, trace, other, lang))
            .collect();
        Some((tip, texts))
    });
    let Some((tip, texts)) = found else {
        return Html::default();
    };
    let y = if tip.lane.is_some() {
        LANE_MARKER_Y
    } else {
        TIER_MARKER_Y
    };
    // Left of the glyph in the right half, right of it in the left half, so it stays inside.
    let side = if tip.x > 0.5 {
        format!("right: {}", percent(1.0 - tip.x))
    } else {
        format!("left: {}", percent(tip.x))
    };
    // Above the row, its bottom edge here (`.is-above` lifts it by its own height), or below it.
    let top = if tip.above {
        tip.row_top - 4.0
    } else {
        tip.row_bottom + 4.0
    };
    html! {
        <>
            <div class="tl-tip-ring" aria-hidden="true"
                 style={format!("left: {}; top: {}px", percent(tip.x), tenths(tip.row_top + y))} />
            <div class={classes!("tl-tip", tip.above.then_some("is-above"))} role="tooltip"
                 data-testid="marker-tip"
                 style={format!("{side}; top: {}px", tenths(top))}>
                { for texts.into_iter().map(|text| html! { <p class="tl-tip-line">{ text }</p> }) }
            </div>
        </>
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
struct LaneProps {
    geometry: Rc<LaneDrawing>,
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
struct LaneBodyProps {
    geometry: Rc<LaneDrawing>,
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
fn markers_html(paths: &[MarkerPath]) -> Html {
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
struct TierRowProps {
    view_box: String,
    is_scenario_tier: bool,
    days_long: String,
    days_short: String,
    markers: Rc<Vec<MarkerPath>>,
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
fn legend() -> Html {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scenario;

    #[test]
    fn every_gallery_scenario_is_drawn_at_any_width_in_every_language() {
        // The width comes from the page's layout: 0 while hidden, anything on a projector.
        let widths = [
            0.0,
            1.0,
            360.0,
            1_280.0,
            1.0e6,
            -5.0,
            f64::NAN,
            f64::INFINITY,
        ];
        for entry in crate::ui::scenarios::GALLERY {
            let scenario = Scenario::from_doc(&entry.doc().unwrap()).unwrap();
            let sim = Sim::new(scenario).expect("within the event bound");
            for width in widths {
                for lang in Lang::ALL {
                    let drawn = raw_geometry(&sim, width, lang);
                    assert_eq!(
                        drawn.tiers.len(),
                        sim.traces.len(),
                        "{} at {width}",
                        entry.slug
                    );
                }
            }
        }
    }

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
        assert_eq!(view_box(1234.6, 40.0), "0 0 1235 40");
        assert_eq!(view_box(-3.0, 36.4), "0 0 0 36");
    }

    #[test]
    fn instants_are_written_as_the_engine_writes_them() {
        let offsets = [Offset::default(), Offset::from_minutes(-210).unwrap()];
        // seconds since 1970-01-01T00:00:00 local: the epoch, a second before, 2026-01-08 09:00,
        // a leap day, a century that is not a leap year, far before and after
        let instants = [
            0,
            -1,
            1_767_862_800,
            1_835_406_000,
            4_107_616_496,
            -30_610_224_000,
            253_402_300_799,
        ];
        for offset in offsets {
            for secs in instants {
                let t = Time::from_secs(secs);
                let mut out = String::new();
                push_rfc3339(&mut out, t, &offset.to_string());
                assert_eq!(out, t.rfc3339(offset), "{secs}");
            }
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
        Sim::new(Scenario::from_json(json).unwrap()).expect("within the event bound")
    }

    fn kinds(drawn: &[Drawn]) -> Vec<(&'static str, usize)> {
        drawn
            .iter()
            .map(|m| (m.kind.data_kind(), m.count))
            .collect()
    }

    #[test]
    fn a_workshop_view_leaves_room_after_the_clock_for_the_glyph_just_revealed() {
        let full = sim(SCENARIO);
        let v3 = &full.traces[3];
        // The clock on V3's first failed attempt: the last event of the cut view.
        let at = v3
            .events
            .iter()
            .find(|e| e.kind.name() == "auto_renew_attempt")
            .expect("an attempt")
            .at;
        let cut = crate::ui::workshop_state::known_sim(&full, at);
        let width = 1_000.0;
        let geometry = geometry(&cut, width, Lang::En, None);
        assert_eq!(geometry.start, v3.start);
        assert!(geometry.end > at, "a margin after the clock");
        let drawn = &geometry.tiers[3].lanes[0].drawn;
        let last = drawn.last().expect("the attempt is drawn");
        assert!(
            last.px + GLYPH_HALF_PX <= width,
            "the glyph is whole: {} of {width}",
            last.px
        );
        // The full view ends at the run's end, without a margin.
        assert_eq!(super::geometry(&full, width, Lang::En, None).end, v3.until);
    }

    #[test]
    fn glyphs_at_the_runs_first_and_last_instants_are_drawn_whole() {
        // Top-ups at the start and at the end; the renewal is a purchase at the start.
        let json = SCENARIO.replace(
            r#"{ "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" }"#,
            r#"{ "at": "2026-03-08T10:00:00", "do": "top_up", "amount": "1.00" },
               { "at": "2026-04-20T00:00:00", "do": "top_up", "amount": "50.00" }"#,
        );
        let width = 1_000.0;
        let geometry = geometry(&sim(&json), width, Lang::En, None);
        let account: Vec<f64> = geometry.tiers[0]
            .account_drawn
            .iter()
            .map(|d| d.px)
            .collect();
        assert_eq!(account, [GLYPH_HALF_PX, width - GLYPH_HALF_PX]);
        // Inside the lane, a glyph keeps its place.
        assert_eq!(inside_lane(500.0, width), 500.0);
        // A lane narrower than a glyph does not clamp (the range would be empty).
        assert_eq!(inside_lane(20.0, 10.0), 20.0);
        assert_eq!(inside_lane(20.0, f64::NAN), 20.0);
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
            let geometry = geometry(&sim, width, Lang::En, None);
            let v3 = &geometry.tiers[3];
            assert_eq!(v3.name, "V3");
            assert!(v3.is_scenario_tier);
            assert_eq!(kinds(&v3.lanes[0].drawn), expected, "{width}px");
            assert_eq!(kinds(&v3.account_drawn), [("top-up", 1)]);
            // One path per kind, each listing every event it marks.
            let paths: Vec<(&str, usize, usize)> = v3.lanes[0]
                .drawing
                .markers
                .iter()
                .map(|p| (p.kind.data_kind(), p.count, p.d.matches(['M', 'L']).count()))
                .collect();
            let failed_glyphs = expected.iter().filter(|e| e.0 == "attempt-failed").count();
            assert_eq!(
                paths,
                [
                    ("reminder", 1, 1),
                    ("attempt-failed", 3, failed_glyphs),
                    ("attempt-succeeded", 1, 1)
                ],
                "{width}px"
            );
        }
        let narrow = geometry(&sim, 200.0, Lang::En, None);
        let v3 = &narrow.tiers[3];
        let failed = v3.lanes[0]
            .drawing
            .markers
            .iter()
            .find(|p| p.kind == MarkerKind::AttemptFailed)
            .expect("a failed attempt's path");
        assert_eq!(
            failed.at,
            "2026-04-01T03:00:00+08:00 2026-04-02T03:00:00+08:00 2026-04-03T03:00:00+08:00"
        );
        let merged = glyph_text(&sim, &sim.traces[3], &v3.lanes[0].drawn[0], Lang::En);
        assert!(
            merged.starts_with("3 × auto-renew failed from 2026-04-01 03:00 to 2026-04-03 03:00"),
            "{merged}"
        );
        let wide = geometry(&sim, 1_000.0, Lang::En, None);
        let first_paid = wide.tiers[3].lanes[0]
            .drawn
            .iter()
            .find(|d| d.kind == MarkerKind::AttemptSucceeded)
            .expect("a paid attempt");
        let paid = glyph_text(&sim, &sim.traces[3], first_paid, Lang::En);
        assert!(
            paid.starts_with("2026-04-04 03:00:00 UTC+08:00, ocr: Auto-renew paid 30.00"),
            "{paid}"
        );
        assert!(
            paid.contains("renewed for 1 month, counted from the expiry date"),
            "{paid}"
        );
    }

    #[test]
    fn marker_paths_carry_one_glyph_per_vertex() {
        // events pushed at these px, the path drawn, whether it is a single glyph
        let cases: [(&[f64], &str, bool); 3] = [
            (&[10.0], "M10 27h0", true),
            (&[10.0, 15.0, 40.25], "M10 27L40.3 27", false),
            (&[10.0, 30.0, 50.0], "M10 27L30 27L50 27", false),
        ];
        for (xs, d, single) in cases {
            let mut sink = MarkerSink::new(LANE_MARKER_Y, Offset::default());
            for (i, &x) in xs.iter().enumerate() {
                sink.push(MarkerKind::AttemptFailed, x, i, Time::default());
            }
            let (paths, drawn) = sink.finish();
            assert_eq!(paths.len(), 1);
            assert_eq!(
                (paths[0].d.as_str(), paths[0].single),
                (d, single),
                "{xs:?}"
            );
            assert_eq!(paths[0].count, xs.len());
            assert_eq!(drawn.iter().map(|d| d.count).sum::<usize>(), xs.len());
            // The pointer finds the glyph within reach only.
            assert_eq!(glyph_near(&drawn, xs[0] + 3.0), Some(0));
            assert_eq!(glyph_near(&drawn, xs[0] - MARKER_HIT_PX - 1.0), None);
        }
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
            let mut sentence = marker_sentence(
                Lang::En,
                &event.kind,
                trace.events.get(index + 1).map(|e| &e.kind),
                crate::explain::attempt_rule(event),
            );
            let explained =
                crate::ui::i18n::explain::explain(Lang::En, event, &sim.scenario, trace);
            if kind == MarkerKind::Reminder {
                // Worded in the app's language from the notice; the English is the log's.
                let wide = geometry(&sim, 1_000.0, Lang::En, None);
                let drawn = wide.tiers[3].lanes[0]
                    .drawn
                    .iter()
                    .find(|d| d.event == index);
                sentence = drawn.map_or_else(String::new, |d| glyph_text(&sim, trace, d, Lang::En));
                assert!(sentence.contains(&explained.what), "{sentence}");
            } else if kind == MarkerKind::AttemptSucceeded {
                assert!(
                    sentence.starts_with("Auto-renew paid 30.00 and renewed for 1 month"),
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
        // The attempt made at once when auto-renew is switched on on the expiry date names its
        // own rule, as the log does (it used to say "at 03:00").
        let on_expiry_day = self::sim(include_str!(
            "../../../scenarios/auto-renew-on-expiry-day.json"
        ));
        let trace = &on_expiry_day.traces[3];
        let wide = geometry(&on_expiry_day, 1_000.0, Lang::En, None);
        let attempt = wide.tiers[3].lanes[0]
            .drawn
            .iter()
            .find(|d| {
                matches!(
                    trace.events[d.event].kind,
                    EventKind::AutoRenewAttempt { .. }
                )
            })
            .expect("an attempt glyph");
        let sentence = glyph_text(&on_expiry_day, trace, attempt, Lang::En);
        assert!(
            sentence.ends_with("[§6 auto-renewal switched on on the expiry date]"),
            "{sentence}"
        );
    }

    #[test]
    fn every_marker_kind_gets_a_path() {
        let json = SCENARIO.replace(
            r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ]"#,
            r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" },
                { "at": "2026-04-10T12:00:00", "do": "renew", "resource": "ocr", "term": "1m" },
                { "at": "2026-04-11T12:00:00", "do": "renew", "resource": "ocr", "term": "5y" } ]"#,
        );
        let geometry = geometry(&sim(&json), 1_000.0, Lang::En, None);
        let v3 = &geometry.tiers[3];
        let mut drawn: Vec<&str> = v3.lanes[0]
            .drawing
            .markers
            .iter()
            .chain(v3.account_markers.iter())
            .map(|p| p.kind.data_kind())
            .collect();
        drawn.sort_unstable();
        let mut all: Vec<&str> = MarkerKind::ALL.iter().map(|k| k.data_kind()).collect();
        all.sort_unstable();
        assert_eq!(drawn, all);
    }

    #[test]
    fn bands_follow_the_states_and_label_only_where_the_word_fits() {
        let json = SCENARIO
            .replace(r#""balance": "20.00""#, r#""balance": "0.00""#)
            .replace(
                r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ]"#,
                "[]",
            );
        let geometry = geometry(&sim(&json), 1_000.0, Lang::En, None);
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
                .drawing
                .bands
                .iter()
                .map(|b| (b.state, b.label.is_some()))
                .collect();
            assert_eq!(bands, expected, "tier {tier}");
        }
        let first = &geometry.tiers[0].lanes[0].drawing.bands[0];
        assert_eq!(first.x, "0.000%");
    }

    #[test]
    fn an_edit_keeps_the_geometry_of_lanes_it_did_not_change() {
        let before = geometry(&sim(SCENARIO), 1_000.0, Lang::En, None);
        let renamed = SCENARIO.replace(r#""tier": "V3""#, r#""name": "Renamed", "tier": "V3""#);
        let mut after = geometry(&sim(&renamed), 1_000.0, Lang::En, None);
        reuse_unchanged(&mut after, &before);
        for (old, new) in before.tiers.iter().zip(&after.tiers) {
            assert!(
                Rc::ptr_eq(&old.lanes[0].drawing, &new.lanes[0].drawing),
                "{}",
                new.name
            );
            assert!(Rc::ptr_eq(&old.account_markers, &new.account_markers));
        }
        assert!(Rc::ptr_eq(&before.ticks, &after.ticks));
        let richer = SCENARIO.replace(r#""balance": "20.00""#, r#""balance": "90.00""#);
        let mut changed = geometry(&sim(&richer), 1_000.0, Lang::En, None);
        reuse_unchanged(&mut changed, &before);
        assert!(!Rc::ptr_eq(
            &before.tiers[3].lanes[0].drawing,
            &changed.tiers[3].lanes[0].drawing
        ));
    }
}
