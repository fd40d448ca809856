//! The header's toolbar: Gallery, Undo/Redo, Import/Export JSON and Copy link.

use crate::engine::ScenarioDoc;
use crate::ui::sim::SimRef;
use crate::ui::state::Action;
use crate::ui::{browser, share};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The longest file name Export JSON suggests, without `.json`.
const MAX_FILE_STEM_CHARS: usize = 80;

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The document as edited.
    pub doc: Rc<ScenarioDoc>,
    /// Whether `doc` is valid (otherwise Copy link shares the last valid simulation's scenario).
    pub valid: bool,
    /// The last valid simulation.
    pub sim: Option<SimRef>,
    /// Whether Undo has something to undo.
    pub can_undo: bool,
    /// Whether Redo has something to redo.
    pub can_redo: bool,
    /// Receives the toolbar's actions and its notices and errors.
    pub on_action: Callback<Action>,
}

/// The file name Export JSON suggests: the scenario's name with ASCII letters in lower case,
/// other letters kept, and every run of other characters turned into one `-`. (ASCII-only case
/// mapping keeps Unicode tables out of the WebAssembly.)
pub fn export_file_name(doc: &ScenarioDoc) -> String {
    let mut stem = String::new();
    for c in doc.name.as_deref().unwrap_or_default().chars() {
        let keep =
            c.is_ascii_alphanumeric() || !(c.is_ascii() || c.is_whitespace() || c.is_control());
        if keep {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.chars().take(MAX_FILE_STEM_CHARS).collect();
    match stem.trim_matches('-') {
        "" => "scenario.json".to_string(),
        stem => format!("{stem}.json"),
    }
}

/// The toolbar buttons, and the share link in a field when the clipboard could not take it.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let fallback_link = use_state(|| None::<String>);
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };

    let on_copy = {
        let (doc, valid, sim) = (props.doc.clone(), props.valid, props.sim.clone());
        let on_action = props.on_action.clone();
        let fallback_link = fallback_link.clone();
        Callback::from(move |_: MouseEvent| {
            let shared = match (&sim, valid) {
                (_, true) => (*doc).clone(),
                (Some(sim), false) => sim.scenario.to_doc(),
                (None, false) => {
                    on_action.emit(Action::ReportError(
                        "There is no valid scenario to share yet: fix the errors in the editor first."
                            .to_string(),
                    ));
                    return;
                }
            };
            let (origin, path) = browser::origin_and_path();
            let fragment = share::fragment(&shared);
            let link = format!("{origin}{path}{fragment}");
            let in_address = browser::replace_address(&format!("{path}{fragment}")).is_ok();
            let where_else = if in_address {
                " and in the address bar"
            } else {
                ""
            };
            let which = if valid {
                ""
            } else {
                " It shares the last valid version: the current edit has errors."
            };
            let on_action = on_action.clone();
            let fallback_link = fallback_link.clone();
            spawn_local(async move {
                let notice = match browser::write_clipboard(&link).await {
                    Ok(()) => {
                        fallback_link.set(None);
                        format!("Link copied to the clipboard{where_else}.{which}")
                    }
                    Err(reason) => {
                        fallback_link.set(Some(link));
                        format!(
                            "The clipboard is not available ({reason}): copy the link from the \
                             Share link field{where_else}.{which}"
                        )
                    }
                };
                on_action.emit(Action::Notify(notice));
            });
        })
    };

    let on_export = {
        let doc = props.doc.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let name = export_file_name(&doc);
            match browser::download(&name, &doc.to_json(), "application/json") {
                Ok(()) => on_action.emit(Action::Notify(format!("Exported {name}."))),
                Err(reason) => on_action.emit(Action::ReportError(format!(
                    "Could not export the scenario: {reason}."
                ))),
            }
        })
    };

    let on_import = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            let file_name = file.name();
            if file.size() > browser::MAX_IMPORT_BYTES {
                on_action.emit(Action::ReportError(format!(
                    "Could not import {file_name}: it is {:.1} MB; at most 5 MB. The current \
                     scenario is unchanged.",
                    file.size() / 1_048_576.0
                )));
                return;
            }
            let on_action = on_action.clone();
            spawn_local(async move {
                match browser::read_text(&file).await {
                    Ok(text) => on_action.emit(Action::Import { file_name, text }),
                    Err(reason) => on_action.emit(Action::ReportError(format!(
                        "Could not import {file_name}: {reason}. The current scenario is unchanged."
                    ))),
                }
            });
        })
    };

    let on_link_focus = Callback::from(|event: FocusEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        input.select();
    });

    html! {
        <nav class="toolbar" aria-label="Scenario">
            <button type="button" class="button" onclick={emit(Action::ShowGallery)}>{ "Gallery" }</button>
            <button type="button" class="button" onclick={emit(Action::Undo)}
                disabled={!props.can_undo} aria-keyshortcuts="Control+Z">{ "Undo" }</button>
            <button type="button" class="button" onclick={emit(Action::Redo)}
                disabled={!props.can_redo} aria-keyshortcuts="Control+Shift+Z">{ "Redo" }</button>
            <span class="file-picker">
                <input id="import-json" class="file-input" type="file"
                    accept=".json,application/json" onchange={on_import} />
                <label for="import-json" class="button file-label">{ "Import JSON" }</label>
            </span>
            <button type="button" class="button" onclick={on_export}>{ "Export JSON" }</button>
            <button type="button" class="button button-primary" onclick={on_copy}>{ "Copy link" }</button>
            if let Some(link) = (*fallback_link).clone() {
                <label class="field share-link">
                    <span class="field-label">{ "Share link" }</span>
                    <input type="text" readonly=true value={link} onfocus={on_link_focus} />
                </label>
            }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::scenarios::blank_doc;

    #[test]
    fn export_names_come_from_the_scenario_name() {
        // scenario name, expected file name
        let cases = [
            (
                Some("Bought on January 31: expiry stays on month-ends"),
                "bought-on-january-31-expiry-stays-on-month-ends.json",
            ),
            (Some("  Auto-renew, twice!  "), "auto-renew-twice.json"),
            (Some("续费 测试"), "续费-测试.json"),
            (Some("../../etc/passwd"), "etc-passwd.json"),
            (Some("???"), "scenario.json"),
            (None, "scenario.json"),
        ];
        for (name, expected) in cases {
            let mut doc = blank_doc();
            doc.name = name.map(str::to_string);
            assert_eq!(export_file_name(&doc), expected, "{name:?}");
        }
    }

    #[test]
    fn export_names_are_bounded() {
        let mut doc = blank_doc();
        doc.name = Some("a".repeat(500));
        assert_eq!(
            export_file_name(&doc).chars().count(),
            MAX_FILE_STEM_CHARS + 5
        );
    }
}
