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
