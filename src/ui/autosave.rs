//! The autosave record kept in `localStorage`: the scenario document (valid or not), the last
//! valid one while it has errors, the clock, the trainer's draft exercise and a trainee's
//! exercise in progress.
//!
//! Pure encoding and decoding, tested natively; `hooks::use_autosave` does the storage calls.

use crate::engine::doc::{parse_json, Node, Value};
use crate::engine::{ScenarioDoc, Time};
use crate::ui::workshop_state::Draft;
use crate::workshop::exercise::{pauses_node, read_pauses};
use crate::workshop::query::Answer;

/// The `localStorage` key of the autosave record.
pub const AUTOSAVE_KEY: &str = "renewal-lab/autosave";

/// The record's format tag.
pub const AUTOSAVE_FORMAT: &str = "renewal-lab-autosave/1";

/// A restored autosave.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The document as it was last edited (it may break rules of the format).
    pub doc: ScenarioDoc,
    /// The virtual clock.
    pub now: Time,
    /// The trainer's draft exercise (empty when there is none).
    pub draft: Draft,
    /// The trainee's exercise in progress, if one was open.
    pub trainee: Option<Trainee>,
    /// While `doc` has errors: the last valid scenario, whose simulation stays on screen.
    pub valid: Option<ScenarioDoc>,
}

/// A trainee's exercise in progress, restored by replaying the answers on the exercise
/// (`workshop_state::resume`), so a reload neither loses the progress nor shows the run past
/// the question's pause point.
#[derive(Clone, Debug, PartialEq)]
pub struct Trainee {
    /// The exercise file's JSON text.
    pub exercise: String,
    /// The answers given, in order.
    pub answers: Vec<Answer>,
    /// Whether the last answer's truth is on screen ("Next question" not pressed yet).
    pub revealed: bool,
}

/// The record's JSON text for `doc` with the clock at `now`, the trainer's `draft` and the
/// `trainee`'s exercise: `{"format":"renewal-lab-autosave/1","scenario":{…},"now":"<local time>"}`,
/// `"workshop":{"title":…,"pauses":[…]}` when there is a draft, and
/// `"exercise":{"file":"<exercise JSON>","answers":["state:frozen",…],"revealed":true}` while an
/// exercise is open, and `"valid":{…}`, the last `valid` scenario, while `doc` has errors.
pub fn encode(
    doc: &ScenarioDoc,
    now: Time,
    draft: &Draft,
    trainee: Option<&Trainee>,
    valid: Option<&ScenarioDoc>,
) -> String {
    let workshop = (!draft.is_empty()).then(|| {
        Value::obj(vec![
            ("title", Some(Value::str(&draft.title))),
            ("pauses", Some(pauses_node(&draft.pauses))),
        ])
    });
    let record = Value::obj(vec![
        ("format", Some(Value::str(AUTOSAVE_FORMAT))),
        ("scenario", Some(doc.to_node())),
        ("now", Some(Value::str(&now.local_string()))),
        ("workshop", workshop),
        ("exercise", trainee.map(trainee_node)),
        ("valid", valid.map(ScenarioDoc::to_node)),
    ]);
    crate::engine::doc::write_json(&record, false)
}

/// The `exercise` part of a record.
fn trainee_node(trainee: &Trainee) -> Node {
    let answers = trainee
        .answers
        .iter()
        .map(|answer| Value::str(&answer.to_text()))
        .collect();
    Value::obj(vec![
        ("file", Some(Value::str(&trainee.exercise))),
        ("answers", Some(Value::list(answers))),
        ("revealed", Some(Value::of(Value::Bool(trainee.revealed)))),
    ])
}

/// Reads the `exercise` part of a record.
fn read_trainee(node: &Node) -> Result<Trainee, String> {
    let Some(Value::Str(exercise)) = node.get("file").map(|n| &n.v) else {
        return Err("its exercise has no file".to_string());
    };
    let Some(Value::List(items)) = node.get("answers").map(|n| &n.v) else {
        return Err("its exercise has no list of answers".to_string());
    };
    let answers = items
        .iter()
        .map(|item| match &item.v {
            Value::Str(text) => Answer::from_text(text),
            _ => None,
        })
        .collect::<Option<Vec<Answer>>>()
        .ok_or_else(|| "its exercise has an unreadable answer".to_string())?;
    let Some(Value::Bool(revealed)) = node.get("revealed").map(|n| &n.v) else {
        return Err("its exercise does not say whether an answer is revealed".to_string());
    };
    Ok(Trainee {
        exercise: exercise.clone(),
        answers,
        revealed: *revealed,
    })
}

/// The `workshop` part of a record.
fn read_draft(node: &Node) -> Result<Draft, String> {
    let title = match node.get("title").map(|n| &n.v) {
        Some(Value::Str(title)) => title.clone(),
        None => String::new(),
        Some(_) => return Err("its workshop title is not text".to_string()),
    };
    let pauses = match node.get("pauses") {
        Some(pauses) => read_pauses("workshop.pauses", pauses).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    Ok(Draft { title, pauses })
}

/// Reads a record, saying in words what is wrong with a corrupt one.
pub fn decode(text: &str) -> Result<Saved, String> {
    let not_saved = |why: String| format!("it is not a saved session ({why})");
    let root = parse_json(text)
        .map_err(|e| not_saved(format!("{} at line {} column {}", e.what, e.line, e.column)))?;
    let Value::Obj(entries) = &root.v else {
        return Err(not_saved("not an object".to_string()));
    };
    if let Some((key, _)) = entries.iter().find(|(k, _)| {
        !["format", "scenario", "now", "workshop", "exercise", "valid"].contains(&k.as_str())
    }) {
        return Err(not_saved(format!("unknown field `{key}`")));
    }
    let text_field = |key: &str| match root.get(key) {
        Some(Node {
            v: Value::Str(s), ..
        }) => Ok(s.as_str()),
        _ => Err(not_saved(format!("no text field `{key}`"))),
    };
    let format = text_field("format")?;
    let now = text_field("now")?;
    let scenario = root
        .get("scenario")
        .ok_or_else(|| not_saved("missing field `scenario`".to_string()))?;
    let doc = ScenarioDoc::from_node(text, scenario).map_err(|e| not_saved(e.to_string()))?;
    if format != AUTOSAVE_FORMAT {
        return Err(format!("its format {format:?} is not {AUTOSAVE_FORMAT:?}"));
    }
    let now = Time::parse_local(now).map_err(|error| format!("its clock: {error}"))?;
    let draft = match root.get("workshop") {
        Some(node) => read_draft(node).map_err(not_saved)?,
        None => Draft::default(),
    };
    let trainee = root
        .get("exercise")
        .map(read_trainee)
        .transpose()
        .map_err(not_saved)?;
    let valid = match root.get("valid") {
        Some(node) => {
            Some(ScenarioDoc::from_node(text, node).map_err(|e| not_saved(e.to_string()))?)
        }
        None => None,
    };
    Ok(Saved {
        doc,
        now,
        draft,
        trainee,
        valid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWICE: &str = include_str!("../../scenarios/auto-renew-twice.json");

    #[test]
    fn a_session_round_trips() {
        let doc = ScenarioDoc::from_json(TWICE).expect("gallery scenario parses");
        let now = Time::parse_local("2026-02-12T03:00:00").expect("a time");
        let saved = decode(&encode(&doc, now, &Draft::default(), None, None)).expect("decodes");
        assert_eq!(
            saved,
            Saved {
                doc: doc.clone(),
                now,
                draft: Draft::default(),
                trainee: None,
                valid: None,
            }
        );
        // With a trainer's draft.
        let draft = Draft {
            title: "When does it freeze?".to_string(),
            pauses: crate::workshop::READY[0]
                .exercise(crate::ui::sim::MAX_EVENTS)
                .expect("valid")
                .doc
                .pauses,
        };
        let saved = decode(&encode(&doc, now, &draft, None, None)).expect("decodes");
        assert_eq!(
            saved,
            Saved {
                doc: doc.clone(),
                now,
                draft: draft.clone(),
                trainee: None,
                valid: None,
            }
        );
        // With a trainee's exercise in progress.
        let trainee = Trainee {
            exercise: crate::workshop::READY[0].json.to_string(),
            answers: vec![
                Answer::State(crate::engine::State::Frozen),
                Answer::Outcome { succeeded: false },
            ],
            revealed: true,
        };
        let saved = decode(&encode(&doc, now, &draft, Some(&trainee), None)).expect("decodes");
        assert_eq!(saved.trainee, Some(trainee));
    }

    #[test]
    fn an_invalid_document_is_kept_as_edited_with_the_last_valid_one() {
        let valid = ScenarioDoc::from_json(TWICE).expect("gallery scenario parses");
        let mut doc = valid.clone();
        doc.until = "not a time".to_string();
        let now = Time::parse_local("2026-02-12T03:00:00").expect("a time");
        let saved =
            decode(&encode(&doc, now, &Draft::default(), None, Some(&valid))).expect("decodes");
        assert_eq!((saved.doc, saved.valid), (doc, Some(valid)));
    }

    #[test]
    fn corrupt_records_are_refused_with_a_reason() {
        let doc = ScenarioDoc::from_json(TWICE).expect("gallery scenario parses");
        let good = encode(&doc, Time::from_secs(0), &Draft::default(), None, None);
        // record text, expected reason fragment
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "not a saved session"),
            ("{".to_string(), "not a saved session"),
            ("[1,2]".to_string(), "not a saved session"),
            (
                r#"{"format":"renewal-lab-autosave/1","now":"2026-01-01T00:00:00"}"#.to_string(),
                "scenario",
            ),
            (good.replace(AUTOSAVE_FORMAT, "other/9"), "other/9"),
            (
                good.replace("1970-01-01T00:00:00", "yesterday"),
                "its clock",
            ),
            (
                good.replace(r#""now""#, r#""workshop":{"pauses":3},"now""#),
                "workshop.pauses",
            ),
            (
                good.replace(
                    r#""now""#,
                    r#""exercise":{"file":"{}","answers":["state:gone"],"revealed":false},"now""#,
                ),
                "unreadable answer",
            ),
            (
                good.replace(
                    r#""now""#,
                    r#""exercise":{"answers":[],"revealed":false},"now""#,
                ),
                "no file",
            ),
        ];
        for (text, reason) in cases {
            let error = decode(&text).expect_err(&text);
            assert!(error.contains(reason), "{text:?}: {error}");
        }
    }
}
