//! Keyboard shortcuts: Space play/pause, → / ← next / previous event, Home reset, Ctrl+Z undo,
//! Ctrl+Shift+Z (or Ctrl+Y) redo. Keys typed into a form field keep their usual meaning.

use crate::ui::state::Action;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The keys of one key press that matter to the shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Ctrl or ⌘ held.
    pub command: bool,
    /// Shift held.
    pub shift: bool,
    /// Alt held.
    pub alt: bool,
    /// The key is held down and repeating.
    pub repeat: bool,
}

/// The action a key press stands for, if any.
pub fn shortcut(press: KeyPress) -> Option<Action> {
    if press.alt {
        return None;
    }
    if press.command {
        return match press.key {
            "z" | "Z" if press.shift => Some(Action::Redo),
            "z" | "Z" => Some(Action::Undo),
            "y" | "Y" if !press.shift => Some(Action::Redo),
            _ => None,
        };
    }
    if press.shift {
        return None;
    }
    match press.key {
        " " | "Spacebar" if !press.repeat => Some(Action::TogglePlay),
        "ArrowRight" => Some(Action::NextEvent),
        "ArrowLeft" => Some(Action::PreviousEvent),
        "Home" => Some(Action::Reset),
        _ => None,
    }
}

/// Whether keys typed at `target` belong to it: inputs of every type, selects, text areas and
/// editable text (a checkbox toggles with Space, a range input moves with the arrows).
fn is_form_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    matches!(
        element.tag_name().to_ascii_uppercase().as_str(),
        "INPUT" | "SELECT" | "TEXTAREA"
    ) || element.is_content_editable()
        || element
            .closest("[role=slider], [role=listbox], [role=menu]")
            .ok()
            .flatten()
            .is_some()
}

/// Listens for the shortcuts on the whole document and hands their actions to `on_action`.
/// Space on a focused button means play/pause too (its click is suppressed), so the key always
/// does the same thing outside form fields.
#[hook]
pub fn use_shortcuts(on_action: Callback<Action>) {
    use_effect_with((), move |()| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                EventListener::new_with_options(
                    &document,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if event.default_prevented() || is_form_field(event.target()) {
                            return;
                        }
                        let key = event.key();
                        let press = KeyPress {
                            key: &key,
                            command: event.ctrl_key() || event.meta_key(),
                            shift: event.shift_key(),
                            alt: event.alt_key(),
                            repeat: event.repeat(),
                        };
                        if let Some(action) = shortcut(press) {
                            event.prevent_default();
                            on_action.emit(action);
                        } else if key == " " {
                            // A held Space must not click the focused button either.
                            event.prevent_default();
                        }
                    },
                )
            });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            command: false,
            shift: false,
            alt: false,
            repeat: false,
        }
    }

    #[test]
    fn keys_map_to_actions() {
        // key press, expected action
        let cases = [
            (press(" "), Some(Action::TogglePlay)),
            (press("ArrowRight"), Some(Action::NextEvent)),
            (press("ArrowLeft"), Some(Action::PreviousEvent)),
            (press("Home"), Some(Action::Reset)),
            (
                KeyPress {
                    command: true,
                    ..press("z")
                },
                Some(Action::Undo),
            ),
            (
                KeyPress {
                    command: true,
                    shift: true,
                    ..press("Z")
                },
                Some(Action::Redo),
            ),
            (
                KeyPress {
                    command: true,
                    ..press("y")
                },
                Some(Action::Redo),
            ),
            (press("z"), None),
            (press("Enter"), None),
            (
                KeyPress {
                    repeat: true,
                    ..press(" ")
                },
                None,
            ),
            (
                KeyPress {
                    shift: true,
                    ..press("ArrowRight")
                },
                None,
            ),
            (
                KeyPress {
                    alt: true,
                    ..press("ArrowLeft")
                },
                None,
            ),
            (
                KeyPress {
                    command: true,
                    ..press("ArrowRight")
                },
                None,
            ),
        ];
        for (press, expected) in cases {
            assert_eq!(shortcut(press), expected, "{press:?}");
        }
    }
}
