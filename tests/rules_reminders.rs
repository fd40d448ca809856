//! Reminders (a modelling choice; `docs/rules-and-choices.md`, "Reminders"): the notices a customer
//! receives, as `reminder` events that change nothing. At 09:00:00 local
//! - on `X − 5`, `X − 2` and `X` (the expiry date) while `available`, the expiry date not yet moved,
//!   and auto-renew off or its last attempt for `X` failed;
//! - 6 and 2 days before the release date and on the day before it, while `expired` or `frozen`.
//!
//! Unless a test says otherwise: tier V3 (packages 7 + 7 days), a package `p` bought 2026-03-08
//! 10:00 for 1m, so `X` = 2026-04-08, expired 04-09, frozen 04-16, released 04-23 00:00.

mod common;

use common::*;
use serde_json::{json, Value};

const START: &str = "2026-03-08T10:00:00";
const UNTIL: &str = "2026-05-01T00:00:00";

fn expiry(at: &str, days: u8, x: &str) -> String {
    format!("{at} p reminder expiry {days} {x}T23:59:59")
}

fn release(at: &str, days: u8, released: &str) -> String {
    format!("{at} p reminder release {days} {released}")
}

/// The three expiry reminders of `X` = 2026-04-08.
fn expiry_0408() -> Vec<String> {
    vec![
        expiry("2026-04-03T09:00:00", 5, "2026-04-08"),
        expiry("2026-04-06T09:00:00", 2, "2026-04-08"),
        expiry("2026-04-08T09:00:00", 0, "2026-04-08"),
    ]
}

/// The three release reminders of a release at 2026-04-23 00:00 (V3).
fn release_0423() -> Vec<String> {
    vec![
        release("2026-04-17T09:00:00", 6, "2026-04-23T00:00:00"),
        release("2026-04-21T09:00:00", 2, "2026-04-23T00:00:00"),
        release("2026-04-22T09:00:00", 1, "2026-04-23T00:00:00"),
    ]
}

fn one_package(balance: &str, auto_renew: Value, actions: Vec<Value>, until: &str) -> Run {
    let p = if auto_renew.is_null() {
        package("p", START, "1m")
    } else {
        package_auto("p", START, "1m", auto_renew)
    };
    run(&doc("V3", balance, vec![p], actions, until))
}

/// The bullet itself: with auto-renew off and nothing done, three expiry reminders and three
/// release reminders, at 09:00:00 local, carrying the date they warn of and a message.
#[test]
fn auto_renew_off_gets_every_reminder() {
    let r = one_package("0", Value::Null, vec![], UNTIL);
    let mut expected = expiry_0408();
    expected.extend(release_0423());
    assert_eq!(r.reminders("p"), expected);
    let events = r.json["events"].as_array().unwrap();
    let first = events.iter().find(|e| e["kind"] == "reminder").unwrap();
    assert_eq!(
        first,
        &json!({
            "at": "2026-04-03T09:00:00+08:00", "resource": "p", "kind": "reminder",
            "notice": "expiry", "days": 5, "expires": "2026-04-08T23:59:59+08:00",
            "message": "Reminder: p expires in 5 days, at the end of 2026-04-08. Renew it to keep it in service.",
        })
    );
    let last = events.iter().rfind(|e| e["kind"] == "reminder").unwrap();
    assert_eq!(
        last["message"],
        "Reminder: p has lapsed and its data will be deleted today, at the end of 2026-04-22. \
         Renew it to keep it."
    );
    assert_eq!(last["releases"], "2026-04-23T00:00:00+08:00");
}

/// Choice: the expiry date is `X`, the date of the last valid second (`X` 23:59:59), whatever the
/// time of day of the purchase; month-end and clamped expiry dates count back calendar days.
#[test]
fn the_expiry_date_is_the_last_valid_day_whatever_the_purchase_time() {
    // start, term, X, the expiry reminders' dates
    let cases = [
        (
            "2026-03-08T00:00:00",
            "1m",
            "2026-04-08",
            ["2026-04-03", "2026-04-06", "2026-04-08"],
        ),
        (
            "2026-03-08T23:59:59",
            "1m",
            "2026-04-08",
            ["2026-04-03", "2026-04-06", "2026-04-08"],
        ),
        (
            "2026-01-31T15:00:00",
            "1m",
            "2026-02-28",
            ["2026-02-23", "2026-02-26", "2026-02-28"],
        ),
        (
            "2026-02-03T09:00:00",
            "1m",
            "2026-03-03",
            ["2026-02-26", "2026-03-01", "2026-03-03"],
        ),
        (
            "2027-12-30T12:00:00",
            "2m",
            "2028-02-29",
            ["2028-02-24", "2028-02-27", "2028-02-29"],
        ),
    ];
    for (start, term, x, dates) in cases {
        let r = run(&doc(
            "V3",
            "0",
            vec![package("p", start, term)],
            vec![],
            &format!("{x}T23:59:59"),
        ));
        let expected: Vec<String> = dates
            .iter()
            .zip([5, 2, 0])
            .map(|(d, days)| expiry(&format!("{d}T09:00:00"), days, x))
            .collect();
        assert_eq!(r.reminders("p"), expected, "{start} + {term}");
    }
}

/// "auto-renew is off or its last attempt failed": with auto-renew on, a reminder goes out only
/// when the last attempt for this expiry date failed. Choice: no attempt yet counts as not failed.
#[test]
fn auto_renew_on_reminds_only_after_a_failed_attempt() {
    // balance, auto-renew settings, actions, the expiry reminders' instants
    let cases: [(&str, Value, Vec<Value>, &[&str]); 6] = [
        // every attempt fails (d = 7: 04-01 .. 04-08)
        (
            "0",
            json!({ "enabled": true }),
            vec![],
            &["2026-04-03", "2026-04-06", "2026-04-08"],
        ),
        // the first attempt pays: nothing to remind of
        ("100", json!({ "enabled": true }), vec![], &[]),
        // d = 0: no attempt before 04-08 03:00, so none on 04-03 or 04-06; that one fails
        (
            "0",
            json!({ "enabled": true, "days_before": 0 }),
            vec![],
            &["2026-04-08"],
        ),
        // d = 3: the 04-05 attempt fails, so 04-06 and 04-08 but not 04-03
        (
            "0",
            json!({ "enabled": true, "days_before": 3 }),
            vec![],
            &["2026-04-06", "2026-04-08"],
        ),
        // failing, then a top-up lets the 04-05 attempt pay: only 04-03
        (
            "0",
            json!({ "enabled": true }),
            vec![top_up("2026-04-04T12:00:00", "30.00")],
            &["2026-04-03"],
        ),
        // switched off before 04-03 after paying nothing: reminders as with auto-renew off
        (
            "100",
            json!({ "enabled": true, "days_before": 1 }),
            vec![set_auto("2026-04-01T00:00:00", "p", false, json!({}))],
            &["2026-04-03", "2026-04-06", "2026-04-08"],
        ),
    ];
    for (balance, auto, actions, dates) in cases {
        let r = one_package(balance, auto.clone(), actions, "2026-04-08T23:59:59");
        let days = |d: &str| match d {
            "2026-04-03" => 5,
            "2026-04-06" => 2,
            _ => 0,
        };
        let expected: Vec<String> = dates
            .iter()
            .map(|d| expiry(&format!("{d}T09:00:00"), days(d), "2026-04-08"))
            .collect();
        assert_eq!(r.reminders("p"), expected, "balance {balance}, {auto}");
    }
}

/// Choice: "the last attempt" is the last attempt for the current expiry date; a renewal starts a
/// new period with no attempt yet. Switching auto-renew off and on keeps the failure.
#[test]
fn the_last_attempt_is_counted_per_expiry_date() {
    // Attempts for 04-08 fail until a manual renewal on 04-07 (X → 05-08, d = 3: no attempt for
    // 05-08 before 05-05), then they fail again from 05-05.
    let r = one_package(
        "0",
        json!({ "enabled": true, "days_before": 3 }),
        vec![
            top_up("2026-04-07T12:00:00", "30.00"),
            renew("2026-04-07T12:00:00", "p", "1m"),
            set_auto("2026-05-06T12:00:00", "p", false, json!({})),
            set_auto("2026-05-06T13:00:00", "p", true, json!({})),
        ],
        "2026-05-08T23:59:59",
    );
    assert_eq!(
        r.reminders("p"),
        [
            expiry("2026-04-06T09:00:00", 2, "2026-04-08"),
            // none on 05-03: the new period has had no attempt yet
            expiry("2026-05-06T09:00:00", 2, "2026-05-08"),
            // switched off and on again on 05-06: attempts resume on 05-07 and fail
            expiry("2026-05-08T09:00:00", 0, "2026-05-08"),
        ]
    );
}

/// "not yet renewed for that period": a renewal between the reminder instants stops the rest of
/// that date's reminders and starts the new date's. Choice: a reminder instant already passed when
/// the new date is set is skipped, never sent late.
#[test]
fn a_renewal_between_reminders_moves_them_to_the_new_date() {
    // renewal instant and term, the reminders
    let cases: [(&str, &str, Vec<String>); 4] = [
        (
            "2026-04-04T12:00:00",
            "1m",
            vec![
                expiry("2026-04-03T09:00:00", 5, "2026-04-08"),
                expiry("2026-05-03T09:00:00", 5, "2026-05-08"),
                expiry("2026-05-06T09:00:00", 2, "2026-05-08"),
                expiry("2026-05-08T09:00:00", 0, "2026-05-08"),
            ],
        ),
        // at 09:00 on X − 2: the reminder comes first (§8: the engine's events before actions)
        (
            "2026-04-06T09:00:00",
            "1y",
            vec![
                expiry("2026-04-03T09:00:00", 5, "2026-04-08"),
                expiry("2026-04-06T09:00:00", 2, "2026-04-08"),
            ],
        ),
        // renewed in retention (from the original expiry date): release reminders stop, and
        // the new X 05-08's reminders follow
        (
            "2026-04-18T12:00:00",
            "1m",
            vec![
                expiry("2026-04-03T09:00:00", 5, "2026-04-08"),
                expiry("2026-04-06T09:00:00", 2, "2026-04-08"),
                expiry("2026-04-08T09:00:00", 0, "2026-04-08"),
                release("2026-04-17T09:00:00", 6, "2026-04-23T00:00:00"),
                expiry("2026-05-03T09:00:00", 5, "2026-05-08"),
                expiry("2026-05-06T09:00:00", 2, "2026-05-08"),
                expiry("2026-05-08T09:00:00", 0, "2026-05-08"),
            ],
        ),
        // renewed on 05-07 in a 30 + 30 policy: X 05-08's 05-03 and 05-06 have passed, only 05-08
        (
            "2026-05-07T12:00:00",
            "1m",
            vec![
                expiry("2026-04-03T09:00:00", 5, "2026-04-08"),
                expiry("2026-04-06T09:00:00", 2, "2026-04-08"),
                expiry("2026-04-08T09:00:00", 0, "2026-04-08"),
                expiry("2026-05-08T09:00:00", 0, "2026-05-08"),
            ],
        ),
    ];
    for (at, term, expected) in cases {
        let mut d = doc(
            "V3",
            "1000",
            vec![package("p", START, "1m")],
            vec![renew(at, "p", term)],
            "2026-05-12T00:00:00",
        );
        if at.starts_with("2026-05-07") {
            d = with_policy(d, custom_policy((30, 30), (0, 0)), "t");
        }
        let r = run(&d);
        assert!(
            r.lines_with(" renewed manual ").len() == 1,
            "{at}: {:?}",
            r.lines()
        );
        assert_eq!(r.reminders("p"), expected, "renewed at {at}");
    }
}

/// Release reminders: 6 and 2 days before the release date and on the day before it, only while
/// `expired` or `frozen` (those falling while still `available` are not sent; none without a
/// lapse). Zero-day periods: released at once gives none.
#[test]
fn release_reminders_follow_the_tier_periods() {
    // policy (package grace, retention), tier, release instant, reminders (at, days)
    type Case<'a> = (Option<(u16, u16)>, &'a str, &'a str, &'a [(&'a str, u8)]);
    let cases: [Case; 6] = [
        (
            None,
            "V3",
            "2026-04-23T00:00:00",
            &[
                ("2026-04-17T09:00:00", 6),
                ("2026-04-21T09:00:00", 2),
                ("2026-04-22T09:00:00", 1),
            ],
        ),
        // V0 1 + 1: released 04-11; 04-05 falls while available
        (
            None,
            "V0",
            "2026-04-11T00:00:00",
            &[("2026-04-09T09:00:00", 2), ("2026-04-10T09:00:00", 1)],
        ),
        // V1 1 + 7: released 04-17
        (
            None,
            "V1",
            "2026-04-17T00:00:00",
            &[
                ("2026-04-11T09:00:00", 6),
                ("2026-04-15T09:00:00", 2),
                ("2026-04-16T09:00:00", 1),
            ],
        ),
        // grace 0: straight to frozen at E, released 04-12
        (
            Some((0, 3)),
            "t",
            "2026-04-12T00:00:00",
            &[("2026-04-10T09:00:00", 2), ("2026-04-11T09:00:00", 1)],
        ),
        // retention 0: released at the end of grace (04-11); the day before it is in grace
        (
            Some((2, 0)),
            "t",
            "2026-04-11T00:00:00",
            &[("2026-04-09T09:00:00", 2), ("2026-04-10T09:00:00", 1)],
        ),
        // both 0: released at E, never expired or frozen
        (Some((0, 0)), "t", "2026-04-09T00:00:00", &[]),
    ];
    for (policy, tier, released, reminders) in cases {
        let mut d = doc(
            tier,
            "0",
            vec![package("p", START, "1m")],
            vec![],
            "2026-05-01T00:00:00",
        );
        if let Some(days) = policy {
            d = with_policy(d, custom_policy(days, (0, 0)), tier);
        }
        let r = run(&d);
        let expected: Vec<String> = reminders
            .iter()
            .map(|(at, days)| release(at, *days, released))
            .collect();
        let got: Vec<String> = r
            .reminders("p")
            .into_iter()
            .filter(|l| l.contains(" release "))
            .collect();
        assert_eq!(got, expected, "{tier} {policy:?}");
        assert_eq!(r.lines_with(" -> released").len(), 1, "{tier}");
        assert!(
            r.lines_with(" -> released")[0].starts_with(released),
            "{tier}"
        );
    }
}

/// Choice: pay-per-use resources in arrears get the release reminders too (the customer is told
/// to top up), counted back from the calendar date of the release instant, which falls at the
/// hour arrears began; they never get expiry reminders.
#[test]
fn pay_per_use_in_arrears_gets_release_reminders() {
    // V3 pay-per-use 1 + 7: 1.00 at 0.10/h, arrears 03-10 11:00, frozen 03-11 11:00, released
    // 03-18 11:00.
    let r = run(&doc(
        "V3",
        "1.00",
        vec![pay_per_use("api", "2026-03-10T00:00:00", "0.10")],
        vec![],
        "2026-03-20T00:00:00",
    ));
    assert_eq!(
        r.reminders("api"),
        [
            "2026-03-12T09:00:00 api reminder release 6 2026-03-18T11:00:00",
            "2026-03-16T09:00:00 api reminder release 2 2026-03-18T11:00:00",
            "2026-03-17T09:00:00 api reminder release 1 2026-03-18T11:00:00",
        ]
    );
    let message = r.json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "reminder")
        .unwrap()["message"]
        .clone();
    assert_eq!(
        message,
        "Reminder: api has lapsed and its data will be deleted in 6 days, at 2026-03-18 11:00:00. \
         Top up the balance to keep it."
    );
    // a top-up that ends the arrears stops them
    let topped = run(&doc(
        "V3",
        "1.00",
        vec![pay_per_use("api", "2026-03-10T00:00:00", "0.10")],
        vec![top_up("2026-03-14T00:00:00", "100.00")],
        "2026-03-20T00:00:00",
    ));
    assert_eq!(
        topped.reminders("api"),
        ["2026-03-12T09:00:00 api reminder release 6 2026-03-18T11:00:00"]
    );
}

/// Choice, order at one instant: a resource's reminder comes after its own purchase, transition
/// and charge or attempt at that instant (it describes the state they leave), resources in
/// scenario order, and before the customer's actions (§8).
#[test]
fn reminders_are_ordered_like_the_engine_events() {
    // Pay-per-use with grace 0, retention 6 on a custom policy: arrears at 09:00 on 03-10 give
    // frozen at once and a release at 09:00 on 03-16, whose 6-day reminder is that same instant.
    let d = with_policy(
        doc(
            "t",
            "0.80",
            vec![
                package("p", "2026-02-15T09:00:00", "1m"),
                pay_per_use("u", "2026-03-10T00:00:00", "0.10"),
            ],
            vec![renew("2026-03-10T09:00:00", "p", "1m")],
            "2026-03-10T09:00:00",
        ),
        custom_policy((1, 1), (0, 6)),
        "t",
    );
    let r = run(&d);
    let at_nine: Vec<String> = r
        .all_lines()
        .into_iter()
        .filter(|l| l.starts_with("2026-03-10T09:00:00"))
        .collect();
    assert_eq!(
        at_nine,
        [
            // p (first in the scenario): X = 03-15, so 03-10 is X − 5
            "2026-03-10T09:00:00 p reminder expiry 5 2026-03-15T23:59:59",
            // u: its own charge puts it in arrears, then its reminder
            "2026-03-10T09:00:00 u available -> frozen",
            "2026-03-10T09:00:00 u reminder release 6 2026-03-16T09:00:00",
            // the action at that instant comes last
            "2026-03-10T09:00:00 p rejected renew insufficient_balance",
        ]
    );
}

/// Choice: none after `until` (the simulation stops there); one exactly at `until` happens.
#[test]
fn no_reminder_after_until() {
    // until, the reminders' instants
    let cases: [(&str, &[&str]); 4] = [
        ("2026-04-03T08:59:59", &[]),
        ("2026-04-03T09:00:00", &["2026-04-03T09:00:00"]),
        (
            "2026-04-07T00:00:00",
            &["2026-04-03T09:00:00", "2026-04-06T09:00:00"],
        ),
        (
            "2026-04-17T09:00:00",
            &[
                "2026-04-03T09:00:00",
                "2026-04-06T09:00:00",
                "2026-04-08T09:00:00",
                "2026-04-17T09:00:00",
            ],
        ),
    ];
    for (until, instants) in cases {
        let r = one_package("0", Value::Null, vec![], until);
        let got: Vec<String> = r
            .reminders("p")
            .iter()
            .map(|l| l[..19].to_string())
            .collect();
        assert_eq!(got, *instants, "until {until}");
    }
}

/// Choice: 09:00 is local wall-clock time in the scenario's fixed offset (no daylight saving), and
/// written with that offset.
#[test]
fn reminders_are_at_nine_local_in_any_offset() {
    for zone in ["+08:00", "+00:00", "-05:00", "+05:45", "+14:00", "-12:00"] {
        let mut d = doc("V3", "0", vec![package("p", START, "1m")], vec![], UNTIL);
        d["timezone"] = json!(zone);
        let r = run(&d);
        let at: Vec<String> = r.json["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "reminder")
            .map(|e| e["at"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(at.len(), 6, "{zone}");
        assert_eq!(at[0], format!("2026-04-03T09:00:00{zone}"));
        assert!(at.iter().all(|a| &a[11..19] == "09:00:00"), "{zone}");
    }
}

/// Reminders change nothing: the same scenario's states, expiry dates and balances at every
/// instant are those of the events without the reminders, and a reminder carries no balance.
#[test]
fn reminders_change_no_state_or_balance() {
    let r = one_package(
        "10",
        json!({ "enabled": true, "days_before": 3 }),
        vec![],
        UNTIL,
    );
    let events = r.json["events"].as_array().unwrap();
    let mut last_balance = None;
    for e in events {
        if e["kind"] == "reminder" {
            assert!(e.get("balance").is_none());
            let at = &e["at"].as_str().unwrap()[..19];
            let before = r.trace.status_at(0, t(at).plus_secs(-1));
            let after = r.trace.status_at(0, t(at));
            assert_eq!(before, after, "status across {at}");
            assert_eq!(r.balance_at(at), last_balance.clone().unwrap());
        } else if let Some(b) = e["balance"].as_str() {
            last_balance = Some(b.to_string());
        }
    }
    // 04-06 and 04-08 (after failed attempts; none yet on 04-03), then the three release ones
    assert_eq!(r.reminders("p").len(), 5);
}

/// The expiry notice tells a customer whose auto-renew is on why it has not renewed, and what
/// helps; with auto-renew off (from the start, or switched off after failing) it says to renew.
#[test]
fn an_expiry_notice_says_when_auto_renew_could_not_pay() {
    let unpaid =
        "Auto-renew could not pay for it: top up the balance or renew it to keep it in service.";
    let plain = "Renew it to keep it in service.";
    // auto-renew settings, actions, the ending of every expiry notice
    let cases: [(Value, Vec<Value>, &str); 3] = [
        (json!({ "enabled": true }), vec![], unpaid),
        (json!({ "enabled": false }), vec![], plain),
        (
            json!({ "enabled": true }),
            vec![set_auto("2026-04-02T00:00:00", "p", false, json!({}))],
            plain,
        ),
    ];
    for (auto, actions, ending) in cases {
        let r = one_package("0", auto.clone(), actions, "2026-04-08T23:59:59");
        let messages: Vec<&str> = r.json["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "reminder")
            .map(|e| e["message"].as_str().unwrap())
            .collect();
        assert_eq!(messages.len(), 3, "{auto}: {messages:?}");
        for message in messages {
            assert!(message.ends_with(ending), "{auto}: {message}");
        }
    }
}
