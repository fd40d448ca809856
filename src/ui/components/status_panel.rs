//! The status panel: per tier, each resource's state and countdowns in words, and the balance.

use crate::engine::{
    BillingMode, Cents, EventKind, ModeDays, Resource, ResourceKind, State, TierDays, Time, Trace,
};
use crate::ui::hooks::use_focus_rescue;
use crate::ui::i18n::explain::state_name;
use crate::ui::i18n::format::{in_words, minute, minute_with_offset, money, offset, second};
use crate::ui::i18n::{tr, trf, use_lang, Lang};
use crate::ui::sim::{Sim, SimRef};
use crate::ui::text::{state_period, state_title, tier_days_long_in};
use yew::prelude::*;

/// Properties of [`StatusPanel`].
#[derive(Properties, PartialEq)]
pub struct StatusPanelProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,
    /// Makes a tier the scenario's (none while a workshop locks the scenario).
    #[prop_or_default]
    pub on_choose_tier: Option<Callback<String>>,
}

/// A state badge: a swatch with the state's pattern and its name (never colour alone).
/// `None` means the resource has not started yet.
pub fn state_badge(lang: Lang, state: Option<State>) -> Html {
    let name = state.map_or("not-started", State::as_str);
    let words = state.map_or(tr(lang, "not started"), |s| state_name(lang, s));
    html! {
        <span class={format!("state-badge state-badge-{name}")}>
            <span class={format!("swatch swatch-{name}")} aria-hidden="true"></span>
            { words }
        </span>
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

/// What a lapse at `anchor` would lead to if nothing restores the resource: when it would be
/// frozen and its data deleted (the freeze left out when there is no retention period).
fn if_not_restored(lang: Lang, condition: &str, days: ModeDays, anchor: Time) -> String {
    let lapse = days.lapse(anchor);
    let deleted = minute(lang, lapse.released);
    if lapse.frozen < lapse.released {
        trf(
            lang,
            "{0}: frozen {1}, data deleted {2}",
            &[condition, &minute(lang, lapse.frozen), &deleted],
        )
    } else {
        trf(lang, "{0}: data deleted {1}", &[condition, &deleted])
    }
}

/// What one tier's card reads its countdowns from.
struct TierView<'a> {
    trace: &'a Trace,
    landmarks: &'a Landmarks,
    days: TierDays,
}

/// The countdown lines for resource `r` at `now`. The dates a lapse would lead to are given only
/// where the trace itself looks ahead (`next_change`, or a coming lapse): a workshop's trace cut
/// at the clock looks nowhere, so its questions keep their answers.
fn countdown_lines(
    lang: Lang,
    tier: &TierView,
    r: usize,
    resource: &Resource,
    now: Time,
) -> Vec<String> {
    let (landmarks, offset) = (tier.landmarks, tier.trace.offset);
    let days = tier.days.for_mode(resource.billing());
    let Some(status) = tier.trace.status_at(r, now) else {
        return vec![trf(
            lang,
            "starts {0} ({1})",
            &[
                &in_words(lang, now, resource.start),
                &minute(lang, resource.start),
            ],
        )];
    };
    let is_package = matches!(resource.kind, ResourceKind::Package { .. });
    // Expired is still in service (§3): a renewal keeps it so; frozen, one restores it.
    let expired = status.state == State::Expired;
    let remedy = match (is_package, expired) {
        (true, true) => tr(lang, "renew to keep it in service"),
        (true, false) => tr(lang, "renew to restore it"),
        (false, true) => tr(lang, "top up to zero or more to keep it in service"),
        (false, false) => tr(lang, "top up to zero or more to restore it"),
    };
    let mut lines = Vec::new();
    match status.state {
        State::Available => match &resource.kind {
            ResourceKind::Package { .. } => {
                if let Some(last_second) = status.expires() {
                    let moment = last_second.plus_secs(1);
                    lines.push(trf(lang, "expires {0}", &[&in_words(lang, now, moment)]));
                    lines.push(trf(
                        lang,
                        "valid through {0}",
                        &[&second(lang, last_second)],
                    ));
                }
                match (status.next_attempt, status.auto_renew) {
                    (Some(attempt), _) => lines.push(trf(
                        lang,
                        "next auto-renew attempt {0} ({1})",
                        &[
                            &minute_with_offset(lang, attempt, offset),
                            &in_words(lang, now, attempt),
                        ],
                    )),
                    // A workshop's view shows no attempt to come, which does not mean none.
                    (None, Some(settings)) if settings.enabled && tier.trace.hides_future => {
                        lines.push(tr(lang, "auto-renew on").to_string())
                    }
                    (None, Some(settings)) if settings.enabled => lines
                        .push(tr(lang, "auto-renew on, no attempt left before expiry").to_string()),
                    _ => lines.push(tr(lang, "auto-renew off").to_string()),
                }
                // The expiry moment, where the lapse would begin.
                if let Some((expiry, _)) = status.next_change {
                    let condition = tr(lang, "if not renewed");
                    lines.push(if_not_restored(lang, condition, days, expiry));
                }
            }
            ResourceKind::PayPerUse { hourly_rate } => {
                lines.push(trf(
                    lang,
                    "charged {0} every full hour",
                    &[&money(lang, *hourly_rate)],
                ));
                if let Some(at) = landmarks.next_lapse_after(r, now) {
                    lines.push(trf(
                        lang,
                        "balance runs out {0} ({1})",
                        &[&in_words(lang, now, at), &minute(lang, at)],
                    ));
                    let condition = tr(lang, "if not topped up");
                    lines.push(if_not_restored(lang, condition, days, at));
                }
            }
        },
        State::Expired | State::Frozen => {
            // What follows is what happens without a renewal (or top-up): said so, as before the
            // expiry, so "data deleted in 6 d" is not read out as certain.
            let condition = if is_package {
                tr(lang, "if not renewed")
            } else {
                tr(lang, "if not topped up")
            };
            let first = lines.len();
            match status.next_change {
                Some((at, State::Frozen)) => {
                    lines.push(trf(
                        lang,
                        "frozen {0} ({1})",
                        &[&in_words(lang, now, at), &minute(lang, at)],
                    ));
                    // Then the retention period, unless something restores it first.
                    let deleted = days.released_after(at);
                    lines.push(trf(
                        lang,
                        "data deleted {0} ({1})",
                        &[&in_words(lang, now, deleted), &minute(lang, deleted)],
                    ));
                }
                Some((at, State::Released)) => lines.push(trf(
                    lang,
                    "data deleted {0} ({1})",
                    &[&in_words(lang, now, at), &minute(lang, at)],
                )),
                Some((at, to)) => lines.push(trf(
                    lang,
                    "{0} {1}",
                    &[state_name(lang, to), &in_words(lang, now, at)],
                )),
                None => {}
            }
            if let Some(line) = lines.get_mut(first) {
                *line = trf(lang, "{0}: {1}", &[condition, line]);
            }
            lines.push(remedy.to_string());
        }
        State::Released => {
            if let Some(at) = landmarks.released_by(r, now) {
                lines.push(trf(lang, "data deleted on {0}", &[&minute(lang, at)]));
            }
            lines.push(tr(lang, "cannot be renewed").to_string());
        }
    }
    lines
}

/// What a tier card can do besides showing: make its tier the scenario's, and where the focus
/// goes once it did.
#[derive(Clone, Copy)]
struct CardActs<'a> {
    on_choose_tier: Option<&'a Callback<String>>,
    /// Set on the scenario tier's heading: the focus lands there when "Make it the scenario tier"
    /// removes the button that had it.
    heading_ref: &'a NodeRef,
}

/// One tier's card (`index`: the tier's place in the policy).
fn tier_card(
    lang: Lang,
    sim: &Sim,
    index: usize,
    trace: &Trace,
    landmarks: &Landmarks,
    now: Time,
    acts: CardActs<'_>,
) -> Html {
    let CardActs {
        on_choose_tier,
        heading_ref,
    } = acts;
    let scenario = &sim.scenario;
    // (Tier names are unique: no search of the tiers for each card at each frame of play.)
    let is_scenario_tier = trace.tier == scenario.tier;
    let balance: Cents = trace.balance_at(now);
    let days = scenario.policy.tier(&trace.tier).unwrap_or_default();
    let uses = |mode: BillingMode| scenario.resources.iter().any(|r| r.billing() == mode);
    let (packages, pay_per_use) = (uses(BillingMode::Package), uses(BillingMode::PayPerUse));
    let view = TierView {
        trace,
        landmarks,
        days,
    };
    let rows = scenario.resources.iter().enumerate().map(|(r, resource)| {
        let state = trace.status_at(r, now).map(|s| s.state);
        let lines = countdown_lines(lang, &view, r, resource, now);
        html! {
            <li class="res-status" key={r} data-resource={resource.id.clone()}
                data-state={state.map_or("not-started", State::as_str)}>
                <div class="res-head">
                    <span class="res-id">{ &resource.id }</span>
                    { state_badge(lang, state) }
                </div>
                if let Some(state) = state.filter(|s| *s != State::Available) {
                    <p class="res-period">{ trf(lang, "{0}: {1}", &[state_title(lang, state), state_period(lang, state)]) }</p>
                }
                <ul class="countdowns">
                    { for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </li>
        }
    });
    // By place, not by name: a custom tier's name may hold spaces, which would make the
    // reference two ids.
    let heading_id = format!("rl-tier-status-{index}");
    html! {
        <article class={classes!("tier-card", is_scenario_tier.then_some("is-scenario-tier"))}
                 data-testid="tier-status" data-tier={trace.tier.clone()}
                 aria-labelledby={heading_id.clone()} key={trace.tier.clone()}>
            <header class="tier-card-head">
                <h3 id={heading_id} class="tier-card-title"
                    ref={if is_scenario_tier { heading_ref.clone() } else { NodeRef::default() }}
                    tabindex={is_scenario_tier.then_some("-1")}>
                    { trf(lang, "Tier {0}", &[&trace.tier]) }
                    if is_scenario_tier { <span class="tag tag-scenario">{ tr(lang, "scenario tier") }</span> }
                </h3>
                <p class={classes!("balance-line", balance.is_negative().then_some("is-arrears"))}>
                    <span class="balance-label">{ tr(lang, "Balance") }</span>
                    <span class="balance-amount" data-testid="balance">{ money(lang, balance) }</span>
                    if balance.is_negative() { <span class="tag tag-arrears">{ tr(lang, "in arrears") }</span> }
                </p>
            </header>
            <p class="tier-card-days">{ tier_days_long_in(lang, days, packages, pay_per_use) }</p>
            <ul class="res-list">{ for rows }</ul>
            // "I'm tier V1": the scenario's tier is chosen where its days are read.
            if let Some(choose) = on_choose_tier.filter(|_| !is_scenario_tier) {
                <button type="button" class="button button-quiet tier-choose" data-testid="choose-tier"
                    onclick={choose.reform({ let tier = trace.tier.clone(); move |_: MouseEvent| tier.clone() })}>
                    { tr(lang, "Make it the scenario tier") }
                </button>
            }
        </article>
    }
}

/// Status of every tier at the clock's time: state badges, countdowns in words and the balance;
/// the scenario's own tier first among equals (highlighted).
#[function_component(StatusPanel)]
pub fn status_panel(props: &StatusPanelProps) -> Html {
    let lang = use_lang();
    let StatusPanelProps {
        sim,
        now,
        on_choose_tier,
    } = props;
    let landmarks = use_memo(sim.clone(), |sim| {
        let count = sim.scenario.resources.len();
        sim.traces
            .iter()
            .map(|trace| Landmarks::of(trace, count))
            .collect::<Vec<_>>()
    });
    let zone = sim.scenario.offset;
    let heading_ref = use_focus_rescue(sim.scenario.tier.clone());
    let cards = sim.traces.iter().enumerate().map(|(index, trace)| {
        let none = Landmarks::default();
        let landmarks = landmarks.get(index).unwrap_or(&none);
        tier_card(
            lang,
            sim,
            index,
            trace,
            landmarks,
            *now,
            CardActs {
                on_choose_tier: on_choose_tier.as_ref(),
                heading_ref: &heading_ref,
            },
        )
    });
    html! {
        <section class="status-panel" data-testid="status-panel" aria-labelledby="rl-status-title">
            <header class="panel-head">
                <h2 id="rl-status-title" class="panel-title">{ tr(lang, "Status by tier") }</h2>
                <p class="panel-note">{ trf(lang, "At {0} · times in {1}", &[&second(lang, *now), &offset(zone)]) }</p>
            </header>
            // A region of its own: on a phone it scrolls sideways, by swipe or by its arrow keys.
            <div class="tier-cards" role="region" tabindex="0"
                 aria-label={tr(lang, "Status cards, one per tier")}>{ for cards }</div>
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
        let view = TierView {
            trace,
            landmarks: &Landmarks::of(trace, scenario.resources.len()),
            days: scenario.policy.tier(&trace.tier).unwrap_or_default(),
        };
        countdown_lines(Lang::En, &view, r, &scenario.resources[r], at(now))
    }

    #[test]
    fn countdowns_exist_at_any_time_in_every_language() {
        for entry in crate::ui::scenarios::GALLERY {
            let scenario = Scenario::from_doc(&entry.doc().unwrap()).unwrap();
            let start = scenario.start();
            let times = [
                Time::from_secs(i64::MIN),
                start.plus_secs(-1),
                start,
                start.plus_days(33),
                scenario.until,
                Time::MAX,
            ];
            for trace in crate::engine::simulate_all_tiers(&scenario) {
                let landmarks = Landmarks::of(&trace, scenario.resources.len());
                for (r, resource) in scenario.resources.iter().enumerate() {
                    for now in times {
                        for lang in Lang::ALL {
                            let view = TierView {
                                trace: &trace,
                                landmarks: &landmarks,
                                days: scenario.policy.tier(&trace.tier).unwrap_or_default(),
                            };
                            let lines = countdown_lines(lang, &view, r, resource, now);
                            assert!(!lines.is_empty(), "{} {r} at {now:?}", entry.slug);
                        }
                    }
                }
            }
        }
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
                    "if not renewed: frozen 2026-04-10 00:00, data deleted 2026-04-11 00:00",
                ],
            ),
            (
                0,
                "2026-04-09T06:00:00",
                &[
                    "if not renewed: frozen in 18 h (2026-04-10 00:00)",
                    "data deleted in 1 d 18 h (2026-04-11 00:00)",
                    "renew to keep it in service",
                ],
            ),
            (
                0,
                "2026-04-10T12:00:00",
                &[
                    "if not renewed: data deleted in 12 h (2026-04-11 00:00)",
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
                    "if not topped up: frozen 2026-03-10 21:00, data deleted 2026-03-11 21:00",
                ],
            ),
            (
                1,
                "2026-03-10T21:00:00",
                &[
                    "if not topped up: data deleted in 1 d (2026-03-11 21:00)",
                    "top up to zero or more to restore it",
                ],
            ),
        ];
        for (r, now, expected) in cases {
            assert_eq!(lines(&trace, &scenario, r, now), expected, "{r} at {now}");
        }
    }

    #[test]
    fn the_dates_a_lapse_would_lead_to_skip_zero_day_periods() {
        let anchor = at("2026-04-09T00:00:00");
        let days = |grace_days, retention_days| ModeDays {
            grace_days,
            retention_days,
        };
        // grace, retention, line
        let cases = [
            (
                7,
                15,
                "if not renewed: frozen 2026-04-16 00:00, data deleted 2026-05-01 00:00",
            ),
            (
                0,
                3,
                "if not renewed: frozen 2026-04-09 00:00, data deleted 2026-04-12 00:00",
            ),
            (2, 0, "if not renewed: data deleted 2026-04-11 00:00"),
            (0, 0, "if not renewed: data deleted 2026-04-09 00:00"),
        ];
        for (grace, retention, line) in cases {
            let condition = tr(Lang::En, "if not renewed");
            assert_eq!(
                if_not_restored(Lang::En, condition, days(grace, retention), anchor),
                line
            );
        }
    }

    #[test]
    fn a_trace_cut_at_the_clock_gives_no_dates_ahead() {
        let scenario = Scenario::from_json(SCENARIO).unwrap();
        let trace = simulate(&scenario);
        // resource, clock
        for (r, now) in [(0, "2026-03-31T23:00:00"), (1, "2026-03-10T00:00:00")] {
            let known = crate::workshop::known_until(&trace, at(now));
            let full = lines(&trace, &scenario, r, now);
            assert!(full.iter().any(|l| l.starts_with("if not")), "{full:?}");
            let cut = lines(&known, &scenario, r, now);
            assert!(cut.iter().all(|l| !l.starts_with("if not")), "{cut:?}");
        }
        // Between two failed attempts, the cut trace shows no next attempt, and does not say
        // there is none either (a workshop may ask when the last one is).
        let now = "2026-04-02T12:00:00";
        let full = lines(&trace, &scenario, 0, now);
        assert!(
            full.iter()
                .any(|l| l.starts_with("next auto-renew attempt 2026-04-03 03:00")),
            "{full:?}"
        );
        let cut = lines(
            &crate::workshop::known_until(&trace, at(now)),
            &scenario,
            0,
            now,
        );
        assert!(cut.contains(&"auto-renew on".to_string()), "{cut:?}");
        assert!(cut.iter().all(|l| !l.contains("attempt")), "{cut:?}");
    }
}
