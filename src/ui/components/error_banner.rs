//! The error banner (`role="alert"`): what went wrong with a link or a file, with a way to dismiss it.

use crate::ui::i18n::{tr, use_lang, LocalText};
use yew::prelude::*;

/// Properties of [`ErrorBanner`].
#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    /// The error to show; nothing is rendered without one.
    pub error: Option<LocalText>,
    /// Called when the user dismisses the banner.
    pub on_dismiss: Callback<()>,
}

/// Shows the current error, if any, as an alert.
#[function_component(ErrorBanner)]
pub fn error_banner(props: &ErrorBannerProps) -> Html {
    let lang = use_lang();
    let Some(error) = props.error.as_ref().map(|e| e.get(lang).to_string()) else {
        return html! {};
    };
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="error-banner" data-testid="error-banner" role="alert">
            <p class="error-banner-text">{ error }</p>
            <button type="button" class="button button-quiet" onclick={on_dismiss}>{ tr(lang, "Dismiss") }</button>
        </div>
    }
}
