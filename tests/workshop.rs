//! The ready exercises (`exercises/*.json`): every one is valid, every question's truth is
//! computed from the trace and revealed after its pause point (and no later than the next one, so
//! a reveal never shows the next answer), and together their deciding rules cover every section
//! of `lifecycle-rules.md` (§1–§9) and the trainee watches every rule happen.

use chrono::{Datelike, NaiveTime};
use renewal_lab::engine::simulate::simulate_tier;
use renewal_lab::engine::time::is_last_day_of_month;
use renewal_lab::engine::trace::{Rejection, RenewSource};
use renewal_lab::engine::{BillingMode, Event, EventKind, Offset, Scenario, State};
use renewal_lab::workshop::query::section_of;
use renewal_lab::workshop::{Answer, Exercise, READY};
use std::collections::{BTreeSet, HashMap};

fn exercises() -> Vec<(&'static str, Exercise)> {
    READY
        .iter()
        .map(|ready| {
            let exercise = ready
                .exercise(usize::MAX)
                .unwrap_or_else(|errors| panic!("{}: {errors:?}", ready.slug));
            (ready.slug, exercise)
        })
        .collect()
}

#[test]
fn there_are_at_least_six_ready_exercises_with_a_title_and_a_story() {
    let all = exercises();
    assert!(all.len() >= 6);
    let mut slugs = BTreeSet::new();
    for (slug, exercise) in &all {
        assert!(slugs.insert(*slug), "{slug} twice");
        assert!(!exercise.doc.title.trim().is_empty(), "{slug}");
        let story = exercise.doc.story.as_deref().unwrap_or_default();
        assert!(story.split(' ').count() >= 6, "{slug} has a one-line story");
        assert!(!story.contains('\n'), "{slug}: one line");
        // The file on disk is the one built in.
        let on_disk = std::fs::read_to_string(format!(
            "{}/exercises/{slug}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("the exercise file");
        assert_eq!(
            Exercise::from_json(&on_disk, usize::MAX).as_ref(),
            Ok(exercise)
        );
    }
}

#[test]
fn every_question_has_a_truth_revealed_in_order() {
    for (slug, exercise) in exercises() {
        assert!(
            exercise.pauses.len() >= 3,
            "{slug}: at least three questions"
        );
        for (i, pause) in exercise.pauses.iter().enumerate() {
            let reveal = &pause.reveal;
            assert!(
                reveal.at > pause.at,
                "{slug} #{i}: revealed after the pause"
            );
            assert!(reveal.at <= exercise.scenario.until, "{slug} #{i}");
            assert!(
                !reveal.rules.is_empty() && !reveal.why.is_empty(),
                "{slug} #{i}"
            );
            if let Some(next) = exercise.pauses.get(i + 1) {
                assert!(
                    reveal.at <= next.at,
                    "{slug} #{i}: revealed at {:?}, after the next pause point {:?}",
                    reveal.at,
                    next.at
                );
            }
            match reveal.truth {
                Answer::Date(_) => assert!(pause.choices.is_empty(), "{slug} #{i}"),
                truth => {
                    assert!(pause.choices.contains(&truth), "{slug} #{i}");
                    assert!(pause.choices.len() >= 2, "{slug} #{i}");
                }
            }
        }
    }
}

#[test]
fn together_the_exercises_cover_every_rule_section() {
    let mut deciding = BTreeSet::new();
    let mut all = BTreeSet::new();
    for (slug, exercise) in exercises() {
        for pause in &exercise.pauses {
            let sections: Vec<u8> = pause
                .reveal
                .rules
                .iter()
                .map(|rule| section_of(rule).unwrap_or_else(|| panic!("{slug}: {rule} has no §")))
                .collect();
            deciding.insert(sections[0]);
            all.extend(sections);
        }
    }
    // lifecycle-rules.md: §1 time, §2 billing period, §3 states, §4 tiers, §5 manual renewal,
    // §6 auto-renewal, §7 balance, §8 order at one instant, §9 pay-per-use.
    let every: BTreeSet<u8> = (1..=9).collect();
    assert_eq!(all, every, "sections behind the questions");
    // The rules that decide answers by themselves (the others support them: §1 local times,
    // §4 the tier's days, §8 the order at one instant).
    for section in [2, 3, 5, 6, 7, 9] {
        assert!(
            deciding.contains(&section),
            "no question is decided by §{section}"
        );
    }
}

/// What the engine does when a rule of `lifecycle-rules.md` applies, found in the events of a run.
type Shows = fn(&Scenario, &[Event]) -> bool;

fn is_pay_per_use(scenario: &Scenario, event: &Event) -> bool {
    event
        .resource
        .and_then(|i| scenario.resources.get(i))
        .is_some_and(|r| r.billing() == BillingMode::PayPerUse)
}

fn changed(events: &[Event], from: State, to: State, ppu: Option<bool>, s: &Scenario) -> bool {
    events.iter().any(|e| {
        e.kind == EventKind::StateChanged { from, to }
            && ppu.is_none_or(|ppu| is_pay_per_use(s, e) == ppu)
    })
}

fn refused(events: &[Event], reason: Rejection) -> bool {
    events.iter().any(|e| match e.kind {
        EventKind::ActionRejected { reason: r, .. } => r == reason,
        EventKind::AutoRenewAttempt { failure, .. } => failure == Some(reason),
        _ => false,
    })
}

/// Each rule and how a run shows it. Checked against the engine's events, not against the labels
/// the questions give their own reveals.
const RULES: [(&str, Shows); 22] = [
    ("§1 a time zone other than +08:00", |s, _| {
        s.offset != Offset::default()
    }),
    (
        "§2 a purchase on the 31st clamped to a shorter month",
        |_, events| {
            events.iter().any(|e| match e.kind {
                EventKind::Purchased {
                    expires: Some(x), ..
                } => x.date().day0() < e.at.date().day0(),
                _ => false,
            })
        },
    ),
    (
        "§2 a month's last day extended to a month's last day",
        |_, events| {
            let mut expiry = HashMap::new();
            events.iter().any(|e| match e.kind {
                EventKind::Purchased {
                    expires: Some(x), ..
                } => {
                    expiry.insert(e.resource, x.date());
                    false
                }
                EventKind::Renewed { expires, .. } => {
                    let before = expiry.insert(e.resource, expires.date());
                    before.is_some_and(is_last_day_of_month) && is_last_day_of_month(expires.date())
                }
                _ => false,
            })
        },
    ),
    ("§3 available → expired", |s, e| {
        changed(e, State::Available, State::Expired, Some(false), s)
    }),
    ("§3 expired → frozen", |s, e| {
        changed(e, State::Expired, State::Frozen, Some(false), s)
    }),
    ("§3 frozen → released", |s, e| {
        changed(e, State::Frozen, State::Released, None, s)
    }),
    ("§5 renewed in retention", |s, e| {
        changed(e, State::Frozen, State::Available, Some(false), s)
    }),
    ("§5 refused: released", |_, e| {
        refused(e, Rejection::Released)
    }),
    ("§5 refused: not a package", |_, e| {
        refused(e, Rejection::NotPackage)
    }),
    ("§5 refused: term too short", |_, e| {
        refused(e, Rejection::TermTooShort)
    }),
    ("§5 refused or failed: insufficient balance", |_, e| {
        refused(e, Rejection::InsufficientBalance)
    }),
    ("§5 a manual renewal", |_, events| {
        events.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::Renewed {
                    source: RenewSource::Manual,
                    ..
                }
            )
        })
    }),
    ("§6 an automatic renewal", |_, events| {
        events.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::Renewed {
                    source: RenewSource::Auto,
                    ..
                }
            )
        })
    }),
    ("§6 a failed attempt retried the next day", |_, events| {
        let failed: Vec<_> = events
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::AutoRenewAttempt {
                        failure: Some(_),
                        ..
                    }
                )
            })
            .collect();
        failed.iter().any(|a| {
            failed
                .iter()
                .any(|b| a.resource == b.resource && b.at == a.at.plus_days(1))
        })
    }),
    (
        "§6 switched on on the expiry day: one attempt at once",
        |_, events| {
            events.iter().any(|e| {
                matches!(e.kind, EventKind::AutoRenewAttempt { .. })
                    && e.at.naive().time() != NaiveTime::from_hms_opt(3, 0, 0).expect("03:00")
            })
        },
    ),
    ("§6 auto-renew changed only while available", |_, e| {
        refused(e, Rejection::NotAvailable)
    }),
    ("§6 the renewal count used up", |_, events| {
        events.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::AutoRenewChanged {
                    times_used: true,
                    ..
                }
            )
        })
    }),
    ("§7 a top-up", |_, events| {
        events
            .iter()
            .any(|e| matches!(e.kind, EventKind::TopUp { .. }))
    }),
    ("§8 a top-up at the instant of an attempt", |_, events| {
        events.iter().any(|top_up| {
            matches!(top_up.kind, EventKind::TopUp { .. })
                && events.iter().any(|a| {
                    a.at == top_up.at && matches!(a.kind, EventKind::AutoRenewAttempt { .. })
                })
        })
    }),
    ("§9 pay-per-use in arrears", |s, events| {
        events.iter().any(|e| {
            is_pay_per_use(s, e)
                && matches!(
                    e.kind,
                    EventKind::StateChanged {
                        from: State::Available,
                        ..
                    }
                )
        })
    }),
    ("§9 pay-per-use restored by a top-up", |s, events| {
        events.iter().any(|e| {
            is_pay_per_use(s, e)
                && matches!(
                    e.kind,
                    EventKind::StateChanged {
                        to: State::Available,
                        ..
                    }
                )
        })
    }),
    ("§3 a period of zero days skipped", |_, events| {
        events.iter().any(|e| match e.kind {
            EventKind::StateChanged {
                from: State::Available,
                to,
            } => to > State::Expired,
            EventKind::StateChanged {
                from: State::Expired,
                to,
            } => to == State::Released,
            _ => false,
        })
    }),
];

#[test]
fn together_the_exercises_let_the_trainee_watch_every_rule_happen() {
    let runs: Vec<(&str, Scenario, Vec<Event>)> = exercises()
        .into_iter()
        .flat_map(|(slug, exercise)| {
            // What the trainee watches: every tier asked about, up to the last reveal.
            let end = exercise.pauses.iter().map(|p| p.reveal.at).max();
            let tiers: BTreeSet<String> = exercise
                .pauses
                .iter()
                .map(|p| p.query.tier.clone())
                .collect();
            tiers.into_iter().map(move |tier| {
                let trace = simulate_tier(&exercise.scenario, &tier);
                let seen = trace
                    .events
                    .iter()
                    .filter(|e| Some(e.at) <= end)
                    .copied()
                    .collect();
                (slug, exercise.scenario.clone(), seen)
            })
        })
        .collect();
    let missing: Vec<&str> = RULES
        .iter()
        .filter(|(_, shows)| !runs.iter().any(|(_, s, events)| shows(s, events)))
        .map(|(rule, _)| *rule)
        .collect();
    assert!(missing.is_empty(), "no exercise shows: {missing:#?}");
}

#[test]
#[ignore = "prints the reveals, for writing exercises"]
fn print_reveals() {
    for (slug, exercise) in exercises() {
        println!("== {slug}");
        for pause in &exercise.pauses {
            println!(
                "  {:?} {:?} -> {:?} at {} {:?} {} / {:?}",
                pause.at,
                pause.query.kind,
                pause.reveal.truth,
                pause.reveal.at.local_string(),
                pause.reveal.rules,
                pause.reveal.why,
                pause.choices
            );
        }
    }
}

/// Every reason a trainer's question can be refused (a field of the question, or no truth to
/// reveal after the pause point) is translated, so the trainer's panel never mixes languages.
#[test]
fn every_reason_a_question_is_refused_is_translated() {
    use renewal_lab::engine::simulate_all_tiers;
    use renewal_lab::ui::i18n::{errors::message, Lang};
    use renewal_lab::workshop::{Query, QueryKind, QuestionDoc};

    let mut reasons = BTreeSet::new();
    for (_, exercise) in exercises() {
        let scenario = &exercise.scenario;
        let traces = simulate_all_tiers(scenario);
        let ids: Vec<Option<String>> = scenario
            .resources
            .iter()
            .map(|r| Some(r.id.clone()))
            .chain([None, Some("no-such-id".to_string())])
            .collect();
        let mut instants = vec![scenario.until];
        instants.extend(scenario.resources.iter().map(|r| r.start));
        instants.extend(exercise.pauses.iter().map(|p| p.at));
        for kind in QueryKind::ALL {
            for tier in [
                Some(scenario.tier.clone()),
                Some("no-such-tier".to_string()),
            ] {
                for resource in &ids {
                    for &asked in &instants {
                        for at in [None, Some(asked.plus_days(-1)), Some(asked.plus_days(1))] {
                            let doc = QuestionDoc {
                                kind,
                                tier: tier.clone(),
                                resource: resource.clone(),
                                at: at.map(|t| t.local_string()),
                            };
                            match Query::from_doc(&doc, scenario, "question") {
                                Err(problems) => {
                                    reasons.extend(problems.into_iter().map(|p| p.message))
                                }
                                Ok(query) => {
                                    let trace = traces
                                        .iter()
                                        .find(|t| t.tier == query.tier)
                                        .expect("a trace of every tier");
                                    if let Err(reason) = query.reveal(scenario, trace, asked) {
                                        reasons.insert(reason);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    // The search above reaches the refusals of every kind.
    assert!(reasons.len() >= 8, "{reasons:#?}");
    for reason in &reasons {
        for lang in [Lang::ZhCn, Lang::PtBr] {
            assert_ne!(&message(lang, reason), reason, "{lang:?}: {reason}");
        }
    }
}

/// Every problem an exercise file's values can have (a trainer's "Copy exercise link" shows the
/// first) is translated, and the run's bounds are written as the language writes a time.
#[test]
fn every_problem_of_an_exercise_is_translated() {
    use renewal_lab::ui::i18n::{errors::message, Lang};
    use renewal_lab::workshop::exercise::{MAX_PAUSES, MAX_TEXT_CHARS};

    let (_, exercise) = exercises().remove(0);
    let base = exercise.doc.clone();
    let start = exercise.scenario.start();
    let changed = |change: &dyn Fn(&mut renewal_lab::workshop::ExerciseDoc)| {
        let mut doc = base.clone();
        change(&mut doc);
        Exercise::from_doc(doc, usize::MAX).expect_err("refused")
    };
    let mut problems = Vec::new();
    problems.extend(changed(&|d| d.title = " ".into()));
    problems.extend(changed(&|d| d.title = "x".repeat(MAX_TEXT_CHARS + 1)));
    problems.extend(changed(&|d| d.pauses.clear()));
    problems.extend(changed(&|d| {
        let pause = d.pauses[0].clone();
        d.pauses = vec![pause; MAX_PAUSES + 1];
    }));
    problems.extend(changed(&|d| d.pauses.reverse()));
    let outside = changed(&|d| d.pauses[0].at = start.plus_days(-1).local_string());
    problems.extend(outside.iter().cloned());
    problems.extend(changed(&|d| {
        // Asked at its last pause point about the scenario's end: nothing comes after it.
        let last = d.pauses.len() - 1;
        d.pauses[last].at = exercise.scenario.until.local_string();
    }));
    let messages: BTreeSet<String> = problems.into_iter().map(|p| p.message).collect();
    assert!(messages.len() >= 7, "{messages:#?}");
    for text in &messages {
        for lang in [Lang::ZhCn, Lang::PtBr] {
            assert_ne!(&message(lang, text), text, "{lang:?}: {text}");
        }
    }
    let when = |t: renewal_lab::engine::Time| {
        let n = t.naive();
        n.format("%d/%m/%Y %H:%M:%S").to_string()
    };
    assert_eq!(
        message(Lang::PtBr, &outside[0].message),
        format!(
            "{} está fora da execução (de {} a {})",
            when(start.plus_days(-1)),
            when(start),
            when(exercise.scenario.until)
        )
    );
}

/// A reveal names each section of the rules once ("§6 auto-renewal" and "§6 auto-renewal at
/// 03:00" are one section), and cites §2's month ends where they decide a date: the month-ends
/// exercise's renewal from 2026-02-28 lands on 2026-03-31, not 03-28.
#[test]
fn reveals_name_each_section_once_and_cite_the_month_end_rule_where_it_decides() {
    let mut month_end_cited = 0;
    for (slug, exercise) in exercises() {
        for pause in &exercise.pauses {
            let rules = &pause.reveal.rules;
            let sections: BTreeSet<_> = rules.iter().map(|r| section_of(r)).collect();
            assert_eq!(
                sections.len(),
                rules.len(),
                "{slug} {:?}: {rules:?}",
                pause.at
            );
            if rules.contains(&"§2 month ends") {
                month_end_cited += 1;
                let Answer::Date(date) = pause.reveal.truth else {
                    panic!("{slug}: §2 month ends on a non-date answer");
                };
                assert!(is_last_day_of_month(date), "{slug}: {date}");
            }
        }
    }
    assert!(month_end_cited > 0, "no reveal cites the month-end rule");
    let month_ends = exercises()
        .into_iter()
        .find(|(slug, _)| *slug == "month-ends")
        .expect("the month-ends exercise")
        .1;
    let cited = month_ends.pauses.iter().find(|pause| {
        pause.reveal.truth == Answer::Date(chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap())
    });
    assert!(
        cited.is_some_and(|pause| pause.reveal.rules.contains(&"§2 month ends")),
        "{:?}",
        month_ends
            .pauses
            .iter()
            .map(|p| (&p.reveal.truth, &p.reveal.rules))
            .collect::<Vec<_>>()
    );
}
