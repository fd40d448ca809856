//! The current simulation as the components see it: one scenario and a trace per tier.

use crate::engine::{simulate_all_tiers, Scenario, Trace};
use std::rc::Rc;

/// A validated scenario with its traces for every tier of its policy (policy order).
#[derive(Debug)]
pub struct Sim {
    /// The scenario simulated.
    pub scenario: Scenario,
    /// One trace per tier, in the policy's tier order.
    pub traces: Vec<Trace>,
}

impl Sim {
    /// Simulates every tier of `scenario`.
    pub fn new(scenario: Scenario) -> Self {
        let traces = simulate_all_tiers(&scenario);
        Sim { scenario, traces }
    }

    /// The index of the scenario's own tier among `traces`.
    pub fn scenario_tier(&self) -> usize {
        self.traces
            .iter()
            .position(|t| t.tier == self.scenario.tier)
            .unwrap_or(0)
    }
}

/// A cheap, shareable handle on a [`Sim`]; equal only to a handle on the same simulation, so
/// components re-render when a new simulation replaces it, without comparing traces.
#[derive(Clone, Debug)]
pub struct SimRef(pub Rc<Sim>);

impl PartialEq for SimRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SimRef {
    type Target = Sim;
    fn deref(&self) -> &Sim {
        &self.0
    }
}
