//! (being written) EventLog.

use crate::engine::Time;
use crate::ui::sim::SimRef;
use yew::prelude::*;

/// Properties of [`EventLog`].
#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,

}

/// (being written)
#[function_component(EventLog)]
pub fn event_log(_props: &EventLogProps) -> Html {
    html! {}
}
