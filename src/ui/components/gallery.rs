//! The gallery: one button per ready scenario (title and one-line story) and a blank scenario.

use crate::ui::i18n::{tr, use_lang};
use crate::ui::scenarios::{blank_doc, GALLERY};
use crate::ui::state::Action;
use yew::prelude::*;

/// Properties of [`Gallery`].
#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    /// Whether a scenario is open (then the gallery offers a way back to it).
    pub has_work: bool,
    /// Receives [`Action::Load`] (and [`Action::ShowLab`]).
    pub on_action: Callback<Action>,
    /// Asks for the focus to go to the lab's clock: the gallery goes away with the button that
    /// was pressed.
    pub focus_clock: Callback<()>,
}

/// The list of ready scenarios.
#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    let lang = use_lang();
    let items = GALLERY.iter().filter_map(|entry| {
        let doc = entry.doc().ok()?;
        let title = entry.title();
        let story_id = format!("gallery-{}-story", entry.slug);
        let on_action = props.on_action.clone();
        let focus_clock = props.focus_clock.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Load(doc.clone()));
            focus_clock.emit(());
        });
        Some(html! {
            <li key={entry.slug}>
                <button type="button" class="gallery-item" data-testid="gallery-item"
                    data-scenario={entry.slug}
                    aria-describedby={story_id.clone()} {onclick}>
                    <span class="gallery-item-title">{ tr(lang, &title).to_string() }</span>
                    // The title alone names the button; the story (hidden from the name) describes it.
                    <span class="gallery-item-story" id={story_id} aria-hidden="true">{ tr(lang, entry.story) }</span>
                </button>
            </li>
        })
    });
    let on_blank = {
        let on_action = props.on_action.clone();
        let focus_clock = props.focus_clock.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Load(blank_doc()));
            focus_clock.emit(());
        })
    };
    let on_back = {
        let on_action = props.on_action.clone();
        let focus_clock = props.focus_clock.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::ShowLab);
            focus_clock.emit(());
        })
    };
    html! {
        <section class="gallery" data-testid="gallery" aria-labelledby="gallery-heading">
            <div class="gallery-intro">
                <h2 id="gallery-heading">{ tr(lang, "Start from a story") }</h2>
                <p>
                    { tr(lang, "Each scenario plays out what happens to a subscription around its expiry. \
                       Open one, drive the clock, act as the customer, or edit it.") }
                </p>
            </div>
            <ul class="gallery-grid">{ for items }</ul>
            <div class="gallery-actions">
                <button type="button" class="button" data-testid="blank-scenario"
                    onclick={on_blank}>{ tr(lang, "Blank scenario") }</button>
                if props.has_work {
                    <button type="button" class="button button-quiet" data-testid="back-to-lab"
                        onclick={on_back}>
                        { tr(lang, "Back to the lab") }
                    </button>
                }
            </div>
        </section>
    }
}
