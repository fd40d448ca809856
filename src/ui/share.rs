//! Share links: the scenario document as base64url (no padding) after `#scenario=` in the address.
//!
//! Pure functions, tested natively; the browser side only reads and writes `location`.

use crate::engine::{FieldError, Scenario, ScenarioDoc};
use crate::link::{self, PayloadError};
use std::fmt;

/// What precedes the encoded scenario in a share link's fragment.
pub const FRAGMENT_PREFIX: &str = "#scenario=";

/// The longest encoded scenario a link may carry.
pub use crate::link::MAX_ENCODED_CHARS;

/// Why a share link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The payload after `#scenario=` is not base64url text (see [`PayloadError`]).
    Payload(PayloadError),
    /// The text is not a scenario document (bad JSON or unknown fields).
    NotScenario(FieldError),
    /// The document breaks rules of the format.
    Invalid(Vec<FieldError>),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Payload(error) => f.write_str(&error.describe("scenario")),
            ShareError::NotScenario(error) => {
                write!(f, "the link does not hold a scenario document: {error}")
            }
            ShareError::Invalid(errors) => f.write_str(&link::describe_invalid("scenario", errors)),
        }
    }
}

/// The base64url (no padding) of `doc`'s compact JSON.
pub fn encode(doc: &ScenarioDoc) -> String {
    link::encode(doc.to_compact_json())
}

/// The fragment `#scenario=…` that opens `doc`.
pub fn fragment(doc: &ScenarioDoc) -> String {
    format!("{FRAGMENT_PREFIX}{}", encode(doc))
}

/// The whole share link: `origin + pathname + #scenario=…`.
pub fn link(origin: &str, pathname: &str, doc: &ScenarioDoc) -> String {
    format!("{origin}{pathname}{}", fragment(doc))
}

/// The encoded scenario in a `location.hash`, or `None` when the hash is not a share link.
pub fn payload_of(hash: &str) -> Option<&str> {
    hash.strip_prefix(FRAGMENT_PREFIX)
}

/// Decodes a link's payload into a scenario document that passes every rule of the format.
pub fn decode(payload: &str) -> Result<ScenarioDoc, ShareError> {
    let text = link::decode(payload).map_err(ShareError::Payload)?;
    let doc = ScenarioDoc::from_json(&text).map_err(ShareError::NotScenario)?;
    Scenario::from_doc(&doc).map_err(ShareError::Invalid)?;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOW_BALANCE: &str = include_str!("../../scenarios/auto-renew-low-balance.json");

    fn doc() -> ScenarioDoc {
        ScenarioDoc::from_json(LOW_BALANCE).expect("gallery scenario parses")
    }

    #[test]
    fn a_document_round_trips_through_a_link() {
        let doc = doc();
        let fragment = fragment(&doc);
        let payload = payload_of(&fragment).expect("a share fragment");
        assert_eq!(decode(payload), Ok(doc));
    }

    #[test]
    fn the_encoding_is_base64url_without_padding() {
        let encoded = encode(&doc());
        assert!(!encoded.is_empty());
        assert!(encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }

    #[test]
    fn a_link_is_origin_path_and_fragment() {
        let link = link("http://127.0.0.1:8080", "/", &doc());
        assert!(link.starts_with("http://127.0.0.1:8080/#scenario="));
    }

    #[test]
    fn padded_payloads_are_accepted() {
        let doc = doc();
        let mut padded = encode(&doc);
        while padded.len() % 4 != 0 {
            padded.push('=');
        }
        assert_eq!(decode(&padded), Ok(doc));
    }

    #[test]
    fn only_scenario_fragments_are_links() {
        // hash, payload
        let cases = [
            ("#scenario=abc", Some("abc")),
            ("#scenario=", Some("")),
            ("", None),
            ("#other=abc", None),
            ("#Scenario=abc", None),
        ];
        for (hash, payload) in cases {
            assert_eq!(payload_of(hash), payload, "{hash}");
        }
    }

    #[test]
    fn malformed_payloads_name_what_is_wrong() {
        let not_text = link::encode([0xff, 0xfe, 0x00]);
        let not_json = link::encode("{ this is not json");
        let unknown_field = link::encode(r#"{"format":"renewal-lab/1","colour":"red"}"#);
        let invalid = link::encode(LOW_BALANCE.replace(r#""term": "1m""#, r#""term": "13m""#));
        // payload, expected message fragment
        let cases = [
            ("", "no scenario"),
            ("   ", "no scenario"),
            ("not*base64!", "not base64url"),
            (not_text.as_str(), "does not decode to text"),
            (not_json.as_str(), "not valid JSON"),
            (unknown_field.as_str(), "colour"),
            (invalid.as_str(), "resources[0].term"),
        ];
        for (payload, expected) in cases {
            let error = decode(payload).expect_err(payload).to_string();
            assert!(error.contains(expected), "{payload:?}: {error}");
        }
    }

    #[test]
    fn overlong_payloads_are_refused_before_decoding() {
        let payload = "A".repeat(MAX_ENCODED_CHARS + 1);
        assert_eq!(
            decode(&payload),
            Err(ShareError::Payload(PayloadError::TooLong {
                chars: MAX_ENCODED_CHARS + 1
            }))
        );
    }
}
