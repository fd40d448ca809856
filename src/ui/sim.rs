//! The current simulation as the components see it: one scenario and a trace per tier.

use crate::engine::simulate::too_many_events;
use crate::engine::{simulate_all_tiers_within, FieldError, Scenario, Trace};
use std::rc::Rc;

/// The most events the app simulates, over all the tiers of a scenario. A valid file can make
/// millions (pay-per-use resources falling into arrears and recovering at each of thousands of
/// top-ups), which would block the page for minutes; past this bound the app refuses the
/// scenario, as it refuses an invalid one, and the last simulation stays on screen. renewal-cli
/// has no such bound. The largest files the tests use (10,000 actions) make about 60,000.
pub const MAX_EVENTS: usize = 100_000;

/// A validated scenario with its traces for every tier of its policy (policy order).
#[derive(Debug)]
pub struct Sim {
    /// The scenario simulated.
    pub scenario: Scenario,
    /// One trace per tier, in the policy's tier order (shared by a renamed scenario's
    /// simulation, which has the same traces).
    pub traces: Rc<[Trace]>,
}

impl Sim {
    /// Simulates every tier of `scenario`, unless that makes more than [`MAX_EVENTS`] events:
    /// then the problem, put on `until` (ending the run earlier is the usual remedy).
    pub fn new(scenario: Scenario) -> Result<Self, FieldError> {
        match simulate_all_tiers_within(&scenario, MAX_EVENTS) {
            Some(traces) => Ok(Sim {
                scenario,
                traces: traces.into(),
            }),
            None => Err(too_many_events(MAX_EVENTS)),
        }
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
