//! Engine benchmarks (divan): `cargo bench --bench simulate`. Figures are recorded in the README.
//!
//! * `all_tiers_10y_3_resources`: the issue's target scenario — three monthly packages with
//!   auto-renew over ten years, simulated for all six `huawei-cn` tiers. Every month the attempt
//!   window opens on the 1st and the money comes on the 5th at noon, so each package's attempts
//!   fail five days running (retried daily at 03:00, with a reminder on the 3rd) before the one on
//!   the 6th pays. Target: < 1 ms.
//! * `events_per_second`: the same shape with 50 resources, reported as events per second.
//!   Target: ≥ 10 million events per second.
//! * `largest_file_at_one_instant`: the largest file the format allows, 50 pay-per-use resources
//!   and 10,000 top-ups all at one instant, for all six tiers (each top-up touches every meter;
//!   this once took minutes).

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use renewal_lab::engine::{simulate_all_tiers, Scenario};

fn main() {
    divan::main();
}

/// `resources` monthly packages over `years` years, all expiring on the 8th, renewed 7 days
/// before; a top-up worth one month of renewals arrives on the 5th at noon, so each window sees
/// five failed attempts before one that pays.
fn scenario(resources: usize, years: i32) -> Scenario {
    let packages: Vec<String> = (0..resources)
        .map(|i| {
            format!(
                r#"{{ "id": "pkg-{i}", "billing": "package", "start": "2026-01-08T{:02}:00:00", "term": "1m",
                   "prices": {{ "month": "30.00", "year": "300.00" }},
                   "auto_renew": {{ "enabled": true, "days_before": 7 }} }}"#,
                9 + i % 12
            )
        })
        .collect();
    // From the first month after the start (an action may not come before it).
    let top_ups: Vec<String> = (1..years * 12)
        .map(|m| {
            format!(
                r#"{{ "at": "{}-{:02}-05T12:00:00", "do": "top_up", "amount": "{}.00" }}"#,
                2026 + m / 12,
                1 + m % 12,
                30 * resources
            )
        })
        .collect();
    let json = format!(
        r#"{{ "format": "renewal-lab/1", "name": "bench", "policy": "huawei-cn", "tier": "V3",
             "balance": "10.00", "resources": [{}], "actions": [{}], "until": "{}-01-01T00:00:00" }}"#,
        packages.join(","),
        top_ups.join(","),
        2026 + years
    );
    match Scenario::from_json(&json) {
        Ok(s) => s,
        Err(errors) => panic!("benchmark scenario is invalid: {errors:?}"),
    }
}

fn event_count(scenario: &Scenario) -> usize {
    simulate_all_tiers(scenario)
        .iter()
        .map(|t| t.events.len())
        .sum()
}

#[divan::bench]
fn all_tiers_10y_3_resources(bencher: Bencher) {
    let scenario = scenario(3, 10);
    let events = event_count(&scenario);
    bencher
        .counter(ItemsCount::new(events))
        .bench(|| simulate_all_tiers(black_box(&scenario)));
}

#[divan::bench]
fn events_per_second(bencher: Bencher) {
    let scenario = scenario(50, 10);
    let events = event_count(&scenario);
    bencher
        .counter(ItemsCount::new(events))
        .bench(|| simulate_all_tiers(black_box(&scenario)));
}

#[divan::bench]
fn largest_file_at_one_instant(bencher: Bencher) {
    let resources: Vec<String> = (0..50)
        .map(|i| {
            format!(
                r#"{{ "id": "m{i}", "billing": "pay_per_use", "start": "2026-01-01T00:00:00", "hourly_rate": "0.01" }}"#
            )
        })
        .collect();
    let top_up = r#"{ "at": "2026-01-01T00:00:00", "do": "top_up", "amount": "1.00" }"#;
    let json = format!(
        r#"{{ "format": "renewal-lab/1", "policy": "huawei-cn", "tier": "V3", "resources": [{}],
             "actions": [{}], "until": "2026-01-02T00:00:00" }}"#,
        resources.join(","),
        vec![top_up; 10_000].join(",")
    );
    let scenario = match Scenario::from_json(&json) {
        Ok(s) => s,
        Err(errors) => panic!("benchmark scenario is invalid: {errors:?}"),
    };
    bencher.bench(|| simulate_all_tiers(black_box(&scenario)));
}
