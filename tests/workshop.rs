//! The ready exercises (`exercises/*.json`): every one is valid, every question's truth is
//! computed from the trace and revealed after its pause point (and no later than the next one, so
//! a reveal never shows the next answer), and together their deciding rules cover every section
//! of `lifecycle-rules.md` (§1–§9).

use renewal_lab::workshop::query::section_of;
use renewal_lab::workshop::{Answer, Exercise, READY};
use std::collections::BTreeSet;

fn exercises() -> Vec<(&'static str, Exercise)> {
    READY
        .iter()
        .map(|ready| {
            let exercise = ready
                .exercise()
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
        assert_eq!(Exercise::from_json(&on_disk).as_ref(), Ok(exercise));
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
