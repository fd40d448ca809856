//! The what-if panel: choose one change, compare, see both runs aligned with the first divergence
//! marked and explained; go to it, adopt the what-if (undoable) or dismiss it.

use crate::engine::{ActionKind, BillingMode, Time};
use crate::ui::components::choice::choice;
use crate::ui::components::what_if_lanes::WhatIfLanes;
use crate::ui::i18n::format::{money, second};
use crate::ui::i18n::{tr, trf, use_lang};
use crate::ui::sim::SimRef;
use crate::ui::state::Action;
use crate::ui::what_if_state::{
    divergence_text, problem_text, Change, ChangeForm, Comparison, Problem, WhatIfAction,
};
use crate::what_if::{Refusal, DEFAULT_TOP_UP, MAX_DELAY_DAYS};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`WhatIfPanel`].
#[derive(Properties, PartialEq)]
pub struct WhatIfPanelProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock (shared with the main timeline).
    pub now: Time,
    /// The comparison made on the current document, if any.
    pub result: Option<Rc<Comparison>>,
    /// Why the last Compare showed nothing.
    pub problem: Option<Problem>,
    /// The form of the last Compare: its result or problem shows only while the form reads the
    /// same (another change chosen is another question).
    pub compared: Option<ChangeForm>,
    /// Receives Compare, Dismiss, Adopt and Seek.
    pub on_action: Callback<Action>,
}

/// The value of the input or select an event came from.
fn value_of(event: &Event) -> String {
    let target = event.target();
    target
        .as_ref()
        .and_then(|t| t.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::value))
        .or_else(|| {
            target.as_ref().and_then(|t| {
                t.dyn_ref::<HtmlSelectElement>()
                    .map(HtmlSelectElement::value)
            })
        })
        .unwrap_or_default()
}

/// The what-if panel.
#[function_component(WhatIfPanel)]
pub fn what_if_panel(props: &WhatIfPanelProps) -> Html {
    let lang = use_lang();
    let form = use_state(ChangeForm::default);
    let scenario = &props.sim.scenario;
    // A comparison shown or closed replaces the control that had the focus: it moves to the
    // result, or back to Compare.
    let (result_ref, compare_ref) = (use_node_ref(), use_node_ref());
    let mounted = use_mut_ref(|| false);
    {
        let (result_ref, compare_ref) = (result_ref.clone(), compare_ref.clone());
        use_effect_with(props.result.is_some(), move |&shown| {
            // Not when the panel first appears (after an exercise, say): nothing of it had the
            // focus then.
            if !std::mem::replace(&mut *mounted.borrow_mut(), true) {
                return;
            }
            let target = if shown { result_ref } else { compare_ref };
            if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                crate::ui::browser::refocus(&element);
            }
        });
    }

    // Choices offered for this scenario; a typed value not offered falls back to the first.
    let packages: Vec<&str> = scenario
        .resources
        .iter()
        .filter(|r| r.billing() == BillingMode::Package)
        .map(|r| r.id.as_str())
        .collect();
    let tiers: Vec<&str> = scenario
        .policy
        .tier_names()
        .filter(|t| *t != scenario.tier)
        .collect();
    let renewals: Vec<(String, String)> = scenario
        .actions
        .iter()
        .enumerate()
        .filter_map(|(i, a)| match a.kind {
            ActionKind::Renew { resource, term } => {
                let id = scenario
                    .resources
                    .get(resource)
                    .map_or("", |r| r.id.as_str());
                Some((
                    i.to_string(),
                    format!(
                        "{} · {id} · {}",
                        second(lang, a.at),
                        crate::ui::i18n::explain::term(lang, term)
                    ),
                ))
            }
            _ => None,
        })
        .collect();
    let pick = |typed: &str, offered: &[&str]| -> String {
        if offered.contains(&typed) {
            typed.to_string()
        } else {
            offered.first().map_or_else(String::new, |s| s.to_string())
        }
    };
    let offered_actions: Vec<&str> = renewals.iter().map(|(i, _)| i.as_str()).collect();
    let effective = ChangeForm {
        resource: pick(&form.resource, &packages),
        tier: pick(&form.tier, &tiers),
        action: pick(&form.action, &offered_actions),
        ..(*form).clone()
    };
    // The untouched default is written as the language writes amounts (20,00 in pt-BR).
    let shown_amount = if effective.amount == DEFAULT_TOP_UP.to_string() {
        money(lang, DEFAULT_TOP_UP)
    } else {
        effective.amount.clone()
    };

    fn set<E: AsRef<Event> + 'static>(
        form: &UseStateHandle<ChangeForm>,
        write: fn(&mut ChangeForm, String),
    ) -> Callback<E> {
        let form = form.clone();
        Callback::from(move |event: E| {
            let mut next = (*form).clone();
            write(&mut next, value_of(event.as_ref()));
            form.set(next);
        })
    }
    let on_change = set::<Event>(&form, |f, v| f.change = Change::from_value(&v));
    let on_amount = set::<InputEvent>(&form, |f, v| f.amount = v);
    let on_resource = set::<Event>(&form, |f, v| f.resource = v);
    let on_tier = set::<Event>(&form, |f, v| f.tier = v);
    let on_renewal = set::<Event>(&form, |f, v| f.action = v);
    let on_days = set::<InputEvent>(&form, |f, v| f.days = v);
    let on_compare = {
        let (on_action, effective) = (props.on_action.clone(), effective.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_action.emit(Action::WhatIf(WhatIfAction::Compare {
                form: effective.clone(),
                lang,
            }));
        })
    };
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };

    let options = |values: &[&str], chosen: &str| -> Html {
        values
            .iter()
            .map(|v| choice(v.to_string(), *v == chosen, html! { *v }))
            .collect()
    };
    let answers_form = props.compared.as_ref() == Some(&effective);
    // A refusal is about the change's parameters: each of their fields points to its words; a
    // typed value (an amount, a number of days) is marked invalid when it is what was refused.
    let shown_problem = props.problem.as_ref().filter(|_| answers_form);
    let described = if shown_problem.is_some() {
        "wi-hint wi-problem"
    } else {
        "wi-hint"
    };
    let refusal = match shown_problem {
        Some(Problem::Refused(refusal)) => Some(refusal),
        _ => None,
    };
    let amount_invalid = matches!(
        refusal,
        Some(Refusal::BadAmount | Refusal::UnreadableAmount(_))
    )
    .then_some("true");
    let days_invalid =
        matches!(refusal, Some(Refusal::BadDelay | Refusal::AfterUntil(_))).then_some("true");
    let parameter = match effective.change {
        Change::TopUp => html! {
            <label class="field">
                <span class="field-label">{ tr(lang, "Extra top-up amount") }</span>
                <input type="text" inputmode="decimal" autocomplete="off" value={shown_amount}
                    oninput={on_amount} aria-describedby={described} aria-invalid={amount_invalid} />
            </label>
        },
        Change::AutoRenewOn => html! {
            <label class="field">
                <span class="field-label">{ tr(lang, "Switch on for") }</span>
                <select onchange={on_resource} aria-describedby={described}>{ options(&packages, &effective.resource) }</select>
            </label>
        },
        Change::Tier => html! {
            <label class="field">
                <span class="field-label">{ tr(lang, "Compare with tier") }</span>
                <select onchange={on_tier} aria-describedby={described}>{ options(&tiers, &effective.tier) }</select>
            </label>
        },
        Change::RenewLater => html! {
            <>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Renewal to delay") }</span>
                    <select onchange={on_renewal} aria-describedby={described}>
                        { for renewals.iter().map(|(i, text)| html! {
                            { choice(i.clone(), *i == effective.action, html! { text }) }
                        }) }
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Days later") }</span>
                    <input type="number" min="1" max={MAX_DELAY_DAYS.to_string()} step="1" value={effective.days.clone()}
                        oninput={on_days} aria-describedby={described} aria-invalid={days_invalid} />
                </label>
            </>
        },
    };
    let shown_result = props.result.as_ref().filter(|_| answers_form);
    // The result shown is the one Adopt adds: say so when the clock moved on since Compare.
    let earlier_top_up = shown_result
        .and_then(|result| result.top_up_at())
        .filter(|at| *at != props.now);
    let hint = match (effective.change, earlier_top_up) {
        (Change::TopUp, Some(at)) => trf(
            lang,
            "Compared with a top-up at {0}, which “Adopt what-if” adds. Compare again to top up at the clock's time, {1}.",
            &[&second(lang, at), &second(lang, props.now)],
        ),
        (Change::TopUp, None) => trf(
            lang,
            "Added as a top-up at the clock's time, {0}.",
            &[&second(lang, props.now)],
        ),
        (Change::AutoRenewOn, _) => tr(
            lang,
            "Settings as written, or the defaults: 7 days before, 1 month, unlimited.",
        )
        .to_string(),
        (Change::Tier, _) => tr(
            lang,
            "The same account under another tier's grace and retention days.",
        )
        .to_string(),
        (Change::RenewLater, _) => {
            tr(lang, "The chosen renewal happens that many days later.").to_string()
        }
    };

    let problem = shown_problem.map(|p| {
        html! { <p class="wi-problem" id="wi-problem" data-testid="whatif-problem">{ problem_text(lang, p) }</p> }
    });
    let result = shown_result.map(|result| {
        let first_at = result.first.as_ref().map(|d| d.at);
        let offset = props.sim.scenario.offset;
        html! {
            <div class="wi-result" data-testid="whatif-result" tabindex="-1" ref={result_ref.clone()}
                 data-diverges={if first_at.is_some() { "true" } else { "false" }}>
                <p class={classes!("wi-explanation", first_at.is_none().then_some("wi-none"))}
                   data-testid="whatif-explanation"
                   data-at={first_at.map(|at| at.rfc3339(offset))}>
                    { divergence_text(lang, result) }
                </p>
                <div class="wi-actions">
                    if let Some(at) = first_at {
                        <button type="button" class="button" onclick={emit(Action::Seek(at))}>
                            { tr(lang, "Go to the divergence") }
                        </button>
                    }
                    <button type="button" class="button button-primary"
                        onclick={emit(Action::WhatIf(WhatIfAction::Adopt))}>
                        { tr(lang, "Adopt what-if") }
                    </button>
                    <button type="button" class="button button-quiet"
                        onclick={emit(Action::WhatIf(WhatIfAction::Dismiss))}>
                        { tr(lang, "Dismiss what-if") }
                    </button>
                </div>
                <WhatIfLanes result={result.clone()} now={props.now} />
            </div>
        }
    });

    html! {
        <section class="panel what-if" data-testid="what-if" aria-labelledby="wi-heading">
            <h2 id="wi-heading" class="panel-title">{ tr(lang, "What-if") }</h2>
            <p class="panel-note">
                { tr(lang, "Branch the scenario with one change and compare both runs on one time axis. The scenario stays as it is unless you adopt the what-if.") }
            </p>
            <form class="wi-form" novalidate=true onsubmit={on_compare}>
                <label class="field">
                    <span class="field-label">{ tr(lang, "What-if change") }</span>
                    <select onchange={on_change}>
                        { for Change::ALL.iter().map(|c| html! {
                            { choice(c.value(), *c == effective.change, html! { c.label(lang) }) }
                        }) }
                    </select>
                </label>
                { parameter }
                <button type="submit" class="button button-primary" ref={compare_ref}>{ tr(lang, "Compare") }</button>
            </form>
            <p class="field-hint" id="wi-hint">{ hint }</p>
            // One node each, shown or empty: an `Option` would add or remove a child, and Yew
            // matches unkeyed children from the end, so the form before them was rebuilt (its
            // input lost the focus at the first key typed once a result or problem showed).
            { problem.unwrap_or_default() }
            { result.unwrap_or_default() }
        </section>
    }
}
