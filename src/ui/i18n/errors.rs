//! Problems shown to people (a field of the scenario, a link, a file), in each language.
//!
//! The engine writes its problems as English sentences with the JSON path kept apart
//! (`FieldError { path, message }`). The path is data and stays as written; the message is
//! matched against the engine's fixed phrasings in [`PATTERNS`] (with `{0}`, `{1}` standing for
//! the quoted values) and rebuilt from the translated phrasing with the same values. A message
//! no pattern matches (a serde detail, say) is shown as the engine wrote it.

use super::{tr, trf, Lang};
use crate::engine::{Cents, FieldError};
use crate::link::{Base64Problem, PayloadError};
use crate::ui::share::ShareError;
use crate::workshop::exercise::ExerciseLinkError;

/// The engine's phrasings (`crate::engine` scenario, doc, money, term and time), longest first
/// where one could swallow another. Each has a translation in `catalog/errors.rs`.
pub const PATTERNS: &[&str] = &[
    "missing field (required)",
    "appears more than once",
    "missing: {0}",
    "expected {0}, found {1}",
    // serde's words for a field or a value the format does not have.
    "unknown field {0}, expected one of {1}",
    "unknown field {0}, there are no fields",
    "unknown variant {0}, expected one of {1}",
    "unknown variant {0}, expected {1}",
    "invalid type: {0}, expected {1}",
    "invalid value: {0}, expected {1}",
    "not valid JSON: {0}",
    "the file is empty: it holds no JSON",
    "not UTF-8 text",
    "not UTF-16 text, though it starts with a UTF-16 byte order mark",
    "this is a scenario, not an exercise: open it as a scenario (#scenario= or Import)",
    "{0} is out of range (0 to {1} days)",
    "{0} is out of range (0 to {1})",
    "{0} is out of range",
    "longer than {0} characters",
    "{0} is not a tier of the policy ({1})",
    "{0} is not a tier of {1} ({2})",
    "{0} is not a policy (huawei-cn, huawei-intl, or a custom policy object)",
    "a policy needs at least one tier",
    "{0} tiers; at most {1}",
    "tier {0} appears twice",
    "a tier name has 1 to 32 printable characters",
    "a scenario needs at least one resource",
    "{0} resources; at most {1}",
    "{0} is not an id (1 to 32 of a-z, 0-9, _ and -)",
    "{0} is already the id of {1}",
    "only pay_per_use resources have an hourly rate",
    "a package needs a term (1m..11m or 1y..5y)",
    "a package needs prices { month, year }",
    "only package resources have this; remove it or make the billing \"package\"",
    "a pay_per_use resource needs an hourly_rate",
    "{0} actions; at most {1}",
    "more than {0} events over all the tiers, too many for the app to draw: end the run earlier or remove actions (renewal-cli has no such limit)",
    "{0} is before the earliest resource start {1}",
    "{0} is before resources[{1}].start {2}",
    "{0} is more than {1} years after the earliest start",
    "the renewals of {0} up to here would carry its expiry past the year {1}",
    "{0} is after until ({1})",
    "this field does not belong to this kind of action",
    "the id of the resource to act on",
    "how much to top up",
    "{0} is not the id of any resource",
    "comes before {0} starts ({1})",
    "a top-up must be more than 0",
    "{0} is not a term (1m..11m or 1y..5y)",
    "{0} is not a local time (YYYY-MM-DDTHH:MM:SS)",
    "{0} is outside the supported years {1} to {2}",
    "{0} is not a real date",
    "{0} is not a real time of day",
    "{0} is not a UTC offset (±HH:MM, e.g. +08:00)",
    "{0} is not a UTC offset: minutes run 00 to 59",
    "{0} is outside the offsets in use (-12:00 to +14:00)",
    "{0} is negative; amounts are never negative",
    "{0} is not an amount (like \"30\" or \"30.50\")",
    "{0} has more than two decimals",
    "{0} is more than the maximum {1}",
    "expected a value",
    "a word without quotes (text needs double quotes; only true, false and null go without)",
    "the text ends where a value should be",
    "a number too large to read",
    "nested more than 128 levels deep",
    "a comma before a closing bracket",
    "a line break or control character inside a text (write it as \\n)",
    UNPAIRED_ESCAPE,
    "EOF while parsing a value",
    "the text ends inside an object: a closing } is missing",
    "the text ends inside a list: a closing ] is missing",
    "the text ends inside a text: a closing \" is missing",
    "more text after the end of the JSON value",
    "expected `,` or `}`",
    "expected `,` or `]`",
    "expected `:`",
    "a field name needs double quotes",
    "expected value",
    "invalid escape",
    "invalid number",
    // Why a trainer's question cannot be a pause point (`crate::workshop::query`).
    "it asks about {0}, not after the pause point {1}: the answer would already be on screen",
    "{0} is not bought yet at {1}",
    "{0} has no expiry date at {1}",
    "{0} has no renewal or auto-renew attempt after the pause point",
    "{0} has no auto-renew attempt after the pause point",
    "{0} is not frozen after the pause point in this run",
    "{0} is not released after the pause point in this run",
    "no event of the run decides it",
    "{0} is pay-per-use: a question of kind {1} needs a package",
    "not used by a question of kind {0}",
    "no simulation of tier {0}",
    // What is wrong with an exercise file (`crate::workshop::exercise`).
    "an exercise needs at least one pause point",
    "{0} pause points; at most {1}",
    "{0} is outside the run ({1} to {2})",
    "comes before the previous pause point; pause points are in time order",
    "has no answer to reveal: {0}",
    "is {0} characters long; at most {1}",
    "must not be empty",
    // The shell's own reasons when the browser refuses something (`crate::ui::browser`, exports).
    "the clipboard is not available on this page",
    "local storage is not available",
    "the browser's storage for this page is full",
    "the canvas made no image",
    "the browser refused",
    "no 2D canvas",
    "no document",
    "no window",
    "no body",
    // The editor's own reasons for text it cannot put in the document.
    "not a whole number",
    "enter a whole number of days",
    "enter a complete date and time",
    "{0} is already the name of tier row {1}",
    // What the format's reader and serde call the values they expect or found, most specific
    // first (they fill the holes of the phrasings above).
    "{0} is not a whole number",
    "expected an exercise object { \"format\": \"renewal-lab-exercise/1\", ... }",
    "a scenario object { \"format\": \"renewal-lab/1\", ... }",
    "a list of resources [ { ... } ]",
    "a resource object { \"id\": ..., \"billing\": ... }",
    "a list of actions [ { ... } ]",
    "an action object { \"at\": ..., \"do\": ... }",
    "an object of tiers { \"<tier>\": { \"package\": ..., \"pay_per_use\": ... } }",
    "an object of tier name → periods",
    "an object {0}",
    "a whole number of days (0 to {0})",
    "an amount as a string like \"30.50\" or a number",
    "a preset name (\"huawei-cn\", \"huawei-intl\") or a policy object",
    "a whole number",
    "a number",
    "a string",
    "a list",
    "an object",
    "a boolean",
    "a sequence",
    "sequence",
    "map",
    "integer `{0}`",
    "floating point `{0}`",
    "boolean `{0}`",
    "string {0}",
    // A choice of names (`billing`, `do`), as `json::one_of` lists them.
    "one of {0}",
    "`{0}` or `{1}`",
    "{0} is not {1}",
];

/// Where `needle` first occurs in `haystack`, tried at each character: these texts are short, and
/// `str::find` with a string pattern brings a 2.5 KB two-way searcher into the web build.
fn find_text(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .char_indices()
        .map(|(i, _)| i)
        .chain([haystack.len()])
        .find(|&i| {
            haystack
                .get(i..)
                .is_some_and(|rest| rest.starts_with(needle))
        })
}

/// The values that fill `template`'s `{n}` holes to make `text`, in hole order; `None` when the
/// fixed parts do not match. Holes match as little as possible, the last one the rest.
pub fn unfill(template: &str, text: &str) -> Option<Vec<String>> {
    let mut parts = Vec::new(); // (fixed text before, hole index)
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        match after[..close].parse::<usize>() {
            Ok(index) if close > 0 => {
                parts.push((&rest[..open], Some(index)));
                rest = &after[close + 1..];
            }
            _ => {
                // A literal brace: keep it in the fixed text.
                parts.push((&rest[..=open], None));
                rest = after;
            }
        }
    }
    let tail = rest;
    // Glue literal-brace pieces to the fixed text of the next hole.
    let mut fixed = String::new();
    let mut pieces: Vec<(String, usize)> = Vec::new();
    for (text_part, hole) in parts {
        fixed.push_str(text_part);
        if let Some(index) = hole {
            pieces.push((std::mem::take(&mut fixed), index));
        }
    }
    fixed.push_str(tail);
    let tail = fixed;
    let mut values: Vec<(usize, String)> = Vec::new();
    let mut at = text;
    for (i, (prefix, index)) in pieces.iter().enumerate() {
        at = at.strip_prefix(prefix.as_str())?;
        let next_fixed = pieces.get(i + 1).map_or(tail.as_str(), |p| p.0.as_str());
        let end = if i + 1 == pieces.len() {
            // The last hole runs to the fixed tail, which must end the text (checked here, so
            // the cut falls on a character boundary even when the text holds other scripts).
            at.strip_suffix(tail.as_str())?.len()
        } else if next_fixed.is_empty() {
            return None;
        } else {
            find_text(at, next_fixed)?
        };
        let (value, rest) = at.split_at_checked(end)?;
        values.push((*index, value.to_string()));
        at = rest;
    }
    if at != tail {
        return None;
    }
    // By hole index, ties in text order, through the shared sort (one copy in the wasm).
    let order =
        crate::engine::simulate::stable_order(values.len(), &|a, b| values[a].0.cmp(&values[b].0));
    Some(
        order
            .into_iter()
            .map(|i| std::mem::take(&mut values[i].1))
            .collect(),
    )
}

/// Half of a surrogate pair in a `\u` escape, which serde_json words two ways.
const UNPAIRED_ESCAPE: &str =
    "an unpaired \\u escape (\\uD800 to \\uDFFF are halves of one character and come in pairs)";

/// JSON syntax errors in the terms of a parser (kept word for word by the engine, as serde_json
/// writes them, for the command line), and what they mean to a person editing a file.
const PLAIN_SYNTAX: [(&str, &str); 13] = [
    (
        "EOF while parsing an object",
        "the text ends inside an object: a closing } is missing",
    ),
    (
        "EOF while parsing a list",
        "the text ends inside a list: a closing ] is missing",
    ),
    (
        "EOF while parsing a string",
        "the text ends inside a text: a closing \" is missing",
    ),
    (
        "trailing characters",
        "more text after the end of the JSON value",
    ),
    ("key must be a string", "a field name needs double quotes"),
    (
        "expected ident",
        "a word without quotes (text needs double quotes; only true, false and null go without)",
    ),
    (
        "EOF while parsing a value",
        "the text ends where a value should be",
    ),
    ("number out of range", "a number too large to read"),
    (
        "recursion limit exceeded",
        "nested more than 128 levels deep",
    ),
    ("trailing comma", "a comma before a closing bracket"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "a line break or control character inside a text (write it as \\n)",
    ),
    ("unexpected end of hex escape", UNPAIRED_ESCAPE),
    ("lone leading surrogate in hex escape", UNPAIRED_ESCAPE),
];

/// `text` with a parser's syntax error at its end put in plain words ([`PLAIN_SYNTAX`]).
fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    for (parser, person) in PLAIN_SYNTAX {
        if let Some(head) = text.strip_suffix(parser) {
            return format!("{head}{person}").into();
        }
    }
    text.into()
}

/// The phrasings whose holes are counts, which the engine writes as bare digits (`100000`): they
/// are shown grouped as the language groups numbers (`100,000`, `100.000`). Other holes may be
/// digits that are not counts (a year), and stay as written.
const COUNTED: [&str; 7] = [
    "{0} tiers; at most {1}",
    "{0} pause points; at most {1}",
    "is {0} characters long; at most {1}",
    "{0} resources; at most {1}",
    "{0} actions; at most {1}",
    "more than {0} events over all the tiers, too many for the app to draw: end the run earlier or remove actions (renewal-cli has no such limit)",
    "longer than {0} characters",
];

/// The phrasings whose holes are all instants the app wrote (`2026-04-09 12:00:00`, the clock's
/// form): shown as the language writes a time, as the trainer's panel beside them does.
const DATED: [&str; 1] = ["{0} is outside the run ({1} to {2})"];

/// The phrasings with an amount the engine writes (`1000000000.00`), by hole: shown as the
/// language writes money (`1.000.000.000,00`). The amount a user typed stays as typed.
const AMOUNT_HOLES: [(&str, usize); 1] = [("{0} is more than the maximum {1}", 1)];

/// The phrasings that quote an amount as given (`"1.005"`), in their first hole: shown with the
/// language's decimal mark, as the field it was typed in shows it (`"1,005"` in pt-BR).
const QUOTED_AMOUNT: [&str; 3] = [
    "{0} has more than two decimals",
    "{0} is negative; amounts are never negative",
    "{0} is more than the maximum {1}",
];

/// An engine message in `lang`: its phrasing translated, its values kept (counts grouped).
pub fn message(lang: Lang, text: &str) -> String {
    let text = &*plain(text);
    for pattern in PATTERNS {
        if lang == Lang::En
            && !COUNTED.contains(pattern)
            && !AMOUNT_HOLES.iter().any(|(p, _)| p == pattern)
        {
            continue;
        }
        if let Some(values) = unfill(pattern, text) {
            let counted = COUNTED.contains(pattern);
            let amount = AMOUNT_HOLES
                .iter()
                .find(|(p, _)| p == pattern)
                .map(|(_, hole)| *hole);
            // Nested phrasings (`not valid JSON: expected value`) are translated too.
            let values: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(hole, v)| match (v.parse::<i64>(), Cents::parse(v)) {
                    (Ok(n), _) if counted => super::format::count(lang, n),
                    _ if DATED.contains(pattern) => crate::explain::read_when(v)
                        .map_or_else(|| v.clone(), |t| super::format::second(lang, t)),
                    (_, Ok(cents)) if amount == Some(hole) => super::format::money(lang, cents),
                    _ if hole == 0 && QUOTED_AMOUNT.contains(pattern) => {
                        super::format::shown_amount(lang, v)
                    }
                    _ => message(lang, v),
                })
                .collect();
            let args: Vec<&str> = values.iter().map(String::as_str).collect();
            return trf(lang, pattern, &args);
        }
    }
    text.to_string()
}

/// `path: message` in `lang` (the path as written; the message alone without one).
pub fn field_error(lang: Lang, error: &FieldError) -> String {
    if error.path.is_empty() {
        return message(lang, &error.message);
    }
    // A syntax error's place is words (`line 3 column 7`); a field's path is the format's own.
    let path = match unfill("line {0} column {1}", &error.path).as_deref() {
        Some([line, column]) => trf(lang, "line {0} column {1}", &[line, column]),
        _ => error.path.clone(),
    };
    trf(lang, "{0}: {1}", &[&path, &message(lang, &error.message)])
}

/// `errors` in one sentence: `path: message`, or `3 problems: path: message; path: message; …`
/// (the first [`LISTED_PROBLEMS`], then how many more).
pub fn problems(lang: Lang, errors: &[FieldError]) -> String {
    match errors {
        [] => tr(lang, "it breaks a rule of the format").to_string(),
        [only] => field_error(lang, only),
        _ => {
            let count = |n: usize| super::format::count_of(lang, n);
            let listed: Vec<String> = errors
                .iter()
                .take(LISTED_PROBLEMS)
                .map(|e| field_error(lang, e))
                .collect();
            let mut list = listed.join(tr(lang, "; "));
            if errors.len() > LISTED_PROBLEMS {
                list = trf(
                    lang,
                    "{0}; and {1} more",
                    &[&list, &count(errors.len() - LISTED_PROBLEMS)],
                );
            }
            trf(lang, "{0} problems: {1}", &[&count(errors.len()), &list])
        }
    }
}

/// How many problems of a file [`problems`] names before counting the rest.
pub const LISTED_PROBLEMS: usize = 3;

/// Which kind of link a message is about (its words differ: they are translated whole).
#[derive(Clone, Copy)]
enum LinkKind {
    Scenario,
    Exercise,
}

impl LinkKind {
    /// The catalog key of this kind of link among the two.
    fn pick(self, scenario: &'static str, exercise: &'static str) -> &'static str {
        match self {
            LinkKind::Scenario => scenario,
            LinkKind::Exercise => exercise,
        }
    }
}

/// Why a link's payload could not be read back to text, in `lang`.
fn payload_error(lang: Lang, kind: LinkKind, error: &PayloadError) -> String {
    let count = |n: usize| super::format::count_of(lang, n);
    match error {
        PayloadError::Empty => tr(
            lang,
            kind.pick(
                "the link holds no scenario after #scenario=",
                "the link holds no exercise after #exercise=",
            ),
        )
        .to_string(),
        PayloadError::TooLong { chars } => trf(
            lang,
            kind.pick(
                "the link's scenario is {0} characters long; at most {1}",
                "the link's exercise is {0} characters long; at most {1}",
            ),
            &[&count(*chars), &count(crate::link::MAX_ENCODED_CHARS)],
        ),
        PayloadError::NotBase64(problem) => trf(
            lang,
            kind.pick(
                "the link's scenario is not base64url text ({0})",
                "the link's exercise is not base64url text ({0})",
            ),
            &[&base64_problem(lang, problem)],
        ),
        PayloadError::NotText => tr(
            lang,
            kind.pick(
                "the link's scenario does not decode to text",
                "the link's exercise does not decode to text",
            ),
        )
        .to_string(),
    }
}

/// What makes a payload not base64url, in `lang`.
fn base64_problem(lang: Lang, problem: &Base64Problem) -> String {
    match problem {
        Base64Problem::Character {
            character,
            position,
        } => trf(
            lang,
            "{0} at character {1} is not base64url",
            &[
                &format!("{character:?}"),
                &super::format::count(lang, i64::try_from(*position).unwrap_or(i64::MAX)),
            ],
        ),
        Base64Problem::Length => tr(lang, "its length is not that of base64url text").to_string(),
        Base64Problem::Ending => {
            tr(lang, "its last character cannot end base64url text").to_string()
        }
    }
}

/// "Invalid: first problem", or "invalid (n problems), first: ...", in `lang`.
fn invalid_link(lang: Lang, kind: LinkKind, errors: &[FieldError]) -> String {
    let first = errors
        .first()
        .map(|e| field_error(lang, e))
        .unwrap_or_default();
    match errors.len() {
        0 | 1 => trf(
            lang,
            kind.pick(
                "the link's scenario is invalid: {0}",
                "the link's exercise is invalid: {0}",
            ),
            &[&first],
        ),
        n => trf(
            lang,
            kind.pick(
                "the link's scenario is invalid ({0} problems), first: {1}",
                "the link's exercise is invalid ({0} problems), first: {1}",
            ),
            &[&n.to_string(), &first],
        ),
    }
}

/// Why a share link could not be opened, in `lang`.
pub fn share_error(lang: Lang, error: &ShareError) -> String {
    match error {
        ShareError::Payload(error) => payload_error(lang, LinkKind::Scenario, error),
        ShareError::NotScenario(error) => trf(
            lang,
            "the link does not hold a scenario document: {0}",
            &[&field_error(lang, error)],
        ),
        ShareError::Invalid(errors) => invalid_link(lang, LinkKind::Scenario, errors),
    }
}

/// Why an exercise link could not be opened, in `lang`.
pub fn exercise_link_error(lang: Lang, error: &ExerciseLinkError) -> String {
    match error {
        ExerciseLinkError::Payload(error) => payload_error(lang, LinkKind::Exercise, error),
        ExerciseLinkError::Invalid(errors) => invalid_link(lang, LinkKind::Exercise, errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::catalog;

    #[test]
    fn values_in_other_scripts_come_back_whole() {
        // A value with Chinese characters ending where the English tail was expected used to
        // cut a character in two (a panic, which kills the web page).
        assert_eq!(unfill("{0}ab", "续"), None);
        assert_eq!(unfill("x {0}, y", "x 续费"), None);
        let text = "unknown variant `re续费w`, expected one of `top_up`, `renew`, `set_auto_renew`";
        assert_eq!(
            unfill("unknown variant {0}, expected one of {1}", text),
            Some(vec![
                "`re续费w`".to_string(),
                "`top_up`, `renew`, `set_auto_renew`".to_string()
            ])
        );
        assert_eq!(
            unfill("{0} is wrong", "续费 is wrong"),
            Some(vec!["续费".to_string()])
        );
        for language in Lang::ALL {
            let _ = message(language, text);
        }
    }

    #[test]
    fn find_text_agrees_with_str_find() {
        let haystacks = [
            "",
            "a",
            "abcabc",
            "prazo 续费 prazo",
            "{0} is not {1}",
            "ééé",
        ];
        let needles = [
            "", "a", "bc", "c", "续费", "prazo", " is not ", "é", "x", "abcabcd",
        ];
        for haystack in haystacks {
            for needle in needles {
                assert_eq!(
                    find_text(haystack, needle),
                    haystack.find(needle),
                    "{haystack:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn values_come_back_out_of_their_phrasing() {
        assert_eq!(
            unfill(
                "{0} is out of range (0 to {1})",
                "8 is out of range (0 to 7)"
            ),
            Some(vec!["8".to_string(), "7".to_string()])
        );
        assert_eq!(
            unfill(
                "{0} is not a term (1m..11m or 1y..5y)",
                "\"13m\" is not a term (1m..11m or 1y..5y)"
            ),
            Some(vec!["\"13m\"".to_string()])
        );
        assert_eq!(
            unfill(
                "a package needs prices { month, year }",
                "a package needs prices { month, year }"
            ),
            Some(vec![])
        );
        assert_eq!(unfill("{0} is not {1}", "x is"), None);
        assert_eq!(unfill("missing: {0}", "something else"), None);
    }

    #[test]
    fn engine_messages_are_translated_with_their_values() {
        let error = FieldError::new(
            "resources[0].term",
            "\"13m\" is not a term (1m..11m or 1y..5y)",
        );
        assert_eq!(
            field_error(Lang::En, &error),
            "resources[0].term: \"13m\" is not a term (1m..11m or 1y..5y)"
        );
        assert_eq!(
            field_error(Lang::ZhCn, &error),
            "resources[0].term：\"13m\" 不是有效的期限（1m..11m 或 1y..5y）"
        );
        assert_eq!(
            message(Lang::PtBr, "not valid JSON: expected value"),
            "JSON inválido: esperava-se um valor"
        );
        // A parser's words are put plainly, in every language.
        assert_eq!(
            message(Lang::En, "not valid JSON: expected ident"),
            "not valid JSON: a word without quotes (text needs double quotes; only true, false \
             and null go without)"
        );
        assert_eq!(
            message(Lang::En, "not valid JSON: EOF while parsing an object"),
            "not valid JSON: the text ends inside an object: a closing } is missing"
        );
        // Half of a surrogate pair: serde_json's two wordings of it (one says "end of hex escape"
        // though the escape is whole) are said as one, and as what it is.
        for parser in [
            "unexpected end of hex escape",
            "lone leading surrogate in hex escape",
        ] {
            let words = message(Lang::En, &format!("not valid JSON: {parser}"));
            assert!(
                words.starts_with("not valid JSON: an unpaired \\u escape ("),
                "{words}"
            );
        }
        for (parser, _) in PLAIN_SYNTAX {
            for lang in [Lang::ZhCn, Lang::PtBr] {
                let words = message(lang, &format!("not valid JSON: {parser}"));
                assert!(
                    !words.contains(parser) && !words.contains("JSON:"),
                    "{words}"
                );
            }
        }
        // Counts are grouped as each language groups numbers; other digits (years) are not.
        let flood = "more than 100000 events over all the tiers, too many for the app to draw: \
                     end the run earlier or remove actions (renewal-cli has no such limit)";
        assert!(message(Lang::En, flood).starts_with("more than 100,000 events"));
        assert!(message(Lang::PtBr, flood).contains("100.000"));
        assert!(message(Lang::ZhCn, flood).contains("100,000"));
        assert_eq!(
            message(Lang::PtBr, "12000 actions; at most 10000"),
            trf(
                Lang::PtBr,
                "{0} actions; at most {1}",
                &["12.000", "10.000"]
            )
        );
        let years = "\"1900-01-01T00:00:00\" is outside the supported years 1970 to 9999";
        assert_eq!(message(Lang::En, years), years);
        assert!(message(Lang::PtBr, years).contains("1970"));
        assert_eq!(
            message(Lang::PtBr, "some unknown detail"),
            "some unknown detail"
        );
    }

    #[test]
    fn a_syntax_errors_place_an_empty_file_and_the_largest_amount_read_in_the_language() {
        use crate::engine::ScenarioDoc;
        let broken = ScenarioDoc::from_json("{ nope").expect_err("not JSON");
        assert!(field_error(Lang::En, &broken).starts_with("line 1 column 3: "));
        assert!(field_error(Lang::ZhCn, &broken).starts_with("第 1 行第 3 列："));
        assert!(field_error(Lang::PtBr, &broken).starts_with("linha 1, coluna 3: "));
        let empty = ScenarioDoc::from_json(" \n").expect_err("empty");
        assert_eq!(
            field_error(Lang::En, &empty),
            "the file is empty: it holds no JSON"
        );
        assert_eq!(
            field_error(Lang::PtBr, &empty),
            "o arquivo está vazio: não contém JSON"
        );
        // The maximum is written as the language writes money; what was typed, with the
        // language's decimal mark, as its field shows it.
        let huge = FieldError::new(
            "balance",
            "\"2000000000.00\" is more than the maximum 1000000000.00",
        );
        let pt = field_error(Lang::PtBr, &huge);
        assert!(pt.contains("\"2000000000,00\""), "{pt}");
        assert!(pt.ends_with("1.000.000.000,00"), "{pt}");
        assert!(field_error(Lang::En, &huge).ends_with("1,000,000,000.00"));
        let decimals = FieldError::new("balance", "\"1.005\" has more than two decimals");
        assert_eq!(
            field_error(Lang::PtBr, &decimals),
            "balance: \"1,005\" tem mais de duas casas decimais"
        );
    }

    #[test]
    fn a_files_problems_are_listed_then_counted() {
        let error = |i: usize| FieldError::new(format!("resources[{i}].id"), "bad id");
        let listed = |n: usize| problems(Lang::En, &(0..n).map(error).collect::<Vec<_>>());
        assert_eq!(listed(1), "resources[0].id: bad id");
        assert_eq!(
            listed(3),
            "3 problems: resources[0].id: bad id; resources[1].id: bad id; resources[2].id: bad id"
        );
        assert_eq!(
            listed(5),
            "5 problems: resources[0].id: bad id; resources[1].id: bad id; resources[2].id: bad id; \
             and 2 more"
        );
    }

    #[test]
    fn the_engines_problems_with_a_file_are_translated() {
        use crate::engine::Scenario;
        let base = r#"{"format":"renewal-lab/1","tier":"V3","balance":"100","resources":[{"id":"a","billing":"package","start":"2026-03-08T10:00:00","term":"1m","prices":{"month":"30","year":"300"}}],"actions":[],"until":"2026-05-01T00:00:00"}"#;
        let late_renewals: Vec<String> = (0..250)
            .map(|_| {
                r#"{"at":"8990-01-02T00:00:00","do":"renew","resource":"a","term":"5y"}"#
                    .to_string()
            })
            .collect();
        // Each breaks one rule the engine words itself (or serde, for the file's shape).
        let files = [
            base.replace("2026-05-01", "2020-01-01"),
            base.replace("2026-05-01", "2126-04-20"),
            base.replace(r#""balance":"100""#, r#""balance":"100","colour":"red""#),
            base.replace(r#""balance":"100""#, r#""balance":true"#),
            base.replace("2026-03-08", "8990-01-01")
                .replace("2026-05-01", "8990-01-03")
                .replace(
                    r#""actions":[]"#,
                    &format!(r#""actions":[{}]"#, late_renewals.join(",")),
                ),
        ];
        for file in files {
            let problems = Scenario::from_json(&file).expect_err("a broken file");
            for problem in &problems {
                let en = message(Lang::En, &problem.message);
                for lang in [Lang::ZhCn, Lang::PtBr] {
                    assert_ne!(message(lang, &problem.message), en, "{lang:?}: {problem:?}");
                }
            }
        }
    }

    #[test]
    fn the_values_named_in_type_and_range_problems_are_translated_too() {
        use crate::engine::Scenario;
        let base = r#"{"format":"renewal-lab/1","tier":"V3","balance":"100","resources":[{"id":"a","billing":"package","start":"2026-03-08T10:00:00","term":"1m","prices":{"month":"30","year":"300"},"auto_renew":{"enabled":true}}],"actions":[],"until":"2026-05-01T00:00:00"}"#;
        let files = [
            "[]".to_string(),
            base.replace(r#""tier":"V3""#, r#""tier":1"#),
            base.replace(r#""tier":"V3""#, r#""tier":null"#),
            base.replace(r#""enabled":true"#, r#""enabled":"yes""#),
            base.replace(r#""enabled":true"#, r#""enabled":true,"days_before":7.5"#),
            base.replace(
                r#""enabled":true"#,
                r#""enabled":true,"days_before":18446744073709551616"#,
            ),
            base.replace(r#""actions":[]"#, r#""actions":{}"#),
            base.replace(r#""actions":[]"#, r#""actions":[1]"#),
            base.replace(r#""balance":"100""#, r#""balance":[1]"#),
            base.replace(r#""policy""#, r#""x""#)
                .replace(r#""tier":"V3""#, r#""policy":7,"tier":"V3""#),
            base.replace(r#""billing":"package""#, r#""billing":5"#),
            base.replace(r#""billing":"package""#, r#""billing":"hourly""#),
            base.replace(r#""billing":"package""#, r#""billing":{"package":1}"#),
            base.replace(
                r#""actions":[]"#,
                r#""actions":[{"at":"2026-03-09T00:00:00","do":null}]"#,
            ),
        ];
        // English words that would be left in a translated message (field names and JSON's own
        // `true`, `false` and `null` stay as written).
        let english = [
            "list", "string", "integer", "whole", "range", "object", "expected", "found", "is",
            "not", "of", "number", "boolean", "sequence", "map", "type", "invalid", "or", "one",
            "unknown", "variant",
        ];
        for file in files {
            let problems = Scenario::from_json(&file).expect_err("a broken file");
            for problem in &problems {
                for lang in [Lang::ZhCn, Lang::PtBr] {
                    let said = message(lang, &problem.message);
                    let left: Vec<&str> = said
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|word| english.contains(word))
                        .collect();
                    assert!(left.is_empty(), "{lang:?}: {left:?} in {said:?}");
                }
            }
        }
    }

    #[test]
    fn every_pattern_is_translated() {
        for pattern in PATTERNS {
            let found = catalog::entries().find(|entry| entry.0 == *pattern);
            assert!(found.is_some(), "no translation for {pattern:?}");
        }
    }

    #[test]
    fn bad_links_are_explained_in_every_language() {
        use crate::workshop::Exercise;
        // (not "exercise": it is in the link's prefix, #exercise=, in every language)
        const ENGLISH: [&str; 12] = [
            "the",
            "is",
            "not",
            "at",
            "character",
            "length",
            "last",
            "cannot",
            "end",
            "text",
            "decode",
            "holds",
        ];
        // payload, a word of the English explanation
        let cases = [
            ("", "no exercise"),
            ("%%%", "'%' at character 1"),
            ("abc续费", "'续' at character 4"),
            ("abcde", "length"),
            ("YR", "last character"),
            (&crate::link::encode([0xff, 0xfe]) as &str, "decode to text"),
        ];
        for (payload, english) in cases {
            let error =
                Exercise::from_link(payload, crate::ui::sim::MAX_EVENTS).expect_err(payload);
            let en = exercise_link_error(Lang::En, &error);
            assert!(en.contains(english), "{payload:?}: {en}");
            assert_eq!(en, error.to_string(), "{payload:?}");
            for lang in [Lang::ZhCn, Lang::PtBr] {
                let said = exercise_link_error(lang, &error);
                let english_words: Vec<&str> = said
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| ENGLISH.contains(w))
                    .collect();
                assert!(english_words.is_empty(), "{payload:?} in {lang:?}: {said}");
            }
            let share = crate::ui::share::decode(payload);
            if let Err(share) = share {
                assert!(
                    share_error(Lang::ZhCn, &share).contains("场景"),
                    "{payload:?}"
                );
            }
        }
    }
}
