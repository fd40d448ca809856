//! Keyboard shortcuts: Space play/pause, → / ← next / previous event, Home reset, Ctrl+Z undo,
//! Ctrl+Shift+Z (or Ctrl+Y) redo. Keys keep their usual meaning where the focus has a use for
//! them: every key in a form field or a scrollable region, Space on a button, link or summary.

use crate::ui::state::Action;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What has the focus when a key is pressed, as far as the shortcuts care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The page, or an element with no use for keys: every shortcut applies.
    Page,
    /// A button, link or disclosure summary: Space activates it, the other shortcuts apply.
    Control,
    /// A form field, editable text, a widget with its own arrow keys, or a scrollable region
    /// (Home and the arrows scroll it): no shortcut applies.
    Field,
}

/// The keys of one key press that matter to the shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// What has the focus.
    pub focus: Focus,
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
    if press.alt || press.focus == Focus::Field {
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
        " " | "Spacebar" if !press.repeat && press.focus == Focus::Page => Some(Action::TogglePlay),
        "ArrowRight" => Some(Action::NextEvent),
        "ArrowLeft" => Some(Action::PreviousEvent),
        "Home" => Some(Action::Reset),
        _ => None,
    }
}

/// What `target` (the focused element) is to the shortcuts. Fields are inputs of every type
/// (a checkbox toggles with Space, a range input moves with the arrows), selects, text areas,
/// editable text, widgets with arrow keys of their own and focusable regions (they are
/// focusable so that they scroll with the keyboard).
fn focus_of(target: Option<web_sys::EventTarget>) -> Focus {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return Focus::Page;
    };
    let within = |selector: &str| element.closest(selector).ok().flatten().is_some();
    if element.is_content_editable()
        || within("input, select, textarea, [role=slider], [role=listbox], [role=menu]")
        || within("[role=region][tabindex]")
    {
        Focus::Field
    } else if within("button, a[href], summary") {
        Focus::Control
    } else {
        Focus::Page
    }
}

/// Listens for the shortcuts on the whole document and hands their actions to `on_action`.
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
                        if event.default_prevented() {
                            return;
                        }
                        let key = event.key();
                        let press = KeyPress {
                            focus: focus_of(event.target()),
                            key: &key,
                            command: event.ctrl_key() || event.meta_key(),
                            shift: event.shift_key(),
                            alt: event.alt_key(),
                            repeat: event.repeat(),
                        };
                        if let Some(action) = shortcut(press) {
                            event.prevent_default();
                            on_action.emit(action);
                        } else if key == " " && press.focus == Focus::Page {
                            // A held Space must not scroll the page either.
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
            focus: Focus::Page,
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

    #[test]
    fn keys_belong_to_the_focus_that_uses_them() {
        // key, focus, expected action
        let cases = [
            (" ", Focus::Control, None),
            ("ArrowRight", Focus::Control, Some(Action::NextEvent)),
            ("ArrowLeft", Focus::Control, Some(Action::PreviousEvent)),
            ("Home", Focus::Control, Some(Action::Reset)),
            (" ", Focus::Field, None),
            ("ArrowRight", Focus::Field, None),
            ("Home", Focus::Field, None),
        ];
        for (key, focus, expected) in cases {
            let press = KeyPress {
                focus,
                ..press(key)
            };
            assert_eq!(shortcut(press), expected, "{press:?}");
        }
        let undo = KeyPress {
            command: true,
            ..press("z")
        };
        assert_eq!(
            shortcut(KeyPress {
                focus: Focus::Control,
                ..undo
            }),
            Some(Action::Undo)
        );
        assert_eq!(
            shortcut(KeyPress {
                focus: Focus::Field,
                ..undo
            }),
            None,
            "Ctrl+Z in a field undoes the typing, not the scenario"
        );
    }
}
