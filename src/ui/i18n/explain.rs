//! The app's sentences about events, in each language, built from the event's structure (the
//! same facts as `crate::explain`, which stays English for `renewal-cli`).

use super::format::{count, days, money, second};
use super::{tr, trf, Lang};
use crate::engine::trace::{ActionName, Rejection, RenewSource, Shortfall};
use crate::engine::{BillingMode, Event, EventKind, Scenario, State, Term, Time, Trace};
use crate::ui::reminder;

/// A sentence about one event, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// What happened.
    pub what: String,
    /// The rule that produced it, e.g. `§6 auto-renewal`.
    pub rule: String,
    /// When the next consequence follows, if anything is scheduled.
    pub next: Option<String>,
}

/// A local time for sentences: `2026-04-01 03:00:00` in the language's date format.
pub fn when(lang: Lang, t: Time) -> String {
    second(lang, t)
}

/// A state's name as the engine spells it (`available`, `expired`, `frozen`, `released`).
pub fn state_name(lang: Lang, state: State) -> &'static str {
    match state {
        State::Available => tr(lang, "available"),
        State::Expired => tr(lang, "expired"),
        State::Frozen => tr(lang, "frozen"),
        State::Released => tr(lang, "released"),
    }
}

/// A state's name with its period, short (`available (in service)`): the lanes' and the answers'
/// words for it.
pub fn state_label(lang: Lang, state: State) -> &'static str {
    match state {
        State::Available => tr(lang, "available (in service)"),
        State::Expired => tr(lang, "expired (grace period)"),
        State::Frozen => tr(lang, "frozen (retention period)"),
        State::Released => tr(lang, "released (data deleted)"),
    }
}

/// What a state means for the customer.
pub fn state_meaning(lang: Lang, state: State) -> &'static str {
    match state {
        State::Available => tr(lang, "in service"),
        State::Expired => tr(lang, "grace period: still usable"),
        State::Frozen => tr(lang, "retention period: not usable, data kept"),
        State::Released => tr(lang, "data deleted; it cannot be renewed"),
    }
}

/// Why an act was refused, in words: with the balance and the price when the balance could not
/// pay a renewal.
pub fn refusal(lang: Lang, reason: Rejection, shortfall: Option<Shortfall>) -> String {
    match shortfall {
        Some(Shortfall { price, balance }) => trf(
            lang,
            "the balance {0} is below the price {1}",
            &[&money(lang, balance), &money(lang, price)],
        ),
        None => rejection(lang, reason).to_string(),
    }
}

/// What a rejection reason means, in words.
pub fn rejection(lang: Lang, reason: Rejection) -> &'static str {
    match reason {
        Rejection::Released => tr(
            lang,
            "the resource was already released (its data is deleted)",
        ),
        Rejection::NotPackage => tr(
            lang,
            "pay-per-use resources cannot be renewed or auto-renewed",
        ),
        Rejection::TermTooShort => tr(
            lang,
            "the new expiry, counted from the original expiry date, would already be past",
        ),
        Rejection::InsufficientBalance => tr(lang, "the balance is below the price"),
        Rejection::NotAvailable => tr(
            lang,
            "auto-renew can only be changed while the resource is available",
        ),
    }
}

/// Which act was refused: `Renewal`, `Auto-renew change`.
pub fn act_name(lang: Lang, action: ActionName) -> &'static str {
    match action {
        ActionName::Renew => tr(lang, "Renewal"),
        ActionName::SetAutoRenew => tr(lang, "Auto-renew change"),
    }
}

/// A term in words: `1 month`, `3 months`, `2 years` (`1个月`, `2年`; `1 mês`, `2 anos`).
pub fn term(lang: Lang, term: Term) -> String {
    let (n, one, other) = match term {
        Term::Months(n) => (n, "{0} month", "{0} months"),
        Term::Years(n) => (n, "{0} year", "{0} years"),
    };
    let n = i64::from(n);
    // Terms are never 0, so the Portuguese and English rules agree here.
    trf(lang, if n == 1 { one } else { other }, &[&count(lang, n)])
}

/// How many events [`sentences`] says before counting the rest (a file may put thousands at one
/// instant; the headline and the live region would then hold pages of text).
pub const MAX_SENTENCES: usize = 6;

/// `events` of `trace` (a simulation of `scenario`) as one run of sentences, each naming its
/// resource (or the account): `ocr: Auto-renew failed: …`; past [`MAX_SENTENCES`], how many more.
pub fn sentences(lang: Lang, scenario: &Scenario, trace: &Trace, events: &[Event]) -> String {
    let mut said: Vec<String> = events
        .iter()
        .take(MAX_SENTENCES)
        .map(|event| {
            let what = explain(lang, event, scenario, trace).what;
            trf(lang, "{0}: {1}", &[subject(lang, scenario, event), &what])
        })
        .collect();
    let more = events.len().saturating_sub(MAX_SENTENCES);
    if more > 0 {
        said.push(super::pluralf(
            lang,
            i64::try_from(more).unwrap_or(i64::MAX),
            "And {0} more event at this instant (the event log lists each).",
            "And {0} more events at this instant (the event log lists each).",
            &[],
        ));
    }
    said.join(super::sentence_gap(lang))
}

/// Whom `event` concerns: its resource's id, or the account (a top-up).
pub fn subject<'a>(lang: Lang, scenario: &'a Scenario, event: &Event) -> &'a str {
    event
        .resource
        .and_then(|r| scenario.resources.get(r))
        .map_or(tr(lang, "Account"), |r| r.id.as_str())
}

/// Explains `event` of `trace` (a simulation of `scenario`) in `lang`.
pub fn explain(lang: Lang, event: &Event, scenario: &Scenario, trace: &Trace) -> Explanation {
    let resource = event.resource.and_then(|r| scenario.resources.get(r));
    let status = crate::explain::status_after(event, trace);
    let is_ppu = resource.is_some_and(|r| r.billing() == BillingMode::PayPerUse);
    let m = |cents| money(lang, cents);
    let next_change = status.and_then(|s| s.next_change).map(|(at, to)| {
        let at = when(lang, at);
        match (to, is_ppu) {
            (State::Expired, _) => trf(lang, "expires at {0} unless renewed", &[&at]),
            (State::Frozen, true) => trf(lang, "frozen at {0} unless topped up", &[&at]),
            (State::Frozen, false) => trf(lang, "frozen at {0} unless renewed", &[&at]),
            (State::Released, true) => trf(lang, "data deleted at {0} unless topped up", &[&at]),
            (State::Released, false) => trf(lang, "data deleted at {0} unless renewed", &[&at]),
            (State::Available, _) => trf(lang, "available again at {0}", &[&at]),
        }
    });
    let next_attempt = status
        .and_then(|s| s.next_attempt)
        .map(|at| trf(lang, "auto-renew attempt {0}", &[&when(lang, at)]));
    let join = |parts: [Option<String>; 2]| {
        let parts: Vec<String> = parts.into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(tr(lang, "; ")))
    };
    // The rule an auto-renew attempt cites (the 03:00 window's, or the switch-on case's).
    let attempt_rule = || tr(lang, crate::explain::attempt_rule(event));
    let (what, rule, next) = match event.kind {
        EventKind::Reminder { notice, due } => (
            resource.map_or_else(String::new, |r| reminder::sentence(lang, notice, due, r)),
            reminder::rule(lang),
            None,
        ),
        EventKind::Purchased {
            expires: Some(expires),
            balance,
            ..
        } => (
            trf(
                lang,
                "Bought; valid through {0}. Balance {1}.",
                &[&when(lang, expires), &m(balance)],
            ),
            tr(lang, "§2 billing period"),
            join([next_attempt, next_change]),
        ),
        EventKind::Purchased {
            hourly_rate,
            balance,
            ..
        } => (
            trf(
                lang,
                "Started pay-per-use at {0} an hour, charged every full hour. Balance {1}.",
                &[&m(hourly_rate.unwrap_or_default()), &m(balance)],
            ),
            tr(lang, "§9 pay-per-use"),
            None,
        ),
        EventKind::StateChanged { from, to } => {
            let why = match (from, to, is_ppu) {
                (_, State::Available, true) => {
                    tr(lang, "a top-up brought the balance back to zero or more")
                }
                (_, State::Available, false) => tr(lang, "a renewal paid for it"),
                (State::Available, _, true) => tr(
                    lang,
                    "an hourly charge left the balance below zero (arrears)",
                ),
                (State::Available, _, false) => tr(lang, "the paid period ended"),
                (State::Expired, _, _) => tr(lang, "the grace period ended"),
                _ => tr(lang, "the retention period ended"),
            };
            let rule = if is_ppu {
                tr(lang, "§9 pay-per-use arrears")
            } else {
                tr(lang, "§3 states")
            };
            (
                trf(
                    lang,
                    "Now {0} ({1}), because {2}.",
                    &[state_name(lang, to), state_meaning(lang, to), why],
                ),
                rule,
                join([next_change, next_attempt]),
            )
        }
        EventKind::AutoRenewAttempt {
            failure: None,
            price,
            balance,
            ..
        } => (
            trf(
                lang,
                "Auto-renew paid {0}. Balance {1}.",
                &[&m(price), &m(balance)],
            ),
            attempt_rule(),
            None,
        ),
        EventKind::AutoRenewAttempt {
            failure: Some(_),
            price,
            balance,
            ..
        } => {
            (
                trf(
                    lang,
                    "Auto-renew failed: balance {0} is below the price {1}. Nothing was charged.",
                    &[&m(balance), &m(price)],
                ),
                attempt_rule(),
                // (A workshop's view hides the next attempt: it is not said to be none.)
                if trace.hides_future || crate::explain::followed_at_same_instant(event, trace) {
                    next_attempt
                } else {
                    Some(next_attempt.unwrap_or_else(|| {
                        tr(lang, "no further attempt before expiry").to_string()
                    }))
                },
            )
        }
        EventKind::Renewed {
            source,
            term: t,
            expires,
            price,
            balance,
        } => {
            let args = [term(lang, t), when(lang, expires), m(balance), m(price)];
            let args = [
                args[0].as_str(),
                args[1].as_str(),
                args[2].as_str(),
                args[3].as_str(),
            ];
            if source == RenewSource::Auto {
                (
                    trf(lang, "Renewed automatically for {0}, counted from the expiry date; now valid through {1}. Balance {2}.", &args),
                    tr(lang, "§6 auto-renewal"),
                    join([next_attempt, next_change]),
                )
            } else {
                (
                    trf(lang, "Renewed by hand: paid {3} for {0}, counted from the expiry date; now valid through {1}. Balance {2}.", &args),
                    tr(lang, "§5 manual renewal"),
                    join([next_attempt, next_change]),
                )
            }
        }
        EventKind::TopUp { amount, balance } => (
            trf(
                lang,
                "Topped up {0}. Balance {1}.",
                &[&m(amount), &m(balance)],
            ),
            tr(lang, "§7 balance"),
            None,
        ),
        EventKind::AutoRenewChanged {
            settings,
            times_used,
        } => {
            let what = if times_used {
                tr(
                    lang,
                    "Auto-renew switched itself off: its renewal count is used up.",
                )
                .to_string()
            } else if settings.enabled {
                let left = match settings.times {
                    0 => tr(lang, "unlimited").to_string(),
                    n => {
                        let n = i64::from(n);
                        let key = if n == 1 || (lang == Lang::PtBr && n == 0) {
                            "{0} renewal left"
                        } else {
                            "{0} renewals left"
                        };
                        trf(lang, key, &[&count(lang, n)])
                    }
                };
                trf(
                    lang,
                    "Auto-renew on: {0} before expiry, {1} each time, {2}.",
                    &[
                        &days(lang, i64::from(settings.days_before)),
                        &term(lang, settings.term),
                        &left,
                    ],
                )
            } else {
                tr(lang, "Auto-renew off.").to_string()
            };
            // (Last at its instant, after a renewal say, it gives the expiry too.)
            (
                what,
                tr(lang, "§6 auto-renewal settings"),
                join([next_attempt, next_change]),
            )
        }
        EventKind::ActionRejected {
            action,
            reason,
            shortfall,
        } => (
            trf(
                lang,
                "{0} refused: {1}.",
                &[act_name(lang, action), &refusal(lang, reason, shortfall)],
            ),
            if action == ActionName::Renew {
                tr(lang, "§5 manual renewal")
            } else {
                tr(lang, "§6 auto-renewal settings")
            },
            None,
        ),
    };
    Explanation {
        what,
        rule: rule.to_string(),
        next,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;

    const SCENARIO: &str = r#"{
      "format": "renewal-lab/1", "name": "t", "timezone": "+08:00", "policy": "huawei-cn",
      "tier": "V3", "balance": "20.00",
      "resources": [
        { "id": "ocr", "billing": "package", "start": "2026-03-08T10:00:00", "term": "1m",
          "prices": { "month": "30.00", "year": "300.00" },
          "auto_renew": { "enabled": true, "days_before": 7, "term": "1m", "times": 0 } }
      ],
      "actions": [ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "1500.00" } ],
      "until": "2026-05-20T00:00:00"
    }"#;

    fn sentences(lang: Lang) -> Vec<String> {
        let scenario = Scenario::from_json(SCENARIO).unwrap();
        let trace = simulate(&scenario);
        trace
            .events
            .iter()
            .map(|e| explain(lang, e, &scenario, &trace).what)
            .collect()
    }

    #[test]
    fn english_matches_the_cli_explanations_where_units_agree() {
        let scenario = Scenario::from_json(SCENARIO).unwrap();
        let trace = simulate(&scenario);
        for event in &trace.events {
            let ours = explain(Lang::En, event, &scenario, &trace);
            let cli = crate::explain::explain(event, &scenario, &trace);
            assert_eq!(ours.rule, cli.rule);
            // Amounts are grouped here ("1,500.00") and terms in words ("1 month").
            let plain = |text: &str| text.replace(',', "");
            if !matches!(event.kind, EventKind::Renewed { .. }) {
                assert_eq!(plain(&ours.what), plain(&cli.what));
            }
        }
    }

    #[test]
    fn every_language_says_the_same_facts() {
        let (en, zh, pt) = (
            sentences(Lang::En),
            sentences(Lang::ZhCn),
            sentences(Lang::PtBr),
        );
        assert_eq!(
            en[0],
            "Bought; valid through 2026-04-08 23:59:59. Balance 20.00."
        );
        assert_eq!(zh[0], "已购买，有效期至 2026/04/08 23:59:59。余额 20.00。");
        assert_eq!(
            pt[0],
            "Comprado; válido até 08/04/2026 23:59:59. Saldo 20,00."
        );
        assert!(en
            .iter()
            .any(|s| s == "Topped up 1,500.00. Balance 1,520.00."));
        assert!(pt
            .iter()
            .any(|s| s == "Recarga de 1.500,00. Saldo 1.520,00."));
        assert!(en
            .iter()
            .any(|s| s.starts_with("Renewed automatically for 1 month")));
        for s in zh.iter() {
            assert!(!s.contains("Balance") && !s.contains("Auto-renew"), "{s}");
        }
    }

    #[test]
    fn a_failed_attempt_in_a_view_cut_at_the_clock_does_not_say_none_follows() {
        let scenario = Scenario::from_json(SCENARIO).unwrap();
        let trace = simulate(&scenario);
        // The failed attempt of 04-02 03:00 is followed by another on 04-03.
        let now = Time::parse_local("2026-04-02T12:00:00").unwrap();
        let known = crate::workshop::known_until(&trace, now);
        let failed = known.events.last().expect("an event");
        assert!(matches!(
            failed.kind,
            EventKind::AutoRenewAttempt {
                failure: Some(_),
                ..
            }
        ));
        let full = explain(Lang::En, failed, &scenario, &trace).next;
        assert_eq!(
            full.as_deref(),
            Some("auto-renew attempt 2026-04-03 03:00:00")
        );
        assert_eq!(explain(Lang::En, failed, &scenario, &known).next, None);
    }

    #[test]
    fn many_events_at_one_instant_are_said_as_a_few_and_a_count() {
        let scenario = Scenario::from_json(SCENARIO).unwrap();
        let trace = simulate(&scenario);
        let top_up = trace
            .events
            .iter()
            .find(|e| matches!(e.kind, EventKind::TopUp { .. }))
            .copied()
            .expect("a top-up");
        let many = vec![top_up; 10_000];
        let said = super::sentences(Lang::En, &scenario, &trace, &many);
        assert_eq!(said.matches("Account: Topped up").count(), MAX_SENTENCES);
        assert!(
            said.ends_with("And 9,994 more events at this instant (the event log lists each)."),
            "{said}"
        );
        let one_more = super::sentences(Lang::PtBr, &scenario, &trace, &many[..=MAX_SENTENCES]);
        assert!(one_more
            .ends_with("E mais 1 evento neste instante (o registro de eventos lista cada um)."));
        let few = super::sentences(Lang::En, &scenario, &trace, &many[..MAX_SENTENCES]);
        assert!(!few.contains("more event"), "{few}");
    }

    #[test]
    fn terms_in_words() {
        assert_eq!(term(Lang::En, Term::Months(1)), "1 month");
        assert_eq!(term(Lang::En, Term::Years(2)), "2 years");
        assert_eq!(term(Lang::ZhCn, Term::Months(3)), "3个月");
        assert_eq!(term(Lang::PtBr, Term::Months(2)), "2 meses");
        assert_eq!(term(Lang::PtBr, Term::Years(1)), "1 ano");
    }
}
