//! Helpers shared by the rule tests: build scenarios as JSON text, run them, and read the trace back
//! as short lines that can be compared with the rules by eye.
#![allow(dead_code)]

use renewal_lab::engine::{simulate, Scenario, Time, Trace};
use serde_json::{json, Value};

/// Prices every helper package uses: 30.00 a month, 300.00 a year.
pub const MONTH: &str = "30.00";
pub const YEAR: &str = "300.00";

/// A scenario document on `huawei-cn` with the given tier, balance, resources, actions and `until`.
pub fn doc(
    tier: &str,
    balance: &str,
    resources: Vec<Value>,
    actions: Vec<Value>,
    until: &str,
) -> Value {
    json!({
        "format": "renewal-lab/1",
        "name": "test",
        "policy": "huawei-cn",
        "tier": tier,
        "balance": balance,
        "resources": resources,
        "actions": actions,
        "until": until,
    })
}

/// `doc` with another policy (a preset name or a custom policy object).
pub fn with_policy(mut doc: Value, policy: Value, tier: &str) -> Value {
    doc["policy"] = policy;
    doc["tier"] = json!(tier);
    doc
}

/// A custom policy with one tier `t`: package and pay-per-use (grace, retention) days.
pub fn custom_policy(package: (u16, u16), pay_per_use: (u16, u16)) -> Value {
    json!({
        "name": "custom",
        "tiers": { "t": {
            "package": { "grace_days": package.0, "retention_days": package.1 },
            "pay_per_use": { "grace_days": pay_per_use.0, "retention_days": pay_per_use.1 },
        }},
    })
}

/// A package bought at `start` for `term`, auto-renew off, priced [`MONTH`]/[`YEAR`].
pub fn package(id: &str, start: &str, term: &str) -> Value {
    json!({
        "id": id,
        "billing": "package",
        "start": start,
        "term": term,
        "prices": { "month": MONTH, "year": YEAR },
    })
}

/// [`package`] with auto-renew settings (an `auto_renew` object as the format writes it).
pub fn package_auto(id: &str, start: &str, term: &str, auto_renew: Value) -> Value {
    let mut p = package(id, start, term);
    p["auto_renew"] = auto_renew;
    p
}

/// A pay-per-use resource started at `start`, charged `rate` every full hour.
pub fn pay_per_use(id: &str, start: &str, rate: &str) -> Value {
    json!({ "id": id, "billing": "pay_per_use", "start": start, "hourly_rate": rate })
}

/// `{"at", "do": "top_up", "amount"}`.
pub fn top_up(at: &str, amount: &str) -> Value {
    json!({ "at": at, "do": "top_up", "amount": amount })
}

/// `{"at", "do": "renew", "resource", "term"}`.
pub fn renew(at: &str, resource: &str, term: &str) -> Value {
    json!({ "at": at, "do": "renew", "resource": resource, "term": term })
}

/// `{"at", "do": "set_auto_renew", "resource", "enabled"}` plus any extra fields given.
pub fn set_auto(at: &str, resource: &str, enabled: bool, extra: Value) -> Value {
    let mut a =
        json!({ "at": at, "do": "set_auto_renew", "resource": resource, "enabled": enabled });
    if let Value::Object(extra) = extra {
        for (k, v) in extra {
            a[k] = v;
        }
    }
    a
}

/// A local time of the format, `YYYY-MM-DDTHH:MM:SS`.
pub fn t(text: &str) -> Time {
    Time::parse_local(text).unwrap_or_else(|e| panic!("{e}"))
}

/// A simulated scenario: the scenario, its trace, and the trace as the format's JSON.
pub struct Run {
    pub scenario: Scenario,
    pub trace: Trace,
    pub json: Value,
}

/// Parses (panicking on any validation error) and simulates `doc`.
pub fn run(doc: &Value) -> Run {
    let scenario = Scenario::from_json(&doc.to_string()).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("invalid test scenario:\n{}", lines.join("\n"))
    });
    let trace = simulate(&scenario);
    let json = trace.to_json_value(&scenario);
    Run {
        scenario,
        trace,
        json,
    }
}

/// Drops a trailing `±HH:MM` offset from RFC 3339 text.
fn local(text: &str) -> String {
    let n = text.len();
    if n == 25 && matches!(&text[19..20], "+" | "-") {
        text[..19].to_string()
    } else {
        text.to_string()
    }
}

/// One event as a short line: `<local time> <resource or account> <what>`, e.g.
/// `2026-04-01T03:00:00 ocr attempt failed insufficient_balance price 30.00 balance 20.00`.
pub fn line(event: &Value) -> String {
    let s = |k: &str| event[k].as_str().map(local).unwrap_or_default();
    let who = event["resource"].as_str().unwrap_or("account");
    let what = match event["kind"].as_str().unwrap_or_default() {
        "purchased" if event.get("expires").is_some() => {
            format!(
                "purchased expires {} balance {}",
                s("expires"),
                s("balance")
            )
        }
        "purchased" => format!(
            "purchased rate {} balance {}",
            s("hourly_rate"),
            s("balance")
        ),
        "state_changed" => format!("{} -> {}", s("from"), s("to")),
        "auto_renew_attempt" if s("outcome") == "failed" => format!(
            "attempt failed {} price {} balance {}",
            s("reason"),
            s("price"),
            s("balance")
        ),
        "auto_renew_attempt" => format!(
            "attempt succeeded price {} balance {}",
            s("price"),
            s("balance")
        ),
        "renewed" => format!(
            "renewed {} {} expires {} balance {}",
            s("source"),
            s("term"),
            s("expires"),
            s("balance")
        ),
        "top_up" => format!("top_up {} balance {}", s("amount"), s("balance")),
        "auto_renew_changed" => {
            let mut text = format!(
                "auto_renew enabled={} days_before={} term={} times={}",
                event["enabled"],
                event["days_before"],
                s("term"),
                event["times"]
            );
            if event.get("reason").is_some() {
                text.push_str(&format!(" ({})", s("reason")));
            }
            text
        }
        "action_rejected" => format!("rejected {} {}", s("action"), s("reason")),
        "reminder" => format!(
            "reminder {} {} {}",
            s("notice"),
            event["days"],
            if event.get("expires").is_some() {
                s("expires")
            } else {
                s("releases")
            }
        ),
        other => format!("unknown kind {other}"),
    };
    format!("{} {who} {what}", s("at"))
}

impl Run {
    /// Every event as a short line (see [`line`]), reminders included.
    pub fn all_lines(&self) -> Vec<String> {
        self.json["events"]
            .as_array()
            .map(|events| events.iter().map(line).collect())
            .unwrap_or_default()
    }

    /// Every event but the reminders, as short lines. Reminders change nothing and have their own
    /// tables (`rules_reminders.rs`); the other rule tables compare the events that do.
    pub fn lines(&self) -> Vec<String> {
        self.all_lines()
            .into_iter()
            .filter(|l| !l.contains(" reminder "))
            .collect()
    }

    /// The reminders of resource `id`, as short lines.
    pub fn reminders(&self, id: &str) -> Vec<String> {
        self.all_lines()
            .into_iter()
            .filter(|l| l.contains(&format!(" {id} reminder ")))
            .collect()
    }

    /// The lines that contain `fragment`.
    pub fn lines_with(&self, fragment: &str) -> Vec<String> {
        self.lines()
            .into_iter()
            .filter(|l| l.contains(fragment))
            .collect()
    }

    /// The lines of state changes and renewals of resource `id`: the lifecycle at a glance.
    pub fn lifecycle(&self, id: &str) -> Vec<String> {
        self.lines()
            .into_iter()
            .filter(|l| l.split(' ').nth(1) == Some(id))
            .filter(|l| l.contains(" -> ") || l.contains(" renewed ") || l.contains(" rejected "))
            .collect()
    }

    /// The lines of automatic attempts of resource `id`.
    pub fn attempts(&self, id: &str) -> Vec<String> {
        self.lines_with(&format!(" {id} attempt "))
    }

    fn index(&self, id: &str) -> usize {
        self.scenario
            .resource_index(id)
            .unwrap_or_else(|| panic!("no resource {id}"))
    }

    /// The state of `id` once everything at or before `at` has happened.
    pub fn state_at(&self, id: &str, at: &str) -> String {
        self.trace
            .status_at(self.index(id), t(at))
            .map_or("not bought".to_string(), |s| s.state.to_string())
    }

    /// The last valid second of package `id` at `at`, as local text.
    pub fn expires_at(&self, id: &str, at: &str) -> String {
        self.trace
            .status_at(self.index(id), t(at))
            .and_then(|s| s.expires())
            .map_or("none".to_string(), Time::local_string)
    }

    /// The balance once everything at or before `at` has happened.
    pub fn balance_at(&self, at: &str) -> String {
        self.trace.balance_at(t(at)).to_string()
    }

    /// `final.balance`.
    pub fn final_balance(&self) -> String {
        self.json["final"]["balance"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// `final.resources.<id>.state`.
    pub fn final_state(&self, id: &str) -> String {
        self.json["final"]["resources"][id]["state"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}
