//! Golden traces: each gallery scenario (`scenarios/<slug>.json`) and each extra scenario
//! (`tests/data/golden/<slug>.scenario.json`) is run through `renewal-cli simulate` and its trace
//! compared with `tests/data/golden/<slug>.trace.json`, reviewed by hand (see the README there).
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the expected traces from the current engine;
//! review the diff before committing.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/golden");
const GALLERY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");

/// `(slug, scenario file)` for every golden: the gallery, then the extras.
fn scenarios() -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for (dir, suffix) in [(GALLERY, ".json"), (GOLDEN, ".scenario.json")] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|entry| entry.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(suffix))
            .collect();
        files.sort();
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            found.push((name.trim_end_matches(suffix).to_string(), path));
        }
    }
    found
}

/// The CLI's output for `scenario` (with `extra` arguments).
fn simulate(scenario: &Path, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal-cli"))
        .arg("simulate")
        .arg(scenario)
        .args(extra)
        .output()
        .expect("run renewal-cli");
    assert!(
        out.status.success(),
        "{}: {}",
        scenario.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Every difference between `expected` and `actual`, one line each, named by JSON path.
fn diff(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let p = format!("{path}.{k}");
                match a.get(k) {
                    Some(av) => diff(&p, ev, av, out),
                    None => out.push(format!("{p}: expected {ev}, missing")),
                }
            }
            for (k, av) in a {
                if !e.contains_key(k) {
                    out.push(format!("{path}.{k}: unexpected {av}"));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            for i in 0..e.len().max(a.len()) {
                let p = format!("{path}[{i}]");
                match (e.get(i), a.get(i)) {
                    (Some(ev), Some(av)) => diff(&p, ev, av, out),
                    (Some(ev), None) => out.push(format!("{p}: expected {ev}, missing")),
                    (None, Some(av)) => out.push(format!("{p}: unexpected {av}")),
                    (None, None) => {}
                }
            }
        }
        _ if expected != actual => out.push(format!("{path}: expected {expected}, got {actual}")),
        _ => {}
    }
}

#[test]
fn traces_match_the_reviewed_goldens() {
    // Only an explicit UPDATE_GOLDEN=1 rewrites them (never CI, which does not set it).
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    let scenarios = scenarios();
    assert!(
        scenarios.len() >= 9,
        "expected the 8 gallery scenarios and the format example"
    );
    for (slug, scenario) in &scenarios {
        // The goldens pin the app's full trace, reminders included.
        let actual_text = simulate(scenario, &["--reminders"]);
        let golden = Path::new(GOLDEN).join(format!("{slug}.trace.json"));
        if update {
            std::fs::write(&golden, &actual_text).unwrap();
            continue;
        }
        let Ok(expected_text) = std::fs::read_to_string(&golden) else {
            failures.push(format!(
                "{slug}: no golden {}; run UPDATE_GOLDEN=1 cargo test --test golden and review it",
                golden.display()
            ));
            continue;
        };
        let expected: Value = serde_json::from_str(&expected_text).unwrap();
        let actual: Value = serde_json::from_str(&actual_text).unwrap();
        let mut lines = Vec::new();
        diff("$", &expected, &actual, &mut lines);
        if !lines.is_empty() {
            let shown = lines
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n  ");
            let more = lines.len().saturating_sub(20);
            failures.push(format!(
                "{slug} ({}) differs from its golden:\n  {shown}{}",
                scenario.display(),
                if more > 0 {
                    format!("\n  ... and {more} more")
                } else {
                    String::new()
                }
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended, run UPDATE_GOLDEN=1 cargo test --test golden and review the diff.",
        failures.join("\n\n")
    );
}

/// The default output (renewal-lab-trace/1 exactly) is the golden without its reminder events.
#[test]
fn the_default_output_is_the_golden_without_reminders() {
    for (slug, scenario) in scenarios() {
        let golden = Path::new(GOLDEN).join(format!("{slug}.trace.json"));
        let mut expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&golden).unwrap()).unwrap();
        expected["events"]
            .as_array_mut()
            .unwrap()
            .retain(|e| e["kind"] != "reminder");
        let actual: Value = serde_json::from_str(&simulate(&scenario, &[])).unwrap();
        let mut lines = Vec::new();
        diff("$", &expected, &actual, &mut lines);
        assert!(lines.is_empty(), "{slug}:\n  {}", lines.join("\n  "));
    }
}

/// Every golden trace belongs to a scenario, and every golden is described in the README.
#[test]
fn every_golden_has_a_scenario_and_a_note() {
    let slugs: Vec<String> = scenarios().into_iter().map(|(slug, _)| slug).collect();
    let readme = std::fs::read_to_string(Path::new(GOLDEN).join("README.md")).unwrap();
    for entry in std::fs::read_dir(GOLDEN).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if let Some(slug) = name.strip_suffix(".trace.json") {
            assert!(slugs.iter().any(|s| s == slug), "{name} has no scenario");
        }
    }
    for slug in &slugs {
        assert!(
            readme.contains(&format!("`{slug}`")),
            "README.md has no note for {slug}"
        );
    }
}

/// The diff names the path of each difference.
#[test]
fn the_diff_is_readable() {
    let expected =
        serde_json::json!({ "events": [{ "balance": "40.00" }], "final": { "balance": "1.00" } });
    let actual =
        serde_json::json!({ "events": [{ "balance": "10.00" }, { "kind": "x" }], "final": {} });
    let mut lines = Vec::new();
    diff("$", &expected, &actual, &mut lines);
    assert_eq!(
        lines,
        [
            r#"$.events[0].balance: expected "40.00", got "10.00""#,
            r#"$.events[1]: unexpected {"kind":"x"}"#,
            r#"$.final.balance: expected "1.00", missing"#,
        ]
    );
}
