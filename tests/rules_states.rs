//! §3 States and transitions and §4 the tier presets: `available` → `expired` (grace) → `frozen`
//! (retention) → `released`, at `E`, `E + g` and `E + g + r`, skipping periods of zero days.

mod common;

use common::*;
use serde_json::json;

/// A package bought 2026-03-08 10:00 for one month: `X` = 2026-04-08, `E` = 2026-04-09 00:00.
fn lapsing_package(policy: serde_json::Value, tier: &str) -> Run {
    run(&with_policy(
        doc(
            "",
            "0",
            vec![package("p", "2026-03-08T10:00:00", "1m")],
            vec![],
            "2026-06-01T00:00:00",
        ),
        policy,
        tier,
    ))
}

/// §3–§4: a lapsing package under every preset tier.
#[test]
fn package_transitions_for_every_preset_tier() {
    // policy, tier, expired at (E), frozen at (E + grace), released at (E + grace + retention)
    let cases = [
        ("huawei-cn", "V0", "2026-04-09", "2026-04-10", "2026-04-11"), // 1 + 1
        ("huawei-cn", "V1", "2026-04-09", "2026-04-10", "2026-04-17"), // 1 + 7
        ("huawei-cn", "V2", "2026-04-09", "2026-04-10", "2026-04-17"), // 1 + 7
        ("huawei-cn", "V3", "2026-04-09", "2026-04-16", "2026-04-23"), // 7 + 7
        ("huawei-cn", "V4", "2026-04-09", "2026-04-16", "2026-05-01"), // 7 + 15
        ("huawei-cn", "V5", "2026-04-09", "2026-04-16", "2026-05-01"), // 7 + 15
        (
            "huawei-intl",
            "standard",
            "2026-04-09",
            "2026-04-24",
            "2026-05-09",
        ), // 15 + 15
    ];
    for (policy, tier, expired, frozen, released) in cases {
        let r = lapsing_package(json!(policy), tier);
        assert_eq!(
            r.lifecycle("p"),
            [
                format!("{expired}T00:00:00 p available -> expired"),
                format!("{frozen}T00:00:00 p expired -> frozen"),
                format!("{released}T00:00:00 p frozen -> released"),
            ],
            "{policy} {tier}"
        );
        assert_eq!(r.final_state("p"), "released", "{policy} {tier}");
        // each state holds up to the second before the next transition
        let before = |day: &str| t(&format!("{day}T00:00:00")).plus_secs(-1).local_string();
        assert_eq!(r.state_at("p", &before(expired)), "available", "{tier}");
        assert_eq!(r.state_at("p", &before(frozen)), "expired", "{tier}");
        assert_eq!(r.state_at("p", &before(released)), "frozen", "{tier}");
    }
}

/// §3–§4: pay-per-use resources lapse through the same states with their own periods, counted in
/// 24-hour days from the instant of arrears (here 2026-03-10 01:00, the first hourly charge).
#[test]
fn pay_per_use_transitions_for_every_preset_tier() {
    // policy, tier, transitions after the first charge left the balance below zero
    let cases: [(&str, &str, &[&str]); 7] = [
        // grace 0: straight to frozen at the instant of arrears
        (
            "huawei-cn",
            "V0",
            &[
                "2026-03-10T01:00:00 available -> frozen",
                "2026-03-11T01:00:00 frozen -> released",
            ],
        ),
        (
            "huawei-cn",
            "V1",
            &[
                "2026-03-10T01:00:00 available -> frozen",
                "2026-03-17T01:00:00 frozen -> released",
            ],
        ),
        (
            "huawei-cn",
            "V2",
            &[
                "2026-03-10T01:00:00 available -> frozen",
                "2026-03-17T01:00:00 frozen -> released",
            ],
        ),
        (
            "huawei-cn",
            "V3",
            &[
                "2026-03-10T01:00:00 available -> expired",
                "2026-03-11T01:00:00 expired -> frozen",
                "2026-03-18T01:00:00 frozen -> released",
            ],
        ),
        (
            "huawei-cn",
            "V4",
            &[
                "2026-03-10T01:00:00 available -> expired",
                "2026-03-17T01:00:00 expired -> frozen",
                "2026-04-01T01:00:00 frozen -> released",
            ],
        ),
        (
            "huawei-cn",
            "V5",
            &[
                "2026-03-10T01:00:00 available -> expired",
                "2026-03-17T01:00:00 expired -> frozen",
                "2026-04-01T01:00:00 frozen -> released",
            ],
        ),
        (
            "huawei-intl",
            "standard",
            &[
                "2026-03-10T01:00:00 available -> expired",
                "2026-03-25T01:00:00 expired -> frozen",
                "2026-04-09T01:00:00 frozen -> released",
            ],
        ),
    ];
    for (policy, tier, expected) in cases {
        let r = run(&with_policy(
            doc(
                "",
                "0",
                vec![pay_per_use("u", "2026-03-10T00:00:00", "1.00")],
                vec![],
                "2026-05-01T00:00:00",
            ),
            json!(policy),
            tier,
        ));
        let expected: Vec<String> = expected.iter().map(|l| l.replacen(' ', " u ", 1)).collect();
        assert_eq!(r.lifecycle("u"), expected, "{policy} {tier}");
    }
}

/// §3: periods of zero days are skipped — at `E` straight to `frozen` when grace is 0, straight to
/// `released` when grace and retention are both 0; `expired` → `released` when retention is 0.
#[test]
fn zero_day_periods_are_skipped() {
    // package (grace, retention), expected transitions (E = 2026-04-09 00:00)
    let cases: [((u16, u16), &[&str]); 5] = [
        (
            (0, 3),
            &[
                "2026-04-09T00:00:00 p available -> frozen",
                "2026-04-12T00:00:00 p frozen -> released",
            ],
        ),
        ((0, 0), &["2026-04-09T00:00:00 p available -> released"]),
        (
            (5, 0),
            &[
                "2026-04-09T00:00:00 p available -> expired",
                "2026-04-14T00:00:00 p expired -> released",
            ],
        ),
        (
            (2, 3),
            &[
                "2026-04-09T00:00:00 p available -> expired",
                "2026-04-11T00:00:00 p expired -> frozen",
                "2026-04-14T00:00:00 p frozen -> released",
            ],
        ),
        ((365, 365), &["2026-04-09T00:00:00 p available -> expired"]),
    ];
    for (package_days, expected) in cases {
        let r = lapsing_package(custom_policy(package_days, (0, 0)), "t");
        assert_eq!(r.lifecycle("p"), expected, "{package_days:?}");
    }
}

/// §3 and §9: the same skipping for pay-per-use, whose periods are 24-hour days counted from the
/// charge that caused the arrears (here 02:00: 1.50 at 1.00 an hour).
#[test]
fn zero_day_periods_are_skipped_for_pay_per_use() {
    // pay-per-use (grace, retention), expected transitions
    let cases: [((u16, u16), &[&str]); 4] = [
        (
            (0, 3),
            &[
                "2026-03-10T02:00:00 u available -> frozen",
                "2026-03-13T02:00:00 u frozen -> released",
            ],
        ),
        (
            (2, 0),
            &[
                "2026-03-10T02:00:00 u available -> expired",
                "2026-03-12T02:00:00 u expired -> released",
            ],
        ),
        (
            (2, 3),
            &[
                "2026-03-10T02:00:00 u available -> expired",
                "2026-03-12T02:00:00 u expired -> frozen",
                "2026-03-15T02:00:00 u frozen -> released",
            ],
        ),
        ((0, 0), &["2026-03-10T02:00:00 u available -> released"]),
    ];
    for (days, expected) in cases {
        let r = run(&with_policy(
            doc(
                "",
                "1.50",
                vec![pay_per_use("u", "2026-03-10T00:00:00", "1.00")],
                vec![],
                "2026-03-16T00:00:00",
            ),
            custom_policy((1, 1), days),
            "t",
        ));
        assert_eq!(r.lifecycle("u"), expected, "{days:?}");
    }
}

/// §3 with grace = retention = 0 for pay-per-use: the charge that causes arrears releases it.
#[test]
fn pay_per_use_with_no_grace_and_no_retention_is_released_at_once() {
    let r = run(&with_policy(
        doc(
            "",
            "1.50",
            vec![pay_per_use("u", "2026-03-10T00:00:00", "1.00")],
            vec![top_up("2026-03-10T05:00:00", "10.00")],
            "2026-03-10T06:00:00",
        ),
        custom_policy((1, 1), (0, 0)),
        "t",
    ));
    assert_eq!(
        r.lines(),
        [
            "2026-03-10T00:00:00 u purchased rate 1.00 balance 1.50",
            "2026-03-10T02:00:00 u available -> released",
            // a released resource is gone: a top-up does not bring it back, and it is not charged
            "2026-03-10T05:00:00 account top_up 10.00 balance 9.50",
        ]
    );
    assert_eq!(r.final_balance(), "9.50");
}

/// §3: `expired` is still usable (pay-per-use keeps being charged), `frozen` is not (no charges).
#[test]
fn expired_is_usable_and_frozen_is_not() {
    // V3 pay-per-use: grace 1 day, retention 7 days; 0.10 an hour from a balance of 0.05
    let r = run(&doc(
        "V3",
        "0.05",
        vec![pay_per_use("u", "2026-03-10T00:00:00", "0.10")],
        vec![],
        "2026-03-14T00:00:00",
    ));
    // instant, state, balance
    let cases = [
        ("2026-03-10T00:59:59", "available", "0.05"),
        ("2026-03-10T01:00:00", "expired", "-0.05"),
        ("2026-03-10T02:00:00", "expired", "-0.15"),
        // the 24th hour in grace: charged 01:00 (arrears) and 02:00 .. 00:00 (23 more)
        ("2026-03-11T00:59:59", "expired", "-2.35"),
        // frozen at 2026-03-11 01:00: the transition comes before that hour's charge, so no charge
        ("2026-03-11T01:00:00", "frozen", "-2.35"),
        ("2026-03-13T23:00:00", "frozen", "-2.35"),
    ];
    for (at, state, balance) in cases {
        assert_eq!(r.state_at("u", at), state, "{at}");
        assert_eq!(r.balance_at(at), balance, "{at}");
    }
}

/// §4: a scenario can be run under every tier of its policy; each trace names its tier.
#[test]
fn every_tier_of_the_policy_can_be_simulated() {
    let scenario = renewal_lab::engine::Scenario::from_json(
        &doc(
            "V0",
            "0",
            vec![package("p", "2026-03-08T10:00:00", "1m")],
            vec![],
            "2026-06-01T00:00:00",
        )
        .to_string(),
    )
    .unwrap();
    let traces = renewal_lab::engine::simulate_all_tiers(&scenario);
    let tiers: Vec<&str> = traces.iter().map(|t| t.tier.as_str()).collect();
    assert_eq!(tiers, ["V0", "V1", "V2", "V3", "V4", "V5"]);
    for trace in &traces {
        let mut alone = scenario.clone();
        alone.tier = trace.tier.clone();
        assert_eq!(
            *trace,
            renewal_lab::engine::simulate(&alone),
            "{}",
            trace.tier
        );
    }
}
