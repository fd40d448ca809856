//! The header's toolbar: Gallery, Undo/Redo, Import/Export JSON and Copy link.

use crate::engine::ScenarioDoc;
use crate::ui::i18n::{errors, format, tr, trf, use_lang, LocalText};
use crate::ui::sim::SimRef;
use crate::ui::state::{Action, Lasts, Notice};
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
    format!(
        "{}.json",
        file_stem(doc.name.as_deref().unwrap_or_default(), "scenario")
    )
}

/// `name` as a file name's stem: lower-case letters and digits (any script), the rest one dash,
/// at most `MAX_FILE_STEM_CHARS`; `fallback` when nothing is left.
pub fn file_stem(name: &str, fallback: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
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
        "" => fallback.to_string(),
        stem => stem.to_string(),
    }
}

/// The toolbar buttons, and the share link in a field when the clipboard could not take it.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let lang = use_lang();
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
                    on_action.emit(Action::ReportError(LocalText::new(|l| {
                        tr(
                            l,
                            "There is no valid scenario to share yet: fix the errors in the editor first.",
                        )
                        .into()
                    })));
                    return;
                }
            };
            let on_action = on_action.clone();
            let fallback_link = fallback_link.clone();
            browser::share_link(&share::fragment(&shared), move |shared| {
                let in_address = shared.in_address;
                let where_else = move |l| {
                    if in_address {
                        tr(l, " and in the address bar")
                    } else {
                        ""
                    }
                };
                let which = move |l| {
                    if valid {
                        ""
                    } else {
                        tr(
                            l,
                            " It shares the last valid version: the current edit has errors.",
                        )
                    }
                };
                let notice = match shared.copied {
                    Ok(()) => {
                        fallback_link.set(None);
                        LocalText::new(|l| {
                            trf(
                                l,
                                "Link copied to the clipboard{0}.{1}",
                                &[where_else(l), which(l)],
                            )
                        })
                    }
                    // (Not the browser's reason: its words are in the browser's language.)
                    Err(_) => {
                        fallback_link.set(Some(shared.link));
                        let or_address = move |l| {
                            if in_address {
                                tr(l, " or from the address bar")
                            } else {
                                ""
                            }
                        };
                        LocalText::new(|l| {
                            trf(
                                l,
                                "The clipboard is not available: copy the link from the Share \
                                 link field{0}.{1}",
                                &[or_address(l), which(l)],
                            )
                        })
                    }
                };
                // "… in the address bar" is true until an edit takes the link out of it.
                on_action.emit(Action::Notify(Notice {
                    text: notice,
                    lasts: Lasts::UntilEdit,
                }));
            });
        })
    };

    let on_export = {
        let doc = props.doc.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let name = export_file_name(&doc);
            match browser::download(&name, &doc.to_json(), "application/json") {
                Ok(()) => on_action.emit(Action::Notify(
                    LocalText::new(|l| trf(l, "Exported {0}.", &[&name])).into(),
                )),
                Err(reason) => on_action.emit(Action::ReportError(LocalText::new(|l| {
                    trf(
                        l,
                        "Could not export the scenario: {0}.",
                        &[&errors::message(l, &reason)],
                    )
                }))),
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
                let tenths = (file.size() / 104_857.6).round() as i64;
                on_action.emit(Action::ReportError(LocalText::new(|l| {
                    // One decimal, with the language's decimal mark.
                    let size = format::count(l, tenths / 10)
                        + if l == crate::ui::i18n::Lang::PtBr {
                            ","
                        } else {
                            "."
                        }
                        + &(tenths % 10).to_string();
                    trf(
                        l,
                        "Could not import {0}: it is {1} MB; at most 5 MB. The current \
                         scenario is unchanged.",
                        &[&file_name, &size],
                    )
                })));
                return;
            }
            let on_action = on_action.clone();
            spawn_local(async move {
                match browser::read_text(&file).await {
                    Ok(text) => on_action.emit(Action::Import { file_name, text }),
                    Err(reason) => on_action.emit(Action::ReportError(LocalText::new(|l| {
                        trf(
                            l,
                            "Could not import {0}: {1}. The current scenario is unchanged.",
                            &[&file_name, &errors::message(l, &reason)],
                        )
                    }))),
                }
            });
        })
    };

    let on_link_focus = Callback::from(|event: FocusEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        input.select();
    });

    html! {
        // A named region, not a navigation landmark: its buttons act on the scenario.
        <section class="toolbar" aria-label={tr(lang, "Scenario")}>
            <button type="button" class="button" data-testid="show-gallery"
                onclick={emit(Action::ShowGallery)}>{ tr(lang, "Gallery") }</button>
            // `aria-disabled`, not `disabled`: the last Undo keeps the keyboard's focus on its
            // button (a disabled button would drop it to the page); with nothing to undo the
            // reducer does nothing.
            <button type="button" class="button" onclick={emit(Action::Undo)}
                aria-disabled={(!props.can_undo).to_string()} aria-keyshortcuts="Control+Z">{ tr(lang, "Undo") }</button>
            <button type="button" class="button" onclick={emit(Action::Redo)}
                aria-disabled={(!props.can_redo).to_string()} aria-keyshortcuts="Control+Shift+Z">{ tr(lang, "Redo") }</button>
            <span class="file-picker">
                <input id="import-json" class="file-input" type="file"
                    accept=".json,application/json" onchange={on_import} />
                <label for="import-json" class="button file-label">{ tr(lang, "Import JSON") }</label>
            </span>
            <button type="button" class="button" onclick={on_export}>{ tr(lang, "Export JSON") }</button>
            <button type="button" class="button button-primary" data-testid="copy-link"
                onclick={on_copy}>{ tr(lang, "Copy link") }</button>
            if let Some(link) = (*fallback_link).clone() {
                <label class="field share-link">
                    <span class="field-label">{ tr(lang, "Share link") }</span>
                    <input type="text" readonly=true value={link} onfocus={on_link_focus} />
                </label>
            }
        </section>
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
