//! The policy fieldset: a preset or an editable custom tier table, and the account's tier.

use super::edit::{policy_choice_value, tier_names, Edit, PolicyChoice, TierPeriod, CUSTOM_POLICY};
use super::form::{Control, Field, Form, TextKind};
use super::held::Slot;
use crate::engine::doc::{CustomPolicyDoc, PolicyDoc};
use crate::engine::policy::PRESET_NAMES;
use crate::engine::ScenarioDoc;
use crate::ui::i18n::{tr, trf, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// The key of the "Add tier" button.
pub const ADD_TIER_KEY: &str = "add-tier";

/// What each choice of the "Policy" select means, in words.
fn policy_words(lang: Lang, value: &str) -> String {
    match value {
        "huawei-cn" => tr(lang, "huawei-cn (China, tiers V0–V5)").to_string(),
        "huawei-intl" => tr(lang, "huawei-intl (one tier)").to_string(),
        CUSTOM_POLICY => tr(lang, "custom (your own tiers)").to_string(),
        other => other.to_string(),
    }
}

/// The "Policy" fieldset.
pub fn policy_section(form: &Form, doc: &ScenarioDoc) -> Html {
    let lang = form.lang;
    let options = PRESET_NAMES
        .into_iter()
        .chain([CUSTOM_POLICY])
        .map(|value| (value.to_string(), policy_words(lang, value)))
        .collect();
    let policy = form.field(
        Field::new("policy", tr(lang, "Policy"), "policy"),
        Control::Select {
            value: policy_choice_value(doc.policy.as_ref()),
            options,
            edit: Rc::new(|value: String| {
                Edit::Policy(if value == CUSTOM_POLICY {
                    PolicyChoice::Custom(None)
                } else {
                    PolicyChoice::Preset(value)
                })
            }),
        },
    );
    let tier = form.field(
        Field::new("tier", tr(lang, "Tier"), "tier"),
        Control::Select {
            value: doc.tier.clone(),
            options: tier_names(doc.policy.as_ref())
                .into_iter()
                .map(|name| (name.clone(), name))
                .collect(),
            edit: Rc::new(Edit::Tier),
        },
    );
    let custom = match &doc.policy {
        Some(PolicyDoc::Custom(custom)) => custom_policy(form, custom),
        _ => Html::default(),
    };
    html! {
        <fieldset class="editor-section">
            <legend>{ tr(lang, "Policy") }</legend>
            <div class="editor-grid editor-grid-wide">{ policy }{ tier }</div>
            { custom }
        </fieldset>
    }
}

/// The custom policy's name and tier table, with buttons to add and remove tiers.
fn custom_policy(form: &Form, custom: &CustomPolicyDoc) -> Html {
    let lang = form.lang;
    let name = form.field(
        Field::new("policy-name", tr(lang, "Policy name"), "policy.name"),
        Control::Text {
            value: custom.name.clone(),
            kind: TextKind::Plain,
            placeholder: Some(CUSTOM_POLICY),
            slot: None,
            edit: Rc::new(Edit::PolicyName),
        },
    );
    let rows: Html = custom
        .tiers
        .0
        .iter()
        .enumerate()
        .map(|(row, (tier, days))| {
            let n = row + 1;
            let path = format!("policy.tiers.{tier}");
            let name = form.field(
                Field::new(format!("tier{row}-name"), trf(lang, "Tier {0} name", &[&n.to_string()]), &path)
                    .label_hidden(),
                Control::Text {
                    value: tier.clone(),
                    kind: TextKind::Plain,
                    placeholder: None,
                    slot: Some(Slot::TierName(row)),
                    edit: Rc::new(move |text| Edit::TierName { row, text }),
                },
            );
            let day_cells: Html = TierPeriod::ALL
                .into_iter()
                .map(|period| {
                    let label = period.cell_label(lang, n);
                    let cell = form.field(
                        Field::new(
                            format!("tier{row}-days{}", period.column()),
                            label,
                            format!("{path}.{}", period.json_suffix()),
                        )
                        .label_hidden(),
                        Control::Text {
                            value: period.get(days).to_string(),
                            kind: TextKind::Whole,
                            placeholder: None,
                            slot: Some(Slot::TierDays(row, period)),
                            edit: Rc::new(move |text| Edit::TierDays { row, period, text }),
                        },
                    );
                    html! { <td>{ cell }</td> }
                })
                .collect();
            html! {
                <tr>
                    <td>{ name }</td>
                    { day_cells }
                    <td>
                        <button type="button" class="editor-remove" aria-label={trf(lang, "Remove tier {0}", &[&n.to_string()])}
                            onclick={form.on_click(move || Edit::RemoveTier(row))}>{ tr(lang, "Remove") }</button>
                    </td>
                </tr>
            }
        })
        .collect();
    let (table_problems, describedby) = form.group_problems("tiers", "policy.tiers");
    html! {
        <div class="custom-policy">
            <div class="editor-grid">{ name }</div>
            <div class="tier-table-scroll">
                <table class="tier-table">
                    <caption>{ tr(lang, "Custom tiers: grace and retention periods in days (0 to 365)") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, "Tier") }</th>
                            { for TierPeriod::ALL.into_iter().map(|p| html! { <th scope="col">{ p.heading(lang) }</th> }) }
                            <th scope="col"><span class="visually-hidden">{ tr(lang, "Remove") }</span></th>
                        </tr>
                    </thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
            { table_problems }
            <div class="editor-buttons">
                <button type="button" id={form.id(ADD_TIER_KEY)} aria-describedby={describedby}
                    onclick={form.on_click(|| Edit::AddTier)}>{ tr(lang, "Add tier") }</button>
            </div>
        </div>
    }
}
