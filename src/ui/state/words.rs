//! What the live region says as the clock moves: the scenario's own tier's state changes, its
//! states at an instant and the events at an instant, in words.

use crate::engine::{EventKind, Time, Trace};
use crate::ui::i18n::explain as say;
use crate::ui::i18n::{pluralf, tr, trf, Lang};
use crate::ui::sim::Sim;

/// How many state changes one announcement names before summing up the rest.
const MAX_ANNOUNCED_CHANGES: usize = 3;

/// The trace of the scenario's own tier.
pub(super) fn own_trace(sim: &Sim) -> Option<&Trace> {
    sim.traces.get(sim.scenario_tier())
}

/// Whether the scenario's own tier has events in `(from, to]`, all of them at `to`.
pub(super) fn only_events_at(sim: &Sim, from: Time, to: Time) -> bool {
    own_trace(sim).is_some_and(|trace| {
        let after = trace.events.partition_point(|e| e.at <= from);
        trace.events.get(after).is_some_and(|e| e.at == to)
    })
}

/// The scenario's own tier's events at `at`, in words: `ocr: Auto-renew failed: …`.
pub(super) fn events_in_words(lang: Lang, sim: &Sim, at: Time) -> String {
    own_trace(sim).map_or_else(String::new, |trace| {
        say::sentences(lang, &sim.scenario, trace, trace.events_at(at))
    })
}

/// Whether the scenario's own tier has a state change in `(from, to]`.
pub(super) fn has_state_changes(sim: &Sim, from: Time, to: Time) -> bool {
    let Some(trace) = own_trace(sim) else {
        return false;
    };
    to > from
        && trace
            .events_until(to)
            .get(trace.events.partition_point(|e| e.at <= from)..)
            .unwrap_or_default()
            .iter()
            .any(|e| matches!(e.kind, EventKind::StateChanged { .. }))
}

/// "V3 ocr: expired → frozen at 2026-04-16 00:00:00" for each state change in `(from, to]` of
/// the scenario's own tier (the last few, with a count of the others).
pub(super) fn state_changes(lang: Lang, sim: &Sim, from: Time, to: Time) -> String {
    let Some(trace) = own_trace(sim) else {
        return String::new();
    };
    if to <= from {
        return String::new();
    }
    let passed = trace
        .events_until(to)
        .get(trace.events.partition_point(|e| e.at <= from)..)
        .unwrap_or_default();
    let changes: Vec<String> = passed
        .iter()
        .filter_map(|event| match event.kind {
            EventKind::StateChanged { from, to } => {
                let id = event
                    .resource
                    .and_then(|r| sim.scenario.resources.get(r))
                    .map_or("", |r| r.id.as_str());
                Some(trf(
                    lang,
                    "{0} {1}: {2} → {3} at {4}",
                    &[
                        &trace.tier,
                        id,
                        say::state_name(lang, from),
                        say::state_name(lang, to),
                        &say::when(lang, event.at),
                    ],
                ))
            }
            _ => None,
        })
        .collect();
    let skipped = changes.len().saturating_sub(MAX_ANNOUNCED_CHANGES);
    let shown = changes
        .get(skipped..)
        .unwrap_or_default()
        .join(tr(lang, "; "));
    match skipped {
        0 => shown,
        n => pluralf(
            lang,
            i64::try_from(n).unwrap_or(i64::MAX),
            "{0} earlier state change, then {1}",
            "{0} earlier state changes, then {1}",
            &[&shown],
        ),
    }
}

/// "V3 ocr available, api frozen": the state of every started resource at `t`.
pub(super) fn states_at(lang: Lang, sim: &Sim, t: Time) -> String {
    let Some(trace) = own_trace(sim) else {
        return String::new();
    };
    let states: Vec<String> = sim
        .scenario
        .resources
        .iter()
        .enumerate()
        .filter_map(|(r, resource)| {
            trace
                .status_at(r, t)
                .map(|status| format!("{} {}", resource.id, say::state_name(lang, status.state)))
        })
        .collect();
    if states.is_empty() {
        trf(lang, "{0} nothing bought yet", &[&trace.tier])
    } else {
        format!("{} {}", trace.tier, states.join(tr(lang, ", ")))
    }
}
