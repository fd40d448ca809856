//! What-if: branch a scenario with one change and find where the two runs first part ways.
//!
//! Pure and deterministic (no browser imports), tested natively. A [`Variation`] turns the
//! current document into a branched one (or is refused with a [`Refusal`]); both are simulated and
//! [`first_divergence`] compares them lane by lane (tier × resource): the first instant at which
//! the resource's events or its state differ. The choices are documented in `docs/what-if.md`.

use crate::engine::doc::{ActionDoc, ActionVerb, AmountDoc, AutoRenewDoc};
use crate::engine::{
    BillingMode, Cents, Event, EventKind, FieldError, Scenario, ScenarioDoc, State, Time, Trace,
};
use crate::explain;
use std::fmt;

/// "Top up 20 more": the default extra top-up, in the scenario's money units.
pub const DEFAULT_TOP_UP: Cents = Cents(2_000);
/// "Renew a day later": the default delay of a renewal, in days.
pub const DEFAULT_DELAY_DAYS: i64 = 1;
/// The longest delay offered, in days.
pub const MAX_DELAY_DAYS: i64 = 365;

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Variation {
    /// An extra `top_up` action of `amount` at `at` (the clock's time in the app).
    TopUp {
        /// More than zero.
        amount: Cents,
        /// When (at or after the earliest start, at or before `until`).
        at: Time,
    },
    /// Auto-renew switched on from the start for a package resource, other settings as written
    /// (the format's defaults where left out: 7 days before, `1m`, unlimited).
    AutoRenewOn {
        /// Index into the scenario's resources.
        resource: usize,
    },
    /// The account in another tier of the same policy.
    Tier {
        /// A tier name of the policy, not the scenario's own.
        tier: String,
    },
    /// A `renew` action moved later.
    RenewLater {
        /// Index into the document's actions (file order); must be a `renew`.
        action: usize,
        /// Whole days later (1 to [`MAX_DELAY_DAYS`]).
        days: i64,
    },
}

/// Why a variation does not apply to a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The amount is zero (or above the format's maximum).
    BadAmount,
    /// The amount's text is not an amount: why, in the scenario reader's words.
    UnreadableAmount(String),
    /// The delay is not a whole number of days from 1 to [`MAX_DELAY_DAYS`].
    BadDelay,
    /// No resource at that index.
    NoSuchResource,
    /// Auto-renew on: the scenario has no package (every resource is pay-per-use).
    NoPackage,
    /// Auto-renew only exists for packages.
    PayPerUse(String),
    /// Auto-renew is already on from the start.
    AutoRenewAlreadyOn(String),
    /// The policy has one tier only.
    SingleTier,
    /// That is already the scenario's tier.
    SameTier(String),
    /// The policy has no such tier.
    UnknownTier(String),
    /// The scenario has no `renew` action to delay.
    NoRenewal,
    /// The action at that index is not a `renew`.
    NotARenewal,
    /// The changed or added action would fall after the scenario's end.
    AfterUntil(Time),
    /// The branched document breaks a rule of the format.
    Invalid(FieldError),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::BadAmount => f.write_str("the amount must be more than 0.00"),
            Refusal::UnreadableAmount(reason) => f.write_str(reason),
            Refusal::BadDelay => write!(f, "the delay must be 1 to {MAX_DELAY_DAYS} whole days"),
            Refusal::NoSuchResource => f.write_str("there is no such resource"),
            Refusal::NoPackage => {
                f.write_str("the scenario has no package to switch auto-renew on for")
            }
            Refusal::PayPerUse(id) => write!(f, "{id} is pay-per-use: it has no auto-renew"),
            Refusal::AutoRenewAlreadyOn(id) => write!(f, "auto-renew is already on for {id}"),
            Refusal::SingleTier => f.write_str("the policy has only one tier"),
            Refusal::SameTier(t) => write!(f, "{t} is already the scenario's tier"),
            Refusal::UnknownTier(t) => write!(f, "the policy has no tier {t}"),
            Refusal::NoRenewal => f.write_str("the scenario has no renewal to delay"),
            Refusal::NotARenewal => f.write_str("that action is not a renewal"),
            Refusal::AfterUntil(at) => {
                write!(f, "{} is after the end of the scenario", explain::when(*at))
            }
            Refusal::Invalid(error) => write!(f, "the changed scenario breaks a rule: {error}"),
        }
    }
}

impl Variation {
    /// `doc` (whose validated form is `scenario`) with this one change, validated.
    pub fn apply(
        &self,
        doc: &ScenarioDoc,
        scenario: &Scenario,
    ) -> Result<(ScenarioDoc, Scenario), Refusal> {
        let mut branched = doc.clone();
        match self {
            Variation::TopUp { amount, at } => {
                if *amount <= Cents::ZERO || *amount > crate::engine::money::MAX_AMOUNT {
                    return Err(Refusal::BadAmount);
                }
                if *at > scenario.until {
                    return Err(Refusal::AfterUntil(*at));
                }
                let mut action = ActionDoc::new(at.local_string(), ActionVerb::TopUp);
                action.amount = Some(AmountDoc::text(amount.to_string()));
                branched.actions.push(action);
            }
            Variation::AutoRenewOn { resource } => {
                let (Some(res), Some(written)) = (
                    scenario.resources.get(*resource),
                    branched.resources.get_mut(*resource),
                ) else {
                    return Err(Refusal::NoSuchResource);
                };
                if res.billing() == BillingMode::PayPerUse {
                    return Err(Refusal::PayPerUse(res.id.clone()));
                }
                let settings = written.auto_renew.get_or_insert(AutoRenewDoc {
                    enabled: false,
                    days_before: None,
                    term: None,
                    times: None,
                });
                if settings.enabled {
                    return Err(Refusal::AutoRenewAlreadyOn(res.id.clone()));
                }
                settings.enabled = true;
            }
            Variation::Tier { tier } => {
                if scenario.policy.tiers.len() < 2 {
                    return Err(Refusal::SingleTier);
                }
                if *tier == scenario.tier {
                    return Err(Refusal::SameTier(tier.clone()));
                }
                if scenario.policy.tier(tier).is_none() {
                    return Err(Refusal::UnknownTier(tier.clone()));
                }
                branched.tier = tier.clone();
            }
            Variation::RenewLater { action, days } => {
                if !(1..=MAX_DELAY_DAYS).contains(days) {
                    return Err(Refusal::BadDelay);
                }
                if renewals(doc).next().is_none() {
                    return Err(Refusal::NoRenewal);
                }
                let written = branched
                    .actions
                    .get_mut(*action)
                    .filter(|a| a.verb == ActionVerb::Renew)
                    .ok_or(Refusal::NotARenewal)?;
                let at = Time::parse_local(&written.at)
                    .map_err(|message| {
                        Refusal::Invalid(FieldError::new(format!("actions[{action}].at"), message))
                    })?
                    .plus_days(*days);
                if at > scenario.until {
                    return Err(Refusal::AfterUntil(at));
                }
                written.at = at.local_string();
            }
        }
        match Scenario::from_doc(&branched) {
            Ok(valid) => Ok((branched, valid)),
            Err(errors) => Err(Refusal::Invalid(errors.into_iter().next().unwrap_or_else(
                || FieldError::new("scenario", "it breaks a rule of the format"),
            ))),
        }
    }
}

/// The indices (file order) of the document's `renew` actions.
pub fn renewals(doc: &ScenarioDoc) -> impl Iterator<Item = usize> + '_ {
    doc.actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.verb == ActionVerb::Renew)
        .map(|(i, _)| i)
}

/// One simulated version: a scenario and its traces (one per tier, policy order).
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its traces.
    pub traces: &'a [Trace],
}

impl Side<'_> {
    /// The index of the scenario's own tier among the traces.
    fn own_tier(&self) -> Option<usize> {
        self.traces
            .iter()
            .position(|t| t.tier == self.scenario.tier)
    }
}

/// Which traces are compared, as `(base index, branch index)`: every tier with itself when both
/// versions have the same tier; the base's own tier against the branch's own tier when the change
/// is the tier (otherwise every pair would be identical).
pub fn lane_pairs(base: Side, branch: Side) -> Vec<(usize, usize)> {
    if base.scenario.tier == branch.scenario.tier {
        base.traces
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let j = branch.traces.iter().position(|b| b.tier == t.tier)?;
                Some((i, j))
            })
            .collect()
    } else {
        base.own_tier().zip(branch.own_tier()).into_iter().collect()
    }
}

/// What one version does to the diverging resource at the divergence instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Happening {
    /// The tier of this version's trace.
    pub tier: String,
    /// The resource's events at that instant (empty: nothing happens to it then).
    pub events: Vec<Event>,
    /// Its state once everything at that instant has happened (`None` before it is bought).
    pub state: Option<State>,
    /// The account balance then.
    pub balance: Cents,
}

/// The first instant at which a lane differs between the two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// The compared traces, `(base index, branch index)`.
    pub pair: (usize, usize),
    /// The resource's index.
    pub resource: usize,
    /// The resource's id.
    pub resource_id: String,
    /// The instant.
    pub at: Time,
    /// The current scenario then.
    pub base: Happening,
    /// The what-if then.
    pub branch: Happening,
    /// When the versions differ only by a notice (a reminder) there, the first instant after
    /// which they differ in something that counts: an event other than a reminder, or a state.
    pub then: Option<Consequence>,
}

/// The first difference beyond notices, after a divergence that was only a reminder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consequence {
    /// The instant.
    pub at: Time,
    /// The current scenario then.
    pub base: Happening,
    /// The what-if then.
    pub branch: Happening,
}

/// Whether everything that happens in `h` is a notice.
fn only_notices(h: &Happening) -> bool {
    h.events
        .iter()
        .all(|e| matches!(e.kind, EventKind::Reminder { .. }))
}

/// The event with its balance figures set aside: the balance is the account's, shared by every
/// resource, so a different balance alone is not a divergence of a lane (it shows as soon as it
/// changes what happens).
fn outcome(kind: EventKind) -> EventKind {
    match kind {
        EventKind::Purchased {
            expires,
            hourly_rate,
            ..
        } => EventKind::Purchased {
            expires,
            hourly_rate,
            balance: Cents::ZERO,
        },
        EventKind::AutoRenewAttempt {
            failure,
            price,
            switched_on,
            ..
        } => EventKind::AutoRenewAttempt {
            failure,
            price,
            balance: Cents::ZERO,
            switched_on,
        },
        EventKind::Renewed {
            source,
            term,
            expires,
            price,
            ..
        } => EventKind::Renewed {
            source,
            term,
            expires,
            price,
            balance: Cents::ZERO,
        },
        other => other,
    }
}

/// The resource's events at the first instant ≥ `from` in `events` (already filtered).
fn group(events: &[Event]) -> &[Event] {
    let Some(first) = events.first() else {
        return events;
    };
    let n = events.iter().take_while(|e| e.at == first.at).count();
    &events[..n]
}

/// The first instant at or after `from` at which resource `r` differs between traces `a` and
/// `b`: its events at that instant (balance figures aside, reminders too unless `notices`) or,
/// through them, its state.
fn lane_divergence(a: &Trace, b: &Trace, r: usize, from: Time, notices: bool) -> Option<Time> {
    let mine = |t: &Trace| -> Vec<Event> {
        t.events
            .iter()
            .filter(|e| e.resource == Some(r) && e.at >= from)
            .filter(|e| notices || !matches!(e.kind, EventKind::Reminder { .. }))
            .copied()
            .collect()
    };
    let (ea, eb) = (mine(a), mine(b));
    let (mut i, mut j) = (0, 0);
    loop {
        let at = match (ea.get(i), eb.get(j)) {
            (None, None) => return None,
            (Some(x), None) => x.at,
            (None, Some(y)) => y.at,
            (Some(x), Some(y)) => x.at.min(y.at),
        };
        let ga = group(&ea[i..]);
        let ga = if ga.first().is_some_and(|e| e.at == at) {
            ga
        } else {
            &[]
        };
        let gb = group(&eb[j..]);
        let gb = if gb.first().is_some_and(|e| e.at == at) {
            gb
        } else {
            &[]
        };
        let same = ga.len() == gb.len()
            && ga
                .iter()
                .zip(gb)
                .all(|(x, y)| outcome(x.kind) == outcome(y.kind));
        let state = |t: &Trace| t.status_at(r, at).map(|s| s.state);
        if !same || state(a) != state(b) {
            return Some(at);
        }
        i += ga.len();
        j += gb.len();
    }
}

fn happening(trace: &Trace, r: usize, at: Time) -> Happening {
    Happening {
        tier: trace.tier.clone(),
        events: trace
            .events
            .iter()
            .filter(|e| e.at == at && e.resource == Some(r))
            .copied()
            .collect(),
        state: trace.status_at(r, at).map(|s| s.state),
        balance: trace.balance_at(at),
    }
}

/// Every lane's first divergence, in pair then resource order (lanes that never differ left out).
pub fn divergences(base: Side, branch: Side) -> Vec<Divergence> {
    let mut found = Vec::new();
    for (i, j) in lane_pairs(base, branch) {
        let (Some(a), Some(b)) = (base.traces.get(i), branch.traces.get(j)) else {
            continue;
        };
        for (r, resource) in base.scenario.resources.iter().enumerate() {
            if let Some(at) = lane_divergence(a, b, r, a.start.min(b.start), true) {
                let (then_a, then_b) = (happening(a, r, at), happening(b, r, at));
                let then = (only_notices(&then_a) && only_notices(&then_b))
                    .then(|| lane_divergence(a, b, r, at, false))
                    .flatten()
                    .map(|later| Consequence {
                        at: later,
                        base: happening(a, r, later),
                        branch: happening(b, r, later),
                    });
                found.push(Divergence {
                    pair: (i, j),
                    resource: r,
                    resource_id: resource.id.clone(),
                    at,
                    base: then_a,
                    branch: then_b,
                    then,
                });
            }
        }
    }
    found
}

/// The earliest divergence of any lane; at one instant the scenario's own tier comes first, then
/// the policy's tier order and the resource order. `None`: the two versions never differ.
pub fn first_divergence(base: Side, branch: Side) -> Option<Divergence> {
    earliest(divergences(base, branch), base.own_tier())
}

/// The earliest of `found` (own tier first on ties).
pub fn earliest(found: Vec<Divergence>, own_tier: Option<usize>) -> Option<Divergence> {
    found
        .into_iter()
        .enumerate()
        .min_by_key(|(order, d)| (d.at, Some(d.pair.0) != own_tier, *order))
        .map(|(_, d)| d)
}

/// What one version does at the divergence, in words built on [`explain`].
fn happening_text(h: &Happening, side: Side) -> String {
    let trace = side.traces.iter().find(|t| t.tier == h.tier);
    let said: Vec<String> = h
        .events
        .iter()
        .filter_map(|e| Some(explain::explain(e, side.scenario, trace?).what))
        .collect();
    if said.is_empty() {
        match h.state {
            Some(state) => format!(
                "nothing happens; it stays {state} ({}).",
                explain::state_meaning(state)
            ),
            None => "nothing happens; it is not bought yet.".to_string(),
        }
    } else {
        said.join(" ")
    }
}

/// The divergence in plain words (English; the app shows a translated form of the same facts).
pub fn explain_divergence(d: &Divergence, base: Side, branch: Side) -> String {
    let tiers = if d.base.tier == d.branch.tier {
        format!("tier {}", d.base.tier)
    } else {
        format!("tier {} vs {}", d.base.tier, d.branch.tier)
    };
    let mut text = format!(
        "First divergence at {}, {} ({tiers}). Current: {} What-if: {}",
        explain::when(d.at),
        d.resource_id,
        happening_text(&d.base, base),
        happening_text(&d.branch, branch),
    );
    if d.base.balance != d.branch.balance {
        text.push_str(&format!(
            " Balance then: {} current, {} what-if.",
            d.base.balance, d.branch.balance
        ));
    }
    if let Some(then) = &d.then {
        text.push_str(&format!(
            " Then at {}: Current: {} What-if: {}",
            explain::when(then.at),
            happening_text(&then.base, base),
            happening_text(&then.branch, branch),
        ));
    }
    text
}

/// "No divergence", in plain words.
pub fn explain_none(base: Side) -> String {
    format!(
        "No divergence: every compared lane has the same events and states through {}.",
        explain::when(base.scenario.until)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate_all_tiers;

    fn doc(json: &str) -> (ScenarioDoc, Scenario) {
        let doc = ScenarioDoc::from_json(json).expect("parses");
        let scenario = Scenario::from_doc(&doc).expect("valid");
        (doc, scenario)
    }

    fn gallery(slug: &str) -> (ScenarioDoc, Scenario) {
        let path = format!("{}/scenarios/{slug}.json", env!("CARGO_MANIFEST_DIR"));
        doc(&std::fs::read_to_string(path).expect("gallery file"))
    }

    fn t(text: &str) -> Time {
        Time::parse_local(text).expect("time")
    }

    /// Applies `variation` to the gallery scenario `slug` and compares the two runs.
    fn compare(slug: &str, variation: Variation) -> (Option<Divergence>, String) {
        let (d, s) = gallery(slug);
        compare_doc(&d, &s, variation)
    }

    fn compare_doc(
        d: &ScenarioDoc,
        s: &Scenario,
        variation: Variation,
    ) -> (Option<Divergence>, String) {
        let (_, branched) = variation.apply(d, s).expect("applies");
        let (ta, tb) = (simulate_all_tiers(s), simulate_all_tiers(&branched));
        let (base, branch) = (
            Side {
                scenario: s,
                traces: &ta,
            },
            Side {
                scenario: &branched,
                traces: &tb,
            },
        );
        let first = first_divergence(base, branch);
        let text = match &first {
            Some(found) => explain_divergence(found, base, branch),
            None => explain_none(base),
        };
        (first, text)
    }

    #[test]
    fn topping_up_20_more_turns_the_failed_attempt_into_a_success() {
        let (d, s) = gallery("auto-renew-low-balance");
        let variation = Variation::TopUp {
            amount: DEFAULT_TOP_UP,
            at: s.start(),
        };
        let (branched, _) = variation.apply(&d, &s).expect("applies");
        let added = branched.actions.last().expect("a new action");
        assert_eq!(added.at, "2026-03-08T10:00:00");
        assert_eq!(added.amount, Some(AmountDoc::text("20.00")));
        let (first, text) = compare_doc(&d, &s, variation);
        let first = first.expect("diverges");
        assert_eq!(first.at, t("2026-04-01T03:00:00"));
        // Every tier diverges then: the scenario's own tier is named.
        assert_eq!(
            (first.base.tier.as_str(), first.branch.tier.as_str()),
            ("V3", "V3")
        );
        assert!(matches!(
            first.base.events[0].kind,
            EventKind::AutoRenewAttempt {
                failure: Some(_),
                ..
            }
        ));
        assert!(matches!(
            first.branch.events[0].kind,
            EventKind::AutoRenewAttempt { failure: None, .. }
        ));
        assert!(
            text.contains("First divergence at 2026-04-01 03:00:00, ocr (tier V3)"),
            "{text}"
        );
        assert!(text.contains("Current: Auto-renew failed"), "{text}");
        assert!(text.contains("What-if: Auto-renew paid 30.00"), "{text}");
        assert!(
            text.contains("Balance then: 20.00 current, 10.00 what-if."),
            "{text}"
        );
    }

    #[test]
    fn a_top_up_with_no_effect_on_any_lane_is_no_divergence() {
        // auto-renew-twice: the balance is ample; 20 more changes only the balance.
        let (first, text) = compare(
            "auto-renew-twice",
            Variation::TopUp {
                amount: DEFAULT_TOP_UP,
                at: t("2026-02-01T00:00:00"),
            },
        );
        assert_eq!(first, None);
        assert_eq!(
            text,
            "No divergence: every compared lane has the same events and states through \
             2026-05-01 00:00:00."
        );
    }

    #[test]
    fn switching_auto_renew_on_renews_before_expiry() {
        let (d, s) = gallery("renewed-in-retention");
        let (branched, _) = Variation::AutoRenewOn { resource: 0 }
            .apply(&d, &s)
            .expect("applies");
        let settings = branched.resources[0].auto_renew.clone().expect("settings");
        assert!(settings.enabled);
        assert_eq!(
            settings.days_before, None,
            "the format's default (7) applies"
        );
        let (first, text) = compare(
            "renewed-in-retention",
            Variation::AutoRenewOn { resource: 0 },
        );
        let first = first.expect("diverges");
        // Expiry date 04-08: the window opens 7 days before, at 03:00; 30.00 pays for it.
        assert_eq!(first.at, t("2026-04-01T03:00:00"));
        assert_eq!(first.base.events, vec![]);
        assert_eq!(first.base.state, Some(State::Available));
        assert!(
            text.contains("Current: nothing happens; it stays available"),
            "{text}"
        );
        assert!(text.contains("What-if: Auto-renew paid 30.00"), "{text}");
    }

    #[test]
    fn a_tier_change_diverges_by_a_state_change_only() {
        // V1 → V3: both expire on 04-09; V1 freezes a day later, V3 stays in grace for 7 days.
        let (first, text) = compare(
            "renewed-in-retention",
            Variation::Tier {
                tier: "V3".to_string(),
            },
        );
        let first = first.expect("diverges");
        assert_eq!(first.at, t("2026-04-10T00:00:00"));
        assert_eq!(
            (first.base.tier.as_str(), first.branch.tier.as_str()),
            ("V1", "V3")
        );
        assert!(matches!(
            first.base.events.as_slice(),
            [Event {
                kind: EventKind::StateChanged {
                    from: State::Expired,
                    to: State::Frozen
                },
                ..
            }]
        ));
        assert_eq!(first.branch.events, vec![]);
        assert_eq!(first.base.state, Some(State::Frozen));
        assert_eq!(first.branch.state, Some(State::Expired));
        assert_eq!(first.base.balance, first.branch.balance);
        assert!(text.contains("(tier V1 vs V3)"), "{text}");
        assert!(
            text.contains("What-if: nothing happens; it stays expired"),
            "{text}"
        );
        // A state change is a difference that counts: nothing more to add.
        assert_eq!(first.then, None);
    }

    #[test]
    fn a_divergence_by_a_reminder_alone_says_what_follows_from_it() {
        // V1 → V0 (1 + 1 days): both expire on 04-09 and freeze on 04-10. V0 is sent a release
        // reminder at 09:00 on 04-09 (V1, released a week later, is not yet), then V0 is released
        // on 04-11 while V1 stays frozen until the renewal of 04-12.
        let (first, text) = compare(
            "renewed-in-retention",
            Variation::Tier {
                tier: "V0".to_string(),
            },
        );
        let first = first.expect("diverges");
        assert_eq!(first.at, t("2026-04-09T09:00:00"));
        assert!(only_notices(&first.branch) && first.base.events.is_empty());
        let then = first.then.expect("a consequence");
        assert_eq!(then.at, t("2026-04-11T00:00:00"));
        assert_eq!(then.base.state, Some(State::Frozen));
        assert_eq!(then.branch.state, Some(State::Released));
        assert!(text.contains(" Then at 2026-04-11 00:00:00: "), "{text}");
    }

    #[test]
    fn renewing_a_day_later_diverges_at_the_original_renewal() {
        let (d, s) = gallery("renewed-in-retention");
        let (branched, _) = Variation::RenewLater { action: 0, days: 1 }
            .apply(&d, &s)
            .expect("applies");
        assert_eq!(branched.actions[0].at, "2026-04-13T09:00:00");
        let (first, _) = compare(
            "renewed-in-retention",
            Variation::RenewLater { action: 0, days: 1 },
        );
        let first = first.expect("diverges");
        assert_eq!(first.at, t("2026-04-12T09:00:00"));
        assert_eq!(first.base.tier, "V1");
        assert_eq!(first.base.state, Some(State::Available));
        assert_eq!(first.branch.state, Some(State::Frozen));
    }

    #[test]
    fn a_divergence_in_one_tier_only() {
        // Pay-per-use in arrears from 03-10 10:00; tier "short" releases it at once, tier "long"
        // keeps it in grace. A top-up an hour later restores only "long".
        let (d, s) = doc(r#"{
            "format": "renewal-lab/1",
            "policy": { "name": "two", "tiers": {
                "short": { "package": { "grace_days": 0, "retention_days": 0 },
                           "pay_per_use": { "grace_days": 0, "retention_days": 0 } },
                "long":  { "package": { "grace_days": 7, "retention_days": 7 },
                           "pay_per_use": { "grace_days": 7, "retention_days": 7 } } } },
            "tier": "short",
            "balance": "1.00",
            "resources": [ { "id": "api", "billing": "pay_per_use",
                             "start": "2026-03-10T00:00:00", "hourly_rate": "0.10" } ],
            "until": "2026-03-11T00:00:00"
        }"#);
        let variation = Variation::TopUp {
            amount: DEFAULT_TOP_UP,
            at: t("2026-03-10T12:00:00"),
        };
        let (_, branched) = variation.apply(&d, &s).expect("applies");
        let (ta, tb) = (simulate_all_tiers(&s), simulate_all_tiers(&branched));
        let base = Side {
            scenario: &s,
            traces: &ta,
        };
        let branch = Side {
            scenario: &branched,
            traces: &tb,
        };
        let all = divergences(base, branch);
        assert_eq!(all.len(), 1, "{all:?}");
        let first = first_divergence(base, branch).expect("diverges");
        assert_eq!(first.base.tier, "long");
        assert_eq!(first.at, t("2026-03-10T12:00:00"));
        assert_eq!(first.base.state, Some(State::Expired));
        assert_eq!(first.branch.state, Some(State::Available));
    }

    #[test]
    fn variations_that_do_not_apply_are_refused_with_a_reason() {
        let (d, s) = gallery("auto-renew-low-balance");
        let refused = |slug: &str, v: Variation| {
            let (d, s) = gallery(slug);
            v.apply(&d, &s).expect_err("refused")
        };
        assert_eq!(
            refused(
                "auto-renew-low-balance",
                Variation::AutoRenewOn { resource: 0 }
            ),
            Refusal::AutoRenewAlreadyOn("ocr".to_string())
        );
        assert_eq!(
            refused(
                "pay-per-use-arrears",
                Variation::AutoRenewOn { resource: 0 }
            ),
            Refusal::PayPerUse("api".to_string())
        );
        assert_eq!(
            refused(
                "auto-renew-low-balance",
                Variation::AutoRenewOn { resource: 3 }
            ),
            Refusal::NoSuchResource
        );
        assert_eq!(
            refused(
                "auto-renew-low-balance",
                Variation::RenewLater { action: 0, days: 1 }
            ),
            Refusal::NoRenewal
        );
        assert_eq!(
            refused(
                "renewed-in-retention",
                Variation::RenewLater { action: 0, days: 0 }
            ),
            Refusal::BadDelay
        );
        assert_eq!(
            refused(
                "renewed-in-retention",
                Variation::RenewLater {
                    action: 0,
                    days: 30
                }
            ),
            Refusal::AfterUntil(t("2026-05-12T09:00:00"))
        );
        assert_eq!(
            refused(
                "renewal-too-short",
                Variation::Tier {
                    tier: "V1".to_string()
                }
            ),
            Refusal::SingleTier
        );
        assert_eq!(
            refused(
                "auto-renew-low-balance",
                Variation::Tier {
                    tier: "V3".to_string()
                }
            ),
            Refusal::SameTier("V3".to_string())
        );
        assert_eq!(
            refused(
                "auto-renew-low-balance",
                Variation::Tier {
                    tier: "V9".to_string()
                }
            ),
            Refusal::UnknownTier("V9".to_string())
        );
        let zero = Variation::TopUp {
            amount: Cents::ZERO,
            at: s.start(),
        };
        assert_eq!(zero.apply(&d, &s).expect_err("refused"), Refusal::BadAmount);
        let late = Variation::TopUp {
            amount: DEFAULT_TOP_UP,
            at: s.until.plus_secs(1),
        };
        assert!(matches!(late.apply(&d, &s), Err(Refusal::AfterUntil(_))));
        // A top-up action in the file is not a renewal.
        assert_eq!(
            Variation::RenewLater { action: 0, days: 1 }.apply(&d, &s),
            Err(Refusal::NoRenewal)
        );
        let (d2, s2) = gallery("renewal-too-short");
        let mut with_top_up = d2.clone();
        let mut top_up = ActionDoc::new("2026-02-01T00:00:00", ActionVerb::TopUp);
        top_up.amount = Some(AmountDoc::text("1"));
        with_top_up.actions.push(top_up);
        assert_eq!(
            Variation::RenewLater { action: 2, days: 1 }.apply(&with_top_up, &s2),
            Err(Refusal::NotARenewal)
        );
        // Every refusal reads as words.
        assert_eq!(
            Refusal::AfterUntil(t("2026-05-12T09:00:00")).to_string(),
            "2026-05-12 09:00:00 is after the end of the scenario"
        );
    }

    #[test]
    fn the_branch_never_changes_the_current_document() {
        let (d, s) = gallery("renewed-in-retention");
        let before = d.clone();
        for v in [
            Variation::TopUp {
                amount: DEFAULT_TOP_UP,
                at: s.start(),
            },
            Variation::AutoRenewOn { resource: 0 },
            Variation::Tier {
                tier: "V0".to_string(),
            },
            Variation::RenewLater { action: 0, days: 1 },
        ] {
            let (branched, _) = v.apply(&d, &s).expect("applies");
            assert_ne!(branched, d, "{v:?}");
            assert_eq!(d, before);
        }
    }
}
