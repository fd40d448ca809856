//! §9 Pay-per-use: charged at every full hour after its start while `available` or `expired`; a
//! charge that leaves the balance below zero puts it in arrears (`expired`, or `frozen` when grace
//! is 0), `frozen` after the grace days counted as 24-hour days from that instant, `released` after
//! retention; a top-up that brings the balance to zero or more makes it `available` again.

mod common;

use common::*;
use serde_json::json;

/// §9: one charge at each full hour after the start; hourly charges are not events, they show in
/// the balance.
#[test]
fn charged_at_every_full_hour_after_the_start() {
    let r = run(&doc(
        "V5",
        "10",
        vec![pay_per_use("u", "2026-03-10T00:30:15", "0.25")],
        vec![],
        "2026-03-11T00:30:15",
    ));
    // instant, balance
    let cases = [
        ("2026-03-10T00:30:15", "10.00"), // the start itself is not a full hour after it
        ("2026-03-10T01:30:14", "10.00"),
        ("2026-03-10T01:30:15", "9.75"),
        ("2026-03-10T02:30:14", "9.75"),
        ("2026-03-10T02:30:15", "9.50"),
        ("2026-03-10T10:30:15", "7.50"),
        ("2026-03-11T00:30:15", "4.00"), // 24 charges
    ];
    for (at, balance) in cases {
        assert_eq!(r.balance_at(at), balance, "{at}");
    }
    assert_eq!(
        r.lines(),
        ["2026-03-10T00:30:15 u purchased rate 0.25 balance 10.00"]
    );
    assert_eq!(r.final_balance(), "4.00");
}

/// §9 (the documented arrears example): into arrears, frozen after the grace day, a top-up restores.
#[test]
fn arrears_and_recovery_by_top_up() {
    // V3 pay-per-use: grace 1 day, retention 7 days
    let r = run(&doc(
        "V3",
        "1.00",
        vec![pay_per_use("api", "2026-03-10T00:00:00", "0.10")],
        vec![top_up("2026-03-12T09:30:00", "5.00")],
        "2026-03-12T18:00:00",
    ));
    assert_eq!(
        r.lines(),
        [
            "2026-03-10T00:00:00 api purchased rate 0.10 balance 1.00",
            // ten charges bring 1.00 to 0.00 (not below zero); the eleventh puts it in arrears
            "2026-03-10T11:00:00 api available -> expired",
            // 24-hour days from the instant of arrears, not calendar days
            "2026-03-11T11:00:00 api expired -> frozen",
            "2026-03-12T09:30:00 account top_up 5.00 balance 2.60",
            "2026-03-12T09:30:00 api frozen -> available",
        ]
    );
    // instant, state, balance
    let cases = [
        ("2026-03-10T10:00:00", "available", "0.00"),
        ("2026-03-10T11:00:00", "expired", "-0.10"),
        ("2026-03-11T10:00:00", "expired", "-2.40"), // charged through the grace day
        ("2026-03-12T09:00:00", "frozen", "-2.40"),  // frozen: no charges
        ("2026-03-12T09:30:00", "available", "2.60"),
        ("2026-03-12T10:00:00", "available", "2.50"), // charges resume on the original hourly grid
        ("2026-03-12T18:00:00", "available", "1.70"),
    ];
    for (at, state, balance) in cases {
        assert_eq!(r.state_at("api", at), state, "{at}");
        assert_eq!(r.balance_at(at), balance, "{at}");
    }
}

/// §9: with zero grace, arrears freeze the resource at once (V0–V2 pay-per-use).
#[test]
fn zero_grace_freezes_at_once() {
    let r = run(&doc(
        "V1",
        "0.15",
        vec![pay_per_use("u", "2026-03-10T00:00:00", "0.10")],
        vec![],
        "2026-03-20T00:00:00",
    ));
    assert_eq!(
        r.lifecycle("u"),
        [
            "2026-03-10T02:00:00 u available -> frozen",
            "2026-03-17T02:00:00 u frozen -> released",
        ]
    );
    assert_eq!(r.final_balance(), "-0.05");
}

/// §9: only a top-up that brings the balance to zero or more restores; to exactly zero is enough.
#[test]
fn a_top_up_restores_only_when_the_balance_is_no_longer_negative() {
    // V3; arrears at 11:00 with −0.10, then −0.10 an hour; top-up at 13:30 (balance −0.30)
    // amount, lines at the top-up
    let cases: [(&str, &[&str]); 3] = [
        (
            "0.29",
            &["2026-03-10T13:30:00 account top_up 0.29 balance -0.01"],
        ),
        (
            "0.30",
            &[
                "2026-03-10T13:30:00 account top_up 0.30 balance 0.00",
                "2026-03-10T13:30:00 u expired -> available",
            ],
        ),
        (
            "5",
            &[
                "2026-03-10T13:30:00 account top_up 5.00 balance 4.70",
                "2026-03-10T13:30:00 u expired -> available",
            ],
        ),
    ];
    for (amount, expected) in cases {
        let r = run(&doc(
            "V3",
            "1.00",
            vec![pay_per_use("u", "2026-03-10T00:00:00", "0.10")],
            vec![top_up("2026-03-10T13:30:00", amount)],
            "2026-03-10T14:00:00",
        ));
        assert_eq!(r.lines_with("13:30:00"), expected, "{amount}");
    }
}

/// §9 (a modelling choice): a resource already in arrears is not put into arrears again by later
/// charges — its grace counts from the first charge that took the balance below zero — and a
/// top-up that leaves the balance negative changes nothing.
#[test]
fn grace_counts_from_the_start_of_arrears() {
    let r = run(&doc(
        "V3",
        "0",
        vec![pay_per_use("u", "2026-03-10T00:00:00", "1.00")],
        vec![top_up("2026-03-10T12:00:00", "5.00")],
        "2026-03-12T00:00:00",
    ));
    assert_eq!(
        r.lifecycle("u"),
        [
            "2026-03-10T01:00:00 u available -> expired",
            "2026-03-11T01:00:00 u expired -> frozen",
        ]
    );
}

/// §9: a top-up ending arrears restores every pay-per-use resource in arrears, in scenario order,
/// after the `top_up` event; a released one stays released.
#[test]
fn a_top_up_restores_every_resource_in_arrears_in_scenario_order() {
    let r = run(&doc(
        "V3",
        "0",
        vec![
            pay_per_use("b", "2026-03-10T00:00:00", "1.00"),
            package("p", "2026-03-01T00:00:00", "1m"),
            pay_per_use("a", "2026-03-10T00:30:00", "1.00"),
        ],
        vec![top_up("2026-03-10T06:00:00", "100")],
        "2026-03-10T06:00:00",
    ));
    assert_eq!(
        r.lines()[3..],
        [
            "2026-03-10T01:00:00 b available -> expired",
            "2026-03-10T01:30:00 a available -> expired",
            "2026-03-10T06:00:00 account top_up 100.00 balance 89.00",
            "2026-03-10T06:00:00 b expired -> available",
            "2026-03-10T06:00:00 a expired -> available",
        ]
    );
}

/// §9: charges of several pay-per-use resources come out of the one balance; a package renewal
/// cannot be paid from a balance in arrears.
#[test]
fn charges_are_taken_from_the_shared_balance() {
    let r = run(&doc(
        "V4",
        "40",
        vec![
            package("p", "2026-03-01T00:00:00", "1m"),
            pay_per_use("u", "2026-03-10T00:00:00", "1.00"),
            pay_per_use("v", "2026-03-10T00:00:00", "0.50"),
        ],
        vec![
            renew("2026-03-10T06:30:00", "p", "1m"), // 40 − 6 × 1.50 = 31.00: pays, 1.00 left
            renew("2026-03-10T08:00:00", "p", "1m"), // −2.00: cannot pay
        ],
        "2026-03-10T08:00:00",
    ));
    assert_eq!(
        r.lines()[3..],
        [
            "2026-03-10T06:30:00 p renewed manual 1m expires 2026-05-01T23:59:59 balance 1.00",
            // at 07:00 u's charge leaves 0.00, v's leaves −0.50: only v goes into arrears
            "2026-03-10T07:00:00 v available -> expired",
            // at 08:00 u's charge takes the balance further below zero: u goes into arrears too
            "2026-03-10T08:00:00 u available -> expired",
            "2026-03-10T08:00:00 p rejected renew insufficient_balance",
        ]
    );
    assert_eq!(r.final_balance(), "-2.00");
}

/// §9: `renew` and `set_auto_renew` on a pay-per-use resource are rejected with `not_package`.
#[test]
fn pay_per_use_cannot_be_renewed_or_auto_renewed() {
    let r = run(&doc(
        "V3",
        "10",
        vec![pay_per_use("u", "2026-03-10T00:00:00", "1.00")],
        vec![
            renew("2026-03-10T00:30:00", "u", "1m"),
            set_auto("2026-03-10T00:30:00", "u", true, json!({})),
        ],
        "2026-03-10T01:00:00",
    ));
    assert_eq!(
        r.lines()[1..],
        [
            "2026-03-10T00:30:00 u rejected renew not_package",
            "2026-03-10T00:30:00 u rejected set_auto_renew not_package",
        ]
    );
    assert_eq!(r.final_balance(), "9.00");
}

/// Format: the balance fields of events include the hourly charges made before them, and a balance
/// in arrears is written with a minus sign and two decimals.
#[test]
fn balances_in_events_include_the_charges() {
    let r = run(&doc(
        "V5",
        "0.50",
        vec![pay_per_use("u", "2026-03-10T00:00:00", "0.20")],
        vec![
            top_up("2026-03-10T05:00:00", "0.05"),
            top_up("2026-03-10T05:00:01", "0.05"),
        ],
        "2026-03-10T06:00:00",
    ));
    assert_eq!(
        r.lines()[1..],
        [
            "2026-03-10T03:00:00 u available -> expired",
            // 0.50 − 5 × 0.20 (01:00 .. 05:00, the 05:00 charge before the action) + 0.05
            "2026-03-10T05:00:00 account top_up 0.05 balance -0.45",
            "2026-03-10T05:00:01 account top_up 0.05 balance -0.40",
        ]
    );
    assert_eq!(r.final_balance(), "-0.60");
}

/// §9 over a long stretch: a year of hourly charges is exact (8 760 charges of 0.01).
#[test]
fn a_year_of_hourly_charges() {
    let r = run(&doc(
        "V3",
        "100",
        vec![pay_per_use("u", "2026-01-01T00:00:00", "0.01")],
        vec![],
        "2027-01-01T00:00:00",
    ));
    assert_eq!(r.final_balance(), "12.40");
    assert_eq!(r.lines().len(), 1);
}
