//! The autosave record kept in `localStorage`: the scenario document (valid or not) plus the clock.
//!
//! Pure encoding and decoding, tested natively; `hooks::use_autosave` does the storage calls.

use crate::engine::doc::{parse_json, Node, Value};
use crate::engine::{ScenarioDoc, Time};

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
}

/// The record's JSON text for `doc` with the clock at `now`:
/// `{"format":"renewal-lab-autosave/1","scenario":{…},"now":"<local time>"}`.
pub fn encode(doc: &ScenarioDoc, now: Time) -> String {
    let record = Value::obj(vec![
        ("format", Some(Value::str(AUTOSAVE_FORMAT))),
        ("scenario", Some(doc.to_node())),
        ("now", Some(Value::str(&now.local_string()))),
    ]);
    crate::engine::doc::write_json(&record, false)
}

/// Reads a record, saying in words what is wrong with a corrupt one.
pub fn decode(text: &str) -> Result<Saved, String> {
    let not_saved = |why: String| format!("it is not a saved session ({why})");
    let root = parse_json(text)
        .map_err(|e| not_saved(format!("{} at line {} column {}", e.what, e.line, e.column)))?;
    let Value::Obj(entries) = &root.v else {
        return Err(not_saved("not an object".to_string()));
    };
    if let Some((key, _)) = entries
        .iter()
        .find(|(k, _)| !["format", "scenario", "now"].contains(&k.as_str()))
    {
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
    Ok(Saved { doc, now })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWICE: &str = include_str!("../../scenarios/auto-renew-twice.json");

    #[test]
    fn a_session_round_trips() {
        let doc = ScenarioDoc::from_json(TWICE).expect("gallery scenario parses");
        let now = Time::parse_local("2026-02-12T03:00:00").expect("a time");
        let saved = decode(&encode(&doc, now)).expect("decodes");
        assert_eq!(saved, Saved { doc, now });
    }

    #[test]
    fn an_invalid_document_is_kept_as_edited() {
        let mut doc = ScenarioDoc::from_json(TWICE).expect("gallery scenario parses");
        doc.until = "not a time".to_string();
        let now = Time::parse_local("2026-02-12T03:00:00").expect("a time");
        assert_eq!(decode(&encode(&doc, now)).map(|s| s.doc), Ok(doc));
    }

    #[test]
    fn corrupt_records_are_refused_with_a_reason() {
        let doc = ScenarioDoc::from_json(TWICE).expect("gallery scenario parses");
        let good = encode(&doc, Time::from_secs(0));
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
        ];
        for (text, reason) in cases {
            let error = decode(&text).expect_err(&text);
            assert!(error.contains(reason), "{text:?}: {error}");
        }
    }
}
