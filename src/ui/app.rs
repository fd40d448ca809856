//! The root component: owns the reducer, wires the hooks (clock, keys, autosave, links,
//! performance marks) and lays out the header, the clock, the timeline and the panels.

use crate::engine::ScenarioDoc;
use crate::ui::autosave::AUTOSAVE_KEY;
use crate::ui::browser::{self, FIRST_RENDER_MARK, UPDATE_MEASURE, UPDATE_START_MARK};
use crate::ui::components::act_panel::ActPanel;
use crate::ui::components::clock_bar::ClockBar;
use crate::ui::components::editor::Editor;
use crate::ui::components::error_banner::error_banner;
use crate::ui::components::event_log::EventLog;
use crate::ui::components::gallery::Gallery;
use crate::ui::components::language::{
    chosen_lang, language_switcher, remember_lang, show_lang, start_lang,
};
use crate::ui::components::state_diagram::StateDiagram;
use crate::ui::components::status_panel::StatusPanel;
use crate::ui::components::timeline::{Seek, Timeline};
use crate::ui::components::toolbar::Toolbar;
use crate::ui::components::what_if::WhatIfPanel;
use crate::ui::components::workshop::{use_shown_sim, WorkshopGallery, WorkshopPanel};
use crate::ui::components::workshop_trainer::WorkshopTrainer;
use crate::ui::hooks::use_autosave::Work;
use crate::ui::hooks::{
    use_after_first_paint, use_autosave, use_clock, use_focus_clock, use_forget_stale_link,
    use_link_listener, use_shortcuts,
};
use crate::ui::i18n::{plural, tr, Lang};
use crate::ui::share;
use crate::ui::sim::SimRef;
use crate::ui::state::{Act, Action, AppState, View};
use crate::ui::workshop_state;
use yew::prelude::*;

/// Performance mark set once the lab's heavy parts (timeline, panels, editor), rendered after the
/// first paint, are on screen too.
pub const FULL_RENDER_MARK: &str = "renewal-lab:full-render";

/// Whether `action` re-simulates or moves the clock by hand (measured as an update).
fn is_update(action: &Action) -> bool {
    matches!(
        action,
        Action::Load(_)
            | Action::Edit(_)
            | Action::ChooseTier(_)
            | Action::Type { .. }
            | Action::Act(_)
            | Action::NextEvent
            | Action::PreviousEvent
            | Action::Reset
            | Action::Seek(_)
            | Action::Drag(_)
            | Action::GoTo(_)
            | Action::Undo
            | Action::Redo
            | Action::Import { .. }
            | Action::OpenLink(_)
    )
}

/// The state at start-up: the autosave (this tab's own after a reload, else the latest of any
/// tab's), then a `#scenario=` or `#exercise=` link in the address.
fn initial_state() -> AppState {
    let saved =
        browser::tab_storage_get(AUTOSAVE_KEY).or_else(|| browser::storage_get(AUTOSAVE_KEY));
    let hash = browser::location_hash();
    let state = AppState::start(saved.as_deref(), share::payload_of(&hash));
    match crate::workshop::exercise::payload_of(&hash) {
        Some(payload) => workshop_state::open_link_at_start(state, payload),
        None => state,
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let lang = use_state(start_lang);
    use_effect_with(*lang, |lang| show_lang(*lang));

    // Callbacks: one stable dispatcher that also marks the start of every measured update.
    let update_pending = use_mut_ref(|| false);
    let dispatch: Callback<Action> = {
        let dispatcher = state.dispatcher();
        let update_pending = update_pending.clone();
        use_callback((), move |action: Action, ()| {
            if is_update(&action) {
                browser::mark(UPDATE_START_MARK);
                *update_pending.borrow_mut() = true;
            }
            dispatcher.dispatch(action);
        })
    };
    let on_lang = use_callback(
        (lang.setter(), dispatch.clone()),
        |event: Event, (set_lang, dispatch)| {
            if let Some(chosen) = chosen_lang(&event) {
                remember_lang(chosen);
                set_lang.set(chosen);
                dispatch.emit(Action::LanguageChosen);
            }
        },
    );
    let on_edit = use_callback(dispatch.clone(), |doc: ScenarioDoc, dispatch| {
        dispatch.emit(Action::Edit(doc))
    });
    let on_typing = use_callback(
        dispatch.clone(),
        |(doc, types_on): (ScenarioDoc, bool), dispatch| {
            dispatch.emit(Action::Type { doc, types_on })
        },
    );
    let on_seek = use_callback(dispatch.clone(), |seek: Seek, dispatch| {
        dispatch.emit(match seek {
            Seek::To(at) => Action::Seek(at),
            Seek::Drag(at) => Action::Drag(at),
            Seek::DragEnd => Action::DragEnd,
        })
    });
    let on_act = use_callback(dispatch.clone(), |act: Act, dispatch| {
        dispatch.emit(Action::Act(act))
    });
    let on_choose_tier = use_callback(dispatch.clone(), |tier: String, dispatch| {
        dispatch.emit(Action::ChooseTier(tier))
    });
    let on_tick = use_callback(dispatch.clone(), |real_ms: f64, dispatch| {
        dispatch.emit(Action::Tick { real_ms })
    });
    // Dismiss goes away with the banner: the focus goes on to the clock (or the gallery).
    let focus_clock = use_focus_clock();
    let on_dismiss = use_callback(
        (dispatch.clone(), focus_clock.clone()),
        |(), (dispatch, focus_clock)| {
            dispatch.emit(Action::DismissError);
            focus_clock.emit(());
        },
    );

    // Effects
    use_clock(state.playing, on_tick);
    use_shortcuts(dispatch.clone());
    use_link_listener(dispatch.clone());
    use_forget_stale_link(state.doc.clone(), state.workshop.session.is_some());

    let shown = use_shown_sim(state.sim.clone(), state.workshop.horizon(state.now));
    use_autosave(
        Work {
            doc: state.doc.clone(),
            now: state.now,
            draft: state.workshop.draft.clone(),
            session: state.workshop.session.clone(),
            last_valid: state.sim.clone().filter(|_| !state.errors.is_empty()),
        },
        state.playing,
        state.has_work,
        dispatch.clone(),
    );
    use_effect_with((), |()| browser::mark(FIRST_RENDER_MARK));
    let painted = use_after_first_paint();
    use_effect_with(painted, |&painted| {
        if painted {
            browser::mark(FULL_RENDER_MARK);
        }
    });
    use_effect(move || {
        if std::mem::take(&mut *update_pending.borrow_mut()) {
            browser::measure(UPDATE_MEASURE, UPDATE_START_MARK);
        }
    });

    let content = match state.view {
        View::Gallery => html! {
            <>
                <Gallery has_work={state.has_work} on_action={dispatch.clone()}
                    focus_clock={focus_clock.clone()} />
                <WorkshopGallery on_action={dispatch.clone()} />
            </>
        },
        View::Lab => lab(
            &state,
            *lang,
            shown,
            &dispatch,
            painted,
            LabCallbacks {
                on_edit,
                on_typing,
                on_seek,
                on_act,
                on_choose_tier,
                focus_clock: focus_clock.clone(),
            },
        ),
    };
    let lang = *lang;

    html! {
        <ContextProvider<Lang> context={lang}>
        <div class="app">
            <header class="app-header">
                <div class="brand">
                    <h1 class="app-title">{ "Renewal Lab" }</h1>
                    <p class="app-tagline">
                        { tr(lang, "What happens to a cloud subscription around its expiry, under a virtual clock.") }
                    </p>
                </div>
                { language_switcher(lang, &on_lang) }
                <Toolbar doc={state.doc.clone()} valid={state.errors.is_empty()}
                    sim={state.sim.clone()} can_undo={state.can_undo()}
                    can_redo={state.can_redo()} on_action={dispatch.clone()} />
                <crate::ui::components::theme_switch::ThemeSwitch />
            </header>
            // Focusable from script only: where the focus goes when nothing better is left.
            <main class="app-main" tabindex="-1">
                { error_banner(lang, state.error.as_ref(), &on_dismiss) }
                <p class="notice" data-testid="notice" role="status">
                    { state.notice.as_ref().map(|notice| notice.text.get(lang).to_string()) }
                </p>
                <div class="visually-hidden" data-testid="announcer" aria-live="polite" aria-atomic="true">
                    { state.announcement.get(lang).to_string() }
                </div>
                { content }
                // Where the timeline's tooltip is drawn: in the page, not in the timeline's card
                // (which clips what overflows it), and inside the main landmark.
                <div id={TIP_LAYER_ID} class="tip-layer"></div>
            </main>
        </div>
        </ContextProvider<Lang>>
    }
}

/// The id of the element the timeline's tooltip is drawn in (a portal).
pub const TIP_LAYER_ID: &str = "rl-tip-layer";

/// The lab's stable callbacks: an edit (and more typing in its field), a seek on the timeline, an
/// act, another tier chosen, and the focus sent to the clock.
struct LabCallbacks {
    on_edit: Callback<ScenarioDoc>,
    on_typing: Callback<(ScenarioDoc, bool)>,
    on_seek: Callback<Seek>,
    on_act: Callback<Act>,
    on_choose_tier: Callback<String>,
    focus_clock: Callback<()>,
}

/// The lab view: clock, timeline, then the panels and the editor. Until the first paint
/// (`painted`), only the clock bar: the rest comes in the next task, so a link shows at once.
fn lab(
    state: &AppState,
    lang: Lang,
    shown: Option<SimRef>,
    dispatch: &Callback<Action>,
    painted: bool,
    callbacks: LabCallbacks,
) -> Html {
    let LabCallbacks {
        on_edit,
        on_typing,
        on_seek,
        on_act,
        on_choose_tier,
        focus_clock,
    } = callbacks;
    // (In a workshop the scenario is locked: no tier to choose.)
    let on_choose_tier = (!state.workshop.locks()).then_some(on_choose_tier);
    let locked = state.workshop.locks();
    let bounds = state.start_time().zip(state.until());
    let offset = state.sim.as_ref().map(|sim| sim.scenario.offset);
    let clock_bar = html! {
        <ClockBar now={state.now} {bounds} {offset} playing={state.playing}
            {locked}
            speed={state.speed} on_action={dispatch.clone()} />
    };
    if !painted {
        return html! {
            <div class="lab" data-testid="lab" aria-busy="true">
                { clock_bar }
                <div class="area-timeline lab-pending"></div>
            </div>
        };
    }
    let problems = state.errors.len();
    let stale_note = match (&state.sim, problems) {
        (_, 0) => html! {},
        (Some(_), n) => html! {
            <p class="stale-note">
                { plural(
                    lang,
                    i64::try_from(n).unwrap_or(i64::MAX),
                    "The edit has {0} problem (marked in the editor): showing the last valid \
                     simulation until it is fixed.",
                    "The edit has {0} problems (marked in the editor): showing the last valid \
                     simulation until it is fixed.",
                ) }
            </p>
        },
        (None, _) => html! {
            <p class="stale-note">
                { tr(lang, "This scenario has problems (marked in the editor) and nothing valid to show \
                   yet: fix them to see the simulation.") }
            </p>
        },
    };
    let exports = html! {
        <crate::ui::components::export_menu::ExportMenu sim={shown.clone()} now={state.now}
            on_action={dispatch.clone()} />
    };
    let headline = shown.clone().map(|sim| {
        html! {
            <crate::ui::components::headline::Headline {sim} now={state.now} playing={state.playing} />
        }
    });
    let simulated = shown.map(|sim| {
        let now = state.now;
        (
            html! { <Timeline sim={sim.clone()} {now} on_seek={on_seek.clone()} playing={state.playing} {locked} /> },
            html! {
                <>
                    <div class="area area-status"><StatusPanel sim={sim.clone()} {now} on_choose_tier={on_choose_tier.clone()} /></div>
                    <div class="area area-act">
                        <ActPanel sim={sim.clone()} {now} report={state.act_report.clone()} {on_act} {locked} />
                    </div>
                    <div class="area area-diagram"><StateDiagram sim={sim.clone()} {now} /></div>
                    <div class="area area-log"><EventLog {sim} {now} {on_seek} /></div>
                </>
            },
        )
    });
    let (timeline, panels) = simulated.unwrap_or_default();
    // No what-if while a question is open: it would show the run past the clock.
    let what_if = state.sim.clone().filter(|_| !locked).map(|sim| {
        html! {
            <WhatIfPanel {sim} now={state.now} result={state.what_if.current(&state.doc).cloned()}
                problem={state.what_if.problem.clone()} compared={state.what_if.compared.clone()}
                on_action={dispatch.clone()} />
        }
    });
    html! {
        <div class="lab" data-testid="lab">
            { clock_bar }
            { headline.unwrap_or_default() }
            { exports }
            { stale_note }
            if let Some(session) = state.workshop.session.clone() {
                <WorkshopPanel {session} on_action={dispatch.clone()}
                    {focus_clock} />
            }
            <div class="area-timeline">{ timeline }</div>
            <div class="area-whatif">{ what_if }</div>
            <div class="panels">
                { panels }
                <div class="area area-editor">
                    <Editor doc={state.doc.clone()} errors={state.errors.clone()} on_change={on_edit} on_typing={Some(on_typing)} {locked} />
                </div>
            </div>
            if let (Some(sim), None) = (state.sim.clone(), &state.workshop.session) {
                <WorkshopTrainer workshop={state.workshop.clone()} doc={state.doc.clone()}
                    valid={state.errors.is_empty()} {sim} now={state.now} playing={state.playing}
                    on_action={dispatch.clone()} />
            }
        </div>
    }
}
