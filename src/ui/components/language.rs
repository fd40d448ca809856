//! The language switcher (a select labelled "Language" in the language shown, each option in its
//! own language) and the browser side of the choice: `localStorage` and `<html lang>`.

use crate::ui::browser;
use crate::ui::i18n::{initial_lang, tr, Lang, LANG_KEY};
use yew::prelude::*;

/// The language to start in: the stored choice, else `navigator.language`, else English.
pub fn start_lang() -> Lang {
    let stored = browser::storage_get(LANG_KEY);
    let navigator = web_sys::window().and_then(|w| w.navigator().language());
    initial_lang(stored.as_deref(), navigator.as_deref())
}

/// Shows `lang` on the page: `<html lang>` (for screen readers, fonts and hyphenation) and the
/// page's description (what a bookmark or a shared page's preview says).
pub fn show_lang(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let description = tr(
            lang,
            "What happens to a cloud subscription around its expiry, under a virtual clock.",
        );
        let _ = meta.set_attribute("content", description);
    }
}

/// Remembers `lang` for the next visit (silently does nothing without storage).
pub fn remember_lang(lang: Lang) {
    let _ = browser::storage_set(LANG_KEY, lang.code());
}

/// The language chosen in the switcher's select, from its `change` event.
pub fn chosen_lang(event: &Event) -> Option<Lang> {
    let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
    Lang::from_code(&select.value())
}

/// The select that switches the app's language at once: labelled in `lang`, each option in its
/// own language; `on_change` receives its `change` events (read them with [`chosen_lang`]). The
/// callback comes from the caller, so it stays the same from one frame to the next.
pub fn language_switcher(lang: Lang, on_change: &Callback<Event>) -> Html {
    html! {
        <label class="field-inline language-switcher">
            <span>{ tr(lang, "Language") }</span>
            <select data-testid="language" onchange={on_change.clone()}>
                { for Lang::ALL.iter().map(|&option| html! {
                    <option value={option.code()} lang={option.code()} selected={option == lang}>
                        { option.native_name() }
                    </option>
                }) }
            </select>
        </label>
    }
}
