//! Plain-language explanations of trace events: what happened, which rule decided it, what follows.
//!
//! Pure functions shared by `renewal-cli --format text` and the app's event log.

use crate::engine::trace::{ActionName, Rejection, RenewSource, ResourceStatus};
use crate::engine::{
    BillingMode, Event, EventKind, Notice, Resource, Scenario, State, Term, Time, Trace,
};

/// A sentence about one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// What happened.
    pub what: String,
    /// The rule that produced it, e.g. `§6 auto-renewal`.
    pub rule: &'static str,
    /// When the next consequence follows, if anything is scheduled.
    pub next: Option<String>,
}

/// `2026-04-01 03:00:00`: a local time for people (the offset is shown once, elsewhere).
pub fn when(t: Time) -> String {
    t.local_string().replace('T', " ")
}

/// The instant [`when`] wrote (`2026-04-01 03:00:00`), read back; `None` for other text.
pub fn read_when(text: &str) -> Option<Time> {
    let (date, time) = text.split_once(' ')?;
    Time::parse_local(&format!("{date}T{time}")).ok()
}

/// What a rejection reason means, in words.
pub fn rejection_text(reason: Rejection) -> &'static str {
    match reason {
        Rejection::Released => "the resource was already released (its data is deleted)",
        Rejection::NotPackage => "pay-per-use resources cannot be renewed or auto-renewed",
        Rejection::TermTooShort => {
            "the new expiry, counted from the original expiry date, would already be past"
        }
        Rejection::InsufficientBalance => "the balance is below the price",
        Rejection::NotAvailable => "auto-renew can only be changed while the resource is available",
    }
}

/// What a state means for the customer.
pub fn state_meaning(state: State) -> &'static str {
    match state {
        State::Available => "in service",
        State::Expired => "grace period: still usable",
        State::Frozen => "retention period: not usable, data kept",
        State::Released => "data deleted; it cannot be renewed",
    }
}

/// The rule label of reminders (a modelling choice, documented in `docs/rules-and-choices.md`).
pub const REMINDER_RULE: &str = "reminders at 09:00 (modelling choice)";

/// The notice the customer receives, in English: the text of a `reminder` event (trace JSON, the
/// CLI's timeline). `due` is the expiry's last second or the release instant.
pub fn reminder_message(notice: Notice, due: Time, resource: &Resource) -> String {
    let id = &resource.id;
    let in_days = |days: u8| match days {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        n => format!("in {n} days"),
    };
    match notice {
        Notice::Expiry { days, unpaid } => format!(
            "Reminder: {id} expires {}, at the end of {}. {}",
            in_days(days),
            due.date(),
            if unpaid {
                "Auto-renew could not pay for it: top up the balance or renew it to keep it in service."
            } else {
                "Renew it to keep it in service."
            }
        ),
        Notice::Release { days } => {
            let keep = if resource.billing() == BillingMode::PayPerUse {
                "Top up the balance"
            } else {
                "Renew it"
            };
            match last_day_kept(days, due) {
                // A release at 00:00 is counted to the last day the data is kept, as an expiry is
                // to its last valid day: "in 2 days, at 00:00" read as a day more than there is.
                Some((left, last)) => format!(
                    "Reminder: {id} has lapsed and its data will be deleted {}, at the end of {last}. {keep} to keep it.",
                    in_days(left),
                ),
                None => format!(
                    "Reminder: {id} has lapsed and its data will be deleted {}, at {}. {keep} to keep it.",
                    in_days(days),
                    when(due),
                ),
            }
        }
    }
}

/// For a release notice sent `days` calendar days before a release at `due`: when the release is
/// at 00:00:00 (a package's, always), the last day the data is kept and how many days from the
/// notice's day that is (`days` − 1). `None` for a release at another hour.
pub fn last_day_kept(days: u8, due: Time) -> Option<(u8, chrono::NaiveDate)> {
    if due.second_of_day() != 0 {
        return None;
    }
    Some((days.saturating_sub(1), due.date().pred_opt()?))
}

/// The rule behind `attempt`, an auto-renew attempt: the 03:00 window, or §6's documented
/// expiry-day case.
pub fn attempt_rule(attempt: &Event) -> &'static str {
    if matches!(
        attempt.kind,
        EventKind::AutoRenewAttempt {
            switched_on: true,
            ..
        }
    ) {
        "§6 auto-renewal switched on on the expiry date"
    } else {
        "§6 auto-renewal at 03:00"
    }
}

/// Whether another event of `event`'s resource follows it at the same instant and changes what
/// comes next: a renewal right after the purchase, the attempt made at once when auto-renew is
/// switched on on the expiry date. That later event's sentence then says what follows; this one
/// says nothing of it, as the resource's status once the instant is over is not this event's
/// consequence. Reminders and refused acts change nothing and do not count; events of the
/// account (top-ups) are never followed so.
pub fn followed_at_same_instant(event: &Event, trace: &Trace) -> bool {
    let Some(r) = event.resource else {
        return false;
    };
    let same_instant = trace.events_at(event.at);
    // The event itself among them: by address when it is one of the trace's, else by value.
    let here = same_instant
        .iter()
        .position(|e| std::ptr::eq(e, event))
        .or_else(|| same_instant.iter().position(|e| e == event));
    here.is_some_and(|i| {
        same_instant[i + 1..].iter().any(|e| {
            e.resource == Some(r)
                && !matches!(
                    e.kind,
                    EventKind::Reminder { .. } | EventKind::ActionRejected { .. }
                )
        })
    })
}

/// The status `event`'s sentence looks ahead from: its resource's once the instant is over, or
/// none when [`followed_at_same_instant`].
pub fn status_after(event: &Event, trace: &Trace) -> Option<ResourceStatus> {
    let r = event.resource?;
    if followed_at_same_instant(event, trace) {
        return None;
    }
    trace.status_at(r, event.at)
}

/// Explains `event` of `trace` (a simulation of `scenario`).
pub fn explain(event: &Event, scenario: &Scenario, trace: &Trace) -> Explanation {
    let resource = event.resource.and_then(|r| scenario.resources.get(r));
    let status = status_after(event, trace);
    let is_ppu = resource.is_some_and(|r| r.billing() == BillingMode::PayPerUse);
    let next_change = status.and_then(|s| s.next_change).map(|(at, to)| match to {
        State::Expired => format!("expires at {} unless renewed", when(at)),
        State::Frozen => format!(
            "frozen at {} unless {}",
            when(at),
            if is_ppu { "topped up" } else { "renewed" }
        ),
        State::Released => format!(
            "data deleted at {} unless {}",
            when(at),
            if is_ppu { "topped up" } else { "renewed" }
        ),
        State::Available => format!("available again at {}", when(at)),
    });
    let next_attempt = status
        .and_then(|s| s.next_attempt)
        .map(|at| format!("auto-renew attempt {}", when(at)));
    let join = |parts: [Option<String>; 2]| {
        let parts: Vec<String> = parts.into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    };
    let (what, rule, next) = match event.kind {
        EventKind::Purchased { expires: Some(expires), balance, .. } => (
            format!("Bought; valid through {}. Balance {balance}.", when(expires)),
            "§2 billing period",
            join([next_attempt, next_change]),
        ),
        EventKind::Purchased { hourly_rate, balance, .. } => (
            format!(
                "Started pay-per-use at {} an hour, charged every full hour. Balance {balance}.",
                hourly_rate.unwrap_or_default()
            ),
            "§9 pay-per-use",
            None,
        ),
        EventKind::StateChanged { from, to } => {
            let why = match (from, to, is_ppu) {
                (_, State::Available, true) => "a top-up brought the balance back to zero or more",
                (_, State::Available, false) => "a renewal paid for it",
                (State::Available, _, true) => "an hourly charge left the balance below zero (arrears)",
                (State::Available, _, false) => "the paid period ended",
                (State::Expired, _, _) => "the grace period ended",
                _ => "the retention period ended",
            };
            let rule = if is_ppu { "§9 pay-per-use arrears" } else { "§3 states" };
            (format!("Now {to} ({}), because {why}.", state_meaning(to)), rule, join([next_change, next_attempt]))
        }
        EventKind::AutoRenewAttempt { failure: None, price, balance, .. } => (
            format!("Auto-renew paid {price}. Balance {balance}."),
            attempt_rule(event),
            None,
        ),
        EventKind::AutoRenewAttempt { failure: Some(_), price, balance, .. } => (
            format!("Auto-renew failed: balance {balance} is below the price {price}. Nothing was charged."),
            attempt_rule(event),
            (!followed_at_same_instant(event, trace))
                .then(|| next_attempt.unwrap_or_else(|| "no further attempt before expiry".to_string())),
        ),
        EventKind::Renewed { source, term, expires, price, balance } => (
            format!(
                "{} for {}, counted from the expiry date; now valid through {}. Balance {balance}.",
                // An automatic renewal's price is said by the attempt that paid for it, just before.
                if source == RenewSource::Auto {
                    "Renewed automatically".to_string()
                } else {
                    format!("Renewed by hand: paid {price}")
                },
                term_words(term),
                when(expires)
            ),
            if source == RenewSource::Auto { "§6 auto-renewal" } else { "§5 manual renewal" },
            join([next_attempt, next_change]),
        ),
        EventKind::TopUp { amount, balance } => (format!("Topped up {amount}. Balance {balance}."), "§7 balance", None),
        EventKind::AutoRenewChanged { settings, times_used } => {
            let what = if times_used {
                "Auto-renew switched itself off: its renewal count is used up.".to_string()
            } else if settings.enabled {
                format!(
                    "Auto-renew on: {} day(s) before expiry, {} each time, {}.",
                    settings.days_before,
                    term_words(settings.term),
                    match settings.times {
                        0 => "unlimited".to_string(),
                        n => format!("{n} renewal(s) left"),
                    }
                )
            } else {
                "Auto-renew off.".to_string()
            };
            // (Last at its instant, after a renewal say, it gives the expiry too.)
            (what, "§6 auto-renewal settings", join([next_attempt, next_change]))
        }
        EventKind::ActionRejected {
            action,
            reason,
            shortfall,
        } => (
            format!(
                "{} refused ({}): {}.",
                match action {
                    ActionName::Renew => "Renewal",
                    ActionName::SetAutoRenew => "Auto-renew change",
                },
                reason.as_str(),
                match shortfall {
                    Some(s) => format!("the balance {} is below the price {}", s.balance, s.price),
                    None => rejection_text(reason).to_string(),
                }
            ),
            if action == ActionName::Renew { "§5 manual renewal" } else { "§6 auto-renewal settings" },
            None,
        ),
        EventKind::Reminder { notice, due } => (
            resource.map_or_else(String::new, |r| reminder_message(notice, due, r)),
            REMINDER_RULE,
            None,
        ),
    };
    Explanation { what, rule, next }
}

/// A readable timeline of `trace`, for pasting into a reply to a customer.
pub fn text_timeline(scenario: &Scenario, trace: &Trace) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let days = scenario.policy.tier(&trace.tier).unwrap_or_default();
    let width = scenario
        .resources
        .iter()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(0)
        .max(7);
    let _ = writeln!(
        out,
        "{} — policy {}, tier {}",
        display_name(scenario),
        printable(&scenario.policy.name),
        trace.tier
    );
    let _ = writeln!(
        out,
        "Grace/retention: packages {} + {} days, pay-per-use {} + {} days. Times are UTC{}.",
        days.package.grace_days,
        days.package.retention_days,
        days.pay_per_use.grace_days,
        days.pay_per_use.retention_days,
        scenario.offset
    );
    let _ = writeln!(out);
    for event in &trace.events {
        let id = event
            .resource
            .and_then(|r| scenario.resources.get(r))
            .map_or("account", |r| r.id.as_str());
        let e = explain(event, scenario, trace);
        let _ = write!(out, "{}  {id:<width$}  {}", when(event.at), e.what);
        if let Some(next) = e.next {
            let _ = write!(out, " Next: {next}.");
        }
        let _ = writeln!(out, " [{}]", e.rule);
    }
    let last = trace.final_snapshot();
    let _ = writeln!(out);
    let _ = writeln!(out, "At {}: balance {}.", when(last.at), last.balance);
    for (resource, status) in scenario.resources.iter().zip(&last.resources) {
        let Some(status) = status else { continue };
        let _ = write!(
            out,
            "  {:<width$}  {} ({})",
            resource.id,
            status.state,
            state_meaning(status.state)
        );
        if let Some(expires) = status.expires() {
            let _ = write!(out, ", expiry {}", when(expires));
        }
        let _ = writeln!(out);
    }
    out
}

/// A term in words: `1 month`, `3 months`, `1 year`.
fn term_words(term: Term) -> String {
    let (n, unit) = match term {
        Term::Months(n) => (n, "month"),
        Term::Years(n) => (n, "year"),
    };
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The scenario's name for a terminal: control characters (a line break, an escape sequence)
/// written as escapes, so a name can neither forge a line of the timeline nor drive the terminal.
fn display_name(scenario: &Scenario) -> String {
    if scenario.name.is_empty() {
        return "Untitled scenario".to_string();
    }
    printable(&scenario.name)
}

/// `text` with its control characters escaped (`\n`, `\u{1b}`), so that a name or message from a
/// file can neither start a line of its own nor send escape sequences to a terminal.
pub fn printable(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{simulate, ScenarioDoc};

    #[test]
    fn an_instant_written_reads_back() {
        let t = Time::parse_local("2026-02-28T03:00:59").expect("a time");
        assert_eq!(when(t), "2026-02-28 03:00:59");
        assert_eq!(read_when(&when(t)), Some(t));
        for other in ["2026-02-28T03:00:59", "2026-02-30 03:00:00", "soon", ""] {
            assert_eq!(read_when(other), None, "{other}");
        }
    }

    /// `(what, next)` of each event of `json`'s scenario, for its own tier.
    fn sentences(json: &str) -> Vec<(String, Option<String>)> {
        let doc = ScenarioDoc::from_json(json).expect("a valid file");
        let scenario = Scenario::from_doc(&doc).expect("a valid scenario");
        let trace = simulate(&scenario);
        trace
            .events
            .iter()
            .map(|e| {
                let said = explain(e, &scenario, &trace);
                (said.what, said.next)
            })
            .collect()
    }

    fn next_of<'a>(said: &'a [(String, Option<String>)], what: &str) -> Option<&'a str> {
        let (_, next) = said
            .iter()
            .find(|(w, _)| w.starts_with(what))
            .unwrap_or_else(|| panic!("no event {what:?} in {said:#?}"));
        next.as_deref()
    }

    #[test]
    fn an_event_followed_by_another_of_its_resource_at_the_same_instant_leaves_the_next_to_it() {
        // Bought and renewed at once, then auto-renew switched on and off again at one instant.
        let same_instant = r#"{"format":"renewal-lab/1","policy":"huawei-cn","tier":"V3",
            "balance":"100","resources":[{"id":"a","billing":"package",
            "start":"2026-03-08T10:00:00","term":"1m","prices":{"month":"30","year":"300"}}],
            "actions":[{"at":"2026-03-08T10:00:00","do":"renew","resource":"a","term":"1m"},
            {"at":"2026-04-30T10:00:00","do":"set_auto_renew","resource":"a","enabled":true},
            {"at":"2026-04-30T10:00:00","do":"set_auto_renew","resource":"a","enabled":false}],
            "until":"2026-05-10T00:00:00"}"#;
        let said = sentences(same_instant);
        // The purchase alone would expire on April 9; the renewal at its instant says May 9.
        assert_eq!(next_of(&said, "Bought"), None);
        assert_eq!(
            next_of(&said, "Renewed by hand"),
            Some("expires at 2026-05-09 00:00:00 unless renewed")
        );
        // Switched on and off at once: no attempt to announce from the first; the last gives the
        // expiry.
        assert_eq!(next_of(&said, "Auto-renew on"), None);
        assert_eq!(
            next_of(&said, "Auto-renew off"),
            Some("expires at 2026-05-09 00:00:00 unless renewed")
        );

        // Switched on on the expiry date: the attempt at that instant comes next, not May 1.
        let said = sentences(include_str!("../scenarios/auto-renew-on-expiry-day.json"));
        assert_eq!(next_of(&said, "Auto-renew on"), None);
        assert_eq!(
            next_of(&said, "Renewed automatically"),
            Some("auto-renew attempt 2026-05-01 03:00:00; expires at 2026-05-09 00:00:00 unless renewed")
        );
        // The second automatic renewal of two, and auto-renew switching itself off at once:
        // the switch-off says when the package now expires.
        let said = sentences(include_str!("../scenarios/auto-renew-twice.json"));
        let renewals: Vec<_> = said
            .iter()
            .filter(|(w, _)| w.starts_with("Renewed automatically"))
            .collect();
        assert_eq!(renewals.len(), 2, "{said:#?}");
        assert!(renewals[0].1.is_some(), "{said:#?}");
        assert_eq!(renewals[1].1, None);
        assert_eq!(
            next_of(&said, "Auto-renew switched itself off"),
            Some("expires at 2026-04-16 00:00:00 unless renewed")
        );
        // A refused act after the lapse at its instant changes nothing: the lapse still says
        // what follows.
        let refused_after_lapse = same_instant.replace(
            r#"{"at":"2026-04-30T10:00:00","do":"set_auto_renew","resource":"a","enabled":true},
            {"at":"2026-04-30T10:00:00","do":"set_auto_renew","resource":"a","enabled":false}"#,
            r#"{"at":"2026-05-09T00:00:00","do":"set_auto_renew","resource":"a","enabled":true}"#,
        );
        let said = sentences(&refused_after_lapse);
        assert!(
            said.iter()
                .any(|(w, _)| w.starts_with("Auto-renew change refused")),
            "{said:#?}"
        );
        assert_eq!(
            next_of(&said, "Now expired"),
            Some("frozen at 2026-05-16 00:00:00 unless renewed")
        );
        // Alone at its instant, an event still says what follows.
        let said = sentences(include_str!("../scenarios/auto-renew-low-balance.json"));
        assert_eq!(
            next_of(&said, "Auto-renew failed"),
            Some("auto-renew attempt 2026-04-02 03:00:00")
        );
    }
}
