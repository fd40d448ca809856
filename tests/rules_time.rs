//! §1 Time and §2 the package billing period: purchase expiry, clamping, the extend rule and the
//! moment of expiry.

mod common;

use common::*;
use serde_json::json;

/// §2: bought at `P` for N months or years, valid through 23:59:59 on `P.date + N months`, the day
/// clamped to the month's length.
#[test]
fn purchase_expiry_is_the_purchase_date_plus_the_term() {
    // start, term, expected expiry (last valid second)
    let cases = [
        // documented example
        ("2023-04-18T15:29:16", "1m", "2023-05-18T23:59:59"),
        // clamped to the target month's length (documented: 2026-01-31 + 1m → 2026-02-28)
        ("2026-01-31T10:00:00", "1m", "2026-02-28T23:59:59"),
        ("2024-01-31T10:00:00", "1m", "2024-02-29T23:59:59"),
        ("2026-03-31T10:00:00", "1m", "2026-04-30T23:59:59"),
        ("2026-03-30T10:00:00", "11m", "2027-02-28T23:59:59"),
        ("2026-08-31T10:00:00", "6m", "2027-02-28T23:59:59"),
        // a purchase is not an extension: the 28th of February stays the 28th
        ("2026-02-28T10:00:00", "1m", "2026-03-28T23:59:59"),
        ("2024-02-29T10:00:00", "1y", "2025-02-28T23:59:59"),
        // years are 12 months
        ("2026-01-15T00:00:00", "1y", "2027-01-15T23:59:59"),
        ("2026-06-10T08:00:00", "5y", "2031-06-10T23:59:59"),
        ("2026-12-15T00:00:00", "11m", "2027-11-15T23:59:59"),
        // one-second resolution: the last second of a day is still that day
        ("2026-12-31T23:59:59", "1m", "2027-01-31T23:59:59"),
        ("2026-01-01T00:00:00", "1m", "2026-02-01T23:59:59"),
    ];
    for (start, term, expected) in cases {
        let r = run(&doc(
            "V3",
            "0",
            vec![package("p", start, term)],
            vec![],
            start,
        ));
        assert_eq!(
            r.lines(),
            [format!(
                "{start} p purchased expires {expected} balance 0.00"
            )],
            "{start} + {term}"
        );
        assert_eq!(r.expires_at("p", start), expected, "{start} + {term}");
    }
}

/// §2: extending an expiry date `X` (any renewal): a month's last day stays a month's last day,
/// any other day keeps its number, clamped.
#[test]
fn a_renewal_extends_the_expiry_date_keeping_month_ends() {
    // start, term bought, renewal term (renewed an hour after the start), expected new expiry
    let cases = [
        // 2024-03-30 + 1m = 2024-04-30 (a month-end) → renewed 1m → 2024-05-31
        ("2024-03-30T10:00:00", "1m", "1m", "2024-05-31T23:59:59"),
        // documented: 2026-01-31 + 1m → 2026-02-28, that expiry renewed by 1m → 2026-03-31
        ("2026-01-31T10:00:00", "1m", "1m", "2026-03-31T23:59:59"),
        // 2026-01-28 + 1m = 2026-02-28, also a month-end → 2026-03-31
        ("2026-01-28T10:00:00", "1m", "1m", "2026-03-31T23:59:59"),
        // 2025-12-15 + 1m = 2026-01-15 → same day: 2026-02-15
        ("2025-12-15T10:00:00", "1m", "1m", "2026-02-15T23:59:59"),
        // 2026-03-30 + 1m = 2026-04-30, a month-end → 2026-05-31
        ("2026-03-30T10:00:00", "1m", "1m", "2026-05-31T23:59:59"),
        // 2026-04-30 + 1m = 2026-05-30, not a month-end → 2026-06-30 (same day)
        ("2026-04-30T10:00:00", "1m", "1m", "2026-06-30T23:59:59"),
        // 2025-12-30 + 1m = 2026-01-30 → clamped: 2026-02-28
        ("2025-12-30T10:00:00", "1m", "1m", "2026-02-28T23:59:59"),
        // 2023-01-28 + 1m = 2023-02-28, a month-end → 1y later the end of a leap February
        ("2023-01-28T10:00:00", "1m", "1y", "2024-02-29T23:59:59"),
        // 2024-01-29 + 1m = 2024-02-29, a month-end → 2025-02-28
        ("2024-01-29T10:00:00", "1m", "1y", "2025-02-28T23:59:59"),
        // several months at once
        ("2026-05-31T10:00:00", "1m", "3m", "2026-09-30T23:59:59"),
        ("2026-05-06T10:00:00", "1m", "2y", "2028-06-06T23:59:59"),
    ];
    for (start, term, renewal, expected) in cases {
        let at = t(start).plus_secs(3600).local_string();
        let r = run(&doc(
            "V3",
            "10000",
            vec![package("p", start, term)],
            vec![renew(&at, "p", renewal)],
            &at,
        ));
        let renewed = r.lines_with("renewed");
        assert_eq!(
            renewed.len(),
            1,
            "{start} {term} + {renewal}: {:?}",
            r.lines()
        );
        assert!(
            renewed[0].contains(&format!("renewed manual {renewal} expires {expected}")),
            "{start} {term} + {renewal}: {}",
            renewed[0]
        );
    }
}

/// The documented example: expiry 2024-04-30 renewed for one month on 2024-05-18 (well after
/// expiry) → 2024-05-31, counted from the original expiry date.
#[test]
fn documented_example_renewed_after_expiry_from_a_month_end() {
    let r = run(&with_policy(
        doc(
            "",
            "30",
            vec![package("p", "2024-03-30T09:00:00", "1m")],
            vec![renew("2024-05-18T10:00:00", "p", "1m")],
            "2024-05-20T00:00:00",
        ),
        json!("huawei-intl"),
        "standard",
    ));
    assert_eq!(
        r.lifecycle("p"),
        [
            "2024-05-01T00:00:00 p available -> expired",
            "2024-05-16T00:00:00 p expired -> frozen",
            "2024-05-18T10:00:00 p renewed manual 1m expires 2024-05-31T23:59:59 balance 0.00",
            "2024-05-18T10:00:00 p frozen -> available",
        ]
    );
}

/// §2: the moment of expiry is `E = (X + 1 day) 00:00:00`; `X` 23:59:59 is the last valid second.
#[test]
fn the_resource_expires_at_midnight_after_the_expiry_date() {
    // start, term, last second available, moment of expiry
    let cases = [
        (
            "2026-03-08T15:29:16",
            "1m",
            "2026-04-08T23:59:59",
            "2026-04-09T00:00:00",
        ),
        (
            "2026-01-31T10:00:00",
            "1m",
            "2026-02-28T23:59:59",
            "2026-03-01T00:00:00",
        ),
        (
            "2024-01-31T10:00:00",
            "1m",
            "2024-02-29T23:59:59",
            "2024-03-01T00:00:00",
        ),
        (
            "2026-11-30T00:00:00",
            "1m",
            "2026-12-30T23:59:59",
            "2026-12-31T00:00:00",
        ),
        (
            "2026-12-31T23:59:59",
            "1m",
            "2027-01-31T23:59:59",
            "2027-02-01T00:00:00",
        ),
        (
            "2026-11-30T12:00:00",
            "1y",
            "2027-11-30T23:59:59",
            "2027-12-01T00:00:00",
        ),
    ];
    for (start, term, last_second, expiry) in cases {
        let r = run(&doc(
            "V3",
            "0",
            vec![package("p", start, term)],
            vec![],
            expiry,
        ));
        assert_eq!(r.state_at("p", last_second), "available", "{start} {term}");
        assert_eq!(r.state_at("p", expiry), "expired", "{start} {term}");
        assert_eq!(
            r.lifecycle("p"),
            [format!("{expiry} p available -> expired")],
            "{start} {term}"
        );
    }
}

/// §1: scenario times are local in a fixed offset; output times carry that offset as `±HH:MM`
/// (never `Z`), and a day is a calendar day in that offset (expiry at local midnight, attempts at
/// local 03:00).
#[test]
fn times_are_local_to_the_scenarios_offset() {
    // timezone, expected suffix of every output time
    let cases = [
        ("+08:00", "+08:00"),
        ("+00:00", "+00:00"),
        ("-03:30", "-03:30"),
        ("+05:45", "+05:45"),
        ("+14:00", "+14:00"),
        ("-12:00", "-12:00"),
    ];
    for (timezone, suffix) in cases {
        let mut d = doc(
            "V3",
            "0",
            vec![package_auto(
                "p",
                "2026-03-08T10:00:00",
                "1m",
                json!({ "enabled": true, "days_before": 0 }),
            )],
            vec![],
            "2026-04-09T00:00:00",
        );
        d["timezone"] = json!(timezone);
        let r = run(&d);
        let times: Vec<&str> = r.json["events"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| [e["at"].as_str(), e["expires"].as_str()])
            .flatten()
            .chain([r.json["final"]["at"].as_str().unwrap()])
            .collect();
        assert!(
            times.iter().all(|t| t.ends_with(suffix)),
            "{timezone}: {times:?}"
        );
        assert_eq!(
            r.lines(),
            [
                "2026-03-08T10:00:00 p purchased expires 2026-04-08T23:59:59 balance 0.00",
                "2026-04-08T03:00:00 p attempt failed insufficient_balance price 30.00 balance 0.00",
                "2026-04-09T00:00:00 p available -> expired",
            ],
            "{timezone}"
        );
    }
}

/// §1: the timezone defaults to `+08:00`.
#[test]
fn the_default_offset_is_plus_eight() {
    let mut d = doc(
        "V3",
        "0",
        vec![package("p", "2026-03-08T10:00:00", "1m")],
        vec![],
        "2026-03-09T00:00:00",
    );
    d.as_object_mut().unwrap().remove("timezone");
    let r = run(&d);
    assert_eq!(r.json["events"][0]["at"], "2026-03-08T10:00:00+08:00");
    assert_eq!(r.json["final"]["at"], "2026-03-09T00:00:00+08:00");
}

/// A modelling choice (§2): buying costs nothing from the balance — the opening balance is what the
/// account holds after buying, and `purchased` reports it unchanged.
#[test]
fn the_purchase_does_not_touch_the_balance() {
    // term bought, balance before and after
    for term in ["1m", "11m", "5y"] {
        let r = run(&doc(
            "V3",
            "12.34",
            vec![package("p", "2026-03-08T10:00:00", term)],
            vec![],
            "2026-03-08T10:00:00",
        ));
        assert!(r.lines()[0].ends_with("balance 12.34"), "{term}");
        assert_eq!(r.final_balance(), "12.34", "{term}");
    }
}
