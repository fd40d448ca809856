//! (being written) Timeline.

use crate::engine::Time;
use crate::ui::sim::SimRef;
use yew::prelude::*;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,
    /// Called with the instant the user drags or clicks to.
    pub on_seek: Callback<Time>,
}

/// (being written)
#[function_component(Timeline)]
pub fn timeline(_props: &TimelineProps) -> Html {
    html! {}
}
