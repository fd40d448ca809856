//! A `<select>`'s option that shows its selection whatever the user picked before.

use yew::prelude::*;

/// One `<option>`, keyed by its value and whether it is selected, so an option whose selection
/// changes is a new element. Once the user has picked an option of a select, the `selected`
/// attribute no longer moves that select's old option elements: a selection changed by anything
/// else (an Undo, a Redo, another panel, a default that follows another field) would otherwise
/// show the option picked last, or the first.
pub fn choice(value: impl Into<AttrValue>, selected: bool, words: Html) -> Html {
    let value: AttrValue = value.into();
    let key = format!("{value}\u{1f}{selected}");
    html! { <option {key} {value} {selected}>{ words }</option> }
}
