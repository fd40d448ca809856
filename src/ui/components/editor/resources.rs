//! The resources fieldset: one `resource-editor` per resource, with its billing mode's fields.

use super::edit::{first_period_end, time_input_value, Edit, ResourceEdit};
use super::form::{term_options, Control, Field, Form, TextKind, ToEdit};
use super::held::Slot;
use super::row::{row_shows, rows_not_shown, List, RowProps, MAX_ROWS};
use crate::engine::doc::ResourceDoc;
use crate::engine::{BillingMode, ScenarioDoc};
use crate::ui::i18n::{tr, trf};
use std::rc::Rc;
use yew::prelude::*;

/// The key of the "Add package" button.
pub const ADD_PACKAGE_KEY: &str = "add-package";

/// The fields (paths below `resources[i]`, with the enclosing values whose problems they show)
/// the row of a resource billed by `mode` shows.
fn fields(mode: BillingMode) -> &'static [&'static str] {
    match mode {
        BillingMode::Package => &[
            "id",
            "billing",
            "start",
            "term",
            "prices.month",
            "prices.year",
            "prices",
            "auto_renew.enabled",
            "auto_renew",
            "auto_renew.days_before",
            "auto_renew.term",
            "auto_renew.times",
        ],
        BillingMode::PayPerUse => &["id", "billing", "start", "hourly_rate"],
    }
}

/// Whether a resource's row shows the problems at `path` beside one of its fields.
pub fn shows(doc: &ScenarioDoc, path: &str) -> bool {
    row_shows(path, List::Resources, |i| {
        doc.resources
            .get(i)
            .filter(|_| i < MAX_ROWS)
            .map(|r| fields(r.billing))
    })
}

/// The "Resources" fieldset; `rows` carries what every row is rendered from.
pub fn resources_section(form: &Form, doc: &ScenarioDoc, rows: &RowProps) -> Html {
    let lang = form.lang;
    let editors: Html = (0..doc.resources.len().min(MAX_ROWS))
        .map(|index| html! { <ResourceRow ..rows.row(List::Resources, index) /> })
        .collect();
    let hidden = rows_not_shown(
        lang,
        doc.resources.len(),
        tr(lang, "Only the first {0} of {1} resources are shown here. Change the others in the JSON file (Export JSON, then Import JSON)."),
    );
    html! {
        <fieldset class="editor-section">
            <legend>{ tr(lang, "Resources") }</legend>
            { editors }
            { hidden.unwrap_or_default() }
            <div class="editor-buttons">
                <button type="button" id={form.id(ADD_PACKAGE_KEY)}
                    onclick={form.on_click(|| Edit::AddResource(BillingMode::Package))}>
                    { tr(lang, "Add package") }
                </button>
                <button type="button" onclick={form.on_click(|| Edit::AddResource(BillingMode::PayPerUse))}>
                    { tr(lang, "Add pay-per-use") }
                </button>
            </div>
        </fieldset>
    }
}

/// One resource's row: rendered again only when what it shows changes.
#[function_component(ResourceRow)]
fn resource_row(props: &RowProps) -> Html {
    match props.doc.resources.get(props.index) {
        Some(resource) => resource_editor(&props.form(), props.index, resource),
        None => Html::default(),
    }
}

/// The edit of resource `index` that `change` makes from a field's text.
fn edit_text(index: usize, change: fn(String) -> ResourceEdit) -> ToEdit<String> {
    Rc::new(move |text| Edit::Resource {
        index,
        edit: change(text),
    })
}

fn resource_editor(form: &Form, index: usize, resource: &ResourceDoc) -> Html {
    let lang = form.lang;
    let path = |field: &str| format!("resources[{index}].{field}");
    let key = |field: &str| format!("res{index}-{field}");
    let id = form.field(
        Field::new(key("id"), tr(lang, "ID"), path("id")),
        Control::Text {
            value: resource.id.clone(),
            kind: TextKind::Plain,
            placeholder: None,
            slot: None,
            edit: edit_text(index, ResourceEdit::Id),
        },
    );
    let billing = form.field(
        Field::new(key("billing"), tr(lang, "Billing"), path("billing")),
        Control::Select {
            value: billing_value(resource.billing).to_string(),
            options: vec![
                (
                    "package".into(),
                    tr(lang, "Package (monthly/yearly)").into(),
                ),
                (
                    "pay_per_use".into(),
                    tr(lang, "Pay-per-use (hourly)").into(),
                ),
            ],
            edit: edit_text(index, ResourceEdit::Billing),
        },
    );
    let start = form.field(
        Field::new(key("start"), tr(lang, "Start"), path("start")),
        Control::Text {
            value: time_input_value(&resource.start),
            kind: TextKind::DateTime,
            placeholder: None,
            slot: Some(Slot::ResourceStart(index)),
            edit: edit_text(index, ResourceEdit::Start),
        },
    );
    let mode_fields = match resource.billing {
        BillingMode::Package => package_fields(form, index, resource),
        BillingMode::PayPerUse => form.field(
            Field::new(key("hourly"), tr(lang, "Hourly rate"), path("hourly_rate")),
            Control::Text {
                value: resource
                    .hourly_rate
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                kind: TextKind::Amount,
                placeholder: None,
                slot: None,
                edit: edit_text(index, ResourceEdit::HourlyRate),
            },
        ),
    };
    let legend = if resource.id.is_empty() {
        trf(lang, "Resource {0}", &[&(index + 1).to_string()])
    } else {
        trf(
            lang,
            "Resource {0}: {1}",
            &[&(index + 1).to_string(), &resource.id],
        )
    };
    html! {
        <fieldset class="resource-editor" data-testid="resource-editor">
            <legend>{ legend }</legend>
            <div class="editor-grid">
                { id }{ billing }{ start }{ mode_fields }
            </div>
            // The expiry the start and term give, so "expires on the 31st" need not be found by
            // trying starts (§2 clamps: 28 February + 1 month is 28 March).
            if let Some(end) = first_period_end(resource) {
                <p class="field-hint" data-testid="first-period">
                    { trf(lang, "First period: valid through {0}", &[&crate::ui::i18n::format::second(lang, end)]) }
                </p>
            }
            <div class="editor-buttons">
                <button type="button" class="editor-remove"
                    onclick={form.on_click(move || Edit::RemoveResource(index))}>{ tr(lang, "Remove resource") }</button>
            </div>
        </fieldset>
    }
}

fn billing_value(mode: BillingMode) -> &'static str {
    match mode {
        BillingMode::Package => "package",
        BillingMode::PayPerUse => "pay_per_use",
    }
}

/// Term, prices and auto-renew settings of a package.
fn package_fields(form: &Form, index: usize, resource: &ResourceDoc) -> Html {
    let lang = form.lang;
    let path = |field: &str| format!("resources[{index}].{field}");
    let key = |field: &str| format!("res{index}-{field}");
    let term = form.field(
        Field::new(key("term"), tr(lang, "Term"), path("term")),
        Control::Select {
            value: resource.term.clone().unwrap_or_default(),
            options: term_options(lang),
            edit: edit_text(index, ResourceEdit::Term),
        },
    );
    let prices = resource.prices.as_ref();
    let month = form.field(
        Field::new(
            key("month"),
            tr(lang, "Monthly price"),
            path("prices.month"),
        ),
        Control::Text {
            value: prices.map(|p| p.month.to_string()).unwrap_or_default(),
            kind: TextKind::Amount,
            placeholder: None,
            slot: None,
            edit: edit_text(index, ResourceEdit::MonthPrice),
        },
    );
    let year = form.field(
        Field::new(key("year"), tr(lang, "Yearly price"), path("prices.year")).also(path("prices")),
        Control::Text {
            value: prices.map(|p| p.year.to_string()).unwrap_or_default(),
            kind: TextKind::Amount,
            placeholder: None,
            slot: None,
            edit: edit_text(index, ResourceEdit::YearPrice),
        },
    );
    let auto = resource.auto_renew.as_ref();
    let auto_path = |field: &str| path(&format!("auto_renew.{field}"));
    let enabled = form.field(
        Field::new(key("auto"), tr(lang, "Auto-renew"), auto_path("enabled"))
            .also(path("auto_renew")),
        Control::Check {
            checked: auto.is_some_and(|a| a.enabled),
            edit: Rc::new(move |on| Edit::Resource {
                index,
                edit: ResourceEdit::AutoRenew(on),
            }),
        },
    );
    let days_before = form.field(
        Field::new(
            key("days-before"),
            tr(lang, "Days before"),
            auto_path("days_before"),
        ),
        Control::Text {
            value: whole_text(auto.and_then(|a| a.days_before)),
            kind: TextKind::Whole,
            placeholder: Some("7"),
            slot: Some(Slot::ResourceDaysBefore(index)),
            edit: edit_text(index, ResourceEdit::DaysBefore),
        },
    );
    let mut auto_terms = vec![(String::new(), tr(lang, "1 month (default)").to_string())];
    auto_terms.extend(term_options(lang));
    let auto_term = form.field(
        Field::new(
            key("auto-term"),
            tr(lang, "Auto-renew term"),
            auto_path("term"),
        ),
        Control::Select {
            value: auto.and_then(|a| a.term.clone()).unwrap_or_default(),
            options: auto_terms,
            edit: edit_text(index, ResourceEdit::AutoRenewTerm),
        },
    );
    let times = form.field(
        Field::new(key("times"), tr(lang, "Renewals"), auto_path("times")),
        Control::Text {
            value: whole_text(auto.and_then(|a| a.times)),
            kind: TextKind::Whole,
            placeholder: Some(tr(lang, "0 = unlimited")),
            slot: Some(Slot::ResourceTimes(index)),
            edit: edit_text(index, ResourceEdit::Times),
        },
    );
    html! { <>{ term }{ month }{ year }{ enabled }{ days_before }{ auto_term }{ times }</> }
}

/// The text of an optional whole number field.
pub fn whole_text(value: Option<i64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::components::editor::held::HeldTexts;
    use crate::ui::i18n::Lang;

    #[test]
    fn the_fields_of_each_mode_are_the_paths_its_row_places() {
        let held = HeldTexts::default();
        let dispatch = Callback::noop();
        for mode in [BillingMode::Package, BillingMode::PayPerUse] {
            let form = Form::new(Lang::En, "ed", &[], &held, &dispatch);
            let resource = ResourceDoc {
                id: "a".into(),
                billing: mode,
                start: "2026-01-01T00:00:00".into(),
                term: None,
                prices: None,
                auto_renew: None,
                hourly_rate: None,
            };
            let _ = resource_editor(&form, 1, &resource);
            let mut expected: Vec<String> = fields(mode)
                .iter()
                .map(|field| format!("resources[1].{field}"))
                .collect();
            let mut placed = form.placed();
            placed.sort();
            expected.sort();
            assert_eq!(placed, expected, "{mode:?}");
        }
    }
}
