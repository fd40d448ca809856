//! Questions as typed queries over a trace, and their truths.
//!
//! Every truth comes from the engine's trace of the question's tier: a status lookup, a balance
//! lookup or the first/last event of a kind. The event that decided it gives the rule, through
//! [`crate::explain::explain`], so the reveal says why in the same words as the event log.

use crate::engine::time::is_last_day_of_month;
use crate::engine::trace::{ActionName, RenewSource};
use crate::engine::{
    BillingMode, Cents, Event, EventKind, FieldError, Offset, Scenario, State, Time, Trace,
};
use crate::explain;
use chrono::{Datelike, NaiveDate};

/// The rule behind the tier table (grace and retention days).
pub const RULE_TIERS: &str = "§4 tiers";
/// The rule ordering events at one instant.
pub const RULE_ORDER: &str = "§8 order of events at one instant";
/// The rule on local times in the scenario's offset.
pub const RULE_TIME: &str = "§1 time";
/// The rule on the one shared balance.
pub const RULE_BALANCE: &str = "§7 balance";
/// The rule on hourly charges.
pub const RULE_HOURLY: &str = "§9 pay-per-use";

/// The rule of the daily auto-renew attempts.
pub const RULE_ATTEMPTS: &str = "§6 auto-renewal at 03:00";
/// The rule that keeps an expiry date on the last day of a month (and clamps to a shorter one).
pub const RULE_MONTH_END: &str = "§2 month ends";

/// Whether `event` set an expiry date by §2's month rules, so that a date answer differs from
/// the same day of the month: a purchase clamped to a shorter month (01-31 + 1m → 02-28), or a
/// renewal from a month's last day to another month's last day of another length (02-28 + 1m →
/// 03-31).
fn month_end_applied(trace: &Trace, event: &Event) -> bool {
    let expiry_after = match event.kind {
        EventKind::Purchased {
            expires: Some(expires),
            ..
        } => return expires.date().day() != event.at.date().day(),
        EventKind::Renewed { expires, .. } => expires.date(),
        _ => return false,
    };
    let before = event.at.plus_secs(-1);
    let expiry_before = event
        .resource
        .and_then(|r| trace.status_at(r, before))
        .and_then(|status| status.expiry);
    expiry_before.is_some_and(|x| is_last_day_of_month(x) && x.day() != expiry_after.day())
}

/// Adds `rule` unless a rule of its section is there already (one name per section: "§6
/// auto-renewal" and "§6 auto-renewal at 03:00" are one section).
fn push_rule(rules: &mut Vec<&'static str>, rule: &'static str) {
    if !rules.iter().any(|r| section_of(r) == section_of(rule)) {
        rules.push(rule);
    }
}

/// The last event of `trace` up to `at` that set the balance, with how many auto-renew attempts
/// after it failed: a failed attempt charges nothing, so the balance at `at` is still the one that
/// event left (or hourly charges').
fn balance_setter(trace: &Trace, at: Time) -> (Option<Event>, usize) {
    let events = trace.events_until(at);
    let index = events
        .iter()
        .rposition(|e| e.kind.balance().is_some() && !e.kind.is_failed_attempt());
    let failed = events[index.map_or(0, |i| i + 1)..]
        .iter()
        .filter(|e| e.kind.is_failed_attempt())
        .count();
    (index.and_then(|i| events.get(i)).copied(), failed)
}

/// What a question asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QueryKind {
    /// The state of a resource at an instant (a choice among the four states).
    StateAt,
    /// A package's expiry date once everything at an instant has happened (a date).
    ExpiryDate,
    /// Whether the next renewal after the pause point (automatic attempt or by hand) succeeds.
    RenewalOutcome,
    /// The date of a package's last auto-renew attempt in the run.
    LastAutoRenewAttempt,
    /// The date a resource is next frozen after the pause point.
    FreezeDate,
    /// The date a resource is next released after the pause point.
    ReleaseDate,
    /// The account balance at an instant (a choice among amounts from the trace).
    BalanceAt,
}

impl QueryKind {
    /// Every kind, in the order the trainer's list shows them.
    pub const ALL: [QueryKind; 7] = [
        QueryKind::StateAt,
        QueryKind::ExpiryDate,
        QueryKind::RenewalOutcome,
        QueryKind::LastAutoRenewAttempt,
        QueryKind::FreezeDate,
        QueryKind::ReleaseDate,
        QueryKind::BalanceAt,
    ];

    /// The file's name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            QueryKind::StateAt => "state_at",
            QueryKind::ExpiryDate => "expiry_date",
            QueryKind::RenewalOutcome => "renewal_outcome",
            QueryKind::LastAutoRenewAttempt => "last_auto_renew_attempt",
            QueryKind::FreezeDate => "freeze_date",
            QueryKind::ReleaseDate => "release_date",
            QueryKind::BalanceAt => "balance_at",
        }
    }

    /// The kind named `name` in a file.
    pub fn from_name(name: &str) -> Option<QueryKind> {
        QueryKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Whether the question names the instant it asks about (`at`).
    pub fn needs_at(self) -> bool {
        matches!(
            self,
            QueryKind::StateAt | QueryKind::ExpiryDate | QueryKind::BalanceAt
        )
    }

    /// Whether the question is about one resource.
    pub fn needs_resource(self) -> bool {
        self != QueryKind::BalanceAt
    }

    /// Whether only a package can be asked about.
    pub fn needs_package(self) -> bool {
        matches!(
            self,
            QueryKind::ExpiryDate | QueryKind::RenewalOutcome | QueryKind::LastAutoRenewAttempt
        )
    }

    /// Whether a question of this kind can ask about a resource billed by `billing`.
    pub fn can_ask_about(self, billing: BillingMode) -> bool {
        !self.needs_package() || billing == BillingMode::Package
    }

    /// Whether the answer is a date (picked in a date input) rather than a choice.
    pub fn answers_with_date(self) -> bool {
        matches!(
            self,
            QueryKind::ExpiryDate
                | QueryKind::LastAutoRenewAttempt
                | QueryKind::FreezeDate
                | QueryKind::ReleaseDate
        )
    }
}

/// A question as written in an exercise file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionDoc {
    /// What is asked.
    pub kind: QueryKind,
    /// The tier whose trace answers it; the scenario's own tier when left out.
    pub tier: Option<String>,
    /// The resource's id (every kind but `balance_at`).
    pub resource: Option<String>,
    /// The local instant asked about (`state_at`, `expiry_date`, `balance_at`).
    pub at: Option<String>,
}

/// A validated question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// What is asked.
    pub kind: QueryKind,
    /// A tier of the scenario's policy.
    pub tier: String,
    /// Index of the resource asked about (none for `balance_at`).
    pub resource: Option<usize>,
    /// The instant asked about, for the kinds that name one.
    pub at: Option<Time>,
}

/// An answer: the truth, or what a trainee gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A lifecycle state.
    State(State),
    /// A calendar date (local).
    Date(NaiveDate),
    /// Whether a renewal succeeded.
    Outcome {
        /// True when it paid.
        succeeded: bool,
    },
    /// An amount of money.
    Amount(Cents),
}

impl Answer {
    /// The answer as text, as the autosave keeps a trainee's answers: `state:frozen`,
    /// `date:2026-04-10`, `outcome:succeeded` or `outcome:failed`, `amount:12.34`.
    pub fn to_text(&self) -> String {
        use chrono::Datelike;
        match self {
            Answer::State(state) => format!("state:{state}"),
            Answer::Date(date) => format!(
                "date:{:04}-{:02}-{:02}",
                date.year(),
                date.month(),
                date.day()
            ),
            Answer::Outcome { succeeded: true } => "outcome:succeeded".to_string(),
            Answer::Outcome { succeeded: false } => "outcome:failed".to_string(),
            Answer::Amount(cents) => format!("amount:{cents}"),
        }
    }

    /// Reads the text of [`Answer::to_text`] back; `None` for anything else.
    pub fn from_text(text: &str) -> Option<Answer> {
        let (kind, value) = text.split_once(':')?;
        match kind {
            "state" => State::ALL
                .into_iter()
                .find(|state| state.as_str() == value)
                .map(Answer::State),
            "date" => {
                // A year before 1 is written with its sign (`-0044-03-15`).
                let (sign, ymd) = match value.strip_prefix('-') {
                    Some(rest) => (-1, rest),
                    None => (1, value),
                };
                let mut parts = ymd.split('-').map(str::parse::<u32>);
                let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day)), None) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    return None;
                };
                let year = sign * i32::try_from(year).ok()?;
                NaiveDate::from_ymd_opt(year, month, day).map(Answer::Date)
            }
            "outcome" => match value {
                "succeeded" => Some(Answer::Outcome { succeeded: true }),
                "failed" => Some(Answer::Outcome { succeeded: false }),
                _ => None,
            },
            // A balance in arrears is negative, which amounts of the format never are.
            "amount" => match value.strip_prefix('-') {
                Some(owed) => Cents::parse(owed).ok().map(|c| Cents(-c.0)),
                None => Cents::parse(value).ok(),
            }
            .map(Answer::Amount),
            _ => None,
        }
    }
}

/// The truth of a question and how it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reveal {
    /// The true answer.
    pub truth: Answer,
    /// The instant the clock runs to, to show it.
    pub at: Time,
    /// The event that decided it.
    pub event: Event,
    /// The rules behind it, the deciding one first (e.g. `§6 auto-renewal at 03:00`).
    pub rules: Vec<&'static str>,
    /// What the deciding event did, in words (as the event log says it).
    pub why: String,
    /// For a balance: how many auto-renew attempts after the deciding event failed (and charged
    /// nothing) up to the instant asked about.
    pub failed_after: usize,
}

impl Reveal {
    /// The sections of `lifecycle-rules.md` behind this truth, the deciding one first.
    pub fn sections(&self) -> Vec<u8> {
        self.rules
            .iter()
            .filter_map(|rule| section_of(rule))
            .collect()
    }
}

/// The optional field `field` of a question of `kind`: its value when the kind needs it; an error
/// when it is missing but needed, or given but not used.
fn given<'a>(
    errors: &mut Vec<FieldError>,
    path: &str,
    field: &str,
    value: &'a Option<String>,
    kind: QueryKind,
    needed: bool,
) -> Option<&'a str> {
    match (value, needed) {
        (Some(text), true) => Some(text),
        (None, true) => {
            errors.push(FieldError::new(
                format!("{path}.{field}"),
                "missing field (required)",
            ));
            None
        }
        (Some(_), false) => {
            errors.push(FieldError::new(
                format!("{path}.{field}"),
                format!("not used by a question of kind {}", kind.as_str()),
            ));
            None
        }
        (None, false) => None,
    }
}

/// The section number a rule name starts with: `§6 auto-renewal` → 6.
pub fn section_of(rule: &str) -> Option<u8> {
    let digits: String = rule
        .strip_prefix('§')?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

impl Query {
    /// Validates `doc` against `scenario`, each problem under `path` (e.g. `pauses[0].question`).
    pub fn from_doc(
        doc: &QuestionDoc,
        scenario: &Scenario,
        path: &str,
    ) -> Result<Query, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = doc.kind;
        let tier = doc.tier.clone().unwrap_or_else(|| scenario.tier.clone());
        if scenario.policy.tier(&tier).is_none() {
            let tiers: Vec<&str> = scenario.policy.tier_names().collect();
            errors.push(FieldError::new(
                format!("{path}.tier"),
                format!(
                    "{tier:?} is not a tier of the policy ({})",
                    tiers.join(", ")
                ),
            ));
        }
        let resource = given(
            &mut errors,
            path,
            "resource",
            &doc.resource,
            kind,
            kind.needs_resource(),
        )
        .and_then(|id| match scenario.resource_index(id) {
            Some(r) => {
                if !kind.can_ask_about(scenario.resources[r].billing()) {
                    errors.push(FieldError::new(
                        format!("{path}.resource"),
                        format!(
                            "{id:?} is pay-per-use: a question of kind {} needs a package",
                            kind.as_str()
                        ),
                    ));
                }
                Some(r)
            }
            None => {
                errors.push(FieldError::new(
                    format!("{path}.resource"),
                    crate::engine::scenario::unknown_resource(id),
                ));
                None
            }
        });
        let at = given(&mut errors, path, "at", &doc.at, kind, kind.needs_at()).and_then(|text| {
            match Time::parse_local(text) {
                // Nothing is simulated after the run's end: its answer would be made up.
                Ok(at) if at > scenario.until => {
                    let until = scenario.until.local_string();
                    let error = format!("{text} is after until ({until})");
                    errors.push(FieldError::new(format!("{path}.at"), error));
                    None
                }
                Ok(at) => Some(at),
                Err(error) => {
                    errors.push(FieldError::new(format!("{path}.at"), error));
                    None
                }
            }
        });
        if errors.is_empty() {
            Ok(Query {
                kind,
                tier,
                resource,
                at,
            })
        } else {
            Err(errors)
        }
    }

    /// This question as written in a file of `scenario`.
    pub fn to_doc(&self, scenario: &Scenario) -> QuestionDoc {
        QuestionDoc {
            kind: self.kind,
            tier: Some(self.tier.clone()),
            resource: self
                .resource
                .and_then(|r| scenario.resources.get(r))
                .map(|r| r.id.clone()),
            at: self.at.map(Time::local_string),
        }
    }

    /// The truth, from `trace` (a simulation of `scenario` for this question's tier), for a
    /// question asked at the pause point `asked`; or why it has none that is still to come.
    pub fn reveal(
        &self,
        scenario: &Scenario,
        trace: &Trace,
        asked: Time,
    ) -> Result<Reveal, String> {
        let id = |r: usize| scenario.resources.get(r).map_or("", |res| res.id.as_str());
        let of = |r: usize| move |e: &&Event| e.resource == Some(r);
        // The latest event of resource `r` up to `at` whose kind `decides`.
        let latest = |r: usize, at: Time, decides: fn(&EventKind) -> bool| {
            trace
                .events_until(at)
                .iter()
                .rev()
                .filter(of(r))
                .find(|e| decides(&e.kind))
                .copied()
        };
        let later = |r: usize| {
            trace
                .events
                .iter()
                .filter(move |e| e.at > asked && e.resource == Some(r))
        };
        let resource = self.resource.unwrap_or_default();
        let at = self.at.unwrap_or(asked);
        if self.kind.needs_at() && at <= asked {
            return Err(format!(
                "it asks about {}, not after the pause point {}: the answer would already be on screen",
                explain::when(at),
                explain::when(asked)
            ));
        }
        let mut failed_after = 0;
        let (truth, event) = match self.kind {
            QueryKind::StateAt => {
                let status = trace.status_at(resource, at).ok_or_else(|| {
                    format!(
                        "{} is not bought yet at {}",
                        id(resource),
                        explain::when(at)
                    )
                })?;
                let event = latest(resource, at, |kind| {
                    matches!(
                        kind,
                        EventKind::StateChanged { .. }
                            | EventKind::Purchased { .. }
                            | EventKind::Renewed { .. }
                    )
                });
                (Answer::State(status.state), event)
            }
            QueryKind::ExpiryDate => {
                let expiry = trace
                    .status_at(resource, at)
                    .and_then(|s| s.expiry)
                    .ok_or_else(|| {
                        format!(
                            "{} has no expiry date at {}",
                            id(resource),
                            explain::when(at)
                        )
                    })?;
                let event = latest(resource, at, |kind| {
                    matches!(
                        kind,
                        EventKind::Renewed { .. } | EventKind::Purchased { .. }
                    )
                });
                (Answer::Date(expiry), event)
            }
            QueryKind::RenewalOutcome => {
                let found = later(resource).find_map(|e| {
                    let succeeded = match e.kind {
                        EventKind::AutoRenewAttempt { failure, .. } => failure.is_none(),
                        EventKind::Renewed {
                            source: RenewSource::Manual,
                            ..
                        } => true,
                        EventKind::ActionRejected {
                            action: ActionName::Renew,
                            ..
                        } => false,
                        _ => return None,
                    };
                    Some((Answer::Outcome { succeeded }, *e))
                });
                let (truth, event) = found.ok_or_else(|| {
                    format!(
                        "{} has no renewal or auto-renew attempt after the pause point",
                        id(resource)
                    )
                })?;
                (truth, Some(event))
            }
            QueryKind::LastAutoRenewAttempt => {
                let event = trace
                    .events
                    .iter()
                    .rev()
                    .filter(of(resource))
                    .find(|e| matches!(e.kind, EventKind::AutoRenewAttempt { .. }))
                    .filter(|e| e.at > asked)
                    .ok_or_else(|| {
                        format!(
                            "{} has no auto-renew attempt after the pause point",
                            id(resource)
                        )
                    })?;
                (Answer::Date(event.at.date()), Some(*event))
            }
            QueryKind::FreezeDate | QueryKind::ReleaseDate => {
                let wanted = if self.kind == QueryKind::FreezeDate {
                    State::Frozen
                } else {
                    State::Released
                };
                let event = later(resource)
                    .find(|e| matches!(e.kind, EventKind::StateChanged { to, .. } if to == wanted))
                    .ok_or_else(|| {
                        format!(
                            "{} is not {wanted} after the pause point in this run",
                            id(resource)
                        )
                    })?;
                (Answer::Date(event.at.date()), Some(*event))
            }
            QueryKind::BalanceAt => {
                // The last event that set the balance: a failed attempt charges nothing, so it
                // is not what decided the amount.
                let (event, failed) = balance_setter(trace, at);
                failed_after = failed;
                (Answer::Amount(trace.balance_at(at)), event)
            }
        };
        let event = event.ok_or_else(|| "no event of the run decides it".to_string())?;
        let said = explain::explain(&event, scenario, trace);
        let mut rules = Vec::new();
        let mut why = said.what;
        if let Answer::Amount(balance) = truth {
            push_rule(&mut rules, RULE_BALANCE);
            if event.kind.balance() != Some(balance) {
                push_rule(&mut rules, RULE_HOURLY);
                why = format!(
                    "Hourly pay-per-use charges since {} took the balance from {} to {balance}.",
                    explain::when(event.at),
                    event.kind.balance().unwrap_or_default()
                );
            }
        }
        push_rule(&mut rules, said.rule);
        if matches!(truth, Answer::Date(_)) && month_end_applied(trace, &event) {
            push_rule(&mut rules, RULE_MONTH_END);
        }
        if failed_after > 0 {
            push_rule(&mut rules, RULE_ATTEMPTS);
            let attempts = if failed_after == 1 {
                "attempt"
            } else {
                "attempts"
            };
            why =
                format!("{why} Then {failed_after} failed auto-renew {attempts} charged nothing.");
        }
        if matches!(
            event.kind,
            EventKind::StateChanged {
                to: State::Frozen | State::Released,
                ..
            }
        ) {
            push_rule(&mut rules, RULE_TIERS);
        }
        if mixes_engine_and_customer(trace, event.at) {
            push_rule(&mut rules, RULE_ORDER);
        }
        if scenario.offset != Offset::default() {
            push_rule(&mut rules, RULE_TIME);
        }
        Ok(Reveal {
            truth,
            at: if self.kind.needs_at() { at } else { event.at },
            event,
            rules,
            why,
            failed_after,
        })
    }

    /// The answers offered for a choice question (empty for date questions): the four states,
    /// success or failure, or up to four amounts of the trace around the true balance.
    pub fn choices(&self, trace: &Trace, reveal: &Reveal) -> Vec<Answer> {
        match self.kind {
            QueryKind::StateAt => State::ALL.into_iter().map(Answer::State).collect(),
            QueryKind::RenewalOutcome => vec![
                Answer::Outcome { succeeded: true },
                Answer::Outcome { succeeded: false },
            ],
            QueryKind::BalanceAt => {
                let Answer::Amount(truth) = reveal.truth else {
                    return Vec::new();
                };
                let found: Vec<Cents> = trace
                    .events
                    .iter()
                    .filter_map(|e| e.kind.balance())
                    .chain([truth])
                    .collect();
                // The shared sort (one copy of the sort code in the wasm).
                let mut amounts: Vec<Cents> =
                    crate::engine::simulate::stable_order(found.len(), &|a, b| {
                        found[a].cmp(&found[b])
                    })
                    .into_iter()
                    .map(|i| found[i])
                    .collect();
                amounts.dedup();
                if amounts.len() < 2 {
                    amounts.push(truth.plus(Cents(1_000)));
                }
                let index = amounts.iter().position(|a| *a == truth).unwrap_or_default();
                let from = index.saturating_sub(1).min(amounts.len().saturating_sub(4));
                amounts
                    .into_iter()
                    .skip(from)
                    .take(4)
                    .map(Answer::Amount)
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

/// Whether events at `at` come from both the engine and the customer's actions (so the order of
/// §8 decides what each saw). §8 puts the engine's own events first, so whatever follows the
/// first customer event is that act's consequence (the attempt made at once when auto-renew is
/// switched on on the expiry date, and its renewal), not the engine's.
fn mixes_engine_and_customer(trace: &Trace, at: Time) -> bool {
    let (mut engine, mut customer) = (false, false);
    for event in trace.events_at(at) {
        match event.kind {
            // A notice changes nothing: it neither decides nor sees anything.
            EventKind::Reminder { .. } => {}
            // A return to `available` always follows a renewal or a top-up at that instant.
            EventKind::TopUp { .. }
            | EventKind::StateChanged {
                to: State::Available,
                ..
            }
            | EventKind::ActionRejected { .. }
            | EventKind::Renewed {
                source: RenewSource::Manual,
                ..
            }
            | EventKind::AutoRenewChanged {
                times_used: false, ..
            } => customer = true,
            _ => engine |= !customer,
        }
    }
    engine && customer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate::simulate_tier;

    const RETENTION: &str = include_str!("../../scenarios/renewed-in-retention.json");
    const LOW_BALANCE: &str = include_str!("../../scenarios/auto-renew-low-balance.json");
    const ARREARS: &str = include_str!("../../scenarios/pay-per-use-arrears.json");

    fn t(text: &str) -> Time {
        Time::parse_local(text).expect("a local time")
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn answers_round_trip_through_their_text() {
        let answers = [
            Answer::State(State::Frozen),
            Answer::Date(date("2026-04-10")),
            Answer::Date(NaiveDate::MIN),
            Answer::Date(NaiveDate::MAX),
            Answer::Date(date("0001-01-01")),
            Answer::Outcome { succeeded: true },
            Answer::Outcome { succeeded: false },
            Answer::Amount(Cents::parse("12.34").expect("amount")),
            Answer::Amount(Cents(-500)),
        ];
        for answer in answers {
            assert_eq!(
                Answer::from_text(&answer.to_text()),
                Some(answer),
                "{answer:?}"
            );
        }
        assert_eq!(Answer::State(State::Expired).to_text(), "state:expired");
        assert_eq!(
            Answer::Date(date("2026-04-01")).to_text(),
            "date:2026-04-01"
        );
        for bad in [
            "",
            "state",
            "state:gone",
            "date:2026-02-30",
            "date:2026-04",
            "date:2026-04-01-2",
            "outcome:maybe",
            "amount:1.234",
            "amount:--5",
            "colour:red",
        ] {
            assert_eq!(Answer::from_text(bad), None, "{bad}");
        }
    }

    fn ask(
        json: &str,
        doc: QuestionDoc,
        asked: &str,
    ) -> Result<(Query, Reveal, Vec<Answer>), String> {
        let scenario = Scenario::from_json(json).expect("valid");
        let query = Query::from_doc(&doc, &scenario, "q").map_err(|e| format!("{e:?}"))?;
        let trace = simulate_tier(&scenario, &query.tier);
        let reveal = query.reveal(&scenario, &trace, t(asked))?;
        let choices = query.choices(&trace, &reveal);
        Ok((query, reveal, choices))
    }

    #[test]
    fn the_order_at_one_instant_is_named_only_when_engine_and_customer_both_act() {
        // scenario, tier, instant, whether §8 decides
        let on_expiry_day = include_str!("../../scenarios/auto-renew-on-expiry-day.json");
        let cases = [
            // Switched on on the expiry date: the attempt and its renewal follow the act itself.
            (on_expiry_day, "V3", "2026-04-08T10:00:00", false),
            // The 03:00 attempt fails, then the customer's top-up at 03:00 comes after it.
            (
                &*LOW_BALANCE.replace("2026-04-03T12:00:00", "2026-04-03T03:00:00"),
                "V3",
                "2026-04-03T03:00:00",
                true,
            ),
            // The engine alone: a failed attempt.
            (LOW_BALANCE, "V3", "2026-04-02T03:00:00", false),
        ];
        for (json, tier, at, decides) in cases {
            let scenario = Scenario::from_json(json).expect("valid");
            let trace = simulate_tier(&scenario, tier);
            assert!(!trace.events_at(t(at)).is_empty(), "{at}");
            assert_eq!(mixes_engine_and_customer(&trace, t(at)), decides, "{at}");
        }
    }

    fn q(kind: QueryKind, tier: &str, resource: Option<&str>, at: Option<&str>) -> QuestionDoc {
        QuestionDoc {
            kind,
            tier: Some(tier.to_string()),
            resource: resource.map(str::to_string),
            at: at.map(str::to_string),
        }
    }

    #[test]
    fn state_at_comes_from_the_trace_with_the_tier_rule() {
        // renewed-in-retention, V1: expires 04-09 00:00, frozen 04-10 (1 day of grace).
        let doc = q(
            QueryKind::StateAt,
            "V1",
            Some("ocr"),
            Some("2026-04-11T00:00:00"),
        );
        let (_, reveal, choices) = ask(RETENTION, doc, "2026-04-05T00:00:00").expect("a truth");
        assert_eq!(reveal.truth, Answer::State(State::Frozen));
        assert_eq!(reveal.at, t("2026-04-11T00:00:00"));
        assert_eq!(reveal.event.at, t("2026-04-10T00:00:00"));
        assert_eq!(reveal.sections(), vec![3, 4]);
        assert_eq!(choices.len(), 4);
        // V4 has 7 days of grace: still expired then.
        let doc = q(
            QueryKind::StateAt,
            "V4",
            Some("ocr"),
            Some("2026-04-11T00:00:00"),
        );
        let (_, reveal, _) = ask(RETENTION, doc, "2026-04-05T00:00:00").expect("a truth");
        assert_eq!(reveal.truth, Answer::State(State::Expired));
        assert_eq!(reveal.sections(), vec![3]);
    }

    #[test]
    fn a_renewal_in_retention_counts_from_the_original_expiry() {
        let doc = q(
            QueryKind::ExpiryDate,
            "V1",
            Some("ocr"),
            Some("2026-04-12T09:00:00"),
        );
        let (_, reveal, choices) = ask(RETENTION, doc, "2026-04-11T00:00:00").expect("a truth");
        assert_eq!(reveal.truth, Answer::Date(date("2026-05-08")));
        assert_eq!(reveal.sections(), vec![5]);
        assert!(choices.is_empty());
    }

    #[test]
    fn renewal_outcomes_and_the_last_attempt() {
        // auto-renew-low-balance, V3: 20.00 for 30.00 from 04-01 03:00; top-up 04-03 12:00.
        let doc = q(QueryKind::RenewalOutcome, "V3", Some("ocr"), None);
        let (_, reveal, _) = ask(LOW_BALANCE, doc.clone(), "2026-03-31T00:00:00").expect("a truth");
        assert_eq!(reveal.truth, Answer::Outcome { succeeded: false });
        assert_eq!(reveal.at, t("2026-04-01T03:00:00"));
        assert_eq!(reveal.sections(), vec![6]);
        let (_, reveal, _) = ask(LOW_BALANCE, doc, "2026-04-03T12:00:00").expect("a truth");
        assert_eq!(reveal.truth, Answer::Outcome { succeeded: true });
        assert_eq!(reveal.at, t("2026-04-04T03:00:00"));
        let doc = q(QueryKind::LastAutoRenewAttempt, "V3", Some("ocr"), None);
        let (_, reveal, _) = ask(LOW_BALANCE, doc.clone(), "2026-03-31T00:00:00").expect("a truth");
        assert_eq!(reveal.truth, Answer::Date(date("2026-04-04")));
        // Asked after it, there is nothing left to reveal.
        let late = ask(LOW_BALANCE, doc, "2026-04-05T00:00:00").expect_err("none after");
        assert!(late.contains("no auto-renew attempt after"), "{late}");
    }

    #[test]
    fn balances_offer_amounts_of_the_trace_and_name_hourly_charges() {
        let doc = q(
            QueryKind::BalanceAt,
            "V3",
            None,
            Some("2026-04-02T12:00:00"),
        );
        let (_, reveal, choices) = ask(LOW_BALANCE, doc, "2026-04-01T00:00:00").expect("a truth");
        assert_eq!(reveal.truth, Answer::Amount(Cents(2_000)));
        // Decided by the purchase, as the two failed attempts since charged nothing.
        assert!(matches!(reveal.event.kind, EventKind::Purchased { .. }));
        assert_eq!(
            reveal.why,
            "Bought; valid through 2026-04-08 23:59:59. Balance 20.00. Then 2 failed auto-renew \
             attempts charged nothing."
        );
        assert_eq!(reveal.sections(), vec![7, 2, 6]);
        assert!(choices.contains(&reveal.truth));
        assert!((2..=4).contains(&choices.len()), "{choices:?}");
        // Pay-per-use: 1.00, 0.10 an hour from 03-10 00:00.
        let doc = q(
            QueryKind::BalanceAt,
            "V3",
            None,
            Some("2026-03-10T05:00:00"),
        );
        let (_, reveal, _) = ask(ARREARS, doc, "2026-03-10T00:00:00").expect("a truth");
        assert_eq!(reveal.truth, Answer::Amount(Cents(50)));
        assert_eq!(reveal.sections(), vec![7, 9]);
    }

    #[test]
    fn arrears_freeze_and_release_dates() {
        let doc = q(QueryKind::FreezeDate, "V3", Some("api"), None);
        let (_, reveal, _) = ask(ARREARS, doc, "2026-03-10T00:00:00").expect("a truth");
        assert!(matches!(reveal.truth, Answer::Date(_)));
        assert_eq!(reveal.sections(), vec![9, 4]);
        let doc = q(QueryKind::ReleaseDate, "V3", Some("api"), None);
        let none = ask(ARREARS, doc, "2026-03-10T00:00:00").expect_err("restored before");
        assert!(none.contains("not released"), "{none}");
    }

    #[test]
    fn invalid_questions_name_their_field() {
        let scenario = Scenario::from_json(ARREARS).expect("valid");
        // question, expected path, expected message fragment
        let cases = [
            (
                q(
                    QueryKind::StateAt,
                    "V9",
                    Some("api"),
                    Some("2026-03-11T00:00:00"),
                ),
                "q.tier",
                "not a tier",
            ),
            (
                q(
                    QueryKind::StateAt,
                    "V3",
                    Some("nope"),
                    Some("2026-03-11T00:00:00"),
                ),
                "q.resource",
                "not the id",
            ),
            (
                q(QueryKind::StateAt, "V3", None, Some("2026-03-11T00:00:00")),
                "q.resource",
                "missing",
            ),
            (
                q(QueryKind::StateAt, "V3", Some("api"), None),
                "q.at",
                "missing",
            ),
            (
                q(QueryKind::StateAt, "V3", Some("api"), Some("tomorrow")),
                "q.at",
                "",
            ),
            (
                q(
                    QueryKind::ExpiryDate,
                    "V3",
                    Some("api"),
                    Some("2026-03-11T00:00:00"),
                ),
                "q.resource",
                "pay-per-use",
            ),
            (
                q(
                    QueryKind::BalanceAt,
                    "V3",
                    Some("api"),
                    Some("2026-03-11T00:00:00"),
                ),
                "q.resource",
                "not used",
            ),
            (
                q(
                    QueryKind::FreezeDate,
                    "V3",
                    Some("api"),
                    Some("2026-03-11T00:00:00"),
                ),
                "q.at",
                "not used",
            ),
            (
                q(
                    QueryKind::StateAt,
                    "V3",
                    Some("api"),
                    Some("2030-01-01T00:00:00"),
                ),
                "q.at",
                "2030-01-01T00:00:00 is after until (2026-03-12T18:00:00)",
            ),
        ];
        for (doc, path, message) in cases {
            let errors = Query::from_doc(&doc, &scenario, "q").expect_err(path);
            assert_eq!(errors[0].path, path, "{doc:?}");
            assert!(
                errors[0].message.contains(message),
                "{doc:?}: {}",
                errors[0]
            );
        }
        // An instant not after the pause point would show the answer.
        let doc = q(
            QueryKind::StateAt,
            "V3",
            Some("api"),
            Some("2026-03-10T00:00:00"),
        );
        let shown = ask(ARREARS, doc, "2026-03-10T00:00:00").expect_err("not after");
        assert!(shown.contains("already be on screen"), "{shown}");
    }

    #[test]
    fn sections_are_read_from_rule_names() {
        assert_eq!(section_of("§6 auto-renewal at 03:00"), Some(6));
        assert_eq!(section_of(RULE_ORDER), Some(8));
        assert_eq!(section_of("auto-renewal"), None);
        for kind in QueryKind::ALL {
            assert_eq!(QueryKind::from_name(kind.as_str()), Some(kind));
        }
    }
}
