//! Workshop mode for the trainee: the ready exercises in the gallery, the question at each pause
//! point (choices as radio buttons, dates as a date input), the reveal with the rule that decided
//! it, and the score. Also the hook that hides what lies after the clock while a question is open
//! (`#exercise=` links are opened by `hooks::use_link_listener`, with `#scenario=` ones).

use crate::engine::Time;
use crate::ui::i18n::format;
use crate::ui::i18n::{errors, plural, tr, trf, use_lang, Lang, LocalText};
use crate::ui::sim::{SimRef, MAX_EVENTS};
use crate::ui::state::Action;
use crate::ui::workshop_state::{
    answer_text, known_sim, prompt, reveal_why, Phase, Session, WorkshopAction,
};
use crate::workshop::Exercise;
use crate::workshop::{Answer, ExerciseDoc, Pause, READY};
use std::rc::Rc;
use yew::prelude::*;

/// The simulation to draw: while a session locks the clock, only what is known at `horizon`.
#[hook]
pub fn use_shown_sim(sim: Option<SimRef>, horizon: Option<Time>) -> Option<SimRef> {
    let shown = use_memo((sim, horizon), |(sim, horizon)| match (sim, horizon) {
        (Some(sim), Some(t)) => Some(SimRef(Rc::new(known_sim(sim, *t)))),
        (sim, _) => sim.clone(),
    });
    (*shown).clone()
}

/// Properties of [`WorkshopGallery`].
#[derive(Properties, PartialEq)]
pub struct WorkshopGalleryProps {
    /// Receives [`WorkshopAction::Start`].
    pub on_action: Callback<Action>,
}

/// The ready exercises, below the gallery's scenarios.
#[function_component(WorkshopGallery)]
pub fn workshop_gallery(props: &WorkshopGalleryProps) -> Html {
    let lang = use_lang();
    // Only the documents are read here; an exercise is validated and simulated when it is chosen.
    let items = READY.iter().filter_map(|ready| {
        let doc = ExerciseDoc::from_json(ready.json).ok()?;
        let story_id = format!("exercise-{}-story", ready.slug);
        let title = tr(lang, &doc.title).to_string();
        let story = tr(lang, doc.story.as_deref().unwrap_or_default()).to_string();
        let questions = i64::try_from(doc.pauses.len()).unwrap_or(i64::MAX);
        let count = plural(lang, questions, "{0} question", "{0} questions");
        let on_action = props.on_action.clone();
        let ready = *ready;
        let onclick = Callback::from(move |_: MouseEvent| {
            on_action.emit(match ready.exercise(MAX_EVENTS) {
                Ok(exercise) => Action::Workshop(WorkshopAction::Start(Rc::new(exercise))),
                Err(problems) => Action::ReportError(LocalText::new(|lang| {
                    let why = problems
                        .first()
                        .map(|e| errors::field_error(lang, e))
                        .unwrap_or_default();
                    trf(
                        lang,
                        "Could not open the exercise {0}: {1}. Your current work is unchanged.",
                        &[ready.slug, &why],
                    )
                })),
            })
        });
        Some(html! {
            <li key={ready.slug}>
                <button type="button" class="gallery-item" data-testid="exercise-item"
                    data-exercise={ready.slug} aria-describedby={story_id.clone()} {onclick}>
                    <span class="gallery-item-title">{ title }</span>
                    <span class="gallery-item-story" id={story_id} aria-hidden="true">
                        { story }{ " " }<span class="workshop-count">{ count }</span>
                    </span>
                </button>
            </li>
        })
    });
    html! {
        <section class="gallery workshop-gallery" data-testid="workshop-gallery"
            aria-labelledby="workshop-gallery-heading">
            <div class="gallery-intro">
                <h2 id="workshop-gallery-heading">{ tr(lang, "Workshop: exercises") }</h2>
                <p>{ tr(lang, "The clock stops at pause points with a question. Answer it, then the clock runs to show the truth and the rule that decided it; a score at the end.") }</p>
                <p data-testid="workshop-make-hint">{ trf(
                    lang,
                    "To make your own, open any scenario and use “{0}” at the foot of the lab.",
                    &[tr(lang, "Workshop: make an exercise from this scenario")],
                ) }</p>
            </div>
            <ul class="gallery-grid">{ for items }</ul>
        </section>
    }
}

/// Properties of [`WorkshopPanel`].
#[derive(Properties, PartialEq)]
pub struct WorkshopPanelProps {
    /// The trainee's session.
    pub session: Session,
    /// Receives the workshop's actions.
    pub on_action: Callback<Action>,
    /// Asks for the focus to go to the clock (leaving removes the panel with its button).
    pub focus_clock: Callback<()>,
}

/// The open exercise: question, reveal or score.
#[function_component(WorkshopPanel)]
pub fn workshop_panel(props: &WorkshopPanelProps) -> Html {
    let lang = use_lang();
    let session = &props.session;
    let exercise = &session.exercise;
    let total = exercise.pauses.len();
    // A new question, a reveal or the score replaces the control that had the focus: the
    // focus moves to what replaced it (and brings it into view, on a projector too).
    let body_ref = use_node_ref();
    {
        let body_ref = body_ref.clone();
        use_effect_with((session.index, session.phase), move |_| {
            if let Some(body) = body_ref.cast::<web_sys::HtmlElement>() {
                crate::ui::browser::refocus(&body);
            }
        });
    }
    let emit = |action: WorkshopAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Workshop(action.clone())))
    };
    // Leaving removes the panel with the button that had the focus: it goes to the clock, which
    // is free again.
    let on_leave = {
        let on_action = props.on_action.clone();
        let focus_clock = props.focus_clock.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Workshop(WorkshopAction::Leave));
            focus_clock.emit(());
        })
    };
    let body = match (session.phase, exercise.pauses.get(session.index)) {
        (Phase::Asking, Some(pause)) => html! {
            <QuestionForm key={session.index} pause={pause.clone()}
                prompt={prompt(lang, &exercise.scenario, &pause.query)}
                on_action={props.on_action.clone()} />
        },
        (Phase::Revealed, Some(pause)) => {
            let (given, right) = session
                .given
                .last()
                .copied()
                .unwrap_or((pause.reveal.truth, false));
            let last = session.index + 1 == total;
            html! {
                <>
                    <p class="workshop-question">{ prompt(lang, &exercise.scenario, &pause.query) }</p>
                    { reveal(lang, exercise, pause, given, right) }
                    <button type="button" class="button button-primary" onclick={emit(WorkshopAction::Next)}>
                        { if last { tr(lang, "See the score") } else { tr(lang, "Next question") } }
                    </button>
                </>
            }
        }
        _ => {
            let rows = exercise
                .pauses
                .iter()
                .zip(&session.given)
                .map(|(pause, (given, right))| {
                    let truth = answer_text(lang, pause.reveal.truth);
                    let verdict = if *right {
                        trf(lang, "{0}: {1}.", &[tr(lang, "Right answer"), &truth])
                    } else {
                        trf(
                            lang,
                            "{0}: you said {1}, the answer is {2}.",
                            &[tr(lang, "Wrong answer"), &answer_text(lang, *given), &truth],
                        )
                    };
                    html! {
                        <li class={if *right { "workshop-right" } else { "workshop-wrong" }}>
                            { prompt(lang, &exercise.scenario, &pause.query) }{ " " }
                            <strong>{ verdict }</strong>
                        </li>
                    }
                });
            html! {
                <>
                    <p class="workshop-score" data-testid="workshop-score">
                        { trf(lang, "Score: {0} / {1}", &[&session.score().to_string(), &total.to_string()]) }
                    </p>
                    <ol class="workshop-summary">{ for rows }</ol>
                    <p class="panel-note">{ tr(lang, "The clock is free again: explore the whole run.") }</p>
                    <button type="button" class="button button-primary"
                        onclick={emit(WorkshopAction::Start(exercise.clone()))}>
                        { tr(lang, "Start the exercise again") }
                    </button>
                </>
            }
        }
    };
    let progress = match session.phase {
        Phase::Finished => tr(lang, "Exercise finished").to_string(),
        _ => trf(
            lang,
            "Question {0} of {1}",
            &[&(session.index + 1).to_string(), &total.to_string()],
        ),
    };
    html! {
        <section class="workshop" data-testid="workshop" aria-labelledby="workshop-heading">
            <div class="workshop-head">
                <h2 id="workshop-heading">{ tr(lang, &exercise.doc.title) }</h2>
                <span class="workshop-progress" data-testid="workshop-progress">{ progress }</span>
            </div>
            if session.locks() {
                <p class="panel-note">
                    { tr(lang, "The clock is locked until you answer, and the lanes end at the clock: nothing after it is shown.") }
                </p>
            }
            <div class="workshop-body" tabindex="-1" ref={body_ref}>{ body }</div>
            <button type="button" class="button" onclick={on_leave}>
                { tr(lang, "Leave the exercise") }
            </button>
        </section>
    }
}

/// The truth, the trainee's answer and the rule that decided it.
fn reveal(lang: Lang, exercise: &Exercise, pause: &Pause, given: Answer, right: bool) -> Html {
    let reveal = &pause.reveal;
    let (first, others) = reveal
        .rules
        .split_first()
        .map_or(("", &[][..]), |(f, o)| (*f, o));
    let others: Vec<&str> = others.iter().map(|rule| tr(lang, rule)).collect();
    html! {
        <div class={classes!("workshop-result", if right { "workshop-right" } else { "workshop-wrong" })}
            data-testid="workshop-result" data-correct={right.to_string()}>
            <p class="workshop-verdict">
                <strong>{ if right { tr(lang, "Correct.") } else { tr(lang, "Incorrect.") } }</strong>{ " " }
                { trf(lang, "You answered {0}; the answer is {1}.",
                    &[&answer_text(lang, given), &answer_text(lang, reveal.truth)]) }
            </p>
            <p>{ trf(lang, "The clock ran to {0}.", &[&format::second(lang, reveal.at)]) }</p>
            <p data-testid="workshop-rule">
                { trf(lang, "Decided by {0}: {1}", &[tr(lang, first), &reveal_why(lang, exercise, pause)]) }
            </p>
            if !others.is_empty() {
                <p>{ trf(lang, "Also behind it: {0}.", &[&others.join(tr(lang, "; "))]) }</p>
            }
        </div>
    }
}

/// Properties of [`QuestionForm`].
#[derive(Properties, PartialEq)]
struct QuestionFormProps {
    pause: Pause,
    prompt: String,
    on_action: Callback<Action>,
}

/// The open question: one radio button per choice, or a date input.
#[function_component(QuestionForm)]
fn question_form(props: &QuestionFormProps) -> Html {
    let lang = use_lang();
    let chosen = use_state(|| None::<usize>);
    let date = use_state(String::new);
    // Worded at each render, so a language switch rewords a problem already shown.
    let problem = use_state(|| None::<fn(Lang) -> &'static str>);
    let pause = &props.pause;
    let dated = pause.choices.is_empty();
    let onsubmit = {
        let (chosen, date, problem) = (chosen.clone(), date.clone(), problem.clone());
        let choices = pause.choices.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let answer = if dated {
                Time::parse_local(&format!("{}T00:00:00", date.trim()))
                    .ok()
                    .map(|t| Answer::Date(t.date()))
            } else {
                chosen.and_then(|i| choices.get(i).copied())
            };
            match answer {
                Some(answer) => {
                    problem.set(None);
                    on_action.emit(Action::Workshop(WorkshopAction::Submit(answer)));
                }
                None if dated => problem.set(Some(|lang| tr(lang, "Pick a date first."))),
                None => problem.set(Some(|lang| tr(lang, "Choose an answer first."))),
            }
        })
    };
    let input = if dated {
        let oninput = {
            let date = date.clone();
            Callback::from(move |event: InputEvent| {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                date.set(input.value());
            })
        };
        html! {
            <label class="field">
                <span class="field-label">{ tr(lang, "Your answer (date)") }</span>
                <input type="date" value={(*date).clone()} {oninput} />
            </label>
        }
    } else {
        let options = pause.choices.iter().enumerate().map(|(i, choice)| {
            let chosen_now = *chosen == Some(i);
            let onchange = {
                let chosen = chosen.clone();
                Callback::from(move |_: Event| chosen.set(Some(i)))
            };
            html! {
                <label class="workshop-choice">
                    <input type="radio" name="workshop-answer" value={i.to_string()}
                        checked={chosen_now} {onchange} />
                    { answer_text(lang, *choice) }
                </label>
            }
        });
        html! { <div class="workshop-choices">{ for options }</div> }
    };
    html! {
        <form class="workshop-form" {onsubmit}>
            <fieldset>
                <legend class="workshop-question" data-testid="workshop-question">{ props.prompt.clone() }</legend>
                { input }
            </fieldset>
            <button type="submit" class="button button-primary">{ tr(lang, "Submit answer") }</button>
            <p class="workshop-problem" role="status">{ problem.map(|p| p(lang)).unwrap_or_default() }</p>
        </form>
    }
}
