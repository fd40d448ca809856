//! Workshop mode for the trainer: pause points at the clock's time, each with a question chosen
//! from the query kinds for a tier and a resource (its prompt generated from the query), the list
//! of them, and "Copy exercise link".

use crate::engine::{Resource, ScenarioDoc, Time};
use crate::ui::browser;
use crate::ui::components::choice::choice;
use crate::ui::components::clock_bar::parse_go_to_time;
use crate::ui::i18n::{errors, format};
use crate::ui::i18n::{tr, trf, use_lang, LocalText};
use crate::ui::sim::SimRef;
use crate::ui::state::Action;
use crate::ui::workshop_state::{draft_exercise_from, kind_label, WorkshopAction, WorkshopState};
use crate::workshop::{Query, QueryKind, QuestionDoc};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`WorkshopTrainer`].
#[derive(Properties, PartialEq)]
pub struct WorkshopTrainerProps {
    /// The workshop's state (the draft).
    pub workshop: WorkshopState,
    /// The document as edited.
    pub doc: Rc<ScenarioDoc>,
    /// Whether `doc` is valid.
    pub valid: bool,
    /// The current simulation.
    pub sim: SimRef,
    /// The clock.
    pub now: Time,
    /// Whether the clock is running.
    pub playing: bool,
    /// Receives the workshop's actions, notices and errors.
    pub on_action: Callback<Action>,
}

/// The trainer's panel, folded until opened.
#[function_component(WorkshopTrainer)]
pub fn workshop_trainer(props: &WorkshopTrainerProps) -> Html {
    let lang = use_lang();
    // Removing the last pause point removes the list with its button: the focus goes to "Add
    // pause point".
    let add_ref = crate::ui::hooks::use_focus_rescue(props.workshop.draft.pauses.len());
    let kind = use_state(|| QueryKind::StateAt);
    let tier = use_state(String::new);
    let resource = use_state(String::new);
    let asked = use_state(String::new);
    let fallback_link = use_state(|| None::<String>);
    let scenario = &props.sim.scenario;
    let tier_now = if scenario.policy.tier(&tier).is_some() {
        (*tier).clone()
    } else {
        scenario.tier.clone()
    };
    // A question only a package can answer (an expiry date, a renewal, the last attempt) offers
    // only the packages.
    let askable = |r: &&Resource| kind.can_ask_about(r.billing());
    let resource_now = match scenario
        .resources
        .iter()
        .filter(askable)
        .find(|r| r.id == *resource)
    {
        Some(chosen) => chosen.id.clone(),
        None => scenario
            .resources
            .iter()
            .find(askable)
            .or(scenario.resources.first())
            .map(|r| r.id.clone())
            .unwrap_or_default(),
    };
    // Until a time is chosen, the asked time is a day after the clock's. Like "Go to time", it is
    // not rewritten every frame while playing (that would wipe out a time being typed).
    let clock_shown = use_mut_ref(|| props.now);
    if !props.playing {
        *clock_shown.borrow_mut() = props.now;
    }
    let asked_now = if asked.is_empty() {
        // (Never past the scenario's end, where nothing could be asked.)
        clock_shown
            .borrow()
            .plus_days(1)
            .min(scenario.until)
            .local_string()
    } else {
        (*asked).clone()
    };
    let select = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            state.set(select.value());
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(k) = QueryKind::from_name(&select.value()) {
                kind.set(k);
            }
        })
    };
    let on_asked = {
        let asked = asked.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Some(at) = parse_go_to_time(&input.value()) {
                asked.set(at.local_string());
            }
        })
    };
    // At every key, as the scenario's fields are: the draft is autosaved with the title typed so
    // far, also when the page is reloaded before the field loses focus.
    let on_title = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_action.emit(Action::Workshop(WorkshopAction::SetTitle(input.value())));
        })
    };
    let on_add = {
        let on_action = props.on_action.clone();
        let kind = *kind;
        let question = QuestionDoc {
            kind,
            tier: Some(tier_now.clone()),
            resource: kind.needs_resource().then(|| resource_now.clone()),
            at: kind.needs_at().then(|| asked_now.clone()),
        };
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Workshop(WorkshopAction::AddPause(question.clone())))
        })
    };
    let on_copy = {
        let on_action = props.on_action.clone();
        let fallback_link = fallback_link.clone();
        let (workshop, doc, valid) = (props.workshop.clone(), props.doc.clone(), props.valid);
        // The exercise is made (validated and simulated) on a click, not on every render.
        Callback::from(move |_: MouseEvent| {
            let made = draft_exercise_from(&workshop, &doc, valid, lang);
            let doc = match &made {
                Ok(doc) => doc,
                Err(reason) => {
                    // Said beside the button: the error banner is at the top of a long page.
                    on_action.emit(Action::Workshop(WorkshopAction::Report(LocalText::new(
                        |l| {
                            trf(
                                l,
                                "Could not make the exercise link: {0}.",
                                &[reason.get(l)],
                            )
                        },
                    ))));
                    return;
                }
            };
            let on_action = on_action.clone();
            let fallback_link = fallback_link.clone();
            // The clipboard only: the address keeps describing the trainer's work, so a reload
            // does not open the exercise over the draft.
            browser::copy_link(&doc.fragment(), move |shared| {
                let notice = match shared.copied {
                    Ok(()) => {
                        fallback_link.set(None);
                        LocalText::new(|lang| {
                            tr(lang, "Exercise link copied to the clipboard.").to_string()
                        })
                    }
                    // (Not the browser's reason: its words are in the browser's language.)
                    Err(_) => {
                        fallback_link.set(Some(shared.link));
                        LocalText::new(|lang| {
                            tr(
                                lang,
                                "The clipboard is not available: copy the exercise link from its field.",
                            )
                            .to_string()
                        })
                    }
                };
                on_action.emit(Action::Workshop(WorkshopAction::Report(notice)));
            });
        })
    };
    let kinds = QueryKind::ALL
        .iter()
        .map(|k| choice(k.as_str(), *k == *kind, html! { kind_label(lang, *k) }));
    let tiers = scenario
        .policy
        .tier_names()
        .map(|name| choice(name.to_string(), name == tier_now, html! { name }));
    let resources = scenario
        .resources
        .iter()
        .filter(askable)
        .map(|r| choice(r.id.clone(), r.id == resource_now, html! { r.id.clone() }));
    // The panel renders at every frame while playing; the reveals change only with the scenario
    // or the draft.
    let early = use_memo(
        (props.sim.clone(), props.workshop.draft.clone()),
        |(sim, draft)| crate::ui::workshop_state::revealed_early(sim, &draft.pauses),
    );
    // The flagged pause points (1-based), said again beside "Copy exercise link", where the
    // trainer is about to hand the exercise out.
    let flagged: Vec<String> = early
        .iter()
        .enumerate()
        .filter(|(_, flag)| flag.is_some())
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    let items = props
        .workshop
        .draft
        .pauses
        .iter()
        .enumerate()
        .map(|(i, pause)| {
            let warning = early.get(i).copied().flatten().map(|(earlier, shown)| {
                html! {
                    <span class="workshop-draft-warning" data-testid="workshop-draft-warning">
                        { trf(lang, "Its answer may show before it is asked: the reveal of pause point {0} runs the clock to {1}.",
                            &[&earlier.to_string(), &format::second(lang, shown)]) }
                    </span>
                }
            });
            let at = Time::parse_local(&pause.at)
                .map(|t| format::second(lang, t))
                .unwrap_or_else(|_| pause.at.clone());
            let path = format!("pauses[{i}].question");
            let prompt = Query::from_doc(&pause.question, scenario, &path)
                .map(|q| crate::ui::workshop_state::prompt(lang, scenario, &q))
                .unwrap_or_else(|problems| {
                    // The question no longer fits the scenario (another one was opened): say
                    // what it asked, so the trainer knows which point to fix, and why.
                    let question = &pause.question;
                    let mut parts = vec![kind_label(lang, question.kind).to_string()];
                    let asked = question.at.as_deref().map(|at| {
                        Time::parse_local(at).map_or_else(|_| at.to_string(), |t| format::second(lang, t))
                    });
                    let fields = [
                        ("Question tier", question.tier.clone()),
                        ("Question resource", question.resource.clone()),
                        ("Asked time", asked),
                    ];
                    for (label, value) in fields {
                        if let Some(value) = value {
                            parts.push(trf(lang, "{0}: {1}", &[tr(lang, label), &value]));
                        }
                    }
                    parts.extend(problems.first().map(|e| errors::field_error(lang, e)));
                    parts.join(tr(lang, "; "))
                });
            let on_action = props.on_action.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                on_action.emit(Action::Workshop(WorkshopAction::RemovePause(i)))
            });
            let label = trf(lang, "Remove pause point {0}", &[&(i + 1).to_string()]);
            html! {
                <li data-testid="workshop-draft-item">
                    <span>{ trf(lang, "At {0}: {1}", &[&at, &prompt]) }</span>{ " " }
                    { warning.unwrap_or_default() }
                    <button type="button" class="button button-quiet" aria-label={label} {onclick}>
                        { tr(lang, "Remove pause point") }
                    </button>
                </li>
            }
        });
    // What an empty title gives: the scenario's name, shown as the trainee will see it (a ready
    // scenario's in the language), or "Untitled exercise".
    let default_title = match props.doc.name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => tr(lang, name).to_string(),
        _ => tr(lang, "Untitled exercise").to_string(),
    };
    html! {
        <details class="workshop-trainer" data-testid="workshop-trainer">
            <summary>{ tr(lang, "Workshop: make an exercise from this scenario") }</summary>
            <p class="panel-note">
                { trf(lang, "Each pause point stops the trainee's clock at the time it was added (now {0}) and asks one question; its answer is computed from the simulation.",
                    &[&format::second(lang, props.now)]) }
            </p>
            <div class="workshop-trainer-form">
                <label class="field">
                    <span class="field-label">{ tr(lang, "Exercise title") }</span>
                    <input type="text" value={props.workshop.draft.title.clone()} placeholder={default_title}
                        oninput={on_title} />
                </label>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Question kind") }</span>
                    <select onchange={on_kind}>{ for kinds }</select>
                </label>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Question tier") }</span>
                    <select onchange={select(&tier)}>{ for tiers }</select>
                </label>
                if kind.needs_resource() {
                    <label class="field">
                        <span class="field-label">{ tr(lang, "Question resource") }</span>
                        <select onchange={select(&resource)}>{ for resources }</select>
                    </label>
                }
                if kind.needs_at() {
                    <label class="field">
                        <span class="field-label">{ tr(lang, "Asked time") }</span>
                        <input type="datetime-local" step="1" value={asked_now} onchange={on_asked}
                            min={props.now.local_string()} max={scenario.until.local_string()} />
                    </label>
                }
            </div>
            <div class="workshop-trainer-actions">
                <button type="button" class="button" onclick={on_add} ref={add_ref}>{ tr(lang, "Add pause point") }</button>
                <button type="button" class="button button-primary" onclick={on_copy}
                    aria-describedby={(!flagged.is_empty()).then_some("workshop-copy-warning")}>
                    { tr(lang, "Copy exercise link") }
                </button>
            </div>
            if !flagged.is_empty() {
                <p class="panel-note workshop-draft-warning" id="workshop-copy-warning"
                    data-testid="workshop-copy-warning">
                    { trf(lang, "Before you copy: an earlier reveal may show an answer before its question is asked. Flagged pause points: {0}.",
                        &[&flagged.join(", ")]) }
                </p>
            }
            <p class="panel-note" data-testid="workshop-draft-report">
                { props.workshop.report.as_ref().map(|report| report.get(lang).to_string()) }
            </p>
            if let Some(link) = (*fallback_link).clone() {
                <label class="field share-link">
                    <span class="field-label">{ tr(lang, "Exercise link") }</span>
                    <input type="text" readonly=true value={link} />
                </label>
            }
            if props.workshop.draft.pauses.is_empty() {
                <p class="panel-note">{ tr(lang, "No pause points yet.") }</p>
            } else {
                <ol class="workshop-draft" data-testid="workshop-draft">{ for items }</ol>
            }
        </details>
    }
}
