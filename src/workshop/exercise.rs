//! Exercise documents (`renewal-lab-exercise/1`): a scenario document, a title, a one-line story
//! and ordered pause points, each with a question. Parsed with every problem named by its JSON
//! path, like scenarios; shared by `#exercise=<base64url>` links, like `#scenario=` ones.

use super::query::{Answer, Query, QueryKind, QuestionDoc, Reveal};
use crate::engine::doc::{
    invalid_json_type, json_join, json_object, one_of, parse_json, write_json, Node, Value,
};
use crate::engine::simulate::{simulate_all_tiers_within, too_many_events};
use crate::engine::{FieldError, Scenario, ScenarioDoc, Time, Trace};
use crate::explain;
use crate::link::{self, PayloadError};
use std::fmt;

/// The format tag every exercise carries.
pub const FORMAT: &str = "renewal-lab-exercise/1";

/// What precedes the encoded exercise in a link's fragment.
pub const FRAGMENT_PREFIX: &str = "#exercise=";

/// The most pause points an exercise may have.
pub const MAX_PAUSES: usize = 50;

/// The longest title or story.
pub const MAX_TEXT_CHARS: usize = 200;

/// The longest encoded exercise a link may carry.
pub use crate::link::MAX_ENCODED_CHARS;

/// A pause point as written: when the clock stops, and what is asked there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PauseDoc {
    /// Local time of the pause.
    pub at: String,
    /// The question.
    pub question: QuestionDoc,
}

/// An exercise document as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExerciseDoc {
    /// Must be `renewal-lab-exercise/1`.
    pub format: String,
    /// The exercise's title.
    pub title: String,
    /// What happens, in one line.
    pub story: Option<String>,
    /// The scenario played.
    pub scenario: ScenarioDoc,
    /// The pause points, in time order.
    pub pauses: Vec<PauseDoc>,
}

/// One validated pause point with its question's truth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pause {
    /// When the clock stops.
    pub at: Time,
    /// What is asked.
    pub query: Query,
    /// The truth and how it is shown.
    pub reveal: Reveal,
    /// The answers offered (empty for a date question).
    pub choices: Vec<Answer>,
}

/// A validated exercise: its document, its scenario and every pause point's truth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exercise {
    /// The document as written.
    pub doc: ExerciseDoc,
    /// The validated scenario.
    pub scenario: Scenario,
    /// The pause points, in order.
    pub pauses: Vec<Pause>,
    /// The scenario's trace for every tier of its policy (policy order), which the truths were
    /// read from.
    pub traces: Vec<Trace>,
}

impl Exercise {
    /// The trace of `tier` (a tier of the policy).
    pub fn trace(&self, tier: &str) -> Option<&Trace> {
        self.traces.iter().find(|t| t.tier == tier)
    }
}

type Read<T> = Result<T, FieldError>;

/// The value at `path` is of the wrong JSON type.
fn invalid_type(path: &str, v: &Node, expected: &str) -> FieldError {
    invalid_json_type("exercise", path, v, expected)
}

/// [`json_object`] for a struct of the exercise format.
fn object(
    path: &str,
    v: &Node,
    what: &str,
    names: &[&str],
    required: u32,
    read: impl FnMut(usize, &Node, &str) -> Read<()>,
) -> Read<()> {
    json_object("exercise", path, v, what, names, required, read)
}

fn string(path: &str, v: &Node) -> Read<String> {
    match &v.v {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(invalid_type(path, v, "a string")),
    }
}

fn opt_string(path: &str, v: &Node) -> Read<Option<String>> {
    match v.v {
        Value::Null => Ok(None),
        _ => string(path, v).map(Some),
    }
}

fn question(path: &str, v: &Node) -> Read<QuestionDoc> {
    let mut kind = None;
    let (mut tier, mut resource, mut at) = (None, None, None);
    object(
        path,
        v,
        "struct QuestionDoc",
        &["kind", "tier", "resource", "at"],
        0b1,
        |i, v, path| {
            match i {
                0 => {
                    let name = string(path, v)?;
                    let names = QueryKind::ALL.map(QueryKind::as_str);
                    let found = QueryKind::ALL.into_iter().find(|k| k.as_str() == name);
                    kind = Some(found.ok_or_else(|| {
                        FieldError::new(
                            path,
                            format!("unknown variant `{name}`, expected {}", one_of(&names)),
                        )
                    })?);
                }
                1 => tier = opt_string(path, v)?,
                2 => resource = opt_string(path, v)?,
                _ => at = opt_string(path, v)?,
            }
            Ok(())
        },
    )?;
    Ok(QuestionDoc {
        kind: kind.unwrap_or(QueryKind::StateAt),
        tier,
        resource,
        at,
    })
}

fn pause(path: &str, v: &Node) -> Read<PauseDoc> {
    let (mut at, mut asked) = (String::new(), None);
    object(
        path,
        v,
        "struct PauseDoc",
        &["at", "question"],
        0b11,
        |i, v, path| {
            if i == 0 {
                at = string(path, v)?;
            } else {
                asked = Some(question(path, v)?);
            }
            Ok(())
        },
    )?;
    let question = asked
        .ok_or_else(|| FieldError::new(json_join(path, "question"), "missing field (required)"))?;
    Ok(PauseDoc { at, question })
}

/// A list of pause points at `path` (an exercise's `pauses`, or a trainer's draft).
pub(crate) fn read_pauses(path: &str, v: &Node) -> Read<Vec<PauseDoc>> {
    let Value::List(items) = &v.v else {
        return Err(invalid_type(path, v, "a sequence"));
    };
    items
        .iter()
        .enumerate()
        .map(|(n, item)| pause(&format!("{path}[{n}]"), item))
        .collect()
}

/// Pause points as written in an exercise's `pauses`.
pub(crate) fn pauses_node(pauses: &[PauseDoc]) -> Node {
    let pauses = pauses
        .iter()
        .map(|p| {
            Value::obj(vec![
                ("at", Some(Value::str(&p.at))),
                ("question", Some(p.question.to_node())),
            ])
        })
        .collect();
    Value::list(pauses)
}

impl QuestionDoc {
    fn to_node(&self) -> Node {
        let s = |t: &Option<String>| t.as_deref().map(Value::str);
        Value::obj(vec![
            ("kind", Some(Value::str(self.kind.as_str()))),
            ("tier", s(&self.tier)),
            ("resource", s(&self.resource)),
            ("at", s(&self.at)),
        ])
    }
}

impl ExerciseDoc {
    /// Reads a document, naming the JSON path (or line and column) of any problem.
    pub fn from_json(text: &str) -> Result<ExerciseDoc, FieldError> {
        let text = crate::engine::doc::without_bom(text);
        let root = parse_json(text).map_err(|e| crate::engine::doc::syntax(text, e))?;
        if !matches!(root.v, Value::Obj(_)) {
            return Err(FieldError::new(
                "exercise",
                "expected an exercise object { \"format\": \"renewal-lab-exercise/1\", ... }",
            ));
        }
        // A scenario given where an exercise was expected (a `#scenario=` payload pasted after
        // `#exercise=`): said as such, not as the first of its fields an exercise lacks.
        let format_node = root.get("format").map(|node| &node.v);
        if matches!(format_node, Some(Value::Str(f)) if f == crate::engine::doc::FORMAT) {
            return Err(FieldError::new(
                "format",
                "this is a scenario, not an exercise: open it as a scenario (#scenario= or Import)",
            ));
        }
        let (mut format, mut title, mut story) = (String::new(), String::new(), None);
        let (mut scenario, mut pauses) = (None, Vec::new());
        object(
            "",
            &root,
            "struct ExerciseDoc",
            &["format", "title", "story", "scenario", "pauses"],
            0b11011,
            |i, v, path| {
                match i {
                    0 => format = string(path, v)?,
                    1 => title = string(path, v)?,
                    2 => story = opt_string(path, v)?,
                    3 => {
                        let doc = ScenarioDoc::from_node(text, v).map_err(|error| {
                            // A syntax error's "line L column C" counts in the exercise's own
                            // text, and is not a path inside the scenario.
                            let path = match error.path.as_str() {
                                "scenario" => "scenario".to_string(),
                                at if at.starts_with("line ") => at.to_string(),
                                inner => format!("scenario.{inner}"),
                            };
                            FieldError::new(path, error.message)
                        })?;
                        scenario = Some(doc);
                    }
                    _ => pauses = read_pauses(path, v)?,
                }
                Ok(())
            },
        )?;
        let scenario =
            scenario.ok_or_else(|| FieldError::new("scenario", "missing field (required)"))?;
        Ok(ExerciseDoc {
            format,
            title,
            story,
            scenario,
            pauses,
        })
    }

    fn to_node(&self) -> Node {
        let pauses = pauses_node(&self.pauses);
        Value::obj(vec![
            ("format", Some(Value::str(&self.format))),
            ("title", Some(Value::str(&self.title))),
            ("story", self.story.as_deref().map(Value::str)),
            ("scenario", Some(self.scenario.to_node())),
            ("pauses", Some(pauses)),
        ])
    }

    /// Pretty JSON text of this document.
    pub fn to_json(&self) -> String {
        write_json(&self.to_node(), true)
    }

    /// The base64url (no padding) of the compact JSON, as `#exercise=` links carry it.
    pub fn encode(&self) -> String {
        link::encode(write_json(&self.to_node(), false))
    }

    /// The fragment `#exercise=…` that opens this exercise.
    pub fn fragment(&self) -> String {
        format!("{FRAGMENT_PREFIX}{}", self.encode())
    }
}

impl Exercise {
    /// Parses and validates exercise JSON (see [`Exercise::from_doc`]); every problem found is
    /// returned.
    pub fn from_json(text: &str, max_events: usize) -> Result<Exercise, Vec<FieldError>> {
        Exercise::from_doc(
            ExerciseDoc::from_json(text).map_err(|e| vec![e])?,
            max_events,
        )
    }

    /// Validates a document: its scenario, and every pause point's time and question, which must
    /// have a truth revealed after the pause point. The truths come from simulating every tier,
    /// which is refused past `max_events` events over all of them (the app's bound, so that an
    /// exercise it cannot open is refused before any work; `usize::MAX` for none).
    pub fn from_doc(doc: ExerciseDoc, max_events: usize) -> Result<Exercise, Vec<FieldError>> {
        let mut errors = Vec::new();
        if doc.format != FORMAT {
            errors.push(FieldError::new(
                "format",
                format!("{:?} is not {FORMAT:?}", doc.format),
            ));
        }
        for (path, text) in [("title", Some(&doc.title)), ("story", doc.story.as_ref())] {
            let Some(text) = text else { continue };
            let chars = text.chars().count();
            if path == "title" && text.trim().is_empty() {
                errors.push(FieldError::new(path, "must not be empty"));
            } else if chars > MAX_TEXT_CHARS {
                errors.push(FieldError::new(
                    path,
                    format!("is {chars} characters long; at most {MAX_TEXT_CHARS}"),
                ));
            }
        }
        let scenario = match Scenario::from_doc(&doc.scenario) {
            Ok(scenario) => scenario,
            Err(found) => {
                errors.extend(
                    found
                        .into_iter()
                        .map(|e| FieldError::new(format!("scenario.{}", e.path), e.message)),
                );
                return Err(errors);
            }
        };
        if doc.pauses.is_empty() {
            errors.push(FieldError::new(
                "pauses",
                "an exercise needs at least one pause point",
            ));
        } else if doc.pauses.len() > MAX_PAUSES {
            errors.push(FieldError::new(
                "pauses",
                format!("{} pause points; at most {MAX_PAUSES}", doc.pauses.len()),
            ));
        }
        let Some(traces) = simulate_all_tiers_within(&scenario, max_events) else {
            let error = too_many_events(max_events);
            errors.push(FieldError::new(
                format!("scenario.{}", error.path),
                error.message,
            ));
            return Err(errors);
        };
        let mut pauses = Vec::new();
        let mut previous: Option<Time> = None;
        for (i, pause) in doc.pauses.iter().enumerate().take(MAX_PAUSES) {
            let path = format!("pauses[{i}]");
            let at = match Time::parse_local(&pause.at) {
                Ok(at) if at < scenario.start() || at > scenario.until => {
                    errors.push(FieldError::new(
                        format!("{path}.at"),
                        format!(
                            "{} is outside the run ({} to {})",
                            explain::when(at),
                            explain::when(scenario.start()),
                            explain::when(scenario.until)
                        ),
                    ));
                    continue;
                }
                Ok(at) if previous.is_some_and(|p| at < p) => {
                    errors.push(FieldError::new(
                        format!("{path}.at"),
                        "comes before the previous pause point; pause points are in time order",
                    ));
                    continue;
                }
                Ok(at) => at,
                Err(error) => {
                    errors.push(FieldError::new(format!("{path}.at"), error));
                    continue;
                }
            };
            previous = Some(at);
            let question_path = format!("{path}.question");
            let query = match Query::from_doc(&pause.question, &scenario, &question_path) {
                Ok(query) => query,
                Err(found) => {
                    errors.extend(found);
                    continue;
                }
            };
            // `Query::from_doc` has checked that the tier is one of the policy's.
            let Some(trace) = traces.iter().find(|t| t.tier == query.tier) else {
                continue;
            };
            match query.reveal(&scenario, trace, at) {
                Ok(reveal) => {
                    let choices = query.choices(trace, &reveal);
                    pauses.push(Pause {
                        at,
                        query,
                        reveal,
                        choices,
                    });
                }
                Err(reason) => errors.push(FieldError::new(
                    question_path,
                    format!("has no answer to reveal: {reason}"),
                )),
            }
        }
        if errors.is_empty() {
            Ok(Exercise {
                doc,
                scenario,
                pauses,
                traces,
            })
        } else {
            Err(errors)
        }
    }

    /// Reads the payload of an `#exercise=` link; a bad one says which step failed.
    /// `max_events` as for [`Exercise::from_doc`].
    pub fn from_link(payload: &str, max_events: usize) -> Result<Exercise, ExerciseLinkError> {
        let text = link::decode(payload).map_err(ExerciseLinkError::Payload)?;
        Exercise::from_json(&text, max_events).map_err(ExerciseLinkError::Invalid)
    }
}

/// Why an `#exercise=` link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExerciseLinkError {
    /// The payload after `#exercise=` is not base64url text (see [`PayloadError`]).
    Payload(PayloadError),
    /// The text is not a valid exercise: its problems, in file order.
    Invalid(Vec<FieldError>),
}

impl fmt::Display for ExerciseLinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExerciseLinkError::Payload(error) => f.write_str(&error.describe("exercise")),
            ExerciseLinkError::Invalid(errors) => {
                f.write_str(&link::describe_invalid("exercise", errors))
            }
        }
    }
}

/// The encoded exercise in a `location.hash`, or `None` when the hash is not an exercise link.
pub fn payload_of(hash: &str) -> Option<&str> {
    hash.strip_prefix(FRAGMENT_PREFIX)
}

/// One ready exercise, built into the app from `exercises/<slug>.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadyExercise {
    /// The file name without `.json`; also the item's `data-exercise`.
    pub slug: &'static str,
    /// The file's text.
    pub json: &'static str,
}

impl ReadyExercise {
    /// The validated exercise (`max_events` as for [`Exercise::from_doc`]).
    pub fn exercise(&self, max_events: usize) -> Result<Exercise, Vec<FieldError>> {
        Exercise::from_json(self.json, max_events)
    }
}

/// The ready exercises, in the order the gallery lists them.
pub const READY: [ReadyExercise; 7] = [
    ReadyExercise {
        slug: "grace-and-retention",
        json: include_str!("../../exercises/grace-and-retention.json"),
    },
    ReadyExercise {
        slug: "auto-renew-retries",
        json: include_str!("../../exercises/auto-renew-retries.json"),
    },
    ReadyExercise {
        slug: "month-ends",
        json: include_str!("../../exercises/month-ends.json"),
    },
    ReadyExercise {
        slug: "one-balance-two-packages",
        json: include_str!("../../exercises/one-balance-two-packages.json"),
    },
    ReadyExercise {
        slug: "pay-per-use-arrears",
        json: include_str!("../../exercises/pay-per-use-arrears.json"),
    },
    ReadyExercise {
        slug: "same-instant",
        json: include_str!("../../exercises/same-instant.json"),
    },
    ReadyExercise {
        slug: "refused-acts",
        json: include_str!("../../exercises/refused-acts.json"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(slug: &str) -> &'static ReadyExercise {
        READY
            .iter()
            .find(|r| r.slug == slug)
            .expect("a ready exercise")
    }

    #[test]
    fn a_ready_exercise_round_trips_through_a_link() {
        let exercise = ready("grace-and-retention")
            .exercise(usize::MAX)
            .expect("valid");
        let fragment = exercise.doc.fragment();
        let payload = payload_of(&fragment).expect("an exercise fragment");
        assert!(payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(Exercise::from_link(payload, usize::MAX), Ok(exercise));
        assert_eq!(payload_of("#scenario=abc"), None);
    }

    #[test]
    fn bad_exercises_name_the_json_path() {
        let good: serde_json::Value =
            serde_json::from_str(ready("grace-and-retention").json).expect("json");
        let with = |pointer: &str, value: serde_json::Value| {
            let mut v = good.clone();
            let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
            match v.pointer_mut(parent).expect(pointer) {
                serde_json::Value::Object(map) => {
                    map.insert(key.to_string(), value);
                }
                serde_json::Value::Array(list) => {
                    list[key.parse::<usize>().expect("an index")] = value;
                }
                _ => panic!("{pointer}"),
            }
            v.to_string()
        };
        let without = |key: &str| {
            let mut v = good.clone();
            v.as_object_mut().expect("object").remove(key);
            v.to_string()
        };
        use serde_json::json;
        // text, expected path
        let cases = [
            ("[]".to_string(), "exercise"),
            ("{ nope".to_string(), "line 1 column 3"),
            (without("title"), "title"),
            (with("/format", json!("renewal-lab/1")), "format"),
            (with("/title", json!("  ")), "title"),
            (with("/colour", json!("red")), "colour"),
            (
                with("/scenario/resources/0/term", json!("13m")),
                "scenario.resources[0].term",
            ),
            (with("/scenario/tier", json!(5)), "scenario.tier"),
            (with("/pauses", json!([])), "pauses"),
            (
                with("/pauses/0/at", json!("2020-01-01T00:00:00")),
                "pauses[0].at",
            ),
            (
                with("/pauses/1/at", json!("2026-03-08T10:00:00")),
                "pauses[1].at",
            ),
            (
                with("/pauses/0/question/kind", json!("colour_at")),
                "pauses[0].question.kind",
            ),
            (
                with("/pauses/0/question/tier", json!("V9")),
                "pauses[0].question.tier",
            ),
            (
                with("/pauses/0/question/colour", json!(1)),
                "pauses[0].question.colour",
            ),
            (
                with("/pauses/0/question/at", json!("2026-03-08T10:00:00")),
                "pauses[0].question",
            ),
        ];
        for (text, path) in cases {
            let errors = Exercise::from_json(&text, usize::MAX).expect_err(path);
            assert_eq!(errors[0].path, path, "{errors:?}");
        }
        // A billing mode written as an empty object is named by its path in the scenario.
        let text = with("/scenario/resources/0/billing", json!({}));
        let errors = Exercise::from_json(&text, usize::MAX).expect_err("an empty variant");
        assert_eq!(
            errors[0].path, "scenario.resources[0].billing",
            "{errors:?}"
        );
        // A syntax error inside the scenario (a number no number type holds) is placed by line
        // and column in the exercise's text, which is not a path inside the scenario.
        let text =
            with("/scenario/balance", json!(0)).replace(r#""balance":0"#, r#""balance":1e400"#);
        let errors = Exercise::from_json(&text, usize::MAX).expect_err("a huge number");
        let at = text.find("1e400").expect("written") + "1e400".len();
        assert_eq!(errors[0].path, format!("line 1 column {at}"), "{errors:?}");
    }

    #[test]
    fn malformed_links_say_what_is_wrong() {
        // payload, expected message fragment
        let cases = [
            ("", "no exercise"),
            ("not*base64!", "not base64url"),
            (&link::encode([0xff, 0xfe]), "does not decode to text"),
            (&link::encode("{ nope"), "not valid JSON"),
            (
                &link::encode(r#"{"format":"renewal-lab-exercise/1"}"#),
                "title",
            ),
            // A scenario's link given as an exercise's.
            (
                &link::encode(r#"{"format":"renewal-lab/1","name":"x","resources":[]}"#),
                "format: this is a scenario, not an exercise",
            ),
        ];
        for (payload, expected) in cases {
            let error = Exercise::from_link(payload, usize::MAX)
                .expect_err(payload)
                .to_string();
            assert!(error.contains(expected), "{payload:?}: {error}");
        }
    }
}
