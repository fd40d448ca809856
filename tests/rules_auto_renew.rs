//! §6 Auto-renewal: attempts at 03:00 from `X − d` through `X`, daily retries, enabling and
//! changing the settings, the expiry-day special case, `times`, and who may change the settings.
//!
//! Unless a test says otherwise: tier V3, a package bought 2026-03-08 10:00 for 1m, so `X` =
//! 2026-04-08 and the moment of expiry `E` = 2026-04-09 00:00; prices 30.00 / 300.00.

mod common;

use common::*;
use serde_json::{json, Value};

const START: &str = "2026-03-08T10:00:00";

fn one_package(balance: &str, auto_renew: Value, actions: Vec<Value>, until: &str) -> Run {
    let p = if auto_renew.is_null() {
        package("p", START, "1m")
    } else {
        package_auto("p", START, "1m", auto_renew)
    };
    run(&doc("V3", balance, vec![p], actions, until))
}

/// The times of the automatic attempts of `p`.
fn attempt_times(r: &Run) -> Vec<String> {
    r.attempts("p")
        .iter()
        .map(|l| l[..19].to_string())
        .collect()
}

/// 03:00:00 on each of `days` of April 2026.
fn at_three(days: &[u32]) -> Vec<String> {
    days.iter()
        .map(|d| format!("2026-04-{d:02}T03:00:00"))
        .collect()
}

/// §6: attempts at 03:00 on each day from `X − d` through `X` inclusive; none after expiry.
#[test]
fn attempts_run_daily_from_x_minus_d_through_x() {
    // days_before, days of April with an attempt (all fail: balance 0)
    let cases: [(u8, &[u32]); 5] = [
        (7, &[1, 2, 3, 4, 5, 6, 7, 8]),
        (3, &[5, 6, 7, 8]),
        (1, &[7, 8]),
        // documented: days_before 0 — one attempt, at 03:00 on the expiry date
        (0, &[8]),
        (2, &[6, 7, 8]),
    ];
    for (days_before, days) in cases {
        let r = one_package(
            "0",
            json!({ "enabled": true, "days_before": days_before }),
            vec![],
            "2026-04-30T00:00:00",
        );
        assert_eq!(
            attempt_times(&r),
            at_three(days),
            "days_before {days_before}"
        );
        assert!(
            r.attempts("p")
                .iter()
                .all(|l| l.contains("failed insufficient_balance price 30.00 balance 0.00")),
            "days_before {days_before}"
        );
        assert_eq!(
            r.lifecycle("p")[0],
            "2026-04-09T00:00:00 p available -> expired"
        );
    }
}

/// §6: omitted settings default to 7 days before, 1m, unlimited.
#[test]
fn defaults_are_seven_days_one_month_unlimited() {
    let r = one_package(
        "0",
        json!({ "enabled": true }),
        vec![],
        "2026-04-10T00:00:00",
    );
    assert_eq!(attempt_times(&r), at_three(&[1, 2, 3, 4, 5, 6, 7, 8]));
    let settings = r.trace.status_at(0, t(START)).unwrap().auto_renew.unwrap();
    assert_eq!(settings.to_string_parts(), (true, 7, "1m".to_string(), 0));
}

trait Parts {
    fn to_string_parts(&self) -> (bool, u8, String, u8);
}
impl Parts for renewal_lab::engine::AutoRenew {
    fn to_string_parts(&self) -> (bool, u8, String, u8) {
        (
            self.enabled,
            self.days_before,
            self.term.to_string(),
            self.times,
        )
    }
}

/// §6: an attempt that pays renews (source `auto`) for the auto-renew term; a failed one is retried
/// the next day at 03:00.
#[test]
fn a_failed_attempt_is_retried_daily_until_one_pays() {
    let r = one_package(
        "20",
        json!({ "enabled": true }),
        vec![top_up("2026-04-03T12:00:00", "50.00")],
        "2026-04-20T00:00:00",
    );
    assert_eq!(
        r.lines(),
        [
            "2026-03-08T10:00:00 p purchased expires 2026-04-08T23:59:59 balance 20.00",
            "2026-04-01T03:00:00 p attempt failed insufficient_balance price 30.00 balance 20.00",
            "2026-04-02T03:00:00 p attempt failed insufficient_balance price 30.00 balance 20.00",
            "2026-04-03T03:00:00 p attempt failed insufficient_balance price 30.00 balance 20.00",
            "2026-04-03T12:00:00 account top_up 50.00 balance 70.00",
            "2026-04-04T03:00:00 p attempt succeeded price 30.00 balance 40.00",
            "2026-04-04T03:00:00 p renewed auto 1m expires 2026-05-08T23:59:59 balance 40.00",
        ]
    );
}

/// §6: the auto-renew term decides what is bought and what it costs.
#[test]
fn the_auto_renew_term_sets_the_price_and_the_new_expiry() {
    // auto-renew term, price, new expiry
    let cases = [
        ("1m", "30.00", "2026-05-08T23:59:59"),
        ("3m", "90.00", "2026-07-08T23:59:59"),
        ("1y", "300.00", "2027-04-08T23:59:59"),
    ];
    for (term, price, expires) in cases {
        let r = one_package(
            "1000",
            json!({ "enabled": true, "term": term }),
            vec![],
            "2026-04-02T00:00:00",
        );
        let balance = renewal_lab::engine::Cents(100_000)
            .minus(renewal_lab::engine::Cents::parse(price).unwrap())
            .to_string();
        assert_eq!(
            r.lines()[1..],
            [
                format!("2026-04-01T03:00:00 p attempt succeeded price {price} balance {balance}"),
                format!(
                    "2026-04-01T03:00:00 p renewed auto {term} expires {expires} balance {balance}"
                ),
            ],
            "{term}"
        );
    }
}

/// §6: after a successful automatic renewal the next window is counted from the new expiry date.
#[test]
fn each_renewal_opens_the_next_window() {
    let r = one_package(
        "90",
        json!({ "enabled": true, "days_before": 2 }),
        vec![],
        "2026-07-15T00:00:00",
    );
    assert_eq!(
        attempt_times(&r),
        [
            "2026-04-06T03:00:00", // X 04-08 → 05-08
            "2026-05-06T03:00:00", // X 05-08 → 06-08
            "2026-06-06T03:00:00", // X 06-08 → 07-08
            "2026-07-06T03:00:00", // balance 0: fails, and again on 07-07 and 07-08
            "2026-07-07T03:00:00",
            "2026-07-08T03:00:00",
        ]
    );
    assert_eq!(
        r.lifecycle("p").last().unwrap(),
        "2026-07-09T00:00:00 p available -> expired"
    );
}

/// §6: enabling inside the window: the next attempt is the next 03:00:00 strictly after that
/// instant (if on or before `X`); enabling before the window: the first attempt at `X − d` 03:00.
#[test]
fn enabling_schedules_the_next_attempt() {
    // enabled at, days_before, attempt times (balance 0, all fail)
    let cases: [(&str, u8, &[u32]); 6] = [
        ("2026-03-20T12:00:00", 7, &[1, 2, 3, 4, 5, 6, 7, 8]), // before the window
        ("2026-04-01T02:59:59", 7, &[1, 2, 3, 4, 5, 6, 7, 8]), // a second before it opens
        ("2026-04-03T12:00:00", 7, &[4, 5, 6, 7, 8]),          // inside: the next 03:00
        ("2026-04-03T02:00:00", 7, &[3, 4, 5, 6, 7, 8]),       // inside, before that day's 03:00
        ("2026-04-03T03:00:00", 7, &[4, 5, 6, 7, 8]),          // at 03:00: strictly after
        ("2026-04-07T12:00:00", 0, &[8]),                      // before a 0-day window
    ];
    for (at, days_before, days) in cases {
        let r = one_package(
            "0",
            Value::Null,
            vec![set_auto(
                at,
                "p",
                true,
                json!({ "days_before": days_before }),
            )],
            "2026-04-10T00:00:00",
        );
        assert_eq!(attempt_times(&r), at_three(days), "enabled at {at}");
    }
}

/// §6, documented special case: switched on (from off) on the expiry date itself at or after
/// 03:00:00, one attempt is made immediately, at the instant of enabling.
#[test]
fn switching_on_on_the_expiry_day_after_three_pays_at_once() {
    // enabled at, balance, lines from the enabling on
    let cases: [(&str, &str, &[&str]); 4] = [
        ("2026-04-08T10:00:00", "30", &[
            "2026-04-08T10:00:00 p auto_renew enabled=true days_before=7 term=1m times=0",
            "2026-04-08T10:00:00 p attempt succeeded price 30.00 balance 0.00",
            "2026-04-08T10:00:00 p renewed auto 1m expires 2026-05-08T23:59:59 balance 0.00",
        ]),
        ("2026-04-08T03:00:00", "30", &[
            "2026-04-08T03:00:00 p auto_renew enabled=true days_before=7 term=1m times=0",
            "2026-04-08T03:00:00 p attempt succeeded price 30.00 balance 0.00",
            "2026-04-08T03:00:00 p renewed auto 1m expires 2026-05-08T23:59:59 balance 0.00",
        ]),
        // one attempt only: when it fails there is no retry, the package expires
        ("2026-04-08T23:59:59", "0", &[
            "2026-04-08T23:59:59 p auto_renew enabled=true days_before=7 term=1m times=0",
            "2026-04-08T23:59:59 p attempt failed insufficient_balance price 30.00 balance 0.00",
            "2026-04-09T00:00:00 p available -> expired",
        ]),
        // before 03:00 on the expiry date: the ordinary rule, an attempt at 03:00
        ("2026-04-08T02:59:59", "30", &[
            "2026-04-08T02:59:59 p auto_renew enabled=true days_before=7 term=1m times=0",
            "2026-04-08T03:00:00 p attempt succeeded price 30.00 balance 0.00",
            "2026-04-08T03:00:00 p renewed auto 1m expires 2026-05-08T23:59:59 balance 0.00",
        ]),
    ];
    for (at, balance, expected) in cases {
        let r = one_package(
            balance,
            Value::Null,
            vec![set_auto(at, "p", true, json!({}))],
            "2026-04-09T00:00:00",
        );
        assert_eq!(r.lines()[1..], *expected, "enabled at {at}");
    }
}

/// §6: the special case is for switching it *on*: re-sending `enabled: true` on the expiry date when
/// it is already on makes no extra attempt.
#[test]
fn already_on_on_the_expiry_day_makes_no_extra_attempt() {
    let r = one_package(
        "0",
        json!({ "enabled": true, "days_before": 1 }),
        vec![set_auto(
            "2026-04-08T10:00:00",
            "p",
            true,
            json!({ "days_before": 3 }),
        )],
        "2026-04-09T00:00:00",
    );
    assert_eq!(
        r.lines()[1..],
        [
            "2026-04-07T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00",
            "2026-04-08T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00",
            "2026-04-08T10:00:00 p auto_renew enabled=true days_before=3 term=1m times=0",
            "2026-04-09T00:00:00 p available -> expired",
        ]
    );
}

/// §6: changing `days_before` reschedules as enabling does: a window that has not opened yet starts
/// at `X − d'`; inside the window, the next 03:00 strictly after the change.
#[test]
fn changing_days_before_reschedules() {
    // initial days_before, changed at, new days_before, attempt days
    let cases: [(u8, &str, u8, &[u32]); 4] = [
        (7, "2026-04-02T12:00:00", 2, &[1, 2, 6, 7, 8]), // shrink: the new window opens 04-06
        (2, "2026-04-02T12:00:00", 7, &[3, 4, 5, 6, 7, 8]), // widen into the present: next 03:00
        (7, "2026-03-20T12:00:00", 0, &[8]),             // before any window
        (0, "2026-04-05T12:00:00", 0, &[8]),             // unchanged: still only X
    ];
    for (from, at, to, days) in cases {
        let r = one_package(
            "0",
            json!({ "enabled": true, "days_before": from }),
            vec![set_auto(at, "p", true, json!({ "days_before": to }))],
            "2026-04-10T00:00:00",
        );
        assert_eq!(attempt_times(&r), at_three(days), "{from} → {to} at {at}");
    }
}

/// §6: switched off, no attempts; switched on again, attempts resume by the enabling rule.
#[test]
fn no_attempt_while_disabled() {
    let r = one_package(
        "0",
        json!({ "enabled": true }),
        vec![
            set_auto("2026-04-02T12:00:00", "p", false, json!({})),
            set_auto("2026-04-05T12:00:00", "p", true, json!({})),
        ],
        "2026-04-10T00:00:00",
    );
    assert_eq!(attempt_times(&r), at_three(&[1, 2, 6, 7, 8]));
}

/// §6: with `times` > 0 each automatic renewal uses one; at 0 auto-renew switches itself off with
/// `reason: "times_used"`, and no attempt follows.
#[test]
fn times_used_up_switches_auto_renew_off() {
    // times, number of automatic renewals before it switches off
    for (times, renewals) in [(1u8, 1usize), (2, 2), (3, 3)] {
        let r = one_package(
            "1000",
            json!({ "enabled": true, "days_before": 3, "times": times }),
            vec![],
            "2026-12-31T00:00:00",
        );
        assert_eq!(
            r.lines_with("renewed auto").len(),
            renewals,
            "times {times}"
        );
        assert_eq!(r.attempts("p").len(), renewals, "times {times}");
        let off = r.lines_with("auto_renew");
        assert_eq!(off.len(), 1, "times {times}");
        assert!(
            off[0].ends_with("auto_renew enabled=false days_before=3 term=1m times=0 (times_used)"),
            "{}",
            off[0]
        );
        // it switches off at the instant of the last renewal, right after it
        let lines = r.lines();
        let last_renewal = lines
            .iter()
            .rposition(|l| l.contains("renewed auto"))
            .unwrap();
        assert_eq!(lines[last_renewal + 1], off[0]);
    }
}

/// §6, the documented `times` example: two renewals, then it switches itself off and lapses.
#[test]
fn auto_renew_twice_then_lapse() {
    let r = run(&doc(
        "V3",
        "100",
        vec![package_auto(
            "p",
            "2026-01-15T10:00:00",
            "1m",
            json!({ "enabled": true, "days_before": 3, "times": 2 }),
        )],
        vec![],
        "2026-05-01T00:00:00",
    ));
    assert_eq!(
        r.lines()[1..],
        [
            "2026-02-12T03:00:00 p attempt succeeded price 30.00 balance 70.00",
            "2026-02-12T03:00:00 p renewed auto 1m expires 2026-03-15T23:59:59 balance 70.00",
            "2026-03-12T03:00:00 p attempt succeeded price 30.00 balance 40.00",
            "2026-03-12T03:00:00 p renewed auto 1m expires 2026-04-15T23:59:59 balance 40.00",
            "2026-03-12T03:00:00 p auto_renew enabled=false days_before=3 term=1m times=0 (times_used)",
            "2026-04-16T00:00:00 p available -> expired",
            "2026-04-23T00:00:00 p expired -> frozen",
            "2026-04-30T00:00:00 p frozen -> released",
        ]
    );
}

/// §6: failed attempts do not use up `times`.
#[test]
fn failed_attempts_do_not_count() {
    let r = one_package(
        "0",
        json!({ "enabled": true, "days_before": 2, "times": 1 }),
        vec![top_up("2026-04-07T12:00:00", "30")],
        "2026-05-10T00:00:00",
    );
    assert_eq!(
        r.lines()[1..],
        [
            "2026-04-06T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00",
            "2026-04-07T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00",
            "2026-04-07T12:00:00 account top_up 30.00 balance 30.00",
            "2026-04-08T03:00:00 p attempt succeeded price 30.00 balance 0.00",
            "2026-04-08T03:00:00 p renewed auto 1m expires 2026-05-08T23:59:59 balance 0.00",
            "2026-04-08T03:00:00 p auto_renew enabled=false days_before=2 term=1m times=0 (times_used)",
            // switched off: no attempt in the next window, so it lapses
            "2026-05-09T00:00:00 p available -> expired",
        ]
    );
}

/// §6: settings change only while `available`: `not_package` for pay-per-use, else `not_available`;
/// a rejected change changes nothing.
#[test]
fn settings_change_only_while_available() {
    // resource, at, expected line
    let cases = [
        (
            "p",
            "2026-04-01T12:00:00",
            "p auto_renew enabled=true days_before=7 term=1m times=0",
        ),
        (
            "p",
            "2026-04-09T00:00:00",
            "p rejected set_auto_renew not_available",
        ), // expired at that instant
        (
            "p",
            "2026-04-20T00:00:00",
            "p rejected set_auto_renew not_available",
        ), // frozen
        (
            "p",
            "2026-04-25T00:00:00",
            "p rejected set_auto_renew not_available",
        ), // released
        (
            "u",
            "2026-03-08T10:30:00",
            "u rejected set_auto_renew not_package",
        ), // available pay-per-use
        (
            "u",
            "2026-03-09T00:00:00",
            "u rejected set_auto_renew not_package",
        ), // in arrears
    ];
    for (resource, at, expected) in cases {
        let d = doc(
            "V3",
            "5",
            vec![package("p", START, "1m"), pay_per_use("u", START, "1.00")],
            vec![set_auto(at, resource, true, json!({ "days_before": 7 }))],
            "2026-04-30T00:00:00",
        );
        let r = run(&d);
        let at_action: Vec<String> = r
            .lines_with(&format!("{at} {resource} "))
            .into_iter()
            .filter(|l| !l.contains(" -> "))
            .collect();
        assert_eq!(
            at_action,
            [format!("{at} {expected}")],
            "{resource} at {at}"
        );
        if expected.contains("rejected") {
            let mut without = d.clone();
            without["actions"] = json!([]);
            let mut lines = r.lines();
            lines.retain(|l| !l.contains("rejected"));
            assert_eq!(lines, run(&without).lines(), "{resource} at {at}");
        }
    }
}

/// Format: every accepted `set_auto_renew` gives one `auto_renew_changed` with the resulting
/// settings, even when nothing changed; fields left out keep their current values.
#[test]
fn every_accepted_change_is_reported_with_the_resulting_settings() {
    let r = one_package(
        "0",
        json!({ "enabled": false, "days_before": 5, "term": "3m", "times": 4 }),
        vec![
            set_auto("2026-03-10T00:00:00", "p", false, json!({})),
            set_auto("2026-03-11T00:00:00", "p", true, json!({ "times": 2 })),
            set_auto(
                "2026-03-12T00:00:00",
                "p",
                true,
                json!({ "term": "1y", "days_before": 0 }),
            ),
            set_auto("2026-03-13T00:00:00", "p", false, json!({ "times": 0 })),
        ],
        "2026-03-14T00:00:00",
    );
    assert_eq!(
        r.lines()[1..],
        [
            "2026-03-10T00:00:00 p auto_renew enabled=false days_before=5 term=3m times=4",
            "2026-03-11T00:00:00 p auto_renew enabled=true days_before=5 term=3m times=2",
            "2026-03-12T00:00:00 p auto_renew enabled=true days_before=0 term=1y times=2",
            "2026-03-13T00:00:00 p auto_renew enabled=false days_before=0 term=1y times=0",
        ]
    );
}

/// §6: attempts stop when the resource is no longer `available`, and resume after a manual renewal
/// restores it (a modelling choice: the restored package gets the window of its new expiry date).
#[test]
fn attempts_resume_after_a_manual_renewal_restores_the_package() {
    let r = one_package(
        "0",
        json!({ "enabled": true, "days_before": 1 }),
        vec![
            top_up("2026-04-12T00:00:00", "60"),
            renew("2026-04-12T00:00:00", "p", "1m"),
        ],
        "2026-05-09T00:00:00",
    );
    assert_eq!(
        r.lines()[1..],
        [
            "2026-04-07T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00",
            "2026-04-08T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00",
            "2026-04-09T00:00:00 p available -> expired",
            "2026-04-12T00:00:00 account top_up 60.00 balance 60.00",
            "2026-04-12T00:00:00 p renewed manual 1m expires 2026-05-08T23:59:59 balance 30.00",
            "2026-04-12T00:00:00 p expired -> available",
            "2026-05-07T03:00:00 p attempt succeeded price 30.00 balance 0.00",
            "2026-05-07T03:00:00 p renewed auto 1m expires 2026-06-08T23:59:59 balance 0.00",
        ]
    );
}

/// A modelling choice: a late renewal (here deep in a long custom retention) that brings the
/// package back inside its new expiry date's window schedules the next attempt as enabling inside
/// the window does — the next 03:00 strictly after the renewal.
#[test]
fn a_late_renewal_inside_the_new_window_attempts_at_the_next_three() {
    // custom package periods 10 + 40: expired 04-09, frozen 04-19, released 05-29
    let r = run(&with_policy(
        doc(
            "",
            "0",
            vec![package_auto(
                "p",
                START,
                "1m",
                json!({ "enabled": true, "days_before": 7 }),
            )],
            // renewed on 05-05 12:00: X 04-08 → 05-08, whose window opened on 05-01
            vec![
                top_up("2026-05-05T12:00:00", "30"),
                renew("2026-05-05T12:00:00", "p", "1m"),
            ],
            "2026-05-10T00:00:00",
        ),
        custom_policy((10, 40), (0, 0)),
        "t",
    ));
    let failed = |date: &str| {
        format!("{date}T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00")
    };
    let lines = r.lines();
    let renewal = lines
        .iter()
        .position(|l| l.contains("renewed manual"))
        .unwrap();
    assert_eq!(
        lines[renewal - 2..],
        [
            "2026-04-19T00:00:00 p expired -> frozen".to_string(),
            "2026-05-05T12:00:00 account top_up 30.00 balance 30.00".to_string(),
            "2026-05-05T12:00:00 p renewed manual 1m expires 2026-05-08T23:59:59 balance 0.00"
                .to_string(),
            "2026-05-05T12:00:00 p frozen -> available".to_string(),
            failed("2026-05-06"),
            failed("2026-05-07"),
            failed("2026-05-08"),
            "2026-05-09T00:00:00 p available -> expired".to_string(),
        ]
    );
    // the first window's attempts, all failed, then none while the package was lapsed
    assert_eq!(attempt_times(&r)[..8], at_three(&[1, 2, 3, 4, 5, 6, 7, 8]));
    assert_eq!(attempt_times(&r).len(), 11);
}

/// A modelling choice: once `times` is used up, switching auto-renew on again without giving
/// `times` keeps 0, which means unlimited.
#[test]
fn switched_on_again_after_times_used_up_is_unlimited() {
    let r = one_package(
        "1000",
        json!({ "enabled": true, "days_before": 0, "times": 1 }),
        vec![set_auto("2026-04-20T12:00:00", "p", true, json!({}))],
        "2026-08-09T00:00:00",
    );
    assert_eq!(
        r.lines_with("auto_renew "),
        [
            "2026-04-08T03:00:00 p auto_renew enabled=false days_before=0 term=1m times=0 (times_used)",
            "2026-04-20T12:00:00 p auto_renew enabled=true days_before=0 term=1m times=0",
        ]
    );
    // renewed on each expiry date from then on: 05-08, 06-08, 07-08, 08-08
    assert_eq!(
        attempt_times(&r),
        [
            "2026-04-08T03:00:00",
            "2026-05-08T03:00:00",
            "2026-06-08T03:00:00",
            "2026-07-08T03:00:00",
            "2026-08-08T03:00:00",
        ]
    );
    assert_eq!(r.final_state("p"), "available");
}
