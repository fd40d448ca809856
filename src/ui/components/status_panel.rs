//! (being written) StatusPanel.

use crate::engine::Time;
use crate::ui::sim::SimRef;
use yew::prelude::*;

/// Properties of [`StatusPanel`].
#[derive(Properties, PartialEq)]
pub struct StatusPanelProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,

}

/// (being written)
#[function_component(StatusPanel)]
pub fn status_panel(_props: &StatusPanelProps) -> Html {
    html! {}
}
