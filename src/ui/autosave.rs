//! The autosave record kept in `localStorage`: the scenario document (valid or not) plus the clock.
//!
//! Pure encoding and decoding, tested natively; `hooks::use_autosave` does the storage calls.

use crate::engine::{ScenarioDoc, Time};
use serde::{Deserialize, Serialize};

/// The `localStorage` key of the autosave record.
pub const AUTOSAVE_KEY: &str = "renewal-lab/autosave";

/// The record's format tag.
pub const AUTOSAVE_FORMAT: &str = "renewal-lab-autosave/1";

/// What is saved: the document exactly as edited and the clock's local time.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    format: String,
    scenario: ScenarioDoc,
    now: String,
}

/// A restored autosave.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The document as it was last edited (it may break rules of the format).
    pub doc: ScenarioDoc,
    /// The virtual clock.
    pub now: Time,
}

/// A [`Record`] to write, borrowing the document (saving never copies it).
#[derive(Serialize)]
struct RecordRef<'a> {
    format: &'a str,
    scenario: &'a ScenarioDoc,
    now: String,
}

/// The record's JSON text for `doc` with the clock at `now`.
pub fn encode(doc: &ScenarioDoc, now: Time) -> String {
    let record = RecordRef {
        format: AUTOSAVE_FORMAT,
        scenario: doc,
        now: now.local_string(),
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// Reads a record, saying in words what is wrong with a corrupt one.
pub fn decode(text: &str) -> Result<Saved, String> {
    let record: Record = serde_json::from_str(text)
        .map_err(|error| format!("it is not a saved session ({error})"))?;
    if record.format != AUTOSAVE_FORMAT {
        return Err(format!(
            "its format {:?} is not {AUTOSAVE_FORMAT:?}",
            record.format
        ));
    }
    let now = Time::parse_local(&record.now).map_err(|error| format!("its clock: {error}"))?;
    Ok(Saved {
        doc: record.scenario,
        now,
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
