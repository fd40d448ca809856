//! Workshop mode in the app's state: the trainee's session (question, reveal, score) and the
//! trainer's draft of pause points. [`AppState::apply`] hands `Action::Workshop` to [`reduce`] and
//! asks [`intercept`] first about every other action, so that while a question is open (or its
//! answer shown) the clock, the scenario and the history are locked: the trainee cannot look ahead.
//!
//! Everything here only uses the public actions of [`AppState`]; the clock is moved by
//! `Action::Seek` with the session set aside for that one step.

use crate::engine::{Scenario, ScenarioDoc, Time};
use crate::ui::autosave::Trainee;
use crate::ui::i18n::explain::{explain, state_label, when};
use crate::ui::i18n::{errors, format};
use crate::ui::i18n::{pluralf, tr, trf, Lang, LocalText};
use crate::ui::sim::{Sim, MAX_EVENTS};
use crate::ui::state::{Action, AppState};
use crate::workshop::exercise::FORMAT;
use crate::workshop::query::{
    RULE_BALANCE, RULE_HOURLY, RULE_MONTH_END, RULE_ORDER, RULE_TIERS, RULE_TIME,
};
use crate::workshop::{
    known_until, Answer, Exercise, ExerciseDoc, Pause, PauseDoc, Query, QueryKind, QuestionDoc,
};
use std::rc::Rc;

/// Every rule name a reveal can show (from `explain` and the workshop's own), for translation.
pub const RULE_NAMES: [&str; 14] = [
    RULE_TIME,
    "§2 billing period",
    RULE_MONTH_END,
    "§3 states",
    RULE_TIERS,
    "§5 manual renewal",
    "§6 auto-renewal",
    "§6 auto-renewal at 03:00",
    "§6 auto-renewal switched on on the expiry date",
    "§6 auto-renewal settings",
    RULE_BALANCE,
    RULE_ORDER,
    RULE_HOURLY,
    "§9 pay-per-use arrears",
];

/// What the workshop does.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopAction {
    /// Start an exercise as a trainee: its scenario opens, the clock at the first pause point.
    Start(Rc<Exercise>),
    /// The payload of an `#exercise=` link, to start when it is valid.
    OpenLink(String),
    /// The trainee's answer to the open question.
    Submit(Answer),
    /// On to the next question (or the score after the last).
    Next,
    /// Leave the exercise: the clock is free again.
    Leave,
    /// Trainer: a pause point at the clock's time with this question.
    AddPause(QuestionDoc),
    /// Trainer: remove the pause point at this index.
    RemovePause(usize),
    /// Trainer: the exercise's title.
    SetTitle(String),
    /// Trainer: what became of "Copy exercise link", said beside the button (and announced).
    Report(LocalText),
}

/// Where the trainee is in a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The question is open; the clock is at its pause point.
    Asking,
    /// Answered: the clock is at the reveal instant and the truth is shown.
    Revealed,
    /// Every question answered: the score is shown and the clock is free.
    Finished,
}

/// A trainee's run through an exercise.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The exercise.
    pub exercise: Rc<Exercise>,
    /// The current question.
    pub index: usize,
    /// Each answered question's answer and whether it was right.
    pub given: Vec<(Answer, bool)>,
    /// Where in the current question.
    pub phase: Phase,
}

impl Session {
    /// Right answers so far.
    pub fn score(&self) -> usize {
        self.given.iter().filter(|(_, right)| *right).count()
    }

    /// Whether the clock and the scenario are locked (until the score is shown).
    pub fn locks(&self) -> bool {
        self.phase != Phase::Finished
    }

    /// The session as the autosave keeps it: the exercise file and the answers given.
    pub fn trainee(&self) -> Trainee {
        Trainee {
            exercise: self.exercise.doc.to_json(),
            answers: self.given.iter().map(|(answer, _)| *answer).collect(),
            revealed: self.phase == Phase::Revealed,
        }
    }
}

/// At start-up, an `#exercise=` link in the address: the exercise restored from the autosave when
/// it is that one (a reload keeps the trainee's progress), else the link's exercise afresh.
pub fn open_link_at_start(state: AppState, payload: &str) -> AppState {
    match Exercise::from_link(payload, MAX_EVENTS) {
        Ok(linked)
            if state
                .workshop
                .session
                .as_ref()
                .is_some_and(|session| session.exercise.doc == linked.doc) =>
        {
            state
        }
        // Read once: started as it is, not read again from the link.
        Ok(linked) => state.apply(Action::Workshop(WorkshopAction::Start(Rc::new(linked)))),
        // The link's action says what is wrong with it.
        Err(_) => state.apply(Action::Workshop(WorkshopAction::OpenLink(
            payload.to_string(),
        ))),
    }
}

/// `state` with the autosaved `trainee`'s exercise open where it was left: opened afresh, then
/// each answer given again (and "Next question" pressed after each but a revealed last one), so
/// the clock, the score and what is hidden are as they were. When the exercise file no longer
/// reads as an exercise, the scenario stays and a notice says the exercise was not restored, and
/// why.
pub fn resume(state: &AppState, trainee: &Trainee) -> AppState {
    let exercise = match Exercise::from_json(&trainee.exercise, MAX_EVENTS) {
        Ok(exercise) => exercise,
        Err(problems) => {
            let mut kept = state.clone();
            kept.notice = Some(
                LocalText::new(|l| {
                    trf(
                        l,
                        "The exercise in progress could not be restored: {0}. The scenario is kept.",
                        &[&errors::problems(l, &problems)],
                    )
                })
                .into(),
            );
            return kept;
        }
    };
    let mut next = start(state, Rc::new(exercise));
    let answered = trainee.answers.len();
    for (i, answer) in trainee.answers.iter().enumerate() {
        next = submit(&next, *answer);
        if i + 1 < answered || !trainee.revealed {
            next = next_question(&next);
        }
    }
    if let Some(session) = &next.workshop.session {
        let exercise = Rc::clone(&session.exercise);
        next.notice = Some(
            LocalText::new(|lang| {
                trf(
                    lang,
                    "Exercise restored where you left it: {0}.",
                    &[tr(lang, &exercise.doc.title)],
                )
            })
            .into(),
        );
    }
    next
}

/// The workshop's part of the app's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkshopState {
    /// The trainee's session, if an exercise is open.
    pub session: Option<Session>,
    /// The trainer's exercise in the making (shared: a clock tick copies the state).
    pub draft: Rc<Draft>,
    /// What the trainer's last step did (or why it did nothing).
    pub report: Option<LocalText>,
}

/// A trainer's exercise in the making: its title and pause points (autosaved with the scenario).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The exercise's title as typed (empty: the scenario's name).
    pub title: String,
    /// The pause points, in time order.
    pub pauses: Vec<PauseDoc>,
}

impl Draft {
    /// Whether there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.title.is_empty() && self.pauses.is_empty()
    }
}

impl WorkshopState {
    /// Whether an open session locks the clock and the scenario (nothing past the clock shows).
    pub fn locks(&self) -> bool {
        self.session.as_ref().is_some_and(Session::locks)
    }

    /// The instant up to which the lanes may be shown: the clock while a session locks it.
    pub fn horizon(&self, now: Time) -> Option<Time> {
        self.locks().then_some(now)
    }
}

/// The app's state with the session set aside (to move the clock or end the session).
fn without_session(state: &AppState) -> AppState {
    let mut next = state.clone();
    next.workshop.session = None;
    next
}

/// What happens to `action` while a session is open: `None` to apply it as usual; otherwise the
/// state after it (refused while locked; a new scenario ends the session).
pub fn intercept(state: &AppState, action: &Action) -> Option<AppState> {
    let session = state.workshop.session.as_ref()?;
    match action {
        Action::Load(_) | Action::Import { .. } | Action::OpenLink(_) => {
            let next = without_session(state).apply(action.clone());
            // A file or link that does not open leaves everything as it was, the exercise too
            // (its error says the current work is unchanged).
            if Rc::ptr_eq(&next.doc, &state.doc) && next.error.is_some() {
                let mut kept = next;
                kept.workshop.session = state.workshop.session.clone();
                return Some(kept);
            }
            Some(next)
        }
        Action::Edit(_) | Action::Type { .. } | Action::Act(_) | Action::Undo | Action::Redo
            if !session.locks() =>
        {
            Some(without_session(state).apply(action.clone()))
        }
        Action::Tick { .. } if session.locks() => {
            // The clock does not run while locked: a tick that still arrives stops it.
            let mut next = state.clone();
            next.playing = false;
            Some(next)
        }
        Action::TogglePlay
        | Action::NextEvent
        | Action::PreviousEvent
        | Action::Reset
        | Action::Seek(_)
        | Action::Drag(_)
        | Action::GoTo(_)
        | Action::Edit(_)
        | Action::ChooseTier(_)
        | Action::Type { .. }
        | Action::Act(_)
        | Action::Undo
        | Action::Redo
        | Action::WhatIf(_)
            if session.locks() =>
        {
            let mut next = state.clone();
            next.playing = false;
            next.announcement = LocalText::new(|lang| {
                tr(
                    lang,
                    "The clock and the scenario are locked during the exercise: answer the question, or leave the exercise.",
                )
                .to_string()
            });
            Some(next)
        }
        _ => None,
    }
}

/// The state after a workshop action.
pub fn reduce(state: &AppState, action: WorkshopAction) -> AppState {
    match action {
        WorkshopAction::Start(exercise) => start(state, exercise),
        WorkshopAction::OpenLink(payload) => match Exercise::from_link(&payload, MAX_EVENTS) {
            Ok(exercise) => start(state, Rc::new(exercise)),
            Err(reason) => {
                let mut next = state.clone();
                next.error = Some(LocalText::new(|lang| {
                    trf(
                        lang,
                        "Could not open the exercise link: {0}. Your current work is unchanged.",
                        &[&errors::exercise_link_error(lang, &reason)],
                    )
                }));
                next
            }
        },
        WorkshopAction::Submit(answer) => submit(state, answer),
        WorkshopAction::Next => next_question(state),
        WorkshopAction::Leave => {
            let mut next = without_session(state);
            if state.workshop.session.is_some() {
                // "Exercise opened: …" would read as if it still ran.
                next.notice = None;
                next.announcement = LocalText::new(|lang| {
                    tr(lang, "You left the exercise; the clock is free again.").to_string()
                });
            }
            next
        }
        WorkshopAction::AddPause(question) => add_pause(state, question),
        WorkshopAction::RemovePause(index) => {
            let mut next = state.clone();
            if index < next.workshop.draft.pauses.len() {
                Rc::make_mut(&mut next.workshop.draft).pauses.remove(index);
                next.workshop.report = None;
            }
            next
        }
        WorkshopAction::SetTitle(title) => {
            let mut next = state.clone();
            Rc::make_mut(&mut next.workshop.draft).title = title;
            next
        }
        WorkshopAction::Report(text) => {
            let mut next = state.clone();
            next.announcement = text.clone();
            next.workshop.report = Some(text);
            next
        }
    }
}

fn start(state: &AppState, exercise: Rc<Exercise>) -> AppState {
    let Some(first) = exercise.pauses.first() else {
        return state.clone();
    };
    let loaded = without_session(state).apply(Action::Load(exercise.doc.scenario.clone()));
    // The app may refuse the scenario (too many events): then no session opens on the scenario
    // that stays, and the banner says why.
    if loaded.error.is_some() {
        let mut refused = state.clone();
        refused.error = loaded.error;
        return refused;
    }
    let mut next = loaded.apply(Action::Seek(first.at));
    next.notice = Some(
        LocalText::new(|lang| {
            trf(
                lang,
                "Exercise opened: {0}.",
                &[tr(lang, &exercise.doc.title)],
            )
        })
        .into(),
    );
    next.workshop.session = Some(Session {
        exercise,
        index: 0,
        given: Vec::new(),
        phase: Phase::Asking,
    });
    next.announcement = LocalText::new(|lang| question_announcement(&next, lang));
    next
}

fn question_announcement(state: &AppState, lang: Lang) -> String {
    let Some(session) = &state.workshop.session else {
        return String::new();
    };
    let Some(pause) = session.exercise.pauses.get(session.index) else {
        return String::new();
    };
    trf(
        lang,
        "Question {0} of {1}, clock paused at {2}: {3}",
        &[
            &(session.index + 1).to_string(),
            &session.exercise.pauses.len().to_string(),
            &format::second(lang, pause.at),
            &prompt(lang, &session.exercise.scenario, &pause.query),
        ],
    )
}

fn submit(state: &AppState, answer: Answer) -> AppState {
    let Some(session) = state.workshop.session.clone() else {
        return state.clone();
    };
    let Some(pause) = session.exercise.pauses.get(session.index) else {
        return state.clone();
    };
    if session.phase != Phase::Asking {
        return state.clone();
    }
    let right = answer == pause.reveal.truth;
    let mut session = session.clone();
    session.given.push((answer, right));
    session.phase = Phase::Revealed;
    let mut next = without_session(state).apply(Action::Seek(pause.reveal.at));
    next.workshop.session = Some(session);
    let rule = pause.reveal.rules.first().copied().unwrap_or_default();
    next.announcement = LocalText::new(|lang| {
        let truth = answer_text(lang, pause.reveal.truth);
        if right {
            trf(
                lang,
                "Correct: {0}. Clock at {1}; decided by {2}.",
                &[
                    &truth,
                    &format::second(lang, pause.reveal.at),
                    tr(lang, rule),
                ],
            )
        } else {
            trf(
                lang,
                "Incorrect: the answer is {0}. Clock at {1}; decided by {2}.",
                &[
                    &truth,
                    &format::second(lang, pause.reveal.at),
                    tr(lang, rule),
                ],
            )
        }
    });
    next
}

fn next_question(state: &AppState) -> AppState {
    let Some(mut session) = state.workshop.session.clone() else {
        return state.clone();
    };
    if session.phase != Phase::Revealed {
        return state.clone();
    }
    let total = session.exercise.pauses.len();
    if session.index + 1 < total {
        session.index += 1;
        session.phase = Phase::Asking;
        let at = session.exercise.pauses[session.index].at;
        let mut next = without_session(state).apply(Action::Seek(at));
        next.workshop.session = Some(session);
        next.announcement = LocalText::new(|lang| question_announcement(&next, lang));
        next
    } else {
        session.phase = Phase::Finished;
        let mut next = state.clone();
        next.announcement = LocalText::new(|lang| {
            trf(
                lang,
                "Exercise finished. Score: {0} / {1}.",
                &[&session.score().to_string(), &total.to_string()],
            )
        });
        next.workshop.session = Some(session);
        next
    }
}

fn add_pause(state: &AppState, question: QuestionDoc) -> AppState {
    let mut next = state.clone();
    let report = match (&state.sim, state.errors.is_empty()) {
        (Some(sim), true) => match checked_query(sim, &question, state.now) {
            Ok(query) => {
                let pause = PauseDoc {
                    at: state.now.local_string(),
                    question: query.to_doc(&sim.scenario),
                };
                let draft = &mut Rc::make_mut(&mut next.workshop.draft).pauses;
                let index = draft
                    .partition_point(|p| Time::parse_local(&p.at).is_ok_and(|at| at <= state.now));
                draft.insert(index, pause);
                LocalText::new(|lang| {
                    trf(
                        lang,
                        "Added a pause point at {0}: {1}",
                        &[
                            &format::second(lang, state.now),
                            &prompt(lang, &sim.scenario, &query),
                        ],
                    )
                })
            }
            Err(reason) => {
                LocalText::new(|lang| trf(lang, "No pause point added: {0}.", &[reason.get(lang)]))
            }
        },
        _ => LocalText::new(|lang| {
            tr(
                lang,
                "No pause point added: the scenario has errors; fix them first.",
            )
            .to_string()
        }),
    };
    next.announcement = report.clone();
    next.workshop.report = Some(report);
    next
}

/// Per pause point of a draft, the first earlier one whose reveal runs the clock past it (its
/// number from 1, and the reveal's instant): the trainee may then see its answer before it is
/// asked. Ready exercises never do this; a trainer's may, and is told so.
pub fn revealed_early(sim: &Sim, pauses: &[PauseDoc]) -> Vec<Option<(usize, Time)>> {
    let reveal_at = |pause: &PauseDoc| {
        let at = Time::parse_local(&pause.at).ok()?;
        let query = Query::from_doc(&pause.question, &sim.scenario, "question").ok()?;
        let trace = sim.traces.iter().find(|t| t.tier == query.tier)?;
        Some((at, query.reveal(&sim.scenario, trace, at).ok()?.at))
    };
    let times: Vec<Option<(Time, Time)>> = pauses.iter().map(reveal_at).collect();
    (0..pauses.len())
        .map(|i| {
            let (asked, _) = times[i]?;
            times[..i].iter().enumerate().find_map(|(j, t)| {
                t.filter(|(_, shown)| *shown > asked)
                    .map(|(_, s)| (j + 1, s))
            })
        })
        .collect()
}

/// The question validated against the simulation, with a truth revealed after `at`; or why not,
/// in every language.
fn checked_query(sim: &Sim, question: &QuestionDoc, at: Time) -> Result<Query, LocalText> {
    // Said with the panel's words for the kind (the file's is `expiry_date`).
    let pay_per_use = question.resource.as_deref().and_then(|id| {
        let resource = sim.scenario.resources.iter().find(|r| r.id == id)?;
        (!question.kind.can_ask_about(resource.billing())).then(|| resource.id.clone())
    });
    if let Some(id) = pay_per_use {
        let kind = question.kind;
        return Err(LocalText::new(move |lang| {
            trf(
                lang,
                "Question resource: {0} is pay-per-use; “{1}” asks about a package.",
                &[&id, kind_label(lang, kind)],
            )
        }));
    }
    let query = Query::from_doc(question, &sim.scenario, "question").map_err(|problems| {
        LocalText::new(|lang| {
            let Some(problem) = problems.first() else {
                return String::new();
            };
            // Named by the trainer panel's label for the field, not the file's path.
            let label = match problem.path.as_str() {
                "question.kind" => Some("Question kind"),
                "question.tier" => Some("Question tier"),
                "question.resource" => Some("Question resource"),
                "question.at" => Some("Asked time"),
                _ => None,
            };
            match label {
                Some(label) => trf(
                    lang,
                    "{0}: {1}",
                    &[tr(lang, label), &errors::message(lang, &problem.message)],
                ),
                None => errors::field_error(lang, problem),
            }
        })
    })?;
    let reveal = match sim.traces.iter().find(|t| t.tier == query.tier) {
        Some(trace) => query.reveal(&sim.scenario, trace, at).map(|_| ()),
        None => Err(format!("no simulation of tier {}", query.tier)),
    };
    match reveal {
        Ok(()) => Ok(query),
        Err(reason) => Err(LocalText::new(|lang| errors::message(lang, &reason))),
    }
}

/// The trainer's exercise: the scenario as it is, the title (the scenario's name when empty) and
/// the pause points; or why it cannot be shared yet.
pub fn draft_exercise(state: &AppState, lang: Lang) -> Result<ExerciseDoc, LocalText> {
    draft_exercise_from(&state.workshop, &state.doc, state.errors.is_empty(), lang)
}

/// [`draft_exercise`] from its parts: the workshop's draft and the document (`valid` or not).
pub fn draft_exercise_from(
    workshop: &WorkshopState,
    doc: &ScenarioDoc,
    valid: bool,
    lang: Lang,
) -> Result<ExerciseDoc, LocalText> {
    if !valid {
        return Err(LocalText::new(|l| {
            tr(l, "the scenario has errors; fix them first").to_string()
        }));
    }
    if workshop.draft.pauses.is_empty() {
        return Err(LocalText::new(|l| {
            tr(l, "add at least one pause point first").to_string()
        }));
    }
    let title = match workshop.draft.title.trim() {
        "" => doc
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| tr(lang, "Untitled exercise").to_string()),
        title => title.to_string(),
    };
    let doc = ExerciseDoc {
        format: FORMAT.to_string(),
        title,
        story: None,
        scenario: doc.clone(),
        pauses: workshop.draft.pauses.clone(),
    };
    Exercise::from_doc(doc.clone(), MAX_EVENTS)
        .map(|_| doc)
        .map_err(|problems| {
            LocalText::new(|l| {
                problems
                    .first()
                    .map(|e| errors::field_error(l, e))
                    .unwrap_or_default()
            })
        })
}

/// `sim` as the trainee may see it at `t` (see [`known_until`]).
pub fn known_sim(sim: &Sim, t: Time) -> Sim {
    Sim {
        scenario: sim.scenario.clone(),
        traces: sim
            .traces
            .iter()
            .map(|trace| known_until(trace, t))
            .collect(),
    }
}

/// What the deciding event of `pause`'s reveal did, in `lang` (as the event log says it; the
/// reveal's own `why` is the CLI's English).
pub fn reveal_why(lang: Lang, exercise: &Exercise, pause: &Pause) -> String {
    let scenario = &exercise.scenario;
    let reveal = &pause.reveal;
    let event = &reveal.event;
    let Some(trace) = exercise.trace(&pause.query.tier) else {
        return String::new();
    };
    let what = explain(lang, event, scenario, trace).what;
    let Answer::Amount(balance) = reveal.truth else {
        return what;
    };
    let what = if event.kind.balance() == Some(balance) {
        what
    } else {
        trf(
            lang,
            "Hourly pay-per-use charges since {0} took the balance from {1} to {2}.",
            &[
                &when(lang, event.at),
                &format::money(lang, event.kind.balance().unwrap_or_default()),
                &format::money(lang, balance),
            ],
        )
    };
    match reveal.failed_after {
        0 => what,
        n => pluralf(
            lang,
            i64::try_from(n).unwrap_or(i64::MAX),
            "{1} Then {0} failed auto-renew attempt charged nothing.",
            "{1} Then {0} failed auto-renew attempts charged nothing.",
            &[&what],
        ),
    }
}

/// An answer in words.
pub fn answer_text(lang: Lang, answer: Answer) -> String {
    match answer {
        Answer::State(state) => state_label(lang, state).to_string(),
        Answer::Date(date) => format::date(lang, date),
        Answer::Outcome { succeeded: true } => tr(lang, "it succeeds").to_string(),
        Answer::Outcome { succeeded: false } => tr(lang, "it fails").to_string(),
        Answer::Amount(amount) => format::money(lang, amount),
    }
}

/// What a kind of question asks, for the trainer's list.
pub fn kind_label(lang: Lang, kind: QueryKind) -> &'static str {
    match kind {
        QueryKind::StateAt => tr(lang, "State at a time"),
        QueryKind::ExpiryDate => tr(lang, "Expiry date at a time"),
        QueryKind::RenewalOutcome => tr(lang, "Outcome of the next renewal"),
        QueryKind::LastAutoRenewAttempt => tr(lang, "Last auto-renew attempt"),
        QueryKind::FreezeDate => tr(lang, "Date it is next frozen"),
        QueryKind::ReleaseDate => tr(lang, "Date it is released"),
        QueryKind::BalanceAt => tr(lang, "Balance at a time"),
    }
}

/// The question's prompt, generated from the query.
pub fn prompt(lang: Lang, scenario: &Scenario, query: &Query) -> String {
    let id = query
        .resource
        .and_then(|r| scenario.resources.get(r))
        .map_or("", |r| r.id.as_str());
    let tier = query.tier.as_str();
    let at = query
        .at
        .map(|t| format::second(lang, t))
        .unwrap_or_default();
    match query.kind {
        QueryKind::StateAt => trf(
            lang,
            "Which state is {1} (tier {0}) in at {2}?",
            &[tier, id, &at],
        ),
        QueryKind::ExpiryDate => trf(
            lang,
            "What is the expiry date of {1} (tier {0}) at {2}?",
            &[tier, id, &at],
        ),
        QueryKind::RenewalOutcome => trf(
            lang,
            "Does the next renewal of {1} (tier {0}), automatic or by hand, succeed?",
            &[tier, id],
        ),
        QueryKind::LastAutoRenewAttempt => trf(
            lang,
            "On which date is the last auto-renew attempt of {1} (tier {0})?",
            &[tier, id],
        ),
        QueryKind::FreezeDate => trf(
            lang,
            "On which date is {1} (tier {0}) frozen next?",
            &[tier, id],
        ),
        QueryKind::ReleaseDate => trf(
            lang,
            "On which date is {1} (tier {0}) released, its data deleted?",
            &[tier, id],
        ),
        QueryKind::BalanceAt => trf(
            lang,
            "What is the balance of tier {0} at {1}?",
            &[tier, &at],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::State;
    use crate::ui::scenarios;
    use crate::workshop::READY;

    fn t(text: &str) -> Time {
        Time::parse_local(text).expect("a local time")
    }

    fn exercise(slug: &str) -> Rc<Exercise> {
        let ready = READY.iter().find(|r| r.slug == slug).expect("ready");
        Rc::new(ready.exercise(MAX_EVENTS).expect("valid"))
    }

    fn started(slug: &str) -> AppState {
        AppState::first_visit().apply(Action::Workshop(WorkshopAction::Start(exercise(slug))))
    }

    fn session(state: &AppState) -> &Session {
        state.workshop.session.as_ref().expect("a session")
    }

    /// The state a reload gives after `state`: its autosave record restored on a first visit,
    /// with `hash` in the address.
    fn reloaded(state: &AppState, hash: Option<&str>) -> AppState {
        let trainee = state.workshop.session.as_ref().map(Session::trainee);
        let record = crate::ui::autosave::encode(
            &state.doc,
            state.now,
            &state.workshop.draft,
            trainee.as_ref(),
            None,
        );
        let restored = AppState::start(Some(&record), None);
        match hash {
            Some(payload) => open_link_at_start(restored, payload),
            None => restored,
        }
    }

    #[test]
    fn a_balance_is_revealed_by_the_event_that_set_it_not_by_a_failed_attempt_after_it() {
        // Two packages, V0, 40.00: web's attempt pays 30.00 on 04-01 03:00, db's fails then and
        // every day after; the balance asked on 04-05 is 10.00.
        let json = format!(
            r#"{{"format": "renewal-lab-exercise/1", "title": "t", "scenario": {},
                "pauses": [{{"at": "2026-04-01T00:00:00",
                  "question": {{"kind": "balance_at", "tier": "V0", "at": "2026-04-05T00:00:00"}}}}]}}"#,
            include_str!("../../scenarios/two-packages-one-balance.json")
        );
        let exercise = Exercise::from_json(&json, MAX_EVENTS).expect("valid");
        let pause = &exercise.pauses[0];
        assert_eq!(
            pause.reveal.truth,
            Answer::Amount(crate::engine::Cents(1_000))
        );
        assert!(matches!(
            pause.reveal.event.kind,
            crate::engine::EventKind::Renewed { .. }
        ));
        assert_eq!(
            reveal_why(Lang::En, &exercise, pause),
            "Renewed automatically for 1 month, counted from the expiry date; now valid through \
             2026-05-08 23:59:59. Balance 10.00. Then 4 failed auto-renew attempts charged \
             nothing."
        );
        assert_eq!(
            reveal_why(Lang::PtBr, &exercise, pause).rsplit(". ").next(),
            Some("Depois, 4 tentativas de renovação automática falharam e nada cobraram.")
        );
    }

    #[test]
    fn an_exercise_that_no_longer_reads_is_not_restored_and_says_so() {
        let state = AppState::first_visit().apply(Action::Load(scenarios::blank_doc()));
        let trainee = crate::ui::autosave::Trainee {
            exercise: r#"{"bad":1}"#.to_string(),
            answers: Vec::new(),
            revealed: false,
        };
        let kept = resume(&state, &trainee);
        assert!(kept.workshop.session.is_none());
        assert_eq!(kept.doc, state.doc);
        let notice = kept
            .notice
            .as_ref()
            .map(|n| n.text.en())
            .unwrap_or_default();
        assert!(
            notice.starts_with("The exercise in progress could not be restored: "),
            "{notice}"
        );
        assert!(notice.ends_with("The scenario is kept."), "{notice}");
    }

    #[test]
    fn a_reload_keeps_the_trainee_where_they_were() {
        let mut state = started("grace-and-retention");
        let ex = session(&state).exercise.clone();
        // Every step of the exercise: asking, revealed, asking the next, ..., finished.
        let mut steps = vec![state.clone()];
        for pause in &ex.pauses {
            let wrong = Answer::Date(chrono::NaiveDate::MIN);
            let answer = if steps.len() % 3 == 0 {
                wrong
            } else {
                pause.reveal.truth
            };
            state = state.apply(Action::Workshop(WorkshopAction::Submit(answer)));
            steps.push(state.clone());
            state = state.apply(Action::Workshop(WorkshopAction::Next));
            steps.push(state.clone());
        }
        assert_eq!(session(&state).phase, Phase::Finished);
        let link = ex.doc.encode();
        for step in &steps {
            for hash in [None, Some(link.as_str())] {
                let again = reloaded(step, hash);
                let (was, is) = (session(step), session(&again));
                assert_eq!(
                    (is.index, &is.given, is.phase, again.now),
                    (was.index, &was.given, was.phase, step.now),
                    "{hash:?}"
                );
                assert!(again
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.text.en().starts_with("Exercise restored")));
            }
        }
        // Another exercise's link opens that one afresh.
        let other = exercise("month-ends").doc.encode();
        let opened = reloaded(&steps[2], Some(&other));
        assert_eq!(
            session(&opened).exercise.doc.title,
            exercise("month-ends").doc.title
        );
        assert!(session(&opened).given.is_empty());
        // Without an exercise open, nothing is restored.
        let left = steps[2].apply(Action::Workshop(WorkshopAction::Leave));
        assert!(reloaded(&left, None).workshop.session.is_none());
    }

    #[test]
    fn a_trainee_answers_every_question_and_gets_a_score() {
        let mut state = started("grace-and-retention");
        assert_eq!(state.now, t("2026-04-05T00:00:00"));
        assert!(
            state.announcement.en().starts_with("Question 1 of 5"),
            "{}",
            state.announcement.en()
        );
        let ex = session(&state).exercise.clone();
        for (i, pause) in ex.pauses.iter().enumerate() {
            assert_eq!(state.now, pause.at);
            assert_eq!(session(&state).phase, Phase::Asking);
            // Right on even questions, wrong on odd ones.
            let answer = if i % 2 == 0 {
                pause.reveal.truth
            } else {
                match pause.reveal.truth {
                    Answer::Date(d) => Answer::Date(d.succ_opt().expect("a day")),
                    Answer::State(State::Available) => Answer::State(State::Released),
                    Answer::State(_) => Answer::State(State::Available),
                    Answer::Outcome { succeeded } => Answer::Outcome {
                        succeeded: !succeeded,
                    },
                    Answer::Amount(c) => Answer::Amount(c.plus(crate::engine::Cents(1))),
                }
            };
            state = state.apply(Action::Workshop(WorkshopAction::Submit(answer)));
            assert_eq!(state.now, pause.reveal.at);
            assert_eq!(session(&state).phase, Phase::Revealed);
            let word = if i % 2 == 0 { "Correct" } else { "Incorrect" };
            assert!(
                state.announcement.en().starts_with(word),
                "{}",
                state.announcement.en()
            );
            // A second answer changes nothing.
            let again = state.apply(Action::Workshop(WorkshopAction::Submit(answer)));
            assert_eq!(session(&again).given.len(), i + 1);
            state = state.apply(Action::Workshop(WorkshopAction::Next));
        }
        assert_eq!(session(&state).phase, Phase::Finished);
        assert_eq!(session(&state).score(), 3);
        assert_eq!(state.announcement.en(), "Exercise finished. Score: 3 / 5.");
        // Finished: the clock is free.
        let moved = state.apply(Action::Reset);
        assert_ne!(moved.now, state.now);
    }

    #[test]
    fn the_clock_and_the_scenario_are_locked_during_a_question() {
        let state = started("auto-renew-retries");
        for action in [
            Action::NextEvent,
            Action::TogglePlay,
            Action::Seek(t("2026-04-19T00:00:00")),
            Action::Reset,
            Action::Undo,
            Action::Edit(scenarios::blank_doc()),
            // A what-if would show the run past the clock.
            Action::WhatIf(crate::ui::what_if_state::WhatIfAction::Compare {
                form: Default::default(),
                lang: crate::ui::i18n::Lang::En,
            }),
        ] {
            let next = state.apply(action.clone());
            assert_eq!(next.now, state.now, "{action:?}");
            assert_eq!(next.doc, state.doc, "{action:?}");
            assert!(next.what_if.current(&next.doc).is_none(), "{action:?}");
            assert!(!next.playing);
            assert!(next.announcement.en().contains("locked"), "{action:?}");
        }
        // The lanes end at the clock.
        assert!(state.workshop.locks());
        assert_eq!(state.workshop.horizon(state.now), Some(state.now));
        // Opening something else ends the session.
        let other = state.apply(Action::Load(scenarios::blank_doc()));
        assert!(other.workshop.session.is_none());
        // A file or a link that does not open keeps it, and says the work is unchanged.
        for refused in [
            Action::Import {
                file_name: "bad.json".to_string(),
                text: "{".to_string(),
            },
            Action::OpenLink("@@".to_string()),
        ] {
            let kept = state.apply(refused);
            assert_eq!(kept.workshop.session, state.workshop.session);
            assert_eq!(kept.doc, state.doc);
            assert!(kept
                .error
                .as_ref()
                .is_some_and(|e| e.en().contains("unchanged")));
        }
        // Leaving frees the clock.
        assert!(state.notice.is_some());
        let left = state.apply(Action::Workshop(WorkshopAction::Leave));
        assert!(left.workshop.session.is_none());
        assert!(
            left.notice.is_none(),
            "the notice that the exercise opened is gone"
        );
        assert_ne!(left.apply(Action::NextEvent).now, state.now);
        let compared = left.apply(Action::WhatIf(
            crate::ui::what_if_state::WhatIfAction::Compare {
                form: Default::default(),
                lang: crate::ui::i18n::Lang::En,
            },
        ));
        assert!(compared.what_if.current(&compared.doc).is_some());
    }

    #[test]
    fn a_bad_exercise_link_keeps_the_current_work() {
        let state = AppState::first_visit().apply(Action::Load(
            scenarios::entry("month-end-expiry")
                .expect("s")
                .doc()
                .expect("d"),
        ));
        let bad = state.apply(Action::Workshop(WorkshopAction::OpenLink(
            "%%%".to_string(),
        )));
        assert_eq!(bad.doc, state.doc);
        let error = bad.error.expect("an error");
        let error = error.en();
        assert!(
            error.starts_with("Could not open the exercise link"),
            "{error}"
        );
        assert!(error.contains("unchanged"), "{error}");
        let good = state.apply(Action::Workshop(WorkshopAction::OpenLink(
            exercise("month-ends").doc.encode(),
        )));
        assert!(good.workshop.session.is_some());
        assert_eq!(good.error, None);
    }

    #[test]
    fn a_trainer_is_told_when_a_reveal_shows_a_later_answer() {
        let loaded = || {
            let doc = scenarios::entry("renewed-in-retention")
                .expect("s")
                .doc()
                .expect("d");
            AppState::first_visit().apply(Action::Load(doc))
        };
        // Two state_at pause points (V3 on 03-09, V1 on 04-05 asked about 04-11 12:00), the
        // first asked about `first_asked`: what the draft list flags.
        let flagged = |first_asked: &str| {
            let mut state = loaded();
            for (clock, tier, asked) in [
                ("2026-03-09T00:00:00", "V3", first_asked),
                ("2026-04-05T00:00:00", "V1", "2026-04-11T12:00:00"),
            ] {
                let question = QuestionDoc {
                    kind: QueryKind::StateAt,
                    tier: Some(tier.to_string()),
                    resource: Some("ocr".to_string()),
                    at: Some(asked.to_string()),
                };
                state = state
                    .apply(Action::Seek(t(clock)))
                    .apply(Action::Workshop(WorkshopAction::AddPause(question)));
            }
            assert_eq!(state.workshop.draft.pauses.len(), 2);
            let sim = state.sim.as_ref().expect("a simulation");
            revealed_early(sim, &state.workshop.draft.pauses)
        };
        // The first reveal runs the clock to 04-20, past the second pause point, whose answer
        // (V1 on 04-11) is then on screen.
        assert_eq!(
            flagged("2026-04-20T00:00:00"),
            [None, Some((1, t("2026-04-20T00:00:00")))]
        );
        // A first reveal that stays before the second pause point is fine.
        assert_eq!(flagged("2026-03-20T00:00:00"), [None, None]);
    }

    #[test]
    fn a_trainer_adds_and_removes_pause_points_and_shares_them() {
        let doc = scenarios::entry("renewed-in-retention")
            .expect("s")
            .doc()
            .expect("d");
        let state = AppState::first_visit()
            .apply(Action::Load(doc))
            .apply(Action::Seek(t("2026-04-01T00:00:00")));
        assert!(draft_exercise(&state, Lang::En).is_err());
        let question = |kind, at: Option<&str>| QuestionDoc {
            kind,
            tier: Some("V1".to_string()),
            resource: Some("ocr".to_string()),
            at: at.map(str::to_string),
        };
        let state = state.apply(Action::Workshop(WorkshopAction::AddPause(question(
            QueryKind::FreezeDate,
            None,
        ))));
        assert_eq!(state.workshop.draft.pauses.len(), 1);
        let report = state.workshop.report.clone().expect("a report");
        assert!(
            report
                .en()
                .contains("On which date is ocr (tier V1) frozen next?"),
            "{report:?}"
        );
        // A question with nothing to reveal is not added, and says why.
        let refused = state.apply(Action::Workshop(WorkshopAction::AddPause(question(
            QueryKind::LastAutoRenewAttempt,
            None,
        ))));
        assert_eq!(refused.workshop.draft.pauses.len(), 1);
        let report = refused.workshop.report.clone().expect("r");
        assert!(
            report.en().starts_with("No pause point added"),
            "{report:?}"
        );
        // …in every language, the reason included, and it stays right after a language switch.
        for lang in [Lang::ZhCn, Lang::PtBr] {
            let said = report.get(lang);
            assert!(!said.contains("pause point"), "{lang:?}: {said}");
            assert_ne!(said, report.en());
        }
        // A field's problem is named by the panel's label, not the file's path.
        let late = state.apply(Action::Workshop(WorkshopAction::AddPause(question(
            QueryKind::StateAt,
            Some("2026-06-01T00:00:00"),
        ))));
        let report = late.workshop.report.clone().expect("a report");
        assert!(
            report
                .en()
                .starts_with("No pause point added: Asked time: "),
            "{report:?}"
        );
        assert!(
            report.get(Lang::PtBr).contains("Momento perguntado: "),
            "{report:?}"
        );
        assert!(!report.en().contains("question."), "{report:?}");
        // An earlier pause point goes first.
        let state = state
            .apply(Action::Seek(t("2026-03-20T00:00:00")))
            .apply(Action::Workshop(WorkshopAction::AddPause(question(
                QueryKind::StateAt,
                Some("2026-04-09T12:00:00"),
            ))));
        assert_eq!(state.workshop.draft.pauses[0].at, "2026-03-20T00:00:00");
        let shared = draft_exercise(&state, Lang::En).expect("an exercise");
        assert_eq!(
            shared.title,
            "Forgot to renew, renewed in the retention period"
        );
        let opened = Exercise::from_link(&shared.encode(), MAX_EVENTS).expect("opens");
        assert_eq!(opened.pauses.len(), 2);
        let removed = state.apply(Action::Workshop(WorkshopAction::RemovePause(0)));
        assert_eq!(removed.workshop.draft.pauses.len(), 1);
    }

    #[test]
    fn opening_another_scenario_keeps_the_draft_and_says_its_pause_points_were_for_the_one_before()
    {
        let doc = |slug| scenarios::entry(slug).expect("s").doc().expect("d");
        let drafted = AppState::first_visit()
            .apply(Action::Load(doc("renewed-in-retention")))
            .apply(Action::Seek(t("2026-04-01T00:00:00")))
            .apply(Action::Workshop(WorkshopAction::AddPause(QuestionDoc {
                kind: QueryKind::FreezeDate,
                tier: Some("V1".to_string()),
                resource: Some("ocr".to_string()),
                at: None,
            })));
        assert_eq!(drafted.workshop.draft.pauses.len(), 1);
        let other = doc("month-end-expiry");
        let note = "Your exercise draft keeps its pause points (1), added on the scenario open \
                    before";
        // From the gallery, a file or a link: the draft stays, and the notice says so.
        let opened = [
            ("gallery", drafted.apply(Action::Load(other.clone())), ""),
            (
                "import",
                drafted.apply(Action::Import {
                    file_name: "other.json".to_string(),
                    text: other.to_json(),
                }),
                "Imported other.json. ",
            ),
            (
                "link",
                drafted.apply(Action::OpenLink(crate::ui::share::encode(&other))),
                "Opened the scenario from the link. ",
            ),
        ];
        for (how, state, before) in opened {
            assert_eq!(*state.doc, other, "{how}");
            assert_eq!(state.workshop.draft, drafted.workshop.draft, "{how}");
            let notice = &state.notice.as_ref().expect("a notice").text;
            assert!(
                notice.en().starts_with(&format!("{before}{note}")),
                "{how}: {}",
                notice.en()
            );
            for lang in [Lang::ZhCn, Lang::PtBr] {
                assert!(!notice.get(lang).contains("pause points"), "{how}");
            }
        }
        // The same scenario again, or no draft: no such word.
        let same = drafted.apply(Action::Load(doc("renewed-in-retention")));
        assert!(same
            .notice
            .as_ref()
            .is_none_or(|n| !n.text.en().contains(note)));
        let without = AppState::first_visit()
            .apply(Action::Load(doc("renewed-in-retention")))
            .apply(Action::Load(other));
        assert!(without.notice.is_none());
    }

    #[test]
    fn prompts_answers_and_rules_are_translated() {
        let ex = exercise("same-instant");
        let pause = &ex.pauses[0];
        assert_eq!(
            prompt(Lang::En, &ex.scenario, &pause.query),
            "Does the next renewal of ocr (tier V3), automatic or by hand, succeed?"
        );
        assert_ne!(
            prompt(Lang::ZhCn, &ex.scenario, &pause.query),
            prompt(Lang::En, &ex.scenario, &pause.query)
        );
        for rule in RULE_NAMES {
            assert_ne!(tr(Lang::ZhCn, rule), rule, "{rule}");
            assert_ne!(tr(Lang::PtBr, rule), rule, "{rule}");
        }
        for ready in READY {
            let ex = ready.exercise(MAX_EVENTS).expect("valid");
            for text in [
                ex.doc.title.as_str(),
                ex.doc.story.as_deref().unwrap_or_default(),
            ] {
                assert_ne!(tr(Lang::ZhCn, text), text, "{text}");
                assert_ne!(tr(Lang::PtBr, text), text, "{text}");
            }
            for pause in &ex.pauses {
                assert!(pause.reveal.rules.iter().all(|r| RULE_NAMES.contains(r)));
            }
        }
    }
}
