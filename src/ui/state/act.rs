//! The customer's acts at the clock's time (renew, top up, auto-renew settings): the act panel's
//! values read into a recorded action, and what the recorded act did, in words.

use super::words::own_trace;
use crate::engine::doc::{ActionDoc, ActionVerb, AmountDoc};
use crate::engine::{Cents, EventKind, Term, Time};
use crate::ui::i18n::explain as say;
use crate::ui::i18n::{errors, tr, trf, Lang, LocalText};
use crate::ui::sim::Sim;

/// A customer act at the clock's time, with the form's values still as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Act {
    /// Renew `resource` by `term`.
    Renew {
        /// The resource's id.
        resource: String,
        /// A term such as `1m` or `1y`.
        term: String,
    },
    /// Add `amount` to the balance.
    TopUp {
        /// A decimal amount with at most two decimals.
        amount: String,
    },
    /// Switch auto-renew on or off and set its deduction day, term and count.
    SetAutoRenew {
        /// The resource's id.
        resource: String,
        /// On or off.
        enabled: bool,
        /// Days before expiry of the first attempt (0 to 7).
        days_before: String,
        /// The term of each automatic renewal.
        term: String,
        /// Renewals left, 0 for unlimited (0 to 99).
        times: String,
    },
}

impl Act {
    /// The action this act records at `at`, or what is wrong with the form's values.
    pub fn to_action_doc(&self, at: Time) -> Result<ActionDoc, LocalText> {
        let mut doc = ActionDoc::new(at.local_string(), ActionVerb::TopUp);
        match self {
            Act::Renew { resource, term } => {
                doc.verb = ActionVerb::Renew;
                doc.resource = Some(chosen_resource(resource)?);
                doc.term = Some(parse_term(|l| tr(l, "Renewal term"), term)?);
            }
            Act::TopUp { amount } => {
                doc.amount = Some(AmountDoc::text(top_up_amount(amount)?.to_string()));
            }
            Act::SetAutoRenew {
                resource,
                enabled,
                days_before,
                term,
                times,
            } => {
                doc.verb = ActionVerb::SetAutoRenew;
                doc.resource = Some(chosen_resource(resource)?);
                doc.enabled = Some(*enabled);
                doc.days_before = Some(parse_whole(
                    |l| tr(l, "Deduction days before"),
                    days_before,
                    0,
                    MAX_DAYS_BEFORE,
                )?);
                doc.term = Some(parse_term(|l| tr(l, "Auto-renew term"), term)?);
                doc.times = Some(parse_whole(
                    |l| tr(l, "Renewal count"),
                    times,
                    0,
                    MAX_RENEWAL_COUNT,
                )?);
            }
        }
        Ok(doc)
    }
}

fn chosen_resource(id: &str) -> Result<String, LocalText> {
    match id.trim() {
        "" => Err(LocalText::new(|l| {
            tr(l, "Choose a resource to act on.").to_string()
        })),
        id => Ok(id.to_string()),
    }
}

/// A form field's label in a language.
type Label = fn(Lang) -> &'static str;

fn parse_term(label: Label, text: &str) -> Result<String, LocalText> {
    Term::parse(text.trim())
        .map(|term| term.to_string())
        .map_err(|error| {
            LocalText::new(|l| trf(l, "{0}: {1}.", &[label(l), &errors::message(l, &error)]))
        })
}

/// A top-up amount as typed, in the format's notation: more than 0, with at most two decimals; or
/// why not, in words.
pub fn top_up_amount(text: &str) -> Result<Cents, LocalText> {
    let cents = Cents::parse(text.trim()).map_err(|error| {
        LocalText::new(|l| {
            trf(
                l,
                "{0}: {1}.",
                &[tr(l, "Top-up amount"), &errors::message(l, &error)],
            )
        })
    })?;
    if cents == Cents::ZERO {
        return Err(LocalText::new(|l| {
            tr(l, "Top-up amount: it must be more than 0.").to_string()
        }));
    }
    Ok(cents)
}

/// The act panel's largest "Deduction days before" (the format's limit).
pub const MAX_DAYS_BEFORE: i64 = 7;
/// The act panel's largest "Renewal count" (0 is unlimited).
pub const MAX_RENEWAL_COUNT: i64 = 99;

/// `text` as a whole number from `min` to `max`, if it is one.
pub fn whole_in(text: &str, min: i64, max: i64) -> Option<i64> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
}

fn parse_whole(label: Label, text: &str, min: i64, max: i64) -> Result<i64, LocalText> {
    whole_in(text, min, max).ok_or_else(|| {
        let (min, max) = (min.to_string(), max.to_string());
        LocalText::new(|l| {
            if text.trim().is_empty() {
                trf(
                    l,
                    "{0}: enter a whole number from {1} to {2}.",
                    &[label(l), &min, &max],
                )
            } else {
                trf(
                    l,
                    "{0}: {1} is not a whole number from {2} to {3}.",
                    &[label(l), &format!("{text:?}"), &min, &max],
                )
            }
        })
    })
}

/// How an act turned out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Recorded, and the engine accepted it.
    Done,
    /// Recorded, and the engine refused it (the reason is in the text).
    Refused,
    /// Not recorded: the form's values or the scenario were not usable.
    Invalid,
}

/// What the last act did, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActReport {
    /// How it turned out.
    pub outcome: Outcome,
    /// What happened at that instant (or what is wrong).
    pub text: LocalText,
}

impl ActReport {
    pub(super) fn invalid(text: LocalText) -> Self {
        ActReport {
            outcome: Outcome::Invalid,
            text,
        }
    }
}

/// What the act recorded at `at` did, in the scenario's own tier: the events `after` has at `at`
/// beyond those `before` had (the new action comes last at its instant).
pub(super) fn act_report(before: &Sim, after: &Sim, at: Time) -> ActReport {
    let Some(trace) = own_trace(after) else {
        return ActReport::invalid(LocalText::new(|l| {
            tr(l, "The scenario's tier has no simulation.").into()
        }));
    };
    let known = own_trace(before).map_or(0, |t| t.events_at(at).len());
    let new_events = trace.events_at(at).get(known..).unwrap_or_default();
    let refused = new_events
        .iter()
        .any(|e| matches!(e.kind, EventKind::ActionRejected { .. }));
    let text = LocalText::new(|l| {
        // In words only (the format's reason codes mean nothing to a customer).
        let what = if new_events.is_empty() {
            tr(l, "Recorded; nothing changed at this instant.").to_string()
        } else {
            say::sentences(l, &after.scenario, trace, new_events)
        };
        trf(
            l,
            "At {0} (tier {1}): {2}",
            &[&say::when(l, at), &trace.tier, &what],
        )
    });
    ActReport {
        outcome: if refused {
            Outcome::Refused
        } else {
            Outcome::Done
        },
        text,
    }
}
