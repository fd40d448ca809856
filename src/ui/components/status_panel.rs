//! The status panel: per tier, each resource's state and countdowns in words, and the balance.

use crate::engine::{
    BillingMode, Cents, EventKind, Offset, Resource, ResourceKind, ResourceStatus, State, Time,
    Trace,
};
use crate::ui::sim::{Sim, SimRef};
use crate::ui::text::{
    countdown, minute_text, minute_text_with_offset, offset_label, second_text, state_period,
    state_title, tier_days_long,
};
use yew::prelude::*;

/// Properties of [`StatusPanel`].
#[derive(Properties, PartialEq)]
pub struct StatusPanelProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,
}

/// A state badge: a swatch with the state's pattern and its name (never colour alone).
/// `None` means the resource has not started yet.
pub fn state_badge(state: Option<State>) -> Html {
    let name = state.map_or("not-started", State::as_str);
    let words = state.map_or("not started", State::as_str);
    html! {
        <span class={format!("state-badge state-badge-{name}")}>
            <span class={format!("swatch swatch-{name}")} aria-hidden="true"></span>
            { words }
        </span>
    }
}

/// `in 3 d 4 h`, or `now` when the moment has come.
fn in_words(now: Time, then: Time) -> String {
    let secs = then.secs() - now.secs();
    if secs <= 0 {
        "now".to_string()
    } else {
        format!("in {}", countdown(secs))
    }
}

/// Instants the countdowns look up, found once per simulation by one pass over each trace.
#[derive(Debug, Default, PartialEq)]
pub struct Landmarks {
    /// Per resource: when it was released, if ever.
    released: Vec<Option<Time>>,
    /// Per resource: every instant it left `available` (sorted), for pay-per-use arrears.
    lapses: Vec<Vec<Time>>,
}

impl Landmarks {
    /// The landmarks of `trace`, a simulation of `resource_count` resources.
    pub fn of(trace: &Trace, resource_count: usize) -> Self {
        let mut landmarks = Landmarks {
            released: vec![None; resource_count],
            lapses: vec![Vec::new(); resource_count],
        };
        for event in &trace.events {
            let (Some(r), EventKind::StateChanged { from, to }) = (event.resource, event.kind)
            else {
                continue;
            };
            if to == State::Released {
                if let Some(slot) = landmarks.released.get_mut(r) {
                    *slot = Some(event.at);
                }
            }
            if from == State::Available {
                if let Some(lapses) = landmarks.lapses.get_mut(r) {
                    lapses.push(event.at);
                }
            }
        }
        landmarks
    }

    /// When resource `r` was released, if it was by `now`.
    fn released_by(&self, r: usize, now: Time) -> Option<Time> {
        self.released
            .get(r)
            .copied()
            .flatten()
            .filter(|at| *at <= now)
    }

    /// The first time after `now` that resource `r` leaves `available`.
    fn next_lapse_after(&self, r: usize, now: Time) -> Option<Time> {
        let lapses = self.lapses.get(r)?;
        lapses.get(lapses.partition_point(|at| *at <= now)).copied()
    }
}

/// The countdown lines for one resource at `now`.
fn countdown_lines(
    landmarks: &Landmarks,
    r: usize,
    resource: &Resource,
    status: Option<ResourceStatus>,
    now: Time,
    offset: Offset,
) -> Vec<String> {
    let Some(status) = status else {
        return vec![format!(
            "starts {} ({})",
            in_words(now, resource.start),
            minute_text(resource.start)
        )];
    };
    let is_package = matches!(resource.kind, ResourceKind::Package { .. });
    let remedy = if is_package {
        "renew to restore it"
    } else {
        "top up to zero or more to restore it"
    };
    let mut lines = Vec::new();
    match status.state {
        State::Available => match &resource.kind {
            ResourceKind::Package { .. } => {
                if let Some(last_second) = status.expires() {
                    let moment = last_second.plus_secs(1);
                    lines.push(format!("expires {}", in_words(now, moment)));
                    lines.push(format!("valid through {}", second_text(last_second)));
                }
                match (status.next_attempt, status.auto_renew) {
                    (Some(attempt), _) => lines.push(format!(
                        "next auto-renew attempt {} ({})",
                        minute_text_with_offset(attempt, offset),
                        in_words(now, attempt)
                    )),
                    (None, Some(settings)) if settings.enabled => {
                        lines.push("auto-renew on, no attempt left before expiry".to_string())
                    }
                    _ => lines.push("auto-renew off".to_string()),
                }
            }
            ResourceKind::PayPerUse { hourly_rate } => {
                lines.push(format!("charged {hourly_rate} every full hour"));
                if let Some(at) = landmarks.next_lapse_after(r, now) {
                    lines.push(format!(
                        "balance runs out {} ({})",
                        in_words(now, at),
                        minute_text(at)
                    ));
                }
            }
        },
        State::Expired | State::Frozen => {
            match status.next_change {
                Some((at, State::Frozen)) => lines.push(format!(
                    "frozen {} ({})",
                    in_words(now, at),
                    minute_text(at)
                )),
                Some((at, State::Released)) => lines.push(format!(
                    "data deleted {} ({})",
                    in_words(now, at),
                    minute_text(at)
                )),
                Some((at, to)) => lines.push(format!("{to} {}", in_words(now, at))),
                None => {}
            }
            lines.push(remedy.to_string());
        }
        State::Released => {
            if let Some(at) = landmarks.released_by(r, now) {
                lines.push(format!("data deleted on {}", minute_text(at)));
            }
            lines.push("cannot be renewed".to_string());
        }
    }
    lines
}

/// One tier's card.
fn tier_card(
    sim: &Sim,
    trace: &Trace,
    landmarks: &Landmarks,
    is_scenario_tier: bool,
    now: Time,
) -> Html {
    let scenario = &sim.scenario;
    let balance: Cents = trace.balance_at(now);
    let days = scenario.policy.tier(&trace.tier).unwrap_or_default();
    let uses = |mode: BillingMode| scenario.resources.iter().any(|r| r.billing() == mode);
    let (packages, pay_per_use) = (uses(BillingMode::Package), uses(BillingMode::PayPerUse));
    let rows = scenario.resources.iter().enumerate().map(|(r, resource)| {
        let status = trace.status_at(r, now);
        let state = status.map(|s| s.state);
        let lines = countdown_lines(landmarks, r, resource, status, now, trace.offset);
        html! {
            <li class="res-status" key={r} data-resource={resource.id.clone()}
                data-state={state.map_or("not-started", State::as_str)}>
                <div class="res-head">
                    <span class="res-id">{ &resource.id }</span>
                    { state_badge(state) }
                </div>
                if let Some(state) = state.filter(|s| *s != State::Available) {
                    <p class="res-period">{ format!("{}: {}", state_title(state), state_period(state)) }</p>
                }
                <ul class="countdowns">
                    { for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </li>
        }
    });
    let heading_id = format!("rl-tier-status-{}", trace.tier);
    html! {
        <article class={classes!("tier-card", is_scenario_tier.then_some("is-scenario-tier"))}
                 data-testid="tier-status" data-tier={trace.tier.clone()}
                 aria-labelledby={heading_id.clone()} key={trace.tier.clone()}>
            <header class="tier-card-head">
                <h3 id={heading_id} class="tier-card-title">
                    { format!("Tier {}", trace.tier) }
                    if is_scenario_tier { <span class="tag tag-scenario">{ "scenario tier" }</span> }
                </h3>
                <p class={classes!("balance-line", balance.is_negative().then_some("is-arrears"))}>
                    <span class="balance-label">{ "Balance" }</span>
                    <span class="balance-amount" data-testid="balance">{ balance.to_string() }</span>
                    if balance.is_negative() { <span class="tag tag-arrears">{ "in arrears" }</span> }
                </p>
            </header>
            <p class="tier-card-days">{ tier_days_long(days, packages, pay_per_use) }</p>
            <ul class="res-list">{ for rows }</ul>
        </article>
    }
}

/// Status of every tier at the clock's time: state badges, countdowns in words and the balance;
/// the scenario's own tier first among equals (highlighted).
#[function_component(StatusPanel)]
pub fn status_panel(props: &StatusPanelProps) -> Html {
    let StatusPanelProps { sim, now } = props;
    let landmarks = use_memo(sim.clone(), |sim| {
        let count = sim.scenario.resources.len();
        sim.traces
            .iter()
            .map(|trace| Landmarks::of(trace, count))
            .collect::<Vec<_>>()
    });
    let scenario_tier = sim.scenario_tier();
    let offset = sim.scenario.offset;
    let cards = sim.traces.iter().enumerate().map(|(index, trace)| {
        let none = Landmarks::default();
        let landmarks = landmarks.get(index).unwrap_or(&none);
        tier_card(sim, trace, landmarks, index == scenario_tier, *now)
    });
    html! {
        <section class="status-panel" data-testid="status-panel" aria-labelledby="rl-status-title">
            <header class="panel-head">
                <h2 id="rl-status-title" class="panel-title">{ "Status by tier" }</h2>
                <p class="panel-note">{ format!("At {} · times in {}", second_text(*now), offset_label(offset)) }</p>
            </header>
            <div class="tier-cards">{ for cards }</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{simulate, Scenario};

    const SCENARIO: &str = r#"{
      "format": "renewal-lab/1", "name": "t", "timezone": "+08:00", "policy": "huawei-cn",
      "tier": "V0", "balance": "20.00",
      "resources": [
        { "id": "ocr", "billing": "package", "start": "2026-03-08T10:00:00", "term": "1m",
          "prices": { "month": "30.00", "year": "300.00" },
          "auto_renew": { "enabled": true, "days_before": 7, "term": "1m", "times": 0 } },
        { "id": "api", "billing": "pay_per_use", "start": "2026-03-10T00:00:00", "hourly_rate": "1.00" }
      ],
      "actions": [],
      "until": "2026-04-20T00:00:00"
    }"#;

    fn at(text: &str) -> Time {
        Time::parse_local(text).unwrap()
    }

    fn lines(trace: &Trace, scenario: &Scenario, r: usize, now: &str) -> Vec<String> {
        let now = at(now);
        let resource = &scenario.resources[r];
        countdown_lines(
            &Landmarks::of(trace, scenario.resources.len()),
            r,
            resource,
            trace.status_at(r, now),
            now,
            scenario.offset,
        )
    }

    #[test]
    fn countdowns_follow_the_lifecycle() {
        let scenario = Scenario::from_json(SCENARIO).unwrap();
        let trace = simulate(&scenario);
        // resource, clock, expected lines
        let cases: [(usize, &str, &[&str]); 7] = [
            (
                0,
                "2026-03-31T23:00:00",
                &[
                    "expires in 8 d 1 h",
                    "valid through 2026-04-08 23:59:59",
                    "next auto-renew attempt 2026-04-01 03:00 (UTC+08:00) (in 4 h)",
                ],
            ),
            (
                0,
                "2026-04-09T06:00:00",
                &["frozen in 18 h (2026-04-10 00:00)", "renew to restore it"],
            ),
            (
                0,
                "2026-04-10T12:00:00",
                &[
                    "data deleted in 12 h (2026-04-11 00:00)",
                    "renew to restore it",
                ],
            ),
            (
                0,
                "2026-04-15T00:00:00",
                &["data deleted on 2026-04-11 00:00", "cannot be renewed"],
            ),
            (
                1,
                "2026-03-09T00:00:00",
                &["starts in 1 d (2026-03-10 00:00)"],
            ),
            (
                1,
                "2026-03-10T00:00:00",
                &[
                    "charged 1.00 every full hour",
                    "balance runs out in 21 h (2026-03-10 21:00)",
                ],
            ),
            (
                1,
                "2026-03-10T21:00:00",
                &[
                    "data deleted in 1 d (2026-03-11 21:00)",
                    "top up to zero or more to restore it",
                ],
            ),
        ];
        for (r, now, expected) in cases {
            assert_eq!(lines(&trace, &scenario, r, now), expected, "{r} at {now}");
        }
    }
}
