//! Reminders in the app's language: a `reminder` event's sentence made from its structured notice.
//! The English is the same as [`crate::explain::reminder_message`] (the CLI's text); a unit test holds
//! them together.

use crate::engine::{BillingMode, Notice, Resource, Time};
use crate::explain::last_day_kept;
use crate::ui::i18n::explain::when;
use crate::ui::i18n::{format, tr, trf, Lang};

/// The notice the customer receives, in `lang`. `due` is the expiry's last second or the release
/// instant, as carried by the event.
pub fn sentence(lang: Lang, notice: Notice, due: Time, resource: &Resource) -> String {
    let id = resource.id.as_str();
    let date = format::date(lang, due.date());
    let instant = when(lang, due);
    let top_up = resource.billing() == BillingMode::PayPerUse;
    match notice {
        Notice::Expiry {
            days: 0,
            unpaid: false,
        } => trf(
            lang,
            "Reminder: {0} expires today, at the end of {1}. Renew it to keep it in service.",
            &[id, &date],
        ),
        Notice::Expiry {
            days: 0,
            unpaid: true,
        } => trf(
            lang,
            "Reminder: {0} expires today, at the end of {1}. Auto-renew could not pay for it: top up the balance or renew it to keep it in service.",
            &[id, &date],
        ),
        Notice::Expiry {
            days,
            unpaid: false,
        } => trf(
            lang,
            "Reminder: {0} expires in {1} days, at the end of {2}. Renew it to keep it in service.",
            &[id, &days.to_string(), &date],
        ),
        Notice::Expiry { days, unpaid: true } => trf(
            lang,
            "Reminder: {0} expires in {1} days, at the end of {2}. Auto-renew could not pay for it: top up the balance or renew it to keep it in service.",
            &[id, &days.to_string(), &date],
        ),
        Notice::Release { days } => match last_day_kept(days, due) {
            // Counted to the last day the data is kept, as the English is (see `explain`).
            Some((left, last)) => {
                let last = format::date(lang, last);
                match (left, top_up) {
                    (0, true) => trf(
                        lang,
                        "Reminder: {0} has lapsed and its data will be deleted today, at the end of {1}. Top up the balance to keep it.",
                        &[id, &last],
                    ),
                    (0, false) => trf(
                        lang,
                        "Reminder: {0} has lapsed and its data will be deleted today, at the end of {1}. Renew it to keep it.",
                        &[id, &last],
                    ),
                    (1, true) => trf(
                        lang,
                        "Reminder: {0} has lapsed and its data will be deleted tomorrow, at the end of {1}. Top up the balance to keep it.",
                        &[id, &last],
                    ),
                    (1, false) => trf(
                        lang,
                        "Reminder: {0} has lapsed and its data will be deleted tomorrow, at the end of {1}. Renew it to keep it.",
                        &[id, &last],
                    ),
                    (n, true) => trf(
                        lang,
                        "Reminder: {0} has lapsed and its data will be deleted in {1} days, at the end of {2}. Top up the balance to keep it.",
                        &[id, &n.to_string(), &last],
                    ),
                    (n, false) => trf(
                        lang,
                        "Reminder: {0} has lapsed and its data will be deleted in {1} days, at the end of {2}. Renew it to keep it.",
                        &[id, &n.to_string(), &last],
                    ),
                }
            }
            None if days == 1 && top_up => trf(
                lang,
                "Reminder: {0} has lapsed and its data will be deleted tomorrow, at {1}. Top up the balance to keep it.",
                &[id, &instant],
            ),
            None if days == 1 => trf(
                lang,
                "Reminder: {0} has lapsed and its data will be deleted tomorrow, at {1}. Renew it to keep it.",
                &[id, &instant],
            ),
            None if top_up => trf(
                lang,
                "Reminder: {0} has lapsed and its data will be deleted in {1} days, at {2}. Top up the balance to keep it.",
                &[id, &days.to_string(), &instant],
            ),
            None => trf(
                lang,
                "Reminder: {0} has lapsed and its data will be deleted in {1} days, at {2}. Renew it to keep it.",
                &[id, &days.to_string(), &instant],
            ),
        },
    }
}

/// The event kind's short name (log badge, legend).
pub fn kind_label(lang: Lang) -> &'static str {
    tr(lang, "reminder")
}

/// The rule that produced a reminder, as the event log and marker titles name rules.
pub fn rule(lang: Lang) -> &'static str {
    tr(lang, "reminders at 09:00 (modelling choice)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{simulate, EventKind, Scenario};

    /// A package with auto-renew off and a pay-per-use resource that falls into arrears.
    const SCENARIO: &str = r#"{
      "format": "renewal-lab/1", "policy": "huawei-cn", "tier": "V1", "balance": "1.00",
      "resources": [
        { "id": "p", "billing": "package", "start": "2026-03-08T10:00:00", "term": "1m",
          "prices": { "month": "30.00", "year": "300.00" } },
        { "id": "m", "billing": "pay_per_use", "start": "2026-03-08T10:00:00", "hourly_rate": "1.00" }
      ],
      "until": "2026-05-01T00:00:00"
    }"#;

    #[test]
    fn english_matches_the_cli_and_every_language_fills_the_holes() {
        let scenario = Scenario::from_json(SCENARIO).unwrap();
        let trace = simulate(&scenario);
        let mut seen = 0;
        let mut english = Vec::new();
        for event in &trace.events {
            let EventKind::Reminder { notice, due } = event.kind else {
                continue;
            };
            seen += 1;
            let resource = &scenario.resources[event.resource.unwrap()];
            assert_eq!(
                sentence(Lang::En, notice, due, resource),
                crate::explain::reminder_message(notice, due, resource)
            );
            for lang in Lang::ALL {
                let text = sentence(lang, notice, due, resource);
                assert!(text.contains(&resource.id) && !text.contains('{'), "{text}");
            }
            english.push(sentence(Lang::En, notice, due, resource));
        }
        // The package goes at 00:00: its notices count to the last day its data is kept, as an
        // expiry's do ("in 5 days", "tomorrow", "today, at the end of" 04-16, sent 04-11, 04-15
        // and 04-16). The meter goes at the hour its arrears began: "tomorrow, at" that instant.
        let lapsed = |id: &str| -> Vec<&String> {
            let head = format!("Reminder: {id} has lapsed");
            english.iter().filter(|s| s.starts_with(&head)).collect()
        };
        let package = lapsed("p");
        assert!(
            package[0].contains("deleted in 5 days, at the end of 2026-04-16.")
                && package[1].contains("deleted tomorrow, at the end of 2026-04-16."),
            "{package:?}"
        );
        let last_day = |id: &str| lapsed(id).last().map(|s| s.to_string()).unwrap_or_default();
        assert!(
            last_day("p").contains("deleted today, at the end of 2026-04-16."),
            "{}",
            last_day("p")
        );
        assert!(
            last_day("m").contains("deleted tomorrow, at "),
            "{}",
            last_day("m")
        );
        // p: expiry 5 d, 2 d, today, then release 6 d, 2 d, tomorrow; m: release 6 d, 2 d, tomorrow
        assert_eq!(seen, 9);
    }
}
