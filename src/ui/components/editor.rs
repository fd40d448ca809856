//! The scenario editor form: every field of the document, each problem right after its field.
//!
//! The form edits the raw [`ScenarioDoc`] and hands every new document to `on_change`; the app
//! validates it and passes the problems back. Text that cannot be put in a document at all (a
//! days field holding `3x`, a half-typed date) stays in the form beside its reason instead.

mod actions;
mod edit;
mod form;
mod held;
mod policy;
mod resources;
mod row;
/// Every renewal term with its words, for the act panel's selects too.
pub use form::term_options;

use crate::engine::doc::{CustomPolicyDoc, PolicyDoc};
use crate::engine::{FieldError, ScenarioDoc};
use crate::ui::i18n::{errors, plural, tr, use_lang, Lang};
use edit::{time_input_value, Edit, PolicyChoice, SwitchMemory};
use form::{Control, Field, Form, TextKind};
use held::{Held, HeldAction, HeldTexts, Slot};
use row::{List, RowProps};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The document being edited (may be invalid).
    pub doc: Rc<ScenarioDoc>,
    /// Every problem of `doc`, with JSON paths.
    pub errors: Rc<Vec<FieldError>>,
    /// Called with the whole edited document after every change.
    pub on_change: Callback<ScenarioDoc>,
    /// Called instead of `on_change` for a change typed into a text field, with whether it types
    /// on in the field the change before typed in (the app keeps such a run of keystrokes as one
    /// undo step, and does not announce each).
    #[prop_or_default]
    pub on_typing: Option<Callback<(ScenarioDoc, bool)>>,
    /// Whether a workshop question locks the scenario (every field is disabled).
    #[prop_or_default]
    pub locked: bool,
}

/// Numbers each editor on the page, so the ids of their fields never clash.
static EDITORS_CREATED: AtomicUsize = AtomicUsize::new(0);

/// The scenario editor form (`[data-testid="editor"]`).
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = use_lang();
    let id_prefix = use_memo((), |_| {
        format!("editor{}", EDITORS_CREATED.fetch_add(1, Ordering::Relaxed))
    });
    let held = use_reducer(HeldTexts::default);
    // The document the next edit applies to: the prop, or what this form emitted since.
    let latest = use_mut_ref(|| props.doc.clone());
    let seen_prop = use_mut_ref(|| props.doc.clone());
    let emitted = use_mut_ref(|| None::<Rc<ScenarioDoc>>);
    let remembered_custom = use_mut_ref(|| None::<CustomPolicyDoc>);
    // Rows as they were before their billing mode or action kind was switched: switching back
    // gives their fields back.
    let switches = use_mut_ref(SwitchMemory::default);
    let focus_after_render = use_mut_ref(|| None::<String>);

    let prop_changed = !Rc::ptr_eq(&seen_prop.borrow(), &props.doc);
    if prop_changed {
        *seen_prop.borrow_mut() = props.doc.clone();
        *latest.borrow_mut() = props.doc.clone();
    }

    // Effects: a document that this form did not emit (undo, import, gallery) replaces any
    // text held in the form.
    {
        let held = held.dispatcher();
        let emitted = emitted.clone();
        let switches = switches.clone();
        use_effect_with(props.doc.clone(), move |doc| {
            if emitted.borrow().as_deref() != Some(&**doc) {
                held.dispatch(HeldAction::Forget);
                switches.borrow_mut().forget();
            }
        });
    }

    // Effects: a removed row took the focused button with it; focus moves to its list's "Add"
    // button so keyboard users keep their place.
    {
        let focus_after_render = focus_after_render.clone();
        use_effect(move || {
            if let Some(id) = focus_after_render.borrow_mut().take() {
                focus_element(&id);
            }
        });
    }

    // Callbacks: one dispatcher for the whole form, kept while `on_change` is, so rows that
    // did not change compare equal and are not rendered again.
    let dispatch = {
        let held = held.dispatcher();
        let id_prefix = id_prefix.clone();
        let last_edit = use_mut_ref(|| None::<Edit>);
        use_callback(
            (props.on_change.clone(), props.on_typing.clone()),
            move |edit: Edit, (on_change, on_typing)| {
                let current = latest.borrow().clone();
                let edit = with_remembered_custom(edit, &current, &remembered_custom);
                let before = last_edit.borrow_mut().replace(edit.clone());
                let typing_on = before.is_some_and(|before| edit.types_on_from(&before));
                let typed = edit.is_typed();
                match edit::apply(&current, &edit) {
                    Ok(mut next) => {
                        switches.borrow_mut().after(&current, &edit, &mut next);
                        if let Some(key) = add_button_after_removal(&edit) {
                            *focus_after_render.borrow_mut() =
                                Some(form::element_id(&id_prefix, key));
                        }
                        let next = Rc::new(next);
                        *latest.borrow_mut() = next.clone();
                        *emitted.borrow_mut() = Some(next.clone());
                        held.dispatch(HeldAction::Applied(edit, next.clone()));
                        if next != current {
                            match on_typing {
                                Some(on_typing) if typed => {
                                    on_typing.emit(((*next).clone(), typing_on));
                                }
                                _ => on_change.emit((*next).clone()),
                            }
                        }
                    }
                    Err(message) => {
                        if let Some((slot, text)) = Slot::of(&edit) {
                            let text = text.to_string();
                            held.dispatch(HeldAction::Hold(slot, Held { text, message }));
                        }
                    }
                }
            },
        )
    };

    let rows = RowProps {
        list: List::Actions,
        index: 0,
        doc: props.doc.clone(),
        errors: props.errors.clone(),
        held: (*held).clone(),
        lang,
        id_prefix,
        dispatch,
    };
    let form = rows.form();
    let doc = &*props.doc;
    let body = html! {
        <>
            { scenario_section(&form, doc) }
            { policy::policy_section(&form, doc) }
            { resources::resources_section(&form, doc, &rows) }
            { actions::actions_section(&form, doc, &rows) }
        </>
    };
    // The rows place their own problems (see `shows`); the form, those of the other sections.
    let unplaced: Vec<&FieldError> = props
        .errors
        .iter()
        .filter(|error| {
            let path = error.path.as_str();
            !form.is_placed(path) && !resources::shows(doc, path) && !actions::shows(doc, path)
        })
        .collect();
    let title_id = form.id("title");
    html! {
        <section class="editor" data-testid="editor" aria-labelledby={title_id.clone()}>
            <h2 id={title_id} class="editor-title">{ tr(lang, "Scenario editor") }</h2>
            { status_line(lang, props.errors.len() + held.count()) }
            { summary(lang, &unplaced) }
            if props.locked {
                <p class="panel-note locked-note">{ tr(lang, "Locked during the exercise: leave the exercise to edit or act.") }</p>
            }
            <fieldset class="editor-body" disabled={props.locked}>{ body }</fieldset>
        </section>
    }
}

/// Keeps the custom tier table when another policy is chosen, and brings it back when "custom"
/// is chosen again.
fn with_remembered_custom(
    edit: Edit,
    current: &ScenarioDoc,
    remembered: &RefCell<Option<CustomPolicyDoc>>,
) -> Edit {
    match edit {
        Edit::Policy(PolicyChoice::Preset(name)) => {
            if let Some(PolicyDoc::Custom(custom)) = &current.policy {
                *remembered.borrow_mut() = Some(custom.clone());
            }
            Edit::Policy(PolicyChoice::Preset(name))
        }
        Edit::Policy(PolicyChoice::Custom(None)) => {
            Edit::Policy(PolicyChoice::Custom(remembered.borrow().clone()))
        }
        other => other,
    }
}

/// The key of the "Add" button that takes the focus after `edit` removes a row.
fn add_button_after_removal(edit: &Edit) -> Option<&'static str> {
    match edit {
        Edit::RemoveResource(_) => Some(resources::ADD_PACKAGE_KEY),
        Edit::RemoveAction(_) => Some(actions::ADD_ACTION_KEY),
        Edit::RemoveTier(_) => Some(policy::ADD_TIER_KEY),
        _ => None,
    }
}

/// Moves the keyboard focus to the element with `id`, if it is on the page.
fn focus_element(id: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        // Focus is a courtesy: if the browser refuses it, nothing else depends on it.
        let _ = element.focus();
    }
}

/// How many problems the form marks (the app says what the lab shows meanwhile).
fn status_line(lang: Lang, problems: usize) -> Html {
    if problems == 0 {
        return Html::default();
    }
    let words = plural(
        lang,
        problems as i64,
        "{0} problem, marked below.",
        "{0} problems, marked below.",
    );
    html! { <p class="editor-status">{ words }</p> }
}

/// Problems that no single field can show (`resources`, `scenario`, fields the form lacks).
fn summary(lang: Lang, errors: &[&FieldError]) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="editor-summary">
            <p>{ tr(lang, "Problems with the scenario as a whole:") }</p>
            <ul>
                { for errors.iter().map(|error| html! {
                    <li class="field-error" data-testid="field-error" data-path={error.path.clone()}>
                        <code>{ &error.path }</code>{ tr(lang, ": ") }{ errors::message(lang, &error.message) }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// Name, time zone, opening balance and the end of the simulation.
fn scenario_section(form: &Form, doc: &ScenarioDoc) -> Html {
    let lang = form.lang;
    let name = form.field(
        Field::new("name", tr(lang, "Scenario name"), "name"),
        Control::Text {
            // A gallery title (or "Blank scenario") reads in the language, as in the headline;
            // typed back to that, it stays the title it translates (the same document).
            value: doc
                .name
                .as_deref()
                .map_or_else(String::new, |name| tr(lang, name).to_string()),
            kind: TextKind::Plain,
            placeholder: None,
            slot: None,
            edit: Rc::new(move |text: String| {
                Edit::Name(crate::ui::scenarios::title_translated_as(lang, &text).unwrap_or(text))
            }),
        },
    );
    let timezone = form.field(
        Field::new("timezone", tr(lang, "Time zone"), "timezone"),
        Control::Text {
            value: doc.timezone.clone().unwrap_or_default(),
            kind: TextKind::Plain,
            placeholder: Some("+08:00"),
            slot: None,
            edit: Rc::new(Edit::Timezone),
        },
    );
    let balance = form.field(
        Field::new("balance", tr(lang, "Opening balance"), "balance"),
        Control::Text {
            value: doc
                .balance
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            kind: TextKind::Amount,
            placeholder: Some(if lang == Lang::PtBr { "0,00" } else { "0.00" }),
            slot: None,
            edit: Rc::new(Edit::Balance),
        },
    );
    let until = form.field(
        Field::new("until", tr(lang, "Until"), "until"),
        Control::Text {
            value: time_input_value(&doc.until),
            kind: TextKind::DateTime,
            placeholder: None,
            slot: Some(Slot::Until),
            edit: Rc::new(Edit::Until),
        },
    );
    html! {
        <fieldset class="editor-section">
            <legend>{ tr(lang, "Scenario") }</legend>
            <div class="editor-grid">{ name }{ timezone }{ balance }{ until }</div>
        </fieldset>
    }
}
