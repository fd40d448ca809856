//! `renewal-cli` end to end: files and standard input, `--all-tiers`, `--format text`, the
//! documented examples, and invalid input (exit code 2, nothing on standard output, one line
//! `error: <path>: <what>` on standard error).

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_renewal-cli");
const GALLERY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");

/// Runs `renewal-cli` with `args`, feeding `stdin` if given.
fn cli(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start renewal-cli");
    let mut input = child.stdin.take().unwrap();
    // a failed write just means the CLI stopped reading early
    let _ = input.write_all(stdin.unwrap_or_default());
    drop(input);
    child.wait_with_output().expect("run renewal-cli")
}

/// `simulate -` on `scenario`; panics unless it succeeds; the trace JSON.
fn simulate(scenario: &Value, extra: &[&str]) -> Value {
    let mut args = vec!["simulate", "-"];
    args.extend_from_slice(extra);
    let out = cli(&args, Some(scenario.to_string().as_bytes()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn gallery(slug: &str) -> String {
    format!("{GALLERY}/{slug}.json")
}

/// A small valid scenario: V3, one package bought 2026-03-08 10:00 for 1m (prices 30/300).
fn base() -> Value {
    json!({
        "format": "renewal-lab/1",
        "name": "cli",
        "tier": "V3",
        "balance": "10.00",
        "resources": [{
            "id": "ocr", "billing": "package", "start": "2026-03-08T10:00:00", "term": "1m",
            "prices": { "month": "30.00", "year": "300.00" },
        }],
        "actions": [],
        "until": "2026-05-01T00:00:00",
    })
}

fn package(id: &str, start: &str, term: &str) -> Value {
    json!({
        "id": id, "billing": "package", "start": start, "term": term,
        "prices": { "month": "30.00", "year": "300.00" },
    })
}

/// Whether `event` has every field of `fields` with the same value.
fn has(event: &Value, fields: &Value) -> bool {
    fields
        .as_object()
        .unwrap()
        .iter()
        .all(|(k, v)| event.get(k) == Some(v))
}

/// Asserts that the trace's events include, in this order, events matching each of `expected`.
fn assert_events(trace: &Value, expected: &[Value]) {
    let events = trace["events"].as_array().unwrap();
    let mut from = 0;
    for want in expected {
        match events[from..].iter().position(|e| has(e, want)) {
            Some(i) => from += i + 1,
            None => panic!(
                "no event matching {want} after position {from} in\n{}",
                serde_json::to_string_pretty(events).unwrap()
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Success

#[test]
fn simulates_a_file_and_standard_input_alike() {
    let path = gallery("auto-renew-low-balance");
    let from_file = cli(&["simulate", &path], None);
    assert!(from_file.status.success());
    assert!(from_file.stderr.is_empty());
    let text = std::fs::read(&path).unwrap();
    let from_stdin = cli(&["simulate", "-"], Some(&text));
    assert!(from_stdin.status.success());
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let trace: Value = serde_json::from_slice(&from_file.stdout).unwrap();
    assert_eq!(trace["format"], "renewal-lab-trace/1");
    assert_eq!(trace["tier"], "V3");
    assert_eq!(trace["final"]["resources"]["ocr"]["state"], "available");
    // The same file saved as UTF-16 with its byte order mark (Windows "Unicode") reads alike.
    let text = String::from_utf8(text).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let from_utf16 = cli(&["simulate", "-"], Some(&utf16));
    assert!(from_utf16.status.success());
    assert_eq!(from_file.stdout, from_utf16.stdout);
}

#[test]
fn all_tiers_come_in_policy_order() {
    // policy, tiers in order
    // a custom policy keeps the file's order, not the alphabet's (written as text: `json!` would
    // sort the keys)
    let custom = r#"{ "name": "mine", "tiers": {
        "gold": { "package": { "grace_days": 3, "retention_days": 3 }, "pay_per_use": { "grace_days": 0, "retention_days": 1 } },
        "basic": { "package": { "grace_days": 0, "retention_days": 0 }, "pay_per_use": { "grace_days": 0, "retention_days": 0 } },
        "alpha": { "package": { "grace_days": 1, "retention_days": 2 }, "pay_per_use": { "grace_days": 0, "retention_days": 0 } } } }"#;
    // policy (JSON text), tiers in order
    let cases: [(&str, &[&str]); 3] = [
        (r#""huawei-cn""#, &["V0", "V1", "V2", "V3", "V4", "V5"]),
        (r#""huawei-intl""#, &["standard"]),
        (custom, &["gold", "basic", "alpha"]),
    ];
    for (policy, tiers) in cases {
        let mut scenario = base();
        scenario["policy"] = json!("POLICY");
        scenario["tier"] = json!(tiers[tiers.len() - 1]);
        let input = scenario.to_string().replace(r#""POLICY""#, policy);
        let out = cli(&["simulate", "-", "--all-tiers"], Some(input.as_bytes()));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let positions: Vec<usize> = tiers
            .iter()
            .map(|t| {
                text.find(&format!("\"{t}\": {{"))
                    .unwrap_or_else(|| panic!("{t} missing"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{tiers:?} out of order"
        );
        let all: Value = serde_json::from_str(&text).unwrap();
        let traces = all["tiers"].as_object().unwrap();
        assert_eq!(traces.len(), tiers.len());
        for tier in tiers {
            assert_eq!(traces[*tier]["tier"], *tier);
            assert_eq!(traces[*tier]["format"], "renewal-lab-trace/1");
        }
    }
}

#[test]
fn all_tiers_differ_where_the_tiers_do() {
    let all = simulate(&base(), &["--all-tiers"]);
    let released = |tier: &str| {
        all["tiers"][tier]["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["to"] == "released")
            .map(|e| e["at"].as_str().unwrap().to_string())
    };
    // expiry 2026-04-09 00:00; released after grace + retention
    assert_eq!(released("V0").as_deref(), Some("2026-04-11T00:00:00+08:00"));
    assert_eq!(released("V1").as_deref(), Some("2026-04-17T00:00:00+08:00"));
    assert_eq!(released("V3").as_deref(), Some("2026-04-23T00:00:00+08:00"));
    // V5 (7 + 15) is released at 2026-05-01 00:00, exactly `until`, which is inclusive
    assert_eq!(released("V5").as_deref(), Some("2026-05-01T00:00:00+08:00"));
}

#[test]
fn the_text_format_is_a_readable_timeline_of_every_event() {
    for slug in [
        "auto-renew-low-balance",
        "two-packages-one-balance",
        "pay-per-use-arrears",
        "renewal-too-short",
    ] {
        let path = gallery(slug);
        let json: Value = serde_json::from_slice(&cli(&["simulate", &path], None).stdout).unwrap();
        let out = cli(&["simulate", &path, "--format", "text"], None);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            serde_json::from_str::<Value>(&text).is_err(),
            "{slug}: text, not JSON"
        );
        let scenario: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(
            text.starts_with(scenario["name"].as_str().unwrap()),
            "{slug}: {text}"
        );
        assert!(text.contains(&format!("tier {}", json["tier"].as_str().unwrap())));
        // one line per event, starting with its local time and who it concerns
        let events = json["events"].as_array().unwrap();
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("20")).collect();
        assert_eq!(lines.len(), events.len(), "{slug}:\n{text}");
        for (line, event) in lines.iter().zip(events) {
            let at = event["at"].as_str().unwrap()[..19].replace('T', " ");
            let who = event["resource"].as_str().unwrap_or("account");
            assert!(line.starts_with(&at), "{slug}: {line} / {event}");
            assert!(
                line[at.len()..].trim_start().starts_with(who),
                "{slug}: {line} / {event}"
            );
        }
        // the words a support agent needs
        let expected_words: &[&str] = match slug {
            "auto-renew-low-balance" => &[
                "Auto-renew failed",
                "Topped up 50.00",
                "Auto-renew paid 30.00",
            ],
            "two-packages-one-balance" => &["Auto-renew paid", "Auto-renew failed", "Now released"],
            "pay-per-use-arrears" => &[
                "Now expired",
                "Now frozen",
                "Topped up 5.00",
                "Now available",
            ],
            _ => &["term_too_short", "Renewed by hand: paid 60.00 for 2 months"],
        };
        for words in expected_words {
            assert!(text.contains(words), "{slug}: no {words:?} in\n{text}");
        }
    }
}

#[test]
fn the_text_format_covers_every_tier_with_all_tiers() {
    let out = cli(
        &[
            "simulate",
            &gallery("renewed-in-retention"),
            "--all-tiers",
            "--format",
            "text",
        ],
        None,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for tier in ["V0", "V1", "V2", "V3", "V4", "V5"] {
        assert!(text.contains(&format!("tier {tier}\n")), "{tier}:\n{text}");
    }
}

#[test]
fn final_resources_come_in_scenario_order() {
    let mut scenario = base();
    scenario["resources"] = json!([
        package("zeta", "2026-03-08T10:00:00", "1m"),
        package("alpha", "2026-03-08T10:00:00", "1m"),
    ]);
    let out = cli(&["simulate", "-"], Some(scenario.to_string().as_bytes()));
    let text = String::from_utf8(out.stdout).unwrap();
    let final_part = &text[text.find("\"final\"").unwrap()..];
    assert!(final_part.find("\"zeta\"").unwrap() < final_part.find("\"alpha\"").unwrap());
}

#[test]
fn times_carry_the_scenarios_offset() {
    let mut scenario = base();
    scenario["timezone"] = json!("-03:30");
    let trace = simulate(&scenario, &[]);
    assert_eq!(trace["events"][0]["at"], "2026-03-08T10:00:00-03:30");
    assert_eq!(trace["events"][0]["expires"], "2026-04-08T23:59:59-03:30");
    assert_eq!(trace["final"]["at"], "2026-05-01T00:00:00-03:30");
    scenario["timezone"] = json!("+00:00");
    let trace = simulate(&scenario, &[]);
    assert_eq!(trace["events"][0]["at"], "2026-03-08T10:00:00+00:00");
}

// ---------------------------------------------------------------------------------------------
// The documented examples (issue 2, point 5), reproduced through the CLI

#[test]
fn documented_bought_for_one_month() {
    // bought 2023-04-18 15:29:16 for 1 month → valid through 2023-05-18 23:59:59
    let mut s = base();
    s["resources"] = json!([package("ocr", "2023-04-18T15:29:16", "1m")]);
    s["until"] = json!("2023-05-20T00:00:00");
    let trace = simulate(&s, &[]);
    assert_events(
        &trace,
        &[
            json!({ "at": "2023-04-18T15:29:16+08:00", "kind": "purchased", "expires": "2023-05-18T23:59:59+08:00" }),
            json!({ "at": "2023-05-19T00:00:00+08:00", "kind": "state_changed", "from": "available", "to": "expired" }),
        ],
    );
}

#[test]
fn documented_month_end_renewal_after_expiry() {
    // expiry 2024-04-30 renewed for 1 month on 2024-05-18 → 2024-05-31 (V4: frozen 05-08, released 05-23)
    let mut s = base();
    s["tier"] = json!("V4");
    s["balance"] = json!("30");
    s["resources"] = json!([package("ocr", "2024-03-30T09:00:00", "1m")]);
    s["actions"] =
        json!([{ "at": "2024-05-18T10:00:00", "do": "renew", "resource": "ocr", "term": "1m" }]);
    s["until"] = json!("2024-05-20T00:00:00");
    let trace = simulate(&s, &[]);
    assert_events(
        &trace,
        &[
            json!({ "kind": "purchased", "expires": "2024-04-30T23:59:59+08:00" }),
            json!({ "at": "2024-05-18T10:00:00+08:00", "kind": "renewed", "source": "manual", "expires": "2024-05-31T23:59:59+08:00" }),
            json!({ "at": "2024-05-18T10:00:00+08:00", "kind": "state_changed", "from": "frozen", "to": "available" }),
        ],
    );
}

#[test]
fn documented_january_31_plus_one_month() {
    // 2026-01-31 + 1m → 2026-02-28, and that expiry renewed by 1m → 2026-03-31
    let trace: Value =
        serde_json::from_slice(&cli(&["simulate", &gallery("month-end-expiry")], None).stdout)
            .unwrap();
    assert_events(
        &trace,
        &[
            json!({ "kind": "purchased", "expires": "2026-02-28T23:59:59+08:00" }),
            json!({ "kind": "renewed", "term": "1m", "expires": "2026-03-31T23:59:59+08:00" }),
        ],
    );
}

#[test]
fn documented_switching_on_on_the_expiry_day_pays_at_once() {
    let trace: Value = serde_json::from_slice(
        &cli(&["simulate", &gallery("auto-renew-on-expiry-day")], None).stdout,
    )
    .unwrap();
    assert_events(
        &trace,
        &[
            json!({ "at": "2026-04-08T10:00:00+08:00", "kind": "auto_renew_changed", "enabled": true }),
            json!({ "at": "2026-04-08T10:00:00+08:00", "kind": "auto_renew_attempt", "outcome": "succeeded", "price": "30.00" }),
            json!({ "at": "2026-04-08T10:00:00+08:00", "kind": "renewed", "source": "auto", "expires": "2026-05-08T23:59:59+08:00" }),
        ],
    );
    // the timeline says why an attempt happened at 10:00
    let out = cli(
        &[
            "simulate",
            &gallery("auto-renew-on-expiry-day"),
            "--format",
            "text",
        ],
        None,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let paid = text
        .lines()
        .find(|l| l.contains("Auto-renew paid"))
        .unwrap();
    assert!(paid.starts_with("2026-04-08 10:00:00"), "{paid}");
    assert!(
        paid.ends_with("[§6 auto-renewal switched on on the expiry date]"),
        "{paid}"
    );
}

/// The rule an attempt cites: the expiry-day case whenever auto-renew was switched on at that very
/// instant, even at 03:00 itself; an attempt of the window otherwise.
#[test]
fn an_attempt_cites_the_rule_that_made_it() {
    // switched on at, with auto-renew already on (days_before 7), the paid attempt's line starts
    // with, and the rule it cites
    let cases = [
        (
            "2026-04-08T10:00:00",
            false,
            "2026-04-08 10:00:00",
            "auto-renewal switched on on the expiry date",
        ),
        (
            "2026-04-08T03:00:00",
            false,
            "2026-04-08 03:00:00",
            "auto-renewal switched on on the expiry date",
        ),
        (
            "2026-04-08T02:59:59",
            false,
            "2026-04-08 03:00:00",
            "auto-renewal at 03:00",
        ),
        (
            "2026-04-08T03:00:00",
            true,
            "2026-04-01 03:00:00",
            "auto-renewal at 03:00",
        ),
    ];
    for (switched_on, already_on, paid_at, rule) in cases {
        let mut s = base();
        s["balance"] = json!("30.00");
        if already_on {
            s["resources"][0]["auto_renew"] = json!({ "enabled": true });
        }
        s["actions"] = json!([
            { "at": switched_on, "do": "set_auto_renew", "resource": "ocr", "enabled": true }
        ]);
        let out = cli(
            &["simulate", "-", "--format", "text"],
            Some(s.to_string().as_bytes()),
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let paid = text
            .lines()
            .find(|l| l.contains("Auto-renew paid"))
            .unwrap_or_else(|| panic!("{switched_on}: no paid attempt in\n{text}"));
        assert!(paid.starts_with(paid_at), "{switched_on}: {paid}");
        assert!(
            paid.ends_with(&format!("[§6 {rule}]")),
            "{switched_on}: {paid}"
        );
    }
}

#[test]
fn two_failed_attempts_alike_at_one_instant_each_cite_their_own_rule() {
    // With no money, the 03:00 window's attempt on the expiry date fails; the customer then
    // switches auto-renew off and on at that same second, which makes §6's attempt at once, and it
    // fails the same way. The two events are equal field for field in the trace format; each
    // still cites the rule that made it.
    let mut s = base();
    s["balance"] = json!("0.00");
    s["resources"][0]["auto_renew"] = json!({ "enabled": true, "days_before": 1 });
    s["actions"] = json!([
        { "at": "2026-04-08T03:00:00", "do": "set_auto_renew", "resource": "ocr", "enabled": false },
        { "at": "2026-04-08T03:00:00", "do": "set_auto_renew", "resource": "ocr", "enabled": true }
    ]);
    let out = cli(
        &["simulate", "-", "--format", "text"],
        Some(s.to_string().as_bytes()),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let failed: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("2026-04-08 03:00:00") && l.contains("Auto-renew failed"))
        .collect();
    assert_eq!(failed.len(), 2, "{text}");
    assert!(
        failed[0].ends_with("[§6 auto-renewal at 03:00]"),
        "{}",
        failed[0]
    );
    assert!(
        failed[1].ends_with("[§6 auto-renewal switched on on the expiry date]"),
        "{}",
        failed[1]
    );
}

#[test]
fn documented_days_before_zero() {
    let mut s = base();
    s["balance"] = json!("0");
    s["resources"][0]["auto_renew"] = json!({ "enabled": true, "days_before": 0 });
    let trace = simulate(&s, &[]);
    let attempts: Vec<&Value> = trace["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "auto_renew_attempt")
        .collect();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0]["at"], "2026-04-08T03:00:00+08:00");
}

/// A state change: instant, from, to.
type Change<'a> = (&'a str, &'a str, &'a str);

#[test]
fn documented_grace_zero_and_grace_and_retention_zero() {
    // package (grace, retention), expected transitions
    let cases: [((u16, u16), &[Change]); 2] = [
        (
            (0, 2),
            &[
                ("2026-04-09T00:00:00+08:00", "available", "frozen"),
                ("2026-04-11T00:00:00+08:00", "frozen", "released"),
            ],
        ),
        (
            (0, 0),
            &[("2026-04-09T00:00:00+08:00", "available", "released")],
        ),
    ];
    for ((grace, retention), expected) in cases {
        let mut s = base();
        s["policy"] = json!({ "name": "zero", "tiers": { "z": {
            "package": { "grace_days": grace, "retention_days": retention },
            "pay_per_use": { "grace_days": 0, "retention_days": 0 },
        }}});
        s["tier"] = json!("z");
        let trace = simulate(&s, &[]);
        let changes: Vec<(String, String, String)> = trace["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "state_changed")
            .map(|e| {
                let f = |k: &str| e[k].as_str().unwrap().to_string();
                (f("at"), f("from"), f("to"))
            })
            .collect();
        let expected: Vec<(String, String, String)> = expected
            .iter()
            .map(|(a, f, t)| (a.to_string(), f.to_string(), t.to_string()))
            .collect();
        assert_eq!(changes, expected, "{grace}/{retention}");
    }
}

#[test]
fn documented_term_too_short() {
    let trace: Value =
        serde_json::from_slice(&cli(&["simulate", &gallery("renewal-too-short")], None).stdout)
            .unwrap();
    assert_events(
        &trace,
        &[
            json!({ "at": "2026-03-12T10:00:00+08:00", "kind": "action_rejected", "action": "renew", "reason": "term_too_short" }),
            json!({ "at": "2026-03-12T10:05:00+08:00", "kind": "renewed", "term": "2m", "expires": "2026-04-10T23:59:59+08:00" }),
        ],
    );
}

#[test]
fn documented_times_used_up() {
    let trace: Value =
        serde_json::from_slice(&cli(&["simulate", &gallery("auto-renew-twice")], None).stdout)
            .unwrap();
    assert_events(
        &trace,
        &[
            json!({ "kind": "renewed", "source": "auto", "expires": "2026-03-15T23:59:59+08:00" }),
            json!({ "kind": "renewed", "source": "auto", "expires": "2026-04-15T23:59:59+08:00" }),
            json!({ "kind": "auto_renew_changed", "enabled": false, "times": 0, "reason": "times_used" }),
            json!({ "kind": "state_changed", "to": "released" }),
        ],
    );
}

#[test]
fn documented_two_resources_competing_for_one_balance() {
    let trace: Value = serde_json::from_slice(
        &cli(&["simulate", &gallery("two-packages-one-balance")], None).stdout,
    )
    .unwrap();
    assert_events(
        &trace,
        &[
            json!({ "at": "2026-04-01T03:00:00+08:00", "resource": "web", "outcome": "succeeded", "balance": "10.00" }),
            json!({ "at": "2026-04-01T03:00:00+08:00", "resource": "db", "outcome": "failed", "reason": "insufficient_balance" }),
            json!({ "resource": "db", "to": "released" }),
        ],
    );
    assert_eq!(trace["final"]["resources"]["web"]["state"], "available");
}

#[test]
fn documented_action_at_the_instant_of_a_transition() {
    let mut s = base();
    s["balance"] = json!("30");
    s["actions"] =
        json!([{ "at": "2026-04-09T00:00:00", "do": "renew", "resource": "ocr", "term": "1m" }]);
    let trace = simulate(&s, &[]);
    let at_e: Vec<&Value> = trace["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["at"] == "2026-04-09T00:00:00+08:00")
        .collect();
    assert_eq!(at_e.len(), 3);
    assert!(has(
        at_e[0],
        &json!({ "kind": "state_changed", "from": "available", "to": "expired" })
    ));
    assert!(has(
        at_e[1],
        &json!({ "kind": "renewed", "expires": "2026-05-08T23:59:59+08:00" })
    ));
    assert!(has(
        at_e[2],
        &json!({ "kind": "state_changed", "from": "expired", "to": "available" })
    ));
}

#[test]
fn documented_pay_per_use_arrears_and_recovery() {
    let trace: Value =
        serde_json::from_slice(&cli(&["simulate", &gallery("pay-per-use-arrears")], None).stdout)
            .unwrap();
    assert_events(
        &trace,
        &[
            json!({ "at": "2026-03-10T11:00:00+08:00", "to": "expired" }),
            json!({ "at": "2026-03-11T11:00:00+08:00", "to": "frozen" }),
            json!({ "at": "2026-03-12T09:30:00+08:00", "kind": "top_up", "balance": "2.60" }),
            json!({ "at": "2026-03-12T09:30:00+08:00", "from": "frozen", "to": "available" }),
        ],
    );
    assert_eq!(trace["final"]["balance"], "1.70");
}

/// With `--reminders`, reminders are `reminder` events in the trace (with the structured notice
/// and the message) and lines of the text timeline (docs/rules-and-choices.md, "Reminders").
#[test]
fn reminders_show_in_the_trace_and_the_text_timeline() {
    // base(): auto-renew off, X 2026-04-08, V3 7 + 7 → released 2026-04-23 00:00
    let trace = simulate(&base(), &["--reminders"]);
    let reminders: Vec<&Value> = trace["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "reminder")
        .collect();
    let summary: Vec<(String, String, u64)> = reminders
        .iter()
        .map(|e| {
            (
                e["at"].as_str().unwrap().to_string(),
                e["notice"].as_str().unwrap().to_string(),
                e["days"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("2026-04-03T09:00:00+08:00", "expiry", 5),
        ("2026-04-06T09:00:00+08:00", "expiry", 2),
        ("2026-04-08T09:00:00+08:00", "expiry", 0),
        ("2026-04-17T09:00:00+08:00", "release", 6),
        ("2026-04-21T09:00:00+08:00", "release", 2),
        ("2026-04-22T09:00:00+08:00", "release", 1),
    ]
    .map(|(at, notice, days)| (at.to_string(), notice.to_string(), days));
    assert_eq!(summary, expected);
    assert_eq!(
        reminders[3],
        &json!({
            "at": "2026-04-17T09:00:00+08:00", "resource": "ocr", "kind": "reminder",
            "notice": "release", "days": 6, "releases": "2026-04-23T00:00:00+08:00",
            "message": "Reminder: ocr has lapsed and its data will be deleted in 5 days, at the end of 2026-04-22. Renew it to keep it.",
        })
    );
    let out = cli(
        &["simulate", "-", "--format", "text", "--reminders"],
        Some(base().to_string().as_bytes()),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "2026-04-08 09:00:00  ocr      Reminder: ocr expires today, at the end of 2026-04-08. \
             Renew it to keep it in service. [reminders at 09:00 (modelling choice)]\n"
        ),
        "{text}"
    );
}

/// Without `--reminders` the output is exactly renewal-lab-trace/1, which has no `reminder` kind:
/// the same trace with the reminder events left out (they change no state or balance).
#[test]
fn the_default_output_keeps_to_the_trace_format() {
    let mut with: Value = simulate(&base(), &["--reminders"]);
    let without = simulate(&base(), &[]);
    with["events"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["kind"] != "reminder");
    assert_eq!(without, with);
    for args in [
        &["--format", "text"][..],
        &["--all-tiers", "--format", "text"][..],
    ] {
        let mut full = vec!["simulate", "-"];
        full.extend_from_slice(args);
        let out = cli(&full, Some(base().to_string().as_bytes()));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains("Reminder"), "{text}");
    }
}

/// Choice 13 of docs/rules-and-choices.md: a byte order mark is skipped, `null` in an optional
/// field reads as left out, and `-00:00` is the offset zero.
#[test]
fn reading_tolerates_a_byte_order_mark_and_null() {
    let plain = cli(&["simulate", "-"], Some(base().to_string().as_bytes()));
    assert!(plain.status.success());
    let with_bom = cli(
        &["simulate", "-"],
        Some(&[b"\xef\xbb\xbf", base().to_string().as_bytes()].concat()),
    );
    assert!(
        with_bom.status.success(),
        "{}",
        String::from_utf8_lossy(&with_bom.stderr)
    );
    assert_eq!(plain.stdout, with_bom.stdout);
    // A mark inside the text is still an error, with the column of the mark.
    refuses(
        "a byte order mark after a space",
        &[b" \xef\xbb\xbf", base().to_string().as_bytes()].concat(),
        "error: line 1 column 2: not valid JSON: expected value",
    );

    let mut with_nulls = base();
    with_nulls["name"] = Value::Null;
    with_nulls["resources"][0]["auto_renew"] = json!({ "enabled": true, "times": null });
    let mut left_out = base();
    left_out.as_object_mut().unwrap().remove("name");
    left_out["resources"][0]["auto_renew"] = json!({ "enabled": true });
    assert_eq!(simulate(&with_nulls, &[]), simulate(&left_out, &[]));
    refuses(
        "null in a required field",
        &changed(|s| s["tier"] = Value::Null),
        "error: tier: invalid type: null, expected a string",
    );

    let mut zero = base();
    zero["timezone"] = json!("-00:00");
    let trace = simulate(&zero, &[]);
    let at = trace["events"][0]["at"].as_str().unwrap();
    assert!(at.ends_with("+00:00"), "{at}");
}

// ---------------------------------------------------------------------------------------------
// Invalid input

/// Asserts the CLI refuses `input` (on standard input): exit 2, nothing on standard output, and
/// standard error exactly `expected` plus a newline.
fn refuses(what: &str, input: &[u8], expected: &str) {
    let out = cli(&["simulate", "-"], Some(input));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "{what}: printed {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(stderr, format!("{expected}\n"), "{what}");
}

/// `base()` changed by `f`, as JSON text.
fn changed(f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut s = base();
    f(&mut s);
    s.to_string().into_bytes()
}

fn custom_policy_with(grace_days: Value) -> Value {
    json!({ "name": "mine", "tiers": { "gold": {
        "package": { "grace_days": grace_days, "retention_days": 0 },
        "pay_per_use": { "grace_days": 0, "retention_days": 0 },
    }}})
}

#[test]
fn invalid_input_is_refused_with_its_path() {
    let top_up = |at: &str, amount: Value| json!({ "at": at, "do": "top_up", "amount": amount });
    let ppu = json!({ "id": "api", "billing": "pay_per_use", "start": "2026-04-01T00:00:00", "hourly_rate": "0.10" });
    let many_resources: Vec<Value> = (0..51)
        .map(|i| package(&format!("r{i}"), "2026-03-08T10:00:00", "1m"))
        .collect();
    let many_actions: Vec<Value> = (0..10_001)
        .map(|_| top_up("2026-04-01T00:00:00", json!("1")))
        .collect();
    // what, input, the exact line on standard error
    let trailing = format!(
        "error: line 1 column {}: not valid JSON: trailing characters",
        base().to_string().len() + 2
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("broken JSON", br#"{"format": "renewal-lab/1","#.to_vec(),
            "error: line 1 column 27: not valid JSON: EOF while parsing a value"),
        ("trailing text", [base().to_string().as_bytes(), b" x"].concat(),
            &trailing),
        ("an empty file", b" \n".to_vec(),
            "error: the file is empty: it holds no JSON"),
        ("not an object", b"[1, 2]".to_vec(),
            r#"error: scenario: expected a scenario object { "format": "renewal-lab/1", ... }, found a list"#),
        ("unknown top-level field", changed(|s| s["colour"] = json!("red")),
            "error: colour: unknown field `colour`, expected one of `format`, `name`, `timezone`, `policy`, `tier`, `balance`, `resources`, `actions`, `until`"),
        ("unknown nested field", changed(|s| s["resources"][0]["prices"]["day"] = json!("1")),
            "error: resources[0].prices.day: unknown field `day`, expected `month` or `year`"),
        ("missing field", changed(|s| { s.as_object_mut().unwrap().remove("tier"); }),
            "error: tier: missing field (required)"),
        ("wrong type", changed(|s| s["resources"][0]["auto_renew"] = json!({ "enabled": "yes" })),
            r#"error: resources[0].auto_renew.enabled: invalid type: string "yes", expected a boolean"#),
        ("a list where an object belongs", changed(|s| s["resources"][0]["prices"] = json!(["30", "300"])),
            r#"error: resources[0].prices: expected an object { "month": ..., "year": ... }, found a list"#),
        ("bad format tag", changed(|s| s["format"] = json!("renewal-lab/2")),
            r#"error: format: "renewal-lab/2" is not "renewal-lab/1""#),
        ("bad timezone", changed(|s| s["timezone"] = json!("+8")),
            r#"error: timezone: "+8" is not a UTC offset (±HH:MM, e.g. +08:00)"#),
        ("timezone out of range", changed(|s| s["timezone"] = json!("+15:00")),
            r#"error: timezone: "+15:00" is outside the offsets in use (-12:00 to +14:00)"#),
        ("unknown policy", changed(|s| s["policy"] = json!("aws")),
            r#"error: policy: "aws" is not a policy (huawei-cn, huawei-intl, or a custom policy object)"#),
        ("unknown tier", changed(|s| s["tier"] = json!("V9")),
            r#"error: tier: "V9" is not a tier of huawei-cn (V0, V1, V2, V3, V4, V5)"#),
        ("amount with 3 decimals", changed(|s| s["balance"] = json!("1.234")),
            r#"error: balance: "1.234" has more than two decimals"#),
        ("negative amount", changed(|s| s["resources"][0]["prices"]["month"] = json!("-1")),
            r#"error: resources[0].prices.month: "-1" is negative; amounts are never negative"#),
        ("number amount with 3 decimals", changed(|s| s["balance"] = json!(1.234)),
            "error: balance: 1.234 has more than two decimals"),
        ("negative number amount", changed(|s| s["balance"] = json!(-5)),
            "error: balance: -5 is negative; amounts are never negative"),
        ("amount over the maximum", changed(|s| s["balance"] = json!("1000000000.01")),
            r#"error: balance: "1000000000.01" is more than the maximum 1000000000.00"#),
        ("bad term", changed(|s| s["resources"][0]["term"] = json!("13m")),
            r#"error: resources[0].term: "13m" is not a term (1m..11m or 1y..5y)"#),
        ("impossible date", changed(|s| s["resources"][0]["start"] = json!("2026-02-30T00:00:00")),
            r#"error: resources[0].start: "2026-02-30T00:00:00" is not a real date"#),
        ("time not in the format", changed(|s| s["until"] = json!("2026-05-01 00:00:00")),
            r#"error: until: "2026-05-01 00:00:00" is not a local time (YYYY-MM-DDTHH:MM:SS)"#),
        ("bad id", changed(|s| s["resources"][0]["id"] = json!("OCR")),
            r#"error: resources[0].id: "OCR" is not an id (1 to 32 of a-z, 0-9, _ and -)"#),
        ("duplicate id", changed(|s| { let r = s["resources"][0].clone(); s["resources"].as_array_mut().unwrap().push(r); }),
            r#"error: resources[1].id: "ocr" is already the id of resources[0]"#),
        ("no resources", changed(|s| s["resources"] = json!([])),
            "error: resources: a scenario needs at least one resource"),
        // The actions are not checked without valid resources, but one naming a resource the
        // file does not have is still told (the editor shows it beside the action's select).
        ("no resources, an action naming one", changed(|s| {
                s["resources"] = json!([]);
                s["actions"] = json!([{ "at": "2026-04-01T00:00:00", "do": "renew", "resource": "ocr", "term": "1m" }]);
            }),
            "error: resources: a scenario needs at least one resource\nerror: actions[0].resource: \"ocr\" is not the id of any resource"),
        ("51 resources", changed(|s| s["resources"] = json!(many_resources)),
            "error: resources: 51 resources; at most 50"),
        ("10,001 actions", changed(|s| s["actions"] = json!(many_actions)),
            "error: actions: 10001 actions; at most 10000"),
        ("action before the earliest start", changed(|s| s["actions"] = json!([top_up("2026-03-01T00:00:00", json!("1"))])),
            "error: actions[0].at: 2026-03-01T00:00:00 is before the earliest resource start 2026-03-08T10:00:00"),
        // Said once: not again as "comes before "ocr" starts".
        ("renewal before every resource's start", changed(|s| s["actions"] = json!([{ "at": "2026-03-01T00:00:00", "do": "renew", "resource": "ocr", "term": "1m" }])),
            "error: actions[0].at: 2026-03-01T00:00:00 is before the earliest resource start 2026-03-08T10:00:00"),
        ("action before its resource starts", changed(|s| {
                s["resources"].as_array_mut().unwrap().push(ppu.clone());
                s["actions"] = json!([{ "at": "2026-03-20T00:00:00", "do": "renew", "resource": "api", "term": "1m" }]);
            }),
            r#"error: actions[0].at: comes before "api" starts (2026-04-01T00:00:00)"#),
        ("action after until", changed(|s| s["actions"] = json!([top_up("2026-06-01T00:00:00", json!("1"))])),
            "error: actions[0].at: 2026-06-01T00:00:00 is after until (2026-05-01T00:00:00)"),
        ("unknown resource in an action", changed(|s| s["actions"] = json!([{ "at": "2026-04-01T00:00:00", "do": "renew", "resource": "nope", "term": "1m" }])),
            r#"error: actions[0].resource: "nope" is not the id of any resource"#),
        ("unknown verb", changed(|s| s["actions"] = json!([{ "at": "2026-04-01T00:00:00", "do": "cancel" }])),
            "error: actions[0].do: unknown variant `cancel`, expected one of `top_up`, `renew`, `set_auto_renew`"),
        ("top-up of 0", changed(|s| s["actions"] = json!([top_up("2026-04-01T00:00:00", json!("0"))])),
            "error: actions[0].amount: a top-up must be more than 0"),
        ("days_before 8", changed(|s| s["resources"][0]["auto_renew"] = json!({ "enabled": true, "days_before": 8 })),
            "error: resources[0].auto_renew.days_before: 8 is out of range (0 to 7)"),
        ("days_before 8 in an action", changed(|s| s["actions"] = json!([{ "at": "2026-04-01T00:00:00", "do": "set_auto_renew", "resource": "ocr", "enabled": true, "days_before": 8 }])),
            "error: actions[0].days_before: 8 is out of range (0 to 7)"),
        ("times too large for any whole number", changed(|s| s["resources"][0]["auto_renew"] = json!({ "enabled": true, "times": 18446744073709551615u64 })),
            "error: resources[0].auto_renew.times: 18446744073709551615 is out of range (0 to 99)"),
        ("times 100", changed(|s| s["resources"][0]["auto_renew"] = json!({ "enabled": true, "times": 100 })),
            "error: resources[0].auto_renew.times: 100 is out of range (0 to 99)"),
        ("times not a whole number", changed(|s| s["resources"][0]["auto_renew"] = json!({ "enabled": true, "times": 1.5 })),
            "error: resources[0].auto_renew.times: 1.5 is not a whole number"),
        ("renewals past the year 9999", changed(|s| {
            s["resources"][0]["start"] = json!("9000-01-01T00:00:00");
            s["until"] = json!("9000-02-01T00:00:00");
            s["actions"] = json!(vec![json!({ "at": "9000-01-02T00:00:00", "do": "renew", "resource": "ocr", "term": "5y" }); 200]);
        }),
            r#"error: actions[198].term: the renewals of "ocr" up to here would carry its expiry past the year 9999"#),
        ("until more than 100 years after the start", changed(|s| s["until"] = json!("2126-03-08T10:00:01")),
            "error: until: 2126-03-08T10:00:01 is more than 100 years after the earliest start"),
        ("until before a start", changed(|s| s["until"] = json!("2026-03-01T00:00:00")),
            "error: until: 2026-03-01T00:00:00 is before resources[0].start 2026-03-08T10:00:00"),
        ("pay_per_use with a term", changed(|s| { let mut p = ppu.clone(); p["term"] = json!("1m"); s["resources"].as_array_mut().unwrap().push(p); }),
            r#"error: resources[1].term: only package resources have this; remove it or make the billing "package""#),
        ("pay_per_use without a rate", changed(|s| { let mut p = ppu.clone(); p.as_object_mut().unwrap().remove("hourly_rate"); s["resources"].as_array_mut().unwrap().push(p); }),
            "error: resources[1].hourly_rate: missing: a pay_per_use resource needs an hourly_rate"),
        ("package without prices", changed(|s| { s["resources"][0].as_object_mut().unwrap().remove("prices"); }),
            "error: resources[0].prices: missing: a package needs prices { month, year }"),
        ("custom policy with 366 days", changed(|s| { s["policy"] = custom_policy_with(json!(366)); s["tier"] = json!("gold"); }),
            "error: policy.tiers.gold.package.grace_days: 366 is out of range (0 to 365 days)"),
        ("custom policy with negative days", changed(|s| { s["policy"] = custom_policy_with(json!(-1)); s["tier"] = json!("gold"); }),
            "error: policy.tiers.gold.package.grace_days: -1 is out of range (0 to 365 days)"),
        ("custom policy without tiers", changed(|s| { s["policy"] = json!({ "name": "mine", "tiers": {} }); s["tier"] = json!("gold"); }),
            "error: policy.tiers: a policy needs at least one tier"),
        ("billing given as a number", changed(|s| s["resources"][0]["billing"] = json!(5)),
            "error: resources[0].billing: expected `package` or `pay_per_use`, found a number"),
        ("an action's verb left null", changed(|s| s["actions"] = json!([{ "at": "2026-03-09T00:00:00", "do": null }])),
            "error: actions[0].do: expected one of `top_up`, `renew`, `set_auto_renew`, found null"),
        ("a field given twice", br#"{"format":"renewal-lab/1","format":"renewal-lab/1"}"#.to_vec(),
            "error: format: appears more than once"),
        ("not UTF-8", b"{\"format\": \"\xff\"}".to_vec(), "error: -: not UTF-8 text"),
        ("format left out", changed(|s| { s.as_object_mut().unwrap().remove("format"); }),
            "error: format: missing field (required)"),
        ("a year outside 1900 to 9000", changed(|s| s["resources"][0]["start"] = json!("1899-12-31T00:00:00")),
            r#"error: resources[0].start: "1899-12-31T00:00:00" is outside the supported years 1900 to 9000"#),
        ("21 custom tiers", changed(|s| {
                let tiers: serde_json::Map<String, Value> = (0..21)
                    .map(|i| (format!("t{i}"), custom_policy_with(json!(1))["tiers"]["gold"].clone()))
                    .collect();
                s["policy"] = json!({ "name": "many", "tiers": tiers });
                s["tier"] = json!("t0");
            }),
            "error: policy.tiers: 21 tiers; at most 20"),
        // A table far past the limit, its names repeated (serde_json's map cannot hold a repeat,
        // so the text is built by hand): the count is said at once, not after comparing every
        // name with every earlier one (minutes for a file of this size).
        ("30,000 custom tiers, names repeated", {
                let days = r#"{"package":{"grace_days":1,"retention_days":1},"pay_per_use":{"grace_days":1,"retention_days":1}}"#;
                let tiers: Vec<String> = (0..30_000).map(|i| format!(r#""t{}":{days}"#, i % 100)).collect();
                let policy = format!(r#"{{"name":"many","tiers":{{{}}}}}"#, tiers.join(","));
                String::from_utf8(changed(|s| { s["policy"] = json!("POLICY"); s["tier"] = json!("t0"); }))
                    .unwrap()
                    .replace(r#""policy":"POLICY""#, &format!(r#""policy":{policy}"#))
                    .into_bytes()
            },
            "error: policy.tiers: 30000 tiers; at most 20"),
        ("a 33-character tier name", changed(|s| {
                let name = "x".repeat(33);
                s["policy"] = json!({ "tiers": { name.clone(): custom_policy_with(json!(1))["tiers"]["gold"].clone() } });
                s["tier"] = json!(name);
            }),
            "error: policy.tiers.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: a tier name has 1 to 32 printable characters"),
    ];
    assert!(cases.len() >= 20);
    for (what, input, expected) in cases {
        refuses(what, &input, expected);
    }
}

#[test]
fn every_problem_is_reported_on_its_own_line() {
    let input = changed(|s| {
        s["resources"][0]["term"] = json!("13m");
        s["resources"][0]["id"] = json!("OCR");
        s["balance"] = json!("1.234");
    });
    let out = cli(&["simulate", "-"], Some(&input));
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let mut lines: Vec<&str> = stderr.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            r#"error: balance: "1.234" has more than two decimals"#,
            r#"error: resources[0].id: "OCR" is not an id (1 to 32 of a-z, 0-9, _ and -)"#,
            r#"error: resources[0].term: "13m" is not a term (1m..11m or 1y..5y)"#,
        ]
    );
}

#[test]
fn a_missing_file_is_refused_with_its_path() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/no-such-scenario.json"
    );
    let out = cli(&["simulate", path], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("error: {path}: cannot read: ")),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn the_limits_themselves_are_accepted() {
    let mut s = base();
    s["until"] = json!("2126-03-08T10:00:00"); // exactly 100 years
    s["balance"] = json!("1000000000.00");
    s["resources"][0]["auto_renew"] = json!({ "enabled": true, "days_before": 7, "times": 99 });
    s["resources"] = json!((0..50)
        .map(|i| {
            let mut p = package(&format!("r{i}"), "2026-03-08T10:00:00", "5y");
            p["auto_renew"] =
                json!({ "enabled": true, "days_before": 0, "term": "5y", "times": 99 });
            p
        })
        .collect::<Vec<_>>());
    s["actions"] = json!((0..10_000)
        .map(|_| json!({ "at": "2026-04-01T00:00:00", "do": "top_up", "amount": "0.01" }))
        .collect::<Vec<_>>());
    let trace = simulate(&s, &[]);
    assert_eq!(trace["final"]["resources"].as_object().unwrap().len(), 50);
}

#[test]
fn defaults_apply_when_left_out() {
    // no name, timezone, policy, balance or actions
    let minimal = json!({
        "format": "renewal-lab/1",
        "tier": "V3",
        "resources": [package("ocr", "2026-03-08T10:00:00", "1m")],
        "until": "2026-03-09T00:00:00",
    });
    let trace = simulate(&minimal, &[]);
    assert_eq!(trace["events"][0]["at"], "2026-03-08T10:00:00+08:00");
    assert_eq!(trace["events"][0]["balance"], "0.00");
    let out = cli(
        &["simulate", "-", "--format", "text"],
        Some(minimal.to_string().as_bytes()),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Untitled scenario — policy huawei-cn, tier V3"),
        "{text}"
    );
    // a custom policy without a name reads `custom`
    let mut unnamed = minimal.clone();
    unnamed["policy"] =
        json!({ "tiers": { "t": custom_policy_with(json!(0))["tiers"]["gold"].clone() } });
    unnamed["tier"] = json!("t");
    let out = cli(
        &["simulate", "-", "--format", "text"],
        Some(unnamed.to_string().as_bytes()),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Untitled scenario — policy custom, tier t"),
        "{text}"
    );
}

/// A renewal the balance cannot pay: the text names both amounts; the trace keeps the format's
/// two fields (`action`, `reason`) and nothing more.
#[test]
fn a_refused_renewal_names_the_balance_and_the_price() {
    let mut s = base();
    s["actions"] =
        json!([{ "at": "2026-03-20T12:00:00", "do": "renew", "resource": "ocr", "term": "1m" }]);
    let out = cli(
        &["simulate", "-", "--format", "text"],
        Some(s.to_string().as_bytes()),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let refused = text
        .lines()
        .find(|l| l.contains("Renewal refused"))
        .unwrap_or_else(|| panic!("no refusal in\n{text}"));
    assert!(
        refused.contains("the balance 10.00 is below the price 30.00"),
        "{refused}"
    );
    let trace = simulate(&s, &[]);
    let rejected = trace["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "action_rejected")
        .expect("a rejection");
    let mut fields: Vec<&str> = rejected
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["action", "at", "kind", "reason", "resource"]);
}

/// A reader that stops early (`renewal-cli … | head -1`) ends the run quietly with success; an
/// output that cannot be written is an error in words with exit code 1, never a panic.
#[test]
fn an_output_closed_early_or_full_is_handled() {
    let input = base().to_string();
    // Runs the CLI on `input` with `stdout`; `close` drops our end of a piped output before the
    // input is even sent, so every write meets a closed pipe.
    let run = |args: &[&str], stdout: Stdio, close: bool| {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(stdout)
            .stderr(Stdio::piped())
            .spawn()
            .expect("start renewal-cli");
        if close {
            drop(child.stdout.take());
        }
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input.as_bytes()).unwrap();
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    let out = run(&["simulate", "-", "--all-tiers"], Stdio::piped(), true);
    assert!(out.status.success(), "{:?}", out.status);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");

    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let out = run(&["simulate", "-"], Stdio::from(full), false);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot write the output: "),
        "{stderr}"
    );
}

/// A scenario or policy name with a line break or a terminal escape sequence is shown escaped in
/// the text timeline.
#[test]
fn control_characters_in_a_name_are_escaped_in_text() {
    let mut s = base();
    s["name"] = json!("two\nlines \u{1b}[31mred");
    s["policy"] = json!({
        "name": "gold\nforged line \u{1b}[2J",
        "tiers": { "V3": { "package": { "grace_days": 1, "retention_days": 1 },
                           "pay_per_use": { "grace_days": 1, "retention_days": 1 } } }
    });
    let out = cli(
        &["simulate", "-", "--format", "text"],
        Some(s.to_string().as_bytes()),
    );
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        r"two\nlines \u{1b}[31mred — policy gold\nforged line \u{1b}[2J, tier V3"
    );
}

/// What an error quotes from the file (here a policy name and a tier name) cannot break the error
/// line or reach the terminal as an escape sequence.
#[test]
fn control_characters_quoted_by_an_error_are_escaped() {
    let tiers = |name: &str| {
        json!({ name: { "package": { "grace_days": 1, "retention_days": 1 },
                        "pay_per_use": { "grace_days": 1, "retention_days": 1 } } })
    };
    // (policy name, its tier's name, what an error line shows)
    let cases = [
        (
            "gold\nerror: forged \u{1b}[2J",
            "V3",
            r"is not a tier of gold\nerror: forged \u{1b}[2J (V3)",
        ),
        (
            "gold",
            "V3\u{1b}[31m",
            r"error: policy.tiers.V3\u{1b}[31m: ",
        ),
    ];
    for (policy, tier, shown) in cases {
        let mut s = base();
        s["tier"] = json!("V9");
        s["policy"] = json!({ "name": policy, "tiers": tiers(tier) });
        let out = cli(&["simulate", "-"], Some(s.to_string().as_bytes()));
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert!(lines.iter().all(|l| l.starts_with("error: ")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains(shown)), "{lines:?}");
    }
}
