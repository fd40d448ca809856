//! No input makes the code panic (a panic in the web build kills the page). Mutated scenario and
//! exercise files, links and saved states go through every entry point that takes a user's text;
//! whatever is valid then goes through the simulation, the lookups, the exports and the share
//! link; and random sequences of the app's actions, with extreme clocks, amounts and texts, run
//! through the reducer.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use renewal_lab::engine::{simulate_all_tiers, Scenario, ScenarioDoc, Time};
use renewal_lab::engine::{Cents, State};
use renewal_lab::link;
use renewal_lab::ui::export::{self, svg};
use renewal_lab::ui::i18n::{explain as say, format, Lang};
use renewal_lab::ui::scenarios::GALLERY;
use renewal_lab::ui::share;
use renewal_lab::ui::state::{Act, Action, AppState};
use renewal_lab::ui::text;
use renewal_lab::ui::what_if_state::{Change, ChangeForm, WhatIfAction};
use renewal_lab::ui::workshop_state::WorkshopAction;
use renewal_lab::workshop::exercise::{Exercise, READY};
use renewal_lab::workshop::query::{Answer, QueryKind, QuestionDoc};
use std::rc::Rc;

/// What a mutation may write: the format's punctuation and words, and values at and beyond the
/// edges of what the rules allow.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    " ",
    "\\",
    "-",
    ".",
    "0",
    "1",
    "7",
    "9",
    "e",
    "null",
    "true",
    "false",
    "[]",
    "{}",
    "\"\"",
    "-1",
    "0.001",
    "1e308",
    "-1e308",
    "99999999999999999999",
    "18446744073709551616",
    "\"99999999999.99\"",
    "\"0.01\"",
    "\"-5\"",
    "\"1,5\"",
    "\"2026-02-30T10:00:00\"",
    "\"9000-12-31T23:59:59\"",
    "\"1900-01-01T00:00:00\"",
    "\"0000-01-01T00:00:00\"",
    "\"2026-13-01T00:00:00\"",
    "\"+14:00\"",
    "\"-12:00\"",
    "\"+99:99\"",
    "\"1m\"",
    "\"11m\"",
    "\"5y\"",
    "\"99y\"",
    "\"0m\"",
    "\"V0\"",
    "\"V5\"",
    "\"V9\"",
    "\"huawei-intl\"",
    "\"renew\"",
    "\"top_up\"",
    "\"set_auto_renew\"",
    "\"pay_per_use\"",
    "\"package\"",
    "\"hourly_rate\"",
    "\"actions\"",
    "\"resources\"",
    "\"until\"",
    "\"at\"",
    "\"do\"",
    "\"amount\"",
    "\"term\"",
    "\"times\"",
    "\"days_before\"",
    "\"grace_days\"",
    "\"retention_days\"",
    "\"tiers\"",
    "续费",
    "ação",
    "\u{0}",
    "\u{200b}",
    "\u{feff}",
];

/// One edit of a text: at a fraction of its length, delete some characters and insert a token.
#[derive(Clone, Debug)]
struct Edit {
    at: f64,
    delete: usize,
    token: usize,
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (0.0..1.0_f64, 0_usize..8, 0..TOKENS.len()).prop_map(|(at, delete, token)| Edit {
            at,
            delete: if delete > 4 { 0 } else { delete },
            token,
        }),
        1..6,
    )
}

/// Values a structural mutation puts in place of a leaf of the document.
const VALUES: &[&str] = &[
    "\"2026-02-29T00:00:00\"",
    "\"2028-02-29T23:59:59\"",
    "\"2026-01-31T03:00:00\"",
    "\"1900-01-01T00:00:00\"",
    "\"9000-12-31T23:59:59\"",
    "\"2026-02-30T10:00:00\"",
    "\"0.00\"",
    "\"0.01\"",
    "\"99999999999.99\"",
    "\"100000000000\"",
    "\"30.5\"",
    "12.34",
    "0",
    "7",
    "8",
    "99",
    "100",
    "-1",
    "1e308",
    "4294967296",
    "\"1m\"",
    "\"11m\"",
    "\"1y\"",
    "\"5y\"",
    "\"6y\"",
    "\"V0\"",
    "\"V5\"",
    "\"V6\"",
    "\"+14:00\"",
    "\"-12:00\"",
    "\"+05:45\"",
    "true",
    "false",
    "null",
    "\"\"",
    "\"续费\"",
    "[]",
    "{}",
];

/// One structural edit: the leaf at a fraction of the document's leaves gets a value of
/// [`VALUES`], or (`grow`) the document's actions are repeated.
#[derive(Clone, Debug)]
struct Swap {
    at: f64,
    value: usize,
    grow: bool,
}

fn swaps() -> impl Strategy<Value = Vec<Swap>> {
    prop::collection::vec(
        (0.0..1.0_f64, 0..VALUES.len(), prop::bool::weighted(0.05))
            .prop_map(|(at, value, grow)| Swap { at, value, grow }),
        1..4,
    )
}

fn leaves(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                leaves(child, format!("{path}/{key}"), out);
            }
        }
        serde_json::Value::Array(list) => {
            for (i, child) in list.iter().enumerate() {
                leaves(child, format!("{path}/{i}"), out);
            }
        }
        _ => out.push(path),
    }
}

/// The document with some of its values replaced: mostly still JSON of the right shape, so the
/// rules, the simulation and the messages are reached (a text edit rarely leaves a valid file).
fn swap(text: &str, swaps: &[Swap]) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(text).expect("a gallery scenario");
    for edit in swaps {
        if edit.grow {
            if let Some(serde_json::Value::Array(actions)) = doc.get_mut("actions") {
                let copy = actions.clone();
                for _ in 0..40 {
                    actions.extend(copy.iter().cloned());
                }
            }
            continue;
        }
        let mut paths = Vec::new();
        leaves(&doc, String::new(), &mut paths);
        let path = &paths[((paths.len() as f64) * edit.at) as usize % paths.len()];
        if let Some(slot) = doc.pointer_mut(path) {
            *slot = serde_json::from_str(VALUES[edit.value]).expect("a JSON value");
        }
    }
    doc.to_string()
}

fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let at = ((chars.len() as f64) * edit.at) as usize;
        let end = (at + edit.delete).min(chars.len());
        chars.splice(at..end, TOKENS[edit.token].chars());
    }
    chars.into_iter().collect()
}

/// Everything the app does with a valid scenario, each result thrown away.
fn exercise_scenario(scenario: &Scenario) {
    let traces = simulate_all_tiers(scenario);
    let start = scenario.start();
    let times = [
        Time::from_secs(i64::MIN),
        start,
        start.plus_days(40),
        scenario.until,
        Time::MAX,
    ];
    for trace in &traces {
        for (r, _) in scenario.resources.iter().enumerate() {
            for &t in &times {
                let _ = trace.status_at(r, t);
            }
        }
        for &t in &times {
            let _ = trace.snapshot_at(t);
            let _ = trace.balance_at(t);
            let _ = trace.next_event_after(t);
            let _ = export::calendar_ics(scenario, trace, t, t, Lang::ZhCn);
        }
    }
    // The words and drawings of the views, in every language.
    for trace in &traces {
        for event in trace.events.iter().take(2_000) {
            for lang in Lang::ALL {
                let _ = say::explain(lang, event, scenario, trace);
            }
        }
    }
    for width in [0.0, 1.0, 360.0, 1.0e6, f64::NAN, f64::INFINITY] {
        for lang in Lang::ALL {
            let _ = text::axis_ticks_in(lang, start, scenario.until, width);
        }
        let _ = text::time_at_fraction(start, scenario.until, width);
        let _ = text::percent(text::fraction(
            start,
            scenario.until,
            Time::from_secs(width as i64),
        ));
    }
    for &t in &times {
        for lang in Lang::ALL {
            let _ = format::in_words(lang, start, t);
            let _ = format::countdown(lang, t.secs());
            let _ = format::second(lang, t);
        }
    }
    let _ = export::event_logs_csv(scenario, &traces, start.plus_days(40));
    let _ = svg::timeline_svg(scenario, &traces, start, Lang::PtBr);
    let doc = scenario.to_doc();
    let back = share::decode(&share::encode(&doc)).expect("a scenario's own link opens");
    assert_eq!(back, doc);
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// An action of the app, with values from ordinary to absurd.
fn action(texts: Vec<String>) -> impl Strategy<Value = Action> {
    let text = prop::sample::select(texts);
    let amount = prop::sample::select(vec![
        "20",
        "0",
        "0.01",
        "-5",
        "1e3",
        "99999999999.99",
        "999999999999999",
        "",
        "abc",
        "1,5",
    ]);
    let term = prop::sample::select(vec!["1m", "11m", "1y", "5y", "0m", "13m", "x", ""]);
    let resource = prop::sample::select(vec!["ocr", "db", "api", "web", "", "nope"]);
    let small = prop::sample::select(vec!["0", "3", "7", "8", "99", "100", "-1", "", "x"]);
    prop_oneof![
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-1.0),
            0.0..1.0e9_f64
        ]
        .prop_map(|real_ms| Action::Tick { real_ms }),
        Just(Action::TogglePlay),
        Just(Action::Pause),
        any::<u32>().prop_map(Action::SetSpeed),
        Just(Action::NextEvent),
        Just(Action::PreviousEvent),
        Just(Action::Reset),
        any::<i64>().prop_map(|s| Action::Seek(Time::from_secs(s))),
        (1_700_000_000_i64..1_900_000_000).prop_map(|s| Action::Seek(Time::from_secs(s))),
        Just(Action::Undo),
        Just(Action::Redo),
        Just(Action::ShowGallery),
        Just(Action::ShowLab),
        Just(Action::DismissError),
        amount.clone().prop_map(|a| Action::Act(Act::TopUp {
            amount: a.to_string()
        })),
        (resource.clone(), term.clone()).prop_map(|(r, t)| Action::Act(Act::Renew {
            resource: r.to_string(),
            term: t.to_string(),
        })),
        (
            resource.clone(),
            any::<bool>(),
            small.clone(),
            term.clone(),
            small.clone()
        )
            .prop_map(
                |(r, enabled, days, t, times)| Action::Act(Act::SetAutoRenew {
                    resource: r.to_string(),
                    enabled,
                    days_before: days.to_string(),
                    term: t.to_string(),
                    times: times.to_string(),
                })
            ),
        text.clone().prop_map(|text| Action::Import {
            file_name: "x.json".to_string(),
            text,
        }),
        text.clone().prop_map(|t| Action::OpenLink(link::encode(t))),
        text.prop_map(Action::OpenLink),
        (0..4_usize, amount, resource, small).prop_map(|(c, amount, r, days)| {
            Action::WhatIf(WhatIfAction::Compare {
                form: ChangeForm {
                    change: Change::ALL[c],
                    amount: amount.to_string(),
                    resource: r.to_string(),
                    tier: "V3".to_string(),
                    action: days.to_string(),
                    days: days.to_string(),
                },
                lang: Lang::En,
            })
        }),
        Just(Action::WhatIf(WhatIfAction::Adopt)),
        Just(Action::WhatIf(WhatIfAction::Dismiss)),
        workshop_action().prop_map(Action::Workshop),
    ]
}

/// The workshop's actions: exercises started and left, answers of every kind, pause points
/// added with any question.
fn workshop_action() -> impl Strategy<Value = WorkshopAction> {
    let opt_text = prop::option::of(prop::sample::select(vec![
        "V0",
        "V3",
        "V9",
        "ocr",
        "db",
        "api",
        "",
        "2026-04-01T00:00:00",
        "2026-02-30T00:00:00",
        "9000-12-31T23:59:59",
        "续费",
    ]));
    let answer = prop_oneof![
        (0..4_usize).prop_map(|s| Answer::State(State::ALL[s])),
        (-1_000_000_i32..4_000_000).prop_map(|d| Answer::Date(
            chrono::NaiveDate::from_num_days_from_ce_opt(d).unwrap_or_default()
        )),
        any::<bool>().prop_map(|succeeded| Answer::Outcome { succeeded }),
        any::<i64>().prop_map(|c| Answer::Amount(Cents(c))),
    ];
    prop_oneof![
        (0..READY.len()).prop_map(|i| WorkshopAction::Start(Rc::new(
            READY[i]
                .exercise(renewal_lab::ui::sim::MAX_EVENTS)
                .expect("a ready exercise")
        ))),
        ".{0,40}".prop_map(WorkshopAction::OpenLink),
        answer.prop_map(WorkshopAction::Submit),
        Just(WorkshopAction::Next),
        Just(WorkshopAction::Leave),
        (
            0..QueryKind::ALL.len(),
            opt_text.clone(),
            opt_text.clone(),
            opt_text
        )
            .prop_map(
                |(k, tier, resource, at)| WorkshopAction::AddPause(QuestionDoc {
                    kind: QueryKind::ALL[k],
                    tier: tier.map(str::to_string),
                    resource: resource.map(str::to_string),
                    at: at.map(str::to_string),
                })
            ),
        (0..6_usize).prop_map(WorkshopAction::RemovePause),
        ".{0,300}".prop_map(WorkshopAction::SetTitle),
    ]
}

fn mutated_texts() -> Vec<String> {
    let mut texts: Vec<String> = GALLERY.iter().map(|entry| entry.json.to_string()).collect();
    texts.push(
        GALLERY[2]
            .json
            .replace("\"1m\"", "\"1y\"")
            .replace("2026", "8999"),
    );
    texts.push(
        GALLERY[4]
            .json
            .replace("\"balance\": \"", "\"balance\": \"99999999999"),
    );
    texts.push(String::new());
    texts.push("[".repeat(10_000));
    texts.push("{\"format\": \"renewal-lab/1\"}".to_string());
    texts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn mutated_scenarios_are_read_and_run_without_panicking(
        which in 0..GALLERY.len(),
        edits in edits(),
    ) {
        let text = mutate(GALLERY[which].json, &edits);
        if let Ok(scenario) = Scenario::from_json(&text) {
            exercise_scenario(&scenario);
        }
        let _ = ScenarioDoc::from_json(&text);
        let _ = share::decode(&link::encode(&text));
        let _ = AppState::start(Some(&text), None);
        let _ = AppState::start(None, Some(&link::encode(&text)));
    }

    #[test]
    fn scenarios_with_extreme_values_are_read_and_run_without_panicking(
        which in 0..GALLERY.len(),
        swaps in swaps(),
    ) {
        let text = swap(GALLERY[which].json, &swaps);
        if let Ok(scenario) = Scenario::from_json(&text) {
            exercise_scenario(&scenario);
        }
        let state = AppState::start(None, Some(&link::encode(&text)));
        let _ = state.apply(Action::NextEvent).apply(Action::Seek(Time::MAX));
    }

    #[test]
    fn mutated_exercises_and_links_are_read_without_panicking(
        which in 0..READY.len(),
        edits in edits(),
        noise in ".{0,80}",
    ) {
        let text = mutate(READY[which].json, &edits);
        let _ = Exercise::from_json(&text, renewal_lab::ui::sim::MAX_EVENTS);
        let _ = Exercise::from_link(&link::encode(&text), renewal_lab::ui::sim::MAX_EVENTS);
        let _ = Exercise::from_link(&noise, renewal_lab::ui::sim::MAX_EVENTS);
        let _ = share::decode(&noise);
        let _ = link::decode(&noise);
        let _ = AppState::start(Some(&noise), Some(&noise));
    }

    #[test]
    fn any_sequence_of_actions_in_a_workshop_leaves_a_working_app(
        which in 0..READY.len(),
        actions in prop::collection::vec(
            prop_oneof![
                3 => workshop_action().prop_map(Action::Workshop),
                1 => prop_oneof![
                    Just(Action::NextEvent),
                    Just(Action::TogglePlay),
                    Just(Action::Reset),
                    Just(Action::Tick { real_ms: 1.0e7 }),
                    any::<i64>().prop_map(|s| Action::Seek(Time::from_secs(s))),
                ],
            ],
            1..30,
        ),
    ) {
        let exercise = Rc::new(READY[which].exercise(renewal_lab::ui::sim::MAX_EVENTS).expect("a ready exercise"));
        let mut state =
            AppState::start(None, None).apply(Action::Workshop(WorkshopAction::Start(exercise)));
        for action in actions {
            state = state.apply(action);
            let _ = (state.start_time(), state.until(), state.workshop.horizon(state.now));
        }
    }

    #[test]
    fn any_sequence_of_actions_leaves_a_working_app(
        which in 0..GALLERY.len(),
        actions in prop::collection::vec(action(mutated_texts()), 1..25),
    ) {
        let doc = ScenarioDoc::from_json(GALLERY[which].json).expect("gallery scenario");
        let mut state = AppState::start(None, None).apply(Action::Load(doc));
        for action in actions {
            state = state.apply(action);
            let _ = (state.start_time(), state.until(), state.can_undo(), state.can_redo());
        }
    }
}
