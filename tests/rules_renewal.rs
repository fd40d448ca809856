//! §5 Manual renewal: allowed in `available`, `expired` and `frozen`; counted from the original
//! expiry date; priced per month or per year; rejected — changing nothing — for `released`,
//! `not_package`, `term_too_short` and `insufficient_balance`, checked in that order.

mod common;

use common::*;
use renewal_lab::engine::{EventKind, Shortfall};
use serde_json::json;

/// V3 (packages 7 + 7): bought 2026-03-08 10:00 for 1m, `X` = 2026-04-08, expired 04-09, frozen
/// 04-16, released 04-23.
fn renewed_once(balance: &str, at: &str, term: &str) -> Run {
    run(&doc(
        "V3",
        balance,
        vec![package("p", "2026-03-08T10:00:00", "1m")],
        vec![renew(at, "p", term)],
        "2026-04-30T00:00:00",
    ))
}

/// §5: renewal works in `available`, `expired` and `frozen`, always from the original expiry date;
/// a lapsed package becomes `available` at the instant of the renewal.
#[test]
fn renewal_counts_from_the_original_expiry_in_every_renewable_state() {
    // renewal time, state before, lifecycle lines from the renewal on
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "2026-03-20T12:00:00",
            "available",
            &["2026-03-20T12:00:00 p renewed manual 1m expires 2026-05-08T23:59:59 balance 0.00"],
        ),
        (
            "2026-04-12T12:00:00",
            "expired",
            &[
                "2026-04-12T12:00:00 p renewed manual 1m expires 2026-05-08T23:59:59 balance 0.00",
                "2026-04-12T12:00:00 p expired -> available",
            ],
        ),
        (
            "2026-04-20T12:00:00",
            "frozen",
            &[
                "2026-04-20T12:00:00 p renewed manual 1m expires 2026-05-08T23:59:59 balance 0.00",
                "2026-04-20T12:00:00 p frozen -> available",
            ],
        ),
        (
            "2026-04-25T12:00:00",
            "released",
            &["2026-04-25T12:00:00 p rejected renew released"],
        ),
    ];
    for (at, before, expected) in cases {
        let r = renewed_once("30", at, "1m");
        let just_before = t(at).plus_secs(-1).local_string();
        assert_eq!(r.state_at("p", &just_before), before, "{at}");
        let from_renewal: Vec<String> = r
            .lifecycle("p")
            .into_iter()
            .filter(|l| l.as_str() >= at)
            .collect();
        assert_eq!(from_renewal, expected, "{at}");
    }
}

/// §5: price = N × monthly price for `"Nm"`, N × yearly price for `"Ny"` (30.00 and 300.00 here).
#[test]
fn the_price_is_per_month_or_per_year() {
    // term, price, new expiry from X = 2026-04-08
    let cases = [
        ("1m", "30.00", "2026-05-08T23:59:59"),
        ("3m", "90.00", "2026-07-08T23:59:59"),
        ("11m", "330.00", "2027-03-08T23:59:59"),
        ("1y", "300.00", "2027-04-08T23:59:59"),
        ("2y", "600.00", "2028-04-08T23:59:59"),
        ("5y", "1500.00", "2031-04-08T23:59:59"),
    ];
    for (term, price, expires) in cases {
        // exactly the price: the payment leaves 0.00
        let r = renewed_once(price, "2026-03-20T12:00:00", term);
        assert_eq!(
            r.lines_with("renewed"),
            [format!(
                "2026-03-20T12:00:00 p renewed manual {term} expires {expires} balance 0.00"
            )],
            "{term}"
        );
        // one cent less: insufficient_balance, nothing charged
        let short = renewal_lab::engine::Cents::parse(price)
            .unwrap()
            .minus(renewal_lab::engine::Cents(1));
        let r = renewed_once(&short.to_string(), "2026-03-20T12:00:00", term);
        assert_eq!(
            r.lines_with("rejected"),
            ["2026-03-20T12:00:00 p rejected renew insufficient_balance"],
            "{term}"
        );
        assert_eq!(r.final_balance(), short.to_string(), "{term}");
        // the refusal keeps what could not be paid, for the explanations (not written in the JSON)
        let shortfalls: Vec<_> = r
            .trace
            .events
            .iter()
            .filter_map(|e| match e.kind {
                EventKind::ActionRejected { shortfall, .. } => Some(shortfall),
                _ => None,
            })
            .collect();
        let price = renewal_lab::engine::Cents::parse(price).unwrap();
        assert_eq!(
            shortfalls,
            [Some(Shortfall {
                price,
                balance: short
            })],
            "{term}"
        );
    }
}

/// §5: `term_too_short` when the new expiry end (new `X` 23:59:59) is not after the action's time —
/// counted from the original expiry, so a short renewal late in retention can be too short.
#[test]
fn a_renewal_that_would_end_in_the_past_is_too_short() {
    // huawei-intl (15 + 15): bought 2026-01-10 for 1m, X = 2026-02-10, released 2026-03-13.
    // renewal time, term, outcome
    let cases = [
        // 1m from 2026-02-10 ends 2026-03-10 23:59:59
        (
            "2026-03-10T23:59:58",
            "1m",
            "renewed manual 1m expires 2026-03-10T23:59:59 balance 70.00",
        ),
        ("2026-03-10T23:59:59", "1m", "rejected renew term_too_short"),
        ("2026-03-12T10:00:00", "1m", "rejected renew term_too_short"),
        (
            "2026-03-12T10:00:00",
            "2m",
            "renewed manual 2m expires 2026-04-10T23:59:59 balance 40.00",
        ),
        (
            "2026-03-12T10:00:00",
            "1y",
            "renewed manual 1y expires 2027-02-10T23:59:59 balance 0.00",
        ),
    ];
    for (at, term, outcome) in cases {
        let r = run(&with_policy(
            doc(
                "",
                "100",
                vec![json!({
                    "id": "p", "billing": "package", "start": "2026-01-10T10:00:00", "term": "1m",
                    "prices": { "month": "30.00", "year": "100.00" },
                })],
                vec![renew(at, "p", term)],
                "2026-03-12T12:00:00",
            ),
            json!("huawei-intl"),
            "standard",
        ));
        let at_the_action: Vec<String> = r
            .lines()
            .into_iter()
            .filter(|l| l.starts_with(at) && !l.contains(" -> "))
            .collect();
        assert_eq!(at_the_action, [format!("{at} p {outcome}")], "{at} {term}");
    }
}

/// The edge case above in full: renewed one second before the new end, it expires again at once.
#[test]
fn a_renewal_ending_one_second_later_lapses_again_at_midnight() {
    let r = run(&with_policy(
        doc(
            "",
            "100",
            vec![package("p", "2026-01-10T10:00:00", "1m")],
            vec![renew("2026-03-10T23:59:58", "p", "1m")],
            "2026-03-12T00:00:00",
        ),
        json!("huawei-intl"),
        "standard",
    ));
    assert_eq!(
        r.lifecycle("p"),
        [
            "2026-02-11T00:00:00 p available -> expired",
            "2026-02-26T00:00:00 p expired -> frozen",
            "2026-03-10T23:59:58 p renewed manual 1m expires 2026-03-10T23:59:59 balance 70.00",
            "2026-03-10T23:59:58 p frozen -> available",
            "2026-03-11T00:00:00 p available -> expired",
        ]
    );
}

/// §5: the rejections are checked in the order `released`, `not_package`, `term_too_short`,
/// `insufficient_balance`: when several apply, the first one is reported.
#[test]
fn rejections_are_checked_in_order() {
    // description, scenario (balance 0 unless said), the action's rejection
    let released_package_short_and_poor = doc(
        "V0",
        "0",
        vec![package("p", "2026-01-10T10:00:00", "1m")],
        // released 2026-02-13; 1m from 2026-02-10 would end in the past, and the balance is 0
        vec![renew("2026-03-20T00:00:00", "p", "1m")],
        "2026-03-21T00:00:00",
    );
    let released_pay_per_use = doc(
        "V0",
        "0",
        vec![
            package("p", "2026-01-10T10:00:00", "1m"),
            pay_per_use("u", "2026-01-10T10:00:00", "1.00"),
        ],
        // u: arrears at 11:00 → frozen (grace 0), released a day later
        vec![renew("2026-01-12T00:00:00", "u", "1m")],
        "2026-01-13T00:00:00",
    );
    let pay_per_use_poor = doc(
        "V3",
        "0",
        vec![pay_per_use("u", "2026-01-10T10:00:00", "1.00")],
        vec![renew("2026-01-10T10:30:00", "u", "1y")],
        "2026-01-11T00:00:00",
    );
    let short_and_poor = with_policy(
        doc(
            "",
            "0",
            vec![package("p", "2026-01-10T10:00:00", "1m")],
            vec![renew("2026-03-12T00:00:00", "p", "1m")],
            "2026-03-13T00:00:00",
        ),
        json!("huawei-intl"),
        "standard",
    );
    let poor = doc(
        "V3",
        "29.99",
        vec![package("p", "2026-01-10T10:00:00", "1m")],
        vec![renew("2026-01-20T00:00:00", "p", "1m")],
        "2026-01-21T00:00:00",
    );
    let cases = [
        (
            "released beats everything",
            released_package_short_and_poor,
            "p rejected renew released",
        ),
        (
            "released before not_package",
            released_pay_per_use,
            "u rejected renew released",
        ),
        (
            "not_package before insufficient_balance",
            pay_per_use_poor,
            "u rejected renew not_package",
        ),
        (
            "term_too_short before insufficient_balance",
            short_and_poor,
            "p rejected renew term_too_short",
        ),
        (
            "insufficient_balance",
            poor,
            "p rejected renew insufficient_balance",
        ),
    ];
    for (what, d, expected) in cases {
        let r = run(&d);
        let rejected = r.lines_with("rejected");
        assert_eq!(rejected.len(), 1, "{what}: {:?}", r.lines());
        assert!(rejected[0].ends_with(expected), "{what}: {}", rejected[0]);
        // only a refusal for the balance says how much was missing
        let has_shortfall = r.trace.events.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::ActionRejected {
                    shortfall: Some(_),
                    ..
                }
            )
        });
        assert_eq!(
            has_shortfall,
            expected.ends_with("insufficient_balance"),
            "{what}"
        );
    }
}

/// §5: a rejected renewal changes nothing: not the balance, the expiry, the state or the schedule.
#[test]
fn a_rejected_renewal_changes_nothing() {
    let base = |actions| {
        run(&doc(
            "V3",
            "29.99",
            vec![package_auto(
                "p",
                "2026-03-08T10:00:00",
                "1m",
                json!({ "enabled": true, "days_before": 2 }),
            )],
            actions,
            "2026-04-30T00:00:00",
        ))
    };
    let without = base(vec![]);
    let with = base(vec![renew("2026-04-07T12:00:00", "p", "1m")]);
    let mut lines = with.lines();
    let rejected = lines.iter().position(|l| l.contains("rejected")).unwrap();
    assert_eq!(
        lines.remove(rejected),
        "2026-04-07T12:00:00 p rejected renew insufficient_balance"
    );
    assert_eq!(lines, without.lines());
    assert_eq!(with.json["final"], without.json["final"]);
}

/// §5: a manual renewal leaves auto-renew settings as they are; attempts follow the new expiry.
#[test]
fn a_manual_renewal_leaves_auto_renew_alone() {
    let r = run(&doc(
        "V3",
        "90",
        vec![package_auto(
            "p",
            "2026-03-08T10:00:00",
            "1m",
            json!({ "enabled": true, "days_before": 1, "times": 3 }),
        )],
        vec![renew("2026-03-20T12:00:00", "p", "1m")],
        "2026-05-08T12:00:00",
    ));
    assert_eq!(
        r.lines(),
        [
            "2026-03-08T10:00:00 p purchased expires 2026-04-08T23:59:59 balance 90.00",
            "2026-03-20T12:00:00 p renewed manual 1m expires 2026-05-08T23:59:59 balance 60.00",
            // no attempt on 2026-04-07: the window moved with the expiry date
            "2026-05-07T03:00:00 p attempt succeeded price 30.00 balance 30.00",
            "2026-05-07T03:00:00 p renewed auto 1m expires 2026-06-08T23:59:59 balance 30.00",
        ]
    );
    let settings = r
        .trace
        .status_at(0, t("2026-05-08T12:00:00"))
        .unwrap()
        .auto_renew
        .unwrap();
    // times counts automatic renewals only: 3 − 1
    assert_eq!(
        (settings.enabled, settings.days_before, settings.times),
        (true, 1, 2)
    );
}

/// §5: renewing the same package repeatedly keeps extending from the current expiry date.
#[test]
fn renewals_add_up() {
    let r = run(&doc(
        "V3",
        "1000",
        vec![package("p", "2026-01-31T10:00:00", "1m")],
        vec![
            renew("2026-02-01T00:00:00", "p", "1m"),
            renew("2026-02-01T00:00:00", "p", "1m"),
            renew("2026-02-01T00:00:01", "p", "1y"),
        ],
        "2026-02-02T00:00:00",
    ));
    assert_eq!(
        r.lines_with("renewed"),
        [
            "2026-02-01T00:00:00 p renewed manual 1m expires 2026-03-31T23:59:59 balance 970.00",
            "2026-02-01T00:00:00 p renewed manual 1m expires 2026-04-30T23:59:59 balance 940.00",
            "2026-02-01T00:00:01 p renewed manual 1y expires 2027-04-30T23:59:59 balance 640.00",
        ]
    );
}
