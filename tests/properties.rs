//! Property tests over random valid scenarios: 1–4 resources mixing packages and pay-per-use,
//! every preset tier and custom policies with zero-day periods, random actions, up to ~2 years.
//!
//! Each generated scenario is simulated and its trace checked against the rules by an independent
//! replay of the trace's own events (written here, not borrowed from the engine).
//! `PROPTEST_CASES=1000 cargo test --test properties` runs more cases than the default 64.

use chrono::{Datelike, Months, NaiveDate};
use proptest::prelude::*;
use renewal_lab::engine::{
    simulate, simulate_all_tiers, simulate_all_tiers_within, Scenario, Time,
};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet, VecDeque};

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// 2026-01-01T00:00:00 local, in seconds since 1970-01-01T00:00:00 local.
const BASE: i64 = 1_767_225_600;

// ---------------------------------------------------------------------------------------------
// The generated scenario, kept typed so the replay needs nothing from the engine.

#[derive(Clone, Debug)]
struct Gen {
    timezone: &'static str,
    policy: Policy,
    balance: i64,
    resources: Vec<Res>,
    actions: Vec<Act>,
    until: i64,
}

#[derive(Clone, Debug)]
enum Policy {
    Cn(usize),
    Intl,
    /// Package (grace, retention) and pay-per-use (grace, retention).
    Custom([u16; 4]),
}

impl Policy {
    /// (grace, retention) days for packages or pay-per-use, from the rules' tables.
    fn days(&self, package: bool) -> (i64, i64) {
        const CN: [[i64; 4]; 6] = [
            [1, 1, 0, 1],
            [1, 7, 0, 7],
            [1, 7, 0, 7],
            [7, 7, 1, 7],
            [7, 15, 7, 15],
            [7, 15, 7, 15],
        ];
        let row = match self {
            Policy::Cn(i) => CN[*i],
            Policy::Intl => [15, 15, 15, 15],
            Policy::Custom(d) => d.map(i64::from),
        };
        if package {
            (row[0], row[1])
        } else {
            (row[2], row[3])
        }
    }
}

#[derive(Clone, Debug)]
struct Auto {
    enabled: bool,
    days_before: Option<u8>,
    term: Option<(u8, bool)>,
    times: Option<u8>,
}

#[derive(Clone, Debug)]
enum Kind {
    /// Term (n, is_years), month price, year price, auto-renew.
    Package(u8, bool, i64, i64, Option<Auto>),
    /// Hourly rate.
    PayPerUse(i64),
}

#[derive(Clone, Debug)]
struct Res {
    start: i64,
    kind: Kind,
}

#[derive(Clone, Debug)]
enum ActKind {
    TopUp(i64),
    Renew(usize, (u8, bool)),
    SetAuto(usize, Auto),
}

#[derive(Clone, Debug)]
struct Act {
    at: i64,
    kind: ActKind,
}

fn local(secs: i64) -> String {
    Time::from_secs(secs).local_string()
}

fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

fn term_text((n, years): (u8, bool)) -> String {
    format!("{n}{}", if years { "y" } else { "m" })
}

fn term_from_text(text: &str) -> (u8, bool) {
    let (n, unit) = text.split_at(text.len() - 1);
    (n.parse().unwrap(), unit == "y")
}

fn auto_json(a: &Auto) -> Value {
    let mut v = json!({ "enabled": a.enabled });
    if let Some(d) = a.days_before {
        v["days_before"] = json!(d);
    }
    if let Some(t) = a.term {
        v["term"] = json!(term_text(t));
    }
    if let Some(n) = a.times {
        v["times"] = json!(n);
    }
    v
}

impl Gen {
    fn id(i: usize) -> String {
        format!("r{i}")
    }

    fn tier(&self) -> String {
        match self.policy {
            Policy::Cn(i) => format!("V{i}"),
            Policy::Intl => "standard".into(),
            Policy::Custom(_) => "t".into(),
        }
    }

    fn to_json(&self) -> Value {
        let policy = match &self.policy {
            Policy::Cn(_) => json!("huawei-cn"),
            Policy::Intl => json!("huawei-intl"),
            Policy::Custom(d) => json!({ "name": "zeros allowed", "tiers": { "t": {
                "package": { "grace_days": d[0], "retention_days": d[1] },
                "pay_per_use": { "grace_days": d[2], "retention_days": d[3] },
            }}}),
        };
        let resources: Vec<Value> = self
            .resources
            .iter()
            .enumerate()
            .map(|(i, r)| match &r.kind {
                Kind::Package(n, years, month, year, auto) => {
                    let mut v = json!({
                        "id": Self::id(i), "billing": "package", "start": local(r.start),
                        "term": term_text((*n, *years)),
                        "prices": { "month": money(*month), "year": money(*year) },
                    });
                    if let Some(a) = auto {
                        v["auto_renew"] = auto_json(a);
                    }
                    v
                }
                Kind::PayPerUse(rate) => json!({
                    "id": Self::id(i), "billing": "pay_per_use", "start": local(r.start),
                    "hourly_rate": money(*rate),
                }),
            })
            .collect();
        let actions: Vec<Value> = self
            .actions
            .iter()
            .map(|a| match &a.kind {
                ActKind::TopUp(amount) => {
                    json!({ "at": local(a.at), "do": "top_up", "amount": money(*amount) })
                }
                ActKind::Renew(r, term) => json!({
                    "at": local(a.at), "do": "renew", "resource": Self::id(*r), "term": term_text(*term),
                }),
                ActKind::SetAuto(r, auto) => {
                    let mut v = auto_json(auto);
                    v["at"] = json!(local(a.at));
                    v["do"] = json!("set_auto_renew");
                    v["resource"] = json!(Self::id(*r));
                    v
                }
            })
            .collect();
        json!({
            "format": "renewal-lab/1",
            "name": "generated",
            "timezone": self.timezone,
            "policy": policy,
            "tier": self.tier(),
            "balance": money(self.balance),
            "resources": resources,
            "actions": actions,
            "until": local(self.until),
        })
    }

    /// The price of renewing resource `r` for `term`, in cents.
    fn price(&self, r: usize, (n, years): (u8, bool)) -> i64 {
        match self.resources[r].kind {
            Kind::Package(_, _, month, year, _) => i64::from(n) * if years { year } else { month },
            Kind::PayPerUse(_) => unreachable!("pay-per-use has no price"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies.

/// A time of day that favours the instants the rules care about.
fn time_of_day() -> impl Strategy<Value = i64> {
    prop_oneof![
        2 => Just(0),
        2 => Just(3 * HOUR),
        1 => Just(3 * HOUR - 1),
        1 => Just(DAY - 1),
        4 => 0..DAY,
    ]
}

fn term() -> impl Strategy<Value = (u8, bool)> {
    prop_oneof![
        6 => (1u8..=11).prop_map(|n| (n, false)),
        1 => (1u8..=5).prop_map(|n| (n, true)),
        4 => Just((1, false)),
    ]
}

fn auto() -> impl Strategy<Value = Auto> {
    (
        any::<bool>(),
        proptest::option::of(0u8..=7),
        proptest::option::of(term()),
        proptest::option::weighted(0.5, 0u8..=3),
    )
        .prop_map(|(enabled, days_before, term, times)| Auto {
            enabled,
            days_before,
            term,
            times,
        })
}

fn policy() -> impl Strategy<Value = Policy> {
    prop_oneof![
        6 => (0usize..6).prop_map(Policy::Cn),
        1 => Just(Policy::Intl),
        3 => proptest::array::uniform4(prop_oneof![3 => Just(0u16), 2 => 1u16..=3, 2 => 4u16..=60])
            .prop_map(Policy::Custom),
    ]
}

fn resource() -> impl Strategy<Value = Res> {
    let start = (0i64..60, time_of_day()).prop_map(|(d, s)| BASE + d * DAY + s);
    let kind = prop_oneof![
        3 => (term(), prop_oneof![0i64..6_000, (0i64..60).prop_map(|x| x * 100)], 0i64..60_000, proptest::option::of(auto()))
            .prop_map(|((n, y), m, yp, a)| Kind::Package(n, y, m, yp, a)),
        1 => prop_oneof![1i64..200, Just(10), Just(50), Just(100)].prop_map(Kind::PayPerUse),
    ];
    (start, kind).prop_map(|(start, kind)| Res { start, kind })
}

/// An action with its time as a fraction of the span it may fall in, and a resource choice.
fn raw_action() -> impl Strategy<Value = (u32, i64, usize, u8, Auto, (u8, bool), i64)> {
    (
        // below 1_000_000: a fraction of the span; above: days after the first expiry date (−10..45)
        prop_oneof![
            4 => 0u32..1_000_000,
            2 => 1_000_000u32..1_000_056,
            1 => Just(1_000_010u32),             // on the expiry date itself
            2 => 1_000_038u32..=1_000_055,       // four to six weeks after it
        ],
        time_of_day(),
        0usize..4,
        0u8..3,
        auto(),
        term(),
        prop_oneof![1i64..20_000, (1i64..100).prop_map(|x| x * 100)],
    )
}

fn scenario() -> impl Strategy<Value = Gen> {
    (
        prop_oneof![
            Just("+08:00"),
            Just("+00:00"),
            Just("-05:00"),
            Just("+05:45")
        ],
        policy(),
        prop_oneof![1 => Just(0i64), 2 => 0i64..20_000, 2 => (0i64..200).prop_map(|x| x * 100)],
        proptest::collection::vec(resource(), 1..=4),
        1i64..=730,
        0..DAY,
        proptest::collection::vec(raw_action(), 0..16),
    )
        .prop_map(|(timezone, policy, balance, resources, days, secs, raw)| {
            let earliest = resources.iter().map(|r| r.start).min().unwrap();
            let latest = resources.iter().map(|r| r.start).max().unwrap();
            let until = (earliest + days * DAY + secs).max(latest);
            let actions = raw
                .into_iter()
                .map(|(frac, tod, r, verb, auto, term, amount)| {
                    let r = r % resources.len();
                    let from = if verb == 0 {
                        earliest
                    } else {
                        resources[r].start
                    };
                    // a point in [from, until] — a fraction of the span, or a day near the named
                    // resource's first expiry date — snapped to the chosen time of day when that
                    // stays inside
                    let span = until - from;
                    let at = match (frac.checked_sub(1_000_000), first_expiry_day(&resources[r])) {
                        (Some(k), Some(x)) => (x + (i64::from(k) - 10) * DAY).clamp(from, until),
                        _ => {
                            from + (span as i128 * i128::from(frac % 1_000_000) / 1_000_000) as i64
                        }
                    };
                    let snapped = at - at.rem_euclid(DAY) + tod;
                    let at = if (from..=until).contains(&snapped) {
                        snapped
                    } else {
                        at
                    };
                    let kind = match verb {
                        0 => ActKind::TopUp(amount),
                        1 => ActKind::Renew(r, term),
                        _ => ActKind::SetAuto(r, auto),
                    };
                    Act { at, kind }
                })
                .collect();
            Gen {
                timezone,
                policy,
                balance,
                resources,
                actions,
                until,
            }
        })
}

/// The local midnight starting a package's first expiry date (for placing actions near it).
fn first_expiry_day(r: &Res) -> Option<i64> {
    let Kind::Package(n, years, ..) = r.kind else {
        return None;
    };
    let months = u32::from(n) * if years { 12 } else { 1 };
    let date = renewal_lab::engine::time::add_months(Time::from_secs(r.start).date(), months);
    Some(Time::midnight(date).secs())
}

/// One package on a policy with long periods, renewed (by hand, with random terms) anywhere from
/// its first expiry to three months later: reaches late renewals and `term_too_short`.
fn late_renewals() -> impl Strategy<Value = Gen> {
    (
        resource(),
        prop_oneof![
            1 => Just(Policy::Intl),
            3 => (0u16..=60, 0u16..=60).prop_map(|(g, r)| Policy::Custom([g, r, 0, 0])),
        ],
        0i64..200_000,
        proptest::collection::vec((0i64..90, time_of_day(), term(), any::<bool>()), 1..5),
    )
        .prop_map(|(mut res, policy, balance, renewals)| {
            if matches!(res.kind, Kind::PayPerUse(_)) {
                res.kind = Kind::Package(1, false, 3_000, 30_000, None);
            }
            let x = first_expiry_day(&res).unwrap();
            let until = x + 100 * DAY;
            let actions = renewals
                .into_iter()
                .map(|(day, tod, term, top_up)| Act {
                    at: x + day * DAY + tod,
                    kind: if top_up {
                        ActKind::TopUp(10_000)
                    } else {
                        ActKind::Renew(0, term)
                    },
                })
                .collect();
            Gen {
                timezone: "+08:00",
                policy,
                balance,
                resources: vec![res],
                actions,
                until,
            }
        })
}

// ---------------------------------------------------------------------------------------------
// Independent replay of a trace's events.

fn secs(text: &str) -> i64 {
    Time::parse_local(&text[..19]).unwrap().secs()
}

fn state_rank(s: &str) -> u8 {
    match s {
        "available" => 0,
        "expired" => 1,
        "frozen" => 2,
        "released" => 3,
        other => panic!("unknown state {other}"),
    }
}

/// One event, parsed from the trace JSON.
#[derive(Clone, Debug)]
struct Ev {
    at: i64,
    resource: Option<usize>,
    kind: String,
    v: Value,
}

fn events(trace: &Value) -> Vec<Ev> {
    trace["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| Ev {
            at: secs(e["at"].as_str().unwrap()),
            resource: e["resource"]
                .as_str()
                .map(|id| id[1..].parse::<usize>().unwrap()),
            kind: e["kind"].as_str().unwrap().to_string(),
            v: e.clone(),
        })
        .collect()
}

fn cents(v: &Value) -> i64 {
    let text = v.as_str().unwrap();
    let (neg, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, frac) = text.split_once('.').unwrap();
    assert_eq!(frac.len(), 2, "amounts have exactly two decimals: {v}");
    let c = whole.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap();
    if neg {
        -c
    } else {
        c
    }
}

/// What the replay knows about one resource.
#[derive(Clone, Debug, PartialEq)]
struct Replayed {
    state: u8,
    /// Expiry date `X` as the local midnight that starts it (packages).
    expiry_day: Option<i64>,
    enabled: bool,
    days_before: u8,
    term: (u8, bool),
    times: u8,
}

fn initial(g: &Gen, r: usize) -> Replayed {
    let (enabled, days_before, term, times) = match &g.resources[r].kind {
        Kind::Package(_, _, _, _, Some(a)) => (
            a.enabled,
            a.days_before.unwrap_or(7),
            a.term.unwrap_or((1, false)),
            a.times.unwrap_or(0),
        ),
        _ => (false, 7, (1, false), 0),
    };
    Replayed {
        state: 0,
        expiry_day: None,
        enabled,
        days_before,
        term,
        times,
    }
}

/// Replays events `evs` (in order) into per-resource status; `None` for resources not yet bought.
fn replay(g: &Gen, evs: &[Ev]) -> Vec<Option<Replayed>> {
    let mut out: Vec<Option<Replayed>> = vec![None; g.resources.len()];
    for e in evs {
        let Some(r) = e.resource else { continue };
        match e.kind.as_str() {
            "purchased" => {
                let mut s = initial(g, r);
                s.expiry_day = e.v["expires"].as_str().map(|x| secs(x) - (DAY - 1));
                out[r] = Some(s);
            }
            "state_changed" => {
                out[r].as_mut().unwrap().state = state_rank(e.v["to"].as_str().unwrap());
            }
            "renewed" => {
                let s = out[r].as_mut().unwrap();
                s.expiry_day = Some(secs(e.v["expires"].as_str().unwrap()) - (DAY - 1));
                // §6: each automatic renewal uses one of `times` (0 = unlimited)
                if e.v["source"] == "auto" && s.times > 0 {
                    s.times -= 1;
                }
            }
            "auto_renew_changed" => {
                let s = out[r].as_mut().unwrap();
                s.enabled = e.v["enabled"].as_bool().unwrap();
                s.days_before = e.v["days_before"].as_u64().unwrap() as u8;
                s.term = term_from_text(e.v["term"].as_str().unwrap());
                s.times = e.v["times"].as_u64().unwrap() as u8;
            }
            _ => {}
        }
    }
    out
}

/// Per pay-per-use resource: `(effective from, state)` — the state that applies to hourly charges
/// at instants `>= effective from`. A timed transition at `c` applies to the charge at `c` (it
/// comes first at that instant); entering arrears (from `available`) and a top-up's restoration
/// (to `available`) come after the charge at `c`, so they apply from `c + 1`.
fn charge_states(g: &Gen, evs: &[Ev]) -> Vec<Vec<(i64, u8)>> {
    let mut out: Vec<Vec<(i64, u8)>> = g.resources.iter().map(|r| vec![(r.start, 0)]).collect();
    for e in evs {
        let (Some(r), "state_changed") = (e.resource, e.kind.as_str()) else {
            continue;
        };
        let from = state_rank(e.v["from"].as_str().unwrap());
        let to = state_rank(e.v["to"].as_str().unwrap());
        let after_charge = from == 0 || to == 0;
        out[r].push((e.at + i64::from(after_charge), to));
    }
    for changes in &mut out {
        changes.sort_by_key(|c| c.0);
    }
    out
}

/// Hourly charges of resource `r` at full hours `τ` with `lo <= τ < hi`.
fn charges_between(g: &Gen, states: &[Vec<(i64, u8)>], r: usize, lo: i64, hi: i64) -> i64 {
    let Kind::PayPerUse(rate) = g.resources[r].kind else {
        return 0;
    };
    let start = g.resources[r].start;
    // full hours after the start at or before t
    let count = |t: i64| ((t - start).max(0)).div_euclid(HOUR);
    let changes = &states[r];
    let mut total = 0;
    for (i, &(from, state)) in changes.iter().enumerate() {
        let to = changes.get(i + 1).map_or(i64::MAX / 2, |c| c.0);
        let (a, b) = (from.max(lo), to.min(hi));
        if a < b && state <= 1 {
            total += rate * (count(b - 1) - count(a - 1));
        }
    }
    total
}

/// The balance once everything at or before `t` has happened, from the events and the hourly grid.
fn replay_balance(g: &Gen, evs: &[Ev], states: &[Vec<(i64, u8)>], t: i64) -> i64 {
    let t = t.min(g.until);
    let mut balance = g.balance;
    let mut moves = moves(g, evs);
    moves.retain(|(at, _)| *at <= t);
    balance += moves.iter().map(|m| m.1).sum::<i64>();
    for r in 0..g.resources.len() {
        balance -= charges_between(g, states, r, i64::MIN / 2, t + 1);
    }
    balance
}

/// Money moved by events: top-ups (+) and package payments (−), each at its event.
fn moves(g: &Gen, evs: &[Ev]) -> Vec<(i64, i64)> {
    evs.iter()
        .map(|e| {
            let delta = match e.kind.as_str() {
                "top_up" => cents(&e.v["amount"]),
                "auto_renew_attempt" if e.v["outcome"] == "succeeded" => -cents(&e.v["price"]),
                "renewed" if e.v["source"] == "manual" => -g.price(
                    e.resource.unwrap(),
                    term_from_text(e.v["term"].as_str().unwrap()),
                ),
                _ => 0,
            };
            (e.at, delta)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The properties.

fn check(g: &Gen) -> Result<(), TestCaseError> {
    let doc = g.to_json();
    let scenario = Scenario::from_json(&doc.to_string()).map_err(|e| {
        TestCaseError::fail(format!("generated scenario is invalid: {e:?}\n{doc:#}"))
    })?;

    // Scenario JSON round-trips to an equal scenario.
    let again = Scenario::from_json(&scenario.to_json());
    prop_assert_eq!(again.as_ref(), Ok(&scenario), "round trip");

    // A second run gives the identical trace; the all-tiers run agrees for this tier.
    let trace = simulate(&scenario);
    prop_assert_eq!(&trace, &simulate(&scenario), "deterministic");
    let all = simulate_all_tiers(&scenario);
    prop_assert!(
        all.contains(&trace),
        "simulate_all_tiers has the same trace"
    );
    // The bounded run gives the same traces up to its bound, and nothing one event below it.
    let total: usize = all.iter().map(|t| t.events.len()).sum();
    prop_assert_eq!(
        simulate_all_tiers_within(&scenario, total),
        Some(all.clone())
    );
    if total > 0 {
        prop_assert_eq!(simulate_all_tiers_within(&scenario, total - 1), None);
    }

    let json = trace.to_json_value(&scenario);
    let evs = events(&json);

    // Events are sorted by time, none after until.
    for w in evs.windows(2) {
        prop_assert!(
            w[0].at <= w[1].at,
            "events out of order: {:?} then {:?}",
            w[0].v,
            w[1].v
        );
    }
    if let Some(last) = evs.last() {
        prop_assert!(last.at <= g.until, "event after until: {:?}", last.v);
    }

    // The customer's renew and set_auto_renew actions, per (resource, instant), in file order.
    let mut renews: HashMap<(usize, i64), VecDeque<(u8, bool)>> = HashMap::new();
    let mut set_autos: HashMap<(usize, i64), VecDeque<Auto>> = HashMap::new();
    for a in &g.actions {
        match &a.kind {
            ActKind::Renew(r, term) => renews.entry((*r, a.at)).or_default().push_back(*term),
            ActKind::SetAuto(r, auto) => set_autos
                .entry((*r, a.at))
                .or_default()
                .push_back(auto.clone()),
            ActKind::TopUp(_) => {}
        }
    }
    let is_package = |r: usize| matches!(g.resources[r].kind, Kind::Package(..));

    let states = charge_states(g, &evs);
    let mut live: Vec<Option<Replayed>> = vec![None; g.resources.len()];
    // for pay-per-use resources, when their current arrears began
    let mut arrears: Vec<Option<i64>> = vec![None; g.resources.len()];
    // per package: the last automatic attempt for its current expiry date failed
    let mut failed: Vec<bool> = vec![false; g.resources.len()];
    // reminders seen: (resource, notice, days, the instant warned of)
    let mut sent: HashSet<(usize, String, i64, i64)> = HashSet::new();
    // opening balance plus the money moved by the events so far (charges not included)
    let mut moved_so_far = g.balance;
    let moved = moves(g, &evs);
    for (i, e) in evs.iter().enumerate() {
        let before = live.clone();
        live = replay(g, &evs[..=i]);

        // What the balance is just before this event, hourly charges included (§8 order), and
        // the balance the event reports after it.
        let available = moved_so_far - charged_before(g, &states, &evs, i);
        moved_so_far += moved[i].1;
        if let Some(b) = e.v.get("balance") {
            prop_assert_eq!(cents(b), available + moved[i].1, "balance of {:?}", e.v);
        }

        // §9: a top-up that leaves the balance at zero or more restores every pay-per-use resource
        // in arrears, in scenario order, right after the top-up; otherwise none.
        if e.kind == "top_up" {
            let restored: Vec<usize> = evs[i + 1..]
                .iter()
                .take_while(|n| {
                    n.at == e.at && n.kind == "state_changed" && n.v["to"] == "available"
                })
                .filter(|n| !is_package(n.resource.unwrap()))
                .map(|n| n.resource.unwrap())
                .collect();
            let expected: Vec<usize> = if cents(&e.v["balance"]) >= 0 {
                (0..g.resources.len())
                    .filter(|&r| !is_package(r))
                    .filter(|&r| {
                        before[r]
                            .as_ref()
                            .is_some_and(|w| w.state == 1 || w.state == 2)
                    })
                    .collect()
            } else {
                vec![]
            };
            prop_assert_eq!(restored, expected, "restored by {:?}", e.v);
        }

        let Some(r) = e.resource else { continue };
        let was = before[r].clone();

        // Nothing happens to a released resource (a rejected action is not a happening).
        if let Some(w) = &was {
            prop_assert!(
                w.state != 3 || e.kind == "action_rejected",
                "event after release: {:?}",
                e.v
            );
        }

        match e.kind.as_str() {
            "purchased" => {
                prop_assert_eq!(e.at, g.resources[r].start);
                match g.resources[r].kind {
                    Kind::Package(n, years, ..) => {
                        // §2: the purchase date plus the term, clamped (no month-end rule)
                        let x =
                            add_months(e.at - e.at.rem_euclid(DAY), months_of((n, years)), false);
                        prop_assert_eq!(
                            e.v["expires"].as_str().map(|x| x[..19].to_string()),
                            Some(local(x + DAY - 1))
                        );
                    }
                    Kind::PayPerUse(rate) => prop_assert_eq!(cents(&e.v["hourly_rate"]), rate),
                }
            }
            "state_changed" if !is_package(r) && e.v["from"] == "available" => {
                // §9: arrears begin when this resource's own charge leaves the balance below zero
                let Kind::PayPerUse(rate) = g.resources[r].kind else {
                    unreachable!()
                };
                prop_assert!(
                    available - rate < 0,
                    "arrears with a balance of {}: {:?}",
                    available - rate,
                    e.v
                );
                arrears[r] = Some(e.at);
                let (grace, retention) = g.policy.days(false);
                let expected_to = if grace > 0 {
                    1
                } else if retention > 0 {
                    2
                } else {
                    3
                };
                prop_assert_eq!(
                    state_rank(e.v["to"].as_str().unwrap()),
                    expected_to,
                    "{:?}",
                    e.v
                );
            }
            "state_changed" => {
                let w = was.clone().unwrap();
                let from = state_rank(e.v["from"].as_str().unwrap());
                let to = state_rank(e.v["to"].as_str().unwrap());
                prop_assert_eq!(from, w.state, "from is the current state: {:?}", e.v);
                prop_assert_ne!(from, to);
                let package = matches!(g.resources[r].kind, Kind::Package(..));
                let (grace, retention) = g.policy.days(package);
                if to == 0 {
                    // Backwards only through a renewal (packages) or a top-up (pay-per-use).
                    let why = if package { "renewed" } else { "top_up" };
                    let reason = (0..i)
                        .rev()
                        .take_while(|&j| evs[j].at == e.at)
                        .any(|j| evs[j].kind == why && (!package || evs[j].resource == Some(r)));
                    prop_assert!(reason, "back to available without a {}: {:?}", why, e.v);
                    arrears[r] = None;
                    continue;
                }
                prop_assert!(to > from, "states move forward: {:?}", e.v);
                // Transitions fall exactly where §3 and §9 put them, skipping zero-day periods.
                let anchor = if package {
                    w.expiry_day.unwrap() + DAY
                } else {
                    if from == 0 {
                        arrears[r] = Some(e.at);
                    }
                    arrears[r].unwrap()
                };
                let bounds = [
                    anchor,
                    anchor + grace * DAY,
                    anchor + (grace + retention) * DAY,
                ];
                let expected_to = (1..=3u8)
                    .filter(|&s| bounds[usize::from(s - 1)] <= e.at)
                    .max()
                    .unwrap_or(0);
                prop_assert_eq!(to, expected_to, "state at this instant: {:?}", e.v);
                prop_assert!(
                    bounds.contains(&e.at),
                    "transition at a boundary {:?}: {:?}",
                    bounds,
                    e.v
                );
                if !package && from == 0 {
                    prop_assert!(
                        (e.at - g.resources[r].start) % HOUR == 0 && e.at > g.resources[r].start,
                        "arrears begin at a full hour: {:?}",
                        e.v
                    );
                }
            }
            "auto_renew_attempt" => {
                let w = was.clone().unwrap();
                prop_assert_eq!(w.state, 0, "attempt only while available: {:?}", e.v);
                prop_assert!(w.enabled, "attempt only while enabled: {:?}", e.v);
                let x = w.expiry_day.unwrap();
                let window = (x - i64::from(w.days_before) * DAY + 3 * HOUR)..=(x + 3 * HOUR);
                let at_three = window.contains(&e.at) && (e.at - x).rem_euclid(DAY) == 3 * HOUR;
                let special = prev_is_immediate(&evs, i) && e.at >= x + 3 * HOUR && e.at < x + DAY;
                prop_assert!(
                    at_three || special,
                    "attempt outside its window {:?}: {:?}",
                    (local(*window.start()), local(*window.end())),
                    e.v
                );
                let price = g.price(r, w.term);
                prop_assert_eq!(cents(&e.v["price"]), price);
                // it pays exactly when the balance covers the price: no partial payments
                let paid = e.v["outcome"] == "succeeded";
                prop_assert_eq!(paid, available >= price, "outcome of {:?}", e.v);
                if !paid {
                    prop_assert_eq!(e.v["reason"].as_str(), Some("insufficient_balance"));
                }
            }
            "renewed" => {
                prop_assert!(
                    cents(&e.v["balance"]) >= 0,
                    "payment left a negative balance: {:?}",
                    e.v
                );
                let w = was.clone().unwrap();
                prop_assert!(w.state != 3);
                let term = term_from_text(e.v["term"].as_str().unwrap());
                // §2: extended from the current expiry date, month-ends kept
                let new_x = add_months(w.expiry_day.unwrap(), months_of(term), true);
                prop_assert_eq!(
                    e.v["expires"].as_str().map(|x| x[..19].to_string()),
                    Some(local(new_x + DAY - 1)),
                    "extend rule: {:?}",
                    e.v
                );
                if e.v["source"] == "auto" {
                    prop_assert_eq!(term, w.term, "the auto-renew term: {:?}", e.v);
                    // §6: the renewal that uses up `times` switches auto-renew off, right after it
                    let off = evs.get(i + 1).filter(|n| {
                        n.at == e.at
                            && n.resource == Some(r)
                            && n.kind == "auto_renew_changed"
                            && n.v.get("reason").is_some()
                    });
                    prop_assert_eq!(off.is_some(), w.times == 1, "times used up after {:?}", e.v);
                    if let Some(n) = off {
                        prop_assert_eq!(
                            (&n.v["reason"], &n.v["enabled"], &n.v["times"]),
                            (&json!("times_used"), &json!(false), &json!(0)),
                            "switched off: {:?}",
                            n.v
                        );
                    }
                } else {
                    manual_renewal(g, &mut renews, &w, r, e, available, Some(term))?;
                }
            }
            "action_rejected" if e.v["action"] == "renew" => {
                let w = was.clone().unwrap();
                manual_renewal(g, &mut renews, &w, r, e, available, None)?;
            }
            "action_rejected" | "auto_renew_changed"
                if e.v["action"] == "set_auto_renew" || e.v.get("reason").is_none() =>
            {
                // a set_auto_renew action (§6)
                let w = was.clone().unwrap();
                let action = set_autos
                    .get_mut(&(r, e.at))
                    .and_then(VecDeque::pop_front)
                    .ok_or_else(|| TestCaseError::fail(format!("no action for {:?}", e.v)))?;
                let expected_reason = if !is_package(r) {
                    Some("not_package")
                } else if w.state != 0 {
                    Some("not_available")
                } else {
                    None
                };
                prop_assert_eq!(e.v["reason"].as_str(), expected_reason, "{:?}", e.v);
                if expected_reason.is_none() {
                    let settings = (
                        action.enabled,
                        action.days_before.unwrap_or(w.days_before),
                        term_text(action.term.unwrap_or(w.term)),
                        action.times.unwrap_or(w.times),
                    );
                    let reported = (
                        e.v["enabled"].as_bool().unwrap(),
                        e.v["days_before"].as_u64().unwrap() as u8,
                        e.v["term"].as_str().unwrap().to_string(),
                        e.v["times"].as_u64().unwrap() as u8,
                    );
                    prop_assert_eq!(reported, settings, "settings after {:?}", e.v);
                    // the documented special case: switched on on the expiry date at or after 03:00
                    let x = w.expiry_day.unwrap();
                    let immediate =
                        !w.enabled && action.enabled && e.at >= x + 3 * HOUR && e.at < x + DAY;
                    let attempt_follows = evs.get(i + 1).is_some_and(|n| {
                        n.at == e.at && n.resource == Some(r) && n.kind == "auto_renew_attempt"
                    });
                    prop_assert_eq!(
                        attempt_follows,
                        immediate,
                        "immediate attempt after {:?}",
                        e.v
                    );
                }
            }
            "reminder" => {
                // A reminder changes nothing (the replay and the lookups below ignore it and still
                // agree with the engine), carries no balance, and its conditions hold at its
                // instant, after the events before it.
                let w = was.clone().unwrap();
                prop_assert!(e.v.get("balance").is_none(), "{:?}", e.v);
                let days = e.v["days"].as_i64().unwrap();
                let notice = e.v["notice"].as_str().unwrap().to_string();
                let nine = |midnight: i64| midnight - days * DAY + 9 * HOUR;
                let due = if notice == "expiry" {
                    prop_assert!(is_package(r), "{:?}", e.v);
                    prop_assert_eq!(w.state, 0, "expiry reminder while available: {:?}", e.v);
                    prop_assert!(
                        !w.enabled || failed[r],
                        "auto-renew off or its last attempt failed: {:?}",
                        e.v
                    );
                    prop_assert!([5, 2, 0].contains(&days), "{:?}", e.v);
                    let x = w.expiry_day.unwrap();
                    prop_assert_eq!(e.at, nine(x), "at 09:00 on X − days: {:?}", e.v);
                    prop_assert_eq!(secs(e.v["expires"].as_str().unwrap()), x + DAY - 1);
                    x + DAY - 1
                } else {
                    prop_assert_eq!(notice.as_str(), "release");
                    prop_assert!(
                        w.state == 1 || w.state == 2,
                        "release reminder while expired or frozen: {:?}",
                        e.v
                    );
                    prop_assert!([6, 2, 1].contains(&days), "{:?}", e.v);
                    let (grace, retention) = g.policy.days(is_package(r));
                    let anchor = if is_package(r) {
                        w.expiry_day.unwrap() + DAY
                    } else {
                        arrears[r].unwrap()
                    };
                    let released = anchor + (grace + retention) * DAY;
                    prop_assert_eq!(
                        e.at,
                        nine(released - released.rem_euclid(DAY)),
                        "at 09:00 days before the release date: {:?}",
                        e.v
                    );
                    prop_assert_eq!(secs(e.v["releases"].as_str().unwrap()), released);
                    released
                };
                // at most one of each kind per resource and date warned of
                prop_assert!(
                    sent.insert((r, notice, days, due)),
                    "reminder sent twice: {:?}",
                    e.v
                );
            }
            _ => {}
        }
        match e.kind.as_str() {
            "auto_renew_attempt" => failed[r] = e.v["outcome"] == "failed",
            "renewed" => failed[r] = false,
            _ => {}
        }
        if e.kind == "auto_renew_attempt" && e.v["outcome"] == "succeeded" {
            prop_assert!(
                cents(&e.v["balance"]) >= 0,
                "payment left a negative balance: {:?}",
                e.v
            );
        }
    }

    // Lookups agree with the replay at event instants, around them, and at random instants.
    let mut instants: Vec<i64> = evs
        .iter()
        .flat_map(|e| [e.at - 1, e.at, e.at + 1])
        .collect();
    let span = (g.until - g.resources.iter().map(|r| r.start).min().unwrap()).max(1);
    instants.extend((0..40).map(|k| g.resources[0].start.min(g.until) + span * k / 40 + k * 4_999));
    instants.push(g.until);
    for t in instants.into_iter().filter(|&t| t <= g.until) {
        let upto = evs.partition_point(|e| e.at <= t);
        let expected = replay(g, &evs[..upto]);
        let snapshot = trace.snapshot_at(Time::from_secs(t));
        for (r, exp) in expected.iter().enumerate() {
            let got = trace.status_at(r, Time::from_secs(t));
            prop_assert_eq!(got, snapshot.resources[r]);
            match (exp, got) {
                (None, None) => {}
                (Some(exp), Some(got)) => {
                    prop_assert_eq!(
                        u32::from(exp.state),
                        got.state as u32,
                        "state of r{} at {}",
                        r,
                        local(t)
                    );
                    prop_assert_eq!(
                        exp.expiry_day,
                        got.expires().map(|x| x.secs() - (DAY - 1)),
                        "expiry of r{} at {}",
                        r,
                        local(t)
                    );
                    if let Some(a) = got.auto_renew {
                        prop_assert_eq!(
                            (exp.enabled, exp.days_before, term_text(exp.term), exp.times),
                            (a.enabled, a.days_before, a.term.to_string(), a.times),
                            "auto-renew of r{} at {}",
                            r,
                            local(t)
                        );
                    }
                    // §6: while available and enabled, the next attempt is the window's first 03:00
                    // if it has not opened, else the next 03:00 strictly after now, if on or before X.
                    let expected_next = match exp.expiry_day {
                        Some(x) if exp.state == 0 && exp.enabled => {
                            let first = x - i64::from(exp.days_before) * DAY + 3 * HOUR;
                            let today = t - t.rem_euclid(DAY) + 3 * HOUR;
                            let next = if t < first {
                                first
                            } else if today > t {
                                today
                            } else {
                                today + DAY
                            };
                            (next < x + DAY).then_some(next)
                        }
                        _ => None,
                    };
                    prop_assert_eq!(
                        got.next_attempt.map(|n| local(n.secs())),
                        expected_next.map(local),
                        "next attempt of r{} at {}",
                        r,
                        local(t)
                    );
                    // A scheduled attempt happens unless something about the resource happens first.
                    if let Some(next) = got.next_attempt {
                        let next = next.secs();
                        prop_assert!(next > t, "next attempt in the past at {}", local(t));
                        let interrupted = evs.iter().any(|e| {
                            e.at > t && e.at < next && e.resource == Some(r) && e.kind != "reminder"
                        })
                            || g.actions.iter().any(|a| {
                                a.at > t && a.at <= next && matches!(a.kind, ActKind::Renew(k, _) | ActKind::SetAuto(k, _) if k == r)
                            });
                        if next <= g.until && !interrupted {
                            prop_assert!(
                                evs.iter().any(|e| e.at == next
                                    && e.resource == Some(r)
                                    && e.kind == "auto_renew_attempt"),
                                "r{} scheduled an attempt at {} that never came",
                                r,
                                local(next)
                            );
                        }
                    }
                }
                (exp, got) => prop_assert!(
                    false,
                    "r{r} at {}: replay {exp:?}, lookup {got:?}",
                    local(t)
                ),
            }
        }
        let expected_balance = replay_balance(g, &evs, &states, t);
        prop_assert_eq!(
            trace.balance_at(Time::from_secs(t)).0,
            expected_balance,
            "balance at {}",
            local(t)
        );
        prop_assert_eq!(snapshot.balance.0, expected_balance);
    }

    // `final` is the snapshot at until.
    prop_assert_eq!(
        cents(&json["final"]["balance"]),
        replay_balance(g, &evs, &states, g.until)
    );
    let finals = replay(g, &evs);
    for (r, exp) in finals.iter().enumerate() {
        let fin = &json["final"]["resources"][Gen::id(r)];
        match exp {
            None => prop_assert!(fin.is_null()),
            Some(exp) => prop_assert_eq!(
                state_rank(fin["state"].as_str().unwrap()),
                exp.state,
                "final state of r{}",
                r
            ),
        }
    }

    // Reminders are complete: at every 09:00 where nothing but reminders happens, each resource
    // gets exactly the reminder its state before that instant calls for.
    let earliest = g.resources.iter().map(|r| r.start).min().unwrap();
    let mut nine = earliest - earliest.rem_euclid(DAY) + 9 * HOUR;
    while nine <= g.until {
        let (lo, hi) = (
            evs.partition_point(|e| e.at < nine),
            evs.partition_point(|e| e.at <= nine),
        );
        if evs[lo..hi].iter().all(|e| e.kind == "reminder") {
            let states = replay(g, &evs[..lo]);
            let (failed, arrears) = reminder_flags(g, &evs[..lo]);
            for r in 0..g.resources.len() {
                let expected =
                    expected_reminder(g, r, states[r].as_ref(), failed[r], arrears[r], nine);
                let got: Vec<(String, i64)> = evs[lo..hi]
                    .iter()
                    .filter(|e| e.resource == Some(r))
                    .map(|e| {
                        (
                            e.v["notice"].as_str().unwrap().to_string(),
                            e.v["days"].as_i64().unwrap(),
                        )
                    })
                    .collect();
                prop_assert_eq!(
                    got,
                    expected.into_iter().collect::<Vec<_>>(),
                    "reminders of r{} at {}",
                    r,
                    local(nine)
                );
            }
        }
        nine += DAY;
    }

    // Next/previous event lookups.
    for e in &evs {
        let t = Time::from_secs(e.at);
        prop_assert!(trace.next_event_after(t).is_none_or(|n| n > t));
        prop_assert!(trace.previous_event_before(t).is_none_or(|p| p < t));
        prop_assert_eq!(trace.next_event_after(t.plus_secs(-1)), Some(t));
        prop_assert_eq!(trace.previous_event_before(t.plus_secs(1)), Some(t));
    }
    Ok(())
}

/// Per resource, from events `evs`: whether the last automatic attempt for the current expiry date
/// failed (packages), and when the current arrears began (pay-per-use).
fn reminder_flags(g: &Gen, evs: &[Ev]) -> (Vec<bool>, Vec<Option<i64>>) {
    let mut failed = vec![false; g.resources.len()];
    let mut arrears = vec![None; g.resources.len()];
    for e in evs {
        let Some(r) = e.resource else { continue };
        match e.kind.as_str() {
            "auto_renew_attempt" => failed[r] = e.v["outcome"] == "failed",
            "renewed" => failed[r] = false,
            "state_changed" if matches!(g.resources[r].kind, Kind::PayPerUse(_)) => {
                if e.v["from"] == "available" {
                    arrears[r] = Some(e.at);
                } else if e.v["to"] == "available" {
                    arrears[r] = None;
                }
            }
            _ => {}
        }
    }
    (failed, arrears)
}

/// The reminder (notice, days) resource `r` should get at `t` given its state `s` before `t`:
/// expiry ones at 09:00 on `X − 5`, `X − 2`, `X` while available with auto-renew off or failed;
/// release ones at 09:00 on 6, 2 and 1 days before the release date while expired or frozen.
fn expected_reminder(
    g: &Gen,
    r: usize,
    s: Option<&Replayed>,
    failed: bool,
    arrears: Option<i64>,
    t: i64,
) -> Option<(String, i64)> {
    let s = s?;
    let package = matches!(g.resources[r].kind, Kind::Package(..));
    let at_nine = |midnight: i64, days: [i64; 3]| {
        days.into_iter()
            .find(|d| midnight - d * DAY + 9 * HOUR == t)
    };
    if s.state == 0 && package && (!s.enabled || failed) {
        return at_nine(s.expiry_day?, [5, 2, 0]).map(|d| ("expiry".to_string(), d));
    }
    if s.state == 1 || s.state == 2 {
        let (grace, retention) = g.policy.days(package);
        let anchor = if package {
            s.expiry_day? + DAY
        } else {
            arrears?
        };
        let released = anchor + (grace + retention) * DAY;
        return at_nine(released - released.rem_euclid(DAY), [6, 2, 1])
            .map(|d| ("release".to_string(), d));
    }
    None
}

/// The local midnight of `day` (a local midnight) plus `months` months, clamped to the month's
/// length; with `keep_month_end`, a month's last day gives the target month's last day (§2).
fn add_months(day: i64, months: u32, keep_month_end: bool) -> i64 {
    let date = Time::from_secs(day).date();
    let target = date.checked_add_months(Months::new(months)).unwrap();
    let last_day = |d: NaiveDate| d.succ_opt().is_none_or(|n| n.month() != d.month());
    let result = if keep_month_end && last_day(date) {
        let first = NaiveDate::from_ymd_opt(target.year(), target.month(), 1).unwrap();
        first
            .checked_add_months(Months::new(1))
            .unwrap()
            .pred_opt()
            .unwrap()
    } else {
        target
    };
    Time::midnight(result).secs()
}

fn months_of((n, years): (u8, bool)) -> u32 {
    u32::from(n) * if years { 12 } else { 1 }
}

/// Whether event `i` (an attempt) directly follows an `auto_renew_changed` of the same resource at
/// the same instant that switched auto-renew on — the expiry-day special case.
fn prev_is_immediate(evs: &[Ev], i: usize) -> bool {
    let e = &evs[i];
    i.checked_sub(1).map(|j| &evs[j]).is_some_and(|p| {
        p.at == e.at
            && p.resource == e.resource
            && p.kind == "auto_renew_changed"
            && p.v["enabled"] == true
    }) && e.kind == "auto_renew_attempt"
}

/// Whether event `i` is (a consequence of) a user action: those come after every engine event and
/// hourly charge at their instant.
fn is_action(evs: &[Ev], i: usize) -> bool {
    let e = &evs[i];
    match e.kind.as_str() {
        "top_up" | "action_rejected" => true,
        "renewed" if e.v["source"] == "manual" => true,
        // the automatic renewal right after an immediate (expiry-day) attempt
        "renewed" => i >= 1 && prev_is_immediate(evs, i - 1),
        "auto_renew_attempt" => prev_is_immediate(evs, i),
        "auto_renew_changed" => e.v.get("reason").is_none(),
        _ => false,
    }
}

/// The hourly charges made before event `i`: every full hour before its instant, and at its instant
/// those of resources earlier in scenario order (engine events) or of all resources (actions).
fn charged_before(g: &Gen, states: &[Vec<(i64, u8)>], evs: &[Ev], i: usize) -> i64 {
    let e = &evs[i];
    let action = is_action(evs, i);
    let mut charged = 0;
    for r in 0..g.resources.len() {
        charged += charges_between(g, states, r, i64::MIN / 2, e.at);
        if action || e.resource.is_some_and(|k| r < k) {
            charged += charges_between(g, states, r, e.at, e.at + 1);
        }
    }
    charged
}

/// §5: a manual renewal's outcome, from the replayed status `w`, the balance just before it and the
/// matching action's term: `released`, `not_package`, `term_too_short`, `insufficient_balance`, in
/// that order, else renewed (`renewed` is the term of a successful one).
fn manual_renewal(
    g: &Gen,
    renews: &mut HashMap<(usize, i64), VecDeque<(u8, bool)>>,
    w: &Replayed,
    r: usize,
    e: &Ev,
    available: i64,
    renewed: Option<(u8, bool)>,
) -> Result<(), TestCaseError> {
    let term = renews
        .get_mut(&(r, e.at))
        .and_then(VecDeque::pop_front)
        .ok_or_else(|| TestCaseError::fail(format!("no renew action for {:?}", e.v)))?;
    let expected = if w.state == 3 {
        Some("released")
    } else if let Some(x) = w.expiry_day {
        let new_end = add_months(x, months_of(term), true) + DAY - 1;
        if new_end <= e.at {
            Some("term_too_short")
        } else if available < g.price(r, term) {
            Some("insufficient_balance")
        } else {
            None
        }
    } else {
        Some("not_package")
    };
    prop_assert_eq!(
        e.v["reason"].as_str(),
        expected,
        "outcome of renewing {:?}",
        e.v
    );
    if let Some(done) = renewed {
        prop_assert_eq!(done, term);
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), max_shrink_iters: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn random_scenarios_follow_the_rules(g in scenario()) {
        check(&g)?;
    }

    #[test]
    fn late_renewals_follow_the_rules(g in late_renewals()) {
        check(&g)?;
    }
}

/// The generator itself: every generated document is a valid scenario (checked above too, but a
/// plain test names the problem without shrinking noise).
#[test]
fn a_fixed_generated_example_is_valid() {
    let g = Gen {
        timezone: "+05:45",
        policy: Policy::Custom([0, 0, 0, 2]),
        balance: 5_000,
        resources: vec![
            Res {
                start: BASE + 10 * DAY,
                kind: Kind::Package(
                    1,
                    false,
                    3_000,
                    30_000,
                    Some(Auto {
                        enabled: true,
                        days_before: Some(0),
                        term: None,
                        times: Some(1),
                    }),
                ),
            },
            Res {
                start: BASE + 3 * HOUR,
                kind: Kind::PayPerUse(150),
            },
        ],
        actions: vec![
            Act {
                at: BASE + 5 * DAY,
                kind: ActKind::TopUp(10_000),
            },
            Act {
                at: BASE + 12 * DAY,
                kind: ActKind::Renew(0, (2, false)),
            },
        ],
        until: BASE + 200 * DAY,
    };
    check(&g).unwrap();
}
