//! Workshop mode, the pure part: exercises (a scenario, a title and ordered pause points, each with
//! a question) and the truth of every question, computed from the engine's trace — never written
//! down by hand.
//!
//! A question is a typed [`Query`]; [`Query::reveal`] gives its [`Reveal`]: the true answer, the
//! instant the clock runs to in order to show it, the event that decided it and the rules (sections
//! of `lifecycle-rules.md`) behind that event. No browser imports here; the app's side is
//! `ui::workshop_state` and `ui::components::workshop`.

pub mod exercise;
pub mod query;

pub use exercise::{Exercise, ExerciseDoc, Pause, PauseDoc, ReadyExercise, READY};
pub use query::{Answer, Query, QueryKind, QuestionDoc, Reveal};

use crate::engine::{Time, Trace};

/// `trace` as a trainee may see it at `t`: the events up to `t`, statuses without their forecasts
/// (next attempt, next change) and the run ending at `t`, so nothing after the clock is drawn,
/// logged or counted down.
pub fn known_until(trace: &Trace, t: Time) -> Trace {
    let t = t.clamp(trace.start, trace.until.max(trace.start));
    let mut known = trace.clone();
    known
        .events
        .truncate(trace.events.partition_point(|e| e.at <= t));
    for history in &mut known.history {
        history.truncate(history.partition_point(|(at, _)| *at <= t));
        for (_, status) in history.iter_mut() {
            status.next_attempt = None;
            status.next_change = None;
        }
    }
    known
        .balances
        .truncate(known.balances.partition_point(|(at, _)| *at <= t));
    known.until = t;
    known.hides_future = true;
    known
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{simulate, Scenario};

    #[test]
    fn the_known_trace_stops_at_the_clock_and_forecasts_nothing() {
        let scenario = Scenario::from_json(include_str!("../scenarios/renewed-in-retention.json"))
            .expect("ok");
        let trace = simulate(&scenario);
        let t = Time::parse_local("2026-04-09T12:00:00").expect("time");
        let known = known_until(&trace, t);
        assert_eq!(known.until, t);
        assert!(known.hides_future && !trace.hides_future);
        assert_eq!(known.events, trace.events_until(t));
        let status = known.status_at(0, t).expect("bought");
        assert_eq!(status.state, trace.status_at(0, t).expect("bought").state);
        assert_eq!((status.next_attempt, status.next_change), (None, None));
        assert_eq!(known.balance_at(t), trace.balance_at(t));
        assert_eq!(known.next_event_after(t), None);
    }
}
