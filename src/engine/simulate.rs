//! The simulator: a sans-IO state machine driven from instant to instant.
//!
//! Like quinn-proto's `poll_timeout`/`handle_timeout`, [`Simulator::next_instant`] says when
//! something happens next and [`Simulator::advance_to`] makes everything at that instant happen, in
//! the order of §8: each resource in scenario order (purchase, transition, charge or attempt), then
//! the customer's actions. [`simulate`] just runs that loop to `until`.

use super::money::Cents;
use super::policy::{BillingMode, ModeDays};
use super::scenario::{ActionKind, AutoRenew, FieldError, ResourceKind, Scenario};
use super::term::Term;
use super::time::{extend_expiry, purchase_expiry, Time, SECS_PER_DAY, SECS_PER_HOUR};
use super::trace::{
    ActionName, Event, EventKind, Meter, Notice, Rejection, RenewSource, ResourceStatus, Shortfall,
    State, Trace,
};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The indices `0..len` in the order a stable sort by `cmp` puts them (ties by index).
///
/// Every sort of the web build goes through this one non-generic function, a bottom-up merge
/// sort of a few lines: the standard library's sort costs 4 KB of wasm, once per element type
/// and comparison.
pub fn stable_order(len: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                // Ties go to the left run, which holds the smaller indices: the sort is stable.
                let from_left = right == end
                    || (left < mid && cmp(order[right], order[left]) != std::cmp::Ordering::Less);
                if from_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// The hour of day (local) at which automatic renewals are attempted.
pub const ATTEMPT_HOUR: u32 = 3;
/// The hour of day (local) at which reminders are sent.
pub const REMINDER_HOUR: u32 = 9;
/// Expiry reminders: calendar days before the expiry date `X` (0 = on it).
pub const EXPIRY_REMINDER_DAYS: [u8; 3] = [5, 2, 0];
/// Release reminders: calendar days before the release date (1 = the last day before it).
pub const RELEASE_REMINDER_DAYS: [u8; 3] = [6, 2, 1];

/// Simulates `scenario` for its own tier.
pub fn simulate(scenario: &Scenario) -> Trace {
    simulate_tier(scenario, &scenario.tier)
}

/// Simulates `scenario` for `tier` (a tier of its policy; an unknown tier gets zero-day periods).
pub fn simulate_tier(scenario: &Scenario, tier: &str) -> Trace {
    Simulator::new(scenario, tier).run()
}

/// Simulates `scenario` for every tier of its policy, in the policy's order.
pub fn simulate_all_tiers(scenario: &Scenario) -> Vec<Trace> {
    simulate_all_tiers_within(scenario, usize::MAX).unwrap_or_default()
}

/// Like [`simulate_all_tiers`], unless the traces together would hold more than `max_events`
/// events: then `None`, as soon as that is known. The number of events is not bounded by the
/// file's size alone (50 pay-per-use resources falling into arrears and recovering at each of
/// 10,000 top-ups make millions), so a caller that must stay responsive bounds its work here.
pub fn simulate_all_tiers_within(scenario: &Scenario, max_events: usize) -> Option<Vec<Trace>> {
    let mut traces: Vec<Trace> = Vec::new();
    let mut budget = max_events;
    // The actions' order is the same in every tier: sorted once.
    let order = action_order(scenario);
    for tier in scenario.policy.tier_names() {
        let mut sim = Simulator::with_order(scenario, tier, Cow::Borrowed(&order));
        // Tiers differ only in their periods, so the previous tier's trace is a close guess at
        // the size of this one's. Reserving its lists up front spares growing them by
        // doublings, each a reallocation and a copy.
        if let Some(previous) = traces.last() {
            sim.events.reserve(previous.events.len());
            sim.balances.reserve(previous.balances.len());
            for (history, previous) in sim.history.iter_mut().zip(&previous.history) {
                history.reserve(previous.len());
            }
        }
        let trace = sim.run_within(budget)?;
        budget -= trace.events.len();
        traces.push(trace);
    }
    Some(traces)
}

/// The indices of `scenario`'s actions in time order, ties in file order (§8).
fn action_order(scenario: &Scenario) -> Vec<usize> {
    stable_order(scenario.actions.len(), &|a, b| {
        scenario.actions[a].at.cmp(&scenario.actions[b].at)
    })
}

/// The problem a caller reports when [`simulate_all_tiers_within`] gives up at `max_events`: put
/// on `until`, as ending the run earlier is the usual remedy.
pub fn too_many_events(max_events: usize) -> FieldError {
    FieldError::new(
        "until",
        format!(
            "more than {max_events} events over all the tiers, too many for the app to draw: end \
             the run earlier or remove actions (renewal-cli has no such limit)"
        ),
    )
}

/// One resource while the simulation runs.
#[derive(Clone, Debug)]
struct Live {
    started: bool,
    state: State,
    /// Package: expiry date `X`.
    expiry: Option<Expiry>,
    auto: AutoRenew,
    next_attempt: Option<Time>,
    next_change: Option<(Time, State)>,
    /// Pay-per-use: when the current arrears began.
    arrears_since: Option<Time>,
    days: ModeDays,
    meter: Option<Meter>,
    changed: bool,
    /// Package: the last automatic attempt for the current expiry date failed.
    attempt_failed: bool,
}

impl Live {
    fn status(&self) -> ResourceStatus {
        ResourceStatus {
            state: self.state,
            expiry: self.expiry.map(|x| x.date),
            auto_renew: self.expiry.map(|_| self.auto),
            next_attempt: self.next_attempt,
            next_change: self.next_change,
        }
    }

    fn chargeable(&self) -> Option<Meter> {
        self.meter
            .filter(|_| self.started && self.state.is_usable())
    }

    /// The reminders this resource would receive as things stand: expiry notices while
    /// `available` with auto-renew off or its last attempt for this expiry date failed; release
    /// notices while `expired` or `frozen`. `None` otherwise.
    ///
    /// Asked for every resource touched at every instant, so it builds nothing per reminder.
    fn reminder_schedule(&self) -> Option<ReminderSchedule> {
        match self.state {
            State::Available => {
                let x = self
                    .expiry
                    .filter(|_| self.started && (!self.auto.enabled || self.attempt_failed))?;
                Some(ReminderSchedule {
                    base: x.days_before(0, REMINDER_HOUR),
                    days: EXPIRY_REMINDER_DAYS,
                    // Auto-renew on here means its last attempt failed: the notice says so.
                    notice: Notice::Expiry {
                        days: 0,
                        unpaid: self.auto.enabled,
                    },
                    due: x.last_second(),
                })
            }
            State::Expired | State::Frozen => {
                let anchor = self.expiry.map(Expiry::moment).or(self.arrears_since)?;
                let release = self.days.lapse(anchor).released;
                Some(ReminderSchedule {
                    base: Time::at_hour(release.date(), REMINDER_HOUR),
                    days: RELEASE_REMINDER_DAYS,
                    notice: Notice::Release { days: 0 },
                    due: release,
                })
            }
            State::Released => None,
        }
    }

    /// The reminder due at exactly `t`, if any: `(notice, due)`.
    fn reminder_at(&self, t: Time) -> Option<(Notice, Time)> {
        let schedule = self.reminder_schedule()?;
        let (days, _) = schedule.instants().find(|(_, at)| *at == t)?;
        Some((schedule.notice.with_days(days), schedule.due))
    }

    /// The first reminder strictly after `t`, as things stand.
    fn next_reminder_after(&self, t: Time) -> Option<Time> {
        let schedule = self.reminder_schedule()?;
        schedule.instants().map(|(_, at)| at).find(|at| *at > t)
    }
}

/// The reminders a resource would receive as things stand (see [`Live::reminder_schedule`]).
#[derive(Clone, Copy)]
struct ReminderSchedule {
    /// `REMINDER_HOUR` on the date warned of: the instant the reminders count back from.
    base: Time,
    /// How many calendar days before `base` each reminder comes, descending (instants ascend).
    days: [u8; 3],
    /// The notice sent, its `days` filled in for each reminder.
    notice: Notice,
    /// The instant warned of: the last second of service, or the release.
    due: Time,
}

impl ReminderSchedule {
    /// Each reminder's days before `base` and its instant, in time order.
    fn instants(self) -> impl Iterator<Item = (u8, Time)> {
        let base = self.base;
        self.days
            .into_iter()
            .map(move |days| (days, base.plus_days(-i64::from(days))))
    }
}

/// Sorts `list` ascending and drops repeats. For the resources touched at an instant, a short
/// list already nearly in order (the heap yields them by index), insertion sort is linear, and
/// far less code in the web build than the general sort.
fn sort_dedup(list: &mut Vec<usize>) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && list[j - 1] > list[j] {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
    list.dedup();
}

/// After a lapse begins at `anchor` (expiry moment or start of arrears), the next timed transition
/// from `state`: the instant and the state it leads to, skipping periods of zero days.
fn next_lapse_change(state: State, anchor: Time, days: ModeDays) -> Option<(Time, State)> {
    let lapse = days.lapse(anchor);
    let boundaries = [
        (anchor, State::Expired),
        (lapse.frozen, State::Frozen),
        (lapse.released, State::Released),
    ];
    let (at, _) = *boundaries.iter().find(|(_, s)| *s > state)?;
    let target = boundaries
        .iter()
        .filter(|(t, _)| *t <= at)
        .map(|(_, s)| *s)
        .max()?;
    Some((at, target))
}

/// A package's expiry date `X` with its midnight, from which the rules reckon every instant
/// tied to `X` (expiry moment, attempt window, reminders). Worked out once per expiry date.
#[derive(Clone, Copy, Debug)]
struct Expiry {
    date: NaiveDate,
    /// `X` 00:00:00.
    midnight: Time,
}

impl Expiry {
    fn new(date: NaiveDate) -> Self {
        Expiry {
            date,
            midnight: Time::midnight(date),
        }
    }

    /// `X` 23:59:59, the last second the package is valid.
    fn last_second(self) -> Time {
        self.midnight.plus_secs(SECS_PER_DAY - 1)
    }

    /// The expiry moment `E`: the next midnight.
    fn moment(self) -> Time {
        self.midnight.plus_days(1)
    }

    /// `hour`:00:00 on the calendar day `days` before `X`.
    fn days_before(self, days: u8, hour: u32) -> Time {
        self.midnight
            .plus_days(-i64::from(days))
            .plus_secs(i64::from(hour) * SECS_PER_HOUR)
    }
}

/// The next automatic attempt for expiry date `x` as seen at `now` (§6): the window's first
/// 03:00 if it has not opened yet, else the next 03:00 strictly after `now`, if on or before `x`.
fn next_attempt_from(now: Time, x: Expiry, days_before: u8) -> Option<Time> {
    let first = x.days_before(days_before, ATTEMPT_HOUR);
    if now < first {
        return Some(first);
    }
    let next = now.next_hour_of_day_after(ATTEMPT_HOUR);
    (next < x.moment()).then_some(next)
}

/// The deterministic lifecycle state machine of one scenario under one tier.
pub struct Simulator<'a> {
    scenario: &'a Scenario,
    tier: String,
    live: Vec<Live>,
    /// Action indices in time order, ties in file order.
    order: Cow<'a, [usize]>,
    next_action: usize,
    balance: Cents,
    /// Every hourly charge at or before `now` has been made.
    now: Time,
    done: bool,
    events: Vec<Event>,
    history: Vec<Vec<(Time, ResourceStatus)>>,
    balances: Vec<(Time, Cents)>,
    /// Per resource, its own next instant (start, transition, attempt or reminder); `Time::MAX`
    /// if none.
    due: Vec<Time>,
    /// `(due[r], r)` for every resource with a due instant, earliest first (ties in scenario
    /// order), so the next instant is found without scanning every resource. A reschedule pushes
    /// the new instant and leaves the old entry behind; an entry is current while it still matches
    /// `due`, and the top is always current (see [`Self::drop_stale`]).
    queue: BinaryHeap<Reverse<(Time, usize)>>,
    /// Indices of the pay-per-use resources.
    metered: Vec<usize>,
    /// Resources stepped or acted on at the current instant, each once.
    touched: Vec<usize>,
    /// Per resource: whether it is in `touched` (so ten thousand top-ups at one instant list
    /// every metered resource once, not ten thousand times).
    is_touched: Vec<bool>,
}

impl<'a> Simulator<'a> {
    /// A simulator at the instant before the earliest start.
    pub fn new(scenario: &'a Scenario, tier: &str) -> Self {
        Self::with_order(scenario, tier, Cow::Owned(action_order(scenario)))
    }

    /// [`Self::new`] with the scenario's [`action_order`] already worked out.
    fn with_order(scenario: &'a Scenario, tier: &str, order: Cow<'a, [usize]>) -> Self {
        let days = scenario.policy.tier(tier).unwrap_or_default();
        let live = scenario
            .resources
            .iter()
            .map(|r| {
                let (auto, meter) = match r.kind {
                    ResourceKind::Package { auto_renew, .. } => (auto_renew, None),
                    ResourceKind::PayPerUse { hourly_rate } => (
                        AutoRenew {
                            enabled: false,
                            ..AutoRenew::default()
                        },
                        Some(Meter {
                            start: r.start,
                            rate: hourly_rate,
                        }),
                    ),
                };
                Live {
                    started: false,
                    state: State::Available,
                    expiry: None,
                    auto,
                    next_attempt: None,
                    next_change: None,
                    arrears_since: None,
                    days: days.for_mode(r.billing()),
                    meter,
                    changed: false,
                    attempt_failed: false,
                }
            })
            .collect();
        Simulator {
            scenario,
            tier: tier.to_string(),
            live,
            order,
            next_action: 0,
            balance: scenario.balance,
            now: scenario.start().plus_secs(-1),
            done: false,
            events: Vec::new(),
            history: vec![Vec::new(); scenario.resources.len()],
            balances: vec![(Time::from_secs(i64::MIN), scenario.balance)],
            due: scenario.resources.iter().map(|r| r.start).collect(),
            queue: scenario
                .resources
                .iter()
                .enumerate()
                .map(|(r, resource)| Reverse((resource.start, r)))
                .collect(),
            metered: (0..scenario.resources.len())
                .filter(|&r| scenario.resources[r].billing() == BillingMode::PayPerUse)
                .collect(),
            touched: Vec::new(),
            is_touched: vec![false; scenario.resources.len()],
        }
    }

    /// Runs to `until` and returns the trace.
    fn run(mut self) -> Trace {
        while let Some(t) = self.next_instant() {
            self.happen_at(t);
        }
        self.finish()
    }

    /// [`Self::run`], or `None` once the trace holds more than `max_events` events.
    fn run_within(mut self, max_events: usize) -> Option<Trace> {
        while let Some(t) = self.next_instant() {
            self.happen_at(t);
            if self.events.len() > max_events {
                return None;
            }
        }
        Some(self.finish())
    }

    /// The next instant at which something happens, or `None` once `until` is done.
    pub fn next_instant(&self) -> Option<Time> {
        if self.done {
            return None;
        }
        let until = self.scenario.until;
        let mut next = self
            .queue
            .peek()
            .map_or(until, |&Reverse((at, _))| at.min(until));
        if let Some(&i) = self.order.get(self.next_action) {
            next = next.min(self.scenario.actions[i].at);
        }
        if let Some(t) = self.arrears_candidate(next) {
            next = next.min(t);
        }
        Some(next.max(self.now.plus_secs(1)))
    }

    /// The first hourly charge in `(now, before)` that would need the instant-by-instant rules:
    /// one that leaves the balance below zero while some pay-per-use resource is available.
    fn arrears_candidate(&self, before: Time) -> Option<Time> {
        let any_available = self
            .metered
            .iter()
            .any(|&r| self.live[r].started && self.live[r].state == State::Available);
        if !any_available || before <= self.now.plus_secs(1) {
            return None;
        }
        let last = before.plus_secs(-1);
        if self.balance.is_negative() {
            // Any charge of an available resource now leaves the balance below zero.
            return self
                .metered
                .iter()
                .map(|&r| &self.live[r])
                .filter(|l| l.started && l.state == State::Available)
                .filter_map(|l| l.meter)
                .map(|m| {
                    Time::from_secs(
                        m.start.secs() + (m.ticks(m.start, self.now) + 1) * SECS_PER_HOUR,
                    )
                })
                .filter(|t| *t <= last)
                .min();
        }
        let after = |t: Time| self.balance.minus(self.charges(self.now, t));
        if !after(last).is_negative() {
            return None;
        }
        // The balance only falls between instants, so the first charge that takes it below zero is
        // found by bisection over seconds.
        let (mut lo, mut hi) = (self.now.secs(), last.secs());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if after(Time::from_secs(mid)).is_negative() {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(Time::from_secs(hi))
    }

    /// Hourly charges of the resources now chargeable, in `(from, to]`.
    fn charges(&self, from: Time, to: Time) -> Cents {
        self.metered
            .iter()
            .filter_map(|&r| self.live[r].chargeable())
            .map(|m| m.rate.times(m.ticks(from, to)))
            .fold(Cents::ZERO, Cents::plus)
    }

    /// Moves the simulation to `t` and makes everything at `t` happen; never past
    /// [`Self::next_instant`], whose events must come first (the caller asks again).
    pub fn advance_to(&mut self, t: Time) {
        if let Some(next) = self.next_instant() {
            self.happen_at(t.min(next));
        }
    }

    /// [`Self::advance_to`] for a `t` not after the next instant (the run's own loop, which has
    /// just asked for it).
    fn happen_at(&mut self, t: Time) {
        if self.done || t <= self.now {
            return;
        }
        let t = t.min(self.scenario.until);
        // Hourly charges strictly before `t` change no state (next_instant stops at any that would).
        self.balance = self.balance.minus(self.charges(self.now, t.plus_secs(-1)));
        self.now = t;
        // §8 step 1: the resources due now and the meters that tick now, in scenario order.
        while let Some(&Reverse((at, r))) = self.queue.peek() {
            if at != t {
                break;
            }
            self.queue.pop();
            if self.due[r] == t {
                self.touch(r);
            }
        }
        for i in 0..self.metered.len() {
            let r = self.metered[i];
            if self.live[r].meter.is_some_and(|m| m.ticks_at(t)) {
                self.touch(r);
            }
        }
        sort_dedup(&mut self.touched);
        for i in 0..self.touched.len() {
            self.resource_step(self.touched[i], t);
        }
        while let Some(&i) = self.order.get(self.next_action) {
            let action = &self.scenario.actions[i];
            if action.at != t {
                break;
            }
            self.next_action += 1;
            match action.kind.resource() {
                Some(r) => self.touch(r),
                None => {
                    for i in 0..self.metered.len() {
                        self.touch(self.metered[i]);
                    }
                }
            }
            self.apply_action(&action.kind, t);
        }
        self.record(t);
        if t >= self.scenario.until {
            self.done = true;
        }
    }

    /// Lists resource `r` as touched at the current instant, once.
    fn touch(&mut self, r: usize) {
        if !std::mem::replace(&mut self.is_touched[r], true) {
            self.touched.push(r);
        }
    }

    /// The trace, once `next_instant` has returned `None`.
    pub fn finish(self) -> Trace {
        Trace {
            tier: self.tier,
            offset: self.scenario.offset,
            start: self.scenario.start(),
            until: self.scenario.until,
            events: self.events,
            history: self.history,
            balances: self.balances,
            meters: self.live.iter().map(|l| l.meter).collect(),
            hides_future: false,
        }
    }

    /// Closes instant `t`: appends changed statuses and the balance, and reschedules.
    fn record(&mut self, t: Time) {
        sort_dedup(&mut self.touched);
        for &r in &self.touched {
            let live = &mut self.live[r];
            if live.changed {
                live.changed = false;
                self.history[r].push((t, live.status()));
            }
            let due = if live.started {
                let change = live.next_change.map_or(Time::MAX, |c| c.0);
                let reminder = live.next_reminder_after(t).unwrap_or(Time::MAX);
                change
                    .min(live.next_attempt.unwrap_or(Time::MAX))
                    .min(reminder)
            } else {
                self.scenario.resources[r].start
            };
            // Everything scheduled lies after `t`. So a resource that was due at `t` (its entry
            // popped in `happen_at`) always gets a new entry, and one whose instant is unchanged
            // still has its entry on the queue.
            debug_assert!(due > t, "resource {r} rescheduled at or before {t:?}");
            if due != self.due[r] {
                self.due[r] = due;
                if due != Time::MAX {
                    self.queue.push(Reverse((due, r)));
                }
            }
        }
        for &r in &self.touched {
            self.is_touched[r] = false;
        }
        self.touched.clear();
        self.drop_stale();
        self.balances.push((t, self.balance));
    }

    /// Pops entries left behind by reschedules until the queue's top is current.
    fn drop_stale(&mut self) {
        while let Some(&Reverse((at, r))) = self.queue.peek() {
            if self.due[r] == at {
                break;
            }
            self.queue.pop();
        }
    }

    fn emit(&mut self, at: Time, resource: Option<usize>, kind: EventKind) {
        self.events.push(Event { at, resource, kind });
    }

    /// §8 step 1 for one resource: purchase, transition, then charge or attempt, then a reminder
    /// (judged on the state those left).
    fn resource_step(&mut self, r: usize, t: Time) {
        let resource = &self.scenario.resources[r];
        if !self.live[r].started {
            if resource.start != t {
                return;
            }
            self.purchase(r, t);
        } else if let Some((at, to)) = self.live[r].next_change {
            if at == t {
                self.transition(r, t, to);
            }
        }
        let live = &self.live[r];
        if live.started && live.next_attempt == Some(t) {
            self.attempt(r, t, false);
        }
        if let Some(meter) = self.live[r].chargeable() {
            if meter.ticks_at(t) {
                self.balance = self.balance.minus(meter.rate);
                if self.balance.is_negative() && self.live[r].state == State::Available {
                    self.enter_arrears(r, t);
                }
            }
        }
        // Reminders are only ever at REMINDER_HOUR:00:00 local; most instants are not.
        if t.second_of_day() != i64::from(REMINDER_HOUR) * 3_600 {
            return;
        }
        if let Some((notice, due)) = self.live[r].reminder_at(t) {
            self.emit(t, Some(r), EventKind::Reminder { notice, due });
        }
    }

    fn purchase(&mut self, r: usize, t: Time) {
        let live = &mut self.live[r];
        live.started = true;
        live.changed = true;
        let kind = match self.scenario.resources[r].kind {
            ResourceKind::Package { term, .. } => {
                let x = Expiry::new(purchase_expiry(t, term.months()));
                live.expiry = Some(x);
                live.next_change = next_lapse_change(State::Available, x.moment(), live.days);
                live.next_attempt = live
                    .auto
                    .enabled
                    .then(|| next_attempt_from(t, x, live.auto.days_before))
                    .flatten();
                EventKind::Purchased {
                    expires: Some(x.last_second()),
                    hourly_rate: None,
                    balance: self.balance,
                }
            }
            ResourceKind::PayPerUse { hourly_rate } => EventKind::Purchased {
                expires: None,
                hourly_rate: Some(hourly_rate),
                balance: self.balance,
            },
        };
        self.emit(t, Some(r), kind);
    }

    /// Moves resource `r` to `to` at `t` and schedules what follows.
    fn transition(&mut self, r: usize, t: Time, to: State) {
        let live = &mut self.live[r];
        let from = live.state;
        live.state = to;
        live.changed = true;
        let anchor = live.expiry.map(Expiry::moment).or(live.arrears_since);
        live.next_change = anchor.and_then(|a| next_lapse_change(to, a, live.days));
        if to != State::Available {
            live.next_attempt = None;
        }
        self.emit(t, Some(r), EventKind::StateChanged { from, to });
    }

    fn enter_arrears(&mut self, r: usize, t: Time) {
        let live = &mut self.live[r];
        live.arrears_since = Some(t);
        if let Some((_, to)) = next_lapse_change(State::Available, t, live.days) {
            self.transition(r, t, to);
        }
    }

    /// An auto-renew attempt of `r` at `t`: one of the 03:00 window's, or the one made at once
    /// as auto-renew is `switched_on` on the expiry date.
    fn attempt(&mut self, r: usize, t: Time, switched_on: bool) {
        let term = self.live[r].auto.term;
        let Some(price) = self.scenario.resources[r].price(term) else {
            return;
        };
        if self.balance < price {
            self.emit(
                t,
                Some(r),
                EventKind::AutoRenewAttempt {
                    failure: Some(Rejection::InsufficientBalance),
                    price,
                    balance: self.balance,
                    switched_on,
                },
            );
            let live = &mut self.live[r];
            live.changed = true;
            live.attempt_failed = true;
            live.next_attempt = live
                .expiry
                .and_then(|x| next_attempt_from(t, x, live.auto.days_before));
            return;
        }
        self.balance = self.balance.minus(price);
        self.emit(
            t,
            Some(r),
            EventKind::AutoRenewAttempt {
                failure: None,
                price,
                balance: self.balance,
                switched_on,
            },
        );
        self.renew(r, t, term, price, RenewSource::Auto);
        let live = &mut self.live[r];
        if live.auto.times > 0 {
            live.auto.times -= 1;
            if live.auto.times == 0 {
                live.auto.enabled = false;
                live.next_attempt = None;
                let settings = live.auto;
                self.emit(
                    t,
                    Some(r),
                    EventKind::AutoRenewChanged {
                        settings,
                        times_used: true,
                    },
                );
            }
        }
    }

    /// Moves the expiry date by `term` (already paid `price`) and reschedules; restores a lapsed
    /// package.
    fn renew(&mut self, r: usize, t: Time, term: Term, price: Cents, source: RenewSource) {
        let live = &mut self.live[r];
        let Some(x) = live.expiry else { return };
        let x = Expiry::new(extend_expiry(x.date, term.months()));
        live.expiry = Some(x);
        live.changed = true;
        live.attempt_failed = false;
        live.next_attempt = live
            .auto
            .enabled
            .then(|| next_attempt_from(t, x, live.auto.days_before))
            .flatten();
        let balance = self.balance;
        self.emit(
            t,
            Some(r),
            EventKind::Renewed {
                source,
                term,
                expires: x.last_second(),
                price,
                balance,
            },
        );
        if self.live[r].state != State::Available {
            self.transition(r, t, State::Available);
        }
        let live = &mut self.live[r];
        live.next_change = next_lapse_change(State::Available, x.moment(), live.days);
    }

    /// Records a refused act; `shortfall` when it was a renewal the balance could not pay.
    fn reject(
        &mut self,
        t: Time,
        r: usize,
        action: ActionName,
        reason: Rejection,
        shortfall: Option<Shortfall>,
    ) {
        let kind = EventKind::ActionRejected {
            action,
            reason,
            shortfall,
        };
        self.emit(t, Some(r), kind);
    }

    fn apply_action(&mut self, kind: &ActionKind, t: Time) {
        match *kind {
            ActionKind::TopUp { amount } => {
                self.balance = self.balance.plus(amount);
                self.emit(
                    t,
                    None,
                    EventKind::TopUp {
                        amount,
                        balance: self.balance,
                    },
                );
                if !self.balance.is_negative() {
                    for r in 0..self.live.len() {
                        let live = &self.live[r];
                        if live.meter.is_some()
                            && matches!(live.state, State::Expired | State::Frozen)
                        {
                            self.live[r].arrears_since = None;
                            self.transition(r, t, State::Available);
                        }
                    }
                }
            }
            ActionKind::Renew { resource: r, term } => {
                let live = &self.live[r];
                let Some(x) = live.expiry.filter(|_| live.state != State::Released) else {
                    let reason = if live.state == State::Released {
                        Rejection::Released
                    } else {
                        Rejection::NotPackage
                    };
                    return self.reject(t, r, ActionName::Renew, reason, None);
                };
                if Time::end_of_day(extend_expiry(x.date, term.months())) <= t {
                    return self.reject(t, r, ActionName::Renew, Rejection::TermTooShort, None);
                }
                let price = self.scenario.resources[r].price(term).unwrap_or_default();
                if self.balance < price {
                    let shortfall = Shortfall {
                        price,
                        balance: self.balance,
                    };
                    let reason = Rejection::InsufficientBalance;
                    return self.reject(t, r, ActionName::Renew, reason, Some(shortfall));
                }
                self.balance = self.balance.minus(price);
                self.renew(r, t, term, price, RenewSource::Manual);
            }
            ActionKind::SetAutoRenew {
                resource: r,
                enabled,
                days_before,
                term,
                times,
            } => {
                let live = &mut self.live[r];
                if self.scenario.resources[r].billing() == BillingMode::PayPerUse {
                    return self.reject(
                        t,
                        r,
                        ActionName::SetAutoRenew,
                        Rejection::NotPackage,
                        None,
                    );
                }
                let Some(x) = live.expiry.filter(|_| live.state == State::Available) else {
                    return self.reject(
                        t,
                        r,
                        ActionName::SetAutoRenew,
                        Rejection::NotAvailable,
                        None,
                    );
                };
                let switched_on = enabled && !live.auto.enabled;
                live.auto.enabled = enabled;
                live.auto.days_before = days_before.unwrap_or(live.auto.days_before);
                live.auto.term = term.unwrap_or(live.auto.term);
                live.auto.times = times.unwrap_or(live.auto.times);
                live.changed = true;
                let settings = live.auto;
                let on_expiry_day_late = t.date() == x.date && t >= x.days_before(0, ATTEMPT_HOUR);
                live.next_attempt = enabled
                    .then(|| next_attempt_from(t, x, settings.days_before))
                    .flatten();
                self.emit(
                    t,
                    Some(r),
                    EventKind::AutoRenewChanged {
                        settings,
                        times_used: false,
                    },
                );
                if switched_on && on_expiry_day_late {
                    // Documented special case: switched on on the expiry date at or after 03:00,
                    // one attempt is made at once.
                    self.attempt(r, t, true);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{sort_dedup, Simulator};
    use crate::engine::{Scenario, Time};

    #[test]
    fn a_driver_asking_for_a_later_time_gets_each_instant_in_turn() {
        // A driver that asks for the far future at every step still sees every instant happen
        // in its turn: the same trace as the simulation's own loop (arrears, recoveries,
        // renewals, releases).
        for file in [
            include_str!("../../scenarios/pay-per-use-arrears.json"),
            include_str!("../../scenarios/two-packages-one-balance.json"),
            include_str!("../../scenarios/renewed-in-retention.json"),
        ] {
            let scenario = Scenario::from_json(file).unwrap();
            let mut driven = Simulator::new(&scenario, &scenario.tier);
            while driven.next_instant().is_some() {
                driven.advance_to(Time::MAX);
            }
            assert_eq!(
                driven.finish(),
                super::simulate(&scenario),
                "{}",
                scenario.name
            );
        }
    }

    #[test]
    fn a_resource_is_touched_once_per_instant_however_many_actions_name_it() {
        // Two pay-per-use resources and a package; many top-ups at one instant touch both meters.
        let json = r#"{ "format": "renewal-lab/1", "tier": "V3", "resources": [
            { "id": "a", "billing": "pay_per_use", "start": "2026-01-01T00:00:00", "hourly_rate": "1" },
            { "id": "p", "billing": "package", "start": "2026-01-01T00:00:00", "term": "1m",
              "prices": { "month": "1", "year": "10" } },
            { "id": "b", "billing": "pay_per_use", "start": "2026-01-01T00:00:00", "hourly_rate": "1" } ],
            "actions": [], "until": "2026-01-02T00:00:00" }"#;
        let scenario = Scenario::from_json(json).expect("valid");
        let mut sim = Simulator::new(&scenario, "V3");
        for _ in 0..1000 {
            for r in [2, 0, 2, 0] {
                sim.touch(r);
            }
        }
        sim.touch(1);
        assert_eq!(sim.touched, [2, 0, 1]);
    }

    #[test]
    fn stable_order_matches_a_stable_sort() {
        // Lengths 0 to 70 (runs of every parity), keys with many ties, from a fixed generator.
        let mut seed = 7_u64;
        for len in 0..=70 {
            let keys: Vec<u64> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    (seed >> 33) % 6
                })
                .collect();
            let mut expected: Vec<usize> = (0..len).collect();
            expected.sort_by_key(|&i| keys[i]);
            let order = super::stable_order(len, &|a, b| keys[a].cmp(&keys[b]));
            assert_eq!(order, expected, "{keys:?}");
        }
    }

    #[test]
    fn touched_lists_come_out_sorted_without_repeats() {
        // input, expected
        let cases: [(&[usize], &[usize]); 6] = [
            (&[], &[]),
            (&[3], &[3]),
            (&[0, 1, 2], &[0, 1, 2]),
            (&[2, 0, 1, 0], &[0, 1, 2]),
            (&[5, 5, 5], &[5]),
            (&[0, 2, 4, 1, 3, 2, 0], &[0, 1, 2, 3, 4]),
        ];
        for (input, expected) in cases {
            let mut list = input.to_vec();
            sort_dedup(&mut list);
            assert_eq!(list, expected, "{input:?}");
        }
    }
}
