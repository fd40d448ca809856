//! (being written) The scenario editor form.

use crate::engine::{FieldError, ScenarioDoc};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The document being edited (may be invalid).
    pub doc: Rc<ScenarioDoc>,
    /// Every problem of `doc`, with JSON paths.
    pub errors: Rc<Vec<FieldError>>,
    /// Called with the whole edited document after every change.
    pub on_change: Callback<ScenarioDoc>,
}

/// (being written)
#[function_component(Editor)]
pub fn editor(_props: &EditorProps) -> Html {
    html! {}
}
