//! The state diagram: the four states, the current one highlighted, transitions labelled by trigger.

use crate::engine::policy::ModeDays;
use crate::engine::{BillingMode, State, Time};
use crate::ui::components::choice::choice;
use crate::ui::i18n::explain::state_meaning;
use crate::ui::i18n::format::{date, minute};
use crate::ui::i18n::{plural, tr, trf, use_lang, Lang};
use crate::ui::sim::{Sim, SimRef};
use crate::ui::text::state_title;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`StateDiagram`].
#[derive(Properties, PartialEq)]
pub struct StateDiagramProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,
}

/// Where a rule comes from (lifecycle rules: documented facts vs modelling choices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// The provider's public documentation.
    Documented,
    /// A choice where the documentation is silent (§8, pay-per-use details of §9).
    Choice,
    /// The user's own custom tier table.
    CustomPolicy,
}

impl Provenance {
    /// The tag's words.
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Provenance::Documented => tr(lang, "documented"),
            Provenance::Choice => tr(lang, "modelling choice"),
            Provenance::CustomPolicy => tr(lang, "your policy"),
        }
    }

    fn class(self) -> &'static str {
        match self {
            Provenance::Documented => "prov-doc",
            Provenance::Choice => "prov-choice",
            Provenance::CustomPolicy => "prov-custom",
        }
    }
}

/// One labelled arrow of the diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    /// What triggers it.
    pub trigger: String,
    /// Where the trigger comes from.
    pub provenance: Provenance,
    /// Whether the period it ends lasts zero days (the target state is skipped).
    pub skipped: bool,
}

/// The diagram's arrows for one billing mode and tier: available → expired, expired → frozen,
/// frozen → released, and the way back to available.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transitions {
    /// available → expired.
    pub lapse: Transition,
    /// expired → frozen.
    pub grace: Transition,
    /// frozen → released.
    pub retention: Transition,
    /// expired/frozen → available.
    pub restore: Transition,
}

/// The transitions of a resource billed as `mode` under `days`; `expiry` is its current expiry
/// date (packages), `preset` whether the days come from a documented preset.
pub fn transitions(
    lang: Lang,
    mode: BillingMode,
    days: ModeDays,
    expiry: Option<chrono::NaiveDate>,
    preset: bool,
) -> Transitions {
    let days_source = if preset {
        Provenance::Documented
    } else {
        Provenance::CustomPolicy
    };
    // The days come from the table (the provider's or the user's). That a zero-day period is
    // skipped is the contract's choice, unless the user's own table says 0.
    let period_source = |n: u16| match (n, preset) {
        (0, true) => Provenance::Choice,
        _ => days_source,
    };
    let (grace, retention) = (days.grace_days, days.retention_days);
    let straight_to = match (grace, retention) {
        (0, 0) => tr(lang, " — straight to released"),
        (0, _) => tr(lang, " — straight to frozen"),
        _ => "",
    };
    let grace_period = |n: u16| match n {
        0 => tr(lang, "0 grace days: skipped").to_string(),
        n => plural(
            lang,
            i64::from(n),
            "after {0} grace day",
            "after {0} grace days",
        ),
    };
    let retention_period = |n: u16| match n {
        0 => tr(lang, "0 retention days: skipped").to_string(),
        n => plural(
            lang,
            i64::from(n),
            "after {0} retention day",
            "after {0} retention days",
        ),
    };
    match mode {
        BillingMode::Package => Transitions {
            lapse: Transition {
                trigger: trf(
                    lang,
                    "expiry date passes (00:00 after {0}){1}",
                    &[
                        &expiry.map_or_else(
                            || tr(lang, "the expiry date").to_string(),
                            |d| date(lang, d),
                        ),
                        straight_to,
                    ],
                ),
                provenance: Provenance::Documented,
                skipped: grace == 0,
            },
            grace: Transition {
                trigger: grace_period(grace),
                provenance: period_source(grace),
                skipped: grace == 0,
            },
            retention: Transition {
                trigger: retention_period(retention),
                provenance: period_source(retention),
                skipped: retention == 0,
            },
            restore: Transition {
                trigger: tr(lang, "renewal (from the original expiry)").to_string(),
                provenance: Provenance::Documented,
                skipped: false,
            },
        },
        BillingMode::PayPerUse => Transitions {
            lapse: Transition {
                trigger: trf(
                    lang,
                    "balance below zero after an hourly charge{0}",
                    &[straight_to],
                ),
                provenance: Provenance::Choice,
                skipped: grace == 0,
            },
            grace: Transition {
                trigger: if grace == 0 {
                    grace_period(0)
                } else {
                    trf(
                        lang,
                        "{0} (24 h each, from the arrears)",
                        &[&grace_period(grace)],
                    )
                },
                provenance: period_source(grace),
                skipped: grace == 0,
            },
            retention: Transition {
                trigger: retention_period(retention),
                provenance: period_source(retention),
                skipped: retention == 0,
            },
            restore: Transition {
                trigger: tr(lang, "top-up to ≥ 0").to_string(),
                provenance: Provenance::Choice,
                skipped: false,
            },
        },
    }
}

fn tag(lang: Lang, provenance: Provenance) -> Html {
    html! {
        <span class={classes!("prov", provenance.class())}>{ provenance.words(lang) }</span>
    }
}

fn edge(lang: Lang, transition: &Transition, direction: &'static str) -> Html {
    html! {
        <div class={classes!("sd-edge", direction, transition.skipped.then_some("is-skipped"))}>
            <span class="sd-arrow" aria-hidden="true"></span>
            <span class="sd-trigger">{ &transition.trigger }</span>
            { tag(lang, transition.provenance) }
        </div>
    }
}

/// When the resource entered the state it is in at `now`, given its spans.
fn since(spans: &[(Time, Time, State)], now: Time) -> Option<Time> {
    let i = spans.partition_point(|(from, _, _)| *from <= now);
    i.checked_sub(1)
        .and_then(|i| spans.get(i))
        .map(|(from, _, _)| *from)
}

fn spans_of(sim: &Sim, tier: usize, resource: usize) -> Vec<(Time, Time, State)> {
    sim.traces
        .get(tier)
        .map(|trace| trace.state_spans(resource))
        .unwrap_or_default()
}

/// The four states for the tier and resource chosen in "Diagram tier" and "Diagram resource"
/// (the scenario's tier and first resource at first), the current state highlighted.
#[function_component(StateDiagram)]
pub fn state_diagram(props: &StateDiagramProps) -> Html {
    let lang = use_lang();
    let StateDiagramProps { sim, now } = props;
    let chosen_tier = use_state(|| None::<String>);
    // By id, like the act panel and the log: removing a resource leaves the choice on its own.
    let chosen_resource = use_state(|| None::<String>);
    let tier = chosen_tier
        .as_ref()
        .and_then(|name| sim.traces.iter().position(|t| &t.tier == name))
        .unwrap_or_else(|| sim.scenario_tier());
    let resource = chosen_resource
        .as_deref()
        .and_then(|id| sim.scenario.resource_index(id))
        .unwrap_or(0);
    let trace = sim.traces.get(tier);
    let tier_name = trace.map_or("", |t| t.tier.as_str());
    let status = trace.and_then(|t| t.status_at(resource, *now));
    let current = status.map(|s| s.state);
    let spans = use_memo((sim.clone(), tier, resource), |(sim, tier, r)| {
        spans_of(sim, *tier, *r)
    });
    let entered = since(&spans, *now);

    // Callbacks
    let on_tier = {
        let chosen_tier = chosen_tier.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                chosen_tier.set(Some(select.value()));
            }
        })
    };
    let on_resource = {
        let chosen_resource = chosen_resource.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                chosen_resource.set(Some(select.value()));
            }
        })
    };

    let chosen = sim.scenario.resources.get(resource);
    let mode = chosen.map_or(BillingMode::Package, |r| r.billing());
    let days = sim
        .scenario
        .policy
        .tier(tier_name)
        .unwrap_or_default()
        .for_mode(mode);
    let preset = sim.scenario.policy.is_preset();
    let arrows = transitions(lang, mode, days, status.and_then(|s| s.expiry), preset);

    let node = |state: State| {
        let is_current = current == Some(state);
        let skipped = match state {
            State::Expired => days.grace_days == 0,
            State::Frozen => days.retention_days == 0,
            State::Available | State::Released => false,
        };
        html! {
            <div class={classes!("sd-node", format!("sd-node-{}", state.as_str()),
                                 is_current.then_some("is-current"), skipped.then_some("is-skipped"))}
                 data-state-node={state.as_str()}
                 aria-current={is_current.then_some("true")}>
                <span class={format!("swatch swatch-{}", state.as_str())} aria-hidden="true"></span>
                <span class="sd-name">{ state_title(lang, state) }</span>
                <span class="sd-meaning">{ state_meaning(lang, state) }</span>
                if is_current {
                    <span class="sd-current">
                        { tr(lang, "current") }
                        if let Some(from) = entered { { trf(lang, " · since {0}", &[&minute(lang, from)]) } }
                    </span>
                }
                if skipped { <span class="sd-skipped">{ tr(lang, "skipped (0 days)") }</span> }
            </div>
        }
    };

    let tier_options = sim
        .traces
        .iter()
        .map(|t| choice(t.tier.clone(), t.tier == tier_name, html! { &t.tier }));
    let resource_options = sim
        .scenario
        .resources
        .iter()
        .enumerate()
        .map(|(r, res)| choice(res.id.clone(), r == resource, html! { &res.id }));
    let days_note = if preset {
        trf(
            lang,
            "Days from the {0} table (provider documentation).",
            &[&sim.scenario.policy.name],
        )
    } else {
        trf(
            lang,
            "Days from your custom policy “{0}”.",
            &[&sim.scenario.policy.name],
        )
    };
    html! {
        <section class="state-diagram" data-testid="state-diagram" aria-labelledby="rl-diagram-title">
            <header class="panel-head">
                <h2 id="rl-diagram-title" class="panel-title">{ tr(lang, "Lifecycle") }</h2>
                <div class="sd-pickers">
                    <label class="field-inline">
                        <span>{ tr(lang, "Diagram tier") }</span>
                        <select onchange={on_tier}>{ for tier_options }</select>
                    </label>
                    <label class="field-inline">
                        <span>{ tr(lang, "Diagram resource") }</span>
                        <select onchange={on_resource}>{ for resource_options }</select>
                    </label>
                </div>
            </header>
            <p class="panel-note">
                { trf(
                    lang,
                    "{0} ({1}) in tier {2}{3}",
                    &[
                        chosen.map_or("", |r| r.id.as_str()),
                        if mode == BillingMode::PayPerUse { tr(lang, "pay-per-use") } else { tr(lang, "package") },
                        tier_name,
                        if current.is_none() { tr(lang, ": not started yet") } else { "" },
                    ],
                ) }
            </p>
            <div class="sd-flow">
                { node(State::Available) }
                { edge(lang, &arrows.lapse, "sd-forward") }
                { node(State::Expired) }
                { edge(lang, &arrows.grace, "sd-forward") }
                { node(State::Frozen) }
                { edge(lang, &arrows.retention, "sd-forward") }
                { node(State::Released) }
                <div class="sd-return">
                    <span class="sd-return-arrow" aria-hidden="true"></span>
                    <span class="sd-trigger">
                        { trf(lang, "{0} — from expired or frozen back to available", &[&arrows.restore.trigger]) }
                    </span>
                    { tag(lang, arrows.restore.provenance) }
                </div>
            </div>
            <p class="sd-legend">
                { tag(lang, Provenance::Documented) }{ tr(lang, " the provider's documentation · ") }
                { tag(lang, Provenance::Choice) }{ tr(lang, " chosen where it is silent (event order at one instant, pay-per-use arrears) · ") }
                { days_note }
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn days(grace_days: u16, retention_days: u16) -> ModeDays {
        ModeDays {
            grace_days,
            retention_days,
        }
    }

    #[test]
    fn package_arrows_name_their_triggers() {
        let expiry = NaiveDate::from_ymd_opt(2026, 4, 8);
        let t = transitions(Lang::En, BillingMode::Package, days(7, 15), expiry, true);
        assert_eq!(
            t.lapse.trigger,
            "expiry date passes (00:00 after 2026-04-08)"
        );
        assert_eq!(t.grace.trigger, "after 7 grace days");
        assert_eq!(t.retention.trigger, "after 15 retention days");
        assert_eq!(t.restore.trigger, "renewal (from the original expiry)");
        assert_eq!(t.grace.provenance, Provenance::Documented);
        assert!(!t.grace.skipped && !t.retention.skipped);
        let custom = transitions(Lang::En, BillingMode::Package, days(1, 1), None, false);
        assert_eq!(custom.grace.trigger, "after 1 grace day");
        assert_eq!(custom.grace.provenance, Provenance::CustomPolicy);
        assert_eq!(custom.lapse.provenance, Provenance::Documented);
        assert_eq!(
            custom.lapse.trigger,
            "expiry date passes (00:00 after the expiry date)"
        );
    }

    #[test]
    fn zero_day_periods_are_skipped() {
        // grace, retention, lapse trigger suffix, grace skipped, retention skipped
        let cases = [
            (0, 7, " — straight to frozen", true, false),
            (0, 0, " — straight to released", true, true),
            (3, 0, "", false, true),
        ];
        for (grace, retention, suffix, grace_skipped, retention_skipped) in cases {
            let t = transitions(
                Lang::En,
                BillingMode::Package,
                days(grace, retention),
                None,
                true,
            );
            assert!(
                t.lapse.trigger.ends_with(&format!("date){suffix}")),
                "{}",
                t.lapse.trigger
            );
            assert_eq!(t.grace.skipped, grace_skipped);
            assert_eq!(t.retention.skipped, retention_skipped);
            if grace_skipped {
                assert_eq!(t.grace.trigger, "0 grace days: skipped");
            }
        }
    }

    #[test]
    fn pay_per_use_arrears_are_modelling_choices_and_its_days_come_from_the_table() {
        let t = transitions(Lang::En, BillingMode::PayPerUse, days(1, 7), None, true);
        assert_eq!(t.lapse.trigger, "balance below zero after an hourly charge");
        assert_eq!(t.restore.trigger, "top-up to ≥ 0");
        assert_eq!(
            t.grace.trigger,
            "after 1 grace day (24 h each, from the arrears)"
        );
        // Arrears and recovery are the contract's (docs/rules-and-choices.md, § 9); the number of
        // days is the provider's table, or the user's own.
        for arrow in [&t.lapse, &t.restore] {
            assert_eq!(arrow.provenance, Provenance::Choice);
        }
        for arrow in [&t.grace, &t.retention] {
            assert_eq!(arrow.provenance, Provenance::Documented);
        }
        let custom = transitions(Lang::En, BillingMode::PayPerUse, days(0, 7), None, false);
        assert_eq!(custom.grace.provenance, Provenance::CustomPolicy);
        assert_eq!(custom.retention.provenance, Provenance::CustomPolicy);
        assert_eq!(custom.lapse.provenance, Provenance::Choice);
        // A preset's zero-day period is skipped by the contract's choice.
        let v0 = transitions(Lang::En, BillingMode::PayPerUse, days(0, 1), None, true);
        assert_eq!(v0.grace.provenance, Provenance::Choice);
        let package = transitions(Lang::En, BillingMode::Package, days(0, 1), None, true);
        assert_eq!(package.grace.provenance, Provenance::Choice);
        assert_eq!(package.retention.provenance, Provenance::Documented);
    }

    #[test]
    fn since_finds_the_span_holding_the_clock() {
        let t = |secs| Time::from_secs(secs);
        let spans = [
            (t(10), t(20), State::Available),
            (t(20), t(30), State::Expired),
            (t(30), t(40), State::Available),
        ];
        // clock, entered
        let cases = [
            (5, None),
            (10, Some(10)),
            (25, Some(20)),
            (30, Some(30)),
            (99, Some(30)),
        ];
        for (now, expected) in cases {
            assert_eq!(since(&spans, t(now)), expected.map(t), "{now}");
        }
    }
}
