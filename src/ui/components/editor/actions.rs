//! The actions fieldset: one `action-editor` row per customer action, with its kind's fields.

use super::edit::{time_input_value, verb_value, ActionEdit, Edit};
use super::form::{term_options, Control, Field, Form, TextKind, ToEdit};
use super::held::Slot;
use super::resources::whole_text;
use super::row::{row_shows, rows_not_shown, List, RowProps, MAX_ROWS};
use crate::engine::doc::{ActionDoc, ActionVerb};
use crate::engine::ScenarioDoc;
use crate::ui::i18n::{tr, trf};
use std::rc::Rc;
use yew::prelude::*;

/// The key of the "Add action" button.
pub const ADD_ACTION_KEY: &str = "add-action";

/// The fields (paths below `actions[i]`) the row of an action of kind `verb` shows.
fn fields(verb: ActionVerb) -> &'static [&'static str] {
    match verb {
        ActionVerb::TopUp => &["at", "do", "amount"],
        ActionVerb::Renew => &["at", "do", "resource", "term"],
        ActionVerb::SetAutoRenew => &[
            "at",
            "do",
            "resource",
            "enabled",
            "days_before",
            "term",
            "times",
        ],
    }
}

/// Whether an action's row shows the problems at `path` beside one of its fields.
pub fn shows(doc: &ScenarioDoc, path: &str) -> bool {
    row_shows(path, List::Actions, |i| {
        doc.actions
            .get(i)
            .filter(|_| i < MAX_ROWS)
            .map(|a| fields(a.verb))
    })
}

/// The "Actions" fieldset; `rows` carries what every row is rendered from.
pub fn actions_section(form: &Form, doc: &ScenarioDoc, rows: &RowProps) -> Html {
    let lang = form.lang;
    let rows: Html = (0..doc.actions.len().min(MAX_ROWS))
        .map(|index| html! { <ActionRow ..rows.row(List::Actions, index) /> })
        .collect();
    let hidden = rows_not_shown(
        lang,
        doc.actions.len(),
        tr(lang, "Only the first {0} of {1} actions are shown here; the others run as the file has them. Change them in the JSON file (Export JSON, then Import JSON)."),
    );
    let empty = doc.actions.is_empty().then(|| {
        html! { <p class="editor-note">{ tr(lang, "No actions: the customer never acts.") }</p> }
    });
    html! {
        <fieldset class="editor-section">
            <legend>{ tr(lang, "Actions") }</legend>
            { empty.unwrap_or_default() }
            { rows }
            { hidden.unwrap_or_default() }
            <div class="editor-buttons">
                <button type="button" id={form.id(ADD_ACTION_KEY)}
                    onclick={form.on_click(|| Edit::AddAction)}>{ tr(lang, "Add action") }</button>
            </div>
        </fieldset>
    }
}

/// One action's row: rendered again only when what it shows changes.
#[function_component(ActionRow)]
fn action_row(props: &RowProps) -> Html {
    let Some(action) = props.doc.actions.get(props.index) else {
        return Html::default();
    };
    let mut resource_ids: Vec<String> = Vec::new();
    for resource in &props.doc.resources {
        if !resource_ids.contains(&resource.id) {
            resource_ids.push(resource.id.clone());
        }
    }
    action_editor(&props.form(), props.index, action, &resource_ids)
}

/// The edit of action `index` that `change` makes from a field's text.
fn edit_text(index: usize, change: fn(String) -> ActionEdit) -> ToEdit<String> {
    Rc::new(move |text| Edit::Action {
        index,
        edit: change(text),
    })
}

fn action_editor(form: &Form, index: usize, action: &ActionDoc, resource_ids: &[String]) -> Html {
    let lang = form.lang;
    let path = |field: &str| format!("actions[{index}].{field}");
    let key = |field: &str| format!("act{index}-{field}");
    let at = form.field(
        Field::new(key("at"), tr(lang, "At"), path("at")),
        Control::Text {
            value: time_input_value(&action.at),
            kind: TextKind::DateTime,
            placeholder: None,
            slot: Some(Slot::ActionAt(index)),
            edit: edit_text(index, ActionEdit::At),
        },
    );
    let kind = form.field(
        Field::new(key("kind"), tr(lang, "Kind"), path("do")),
        Control::Select {
            value: verb_value(action.verb).to_string(),
            options: vec![
                ("top_up".into(), tr(lang, "Top up").into()),
                ("renew".into(), tr(lang, "Renew").into()),
                ("set_auto_renew".into(), tr(lang, "Set auto-renew").into()),
            ],
            edit: edit_text(index, ActionEdit::Kind),
        },
    );
    let resource = || {
        form.field(
            Field::new(key("resource"), tr(lang, "Resource"), path("resource")),
            Control::Select {
                value: action.resource.clone().unwrap_or_default(),
                options: resource_ids
                    .iter()
                    .map(|id| (id.clone(), id.clone()))
                    .collect(),
                edit: edit_text(index, ActionEdit::Resource),
            },
        )
    };
    let fields = match action.verb {
        ActionVerb::TopUp => form.field(
            Field::new(key("amount"), tr(lang, "Amount"), path("amount")),
            Control::Text {
                value: action
                    .amount
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                kind: TextKind::Amount,
                placeholder: None,
                slot: None,
                edit: edit_text(index, ActionEdit::Amount),
            },
        ),
        ActionVerb::Renew => {
            let term = form.field(
                Field::new(key("term"), tr(lang, "Term"), path("term")),
                Control::Select {
                    value: action.term.clone().unwrap_or_default(),
                    options: term_options(lang),
                    edit: edit_text(index, ActionEdit::Term),
                },
            );
            html! { <>{ resource() }{ term }</> }
        }
        ActionVerb::SetAutoRenew => auto_renew_fields(form, index, action, resource()),
    };
    html! {
        <fieldset class="action-editor" data-testid="action-editor">
            <legend>{ trf(lang, "Action {0}", &[&(index + 1).to_string()]) }</legend>
            <div class="editor-grid">{ at }{ kind }{ fields }</div>
            <div class="editor-buttons">
                <button type="button" class="editor-remove"
                    onclick={form.on_click(move || Edit::RemoveAction(index))}>{ tr(lang, "Remove action") }</button>
            </div>
        </fieldset>
    }
}

/// The fields of a set_auto_renew action; empty ones leave that setting unchanged.
fn auto_renew_fields(form: &Form, index: usize, action: &ActionDoc, resource: Html) -> Html {
    let lang = form.lang;
    let path = |field: &str| format!("actions[{index}].{field}");
    let key = |field: &str| format!("act{index}-{field}");
    let enabled = form.field(
        Field::new(key("enabled"), tr(lang, "Auto-renew"), path("enabled")),
        Control::Check {
            checked: action.enabled.unwrap_or(false),
            edit: Rc::new(move |on| Edit::Action {
                index,
                edit: ActionEdit::Enabled(on),
            }),
        },
    );
    let days_before = form.field(
        Field::new(
            key("days-before"),
            tr(lang, "Days before"),
            path("days_before"),
        ),
        Control::Text {
            value: whole_text(action.days_before),
            kind: TextKind::Whole,
            placeholder: Some(tr(lang, "unchanged")),
            slot: Some(Slot::ActionDaysBefore(index)),
            edit: edit_text(index, ActionEdit::DaysBefore),
        },
    );
    let mut terms = vec![(String::new(), tr(lang, "unchanged").to_string())];
    terms.extend(term_options(lang));
    let term = form.field(
        Field::new(key("term"), tr(lang, "Auto-renew term"), path("term")),
        Control::Select {
            value: action.term.clone().unwrap_or_default(),
            options: terms,
            edit: edit_text(index, ActionEdit::Term),
        },
    );
    let times = form.field(
        Field::new(key("times"), tr(lang, "Renewals"), path("times")),
        Control::Text {
            value: whole_text(action.times),
            kind: TextKind::Whole,
            placeholder: Some(tr(lang, "unchanged")),
            slot: Some(Slot::ActionTimes(index)),
            edit: edit_text(index, ActionEdit::Times),
        },
    );
    html! { <>{ resource }{ enabled }{ days_before }{ term }{ times }</> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::doc::AmountDoc;
    use crate::ui::components::editor::held::HeldTexts;
    use crate::ui::i18n::Lang;

    #[test]
    fn the_fields_of_each_kind_are_the_paths_its_row_places() {
        let held = HeldTexts::default();
        let dispatch = Callback::noop();
        for verb in [
            ActionVerb::TopUp,
            ActionVerb::Renew,
            ActionVerb::SetAutoRenew,
        ] {
            let form = Form::new(Lang::En, "ed", &[], &held, &dispatch);
            let action = ActionDoc {
                amount: Some(AmountDoc::text("1")),
                ..ActionDoc::new("2026-01-01T00:00:00", verb)
            };
            let _ = action_editor(&form, 2, &action, &["a".to_string()]);
            let mut expected: Vec<String> = fields(verb)
                .iter()
                .map(|field| format!("actions[2].{field}"))
                .collect();
            let mut placed = form.placed();
            placed.sort();
            expected.sort();
            assert_eq!(placed, expected, "{verb:?}");
        }
    }
}
