//! Link payloads: a document's text as base64url without padding, as `#scenario=` and
//! `#exercise=` links carry it, and back, with the limits and failures both kinds of link share.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{DecodeError, Engine as _};
use std::fmt;

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
    /// Not base64url: what the decoder objected to.
    NotBase64(Base64Problem),
    /// The decoded bytes are not UTF-8 text.
    NotText,
}

impl PayloadError {
    /// The failure in English, for a link to a `what` (`scenario` or `exercise`).
    pub fn describe(&self, what: &str) -> String {
        match self {
            PayloadError::Empty => format!("the link holds no {what} after #{what}="),
            PayloadError::TooLong { chars } => {
                format!("the link's {what} is {chars} characters long; at most {MAX_ENCODED_CHARS}")
            }
            PayloadError::NotBase64(problem) => {
                format!("the link's {what} is not base64url text ({problem})")
            }
            PayloadError::NotText => format!("the link's {what} does not decode to text"),
        }
    }
}

/// In English: a link's `what` (`scenario` or `exercise`) breaks rules of its format; the first
/// of the `problems` is named.
pub fn describe_invalid(what: &str, problems: &[impl fmt::Display]) -> String {
    let first = problems
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    match problems.len() {
        0 | 1 => format!("the link's {what} is invalid: {first}"),
        n => format!("the link's {what} is invalid ({n} problems), first: {first}"),
    }
}

/// What makes a payload not base64url, in terms a reader of the link can check (the decoder's own
/// messages count bytes and name them by number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base64Problem {
    /// A character that is not in the base64url alphabet (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`).
    Character {
        /// The character.
        character: char,
        /// Its position in the payload, counting characters from 1.
        position: usize,
    },
    /// A length no base64url text has: the link was cut short or something was added to it.
    Length,
    /// The last character (or the padding) cannot end base64url text: the link was cut short or
    /// changed.
    Ending,
}

impl Base64Problem {
    /// The problem behind `error`, which the decoder found in `payload`.
    fn of(error: &DecodeError, payload: &str) -> Base64Problem {
        match *error {
            DecodeError::InvalidByte(..) => {
                // The decoder counts bytes and may name a later character: name the first one
                // outside the alphabet, else (only too much padding is wrong) the first '='.
                let body = payload.trim_end_matches('=');
                let outside = |c: &char| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_');
                let (start, character) = body
                    .char_indices()
                    .find(|(_, c)| outside(c))
                    .or_else(|| payload.char_indices().find(|(_, c)| *c == '='))
                    .unwrap_or((0, '\u{fffd}'));
                Base64Problem::Character {
                    character,
                    position: payload[..start].chars().count() + 1,
                }
            }
            DecodeError::InvalidLength(_) => Base64Problem::Length,
            DecodeError::InvalidLastSymbol(..) | DecodeError::InvalidPadding => {
                Base64Problem::Ending
            }
        }
    }
}

impl fmt::Display for Base64Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64Problem::Character {
                character,
                position,
            } => write!(f, "{character:?} at character {position} is not base64url"),
            Base64Problem::Length => f.write_str("its length is not that of base64url text"),
            Base64Problem::Ending => f.write_str("its last character cannot end base64url text"),
        }
    }
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
        .map_err(|error| PayloadError::NotBase64(Base64Problem::of(&error, payload)))?;
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
        // payload, the problem
        let not_base64 = [
            (
                "not*base64!",
                Base64Problem::Character {
                    character: '*',
                    position: 4,
                },
            ),
            (
                "abc续费",
                Base64Problem::Character {
                    character: '续',
                    position: 4,
                },
            ),
            ("abcde", Base64Problem::Length),
            (
                "ab=c",
                Base64Problem::Character {
                    character: '=',
                    position: 3,
                },
            ),
            (
                "ab===",
                Base64Problem::Character {
                    character: '=',
                    position: 3,
                },
            ),
            ("YR", Base64Problem::Ending),
        ];
        for (payload, problem) in not_base64 {
            assert_eq!(
                decode(payload),
                Err(PayloadError::NotBase64(problem)),
                "{payload}"
            );
        }
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
