//! (being written) StateDiagram.

use crate::engine::Time;
use crate::ui::sim::SimRef;
use yew::prelude::*;

/// Properties of [`StateDiagram`].
#[derive(Properties, PartialEq)]
pub struct StateDiagramProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,

}

/// (being written)
#[function_component(StateDiagram)]
pub fn state_diagram(_props: &StateDiagramProps) -> Html {
    html! {}
}
