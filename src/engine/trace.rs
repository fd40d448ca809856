//! The trace: every event of a simulation, plus per-resource status histories for instant lookups.
//!
//! A trace is a pure function of its scenario. Scrubbing the virtual clock in either direction is a
//! binary search here, never a re-run.

use super::money::Cents;
use super::scenario::{AutoRenew, Scenario};
use super::term::Term;
use super::time::{Offset, Time, SECS_PER_HOUR};
use chrono::NaiveDate;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt;

/// The trace format's tag (`format` of every trace written).
pub const FORMAT: &str = "renewal-lab-trace/1";

/// A resource's lifecycle state (§3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    /// In service.
    Available,
    /// Past expiry or in arrears: still usable, in the grace period.
    Expired,
    /// Not usable; data kept during the retention period.
    Frozen,
    /// Gone: data deleted. Terminal.
    Released,
}

impl State {
    /// All four, in lifecycle order.
    pub const ALL: [State; 4] = [
        State::Available,
        State::Expired,
        State::Frozen,
        State::Released,
    ];

    /// The format's name: `available`, `expired`, `frozen`, `released`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Available => "available",
            State::Expired => "expired",
            State::Frozen => "frozen",
            State::Released => "released",
        }
    }

    /// Whether the resource can still be used (available or in grace).
    pub fn is_usable(self) -> bool {
        matches!(self, State::Available | State::Expired)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an action or an automatic attempt was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rejection {
    /// The resource was released; it cannot be renewed.
    Released,
    /// Only packages can be renewed or auto-renewed.
    NotPackage,
    /// The new expiry would not be after the action's time.
    TermTooShort,
    /// The balance is below the price.
    InsufficientBalance,
    /// Auto-renew settings change only while `available`.
    NotAvailable,
}

impl Rejection {
    /// The format's name of the reason.
    pub fn as_str(self) -> &'static str {
        match self {
            Rejection::Released => "released",
            Rejection::NotPackage => "not_package",
            Rejection::TermTooShort => "term_too_short",
            Rejection::InsufficientBalance => "insufficient_balance",
            Rejection::NotAvailable => "not_available",
        }
    }
}

/// A renewal the balance could not pay: its price, and the balance at that instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shortfall {
    /// What the renewal would have cost.
    pub price: Cents,
    /// The balance when it was refused.
    pub balance: Cents,
}

/// Which customer action was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionName {
    /// A manual renewal.
    Renew,
    /// A change of auto-renew settings.
    SetAutoRenew,
}

impl ActionName {
    /// The format's name.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionName::Renew => "renew",
            ActionName::SetAutoRenew => "set_auto_renew",
        }
    }
}

/// Who renewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RenewSource {
    /// The customer, by a `renew` action.
    Manual,
    /// An automatic renewal.
    Auto,
}

/// Which reminder notice a customer receives (structured, so the app can word it in any language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Notice {
    /// The package's expiry date is `days` calendar days away: 5, 2, or 0 (today).
    /// `unpaid`: auto-renew is on but its last attempt failed for the balance.
    Expiry { days: u8, unpaid: bool },
    /// Release (data deletion) is `days` calendar days away: 6, 2, or 1 (the last day before it).
    Release { days: u8 },
}

impl Notice {
    /// The format's name of the notice: `expiry` or `release`.
    pub fn name(self) -> &'static str {
        match self {
            Notice::Expiry { .. } => "expiry",
            Notice::Release { .. } => "release",
        }
    }

    /// The same notice, sent `days` calendar days before the date it is about.
    pub(crate) fn with_days(self, days: u8) -> Notice {
        match self {
            Notice::Expiry { unpaid, .. } => Notice::Expiry { days, unpaid },
            Notice::Release { .. } => Notice::Release { days },
        }
    }

    /// Calendar days from the reminder's date to the date it is about.
    pub fn days(self) -> u8 {
        match self {
            Notice::Expiry { days, .. } | Notice::Release { days } => days,
        }
    }
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// The resource was bought; `expires` for packages, `hourly_rate` for pay-per-use.
    Purchased {
        expires: Option<Time>,
        hourly_rate: Option<Cents>,
        balance: Cents,
    },
    /// A lifecycle transition.
    StateChanged { from: State, to: State },
    /// An automatic renewal attempt; `failure` is `None` when it succeeded. `switched_on` when it
    /// is §6's documented case, made at once as auto-renew was switched on on the expiry date at
    /// or after 03:00 (else one of the 03:00 window's); the trace format does not write it.
    AutoRenewAttempt {
        failure: Option<Rejection>,
        price: Cents,
        balance: Cents,
        switched_on: bool,
    },
    /// The expiry date moved. `price` is what the renewal charged (the trace format does not
    /// write it: a manual renewal's explanation says it, an automatic one's attempt does).
    Renewed {
        source: RenewSource,
        term: Term,
        expires: Time,
        price: Cents,
        balance: Cents,
    },
    /// Money was added.
    TopUp { amount: Cents, balance: Cents },
    /// Auto-renew settings now; `times_used` when it switched itself off.
    AutoRenewChanged {
        settings: AutoRenew,
        times_used: bool,
    },
    /// A customer action that changed nothing. `shortfall` is set when a renewal could not be
    /// paid (`insufficient_balance`); the trace format does not write it, the explanations do.
    ActionRejected {
        action: ActionName,
        reason: Rejection,
        shortfall: Option<Shortfall>,
    },
    /// A notice sent to the customer; it changes nothing. `due` is what it warns of: the package's
    /// last valid second (`X` 23:59:59) for an expiry notice, the release instant for a release one.
    Reminder { notice: Notice, due: Time },
}

impl EventKind {
    /// The format's name of the kind.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Purchased { .. } => "purchased",
            EventKind::StateChanged { .. } => "state_changed",
            EventKind::AutoRenewAttempt { .. } => "auto_renew_attempt",
            EventKind::Renewed { .. } => "renewed",
            EventKind::TopUp { .. } => "top_up",
            EventKind::AutoRenewChanged { .. } => "auto_renew_changed",
            EventKind::ActionRejected { .. } => "action_rejected",
            EventKind::Reminder { .. } => "reminder",
        }
    }

    /// Whether this is an auto-renew attempt that failed (it charged nothing).
    pub fn is_failed_attempt(&self) -> bool {
        matches!(
            self,
            EventKind::AutoRenewAttempt {
                failure: Some(_),
                ..
            }
        )
    }

    /// The balance after the event, for kinds that carry one.
    pub fn balance(&self) -> Option<Cents> {
        match *self {
            EventKind::Purchased { balance, .. }
            | EventKind::AutoRenewAttempt { balance, .. }
            | EventKind::Renewed { balance, .. }
            | EventKind::TopUp { balance, .. } => Some(balance),
            _ => None,
        }
    }
}

/// One event of a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Event {
    /// When.
    pub at: Time,
    /// Index of the resource in the scenario (none for top-ups).
    pub resource: Option<usize>,
    /// What.
    pub kind: EventKind,
}

/// Everything the engine knows about one resource at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ResourceStatus {
    /// Lifecycle state.
    pub state: State,
    /// Expiry date `X` (packages only).
    pub expiry: Option<NaiveDate>,
    /// Current auto-renew settings (packages only).
    pub auto_renew: Option<AutoRenew>,
    /// The next scheduled automatic attempt, if one is due.
    pub next_attempt: Option<Time>,
    /// The next timed transition and the state it leads to.
    pub next_change: Option<(Time, State)>,
}

impl ResourceStatus {
    /// The last valid second of a package (`X` 23:59:59).
    pub fn expires(&self) -> Option<Time> {
        self.expiry.map(Time::end_of_day)
    }
}

/// The account at one instant: the balance and each resource (`None` before it is bought).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The instant.
    pub at: Time,
    /// Account balance (after every event at or before `at`, and every hourly charge).
    pub balance: Cents,
    /// Per resource, in scenario order.
    pub resources: Vec<Option<ResourceStatus>>,
}

/// A pay-per-use resource's charging grid, for balances between events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Meter {
    pub start: Time,
    pub rate: Cents,
}

impl Meter {
    /// Charges in `(from, to]` (one per full hour after `start`).
    pub(crate) fn ticks(self, from: Time, to: Time) -> i64 {
        let count = |t: Time| {
            (t.secs() - self.start.secs())
                .max(0)
                .div_euclid(SECS_PER_HOUR)
        };
        (count(to) - count(from)).max(0)
    }

    /// Whether `t` is a full hour after the start.
    pub(crate) fn ticks_at(self, t: Time) -> bool {
        t > self.start && (t.secs() - self.start.secs()) % SECS_PER_HOUR == 0
    }
}

/// The result of simulating a scenario for one tier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
    /// The tier simulated.
    pub tier: String,
    /// The scenario's offset, for writing times.
    pub offset: Offset,
    /// The earliest resource start.
    pub start: Time,
    /// The last simulated instant.
    pub until: Time,
    /// Every event, in order.
    pub events: Vec<Event>,
    /// Per resource: `(instant, status after that instant)` whenever it changed.
    pub(crate) history: Vec<Vec<(Time, ResourceStatus)>>,
    /// `(instant, balance after that instant)` for every instant the engine stopped at.
    pub(crate) balances: Vec<(Time, Cents)>,
    /// Per resource: its meter if pay-per-use.
    pub(crate) meters: Vec<Option<Meter>>,
    /// Whether this is a view cut at `until` that hides what follows (a workshop trainee's):
    /// statuses then carry no forecasts, so a missing next attempt or change means "not shown",
    /// never "none". The engine's own traces hide nothing.
    pub hides_future: bool,
}

impl Trace {
    /// Events at or before `t`.
    pub fn events_until(&self, t: Time) -> &[Event] {
        &self.events[..self.events.partition_point(|e| e.at <= t)]
    }

    /// The events at exactly `t` (empty when nothing happens then).
    pub fn events_at(&self, t: Time) -> &[Event] {
        let low = self.events.partition_point(|e| e.at < t);
        let high = self.events.partition_point(|e| e.at <= t);
        &self.events[low..high]
    }

    /// The first event instant strictly after `t`.
    pub fn next_event_after(&self, t: Time) -> Option<Time> {
        self.events
            .get(self.events.partition_point(|e| e.at <= t))
            .map(|e| e.at)
    }

    /// The last event instant strictly before `t`.
    pub fn previous_event_before(&self, t: Time) -> Option<Time> {
        let i = self.events.partition_point(|e| e.at < t);
        i.checked_sub(1).map(|i| self.events[i].at)
    }

    /// The status of resource `r` once everything at or before `t` has happened.
    pub fn status_at(&self, r: usize, t: Time) -> Option<ResourceStatus> {
        let history = self.history.get(r)?;
        let i = history.partition_point(|(at, _)| *at <= t);
        i.checked_sub(1).map(|i| history[i].1)
    }

    /// The balance once everything at or before `t` has happened, hourly charges included.
    pub fn balance_at(&self, t: Time) -> Cents {
        let i = self.balances.partition_point(|(at, _)| *at <= t);
        let Some(&(from, balance)) = i.checked_sub(1).and_then(|i| self.balances.get(i)) else {
            return self.balances.first().map_or(Cents::ZERO, |b| b.1);
        };
        let charged = self
            .meters
            .iter()
            .enumerate()
            .filter_map(|(r, meter)| {
                let meter = (*meter)?;
                let usable = self.status_at(r, from).is_some_and(|s| s.state.is_usable());
                usable.then(|| meter.rate.times(meter.ticks(from, t.min(self.until))))
            })
            .fold(Cents::ZERO, Cents::plus);
        balance.minus(charged)
    }

    /// The whole account at `t`.
    pub fn snapshot_at(&self, t: Time) -> Snapshot {
        Snapshot {
            at: t,
            balance: self.balance_at(t),
            resources: (0..self.history.len())
                .map(|r| self.status_at(r, t))
                .collect(),
        }
    }

    /// The account at `until`.
    pub fn final_snapshot(&self) -> Snapshot {
        self.snapshot_at(self.until)
    }

    /// Spans of time resource `r` spent in each state: `(from, to, state)`, `to` exclusive, the last
    /// span ending at `until`.
    pub fn state_spans(&self, r: usize) -> Vec<(Time, Time, State)> {
        let history = self.history.get(r).map(Vec::as_slice).unwrap_or_default();
        let mut spans: Vec<(Time, Time, State)> = Vec::new();
        for &(at, status) in history {
            match spans.last_mut() {
                Some(last) if last.2 == status.state => continue,
                Some(last) => last.1 = at,
                None => {}
            }
            spans.push((at, self.until, status.state));
        }
        spans
    }

    /// The trace as the format's JSON value (`renewal-lab-trace/1`).
    pub fn to_json_value(&self, scenario: &Scenario) -> serde_json::Value {
        serde_json::to_value(TraceJson {
            trace: self,
            scenario,
        })
        .unwrap_or_default()
    }
}

/// Serializes a trace in the trace format; needs the scenario for resource ids.
pub struct TraceJson<'a> {
    /// The trace.
    pub trace: &'a Trace,
    /// Its scenario.
    pub scenario: &'a Scenario,
}

impl Serialize for TraceJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let TraceJson { trace, scenario } = *self;
        let events: Vec<EventJson> = trace
            .events
            .iter()
            .map(|event| EventJson {
                event,
                scenario,
                offset: trace.offset,
            })
            .collect();
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("format", FORMAT)?;
        map.serialize_entry("tier", &trace.tier)?;
        map.serialize_entry("events", &events)?;
        map.serialize_entry("final", &FinalJson { trace, scenario })?;
        map.end()
    }
}

struct FinalJson<'a> {
    trace: &'a Trace,
    scenario: &'a Scenario,
}

impl Serialize for FinalJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let snapshot = self.trace.final_snapshot();
        let offset = self.trace.offset;
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("at", &snapshot.at.rfc3339(offset))?;
        map.serialize_entry("balance", &snapshot.balance.to_string())?;
        let resources: Vec<(&str, ResourceFinal)> = self
            .scenario
            .resources
            .iter()
            .zip(&snapshot.resources)
            .filter_map(|(r, status)| {
                Some((
                    r.id.as_str(),
                    ResourceFinal {
                        status: (*status)?,
                        offset,
                    },
                ))
            })
            .collect();
        map.serialize_entry("resources", &OrderedMap(&resources))?;
        map.end()
    }
}

struct OrderedMap<'a, V>(&'a [(&'a str, V)]);

impl<V: Serialize> Serialize for OrderedMap<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

struct ResourceFinal {
    status: ResourceStatus,
    offset: Offset,
}

impl Serialize for ResourceFinal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("state", self.status.state.as_str())?;
        if let Some(expires) = self.status.expires() {
            map.serialize_entry("expires", &expires.rfc3339(self.offset))?;
        }
        map.end()
    }
}

struct EventJson<'a> {
    event: &'a Event,
    scenario: &'a Scenario,
    offset: Offset,
}

impl Serialize for EventJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Event { at, resource, kind } = *self.event;
        let time = |t: Time| t.rfc3339(self.offset);
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("at", &time(at))?;
        if let Some(r) = resource.and_then(|r| self.scenario.resources.get(r)) {
            map.serialize_entry("resource", &r.id)?;
        }
        map.serialize_entry("kind", kind.name())?;
        match kind {
            EventKind::Purchased {
                expires,
                hourly_rate,
                balance,
            } => {
                if let Some(expires) = expires {
                    map.serialize_entry("expires", &time(expires))?;
                }
                if let Some(rate) = hourly_rate {
                    map.serialize_entry("hourly_rate", &rate.to_string())?;
                }
                map.serialize_entry("balance", &balance.to_string())?;
            }
            EventKind::StateChanged { from, to } => {
                map.serialize_entry("from", from.as_str())?;
                map.serialize_entry("to", to.as_str())?;
            }
            EventKind::AutoRenewAttempt {
                failure,
                price,
                balance,
                ..
            } => {
                map.serialize_entry(
                    "outcome",
                    if failure.is_some() {
                        "failed"
                    } else {
                        "succeeded"
                    },
                )?;
                if let Some(reason) = failure {
                    map.serialize_entry("reason", reason.as_str())?;
                }
                map.serialize_entry("price", &price.to_string())?;
                map.serialize_entry("balance", &balance.to_string())?;
            }
            // (`price` is not in the format: the attempt before an automatic renewal has it.)
            EventKind::Renewed {
                source,
                term,
                expires,
                balance,
                ..
            } => {
                map.serialize_entry(
                    "source",
                    if source == RenewSource::Auto {
                        "auto"
                    } else {
                        "manual"
                    },
                )?;
                map.serialize_entry("term", &term.to_string())?;
                map.serialize_entry("expires", &time(expires))?;
                map.serialize_entry("balance", &balance.to_string())?;
            }
            EventKind::TopUp { amount, balance } => {
                map.serialize_entry("amount", &amount.to_string())?;
                map.serialize_entry("balance", &balance.to_string())?;
            }
            EventKind::AutoRenewChanged {
                settings,
                times_used,
            } => {
                map.serialize_entry("enabled", &settings.enabled)?;
                map.serialize_entry("days_before", &settings.days_before)?;
                map.serialize_entry("term", &settings.term.to_string())?;
                map.serialize_entry("times", &settings.times)?;
                if times_used {
                    map.serialize_entry("reason", "times_used")?;
                }
            }
            EventKind::ActionRejected { action, reason, .. } => {
                map.serialize_entry("action", action.as_str())?;
                map.serialize_entry("reason", reason.as_str())?;
            }
            EventKind::Reminder { notice, due } => {
                map.serialize_entry("notice", notice.name())?;
                map.serialize_entry("days", &notice.days())?;
                let field = match notice {
                    Notice::Expiry { .. } => "expires",
                    Notice::Release { .. } => "releases",
                };
                map.serialize_entry(field, &time(due))?;
                if let Some(r) = resource.and_then(|r| self.scenario.resources.get(r)) {
                    let message = crate::explain::reminder_message(notice, due, r);
                    map.serialize_entry("message", &message)?;
                }
            }
        }
        map.end()
    }
}
