//! §7 One shared balance in integer cents, no partial payments; §8 the order of events at one
//! instant: the engine's own events resource by resource in scenario order (purchase, transition,
//! charge or attempt), then the user's actions in the order listed.

mod common;

use common::*;
use serde_json::json;

/// Two packages bought together, auto-renew on with the defaults (attempts from 2026-04-01 03:00).
fn two_packages(first: &str, second: &str, balance: &str, tier: &str) -> Run {
    run(&doc(
        tier,
        balance,
        vec![
            package_auto(
                first,
                "2026-03-08T10:00:00",
                "1m",
                json!({ "enabled": true }),
            ),
            package_auto(
                second,
                "2026-03-08T10:00:00",
                "1m",
                json!({ "enabled": true }),
            ),
        ],
        vec![],
        "2026-04-15T00:00:00",
    ))
}

/// §7–§8: two resources compete for one balance; at the same instant the first in scenario order
/// pays first, and the second, finding too little left, keeps failing and lapses.
#[test]
fn two_resources_compete_for_one_balance() {
    // scenario order, who renews, who lapses
    for (first, second) in [("web", "db"), ("db", "web")] {
        let r = two_packages(first, second, "40", "V0");
        assert_eq!(
            r.lines_with("2026-04-01T03:00:00"),
            [
                format!("2026-04-01T03:00:00 {first} attempt succeeded price 30.00 balance 10.00"),
                format!("2026-04-01T03:00:00 {first} renewed auto 1m expires 2026-05-08T23:59:59 balance 10.00"),
                format!("2026-04-01T03:00:00 {second} attempt failed insufficient_balance price 30.00 balance 10.00"),
            ]
        );
        // the loser retries daily through X (8 attempts), then lapses (V0: 1 + 1 days)
        assert_eq!(r.attempts(second).len(), 8);
        assert_eq!(
            r.lifecycle(second),
            [
                format!("2026-04-09T00:00:00 {second} available -> expired"),
                format!("2026-04-10T00:00:00 {second} expired -> frozen"),
                format!("2026-04-11T00:00:00 {second} frozen -> released"),
            ]
        );
        assert_eq!(r.final_state(first), "available");
        assert_eq!(r.final_balance(), "10.00");
    }
}

/// §7: enough for both, both renew, one after the other at the same instant.
#[test]
fn enough_for_both() {
    let r = two_packages("web", "db", "60", "V3");
    assert_eq!(
        r.lines_with("attempt"),
        [
            "2026-04-01T03:00:00 web attempt succeeded price 30.00 balance 30.00",
            "2026-04-01T03:00:00 db attempt succeeded price 30.00 balance 0.00",
        ]
    );
}

/// §7: payments never make the balance negative: exactly the price pays (leaving 0.00), one cent
/// less fails and charges nothing — no partial payments.
#[test]
fn no_partial_payments() {
    // balance, outcome of the first attempt
    let cases = [
        ("30.00", "attempt succeeded price 30.00 balance 0.00"),
        (
            "29.99",
            "attempt failed insufficient_balance price 30.00 balance 29.99",
        ),
        (
            "0",
            "attempt failed insufficient_balance price 30.00 balance 0.00",
        ),
        ("30.01", "attempt succeeded price 30.00 balance 0.01"),
    ];
    for (balance, outcome) in cases {
        let r = run(&doc(
            "V3",
            balance,
            vec![package_auto(
                "p",
                "2026-03-08T10:00:00",
                "1m",
                json!({ "enabled": true }),
            )],
            vec![],
            "2026-04-01T03:00:00",
        ));
        assert_eq!(
            r.attempts("p"),
            [format!("2026-04-01T03:00:00 p {outcome}")],
            "{balance}"
        );
    }
}

/// §7: a balance in pay-per-use arrears cannot pay for a package, not even a free one.
#[test]
fn a_negative_balance_pays_for_nothing() {
    let mut free = package_auto(
        "p",
        "2026-03-08T10:00:00",
        "1m",
        json!({ "enabled": true, "days_before": 0 }),
    );
    free["prices"] = json!({ "month": "0", "year": "0" });
    let r = run(&doc(
        "V5",
        "0",
        vec![free, pay_per_use("u", "2026-04-08T00:00:00", "0.01")],
        vec![],
        "2026-04-08T03:00:00",
    ));
    assert_eq!(
        r.attempts("p"),
        // p comes first in scenario order, so its attempt precedes u's 03:00 charge (§8)
        ["2026-04-08T03:00:00 p attempt failed insufficient_balance price 0.00 balance -0.02"]
    );
}

/// §7: amounts are integer cents — sums of amounts like 0.10 and 0.20 are exact.
#[test]
fn money_is_exact() {
    let r = run(&doc(
        "V3",
        "0.1",
        vec![package("p", "2026-03-08T10:00:00", "1m")],
        vec![
            top_up("2026-03-09T00:00:00", "0.2"),
            top_up("2026-03-09T00:00:00", "0.70"),
            top_up("2026-03-09T00:00:00", "999999999.99"),
        ],
        "2026-03-10T00:00:00",
    ));
    assert_eq!(
        r.lines_with("top_up"),
        [
            "2026-03-09T00:00:00 account top_up 0.20 balance 0.30",
            "2026-03-09T00:00:00 account top_up 0.70 balance 1.00",
            "2026-03-09T00:00:00 account top_up 999999999.99 balance 1000000000.99",
        ]
    );
}

/// §8: the engine's events come before the user's actions at the same instant: a top-up at 03:00
/// arrives after that instant's failed attempt, and pays only at the next day's.
#[test]
fn engine_events_come_before_actions_at_one_instant() {
    let r = run(&doc(
        "V3",
        "0",
        vec![package_auto(
            "p",
            "2026-03-08T10:00:00",
            "1m",
            json!({ "enabled": true }),
        )],
        vec![top_up("2026-04-01T03:00:00", "30")],
        "2026-04-02T03:00:00",
    ));
    assert_eq!(
        r.lines()[1..],
        [
            "2026-04-01T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00",
            "2026-04-01T03:00:00 account top_up 30.00 balance 30.00",
            "2026-04-02T03:00:00 p attempt succeeded price 30.00 balance 0.00",
            "2026-04-02T03:00:00 p renewed auto 1m expires 2026-05-08T23:59:59 balance 0.00",
        ]
    );
}

/// §8, documented: an action at the very instant of a transition sees the state after it.
#[test]
fn an_action_at_the_instant_of_a_transition() {
    // action at the moment of expiry E = 2026-04-09 00:00 (V3), lines at that instant
    let cases: [(serde_json::Value, &[&str]); 3] = [
        // the renewal finds the package expired and brings it back
        (
            renew("2026-04-09T00:00:00", "p", "1m"),
            &[
                "2026-04-09T00:00:00 p available -> expired",
                "2026-04-09T00:00:00 p renewed manual 1m expires 2026-05-08T23:59:59 balance 0.00",
                "2026-04-09T00:00:00 p expired -> available",
            ],
        ),
        // the settings can no longer change: it is not available any more
        (
            set_auto("2026-04-09T00:00:00", "p", true, json!({})),
            &[
                "2026-04-09T00:00:00 p available -> expired",
                "2026-04-09T00:00:00 p rejected set_auto_renew not_available",
            ],
        ),
        // a second earlier, it still could
        (
            set_auto("2026-04-08T23:59:59", "p", false, json!({})),
            &["2026-04-09T00:00:00 p available -> expired"],
        ),
    ];
    for (action, expected) in cases {
        let r = run(&doc(
            "V3",
            "30",
            vec![package("p", "2026-03-08T10:00:00", "1m")],
            vec![action.clone()],
            "2026-04-09T00:00:00",
        ));
        assert_eq!(r.lines_with("2026-04-09T00:00:00"), expected, "{action}");
    }
    // at the instant of release, a renewal is too late
    let r = run(&doc(
        "V3",
        "30",
        vec![package("p", "2026-03-08T10:00:00", "1m")],
        vec![renew("2026-04-23T00:00:00", "p", "1y")],
        "2026-04-23T00:00:00",
    ));
    assert_eq!(
        r.lines_with("2026-04-23T00:00:00"),
        [
            "2026-04-23T00:00:00 p frozen -> released",
            "2026-04-23T00:00:00 p rejected renew released",
        ]
    );
}

/// §8: resources at one instant go in scenario order; for each: purchase, transition, then charge
/// or attempt.
#[test]
fn resources_go_in_scenario_order_at_one_instant() {
    // b and a are bought at the same instant and expire at the same instant (V0 1 + 1)
    let r = run(&doc(
        "V0",
        "0",
        vec![
            package("b", "2026-03-08T10:00:00", "1m"),
            package("a", "2026-03-08T10:00:00", "1m"),
        ],
        vec![],
        "2026-04-11T00:00:00",
    ));
    let order: Vec<String> = r.lines().iter().map(|l| l[..22].to_string()).collect();
    assert_eq!(
        order,
        [
            "2026-03-08T10:00:00 b ",
            "2026-03-08T10:00:00 a ",
            "2026-04-09T00:00:00 b ",
            "2026-04-09T00:00:00 a ",
            "2026-04-10T00:00:00 b ",
            "2026-04-10T00:00:00 a ",
            "2026-04-11T00:00:00 b ",
            "2026-04-11T00:00:00 a ",
        ]
    );
}

/// §8: one resource's transition and charge at one instant: the transition first (a pay-per-use
/// resource frozen at a full hour is not charged for that hour).
#[test]
fn transition_then_charge_for_one_resource() {
    // V3 pay-per-use: 1 day grace. In arrears at 2026-03-10 01:00, frozen 2026-03-11 01:00.
    let r = run(&doc(
        "V3",
        "0",
        vec![pay_per_use("u", "2026-03-10T00:00:00", "1.00")],
        vec![],
        "2026-03-11T01:00:00",
    ));
    // charged at 01:00 (→ −1.00), then 23 more in grace (02:00 .. 00:00); not at 2026-03-11 01:00
    assert_eq!(r.balance_at("2026-03-11T00:59:59"), "-24.00");
    assert_eq!(r.final_balance(), "-24.00");
    assert_eq!(r.final_state("u"), "frozen");
}

/// §8: actions at one instant apply in the order listed; actions apply in time order whatever
/// their place in the file.
#[test]
fn actions_apply_in_time_order_then_file_order() {
    let base = |actions| {
        run(&doc(
            "V3",
            "0",
            vec![package("p", "2026-03-08T10:00:00", "1m")],
            actions,
            "2026-03-21T00:00:00",
        ))
    };
    // renew listed before the top-up at the same instant: the balance is still 0
    let r = base(vec![
        renew("2026-03-20T12:00:00", "p", "1m"),
        top_up("2026-03-20T12:00:00", "30"),
    ]);
    assert_eq!(
        r.lines()[1..],
        [
            "2026-03-20T12:00:00 p rejected renew insufficient_balance",
            "2026-03-20T12:00:00 account top_up 30.00 balance 30.00",
        ]
    );
    // the other way round, it pays
    let r = base(vec![
        top_up("2026-03-20T12:00:00", "30"),
        renew("2026-03-20T12:00:00", "p", "1m"),
    ]);
    assert_eq!(
        r.lines()[1..],
        [
            "2026-03-20T12:00:00 account top_up 30.00 balance 30.00",
            "2026-03-20T12:00:00 p renewed manual 1m expires 2026-05-08T23:59:59 balance 0.00",
        ]
    );
    // listed out of time order: the earlier one still applies first
    let r = base(vec![
        renew("2026-03-20T12:00:01", "p", "1m"),
        top_up("2026-03-20T12:00:00", "30"),
    ]);
    assert_eq!(
        r.lines()[1..],
        [
            "2026-03-20T12:00:00 account top_up 30.00 balance 30.00",
            "2026-03-20T12:00:01 p renewed manual 1m expires 2026-05-08T23:59:59 balance 0.00",
        ]
    );
}

/// §8: the simulation runs through `until` inclusive: events at exactly `until` happen, later ones
/// do not.
#[test]
fn until_is_inclusive() {
    // until, the last line
    let cases = [
        (
            "2026-04-09T00:00:00",
            "2026-04-09T00:00:00 p available -> expired",
        ),
        (
            "2026-04-08T23:59:59",
            "2026-03-08T10:00:00 p purchased expires 2026-04-08T23:59:59 balance 0.00",
        ),
    ];
    for (until, last) in cases {
        let r = run(&doc(
            "V3",
            "0",
            vec![package("p", "2026-03-08T10:00:00", "1m")],
            vec![],
            until,
        ));
        assert_eq!(r.lines().last().unwrap(), last, "{until}");
        assert_eq!(r.json["final"]["at"], format!("{until}+08:00"));
    }
    // an action at exactly until happens too
    let r = run(&doc(
        "V3",
        "0",
        vec![package("p", "2026-03-08T10:00:00", "1m")],
        vec![top_up("2026-03-09T00:00:00", "5")],
        "2026-03-09T00:00:00",
    ));
    assert_eq!(r.final_balance(), "5.00");
}

/// §7, a modelling choice: the initial purchase is not charged — the opening balance is what the
/// account holds after buying.
#[test]
fn the_purchase_itself_is_not_charged() {
    let r = run(&doc(
        "V3",
        "12.34",
        vec![package("p", "2026-03-08T10:00:00", "1y")],
        vec![],
        "2026-03-09T00:00:00",
    ));
    assert_eq!(
        r.lines(),
        ["2026-03-08T10:00:00 p purchased expires 2027-03-08T23:59:59 balance 12.34"]
    );
    assert_eq!(r.final_balance(), "12.34");
}

/// The simulation starts at the earliest resource start; later resources are bought at their own
/// start and do not exist before it.
#[test]
fn resources_start_at_their_own_start() {
    let r = run(&doc(
        "V3",
        "0",
        vec![
            package("late", "2026-03-20T00:00:00", "1m"),
            package("early", "2026-03-08T10:00:00", "1m"),
        ],
        vec![],
        "2026-03-21T00:00:00",
    ));
    assert_eq!(r.state_at("late", "2026-03-19T23:59:59"), "not bought");
    assert_eq!(r.state_at("late", "2026-03-20T00:00:00"), "available");
    assert_eq!(
        r.lines()[0],
        "2026-03-08T10:00:00 early purchased expires 2026-04-08T23:59:59 balance 0.00"
    );
}
