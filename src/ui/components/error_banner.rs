//! The error banner (`role="alert"`): what went wrong with a link or a file, with a way to dismiss it.

use crate::ui::i18n::{tr, Lang, LocalText};
use yew::prelude::*;

/// The current error, if any, as an alert with a Dismiss button; nothing without one.
pub fn error_banner(lang: Lang, error: Option<&LocalText>, on_dismiss: &Callback<()>) -> Html {
    let Some(error) = error.map(|e| e.get(lang).to_string()) else {
        return html! {};
    };
    let on_dismiss = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="error-banner" data-testid="error-banner" role="alert">
            <p class="error-banner-text">{ error }</p>
            <button type="button" class="button button-quiet" onclick={on_dismiss}>{ tr(lang, "Dismiss") }</button>
        </div>
    }
}
