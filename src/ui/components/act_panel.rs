//! Acting as the customer at the clock's time: renew, top up, change auto-renew. Each act is
//! recorded as an action at that instant; the outcome (or the refusal, in words) shows below.

use crate::engine::{AutoRenew, Cents, Term, Time};
use crate::ui::components::choice::choice;
use crate::ui::components::editor::term_options;
use crate::ui::i18n::explain::{state_meaning, state_name, when};
use crate::ui::i18n::{format, tr, trf, use_lang};
use crate::ui::sim::SimRef;
use crate::ui::state::{
    top_up_amount, whole_in, Act, ActReport, Outcome, MAX_DAYS_BEFORE, MAX_RENEWAL_COUNT,
};
use yew::prelude::*;

/// Which of the panel's forms was sent last.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sent {
    Renew,
    TopUp,
    AutoRenew,
}

/// Properties of [`ActPanel`].
#[derive(Properties, PartialEq)]
pub struct ActPanelProps {
    /// The current simulation (acts need a valid one).
    pub sim: SimRef,
    /// The clock: every act happens at this instant.
    pub now: Time,
    /// What the last act did.
    pub report: Option<ActReport>,
    /// Receives the acts.
    pub on_act: Callback<Act>,
    /// Whether a workshop question locks the scenario (every control is disabled).
    #[prop_or_default]
    pub locked: bool,
}

/// The auto-renew part of the form, as typed.
#[derive(Clone, Debug, PartialEq)]
struct AutoRenewForm {
    enabled: bool,
    days_before: String,
    term: String,
    times: String,
}

impl From<AutoRenew> for AutoRenewForm {
    fn from(settings: AutoRenew) -> Self {
        AutoRenewForm {
            enabled: settings.enabled,
            days_before: settings.days_before.to_string(),
            term: settings.term.to_string(),
            times: settings.times.to_string(),
        }
    }
}

/// A callback storing an input's or select's value into `state` via `write`.
fn on_value<T: Clone + 'static, E: AsRef<web_sys::Event> + 'static>(
    state: &UseStateHandle<T>,
    write: impl Fn(&T, String) -> T + 'static,
) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |event: E| {
        let value = event
            .as_ref()
            .target()
            .and_then(|t| {
                use wasm_bindgen::JsCast;
                t.dyn_ref::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .or_else(|| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
            })
            .unwrap_or_default();
        state.set(write(&state, value));
    })
}

fn prevent(event: SubmitEvent) {
    event.prevent_default();
}

/// The customer's acts at the clock's time.
#[function_component(ActPanel)]
pub fn act_panel(props: &ActPanelProps) -> Html {
    let lang = use_lang();
    // The sixteen terms in words, made once per language rather than on every frame of play.
    let terms = use_memo(lang, |lang| term_options(*lang));
    let sim = &props.sim;
    let ids: Vec<String> = sim
        .scenario
        .resources
        .iter()
        .map(|r| r.id.clone())
        .collect();
    let chosen = use_state(String::new);
    let resource_id = if ids.contains(&*chosen) {
        (*chosen).clone()
    } else {
        ids.first().cloned().unwrap_or_default()
    };
    let resource = sim.scenario.resource_index(&resource_id);
    let own = sim.traces.get(sim.scenario_tier());
    let status = own
        .zip(resource)
        .and_then(|(trace, r)| trace.status_at(r, props.now));
    let settings = status.and_then(|s| s.auto_renew).unwrap_or_default();

    let renewal_term = use_state(|| "1m".to_string());
    let sent = use_state(|| None::<Sent>);
    let amount = use_state(String::new);
    let auto = use_state(|| AutoRenewForm::from(settings));
    {
        // Show the chosen resource's settings when another resource is chosen, and follow them as
        // they change (an automatic renewal counts down, the clock moves) while the form still
        // shows the previous ones. Once edited, the form keeps what was typed.
        let auto = auto.clone();
        let filled_from = use_mut_ref(|| (resource_id.clone(), settings));
        use_effect_with((resource_id.clone(), settings), move |(id, settings)| {
            let mut from = filled_from.borrow_mut();
            if from.0 != *id || *auto == AutoRenewForm::from(from.1) {
                auto.set(AutoRenewForm::from(*settings));
            }
            *from = (id.clone(), *settings);
        });
    }

    let on_choose = on_value::<_, Event>(&chosen, |_, value| value);
    let on_renewal_term = on_value::<_, Event>(&renewal_term, |_, value| value);
    let on_amount = on_value::<_, InputEvent>(&amount, |_, value| value);
    let on_days = on_value::<_, InputEvent>(&auto, |form, value| AutoRenewForm {
        days_before: value,
        ..form.clone()
    });
    let on_auto_term = on_value::<_, Event>(&auto, |form, value| AutoRenewForm {
        term: value,
        ..form.clone()
    });
    let on_times = on_value::<_, InputEvent>(&auto, |form, value| AutoRenewForm {
        times: value,
        ..form.clone()
    });
    let on_enabled = {
        let auto = auto.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            auto.set(AutoRenewForm {
                enabled: input.checked(),
                ..(*auto).clone()
            });
        })
    };

    let on_renew = {
        let (on_act, resource, term) = (
            props.on_act.clone(),
            resource_id.clone(),
            renewal_term.clone(),
        );
        let sent = sent.clone();
        Callback::from(move |event: SubmitEvent| {
            prevent(event);
            sent.set(Some(Sent::Renew));
            on_act.emit(Act::Renew {
                resource: resource.clone(),
                term: (*term).clone(),
            });
        })
    };
    let on_top_up = {
        let (on_act, amount, sent) = (props.on_act.clone(), amount.clone(), sent.clone());
        Callback::from(move |event: SubmitEvent| {
            prevent(event);
            sent.set(Some(Sent::TopUp));
            on_act.emit(Act::TopUp {
                amount: format::typed_amount(lang, &amount),
            });
        })
    };
    let on_auto_renew = {
        let (on_act, resource, auto) = (props.on_act.clone(), resource_id.clone(), auto.clone());
        let sent = sent.clone();
        Callback::from(move |event: SubmitEvent| {
            prevent(event);
            sent.set(Some(Sent::AutoRenew));
            let form = (*auto).clone();
            on_act.emit(Act::SetAutoRenew {
                resource: resource.clone(),
                enabled: form.enabled,
                days_before: form.days_before,
                term: form.term,
                times: form.times,
            });
        })
    };

    // What Renew would charge, before it is pressed (a package's price for the chosen term; the
    // engine still decides whether it may renew, and says why not).
    let quote = resource
        .and_then(|r| sim.scenario.resources.get(r))
        .zip(Term::parse(&renewal_term).ok())
        .and_then(|(r, term)| r.price(term))
        .zip(terms.iter().find(|(code, _)| *code == *renewal_term))
        .map(|(price, (_, words))| {
            trf(
                lang,
                "Renewing for {0} costs {1}.",
                &[words, &format::money(lang, price)],
            )
        });
    let balance = own
        .map(|trace| trace.balance_at(props.now))
        .unwrap_or_default();
    let balance = format::money(lang, balance);
    let situation = match (status, own) {
        (Some(status), Some(trace)) => {
            let args = [
                resource_id.as_str(),
                state_name(lang, status.state),
                state_meaning(lang, status.state),
                trace.tier.as_str(),
                balance.as_str(),
            ];
            match status.expires() {
                Some(x) => {
                    let x = when(lang, x);
                    trf(
                        lang,
                        "{0} is {1} ({2}), valid through {5} in tier {3}. Balance {4}.",
                        &[args[0], args[1], args[2], args[3], args[4], &x],
                    )
                }
                None => trf(lang, "{0} is {1} ({2}) in tier {3}. Balance {4}.", &args),
            }
        }
        _ => trf(
            lang,
            "{0} is not bought yet at this time. Balance {1}.",
            &[&resource_id, &balance],
        ),
    };
    // A new result is brought into view: it is below the forms, out of sight on a laptop once
    // Renew is pressed (not on the first render, which would scroll the page to this panel).
    let result_ref = use_node_ref();
    {
        let (result_ref, first) = (result_ref.clone(), use_mut_ref(|| true));
        use_effect_with(props.report.clone(), move |report| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if let (false, Some(_), Some(element)) =
                (first, report, result_ref.cast::<web_sys::Element>())
            {
                crate::ui::browser::reveal(&element);
            }
        });
    }
    let (report_text, outcome) = match &props.report {
        Some(report) => (
            report.text.get(lang).to_string(),
            match report.outcome {
                Outcome::Done => "done",
                Outcome::Refused => "refused",
                Outcome::Invalid => "invalid",
            },
        ),
        None => (String::new(), "none"),
    };
    let form = (*auto).clone();
    // A report that nothing was recorded is about the form sent last: its fields point to it.
    // The top-up's amount is marked invalid while it is no amount above 0 (the report may be
    // about something else: the scenario's problems, say).
    let invalid = props
        .report
        .as_ref()
        .is_some_and(|r| r.outcome == Outcome::Invalid);
    let about = |form: Sent| (invalid && *sent == Some(form)).then_some("act-result");
    let amount_refused = about(Sent::TopUp).is_some()
        && top_up_amount(&format::typed_amount(lang, &amount)).is_err();
    // Likewise the auto-renew numbers while they are out of their ranges.
    let auto_refused = |text: &str, max: i64| {
        (about(Sent::AutoRenew).is_some() && whole_in(text, 0, max).is_none()).then_some("true")
    };
    let days_refused = auto_refused(&form.days_before, MAX_DAYS_BEFORE);
    let count_refused = auto_refused(&form.times, MAX_RENEWAL_COUNT);

    html! {
        <section class="panel act-panel" data-testid="act-panel" aria-labelledby="act-heading">
            <h2 id="act-heading" class="panel-title">{ tr(lang, "Act as the customer") }</h2>
            <p class="panel-note">
                { trf(lang, "At {0}; each act is recorded as an action at that instant.", &[&when(lang, props.now)]) }
            </p>
            if props.locked {
                <p class="panel-note locked-note">{ tr(lang, "Locked during the exercise: leave the exercise to edit or act.") }</p>
            }
            <fieldset class="act-controls" disabled={props.locked} aria-labelledby="act-heading">
            <label class="field">
                <span class="field-label">{ tr(lang, "Act on") }</span>
                <select onchange={on_choose}>
                    { for ids.iter().map(|id| html! {
                        { choice(id.clone(), *id == resource_id, html! { id }) }
                    }) }
                </select>
            </label>
            <p class="act-situation">{ situation }</p>

            // `novalidate`: the app says what is wrong, in words and in the page's language, where
            // the browser's bubble would leave the last act's result on screen.
            <form class="act-form" novalidate=true onsubmit={on_renew}>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Renewal term") }</span>
                    <select data-testid="renewal-term" onchange={on_renewal_term}>
                        { for terms.iter().map(|(term, words)| html! {
                            { choice(term.clone(), *term == *renewal_term, html! { words }) }
                        }) }
                    </select>
                </label>
                <button type="submit" class="button" data-testid="renew"
                    aria-describedby={quote.is_some().then_some("renew-quote")}>
                    { tr(lang, "Renew") }
                </button>
                if let Some(quote) = quote {
                    <p class="field-hint act-quote" id="renew-quote" data-testid="renew-quote">
                        { quote }
                    </p>
                }
            </form>

            <form class="act-form" novalidate=true onsubmit={on_top_up}>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Top-up amount") }</span>
                    // An example in the language's way of writing amounts (both ways are read).
                    <input type="text" inputmode="decimal" autocomplete="off"
                        placeholder={trf(lang, "e.g. {0}", &[&format::money(lang, Cents(5_000))])}
                        data-testid="top-up-amount" value={(*amount).clone()} oninput={on_amount}
                        aria-invalid={amount_refused.then_some("true")}
                        aria-describedby={about(Sent::TopUp)} />
                </label>
                <button type="submit" class="button" data-testid="top-up">{ tr(lang, "Top up") }</button>
            </form>

            <form class="act-form act-form-auto" novalidate=true onsubmit={on_auto_renew}>
                <label class="field field-check">
                    <input type="checkbox" checked={form.enabled} onchange={on_enabled} />
                    <span class="field-label">{ tr(lang, "Auto-renew on") }</span>
                </label>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Deduction days before") }</span>
                    <input type="number" min="0" max={MAX_DAYS_BEFORE.to_string()} step="1"
                        value={form.days_before.clone()} oninput={on_days}
                        aria-describedby={about(Sent::AutoRenew)} aria-invalid={days_refused} />
                </label>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Auto-renew term") }</span>
                    <select onchange={on_auto_term}>
                        { for terms.iter().map(|(term, words)| html! {
                            { choice(term.clone(), *term == form.term, html! { words }) }
                        }) }
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Renewal count") }</span>
                    <input type="number" min="0" max={MAX_RENEWAL_COUNT.to_string()} step="1"
                        value={form.times.clone()} oninput={on_times} aria-invalid={count_refused}
                        aria-describedby={match about(Sent::AutoRenew) {
                            Some(result) => format!("renewal-count-hint {result}"),
                            None => "renewal-count-hint".to_string(),
                        }} />
                </label>
                <p class="field-hint" id="renewal-count-hint">{ tr(lang, "0 means unlimited.") }</p>
                <button type="submit" class="button" data-testid="apply-auto-renew">{ tr(lang, "Apply auto-renew") }</button>
            </form>
            </fieldset>

            // Not a live region: the app's announcer already says the same words.
            <p class={classes!("act-result", format!("act-result-{outcome}"))} id="act-result"
                data-testid="act-result" data-outcome={outcome} ref={result_ref}>{ report_text }</p>
        </section>
    }
}
