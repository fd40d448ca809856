//! The timeline's drawing, computed from the traces: bands, merged marker glyphs, axis ticks and
//! the lanes' words for screen readers, for a track of a given width. Pure: no DOM, testable
//! natively.

use super::tooltip::Tip;
use crate::engine::time::SECS_PER_HOUR;
use crate::engine::{BillingMode, Offset, State, Time, Trace};
use crate::ui::i18n::explain::state_name;
use crate::ui::i18n::format::minute;
use crate::ui::i18n::{plural, tr, trf, Lang};
use crate::ui::markers::{MarkerKind, GLYPH_HALF_PX};
use crate::ui::sim::Sim;
use crate::ui::text::{
    axis_labels, fraction, percent, push_digits, push_tenths, tenths, tier_days_long_in,
    tier_days_short_in, Tick,
};
use std::rc::Rc;

/// Markers of one kind closer than this (in pixels) merge into one.
pub const MARKER_MERGE_PX: f64 = 13.0;
/// How far (in pixels) from a glyph's centre the pointer still points at it.
pub(super) const MARKER_HIT_PX: f64 = 7.0;
/// Pixels per character of a band label (11 px type), for deciding whether it fits.
pub(super) const LABEL_CHAR_PX: f64 = 6.6;
/// The vertical centre of the markers in a lane, in pixels from its top.
pub(super) const LANE_MARKER_Y: f64 = 27.0;
/// The baseline of band labels in a lane, in pixels from its top.
pub(super) const LANE_LABEL_Y: &str = "14";
/// The vertical centre of the account markers in a tier row.
pub(super) const TIER_MARKER_Y: f64 = 25.0;
/// The height of a lane, in pixels (the CSS `--tl-lane-h`).
pub(super) const LANE_HEIGHT: f64 = 40.0;
/// The height of a tier row holding top-up markers, in pixels (the CSS `--tl-tier-h` then).
pub(super) const TIER_ROW_HEIGHT: f64 = 36.0;

/// An SVG `viewBox` from the origin, its sides rounded to whole pixels.
pub(super) fn view_box(width: f64, height: f64) -> String {
    let whole = |v: f64| tenths((v.max(0.0)).round());
    format!("0 0 {} {}", whole(width), whole(height))
}

/// Appends `t` as RFC 3339 in the offset written `offset` (`+08:00`), as [`Time::rfc3339`] does
/// but without `format!`: the timeline writes one per marked event (thousands) at every edit.
pub(super) fn push_rfc3339(out: &mut String, t: Time, offset: &str) {
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
pub(super) struct Band {
    pub(super) x: String,
    pub(super) width: String,
    pub(super) state: State,
    /// The state's word, when it fits in the band (drawn at its start).
    pub(super) label: Option<&'static str>,
}

/// One glyph drawn on a lane: one event, or several of one kind that would overlap (merged).
/// Kept beside the drawing to say what the glyph under the pointer stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Drawn {
    pub(super) kind: MarkerKind,
    /// Its centre, in pixels of the track width the geometry was made for.
    pub(super) px: f64,
    /// The index of its (first) event in the trace.
    pub(super) event: usize,
    /// How many events it stands for.
    pub(super) count: usize,
    /// When its first and last events were.
    pub(super) first: Time,
    pub(super) last: Time,
}

/// Every marker of one kind in a lane (or a tier row), drawn by one path: a polyline through the
/// glyphs' centres whose vertices carry the kind's SVG `<marker>` glyph, so thousands of events
/// cost one element per kind.
#[derive(Clone, Debug)]
pub(super) struct MarkerPath {
    pub(super) kind: MarkerKind,
    /// `M x yL x y…` through the glyphs' centres (`…h0` when there is one).
    pub(super) d: String,
    /// Whether it draws a single glyph (then only its start vertex carries one).
    pub(super) single: bool,
    /// The instants of every event it marks, in time order, and their UTC offset.
    pub(super) instants: Vec<Time>,
    pub(super) offset: Offset,
    /// The same written out for `data-at` (RFC 3339, space-separated); filled by [`fill_at`]
    /// only for drawings an edit changed, as thousands are written per lane.
    pub(super) at: String,
    /// How many events it marks.
    pub(super) count: usize,
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
pub(super) fn fill_at(path: &mut MarkerPath) {
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
pub(super) fn fill_strings(geometry: &mut Geometry) {
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
pub(super) struct LaneDrawing {
    /// `0 0 width height`: marks are drawn in pixels of the measured width, then fitted.
    pub(super) view_box: String,
    pub(super) tier: String,
    pub(super) resource: usize,
    pub(super) resource_id: String,
    pub(super) pay_per_use: bool,
    pub(super) bands: Vec<Band>,
    pub(super) markers: Vec<MarkerPath>,
    pub(super) summary: String,
}

/// One lane: its drawing (shared with the previous geometry when unchanged) and its glyphs.
#[derive(Debug)]
pub(super) struct LaneGeometry {
    pub(super) drawing: Rc<LaneDrawing>,
    pub(super) drawn: Vec<Drawn>,
}

/// One tier's group of lanes.
#[derive(Debug)]
pub(super) struct TierGeometry {
    pub(super) name: String,
    /// The view box of the tier row's marks.
    pub(super) view_box: String,
    pub(super) days_long: String,
    pub(super) days_short: String,
    pub(super) is_scenario_tier: bool,
    pub(super) account_markers: Rc<Vec<MarkerPath>>,
    pub(super) account_drawn: Vec<Drawn>,
    pub(super) lanes: Vec<LaneGeometry>,
}

/// A positioned axis tick.
#[derive(Debug, PartialEq)]
pub(super) struct PlacedTick {
    pub(super) x: String,
    /// Labels near the right edge are drawn leftwards so they stay inside.
    pub(super) anchor_end: bool,
    pub(super) tick: Tick,
}

/// The whole timeline's geometry.
#[derive(Debug)]
pub(super) struct Geometry {
    pub(super) start: Time,
    pub(super) end: Time,
    /// The last instant simulated (`end` is later in a workshop's view, which leaves a margin
    /// after the clock).
    pub(super) until: Time,
    /// The track width (px) it was made for.
    pub(super) width_px: f64,
    pub(super) ticks: Rc<Vec<PlacedTick>>,
    pub(super) tiers: Vec<TierGeometry>,
}

impl Geometry {
    /// The instant of the glyph `tip` names: its event's (the first one's, for glyphs merged
    /// because they were too close together to draw apart).
    pub(super) fn instant_of(&self, tip: Tip) -> Option<Time> {
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
pub(super) struct MarkerSink {
    pub(super) y: f64,
    pub(super) offset: Offset,
    /// Per kind (in [`MarkerKind::ALL`] order): its path so far.
    pub(super) paths: [Option<MarkerPath>; MarkerKind::ALL.len()],
    pub(super) drawn: Vec<Drawn>,
    /// Per kind: the index in `drawn` of its last glyph.
    pub(super) last: [Option<usize>; MarkerKind::ALL.len()],
}

impl MarkerSink {
    pub(super) fn new(y: f64, offset: Offset) -> Self {
        MarkerSink {
            y,
            offset,
            paths: Default::default(),
            drawn: Vec::new(),
            last: [None; MarkerKind::ALL.len()],
        }
    }

    /// Adds the event `event` (of `kind`, at `at`) at `px`.
    pub(super) fn push(&mut self, kind: MarkerKind, px: f64, event: usize, at: Time) {
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
    pub(super) fn finish(mut self) -> (Vec<MarkerPath>, Vec<Drawn>) {
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

/// The glyph of `drawn` nearest to `px`, if one is within reach of the pointer.
pub(super) fn glyph_near(drawn: &[Drawn], px: f64) -> Option<usize> {
    drawn
        .iter()
        .enumerate()
        .map(|(i, d)| (i, (d.px - px).abs()))
        .filter(|&(_, distance)| distance <= MARKER_HIT_PX)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Makes `fresh` share every part equal to `previous`'s, so the lanes an edit did not change keep
/// their drawing (same pointer) and are not redrawn.
pub(super) fn reuse_unchanged(fresh: &mut Geometry, previous: &Geometry) {
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
pub(super) fn geometry(
    sim: &Sim,
    width_px: f64,
    lang: Lang,
    previous: Option<&Geometry>,
) -> Geometry {
    let mut fresh = raw_geometry(sim, width_px, lang);
    if let Some(previous) = previous {
        reuse_unchanged(&mut fresh, previous);
    }
    fill_strings(&mut fresh);
    fresh
}

/// [`geometry`] without the `data-at` strings.
pub(super) fn raw_geometry(sim: &Sim, width_px: f64, lang: Lang) -> Geometry {
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
        until,
        width_px,
        ticks: Rc::new(ticks),
        tiers,
    }
}

/// A glyph's `px` moved just inside the lane when it would be half past an edge (an event at the
/// run's first or last instant): the tier's frame clips what lies outside it.
pub(super) fn inside_lane(px: f64, width_px: f64) -> f64 {
    // Not `clamp`, which panics on a NaN bound (a width not yet measured).
    if width_px.is_nan() || width_px <= 2.0 * GLYPH_HALF_PX {
        return px;
    }
    px.max(GLYPH_HALF_PX).min(width_px - GLYPH_HALF_PX)
}

pub(super) fn tier_geometry(
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
pub(super) fn label_width(word: &str) -> f64 {
    word.chars()
        .map(|c| if u32::from(c) >= 0x2E80 { 2.0 } else { 1.0 })
        .sum()
}

/// The lane in words, for screen readers: its first state changes.
pub(super) fn lane_summary(
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
