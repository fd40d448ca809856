//! Link payloads: a document's text as base64url without padding, as `#scenario=` and
//! `#exercise=` links carry it, and back, with the limits and failures both kinds of link share.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;

/// The longest payload a link may carry (about 6 MB of JSON, more than any real document).
pub const MAX_ENCODED_CHARS: usize = 8_000_000;

/// Writes base64url without padding, as the formats require.
const WRITER: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new().with_encode_padding(false),
);

/// Reads base64url with or without padding (a link someone padded by hand still opens).
const READER: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a payload could not be read back to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayloadError {
    /// Nothing after the link's prefix.
    Empty,
    /// Longer than [`MAX_ENCODED_CHARS`].
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// Not base64url.
    NotBase64 {
        /// What the decoder objected to.
        detail: String,
    },
    /// The decoded bytes are not UTF-8 text.
    NotText,
}

/// The base64url (no padding) of `bytes`.
pub fn encode(bytes: impl AsRef<[u8]>) -> String {
    WRITER.encode(bytes)
}

/// The text a payload carries (surrounding whitespace ignored); the length is checked before
/// anything is decoded.
pub fn decode(payload: &str) -> Result<String, PayloadError> {
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(PayloadError::Empty);
    }
    if payload.len() > MAX_ENCODED_CHARS {
        return Err(PayloadError::TooLong {
            chars: payload.chars().count(),
        });
    }
    let bytes = READER
        .decode(payload)
        .map_err(|error| PayloadError::NotBase64 {
            detail: error.to_string(),
        })?;
    String::from_utf8(bytes).map_err(|_| PayloadError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_without_padding_and_reads_padded_links() {
        let encoded = encode("{\"a\":1}");
        assert!(!encoded.contains('='));
        assert_eq!(decode(&format!(" {encoded} ")).as_deref(), Ok("{\"a\":1}"));
        assert_eq!(decode("eyJhIjoxfQ==").as_deref(), Ok("{\"a\":1}"));
    }

    #[test]
    fn failures_say_which_step_failed() {
        assert_eq!(decode("  "), Err(PayloadError::Empty));
        assert!(matches!(
            decode("not*base64!"),
            Err(PayloadError::NotBase64 { .. })
        ));
        assert_eq!(decode(&encode([0xff, 0xfe])), Err(PayloadError::NotText));
        let long = "A".repeat(MAX_ENCODED_CHARS + 1);
        assert_eq!(
            decode(&long),
            Err(PayloadError::TooLong {
                chars: MAX_ENCODED_CHARS + 1
            })
        );
    }
}
