//! The lifecycle engine: pure, deterministic, sans-IO. Time is always passed in, money is integer cents.
//!
//! The usual entry points are [`Scenario::from_json`], [`simulate()`], [`simulate_all_tiers`] and the
//! lookups on [`Trace`] ([`Trace::snapshot_at`], [`Trace::next_event_after`], ...).

pub mod doc;
pub mod money;
pub mod policy;
pub mod scenario;
pub mod simulate;
pub mod term;
pub mod time;
pub mod trace;

pub use doc::ScenarioDoc;
pub use money::Cents;
pub use policy::{BillingMode, Lapse, ModeDays, Policy, TierDays};
pub use scenario::{Action, ActionKind, AutoRenew, FieldError, Resource, ResourceKind, Scenario};
pub use simulate::{simulate, simulate_all_tiers, simulate_all_tiers_within};
pub use term::Term;
pub use time::{Offset, Time};
pub use trace::{Event, EventKind, Notice, ResourceStatus, Shortfall, Snapshot, State, Trace};
