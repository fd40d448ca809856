//! The Theme switch: System (follow `prefers-color-scheme`), Light or Dark, remembered in
//! `localStorage` and applied as `data-theme` on `<html>` (which `static/js/boot.js` also sets
//! before the app starts, so a reload paints in the chosen theme at once).

use crate::ui::browser;
use crate::ui::i18n::{tr, use_lang};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The `localStorage` key of the chosen theme: `system`, `light` or `dark`.
pub const THEME_KEY: &str = "renewal-lab/theme";

/// The stored choice as the select's value: `system`, `light` or `dark`.
pub fn stored_theme(stored: Option<&str>) -> &'static str {
    match stored {
        Some("light") => "light",
        Some("dark") => "dark",
        _ => "system",
    }
}

/// Remembers `theme` and applies it to `<html>` (System removes the attribute).
fn apply(theme: &str) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    match stored_theme(Some(theme)) {
        "system" => {
            if let Some(root) = root {
                let _ = root.remove_attribute("data-theme");
            }
        }
        chosen => {
            if let Some(root) = root {
                let _ = root.set_attribute("data-theme", chosen);
            }
        }
    }
    // Not remembered when storage is unavailable: the page still switches now.
    let _ = browser::storage_set(THEME_KEY, theme);
}

/// A select labelled "Theme".
#[function_component(ThemeSwitch)]
pub fn theme_switch() -> Html {
    let lang = use_lang();
    let theme = use_state(|| stored_theme(browser::storage_get(THEME_KEY).as_deref()));
    let onchange = {
        let theme = theme.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let chosen = stored_theme(Some(&select.value()));
                apply(chosen);
                theme.set(chosen);
            }
        })
    };
    let options = [
        ("system", tr(lang, "System")),
        ("light", tr(lang, "Light")),
        ("dark", tr(lang, "Dark")),
    ];
    html! {
        <label class="field-inline theme-switch">
            <span>{ tr(lang, "Theme") }</span>
            <select {onchange}>
                { for options.iter().map(|(value, words)| html! {
                    <option value={*value} selected={*theme == *value}>{ *words }</option>
                }) }
            </select>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_light_and_dark_are_remembered_choices() {
        assert_eq!(stored_theme(Some("dark")), "dark");
        assert_eq!(stored_theme(Some("light")), "light");
        assert_eq!(stored_theme(Some("system")), "system");
        assert_eq!(stored_theme(Some("purple")), "system");
        assert_eq!(stored_theme(None), "system");
    }
}
