//! What a file given to Import is (scenario, exercise or trace), and the message when it cannot
//! be imported.

use crate::engine::doc::{Node, Value};
use crate::engine::FieldError;
use crate::ui::i18n::{errors, trf, LocalText};

/// What a file given to Import holds, by its `format` (renewal-cli's all-tiers output has none,
/// only `tiers`). Anything else is read as a scenario, whose reader says what is wrong with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FileKind {
    Scenario,
    Exercise,
    Trace,
}

impl FileKind {
    /// The kind of file `text` is, with its JSON when it parses (a file that does not is read as
    /// a scenario, whose reader says where the syntax breaks).
    pub(super) fn of(text: &str) -> (FileKind, Option<Node>) {
        let text = crate::engine::doc::without_bom(text);
        let Ok(root) = crate::engine::doc::parse_json(text) else {
            return (FileKind::Scenario, None);
        };
        let kind = match root.get("format").map(|node| &node.v) {
            Some(Value::Str(format)) if format == crate::workshop::exercise::FORMAT => {
                FileKind::Exercise
            }
            Some(Value::Str(format)) if format == crate::engine::trace::FORMAT => FileKind::Trace,
            None if root.get("tiers").is_some() => FileKind::Trace,
            _ => FileKind::Scenario,
        };
        (kind, Some(root))
    }
}

/// "Could not import `file_name`", with its `problems`.
pub(super) fn import_error(file_name: String, problems: Vec<FieldError>) -> LocalText {
    LocalText::new(|l| {
        trf(
            l,
            "Could not import {0}: {1}. The current scenario is unchanged.",
            &[&file_name, &errors::problems(l, &problems)],
        )
    })
}
