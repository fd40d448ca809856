//! The glyph under the pointer: finding it on the track, and its tooltip saying in words what it
//! stands for (the event log's sentence and rule).

use super::geometry::{glyph_near, Drawn, Geometry, LANE_MARKER_Y, TIER_MARKER_Y};
use crate::engine::trace::ActionName;
use crate::engine::{EventKind, Trace};
use crate::ui::app::TIP_LAYER_ID;
use crate::ui::i18n::explain::{act_name, refusal, term, when};
use crate::ui::i18n::format::{minute, money, offset as offset_label, second};
use crate::ui::i18n::{tr, trf, Lang};
use crate::ui::reminder;
use crate::ui::sim::Sim;
use crate::ui::text::{percent, tenths};
use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::prelude::*;

/// Glyphs whose centres are this close (in pixels) overlap so much that one hides the other:
/// the tooltip of either names both.
pub(super) const STACKED_PX: f64 = 4.0;

/// What a glyph stands for, in words (its tooltip): the event explained, or for merged glyphs how
/// many of which kind from when to when.
pub(super) fn glyph_text(sim: &Sim, trace: &Trace, drawn: &Drawn, lang: Lang) -> String {
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

/// What a marker's event did, in the event log's words (§ rule in brackets). Made from the event's
/// own fields: only the glyph under the pointer is worded. `renewal` is the event right after,
/// which for a successful attempt is the renewal it paid for; `attempt_rule` names the rule of an
/// attempt (the 03:00 window, or the one made at once on the expiry date), in `lang`.
pub(super) fn marker_sentence(
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
            price,
            balance,
            ..
        } => trf(
            lang,
            "Renewed by hand: paid {4} for {0}, counted from the expiry date; now valid through \
             {1}. Balance {2}. [{3}]",
            &[
                &term(lang, t),
                &when(lang, expires),
                &m(balance),
                tr(lang, "§5 manual renewal"),
                &m(price),
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

/// The glyph under the mouse (or a tapping finger): which tier, lane (none for the tier row) and
/// glyph, where its ring goes (on the track) and where its tooltip goes (on the page).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Tip {
    pub(super) tier: usize,
    pub(super) lane: Option<usize>,
    pub(super) glyph: usize,
    /// The glyph's centre as a fraction of the track's width.
    pub(super) x: f64,
    /// The top of its row, in pixels from the track's top.
    pub(super) row_top: f64,
    /// Where the tooltip is anchored, in CSS pixels of the document (not of the timeline, whose
    /// card clips what overflows it): the glyph's centre, its row's top and bottom, and the
    /// document's width.
    pub(super) page_x: f64,
    pub(super) page_row_top: f64,
    pub(super) page_row_bottom: f64,
    pub(super) page_width: f64,
    /// Whether the tooltip opens above the row: there is too little room below it in the window
    /// (or above the compact clock on a phone).
    pub(super) above: bool,
}

/// The glyph under the pointer of `event`, if any: found from the row under it (a lane or a tier
/// row, by their data attributes) and the pointer's distance to that row's glyphs.
pub(super) fn tip_at(
    event: &PointerEvent,
    track_ref: &NodeRef,
    geometry: &Geometry,
) -> Option<Tip> {
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
    let x = drawn.get(glyph)?.px / geometry.width_px;
    let row_rect = row.get_bounding_client_rect();
    let window = web_sys::window()?;
    let number = |value: Result<JsValue, JsValue>| value.ok().and_then(|v| v.as_f64());
    let window_height = number(window.inner_height()).unwrap_or(f64::MAX);
    let (scroll_x, scroll_y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let page_width = window
        .document()
        .and_then(|d| d.document_element())
        .map_or(rect.right(), |root| f64::from(root.client_width()));
    Some(Tip {
        above: opens_above(window_height - row_rect.bottom(), row_rect.top()),
        tier: tier_index,
        lane,
        glyph,
        x,
        row_top: row_rect.top() - rect.top(),
        page_x: rect.left() + x * rect.width() + scroll_x,
        page_row_top: row_rect.top() + scroll_y,
        page_row_bottom: row_rect.bottom() + scroll_y,
        page_width,
    })
}

/// Room (in CSS pixels) a tooltip of a few lines needs, with the compact clock of a phone below.
const TIP_ROOM_PX: f64 = 160.0;

/// Whether a tooltip opens above its row, given the room below and above it in the window: below
/// when it fits there, else on the roomier side.
pub(super) fn opens_above(room_below: f64, room_above: f64) -> bool {
    room_below < TIP_ROOM_PX && room_above > room_below
}

/// The tooltip of the glyph under the mouse (nothing when none is): what it stands for, under its
/// row, and a ring around it.
pub(super) fn tip_html(sim: &Sim, geometry: &Geometry, tip: Option<Tip>, lang: Lang) -> Html {
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
        format!("right: {}px", tenths(tip.page_width - tip.page_x))
    } else {
        format!("left: {}px", tenths(tip.page_x))
    };
    // Above the row, its bottom edge here (`.is-above` lifts it by its own height), or below it.
    let top = if tip.above {
        tip.page_row_top - 4.0
    } else {
        tip.page_row_bottom + 4.0
    };
    let tooltip = html! {
        <div class={classes!("tl-tip", tip.above.then_some("is-above"))} role="tooltip"
             data-testid="marker-tip"
             style={format!("{side}; top: {}px", tenths(top))}>
            { for texts.into_iter().map(|text| html! { <p class="tl-tip-line">{ text }</p> }) }
        </div>
    };
    // Drawn in the app's tooltip layer, outside the timeline's card: the card clips what
    // overflows it (its paint is contained), and a tooltip of several lines at its last row would
    // be cut. (Not in the body itself: the app is mounted there, and Yew would then hand every
    // event of the page to the portal's parent, the track.) Without the layer (a component test),
    // on the track.
    let layer = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(TIP_LAYER_ID));
    let tooltip = match layer {
        Some(layer) => create_portal(tooltip, layer),
        None => tooltip,
    };
    html! {
        <>
            <div class="tl-tip-ring" aria-hidden="true"
                 style={format!("left: {}; top: {}px", percent(tip.x), tenths(tip.row_top + y))} />
            { tooltip }
        </>
    }
}
